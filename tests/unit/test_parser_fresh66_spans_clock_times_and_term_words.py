"""Deadlines as written that the parser missed (branch fresh66): a stage's window after a comma or its months in brackets, a
window closed by 止 or cut into stages, a meeting's clock time, the month the work falls in (当月), a notice's own day and an
event counted back in months, season and term words opening the work, a template's year after the subject, and times kept as
written (前后, a lost 月 before 底). Each story is an invented plan an office might send; GOLD-README "fresh66" gives the rules,
and every story holds cases where such words must not become a deadline.
"""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, parse_due_date

pytestmark = pytest.mark.unit

ISSUED = datetime.date(2026, 2, 10)


def _deadlines(*lines: str, title: str = "某县2026年城乡环境整治工作方案") -> dict[tuple[str, ...], tuple[str | None, datetime.date | None]]:
    plan = parse_plan_text("\n".join([title, "为做好整治工作，制定本方案。", *lines, "某县人民政府办公室", "2026年2月10日"]))
    return {tuple(m.path): (m.deadline, m.due_date) for m in plan.measures}


def test_a_stage_item_dates_its_window_after_a_comma_or_its_months_in_brackets_and_runs_on():
    """A county's rectification plan numbers its stages as items and writes each stage's window after a comma, or its
    months in brackets, the stage's work run on after it: the window is the item's deadline as written, due on its last
    day; a ban notice's term caption names its season and then the window. A dated report inside a stage stays none."""
    read = _deadlines("一、工作步骤",
                      "（一）动员部署阶段，2026年2月13日—2月17日。各镇召开动员会，制定实施方案。",
                      "（二）整治规范阶段，2026年3月1日—5月31日。全面排查整治，建立问题台账。",
                      "（三）总结完善阶段(9-12月)，各镇总结经验，建立长效机制。",
                      "（四）禁烧时段：“三秋”为9月26日至10月25日。",
                      "（五）巩固提升。2025年3月1日至5月31日，全县共排查隐患120处，已全部整改。",
                      "（六）验收阶段：2026年11月1日—11月20日。县里组织验收。")
    assert read[("一", "（一）")] == ("2026年2月13日—2月17日", datetime.date(2026, 2, 17))
    assert read[("一", "（二）")] == ("2026年3月1日—5月31日", datetime.date(2026, 5, 31))
    assert read[("一", "（三）")] == ("9-12月", datetime.date(2026, 12, 31))
    assert read[("一", "（四）")] == ("9月26日至10月25日", datetime.date(2026, 10, 25))
    assert read[("一", "（五）")] == (None, None)
    assert read[("一", "（六）")] == ("2026年11月1日—11月20日", datetime.date(2026, 11, 20))


def test_a_window_closed_by_zhi_or_cut_into_stages_is_the_works_time_but_a_rules_term_is_not():
    """A pilot runs 自11月18日起至12月底止 and a campaign 从…至…，共分三个阶段: the window as written (自/从 and 止 dropped) is
    the item's deadline, due at its end (年底: the year of issue's). A rule's term (有效期自…起至…止, …止执行) stays none."""
    read = _deadlines("一、工作安排",
                      "（一）平台建设。模拟运行自11月18日起至12月底止。",
                      "（二）集中整治从2026年7月至2026年12月，共分三个阶段。",
                      "（三）专项整治行动自2026年8月下旬至年底，分三个阶段。",
                      "（四）政策保障。本办法有效期自2026年3月1日起至2028年2月29日止。")
    assert read[("一", "（一）")] == ("11月18日起至12月底", datetime.date(2026, 12, 31))
    assert read[("一", "（二）")] == ("2026年7月至2026年12月", datetime.date(2026, 12, 31))
    assert read[("一", "（三）")] == ("2026年8月下旬至年底", datetime.date(2026, 12, 31))
    assert read[("一", "（四）")] == (None, None)
    assert find_text_deadline("阶段性政策自2026年3月1日起至2026年12月31日止执行。") is None


def test_a_meetings_day_and_clock_time_is_the_items_time_in_figures_or_chinese_numerals():
    """A township's notice gives each meeting its day and clock time, in figures or Chinese numerals, opening the sentence
    or as a 时间 caption after the item's title, and a repair its window of hours: the time as written, due that day (the
    window's last); a meeting that was held (召开了) stays none."""
    read = _deadlines("一、会议安排",
                      "（一）召开推进会。2026年11月10日下午15:30-16:30在县政府三楼会议室召开。",
                      "（二）停水检修。2026年10月3日16:00至2026年10月4日9:00对城区管网进行检修。",
                      "（三）召开动员大会。五月二十四日上午九时在县礼堂召开。",
                      "（四）召开座谈会。时间：五月二十六日下午三时。地点：县政府五楼会议室。",
                      "（五）总结经验。2026年1月10日上午9时在县政府召开了整治工作推进会。")
    assert read[("一", "（一）")] == ("2026年11月10日下午15:30-16:30", datetime.date(2026, 11, 10))
    assert read[("一", "（二）")] == ("2026年10月3日16:00至2026年10月4日9:00", datetime.date(2026, 10, 4))
    assert read[("一", "（三）")] == ("五月二十四日上午九时", datetime.date(2026, 5, 24))
    assert read[("一", "（四）")] == ("五月二十六日下午三时", datetime.date(2026, 5, 26))
    assert read[("一", "（五）")] == (None, None)


def test_the_month_the_work_falls_in_a_notices_own_day_and_an_event_counted_back_are_kept_as_written():
    """当月8日 and 当月13日前 (the month the report is for), 公告之日起五个工作日内 (counted from the notice), a caption's
    window 为通告之日起至… (为 is the caption's, never the deadline's) and 选定考试日期的一个半月前 (counted back from an event
    the reader chooses): each is the deadline as written; only the window fixes a calendar day (the 公告's day is not the
    plan's: no due date, while 本意见印发之日起30日内 still counts from the signature). A service time limit with
    no anchor (14个工作日内完成审批) and 当月底 naming a report (当月底报表) stay none."""
    read = _deadlines("一、工作要求",
                      "（一）各村当月8日报送上月进展。",
                      "（二）各镇于当月13日前完成自查。",
                      "（三）相关企业自公告之日起五个工作日内完成登记。",
                      "（四）意见征集。征集时间为通告之日起至2026年11月30日。",
                      "（五）考生须在选定考试日期的一个半月前提交申请。",
                      "（六）优化审批。环评报告书受理后14个工作日内完成审批。",
                      "（七）规范统计。做好当月底报表编制。")
    assert read[("一", "（一）")] == ("当月8日", None)
    assert read[("一", "（二）")] == ("当月13日前", None)
    assert read[("一", "（三）")] == ("公告之日起五个工作日内", None)
    assert read[("一", "（四）")] == ("通告之日起至2026年11月30日", datetime.date(2026, 11, 30))
    assert read[("一", "（五）")] == ("选定考试日期的一个半月前", None)
    assert read[("一", "（六）")] == (None, None)
    assert read[("一", "（七）")] == (None, None)
    assert parse_due_date("本意见印发之日起30日内", 2026, ISSUED) == datetime.date(2026, 3, 12)


def test_season_and_term_words_opening_the_work_are_its_time_but_not_a_terms_name_or_an_indicators_quarter():
    """A school's and a water office's plans write 开学初, 秋季, 汛前 and 年初 before the work done then: the time as written,
    no calendar day; a season's work already done (2025年秋季开展了…), 秋季学期 naming a term and 一季度 before an indicator's growth (一季度GDP增长5%) stay none, while a
    quarter before planned work (一季度完成方案制定) keeps its quarter."""
    read = _deadlines("一、重点任务",
                      "（一）开学初开展安全教育。",
                      "（二）秋季组织植树补种。",
                      "（三）汛前开展隐患排查。",
                      "（四）年初召开部署会。",
                      "（五）做好秋季学期开学准备。",
                      "（六）一季度GDP增长5%。",
                      "（七）一季度完成方案制定。",
                      "（八）巩固成果。2025年秋季开展了专项行动。")
    assert read[("一", "（一）")] == ("开学初", None)
    assert read[("一", "（二）")] == ("秋季", None)
    assert read[("一", "（三）")] == ("汛前", None)
    assert read[("一", "（四）")] == ("年初", None)
    assert read[("一", "（五）")] == (None, None)
    assert read[("一", "（六）")] == (None, None)
    assert read[("一", "（七）")] == ("一季度", datetime.date(2026, 3, 31))
    assert read[("一", "（八）")] == (None, None)


@pytest.mark.parametrize("where", ["prose", "cell", "caption", "clause"])
def test_times_are_kept_as_written_in_prose_a_time_cell_a_caption_and_an_annotation(where):
    """12月5日前后 keeps 前后 (due that day), 2022年8底前 keeps its lost 月 (due at August's end) and 开学初 reads as a term's
    opening wherever the office writes them: in the sentence, a table's time cell, a 完成时限 caption or an annotation's
    clause beside its unit."""
    def read(form: str) -> tuple[str | None, datetime.date | None]:
        text = {"prose": f"一、完善应急预案，各镇{form}完成。",
                "cell": f"序号 | 工作任务 | 牵头单位 | 完成时限\n1 | 完善应急预案 | 县应急局 | {form}",
                "caption": f"一、完善应急预案。（牵头单位：县应急局；完成时限：{form}）",
                "clause": f"一、完善应急预案。（县应急局牵头，{form}）"}[where]
        measure = parse_plan_text(text).measures[0]
        return measure.deadline, measure.due_date
    assert read("12月5日前后")[0] == "12月5日前后"
    assert read("2022年8底前") == ("2022年8底前", datetime.date(2022, 8, 31))
    if where != "prose":
        assert read("开学初") == ("开学初", None)
        assert read("当月13日前") == ("当月13日前", None)
    assert parse_due_date("12月5日前后", 2026) == datetime.date(2026, 12, 5)


def test_a_template_years_day_after_the_subject_is_the_deadline_with_no_due_date():
    """A model plan leaves its year blank (20xx年): a day after the subject, then the work finished by then, is the deadline
    as written, as with a year in figures, and names no calendar day; a day naming which projects a rule covers (…建成的)
    stays none."""
    assert find_text_deadline("各单位20xx年12月31日完成总结报送。") == "20xx年12月31日"
    assert parse_due_date("20xx年12月31日", 2026) is None
    assert find_text_deadline("各镇2026年12月31日完成验收。", ISSUED) == "2026年12月31日"
    assert find_text_deadline("对2026年12月31日建成的项目给予奖励。", ISSUED) is None
