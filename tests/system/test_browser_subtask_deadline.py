"""In a real headless Chromium: 市金融办 (jrb) splits 二（一） to 渝中区金融办 with 12月15日, then moves that date on its
phone from 分解情况; 渝中区金融办 opens its home on a phone and reads first on its card the date it must meet first.
Screenshots go to test-artifacts/ for a person to look at (never committed)."""
from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from tests.helpers.browser import press, shot, sign_in
from tests.helpers.reports import task_id

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def test_browser_the_lead_unit_moves_a_districts_deadline_and_the_district_reads_its_card(live_server, browser,
                                                                                        seeded_template, app):
    parent = task_id(app, ["二", "（一）"])
    for viewport, day in ((DESKTOP, "2026-12-15"), (PHONE, "2026-12-20")):
        page = browser.new_page(viewport=viewport, has_touch=viewport is PHONE)
        sign_in(page, live_server, "jrb", seeded_template.passwords["jrb"])
        page.goto(f"{live_server}/tasks/{parent}#split-form")
        if viewport is DESKTOP:  # split first, with its deadline
            card = page.locator("#split-form")
            card.get_by_label("渝中区金融办").check()
            card.get_by_label("完成时限（可选").fill(day)
            press(page, "分解")
            expect(page.locator(".alert-success").first).to_contain_text("完成时限2026年12月15日前")
        adjust = page.locator("#subtask-deadline")
        adjust.locator("summary").click()
        expect(adjust.get_by_label("子任务")).to_contain_text("二（一）-1 渝中区金融办（现")
        adjust.get_by_label("新的完成时限").fill(day if viewport is PHONE else "2026-12-18")
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, f"{width} px wide on a {inner} px screen"
        shot(page, f"subtask-deadline-{viewport['width']}")
        press(page, "调整完成时限")
        said = "2026年12月20日前" if viewport is PHONE else "2026年12月18日前"
        expect(page.locator(".alert-success").first).to_contain_text(f"的完成时限：{said}，已通知该单位。")
        expect(page.locator("#history")).to_be_visible()
        page.close()

    district = browser.new_page(viewport=PHONE, has_touch=True)
    sign_in(district, live_server, "yzjrb", seeded_template.passwords["yzjrb"])
    card = district.locator("#to-report tbody tr").filter(has_text="二（一）-1").first
    expect(card).to_contain_text("2026年12月20日")
    # as read top to bottom: the part is due on the 20th, before this month's 报送截止, so its 完成时限 comes first
    labels = card.locator("td[data-label]").evaluate_all(
        "cells => cells.filter(c => c.offsetParent).sort((a, b) => a.getBoundingClientRect().top"
        " - b.getBoundingClientRect().top).map(c => c.dataset.label)")
    report_due = card.locator('td[data-label="报送截止"]').inner_text()
    if date(*map(int, re.findall(r"\d+", report_due)[:3])) > date(2026, 12, 20):  # this period's 报送截止 after it
        assert labels.index("完成时限") < labels.index("报送截止"), labels
        expect(card).to_contain_text("完成时限在报送截止之前")
    else:
        assert labels.index("报送截止") < labels.index("完成时限"), labels
    shot(district, "subtask-deadline-district-home-390")
