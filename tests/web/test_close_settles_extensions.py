"""A task closed (办结) while its lead unit's 延期申请 waits: the close settles the request in the same transaction,
the liaison reads why (任务已办结，延期申请不再审核) and the supervising office's to-do list no longer shows it.

一（三） of the seeded plan: lead 重庆证监局 (zjj).
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page, status_of
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import ExtensionRequest, ExtensionState, TaskStatus

NOTE = "任务已办结，延期申请不再审核"


def _ask_for_more_time(app, client, auth, tid):
    auth.login("zjj")
    later = beijing_today() + timedelta(days=60)
    assert act(client, tid, "extension-request", extension_date=later.isoformat(),
               extension_reason="等待新规出台。").status_code == 302
    return later


def _requests(app, tid):
    with app.app_context():
        return [(r.state, r.decision_note) for r in db.session.scalars(
            select(ExtensionRequest).where(ExtensionRequest.task_id == tid))]


def test_close_accepted_settles_the_waiting_extension_and_the_liaison_reads_why(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    _ask_for_more_time(app, client, auth, tid)
    assert act(client, tid, "close-request", close_note="全部检查完毕。").status_code == 302  # done after all
    auth.logout()
    auth.login("duban")
    assert "等待新规出台。" in client.get("/inbox").get_data(as_text=True)
    assert act(client, tid, "review", decision="accept", review_reason="").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSED
    assert _requests(app, tid) == [(ExtensionState.LAPSED, NOTE)]
    assert "等待新规出台。" not in client.get("/inbox").get_data(as_text=True)
    assert "延期申请待审批" not in page(client, tid)
    # set back to 推进中, the task does not bring the old request back to the office's list
    assert post_report(client, tid, progress="重新办理。", status="in_progress").status_code == 302
    assert status_of(app, tid) is TaskStatus.IN_PROGRESS
    assert "等待新规出台。" not in client.get("/inbox").get_data(as_text=True)
    auth.logout()
    auth.login("zjj")
    assert NOTE in client.get("/notifications").get_data(as_text=True)
    assert any(field == "extension_decision" and NOTE in (new or "") for field, _, new, _ in history_fields(app, tid))


def test_close_by_the_status_field_settles_the_waiting_extension_too(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    _ask_for_more_time(app, client, auth, tid)
    auth.logout()
    auth.login("duban")  # 修改完成状态 to 已办结 with a report
    assert post_report(client, tid, progress="已全部完成。", status="closed").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSED
    assert _requests(app, tid) == [(ExtensionState.LAPSED, NOTE)]
    assert "延期申请待审批" not in page(client, tid)


def test_a_task_left_open_keeps_its_extension_waiting(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    _ask_for_more_time(app, client, auth, tid)
    auth.logout()
    auth.login("duban")
    assert post_report(client, tid, progress="推进中。", status="in_progress").status_code == 302
    assert _requests(app, tid) == [(ExtensionState.PENDING, None)]
    assert "延期申请待审批" in page(client, tid)


def test_close_written_in_the_office_ledger_settles_the_waiting_extension(app, client, auth, tmp_path):
    from tests.helpers.ledger import edit, export, import_through_pages

    tid = task_id(app, ["一", "（三）"])
    _ask_for_more_time(app, client, auth, tid)
    auth.logout()
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填好.xlsx", {"一（三）": {"进展情况": "已全部完成。", "完成状态": "已办结"}})
    auth.login("duban")
    import_through_pages(client, edited, "填好.xlsx")
    assert status_of(app, tid) is TaskStatus.CLOSED
    assert _requests(app, tid) == [(ExtensionState.LAPSED, NOTE)]
    assert "等待新规出台。" not in client.get("/inbox").get_data(as_text=True)
    assert "延期申请待审批" not in page(client, tid)


def test_the_office_that_closes_a_task_with_its_report_is_told_the_task_is_closed(app, client, auth):
    """The supervising office chooses 已办结 in 报送进展's 完成状态: the message says the status moved, not only that a
    report was filed (a walk of stop 35 read "进展已报送。" and could not tell the task was closed)."""
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    response = post_report(client, tid, progress="经核实，已全部完成。", status="closed")
    assert response.status_code == 302
    shown = page(client, tid)
    assert "进展已报送，办理状态已改为“已办结”；督办部门现在即可看到。" in shown
    assert post_report(client, tid, progress="办结后补充材料。").status_code == 302
    again = page(client, tid)
    assert "进展已报送，督办部门现在即可看到。" in again and "办理状态已改为" not in again
