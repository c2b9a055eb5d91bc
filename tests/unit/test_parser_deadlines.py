"""Deadlines as a small grammar (issue 13): what plans write, read as written, with the due date
derived relative to the document's own date."""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, is_deadline_clause, parse_due_date, recurrence_of

ISSUED = datetime.date(2023, 3, 1)
HEADER = "关于印发某某实施意见的通知\n2023年3月1日\n一、重点任务\n"


@pytest.mark.parametrize("sentence, deadline, due, recurrence", [
    ("自本意见印发之日起30日内制定实施细则。", "本意见印发之日起30日内", datetime.date(2023, 3, 31), None),
    ("本方案印发后三个月内完成摸底。", "本方案印发后三个月内", datetime.date(2023, 6, 1), None),
    ("6月底前完成清理。", "6月底前", datetime.date(2023, 6, 30), None),
    ("年底前建成平台。", "年底前", datetime.date(2023, 12, 31), None),
    ("每季度末报送进展情况。", "每季度末", None, "quarterly"),
    ("加强日常监管，长期坚持。", "长期坚持", None, "ongoing"),
    ("完善协调机制，持续推进。", "持续推进", None, "ongoing"),
    # of two deadlines the first is the deadline (GOLD-README "Conventions reconciled"); the text keeps both
    ("2012年10月底前，2012年底前全面完成。", "2012年10月底前", datetime.date(2012, 10, 31), None),
])
def test_deadline_forms_are_read_with_due_dates_from_the_issue_date(sentence, deadline, due, recurrence):
    measure = parse_plan_text(HEADER + f"（一）落实任务。{sentence}\n").measures[-1]
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, due, recurrence)


@pytest.mark.parametrize("sentence", ["每年招引亿元以上制造业项目100个。", "各地每年要安排专项资金。"])
def test_deadline_every_year_alone_or_in_a_sentence_is_no_deadline(sentence):
    assert find_text_deadline(sentence) is None
    assert not is_deadline_clause("每年")


def test_deadline_first_of_two_is_the_due_date_and_a_start_date_is_not_a_deadline():
    assert parse_due_date("2012年10月底前，2012年底前") == datetime.date(2012, 10, 31)
    assert parse_due_date("2016年6月启动，2017年底前完成") == datetime.date(2017, 12, 31)


def test_deadline_periodic_has_no_due_date_even_with_a_month():
    assert parse_due_date("每年底前", 2023) is None
    assert recurrence_of("每年底前") == "yearly"


def test_deadline_counted_from_the_document_needs_its_date():
    assert parse_due_date("本意见印发之日起30日内") is None
    assert parse_due_date("印发之日起15个工作日内", issued_on=ISSUED) == datetime.date(2023, 3, 22)
    assert parse_due_date("6月底前", issued_on=ISSUED) == datetime.date(2023, 6, 30)


@pytest.mark.parametrize("clause, written", [
    ("5月底完成", "5月底"), ("于6月底前完成", "6月底前"), ("2024年底前", "2024年底前"),
    ("年内持续推进", "年内持续推进"), ("长期坚持", "长期坚持"), ("完成", "完成"),
])
def test_deadline_as_written_is_the_time_expression_without_the_verb(clause, written):
    from tracker.parsing.deadlines import written_deadline
    assert written_deadline(clause) == written


@pytest.mark.parametrize("sentence, deadline, due", [
    ("各单位要于每月28日前报送进展。", "每月28日前", None),
    ("各牵头单位要在每个季度第1个月的20日前报送完成情况。", "每个季度第1个月的20日前", None),
    ("到2025年，新增就业岗位500个。", "2025年", datetime.date(2025, 12, 31)),
    ("到2024年底，建成数据平台。", "2024年底", datetime.date(2024, 12, 31)),
    ("方案务于2023年4月3日前报送，审核后于4月7日前印发。", "2023年4月3日前", datetime.date(2023, 4, 3)),
])
def test_deadline_periodic_days_target_years_and_the_first_of_two(sentence, deadline, due):
    measure = parse_plan_text(HEADER + f"（一）落实任务。{sentence}\n").measures[-1]
    assert (measure.deadline, measure.due_date) == (deadline, due)


def test_deadline_pair_written_with_a_verb_in_a_captioned_annotation_keeps_the_time_only():
    measure = parse_plan_text(HEADER + "（一）清理欠款。（牵头单位：市财政局；完成时限：2023年9月底前完成）\n").measures[-1]
    assert (measure.deadline, measure.due_date) == ("2023年9月底前", datetime.date(2023, 9, 30))


@pytest.mark.parametrize("pair, deadline, due", [
    ("（市财政局，第一季度）", "第一季度", datetime.date(2023, 3, 31)),
    ("（市财政局，上半年）", "上半年", datetime.date(2023, 6, 30)),
    ("（省发展改革委牵头，各市政府按职责分工负责；2024年年底前完成）", "2024年年底前", datetime.date(2024, 12, 31)),
])
def test_deadline_quarters_halves_and_year_end_written_after_the_year(pair, deadline, due):
    measure = parse_plan_text(HEADER + f"（一）落实任务。完善机制。{pair}\n").measures[-1]
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert measure.lead_units
