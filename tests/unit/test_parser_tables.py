"""Task tables (任务分工表), the most common shape of a 分工方案 (issue 13): a Word table, the same
table pasted as text (tabs, Markdown pipes, one cell per line) gives one measure per row, read
through the same caption vocabulary as ledger import."""
from __future__ import annotations

import io

import docx

from tracker.parsing import parse_plan_text, read_plan_bytes
from tests.helpers.budget import cpu_seconds_under
from tests.helpers.plans import TABLE_HEADER as HEADER
from tests.helpers.plans import TABLE_ROWS as ROWS
from tests.helpers.plans import make_table_docx
from tracker.parsing.tables import EMPTY_TABLE_WARNING
from tests.helpers.word_tables import word_table

def tab_table() -> str:
    return "\n".join([HEADER] + ["\t".join(row) for row in ROWS]) + "\n"


def assert_three_rows(draft) -> None:
    measures = draft.measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert measures[0].text == "建立健全政务数据共享协调机制，编制共享责任清单。"
    assert measures[0].lead_units == ["市大数据局"]
    assert measures[0].supporting_units == ["市发展改革委", "市财政局"]
    assert measures[0].deadline == "2024年6月底前"
    assert str(measures[1].due_date) == "2024-12-31"
    assert measures[2].lead_units == ["市发展改革委"] and measures[2].supporting_units == []


def test_table_pasted_with_tabs_gives_one_measure_per_row():
    assert_three_rows(parse_plan_text(tab_table()))


def test_table_written_as_markdown_pipes_gives_one_measure_per_row():
    lines = ["| " + " | ".join(HEADER.split("\t")) + " |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in ROWS]
    assert_three_rows(parse_plan_text("\n".join(lines)))


def test_table_aligned_with_spaces_gives_one_measure_per_row():
    lines = ["  ".join(HEADER.split("\t"))] + ["\u3000".join(cell or "无" for cell in row[:3]) + "\u3000" +
                                              "\u3000".join(cell for cell in row[3:] if cell) for row in ROWS]
    draft = parse_plan_text("\n".join(lines))
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert draft.measures[0].supporting_units == ["市发展改革委", "市财政局"]
    assert draft.measures[1].deadline == "2024年底前"


def test_table_laid_out_one_cell_per_line_gives_one_measure_per_row():
    cells = HEADER.split("\t") + [cell for row in ROWS for cell in row if cell]
    assert_three_rows(parse_plan_text("\n".join(cells)))


def test_word_table_gives_one_measure_per_row_even_with_empty_trailing_cells():
    assert_three_rows(read_plan_bytes(make_table_docx(auto_numbered=False), "分工方案.docx"))


def test_word_table_whose_number_column_word_numbers_itself_keeps_the_row_numbers():
    draft = read_plan_bytes(make_table_docx(auto_numbered=True), "分工方案.docx")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert draft.measures[1].lead_units == ["市政务服务中心"]


def test_table_of_reforms_to_copy_gives_every_row_under_its_section_row():
    text = ("自由贸易试验区改革试点经验复制推广工作任务分工表\n"
            "序号\t改革举措\t主要内容\t指导部门\t推广范围\n"
            "一、投资管理领域\n"
            "1\t社会投资项目“用地清单制”\t在土地供应前，由自然资源部门会同有关部门开展评估。\t自然资源部\t全国\n"
            "2\t外商投资企业登记“一口办理”\t\t市场监管总局\t全国\n"
            "二、贸易便利化领域\n"
            "3\t进口信息全程电子化\t\t海关总署\t全国\n")
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"], ["二"], ["二", "3"]]
    assert draft.measures[1].title == "社会投资项目“用地清单制”"
    assert draft.measures[1].lead_units == ["自然资源部"]
    assert draft.measures[2].text == "外商投资企业登记“一口办理”"
    assert draft.measures[4].lead_units == ["海关总署"]
    assert not [w for w in draft.warnings if "不从第一项开始" in w]  # 3 goes on from 2


def test_table_after_the_prose_numbers_a_tree_of_its_own():
    text = ("一、总体要求\n（一）工作目标。到2025年，政务服务全面实现网上办理。\n"
            "附件\n重点任务分工表\n" + tab_table())
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures][-3:] == [["1"], ["2"], ["3"]]


def test_table_laid_out_one_cell_per_line_with_bare_scores_does_not_crash():
    # A county 考评 table: bare row numbers mixed with bare scores, some cells left empty.
    text = "\n".join(["序号", "工作任务", "责任单位", "分值", "1", "建立工作台账，按月调度。", "县发改局", "10",
                      "2", "完善考核办法。", "县委组织部", "5", "3", "开展年度考评。", "县政府办", "15",
                      "4", "5", "（", "）"])
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures][:3] == [["1"], ["2"], ["3"]]
    assert draft.measures[1].lead_units == ["县委组织部"]


def test_table_header_without_rows_is_not_told_to_add_numbering():
    draft = parse_plan_text(HEADER + "\n")
    assert draft.measures == []
    assert draft.warnings[0].startswith(EMPTY_TABLE_WARNING)
    assert "Word" not in draft.warnings[0]


def test_table_of_more_than_ninety_nine_rows_keeps_every_row():
    rows = "".join(f"{n}\t第{n}项任务。\t市财政局\t\t年底前\n" for n in range(1, 151))
    draft = parse_plan_text(HEADER + "\n" + rows)
    assert [m.path for m in draft.measures] == [[str(n)] for n in range(1, 151)]


def test_table_header_search_stays_linear_on_lines_of_captions():
    # 14,000 lines of captions: a header search that went back over the lines before it (the quadratic this guards
    # against) costs minutes; the linear one about 5 CPU s here (at twice the size it took 10.9–11.6 s for this 10 s
    # bar on CI's machine, stop 50: too close to the bar to tell a blow-up from a busy core)
    with cpu_seconds_under(10):
        parse_plan_text("牵头单位\n" * 10000 + "重点任务\n牵头单位\n完成时限\n配合单位\n" * 1000)


def test_table_section_rows_written_as_actions_group_the_rows():
    draft = parse_plan_text("序号\t重点任务\t牵头单位\n行动一：基础设施提升\n1\t建设基站。\t市通信管理局\n"
                            "行动二：产业培育\n2\t培育企业。\t市发展改革委\n")
    assert [m.path for m in draft.measures] == [["行动一"], ["行动一", "1"], ["行动二"], ["行动二", "2"]]


def test_table_with_a_two_row_header_reads_lead_and_supporting_columns():
    text = ("序号\t重点任务\t责任单位\t完成时限\n\t\t牵头单位\t配合单位\t\n"
            "1\t建立台账。\t市财政局\t市审计局\t2024年底前\n2\t开展检查。\t市审计局\t\t长期坚持\n")
    draft = parse_plan_text(text)
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures] == [
        (["1"], ["市财政局"], ["市审计局"], "2024年底前"), (["2"], ["市审计局"], [], "长期坚持")]


def test_word_table_with_merged_two_row_header_reads_every_row():
    document = docx.Document()
    table = document.add_table(rows=4, cols=5)
    for index, caption in enumerate(["序号", "重点任务", "责任单位", "", "完成时限"]):
        table.cell(0, index).text = caption
    table.cell(1, 2).text, table.cell(1, 3).text = "牵头单位", "配合单位"
    table.cell(0, 2).merge(table.cell(0, 3))
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    for row, values in ((2, ROWS[0]), (3, ROWS[1])):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    out = io.BytesIO()
    document.save(out)
    draft = read_plan_bytes(out.getvalue(), "分工表.docx")
    assert [(m.path, m.lead_units, m.supporting_units) for m in draft.measures] == [
        (["1"], ["市大数据局"], ["市发展改革委", "市财政局"]), (["2"], ["市政务服务中心"], ["各区县人民政府"])]


# --- wave 3: table kinds that gave no rows (GOLD-README "Conventions reconciled") ------------------

def test_table_pasted_with_pipes_but_no_frame_gives_its_rows_and_units():
    text = ("某县2024年重点工作责任分解\n"
            "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n"
            "一、发展目标 | |||\n"
            "(1) | 粮食产量稳定在10万吨。 | 县农业农村局 | 各乡镇 |\n"
            "(2) | 新增就业2000人。 | 县人社局 县财政局 | 各乡镇、 县工业园区 |\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "(1)"], ["一", "(2)"]]
    assert (measures[1].lead_units, measures[1].supporting_units) == (["县农业农村局"], ["各乡镇"])
    assert measures[2].lead_units == ["县人社局", "县财政局"]
    assert measures[2].supporting_units == ["各乡镇", "县工业园区"]


def test_table_one_cell_per_line_closed_by_pipes_gives_one_measure_per_row():
    cells = ["序号", "重点工作", "责任领导", "责任单位", "完成时限",
             "1", "建成污水管网10公里。", "张三", "县住建局", "全年",
             "2", "改造老旧小区5个。", "李四", "县住建局、县财政局", "年底前"]
    draft = parse_plan_text("\n".join(f"{cell} |" for cell in cells))
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    assert draft.measures[0].lead_units == ["县住建局"] and draft.measures[0].deadline == "全年"
    assert draft.measures[1].lead_units == ["县住建局", "县财政局"]


def test_table_numbered_group_row_with_empty_cells_stays_in_the_table():
    rows = ["序号\t目标与任务\t牵头单位\t配合单位",
            "一、重点工作\t\t\t",
            "(一)稳住经济大盘,推动质的提升和量的增长。\t\t\t",
            "1\t扩大消费。\t\t",
            "(8)\t发放消费券。\t市商务局\t市财政局"]
    measures = table_measures(*rows)
    assert [m.path for m in measures] == [["一"], ["一", "(一)"], ["一", "(一)", "1"], ["一", "(一)", "1", "(8)"]]
    assert (measures[-1].lead_units, measures[-1].supporting_units) == (["市商务局"], ["市财政局"])


def test_word_table_section_row_numbered_with_a_bare_chinese_numeral_is_the_parent_of_its_rows():
    rows = ["序号\t重点任务\t牵头单位\t配合单位",
            "一\t优化营商环境\t\t",
            "1\t压缩审批时限。\t区政务服务局\t区发改局",
            "二\t扩大有效投资\t\t",
            "2\t储备一批项目。\t区发改局\t区财政局"]
    measures = table_measures(*rows)
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["二"], ["二", "2"]]
    assert measures[3].lead_units == ["区发改局"]


def test_table_section_line_above_the_header_heads_the_table_when_its_sections_continue_it():
    text = ("一、经济发展\n序号\t目标任务\t牵头领导\t牵头单位\t责任单位\n"
            "1\t地区生产总值增长6%。\t王某\t县发改局\t各乡镇\n"
            "二、社会事业\n2\t新建幼儿园2所。\t李某\t县教育局\t县住建局\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["二"], ["二", "2"]]
    assert (measures[3].lead_units, measures[3].supporting_units) == (["县教育局"], ["县住建局"])


def test_table_unit_marked_as_lead_inside_the_responsible_column():
    text = "序号\t工作任务\t责任单位\t完成时间\n1\t建设城市数据平台。\t市大数据局（牵头）、市财政局\t2024年底\n"
    measure = parse_plan_text(text).measures[0]
    assert (measure.lead_units, measure.supporting_units) == (["市大数据局"], ["市财政局"])


def test_table_unit_cell_naming_roles_itself_and_units_split_by_slashes():
    text = ("序号\t重点任务\t责任单位\t完成时限\n"
            "1\t完成清理。\t牵头：市财政局；配合：市税务局\t2024年6月底前完成\n"
            "2\t完成审计。\t市审计局/市财政局\t2024-12\n")
    first, second = parse_plan_text(text).measures
    assert (first.lead_units, first.supporting_units, first.deadline) == (["市财政局"], ["市税务局"], "2024年6月底前")
    assert second.lead_units == ["市审计局", "市财政局"]
    assert str(second.due_date) == "2024-12-31"


def test_table_dotted_numbers_in_the_number_column_nest_under_their_row():
    text = ("序号\t重点任务\t牵头单位\n1\t扩大投资\t\n1.1\t实施项目。\t市发改委\n1.2\t争取债券。\t市财政局\n"
            "2\t促进消费\t\n2.1\t发放消费券。\t市商务局\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["1", "1.1"], ["1", "1.2"], ["2"], ["2", "2.1"]]
    assert measures[1].lead_units == ["市发改委"] and measures[4].lead_units == ["市商务局"]


# --- wave 4 (issue 13): table shapes of documents the parser had never seen -------------------------

def table_measures(*rows: str) -> list:
    """The measures the parser reads from a task table written as tab rows, its header first."""
    return parse_plan_text("\n".join(rows)).measures


def rows_of(draft) -> list[tuple]:
    return [(m.path, m.text, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures]


def test_word_table_with_a_title_row_group_rows_and_one_task_over_several_measures():
    # An office's 分工表: a title row inside the table, 一、 rows merged across it, and 重点任务 1
    # whose 序号 and task cells are merged over its two 具体措施 rows.
    header = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
    rows = [["2023年重点任务分工表"] + [""] * 5, header, ["一、优化营商环境"] + [""] * 5,
            ["1", "深化放管服改革", "压缩审批时限至3个工作日。", "市政务服务局", "市发改委", "2023年6月底前"],
            ["", "", "推行一网通办。", "市大数据局", "各县区政府", "2023年底前"],
            ["2", "加强监管", "开展双随机抽查。", "市市场监管局", "", "长期坚持"]]
    data = word_table(rows, (), merges=[(0, 0, 0, 5), (2, 0, 2, 5), (3, 0, 4, 0), (3, 1, 4, 1)])
    assert rows_of(read_plan_bytes(data, "分工表.docx")) == [
        (["一"], "优化营商环境", [], [], None),
        (["一", "1"], "深化放管服改革", [], [], None),
        (["一", "1", "1.1"], "压缩审批时限至3个工作日。", ["市政务服务局"], ["市发改委"], "2023年6月底前"),
        (["一", "1", "1.2"], "推行一网通办。", ["市大数据局"], ["各县区政府"], "2023年底前"),
        (["一", "2"], "加强监管。开展双随机抽查。", ["市市场监管局"], [], "长期坚持")]


def test_same_table_pasted_as_text_keeps_the_merged_task_as_the_parent():
    # Pasted from Word, a merged cell is written on its first row only.
    text = ("序号\t重点任务\t具体措施\t牵头单位\t完成时限\n"
            "1\t深化放管服改革\t压缩审批时限。\t市政务服务局\t2023年6月底前\n"
            "\t\t推行一网通办。\t市大数据局\t2023年底前\n"
            "2\t加强监管\t开展抽查。\t市市场监管局\t长期坚持\n")
    assert [m.path for m in parse_plan_text(text).measures] == [["1"], ["1", "1.1"], ["1", "1.2"], ["2"]]


def test_word_table_whose_header_repeats_on_every_page_is_one_table():
    header = ["序号", "工作任务", "责任单位", "完成时间"]
    rows = [header, ["1", "任务甲。", "市财政局", "2023年6月底前"], header, ["2", "任务乙。", "市审计局", "长期坚持"]]
    draft = read_plan_bytes(word_table(rows, ()), "分工表.docx")
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    assert draft.warnings == []


def test_word_table_without_a_number_column_numbers_its_rows_one_by_one():
    # GOLD-README "Paths" → Tables: a row without 序号 takes the table's next number.
    rows = [["工作任务", "牵头单位", "配合单位", "完成时限"], ["开展排查。", "县应急局", "各乡镇", "2023年底前"],
            ["组织演练。", "县应急局", "县消防救援大队", "长期坚持"]]
    assert rows_of(read_plan_bytes(word_table(rows, ()), "分工表.docx")) == [
        (["1"], "开展排查。", ["县应急局"], ["各乡镇"], "2023年底前"),
        (["2"], "组织演练。", ["县应急局"], ["县消防救援大队"], "长期坚持")]


def test_table_columns_of_persons_scope_and_remarks_are_not_units():
    text = ("序号\t重点工作\t责任领导\t责任单位\t推广范围\t备注\t完成时限\n"
            "1\t推进改革。\t张三\t市发改委\t全市\t无\t2023年\n")
    assert rows_of(parse_plan_text(text)) == [(["1"], "推进改革。", ["市发改委"], [], "2023年")]


def test_table_pasted_with_pipes_between_cells_and_no_frame_reads_its_group_rows():
    text = ("某市2023年重点工作任务分工表\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n一、稳增长 | | | |\n"
            "1 | 扩大有效投资。 | 市发改委 | 市财政局、市自然资源局 | 2023年底前\n二、惠民生 | | | |\n"
            "2 | 新增就业1万人。 | 市人社局 | 各县区政府 | 2023年12月底前\n")
    assert rows_of(parse_plan_text(text)) == [
        (["一"], "稳增长", [], [], None),
        (["一", "1"], "扩大有效投资。", ["市发改委"], ["市财政局", "市自然资源局"], "2023年底前"),
        (["二"], "惠民生", [], [], None),
        (["二", "2"], "新增就业1万人。", ["市人社局"], ["各县区政府"], "2023年12月底前")]


def test_pasted_row_broken_by_a_line_break_inside_a_cell_is_one_row():
    text = ("序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t建立健全工作\n机制。\t市财政局\t市税务局\n"
            "市审计局\t2023年6月底前\n2\t开展检查。\t市审计局\t\t长期坚持\n")
    assert rows_of(parse_plan_text(text)) == [
        (["1"], "建立健全工作机制。", ["市财政局"], ["市税务局", "市审计局"], "2023年6月底前"),
        (["2"], "开展检查。", ["市审计局"], [], "长期坚持")]


def test_one_cell_per_line_table_with_scores_equal_to_the_next_row_number():
    cells = ["序号", "重点任务", "分值", "责任单位", "完成时限",
             "1", "建立工作台账。", "2", "县财政局", "2023年6月底前",
             "2", "开展专项检查。", "3", "县审计局", "2023年底前",
             "3", "组织考核。", "15", "县考核办", "每季度"]
    assert rows_of(parse_plan_text("\n".join(cells))) == [
        (["1"], "建立工作台账。", ["县财政局"], [], "2023年6月底前"),
        (["2"], "开展专项检查。", ["县审计局"], [], "2023年底前"),
        (["3"], "组织考核。", ["县考核办"], [], "每季度")]


def test_table_header_in_traditional_characters_is_read():
    text = "序號\t重點任務\t牽頭單位\t配合單位\t完成時限\n1\t推進改革。\t市發改委\t市財政局\t2023年\n"
    assert rows_of(parse_plan_text(text)) == [(["1"], "推進改革。", ["市發改委"], ["市財政局"], "2023年")]


def test_saved_web_page_table_with_a_row_spanning_number_cell():
    page = ("<html><body><div class='article'><h1>某县2023年重点工作任务分解表</h1><table>"
            "<tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>"
            "<tr><td colspan='5'>一、经济发展</td></tr>"
            "<tr><td rowspan='2'>1</td><td rowspan='2'>项目建设</td><td>开工重点项目。</td><td>县发改局</td><td>长期坚持</td></tr>"
            "<tr><td>储备项目。</td><td>县财政局</td><td>2023年6月</td></tr></table></div></body></html>")
    draft = read_plan_bytes(page.encode(), "分解表.html")
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "1", "1.1"], ["一", "1", "1.2"]]
    assert draft.measures[3].lead_units == ["县财政局"]


def test_word_plan_with_prose_numbering_then_an_annexed_table():
    data = word_table([["序号", "工作内容", "责任单位", "完成时限"], ["1", "开展培训。", "区人社局", "2023年12月"],
                       ["2", "组织考核。", "区委组织部\n区人社局", "每季度"]],
                      ["一、总体要求", "做好工作。", "二、工作措施", "（一）加强领导。", "附件", "任务分工表"])
    draft = read_plan_bytes(data, "方案.docx")
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["二", "（一）"], ["1"], ["2"]]
    assert draft.measures[4].lead_units == ["区委组织部", "区人社局"]


def test_table_row_with_units_but_no_task_is_named_in_a_warning_not_dropped_silently():
    text = "序号\t重点任务\t牵头单位\t完成时限\n1\t建立台账。\t市财政局\t2023年\n2\t\t市审计局\t2023年\n3\t\t\t\n"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["1"]]
    assert len(draft.warnings) == 1 and "第 3 行" in draft.warnings[0] and "任务一栏是空的" in draft.warnings[0]


# A task table drawn with box-drawing characters, as a law database stores an old 分工表 (cells
# wrapped over lines, a 牵头 cell merged over two task rows, whitespace collapsed; the first table
# of http://www.fymate.net/html/text/lar/169383/16938349_1.html, its last lines shortened).
BOX_TABLE = """┌─────────────────────┬───┬────────┬────┐
│ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│
│ │ 导 │ │ │
├─────────────────────┼───┼────────┼────┤
│抓好财税金融工作,增强发展保障能力 │梁志强│各县(市、区)政│年内见成│
├─────────────────────┤ │府,市财政局、国│ 效 │
│△进一步调整财政支出结构,加大财政在“三农│ │家税务局、地方税│ │
│”、教育、卫生、科技等方面的投入 │ │务局、金融办 │ │
│△加强财政监督,提高财政资金使用效益 │ ├────────┤ │
├─────────────────────┤ │各县(市、区)政│ │
│坚持优先发展教育,提高全民素质 │ │府,市财政局、教│ │
│ │ │育局 │ │
└─────────────────────┴───┴────────┴────┘
"""


def test_table_drawn_with_box_characters_gives_one_measure_per_task_cell():
    # the time column "年内见成效" gives its time expression "年内" (GOLD-README "Deadlines": tables)
    measures = parse_plan_text(BOX_TABLE).measures
    assert [(m.path, m.lead_units, m.deadline) for m in measures] == [
        (["1"], ["各县(市、区)政府", "市财政局", "国家税务局", "地方税务局", "金融办"], "年内"),
        (["2"], ["各县(市、区)政府", "市财政局", "国家税务局", "地方税务局", "金融办"], "年内"),
        (["3"], ["各县(市、区)政府", "市财政局", "教育局"], "年内")]
    assert measures[0].text == "抓好财税金融工作,增强发展保障能力"
    assert measures[1].text.startswith("△进一步调整财政支出结构,加大财政在“三农”、教育")


def test_box_drawn_lines_that_are_no_task_table_pass_unchanged():
    text = "┌──┬──┐\n│指标│数值│\n├──┼──┤\n│增长│6%│\n└──┴──┘\n一、加强领导。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["一"]]


def test_word_table_cells_inside_content_controls_smart_tags_and_tracked_insertions_are_read():
    # Templated 分工表: the unit cell is a content control, the deadline a smart tag (a date), the
    # task's last words a tracked insertion. python-docx's Paragraph.text sees none of them.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    rows = [["序号", "重点任务", "牵头单位", "完成时限"], ["1", "", "", ""]]
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for c, text in enumerate(rows[0]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "1"
    wrappers = {1: '<w:r><w:t>建立台账，</w:t></w:r><w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
                   '<w:r><w:t>按月更新。</w:t></w:r></w:ins>',
                2: '<w:sdt><w:sdtContent><w:r><w:t>市财政局</w:t></w:r></w:sdtContent></w:sdt>',
                3: '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">'
                   '<w:r><w:t>2024年6月底前</w:t></w:r></w:smartTag>'}
    for column, inner in wrappers.items():
        paragraph = table.cell(1, column).paragraphs[0]._p
        for element in parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"):
            paragraph.append(element)
    out = io.BytesIO()
    document.save(out)
    measure = read_plan_bytes(out.getvalue(), "分工表.docx").measures[0]
    assert (measure.path, measure.text, measure.lead_units, measure.deadline) == (
        ["1"], "建立台账，按月更新。", ["市财政局"], "2024年6月底前")


def test_table_header_with_joined_captions_and_a_progress_schedule_column():
    # "工作任务及措施", "责任单位/责任人", "进度安排": known captions with what goes with them.
    text = "序号\t工作任务及措施\t责任单位/责任人\t配合单位\t进度安排\n1\t建成数据平台。\t市大数据局\t市财政局\t2024年底前\n"
    assert rows_of(parse_plan_text(text)) == [(["1"], "建成数据平台。", ["市大数据局"], ["市财政局"], "2024年底前")]


def test_one_cell_per_line_table_numbered_with_marks_and_an_empty_cell_left_out():
    # Copied out of a PDF: the 序号 written "1." / "（2）", and the empty 配合单位 of row 1 has no line.
    cells = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
             "1.", "任务一。", "市财政局", "2023年",
             "2.", "任务二。", "市审计局", "市财政局", "2024年"]
    assert rows_of(parse_plan_text("\n".join(cells))) == [
        (["1"], "任务一。", ["市财政局"], [], "2023年"),
        (["2"], "任务二。", ["市审计局"], ["市财政局"], "2024年")]


def test_word_row_whose_unit_cell_spans_the_lead_and_supporting_columns_keeps_its_deadline():
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [header, ["1", "任务一。", "各县区政府", "", "2023年底前"], ["2", "任务二。", "市财政局", "市税务局", "长期坚持"]]
    draft = read_plan_bytes(word_table(rows, (), merges=[(1, 2, 1, 3)]), "分工表.docx")
    assert [(m.lead_units, m.supporting_units, m.deadline) for m in draft.measures] == [
        (["各县区政府"], [], "2023年底前"), (["市财政局"], ["市税务局"], "长期坚持")]


def test_web_page_row_whose_unit_cell_spans_two_columns_keeps_its_deadline():
    page = ("<html><body><div class='article'><h1>某县重点工作任务分解表</h1><table>"
            "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>"
            "<tr><td>1</td><td>招商引资。</td><td colspan='2'>各乡镇</td><td>2023年底前</td></tr>"
            "</table></div></body></html>")
    measure = read_plan_bytes(page.encode(), "分解表.html").measures[0]
    assert (measure.lead_units, measure.supporting_units, measure.deadline) == (["各乡镇"], [], "2023年底前")


def test_table_copied_from_a_pdf_with_single_spaces_between_cells():
    # pdftotext and some viewers keep one space between cells: the cells are placed by what they
    # hold (序号 first, the time last, unit names before it, the task between).
    text = ("序号 重点任务 牵头单位 配合单位 完成时限\n一、稳增长\n"
            "1 扩大有效投资。 县发改局 县财政局 2023年底前\n2 促进消费。 县商务局 长期坚持\n"
            "3 稳定就业。 县人社局 各乡镇 县财政局 2022-2023\n二、惠民生\n4 新建幼儿园2所。 县教育局 2023年\n")
    assert rows_of(parse_plan_text(text)) == [
        (["一"], "稳增长", [], [], None),
        (["一", "1"], "扩大有效投资。", ["县发改局"], ["县财政局"], "2023年底前"),
        (["一", "2"], "促进消费。", ["县商务局"], [], "长期坚持"),
        (["一", "3"], "稳定就业。", ["县人社局"], ["各乡镇", "县财政局"], "2022-2023"),
        (["二"], "惠民生", [], [], None),
        (["二", "4"], "新建幼儿园2所。", ["县教育局"], [], "2023年")]


def test_responsible_cell_naming_roles_by_words_or_marks_after_a_line_break():
    # Word cells "市财政局（牵头）⏎市税务局" (the line break read as a space) and "X牵头、Y参与".
    text = ("序号\t重点任务\t责任单位\t完成时限\n1\t任务一。\t市财政局（牵头） 市税务局\t2023年\n"
            "2\t任务二。\t市财政局牵头、市税务局参与\t2023年\n3\t任务三。\t市财政局、市税务局牵头\t2023年\n")
    assert [(m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures] == [
        (["市财政局"], ["市税务局"]), (["市财政局"], ["市税务局"]), (["市财政局", "市税务局"], [])]


def test_table_header_without_rows_after_a_numbered_plan_is_named_in_a_warning():
    draft = parse_plan_text("一、加强领导。\n附件：任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n")
    assert [m.path for m in draft.measures] == [["一"]]
    assert [w for w in draft.warnings if w.startswith(EMPTY_TABLE_WARNING)] == [
        f"{EMPTY_TABLE_WARNING}：第 3 行是任务表格的表头（序号、任务、牵头单位等列），但表头下没有写有任务内容的行，请检查表格是否完整。"]


def test_table_going_on_over_a_page_break_keeps_its_group_rows():
    # Copied from a printed table: the page's number, 续表 and the header again between two rows.
    text = ("序号\t重点任务\t牵头单位\n一、稳增长\t\t\n1\t任务一。\t市财政局\n二、惠民生\t\t\n2\t任务二。\t市人社局\n"
            "- 2 -\n续表\n序号\t重点任务\t牵头单位\n3\t任务三。\t市教育局\n")
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["二"], ["二", "2"], ["二", "3"]]
    assert draft.warnings == []


def test_project_list_annexed_to_a_plan_reads_name_content_unit_and_years():
    # 重点项目清单: "项目名称 | 建设内容 | 总投资 | 责任单位 | 建设起止年限" (GOLD-README "Deadlines").
    text = ("序号\t项目名称\t建设内容\t总投资（万元）\t责任单位\t建设起止年限\n"
            "1\t城西幼儿园\t新建幼儿园一所。\t3000\t县教育局\t2022-2023\n")
    assert rows_of(parse_plan_text(text)) == [(["1"], "城西幼儿园。新建幼儿园一所。", ["县教育局"], [], "2022-2023")]


# ---- Issue 13, round 2: the units of larger, varied 分工表 ------------------------------------------

def _two_row_header_docx() -> bytes:
    """A Word 分工表 as offices draw it: 序号 and 目标任务 merged over two header rows, 责任分工
    spanning 牵头单位 | 责任单位, a 数据提供单位 column of no field, units one per line in a cell."""
    document = docx.Document()
    document.add_paragraph("2022年《政府工作报告》目标任务责任分解方案")
    rows = [["序号", "目标任务", "责任分工", "", "数据提供单位"],
            ["", "", "牵头单位", "责任单位", ""],
            ["一、全市经济社会发展主要预期目标"],
            ["1", "全社会研发经费投入增长8%。", "市科技局", "市经信局\n市财政局\n市教育局", "市统计局"],
            ["2", "农村居民人均可支配收入增长8.2%。", "市农业农村局", "市人社局", "成都调查队"]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(2, 0).merge(table.cell(2, 4))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_table_with_a_two_row_header_reads_units_one_per_line_and_no_empty_table():
    """A liaison uploads the city's Word 分工表: the header's second row names 牵头单位 | 责任单位
    under 责任分工; every row keeps its lead and supporting units, and no warning says the table
    has no rows."""
    draft = read_plan_bytes(_two_row_header_docx(), "分工方案.docx")
    by_path = {tuple(m.path): m for m in draft.measures}
    assert list(by_path) == [("一",), ("一", "1"), ("一", "2")]
    assert by_path[("一", "1")].lead_units == ["市科技局"]
    assert by_path[("一", "1")].supporting_units == ["市经信局", "市财政局", "市教育局"]
    assert by_path[("一", "2")].supporting_units == ["市人社局"]  # 成都调查队 only provides data
    assert not [w for w in draft.warnings if w.startswith(EMPTY_TABLE_WARNING)]


def test_one_cell_per_line_table_with_the_precedence_rule_in_its_unit_caption():
    """A 分工表 copied out of a web page, one cell per line, whose unit column says 列第一位的为牵头单位:
    the first unit leads, the others support; a long unit cell wrapped over two lines stays one
    cell; a group row (一) under a section row is a row of its own."""
    text = "\n".join([
        "序号", "工作任务", "责任单位（列第一位的为牵头单位）",
        "一、全市经济社会发展主要预期目标",
        "1", "固定资产投资增长10%。", "市发改委、市经信局、市科技局、", "市财政局、市自然资源局",
        "2", "城镇新增就业完成省定任务。", "市人力社保局",
        "二、重点抓好六方面工作",
        "(一)全力以赴拼经济稳增长促发展。",
        "3", "实施招商引资“百千”行动。", "市双招双引办、市发改委,各县(市、", "区)政府"])
    draft = parse_plan_text(text)
    by_path = {tuple(m.path): m for m in draft.measures}
    assert by_path[("一", "1")].lead_units == ["市发改委"]
    assert by_path[("一", "1")].supporting_units == ["市经信局", "市科技局", "市财政局", "市自然资源局"]
    assert by_path[("一", "1")].text == "固定资产投资增长10%。"
    assert by_path[("一", "2")].lead_units == ["市人力社保局"]
    assert by_path[("二", "(一)", "3")].lead_units == ["市双招双引办"]
    assert by_path[("二", "(一)", "3")].supporting_units == ["市发改委", "各县(市、区)政府"]


def test_unit_column_naming_persons_too_gives_the_units_only():
    """A 分工表 whose unit columns write each unit with its person ("牵头单位（责任人）", "责任单位
    及责任人"): persons are never units, the units are read as written."""
    measures = table_measures(
        "序号\t工作任务\t牵头单位（责任人）\t配合单位",
        "1\t扩大有效投资。\t市发改委（张三）\t市财政局（李四）、市商务局（王五）",
        "2\t稳定就业。\t市人社局 赵六\t市财政局：钱七",
    )
    assert measures[0].lead_units == ["市发改委"]
    assert measures[0].supporting_units == ["市财政局", "市商务局"]
    assert measures[1].lead_units == ["市人社局"] and measures[1].supporting_units == ["市财政局"]
    # a name with a title in brackets is a person wherever it is written
    plain = parse_plan_text("序号\t工作任务\t牵头单位\n1\t扩大有效投资。\t市发改委（张三局长）、市科技局（知识产权局）\n")
    assert plain.measures[0].lead_units == ["市发改委", "市科技局（知识产权局）"]


def test_leader_columns_beside_unit_columns_are_left_out():
    """牵头市领导 | 牵头单位 | 责任人 | 配合单位: the leader and the person are no units."""
    text = "\n".join([
        "序号\t重点任务\t牵头市领导\t牵头单位\t责任人\t配合单位\t完成时限",
        "1\t扩大有效投资。\t张三\t市发改委\t李四\t市财政局、市商务局\t2023年底前",
    ])
    measure = parse_plan_text(text).measures[0]
    assert measure.lead_units == ["市发改委"] and measure.supporting_units == ["市财政局", "市商务局"]
    assert measure.deadline == "2023年底前"


def test_one_cell_holding_lead_and_supporting_units_by_short_captions():
    """责任单位 cells written "牵头：A\\n配合：B、C" (a Word cell of two lines) or "A（牵头），B"."""
    measures = table_measures(
        "序号\t工作任务\t责任单位",
        "（一）\t防范金融产品风险。\t牵头：人行重庆营管部、重庆银监局 配合：市金融办、重庆证监局",
        "（二）\t稳定就业。\t市人社局（牵头），市财政局",
    )
    assert measures[0].lead_units == ["人行重庆营管部", "重庆银监局"]
    assert measures[0].supporting_units == ["市金融办", "重庆证监局"]
    assert measures[1].lead_units == ["市人社局"] and measures[1].supporting_units == ["市财政局"]


def test_task_captions_of_county_ledgers_name_the_task_column():
    for caption in ("主要目标任务", "工作目标", "具体工作内容", "落实措施", "重点工作事项"):
        draft = parse_plan_text(f"序号\t{caption}\t责任单位\n1\t扩大有效投资。\t县发改局\n")
        assert [m.lead_units for m in draft.measures] == [["县发改局"]], caption


def test_word_cell_with_one_unit_per_paragraph_keeps_units_with_remarks_apart():
    """A Word cell lists one unit per paragraph (read joined by spaces); units with a bracketed
    remark or naming a group of places are units of their own, not glued to their neighbours."""
    measures = table_measures(
        "序号\t工作任务\t牵头单位\t配合单位",
        "1\t推进基层治理。\t区委组织部（区人才办）\t区民政局 各镇（街道） 各村（社区）",
        "2\t发展文旅产业。\t区文旅局\t区融媒体中心 各景区 各县区",
    )
    assert measures[0].lead_units == ["区委组织部（区人才办）"]
    assert measures[0].supporting_units == ["区民政局", "各镇（街道）", "各村（社区）"]
    assert measures[1].supporting_units == ["区融媒体中心", "各景区", "各县区"]


def test_one_cell_per_line_table_whose_unit_cell_lists_one_unit_per_line():
    """A table copied out of a PDF, one cell per line, where the 配合单位 cell lists one unit per
    line: the units stay units (the first line leads), the task text is the task's only."""
    text = "\n".join(["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
                      "1", "加快推进重大项目建设。", "区发改局", "区财政局", "区自然资源局", "区住建局", "2023年12月底前",
                      "2", "深化放管服改革。", "区政务服务中心", "区直各部门", "2023年6月底前"])
    measures = parse_plan_text(text).measures
    assert measures[0].text == "加快推进重大项目建设。"
    assert measures[0].lead_units == ["区发改局"]
    assert measures[0].supporting_units == ["区财政局", "区自然资源局", "区住建局"]
    assert measures[0].deadline == "2023年12月底前"
    assert measures[1].lead_units == ["区政务服务中心"] and measures[1].supporting_units == ["区直各部门"]


def test_word_table_whose_time_caption_spans_one_column_per_year():
    """A three-year 分工表: 完成时限 spans 2023年 | 2024年 | 2025年, each row writing its milestone
    under the years it works in. Every row is read with its units, and its deadline is the last
    year with a milestone (GOLD-README "Table cells, wave 5")."""
    document = docx.Document()
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "", ""],
            ["", "", "", "", "2023年", "2024年", "2025年"],
            ["1", "建设综合客运枢纽。", "市交通运输局", "市发改委\n市自然资源局", "开工建设", "主体完工", "建成投用"],
            ["2", "稳定就业。", "市人社局", "市财政局", "√", "√", ""]]
    table = document.add_table(rows=len(rows), cols=7)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 4).merge(table.cell(0, 6))
    for c in range(4):
        table.cell(0, c).merge(table.cell(1, c))
    out = io.BytesIO()
    document.save(out)
    draft = read_plan_bytes(out.getvalue(), "三年行动分工表.docx")
    measures = draft.measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert measures[0].lead_units == ["市交通运输局"]
    assert measures[0].supporting_units == ["市发改委", "市自然资源局"]
    assert measures[0].deadline == "2025年" and measures[1].deadline == "2024年"
    assert not draft.warnings


def test_one_cell_per_line_table_without_number_column_whose_task_wraps():
    """No 序号 column, one cell per line, a task cell wrapped over two lines: the rows stay whole
    (the line where the 牵头单位 is due names no unit, so it is the task's)."""
    text = "\n".join(["重点任务", "牵头单位", "配合单位", "完成时限",
                      "加快推进重大项目建设，", "确保全年完成投资100亿元。", "区发改局", "区财政局", "2023年12月底前",
                      "深化放管服改革。", "区政务服务中心", "区直各部门", "2023年6月底前"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert measures[0].text == "加快推进重大项目建设，确保全年完成投资100亿元。"
    assert measures[0].lead_units == ["区发改局"] and measures[0].supporting_units == ["区财政局"]
    assert measures[1].lead_units == ["区政务服务中心"] and measures[1].deadline == "2023年6月底前"


def test_duty_remark_after_the_last_unit_of_a_cell_is_no_part_of_its_name():
    draft = parse_plan_text("序号\t工作任务\t责任单位\n1\t扩大有效投资。\t市发改委、市财政局（按职责分工负责）\n")
    assert draft.measures[0].lead_units == ["市发改委", "市财政局"]


def test_unit_captions_with_a_level_or_a_county_wording_name_unit_columns():
    """市级牵头单位 | 县级责任单位, 落实责任单位 | 协同配合单位: the level says no field; 责任单位 beside a
    牵头 column supports."""
    for lead, supporting in (("市级牵头单位", "县级责任单位"), ("落实责任单位", "协同配合单位"),
                             ("牵头落实单位", "配合落实单位")):
        draft = parse_plan_text(f"序号\t工作任务\t{lead}\t{supporting}\n1\t扩大有效投资。\t市发改委\t各县（市、区）政府\n")
        measure = draft.measures[0]
        assert measure.lead_units == ["市发改委"], lead
        assert measure.supporting_units == ["各县（市、区）政府"], supporting


def test_saved_page_whose_task_table_is_its_densest_block_keeps_the_heading_above_it():
    """A 分工 page without a known body class: the task table holds most of the text, yet the
    heading just above it is the document's too (the table's own 一、 then restarts the list)."""
    rows = "".join(f"<tr><td>({i})</td><td>推进第{i}项重点工作，确保按期完成年度目标任务。</td><td>市发展改革委</td>"
                   f"<td>各县市区政府</td></tr>" for i in range(1, 6))
    page = ("<html><body><div class='nav'><a href='/'>首页</a></div><div class='article'>"
            "<p>关于2025年重点工作及责任分解的通知</p><p>一、市政府重点工作任务</p><table border='1'>"
            "<tr><th>序号</th><th>目标与任务</th><th>牵头责任单位</th><th>责任单位</th></tr>"
            "<tr><td colspan='4'>一、主要预期目标</td></tr>" + rows + "</table></div></body></html>")
    draft = read_plan_bytes(page.encode("utf-8"), "fenjie.html")
    paths = [m.path for m in draft.measures]
    assert paths[0] == ["一"] and paths[1] == ["一（第2组）"]
    assert paths[2] == ["一（第2组）", "(1)"] and draft.measures[2].lead_units == ["市发展改革委"]


def test_table_one_cell_per_line_group_row_after_a_whole_row_opens_the_next_group():
    """杭州 (253): "(二)…牵头重点工作" after row 2's last cell is a group row, not row 2's unit cell."""
    cells = ["序号", "重点工作任务", "责任单位", "(一)刘忻市长牵头重点工作", "1", "严守政治纪律和政治规矩。",
             "市政府各直属单位", "2", "驰而不息纠治“四风”。", "市政府各直属单位", "(二)戴建平常务副市长牵头重点工作",
             "3", "加快建设城西科创大走廊。", "市科技局、市发改委", "4", "推进人才创新创业服务综合体建设。",
             "市发改委、市人力社保局配合落实"]
    draft = parse_plan_text("\n|\n".join(cells) + "\n|\n")
    got = {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}
    assert list(got) == [("(一)",), ("(一)", "1"), ("(一)", "2"), ("(二)",), ("(二)", "3"), ("(二)", "4")]
    assert got[("(一)", "2")] == (["市政府各直属单位"], [])
    assert got[("(二)", "4")] == ([], ["市发改委", "市人力社保局"])
# --- issue 13, round 3: real long 分工表 (documents 230–249) --------------------------------------

def test_rectification_list_reads_its_measures_and_units():
    """A 整改 list (序号 | 整改任务 | 整改措施 | 责任单位 | 整改时限): the problem opens each row's text,
    the responsible unit leads, the 整改时限 is the deadline."""
    draft = parse_plan_text("\n".join([
        "序号\t整改任务\t整改措施\t责任单位\t整改时限",
        "1\t乡镇卫生院服务能力不足。\t配齐全科医生，更新检查设备。\t县卫健局、县财政局\t2024年12月底前",
        "2\t农村公路养护不到位。\t落实养护资金和人员。\t县交通运输局\t立行立改",
    ]))
    measures = draft.measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert measures[0].text.startswith("乡镇卫生院服务能力不足。") and "配齐全科医生" in measures[0].text
    assert measures[0].lead_units == ["县卫健局", "县财政局"] and measures[0].deadline == "2024年12月底前"
    assert measures[1].lead_units == ["县交通运输局"] and measures[1].deadline == "立行立改"


def test_a_column_splitting_each_key_task_into_its_work_is_the_task_text():
    """序号 | 重点任务 | 任务分解 | 牵头部门 | 责任部门: the 任务分解 cell is what is to be done, not lost
    behind the 重点任务 it splits."""
    draft = parse_plan_text("\n".join([
        "序号\t重点任务\t任务分解\t牵头部门\t责任部门\t完成时限",
        "1\t扩大有效投资\t谋划储备重大项目100个。\t区发改局\t区财政局\t2024年底前",
    ]))
    measure = draft.measures[0]
    assert "谋划储备重大项目100个" in measure.text
    assert measure.lead_units == ["区发改局"] and measure.supporting_units == ["区财政局"]


def test_assessment_table_laid_out_one_cell_per_line_keeps_scores_out_of_the_row_numbers():
    """A 考核 table copied from a page (序号, 考核内容, 分值, 责任单位, 完成时限 one cell per line): each
    score is a bare number like the next row's 序号, yet every row is read with its unit."""
    text = "\n".join(["序号", "考核内容", "分值", "责任单位", "完成时限",
                      "1", "推进招商引资。", "2", "区商务局", "6月底前",
                      "2", "开展安全检查。", "3", "区应急局", "9月底前",
                      "3", "做好信访工作。", "4", "区信访局", "全年"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert [m.lead_units for m in measures] == [["区商务局"], ["区应急局"], ["区信访局"]]
    assert [m.deadline for m in measures] == ["6月底前", "9月底前", "全年"]


def test_project_list_laid_out_one_cell_per_line_with_amount_columns_in_ten_thousands():
    """项目名称 | 建设内容 | 总投资（万元） | 年度计划投资（万元） | 责任单位 | 完成时限, one cell per line:
    captions longer than a short one only by their measure in brackets still make the header."""
    text = "\n".join(["序号", "项目名称", "建设内容", "总投资（万元）", "年度计划投资（万元）", "责任单位", "完成时限",
                      "1", "城区道路改造", "改造道路3公里。", "2", "1", "区住建局", "2024年底",
                      "2", "污水处理厂扩建", "新增处理能力1万吨。", "3", "3", "区水务局", "2024年底"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert measures[1].lead_units == ["区水务局"] and measures[1].deadline == "2024年底"


def test_a_mark_after_a_row_number_is_layout_not_part_of_the_number():
    """"1*" marks the rows a city leads among those it supports: the row is 1, in a Word table and
    in a table laid out one cell per line alike."""
    tabbed = parse_plan_text("序号\t重点工作任务\t责任单位\n1*\t推进科创走廊建设。\t市科技局\n2\t扩大消费。\t市商务局\n")
    assert [m.path for m in tabbed.measures] == [["1"], ["2"]]
    lines = parse_plan_text("\n".join(["序号", "重点工作任务", "责任单位",
                                       "1*", "推进科创走廊建设。", "市科技局", "2", "扩大消费。", "市商务局"]))
    assert [m.path for m in lines.measures] == [["1"], ["2"]]
    assert lines.measures[0].lead_units == ["市科技局"]


def test_one_cell_per_line_table_with_leader_groups_and_the_upper_level_lead_under_each_row():
    """A city's table of the province's tasks (涉杭任务), copied from a page: group rows "(一)X副市长牵头
    重点工作", rows numbered on through the groups, and under each row's units the province's lead
    ("省牵头单位:省商务厅"): that line stays in the row and names no unit of the city."""
    text = "\n".join(["序号", "重点工作任务", "责任单位",
                      "(一)张副市长牵头重点工作",
                      "1", "加强粮食安全保障。", "市农业农村局、市商务局", "省牵头单位:省农业农村厅",
                      "(二)李副市长牵头重点工作",
                      "2", "深入实施消费新政。", "市商务局、市发改委", "省牵头单位:省商务厅"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["(一)"], ["(一)", "1"], ["(二)"], ["(二)", "2"]]
    assert measures[1].lead_units == ["市农业农村局", "市商务局"] and measures[1].supporting_units == []
    assert measures[3].lead_units == ["市商务局", "市发改委"]
    assert measures[1].text == "加强粮食安全保障。"


def test_the_heading_of_a_second_table_ends_the_first_and_each_table_numbers_its_own_tree():
    """Two tables one after the other, each under its own heading (一、… and 二、…): the second heading
    is not a section row of the first table, and is not put under its last row."""
    table = ["序号", "重点工作任务", "责任单位", "(一)张副市长牵头重点工作", "1", "加强粮食安全保障。", "市农业农村局"]
    text = "\n".join(["一、“十四五”时期重点工作"] + table + ["二、2021年重点工作"] + table)
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths == [["一"], ["(一)"], ["(一)", "1"], ["二"], ["(一)（第2组）"], ["(一)（第2组）", "1"]]


def test_list_of_livelihood_projects_copied_one_cell_per_line_with_a_merged_number_and_page_tools():
    """A county's 民生实事 list copied from its page: units one per line, one 序号 (and its unit)
    merged over two tasks each with its own time, and the page's "分享到:" right after the last row.
    The merged row gives the first task and, under it, the second with the same unit; the page's tool
    is no part of the last row."""
    text = "\n".join(["序号", "民生实事", "责任单位", "完成时限",
                      "1", "启动城区河道综合治理。", "县水务局", "县住建局", "12月底前",
                      "2", "开工建设县养老院。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前",
                      "3", "新建1个农贸市场。", "县商务局", "12月底前",
                      "分享到:"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["2", "2.1"], ["3"]]
    assert measures[0].lead_units == ["县水务局", "县住建局"]
    assert (measures[1].lead_units, measures[1].deadline) == (["县民政局"], "5月底前")
    assert (measures[2].text, measures[2].lead_units, measures[2].deadline) == ("开工建设老年大学。", ["县民政局"], "12月底前")
    assert (measures[3].text, measures[3].lead_units, measures[3].deadline) == ("新建1个农贸市场。", ["县商务局"], "12月底前")


def test_word_table_whose_unit_cells_name_parks_and_zones_one_per_line():
    """A Word 分工表 whose 配合单位 cell lists a department, a park and a bonded zone one per paragraph:
    three units, not one name run together."""
    data = word_table([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                        ["1", "扩大对外开放。", "市商务局", "市发改委\n滨江产业园\n综合保税区", "2024年底前"]], "关于印发重点工作任务分工的通知", paragraphs=True)
    measure = read_plan_bytes(data, "分工表.docx").measures[0]
    assert measure.lead_units == ["市商务局"]
    assert measure.supporting_units == ["市发改委", "滨江产业园", "综合保税区"]


def test_word_table_whose_time_cell_gives_two_dates_one_per_line_is_due_by_the_first():
    """完成时限 "2024年6月30日" and "2024年12月31日" on two lines of one cell: two deadlines, the first is the
    row's (GOLD-README "Two deadlines in one measure"), due that day, not at the end of the year."""
    data = word_table([["序号", "重点任务", "责任单位", "完成时限"],
                        ["1", "完成方案编制并组织实施。", "市大数据局", "2024年6月30日\n2024年12月31日"],
                        ["2", "开展营商环境评价。", "市营商环境局", "2024年9月底前"]], "关于印发重点工作任务分工的通知", paragraphs=True)
    measures = read_plan_bytes(data, "分工表.docx").measures
    assert (measures[0].deadline, str(measures[0].due_date)) == ("2024年6月30日", "2024-06-30")
    assert (measures[1].deadline, str(measures[1].due_date)) == ("2024年9月底前", "2024-09-30")


def test_word_table_whose_captions_carry_the_year_or_a_section_office_wording_is_read():
    """"2024年目标任务 | 承办部门 | 协办科室 | 时序进度": the year says when, not which column; 承办 leads
    and 协办 supports; the 时序进度 cell is the row's time."""
    data = word_table([["序号", "2024年目标任务", "承办部门", "协办科室", "时序进度"],
                        ["1", "完成老旧小区改造20个。", "区住建局", "区财政局\n各街道", "2024年11月底前"]], "关于印发重点工作任务分工的通知", paragraphs=True)
    measure = read_plan_bytes(data, "目标任务.docx").measures[0]
    assert measure.path == ["1"] and measure.text == "完成老旧小区改造20个。"
    assert measure.lead_units == ["区住建局"] and measure.supporting_units == ["区财政局", "各街道"]
    assert measure.deadline == "2024年11月底前"


def test_one_cell_per_line_table_whose_rows_write_their_number_and_task_on_one_line():
    """A copy where each row's 序号 and task came out on one line ("2.开展安全检查。"), the task of row 1
    holding a numbered list of its own: three rows, the inner list stays in row 1's text."""
    text = "\n".join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限",
                      "1.推进招商引资：", "1.引进项目50个；", "2.新签约项目20个。", "区商务局", "区发改局", "6月底前",
                      "2.开展安全检查。", "区应急局", "各街道", "9月底前",
                      "3.做好信访工作。", "区信访局", "各街道", "全年"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert "1.引进项目50个；2.新签约项目20个。" in measures[0].text
    assert (measures[0].lead_units, measures[0].supporting_units) == (["区商务局"], ["区发改局"])
    assert (measures[1].lead_units, measures[1].deadline) == (["区应急局"], "9月底前")


def test_one_cell_per_line_table_whose_numbering_restarts_under_each_group_row():
    """"一、稳增长" rows 1, 2 then "二、惠民生" rows 1, 2 again, one cell per line: the second group's rows
    are read, under it."""
    text = "\n".join(["序号", "工作任务", "责任单位", "完成时限",
                      "一、稳增长", "1", "推进招商引资。", "区商务局", "6月底前", "2", "开展安全检查。", "区应急局", "9月底前",
                      "二、惠民生", "1", "做好信访工作。", "区信访局", "全年", "2", "推进河长制。", "区水利局", "全年"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "2"], ["二"], ["二", "1"], ["二", "2"]]
    assert measures[4].text == "做好信访工作。" and measures[4].lead_units == ["区信访局"]


def test_table_whose_captions_join_two_words_is_read_by_the_word_that_names_a_column():
    """"序号 | 目标和任务 | 责任单位 | 时限及要求": the header names its task and time columns by one of
    the two words each caption joins, so the rows and their units are read (not taken for prose)."""
    draft = parse_plan_text("序号\t目标和任务\t责任单位\t时限及要求\n"
                            "1\t新建城市书房10个。\t市文广旅局、各区政府\t2024年9月底前完成\n")
    measure = draft.measures[0]
    assert measure.path == ["1"] and measure.text == "新建城市书房10个。"
    assert measure.lead_units == ["市文广旅局", "各区政府"] and measure.deadline == "2024年9月底前"


def test_word_table_whose_unit_caption_spans_two_columns_without_sub_captions():
    """"责任单位" merged over two columns and no second header row: each row's two unit cells are both
    its units (责任单位 alone leads), none is dropped."""
    document = docx.Document()
    document.add_paragraph("关于印发重点工作分解表的通知")
    table = document.add_table(rows=3, cols=5)
    rows = [["序号", "重点任务", "责任单位", "", "完成时限"],
            ["1", "扩大有效投资。", "区发改局", "区财政局", "2024年底前"],
            ["2", "促进消费。", "区商务局", "各街道", "2024年10月底前"]]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    out = io.BytesIO()
    document.save(out)
    measures = read_plan_bytes(out.getvalue(), "分解表.docx").measures
    assert [m.lead_units for m in measures] == [["区发改局", "区财政局"], ["区商务局", "各街道"]]
    assert [m.deadline for m in measures] == ["2024年底前", "2024年10月底前"]


def test_one_cell_per_line_table_whose_numbering_skips_a_row_reads_every_row():
    """Rows numbered 1, 2, 4, 5 (a row deleted, the numbers typed by hand), one cell per line: rows 4
    and 5 are rows of their own, not lines of row 2; a score of 3 under 分值 still opens no row."""
    text = "\n".join(["序号", "工作任务", "责任单位", "完成时限",
                      "1", "推进招商引资。", "区商务局", "6月底前", "2", "开展安全检查。", "区应急局", "9月底前",
                      "4", "做好信访工作。", "区信访局", "全年", "5", "推进河长制。", "区水利局", "全年"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["4"], ["5"]]
    assert [m.lead_units for m in measures] == [["区商务局"], ["区应急局"], ["区信访局"], ["区水利局"]]
    scored = parse_plan_text("\n".join(["序号", "工作任务", "责任单位", "分值",
                                        "1", "推进招商引资。", "区商务局", "3", "2", "开展安全检查。", "区应急局", "4"]))
    assert [m.path for m in scored.measures] == [["1"], ["2"]]


def test_row_whose_merged_key_task_cell_was_copied_once_keeps_its_units_in_their_column():
    """序号 | 重点任务 | 具体措施 | 牵头单位 | 完成时限, the 重点任务 "扩大有效投资" merged over rows 1 and 2 and
    copied once: row 2 lacks that cell, yet its measure is its own text and 区发改局 its lead unit, pasted
    with tabs or one cell per line alike."""
    header = ["序号", "重点任务", "具体措施", "牵头单位", "完成时限"]
    rows = [["1", "扩大有效投资", "谋划储备项目100个。", "区发改局", "6月底前"],
            ["2", "开工建设项目50个。", "区发改局", "9月底前"],
            ["3", "促进消费", "举办消费季活动。", "区商务局", "10月底前"]]
    tabbed = "\n".join("\t".join(row) for row in [header] + rows)
    one_per_line = "\n".join(cell for row in [header] + rows for cell in row)
    for text in (tabbed, one_per_line):
        measures = parse_plan_text(text).measures
        assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
        assert (measures[1].text, measures[1].lead_units, measures[1].deadline) == (
            "开工建设项目50个。", ["区发改局"], "9月底前")
