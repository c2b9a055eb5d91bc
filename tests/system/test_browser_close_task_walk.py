"""Closing a task (办结) as the users do it, in headless Chromium, on a phone (360 × 740) and at a desk (1366 × 900).

The demo as run.py's first start makes it, with the office's deadlines (一（三） is due in three days). At 10 pm
重庆证监局's liaison (zjj, the lead unit of 一（三）) signs, reports the last progress and asks to close (申请办结)
before the deadline; a supporting unit's liaison of the same task sees no such button and is told who asks. The
supervising office (duban) finds the request on the dashboard and in the task list (filtered by 申请办结), sends it
back with a reason; the liaison sees the outcome and the reason on her phone, asks again; the office closes it. The
closed task counts as 已办结 on the dashboard, in the ledger (.xlsx read with openpyxl) and in the month's 通报, and
the liaison can no longer ask anything of it.
"""
from __future__ import annotations

import io
import threading
from datetime import datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlalchemy import select, update
from werkzeug.serving import make_server

import tracker.clock
from tests.helpers.browser import go, no_horizontal_scroll, shot, sign_in, sign_out
from tests.helpers.workflow import DEMO_DAYS, current_month
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Plan, Task, User
from tracker.services.seed import prepare_database
from tracker.vocabulary.numbering import render_number

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 900}
NUMBER = "一（三）"  # due in DEMO_DAYS[NUMBER] days: she closes it before the deadline
TAP = 44  # px: the smallest tap target a thumb hits (WCAG 2.5.5)


@pytest.fixture
def demo(empty_app, monkeypatch):
    """The first start's demo at 22:00 Beijing time, served on a loopback port: (base URL, passwords, plan id, task
    id of ``NUMBER``, username of a liaison of a supporting unit of that task)."""
    evening = datetime.combine(tracker.clock.beijing_today(), time(22, 0)) - timedelta(hours=8)  # 22:00 Beijing, in UTC
    monkeypatch.setattr(tracker.clock, "utcnow", lambda: evening)
    result = prepare_database(empty_app, office_deadlines=True)
    with empty_app.app_context():
        db.session.execute(update(User).values(must_change_password=False))
        db.session.commit()
        plan_id = db.session.scalar(select(Plan.id))
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == plan_id))
                    if render_number(t.path) == NUMBER)
        supporting = db.session.scalars(select(Assignment.unit_id).where(
            Assignment.task_id == task.id, Assignment.role == AssignmentRole.SUPPORTING)).all()
        helper = db.session.scalar(select(User.username).where(User.unit_id.in_(supporting)).order_by(User.id))
        tid = task.id
    assert DEMO_DAYS[NUMBER] > 0 and helper
    server = make_server("127.0.0.1", 0, empty_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", {u: p for u, p, _, _ in result.accounts}, plan_id, tid, helper
    server.shutdown()
    thread.join(timeout=10)


def _headline(page, caption: str) -> int:
    return int(page.locator(".headline", has_text=caption).locator(".fs-3").inner_text())


def _tappable(locator) -> None:
    box = locator.bounding_box()
    assert box and box["height"] >= TAP, f"{locator} is {box and box['height']} px high"


def _person(browser, viewport) -> tuple:
    """A new browser window of ``viewport`` whose confirmations (window.confirm) are read and answered 确定, as a person
    who means it does: (page, the questions asked so far)."""
    page = browser.new_context(viewport=viewport).new_page()
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    return page, asked


def _submit(page, button) -> None:
    """Press a form's button and wait for the page the server answers."""
    with page.expect_navigation():
        button.click()


@pytest.mark.parametrize("size", ["phone", "desk"])
def test_a_lead_unit_asks_to_close_and_the_office_returns_then_closes(demo, browser, size):
    base, passwords, plan_id, tid, helper = demo
    viewport = PHONE if size == "phone" else DESK

    # A supporting unit's liaison: no 申请办结 on the task, and the page says who asks.
    other, _ = _person(browser, viewport)
    sign_in(other, base, helper, passwords[helper])
    go(other, f"{base}/tasks/{tid}")
    expect(other.get_by_role("button", name="申请办结")).to_have_count(0)
    told = other.locator("#close-by-lead")
    expect(told).to_contain_text("只有牵头单位的联络员可以申请办结")
    expect(told).to_contain_text("由牵头单位（重庆证监局）申请办结")
    shot(other, f"close-{size}-0-supporting")

    # 22:00: the lead unit's liaison on her phone signs, reports the last progress and asks to close.
    liaison, asked = _person(browser, viewport)
    sign_in(liaison, base, "zjj", passwords["zjj"])
    go(liaison, f"{base}/tasks/{tid}")
    _submit(liaison, liaison.get_by_role("button", name="签收", exact=True))
    liaison.get_by_label("进展情况").fill("辖区证券经营机构风险排查全部完成，整改已验收。")
    _submit(liaison, liaison.get_by_role("button", name="提交进展", exact=True))
    expect(liaison.locator(".alert-success")).to_contain_text("进展已报送")
    go(liaison, f"{base}/tasks/{tid}#close-form")
    ask = liaison.locator("#close-form button[type=submit]")
    expect(liaison.locator("#close-next")).to_contain_text("提交督办部门审核")  # beside the button: what happens next
    if size == "phone":
        _tappable(ask)
    liaison.get_by_label("办结说明（完成情况）").fill("排查整改全部完成，见最后一次进展。")
    _submit(liaison, ask)
    assert len(asked) == 1 and "由督办部门审核" in asked[0], "she is asked before the request leaves"
    expect(liaison.locator(".alert-success")).to_contain_text("等待督办部门审核")
    expect(liaison.locator("#task-status")).to_contain_text("申请办结")
    assert no_horizontal_scroll(liaison)
    shot(liaison, f"close-{size}-1-asked")

    # The office: the request is on the dashboard and in the task list filtered by 申请办结.
    office, _ = _person(browser, viewport)
    sign_in(office, base, "duban", passwords["duban"])
    go(office, f"{base}/")
    waiting = office.locator("#close-requests-waiting")
    expect(waiting).to_contain_text("申请办结待审核：1 项")
    shot(office, f"close-{size}-2-dashboard")
    with office.expect_navigation():
        waiting.locator("a").click()
    expect(office.locator("#h-tasks")).to_contain_text("共 1 项")
    expect(office.locator("#f-status")).to_have_value("close_requested")
    expect(office.locator("#task-table tbody")).to_contain_text(NUMBER)
    assert no_horizontal_scroll(office)
    shot(office, f"close-{size}-3-filtered")

    # 退回 with a reason; without one she is told in Chinese what is missing.
    go(office, f"{base}/tasks/{tid}#review-form")
    review = office.locator("#review-form")
    shot(office, f"close-{size}-3b-review")
    expect(office.locator("#close-request-notice")).to_contain_text("排查整改全部完成，见最后一次进展。")
    office.get_by_label("退回（继续办理）").check()
    _submit(office, review.locator("button[type=submit]"))
    expect(office.locator(".alert-danger, .invalid-feedback").first).to_contain_text("退回理由")
    office.get_by_label("退回（继续办理）").check()
    office.get_by_label("审核意见 / 退回理由（退回时必填）").fill("请补充整改验收材料。")
    _submit(office, office.locator("#review-form button[type=submit]"))
    expect(office.locator(".alert-success")).to_contain_text("已退回")

    # The liaison sees it on her phone: back to 推进中, and why.
    go(liaison, f"{base}/tasks/{tid}")
    expect(liaison.locator("#task-status")).to_contain_text("推进中")
    shot(liaison, f"close-{size}-4-returned")
    expect(liaison.locator("#close-returned")).to_contain_text("请补充整改验收材料。")
    liaison.get_by_label("办结说明（完成情况）").fill("已补充整改验收材料。")
    _submit(liaison, liaison.locator("#close-form button[type=submit]"))

    # The office closes it (同意办结).
    go(office, f"{base}/tasks/{tid}")
    office.get_by_label("同意办结").check()
    _submit(office, office.locator("#review-form button[type=submit]"))
    expect(office.locator("#task-status")).to_contain_text("已办结")
    shot(office, f"close-{size}-5-closed")
    go(office, f"{base}/")
    assert _headline(office, "已办结") == 1
    expect(office.locator("#close-requests-waiting")).to_have_count(0)

    # The ledger (.xlsx) says 已办结 on the task's row.
    answer = office.context.request.get(f"{base}/plans/{plan_id}/ledger.xlsx")  # her session's download
    assert answer.ok
    sheet = load_workbook(io.BytesIO(answer.body())).active
    row = next(r for r in sheet.iter_rows(values_only=True) if any(c == NUMBER for c in r))
    assert "已办结" in row

    # This month's 通报 lists it among the tasks closed.
    go(office, f"{base}/bulletin?period={current_month()}")
    expect(office.locator("#bulletin-closed")).to_contain_text(NUMBER)
    assert no_horizontal_scroll(office)
    shot(office, f"close-{size}-6-bulletin")

    # The liaison: 已办结, and nothing more to ask of it.
    go(liaison, f"{base}/tasks/{tid}")
    expect(liaison.locator("#task-status")).to_contain_text("已办结")
    expect(liaison.locator("#closed-notice")).to_contain_text("只有督办部门可以重新办理")
    for gone in ("申请办结", "申请延期", "撤回办结申请"):
        expect(liaison.get_by_role("button", name=gone)).to_have_count(0)
    assert no_horizontal_scroll(liaison)
    shot(liaison, f"close-{size}-7-closed-liaison")
    sign_out(liaison)
