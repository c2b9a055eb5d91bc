"""发布通报 in headless Chromium: the office publishes the month's 通报 at her desk, a liaison reads it on a phone.

At her desk (1366 × 900) 市金融办's duban previews this month's 通报, presses 发布通报 and lands on the published
第1版; pressing it again on the preview makes nothing new. 重庆证监局's liaison zjj, on a phone held upright
(390 × 844), is told in 通知, finds the 通报 on the home page and on 通报, opens it: the page fits the screen and every
button and link to follow is a thumb's size. (services/figures/publishing.py)
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.helpers.browser import go, no_horizontal_scroll, press, shot, sign_in

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def small_targets(page: Page, selector: str) -> list:
    """The elements of ``selector`` shown on ``page`` that are under 44 px high."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
      .filter(el => el.getClientRects().length)
      .map(el => [el.innerText, el.getBoundingClientRect().height]).filter(([, height]) => height < 44)""", selector)


def test_the_office_publishes_the_bulletin_and_a_liaison_reads_it_on_a_phone(app, seeded_template, live_server,
                                                                              browser):
    desk = browser.new_page(viewport=DESK)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    go(desk, f"{live_server}/bulletin")
    expect(desk.locator("#bulletin-publish")).to_contain_text("本期通报尚未发布")
    shot(desk, "bulletin-publish-desk")
    desk.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent to every unit
    press(desk, "发布通报")
    expect(desk.locator("#published-version")).to_have_text("第1版")
    expect(desk.locator(".alert-success")).to_contain_text("并已通知各单位（联络员、单位负责人）")
    title = desk.locator("article h1").inner_text()
    shot(desk, "bulletin-published-desk")
    go(desk, f"{live_server}/bulletin")
    expect(desk.locator("#bulletin-publish")).to_contain_text("本期已发布 1 个版本")
    desk.once("dialog", lambda dialog: dialog.accept())
    press(desk, "发布第2版")  # nothing moved since: nothing new
    expect(desk.locator(".alert-info").first).to_contain_text("没有重复发布")

    phone = browser.new_page(viewport=PHONE)
    sign_in(phone, live_server, "zjj", seeded_template.passwords["zjj"])
    go(phone, f"{live_server}/")
    home = phone.locator("#home-bulletins")
    expect(home).to_contain_text(title)
    assert no_horizontal_scroll(phone)
    assert not small_targets(phone, "#home-bulletins a, #home-bulletins .btn")
    go(phone, f"{live_server}/notifications")
    press(phone, "查看通报")
    expect(phone.locator("#published-version")).to_have_text("第1版")
    expect(phone.locator("article h1")).to_have_text(title)
    assert no_horizontal_scroll(phone), "the published 通报 scrolls sideways on a phone"
    assert not small_targets(phone, "#published-head a, #published-head .btn")
    shot(phone, "bulletin-published-phone")
    go(phone, f"{live_server}/bulletins")
    assert no_horizontal_scroll(phone)
    assert not small_targets(phone, "#published-bulletins a")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Word").first.click()
    assert download.value.suggested_filename.endswith("第1版.docx")
    shot(phone, "bulletins-list-phone")
