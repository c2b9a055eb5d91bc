"""报送情况与催办 in headless Chromium: a unit's 催办 sends one reminder per lit task, so the page asks first.

The office pressed 催办该单位全部亮灯任务 and three reminders went out at once. Now a dialog says to whom and how many;
dismissed, nothing is sent; accepted, they go and the page says so. Looked at on a desktop (1366 × 900) and a phone.
"""
from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import func, select

from tests.helpers.browser import shot, sign_in
from tracker.extensions import db
from tracker.models import Reminder

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def reminders(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Reminder.id)))


def test_browser_a_units_催办_asks_first_and_a_no_sends_nothing(live_server, browser, seeded_template, app):
    before = reminders(app)
    for viewport, name in ((PHONE, "phone-reporting-confirm"), (DESKTOP, "desk-reporting-confirm")):
        page = browser.new_page(viewport=viewport)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        page.goto(f"{live_server}/plans/1/reporting")
        form = page.locator("form.remind-unit").first
        expect(form).to_be_visible()
        asked = []
        page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        form.locator("button[type=submit]").click()
        page.wait_for_timeout(300)
        assert asked and asked[0].startswith("将向") and "（1 个单位）发出" in asked[0] and "份催办" in asked[0], asked
        assert reminders(app) == before  # dismissed: nothing sent
        shot(page, name)
        page.close()
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/plans/1/reporting")
    button = page.locator("form.remind-unit button[type=submit]").first
    count = int(button.inner_text().split("（")[1].split(" 项")[0])
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        button.click()
    expect(page.get_by_text(f"份催办（其亮红灯或黄灯的任务各一份）")).to_be_visible()
    assert reminders(app) == before + count
