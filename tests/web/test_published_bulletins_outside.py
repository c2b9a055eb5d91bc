"""The published 通报 outside the browser: the office's script publishes with `bulletin --publish`, lists the
versions with `published-bulletins`, and a unit's OA system fetches them through the JSON API — the same versions,
the same bytes as the web's downloads (services/figures/publishing.py is the one service behind all three).

And who is told: a published 通报 is issued to the unit, so its leader (单位负责人) hears of it as its liaison does,
while the liaisons alone are still the ones told of a reminder (services/notifications.unit_audience).

Runs on tests/helpers/small_world.py (today 2026-11-21): sup is the office (督查室); la, lb, lc the liaisons of
甲局, 乙局, 丙局, the three units with tasks.
"""
from __future__ import annotations

import json
from datetime import date
from io import BytesIO

import openpyxl
from docx import Document
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tracker.extensions import db
from tracker.models import Notification, PublishedBulletin, Task, User
from tracker.services.notifications import Kind, unit_audience
from tracker.services.plans.task_editing import TaskEdit, edit_task


def published_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(PublishedBulletin.id)))


def test_a_script_publishes_october_and_a_units_oa_system_fetches_the_same_files(empty_app, world, api, tmp_path):
    runner = empty_app.test_cli_runner()
    out = tmp_path / "十月通报.docx"

    nameless = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(out), "--publish"])
    assert nameless.exit_code == 2 and "--as" in nameless.output and "发布人" in nameless.output
    liaison = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(out), "--publish", "--as", "la"])
    assert liaison.exit_code == 1 and "只有督办部门可以发布通报" in liaison.output
    unknown = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(out), "--publish", "--as", "nobody"])
    assert unknown.exit_code == 1 and "用户“nobody”不存在或已停用" in unknown.output
    assert published_count(empty_app) == 0 and not out.exists()

    first = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(out), "--publish", "--as", "sup"])
    assert first.exit_code == 0, first.output
    assert "已发布2026年10月通报（第1版）" in first.output and "第1版）。" in first.output
    again = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(out), "--publish", "--as", "sup"])
    assert again.exit_code == 0 and "完全相同，没有重复发布" in again.output
    assert published_count(empty_app) == 1
    with empty_app.app_context():
        row = db.session.scalar(select(PublishedBulletin))
        bulletin_id, stored_docx, summary = row.id, row.docx, row.data["summary"]
        assert row.published_by.username == "sup"
    assert out.read_bytes() == stored_docx

    listed = runner.invoke(args=["published-bulletins", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    items = json.loads(listed.output)
    assert [(i["period"], i["version_label"], i["latest"], i["published_by"]) for i in items] == [
        ("2026-10", "第1版", True, "sup")]
    assert items[0]["title"] == "关于2026年10月重点任务督办情况的通报" and items[0]["published_at"].endswith("+08:00")

    client, bearer = api
    headers = bearer("lc")  # 丙局's liaison, through its OA system
    body = client.get("/api/v1/bulletins", headers=headers).get_json()
    assert body["next"] is None
    assert [{k: v for k, v in item.items() if k not in ("url", "files")} for item in body["items"]] == items
    one = client.get(body["items"][0]["url"], headers=headers).get_json()
    assert one["summary"] == summary and one["version"] == 1 and one["number"].endswith("〔2026〕10号")

    docx = client.get(one["files"]["docx"], headers=headers)
    assert docx.status_code == 200 and docx.data == stored_docx
    assert "关于2026年10月重点任务督办情况的通报" in [p.text for p in Document(BytesIO(docx.data)).paragraphs]
    xlsx = client.get(one["files"]["xlsx"], headers=headers)
    assert xlsx.status_code == 200 and xlsx.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert openpyxl.load_workbook(BytesIO(xlsx.data))["通报"]["A1"].value.startswith("关于")

    missing = client.get(f"/api/v1/bulletins/{bulletin_id + 1}", headers=headers)
    assert missing.status_code == 404 and "该通报不存在" in missing.get_json()["error"]
    assert client.get(f"/api/v1/bulletins/{bulletin_id}/pdf", headers=headers).status_code == 404
    assert client.get("/api/v1/bulletins").status_code == 401  # no token: nothing
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert {"/bulletins", "/bulletins/{bulletin_id}", "/bulletins/{bulletin_id}/{format}"} <= set(paths)


def test_a_later_version_is_listed_and_written_by_version_on_the_command_line(empty_app, world, api, tmp_path):
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(tmp_path / "a.xlsx"), "--publish",
                               "--as", "sup"]).exit_code == 0
    # the office brings 一（三）'s deadline forward to 11-15: November has one more overdue task, so 第2版
    with empty_app.app_context():
        task = db.session.get(Task, world.tasks["T3"])
        edit_task(task.id, db.session.get(User, world.users["sup"]),
                  TaskEdit(title=task.title, text=task.text, lead_unit_ids=[world.units["B"]],
                           deadline="2026年11月15日前", due_date=date(2026, 11, 15)), read_version=task.version)
    second = runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(tmp_path / "b.xlsx"), "--publish",
                                 "--as", "sup"])
    assert second.exit_code == 0 and "第2版，替代第1版" in second.output

    text = runner.invoke(args=["published-bulletins", "--period", "2026-11"])
    lines = text.output.splitlines()
    assert len(lines) == 2 and "第2版（最新）" in lines[0] and "第1版（已被替代）" in lines[1]
    assert all("（sup）发布于 2026-" in line for line in lines)
    assert "2026-10还没有发布通报" in runner.invoke(args=["published-bulletins", "--period", "2026-10"]).output
    bad = runner.invoke(args=["published-bulletins", "--period", "2026年11月"])
    assert bad.exit_code == 2 and "--period" in bad.output

    first_file = tmp_path / "first.xlsx"
    written = runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(first_file), "--version", "1"])
    assert written.exit_code == 0 and "第1版" in written.output
    with empty_app.app_context():
        rows = {row.version: row for row in db.session.scalars(select(PublishedBulletin))}
        assert first_file.read_bytes() == rows[1].xlsx
        assert (tmp_path / "b.xlsx").read_bytes() == rows[2].xlsx
    newest = runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(tmp_path / "c.xlsx"), "--published"])
    assert newest.exit_code == 0 and "第2版" in newest.output
    third = runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(tmp_path / "d.xlsx"), "--version", "3"])
    assert third.exit_code == 1 and "没有第3版：已发布第1版至第2版" in third.output
    both = runner.invoke(args=["bulletin", "--period", "2026-11", "-o", str(tmp_path / "e.xlsx"), "--publish",
                               "--version", "1", "--as", "sup"])
    assert both.exit_code == 2 and "只能选一个" in both.output

    client, bearer = api
    api_items = client.get("/api/v1/bulletins", headers=bearer("la")).get_json()["items"]
    assert [(i["version"], i["latest"]) for i in api_items] == [(2, True), (1, False)]


def test_the_units_leader_is_told_of_a_published_bulletin_and_reminders_still_go_to_liaisons(empty_app, world,
                                                                                              tmp_path):
    runner = empty_app.test_cli_runner()
    made = runner.invoke(args=["create-user", "leadera", "--role", "leader", "--unit", "甲局", "--password-stdin"],
                         input="Xy7-long-password\n")
    assert made.exit_code == 0, made.output
    with empty_app.app_context():
        unit_a = db.session.scalar(select(User).where(User.username == "la")).unit_id
        assert [u.username for u in unit_audience([unit_a], Kind.BULLETIN_PUBLISHED)] == ["la", "leadera"]
        assert [u.username for u in unit_audience([unit_a], Kind.REMINDER)] == ["la"]

    published = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(tmp_path / "oct.docx"), "--publish",
                                    "--as", "sup"])
    assert "并已通知各单位（联络员、单位负责人）" in published.output
    with empty_app.app_context():
        told = set(db.session.scalars(select(User.username).join(Notification, Notification.user_id == User.id)
                                      .where(Notification.kind == "bulletin_published")))
    assert told == {"la", "lb", "lc", "leadera"}  # not the office, not 督查室's viewer

    leader = empty_app.test_client()
    page = leader.get("/login").get_data(as_text=True)
    assert leader.post("/login", data={"username": "leadera", "password": "Xy7-long-password",
                                       "csrf_token": csrf_token(page)}).status_code == 302
    inbox = leader.get("/notifications").get_data(as_text=True)
    assert "通报已发布" in inbox and "查看通报" in inbox
    assert "关于2026年10月重点任务督办情况的通报" in leader.get("/bulletins").get_data(as_text=True)


def test_the_offices_script_publishes_through_the_api_and_a_liaisons_token_is_refused(empty_app, world, api):
    client, bearer = api
    liaison, office, viewer = bearer("la"), bearer("sup"), bearer("viewer")

    refused = client.post("/api/v1/bulletins", json={"period": "2026-10"}, headers=liaison)
    assert refused.status_code == 403 and refused.get_json() == {"error": "只有督办部门可以发布通报。"}
    assert client.post("/api/v1/bulletins", json={"period": "2026-10"}, headers=viewer).status_code == 403
    assert client.post("/api/v1/bulletins", json={"period": "2026-10"}).status_code == 401
    assert published_count(empty_app) == 0

    # what the office's script may get wrong, each answered in Chinese with what to send instead
    written = client.post("/api/v1/bulletins", json={"period": "2026年10月"}, headers=office)
    assert written.status_code == 400 and "period" in written.get_json()["error"] and "2026-Q4" in written.get_json()["error"]
    bare = client.post("/api/v1/bulletins", data="2026-10", headers=office)
    assert bare.status_code == 400 and '{"period": "2026-10"}' in bare.get_json()["error"]
    future = client.post("/api/v1/bulletins", json={"period": "2027-01"}, headers=office)
    assert future.status_code == 409 and "尚未开始" in future.get_json()["error"]
    assert published_count(empty_app) == 0

    first = client.post("/api/v1/bulletins", json={"period": "2026-10"}, headers=office)
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert (body["period"], body["version"], body["latest"], body["published_by"]) == ("2026-10", 1, True, "sup")
    assert (body["replaces"], body["repeated"]) == (None, False)
    assert body["message"] == "已发布2026年10月通报（第1版），并已通知各单位（联络员、单位负责人）。"
    assert first.headers["Location"] == body["url"]
    with empty_app.app_context():
        told = set(db.session.scalars(select(User.username).join(Notification, Notification.user_id == User.id)
                                      .where(Notification.kind == "bulletin_published")))
    assert told == {"la", "lb", "lc"}  # the same service as the web's 发布通报: the units are told

    # the liaison's OA system reads what the script published, the file byte for byte
    listed = client.get("/api/v1/bulletins", headers=liaison).get_json()["items"]
    assert [item["id"] for item in listed] == [body["id"]]
    with empty_app.app_context():
        stored = db.session.get(PublishedBulletin, body["id"]).docx
    assert client.get(body["files"]["docx"], headers=liaison).data == stored

    again = client.post("/api/v1/bulletins", json={"period": "2026-10"}, headers=office)
    assert again.status_code == 200 and again.get_json()["repeated"] is True
    assert again.get_json()["id"] == body["id"] and "没有重复发布" in again.get_json()["message"]
    assert published_count(empty_app) == 1

    # 一（三） is brought forward to 11-15: the quarter's figures differ from nothing published, then from 第1版
    quarter = client.post("/api/v1/bulletins", json={"period": "2026-Q4"}, headers=office).get_json()
    assert (quarter["period"], quarter["version_label"]) == ("2026-Q4", "第1版")
    with empty_app.app_context():
        task = db.session.get(Task, world.tasks["T3"])
        edit_task(task.id, db.session.get(User, world.users["sup"]),
                  TaskEdit(title=task.title, text=task.text, lead_unit_ids=[world.units["B"]],
                           deadline="2026年11月15日前", due_date=date(2026, 11, 15)), read_version=task.version)
    second = client.post("/api/v1/bulletins", json={"period": "2026-Q4"}, headers=office)
    assert second.status_code == 201
    assert (second.get_json()["version_label"], second.get_json()["replaces"]) == ("第2版", 1)
    assert "替代第1版" in second.get_json()["message"]

    document = client.get("/api/v1/openapi.json").get_json()
    assert set(document["paths"]["/bulletins"]) == {"get", "post"}
    assert {"201", "200", "400", "403", "409"} <= set(document["paths"]["/bulletins"]["post"]["responses"])


def test_the_offices_script_publishes_the_preview_it_checked_and_is_stopped_when_the_figures_moved(empty_app, world,
                                                                                                  api):
    from tests.helpers.small_world import sign_in

    client, bearer = api
    office = bearer("sup")

    # the script reads November's 通报 as the office's page shows it, with the fingerprint the page's form carries
    preview = client.get("/api/v1/bulletins/preview?period=2026-11", headers=office)
    assert preview.status_code == 200, preview.get_json()
    seen = preview.get_json()
    assert (seen["period"], seen["title"], seen["published_versions"]) == (
        "2026-11", "关于2026年11月重点任务督办情况的通报", 0)
    assert seen["summary"] and seen["headlines"][0]["caption"]
    page = empty_app.test_client()
    sign_in(page, "sup")
    assert f'name="seen" value="{seen["fingerprint"]}"' in page.get("/bulletin?period=2026-11").get_data(as_text=True)

    # before the script publishes, the office brings 一（三）'s deadline forward to 11-15: one more overdue task
    with empty_app.app_context():
        task = db.session.get(Task, world.tasks["T3"])
        edit_task(task.id, db.session.get(User, world.users["sup"]),
                  TaskEdit(title=task.title, text=task.text, lead_unit_ids=[world.units["B"]],
                           deadline="2026年11月15日前", due_date=date(2026, 11, 15)), read_version=task.version)
    stale = client.post("/api/v1/bulletins", json={"period": "2026-11", "fingerprint": seen["fingerprint"]},
                        headers=office)
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert "预览之后通报的内容已有变化" in error and "本次没有发布" in error
    assert "GET /api/v1/bulletins/preview?period=2026-11" in error and "fingerprint" in error
    assert "按“发布通报”" not in error  # no button to press outside the browser
    assert published_count(empty_app) == 0

    # it reads the preview again and publishes that one: the 通报 it checked, told to the units
    fresh = client.get("/api/v1/bulletins/preview?period=2026-11", headers=office).get_json()
    assert fresh["fingerprint"] != seen["fingerprint"]
    done = client.post("/api/v1/bulletins", json={"period": "2026-11", "fingerprint": fresh["fingerprint"]},
                       headers=office)
    assert done.status_code == 201, done.get_json()
    assert (done.get_json()["version_label"], done.get_json()["as_of"]) == ("第1版", fresh["as_of"])
    with empty_app.app_context():
        from tracker.services.figures.publishing import fingerprint
        assert fingerprint(db.session.get(PublishedBulletin, done.get_json()["id"]).data) == fresh["fingerprint"]
    assert client.get("/api/v1/bulletins/preview?period=2026-11", headers=office).get_json()["published_versions"] == 1
    # the same fingerprint again: nothing new, as a second press on the web
    again = client.post("/api/v1/bulletins", json={"period": "2026-11", "fingerprint": fresh["fingerprint"]},
                        headers=office)
    assert again.status_code == 200 and again.get_json()["repeated"] is True
    assert published_count(empty_app) == 1


def test_the_preview_and_its_fingerprint_are_refused_in_chinese_when_wrong(empty_app, world, api):
    client, bearer = api
    office = bearer("sup")

    liaison = client.get("/api/v1/bulletins/preview?period=2026-11", headers=bearer("la"))
    assert liaison.status_code == 403 and "通报只能由督办部门生成" in liaison.get_json()["error"]
    missing = client.get("/api/v1/bulletins/preview", headers=office)
    assert missing.status_code == 400 and "period" in missing.get_json()["error"]
    future = client.get("/api/v1/bulletins/preview?period=2027-01", headers=office)
    assert future.status_code == 409 and "尚未开始" in future.get_json()["error"]

    garbled = client.post("/api/v1/bulletins", json={"period": "2026-11", "fingerprint": "上次看的那份"},
                          headers=office)
    assert garbled.status_code == 400
    assert "fingerprint" in garbled.get_json()["error"] and "GET /bulletins/preview" in garbled.get_json()["error"]
    assert published_count(empty_app) == 0

    document = client.get("/api/v1/openapi.json").get_json()
    assert document["info"]["version"] == "1.4.0"
    assert "fingerprint" in document["components"]["schemas"]["NewBulletinPublication"]["properties"]
    assert "fingerprint" not in document["components"]["schemas"]["NewBulletinPublication"].get("required", [])
    assert {"200", "403", "409"} <= set(document["paths"]["/bulletins/preview"]["get"]["responses"])
