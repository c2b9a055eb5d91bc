"""Task tables in the shapes the held-out tables of wave 7 lost (issue 13, round 5), told with invented
wording: a header row copied on one line above cells written one per line, a header whose 序号 caption was
lost, unit columns captioned by role and noun (主责单位 | 协责单位, 牵头处室, 包抓领导), 主办/协办 in a plan's
annotations, and a group row naming the unit that leads all its rows. Hypothesis checks the invariants of
the one-cell-per-line reading: no row is lost, the order is kept, nothing raises."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.tables import group_lead
from tracker.vocabulary.captions import LEAD_UNITS, PERSON, SUPPORTING_UNITS, match_caption, match_header

ROWS = [("1", "翻修镇卫生院门诊楼。", "县卫健委", "5月底前"),
        ("2", "新增公交线路3条。", "县交通运输局", "8月底前"),
        ("3", "建成智慧停车系统。", "县城管执法局", "年内"),
        ("4", "举办农民丰收节。", "县农业农村局", "9月底前")]


def one_cell_per_line(rows) -> str:
    return "\n".join("\n".join(row) for row in rows)


def read(text: str):
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def test_a_header_row_copied_on_one_line_above_cells_written_one_per_line_reads_every_row():
    # a page's table copied into a mail: the header row's cells on one line, each body cell on its own
    for header in ("序号\t实事项目\t责任单位\t完成时限", "序号 | 实事项目 | 责任单位 | 完成时限",
                   "序号  实事项目  责任单位  完成时限", "序号 实事项目 责任单位 完成时限"):
        got = read("县2025年实事项目清单\n" + header + "\n" + one_cell_per_line(ROWS))
        assert got == [([n], [unit], [], due) for n, _, unit, due in ROWS], header


def test_a_header_that_lost_its_number_caption_still_numbers_the_rows_by_their_written_numbers():
    text = "实事项目\n责任单位\n完成时限\n" + one_cell_per_line(ROWS)
    assert read(text) == [([n], [unit], [], due) for n, _, unit, due in ROWS]


def test_prose_lines_after_a_one_line_header_stay_prose():
    # a caption line followed by sentences, not by a row's number: no table
    text = "一、工作安排\n责任单位 完成时限 工作要求\n各单位要于每月5日前报送进展。\n二、保障措施"
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["二"]]


def test_unit_columns_captioned_by_role_and_noun_are_read_as_lead_and_supporting():
    # a Word table whose columns say who leads (主责/牵头/主办) and who helps (协责/协同/配合), in
    # the nouns offices use for their bodies (单位, 处室, 科室, 股室, 县直部门)
    for lead, supporting in (("主责单位", "协责单位"), ("牵头处室", "配合处室"), ("主办股室", "协办股室"),
                             ("牵头县直部门", "协同县直部门"), ("主要责任单位", "次要责任单位")):
        text = f"序号\t工作事项\t{lead}\t{supporting}\t完成时限\n1\t修订应急预案。\t县应急局\t县消防救援大队\t6月底前"
        assert read(text) == [(["1"], ["县应急局"], ["县消防救援大队"], "6月底前")], (lead, supporting)


def test_a_two_row_header_with_a_role_pair_under_its_unit_caption():
    text = "\n".join(["序号\t工作事项\t责任单位\t\t完成时限",
                      "序号\t工作事项\t主责\t协责\t完成时限",
                      "1\t修订应急预案。\t县应急局\t县消防救援大队\t6月底前"])
    assert read(text) == [(["1"], ["县应急局"], ["县消防救援大队"], "6月底前")]


def test_a_leaders_column_beside_the_units_names_persons_never_units():
    for leader in ("包抓领导", "包联县领导", "主抓领导", "负责领导", "分管县级领导"):
        assert match_caption(leader, sub_caption=True)[0] == PERSON, leader
        text = f"序号\t工作事项\t{leader}\t承办单位\t完成时限\n1\t修订应急预案。\t刘一鸣\t县应急局\t6月底前"
        assert read(text) == [(["1"], ["县应急局"], [], "6月底前")], leader


def test_the_caption_grammar_is_exact_and_shared_with_the_ledger_header():
    assert match_caption("协责单位") == (SUPPORTING_UNITS, SUPPORTING_UNITS)
    assert match_caption("责任股室") == (LEAD_UNITS, "责任单位")  # lead alone, supporting beside a lead column
    assert match_caption("协责单位说明") is None  # no substring matching
    assert match_caption("单位") is None or match_caption("单位")[0] != LEAD_UNITS
    columns, _ = match_header(["序号", "工作事项", "责任股室", "协责单位"])
    assert columns[LEAD_UNITS] == 2 and columns[SUPPORTING_UNITS] == 3


def test_zhuban_and_xieban_in_a_plans_annotations_read_as_lead_and_supporting():
    text = "\n".join(["一、重点任务",
                      "1.建设县域医共体。（县卫健委主办，县医保局、县财政局协办）",
                      "2.推进集中供热。（主办：县住建局；协办：县发改局）",
                      "3.整治河道采砂。（主责单位：县水利局；协责单位：县公安局、县自然资源局）"])
    assert read(text)[1:] == [(["一", "1"], ["县卫健委"], ["县医保局", "县财政局"], None),
                              (["一", "2"], ["县住建局"], ["县发改局"], None),
                              (["一", "3"], ["县水利局"], ["县公安局", "县自然资源局"], None)]


def test_a_group_row_naming_a_unit_gives_that_lead_to_its_rows_unless_they_name_their_own():
    text = "\n".join(["序号\t工作事项\t牵头单位\t配合单位\t完成时限",
                      "一、县经开区管委会牵头工作(2项)",
                      "1\t新建标准厂房2万平方米。\t\t县住建局\t10月底前",
                      "2\t引进规上企业5家。\t县商务局\t县经开区管委会\t年底前",
                      "二、县教体局牵头（1项）",
                      "3\t改扩建城区幼儿园2所。\t\t县财政局\t8月底前",
                      "三、王建国副县长牵头工作",
                      "4\t办好乡村运动会。\t\t县文旅局\t9月底前"])
    assert read(text) == [
        (["一"], ["县经开区管委会"], [], None),
        (["一", "1"], ["县经开区管委会"], ["县住建局"], "10月底前"),
        (["一", "2"], ["县商务局"], ["县经开区管委会"], "年底前"),  # the row names its own lead
        (["二"], ["县教体局"], [], None),
        (["二", "3"], ["县教体局"], ["县财政局"], "8月底前"),
        (["三"], [], [], None),  # a leader, a person: no unit, and the lead above ends here
        (["三", "4"], [], ["县文旅局"], "9月底前"),
    ]


def test_group_lead_reads_the_units_of_a_group_row_and_nothing_else():
    assert group_lead("一、县经开区管委会牵头工作(8项)") == "县经开区管委会"
    assert group_lead("（二）市发改委、市财政局牵头（5项）") == "市发改委、市财政局"
    assert group_lead("三、区科技局主办事项") == "区科技局"
    assert group_lead("四、卢山副省长牵头重点工作") is None  # a person
    assert group_lead("一、经济发展") is None
    assert group_lead("一、发挥县经开区管委会牵头作用，加快项目建设") is None  # a sentence, not a group row


UNITS = st.sampled_from(["县卫健委", "县交通运输局", "县城管执法局", "县农业农村局", "县民政局"])
TIMES = st.sampled_from(["5月底前", "8月底前", "年内", "9月底前", "2025年12月底前"])
TASKS = st.text(alphabet="推进建设改造完善提升开展村路桥站馆园", min_size=2, max_size=12).map(lambda t: t + "。")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TASKS, UNITS, TIMES), min_size=1, max_size=12),
       st.sampled_from(["\t", " | ", "  "]), st.booleans())
def test_rows_written_one_cell_per_line_are_never_lost_and_keep_their_order(rows, separator, numbered_caption):
    captions = (["序号"] if numbered_caption else []) + ["实事项目", "责任单位", "完成时限"]
    cells = [(str(n), task, unit, due) for n, (task, unit, due) in enumerate(rows, start=1)]
    got = read(separator.join(captions) + "\n" + one_cell_per_line(cells))
    assert got == [([n], [unit], [], due) for n, _, unit, due in cells]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["序号", "工作事项", "协责单位", "主责处室", "包抓领导", "1", "2", "一、县商务局牵头工作(2项)",
                                 "县商务局", "6月底前", "修路。", "", " | ", "\t"]), max_size=30))
def test_reading_never_raises_on_table_like_lines(pieces):
    parse_plan_text("\n".join(pieces))


def test_a_responsible_column_under_a_lead_group_row_holds_the_supporting_units():
    text = "\n".join(["序号\t工作事项\t责任单位\t完成时限",
                      "一、县水利局牵头工作(2项)",
                      "1\t加固病险水库3座。\t县财政局\t6月底前",
                      "2\t疏浚城区内河。\t县水利局、县城管执法局\t9月底前"])
    assert read(text)[1:] == [(["一", "1"], ["县水利局"], ["县财政局"], "6月底前"),
                              (["一", "2"], ["县水利局"], ["县城管执法局"], "9月底前")]


def test_captions_wrapped_in_narrow_header_cells_are_joined_again():
    # a PDF's header copied as text: 序号, 完成时限 and 责任单位 each broken over two lines
    text = "\n".join(["序", "号", "实事项目", "完成", "时限", "责任", "单位",
                      "1", "翻修镇卫生院门诊楼。", "5月底前", "县卫健委",
                      "2", "新增公交线路3条。", "8月底前", "县交通运输局"])
    assert read(text) == [(["1"], ["县卫健委"], [], "5月底前"), (["2"], ["县交通运输局"], [], "8月底前")]


def test_short_duty_captions_on_lines_of_their_own_under_an_item_give_its_units():
    # a 分工 text copied out of a narrow table: 主办 and 协办 each on a line under the item
    text = "\n".join(["1.建设县域医共体。", "主办：县卫健委", "协办：县医保局、县财政局",
                      "2.推进集中供热。", "主办：县住建局",
                      "3.主办：单位要加强协调。"])  # a sentence opening with the word names no unit
    got = read(text)
    assert got[:2] == [(["1"], ["县卫健委"], ["县医保局", "县财政局"], None), (["2"], ["县住建局"], [], None)]
    assert got[2][1:3] == ([], [])


def test_a_task_column_captioned_in_the_offices_own_words_after_the_number_still_holds_the_rows():
    # "任务目标", "工作安排": no caption of the list, but right after 序号 and before the unit columns
    for caption in ("任务目标", "工作安排", "重点项目"):
        tabbed = f"序号\t{caption}\t主责单位\t协责单位\t完成时限\n1\t修订应急预案。\t县应急局\t县消防救援大队\t6月底前"
        assert read(tabbed) == [(["1"], ["县应急局"], ["县消防救援大队"], "6月底前")], caption
    assert match_header(["序号", "任务目标", "责任单位"])[0]["具体措施"] == 1
    assert match_header(["序号", "备注", "说明"]) is None  # no unit column: no task table
    assert match_header(["任务目标", "责任单位"]) is None  # no 序号: the words are not placed


def test_a_group_row_written_in_the_number_and_task_cells_gives_its_lead_too():
    text = "\n".join(["序号\t工作事项\t牵头单位\t完成时限",
                      "一\t县经开区管委会牵头工作(1项)\t\t",
                      "1\t新建标准厂房2万平方米。\t\t10月底前",
                      "二\t其他工作\t\t",
                      "2\t办好乡村运动会。\t县文旅局\t9月底前"])
    assert read(text) == [(["一"], ["县经开区管委会"], [], None),
                          (["一", "1"], ["县经开区管委会"], [], "10月底前"),
                          (["二"], [], [], None),  # a group of another kind ends the lead above
                          (["二", "2"], ["县文旅局"], [], "9月底前")]


def test_a_page_mark_and_the_repeated_header_between_rows_written_one_cell_per_line_are_layout():
    header = "序号\n实事项目\n责任单位\n完成时限"
    for mark in ("第1页", "- 2 -", "续表", "第 1 页 共 2 页"):
        text = "\n".join([header, one_cell_per_line(ROWS[:2]), mark, header, one_cell_per_line(ROWS[2:])])
        assert read(text) == [([n], [unit], [], due) for n, _, unit, due in ROWS], mark
