"""In a real headless Chromium (issue 18, sign-off inside a unit): the supervising office turns on
本单位报送须经领导审核签发 for 重庆证监局 on the unit's page; its liaison (zjj) files two reports on 一（三）;
the unit leader signs one from the 待办 with one click and returns the other with a reason; the liaison
sees why on the task page and in 通知; the supervising office sees the signed report with who signed it,
never the returned one. Screenshots (1400 × 900 and 390 × 844) go to test-artifacts/.
"""
from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from tests.helpers.browser import go, no_horizontal_scroll, press, shot, sign_in
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import Role, User
from tracker.services.accounts.units import find_unit

LEADER_PASSWORD = "证监局分管领导的登录密码"


def test_browser_one_report_signed_by_the_unit_leader_and_one_returned_with_a_reason(
        live_server, browser, seeded_template, app):
    passwords, base = seeded_template.passwords, live_server
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        unit = find_unit("重庆证监局")
        unit_id = unit.id
        leader = User(username="zjjfzr", display_name="证监局分管领导", role=Role.LEADER, unit=unit)
        leader.set_password(LEADER_PASSWORD)
        db.session.add(leader)
        db.session.commit()

    office = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(office, base, "duban", passwords["duban"])
    go(office, f"{base}/admin/units/{unit_id}")
    expect(office.locator("#signoff-required")).to_have_text("未开启")
    with office.expect_navigation():
        office.locator("#signoff-setting").get_by_role("button", name="开启").click()
    expect(office.locator("#signoff-required")).to_have_text("已开启")

    liaison = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(liaison, base, "zjj", passwords["zjj"])
    for text in ("私募基金风险排查已覆盖全部 120 家管理人。", "已完成部分排查。"):
        go(liaison, f"{base}/tasks/{tid}")
        liaison.get_by_label("进展情况").fill(text)
        press(liaison, "提交进展")
        expect(liaison.locator(".alert-success")).to_contain_text("待单位负责人审核签发")
    expect(liaison.locator("#signoff-card")).to_contain_text("待签发")

    boss = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(boss, base, "zjjfzr", LEADER_PASSWORD)
    expect(boss.locator("#inbox-badge")).to_have_text("2")
    with boss.expect_navigation():
        boss.locator("#nav-inbox").click()
    items = boss.locator("#inbox-signoffs .signoff-item")
    expect(items).to_have_count(2)
    shot(boss, "signoff-01-leader-inbox")
    boss.set_viewport_size({"width": 390, "height": 844})
    shot(boss, "signoff-02-leader-inbox-phone")
    assert no_horizontal_scroll(boss)
    boss.set_viewport_size({"width": 1400, "height": 900})

    signed = items.filter(has_text="120 家管理人")
    with boss.expect_navigation():
        signed.get_by_role("button", name="签发").click()
    expect(boss.locator(".alert-success")).to_contain_text("已签发进展报送")
    returned = boss.locator("#inbox-signoffs .signoff-item").filter(has_text="已完成部分排查")
    returned.get_by_label("退回理由").fill("请写明已排查的管理人数量和发现的问题。")
    with boss.expect_navigation():
        returned.get_by_role("button", name="退回").click()
    expect(boss.locator("#inbox-empty")).to_be_visible()

    go(liaison, f"{base}/tasks/{tid}")
    expect(liaison.locator("#signoff-card")).to_contain_text("退回理由：请写明已排查的管理人数量和发现的问题。")
    expect(liaison.locator("#notification-badge")).to_have_text("1")
    shot(liaison, "signoff-03-liaison-sees-why")
    liaison.set_viewport_size({"width": 390, "height": 844})
    shot(liaison, "signoff-04-liaison-phone")
    assert no_horizontal_scroll(liaison)

    go(office, f"{base}/tasks/{tid}")
    reports = office.locator(".report")
    expect(reports.filter(has_text="120 家管理人")).to_contain_text("签发：证监局分管领导")
    expect(reports.filter(has_text="已完成部分排查")).to_have_count(0)
    shot(office, "signoff-05-supervisor-sees-the-signed-report")
    with app.app_context():
        assert db.session.scalar(select(User.id).where(User.username == "zjjfzr")) is not None
