"""A liaison's words survive the idle timeout (headless Chromium at phone size, 390 × 844).

The notice that puts them back says how long ago she wrote them ("2 小时前"), an age her browser's clock gives right
wherever it is set, not a time of day read from it that could disagree with the page's Beijing times.

At 19:50 重庆证监局's liaison (zjj) opens 一（三） on her phone and types a long 进展情况; she is called away and presses
提交进展 after 22:00, when her session has timed out. The server keeps nothing of that post; the browser kept her words
(static/js/report-draft.js, localStorage per user and task): after signing in again she is back on the task, finds them
in the form and only has to send. The draft goes once the report is stored, and every draft goes when she signs out.
"""
from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect

from tests.helpers.browser import shot, sign_in, sign_out
from tests.helpers.paths import ARTIFACTS
from tests.helpers.reports import report_count, task_id
from tracker import clock

PHONE = {"width": 390, "height": 844}
PROGRESS = ("已组织对辖区 12 家证券期货经营机构开展杠杆风险专项排查，逐家核对资管产品嵌套层级和杠杆比例，"
            "发现 3 家存在超比例情况，已下发监管提示函并要求于月底前完成整改。") * 3


def drafts(page) -> list[str]:
    """The keys of the drafts this browser keeps."""
    return page.evaluate("Object.keys(localStorage).filter(function (k) { return k.indexOf('tracker-draft:') === 0; })")


def test_a_report_sent_after_the_idle_timeout_is_back_in_the_form_after_signing_in(
        live_server, browser, seeded_template, app, monkeypatch):
    real_now, later = clock.utcnow, [timedelta(0)]
    monkeypatch.setattr(clock, "utcnow", lambda: real_now() + later[0])
    tid = task_id(app, ["一", "（三）"])
    password = seeded_template.passwords["zjj"]
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", password)
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_label("进展情况").fill(PROGRESS)
    page.get_by_label("存在问题").fill("个别机构报送数据口径不一。")

    later[0] = timedelta(hours=2, minutes=10)  # called away; she sends it past the two-hour idle timeout
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展").click()
    assert "/login" in page.url
    expect(page.locator(".alert-warning")).to_contain_text("报送进展中填写的文字已留在本浏览器")
    assert report_count(app) == 0
    shot(page, "report-draft-timed-out")

    # She signs in again on the page she was sent to and is back on the task, her words in the form.
    page.get_by_label("用户名").fill("zjj")
    page.get_by_label("密码").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    assert page.url.endswith(f"/tasks/{tid}")
    expect(page.get_by_label("进展情况")).to_have_value(PROGRESS)
    expect(page.get_by_label("存在问题")).to_have_value("个别机构报送数据口径不一。")
    notice = page.locator("#draft-restored")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("请核对后按“提交进展”报送。本浏览器只保留文字：之前选择的照片或文件没有保留，如需上传请重新选择。")
    expect(notice).to_contain_text("已填回您 刚才 在本浏览器中填写")  # typed a minute ago by her phone's clock
    box = notice.bounding_box()
    jumps = page.locator("#task-jump").bounding_box()
    assert box is not None and jumps["y"] + jumps["height"] <= box["y"] < PHONE["height"], \
        "the page opens at the words put back, clear of the sticky jump links"
    page.screenshot(path=str(ARTIFACTS / "report-draft-restored-screen.png"))

    with page.expect_navigation():
        page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_role("alert").first).to_contain_text("进展")
    assert report_count(app) == 1
    assert drafts(page) == []  # stored: nothing kept any more
    page.reload()
    expect(page.get_by_label("进展情况")).to_have_value("")
    expect(page.locator("#draft-restored")).to_be_hidden()

    # On a shared computer: she starts another report, then signs out; nothing she typed stays behind.
    page.get_by_label("进展情况").fill("下周继续排查。")
    assert len(drafts(page)) == 1
    sign_out(page)
    assert "/login" in page.url and drafts(page) == []


def test_a_refused_photo_is_said_where_she_is_looking_on_the_phone(live_server, browser, seeded_template, app, tmp_path):
    # She attaches a phone photo named .jpg that is a HEIC inside and sends (its name passes the check in her browser,
    # static/js/attachment-check.js; its content is the server's to read): the page comes back opened at the file
    # field, the reason and what to do under it, in the screen, her words still in the form; nothing was stored.
    tid = task_id(app, ["一", "（三）"])
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_label("进展情况").fill("已完成第一轮排查，附现场照片。")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    page.get_by_label("佐证材料（可选）").set_input_files(str(photo))
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展").click()
    error = page.locator("#attachments-error")
    expect(error).to_contain_text("文件“现场照片.jpg”的内容与扩展名不符（不是真正的 .jpg 文件）")
    expect(error).to_contain_text("请重新选择要上传的文件")
    expect(page.get_by_label("佐证材料（可选）")).to_be_focused()
    box, jumps = error.bounding_box(), page.locator("#task-jump").bounding_box()
    assert box is not None and jumps["y"] + jumps["height"] <= box["y"] and box["y"] + box["height"] <= PHONE["height"], \
        f"the reason is at {box}, not on the screen"
    expect(page.get_by_label("进展情况")).to_have_value("已完成第一轮排查，附现场照片。")
    assert report_count(app) == 0
    page.screenshot(path=str(ARTIFACTS / "report-attachment-refused-screen.png"))


def test_a_form_the_server_refused_keeps_her_words_without_saying_they_came_from_the_browser(
        live_server, browser, seeded_template, app, tmp_path):
    # She writes 存在问题 and chooses a photo but leaves 进展情况 empty, and sends: the server refuses the form and sends
    # it back with her words. They are the server's copy, not this browser's: no "已填回…在本浏览器中" notice (workflow41
    # put the browser's copy back over them and said so); the photo, which no copy keeps, is said to be chosen again.
    tid = task_id(app, ["一", "（三）"])
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_label("存在问题").fill("个别机构报送数据口径不一。")
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    page.get_by_label("佐证材料（可选）").set_input_files(str(photo))
    assert len(drafts(page)) == 1  # the browser keeps its copy as she types
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_label("存在问题")).to_have_value("个别机构报送数据口径不一。")
    expect(page.locator("#draft-restored")).to_be_hidden()
    expect(page.locator("#files-dropped")).to_have_text(
        "进展没有报送，上面填写的文字都已保留；您选择的照片或文件没有保留，请重新选择后再按“提交进展”。")
    assert report_count(app) == 0
    page.screenshot(path=str(ARTIFACTS / "report-refused-no-restore-notice-screen.png"))

    # Opened afresh (the copy is still in this browser, nothing was stored), her words do come from the browser: said.
    page.goto(f"{live_server}/tasks/{tid}")
    expect(page.get_by_label("存在问题")).to_have_value("个别机构报送数据口径不一。")
    expect(page.locator("#draft-restored")).to_be_visible()


def test_the_words_put_back_are_dated_by_their_age_whatever_the_browsers_clock_says(
        live_server, browser, seeded_template, app):
    # Her phone is set to Los Angeles time (a traveller, or a clock never set): the notice said "已填回您12月5日 16:50…"
    # in that zone while the page's report times are Beijing's; it now says how long ago, which that clock gives right.
    tid = task_id(app, ["一", "（三）"])
    context = browser.new_context(viewport=PHONE, timezone_id="America/Los_Angeles")
    page = context.new_page()
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_label("进展情况").fill("已完成第一轮排查。")
    [key] = drafts(page)
    notice = page.locator("#draft-restored")
    for ago_ms, said in ((0, "刚才"), (25 * 60_000, "25 分钟前"), ((2 * 60 + 5) * 60_000, "2 小时前"),
                         (26 * 3_600_000, "1 天前"), (-3_600_000, "此前")):  # the last: her clock set back since
        page.evaluate("([key, ago]) => { var d = JSON.parse(localStorage.getItem(key));"
                      " d.saved = Date.now() - ago; localStorage.setItem(key, JSON.stringify(d)); }", [key, ago_ms])
        page.goto(f"{live_server}/tasks/{tid}")
        expect(page.get_by_label("进展情况")).to_have_value("已完成第一轮排查。")
        expect(notice).to_contain_text(f"已填回您 {said} 在本浏览器中填写、尚未报送的内容。")
    assert "月" not in notice.locator("[data-draft-time]").inner_text()  # no date read from her clock
    context.close()
