"""A liaison on her phone (390 × 844) asks for more time before a deadline, then signs out.

重庆证监局's liaison (zjj) opens 一（三）, due in three days, and jumps to 申请延期: the form says what the deadline is
now. Tired, she picks yesterday's date: the page comes back open at the date, the reason beside it, her words kept (it
was a red line at the top, the form three screens below). She picks a date two weeks on and the request is filed.
Then she unfolds the top bar and taps 退出: every item of the bar is a thumb's height (退出 was 32 px high).
"""
from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from tests.helpers.browser import open_dropdown, shot, sign_in, unfold_top_bar
from tests.helpers.reports import task_id
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import ExtensionRequest, Task

PHONE = {"width": 390, "height": 844}
REASON = "两家机构因年审延迟提交材料，需延期两周。"


def on_screen(box) -> bool:
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]


def test_a_liaison_asks_for_more_time_on_her_phone_and_a_wrong_date_is_shown_where_she_typed_it(
        live_server, browser, seeded_template, app):
    tid = task_id(app, ["一", "（三）"])
    due = beijing_today() + timedelta(days=3)
    with app.app_context():
        task = db.session.get(Task, tid)
        task.deadline, task.due_date = f"{due.year}年{due.month}月{due.day}日前", due
        db.session.commit()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_role("link", name="申请延期 ↓").click()
    expect(page.locator("#extension-current")).to_contain_text(f"现完成时限：{due.year}年{due.month}月{due.day}日前")

    yesterday: date = beijing_today() - timedelta(days=1)
    page.get_by_label("申请延期至").fill(yesterday.isoformat())
    page.get_by_label("延期理由").fill(REASON)
    with page.expect_navigation():
        page.get_by_role("button", name="提交延期申请").click()
    date_field = page.get_by_label("申请延期至")
    expect(date_field).to_have_class("form-control is-invalid")
    reason = page.locator("#extension_date ~ .invalid-feedback")
    expect(reason).to_have_text("“申请延期至”必须是今天以后的日期。")
    page.wait_for_function("document.readyState === 'complete'")
    assert on_screen(date_field.bounding_box()) and on_screen(reason.bounding_box()), "opened where she typed"
    expect(page.get_by_label("延期理由")).to_have_value(REASON)
    shot(page, "phone-extension-refused")
    with app.app_context():
        assert db.session.query(ExtensionRequest).filter_by(task_id=tid).count() == 0

    date_field.fill((due + timedelta(days=14)).isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="提交延期申请").click()
    expect(page.locator(".alert-success")).to_contain_text("已提交延期申请，请等待督办部门审批")
    with app.app_context():
        assert db.session.query(ExtensionRequest).filter_by(task_id=tid).count() == 1

    # the top bar unfolded: each page, menu and item a thumb's height, 退出 included
    unfold_top_bar(page)
    items = open_dropdown(page, page.locator("#nav-account"))
    heights = {text.strip(): box["height"] for text, box in (
        (element.inner_text(), element.bounding_box())
        for element in page.locator("#main-nav .nav-link, #navbar-menus .nav-link, #navbar-menus .dropdown-item:visible")
        .all())}
    assert heights and min(heights.values()) >= 44, heights
    shot(page, "phone-top-bar-account")
    with page.expect_navigation():
        items.get_by_role("button", name="退出").click()
    expect(page.locator(".alert")).to_contain_text("您已安全退出")
    context.close()
