"""Stories of branch ledgerplans66: a work ledger or progress table given to the plan reader reads as a plan's task table.

Each story is an invented table as an office receives it; the guard over the development ledgers is
tests/unit/test_parser_ledgers_as_plans.py, the rules GOLD-README "ledgerplans66".
"""
from __future__ import annotations

from tests.helpers.word_tables import word_table
from tracker.ledger import read_ledger
from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.vocabulary import captions

_PROGRESS_ROWS = [
    ["序号", "实事项目", "1-6月进展情况", "推进状态"],
    ["1", "新建城乡公交候车亭30座。", "已建成候车亭18座，县交通运输局、县住建局正在选址，9月底前完工。", "推进中"],
    ["2", "改造老旧小区5个。", "5个小区全部完工。", "已完成"],
    ["3", "新增托育位200个。", "", "未启动"],
]
_PROGRESS_ABOVE = ["某县2026年民生实事项目进展情况表", "填报单位：县政府办公室", "联系人：王明    联系电话：0571-12345678",
                   "填报日期：2026年7月5日"]


def _read(draft) -> list[tuple[list[str], str, list[str], list[str], str | None]]:
    return [(m.path, m.title, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures]


def test_a_progress_table_of_projects_reads_its_items_and_nothing_of_their_progress():
    """The 督查室 receives the county's 民生实事 progress table (序号 | 实事项目 | 1-6月进展情况 | 推进状态, no unit or time
    column) and imports it as a plan: its three projects are the measures, as a Word table and as the text Word copies;
    the progress text gives no unit and no deadline (`9月底前完工` is how far the work went, not the task's time), the
    status words (推进中, 已完成, 未启动) and the ledger's own lines (填报单位, 联系人, 填报日期) are no items."""
    text = "\n".join(_PROGRESS_ABOVE + ["\t".join(row) for row in _PROGRESS_ROWS])
    for draft in (parse_plan_text(text), read_plan_bytes(word_table(_PROGRESS_ROWS, _PROGRESS_ABOVE), "进展表.docx")):
        assert [(path, lead, supporting, deadline) for path, _, lead, supporting, deadline in _read(draft)] == [
            (["1"], [], [], None), (["2"], [], [], None), (["3"], [], [], None)]
        assert [m.title for m in draft.measures] == ["新建城乡公交候车亭30座", "改造老旧小区5个", "新增托育位200个"]


def test_a_ledger_header_with_a_month_progress_column_stays_one_header():
    """A 责任分解 ledger copied from Word captions its progress column by month (`1月进展`): the header is read as the
    captions it is, not as a glued table whose first row opens at the `1` of `1月`, so the tasks keep their group, units
    and deadlines."""
    text = "\n".join(["某县重点工作责任分解", "序号\t重点工作\t责任单位\t完成时限\t1月进展",
                      "一、\t县长牵头重点工作\t\t\t", "1\t稳定粮食生产。\t县农业农村局\t2026年10月底\t",
                      "2\t修缮乡村道路。\t县交通运输局\t\t已完成选线"])
    assert _read(parse_plan_text(text)) == [
        (["一"], "县长牵头重点工作", [], [], None),
        (["一", "1"], "稳定粮食生产", ["县农业农村局"], [], "2026年10月底"),
        (["一", "2"], "修缮乡村道路", ["县交通运输局"], [], None)]


def test_a_sub_heading_closed_by_a_full_stop_keeps_the_table_going():
    """A 目标任务 ledger groups its rows under sub-headings without 序号 written across the table and closed by a full
    stop (`促进居民就业。`); pasted as text the headings lose their tabs. The rows after each keep their units: the table
    goes on, the heading titles the row under it."""
    text = "\n".join(["某县目标任务分解", "序号\t目标任务\t牵头单位\t配合单位", "（一）\t增进民生福祉。\t\t",
                      "促进居民就业。", "1\t开展专项招聘活动。\t县人社局\t各乡镇人民政府", "就业服务提升。",
                      "2\t实施技能培训。\t县人社局\t县教育局"])
    assert [(path, lead, supporting) for path, _, lead, supporting, _ in _read(parse_plan_text(text))] == [
        (["（一）"], [], []), (["（一）", "1"], ["县人社局"], ["各乡镇人民政府"]),
        (["（一）", "2"], ["县人社局"], ["县教育局"])]


_RECTIFICATION_ROWS = [
    ["序号", "存在问题", "责任单位", "整改时限", "整改进展", "整改状态"],
    ["1", "项目资金拨付滞后。", "县财政局", "2026年6月底前", "已拨付资金80%。", "整改中"],
    ["2", "档案管理不规范。", "县档案馆", "立行立改", "已整改到位。", "已完成"],
]


def test_a_rectification_ledger_without_measures_reads_its_problems_as_tasks_in_both_readers():
    """A 巡察 整改台账 lists the problems without a 整改措施 column (存在问题 | 责任单位 | 整改时限 | 整改进展 | 整改状态):
    given as a plan, each problem is a measure with its unit and time, as the ledger reader takes the same column for the
    task (one rule: vocabulary ``rectified_problem_column``)."""
    text = "\n".join(["某县巡察反馈问题整改台账"] + ["\t".join(row) for row in _RECTIFICATION_ROWS])
    assert _read(parse_plan_text(text)) == [
        (["1"], "项目资金拨付滞后", ["县财政局"], [], "2026年6月底前"),
        (["2"], "档案管理不规范", ["县档案馆"], [], "立行立改")]
    csv = "\n".join(",".join(row) for row in [["某县巡察反馈问题整改台账"], *_RECTIFICATION_ROWS]).encode("utf-8-sig")
    read = read_ledger(csv, "整改台账.csv")
    assert read.column_map["具体措施"] == "B"
    assert [row.measure for row in read.rows] == ["项目资金拨付滞后。", "档案管理不规范。"]


def test_the_problem_column_is_the_task_only_in_a_rectification_table_naming_no_task():
    """The vocabulary's rule itself: 存在问题 is the task only where a caption speaks of 整改 and no caption names the task;
    beside a 工作任务 column, or in a ledger whose 存在问题 are the problems met on the way, it stays a report column."""
    columns, _ = captions.match_header(["序号", "存在问题", "责任单位", "整改时限"])
    assert columns["具体措施"] == 1
    assert captions.match_header(["序号", "存在问题", "责任单位", "完成时限"]) is None
    assert captions.rectified_problem_column({"具体措施": 1, "存在问题": 2}, ["工作任务", "存在问题", "整改时限"]) is None
