"""The demo's 通报 says it ranks the demo's reports (workflow53; services/seed.demo_reports_between).

A newcomer starts the demo on 12-03. The first start files its units' reports of October and November, each marked
（演示数据） in its text (seed.seed_report_history), so that the 通报 has something to rank. duban opens November's
通报: its page ranked the units, named the late ones and went out as .docx and .xlsx, and nothing in them said the
figures were made up. A liaison who received the file could take 重庆银监局's "未报 8 次" for a real reprimand.

Now the page, both files and the published version say, under the date line, that the figures count the demo's reports
and are not to be issued; the 排名 sheet, read alone, says it under its table. A real office's 通报, whose reports are
its units' own, says nothing of the kind.
"""
from __future__ import annotations

import io
from datetime import date

import docx
import openpyxl
from bs4 import BeautifulSoup

import tracker.clock
from tests.helpers.app import demo_office
from tests.helpers.reports import post_report, task_id
from tracker.services.seed import DEMO_MARK

DEMO_WORDS = "本通报含演示数据"


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_demos_november_bulletin_says_on_its_page_and_in_its_files_that_it_counts_demo_reports(
        empty_app, monkeypatch):
    office = demo_office(empty_app, monkeypatch, date(2026, 12, 3))

    page = BeautifulSoup(office.get("/bulletin?period=2026-11").text, "html.parser")
    note = page.select_one("#bulletin-demo-note")
    assert note is not None, "the 通报 page says its figures are the demo's"
    said = note.get_text(strip=True)
    assert DEMO_WORDS in said and DEMO_MARK in said and "不能作为正式通报" in said
    counted = int(said.split("其中")[1].split("次")[0])
    assert counted > 0
    assert page.select("#bulletin-ranking tbody tr"), "the demo's units are still ranked, for trying the page"

    word = office.get("/bulletin.docx?period=2026-11")
    assert word.status_code == 200
    lines = _docx_text(word.data).splitlines()
    assert lines.index(said) < lines.index(next(line for line in lines if line.startswith("截至"))), \
        "the Word file says it before the summary a recipient reads first"

    book = openpyxl.load_workbook(io.BytesIO(office.get("/bulletin.xlsx?period=2026-11").data))
    assert book["通报"]["A5"].value == said  # between the summary and the figures, wrapped
    assert book["通报"]["A5"].alignment.wrap_text
    assert said in [row[0] for row in book["排名"].iter_rows(values_only=True)], "the 排名 sheet read alone says it"

    form = page.select_one("#publish-bulletin").find_parent("form")
    fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    published = office.post(form["action"], data=fields, follow_redirects=True)
    assert published.status_code == 200
    shown = BeautifulSoup(published.text, "html.parser").select_one("#bulletin-demo-note")
    assert shown is not None and shown.get_text(strip=True) == said, "the published version says it as previewed"
    link = BeautifulSoup(published.text, "html.parser").find("a", href=lambda h: h and h.endswith(".docx"))
    assert said in _docx_text(office.get(link["href"]).data), "the file a unit downloads says it"

    token = empty_app.test_cli_runner().invoke(args=["create-token", "duban"]).output.strip()
    preview = office.get("/api/v1/bulletins/preview?period=2026-11", headers={"Authorization": f"Bearer {token}"})
    assert preview.get_json()["demo_note"] == said, "the office's script reading the preview is told as well"


def test_a_real_offices_bulletin_and_dashboard_say_nothing_of_demo_data(app, client, auth, signed_in):
    """The seeded world has no demo history: its reports are filed by its units, and its 通报 reads as before."""
    auth.login("zjj")
    assert post_report(client, task_id(app, ["一", "（三）"]), progress="已完成检查 12 家。").status_code in (200, 302)
    office = signed_in("duban")
    today = tracker.clock.beijing_today()
    period = f"{today.year}-{today.month:02d}"
    page = BeautifulSoup(office.get(f"/bulletin?period={period}").text, "html.parser")
    assert page.select_one("#bulletin-summary") is not None
    assert page.select_one("#bulletin-demo-note") is None
    assert DEMO_WORDS not in _docx_text(office.get(f"/bulletin.docx?period={period}").data)
    assert BeautifulSoup(office.get("/").text, "html.parser").select_one("#dashboard-demo-note") is None


def test_the_demos_dashboard_says_its_ranking_and_trends_count_demo_reports(empty_app, monkeypatch):
    """Started on 11-26, the dashboard ranks November's units on the demo's reports and draws them in its trends: it
    says so above its figures, as the 通报 does."""
    office = demo_office(empty_app, monkeypatch, date(2026, 11, 26))
    page = BeautifulSoup(office.get("/").text, "html.parser")
    note = page.select_one("#dashboard-demo-note")
    assert note is not None, "the dashboard says its figures count the demo's reports"
    assert note.get_text(strip=True).startswith("本页的统计含演示数据") and DEMO_MARK in note.get_text()
    assert page.select_one("#ranking") is not None
