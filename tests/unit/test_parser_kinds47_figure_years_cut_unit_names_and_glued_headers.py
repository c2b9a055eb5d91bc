"""Kinds of writing the parser still lost or misread at stop 38 (issue 13, branch kinds47).

1. A year inside the task cell of a table with no time column (`…,分两年拨付,2025年安排300万元`) is the year of a
   figure, not the row's deadline; a year opening the cell or aimed at (`到2025年`) and `年内` or `9月底前` still are.
2. A table cut by single blanks whose last row, at the end of the stored copy, stops inside its unit's name (`…  住房城乡`)
   is no measure, and the reader says so; a table whose rows leave the unit cell empty keeps its last row.
Wording invented (GOLD-README "kinds47")."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import year_of_a_figure


def _read(text: str) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written) by path, of a pasted text."""
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# ---- kind 1: the year of a figure inside a task cell ---------------------------------------------------------------

FUND_TABLE = """某市2025年民生资金量化任务分工
序号 | 工作任务 | 牵头单位
1 | 市级财政统筹安排800万元养老服务补助,分两年拨付,2025年安排300万元 | 市财政局
2 | 2025年,全市新建社区食堂12个 | 市民政局
3 | 完善救助体系,到2026年实现低保对象动态管理全覆盖 | 市民政局
4 | 年内完成20个老旧小区适老化改造 | 市住房城乡建设局
5 | 推动助餐点建设,确保9月底前投入运行 | 市商务局
"""


def test_a_year_naming_the_share_of_an_amount_inside_a_task_cell_is_no_deadline():
    read = _read(FUND_TABLE)
    assert read[("1",)] == (["市财政局"], [], None)


def test_a_year_opening_the_cell_a_target_year_and_other_times_in_a_task_cell_stay_the_rows_deadline():
    read = _read(FUND_TABLE)
    assert read[("2",)][2] == "2025年"
    assert read[("3",)][2] == "2026年"
    assert read[("4",)][2] == "年内"
    assert read[("5",)][2] == "9月底前"


def test_the_predicate_names_only_a_year_alone_written_after_other_words():
    assert year_of_a_figure("市级统筹安排800万元,2025年安排300万元")
    assert not year_of_a_figure("2025年下达300万元")
    assert not year_of_a_figure("统筹资金,到2025年下达300万元")
    assert not year_of_a_figure("统筹资金,2025年6月底前下达300万元")
    assert not year_of_a_figure("统筹资金,年内下达")
    assert not year_of_a_figure("")


# ---- kind 2: the last row of a blank-separated table cut inside its unit's name --------------------------------------

BLANK_TABLE = """某省2025年城乡建设量化指标任务分工

序号 工 作 任 务 牵头负责部门
1 新开工改造城镇老旧小区2000个 住房城乡建设厅
2 新增城市绿道300公里 自然资源厅
3 改造农村危房1500户 住房城乡"""


def test_the_last_row_the_copy_cut_inside_its_unit_name_is_no_measure_and_is_reported():
    draft = parse_plan_text(BLANK_TABLE)
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",)]
    assert draft.measures[1].lead_units == ["自然资源厅"]
    assert any("最后一行" in warning and "中途结束" in warning for warning in draft.warnings)


def test_a_last_row_ending_on_a_whole_unit_is_read():
    draft = parse_plan_text(BLANK_TABLE + "建设厅")
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",), ("3",)]
    assert draft.measures[2].lead_units == ["住房城乡建设厅"]


def test_a_table_whose_rows_leave_the_unit_cell_empty_keeps_its_last_row():
    text = BLANK_TABLE.replace(" 自然资源厅", "")
    draft = parse_plan_text(text)
    assert [tuple(m.path) for m in draft.measures] == [("1",), ("2",), ("3",)]
    assert not any("中途结束" in warning for warning in draft.warnings)


# ---- one reader of a time opening a cell: a time alone before the work, or a dated step ----------------------------

def test_one_reader_gives_the_time_a_cell_opens_with_and_a_task_cell_only_its_time_closed_by_前():
    from tracker.parsing.deadlines import dated_opening
    assert dated_opening("2025年3月底前,全区养老机构完成消防改造") == "2025年3月底前"
    assert dated_opening("2025年3月底前,全区养老机构完成消防改造", by_only=True) == "2025年3月底前"
    # a schedule's steps: the first step's date, in a time cell; a task cell reads no step
    assert dated_opening("2025年4月公示名单,2025年9月兑现补贴") == "2025年4月"
    assert dated_opening("2025年4月公示名单,2025年9月兑现补贴", by_only=True) is None
    # a target's year is no time closed by 前; a span, a start or a list is no step
    assert dated_opening("到2026年,建成示范街区3个", by_only=True) is None
    assert dated_opening("4月至6月集中整治") is None
    assert dated_opening("5月起实施") is None
    assert dated_opening("") is None


# ---- kind 3: a glued table with a 牵头单位 and a 配合单位 (or 责任单位) column, its time before or after them --------------

TIME_FIRST_GLUED = """某市2024年营商环境优化重点任务分工表.docx
1、某市2024年营商环境优化重点任务分工表序号重点任务完成时限牵头单位配合单位1压减企业开办时间,推行全程网办。2024年6月底前市市场监管局市税务局、市人社局2推进工程建设项目审批改革。2024年9月底前市住建局市自然资源局3优化政务服务窗口设置。全年市政务服务中心4完善信用修复机制,开展专项培训。2024年12月底前市发改委各县区人民政府
"""


def test_a_glued_row_with_its_time_before_a_lead_and_a_supporting_column_reads_all_three():
    read = _read(TIME_FIRST_GLUED)
    assert list(read) == [("1",), ("2",), ("3",), ("4",)]
    assert read[("1",)] == (["市市场监管局"], ["市税务局", "市人社局"], "2024年6月底前")
    assert read[("2",)] == (["市住建局"], ["市自然资源局"], "2024年9月底前")
    assert read[("3",)] == (["市政务服务中心"], [], "全年")  # the supporting cell left empty


def test_a_glued_row_whose_units_cannot_be_parted_between_the_two_columns_gets_no_unit():
    # "市发改委" then the group "各县区人民政府": which cell ends where is unknown, so no unit is made of the words
    lead, supporting, _ = _read(TIME_FIRST_GLUED)[("4",)]
    assert lead == [] and supporting == []


UNITS_FIRST_GLUED = """某区2023年城市管理重点工作任务分解表
某区2023年城市管理重点工作任务分解表序号工作任务牵头单位责任单位完成时间备注1整治占道经营,规范夜市摊点。区城管局区市场监管局、各街道办事处2023年10月底前2推进背街小巷改造。区住建局2023年12月底前3开展垃圾分类示范小区创建。区城管局区住建局区商务局2023年11月底前
"""


def test_a_glued_header_of_a_task_a_lead_and_a_responsible_column_is_cut_into_its_captions():
    # "工作任务牵头单位" could be read as one caption; the header's columns are 工作任务 | 牵头单位 | 责任单位 | 完成时间 | 备注
    read = _read(UNITS_FIRST_GLUED)
    assert list(read) == [("1",), ("2",), ("3",)]
    # 责任单位 after a 牵头 column supports
    assert read[("1",)] == (["区城管局"], ["区市场监管局", "各街道办事处"], "2023年10月底前")
    assert read[("2",)] == (["区住建局"], [], "2023年12月底前")


def test_three_names_run_together_under_two_unit_columns_give_no_unit_but_keep_the_time():
    assert _read(UNITS_FIRST_GLUED)[("3",)] == ([], [], "2023年11月底前")


def test_a_figure_year_with_a_time_after_it_leaves_the_cell_to_the_time_reader():
    assert not year_of_a_figure("统筹资金800万元,2025年安排300万元,2026年6月底前完成拨付")
