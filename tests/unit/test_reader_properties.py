"""Property-based tests (Hypothesis) of the plan readers and the budget's counter (issue 14).

Whatever numbering attributes a .docx carries and whatever tags a page nests, the readers give
text or a PlanReadError (a Chinese sentence), never another exception; the streaming counter
counts what a whole-buffer count finds, whatever the chunk size.
"""
from __future__ import annotations

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import make_files
from tracker import upload_budget
from tracker.parsing import PlanReadError
from tracker.parsing.readers import docx_text, html_text

ATTRIBUTE = st.one_of(st.integers(-5, 40).map(str), st.sampled_from(["", "x", "1.5", "99999999999", "１", " 3"]))
FORMATS = st.sampled_from(["decimal", "upperRoman", "lowerLetter", "chineseCounting", "bullet",
                           "decimalEnclosedCircle", "ideographTraditional", "nonsense"])
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ilvl=ATTRIBUTE, start=ATTRIBUTE, fmt=FORMATS, paragraph_ilvl=ATTRIBUTE, num_id=ATTRIBUTE)
def test_docx_numbering_attributes_give_text_or_a_chinese_refusal(ilvl, start, fmt, paragraph_ilvl, num_id):
    body = (make_files.paragraph("加强监管", num_id=num_id, ilvl=paragraph_ilvl)
            + make_files.paragraph("防范风险", num_id="1"))
    data = make_files.docx_with(body, make_files.numbering(fmt=fmt, start=start, ilvl=ilvl))
    try:
        text = docx_text(data, "方案.docx")
    except PlanReadError as error:
        assert "已损坏" in str(error)
    else:
        assert text.endswith("防范风险") and len(text) < 200


TAGS = st.sampled_from(["div", "p", "table", "tr", "td", "li", "ul", "span", "pre", "script", "b", "br", "th"])


@FAST
@given(st.lists(st.tuples(st.booleans(), TAGS, st.sampled_from(["", "一、加强", " 文字 ", "<!-- c -->", "&amp;"])),
                max_size=60))
def test_any_tag_soup_gives_text_or_a_chinese_refusal(pieces):
    markup = "".join(f"<{'/' if closing else ''}{tag}>{text}" for closing, tag, text in pieces)
    try:
        text = html_text(markup, "页面.html")
    except PlanReadError as error:
        assert "页面.html" in str(error)
    else:
        assert isinstance(text, str) and "<script>" not in text


@FAST
@given(st.lists(st.sampled_from([b"<si>", b"<x:si/>", b"<sis>", b"<sheet>", b"text", b"<si\n>", b"<"]), max_size=80),
       st.integers(1, 16))
def test_streaming_count_equals_the_whole_buffer_count(pieces, chunk):
    data = b"".join(pieces)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xml", data)
    original = upload_budget.CHUNK
    upload_budget.CHUNK = chunk
    try:
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
            counted = upload_budget.count_elements(archive, "a.xml", upload_budget._SHARED_STRING, 10**6)
    finally:
        upload_budget.CHUNK = original
    assert counted == len(re.findall(upload_budget._SHARED_STRING, data))
