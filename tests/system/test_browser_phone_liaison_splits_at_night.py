"""市金融办's liaison (jrb) at 10 pm the day before a deadline, on a 360 × 740 phone (headless Chromium).

She signs in, opens 二（一）, which her unit leads, reports its progress with a photo of the signed minutes, splits
the task to 渝中区金融办, signs out; the supervising office (duban) then opens the task and reads her report. What
she tripped on (workflow54): the photo's link under her report was 24 px high, and so was 调整子任务完成时限 once the
task was split, too small for a thumb; the time of her report read "2026-12-06 22:05" beside deadlines written
"2026年12月27日". Each is now as tall as a button and the time is written as the office writes a date.
"""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.helpers.browser import no_horizontal_scroll, press, shot, sign_in, sign_out
from tests.helpers.reports import task_id

PHONE = {"width": 360, "height": 740}
ISO_TIME = re.compile(r"\b20\d\d-\d\d-\d\d \d\d:\d\d\b")


def photo_png(path) -> None:
    """A small photo-like PNG, as a phone's picture of signed minutes."""
    from PIL import Image

    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4, y * 5, 128) for y in range(48) for x in range(64)])
    image.save(path, "PNG")


def test_a_lead_units_liaison_reports_with_a_photo_and_splits_to_a_district_on_her_phone(
        live_server, browser, seeded_template, app, tmp_path):
    tid = task_id(app, ["二", "（一）"])
    photo = tmp_path / "会议纪要.png"
    photo_png(photo)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "jrb", seeded_template.passwords["jrb"])
    page.goto(f"{live_server}/tasks/{tid}#report-form")
    page.locator("textarea[name=progress]").fill("已召开专题会议，部署要素市场风险排查。")
    page.locator("input[type=file][name=attachments]").set_input_files(str(photo))
    press(page, "提交进展")
    expect(page.locator(".alert-success")).to_contain_text("进展已报送")
    link = page.get_by_role("link", name="会议纪要.png")
    assert link.bounding_box()["height"] >= 44, "a thumb can open the photo"
    assert not ISO_TIME.search(page.locator("main").inner_text()), "times read as the office writes a date"

    split = page.locator("#split-form form").last
    split.locator("label", has_text="渝中区金融办").click()
    split.locator("input[name=split_title]").fill("渝中区：排查辖内要素交易场所")
    with page.expect_navigation():
        split.get_by_role("button", name="分解", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("已分解为 1 项子任务：渝中区金融办")
    summary = page.locator("summary", has_text="调整子任务完成时限")
    assert summary.bounding_box()["height"] >= 44, "a thumb can open 调整子任务完成时限"
    assert no_horizontal_scroll(page)
    shot(page, "phone-liaison-split-at-night")
    sign_out(page)

    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/tasks/{tid}")
    expect(page.locator("main")).to_contain_text("已召开专题会议，部署要素市场风险排查。")
    expect(page.locator("main")).to_contain_text("渝中区金融办")
    context.close()
