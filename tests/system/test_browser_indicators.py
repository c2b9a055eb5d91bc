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
    expect(page.get_by_text(f"预览：{year}年{int(month)}月，2 家机构，2 项数据")).to_be_visible()
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


def test_browser_indicators_an_entitys_trend_chart_and_its_table_at_desktop_and_phone_size(
        app, seeded_template, live_server, browser):
    from tracker.models import Indicator, IndicatorFigure

    with app.app_context():
        bank = Unit(name="建设银行", kind=UnitKind.INSTITUTION)
        db.session.add(bank)
        db.session.flush()
        deposit = db.session.query(Indicator).filter_by(name="人民币存款余额").one()
        for index in range(19):  # 2023-01 … 2024-07
            year, month = 2023 + index // 12, index % 12 + 1
            db.session.add(IndicatorFigure(unit_id=bank.id, indicator_id=deposit.id, period=f"{year}-{month:02d}",
                                           value=100.0 + index))
        db.session.commit()
        bank_id = bank.id
    url = f"{live_server}/indicators/entities/{bank_id}?indicator=人民币存款余额&period=2024-07"
    for name, viewport in (("desktop", {"width": 1400, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page = browser.new_page(viewport=viewport)
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        page.goto(url)
        expect(page.get_by_role("heading", name="建设银行 · 指标走势")).to_be_visible()
        expect(page.locator("#trend-values")).to_be_visible()
        expect(page.locator("#trend-yoy")).to_be_visible()
        # Both charts were drawn by the vendored Chart.js (no inline script: the CSP would refuse it).
        assert page.evaluate("() => ['trend-values', 'trend-yoy'].every(id => Boolean(Chart.getChart(id)))")
        # 2024-07: 118 亿元, a year before 106 → 同比 11.32 %; the table carries every charted figure.
        last = page.locator("#trend-table tbody tr").last
        expect(last).to_contain_text("2024年7月")  # as people write it (periods.period_label)
        expect(last).to_contain_text("118.00")
        expect(last).to_contain_text("11.32")
        assert page.locator("#trend-table tbody tr").count() == 12
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"] + 1
        shot(page, f"indicators-trend-{name}")
        assert not errors, errors
        page.close()


def test_browser_quantified_task_on_the_task_page_and_the_dashboard_at_desktop_and_phone_size(
        app, seeded_template, live_server, browser):
    from datetime import date

    from sqlalchemy import select

    from tracker.clock import beijing_today
    from tracker.models import ProgressReport, Task, User

    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task)) if t.path == ["一", "（三）"])
        task.target_value, task.target_unit = 12.0, "%（较年初增长）"
        task.due_date = date(beijing_today().year - 1, 12, 31)  # its span is over: 序时进度 100 %
        zjj = db.session.scalar(select(User).where(User.username == "zjj"))
        db.session.add(ProgressReport(task=task, unit_id=zjj.unit_id, author=zjj, progress="已完成一半。",
                                      achieved_value=6.0))
        db.session.commit()
        tid = task.id
    for name, viewport in (("desktop", {"width": 1400, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page = browser.new_page(viewport=viewport)
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        page.goto(f"{live_server}/tasks/{tid}")
        target = page.locator("#task-target")
        expect(target).to_contain_text("完成率 50.00%")  # 6 of 12
        expect(target).to_contain_text("序时进度 100.00%")
        expect(target.locator(".light-red")).to_be_visible()
        shot(page, f"quantified-task-{name}")
        page.goto(f"{live_server}/dashboard")
        row = page.locator("#quantified-table tbody tr").first
        expect(row.locator(".light-red")).to_be_visible()
        expect(row).to_contain_text("6%（较年初增长）")
        shot(page, f"quantified-dashboard-{name}")
        assert not errors, errors
        page.close()
