"""In headless Chromium: the supervising office downloads the indicator template, fills it in, imports it
through the preview and reads the ranking with its rules (issue 16)."""
from __future__ import annotations

from playwright.sync_api import expect
from openpyxl import load_workbook

from tests.helpers.browser import nav_to, shot, sign_in
from tracker.extensions import db
from tracker.models import Unit, UnitKind


def test_browser_indicators_template_fill_import_and_ranking(app, seeded_template, live_server, browser, tmp_path):
    with app.app_context():
        for name in ("工商银行", "农业银行"):
            db.session.add(Unit(name=name, kind=UnitKind.INSTITUTION))
        db.session.commit()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    nav_to(page, "指标监测", "指标列表")
    expect(page.locator("#indicator-list").get_by_text("保费收入")).to_be_visible()
    shot(page, "indicators-list")
    with page.expect_download() as download:
        page.get_by_role("link", name="填报模板").click()
    template = tmp_path / "模板.xlsx"
    download.value.save_as(template)
    book = load_workbook(template)
    sheet = book.active
    period = sheet["A1"].value[:sheet["A1"].value.index("月")].replace("年", "-")
    year, month = period.split("-")
    for row in range(4, sheet.max_row + 1):
        sheet.cell(row=row, column=2, value={"工商银行": 110.0, "农业银行": 55.0}[sheet.cell(row=row, column=1).value])
    book.save(template)
    nav_to(page, "指标监测", "导入数据表")
    page.set_input_files("input[type=file]", str(template))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_text(f"预览：{year}-{int(month):02d}，2 家机构，2 项数据")).to_be_visible()
    shot(page, "indicators-import-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入 2 家机构的 2 项指标数据")).to_be_visible()
    expect(page.locator("#ranking").get_by_text("工商银行")).to_be_visible()
    expect(page.locator("#rules").get_by_text("欠账 = max(0, 序时目标 − 完成数)")).to_be_visible()
    shot(page, "indicators-ranking")
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, live_server, "duban", seeded_template.passwords["duban"])
    phone.goto(f"{live_server}/indicators/ranking?period={year}-{int(month):02d}")
    expect(phone.locator("#ranking").get_by_text("农业银行")).to_be_visible()
    shot(phone, "indicators-ranking-phone")
    assert not [e for e in errors if "script" in e.lower()], errors
