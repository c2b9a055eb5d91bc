"""Deadlines as a small grammar (issue 13): what plans write, read as written, with the due date
derived relative to the document's own date."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.deadlines import (breaks_inside_date, find_text_deadline, is_deadline_clause, parse_due_date,
                                       recurrence_of)

ISSUED = datetime.date(2023, 3, 1)
HEADER = "关于印发某某实施意见的通知\n2023年3月1日\n一、重点任务\n"


def _last(text: str, header: str = HEADER):
    """The last measure of the plan ``header`` + ``text`` (a notice dated 2023年3月1日 by default)."""
    return parse_plan_text(header + text).measures[-1]


def _deadline_of(text: str, header: str = HEADER) -> tuple[str | None, datetime.date | None]:
    """(deadline as written, due date) of the last measure of the plan ``header`` + ``text``."""
    measure = _last(text, header)
    return measure.deadline, measure.due_date


@pytest.mark.parametrize("sentence, deadline, due, recurrence", [
    ("自本意见印发之日起30日内制定实施细则。", "本意见印发之日起30日内", datetime.date(2023, 3, 31), None),
    ("本方案印发后三个月内完成摸底。", "本方案印发后三个月内", datetime.date(2023, 6, 1), None),
    ("各单位于方案印发后1个月内完成自查。", "方案印发后1个月内", datetime.date(2023, 4, 1), None),  # without 本
    ("6月底前完成清理。", "6月底前", datetime.date(2023, 6, 30), None),
    ("年底前建成平台。", "年底前", datetime.date(2023, 12, 31), None),
    ("每季度末报送进展情况。", "每季度末", None, "quarterly"),
    ("加强日常监管，长期坚持。", "长期坚持", None, "ongoing"),
    ("完善协调机制，持续推进。", "持续推进", None, "ongoing"),
    # of two deadlines the first is the deadline (GOLD-README "Conventions reconciled"); the text keeps both
    ("2012年10月底前，2012年底前全面完成。", "2012年10月底前", datetime.date(2012, 10, 31), None),
])
def test_deadline_forms_are_read_with_due_dates_from_the_issue_date(sentence, deadline, due, recurrence):
    measure = _last(f"（一）落实任务。{sentence}\n")
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
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


def test_deadline_pair_written_with_a_verb_in_a_captioned_annotation_keeps_the_time_only():
    assert _deadline_of("（一）清理欠款。（牵头单位：市财政局；完成时限：2023年9月底前完成）\n") == ("2023年9月底前", datetime.date(2023, 9, 30))


@pytest.mark.parametrize("pair, deadline, due", [
    ("（市财政局，第一季度）", "第一季度", datetime.date(2023, 3, 31)),
    ("（市财政局，上半年）", "上半年", datetime.date(2023, 6, 30)),
    ("（省发展改革委牵头，各市政府按职责分工负责；2024年年底前完成）", "2024年年底前", datetime.date(2024, 12, 31)),
])
def test_deadline_quarters_halves_and_year_end_written_after_the_year(pair, deadline, due):
    measure = _last(f"（一）落实任务。完善机制。{pair}\n")
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert measure.lead_units


# ---- Issue 13, wave 4: the deadline grammar read as a user would, one story per form -------------

@pytest.mark.parametrize("annotation, deadline, due", [
    ("（牵头单位：市发展改革委；配合单位：市财政局；完成时限：2023年12月底前）", "2023年12月底前", datetime.date(2023, 12, 31)),
    ("（责任单位：市财政局；时间：2023年12月）", "2023年12月", datetime.date(2023, 12, 31)),
    ("（市财政局，5月底前完成）", "5月底前", datetime.date(2023, 5, 31)),
    ("（市财政局、市税务局，6月底前）", "6月底前", datetime.date(2023, 6, 30)),
    ("（市商务局负责，长期坚持）", "长期坚持", None),
])
def test_deadline_a_planner_reads_the_deadline_of_every_caption_style(annotation, deadline, due):
    """As a planner importing a 分工方案, I get the deadline written in the measure's annotation,
    whatever caption style the office used, dated in the year of issue when it names no year."""
    measure = _last(f"（一）清理欠款，建立台账。{annotation}\n")
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert measure.lead_units


@pytest.mark.parametrize("line, deadline, due", [
    ("完成时限：2023年6月底前", "2023年6月底前", datetime.date(2023, 6, 30)),
    ("时间节点：9月底前完成", "9月底前", datetime.date(2023, 9, 30)),
    ("完成时间：2023年10月", "2023年10月", datetime.date(2023, 10, 31)),
    ("时限要求：年底前", "年底前", datetime.date(2023, 12, 31)),
    ("时间：2023年12月", "2023年12月", datetime.date(2023, 12, 31)),
    ("时限要求：2023年6月底前完成方案，12月底前完成验收。", "2023年6月底前", datetime.date(2023, 6, 30)),
])
def test_deadline_a_caption_line_of_its_own_after_the_measure_gives_its_deadline(line, deadline, due):
    """As a planner, a 完成时限 / 时间节点 / 完成时间 / 时限要求 / 时间 line written under a measure
    is that measure's deadline, not a paragraph of its text."""
    measure = _last(f"（一）清理欠款，建立台账。\n牵头单位：市财政局\n{line}\n")
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert "时" not in measure.text.replace("及时", "")


@pytest.mark.parametrize("sentence, deadline, due", [
    ("到2025年，全市新增就业岗位500个。", "2025年", datetime.date(2025, 12, 31)),
    ("到2025年底，建成数据平台。", "2025年底", datetime.date(2025, 12, 31)),
    ("2023年6月底前完成摸底调查。", "2023年6月底前", datetime.date(2023, 6, 30)),
    ("年底前建成平台。", "年底前", datetime.date(2023, 12, 31)),
    ("二〇二三年六月底前完成清理。", "二〇二三年六月底前", datetime.date(2023, 6, 30)),
    ("到二〇二五年，基本建成智慧城市。", "二〇二五年", datetime.date(2025, 12, 31)),
    ("2025年，力争全社会研发投入强度达到2.95%。", "2025年", datetime.date(2025, 12, 31)),
    # wave 6: a five-year plan's end or span is due at the plan's last day
    ("到“十四五”末，全市建成城市社区嵌入式服务设施100个。", "“十四五”末", datetime.date(2025, 12, 31)),
    ("到十四五末全面建成智慧城市体系。", "十四五末", datetime.date(2025, 12, 31)),
    ("“十四五”期间，全市新建学校20所以上。", "“十四五”期间", datetime.date(2025, 12, 31)),
    ("“十五五”时期，力争研发投入强度达到3%。", "“十五五”时期", datetime.date(2030, 12, 31)),
    ("到2025年底，建成海绵城市50平方公里以上。", "2025年底", datetime.date(2025, 12, 31)),
])
def test_deadline_a_date_in_the_measures_own_words_is_its_deadline(sentence, deadline, due):
    """As a planner, the date a measure sets itself (到2025年, 2023年6月底前, 年底前, a target
    year opening a sentence, dates in Chinese numerals, a five-year plan's end or span: due at the
    plan's last day) is its deadline, without 到 and the verb."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("sentence, deadline", [
    ("力争用3年时间，基本建成现代产业体系。", "3年时间"),
    ("三年内基本完成老旧小区改造。", "三年内"),
    ("今后五年，新建保障性住房1万套。", "今后五年"),
    ("2012年起5年内重点引进创新团队10个。", "2012年起5年内"),
])
def test_deadline_a_plans_horizon_is_its_deadline_as_written_without_a_due_date(sentence, deadline):
    """As a planner, a horizon (力争用3年时间, 三年内, 今后五年) is kept as written; it names no
    calendar day, so the ledger shows no due date for it."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, None)


@pytest.mark.parametrize("sentence, deadline, due", [
    ("本意见印发之日起30日内制定实施细则。", "本意见印发之日起30日内", datetime.date(2023, 3, 31)),
    ("本实施意见施行后一年内完成清理。", "本实施意见施行后一年内", datetime.date(2024, 3, 1)),
])
def test_deadline_a_period_counted_from_the_document_keeps_its_anchor(sentence, deadline, due):
    """As a planner, "本实施意见施行后一年内" is the deadline as written, anchor included, and the
    due date counts from the document's date."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("sentence, deadline, recurrence", [
    ("每年年底报送工作总结。", "每年年底", "yearly"),
    ("每季度末报送进展情况。", "每季度末", "quarterly"),
    ("每月5日前报送上月数据。", "每月5日前", "monthly"),
    ("完善协调机制，长期坚持。", "长期坚持", "ongoing"),
    ("加强督查考核，年内持续推进。", "年内持续推进", "ongoing"),
])
def test_deadline_periodic_and_open_deadlines_have_no_due_date(sentence, deadline, recurrence):
    """As a supervisor, a periodic (每季度末) or open (长期坚持) deadline is shown as written and
    never turns into a due date that would make the task overdue."""
    measure = _last(f"（一）落实任务。{sentence}\n")
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, None, recurrence)


@pytest.mark.parametrize("sentence", [
    "每年选拔100名优秀青年人才。",
    "自2024年1月1日起施行。",
    "2024年起，全面推行网上申报。",
    "环评报告书14个工作日内完成审批。",
    "5年内累计参加脱产培训不少于3个月。",
    "享受五年内免征的优惠。",
    "2022年，全市完成造林面积3万亩，同比增长5%。",
    "编制2023年度财政预算。",
    "持续开展河湖“清四乱”整治行动。",
])
def test_deadline_words_that_are_no_deadline_leave_the_measure_without_one(sentence):
    """As a planner, 每年 alone, a start date, a service time limit, a quota over a period, a
    past result, a 年度 number or an ongoing verb phrase are no deadline."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (None, None)


def test_deadline_a_past_year_in_a_plan_issued_later_is_a_report_not_a_target():
    """As a planner, "2022年，全市新建…" in a plan signed in 2023 reports the past; the same
    words in a plan signed in 2022 set that year's target (GOLD-README, 070)."""
    past = _last("（一）落实任务。2022年，全市新建5G基站2600个以上。\n")
    assert past.deadline is None
    header = "关于印发某某行动方案的通知\n2022年3月1日\n一、主要目标\n"
    target = _last("（一）落实任务。2022年，全市新建5G基站2600个以上。\n", header)
    assert (target.deadline, target.due_date) == ("2022年", datetime.date(2022, 12, 31))


@pytest.mark.parametrize("signature, issued", [
    ("二〇二二年三月五日", datetime.date(2022, 3, 5)),
    ("2022年3月5日", datetime.date(2022, 3, 5)),
])
def test_deadline_year_less_deadlines_take_the_year_of_issue(signature, issued):
    """As a planner, "6月底前" in a plan signed 二〇二二年三月五日 is due 2022-06-30."""
    draft = parse_plan_text(f"关于印发某某方案的通知\n{signature}\n一、重点任务\n（一）完成清理。（市财政局，6月底前）\n")
    assert draft.issued_on == issued
    assert draft.measures[-1].due_date == datetime.date(2022, 6, 30)


@pytest.mark.parametrize("span, deadline, due", [
    ("（2025年1月11日-2025年10月底）", "2025年1月11日-2025年10月底", datetime.date(2025, 10, 31)),
    ("（2025年1月10日）", "2025年1月10日", datetime.date(2025, 1, 10)),
])
def test_deadline_a_stage_dated_in_brackets_is_due_at_its_end(span, deadline, due):
    """As a planner, a stage of a campaign dated in brackets ("集中攻坚（2025年1月11日-2025年10月底）")
    is due on the last day of its span."""
    assert _deadline_of(f"（一）集中攻坚{span}。\n") == (deadline, due)


def test_deadline_the_time_paragraph_of_a_heading_is_its_deadline():
    """As a planner, "三、整治时间" followed by "2024年3月10日至5月31日" on its own line gives the
    heading that span as its deadline, due on its last day."""
    draft = parse_plan_text("一、整治时间\n2024年3月10日至5月31日\n二、整治内容\n持续开展河湖整治行动。\n")
    assert [(m.deadline, m.due_date) for m in draft.measures] == [
        ("2024年3月10日至5月31日", datetime.date(2024, 5, 31)), (None, None)]


@pytest.mark.parametrize("metadata", ["成文日期: 2022-03-05", "发文机关: | 某某市人民政府 | 成文日期: | 2022年03月05日 |",
                                      "| 生成日期 | 2022-03-05 | 公开方式 | 主动公开 |",  # 浙江's pages: 生成日期
                                      "【成文日期】2022-03-05", "成文时间：2022年3月5日"])
def test_deadline_the_signing_date_of_a_web_pages_metadata_dates_year_less_deadlines(metadata):
    """As a planner importing a saved government page, its 成文日期 (not the 发布日期) is the
    document's date, so "6月底前" is due 2022-06-30."""
    draft = parse_plan_text(f"发布日期: 2022-03-09\n{metadata}\n某某实施方案\n一、重点任务\n（一）完成清理。（市财政局，6月底前）\n")
    assert draft.issued_on == datetime.date(2022, 3, 5)
    assert draft.measures[-1].due_date == datetime.date(2022, 6, 30)


def test_deadline_a_captioned_value_with_two_dates_gives_the_first():
    """As a planner, "完成时限：11月底前具备通车条件；12月底前完成验收" (a table's time column
    written as a sentence) has the deadline 11月底前 (GOLD-README "Tables": the first of two)."""
    assert _deadline_of("（一）建设道路。\n完成时限：2023年11月底前具备通车条件，12月底前完成验收\n") == ("2023年11月底前", datetime.date(2023, 11, 30))


@pytest.mark.parametrize("sentence, deadline, due", [
    # (the plan is dated 2023: a span it sets lies ahead of it; one that ended before it is a report)
    ("2023－2025年，每年新增就业岗位10万个以上。", "2023－2025年", datetime.date(2025, 12, 31)),
    ("在2024—2026年间完成全部改造。", "2024—2026年", datetime.date(2026, 12, 31)),
])
def test_deadline_a_span_of_years_a_plan_sets_is_due_at_its_end(sentence, deadline, due):
    """As a planner, a span of years the measure sets itself is its deadline as written, due at
    the end of the last year."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


def test_deadline_time_arrangement_paragraphs_are_no_deadline_caption():
    """As a planner, "时间安排：分三个阶段进行" under a measure stays part of its text: only a caption
    line whose value is a deadline is read as one."""
    measure = _last("（一）开展整治。\n时间安排：分三个阶段进行。\n")
    assert measure.deadline is None


@pytest.mark.parametrize("sentence, deadline, due", [
    ("支持示范区建设，第一季度发行专项债券2000万元。", "第一季度", datetime.date(2023, 3, 31)),
    ("上半年完成摸底调查。", "上半年", datetime.date(2023, 6, 30)),
])
def test_deadline_a_part_of_the_year_opening_a_clause_is_due_at_its_end_in_the_year_of_issue(sentence, deadline, due):
    """As a planner, "第一季度发行专项债券" in a plan signed in 2023 is due 2023-03-31."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("sentence", ["一季度，全市完成了投资100亿元。", "上半年以来，经济运行平稳。"])
def test_deadline_a_part_of_the_year_that_reports_results_is_no_deadline(sentence):
    """As a planner, "一季度，全市完成了…" reports a result: no deadline."""
    assert _last(f"（一）落实任务。{sentence}\n").deadline is None


@pytest.mark.parametrize("sentence, deadline, due", [
    ("于2023年6月底完成清理。", "2023年6月底", datetime.date(2023, 6, 30)),
    ("2023年6月启动，2024年底完成。", "2024年底", datetime.date(2024, 12, 31)),  # (ahead of the plan, dated 2023)
    ("3月中旬前报送方案。", "3月中旬前", datetime.date(2023, 3, 20)),
    ("今年内完成改造。", "今年内", datetime.date(2023, 12, 31)),
    ("自本通知下发之日起10日内报送。", "本通知下发之日起10日内", datetime.date(2023, 3, 11)),
])
def test_deadline_a_date_followed_by_what_is_done_then_is_the_deadline(sentence, deadline, due):
    """As a planner, "于2023年6月底完成" is a deadline even without 前; a date at which work
    starts ("2016年6月启动") is a step, not the deadline."""
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


def test_deadline_a_date_that_reports_what_was_done_is_no_deadline():
    """As a planner, "7月5日出台了《指导意见》" tells what happened: no deadline."""
    assert _last("（一）落实任务。国务院7月5日出台了《指导意见》。\n").deadline is None


def test_deadline_a_tables_time_column_with_bare_years_is_due_at_the_end_of_the_last_year():
    """As a planner importing a 民生实事 table, its 建设起止年限 column ("2022-2023") is the row's
    deadline as written, due at the end of the last year; a cell with two dates gives the first."""
    rows = [["序号", "工作任务", "牵头单位", "配合单位", "建设起止年限"],
            ["1", "建设凤凰路一期", "市住建局", "", "2022-2023"],
            ["2", "改造道路", "市交通局", "", "2023年11月底前具备通车条件;12月底前完成验收"]]
    draft = parse_plan_text("\n".join("\t".join(row) for row in rows) + "\n")
    assert [(m.deadline, m.due_date) for m in draft.measures] == [
        ("2022-2023", datetime.date(2023, 12, 31)), ("2023年11月底前", datetime.date(2023, 11, 30))]


@pytest.mark.parametrize("words", ["十十月底前完成。", "2023年2月30日前完成。", "二〇二三年十三月底前完成。"])
def test_deadline_dates_that_do_not_exist_never_break_the_import(words):
    """As a planner, a garbled or impossible date leaves the measure without a due date; the
    import never fails on it."""
    measure = _last(f"（一）落实任务。{words}\n")
    assert measure.due_date is None
    assert parse_due_date(words, 2023) is None


def test_deadline_a_target_year_after_到_needs_no_comma():
    """As a planner, "到2025年全市新增…" sets the target year 2025 as "到2025年，" does; "达到2025年
    规划目标" does not."""
    assert _last("（一）落实任务。到2025年全市新增就业岗位500个。\n").deadline == "2025年"
    assert _last("（一）落实任务。达到2025年规划目标。\n").deadline is None


def test_deadline_a_heading_with_its_units_keeps_the_goal_paragraph_below_it():
    """As a planner, "一、强化科技创新（区科技局牵头）" followed by its goal paragraph ("2025年，
    力争…") is one measure: lead unit from the heading, deadline from the paragraph."""
    draft = parse_plan_text("关于印发若干政策举措的通知\n2025年4月1日\n一、强化科技创新（区科技局牵头）\n"
                            "加快培育发展新质生产力。2025年，力争全社会研发投入强度达到2.95%。\n")
    measure = draft.measures[0]
    assert (measure.lead_units, measure.deadline, measure.due_date) == (["区科技局"], "2025年", datetime.date(2025, 12, 31))
    assert measure.title == "强化科技创新"
    assert not any("没有编号" in w for w in draft.warnings)


@pytest.mark.parametrize("sentence, deadline, recurrence", [
    ("各牽頭單位要在每個季度第1個月的20日前報送。", "每個季度第1個月的20日前", "quarterly"),
    ("加強監管,長期堅持。", "長期堅持", "ongoing"),
    ("今後五年,新建住房1萬套。", "今後五年", None),
])
def test_deadline_plans_in_traditional_characters_keep_their_deadline_as_written(sentence, deadline, recurrence):
    """As a planner importing a plan written in traditional characters, its deadlines are read
    like simplified ones and kept as written ("每個季度…", "長期堅持")."""
    measure = _last(f"（一）落实任务。{sentence}\n")
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, None, recurrence)


def test_deadline_a_traditional_caption_line_of_its_own_gives_the_deadline():
    """As a planner, "完成時限：2023年底前" under a measure is its deadline."""
    assert _deadline_of("（一）清理欠款。\n完成時限：2023年底前\n") == ("2023年底前", datetime.date(2023, 12, 31))


# --- wave 5 (issue 13): the issue date in every form offices receive -----------------------------

_ITEMS = "一、加强领导。5月底前完成。\n二、强化督查。年底前完成。\n"


@pytest.mark.parametrize("text, issued", [
    # the signature block at the end, then 此件公开发布, 抄送 and the 印发 line
    (f"关于做好某项工作的通知\n{_ITEMS}\n某市人民政府办公室\n2014年3月5日\n（此件公开发布）\n抄送：市委办公室。\n"
     "某市人民政府办公室 2014年3月6日印发\n", datetime.date(2014, 3, 5)),
    # Chinese numerals with blanks, the body and the date on one line
    (f"关于做好某项工作的通知\n{_ITEMS}某市人民政府办公室\n二〇一四年 三月五日\n", datetime.date(2014, 3, 5)),
    (f"关于做好某项工作的通知\n{_ITEMS}某市人民政府办公室\n二O一四年三月五日\n", datetime.date(2014, 3, 5)),  # a letter O
    (f"关于做好某项工作的通知\n{_ITEMS}某市人民政府办公室  2014年3月5日\n", datetime.date(2014, 3, 5)),
    (f"关于做好某项工作的通知\n{_ITEMS}某市人民政府办公室\n2014 年 3 月 5 日\n", datetime.date(2014, 3, 5)),
    # a notice signed before its annex (附件 with numbered rows after the signature)
    (f"关于做好某项工作的通知\n{_ITEMS}\n某市人民政府办公室\n2014年3月5日\n附件\n任务分解表\n"
     "1.完成设计。（牵头单位：市财政局；完成时限：6月底前）\n2.完成施工。（牵头单位：市财政局；完成时限：9月底前）\n",
     datetime.date(2014, 3, 5)),
    # a date alone after 特此通知, or above （此件公开发布）, then the annex
    (f"关于做好某项工作的通知\n{_ITEMS}特此通知。\n2014年3月5日\n附件\n1.完成设计。\n2.完成施工。\n", datetime.date(2014, 3, 5)),
    (f"关于做好某项工作的通知\n{_ITEMS}2014年3月5日\n（此件公开发布）\n附件\n1.完成设计。\n", datetime.date(2014, 3, 5)),
])
def test_issue_date_a_planner_gets_due_dates_from_the_signature_wherever_it_stands(text, issued):
    """As a planner, "5月底前" in a notice signed 2014年3月5日 is due 2014-05-31, whether the
    signature closes the notice, stands on one line with the issuer, or precedes the annexes."""
    draft = parse_plan_text(text)
    assert draft.issued_on == issued
    assert [(m.deadline, m.due_date) for m in draft.measures[:2]] == [
        ("5月底前", datetime.date(2014, 5, 31)), ("年底前", datetime.date(2014, 12, 31))]


def test_issue_date_the_doc_number_year_dates_year_less_deadlines_when_no_date_is_written():
    """As a planner, a notice with 〔2014〕 in its 文号 and no date: "5月底前" is due 2014-05-31."""
    draft = parse_plan_text(f"某市人民政府办公室关于做好某项工作的通知\n某政办发〔2014〕12号\n{_ITEMS}")
    assert draft.issued_on is None
    assert [m.due_date for m in draft.measures] == [datetime.date(2014, 5, 31), datetime.date(2014, 12, 31)]


@pytest.mark.parametrize("header", ["发布日期：2014-03-06\n", "2020-05-06 来源：某市政府网\n", "2020年05月06日\n"])
def test_issue_date_a_publication_date_is_never_the_issue_date(header):
    """GOLD-README: the issue date is the signature (or 成文日期), never the page's 发布日期 nor a news
    page's date before the title; without one, "5月底前" gets no due date."""
    draft = parse_plan_text(f"{header}关于做好某项工作的通知\n{_ITEMS}")
    assert draft.issued_on is None and draft.measures[0].due_date is None


def test_issue_date_a_forwarded_plan_is_dated_by_the_forwarding_notice():
    """The notice that forwards (转发) a plan is what offices receive: its signature dates the plan's
    year-less deadlines, not the plan's own earlier date (GOLD-README "Deadlines")."""
    draft = parse_plan_text("某市人民政府办公室转发市发展改革委关于某项工作实施方案的通知\n各区县：\n"
                            "市发展改革委《关于某项工作的实施方案》已经市政府同意，现转发给你们，请认真贯彻执行。\n"
                            "某市人民政府办公室\n2015年1月8日\n关于某项工作的实施方案\n" + _ITEMS +
                            "市发展改革委\n2014年12月20日\n")
    assert draft.issued_on == datetime.date(2015, 1, 8)
    assert draft.measures[0].due_date == datetime.date(2015, 5, 31)


@pytest.mark.parametrize("line, deadline, due", [
    ("一、加强领导。4月18 日前完成。", "4月18 日前", datetime.date(2023, 4, 18)),  # a stray blank kept as written
    ("一、加强领导。２０２３年６月底前完成。", "２０２３年６月底前", datetime.date(2023, 6, 30)),  # full-width digits
    ("一、加强领导。（牵头单位：市财政局；完成时限：2023年\n6月底前）", "2023年6月底前", datetime.date(2023, 6, 30)),
    ("一、加强领导。做好各项工作。（牵头单位：市财政局；\n完成时限：2023年\n6月底前）", "2023年6月底前",
     datetime.date(2023, 6, 30)),
    ("一、强化督查。\n年底前完成。", "年底前", datetime.date(2023, 12, 31)),  # the deadline on a line of its own
    ("一、时间安排：2023年5月25日", "2023年5月25日", datetime.date(2023, 5, 25)),
    ("一、市政府办公室5月25日下午将组织检查。", "5月25日", datetime.date(2023, 5, 25)),
])
def test_deadline_a_planner_reads_deadlines_as_written_with_their_due_dates(line, deadline, due):
    draft = parse_plan_text(f"关于做好某项工作的通知\n{line}\n某市人民政府办公室\n2023年3月5日\n")
    measure = draft.measures[0]
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert "2023年3月5日" not in measure.text  # the signature is not the item's
    assert "\n年底前完成" not in line or "年底前完成" in measure.text  # a deadline line of its own stays in the words


def test_deadline_a_signature_date_is_never_the_last_items_deadline():
    draft = parse_plan_text("关于做好某项工作的通知\n一、加强领导。\n二、强化督查。\n某市人民政府\n2023年3月5日\n")
    assert [m.deadline for m in draft.measures] == [None, None]


@pytest.mark.parametrize("header, due", [
    ("发文字号：某政办发〔2014〕12号\n关于做好某项工作的通知\n", datetime.date(2014, 5, 31)),  # captioned
    ("关于做好某项工作的通知\n（某政办发〔2014〕12号）\n", datetime.date(2014, 5, 31)),  # its own line, bracketed
    ("根据《某某意见》（国办发〔2012〕8号）要求\n关于做好某项工作的通知\n", None),  # a cited 文号 is another's
    ("• 发文日期:\n2024年04月06日 16:40\n关于做好某项工作的通知\n", datetime.date(2024, 5, 31)),  # caption, value below
    ("成文日期\n2024-04-06\n关于做好某项工作的通知\n", datetime.date(2024, 5, 31)),
])
def test_issue_date_a_pages_metadata_kept_as_text_dates_year_less_deadlines(header, due):
    """As a planner importing a page's text copy, its metadata lines give the year of issue."""
    assert parse_plan_text(header + _ITEMS).measures[0].due_date == due


# Issue 13, round 2 (wave 5): forms of dense task lists (工作要点, 整改方案, 分工 notices) the
# development corpus did not hold. A user reads each plan's line and expects the ledger's deadline.
@pytest.mark.parametrize("sentence, deadline, due, recurrence", [
    # a 整改方案's immediate forms: the first of two is the deadline, with no calendar day
    ("整改时限：立行立改，长期坚持。", "立行立改", None, None),
    ("（整改时限：即知即改、长期坚持）", "即知即改", None, None),
    # 整改期限 is a deadline caption like 整改时限
    ("整改措施：建立台账。\n整改期限：2023年12月底前", "2023年12月底前", datetime.date(2023, 12, 31), None),
    # a county's 工作安排: this year's month, 以前, 月份
    ("各镇今年6月底前完成摸底。", "今年6月底前", datetime.date(2023, 6, 30), None),
    ("2023年12月31日以前完成验收。", "2023年12月31日以前", datetime.date(2023, 12, 31), None),
    ("制定实施细则，9月份完成。", "9月份", datetime.date(2023, 9, 30), None),
    # reporting duties: every quarter's end written with 各, the next month's day
    ("各区各季度末报送进展情况。", "各季度末", None, "quarterly"),
    ("各单位于次月5日前报送上月进展情况。", "次月5日前", None, "monthly"),
    # as of (截至/截止) reads like 到; a result reported (已) is none
    ("截至2023年底，全市建成5G基站1万个。", "2023年底", datetime.date(2023, 12, 31), None),
    ("截至2023年底，全市已建成5G基站1万个。", None, None, None),
    # a campaign's span opening its clause is due on its last day; a span of years with an aim too
    ("即日起至6月30日，开展专项整治。", "即日起至6月30日", datetime.date(2023, 6, 30), None),
    ("2023年10月至12月，开展专项检查。", "2023年10月至12月", datetime.date(2023, 12, 31), None),
    ("2023年—2025年，每年新建公园10个。", "2023年—2025年", datetime.date(2025, 12, 31), None),
])
def test_deadline_forms_of_task_lists_and_rectification_plans(sentence, deadline, due, recurrence):
    measure = _last(f"（一）落实任务。{sentence}\n")
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, due, recurrence)


@pytest.mark.parametrize("annotation", ["（牵头单位：市财政局；完成时限：已完成）",
                                        "（牵头单位：市财政局；完成时限：分阶段完成）"])
def test_deadline_caption_whose_value_names_no_time_gives_no_deadline(annotation):
    # dl prec: a value without a word of time ("已完成") is no deadline, never its first character
    measure = _last(f"（一）落实任务。{annotation}\n")
    assert measure.deadline is None


def test_deadline_a_policys_term_is_no_deadline():
    # 108 (东莞): "2021年5月1日至2022年4月30日实施阶段性下调…" is an effective period, not a campaign
    text = "（一）降低费率。2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。\n"
    assert _last(text).deadline is None


def test_deadline_a_headings_deadline_is_not_passed_down_to_its_children():
    # GOLD-README wave 5 round 2: each item keeps its own deadline, none is inherited
    text = HEADER.replace("一、重点任务\n", "") + "一、重点任务（2023年6月底前完成）\n（一）建立台账。\n（二）完善制度（年底前）。\n"
    deadlines = [(m.path, m.deadline) for m in parse_plan_text(text).measures]
    assert deadlines == [(["一"], "2023年6月底前"), (["一", "（一）"], None), (["一", "（二）"], "年底前")]


@pytest.mark.parametrize("line, deadline, due", [
    # a 专项行动's 时间安排: the stage's bracket, then its body on the same line (a page's paragraph)
    ("(二)自查摸底阶段(7月3日至7月15日)。各地要于7月15日前将检查情况报省领导小组办公室。",
     "7月3日至7月15日", datetime.date(2023, 7, 15)),
    ("(三)集中整治阶段(5月-8月)。各地组织集中整治。", "5月-8月", datetime.date(2023, 8, 31)),
    ("(四)助评阶段(7月中旬至9月中旬)。主动联系评议团成员。", "7月中旬至9月中旬", datetime.date(2023, 9, 20)),
    ("(一)动员部署阶段(2023年7月3日)。各单位开展自查。", "2023年7月3日", datetime.date(2023, 7, 3)),
])
def test_deadline_a_stage_dated_in_brackets_with_its_body_on_the_same_line(line, deadline, due):
    assert _deadline_of(line + "\n", HEADER.replace("一、重点任务", "一、时间安排")) == (deadline, due)


def test_deadline_a_bracketed_period_of_a_document_title_is_no_stage():
    measure = _last("（一）编制《规划(2021—2025年)》。\n")
    assert measure.deadline is None


@pytest.mark.parametrize("sentence, deadline, due", [
    # two report dates joined by 和: the first, then what is done (报送)
    ("各县区分别于6月底和7月底报送阶段性报告。", "6月底", datetime.date(2023, 6, 30)),
    # a date after 确保/力争 followed by what is done then
    ("确保10月底完成项目建设及全部资金支付。", "10月底", datetime.date(2023, 10, 31)),
    # 到今年年底 and 至… opening a clause read like 到2023年底
    ("全部活动将持续到今年年底。", "今年年底", datetime.date(2023, 12, 31)),
    ("至2023年底，累计建成10个。", "2023年底", datetime.date(2023, 12, 31)),
    # festivals and months counted from an unknown day: as written, no calendar day
    ("2024年春节前完成。", "2024年春节前", None),
    ("本月底前完成。", "本月底前", None),
])
def test_deadline_report_dates_aims_and_festivals(sentence, deadline, due):
    assert _deadline_of(f"（一）落实任务。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("cell, due", [
    # a table's 实施期限 written as dotted months: due at the end month, never "2024.06-20"
    ("2024.06-2024.12", datetime.date(2024, 12, 31)),
    ("2024年6月到12月", datetime.date(2024, 12, 31)),
])
def test_deadline_a_span_of_months_in_a_time_column_is_due_at_its_end(cell, due):
    assert parse_due_date(cell, 2023) == due


@pytest.mark.parametrize("sentence, deadline, due, recurrence", [
    ("2023年上半年完成。", "2023年上半年", datetime.date(2023, 6, 30), None),
    ("9月中下旬完成验收。", "9月中下旬", datetime.date(2023, 9, 30), None),
    ("7月1日至9月30日，开展集中整治。", "7月1日至9月30日", datetime.date(2023, 9, 30), None),
    ("6—9月，开展集中整治。", "6—9月", datetime.date(2023, 9, 30), None),
    ("每周五前报送信息。", "每周五前", None, "weekly"),
    ("各单位于月底前报送。", "月底前", None, None),
    # 开工 is a step begun (no deadline), 完工 what is done by then
    ("2023年6月开工，12月完工。", "12月", datetime.date(2023, 12, 31), None),
    ("预计2023年6月完工。", "2023年6月", datetime.date(2023, 6, 30), None),
    # one quarter of a year is no recurrence
    ("2023年第三季度完成。", "2023年第三季度", datetime.date(2023, 9, 30), None),
])
def test_deadline_halves_decades_campaign_months_weekdays_and_completion_verbs(sentence, deadline, due, recurrence):
    measure = _last(f"（一）落实任务。{sentence}\n")
    assert (measure.deadline, measure.due_date, measure.recurrence) == (deadline, due, recurrence)


# ---- Issue 13, wave 6: five-year plans, the body under a title sentence, web pages as text ----------

def test_deadline_a_five_year_plan_reviewed_or_named_in_a_title_is_no_deadline():
    assert find_text_deadline("“十三五”期间，我市一般公共预算收入实现了平稳较快增长。") is None
    assert _last("（一）“十四五”时期发展目标\n").deadline is None


def test_deadline_a_five_year_plans_end_in_an_annotation_is_the_deadline():
    measure = _last("（一）推进建设。实施城市更新行动。（市住房城乡建设局负责，“十四五”末完成）\n")
    assert (measure.lead_units, measure.deadline, measure.due_date) == (
        ["市住房城乡建设局"], "“十四五”末", datetime.date(2025, 12, 31))
    assert parse_due_date("十三五期间") == datetime.date(2020, 12, 31)


def test_deadline_in_the_paragraph_under_a_one_sentence_item_is_the_items():
    draft = parse_plan_text(HEADER + "（一）强化督查考核。\n建立督查台账，2023年6月底前完成第一轮督查。\n"
                                     "（二）加强宣传引导。\n年内开展集中宣传活动。\n（三）做好总结评估。\n"
                                     "各区县要于12月10日前报送工作总结。\n")
    first, second, third = draft.measures[1], draft.measures[2], draft.measures[3]
    assert (first.deadline, first.due_date) == ("2023年6月底前", datetime.date(2023, 6, 30))
    assert second.deadline == "年内"
    # after the last titled item the paragraph ending the body is its body too, as before a next item (branch fresh58,
    # 1347; before, it was read as closing the document: no item's); after a longer item it stays no item's (seed 003)
    assert (third.deadline, third.due_date) == ("12月10日前", datetime.date(2023, 12, 10))
    assert [w for w in draft.warnings if "没有编号" in w] == []


def test_deadline_a_paragraph_after_an_item_of_several_sentences_still_belongs_to_no_item():
    """Seed 003: the closing paragraph after the last item is no item's, its date no item's deadline."""
    draft = parse_plan_text(HEADER + "（一）加强风险处置。督促机构加强沟通协调，完善风险分担机制。（牵头单位：市金融办）\n"
                                     "各区县要认真研究制定实施方案，2023年6月底前报市金融办。\n")
    assert draft.measures[-1].deadline is None


def test_deadline_a_date_a_line_end_cuts_inside_a_paragraph_joins_again():
    """A page's <br> (or a wrap) after "2024年" left the item's first line looking like a heading."""
    draft = read_plan_bytes(("<html><body><div id='zoom'><p>成文日期：2023年3月1日</p><p>一、重点任务</p>"
                             "<p>（一）加强保障，完善机制，2024年<br>6月底前完成。</p></div></body></html>").encode(), "x.html")
    assert (draft.measures[-1].deadline, draft.measures[-1].due_date) == ("2024年6月底前", datetime.date(2024, 6, 30))


@pytest.mark.parametrize("markup", [
    "<p>（一）加强保障，完善机制。<br>2024年6月底前完成。</p><p>（二）强化考核。<br>年底前完成考核。</p>",
    "<p>&nbsp;&nbsp;（一）加强保障，完善机制，<span>2024年</span><span>6月底前</span>完成。</p>"
    "<p>　　（二）强化考核。（市考核办负责，年底前完成）</p>",
    "<table><tr><td>（一）加强保障，完善机制。</td><td>2024年6月底前</td></tr>"
    "<tr><td>（二）强化考核。（市考核办负责）</td><td>年底前</td></tr></table>",
])
def test_deadline_a_saved_page_reads_the_deadlines_its_text_copy_reads(markup):
    """<br> lines, &nbsp; and full-width indents, dates in <span>s and in a cell of their own: the page
    gives the deadlines and due dates of the same plan as text, dated by its metadata's 成文日期."""
    page = ("<html><body><table><tr><td>索引号</td><td>1</td><td>成文日期</td><td>2023-03-01</td></tr>"
            "<tr><td>发文字号</td><td>某政办〔2023〕5号</td><td>发布日期</td><td>2023-03-09</td></tr></table>"
            f"<div class='TRS_Editor'><p>一、重点任务</p>{markup}</div></body></html>")
    draft = read_plan_bytes(page.encode(), "plan.html")
    assert draft.issued_on == ISSUED
    assert [(m.deadline, m.due_date) for m in draft.measures[1:]] == [
        ("2024年6月底前", datetime.date(2024, 6, 30)), ("年底前", datetime.date(2023, 12, 31))]


@pytest.mark.parametrize("sentence, deadline, due", [
    ("2024年汛期前完成隐患排查。", "2024年汛期前", None),
    ("供暖季前完成管网改造。", "供暖季前", None),
    ("（市教育局负责，秋季开学前完成）", "秋季开学前", None),
    ("（市财政局负责，2023年度内完成）", "2023年度内", datetime.date(2023, 12, 31)),
])
def test_deadline_seasons_have_no_calendar_day_and_a_year_written_with_内_is_due_at_its_end(sentence, deadline, due):
    assert _deadline_of(f"（一）推进建设，加强管理。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("sentence, deadline, due", [
    ("力争2025年全市建成5G基站1万个。", "2025年", datetime.date(2025, 12, 31)),
    ("力爭2023年全國重點實驗室達到25家以上。", "2023年", datetime.date(2023, 12, 31)),
    ("本年度内完成改造任务。", "本年度内", datetime.date(2023, 12, 31)),
    ("2023年6月底，全面完成改造。", "2023年6月底", datetime.date(2023, 6, 30)),
])
def test_deadline_a_target_after_力争_the_year_of_issue_and_a_date_opening_a_sentence(sentence, deadline, due):
    assert _deadline_of(f"（一）推进改造。{sentence}\n") == (deadline, due)


@pytest.mark.parametrize("sentence", ["确保2023年各项年度目标任务圆满完成。", "2023年6月，市政府召开推进会议。",
                                      "争取2024年上半年开工建设。"])
def test_deadline_a_year_naming_the_work_a_meeting_or_a_step_begun_is_no_deadline(sentence):
    assert _last(f"（一）推进改造。{sentence}\n").deadline is None


def test_a_deadline_is_read_within_the_first_characters_of_a_measure_only():
    """A measure that swallowed the rest of a file (a list numbered past 999) is not searched to its
    end: the grammar costs about 10 µs a character, and a deadline that far in is not the measure's own."""
    from tracker.parsing.deadlines import DEADLINE_WINDOW, find_text_deadline

    filler = "加强金融风险防控，" * (DEADLINE_WINDOW // 9 + 10)
    assert find_text_deadline("2024年6月底前完成。" + filler) == "2024年6月底前"
    assert find_text_deadline(filler + "2024年6月底前完成。") is None


def test_regulation_time_stating_a_condition_is_no_deadline():
    from tracker.parsing.deadlines import find_text_deadline

    assert find_text_deadline("职工已享受当年的年休假，年度内又出现条例规定情形之一的，不享受下一年度的年休假。") is None
    assert find_text_deadline("用人单位应当在本年度内对职工应休未休年休假天数支付工资报酬。") == "本年度内"


def test_regulation_window_every_year_is_a_yearly_deadline_as_written():
    from tracker.parsing.deadlines import find_text_deadline, recurrence_of

    # the annual report is due between 1 January and 30 June every year: the window, not its first day
    deadline = find_text_deadline("市场主体应当于每年1月1日至6月30日，通过国家企业信用信息公示系统报送上一年度年度报告。")
    assert (deadline, recurrence_of(deadline)) == ("每年1月1日至6月30日", "yearly")


# ---- Round 2 of issue 13's deadlines: forms not read, dates that are no deadline, breaks inside a date ----

@pytest.mark.parametrize("line, deadline, due", [
    # the year of the plan, written as 当年 in an annotation (due at the end of the year of issue)
    ("（一）改造老旧小区50个。（市住建局，当年完成）", "当年", datetime.date(2023, 12, 31)),
    ("（一）新建学校3所，当年内建成投用。", "当年内", datetime.date(2023, 12, 31)),
    # a whole year of work
    ("（一）扩大有效投资。2023年全年完成固定资产投资100亿元。", "2023年全年", datetime.date(2023, 12, 31)),
    # a season names no calendar day, like 汛期前
    ("（一）推进国土绿化。2023年春季完成补植补造。", "2023年春季", None),
    # the horizon of the national goals
    ("（一）建设美丽城市。到本世纪中叶，全面建成美丽城市。", "本世纪中叶", None),
])
def test_deadline_the_year_a_season_and_the_century_are_read_as_written(line, deadline, due):
    """As a planner, "当年完成", "2023年全年", "2023年春季" and "到本世纪中叶" are the times my plan
    gives; I see them as written, with a due date only where they fix a day."""
    assert _deadline_of(line + "\n") == (deadline, due)


@pytest.mark.parametrize("sentence, deadline", [
    # what was done by a date before the plan's own (2023-03-01) is a report, not a deadline
    ("截至2022年底，全市累计建成充电桩1万个。", None),
    ("截至2022年6月，全市累计发放补贴3亿元。", None),
    # a result of last year, then the target the plan sets: the target is the deadline
    ("2022年，全市新建充电桩1000个，2023年底前再建2000个。", "2023年底前"),
    # a date something happened (a document issued, a meeting held) is no deadline
    ("2022年9月，国务院印发《意见》，要求加快建设。", None),
    ("2023年5月，省政府召开推进会，部署下步工作。", None),
    # done already, or which projects a rule covers
    ("2023年12月31日前已全部完成整改。", None),
    ("对2023年底前建成的项目给予一次性补贴。", None),
])
def test_deadline_dates_that_report_what_happened_are_not_deadlines(sentence, deadline):
    """As a planner, a measure's prose that says what was achieved "截至2022年底" or when a meeting
    was held gives no deadline; when it goes on to set one, that one is read."""
    assert _last(f"（一）落实任务。{sentence}\n").deadline == deadline


@pytest.mark.parametrize("sentence, deadline", [
    ("到2024年底，全市已建成学校10所。", None),  # what was done by then: a target never says 已
    ("到2025年，全市建成学校10所。", "2025年"),
])
def test_deadline_a_target_that_says_done_already_is_a_report(sentence, deadline):
    """Without the plan's date, "到2024年底，全市已建成…" still reports; "到2025年，全市建成…" sets a target."""
    assert find_text_deadline(sentence) == deadline


def test_deadline_an_event_before_the_target_in_one_sentence_leaves_the_target():
    """Without the plan's date, "2024年9月，国务院印发《意见》" still names an event: the deadline is
    the one the sentence then sets."""
    assert find_text_deadline("2024年9月，国务院印发《意见》，要求2025年底前完成。") == "2025年底前"


@pytest.mark.parametrize("first, second, deadline, due", [
    ("强化督查，2024年", "6月底前完成。", "2024年6月底前", datetime.date(2024, 6, 30)),
    ("开展自查，各单位须于", "6月底前报送自查报告。", "6月底前", datetime.date(2024, 6, 30)),
])
def test_deadline_an_item_line_ending_inside_a_date_is_not_a_heading(first, second, deadline, due):
    """As a planner pasting from a page whose lines were wrapped, "（一）强化督查，2024年" then
    "6月底前完成。" is one sentence: the item is no heading, its text and deadline are whole."""
    draft = parse_plan_text(f"关于印发某某工作要点的通知\n2024年2月1日\n一、重点任务\n（一）{first}\n{second}\n（二）完善制度。\n")
    measure = next(m for m in draft.measures if m.path == ["一", "（一）"])
    assert measure.text == first + second
    assert measure.title == (first + second).rstrip("。")  # a sentence, not a heading's title
    assert (measure.deadline, measure.due_date) == (deadline, due)


def _word_task_table(time_cells: list[str], unit_cells: list[str]) -> bytes:
    """A Word 任务分工表 of one row whose 完成时限 and 牵头单位 cells hold one paragraph per item."""
    import io

    import docx
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for cell, caption in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位", "完成时限"]):
        cell.text = caption
    row = table.rows[1].cells
    row[0].text, row[1].text = "1", "完善制度。"
    for cell, paragraphs in ((row[2], unit_cells), (row[3], time_cells)):
        cell.text = paragraphs[0]
        for paragraph in paragraphs[1:]:
            cell.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("time_cells, deadline, due", [
    (["2024年", "9月底前"], "2024年9月底前", datetime.date(2024, 9, 30)),  # Word wrapped one date
    (["2024年6月30日", "2024年12月31日"], "2024年6月30日", datetime.date(2024, 6, 30)),  # two times: the first
])
def test_deadline_a_word_cell_wrapped_inside_a_date_reads_as_one_date(time_cells, deadline, due):
    """As an office receiving a Word 分工表, a 完成时限 cell typed "2024年" and "9月底前" on two lines
    is one deadline as written, without a blank the document never had; its units cell keeps one
    unit per line."""
    draft = read_plan_bytes(_word_task_table(time_cells, ["市发改委", "市财政局"]), "分工表.docx")
    measure = draft.measures[-1]
    assert (measure.deadline, measure.due_date) == (deadline, due)
    assert measure.lead_units == ["市发改委", "市财政局"]


@settings(max_examples=200, deadline=None)
@given(year=st.integers(2000, 2099), month=st.integers(1, 12), day=st.one_of(st.none(), st.integers(1, 28)),
       cut=st.integers(0, 2), blank=st.sampled_from(["", " ", "\u3000"]))
def test_deadline_a_line_end_inside_a_date_changes_nothing(year, month, day, cut, blank):
    """Property: wherever a line end falls inside a written date ("2024年|9月|15日前"), the deadline
    read is the one read from the unbroken sentence, and ``breaks_inside_date`` says so."""
    pieces = [f"{year}年", f"{month}月", f"{day}日前" if day else "底前"]
    cut = min(cut, len(pieces) - 2) if len(pieces) > 1 else 0
    left, right = "完善制度，" + "".join(pieces[:cut + 1]), "".join(pieces[cut + 1:]) + "完成。"
    assert breaks_inside_date(left, right)
    assert find_text_deadline(f"{left}{blank}\n{right}") == find_text_deadline(left + right)


def test_deadline_a_document_number_with_its_date_on_one_line_dates_the_plan():
    """As a planner importing a 文件 whose head line reads "某政办发〔2022〕5号    2022年3月5日", that
    date is the issue date: "6月底前" is due 2022-06-30, and the number is the plan's own."""
    draft = parse_plan_text("关于印发某某方案的通知\n某政办发〔2022〕5号    2022年3月5日\n某某方案\n一、重点任务\n"
                            "（一）完成清理。（县财政局，6月底前）\n")
    assert (draft.issued_on, draft.doc_number) == (datetime.date(2022, 3, 5), "某政办发〔2022〕5号")
    assert draft.measures[-1].due_date == datetime.date(2022, 6, 30)


def test_a_year_less_deadline_under_a_period_heading_falls_in_the_headings_year():
    # a 2019 action plan lists its tasks by year: the 2020 tasks' "4月底前" is April 2020, not 2019
    text = ("某县乡村振兴三年行动方案\n某政发〔2019〕8号\n2019年6月1日\n一、重点任务\n"
            "（一）推进村庄规划。2019年任务：一是10月底前完成村庄分类；二是12月底前完成评估。"
            "2020年任务：一是4月底前完成村庄规划评估工作；二是10月底前完成规划修编。\n"
            "（二）2021年工作任务\n"
            "1.推进农村改厕，6月底前完成。\n"
            "（三）加强督导。6月底前开展督查。\n")
    draft = parse_plan_text(text)
    due = {tuple(m.path): m.due_date for m in draft.measures if m.deadline}
    assert due[("一", "（一）", "一是")] == datetime.date(2019, 10, 31)
    assert due[("一", "（一）", "一是（第2组）")] == datetime.date(2020, 4, 30)
    assert due[("一", "（一）", "二是（第2组）")] == datetime.date(2020, 10, 31)
    assert due[("一", "（二）", "1")] == datetime.date(2021, 6, 30)
    assert due[("一", "（三）")] == datetime.date(2019, 6, 30)  # no heading: the year of issue


@pytest.mark.parametrize("sentence, deadline", [
    ("力争到2025年，形成了较为完善的制度体系。", "2025年"),  # 到 names the year aimed at, 了 or not
    ("全年开展专项检查不少于4次。", None),  # the period of a quota, like 每年
    ("力争全年为市场主体减负2500亿元以上。", None),
    ("加强日常巡查，全年持续推进。", "全年持续推进"),  # standing, like 年内持续推进
])
def test_a_target_after_lizheng_and_the_whole_year_in_prose(sentence, deadline):
    assert find_text_deadline(sentence) == deadline


@pytest.mark.parametrize("annotation", ["（市林业局，全年）", "（市林业局，全年完成）"])
def test_the_whole_year_as_an_annotations_clause_is_its_deadline(annotation):
    draft = parse_plan_text(f"某市造林绿化工作方案\n2023年3月1日\n一、重点任务\n（一）推进国土绿化。完成造林任务。{annotation}\n")
    measure = draft.measures[-1]
    # due at the end of the plan's year, as 年内 and 年底前 (GOLD-README "kinds46"; no due date before it)
    assert (measure.lead_units, measure.deadline, measure.due_date) == (["市林业局"], "全年", datetime.date(2023, 12, 31))


@pytest.mark.parametrize("sentence, deadline", [
    # a district's 2023 policy: the year opens its clause with the figure aimed at, no comma after it
    ("全面实施扩大有效投资建设行动，2023年全区固定资产投资力争完成381亿元、增速6%。", "2023年"),
    ("抢抓窗口期。2023年政府专项债储备额度45亿元以上，年度使用完成率实现100%。", "2023年"),
    # a period heading, a year's budget or review, and a year's work named after 确保 are none
    ("2019年任务：一是完成村庄分类工作。", None),
    ("2023年度预算安排资金5000万元以上。", None),
    ("确保2022年全省粮食播种面积稳定在6287万亩以上。", None),
    ("2022年全区固定资产投资完成了360亿元，同比增长8%。", None),
])
def test_a_target_year_opening_its_clause_with_the_figure_aimed_at(sentence, deadline):
    assert find_text_deadline(sentence) == deadline
