"""A speech's list of another kind inside a run-on item gives that item's children (issue 13, branch kinds31).

A meeting report written as one paragraph ("会议强调，一要…；二要…；三要…；四要守牢底线，切实保障民生，一是…，二是…，
五是…。") spells out its last 要 with a 一是 list in the same sentence: the 一是 items are 四要's children, not a list beside
it. A list that opens after the item's sentence ended ("一是…；二是…。会议要求，一要…二要…") stays a sibling list, and
a speech's `第一部分`/`第二部分` paragraphs under `二、` are items whose 一是 lists are theirs. The wording is invented."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def test_a_run_on_last_yao_spelled_out_by_a_shi_list_holds_it():
    report = ("全县经济工作会议召开\n"
              "1月5日，全县经济工作会议召开。会议强调，一要坚定信心，抓好项目建设；二要深化改革，激发市场活力；"
              "三要统筹城乡，推进乡村振兴；四要守牢底线，切实保障民生，一是抓好就业工作，二是办好教育事业，"
              "三是完善医疗服务，四是加强社会保障，五是维护安全稳定。\n")
    assert _paths(report) == [["一要"], ["二要"], ["三要"], ["四要"], ["四要", "一是"], ["四要", "二是"],
                              ["四要", "三是"], ["四要", "四是"], ["四要", "五是"]]


def test_a_list_after_the_items_sentence_ended_stays_beside_it():
    report = ("某镇召开安全生产会议\n"
              "会议指出，一是压实责任；二是排查隐患。会议要求，一要加强值守，二要及时报告。\n")
    assert _paths(report) == [["一是"], ["二是"], ["一要"], ["二要"]]


def test_the_parts_of_a_speech_under_a_heading_hold_their_own_lists():
    speech = ("在全市工作会议上的讲话\n"
              "一、关于过去一年的工作\n"
              "过去一年，全市上下团结奋斗，各项工作取得新成效。\n"
              "二、关于今年的重点工作\n"
              "第一部分，聚焦高质量发展。一是抓好工业经济，二是抓好项目建设。\n"
              "第二部分，聚焦民生保障。一是办好民生实事，二是抓好就业创业。\n")
    assert _paths(speech) == [["一"], ["二"], ["二", "第一部分"], ["二", "第一部分", "一是"], ["二", "第一部分", "二是"],
                              ["二", "第二部分"], ["二", "第二部分", "一是"], ["二", "第二部分", "二是"]]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 5), st.integers(2, 5), st.sampled_from(["，", "：", ","]))
def test_any_last_item_whose_sentence_goes_on_into_a_list_holds_that_list(outer, inner, joint):
    numerals = "一二三四五"
    yao = "；".join(f"{numerals[k]}要做好第{k + 1}项工作" for k in range(outer))
    shi = "，".join(f"{numerals[k]}是落实第{k + 1}个环节" for k in range(inner))
    paths = _paths(f"会议纪要\n会议强调，{yao}{joint}{shi}。\n")
    last = f"{numerals[outer - 1]}要"
    assert paths == ([[f"{numerals[k]}要"] for k in range(outer)]
                     + [[last, f"{numerals[k]}是"] for k in range(inner)])
