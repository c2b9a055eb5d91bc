"""In headless Chromium: an admin creates a liaison, who must set a password first; the office merges two units."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from tests.helpers.browser import nav_to, shot, sign_in


def test_browser_admin_creates_a_liaison_who_sets_a_password_at_first_login(live_server, browser, seeded_template):
    admin = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(admin, live_server, "guanli", seeded_template.passwords["guanli"])
    nav_to(admin, "管理", "用户管理")
    shot(admin, "admin-users")
    admin.get_by_role("link", name="新建账号").click()
    admin.get_by_label("用户名").fill("zhao")
    admin.get_by_label("显示名称").fill("赵联络员")
    admin.get_by_label("角色").select_option(label="联络员")
    admin.get_by_label("所属单位").select_option(label="市财政局")
    admin.get_by_role("button", name="创建账号").click()
    password = admin.locator(".generated-password").inner_text()
    shot(admin, "admin-account-created")

    newcomer = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(newcomer, live_server, "zhao", password)
    expect(newcomer).to_have_url(re.compile(re.escape("/account/password") + "$"))
    shot(newcomer, "first-login-password")
    newcomer.get_by_label("当前密码").fill(password)
    newcomer.get_by_label("新密码", exact=True).fill("财政局 赵 的新密码")
    newcomer.get_by_label("再次输入新密码").fill("财政局 赵 的新密码")
    newcomer.get_by_role("button", name="修改密码").click()
    expect(newcomer.get_by_text("密码已修改。")).to_be_visible()
    newcomer.get_by_role("link", name="本单位任务").click()
    expect(newcomer.get_by_role("heading").first).to_be_visible()

    admin.get_by_role("link", name="返回账号页面").click()
    admin.get_by_role("button", name="停用账号").click()
    expect(admin.get_by_text("账号已停用")).to_be_visible()
    shot(admin, "admin-user-disabled")
    newcomer.reload()
    expect(newcomer).to_have_url(re.compile(re.escape("/login")))


def test_browser_supervisor_merges_two_spellings_of_a_unit(live_server, browser, seeded_template):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    nav_to(page, "管理", "单位管理")
    page.get_by_label("单位名称").fill("重庆市财政局预算处")
    page.get_by_role("button", name="新增").click()
    page.get_by_label("新增别名").fill("市财政局预算处")
    page.get_by_role("button", name="新增别名").click()
    page.get_by_label("并入单位").select_option(label="市财政局")
    page.get_by_role("button", name="合并").click()
    expect(page.get_by_text("原名称保留为别名").first).to_be_visible()
    shot(page, "supervisor-unit-merged")
    expect(page.get_by_role("heading", name="市财政局")).to_be_visible()
    expect(page.get_by_text("重庆市财政局预算处").first).to_be_visible()
