"""The 通报's .docx and .xlsx say what its page says: the date line with （统计截至…）, and an empty section's line.

The small world (tests/helpers/small_world.py, today 2026-11-21): November's 通报 before its report day owes no
report yet (section 三 says so), and September had nothing 办结 and nothing overdue.
"""
from __future__ import annotations

from io import BytesIO

import openpyxl
import pytest
from docx import Document

import tracker.clock
from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.bulletin.model import Bulletin


@pytest.fixture
def office(empty_app, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: small_world.TODAY)
    small_world.build(empty_app)
    client = empty_app.test_client()
    sign_in(client, "sup")
    return client


def test_the_docx_and_xlsx_carry_the_pages_date_line(office):
    page = office.get("/bulletin?period=2026-10").get_data(as_text=True)
    line = "2026年11月21日（统计截至2026年10月31日）"
    assert line in page
    document = Document(BytesIO(office.get("/bulletin.docx?period=2026-10").data))
    assert line in [paragraph.text for paragraph in document.paragraphs[:4]]
    book = openpyxl.load_workbook(BytesIO(office.get("/bulletin.xlsx?period=2026-10").data))
    assert line in book["通报"]["A3"].value


def test_an_empty_sheet_says_the_pages_line_not_headers_alone(office):
    for period, sheet, words in [("2026-09", "本期办结", Bulletin.NO_CLOSED), ("2026-09", "逾期任务", Bulletin.NO_OVERDUE),
                                 ("2026-11", "未报送单位", "本期进展报送日（2026年11月25日）尚未到")]:
        page = office.get(f"/bulletin?period={period}").get_data(as_text=True)
        book = openpyxl.load_workbook(BytesIO(office.get(f"/bulletin.xlsx?period={period}").data))
        said = book[sheet]["A2"].value
        assert said and said.startswith(words), (period, sheet, said)
        assert said in page, (period, sheet)  # the same words as the page
        assert book[sheet].max_row == 2
