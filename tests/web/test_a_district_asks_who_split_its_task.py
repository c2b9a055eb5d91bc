"""A district asks for more time on its part of a split task: the lead unit that split it decides, not the office.

On the seeded demo: 市金融办 (jrb) leads 二（一）, due in 25 days, and gives 渝中区金融办 (yzjrb) its part due in 9.
渝中 asks for 14 days: 市金融办 is told, sees it on 分解情况 and decides it on the part's page; the office's 待办 does
not hold it (the office may still decide it). A date after 二（一）'s own is refused when asked, naming whom to ask.
Who else may decide (the district itself, a supporting unit of 二（一）): nobody.
"""
from __future__ import annotations

import html
from datetime import timedelta

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import task_id
from tracker import clock
from tracker.dates import chinese_date
from tracker.extensions import db
from tracker.models import ExtensionRequest, ExtensionState, Notification, Task, User
from tracker.services.plans.subtasks import split_task
from tracker.services.workflow.extensions import written_date


def _user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def _told(username: str) -> list[tuple[str, str, int | None]]:
    return [(n.kind, n.text, n.task_id) for n in db.session.scalars(
        select(Notification).join(User, User.id == Notification.user_id).where(User.username == username)
        .order_by(Notification.id))]


def _split(app) -> tuple[int, int, object]:
    """二（一） due in 25 days, split by jrb to 渝中区金融办 due in 9; returns (parent id, part id, today)."""
    today = clock.beijing_today()
    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        task = db.session.get(Task, parent)
        task.due_date, task.deadline = today + timedelta(days=25), written_date(today + timedelta(days=25))
        db.session.commit()
        part = split_task(_user("jrb"), parent, ["渝中区金融办"], deadline=(today + timedelta(days=9)).isoformat())[0].id
    return parent, part, today


def _post(app, client, path: str, page_of: int, data: dict):
    page = client.get(f"/tasks/{page_of}").text
    with app.app_context():
        version = db.session.get(Task, page_of).version
    return client.post(path, data={"csrf_token": csrf_token(page), "version": version, **data}, follow_redirects=True)


def _ask(app, client, part: int, day, reason="辖内机构多，排查需要更多时间。"):
    return _post(app, client, f"/tasks/{part}/extension-request", part,
                 {"extension_date": day.isoformat(), "extension_reason": reason})


def _decide(app, client, part: int, decision: str, note: str = ""):
    with app.app_context():
        request_id = db.session.scalar(select(ExtensionRequest.id).where(
            ExtensionRequest.task_id == part, ExtensionRequest.state == ExtensionState.PENDING))
    return _post(app, client, f"/tasks/{part}/extension-requests/{request_id}/decision", part,
                 {"decision": decision, "decision_note": note})


def test_the_lead_unit_that_split_the_task_decides_its_districts_request(app, client, auth):
    parent, part, today = _split(app)
    asked = today + timedelta(days=14)

    auth.login("yzjrb")
    form = html.unescape(client.get(f"/tasks/{part}").text.split('id="extension-form"')[1])
    # the bound is the split task's own due date (25 days on), written as every page writes a day
    assert f"不得晚于原任务二（一）的完成时限{chinese_date(today + timedelta(days=25))}" in form and "市金融办同意后" in form
    sent = _ask(app, client, part, asked)
    assert sent.status_code == 200 and "已提交延期申请，请等待市金融办审批。" in sent.text
    assert "由市金融办审批" in html.unescape(sent.text)
    auth.logout()

    with app.app_context():  # the splitting unit is told; the office's 待办 is not where it waits
        told = [(text, where) for kind, text, where in _told("jrb") if kind == "extension_requested"]
        assert told == [(f"二（一）-1 渝中区金融办申请延期至{written_date(asked)}（现{written_date(today + timedelta(days=9))}），"
                         f"理由：辖内机构多，排查需要更多时间。请在 二（一）-1 页面审批。", part)]
    auth.login("duban")
    waiting = client.get("/inbox").text.split('id="inbox-extensions"')[1].split("</section>")[0]
    assert "二（一）-1" not in waiting
    auth.logout()

    auth.login("jrb")
    card = html.unescape(client.get(f"/tasks/{parent}").text.split('id="subtasks"')[1].split('id="rollup"')[1])
    assert f"申请延期至{written_date(asked).removesuffix('前')}" in card
    assert f'href="/tasks/{part}#decision-form">去审批' in card
    page = html.unescape(client.get(f"/tasks/{part}").text)
    assert 'id="decision-form"' in page and "延期由市金融办审批，同意的日期不得晚于二（一）的完成时限" in page
    done = _decide(app, client, part, "accept", "同意。")
    assert done.status_code == 200 and "已同意延期，完成时限已更新。" in done.text
    with app.app_context():
        moved = db.session.get(Task, part, populate_existing=True)
        assert (moved.deadline, moved.due_date) == (written_date(asked), asked)
        assert [text for kind, text, _ in _told("yzjrb") if kind == "extension_decided"] == [
            f"二（一）-1 {moved.heading_text}：市金融办同意延期至{written_date(asked)}：同意。"]
    history = html.unescape(client.get(f"/tasks/{parent}").text.split('id="history"')[1])
    assert (f"二（一）-1 渝中区金融办，完成时限改为{written_date(asked)}（原{written_date(today + timedelta(days=9))}；"
            "同意其延期申请）") in history


def test_a_date_after_the_split_tasks_own_is_refused_saying_whom_to_ask(app, client, auth):
    parent, part, today = _split(app)
    auth.login("yzjrb")
    late = _ask(app, client, part, today + timedelta(days=40))
    assert late.status_code == 422
    said = html.unescape(late.text)
    assert (f"“申请延期至”不能晚于原任务 二（一） 的完成时限（{written_date(today + timedelta(days=25))}）："
            "子任务的时限由分解任务的市金融办在此之内安排。确需延至此日以后的，请联系市金融办，由其就 二（一） "
            "向督办部门申请延期") in said
    with app.app_context():
        assert db.session.scalar(select(ExtensionRequest.id).where(ExtensionRequest.task_id == part)) is None


def test_nobody_else_decides_a_districts_request_but_the_office_still_may(app, client, auth):
    parent, part, today = _split(app)
    auth.login("yzjrb")
    _ask(app, client, part, today + timedelta(days=14))
    auth.logout()
    for who in ("yzjrb", "gzw"):  # the district itself; a supporting unit of 二（一）
        auth.login(who)
        refused = _decide(app, client, part, "accept")
        assert refused.status_code == 403, who
        auth.logout()
    auth.login("duban")
    assert 'id="decision-form"' in client.get(f"/tasks/{part}").text
    assert _decide(app, client, part, "refuse", "请按原时限完成。").status_code == 200
    with app.app_context():
        assert [text for kind, text, _ in _told("yzjrb") if kind == "extension_decided"][-1].endswith(
            "督办部门不同意延期：请按原时限完成。")


def test_the_lead_unit_still_asks_the_office_about_its_own_task(app, client, auth):
    parent, _, today = _split(app)
    auth.login("jrb")
    sent = _ask(app, client, parent, today + timedelta(days=40))
    assert "已提交延期申请，请等待督办部门审批。" in sent.text
    assert 'id="decision-form"' not in sent.text  # not its own to decide
    assert _decide(app, client, parent, "accept").status_code == 403


def test_a_request_its_unit_leader_signs_reaches_the_splitting_unit_when_signed(app):
    # 渝中区金融办's requests go through its leader (审核签发): 市金融办 hears of it once signed, not while a draft
    from tracker.models import Role, Unit
    from tracker.services.workflow import signoff
    from tracker.services.workflow.extensions import request_extension

    _, part, today = _split(app)
    with app.app_context():
        district = db.session.scalar(select(Unit).where(Unit.name == "渝中区金融办"))
        district.signoff_required = True
        db.session.add(User(username="yzfzr", display_name="渝中区金融办负责人", role=Role.LEADER, unit=district,
                            password_hash="!"))
        db.session.commit()
        draft = request_extension(part, _user("yzjrb"), today + timedelta(days=14), "排查需要更多时间。",
                                  db.session.get(Task, part).version)
        assert [kind for kind, _, _ in _told("jrb") if kind == "extension_requested"] == []
        signoff.sign("extension", draft.id, _user("yzfzr"))
        assert [where for kind, _, where in _told("jrb") if kind == "extension_requested"] == [part]
