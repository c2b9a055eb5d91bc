"""A notice's year of issue due by obligation, and the conditions of a call for proposals (issue 13, branch kinds32).

A 浙江 notice handing down a year's targets asks: "列入达标计划的乡镇(街道)本年度须基本完成整治提升" — the towns on the
list must finish this year: the deadline as written is `本年度`, due at the end of the year of issue, as `当年内` is. Without
the obligation, inside the conditions a 征集 notice sets for proposals ("二、征集条件" / "（二）项目资金来源明确，当年完成投资"),
the year a proposal is done in says what a proposal must be: no deadline; a date by which applicants report stays one.
The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, is_criterion_time, parse_due_date
from tracker.vocabulary.captions import is_criteria_heading

_TARGETS_NOTICE = ("各县（市、区）整治办：\n"
                   "现将2022年整治提升目标任务下达给你们，具体要求如下：\n"
                   "一、各县根据摸排情况分解任务，并于2022年5月30日前报市整治办备案。\n"
                   "二、列入达标计划的乡镇(街道)本年度须基本完成整治提升，各县应有所侧重。\n"
                   "三、已完成的乡镇当年要巩固提升。\n"
                   "某市整治办\n"
                   "2022年4月20日\n")

_CALL = ("某市关于征集2023年民生实事项目的公告\n"
         "一、征集时间\n"
         "2022年10月1日至10月31日。\n"
         "二、征集条件\n"
         "（一）项目当年完成、当年见效，群众受益面广。\n"
         "（二）项目资金来源明确，当年完成投资。\n"
         "三、申报要求\n"
         "1.各区于11月10日前报送项目清单。\n"
         "2.各区当年须完成项目储备。\n"
         "某市人民政府办公室\n"
         "2022年9月20日\n")


def test_a_notice_asking_towns_to_finish_this_year_gives_the_year_of_issue():
    draft = parse_plan_text(_TARGETS_NOTICE)
    got = [(m.path, m.deadline, m.due_date) for m in draft.measures]
    assert got == [
        (["一"], "2022年5月30日前", datetime.date(2022, 5, 30)),
        (["二"], "本年度", datetime.date(2022, 12, 31)),
        (["三"], None, None),  # 巩固提升 is no finishing: no deadline
    ]


def test_the_conditions_of_a_call_set_no_deadline_while_its_window_and_reports_keep_theirs():
    draft = parse_plan_text(_CALL)
    got = [(m.path, m.deadline) for m in draft.measures]
    assert got == [
        (["一"], "2022年10月1日至10月31日"),
        (["二"], None),
        (["二", "（一）"], None),
        (["二", "（二）"], None),  # "当年完成投资": what a proposal must be
        (["三"], None),
        (["三", "1"], "11月10日前"),  # applicants report by then: a deadline
        (["三", "2"], "当年"),  # the districts must finish this year: a requirement, not a condition
    ]


def test_which_headings_set_a_calls_conditions():
    for title in ("征集条件", "征集范围", "申报条件及要求", "项目条件和要求", "入选标准："):
        assert is_criteria_heading(title), title
    for title in ("申报要求", "征集时间", "工作要求", None, ""):
        assert not is_criteria_heading(title), title


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["本年度", "当年", "今年"]), st.sampled_from(["须", "必须", "要", "应"]),
       st.sampled_from(["完成", "基本完成", "全面完成", "建成"]), st.integers(2000, 2039))
def test_the_year_of_issue_with_an_obligation_is_due_at_its_end(time, obliged, verb, year):
    written = find_text_deadline(f"二、列入计划的乡镇{time}{obliged}{verb}整治提升。")
    assert written == time
    assert parse_due_date(written, year) == datetime.date(year, 12, 31)
    assert is_criterion_time(written)  # the same words under a call's conditions are a condition


def test_a_date_by_which_is_never_a_condition():
    assert not is_criterion_time("11月10日前")
    assert not is_criterion_time("2023年底")
    assert not is_criterion_time(None)
