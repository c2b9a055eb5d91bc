"""The month's 通报 as the supervising office (市金融办) prepares it in headless Chromium, at her desk (1366 × 900) and on
a phone (360 × 740).

7 December 2026, 10:00 Beijing, on the demo as run.py's first start makes it, with three (invented) 金融机构 whose
figures of November 2025 and 2026 targets are already in the tracker. duban downloads 指标数据模板 for the month:
its name says the month as an office files it (指标数据模板-2026年11月.xlsx). She fills it with openpyxl, first with a
figure typed as words: the error names the file, the row, the column, and what to do. She uploads the corrected
table, confirms the preview, reads the ranking (按月排名), publishes November's 通报 (asked first, in Chinese, what
publishing does), downloads it as .docx and .xlsx and opens both as a reader would: 2026年11月, the institutions
ranked, the figures and the 计量单位 as she entered them. On the phone nothing is wider than the screen, the buttons
are a thumb's size, and the wide tables scroll inside their own box.
"""
from __future__ import annotations

import re
import threading
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlalchemy import select
from werkzeug.serving import make_server

from tests.helpers.app import start_demo
from tests.helpers.browser import go, no_horizontal_scroll, shot, sign_in
from tracker.extensions import db
from tracker.models import Indicator, IndicatorFigure, IndicatorTarget, Unit, UnitKind

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 900}
TODAY = date(2026, 12, 7)
MONTH = "2026年11月"
TAP = 44  # px: the smallest tap target a thumb hits (WCAG 2.5.5)
#: November 2026 as the office enters it, per institution and indicator; a year before, every figure was 100.
FIGURES = {"渝信银行": 180.0, "巴渝农商银行": 90.5, "山城保险": 130.25}
RANKED = ["渝信银行", "山城保险", "巴渝农商银行"]  # by 同比增速: +80 %, +30.25 %, −9.5 %


@pytest.fixture
def month_end(empty_app, monkeypatch):
    """The demo on TODAY, with FIGURES' institutions, their figures of 2025-11 (100 each) and 2026 targets (1000 each:
    every one behind its 序时目标), served on a loopback port: (base URL, passwords, {indicator name: 计量单位})."""
    passwords = start_demo(empty_app, monkeypatch, TODAY)
    with empty_app.app_context():
        indicators = db.session.scalars(select(Indicator).order_by(Indicator.position, Indicator.id)).all()
        for name in FIGURES:
            unit = Unit(name=name, kind=UnitKind.INSTITUTION)
            db.session.add(unit)
            db.session.flush()
            for indicator in indicators:
                db.session.add(IndicatorFigure(unit_id=unit.id, indicator_id=indicator.id, period="2025-11", value=100.0))
                db.session.add(IndicatorTarget(unit_id=unit.id, indicator_id=indicator.id, year=2026, target=1000.0))
        db.session.commit()
        units = {indicator.name: indicator.measure_unit for indicator in indicators}
    server = make_server("127.0.0.1", 0, empty_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", passwords, units
    server.shutdown()
    thread.join(timeout=10)


def _person(browser, viewport) -> tuple:
    """A new browser window of ``viewport`` whose confirmations are read and answered 确定: (page, questions asked)."""
    page = browser.new_context(viewport=viewport, accept_downloads=True).new_page()
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    return page, asked


def _fits(page, size: str, buttons: str) -> None:
    """Nothing wider than the screen; on the phone the ``buttons`` a thumb's size, and every table wider than the
    screen inside a box that scrolls (.table-responsive) or laid out as cards (.table-cards)."""
    assert no_horizontal_scroll(page), f"{page.url} scrolls sideways"
    if size != "phone":
        return
    small = page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter(el => el.getClientRects().length && el.getBoundingClientRect().height < 44)
        .map(el => el.innerText)""", buttons)
    assert not small, f"buttons under {TAP} px on {page.url}: {small}"
    loose = page.evaluate("""() => [...document.querySelectorAll('table')]
        .filter(t => t.getClientRects().length && t.scrollWidth > window.innerWidth
                     && !t.closest('.table-responsive') && !t.classList.contains('table-cards'))
        .map(t => t.id || t.className)""")
    assert not loose, f"tables wider than the screen outside a scrolling box on {page.url}: {loose}"


def _fill(path, figures: dict[str, object]) -> None:
    """Write ``figures`` (institution → the value typed in every indicator column) into the downloaded template."""
    book = load_workbook(path)
    sheet = book.active
    for row in range(4, sheet.max_row + 1):
        name = sheet.cell(row=row, column=1).value
        if name in figures:
            for column in range(2, sheet.max_column + 1):
                sheet.cell(row=row, column=column, value=figures[name])
    book.save(path)


def _upload(page, path) -> None:
    page.set_input_files("input[type=file]", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_the_office_prepares_publishes_and_reads_novembers_bulletin(month_end, browser, size, tmp_path):
    base, passwords, units = month_end
    page, asked = _person(browser, PHONE if size == "phone" else DESK)
    sign_in(page, base, "duban", passwords["duban"])

    # 指标监测: the template of last month, named and titled as the office writes a month.
    go(page, f"{base}/indicators")
    link = page.get_by_role("link", name=f"下载{MONTH}填报模板")
    expect(link).to_be_visible()
    _fits(page, size, "main .btn")
    shot(page, f"bulletin-walk-{size}-1-indicators")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"指标数据模板-{MONTH}.xlsx"
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    sheet = load_workbook(template).active
    assert sheet["A1"].value.startswith(f"{MONTH}末")
    assert {sheet.cell(row=r, column=1).value for r in range(4, sheet.max_row + 1)} >= set(FIGURES)

    # A figure typed as words: refused, saying the file, the row, the column and what to do next.
    _fill(template, {**FIGURES, "巴渝农商银行": "九十点五"})
    go(page, f"{base}/indicators/import")
    _upload(page, template)
    error = page.locator("#import-errors")
    expect(error).to_contain_text(f"文件“{template.name}”有以下问题")
    expect(error).to_contain_text(re.compile(r"第 \d+ 行（巴渝农商银行），“[^”]+”列：“九十点五”不是数字，请填写数值或留空"))
    expect(error).to_contain_text("重新选择该文件，按“上传并预览”")  # what to do next
    _fits(page, size, "main .btn")
    shot(page, f"bulletin-walk-{size}-2-refused")

    # Corrected: the preview names the month as people do; confirmed, the ranking of the month.
    _fill(template, FIGURES)
    _upload(page, template)
    expect(page.get_by_text(f"预览：{MONTH}，3 家机构，{3 * len(units)} 项数据")).to_be_visible()
    _fits(page, size, "main .btn")
    shot(page, f"bulletin-walk-{size}-3-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".alert-success")).to_contain_text(f"已导入 3 家机构的 {3 * len(units)} 项指标数据（{MONTH}）")
    ranking = page.locator("#ranking tbody")
    expect(ranking).to_contain_text(RANKED[0])
    order = [name for name in ranking.inner_text().split() if name in FIGURES]
    assert order == RANKED, order
    _fits(page, size, "main .btn")
    shot(page, f"bulletin-walk-{size}-4-ranking")

    # The 通报 of November: asked before it is sent to every unit, then published as 第1版.
    go(page, f"{base}/bulletin?period=2026-11")
    expect(page.locator("article h1")).to_contain_text(MONTH)
    _fits(page, size, "#bulletin-publish .btn")
    shot(page, f"bulletin-walk-{size}-5-bulletin")
    with page.expect_navigation():
        page.locator("#publish-bulletin").click()
    assert len(asked) == 1 and f"{MONTH}的通报" in asked[0] and "通知各单位" in asked[0], asked
    assert "不能撤回" in asked[0], "she is told a published version stays"
    expect(page.locator("#published-version")).to_have_text("第1版")
    _fits(page, size, "#published-head .btn")
    shot(page, f"bulletin-walk-{size}-6-published")

    # Both files, named by the month, opened as a reader of the 通报 opens them.
    files = {}
    for caption, extension in (("下载 Word（.docx）", "docx"), ("下载 Excel（.xlsx）", "xlsx")):
        with page.expect_download() as download:
            page.get_by_role("link", name=caption).click()
        assert download.value.suggested_filename == f"督办通报-{MONTH}-第1版.{extension}"
        files[extension] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[extension])

    document = Document(files["docx"])
    text = "\n".join(p.text for p in document.paragraphs)
    assert MONTH in text and "2026-11" not in text
    overall = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == ["名次", "机构", "综合得分"])
    assert [row.cells[1].text for row in overall.rows[1:]] == RANKED
    owing = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:4] == ["指标", "机构", "计量单位", "本月数"])
    entered = {(row.cells[0].text, row.cells[1].text): (row.cells[2].text, row.cells[3].text) for row in owing.rows[1:]}
    assert entered, "the institutions behind their 序时目标 are listed"
    for (indicator, institution), (unit, value) in entered.items():
        assert unit == units[indicator] and float(value) == FIGURES[institution], (indicator, institution, unit, value)

    book = load_workbook(files["xlsx"])
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any(MONTH in c for c in cells) and not any("2026-11" in c for c in cells)
    ranked = book["指标综合排名"]
    names = [row[1] for row in ranked.iter_rows(min_row=2, values_only=True) if row[1] in FIGURES]
    assert names == RANKED, names
