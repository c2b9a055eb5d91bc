"""Task tables as offices copy them out of web pages (branch blanktables): a 分解表 whose rows are one line each, its cells
cut by single blanks while the page wrapped each cell at its column's width with a blank inside words and names, a
category column merged over its group (two blanks in a row), a third unit column, rows too wide for the line; a table
of one row copied one cell a line closed by a pipe, the header's last caption closed by two; a progress table whose
numbered title cell stands over ①②③ sub-rows that lost the cells merged over them. The wording is invented (no corpus
document says it); the property tests build such tables from random rows and check that nothing crashes, every row
comes back once, in order, with its lead unit."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

TITLE = ["某县2021年乡村振兴重点任务分解表", ""]


def _read(lines: list[str]):
    result = parse_plan_text("\n".join(lines))
    return result, result.measures


# ---- 1. cells cut by single blanks -------------------------------------------------------------------------------

SINGLE = TITLE + [
    "序号 领域 重点任务 具体举措 牵头单位 参与单位 责任单位",
    # the 领域 cell wrapped at four characters, the task cells at five, the unit cells at six
    "1 产业兴旺 壮大特色种 植业 新建标准化茶 园五千亩，年底 前完成验收。 县农业农村 局 县林业局、县 财政局 各乡镇人民 政府",
    # 领域 merged over the group: two blanks in a row; 参与单位 left empty: two blanks again
    "2  发展农产品 加工 引进农产品加 工企业3家。 县商务局  各乡镇人民 政府、县工业 园区管委会",
    "3 生态宜居 整治农村人 居环境 完成农村改厕 两千户。 县卫生健康 局 县住房和城 乡建设局 各乡镇人民 政府",
]


def test_a_row_cut_by_single_blanks_gives_each_unit_column_its_units():
    result, measures = _read(SINGLE)
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert measures[0].lead_units == ["县农业农村局"]  # "县农业农村 局": one name the column wrapped
    # 参与单位 and 责任单位 beside 牵头单位 both name the supporting units, in the order written
    assert measures[0].supporting_units == ["县林业局", "县财政局", "各乡镇人民政府"]
    assert measures[2].lead_units == ["县卫生健康局"]
    assert measures[2].supporting_units == ["县住房和城乡建设局", "各乡镇人民政府"]
    assert not result.warnings


def test_two_blanks_in_a_row_are_an_empty_cell_and_keep_the_units_in_their_columns():
    _, measures = _read(SINGLE)
    # the merged 领域 cell and the empty 参与单位 cell: the lead stays the lead, the list after 、 goes on
    assert measures[1].lead_units == ["县商务局"]
    assert measures[1].supporting_units == ["各乡镇人民政府", "县工业园区管委会"]
    assert "引进农产品加工企业3家" in measures[1].text.replace(" ", "")


def test_the_merged_category_opens_no_group_and_the_deadline_wrapped_in_its_cell_reads_closed_up():
    _, measures = _read(SINGLE)
    assert all(len(m.path) == 1 for m in measures)  # 产业兴旺, 生态宜居: no rows of their own
    assert measures[0].deadline == "年底前"
    assert measures[1].deadline is None


def test_a_row_too_wide_for_its_line_goes_on_on_the_next_line():
    lines = TITLE + [
        "序号 领域 重点任务 牵头单位 参与单位 责任单位",
        "1 基础设施 实施农村公路提档升级工程，新改建",
        "四好农村路80公里。 县交通运输局 县财政局 各乡镇人民政府",
        "2  推进农村供水保障工程建设。 县水利局 县卫生健康局 各乡镇人民政府、县",
        "水务集团",
        "本表由县委农办负责解释。",
    ]
    result, measures = _read(lines)
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert (measures[0].lead_units, measures[0].supporting_units) == (["县交通运输局"], ["县财政局", "各乡镇人民政府"])
    assert measures[1].supporting_units == ["县卫生健康局", "各乡镇人民政府", "县水务集团"]
    assert "四好农村路80公里" in measures[0].text  # the wrapped line is the row's own text
    assert "本表由县委农办负责解释" not in measures[1].text  # a note after the table is no rest of its last row


def test_a_list_wrapped_before_its_separator_and_a_vague_tail_stay_in_their_cell():
    lines = TITLE + [
        "序号 类别 工作任务 牵头单位 配合单位",
        "1 人才 引进急需紧缺人才100名。 县委组织部 县人才工作领导小 组各成员单位",
        "2  建设人才公寓200套。 县住房和城乡建 设局 、县自然资源局",
    ]
    _, measures = _read(lines)
    assert measures[0].supporting_units == ["县人才工作领导小组各成员单位"]  # the group of the named 小组
    # a piece opening with 、 goes on with the list of the piece before it: one cell of two leads, 配合单位 left empty
    assert measures[1].lead_units == ["县住房和城乡建设局", "县自然资源局"]
    assert measures[1].supporting_units == []


def test_the_same_table_with_tabs_reads_its_third_unit_column_as_supporting():
    lines = TITLE + ["序号\t领域\t重点任务\t牵头单位\t参与单位\t责任单位",
                     "1\t产业兴旺\t新建标准化茶园五千亩。\t县农业农村局\t县林业局\t各乡镇人民政府",
                     "2\t\t引进农产品加工企业3家。\t县商务局\t\t县工业园区管委会"]
    _, measures = _read(lines)
    assert (measures[0].lead_units, measures[0].supporting_units) == (["县农业农村局"], ["县林业局", "各乡镇人民政府"])
    assert (measures[1].lead_units, measures[1].supporting_units) == (["县商务局"], ["县工业园区管委会"])


def test_a_line_of_words_cut_by_blanks_is_no_header():
    lines = ["某县2021年工作安排", "一、产业 生态 乡风 治理 生活", "二、县农业农村局 牵头 县财政局 配合"]
    _, measures = _read(lines)
    assert [m.path for m in measures] == [["一"], ["二"]]


# ---- 2. one row, one cell a line, the header's last caption closed by two pipes ---------------------------------

NOTICE = ["某市人民政府办公室关于印发2022年政府工作报告目标任务分解表的通知", "各区县人民政府，市政府各部门：",
          "现将《2022年政府工作报告目标任务分解表》印发给你们，请认真贯彻落实。",
          "各责任领导要亲自研究部署，各牵头单位要会同责任单位细化工作举措，确保全年目标任务如期完成。",
          "某市人民政府办公室", "2022年1月28日", "2022年政府工作报告目标任务分解表"]


def test_a_table_of_one_target_row_is_a_table_of_one_measure():
    lines = NOTICE + ["目标任务 |", "责任领导 |", "牵头单位 |", "责任单位 ||",
                      "全年主要经济指标预期目标 |", "周 明 |", "市发展和改革委员会 |", "市统计局、市财政局、各区县人民政府 |"]
    result, measures = _read(lines)
    assert [m.path for m in measures] == [["1"]]
    assert measures[0].lead_units == ["市发展和改革委员会"]
    assert measures[0].supporting_units == ["市统计局", "市财政局", "各区县人民政府"]
    assert not result.warnings  # no "表头下没有写有任务内容的行"


def test_rows_closed_by_two_pipes_end_there_and_number_by_count():
    lines = NOTICE + ["工作任务 |", "牵头单位 |", "配合单位 | |",
                      "稳住农业基本盘 |", "市农业农村局 |", "市水利局 ||",
                      "提升城市品质 |", "市住房城乡建设局 |", "市城市管理局、市交通运输局 ||"]
    _, measures = _read(lines)
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert (measures[0].lead_units, measures[0].supporting_units) == (["市农业农村局"], ["市水利局"])
    assert measures[1].supporting_units == ["市城市管理局", "市交通运输局"]


def test_a_row_written_on_one_line_with_its_empty_cells_keeps_them():
    lines = ["序号 | 工作任务 | 牵头单位 | 配合单位 |", "一、稳增长 | |||",
             "1 | 推进重大项目建设。 | 市发展改革委 | 市财政局 |"]
    _, measures = _read(lines)
    assert [m.path for m in measures] == [["一"], ["一", "1"]]
    assert measures[1].supporting_units == ["市财政局"]


# ---- 3. a numbered title cell over ①②③ sub-rows ------------------------------------------------------------------

PROGRESS = ["某区2023年为民办实事清单推进情况",
            "清单任务 | 具体任务 | 序时目标 | 责任领导 | 牵头单位 | 推进情况 | 是否序时 | 备注 |",
            "12.推进老旧管网改造，年内完工 | ①改造燃气管网30公里 | 30公里 | 孙 伟 | 区城市管理局 | 已完成22公里 | 是 | |",
            "②改造供水管网15公里 | 15公里 | 已完成9公里 | 是 | |",
            "③改造雨污管网8公里 | 8公里 | 涉及道路开挖审批难 | 否 | |",
            "13.新建口袋公园6个 | 新建6个 | 6个 | 钱 芳 | 区园林绿化局 | 已建成4个 | 是 | |",
            "14.开展适老化改造 | ①完成困难老人家庭适老化改造300户 | 300户 | 李 明 | 区民政局 | 已完成260户 | 是 | |",
            "②新增助餐点10个 | 10个 | 部门间协调不畅 | 否 | |"]


def test_sub_rows_under_a_numbered_title_take_its_merged_lead():
    result, measures = _read(PROGRESS)
    assert [m.path for m in measures] == [["12"], ["12", "①"], ["12", "②"], ["12", "③"], ["13"],
                                          ["14"], ["14", "①"], ["14", "②"]]
    assert measures[0].lead_units == []  # the title is a heading of its sub-rows, without units
    assert [m.lead_units for m in measures[1:4]] == [["区城市管理局"]] * 3
    assert measures[7].lead_units == ["区民政局"]
    assert not any("重复或倒退" in warning for warning in result.warnings)  # no rows counted 1, 2 beside them


def test_progress_words_in_a_sub_row_are_never_units():
    _, measures = _read(PROGRESS)
    units = [u for m in measures for u in m.lead_units + m.supporting_units]
    assert not any("审批难" in u or "协调不畅" in u or u in ("是", "否") for u in units)
    assert not any(name in "".join(units) for name in ("孙伟", "钱芳", "李明", "孙 伟"))


def test_a_numbered_title_without_sub_items_is_one_measure_with_its_unit():
    _, measures = _read(PROGRESS)
    assert measures[4].path == ["13"] and measures[4].lead_units == ["区园林绿化局"]
    assert measures[0].deadline == "年内"  # "年内完工" in the title's own cell


def test_a_sub_row_writing_its_task_cell_alone_takes_the_merged_cells():
    lines = ["重点工作进展表", "重点工作 | 工作举措 | 进展情况 | 责任科室 |",
             "3.优化政务服务 | ①推行告知承诺制 | 已梳理事项120项 | 审批科 |", "②推进一网通办 |", "③延时错时服务 |"]
    _, measures = _read(lines)
    assert [m.path for m in measures] == [["3"], ["3", "①"], ["3", "②"], ["3", "③"]]
    assert [m.lead_units for m in measures[1:]] == [["审批科"]] * 3


def test_a_title_merged_over_unnumbered_rows_stays_their_group():
    lines = ["重点工作表", "重点工作 | 工作举措 | 牵头单位 |",
             "1.稳就业 | 开发公益性岗位200个 | 区人力社保局 |", "| 开展技能培训3000人次 | 区人力社保局 |"]
    _, measures = _read(lines)
    assert measures[0].path == ["1"] and len(measures) == 3  # a group over its own rows, as before


# ---- property tests ------------------------------------------------------------------------------------------------

_UNITS = ["县发展和改革局", "县财政局", "县教育局", "县民政局", "县水利局", "县商务局", "县应急管理局", "各乡镇人民政府"]
_TASKS = ["完成道路硬化十公里。", "新建文化广场两处", "推进垃圾分类全覆盖。", "培训新型职业农民500人次",
          "实施河道清淤工程三处。", "建设冷链物流中心一个"]


def _wrap(text: str, width: int) -> str:
    return " ".join(text[i:i + width] for i in range(0, len(text), width))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TASKS), st.sampled_from(_UNITS), st.sampled_from(_UNITS + [""]),
                          st.integers(3, 9), st.integers(4, 9), st.booleans()), min_size=1, max_size=8))
def test_any_single_blank_table_gives_every_row_once_in_order_with_its_lead(rows):
    lines = TITLE + ["序号 类别 主要任务 牵头单位 参与单位"]
    rows = [(task, lead, "" if supporting == lead else supporting, *rest) for task, lead, supporting, *rest in rows]
    for number, (task, lead, supporting, task_width, unit_width, category) in enumerate(rows, start=1):
        lines.append(" ".join([str(number), "基础建设" if category else "", _wrap(task, task_width),
                               _wrap(lead, unit_width), _wrap(supporting, unit_width)]).rstrip())
    _, measures = _read(lines)
    assert [m.path for m in measures] == [[str(n)] for n in range(1, len(rows) + 1)]
    assert [m.lead_units for m in measures] == [[lead] for _, lead, *_ in rows]
    assert [m.supporting_units for m in measures] == [[s] if s else [] for _, _, s, *_ in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(_UNITS[:-1]), st.booleans()), min_size=1, max_size=6))
def test_any_progress_table_of_numbered_titles_keeps_each_sub_row_under_its_title(titles):
    circled = "①②③④"
    lines = ["清单推进情况", "清单任务 | 具体任务 | 责任领导 | 牵头单位 | 推进情况 | 是否序时 |"]
    expected = []
    for number, (subs, lead, short) in enumerate(titles, start=20):
        first = f"{number}.推进第{number}项民生工程 | {circled[0]}完成年度建设任务 | 张 三 | {lead} | 已完成七成 | 是 |"
        lines.append(first)
        expected += [([str(number)], []), ([str(number), circled[0]], [lead])]
        for sub in range(1, subs):
            lines.append(f"{circled[sub]}完成配套工程 |" if short else f"{circled[sub]}完成配套工程 | 已完成五成 | 是 |")
            expected.append(([str(number), circled[sub]], [lead]))
    _, measures = _read(lines)
    assert [(m.path, m.lead_units) for m in measures] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="序号类别任务牵头单位参与责任县局委办 |①②③57.\n", max_size=40), max_size=12))
def test_blank_cut_and_pipe_closed_lines_never_crash_the_parser(pieces):
    parse_plan_text("\n".join(["序号 类别 主要任务 牵头单位 参与单位 责任单位", "目标任务 |", "牵头单位 ||"] + pieces))

