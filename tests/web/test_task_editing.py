"""The supervising office edits a task — name, text, lead and supporting units, deadline — from the task page;
liaisons cannot (SECURITY-TESTS A4), a stale form gets the conflict page (F1), every change is journalled (G1)."""
from __future__ import annotations

import pytest

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import history_fields, snapshot
from tracker.extensions import db
from tracker.models import Channel, JournalEntry, Task, User
from tracker.services.errors import PermissionDenied
from tracker.services.plans.task_editing import TaskEdit, edit_task
from tracker.services.accounts.units import find_unit

from sqlalchemy import select


def unit_ids(app, *names: str) -> list[str]:
    with app.app_context():
        return [str(find_unit(name).id) for name in names]


def edit_form(client, tid: int) -> tuple[str, dict]:
    """Open the edit page; return its HTML and the values its form would post unchanged."""
    response = client.get(f"/tasks/{tid}/edit")
    assert response.status_code == 200
    html = response.text
    return html, {"csrf_token": csrf_token(html), "version": form_version(html)}


def post_edit(client, tid: int, data: dict, **fields):
    return client.post(f"/tasks/{tid}/edit", data={**data, **fields})


def current(app, tid: int) -> dict:
    with app.app_context():
        task = db.session.get(Task, tid)
        return {"title": task.title, "text": task.text, "deadline": task.deadline, "due_date": task.due_date,
                "lead": [u.name for u in task.lead_units], "supporting": [u.name for u in task.supporting_units],
                "version": task.version}


def test_supervisor_edits_a_task_and_every_field_is_journalled(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    assert 'id="task-edit-link"' in client.get(f"/tasks/{tid}").text
    html, data = edit_form(client, tid)
    assert "加强证券市场风险防范" in html and "重庆证监局" in html
    before = current(app, tid)
    response = post_edit(client, tid, data, title="加强证券期货市场风险防范", text="全面排查证券期货机构杠杆风险。",
                         lead_units=unit_ids(app, "重庆证监局", "重庆银监局"),
                         supporting_units=unit_ids(app, "人行重庆营管部"),  # 市发展改革委 taken off
                         deadline="2027年6月底前", due_date="2027-06-30")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "已修改任务名称、任务内容、完成时限、到期日期、牵头单位、配合单位" in page
    after = current(app, tid)
    assert after["title"] == "加强证券期货市场风险防范" and after["text"] == "全面排查证券期货机构杠杆风险。"
    assert after["lead"] == ["重庆证监局", "重庆银监局"] and after["supporting"] == ["人行重庆营管部"]
    assert after["deadline"] == "2027年6月底前" and after["due_date"].isoformat() == "2027-06-30"
    assert after["version"] == before["version"] + 1  # one change, one version
    journal = [(f, old, new, who) for f, old, new, who in history_fields(app, tid)]
    assert ("title", "加强证券市场风险防范", "加强证券期货市场风险防范", "duban") in journal
    assert ("lead_units", "重庆证监局", "重庆证监局、重庆银监局", "duban") in journal
    assert ("supporting_units", "市发展改革委、人行重庆营管部", "人行重庆营管部", "duban") in journal
    assert ("deadline", None, "2027年6月底前", "duban") in journal
    assert ("due_date", None, "2027-06-30", "duban") in journal
    assert any(f == "text" for f, *_ in journal)
    with app.app_context():
        channels = set(db.session.scalars(select(JournalEntry.channel).where(JournalEntry.task_id == tid)))
        assert channels == {Channel.FORM}
    history = client.get(f"/tasks/{tid}").text
    assert "任务名称" in history and "牵头单位" in history and "重庆证监局、重庆银监局" in history


def test_saving_the_edit_form_unchanged_writes_nothing(app, client, auth):
    tid = task_id(app, ["一", "（一）"])  # four lead units in the plan's order, not the registry's
    auth.login("duban")
    html, data = edit_form(client, tid)
    before = snapshot(app, tid)
    unchanged = current(app, tid)
    response = post_edit(client, tid, data, title=unchanged["title"], text=unchanged["text"],
                         lead_units=unit_ids(app, *sorted(unchanged["lead"])), supporting_units=[], deadline="",
                         due_date="")
    assert response.status_code == 302
    assert "没有修改" in client.get(f"/tasks/{tid}").text
    assert snapshot(app, tid) == before and current(app, tid)["lead"] == unchanged["lead"]


@pytest.mark.parametrize("username", ["zjj", "yjj", "bjj"])  # lead, supporting, and another unit's liaison
def test_liaisons_cannot_edit_a_task(app, client, auth, username):
    tid = task_id(app, ["一", "（三）"])
    auth.login(username)
    assert 'id="task-edit-link"' not in client.get(f"/tasks/{tid}").text
    assert client.get(f"/tasks/{tid}/edit").status_code == 403
    before = snapshot(app, tid)
    page = client.get("/account/password").text
    response = client.post(f"/tasks/{tid}/edit", data={
        "csrf_token": csrf_token(page), "version": str(current(app, tid)["version"]), "title": "联络员改的名称",
        "text": "x", "lead_units": unit_ids(app, "重庆保监局"), "deadline": "2030年底前", "due_date": "2030-12-31"})
    assert response.status_code == 403
    assert snapshot(app, tid) == before and current(app, tid)["title"] == "加强证券市场风险防范"


def test_the_service_refuses_a_liaison_whatever_the_view_does(app):
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        zjj = db.session.scalar(select(User).where(User.username == "zjj"))
        with pytest.raises(PermissionDenied):
            edit_task(tid, zjj, TaskEdit(title="x", text="y", lead_unit_ids=[zjj.unit_id], deadline="2030年"), None)
        db.session.rollback()
        assert db.session.get(Task, tid).title == "加强证券市场风险防范"


def test_a_bad_edit_is_refused_in_chinese_and_nothing_is_written(app, client, auth):
    # The task page's one rule (routes.refusal_status): 422 when the reason stands beside the field it is about (the
    # page opens there), 400 when it names no one field.
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    _, data = edit_form(client, tid)
    before = snapshot(app, tid)
    zjj_unit, = unit_ids(app, "重庆证监局")
    for fields, message, status in [
        ({"title": "t", "text": "", "lead_units": []}, "请至少选择一个牵头单位", 400),
        ({"title": "t", "lead_units": [zjj_unit], "supporting_units": [zjj_unit]}, "不能既是牵头单位又是配合单位", 400),
        ({"title": "t", "lead_units": [zjj_unit], "due_date": "2027-13-45"}, "不是有效日期", 422),
        ({"title": "t", "lead_units": [zjj_unit], "target_value": "十二"}, "“目标值”应为数字", 422),
        # a comma that separates no thousands: refused, not read as 12 (vocabulary/figures, as the indicator tables)
        ({"title": "t", "lead_units": [zjj_unit], "target_value": "1,2"}, "“目标值”的“1,2”中的逗号不是千分位", 422),
        ({"title": "", "text": "  ", "lead_units": [zjj_unit]}, "请填写任务名称或任务内容", 400),
        ({"title": "t", "lead_units": ["999999"]}, "所选单位不存在", 400),
        ({"title": "t" * 501, "lead_units": [zjj_unit]}, "任务名称不能超过", 422),
    ]:
        response = post_edit(client, tid, data, **fields)
        assert response.status_code == status, fields
        assert message in response.text, fields
        assert ("is-invalid" in response.text) == (status == 422), fields  # said beside its field, or above the form
    assert snapshot(app, tid) == before


def test_a_stale_edit_gets_the_conflict_page_and_can_overwrite(app, client, auth, signed_in):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    _, data = edit_form(client, tid)  # read at version v
    other = signed_in("zjj")
    assert post_report(other, tid, progress="证监局在此期间报送的进展。").status_code == 302  # v + 1
    before = snapshot(app, tid)
    zjj_unit, = unit_ids(app, "重庆证监局")
    response = post_edit(client, tid, data, title="过期表单改的名称", text="新内容", lead_units=[zjj_unit],
                         deadline="2027年底前", due_date="")
    assert response.status_code == 409
    assert "证监局在此期间报送的进展。" in response.text and "过期表单改的名称" in response.text
    assert "牵头单位：<strong>重庆证监局</strong>" in response.text
    assert snapshot(app, tid) == before  # nothing written
    # 覆盖提交: the conflict page posts the same input with the version it showed and the version first read.
    html = response.text
    resubmit = {"csrf_token": csrf_token(html), "version": form_version(html), "overwrite_of": data["version"],
                "title": "过期表单改的名称", "text": "新内容", "lead_units": [zjj_unit], "deadline": "2027年底前",
                "due_date": "", "confirm": "overwrite"}
    assert client.post(f"/tasks/{tid}/edit", data=resubmit).status_code == 302
    assert current(app, tid)["title"] == "过期表单改的名称"
    fields = [f for f, *_ in history_fields(app, tid)]
    assert "overwrite" in fields and "title" in fields


def test_the_task_page_says_the_due_date_beside_a_deadline_only_where_the_deadline_does_not_already_say_it(
        app, client, auth):
    # 督办 writes 2027年6月底前: the page adds the day it falls due. Then the office's own 2027年6月30日前: the page
    # says the date once, not "2027年6月30日前（2027年6月30日）".
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    _, data = edit_form(client, tid)
    post_edit(client, tid, data, title="加强证券市场风险防范", text="全面排查。", lead_units=unit_ids(app, "重庆证监局"),
              deadline="2027年6月底前", due_date="2027-06-30")
    assert "2027年6月底前（2027年6月30日）" in client.get(f"/tasks/{tid}").text
    _, data = edit_form(client, tid)
    post_edit(client, tid, data, title="加强证券市场风险防范", text="全面排查。", lead_units=unit_ids(app, "重庆证监局"),
              deadline="2027年6月30日前（督办部门确定）", due_date="2027-06-30")
    page = client.get(f"/tasks/{tid}").text
    assert "2027年6月30日前（督办部门确定）" in page and "（2027年6月30日）" not in page
