"""In headless Chromium: the dashboard draws its charts under the strict CSP; a liaison's home leads to the report form."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from tests.helpers.browser import shot, sign_in


def test_dashboard_browser_charts_draw_without_csp_errors(live_server, browser, seeded_template):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    expect(page.get_by_role("heading", name="督办总览")).to_be_visible()
    drawn = page.evaluate("""() => Array.from(document.querySelectorAll('canvas.tracker-chart'))
        .map(c => Boolean(Chart.getChart(c)) && c.width > 0)""")
    assert drawn == [True, True, True, True]
    # Only script and style problems count here: Bootstrap's select arrow is a data: image that the CSP
    # (default-src 'self') blocks on every page with a <select>, and the browser asks for a favicon.
    assert [p for p in problems if "script" in p.lower() or "style" in p.lower() or "chart" in p.lower()] == []
    page.get_by_label("灯色", exact=True).select_option("yellow")
    page.get_by_label("层级", exact=True).select_option("measures")  # 方案任务 (issue 18: read per level)
    with page.expect_navigation():
        page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(re.escape("light=yellow")))
    expect(page).to_have_url(re.compile(re.escape("level=measures")))
    expect(page.get_by_label("层级", exact=True)).to_have_value("measures")
    shot(page, "dashboard")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "dashboard-phone")


def test_dashboard_browser_liaison_reports_from_home_in_one_click(live_server, browser, seeded_template):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    expect(page.get_by_role("heading", name="重庆证监局 · 本单位任务")).to_be_visible()
    shot(page, "liaison-home")
    with page.expect_navigation():
        page.locator("#to-report").get_by_role("link", name="报送进展").first.click()
    expect(page).to_have_url(re.compile(re.escape("#report-form") + "$"))
    expect(page.get_by_label("进展情况")).to_be_visible()
