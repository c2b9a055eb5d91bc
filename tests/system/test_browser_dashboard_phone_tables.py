"""The dashboard's count tables and trend table fit a phone held upright (headless Chromium, 390 × 844).

The head of 市金融办 opens the dashboard on her phone before the weekly meeting. 按方案统计, 按单位统计 and 逐月趋势 show
each plan's or unit's name with 任务数, 红灯, 逾期 and 本期未报送, and each month's 办结, 逾期 and rates, without
scrolling sideways inside their boxes; a line above each says where the other columns are. At her desk (1366 × 900)
every column is there as before. (tracker.css .phone-fold.)
"""
from __future__ import annotations

from playwright.sync_api import Locator, expect

from tests.helpers.browser import shot, sign_in

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def shown_captions(table: Locator) -> list[str]:
    """The captions of ``table``'s visible header cells, in order."""
    return [th.inner_text().strip() for th in table.locator("thead th").all() if th.is_visible()]


def fits(table: Locator) -> bool:
    """Whether ``table`` shows all it holds without being scrolled sideways in its box."""
    return table.evaluate("t => t.scrollWidth <= t.clientWidth && t.parentElement.scrollWidth <= t.parentElement.clientWidth")


def test_the_dashboards_count_and_trend_tables_fit_a_phone_and_show_every_column_at_a_desk(
        live_server, browser, seeded_template):
    phone = browser.new_page(viewport=PHONE)
    sign_in(phone, live_server, "duban", seeded_template.passwords["duban"])
    phone.goto(f"{live_server}/dashboard")
    for name in ("by-plan", "by-unit"):
        table = phone.locator(f"#{name}")
        table.scroll_into_view_if_needed()
        assert shown_captions(table) == [("方案" if name == "by-plan" else "牵头单位"), "任务数", "红灯", "逾期", "本期未报送"]
        assert fits(table), f"#{name} scrolls sideways at 390 px"
        expect(phone.locator(f"#{name}-phone-note")).to_contain_text("请把手机横过来或在电脑上查看")
    trend = phone.locator("#trend-table")
    trend.scroll_into_view_if_needed()
    assert shown_captions(trend) == ["月份", "当月办结", "月末逾期", "按期办结率", "报送及时率"]
    assert fits(trend), "#trend-table scrolls sideways at 390 px"
    expect(phone.locator("#trend-phone-note")).to_be_visible()
    phone.locator("#by-unit").scroll_into_view_if_needed()
    shot(phone, "dashboard-count-tables-phone")

    desk = browser.new_page(viewport=DESK)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    desk.goto(f"{live_server}/dashboard")
    by_plan = shown_captions(desk.locator("#by-plan"))
    assert by_plan[:2] == ["方案", "任务数"] and by_plan[-5:] == ["红灯", "黄灯", "绿灯", "逾期", "本期未报送"]
    assert "已办结" in by_plan
    assert len(shown_captions(desk.locator("#trend-table"))) == 8
    expect(desk.locator("#trend-phone-note")).to_be_hidden()
    shot(desk, "dashboard-count-tables-desk")
