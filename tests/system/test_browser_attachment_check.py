"""A photo too large is refused on the phone before it is sent (headless Chromium at 390 × 844).

重庆证监局's liaison reports from the site on a slow phone network and attaches a 30 MB photo. She hears at once,
under 佐证材料, that it is over the 10 MB limit, in the words the server would have answered after the upload; pressing
提交进展 sends nothing and keeps her words. A screenshot saved as .heic is refused the same way; three 8 MB photos,
each within the limit, are together over the 20 MB an upload may carry. She picks a small JPG instead and the report
goes, with it. (static/js/attachment-check.js; the limits and words from services/attachments.field_attributes.)
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.helpers.browser import sign_in
from tests.helpers.paths import ARTIFACTS
from tests.helpers.reports import report_count, task_id

PHONE = {"width": 390, "height": 844}
MB = 1024 * 1024
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def on_screen(page: Page, selector: str) -> bool:
    """Whether the element at ``selector`` lies within the phone's screen."""
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]


def test_a_photo_too_large_is_refused_before_it_is_sent_and_a_small_one_goes(
        live_server, browser, seeded_template, app, tmp_path):
    tid = task_id(app, ["一", "（三）"])
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{tid}")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    page.get_by_label("进展情况").fill("已完成第一轮排查，附现场照片。")
    field, reason = page.get_by_label("佐证材料（可选）"), page.locator("#attachments-error")

    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(JPEG + b"\x00" * (30 * MB))
    field.set_input_files(str(photo))
    expect(reason).to_contain_text("文件“现场照片.jpg”超过 10 MB，请压缩或拆分后再上传。")  # at once, before sending
    expect(reason).to_contain_text("这些文件还没有上传，填写的文字都还在；请重新选择要上传的文件后再按“提交进展”。")
    expect(field).to_have_class("form-control is-invalid")

    page.get_by_role("button", name="提交进展").click()  # she presses it anyway: nothing leaves the phone
    expect(field).to_be_focused()
    assert on_screen(page, "#attachments-error"), "the reason is not on the screen"
    page.screenshot(path=str(ARTIFACTS / "attachment-too-large-before-upload.png"))
    assert sent == [] and page.url.endswith(f"/tasks/{tid}") and report_count(app) == 0
    expect(page.get_by_label("进展情况")).to_have_value("已完成第一轮排查，附现场照片。")

    screenshot = tmp_path / "截屏.heic"
    screenshot.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    field.set_input_files(str(screenshot))
    expect(reason).to_contain_text("文件“截屏.heic”的类型不支持。佐证材料只接受 PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG 文件")
    expect(reason).not_to_contain_text("现场照片.jpg")

    photos = []
    for n in range(1, 4):  # each 8 MB, within 10 MB; together 24 MB, over the 20 MB an upload carries
        photos.append(tmp_path / f"照片{n}.jpg")
        photos[-1].write_bytes(JPEG + b"\x00" * (8 * MB))
    field.set_input_files([str(p) for p in photos])
    expect(reason).to_have_text(
        "上传的文件超过 20 MB 的大小限制。请删去图片等无关内容，或拆分成几个文件后重新上传。"
        "这些文件还没有上传，填写的文字都还在；请重新选择要上传的文件后再按“提交进展”。")
    page.get_by_role("button", name="提交进展").click()
    assert sent == [] and report_count(app) == 0

    small = tmp_path / "现场照片-压缩.jpg"
    small.write_bytes(JPEG + b"\x00" * (300 * 1024))
    field.set_input_files(str(small))
    expect(reason).to_have_count(0)  # chosen again: nothing to say
    expect(field).to_have_class("form-control")
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_role("alert").first).to_contain_text("进展已报送")
    expect(page.get_by_role("link", name="现场照片-压缩.jpg")).to_be_visible()
    assert report_count(app) == 1 and len(sent) == 1
