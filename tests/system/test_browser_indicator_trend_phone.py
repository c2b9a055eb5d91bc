"""A supervisor reads one bank's 指标走势 on her phone before the monthly meeting, then at her desk (headless Chromium).

The table said 2025-06 … 2026-05 and, on a 360 px phone, its last column (比年初增减) lay beyond the screen's right
edge, to be found only by swiping the table; the chart's axis and its tooltips said 2026-05 too, and the 同比增速 line
ran straight through the months that have none. Now every month reads as people write it (2026年5月,
periods.period_label), the four columns are on the screen, at 360 × 740 as at 1366 × 900 (tracker.css .figure-trend),
and a month without a figure is a gap in the line.
"""
from __future__ import annotations

from playwright.sync_api import Page

from tests.helpers.browser import no_horizontal_scroll, shot, sign_in
from tracker.extensions import db
from tracker.models import Indicator, IndicatorFigure, Unit, UnitKind

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 900}
MONTHS = [f"2025-{m:02d}" for m in range(6, 13)] + [f"2026-{m:02d}" for m in range(1, 6)]


def add_balances(app) -> int:
    """A bank with the long name a phone wraps: 12 months of deposits to May 2026, with a year before for three."""
    with app.app_context():
        deposit = db.session.query(Indicator).filter_by(name="人民币存款余额").one()
        bank = Unit(name="中国农业发展银行某某市分行", kind=UnitKind.INSTITUTION)
        db.session.add(bank)
        db.session.flush()
        figures = {month: 1000 + step * 13.7 for step, month in enumerate(MONTHS)}
        figures.update({"2024-06": 900.0, "2024-12": 950.0, "2025-05": 990.0})
        for month, value in figures.items():
            db.session.add(IndicatorFigure(unit_id=bank.id, indicator_id=deposit.id, period=month, value=value))
        db.session.commit()
        return bank.id


def columns_on_screen(page: Page) -> list[str]:
    """The captions of the trend table's header cells lying wholly within the screen's width."""
    width = page.viewport_size["width"]
    shown = []
    for cell in page.locator("#trend-table thead th").all():
        box = cell.bounding_box()
        if box and box["x"] >= 0 and box["x"] + box["width"] <= width:
            shown.append(cell.inner_text().replace("\n", ""))
    return shown


def test_a_banks_trend_reads_in_chinese_months_with_every_column_on_a_phone(app, seeded_template, live_server, browser):
    bank = add_balances(app)
    for name, viewport in (("phone", PHONE), ("desk", DESK)):
        page = browser.new_page(viewport=viewport)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        page.goto(f"{live_server}/indicators/entities/{bank}?indicator=人民币存款余额&period=2026-05")
        page.wait_for_load_state("networkidle")
        shot(page, f"indicator-trend-{name}")
        assert columns_on_screen(page) == ["期间", "本月数（亿元）", "同比增速（%）", "比年初增减（亿元）"], name
        assert no_horizontal_scroll(page), name
        rows = page.locator("#trend-table tbody th")
        assert rows.first.inner_text() == "2025年6月" and rows.last.inner_text() == "2026年5月"
        # the chart's axis and the tooltip a finger brings up name the same months
        labels = page.evaluate("[...document.querySelectorAll('canvas.tracker-chart')]"
                               ".map(c => Chart.getChart(c).data.labels)")
        assert labels == [[f"{int(m[:4])}年{int(m[5:])}月" for m in MONTHS]] * 2, name
        tooltip = page.evaluate("""() => {
            const chart = Chart.getChart(document.querySelector('#trend-values'));
            chart.tooltip.setActiveElements([{datasetIndex: 0, index: 11}], {x: 0, y: 0});
            chart.update();
            return chart.tooltip.title; }""")
        assert tooltip == ["2026年5月"], name
        # 同比增速 exists for three months only: the line does not run through the nine without one as if it did
        assert page.evaluate("[...document.querySelectorAll('canvas.tracker-chart')]"
                             ".map(c => Chart.getChart(c).data.datasets[0].spanGaps)") == [False, False], name
        assert page.locator("#period").input_value() == "2026-05"  # the form keeps the month as typed
        page.close()
