"""A liaison on a phone (390 × 844, headless Chromium): sign in → home → 本单位任务 → task → 签收 → report
with a photo as 佐证材料 → 申请办结 → the plan's task list → 我的催办, with no page wider than the screen, and the
home's and the task page's buttons and fields at least 44 px high.

重庆证监局 (zjj) leads 一（三）; 市金融办 (duban) has sent it a reminder first, so that the home page,
the menu's badge and 我的催办 have something to show. Screenshots of the screen as the liaison sees it
go to test-artifacts/phone-*.png; with TRACKER_README_SCREENSHOTS=1 also to docs/screenshots/ (the
pictures the README shows).
"""
from __future__ import annotations

import os

from playwright.sync_api import Page, expect

from tests.helpers.browser import nav_to, shot, sign_in, unfold_top_bar
from tests.helpers.paths import ROOT
from tests.helpers.reports import task_id

PHONE = {"width": 390, "height": 844}


def photo_png(path) -> None:
    """Write a small photo-like PNG (a colour gradient) at ``path``, as a phone's picture of a document."""
    from PIL import Image

    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4, y * 5, 128) for y in range(48) for x in range(64)])
    image.save(path, "PNG")


def assert_touchable(page: Page) -> None:
    """Every button, button-like link and field shown is at least 44 px high: a thumb hits it (they were 31 to 38 px:
    报送进展 on the home page, the task page's jump links, 提交进展, the fields); so are the links followed on their own
    (a task's name in a card, the breadcrumb: 20–24 px), a checkbox's or radio's label, its tap area, and a line of the
    split form's units (34 px). A link stretched over its card (the dashboard's count cards: .stretched-link) is tapped
    anywhere on the card: the card is measured, and a tap near its top corner must land on the link."""
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.btn, button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, '
        + '.breadcrumb-item > a, td > a:not(.btn), .form-check-label, .split-checks > label, a.stretched-link')]
      .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
      .map(el => {
        if (!el.classList.contains('stretched-link')) return [el.innerText || el.name || el.id, el.getBoundingClientRect().height];
        el.closest('.card').scrollIntoView({block: 'center', behavior: 'instant'});  // a point off the screen hits nothing
        const card = el.closest('.card').getBoundingClientRect();
        const hit = document.elementFromPoint(card.left + 6, card.top + 6);
        return [el.innerText + (hit === el ? '' : ' (a tap on its card misses it)'), hit === el ? card.height : 0];
      })
      .filter(([, height]) => height < 44)""")
    assert not small, f"{page.url}: under 44 px high: {small}"


def assert_fits(page: Page) -> None:
    """No horizontal scrolling: the document is no wider than the window."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width} px wide on a {inner} px screen"


def phone_shot(page: Page, name: str) -> None:
    """The screen as the liaison sees it (not the full page): test-artifacts/, and docs/screenshots/ on request."""
    if os.environ.get("TRACKER_README_SCREENSHOTS") == "1":  # first: the full-page shot moves the scroll
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / f"{name}.png"))
    shot(page, name)


def in_first_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["y"] < PHONE["height"]


def open_menu(page: Page, link: str) -> None:
    """Check the top bar is folded away, then unfold it and follow ``link`` (helpers.browser.nav_to waits until it is open)."""
    expect(page.locator("#main-nav")).not_to_be_visible()  # folded away on a phone
    nav_to(page, None, link)


def test_browser_phone_liaison_walk_fits_the_screen(live_server, browser, seeded_template, app, tmp_path):
    passwords = seeded_template.passwords
    base = live_server
    tid = task_id(app, ["一", "（三）"])

    office = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(office, base, "duban", passwords["duban"])
    office.goto(f"{base}/tasks/{tid}")
    office.get_by_label("催办单位").select_option(label="重庆证监局（牵头单位）")
    office.get_by_label("催办要求").fill("请于本周内签收并报送摸底进展。")
    with office.expect_navigation():
        office.get_by_role("button", name="发出催办", exact=True).click()

    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base}/login")
    assert_fits(page)
    sign_in(page, base, "zjj", passwords["zjj"])

    # Home: the bar is one line (the menu folded behind its toggler, with the reminder count on it),
    # the tables are cards, and every 报送进展 button lies on the screen.
    assert page.locator("nav.navbar").bounding_box()["height"] < 80
    assert page.locator("#navbar-toggler .badge").inner_text() == "1"
    assert_fits(page)
    buttons = page.locator("#to-report a.btn", has_text="报送进展")
    assert buttons.count() > 0
    for index in range(min(buttons.count(), 5)):
        box = buttons.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["height"] < 50  # one line, not one character per line
    assert page.locator("#to-report thead").is_hidden()
    phone_shot(page, "phone-home")
    assert_touchable(page)
    unfold_top_bar(page)
    assert_fits(page)
    phone_shot(page, "phone-menu")
    page.locator("#navbar-toggler").click()
    page.locator("#main-nav").wait_for(state="hidden")  # folded again

    # 本单位任务: cards, each with its task link and 报送进展 button.
    open_menu(page, "本单位任务")
    expect(page.get_by_role("heading", name="本单位任务")).to_be_visible()
    assert_fits(page)
    phone_shot(page, "phone-mine")
    with page.expect_navigation():
        page.locator(f'table.table-cards a[href="/tasks/{tid}"]').first.click()

    # The task: the jump links are on the first screen; 签收 then report with a photo.
    assert_fits(page)
    assert in_first_screen(page, "#task-jump")
    assert_touchable(page)
    phone_shot(page, "phone-task")
    page.locator("#task-jump").get_by_role("link", name="签收任务 ↓").click()
    with page.expect_navigation():
        page.get_by_role("button", name="签收", exact=True).click()
    assert "已签收" in page.locator("#task-status").inner_text()
    assert_fits(page)

    page.locator("#task-jump").get_by_role("link", name="报送进展 ↓").click()
    # the jump (a smooth scroll) brings the form's top to the top of the screen, under the jump links
    for _ in range(50):
        gap = page.evaluate("Math.abs(document.querySelector('#report-form').getBoundingClientRect().top"
                            " - document.querySelector('#task-jump').getBoundingClientRect().bottom)")
        if gap < 40:
            break
        page.wait_for_timeout(100)
    assert gap < 40, f"the report form is {gap} px away from the top of the screen after the jump"
    assert page.evaluate("window.scrollY") > 0 and page.get_by_label("进展情况").is_visible()
    page.get_by_label("进展情况").fill("已完成辖区证券经营机构摸底，现场照片见佐证材料。")
    photo = tmp_path / "现场照片.png"
    photo_png(photo)
    page.get_by_label("佐证材料（可选）").set_input_files(str(photo))
    page.evaluate("document.querySelector('#report-form').scrollIntoView({behavior: 'instant'})")
    phone_shot(page, "phone-report")
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    expect(page.get_by_role("link", name="现场照片.png")).to_be_visible()
    assert_fits(page)

    # 申请办结 from the jump link.
    page.locator("#task-jump").get_by_role("link", name="申请办结 ↓").click()
    page.get_by_label("办结说明（完成情况）").fill("摸底和整改均已完成。")
    page.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent (workflow56)
    with page.expect_navigation():
        page.get_by_role("button", name="申请办结", exact=True).click()
    assert "申请办结" in page.locator("#task-status").inner_text()
    assert_fits(page)

    # The plan's task list (the breadcrumb's link): cards too.
    with page.expect_navigation():
        page.locator(".breadcrumb a").nth(1).click()
    expect(page.locator(f'table.table-cards a[href="/tasks/{tid}"]')).to_be_visible()
    assert page.locator("table.table-cards thead").is_hidden()
    assert_fits(page)

    # 我的催办: the reminder as a card, confirmed from there.
    open_menu(page, "我的催办")
    assert_fits(page)
    card = page.locator("table.reminders tbody tr").first
    assert "请于本周内签收并报送摸底进展。" in card.inner_text()
    phone_shot(page, "phone-reminders")
    with page.expect_navigation():
        card.get_by_role("button", name="确认收到").click()
    assert "已确认" in page.locator("table.reminders tbody tr").first.inner_text()
    assert_fits(page)


def test_browser_phone_plan_list_report_correction_and_bulletin_fit_the_screen(live_server, browser, seeded_template,
                                                                               app):
    """At 22:00 on a phone, zjj opens 方案列表 (one card per plan, its 下载工作台账 button on the screen), files a
    report with a typo, presses 修改 on it and saves the fix; the office opens the month's 通报 on a phone.
    No page is wider than the screen (the bulletin's wide tables scroll inside their own box)."""
    passwords, base = seeded_template.passwords, live_server
    tid = task_id(app, ["一", "（三）"])
    page = browser.new_page(viewport=PHONE)
    sign_in(page, base, "zjj", passwords["zjj"])

    open_menu(page, "方案列表")
    assert page.locator("#plan-list thead").is_hidden()
    button = page.locator("#plan-list").get_by_role("link", name="下载工作台账").first
    box = button.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"] and box["height"] < 50  # one line, not a character a line
    assert_fits(page)
    phone_shot(page, "phone-plans")

    page.goto(f"{base}/tasks/{tid}#report-form")
    page.get_by_label("进展情况").fill("检查 12 家，已责令整该。")
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    with page.expect_navigation():
        page.locator("#reports ~ .report").get_by_role("link", name="修改").click()
    assert_fits(page)
    page.get_by_label("进展情况").fill("检查 12 家，已责令整改。")
    phone_shot(page, "phone-report-correction")
    with page.expect_navigation():
        page.get_by_role("button", name="保存修改", exact=True).click()
    expect(page.get_by_text("已修改进展情况，原文记入办理记录。")).to_be_visible()
    assert page.locator(".report .report-text").first.inner_text() == "检查 12 家，已责令整改。"
    assert_fits(page)

    office = browser.new_page(viewport=PHONE)
    sign_in(office, base, "duban", passwords["duban"])
    office.goto(f"{base}/bulletin")
    expect(office.locator("#bulletin-ranking")).to_be_attached()
    assert_fits(office)
    phone_shot(office, "phone-bulletin")


def test_browser_phone_supervisor_filtering_to_red_lands_on_the_filtered_list(live_server, browser, seeded_template):
    # 市金融办 on a phone opens the folded filters, picks 灯色 红灯 and presses 筛选: the list it asked for is on
    # the screen, not three screens down under the figures.
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/dashboard")
    page.locator("#filter-fold > summary").click()
    page.locator("#f-light").select_option("red")
    with page.expect_navigation():
        page.get_by_role("button", name="筛选", exact=True).click()
    assert "light=red" in page.url and page.url.endswith("#task-list")
    # the browser scrolls to #task-list once the page is laid out (fonts and all): look for up to 5 s
    for _ in range(50):
        heading = page.locator("#h-tasks").bounding_box()
        if 0 <= heading["y"] < PHONE["height"] / 2:
            break
        page.wait_for_timeout(100)
    assert 0 <= heading["y"] < PHONE["height"] / 2, heading
    # the figures follow the list
    assert page.evaluate("document.getElementById('task-list').compareDocumentPosition("
                         "document.getElementById('h-units-chart')) & Node.DOCUMENT_POSITION_FOLLOWING")
    phone_shot(page, "phone-dashboard-red")


def test_browser_phone_office_ticks_split_units_and_taps_count_cards_with_a_thumb(live_server, browser,
                                                                                 seeded_template, app):
    """市金融办 on a phone: the dashboard's count cards are tapped anywhere on the card (74 px high, the whole card is
    the link), and on 一（一）'s 分解任务 form each unit's line is 44 px high (it was 34 px), ticked by its name. At the
    desk (1366 × 900) the split list keeps its tighter lines."""
    passwords, base = seeded_template.passwords, live_server
    tid = task_id(app, ["一", "（一）"])
    page = browser.new_page(viewport=PHONE)
    sign_in(page, base, "duban", passwords["duban"])
    page.goto(f"{base}/dashboard")
    expect(page.locator(".headline a.stretched-link").first).to_be_visible()
    assert_touchable(page)
    assert_fits(page)
    phone_shot(page, "phone-dashboard-cards")
    with page.expect_navigation():
        card = page.locator(".headline", has_text="任务总数")
        box = card.bounding_box()
        page.mouse.click(box["x"] + 8, box["y"] + 8)  # the caption's corner, not the figure
    assert page.url.endswith("#task-list")

    page.goto(f"{base}/tasks/{tid}")
    lines = page.locator("#split-form .split-checks > label")
    assert lines.count() > 3
    assert_touchable(page)
    assert_fits(page)
    lines.first.scroll_into_view_if_needed()
    phone_shot(page, "phone-split-units")
    first = lines.first
    box = first.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 10, box["y"] + box["height"] - 4)  # the line's far edge, under its name
    expect(first.locator("input")).to_be_checked()

    desk = browser.new_page(viewport={"width": 1366, "height": 900})
    sign_in(desk, base, "duban", passwords["duban"])
    desk.goto(f"{base}/tasks/{tid}")
    heights = desk.evaluate("[...document.querySelectorAll('.split-checks > label')].map("
                            "el => el.getBoundingClientRect().height)")
    assert heights and max(heights) < 40, heights  # the desk keeps its list as it was
