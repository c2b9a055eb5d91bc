"""Times offices commonly write that the parser did not read, found by trying an office's forms (issue 13, branch kinds42).

1. A school's term or year as an annotation's time or a time caption's value (`（区教育局负责，本学期）`, `本学期末`, `2025年秋季
   学期`, `本学年`, `2025—2026学年`, `每学期`), and the holidays before which work is done (`寒假前`, `2025年暑假前`): the time as
   written, with no calendar day; before, the whole annotation was unreadable and its unit was lost with it.
2. A span of months whose first month leaves its 月 to the last (`（区住建局负责，10-12月）`, `2025年3-6月`), as prose writes a
   campaign's months (`6—9月，开展…`): the span as written, due at the last month's end (`2025年3-6月` was read as June 2026).
3. A horizon counted in years as an annotation's time (`（区住建局负责，三年内完成）`, `今后两年`): the horizon as prose reads it
   (`三年内`, no due date); a quota's period (`5年内累计`) stays none. Before, the annotation was unreadable and lost its unit.
Wording invented (GOLD-README "kinds42")."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.signed_plans import read_signed_plan
from tracker.parsing.annotations import parse_annotation_body
from tracker.parsing.deadlines import deadline_caption_line, find_text_deadline, parse_due_date


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    return read_signed_plan("关于印发某区2025年校园安全工作方案的通知", items, "区人民政府办公室\n2025年2月20日")


# ---- kind 1: a school's term as the time -------------------------------------------------------------------------

def test_a_term_as_the_annotations_time_keeps_its_units_and_names_no_calendar_day():
    read = _plan([
        "一、开展防溺水专题教育。（区教育局负责，本学期）",
        "二、维修中小学校舍。（区住建局牵头，区教育局配合，2025年暑假前完成）",
        "三、更新校园监控设备。（区公安分局负责，本学期末完成）",
        "四、配齐心理健康教师。",
        "完成时限：2025年秋季学期",
    ])
    assert read[("一",)] == (["区教育局"], [], "本学期", None)
    assert read[("二",)] == (["区住建局"], ["区教育局"], "2025年暑假前", None)
    assert read[("三",)] == (["区公安分局"], [], "本学期末", None)
    assert read[("四",)] == ([], [], "2025年秋季学期", None)


@given(st.sampled_from(["本学期", "下学期", "本学期内", "本学期末", "2025年秋季学期", "春季学期", "本学年", "2025—2026学年",
                        "每学期", "寒假前", "2026年寒假前"]),
       st.sampled_from(["", "完成"]))
def test_any_term_closing_an_annotation_is_its_deadline_as_written(term, verb):
    annotation = parse_annotation_body(f"区教育局负责，{term}{verb}")
    assert annotation is not None and annotation.entries == [("responsible", "区教育局")]
    assert annotation.deadline == term
    assert parse_due_date(term, 2025) is None
    assert deadline_caption_line(f"完成时限：{term}") == term


def test_a_holiday_before_which_work_is_done_reads_in_prose_as_a_festival_does():
    assert find_text_deadline("寒假前完成学生宿舍消防改造。") == "寒假前"
    assert find_text_deadline("2025年暑假前完成食堂明厨亮灶改造。") == "2025年暑假前"


# ---- kind 2: a span of months whose first month leaves its 月 to the last ------------------------------------------

def test_a_short_span_of_months_as_the_annotations_time_is_due_at_its_last_month():
    read = _plan([
        "一、开展校园周边环境整治。（区城管局负责，区市场监管局配合，10-12月）",
        "二、开展校车安全检查。（区交通局负责，2025年3-6月）",
    ])
    assert read[("一",)] == (["区城管局"], ["区市场监管局"], "10-12月", datetime.date(2025, 12, 31))
    assert read[("二",)] == (["区交通局"], [], "2025年3-6月", datetime.date(2025, 6, 30))


@given(st.integers(1, 11), st.integers(1, 11), st.sampled_from(["-", "—", "～", "至"]), st.booleans())
def test_a_short_span_with_its_year_is_due_in_that_year(first, extra, dash, year):
    last = min(12, first + extra)
    written = f"{'2025年' if year else ''}{first}{dash}{last}月"
    assert parse_due_date(written, 2025) == parse_due_date(f"2025年{last}月", 2025)
    annotation = parse_annotation_body(f"区住建局负责，{written}")
    assert annotation is not None and annotation.deadline == written


def test_a_campaigns_months_with_their_year_open_its_clause_as_without_it():
    assert find_text_deadline("2025年10-12月，开展校园食品安全专项检查。") == "2025年10-12月"
    assert find_text_deadline("2022年1-2月全区发放消费券500万元。") is None  # run on into a figure: none, as kinds39 reads it


# ---- kind 3: a horizon counted in years as the annotation's time -------------------------------------------------

def test_a_horizon_in_years_as_the_annotations_time_reads_as_in_prose():
    read = _plan([
        "一、推进学校标准化建设。（区教育局牵头，区财政局配合，三年内完成）",
        "二、建设青少年活动中心。（区团委负责，今后两年）",
    ])
    assert read[("一",)] == (["区教育局"], ["区财政局"], "三年内", None)
    assert read[("二",)] == (["区团委"], [], "今后两年", None)
    assert find_text_deadline("三年内完成学校标准化建设。") == "三年内"  # the same horizon in prose


def test_a_quota_counted_over_years_in_an_annotation_is_no_horizon():
    annotation = parse_annotation_body("区教育局负责，5年内累计")
    # no deadline; since kinds43 the duty read before the clause stands whatever the clause says
    assert annotation is not None and annotation.deadline is None
    assert annotation.entries == [("responsible", "区教育局")]
