"""Two kinds of task table the held-out part still lost (branch tables27), told in invented wording and several shapes.

1. A unit cell holding one unit per line (Word's line breaks or paragraphs, a page's <br>, a spreadsheet's quoted cell,
   a copy one cell a line): each line is a unit, short names ("经委", "农办") too, unless the line is a wrapped piece of one
   name ("县住房和城" / "乡建设局") or a bracket going on; with a precedence note above the table the first unit leads.
2. A record laid out one caption a row (a 重点工作 progress sheet: "重点工作: | 41.… |" / "牵头单位: | … |" /
   "年度阶段性工作目标: | 第一季度：… |"), as text or a Word table of two columns, alone or several one after another: one
   measure each, numbered by the number its task cell opens with, its quarterly goals giving no deadline.
"""
from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.vocabulary.units import is_unit_list, split_units
from tests.helpers.word_tables import word_table

NOTE = "注：一项任务涉及多个部门的，原则上由排名首位的部门牵头负责。"


def read(draft) -> list[tuple[list[str], list[str], list[str], str | None]]:
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures]


# ---- 1. One unit a line in a unit cell ------------------------------------------------------------------------------

def test_a_word_cell_listing_short_unit_names_on_lines_of_one_paragraph_gives_each_one_the_first_leading():
    data = word_table([
        ["序号", "主要工作", "责任单位"],
        ["1", "办好全县农民丰收节，推介特色农产品20种。", "县农业农村局\n农办\n供销社\n团委"],
        ["2", "新建村级儿童之家12个。", "县妇联\n民政局"]], ["青禾县2026年政府工作任务分办意见", NOTE])
    assert read(read_plan_bytes(data, "fenban.docx")) == [
        (["1"], ["县农业农村局"], ["农办", "供销社", "团委"], None),
        (["2"], ["县妇联"], ["民政局"], None)]


def test_a_name_a_narrow_cell_broke_over_two_paragraphs_stays_one_unit_beside_the_others():
    data = word_table([
        ["序号", "重点任务", "责任单位"],
        ["1", "完成城中村改造三片区征收。", "县住房和城\n乡建设局\n县自然资源局"],
        ["2", "建成污水管网15公里。", "县水务局\n（县河长办）\n各镇（街道）"]], [NOTE], paragraphs=True)
    assert read(read_plan_bytes(data, "renwu.docx")) == [
        (["1"], ["县住房和城乡建设局"], ["县自然资源局"], None),
        (["2"], ["县水务局（县河长办）"], ["各镇（街道）"], None)]


def test_a_page_cell_cut_by_br_and_a_spreadsheet_cell_in_quotes_read_like_the_word_cell():
    page = ("<html><body><div class='article'><p>" + NOTE + "</p><table>"
            "<tr><td>序号</td><td>主要工作</td><td>责任单位</td></tr>"
            "<tr><td>1</td><td>推进医共体建设。</td><td>县卫健局<br>医保局<br/>人社局</td></tr>"
            "</table></div></body></html>")
    sheet = NOTE + '\n序号\t主要工作\t责任单位\n1\t推进医共体建设。\t"县卫健局\n医保局\n人社局"\n'
    expected = [(["1"], ["县卫健局"], ["医保局", "人社局"], None)]
    assert read(read_plan_bytes(page.encode("utf-8"), "page.html")) == expected
    assert read(parse_plan_text(sheet)) == expected


def test_a_copy_one_cell_a_line_keeps_short_names_and_closes_a_wrapped_name():
    text = "\n".join([NOTE, "序号", "主要工作", "责任单位",
                      "1", "培育家庭农场30家。", "县农业农村局", "经委", "农办",
                      "2", "改造农贸市场2个。", "县市场监督管", "理局", "县商务局"])
    assert read(parse_plan_text(text)) == [
        (["1"], ["县农业农村局"], ["经委", "农办"], None),
        (["2"], ["县市场监督管理局"], ["县商务局"], None)]


def test_spaced_out_letters_and_words_are_still_no_list():
    assert split_units("财  政  局") == ["财政局"]
    assert split_units("加强 组织 领导") == ["加强组织领导"]
    assert split_units("市发展改革委 经委 农办") == ["市发展改革委", "经委", "农办"]


_NAMES = st.sampled_from(["县财政局", "县教育局", "县发展改革委", "县审计局", "县文化广电旅游局", "各乡镇人民政府"])
_SHORT = st.sampled_from(["经委", "农办", "团委", "妇联", "侨办"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(_NAMES, _SHORT), min_size=2, max_size=7), st.data())
def test_any_list_of_unit_names_one_a_line_comes_back_name_by_name_however_long_names_are_broken(names, data):
    """Invariant: names written one a line (read as blanks), a long one broken after its level and a few characters
    (the head no unit by itself), come back as the names, in order."""
    if all(len(name) == 2 for name in names):
        names = ["县财政局"] + names
    pieces = []
    for name in names:
        cut = data.draw(st.integers(min_value=0, max_value=3)) if len(name) >= 6 else 0
        if cut and is_unit_list(name[:cut + 2]):
            cut = 0  # "县文化广电" / "旅游局", "各乡镇" / "人民政府": a head naming a unit by itself is two names
        pieces += [name[:cut + 2], name[cut + 2:]] if cut else [name]
    assert split_units(" ".join(pieces)) == names


# ---- 2. A record laid out one caption a row -------------------------------------------------------------------------

SHEET = [
    "重点工作: | 41.实施老旧供水管网改造，改造管网28公里。 |",
    "牵头单位: | 县水务局 |",
    "年度阶段性工作目标: | 第一季度：完成设计招标；第二季度：开工建设；第三季度：完成60%；第四季度：全部完工。 |",
    "进展情况、存在问题 及下一步工作建议: | 已完成。管网已通水。 |",
]


def test_a_progress_sheet_of_one_task_one_caption_a_row_is_one_measure_numbered_by_its_task():
    draft = parse_plan_text("\n".join(["2026年县政府重点工作推进情况表"] + SHEET))
    assert read(draft) == [(["41"], ["县水务局"], [], None)]
    assert not any("未识别到编号条目" in warning for warning in draft.warnings)


def test_sheets_one_after_another_with_goals_going_on_over_lines_are_one_measure_each():
    more = [
        "重点工作： | 42.新建城乡公交候车亭40座。 |",
        "牵头单位： | 县交通运输局 |",
        "配合单位： | 各乡镇人民政府、县公交公司 |",
        "年度阶段性工作目标： | 第二季度：完成选址； |",
        "| 第四季度：全部建成。 |",
        "进展情况、存在问题 及下一步工作建议： | |",
    ]
    assert read(parse_plan_text("\n".join(SHEET + more))) == [
        (["41"], ["县水务局"], [], None),
        (["42"], ["县交通运输局"], ["各乡镇人民政府", "县公交公司"], None)]


def test_the_same_sheets_as_a_word_table_of_two_columns_read_the_same():
    rows = []
    for number, task, lead in (("7", "建成县级应急物资储备库1个。", "县应急管理局"),
                               ("8", "创建省级卫生乡镇2个。", "县爱卫办")):
        rows += [["重点工作", f"{number}.{task}"], ["牵头单位", lead],
                 ["年度阶段性工作目标", "第一季度：制定方案；第四季度：通过验收。"], ["进展情况", ""]]
    data = word_table(rows, ["青禾县重点工作进展情况"])
    assert read(read_plan_bytes(data, "jinzhan.docx")) == [
        (["7"], ["县应急管理局"], [], None),
        (["8"], ["县爱卫办"], [], None)]


def test_caption_lines_without_a_numbered_task_stay_text():
    text = "\n".join(["一、工作安排", "联系人: | 王小青 |", "联系电话: | 0000-1234567 |", "二、工作要求"])
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["二"]]


_TASKS = st.sampled_from(["建成口袋公园6个。", "完成农村公路提档升级40公里。", "新增普惠托位300个。", "改造燃气老旧管线9公里。"])
_LEADS = st.sampled_from(["县城管局", "县交通运输局", "县卫生健康局", "县住房城乡建设局"])
_GOALS = st.sampled_from(["第一季度：制定方案；第四季度：完成任务。", "第二季度：开工；第三季度：完成50%。", ""])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(_TASKS, _LEADS, _GOALS), min_size=1, max_size=5), st.integers(min_value=1, max_value=150),
       st.sampled_from(["pipe", "tab"]), st.sampled_from([":", "：", ""]))
def test_any_run_of_records_one_caption_a_row_gives_one_measure_each_with_its_number_and_lead(records, first, cut, colon):
    """Invariant: records one after another, each opening with its numbered task, come back one measure each, numbered
    as written, with the lead of its 牵头单位 row and no deadline from its quarterly goals."""
    def row(caption: str, value: str) -> str:
        return f"{caption}{colon} | {value} |" if cut == "pipe" else f"{caption}{colon}\t{value}"

    lines = ["县政府重点工作推进情况"]
    for offset, (task, lead, goals) in enumerate(records):
        lines += [row("重点工作", f"{first + offset}.{task}"), row("牵头单位", lead),
                  row("年度阶段性工作目标", goals), row("进展情况", "")]
    got = read(parse_plan_text("\n".join(lines)))
    assert got == [([str(first + offset)], [lead], [], None) for offset, (_, lead, _) in enumerate(records)]
