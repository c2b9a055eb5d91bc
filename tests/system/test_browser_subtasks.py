"""In a real headless Chromium (issue 18): the supervising office splits a task led by 各区县〔自治县〕人民政府
to its three districts in one action; each district's liaison finds its sub-task under 本单位任务 and
reports; the parent's roll-up follows. Runs on small_world plus tests/helpers/districts.py, served
from the empty app. Screenshots go to test-artifacts/ for a person to look at (desktop and phone)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import small_world
from tests.helpers.browser import press, shot, sign_in
from tests.helpers.districts import DISTRICTS, add_districts


@pytest.fixture
def app(empty_app):
    """The served app of this module (live_server reads ``app``): the small world and its 区县."""
    world = small_world.build(empty_app)
    empty_app.extensions["districts"] = add_districts(empty_app, world)
    return empty_app


def test_browser_subtasks_supervisor_splits_to_three_districts_and_the_rollup_follows(live_server, browser, app):
    base, districts = live_server, app.extensions["districts"]
    office = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(office, base, "sup", small_world.PASSWORD)
    office.goto(f"{base}/tasks/{districts.task}")
    expect(office.locator("#split-form")).to_be_visible()
    press(office, "分解给全部下级单位（各区县〔自治县〕人民政府）")
    expect(office.locator(".alert-success").first).to_contain_text("已分解为 3 项子任务")
    expect(office.locator("#rollup")).to_have_text("共 3 项子任务：已报送 0 项，已办结 0 项，红灯 0 项。")
    expect(office.locator(".subtask-row")).to_have_count(3)
    expect(office.locator("#split-members")).to_have_count(0)  # every member has its sub-task
    assert office.url.endswith("#subtasks")  # the page opens at 分解情况, the new sub-tasks in view
    shot(office, "subtasks-01-split")

    for count, (username, name) in enumerate(DISTRICTS.items(), start=1):
        district = browser.new_page(viewport={"width": 390, "height": 844} if count == 1 else {"width": 1400, "height": 900})
        sign_in(district, base, username, small_world.PASSWORD)
        district.goto(f"{base}/my-tasks")
        with district.expect_navigation():
            district.get_by_role("link", name="推进区县风险排查").first.click()
        expect(district.locator("#split-from")).to_contain_text("推进区县风险排查（各区县〔自治县〕人民政府牵头）")
        district.get_by_label("进展情况").fill(f"{name}已完成辖区风险排查 {count * 10} 家。")
        press(district, "提交进展")
        expect(district.locator(".alert-success").first).to_contain_text("进展已报送")
        if count == 1:
            shot(district, "subtasks-02-district-phone")
        district.close()
        office.reload()
        expect(office.locator("#rollup")).to_have_text(f"共 3 项子任务：已报送 {count} 项，已办结 0 项，红灯 0 项。")

    expect(office.locator(".subtask-row").filter(has_text="未报送")).to_have_count(0)
    shot(office, "subtasks-03-rollup")

    # The lead unit's office on a phone: each sub-task a card, its 序号 and date on one line each, nothing wider
    # than the screen (five columns used to squeeze 二（一）-1 and the units' names onto three lines).
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, base, "sup", small_world.PASSWORD)
    phone.goto(f"{base}/tasks/{districts.task}")
    number = phone.locator(".subtask-row td[data-label='序号'] a").first
    lines = number.evaluate("a => { const r = document.createRange(); r.selectNodeContents(a);"
                            " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }")
    assert lines == 1, "the 序号 stays on one line"
    assert number.bounding_box()["height"] >= 44, "the 序号 is a link a thumb can hit"
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # where a split lands: 分解情况's heading on the screen, clear of the sticky jump links
    phone.goto(f"{base}/tasks/{districts.task}#subtasks")
    # the browser scrolls there smoothly (Bootstrap's scroll-behavior), after goto returns: wait until the heading
    # has come to rest under the jump links (a heading that never gets there times out), then read the places
    phone.wait_for_function("""() => { const h = document.querySelector("#subtasks h2").getBoundingClientRect();
        const bar = document.getElementById("task-jump").getBoundingClientRect();
        return bar.bottom <= h.top && h.bottom <= window.innerHeight; }""", timeout=5000)
    heading, jumps = phone.locator("#subtasks h2").bounding_box(), phone.locator("#task-jump").bounding_box()
    assert jumps["y"] + jumps["height"] <= heading["y"] < 844, (jumps, heading)
    shot(phone, "subtasks-04-rollup-phone")


def test_browser_subtasks_registry_page_shows_the_unit_tree(live_server, browser, app):
    for viewport, name in (({"width": 1400, "height": 900}, "desktop"), ({"width": 390, "height": 844}, "phone")):
        page = browser.new_page(viewport=viewport)
        sign_in(page, live_server, "sup", small_world.PASSWORD)
        page.goto(f"{live_server}/admin/units")
        row = page.locator(".unit-row", has_text="渝中区人民政府")
        expect(row).to_be_visible()
        expect(row).to_contain_text("└ 渝中区人民政府")
        expect(row).to_contain_text("区县")
        shot(page, f"subtasks-04-unit-tree-{name}")
        with page.expect_navigation():
            page.locator(".unit-row", has_text="各区县〔自治县〕人民政府").get_by_role("link", name="管理").click()
        expect(page.locator("#unit-children")).to_contain_text("江北区人民政府")
        expect(page.get_by_label("类别")).to_have_value("group")
        shot(page, f"subtasks-05-unit-place-{name}")
        page.close()


def test_browser_subtasks_the_lead_unit_gathers_its_districts_reports_on_a_phone_and_sends_them(live_server, browser,
                                                                                                 app):
    # The group's liaison split its task to the districts; two reported. On its phone it presses 汇总子任务进展 under
    # 分解情况, lands on its report form filled with a line per district (the one not reported too), and sends it.
    from tracker.extensions import db
    from tracker.models import Task, User
    from tracker.services.plans.subtasks import split_to_members
    from tracker.services.workflow.progress import add_report
    from sqlalchemy import select

    base, districts = live_server, app.extensions["districts"]
    with app.app_context():
        def user(name):
            return db.session.scalar(select(User).where(User.username == name))
        subs = {t.lead_units[0].name: t for t in split_to_members(user("lg"), districts.task)}
        for username in ("lyz", "ljb"):
            add_report(db.session.get(Task, subs[DISTRICTS[username]].id), user(username),
                       f"{DISTRICTS[username]}排查完成。", "", "")
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, base, "lg", small_world.PASSWORD)
    phone.goto(f"{base}/tasks/{districts.task}#subtasks")
    link = phone.locator("#consolidate-link")
    expect(link).to_be_visible()
    with phone.expect_navigation():
        link.click()
    expect(phone.locator("#consolidated-note")).to_be_visible()
    filled = phone.get_by_label("进展情况").input_value()
    assert "本任务分解的 3 项子任务中 2 项已报送" in filled
    assert f"{DISTRICTS['lyz']}排查完成。" in filled and f"{DISTRICTS['ljb']}排查完成。" in filled
    assert f"{DISTRICTS['lna']}：尚未报送进展" in filled
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(phone, "subtasks-05-consolidated-phone")
    press(phone, "提交进展")
    expect(phone.locator(".alert-success").first).to_contain_text("进展已报送")
    expect(phone.locator(".report-just-saved")).to_contain_text(f"{DISTRICTS['lna']}：尚未报送进展")
