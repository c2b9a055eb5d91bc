"""On a phone the task lists say each task's 方案 once, above its cards, not on every card (headless Chromium).

A liaison (zjj) opens her home and 本单位任务 at 390 × 844, the supervising office (duban) the dashboard's 任务清单:
the plan's title stands once as a heading over the cards of that plan, and no card repeats it, so more tasks fit on a
screen. At 1366 × 900 the tables keep their 方案 column and show no such heading.
"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.helpers.browser import shot, sign_in

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PLAN = "重庆市金融去杠杆防风险专项方案"


def cards_per_screen(page, table: str) -> int:
    """How many task cards of ``table`` begin within the first screen's height, counted from the first card."""
    return page.evaluate("""(table) => {
        const rows = [...document.querySelectorAll(table + ' > tbody > tr:not(.plan-group)')];
        const top = rows[0].getBoundingClientRect().top;
        return rows.filter(r => r.getBoundingClientRect().top - top < window.innerHeight).length; }""", table)


def test_a_liaison_sees_the_plan_once_over_her_task_cards(live_server, browser, seeded_template):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    for table in ("#to-report", "#group-green table"):
        cards = page.locator(f"{table} > tbody > tr:not(.plan-group)")
        if cards.count() == 0:
            continue
        expect(page.locator(f"{table} tr.plan-group")).to_have_count(1)
        expect(page.locator(f"{table} tr.plan-group")).to_have_text(f"方案：{PLAN}")
        expect(page.locator(f"{table} tr.plan-group")).to_be_visible()
        expect(cards.first.locator("td.plan-cell")).to_be_hidden()
        assert page.locator(f"{table} td.plan-cell:visible").count() == 0
    shot(page, "phone-home-plan-groups")
    page.goto(f"{live_server}/my-tasks")
    expect(page.locator("tr.plan-group:visible")).to_have_count(1)
    assert page.locator("td.plan-cell:visible").count() == 0


def test_the_dashboard_list_names_its_plan_once_on_a_phone_and_keeps_its_column_on_a_desktop(
        live_server, browser, seeded_template):
    phone = browser.new_page(viewport=PHONE)
    sign_in(phone, live_server, "duban", seeded_template.passwords["duban"])
    phone.goto(f"{live_server}/dashboard")
    expect(phone.locator("#task-table tr.plan-group")).to_have_count(1)
    expect(phone.locator("#task-table tr.plan-group")).to_be_visible()
    assert phone.locator("#task-table td.plan-cell:visible").count() == 0
    assert cards_per_screen(phone, "#task-table") >= 3
    shot(phone, "phone-dashboard-plan-groups")

    desk = browser.new_page(viewport=DESKTOP)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    desk.goto(f"{live_server}/dashboard")
    expect(desk.locator("#task-table th", has_text="方案").first).to_be_visible()
    expect(desk.locator("#task-table tr.plan-group")).to_be_hidden()
    expect(desk.locator("#task-table td.plan-cell").first).to_have_text(PLAN)
    expect(desk.locator("#task-table td.plan-cell").first).to_be_visible()
