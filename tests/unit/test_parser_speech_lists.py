"""Speeches and meeting reports as news pages print them (issue 13, speeches round 3): enumerators glued
to the word before them with no punctuation ("会议强调一要…二要…"), lists written on one line ("1.…；
2.…", "一、标题（一）…（二）…"), 首先要…其次要…, a list whose 一是 a copy lost, and the ordinals that are
words, not items (统一是, 周一要, 一是一非, 1、2、3月份). The wording is invented for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def test_speech_a_meeting_report_whose_enumerators_follow_the_verb_without_a_comma():
    text = ("6月3日，镇党委召开专题会议，研究部署防汛备汛工作。"
            "会议要求一要压紧压实防汛责任，落实包村干部；二要开展隐患排查，建立问题清单；三要备足抢险物资。")
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一要"], ["二要"], ["三要"]]
    assert draft.measures[1].text.startswith("开展隐患排查")


def test_speech_a_page_that_lost_every_comma_between_its_items():
    text = "区长指出，一要稳住工业基本盘抓好重点企业服务二要扩大有效投资加快项目开工三要兜牢民生底线"
    assert paths(text) == [["一要"], ["二要"], ["三要"]]


def test_speech_sections_each_holding_a_list_glued_to_their_first_sentence():
    text = ("一、关于春耕生产\n"
            "各乡镇要抓紧备耕工作重点一是落实种植面积二是保障农资供应\n"
            "二、关于森林防火\n"
            "（一）压实责任。防火期已到一是严管野外用火二是加强巡山护林三是备好扑火队伍\n")
    assert paths(text) == [["一"], ["一", "一是"], ["一", "二是"], ["二"], ["二", "（一）"],
                           ["二", "（一）", "一是"], ["二", "（一）", "二是"], ["二", "（一）", "三是"]]


def test_speech_a_second_list_glued_after_a_whole_first_one_in_the_same_paragraph():
    text = "会议听取了汇报。一是进度较快，二是质量较好。会议要求一是加大投入二是强化考核。"
    assert paths(text) == [["一是"], ["二是"], ["一是（第2组）"], ["二是（第2组）"]]


def test_speech_decisions_numbered_on_one_line_after_their_lead_in():
    text = "县政府常务会议议定：1.同意启动老旧小区改造；2.由住建局牵头制定方案；3.财政局做好资金保障。"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert [m.text for m in draft.measures][1].startswith("由住建局牵头")


def test_speech_a_numbered_line_that_goes_on_with_its_next_items():
    text = "会议议题\n1、审议预算调整方案, 2、听取安全生产汇报 3、研究招商引资工作\n会议内容\n会议由县长主持。"
    assert paths(text) == [["1"], ["2"], ["3"]]


def test_speech_a_heading_with_its_bracketed_items_on_the_same_line():
    text = "一、下步工作（一）抓好项目建设。加快在建项目进度。（二）抓好安全生产。（三）抓好民生保障。\n二、有关要求"
    assert paths(text) == [["一"], ["一", "（一）"], ["一", "（二）"], ["一", "（三）"], ["二"]]


def test_speech_brackets_that_cite_a_rule_on_a_heading_line_are_no_items():
    text = "一、适用范围\n符合本办法第三条（一）（二）项情形的，按程序办理。\n二、办理程序（一）提交申请。（二）受理审查。"
    assert paths(text) == [["一"], ["二"], ["二", "（一）"], ["二", "（二）"]]


def test_speech_first_then_next_written_before_yao_without_a_comma():
    text = "同志们，做好今年工作，我们首先要统一思想，其次要明确责任，最后要狠抓落实。"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["首先"], ["其次"], ["最后"]]
    assert draft.measures[0].text.startswith("要统一思想")


def test_speech_a_list_whose_first_token_the_copy_lost():
    text = "（一）深化政务公开。主动公开是原则；二是规范依申请公开；三是加强政策解读；四是回应社会关切。"
    assert paths(text) == [["（一）"], ["（一）", "二是"], ["（一）", "三是"], ["（一）", "四是"]]


@pytest.mark.parametrize("text", [
    "会议强调，思想统一是前提，行动一致是关键，二是不可偏废。",
    "各村每周一要召开例会，每周二要报送进展。",
    "干部要明辨一是一非，坚持一手抓发展一手抓安全，推出一批示范项目。",
    "发展是第一要务，创新是第一动力，二要并举。",
    "1、2、3月份累计完成投资12亿元，同比增长5.2%。",
    "会议听取了（一）季度工作汇报（二）季度工作安排",
    "会议指出，二是关键，三是要紧。",
    "这是其中之一是基础，说一不二要落实。",
    "他首先要回家，然后再说。",
])
def test_speech_ordinals_that_are_words_or_figures_are_no_items(text):
    assert paths(text) == []


# ---- properties: whatever the items say and whatever word stands before a glued enumerator, every
# item of the list is read, once, in order

_WORDS = st.text(alphabet="加强推进落实工作项目建设服务群众发展安全责任机制完善提升质量效率", min_size=2, max_size=12)
# characters a lead-in may end with: words that make nothing with the numeral after them
_LEAD_ENDS = st.sampled_from(list("调求出示调为位任作调强点"))


@settings(max_examples=60, deadline=None)
@given(items=st.lists(_WORDS, min_size=2, max_size=9), lead=_WORDS, end=_LEAD_ENDS,
       style=st.sampled_from(["是", "要"]), glue_all=st.booleans())
def test_speech_property_a_glued_list_is_read_whole_and_in_order(items, lead, end, style, glue_all):
    numerals = "一二三四五六七八九"
    separator = "" if glue_all else "；"
    body = separator.join(f"{numerals[k]}{style}{item}" for k, item in enumerate(items))
    text = f"会议{lead}{end}{body}。"
    assert paths(text) == [[f"{numerals[k]}{style}"] for k in range(len(items))]


@settings(max_examples=60, deadline=None)
@given(items=st.lists(_WORDS, min_size=2, max_size=9), lead=_WORDS,
       form=st.sampled_from(["{n}.", "{n}、", "（{n}）", "({n})"]), separator=st.sampled_from(["；", "。", "，", " "]))
def test_speech_property_a_list_on_one_line_after_its_lead_in_keeps_every_item_in_order(items, lead, form, separator):
    body = separator.join(form.format(n=k + 1) + item for k, item in enumerate(items))
    text = f"会议{lead}：{body}。"
    got = paths(text)
    assert got == [[form.format(n=k + 1).rstrip("、.")] for k in range(len(items))]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="一二三是要统唯第周首先其次最后，。；：（）()1234.、 会议强调加强", max_size=120))
def test_speech_property_enumerator_soup_never_crashes_and_every_token_is_written(text):
    draft = parse_plan_text(text)
    for measure in draft.measures:
        assert measure.path
        token = measure.path[-1].split("（第")[0]
        assert token.replace(" ", "") in text.replace(" ", "").replace("\u3000", "")
