"""The deadline forms fresh documents 1117–1124 showed (issue 13, branch fresh48; GOLD-README "fresh48"), one invented
story each: a template's year kept as written with no due date, a stage's span whose dash a copy lost, a time caption
giving a length of time or parts of months before its window, two seasons' windows after one caption, and a numbered
line opening with a template's year. The deadline matrix (tests/unit/test_parser_deadline_matrix.py) holds the forms in
every place; these tell them as an office writes them."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import parse_due_date


def _deadlines(*lines: str) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    """Every measure's (path, deadline as written, due date as ISO) of the plan written as ``lines``."""
    return [(tuple(m.path), m.deadline, m.due_date.isoformat() if m.due_date else None)
            for m in parse_plan_text("\n".join(lines)).measures]


def test_a_model_plans_blank_year_is_kept_as_written_and_names_no_year():
    """A document site's model plan for a library's reading month leaves its year blank (`20xx年`, `20__年`): the window
    under its time heading and the window after its caption are the deadlines as written, blank and all; they are due on
    no day, though the copy carries a signature whose year would date a year-less window."""
    assert _deadlines("某图书馆全民阅读月活动方案", "一、活动时间", "20xx年4月1日至4月30日。",
                      "二、活动安排", "（一）集中推广。推广时间为20__年4月上旬至4月下旬，各分馆同步开展。",
                      "某图书馆", "2026年3月2日") == [
        (("一",), "20xx年4月1日至4月30日", None), (("二",), None, None),
        (("二", "（一）"), "20__年4月上旬至4月下旬", None)]


def test_a_window_ending_in_a_year_of_its_own_after_a_blank_year_is_due_at_its_end():
    """The blank year opens the window, its end writes a real year (`从 20xx 年 11 月至 2027 年 3 月，…禁止…`): the end
    is the due date (the blank year names none), the blanks as written."""
    assert _deadlines("某街道冬季烟花爆竹禁放工作方案", "一、工作目标",
                      "1.从 20xx 年 11 月至 2027 年 3 月,全街范围内禁止燃放烟花爆竹。")[1] == (
        ("一", "1"), "20xx 年 11 月至 2027 年 3 月", "2027-03-31")
    assert parse_due_date("201x年5月2日至5月31日", 2026) is None


def test_a_numbered_line_opening_with_a_blank_year_opens_its_item():
    """`1.20xx年底前，…` opens item 1 (its year's blank figures are no decimals of a quantity), as `1.2026年底前，…` does."""
    assert _deadlines("某镇人居环境整治方案", "一、重点任务", "1.20xx年底前，完成全部自然村垃圾清运点建设。",
                      "2.完善保洁长效机制。")[1] == (("一", "1"), "20xx年底前", None)


def test_a_stage_whose_span_lost_its_dash_is_dated_from_its_first_day_to_its_second():
    """A county's clean-up steps, copied by a site that dropped the dash between two days (`（6月3日9日）`): each stage's
    bracket is its deadline as written, due on the second day of the month in the year of the signature; a date later in
    the stage's sentence (`6月9日前报县爱卫办`) is its second deadline."""
    assert _deadlines("某县城区环境卫生整治方案", "一、整治步骤",
                      "1.摸底登记阶段（6月3日9日），各社区逐户登记，6月9日前报县爱卫办。",
                      "2.集中清理阶段（6月10日28日），各社区集中清理。",
                      "某县爱国卫生运动委员会", "2026年5月20日")[1:] == [
        (("一", "1"), "6月3日9日", "2026-06-09"), (("一", "2"), "6月10日28日", "2026-06-28")]


def test_a_time_caption_giving_a_length_of_time_before_its_window_dates_the_item():
    """`整治时间为一个月，从…至…` names the campaign's length, then its window after 从: the window is the deadline as
    written (从 dropped), due on its last day."""
    assert _deadlines("某区校园周边秩序整治方案", "一、整治时间整治时间为一个月,从2026年9月1日至9月30日。")[0] == (
        ("一",), "2026年9月1日至9月30日", "2026-09-30")


def test_two_seasons_windows_after_one_time_caption_date_the_stage_by_the_first():
    """A town's fire-watch steps name two seasons each with its window in brackets after one `时间：` caption, in the
    stage's sentence or on a line of its own: the first season's window is the stage's deadline, and the second bracket,
    closing the sentence, is no annotation of the stage (it names no unit and dates the season before it)."""
    assert _deadlines("某镇秸秆禁烧工作方案", "一、工作步骤",
                      "（一）宣传发动阶段。时间:夏季麦收前(5月25日一5月31日)、秋季秋收前(9月15日一9月25日)。召开动员会议。",
                      "（二）巡查值守阶段。", "时间:夏季麦收期间(6月1日一6月25日)、秋季秋收期间(9月26日一10月20日)",
                      "某镇人民政府", "2026年5月10日")[1:] == [
        (("一", "（一）"), "5月25日一5月31日", "2026-05-31"), (("一", "（二）"), "6月1日一6月25日", "2026-06-25")]


def test_a_count_of_what_there_is_at_a_years_end_reports_and_dates_nothing():
    """A county's review says how many bodies there are at a year's end (`截至2025年底，全县共有…9家`): 共有 reports a
    count, as 共计 does, so the year's end is no deadline, whatever the year (a template's blank year too); `共有产权` is
    shared ownership, and the aim's year's end stays its deadline."""
    assert _deadlines("某县金融工作情况和下步打算", "一、基本情况", "（一）机构体系不断健全。截至2025年底，全县共有银行业金融机构9家。",
                      "（二）截止20xx年底，共有担保公司2家。", "二、下步打算", "（一）截至2027年底，建成共有产权住房1000套。") == [
        (("一",), None, None), (("一", "（一）"), None, None), (("一", "（二）"), None, None), (("二",), None, None),
        (("二", "（一）"), "2027年底", "2027-12-31")]
