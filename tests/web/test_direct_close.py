"""办结 by the supervising office itself: a button on the task page, no lead unit's request needed (workflow.close_task).

一（三） of the seeded plan: lead 重庆证监局 (zjj); supporting 市发展改革委 (fgw). The office (duban) checks the work on
site and closes the task from its page; the move goes through workflow.move, so a waiting 延期申请 is settled with it,
and the lead unit is told.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.helpers.forms import form_version
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page, snapshot, status_of
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import ExtensionRequest, ExtensionState, Notification, TaskStatus, User


def test_the_office_closes_a_task_from_its_page_and_the_lead_unit_is_told(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="完成辖区排查。")
    later = (beijing_today() + timedelta(days=60)).isoformat()
    assert act(client, tid, "extension-request", extension_date=later, extension_reason="需补充私募排查。").status_code == 302
    assert 'id="close-task-form"' not in page(client, tid)  # the lead unit asks (申请办结); it does not close
    assert act(client, tid, "close", close_opinion="自己办结").status_code == 403
    auth.logout()

    auth.login("duban")
    html = page(client, tid)
    assert 'id="close-task-form"' in html and 'href="#close-task-form"' in html  # the card and its jump link
    assert act(client, tid, "close", close_opinion="经实地核查，排查已全部完成。").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSED
    journal = history_fields(app, tid)
    assert ("review", None, "督办部门直接办结：经实地核查，排查已全部完成。", "duban") in journal
    assert ("status", "推进中", "已办结", "duban") in journal
    closed_page = page(client, tid)
    assert "任务已办结，已通知牵头单位。" in closed_page and 'id="close-task-form"' not in closed_page
    before = snapshot(app, tid)
    again = act(client, tid, "close")
    assert again.status_code == 400 and "该任务已办结，无需再办结。" in again.get_data(as_text=True)
    assert snapshot(app, tid) == before

    with app.app_context():  # closing settled the waiting extension request, as every way of closing does
        request = db.session.scalar(select(ExtensionRequest).where(ExtensionRequest.task_id == tid))
        assert request.state is ExtensionState.LAPSED
        zjj = db.session.scalar(select(User).where(User.username == "zjj"))
        told = db.session.scalars(select(Notification).where(Notification.user_id == zjj.id,
                                                             Notification.kind == "task_closed")).all()
        assert len(told) == 1 and told[0].task_id == tid
        assert told[0].text.endswith("：督办部门直接办结：经实地核查，排查已全部完成。")


def test_a_task_waiting_for_review_is_closed_by_the_review_and_a_stale_page_gets_the_conflict(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    stale = page(client, tid)
    auth.logout()
    auth.login("zjj")
    post_report(client, tid, progress="完成辖区排查。")
    assert act(client, tid, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    auth.logout()

    auth.login("duban")
    html = page(client, tid)
    assert 'id="review-form"' in html and 'id="close-task-form"' not in html
    waiting = act(client, tid, "close", close_opinion="直接办结")
    assert waiting.status_code == 400 and "牵头单位已申请办结：请在“审核办结申请”中同意办结。" in waiting.get_data(as_text=True)
    conflict = act(client, tid, "close", version=form_version(stale), close_opinion="按旧页面办结")
    assert conflict.status_code == 409 and "按旧页面办结" in conflict.get_data(as_text=True)
    assert status_of(app, tid) is TaskStatus.CLOSE_REQUESTED
