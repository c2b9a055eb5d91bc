"""A liaison's report form outlives her session on the phone; signed in again, the old form leads her back (workflow52).

At 10 pm 重庆证监局's liaison types 一（三）'s progress on her phone and is called away; the session ends (the browser
loses it) and she signs in again in another tab. Pressing 提交进展 on the page she had left open answered
"请求无效：页面已过期或表单不完整。请返回上一页，刷新后重新提交。" and 返回 showed the same dead form. Now the page says it
was opened before this sign-in and nothing was saved; 重新打开刚才的页面 opens the task with her words put back.
"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.helpers.browser import no_horizontal_scroll, shot, sign_in
from tests.helpers.reports import report_count, task_id

PHONE = {"width": 390, "height": 844}
WORDS = "已完成辖区证券经营机构风险排查，现场检查 12 家。"


def test_a_form_left_open_past_the_session_leads_back_to_the_task_with_her_words(live_server, browser,
                                                                                 seeded_template, app):
    password = seeded_template.passwords["zjj"]
    tid = task_id(app, ["一", "（三）"])
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "zjj", password)
    page.goto(f"{live_server}/tasks/{tid}#report-form")
    page.get_by_label("进展情况").fill(WORDS)

    context.clear_cookies()  # the session is gone; she signs in again in another tab
    sign_in(context.new_page(), live_server, "zjj", password)
    before = report_count(app)
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    main = page.locator("main")
    expect(main).to_contain_text("本次登录之前打开")
    expect(main).to_contain_text("刚才提交的内容没有保存到系统")
    assert no_horizontal_scroll(page)
    shot(page, "phone-form-of-an-earlier-session")
    assert report_count(app) == before

    with page.expect_navigation():
        page.get_by_role("link", name="重新打开刚才的页面").click()
    expect(page.get_by_label("进展情况")).to_have_value(WORDS)
    expect(page.locator("#draft-restored")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    assert report_count(app) == before + 1
    context.close()
