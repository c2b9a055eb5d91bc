"""Task tables in the three shapes the held-out tables of wave 8 lost (issue 13, tables round 6), told with
invented wording:

- a Word table whose 序号 column mixes levels: a bare Chinese numeral ("二", no 、) on a group row whose other
  cells are empty or hold only its heading, "（一）" on sub-group rows, and 1, 2, 3 running on through the groups;
  a Word row's empty last cells are lost when its line is cleaned, and the group row must still open a row of
  its own instead of being read as the rest of the row above;
- a mark (★, ▲, ●) written before a unit inside one 责任单位 cell: the marked unit leads, the others support;
- a wide project table (重点项目表) with a second header row of sub-captions under captions that span several
  columns, pasted so that the spanning captions were written once and the rows end in empty cells ("|||").

Hypothesis checks the invariants: rows built at random keep their count and order, and nothing raises."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.word_tables import word_table
from tracker.parsing import parse_plan_text
from tracker.parsing.readers import read_plan_bytes
from tracker.vocabulary.units import LEAD_MARKS, marked_lead


def read(text: str):
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def paths(text: str):
    return [m.path for m in parse_plan_text(text).measures]


# ---- 1. a bare numeral on a group row of a Word table ------------------------------------------------------------

# A township's 分工表 as python-docx reads a Word table: one line a row, cells joined by tabs; the empty last
# cells of a row are lost when the line is cleaned (the row of item 2 ends with its unit).
TOWNSHIP = "\n".join([
    "某镇2025年民生工作任务分工表",
    "序号\t工作内容\t牵头单位\t配合单位\t完成时限",
    "一\t补齐公共设施短板\t\t\t",
    "（一）\t改善饮水条件\t\t\t",
    "1\t更换老旧供水管网8公里。\t镇水务站\t镇财政所\t9月底前",
    "2\t新建蓄水池两座。\t镇水务站",
    "二\t提升公共服务水平\t\t\t",
    "（一）\t办好村级卫生室\t\t\t",
    "3\t为12个村卫生室配齐常用药品。\t镇卫生院\t\t6月底前",
    "（二）\t关爱老年人\t\t\t",
    "4\t开办老年食堂3处。\t镇民政办\t各村委会\t年底前",
])


def test_a_bare_numeral_group_row_after_a_short_row_opens_its_own_group():
    assert read(TOWNSHIP) == [
        (["一"], [], [], None),
        (["一", "（一）"], [], [], None),
        (["一", "（一）", "1"], ["镇水务站"], ["镇财政所"], "9月底前"),
        (["一", "（一）", "2"], ["镇水务站"], [], None),  # not "二" nor its heading as units
        (["二"], [], [], None),
        (["二", "（一）"], [], [], None),
        (["二", "（一）", "3"], ["镇卫生院"], [], "6月底前"),
        (["二", "（二）"], [], [], None),
        (["二", "（二）", "4"], ["镇民政办"], ["各村委会"], "年底前"),
    ]


def test_every_empty_trailing_cell_may_be_lost_and_the_groups_still_open():
    stripped = "\n".join(line.rstrip("\t") for line in TOWNSHIP.splitlines())
    assert read(stripped) == read(TOWNSHIP)


def test_an_excerpt_opening_at_a_row_keeps_that_row_and_the_numeral_group_after_it_starts_the_tree():
    # a table whose first rows belong to a group the copy does not show (it opens at row 7)
    text = "\n".join(["序号\t工作内容\t责任单位",
                      "7\t修缮文化礼堂。\t镇文化站",
                      "八\t王镇长牵头事项\t",
                      "1\t整治河道3条。\t镇水利站",
                      "2\t新增路灯200盏。\t镇建设办"])
    assert paths(text) == [["7"], ["八"], ["八", "1"], ["八", "2"]]


def test_a_word_table_with_bare_numerals_in_its_number_column_numbers_its_tree():
    data = word_table([["序号", "工作任务", "牵头单位", "配合单位"],
                        ["一", "城市更新", "", ""],
                        ["（一）", "老旧小区改造", "", ""],
                        ["1", "改造老旧小区5个。", "街道城建办", ""],
                        ["二", "社会治理", "", ""],
                        ["（一）", "网格化管理", "", ""],
                        ["2", "划分网格46个。", "街道综治中心", "各社区"]])
    got = [(m.path, m.lead_units, m.supporting_units) for m in read_plan_bytes(data, "分解表.docx").measures]
    assert got == [(["一"], [], []), (["一", "（一）"], [], []), (["一", "（一）", "1"], ["街道城建办"], []),
                   (["二"], [], []), (["二", "（一）"], [], []), (["二", "（一）", "2"], ["街道综治中心"], ["各社区"])]


# ---- 5. a mark before the lead unit in one 责任单位 cell -----------------------------------------------------------

def test_a_marked_unit_in_a_responsible_cell_leads_and_the_others_support():
    for mark in "★▲●":
        text = f"序号\t重点任务\t责任单位\t完成时限\n1\t建成电商服务中心。\t{mark}县商务局、县供销社、县邮政分公司\t10月底前"
        assert read(text) == [(["1"], ["县商务局"], ["县供销社", "县邮政分公司"], "10月底前")], mark


def test_the_mark_may_stand_before_any_unit_of_the_cell_and_on_several():
    text = "\n".join(["序号 | 重点任务 | 责任单位",
                      "1 | 开展消防演练。 | 县教育局、★县消防救援大队",
                      "2 | 修订防汛预案。 | ★县水利局、★县应急局、县气象局",
                      "3 | 更新执法车辆。 | 县交警大队"])
    assert read(text) == [(["1"], ["县消防救援大队"], ["县教育局"], None),
                          (["2"], ["县水利局", "县应急局"], ["县气象局"], None),
                          (["3"], ["县交警大队"], [], None)]  # no mark: 责任单位 alone leads


def test_a_mark_in_a_supporting_column_is_dropped_and_gives_no_lead():
    text = "序号\t重点任务\t牵头单位\t配合单位\n1\t建设人才公寓。\t县住建局\t★县人社局、县财政局"
    assert read(text) == [(["1"], ["县住建局"], ["县人社局", "县财政局"], None)]


def test_beside_a_lead_column_the_columns_say_who_leads_and_a_mark_in_the_responsible_column_is_dropped():
    text = "序号\t任务\t牵头单位\t责任单位\n1\t整修农贸市场。\t县市场监管局\t★县商务局、县城管局"
    assert read(text) == [(["1"], ["县市场监管局"], ["县商务局", "县城管局"], None)]
    text = "序号\t任务\t牵头单位\t配合单位\n1\t整修农贸市场。\t★县市场监管局、县商务局\t县城管局"
    assert read(text) == [(["1"], ["县市场监管局"], ["县商务局", "县城管局"], None)]


def test_a_marked_lead_keeps_its_row_from_the_lead_its_group_row_names():
    text = "\n".join(["序号\t重点任务\t责任单位",
                      "一\t县发改局牵头工作(2项)\t",
                      "1\t编制年度投资计划。\t县统计局",
                      "2\t争取专项债券。\t★县财政局、县发改局"])
    got = read(text)
    assert got[1] == (["一", "1"], ["县发改局"], ["县统计局"], None)
    assert got[2] == (["一", "2"], ["县财政局"], ["县发改局"], None)


def test_marked_lead_splits_a_cell_into_its_marked_units_and_the_rest():
    assert marked_lead("▲乡农技站、乡畜牧站") == (["乡农技站"], ["乡畜牧站"])
    assert marked_lead("乡农技站 ●乡畜牧站") == (["乡畜牧站"], ["乡农技站"])
    assert marked_lead("乡农技站、乡畜牧站") is None
    assert marked_lead("★") is None


UNIT_NAMES = st.sampled_from(["区文旅局", "区体育中心", "各街道", "区城管局（执法大队）", "区团委", "区残联"])


@given(st.lists(st.tuples(UNIT_NAMES, st.sampled_from(["", *LEAD_MARKS])), min_size=1, max_size=6),
       st.sampled_from(["、", "，", "；", " "]))
@settings(max_examples=200, deadline=None)
def test_marked_lead_never_loses_a_unit_and_keeps_their_order(units, joint):
    cell = joint.join(mark + name for name, mark in units)
    split = marked_lead(cell)
    if not any(mark for _, mark in units):
        assert split is None
        return
    marked, others = split
    assert marked == [name for name, mark in units if mark]
    assert others == [name for name, mark in units if not mark]


# ---- 4. a wide project table with a second header row of sub-captions --------------------------------------------

WIDE_HEADER = ("序号 | 项目名称 | 建设内容 | 总投资（亿元） | 建设年限 | 截至上年底完成投资 | 本年度计划 | 上半年进展 | "
               "责任单位 | 要素保障单位 | |||")
SUB_CAPTIONS = "计划投资 | 形象进度 | 已完成投资 | 完成率 | ||||||||"
PROJECTS = [("1", "城北物流园二期★", "仓储用房4万平方米", "6.5", "2024-2026", "1.2", "2.0", "主体封顶", "0.8", "40",
             "县商务局", "城北街道"),
            ("2", "乡村水厂提标改造", "日供水2万吨", "1.1", "2025", "0", "1.1", "完工通水", "0.3", "27",
             "县水利局、县城投公司", ""),
            ("3", "职教中心实训楼★", "实训楼1.5万平方米", "0.9", "2025-2026", "0", "0.4", "开工建设", "", "",
             "县教育局", "职教园区")]


def _pasted(row: tuple[str, ...]) -> str:
    return " | ".join(row) + " |||"


def test_a_wide_project_table_pasted_with_spanning_captions_written_once_reads_every_project():
    text = "\n".join(["2025年县级重点建设项目推进表", WIDE_HEADER, SUB_CAPTIONS] + [_pasted(p) for p in PROJECTS])
    assert read(text) == [(["1"], ["县商务局"], [], "2024-2026"),
                          (["2"], ["县水利局", "县城投公司"], [], "2025"),
                          (["3"], ["县教育局"], [], "2025-2026")]


def test_the_same_table_as_word_writes_it_with_the_spans_empty_reads_the_same():
    top = ["序号", "项目名称", "建设内容", "总投资（亿元）", "建设年限", "截至上年底完成投资", "本年度计划", "", "上半年进展", "",
           "责任单位", "要素保障单位"]
    sub = ["", "", "", "", "", "", "计划投资", "形象进度", "已完成投资", "完成率", "", ""]
    text = "\n".join(["\t".join(top), "\t".join(sub)] + ["\t".join(p) for p in PROJECTS])
    assert read(text) == [(["1"], ["县商务局"], [], "2024-2026"),
                          (["2"], ["县水利局", "县城投公司"], [], "2025"),
                          (["3"], ["县教育局"], [], "2025-2026")]


def test_an_indicator_table_of_fourteen_columns_with_value_and_growth_under_each_year_reads_its_rows():
    # a 预期指标 table: each year's caption spans 绝对值 | 增速, written once when pasted
    text = "\n".join([
        "全区主要预期指标",
        "序号 | 指标名称 | 单位 | 2024年完成 | 2025年预期目标 | 2026年预期目标 | 指标属性 | 牵头单位 | 配合单位 | |||",
        "绝对值 | 增速 | 绝对值 | 增速 | 绝对值 | 增速 | ||||||",
        "1 | 社会消费品零售总额 | 亿元 | 310 | 4.5 | 325 | 5 | 341 | 5 | 预期性 | 区商务局 | 区统计局 | ||",
        "2 | 城镇居民人均可支配收入 | 元 | 58000 | 5 | 61000 | 5 | 64000 | 5 | 预期性 | 区人社局 | | ||",
        "3 | 单位地区生产总值能耗降低 | % | | 2.5 | | 2.5 | | 2.5 | 约束性 | 区发改局 | 区生态环境分局 | ||"])
    assert read(text) == [(["1"], ["区商务局"], ["区统计局"], None), (["2"], ["区人社局"], [], None),
                          (["3"], ["区发改局"], ["区生态环境分局"], None)]


def test_quarters_under_a_spanning_plan_caption_are_sub_captions_too():
    text = "\n".join(["序号 | 项目名称 | 建设年限 | 2025年推进计划 | 责任单位 |||",
                      "一季度 | 二季度 | 三季度 | 四季度 | |||",
                      "1 | 江滨绿道 | 2025 | 方案 | 开工 | 铺装 | 完工 | 县林业局 |||",
                      "2 | 城南幼儿园 | 2024-2026 | 设计 | 招标 | 开工 | | 县教育局 |||"])
    assert read(text) == [(["1"], ["县林业局"], [], "2025"), (["2"], ["县教育局"], [], "2024-2026")]


def test_a_first_row_of_short_cells_with_a_number_is_a_row_not_a_second_header():
    text = "\n".join(["序号 | 事项 | 责任单位 | 时限", "1 | 清理河道 | 县水利局 | 5月底前", "2 | 补植行道树 | 县林业局 | 4月底前"])
    assert read(text) == [(["1"], ["县水利局"], [], "5月底前"), (["2"], ["县林业局"], [], "4月底前")]


# ---- invariants --------------------------------------------------------------------------------------------------

TASKS = st.sampled_from(["修缮村道。", "新建公厕一座。", "组织技能培训。", "建设充电桩20个。", "完善应急物资储备。"])
UNITS = st.sampled_from(["镇农办", "镇城建办", "镇社保所", "镇应急办", "★镇财政所、镇经发办"])
TIMES = st.sampled_from(["", "6月底前", "年底前", "2025年10月"])
NUMERALS = "一二三四五六七八九"


@st.composite
def grouped_tables(draw):
    """A Word table's lines: groups under bare numerals, each with rows numbered on through the table, a row's
    empty last cells kept or lost at random."""
    lines, expected, number = ["序号\t任务\t责任单位\t完成时限"], [], 0
    for group in range(draw(st.integers(1, 4))):
        numeral = NUMERALS[group]
        lines.append(f"{numeral}\t第{numeral}组工作" + ("\t\t" if draw(st.booleans()) else ""))
        expected.append([numeral])
        for _ in range(draw(st.integers(0, 4))):
            number += 1
            row = f"{number}\t{draw(TASKS)}\t{draw(UNITS)}\t{draw(TIMES)}"
            lines.append(row.rstrip("\t") if draw(st.booleans()) else row)
            expected.append([numeral, str(number)])
    return "\n".join(lines), expected


@given(grouped_tables())
@settings(max_examples=120, deadline=None)
def test_a_table_of_random_groups_and_rows_keeps_every_row_in_order(table):
    text, expected = table
    assert paths(text) == expected


@st.composite
def wide_tables(draw):
    """A pasted project table with 1 to 3 spanning captions, each over 2 sub-captions, rows of random content."""
    spans = draw(st.integers(1, 3))
    top = ["序号", "项目名称", "建设年限"] + [f"计划{i}" for i in range(spans)] + ["责任单位"]
    sub = [caption for i in range(spans) for caption in (f"投资{i}", f"进度{i}")]
    rows = []
    for number in range(1, draw(st.integers(1, 6)) + 1):
        cells = [str(number), draw(st.sampled_from(["污水管网工程", "体育馆★", "产业园道路"])),
                 draw(st.sampled_from(["2025", "2024-2026"]))]
        cells += [draw(st.sampled_from(["", "1.5", "完成"])) for _ in range(2 * spans)]
        cells.append(draw(st.sampled_from(["县住建局", "县体育中心", ""])))
        rows.append(cells)
    text = "\n".join([" | ".join(top) + " |||", " | ".join(sub) + " ||"] + [" | ".join(r) + " |||" for r in rows])
    return text, rows


@given(wide_tables())
@settings(max_examples=120, deadline=None)
def test_a_wide_table_of_random_rows_keeps_every_row_and_reads_its_time(table):
    text, rows = table
    assert [(m.path, m.deadline) for m in parse_plan_text(text).measures] == [([r[0]], r[2]) for r in rows]


@given(st.lists(st.lists(st.sampled_from(["", "一", "（二）", "3", "★县商务局、县财政局", "计划投资", "%", "2025",
                                            "新建道路。", "|", "\t"]), max_size=8), max_size=12))
@settings(max_examples=200, deadline=None)
def test_random_rows_under_a_wide_header_never_raise(rows):
    text = "\n".join([WIDE_HEADER, SUB_CAPTIONS] + [" | ".join(row) for row in rows])
    parse_plan_text(text)


def test_a_word_tables_long_group_rows_without_a_full_stop_are_no_wrapped_lines():
    """A unit's excerpt of a county's 分解表: each group heading ("一、…") fills the merged first cell of its row and
    ends without a full stop, the task rows keep the county's numbers (3, 68, 69). Such rows read like a text
    wrapped at a fixed width (long lines ending open), but a table's lines are never joined as a wrap: each task
    stays under its own group."""
    rows = [["序号", "重点工作任务", "主要责任单位", "协同配合单位"],
            ["一、2025年全县经济社会发展的主要预期目标", "", "", ""],
            ["3", "全社会固定资产投资增长百分之七左右。", "县发改委", "县工信局、县住建局、县交通局、县水利局、各乡镇人民政府"],
            ["二、全力以赴扩大有效投资，筑牢经济稳定增长的根基", "", "", ""],
            ["三、全力以赴延伸产业链条，构建现代化产业体系", "", "", ""],
            ["四、全力以赴增进民生福祉，加快各项社会事业发展", "", "", ""],
            ["68", "持续推进学前教育普及普惠和义务教育优质均衡发展。", "县教育局", "各乡镇人民政府"],
            ["69", "积极引进优质教育资源。", "县教育局", "县投资促进中心"]]
    got = [(m.path, m.lead_units) for m in read_plan_bytes(word_table(rows, "某街道2025年重点工作任务分解表"), "分解表.docx").measures]
    assert got == [(["一"], []), (["一", "3"], ["县发改委"]), (["二"], []), (["三"], []), (["四"], []),
                   (["四", "68"], ["县教育局"]), (["四", "69"], ["县教育局"])]
