"""In a real headless Chromium (issue 17, "nothing waits unseen"): a liaison's 申请办结 appears in the
supervising office's 待办 and its badge; the office's decision appears in the liaison's notifications; and
`flask --app tracker send-reminders`, run as cron would run it, sends one digest per unit a day, nothing
on a second run, and the liaison finds it under 通知. Screenshots (desktop and 390 × 844) go to test-artifacts/.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import func, select, update

from tests.helpers.browser import go, no_horizontal_scroll, press, shot, sign_in
from tests.helpers.paths import ROOT
from tests.helpers.reports import task_id
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import Plan, ReminderDigest, Task


def test_browser_close_request_reaches_the_inbox_and_the_decision_the_liaisons_notifications(
        live_server, browser, seeded_template, app):
    passwords, base = seeded_template.passwords, live_server
    tid = task_id(app, ["一", "（三）"])
    lead = browser.new_page(viewport={"width": 1400, "height": 900})
    office = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(lead, base, "zjj", passwords["zjj"])
    sign_in(office, base, "duban", passwords["duban"])
    assert office.locator("#inbox-badge").count() == 0

    go(lead, f"{base}/tasks/{tid}")
    lead.get_by_label("办结说明（完成情况）").fill("检查全部完成，问题已督促整改。")
    lead.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent (workflow56)
    press(lead, "申请办结")

    go(office, f"{base}/")
    assert office.locator("#inbox-badge").inner_text() == "1"
    with office.expect_navigation():
        office.locator("#nav-inbox").click()
    assert "一（三）" in office.locator("#inbox-close-requests").inner_text()
    shot(office, "inbox-01-supervisor-inbox")
    with office.expect_navigation():
        office.get_by_role("link", name="审核办结申请").click()  # one click to the review form
    expect(office).to_have_url(re.compile(re.escape(f"/tasks/{tid}#review-form") + "$"))
    office.get_by_label("退回（继续办理）").check()
    office.get_by_label("审核意见 / 退回理由（退回时必填）").fill("请补充私募基金管理人排查台账。")
    office.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before the unit is told
    press(office, "提交审核")
    assert office.locator("#inbox-badge").count() == 0

    go(lead, f"{base}/")
    assert lead.locator("#notification-badge").inner_text() == "1"
    with lead.expect_navigation():
        lead.locator("#nav-notifications").click()
    listing = lead.locator(".notifications").inner_text()
    assert "办结申请被退回" in listing and "请补充私募基金管理人排查台账。" in listing
    shot(lead, "inbox-02-liaison-notifications")
    lead.set_viewport_size({"width": 390, "height": 844})
    assert no_horizontal_scroll(lead)
    shot(lead, "inbox-03-liaison-notifications-phone")
    lead.set_viewport_size({"width": 1400, "height": 900})
    press(lead, "查看任务")
    expect(lead).to_have_url(re.compile(re.escape(f"/tasks/{tid}") + "$"))
    assert lead.locator("#notification-badge").count() == 0

    office.set_viewport_size({"width": 390, "height": 844})
    go(office, f"{base}/inbox")
    assert no_horizontal_scroll(office)
    shot(office, "inbox-04-supervisor-inbox-phone")


def send_reminders(app, *args: str) -> str:
    """Run `flask --app tracker send-reminders` in a process of its own on the app's database, as cron does."""
    env = {**os.environ, "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "TRACKER_INSTANCE_DIR": app.instance_path, "SECRET_KEY": "send-reminders-test"}
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "tracker", "send-reminders", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_browser_send_reminders_one_digest_per_unit_a_day_and_the_liaison_reads_it(
        live_server, browser, seeded_template, app):
    with app.app_context():  # 一（三） is three days overdue; the month's reports are within the warning days
        db.session.execute(update(Plan).values(warning_days=40))
        task = next(t for t in db.session.scalars(select(Task)) if t.path == ["一", "（三）"])
        task.due_date = beijing_today() - timedelta(days=3)
        db.session.commit()
    first = send_reminders(app)
    match = re.fullmatch(r"sent (\d+) reminder digests to (\d+) units", first)
    assert match and int(match.group(1)) == int(match.group(2)) > 1, first
    assert send_reminders(app) == "sent 0 reminder digests to 0 units"
    assert send_reminders(app, "--dry-run") == "would send 0 reminder digests to 0 units"
    with app.app_context():
        assert db.session.scalar(select(func.count(ReminderDigest.id))) == int(match.group(1))

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    assert page.locator("#notification-badge").inner_text() == "1"
    with page.expect_navigation():
        page.locator("#nav-notifications").click()
    listing = page.locator(".notifications").inner_text()
    assert "催办提醒" in listing and "已逾期 3 天" in listing
    shot(page, "inbox-05-liaison-reminder-digest")
