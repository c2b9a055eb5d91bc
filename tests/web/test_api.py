"""The JSON API (CONTRACTS.md §6): an OA system reads tasks and files progress with a user's token.

Runs on tests/helpers/small_world.py: 甲局's liaison ``la`` leads T1, T2 and supports T4; ``lb`` (乙局) leads
T3, T4 and supports T1; ``viewer`` sees everything and reports nothing.
"""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import ApiToken, Channel, JournalEntry, ProgressReport, Task, TaskStatus
from tracker.services.accounts.tokens import token_hash

TODAY = small_world.TODAY


def written(app) -> tuple[int, int, list[str]]:
    """Return (reports, journal entries, task statuses): what a refused request must leave unchanged."""
    with app.app_context():
        return (db.session.scalar(select(func.count(ProgressReport.id))),
                db.session.scalar(select(func.count(JournalEntry.id))),
                [t.status.value for t in db.session.scalars(select(Task).order_by(Task.id))])


def test_api_create_token_prints_the_token_alone_and_stores_only_its_hash(empty_app, world):
    result = empty_app.test_cli_runner().invoke(args=["create-token", "la", "--name", "OA 系统"])
    assert result.exit_code == 0
    token = result.output.strip()
    assert result.output == token + "\n" and token.startswith("trk_") and len(token) > 40
    with empty_app.app_context():
        row = db.session.scalar(select(ApiToken))
        assert row.token_hash == token_hash(token) and token not in (row.token_hash, row.prefix)
        assert row.user.username == "la" and row.name == "OA 系统"
    unknown = empty_app.test_cli_runner().invoke(args=["create-token", "nobody"])
    assert unknown.exit_code == 1 and "没有用户“nobody”" in unknown.output


def test_api_liaison_token_sees_only_its_units_tasks(api, world):
    client, bearer = api
    headers = bearer("la")
    body = client.get("/api/v1/tasks", headers=headers).get_json()
    assert [t["id"] for t in body["items"]] == [world.tasks[k] for k in ("T1", "T2", "T4")]
    assert body["next"] is None
    first = body["items"][0]
    assert {k: first[k] for k in ("plan_id", "path", "title", "lead_units", "supporting_units", "deadline",
                                  "due_date", "status", "light")} == {
        "plan_id": world.plans["P1"], "path": ["一", "（一）"], "title": "建立风险台账", "lead_units": ["甲局"],
        "supporting_units": ["乙局"], "deadline": "2026年10月31日前", "due_date": "2026-10-31", "status": "closed",
        "light": "green"}
    assert client.get(f"/api/v1/tasks/{world.tasks['T3']}", headers=headers).status_code == 404  # 乙局's task
    assert client.get("/api/v1/tasks?q=完善监测预警", headers=headers).get_json()["items"] == []
    plans = client.get("/api/v1/plans", headers=headers).get_json()["items"]
    assert [(p["title"], p["task_count"]) for p in plans] == [("示范工作方案", 3), ("季度督办方案", 0)]


def test_api_filters_and_pagination_follow_next(api, world):
    client, bearer = api
    headers = bearer("sup")
    assert [t["id"] for t in client.get("/api/v1/tasks?light=red", headers=headers).get_json()["items"]] == \
        [world.tasks["T2"]]
    assert client.get(f"/api/v1/tasks?plan={world.plans['P2']}", headers=headers).get_json()["total"] == 1
    url, seen = "/api/v1/tasks?per_page=4&status=in_progress&q=具体", []
    pages = 0
    while url:
        body = client.get(url, headers=headers).get_json()
        seen += [t["id"] for t in body["items"]]
        url, pages = body["next"], pages + 1
    assert pages == 1 and seen == [world.tasks[k] for k in ("T2", "T3", "T4")]
    url, seen, pages = "/api/v1/tasks?per_page=4", [], 0
    while url:
        body = client.get(url, headers=headers).get_json()
        seen += [t["id"] for t in body["items"]]
        url, pages = body["next"], pages + 1
    assert pages == 2 and sorted(seen) == sorted(world.tasks.values())
    bad = client.get("/api/v1/tasks?light=purple", headers=headers)
    assert bad.status_code == 400 and "purple" in bad.get_json()["error"]
    assert client.get("/api/v1/tasks?per_page=1000", headers=headers).status_code == 400


def test_api_task_detail_has_its_reports_newest_first(api, world):
    client, bearer = api
    body = client.get(f"/api/v1/tasks/{world.tasks['T4']}", headers=bearer("la")).get_json()
    assert body["light"] == "green" and body["last_report_on"] == "2026-11-03"
    assert [(r["unit"], r["author"], r["created_at"]) for r in body["reports"]] == [
        ("乙局", "lb", "2026-11-03T10:00:00+08:00"), ("甲局", "la", "2026-10-26T01:00:00+08:00")]
    assert set(body["reports"][0]) == {"id", "task_id", "unit", "author", "created_at", "reported_on", "progress",
                                       "problems", "next_steps", "achieved_value", "signoff_state", "signed_by",
                                       "signed_at", "signoff_note"}
    assert [r["reported_on"] for r in body["reports"]] == ["2026-11-03", "2026-10-26"]  # 填报日期: the Beijing day
    assert body["reports"][0]["signoff_state"] is None  # 乙局 needs no sign-off (issue 18)


def test_api_last_report_on_is_the_latest_reports_fill_in_date(api, world, empty_app):
    """A report a ledger dated (its 填报日期, ProgressReport.reported_on) dates the task's last report in
    the API as on every page (ProgressReport.report_day), not the day it was stored."""
    import datetime

    client, bearer = api
    with empty_app.app_context():
        latest = db.session.scalars(select(ProgressReport).where(ProgressReport.task_id == world.tasks["T4"])
                                    .order_by(ProgressReport.created_at.desc())).first()
        latest.reported_on = datetime.date(2026, 11, 1)  # stored 11-03, filled in on 11-01
        db.session.commit()
    detail = client.get(f"/api/v1/tasks/{world.tasks['T4']}", headers=bearer("la")).get_json()
    assert detail["last_report_on"] == "2026-11-01" == detail["reports"][0]["reported_on"]
    listed = {t["id"]: t for t in client.get("/api/v1/tasks", headers=bearer("la")).get_json()["items"]}
    assert listed[world.tasks["T4"]]["last_report_on"] == "2026-11-01"


def test_api_quantified_task_shows_its_target_and_takes_an_achieved_value(api, world, empty_app):
    """An OA system reads a quantified task's 目标值/计量单位 and files a 完成值 with its report, as the
    web progress form does (services/workflow/progress.add_report); a task without a target refuses one."""
    client, bearer = api
    with empty_app.app_context():
        task = db.session.get(Task, world.tasks["T2"])
        task.target_value, task.target_unit = 30.0, "家"
        db.session.commit()
    detail = client.get(f"/api/v1/tasks/{world.tasks['T2']}", headers=bearer("la")).get_json()
    assert (detail["target_value"], detail["target_unit"]) == (30.0, "家")
    listed = {t["id"]: t for t in client.get("/api/v1/tasks", headers=bearer("la")).get_json()["items"]}
    assert (listed[world.tasks["T2"]]["target_value"], listed[world.tasks["T1"]]["target_value"]) == (30.0, None)
    response = client.post(f"/api/v1/tasks/{world.tasks['T2']}/reports", headers=bearer("la"),
                           json={"progress": "已排查 20 家。", "achieved_value": 20})
    assert response.status_code == 201 and response.get_json()["achieved_value"] == 20.0
    with empty_app.app_context():
        stored = db.session.get(ProgressReport, response.get_json()["id"])
        assert stored.achieved_value == 20.0
    before = written(empty_app)
    text = client.post(f"/api/v1/tasks/{world.tasks['T2']}/reports", headers=bearer("la"),
                       json={"progress": "x", "achieved_value": "20"})
    assert text.status_code == 400 and "完成值" in text.get_json()["error"]
    untargeted = client.post(f"/api/v1/tasks/{world.tasks['T4']}/reports", headers=bearer("la"),
                             json={"progress": "配合：已完成 3 家。", "achieved_value": 3})
    assert untargeted.status_code == 409 and "没有设定目标值" in untargeted.get_json()["error"]
    assert written(empty_app) == before


def test_api_liaison_files_a_report_through_add_report_with_the_api_channel(api, world, empty_app):
    client, bearer = api
    response = client.post(f"/api/v1/tasks/{world.tasks['T2']}/reports", headers=bearer("la"),
                           json={"progress": "OA 同步：排查已覆盖 20 家。", "problems": "人手不足。", "next_steps": "月底完成。"})
    assert response.status_code == 201
    report = response.get_json()
    assert (report["task_id"], report["unit"], report["author"], report["progress"], report["problems"],
            report["next_steps"]) == (world.tasks["T2"], "甲局", "la", "OA 同步：排查已覆盖 20 家。", "人手不足。", "月底完成。")
    with empty_app.app_context():
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.field == "report"))
        assert entry.channel is Channel.API and entry.task_id == world.tasks["T2"]
    detail = client.get(f"/api/v1/tasks/{world.tasks['T2']}", headers=bearer("sup")).get_json()
    assert detail["reports"][0]["id"] == report["id"]


@pytest.mark.parametrize(("username", "task", "body", "status", "message"), [
    ("la", "T3", {"progress": "越权"}, 404, "无权查看"),                       # another unit's task
    ("viewer", "T1", {"progress": "领导不报送"}, 403, "不能报送"),              # sees it, may not report
    ("la", "T4", {"progress": "配合单位想办结", "status": "closed"}, 403, "完成状态"),  # supporting unit
    ("la", "T2", {"problems": "没有进展"}, 400, "进展情况"),
    ("la", "T2", {"progress": 5}, 400, "字符串"),
    ("la", "T2", {"progress": "x", "status": "done"}, 400, "status"),
])
def test_api_refused_reports_write_nothing(api, world, empty_app, username, task, body, status, message):
    client, bearer = api
    headers = bearer(username)
    before = written(empty_app)
    response = client.post(f"/api/v1/tasks/{world.tasks[task]}/reports", headers=headers, json=body)
    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert written(empty_app) == before


def test_api_rejects_missing_revoked_and_session_credentials(api, world, empty_app):
    client, bearer = api
    assert client.get("/api/v1/tasks").status_code == 401
    assert client.get("/api/v1/tasks", headers={"Authorization": "Bearer trk_not-a-token"}).status_code == 401
    headers = bearer("la")
    assert client.get("/api/v1/units", headers=headers).status_code == 200
    result = empty_app.test_cli_runner().invoke(args=["revoke-token", "la"])
    assert result.exit_code == 0 and "1 个令牌" in result.output
    refused = client.get("/api/v1/units", headers=headers)
    assert refused.status_code == 401 and "吊销" in refused.get_json()["error"]
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    # A signed-in browser session is not an API credential, even without CSRF protection on the API.
    browser = empty_app.test_client()
    sign_in(browser, "la")
    before = written(empty_app)
    posted = browser.post(f"/api/v1/tasks/{world.tasks['T2']}/reports", json={"progress": "从浏览器跨站提交"})
    assert posted.status_code == 401 and written(empty_app) == before
    assert "Set-Cookie" not in client.get("/api/v1/openapi.json").headers


def test_api_revoke_one_token_keeps_the_others(api, world, empty_app):
    client, bearer = api
    first, second = bearer("sup"), bearer("sup")
    token = first["Authorization"].split()[1]
    assert empty_app.test_cli_runner().invoke(args=["revoke-token", "sup", "--token", token]).exit_code == 0
    assert client.get("/api/v1/plans", headers=first).status_code == 401
    assert client.get("/api/v1/plans", headers=second).status_code == 200
    again = empty_app.test_cli_runner().invoke(args=["revoke-token", "sup", "--token", token])
    assert again.exit_code == 1 and "没有这个有效的令牌" in again.output


def test_api_disabled_user_token_is_refused(api, world, empty_app):
    client, bearer = api
    headers = bearer("la")
    with empty_app.app_context():
        from tracker.models import User
        db.session.scalar(select(User).where(User.username == "la")).active = False
        db.session.commit()
    assert client.get("/api/v1/tasks", headers=headers).status_code == 401


def test_api_errors_are_json_and_the_openapi_document_describes_the_api(api, world):
    client, bearer = api
    headers = bearer("sup")
    missing = client.get("/api/v1/tasks/999999", headers=headers)
    assert missing.status_code == 404 and "error" in missing.get_json()
    nowhere = client.get("/api/v1/nowhere", headers=headers)
    assert nowhere.status_code == 404 and nowhere.is_json and "openapi.json" in nowhere.get_json()["error"]
    wrong_method = client.delete(f"/api/v1/tasks/{world.tasks['T1']}", headers=headers)
    assert wrong_method.status_code == 405 and wrong_method.is_json
    not_json = client.post(f"/api/v1/tasks/{world.tasks['T1']}/reports", headers=headers, data="progress=1")
    assert not_json.status_code == 400 and "JSON" in not_json.get_json()["error"]
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/tasks", "/tasks/{task_id}", "/tasks/{task_id}/reports", "/plans", "/units"} <= set(document["paths"])
    assert set(document["paths"]["/tasks/{task_id}/reports"]["post"]["responses"]) >= {"201", "403", "404"}
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    units = client.get("/api/v1/units", headers=headers).get_json()
    assert [u["name"] for u in units["items"]] == ["甲局", "乙局", "丙局", "督查室"] and units["next"] is None


def test_api_statuses_move_like_on_the_web(api, world, empty_app):
    # As on the web (issue 12): 已办结 is the supervising office's; a lead unit asks to close with a
    # 办结说明 on the task page, so the API refuses and writes nothing; 推进中 it may set.
    client, bearer = api
    url = f"/api/v1/tasks/{world.tasks['T2']}/reports"
    before = written(empty_app)
    response = client.post(url, headers=bearer("la"), json={"progress": "排查全部完成。", "status": "closed"})
    assert response.status_code == 403 and "申请办结" in response.get_json()["error"]
    assert written(empty_app) == before
    task = client.get(f"/api/v1/tasks/{world.tasks['T2']}", headers=bearer("la")).get_json()
    assert "closed" not in task["settable_statuses"] and "request_close" in task["actions"]
    response = client.post(url, headers=bearer("la"), json={"progress": "排查过半。", "status": "in_progress"})
    assert response.status_code == 201
    with empty_app.app_context():
        assert db.session.get(Task, world.tasks["T2"]).status is TaskStatus.IN_PROGRESS


def test_api_document_states_the_limits_the_api_enforces(api, world, empty_app):
    # Issue 14: Schemathesis found page=0 and an empty progress refused although the hand-written
    # document allowed them. The document is now generated from the schemas that validate requests.
    from tracker.services.figures.facts import MAX_QUERY_CHARS
    from tracker.services.workflow.progress import MAX_REPORT_CHARS

    client, bearer = api
    headers = bearer("la")
    document = client.get("/api/v1/openapi.json").get_json()
    query = {p["name"]: p["schema"] for p in document["paths"]["/tasks"]["get"]["parameters"]}
    assert query["page"]["minimum"] == 1 and query["per_page"] == {"type": "integer", "minimum": 1, "maximum": 200}
    assert query["q"]["maxLength"] == MAX_QUERY_CHARS and query["status"]["enum"][0] == "assigned"
    progress = document["components"]["schemas"]["NewReport"]["properties"]["progress"]
    assert (progress["minLength"], progress["maxLength"]) == (1, MAX_REPORT_CHARS)
    assert document["components"]["schemas"]["NewReport"]["required"] == ["progress"]
    assert set(document["paths"]["/tasks/{task_id}/reports"]["post"]["responses"]) == {
        "201", "400", "401", "403", "404", "409", "413", "503", "507"}

    refused = client.get("/api/v1/tasks?page=0", headers=headers)
    assert refused.status_code == 400 and "page" in refused.get_json()["error"] and "“0”" in refused.get_json()["error"]
    assert client.get("/api/v1/tasks?page=1", headers=headers).status_code == 200
    long_query = client.get("/api/v1/tasks?q=" + "甲" * (MAX_QUERY_CHARS + 1), headers=headers)
    assert long_query.status_code == 400 and f"至多 {MAX_QUERY_CHARS} 字" in long_query.get_json()["error"]
    assert client.get("/api/v1/tasks?q=a%00b", headers=headers).status_code == 400
    assert client.get("/api/v1/tasks?plan=", headers=headers).status_code == 400
    # PostgreSQL's INTEGER ids end at 2^31 − 1: past it, 400 or 404 (Schemathesis found a 500 there).
    assert query["unit"]["maximum"] == 2**31 - 1
    assert client.get(f"/api/v1/tasks?unit={2**31}", headers=headers).status_code == 400
    assert client.get(f"/api/v1/tasks/{2**31}", headers=headers).status_code == 404

    url = f"/api/v1/tasks/{world.tasks['T2']}/reports"
    before = written(empty_app)
    for body, field in [({"progress": " \u3000\n"}, "progress"), ({"progress": "有\x00空字符"}, "progress"),
                        ({"progress": "x" * (MAX_REPORT_CHARS + 1)}, "progress"),
                        ({"progress": "好", "problems": "y" * (MAX_REPORT_CHARS + 1)}, "problems")]:
        response = client.post(url, headers=headers, json=body)
        assert response.status_code == 400 and f"字段 {field}" in response.get_json()["error"], body
    assert written(empty_app) == before
    assert client.post(url, headers=headers, json={"progress": "好", "problems": None, "status": ""}).status_code == 201


def test_api_status_the_task_cannot_take_now_is_a_conflict(api, world, empty_app):
    # 已签收 comes from 签收, not from a report: a schema-valid request that the task's state refuses
    # answers 409 (documented), not 400 (which says the request itself is malformed).
    client, bearer = api
    before = written(empty_app)
    response = client.post(f"/api/v1/tasks/{world.tasks['T6']}/reports", headers=bearer("lc"),  # T6: 已交办
                           json={"progress": "已签收。", "status": "acknowledged"})
    assert response.status_code == 409 and "签收" in response.get_json()["error"]
    assert written(empty_app) == before


def test_api_wrong_method_answers_405_with_allow(api, world):
    client, bearer = api
    headers = bearer("sup")
    wrong = client.delete(f"/api/v1/tasks/{world.tasks['T1']}", headers=headers)
    assert wrong.status_code == 405 and wrong.is_json
    assert set(wrong.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "POST" in client.put(f"/api/v1/tasks/{world.tasks['T1']}/reports", headers=headers).headers["Allow"]
    page = client.post("/healthz")  # the web pages too (RFC 9110: a 405 lists the methods)
    assert page.status_code == 405 and "GET" in page.headers["Allow"]


def test_api_document_server_is_the_configured_base_url(api, world, empty_app):
    client, _ = api
    empty_app.config["BASE_URL"] = "https://duban.example.gov.cn"
    document = client.get("/api/v1/openapi.json", headers={"Host": "evil.example"}).get_json()
    assert document["servers"] == [{"url": "https://duban.example.gov.cn/api/v1"}]


def test_api_indicators_a_liaison_posts_and_reads_only_its_own_units_figures(empty_app, api):
    client, bearer = api
    la, lb = bearer("la"), bearer("lb")
    names = [i["name"] for i in client.get("/api/v1/indicators", headers=la).get_json()["items"]]
    assert names == ["人民币存款余额", "人民币贷款余额", "保费收入"]
    posted = client.post("/api/v1/indicators/figures", headers=la,
                         json={"unit": "甲局", "period": "2024-07", "values": {"保费收入": 2.5}})
    assert posted.status_code == 201 and posted.get_json()["written"] == 1
    refused = client.post("/api/v1/indicators/figures", headers=la,
                          json={"unit": "乙局", "period": "2024-07", "values": {"保费收入": 9.0}})
    assert refused.status_code == 403 and "只能填报本单位" in refused.get_json()["error"]
    assert client.post("/api/v1/indicators/figures", headers=lb,
                       json={"unit": "乙局", "period": "2024-07", "values": {"保费收入": 3.0}}).status_code == 201
    own = client.get("/api/v1/indicators/figures?period=2024-07", headers=la).get_json()["items"]
    assert own == [{"entity": "甲局", "indicator": "保费收入", "unit": "亿元", "period": "2024-07", "value": 2.5}]
    everyone = client.get("/api/v1/indicators/ranking?period=2024-07&indicator=保费收入&by=ytd",
                          headers=bearer("viewer")).get_json()
    assert [(r["entity"], r["ytd_change"], r["rank"]) for r in everyone["items"]] == [("乙局", 3.0, 1), ("甲局", 2.5, 2)]
    # The overall ranking: only 保费收入 has figures; of 2 ranked, 1st scores 100, 2nd (2 − 2 + 1) ÷ 2 × 100 = 50.
    overall = client.get("/api/v1/indicators/overall?period=2024-07&by=ytd", headers=bearer("viewer")).get_json()
    assert [(r["entity"], r["score"], r["rank"]) for r in overall["items"]] == [("乙局", 100.0, 1), ("甲局", 50.0, 2)]
    assert "位次赋分法" in overall["rule"] and {"indicator": "保费收入", "weight": 1.0} in overall["weights"]
    own_rank = client.get("/api/v1/indicators/overall?period=2024-07&by=ytd", headers=la).get_json()["items"]
    assert [(r["entity"], r["rank"]) for r in own_rank] == [("甲局", 2)]  # its rank among all, not "1 of 1"
    assert client.get("/api/v1/indicators/overall?period=2024-7", headers=la).status_code == 400
    bad = client.get("/api/v1/indicators/figures?period=2024-7", headers=la)
    assert bad.status_code == 400 and "YYYY-MM" in bad.get_json()["error"]


def test_api_indicators_refuse_what_the_document_refuses_and_name_unknown_units_and_indicators(empty_app, api):
    """Found by Schemathesis once the indicator operations were held to the document (issue 16)."""
    client, bearer = api
    sup = bearer("sup")
    post = lambda body: client.post("/api/v1/indicators/figures", headers=sup, json=body)  # noqa: E731
    unknown_unit = post({"unit": "不存在的银行", "period": "2024-07", "values": {"保费收入": 1.0}})
    assert unknown_unit.status_code == 404 and "不在单位名录中" in unknown_unit.get_json()["error"]
    unknown_indicator = post({"unit": "甲局", "period": "2024-07", "values": {"GDP": 1.0}})
    assert unknown_indicator.status_code == 404 and "没有名为“GDP”的指标" in unknown_indicator.get_json()["error"]
    as_text = post({"unit": "甲局", "period": "2024-07", "values": {"保费收入": "1.5"}})
    assert as_text.status_code == 400 and "values" in as_text.get_json()["error"]
    assert post({"unit": "甲局", "period": "2024-07", "values": {"保费收入": -1}}).status_code == 400
    assert post({"unit": "甲局", "period": "2024-07", "values": {"保费收入": 10 ** 400}}).status_code == 400
    newline = client.get("/api/v1/indicators/figures?period=2024-07%0A", headers=sup)
    assert newline.status_code == 400 and "YYYY-MM" in newline.get_json()["error"]
    bad_by = client.get("/api/v1/indicators/ranking?period=2024-07&indicator=保费收入&by=best", headers=sup)
    assert bad_by.status_code == 400 and "yoy、ytd、target" in bad_by.get_json()["error"]
    assert client.get("/api/v1/indicators/ranking?period=2024-07&indicator=%20", headers=sup).status_code == 404
