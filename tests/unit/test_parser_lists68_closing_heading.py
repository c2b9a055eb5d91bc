"""Stories of a policy whose closing rules stand under an unnumbered 附则 heading (branch lists68; GOLD-README "heldout37c",
"lists68").

A county's or a district's policy numbers its parts (一、…七、) or its articles (第十三条), then writes 附则 alone on a line and
lists its closing rules 1．… 6．…: those rules are the policy's own, not the last part's, so they are top-level items.
Only 附则 closes the parts; another unnumbered line keeps the lists as they were. Names and sentences are invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.walker import is_closing_heading

pytestmark = pytest.mark.unit


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def test_the_rules_under_a_spaced_closing_heading_are_top_level_items_not_children_of_the_last_part():
    # a district's 科技 policy: two parts, then 附  则 (blanks inside, as a Word title centred it) and three rules
    result = parse_plan_text("\n".join([
        "某区关于支持科技创新的若干措施",
        "一、支持科技创新",
        "（一）对新认定的高新技术企业给予奖励。",
        "二、支持企业“走出去”",
        "（一）鼓励企业开拓国际市场。",
        "附  则",
        "1．关于政策适用对象。本政策适用于在本区注册的企业。",
        "2．关于政策期限。本政策自发布之日起施行。",
        "3．关于解释。本政策由区发展改革局负责解释。",
    ]))
    assert [m.path for m in result.measures] == [
        ["一"], ["一", "（一）"], ["二"], ["二", "（一）"], ["1"], ["2"], ["3"]]
    # the heading is no item's words and no stray paragraph
    assert result.measures[3].text == "鼓励企业开拓国际市场。"
    assert not any("没有编号" in w for w in result.warnings)


def test_a_closing_heading_after_a_parts_own_arabic_list_opens_no_second_group():
    # a county's 人才 policy: part 六 has its items 1.–2., then 附　则 (an ideographic blank) and rules 1.–2. again
    result = parse_plan_text("\n".join([
        "某县人才引进若干政策",
        "一、总体要求",
        "六、强化人才支撑",
        "1.对引进的高层次人才给予安家补贴。",
        "2.对企业新招用高校毕业生给予社保补贴。",
        "附　则",
        "1. 关于政策适用对象。本政策适用于在本县依法登记的企业。",
        "2．关于重复享受。同一事项不重复享受。",
    ]))
    paths = [m.path for m in result.measures]
    assert paths[-2:] == [["1"], ["2"]]
    assert ["六", "1"] in paths and ["六", "2"] in paths
    assert not any("第2组" in "/".join(p) for p in paths)
    assert not any("倒退" in w for w in result.warnings)


def test_articles_then_a_closing_heading_with_a_colon_give_top_level_rules():
    assert _paths("\n".join([
        "某区外经贸扶持办法",
        "七、支持企业“走出去”",
        "第十三条 对企业在境外设立研发机构的，给予一次性奖励。",
        "附则：",
        "1．关于政策兑现。由区商务局负责受理。",
        "2．关于政策期限。本政策有效期三年。",
    ]))[-2:] == [["1"], ["2"]]


def test_an_ordinary_unnumbered_line_restarts_no_list():
    # "其他事项" is no closing heading: the list under it goes on as the walk read it before
    paths = _paths("\n".join([
        "某县人才引进若干政策",
        "一、总体要求",
        "六、强化人才支撑",
        "1.对引进的高层次人才给予安家补贴。",
        "2.对企业新招用高校毕业生给予社保补贴。",
        "其他事项",
        "1.关于政策适用对象。本政策适用于在本县依法登记的企业。",
    ]))
    assert ["1"] not in paths


@pytest.mark.parametrize("line, closing", [
    ("附则", True), ("附  则", True), ("附　则", True), ("附则：", True), (" 附 则 ", True),
    ("附件", False), ("附则第一条", False), ("补充规定", False), ("其他事项", False), ("第十章 附则", False),
])
def test_which_lines_are_closing_headings(line, closing):
    assert is_closing_heading(line) is closing
