"""Unit kinds the parser still lost, found by trying an office's forms (issue 13, branch kinds44).

1. A clause in the middle of an annotation that the vocabulary does not know (`按月调度`, `逐年推进`, `分头落实`) made the
   whole bracket unreadable: only a last clause was passed over (kinds43). The units now stand wherever such a clause
   sits, the deadline is read where one is written (`每年6月底前报送进展` → `每年6月底前`), and the clause stays text.
2. A standing sentence after a group of measures (`以上各项任务均需…认真落实`, `（上述措施由…组织实施）`) gave its words to
   the item before it, or to the heading, as a unit (`上述措施由各地各部门`); a closing line naming a body for the items above
   (`以上任务由市金融办牵头`) reads as a heading naming its lead does (GOLD-README "kinds44").
3. Cells of a units column written as offices write them in a Word 分工表: short captions on two lines (`牵头：A` /
   `责任：B、C`), a cell that only says `同上` (the row above's units), a leader's post among the units (`分管副市长`).
Wording invented (GOLD-README "kinds44")."""
from __future__ import annotations

import datetime
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from docx import Document

from tests.helpers.signed_plans import UNITS_AND_DEADLINE, read_signed_plan
from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.annotations import parse_annotation_body


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    return read_signed_plan("关于印发某市2025年城市更新行动方案的通知", items, "某市人民政府办公室\n2025年3月10日",
                            UNITS_AND_DEADLINE)


# ---- kind 1: a clause outside the vocabulary anywhere in the bracket ------------------------------------------------

def test_units_stand_whatever_clause_sits_in_the_middle_of_the_bracket_and_a_deadline_is_read_where_written():
    read = _plan([
        "一、改造老旧小区供热管网。（市住建局牵头，分头落实，2025年10月底前完成）",
        "二、开展独居老人探访关爱。（区民政局负责，逐年扩面，每年6月底前报送进展）",
        "三、开展防汛应急演练。（县应急局牵头，按月调度，县水利局、县消防救援大队配合）",
        "四、规范早夜市经营。（2025年起，市城管局负责，常抓不懈）",
        "五、清理僵尸车。（压茬推进；市公安局牵头；市城管局配合）",
    ])
    assert read[("一",)] == (["市住建局"], [], "2025年10月底前", datetime.date(2025, 10, 31))
    assert read[("二",)] == (["区民政局"], [], "每年6月底前", None)  # every year's June: periodic, no due date
    assert read[("三",)] == (["县应急局"], ["县水利局", "县消防救援大队"], None, None)
    assert read[("四",)] == (["市城管局"], [], None, None)  # the start year says when it begins, not by when
    assert read[("五",)] == (["市公安局"], ["市城管局"], None, None)


def test_words_of_work_between_a_captions_units_are_passed_over_and_never_become_a_unit():
    read = _plan([
        "一、建设智慧停车平台。（牵头单位：市城管局；按月调度；配合单位：市公安局、市数据局）",
        "二、推进老旧电梯更新。（牵头单位：市市场监管局，分步实施；配合单位：市住建局；2025年12月底前完成）",
        "三、建设海绵城市示范片区。（责任单位：市住建局，市轨道交通）",  # a name ending otherwise stays a name
    ])
    assert read[("一",)] == (["市城管局"], ["市公安局", "市数据局"], None, None)
    assert read[("二",)] == (["市市场监管局"], ["市住建局"], "2025年12月底前", datetime.date(2025, 12, 31))
    assert read[("三",)][:2] == (["市住建局", "市轨道交通"], [])


def test_a_bracket_whose_only_duty_is_missing_or_whose_list_waits_across_the_clause_stays_no_annotation():
    assert parse_annotation_body("按月调度，常抓不懈") is None  # no duty, no unit: words, not an annotation
    assert parse_annotation_body("抓紧推进，2025年底前") is None  # a time and words: still no units to keep
    # a list waiting for its duty across an unknown clause is not guessed at
    assert parse_annotation_body("市发改委、市财政局，按月调度，市统计局配合") is None
    # a remark on the list below is never passed over
    assert parse_annotation_body("市发改委牵头，以下均需各区落实，不再单独列出") is None


_STRANGE_WORDS = "推动提升优化改善强化质量效率水平环境创新融合发展稳步压茬常抓不懈调度摸排梳理见效"
_KNOWN = [("市卫健委牵头", [("lead", "市卫健委")]), ("市医保局、市民政局配合", [("supporting", "市医保局"), ("supporting", "市民政局")]),
          ("区财政局负责", [("responsible", "区财政局")])]


@settings(max_examples=150, deadline=None)
@given(strange=st.text(alphabet=_STRANGE_WORDS, min_size=2, max_size=12), at=st.integers(0, 3),
       separator=st.sampled_from(["，", "；"]))
def test_a_known_unit_list_joined_with_any_clause_of_other_words_keeps_its_units(strange, at, separator):
    clauses = [text for text, _ in _KNOWN]
    clauses.insert(at, strange)
    annotation = parse_annotation_body(separator.join(clauses))
    assert annotation is not None
    assert annotation.entries == [entry for _, entries in _KNOWN for entry in entries]
    assert annotation.deadline is None


# ---- kind 2: a standing sentence after a group of measures ---------------------------------------------------------

def test_a_standing_sentence_under_a_groups_last_item_gives_no_unit_to_it_nor_to_the_group():
    read = _plan([
        "一、稳住外贸基本盘",
        "1.组织企业参加境外展会。（市商务局负责）",
        "2.扩大跨境电商出口。",
        "以上各项任务均需各县区人民政府结合实际认真抓好。",
        "二、提升城市品质",
        "1.新建口袋公园15个。",
        "2.改造背街小巷40条。",
        "（上述措施由各地各部门按职责分工组织实施）",
        "三、守牢安全底线",
        "1.排查燃气管道隐患。（以上事项均需各乡镇结合实际认真落实）",
        "2.整治群租房消防隐患。",
        "（各街道办事处结合实际认真落实）",
    ])
    assert read[("一", "1")][:2] == (["市商务局"], [])
    for path in [("一",), ("一", "2"), ("二",), ("二", "1"), ("二", "2"), ("三",), ("三", "1"), ("三", "2")]:
        assert read[path][:2] == ([], []), path
    assert set(read) == {("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "1"), ("二", "2"), ("三",), ("三", "1"), ("三", "2")}


def test_a_charge_to_collectives_beside_a_bodys_duty_stays_part_of_the_annotation():
    annotation = parse_annotation_body("市发改委牵头，各县区人民政府结合实际认真落实")
    assert annotation is not None
    assert annotation.entries == [("lead", "市发改委"), ("responsible", "各县区人民政府")]
    assert parse_annotation_body("各县区人民政府结合实际认真落实") is None  # alone: a charge to every area, no unit list
    assert parse_annotation_body("各县区人民政府负责") is not None  # a named group's duty is a unit list as before


def test_a_closing_line_naming_a_body_for_the_items_above_leads_them_as_a_heading_naming_its_lead_would():
    read = _plan([
        "一、深化金融服务",
        "1.扩大普惠小微贷款投放。",
        "2.推动企业挂牌上市。（市财政局配合）",
        "3.发展绿色金融。（市生态环境局牵头）",
        "以上任务由市金融办牵头，人民银行某市分行配合。",
        "二、优化政务服务",
        "1.推行高效办成一件事。",
        "（1）企业开办一件事。",
        "（2）不动产登记一件事。",
        "上述事项均由市政务服务中心负责。",
        "2.建设城市大脑。",
    ])
    assert read[("一",)][:2] == (["市金融办"], ["人民银行某市分行"])
    assert read[("一", "1")][:2] == (["市金融办"], ["人民银行某市分行"])
    assert read[("一", "2")][:2] == (["市金融办"], ["市财政局"])  # its own supporting unit stays
    assert read[("一", "3")][:2] == (["市生态环境局"], [])  # its own lead stands
    # the line under (2) closes the group of (1) and (2): their heading and they, not 2. below
    assert read[("二", "1")][:2] == (["市政务服务中心"], [])
    assert read[("二", "1", "（1）")][:2] == (["市政务服务中心"], [])
    assert read[("二", "1", "（2）")][:2] == (["市政务服务中心"], [])
    assert read[("二",)][:2] == ([], []) and read[("二", "2")][:2] == ([], [])


# ---- kind 3: unit cells as offices write them in a Word 分工表 --------------------------------------------------------

TABLE_HEADER = "某县2025年民生实事分工方案\n某政办发〔2025〕3号\n2025年2月20日\n"


def _word_table(rows: list[list[str]]) -> bytes:
    """A .docx holding the title and the table ``rows`` (header first); a cell's "\\n" is a paragraph of the cell."""
    document = Document()
    document.add_paragraph("某县2025年民生实事分工表")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            first, *more = value.split("\n")
            cell = table.cell(r, c)
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _units_both_ways(rows: list[list[str]]) -> tuple[dict, dict]:
    """(lead, supporting) by path of ``rows`` read as a Word table and as the same table pasted as text, one row a line
    with tabs between the cells and a blank where a cell has a second line."""
    word = read_plan_bytes(_word_table(rows), "分工表.docx")
    text = parse_plan_text(TABLE_HEADER + "\n".join("\t".join(c.replace("\n", " ") for c in row) for row in rows) + "\n")
    return ({tuple(m.path): (m.lead_units, m.supporting_units) for m in word.measures},
            {tuple(m.path): (m.lead_units, m.supporting_units) for m in text.measures})


def test_a_unit_cell_with_short_captions_on_two_lines_reads_as_the_captions_it_names():
    rows = [["序号", "实事项目", "责任单位", "完成时限"],
            ["1", "新增普惠托位300个。", "牵头：县卫健局\n责任：县教育局、县妇联", "2025年9月底前"],
            ["2", "改造农村公路40公里。", "县交通运输局\n配合：县财政局、各乡镇人民政府", "2025年11月底前"],
            ["3", "建设城区停车泊位500个。", "县住建局（牵头）、县公安局、县城管局", "2025年12月底前"],
            ["4", "开展老年人助餐服务。", "县民政局 牵头，县市场监管局 参与", "2025年6月底前"]]
    expected = {("1",): (["县卫健局"], ["县教育局", "县妇联"]),
                ("2",): (["县交通运输局"], ["县财政局", "各乡镇人民政府"]),
                ("3",): (["县住建局"], ["县公安局", "县城管局"]),
                ("4",): (["县民政局"], ["县市场监管局"])}
    word, text = _units_both_ways(rows)
    assert word == expected
    assert text == expected
    # the same words in a plan's bracket read the same
    annotation = parse_annotation_body("牵头：县卫健局；责任：县教育局、县妇联")
    assert annotation is not None and annotation.entries == [
        ("lead", "县卫健局"), ("responsible", "县教育局"), ("responsible", "县妇联")]


def test_a_cell_that_only_says_same_as_above_takes_the_units_of_the_row_above_in_its_column():
    rows = [["序号", "实事项目", "牵头单位", "配合单位"],
            ["1", "为城乡居民免费开展两癌筛查。", "县卫健局", "县妇联 县医保局"],
            ["2", "为65岁以上老人免费体检。", "同上", "同上一项"],
            ["3", "开展适龄女生HPV疫苗接种。", "同上", "县教育局"],
            ["4", "建设标准化村卫生室10个。", "县卫健局\n各乡镇人民政府", "同上"]]
    expected = {("1",): (["县卫健局"], ["县妇联", "县医保局"]),
                ("2",): (["县卫健局"], ["县妇联", "县医保局"]),
                ("3",): (["县卫健局"], ["县教育局"]),
                ("4",): (["县卫健局", "各乡镇人民政府"], ["县教育局"])}
    word, text = _units_both_ways(rows)
    assert word == expected
    assert text == expected
    # the same words closing a plan's items read the same: the item above's units
    read = _plan(["一、为城乡居民免费开展两癌筛查。（县卫健局牵头，县妇联配合）", "二、为65岁以上老人免费体检。（同上）",
                  "三、建设标准化村卫生室10个。（各乡镇人民政府负责）", "四、开展家庭医生签约服务。（同上一项）"])
    assert [read[(token,)][:2] for token in "一二三四"] == [
        (["县卫健局"], ["县妇联"]), (["县卫健局"], ["县妇联"]), (["各乡镇人民政府"], []), (["各乡镇人民政府"], [])]


def test_a_leaders_post_written_among_the_units_of_a_cell_is_no_unit():
    rows = [["序号", "实事项目", "责任单位"],
            ["1", "建设县城第二水厂。", "分管副县长、县水利局、县发改局"],
            ["2", "实施老旧管网改造。", "常务副县长\n县住建局"],
            ["3", "整治农村人居环境。", "县政府分管副秘书长 县农业农村局 县生态环境分局"]]
    expected = {("1",): (["县水利局", "县发改局"], []),
                ("2",): (["县住建局"], []),
                ("3",): (["县农业农村局", "县生态环境分局"], [])}
    word, text = _units_both_ways(rows)
    assert word == expected
    assert text == expected
    read = _plan(["一、建设县城第二水厂。（分管副县长、县水利局负责）"])  # the same list in a plan's bracket
    assert read[("一",)][:2] == (["县水利局"], [])
