"""A file too large or of a kind not taken is refused on the import pages before the upload (headless Chromium).

市金融办's supervisor works from a county office on a slow network. On 导入方案 she picks the 25 MB scan of a plan: she
hears at once, under the file field, that it is over the 20 MB an upload may carry, in the words of the 413 page she
used to wait for; pressing 读取并预览 sends nothing, and the button stays pressable. The plan saved by WPS as .doc is
refused with the server's advice (save it as .docx). On 导入台账 and on the indicator table import, a 25 MB workbook is
refused the same way. The plan as a small .txt goes, to its preview. (static/js/attachment-check.js; the limits and the
words from services/file_fields.)
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.helpers.browser import shot, sign_in

PHONE = {"width": 390, "height": 844}
MB = 1024 * 1024
PLAN = "关于推进普惠金融的实施方案\n一、重点任务\n（一）扩大小微企业贷款投放。（牵头单位：市金融办；完成时限：2026年12月底前）\n"


def watch_posts(page: Page) -> list[str]:
    """The URLs the page posts to from now on."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    return sent


def test_files_too_large_or_of_another_kind_are_refused_before_the_upload_and_a_good_plan_goes(
        live_server, browser, seeded_template, tmp_path):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/plans/import")
    sent = watch_posts(page)
    field, reason = page.locator("input[type=file]"), page.locator("#file-check")

    scan = tmp_path / "方案扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"\x00" * (25 * MB))
    field.set_input_files(str(scan))
    expect(reason).to_contain_text("上传的文件超过 20 MB 的大小限制。请删去图片等无关内容，或拆分成几个文件后重新上传。")
    expect(reason).to_contain_text("这个文件还没有上传；请重新选择方案文件（或把全文粘贴到下面的文本框）后再按“读取并预览”。")
    page.get_by_role("button", name="读取并预览").click()  # pressed anyway: nothing leaves the computer
    expect(field).to_be_focused()
    expect(page.get_by_role("button", name="读取并预览")).to_be_enabled()
    shot(page, "plan-import-too-large-before-upload")
    assert sent == [] and page.url.endswith("/plans/import")

    old_word = tmp_path / "实施方案.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    field.set_input_files(str(old_word))
    expect(reason).to_contain_text("不支持的文件类型：实施方案.doc（.doc）；旧版 Word（.doc）文件请先另存为 .docx。")
    expect(reason).not_to_contain_text("方案扫描件.pdf")

    plan = tmp_path / "普惠金融方案.txt"
    plan.write_text(PLAN, encoding="utf-8")
    field.set_input_files(str(plan))
    expect(reason).to_have_count(0)  # chosen again: nothing to say
    with page.expect_navigation():
        page.get_by_role("button", name="读取并预览").click()
    expect(page.get_by_text("扩大小微企业贷款投放").first).to_be_visible()
    assert len(sent) == 1

    workbook = tmp_path / "全市台账.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * (25 * MB))
    page.goto(f"{live_server}/imports/new")
    page.locator("input[type=file]").set_input_files(str(workbook))
    expect(page.locator("#file-check")).to_contain_text("文件 全市台账.xlsx 大小超过上限 20 MB，请删去图片等无关内容或拆分成几个文件后再上传。")
    page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_role("button", name="上传并预览")).to_be_enabled()
    shot(page, "ledger-import-too-large-before-upload")

    page.goto(f"{live_server}/indicators/import")
    page.locator("input[type=file]").set_input_files(str(workbook))
    expect(page.locator("#file-check")).to_contain_text("文件 全市台账.xlsx 大小超过上限 20 MB")
    page.get_by_role("button", name="上传并预览").click()
    assert len(sent) == 1 and page.url.endswith("/indicators/import")
