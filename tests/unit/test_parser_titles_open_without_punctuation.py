"""A title never opens with punctuation (issue 13, branch kinds32).

A speech's parts written `第一部分，全面推进改革。一是…` under `二、` are read with the token `第一部分`; the comma the
speaker wrote after it is no part of the title: the part is titled `全面推进改革`. The same holds for a heading whose copy
doubled its separator (`一、，关于安全工作`). The wording here is invented."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.walker import short_title, title_words

_SPEECH = ("同志们：\n"
           "一、关于经济工作\n"
           "第一部分，全面推进改革。一是加强领导；二是压实责任。\n"
           "第二部分，抓好落实。一是细化任务；二是强化督查。\n")


def test_a_speech_parts_title_drops_the_comma_after_its_number():
    draft = parse_plan_text(_SPEECH)
    assert [(m.path, m.title) for m in draft.measures] == [
        (["一"], "关于经济工作"),
        (["一", "第一部分"], "全面推进改革"),
        (["一", "第一部分", "一是"], "加强领导"),
        (["一", "第一部分", "二是"], "压实责任"),
        (["一", "第二部分"], "抓好落实"),
        (["一", "第二部分", "一是"], "细化任务"),
        (["一", "第二部分", "二是"], "强化督查"),
    ]


def test_a_heading_whose_copy_doubled_its_separator_is_titled_by_its_words():
    draft = parse_plan_text("同志们：\n一、，关于安全工作\n二、关于发展\n")
    assert [(m.path, m.title) for m in draft.measures] == [(["一"], "关于安全工作"), (["二"], "关于发展")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="，,、：:；;。 ", max_size=3), st.text(alphabet="加强领导压实责任推进改革", min_size=1, max_size=12))
def test_no_title_opens_with_punctuation(punctuation, words):
    title = short_title(f"{punctuation}{words}。其后的正文。")
    assert title == words
    assert title_words(f"{punctuation}{words}：") == words


def test_a_short_speech_part_is_titled_by_its_first_sentence_not_by_the_list_after_it():
    draft = parse_plan_text("同志们：\n第一项，关于安全。一要加强；二要落实。\n第二项，关于发展。\n")
    assert [(m.path, m.title) for m in draft.measures] == [
        (["第一项"], "关于安全"),
        (["第一项", "一要"], "加强"),
        (["第一项", "二要"], "落实"),
        (["第二项"], "关于发展"),
    ]
