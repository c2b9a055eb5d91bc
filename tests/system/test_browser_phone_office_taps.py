"""The supervising office on a phone (390 × 844, headless Chromium): every link and box it taps is a thumb's size.

市金融办 (duban) urges 重庆证监局 on 一（三） at her desk, then on the phone a second time the same day: the
确认今天再次催办 box, the breadcrumb's links and the task names of the plan page are at least 44 px high (they were
20–24 px), the 办结 card is one jump away, and she closes the task from it. At her desk (1366 × 900) the same links
and boxes keep their size (tracker.css changes them below the md breakpoint only).
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.helpers.browser import go, no_horizontal_scroll, press, shot, sign_in
from tests.helpers.reports import task_id

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}
TAPPED = ".breadcrumb-item > a, td > a:not(.btn), .form-check-label"


def heights(page: Page, selector: str) -> list[tuple[str, int]]:
    """(text, height in px) of each element of ``selector`` shown on ``page``."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
      .filter(el => el.getClientRects().length)
      .map(el => [el.innerText.slice(0, 20), Math.round(el.getBoundingClientRect().height)])""", selector)


def urge(page: Page) -> None:
    page.get_by_label("催办单位").select_option(index=0)
    page.get_by_label("催办要求").fill("请于本周内报送摸底进展。")


def test_the_office_taps_links_and_boxes_of_a_thumbs_size_and_closes_a_task_on_a_phone(
        live_server, browser, seeded_template, app):
    tid = task_id(app, ["一", "（三）"])
    desk = browser.new_page(viewport=DESK)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    go(desk, f"{live_server}/tasks/{tid}")
    urge(desk)
    press(desk, "发出催办")
    desk_sizes = heights(desk, TAPPED)
    assert "确认今天再次催办" in [text for text, _ in desk_sizes]
    assert all(height < 30 for _, height in desk_sizes), desk_sizes  # the desk keeps Bootstrap's sizes

    phone = browser.new_page(viewport=PHONE)
    sign_in(phone, live_server, "duban", seeded_template.passwords["duban"])
    go(phone, f"{live_server}/tasks/{tid}")
    assert no_horizontal_scroll(phone)
    small = [(text, height) for text, height in heights(phone, TAPPED) if height < 44]
    assert not small, f"under 44 px on the task page: {small}"
    again = phone.get_by_label("确认今天再次催办")
    label = phone.locator("label[for=reminder_again]")
    label.click()  # the words tick the box
    expect(again).to_be_checked()
    shot(phone, "phone-office-task")

    go(phone, f"{live_server}/plans/1")
    small = [(text, height) for text, height in heights(phone, TAPPED) if height < 44]
    assert not small, f"under 44 px on the plan page: {small}"
    assert no_horizontal_scroll(phone)
    shot(phone, "phone-office-plan")

    go(phone, f"{live_server}/tasks/{tid}")
    phone.locator("#task-jump").get_by_role("link", name="办结 ↓").click()
    phone.get_by_label("办结意见（选填；子任务未办结时必填，写明理由）").fill("经实地核查，已全部完成。")
    phone.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before the task is closed
    press(phone, "办结")
    expect(phone.locator("#task-status")).to_contain_text("已办结")
    expect(phone.locator("#close-task-form")).to_have_count(0)
    assert no_horizontal_scroll(phone)
