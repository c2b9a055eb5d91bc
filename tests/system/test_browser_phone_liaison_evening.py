"""A liaison at 10 pm on her phone before a deadline (390 × 844, headless Chromium).

重庆证监局's liaison (zjj) opens the home page, taps 报送进展 on 一（三） in 本期应报送, types the progress and picks a
photo. Her Wi-Fi drops as she presses 提交进展: she stays on the form with her words and her photo, told in Chinese
that nothing was sent and what to do (the browser's own page was in English and lost the photo); the network comes
back, she presses again, the report is stored, and one tap takes her back to what is still owed. The phone's browser
is then closed overnight and drops its session: her next report, sent in the morning, leads to the sign-in page
saying the session ended and her words are kept (it was "请求无效：页面已过期或表单不完整"), and after signing in she is
back on that task with her words in the form.
"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.helpers.browser import shot, sign_in
from tests.helpers.reports import report_count, task_id

PHONE = {"width": 390, "height": 844}


def photo_png(path) -> None:
    """A small photo-like PNG, as a phone's picture of a signed document."""
    from PIL import Image

    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4, y * 5, 128) for y in range(48) for x in range(64)])
    image.save(path, "PNG")


def owed(page) -> int:
    return int(page.locator("#h-due .badge").inner_text())


def test_a_liaison_reports_at_night_through_a_dropped_network_and_a_lost_session(
        live_server, browser, seeded_template, app, tmp_path):
    password = seeded_template.passwords["zjj"]
    tid, other = task_id(app, ["一", "（三）"]), task_id(app, ["一", "（一）"])
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "zjj", password)
    before = owed(page)
    with page.expect_navigation():
        page.locator(f'#to-report a[href="/tasks/{tid}#report-form"]').click()

    page.get_by_label("进展情况").fill("已完成辖区 12 家证券经营机构摸底，现场照片见佐证材料。")
    picture = tmp_path / "现场照片.png"
    photo_png(picture)
    page.get_by_label("佐证材料（可选）").set_input_files(str(picture))

    # The network drops as she presses 提交进展: nothing leaves the page, and the page says so by the button.
    context.set_offline(True)
    page.get_by_role("button", name="提交进展", exact=True).click()
    notice = page.locator("#offline-notice")
    expect(notice).to_contain_text("网络已断开，刚才没有发送")
    expect(notice).to_contain_text("连上网络（Wi-Fi 或移动数据）后再按一次“提交进展”")
    assert page.url.endswith(f"/tasks/{tid}#report-form")
    assert page.evaluate("document.querySelector('#report-form input[type=file]').files.length") == 1
    expect(page.get_by_label("进展情况")).to_have_value("已完成辖区 12 家证券经营机构摸底，现场照片见佐证材料。")
    box = notice.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "the notice is on the screen"
    assert report_count(app) == 0
    shot(page, "phone-evening-offline")

    context.set_offline(False)
    expect(notice).to_contain_text("网络已恢复")
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("进展已报送")
    expect(page.get_by_role("link", name="现场照片.png")).to_be_visible()
    assert report_count(app) == 1
    back = page.locator("#after-report a")
    box = back.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44, "one tap back, on the first screen"
    shot(page, "phone-evening-saved")
    with page.expect_navigation():
        back.click()
    assert owed(page) == before - 1
    expect(page.locator(f'#to-report a[href="/tasks/{tid}#report-form"]')).to_have_count(0)

    # Overnight the phone's browser drops its session cookie; in the morning she sends 一（一）'s report.
    with page.expect_navigation():
        page.locator(f'#to-report a[href="/tasks/{other}#report-form"]').click()
    page.get_by_label("进展情况").fill("已约谈 3 家机构负责人。")
    context.clear_cookies()
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    assert "/login" in page.url
    expect(page.locator(".alert-warning")).to_contain_text("报送进展中填写的文字已留在本浏览器")
    expect(page.get_by_text("请求无效")).to_have_count(0)
    shot(page, "phone-evening-session-lost")
    page.get_by_label("用户名").fill("zjj")
    page.get_by_label("密码").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    assert page.url.endswith(f"/tasks/{other}")
    expect(page.get_by_label("进展情况")).to_have_value("已约谈 3 家机构负责人。")
    assert report_count(app) == 1
