"""Task tables whose cells are merged over the rows of a group, as they reach an office (issue 13, branch tables7):
a lead unit written once in the table's first column and wrapped a character or two a line, the rows of its group
leaving the cell empty; a table of one target row under its notice; a Word table whose time column names years and
whose supporting cell ends in a vague collective; a group row whose rows number on through the table; a group heading
in the 序号 cell merged over rows numbered in their own cells; a sub-row copied from a page with its one cell first.
The wording here is invented (no corpus document says it); the property tests build tables from random groups and
check that every row comes back once, in order, with its group's unit."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.word_tables import word_table
from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.tables import EMPTY_TABLE_WARNING
from tracker.parsing.unitnames import annotation_units
from tracker.vocabulary.units import is_vague_collective


def read(lines: list[str]):
    return parse_plan_text("\n".join(lines))


def _units(measures) -> list[tuple]:
    """(path, lead units, supporting units) of each measure, in document order."""
    return [(m.path, m.lead_units, m.supporting_units) for m in measures]


def named(units: list[str]) -> list[str]:
    """The units a plan stores: vague collectives are read as written but never become units."""
    return [unit for unit in units if not is_vague_collective(unit)]


# ---- 1. a lead unit merged over its group's rows, the table's first column ----------------------------------------

def test_a_lead_unit_merged_over_its_rows_and_wrapped_two_characters_a_line_leads_every_row_of_its_group():
    lines = ["附件", "2025年乡村振兴目标任务分解表",
             "牵头单位\t目标任务\t责任单位",
             "县农\t新建高标准农田2万亩。\t各乡镇人民政府",
             "业局",
             "\t培育家庭农场30家。\t县财政局",
             "\t建成冷链仓储设施5处。\t县供销社",
             "县水\t完成小型水库除险加固4座。\t县应急管理局",
             "利局",
             "\t治理水土流失面积12平方公里。\t县林业局"]
    measures = read(lines).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"], ["4"], ["5"]]  # no 序号: rows counted in order
    assert [m.lead_units for m in measures] == [["县农业局"]] * 3 + [["县水利局"]] * 2
    assert [m.supporting_units for m in measures] == [["各乡镇人民政府"], ["县财政局"], ["县供销社"],
                                                      ["县应急管理局"], ["县林业局"]]


def test_a_lead_unit_wrapped_one_character_a_line_in_a_pipe_table_is_one_unit_and_no_row_is_left_without_a_task():
    lines = ["| 牵头单位 | 目标任务 | 责任单位 |",
             "| 县 | 改造农村公路40公里。 | 各乡镇人民政府 |",
             "| 交 | | |", "| 通 | | |", "| 局 | | |",
             "| | 新开城乡公交线路3条。 | 县公交公司 |",
             "| 县卫 | 建成村卫生室标准化20个。 | 各乡镇卫生院 |",
             "| 健局 | | |"]
    draft = read(lines)
    assert _units(draft.measures) == [
        (["1"], ["县交通局"], ["各乡镇人民政府"]), (["2"], ["县交通局"], ["县公交公司"]),
        (["3"], ["县卫健局"], ["各乡镇卫生院"])]
    assert draft.warnings == []  # the wrapped pieces are no rows without a task


def test_a_lead_unit_written_above_the_rows_of_its_group_under_a_wrapped_caption_leads_them():
    lines = ["某某县2025年民生实事目标任务分解表",
             "牵头\t目标任务\t责任单位",  # the caption wrapped in its narrow cell: "牵头" / "单位"
             "单位",
             "县教育局",  # the merged cell's text at the top of its span, its rows' cells below it
             "\t新建公办幼儿园2所。\t县住建局",
             "\t改造薄弱学校食堂5所。\t县市场监管局",
             "县",
             "民",
             "政",
             "局",
             "\t新增养老床位300张。\t各乡镇人民政府"]
    draft = read(lines)
    assert _units(draft.measures) == [
        (["1"], ["县教育局"], ["县住建局"]), (["2"], ["县教育局"], ["县市场监管局"]),
        (["3"], ["县民政局"], ["各乡镇人民政府"])]
    assert not any(w.startswith(EMPTY_TABLE_WARNING) for w in draft.warnings)


def test_a_merged_lead_in_a_table_laid_out_one_cell_per_line_leads_its_groups_rows():
    lines = ["附件", "2025年城乡建设目标任务分解表",
             "牵头单位", "目标任务", "配合单位", "完成时限",
             "县住", "建局",  # the lead wrapped two characters a line, written once for its group
             "改造老旧小区6个。", "县财政局", "2025年10月底前",
             "新建停车泊位800个，", "其中公共泊位500个。", "县交警大队", "2025年12月底前",  # a task wrapped over lines
             "县城管局",
             "整治背街小巷10条。", "2025年9月底前"]  # its 配合单位 cell empty: no line
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in measures] == [
        (["1"], ["县住建局"], ["县财政局"], "2025年10月底前"),
        (["2"], ["县住建局"], ["县交警大队"], "2025年12月底前"),
        (["3"], ["县城管局"], [], "2025年9月底前")]
    assert measures[1].text.startswith("新建停车泊位800个，其中公共泊位500个。")


def test_a_section_row_ends_the_merged_lead_of_the_group_above_it():
    lines = ["牵头单位\t目标任务\t责任单位",
             "县商\t新增限上企业15家。\t县统计局",
             "务局",
             "一、社会事业",
             "\t新增托位200个。\t县卫健局"]
    measures = read(lines).measures
    assert measures[0].lead_units == ["县商务局"]
    assert measures[-1].lead_units == ["县卫健局"]  # the merged cell ended at the section: 责任单位 alone leads


def test_a_lead_column_that_writes_its_unit_on_every_row_is_read_as_before():
    lines = ["牵头单位\t目标任务\t责任单位",
             "县教育局\t新建幼儿园2所。\t县住建局",
             "县民政局\t建成养老服务中心1个。\t各乡镇人民政府"]
    assert [m.lead_units for m in read(lines).measures] == [["县教育局"], ["县民政局"]]


_LEADS = ["县发展和改革局", "县农业农村局", "县市场监督管理局", "县文化和旅游局", "县住房和城乡建设局"]


def _wrapped(name: str, width: int) -> list[str]:
    return [name[at:at + width] for at in range(0, len(name), width)]


groups_strategy = st.lists(
    st.tuples(st.sampled_from(_LEADS), st.integers(min_value=1, max_value=2), st.integers(min_value=1, max_value=4)),
    min_size=1, max_size=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups_strategy, st.sampled_from(["tabs", "pipes", "lines"]), st.sampled_from(["on its first row", "above its rows"]))
def test_property_every_row_comes_back_in_order_with_exactly_its_groups_merged_lead(groups, layout, where):
    if layout == "lines":  # one cell per line: the lead's lines come first, an empty cell has no line
        lines = ["牵头单位", "目标任务", "责任单位"]
        expected = []
        for group, (lead, width, count) in enumerate(groups):
            lines += _wrapped(lead, width)
            for place in range(count):
                task = f"完成第{group + 1}组第{place + 1}项任务。"
                lines += [task, "县财政局"]
                expected.append((task, lead))
        measures = read(lines).measures
        assert [(m.path, m.text.split("（")[0], m.lead_units) for m in measures] == [
            ([str(n)], task, [lead]) for n, (task, lead) in enumerate(expected, start=1)]
        return

    def row(*cells: str) -> str:
        return "\t".join(cells) if layout == "tabs" else "| " + " | ".join(cells) + " |"

    def alone(piece: str) -> str:  # a line holding the merged cell's text only
        return row(piece, "", "") if layout == "pipes" else piece

    lines = [row("牵头单位", "目标任务", "责任单位")]
    expected = []
    for group, (lead, width, count) in enumerate(groups):
        pieces = _wrapped(lead, width)
        if where == "above its rows":
            lines += [alone(piece) for piece in pieces]
        for place in range(count):
            task = f"完成第{group + 1}组第{place + 1}项任务。"
            first = place == 0 and where == "on its first row"
            lines.append(row(pieces[0] if first else "", task, "县财政局"))
            if first:
                lines += [alone(piece) for piece in pieces[1:]]
            expected.append((task, lead))
    measures = read(lines).measures
    assert [m.path for m in measures] == [[str(n)] for n in range(1, len(expected) + 1)]
    assert [(m.text.split("（")[0], m.lead_units) for m in measures] == [(task, [lead]) for task, lead in expected]


# ---- 2. a table of one row under a long cover notice --------------------------------------------------------------

NOTICE = ["某某县人民政府办公室关于分解落实2025年县政府工作报告目标任务的通知",
          "各乡镇人民政府，县政府各部门：",
          "现将《2025年县政府工作报告目标任务分解表》印发给你们，并就有关事项通知如下。",
          "一、提高站位。各责任单位要把目标任务纳入年度重点工作，主要负责同志亲自研究部署。",
          "二、压实责任。各牵头单位要细化措施，明确时间节点；各配合单位要主动对接。",
          "三、强化督查。县政府督查室要定期调度，结果纳入年度考核。",
          "某某县人民政府办公室", "2025年2月10日", "附件", "2025年县政府工作报告目标任务分解表"]


def test_a_table_whose_only_row_is_a_target_row_without_a_number_is_a_table_of_one_measure():
    draft = read(NOTICE + ["目标任务\t责任领导\t牵头单位\t责任单位",
                           "主要预期目标\t\t县发展和改革局\t县统计局、县财政局"])
    assert _units(draft.measures) == [
        (["1"], ["县发展和改革局"], ["县统计局", "县财政局"])]  # the notice's own 一、二、三 are no measures
    assert not any(w.startswith(EMPTY_TABLE_WARNING) for w in draft.warnings)


def test_a_task_caption_beside_an_empty_cell_is_no_header_without_a_unit_or_time_caption():
    draft = read(["目标任务\t牵头单位\t责任单位", "主要预期目标\t\t县统计局", "重点民生目标\t县民政局\t各乡镇人民政府"])
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    assert draft.measures[1].lead_units == ["县民政局"]


# ---- 3. a Word table: years in the time column, a vague collective at the end of a unit cell ----------------------

def test_a_word_tables_year_cells_are_deadlines_and_a_vague_collective_after_and_is_no_unit():
    data = word_table([["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                        ["1", "改造老旧小区12个。", "区住建局", "区财政局及相关社区", "2025年度"],
                        ["2", "新建口袋公园3处。", "区园林中心", "区城管局、属地街道", "2025年"],
                        ["3", "打通断头路2条。", "区交通局", "区自然资源局和涉及街道", "2026年度"]])
    measures = read_plan_bytes(data, "分解表.docx").measures
    assert [m.deadline for m in measures] == ["2025年度", "2025年", "2026年度"]
    assert [named(m.supporting_units) for m in measures] == [["区财政局"], ["区城管局"], ["区自然资源局"]]


def test_and_between_a_unit_and_a_vague_collective_separates_them_but_one_name_stays_whole():
    assert annotation_units("县财政局及相关街道") == ["县财政局", "相关街道"]
    assert annotation_units("县财政局和有关部门") == ["县财政局", "有关部门"]
    assert annotation_units("县人力资源和社会保障局") == ["县人力资源和社会保障局"]
    assert annotation_units("有关部门和单位") == ["有关部门和单位"]  # one vague collective
    assert all(is_vague_collective(name) for name in ["相关社区", "相关园区", "属地街道", "属地乡镇", "涉及街道"])
    assert not any(is_vague_collective(name) for name in ["各社区", "城东街道", "县财政局", "高新园区管委会"])


# ---- 4. group rows: numbering running on through the table, a group heading in the 序号 cell ----------------------

def test_rows_numbered_on_through_the_table_after_a_group_row_are_the_groups_rows():
    lines = ["序号", "工作任务", "牵头单位",
             "1", "推进县城供水管网改造。", "县水务集团",
             "2", "完成农贸市场提升3个。", "县市场监管局",
             "六、加强政府自身建设，建设人民满意政府。",
             "68", "深化政务公开标准化建设。", "县政府办公室",
             "69", "加强审计监督。", "县审计局"]
    measures = read(lines).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["六"], ["六", "68"], ["六", "69"]]
    assert [m.lead_units for m in measures] == [["县水务集团"], ["县市场监管局"], [], ["县政府办公室"], ["县审计局"]]


def test_a_group_heading_in_the_number_cell_merged_over_its_rows_groups_rows_numbered_in_their_cells():
    lines = ["序号\t目标任务\t牵头单位\t责任单位",
             "一、产业发展\t1.规上工业增加值增长7%。\t县经信局\t县统计局",
             "\t2.新增规上企业20家。\t县经信局\t县市场监管局",
             "\t3.外贸进出口增长5%。\t县商务局\t",
             "二、民生保障\t4.城镇新增就业3000人。\t县人社局\t各乡镇人民政府"]
    measures = read(lines).measures
    assert _units(measures) == [
        (["一"], [], []),  # the group takes no row's units
        (["一", "1"], ["县经信局"], ["县统计局"]), (["一", "2"], ["县经信局"], ["县市场监管局"]),
        (["一", "3"], ["县商务局"], []),
        (["二"], [], []), (["二", "4"], ["县人社局"], ["各乡镇人民政府"])]


def test_rows_without_numbers_under_a_group_heading_merged_in_the_number_cell_are_counted_under_it():
    lines = ["序号\t目标任务\t牵头单位\t责任单位",
             "一、生态环境\t空气质量优良天数比例达到90%。\t县生态环境分局\t县气象局",
             "\t森林覆盖率稳定在60%以上。\t县林业局\t",
             "\t县控断面水质达标率100%。\t县水利局\t各乡镇人民政府"]
    measures = read(lines).measures
    assert _units(measures) == [
        (["一"], [], []), (["一", "1"], ["县生态环境分局"], ["县气象局"]), (["一", "2"], ["县林业局"], []),
        (["一", "3"], ["县水利局"], ["各乡镇人民政府"])]


def test_a_word_group_heading_merged_down_the_number_column_is_no_merged_number_of_sub_rows():
    import docx

    document = docx.Document()
    document.add_paragraph("某某县2025年生态环境目标任务分解表")
    rows = [["序号", "目标任务", "牵头单位", "责任单位"],
            ["一、生态环境", "空气质量优良天数比例达到90%。", "县生态环境分局", "县气象局"],
            ["", "森林覆盖率稳定在60%以上。", "县林业局", ""],
            ["", "县控断面水质达标率100%。", "县水利局", "各乡镇人民政府"]]
    table = document.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(3, 0))  # Word reads the merged cell on every row it spans
    buffer = io.BytesIO()
    document.save(buffer)
    measures = read_plan_bytes(buffer.getvalue(), "分解表.docx").measures
    assert [(m.path, m.lead_units) for m in measures] == [
        (["一"], []), (["一", "1"], ["县生态环境分局"]), (["一", "2"], ["县林业局"]), (["一", "3"], ["县水利局"])]


def test_a_page_sub_row_written_with_its_one_cell_first_is_a_sub_row_of_the_merged_number_with_its_units():
    lines = ["序号 | 实事项目 | 责任单位 | 完成时限 |",
             "1 | 新建社区食堂2家 | 区民政局 | 6月底前 |",
             "新增助餐点10个 | ||| ",
             "2 | 改造公厕15座 | 区城管局 | 10月底前 |"]
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.deadline) for m in measures] == [
        (["1"], ["区民政局"], "6月底前"), (["1", "1.1"], ["区民政局"], "6月底前"), (["2"], ["区城管局"], "10月底前")]
    assert measures[1].text.startswith("新增助餐点10个")


group_rows_strategy = st.lists(st.tuples(st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=3)),
                               min_size=1, max_size=4)
_NUMERALS = "一二三四五六七八九"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(group_rows_strategy)
def test_property_rows_under_group_rows_come_back_once_in_order_whatever_the_running_number(groups):
    lines = ["序号", "工作任务", "牵头单位"]
    expected, number = [], 0
    for place, (jump, count) in enumerate(groups):
        heading = f"{_NUMERALS[place]}、第{place + 1}方面重点工作。"
        lines.append(heading)
        expected.append([_NUMERALS[place]])
        number += jump  # rows left out of the copy, or numbered by hand: the count runs on
        for _ in range(count):
            number += 1
            lines += [str(number), f"完成第{number}项任务。", "县发展和改革局"]
            expected.append([_NUMERALS[place], str(number)])
    measures = read(lines).measures
    assert [m.path for m in measures] == expected
    assert all(m.lead_units == ["县发展和改革局"] for m in measures if len(m.path) == 2)
