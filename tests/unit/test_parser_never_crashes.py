"""The plan parser never raises on any text (issue 13): random text, random cuts and splices of
the corpus documents, random brackets and punctuation all give a draft whose warnings are plain
Chinese sentences a person can read, never a traceback."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import PlanDraft, parse_plan_text
from tracker.parsing.annotations import split_trailing_annotations
from tracker.parsing.walker import MAX_MEASURES, is_heading_text

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
DOCUMENTS = [path.read_text(encoding="utf-8") for path in CORPUS]

# What plans are made of: numbering, brackets, separators, captions, deadlines, and noise.
PIECES = ["一、", "（一）", "(1)", "1.", "1﹒", "1．", "①", "一是", "二是", "第一，", "第二项", "【篇五】",
          "（", "）", "(", ")", "〔", "〕", "【", "】", "、", "，", "。", "；", "：", ":", "\n", "\t", " ",
          "\u3000", "牵头单位：", "配合单位：", "责任单位：", "完成时限：", "市财政局", "各区县人民政府",
          "牵头", "负责", "配合", "会同", "等有关部门", "列第一位者为牵头单位，下同", "2024年6月底前",
          "年底前", "每季度末", "长期坚持", "序号", "重点任务", "5", "10", "\x00", "\ufeff", "\r"]
pieces_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)


@st.composite
def spliced_documents(draw):
    """A cut of one corpus document, some pieces, and a cut of another (or the same) one."""
    first, second = draw(st.sampled_from(DOCUMENTS)), draw(st.sampled_from(DOCUMENTS))
    start = draw(st.integers(0, len(first)))
    end = draw(st.integers(start, min(len(first), start + 3000)))
    other = draw(st.integers(0, len(second)))
    return first[start:end] + draw(pieces_text) + second[other:other + 1500]


def assert_readable_draft(draft) -> None:
    assert isinstance(draft, PlanDraft)
    json.dumps(draft.to_dict(), ensure_ascii=False)
    for warning in draft.warnings:
        assert isinstance(warning, str) and warning.strip()
        assert "\n" not in warning and "Traceback" not in warning
        assert re.search(r"[\u4e00-\u9fff]", warning), warning
    for measure in draft.measures:
        assert measure.level == len(measure.path) >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_parser_random_text_gives_a_draft(text):
    assert_readable_draft(parse_plan_text(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces_text)
def test_parser_random_brackets_numbering_and_punctuation_give_a_draft(text):
    assert_readable_draft(parse_plan_text(text))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spliced_documents())
def test_parser_cuts_and_splices_of_real_plans_give_a_draft(text):
    assert_readable_draft(parse_plan_text(text))


@pytest.mark.parametrize("text", ["一、\n", "1.\n二、", "（一）\n", "2.\n\n责任单位:市发改委\n"])
def test_parser_numbered_line_with_nothing_after_its_number_no_longer_crashes(text):
    # Was IndexError in split_trailing_annotations: "" ends in every string.
    assert_readable_draft(parse_plan_text(text))


def test_parser_empty_item_text_has_no_annotation_and_does_not_crash():
    assert split_trailing_annotations("") == ("", [])
    assert is_heading_text("") is True  # "一、" alone on its line heads what follows


def test_parser_work_is_bounded_a_file_of_a_hundred_thousand_items_is_capped():
    text = "".join(f"{i % 50 + 1}. 第{i}项任务。\n" for i in range(100_000))
    draft = parse_plan_text(text)
    assert len(draft.measures) == MAX_MEASURES
    assert draft.warnings[0].startswith("条目过多") and f"{MAX_MEASURES}" in draft.warnings[0]
    assert_readable_draft(draft)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["方案.pdf", "方案.html", "方案.txt", "方案.docx"]))
def test_reader_random_bytes_give_a_draft_or_one_chinese_sentence(data, name):
    from tracker.parsing import PlanReadError, read_plan_bytes

    for payload in (data, b"%PDF-1.4\n" + data, b"<html><body><table><tr><td>" + data):
        try:
            draft = read_plan_bytes(payload, name)
        except PlanReadError as error:
            assert re.search(r"[\u4e00-\u9fff]", str(error)) and "\n" not in str(error)
        else:
            assert_readable_draft(draft)
