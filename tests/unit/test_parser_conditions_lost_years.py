"""Criteria that are no deadline and dates whose 年 the copy lost (issue 13, branch kinds31).

A 民生实事 征集 notice lists what a proposal must be ("年内可以完成", "当年能够完成的项目"): a time followed by a
word of ability says what work can be done in it, a condition, not when the notice's work is due. A target year
quoted from another body's goal ("根据党的十九大提出的到2035年基本实现…的目标") is no target of the measure. A 征集
window written with a comma after 起 ("自本公告发布之日起，至2022年10月31日止") is read whole as written. A date
whose 年 was lost in the copy ("20231月20日前": four digits run into the month) is read as the date it is, kept as
written, while a garbled line of figures ("——2022118日") is no date. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, parse_due_date

_NOTICE = ("某市人民政府关于公开征集2023年市级民生实事项目建议的公告\n"
           "现面向社会公开征集2023年市级民生实事项目建议。有关事项公告如下：\n"
           "一、征集时间\n"
           "自本公告发布之日起，至2022年10月31日止。\n"
           "二、征集范围\n"
           "（一）项目应当符合国家和省有关政策规定，年内可以完成。\n"
           "（二）项目一般为当年能够完成的项目，群众受益面广。\n"
           "（三）项目具有可操作性，能当年完成、见效。\n"
           "三、工作要求\n"
           "（一）开展“我为群众办实事”专项行动，为期一年。\n"
           "（二）根据党的十九大提出的到2035年基本实现社会主义现代化的目标，谋划一批项目。\n"
           "（三）各区于20231月20日前报送项目清单。\n"
           "——2022118日\n"
           "某市人民政府\n"
           "2022年9月20日\n")


def test_a_proposal_notice_gives_its_window_and_its_own_due_date_but_no_deadline_from_its_criteria():
    draft = parse_plan_text(_NOTICE)
    got = [(m.path, m.deadline, m.due_date) for m in draft.measures]
    assert got == [
        (["一"], "本公告发布之日起，至2022年10月31日", datetime.date(2022, 10, 31)),
        (["二"], None, None),
        (["二", "（一）"], None, None),
        (["二", "（二）"], None, None),
        (["二", "（三）"], None, None),
        (["三"], None, None),
        (["三", "（一）"], None, None),
        (["三", "（二）"], None, None),
        (["三", "（三）"], "20231月20日前", datetime.date(2023, 1, 20)),
    ]


def test_a_time_the_work_can_be_done_in_is_a_condition_while_a_time_it_is_due_stays_a_deadline():
    assert find_text_deadline("所需资金能够得到落实，年内可以完成或者见诸实效。") is None
    assert find_text_deadline("项目原则上当年度能够完成或取得阶段性成效。") is None
    assert find_text_deadline("各街道年内完成摸底排查。") == "年内"
    assert find_text_deadline("2023年6月底前完成改造。") == "2023年6月底前"
    assert find_text_deadline("主体工程2023年6月底前可以完成。") == "2023年6月底前"


def test_a_goal_another_body_set_is_quoted_not_aimed_at():
    assert find_text_deadline("根据党的十九大提出的到2035年基本实现社会主义现代化的目标，谋划一批项目。") is None
    assert find_text_deadline("到2035年，基本实现社会主义现代化。") == "2035年"


def test_a_window_from_the_notice_with_a_comma_after_qi_is_read_whole():
    text = "一、征集时间\n自本公告发布之日起，至2024年10月31日止。\n"
    assert [m.deadline for m in parse_plan_text(text).measures] == ["本公告发布之日起，至2024年10月31日"]
    assert parse_due_date("本公告发布之日起，至2024年10月31日") == datetime.date(2024, 10, 31)


@settings(max_examples=60, deadline=None)
@given(st.integers(2000, 2039), st.integers(1, 12), st.integers(1, 28))
def test_any_date_whose_nian_was_lost_reads_as_the_date_it_is(year, month, day):
    written = f"{year}{month}月{day}日前"
    assert find_text_deadline(f"各区于{written}报送项目清单。") == written
    assert parse_due_date(written) == datetime.date(year, month, day)


def test_a_garbled_line_of_figures_is_no_date():
    assert find_text_deadline("——2024118日") is None
    assert parse_due_date("2024118日") is None
