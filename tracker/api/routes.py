"""Endpoints of the JSON API. Thin: validate with schemas.py, call a service, serialise.

The request schemas of schemas.py validate the query string of ``GET /tasks`` and the body of
``POST /tasks/{task_id}/reports``; the same schemas make the OpenAPI document (openapi.py).

Authentication: ``Authorization: Bearer TOKEN`` (services/api_tokens); a session cookie is ignored,
so a signed-in browser gets 401 here like anyone without a token. Errors: ``{"error": "..."}``.
"""
from __future__ import annotations

from datetime import date

from flask import current_app, g, jsonify, request, url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import HTTPException

from .. import clock
from ..clock import to_beijing
from ..extensions import db
from ..models import Channel, Plan, ProgressReport, Task, TaskStatus, Unit
from ..services.accounts.tokens import user_for_token
from ..services.figures.dashboard import list_tasks
from ..services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..services.figures.facts import TaskFilters
from ..services.figures.lights import plan_light
from ..services.permissions import can_see_report, can_split_task, can_view_task
from ..services.plans.subtasks import SPLIT_REFUSED, rollup, split_task, subtask_rows
from ..services.workflow.transitions import Action, action_names, settable_statuses
from ..services.workflow.transitions import check as check_action
from ..services.workflow.progress import add_report, latest_reports
from ..services.workflow.reminders import remind_offer
from ..services.scope import live_units_query, task_scope
from ..lazy import LazyModule
from . import bp

# marshmallow and the schemas (and apispec for the document) load with the first API request, not in every
# process that builds the app (tracker/lazy.py; issue 19: a command imports what it uses).
schemas = LazyModule("tracker.api.schemas")


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with ``status``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@bp.errorhandler(ApiError)
def api_error(error: ApiError):
    """Answer ``error`` as ``{"error": message}`` with its status; a 401 also carries ``WWW-Authenticate: Bearer``."""
    response = jsonify(error=str(error))
    response.status_code = error.status
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
    return response


@bp.errorhandler(PermissionDenied)
def permission_denied(error):
    """A service's PermissionDenied (services/errors.py) as 403 ``{"error": message}``: the caller may see
    the object but not do this."""
    return api_error(ApiError(403, str(error)))


@bp.errorhandler(NotFound)
def not_found(error):
    """A service's NotFound as 404 ``{"error": message}``."""
    return api_error(ApiError(404, str(error)))


@bp.errorhandler(Conflict)
def conflict(error):
    """A service's Conflict (a newer task version, a draft decided already) as 409 ``{"error": message}``."""
    return api_error(ApiError(409, str(error)))


@bp.errorhandler(InvalidInput)
def invalid_input(error):
    """A service's InvalidInput that no endpoint turned into 409 as 400 ``{"error": message}``."""
    return api_error(ApiError(400, str(error)))


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    """Werkzeug's HTTP errors (404 of an unknown address, 405 with ``Allow``, 413, 429 with ``Retry-After``)
    as ``{"error": description}`` with their status and those headers, never an HTML page.
    """
    response = api_error(ApiError(error.code or 500, error.description or error.name))
    for name in ("Allow", "Retry-After"):  # what werkzeug's exception says beyond its page
        value = dict(error.get_headers()).get(name)
        if value:
            response.headers[name] = value
    return response


@bp.before_request
def authenticate():
    """Find the caller from the bearer token; the OpenAPI document is public."""
    if request.endpoint == "api.openapi":
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "缺少令牌：请在请求头中加上 Authorization: Bearer 令牌（令牌用 flask --app tracker create-token 用户名 生成）。")
    user = user_for_token(token.strip())
    if user is None:
        raise ApiError(401, "令牌无效或已被吊销，请向管理员申请新的令牌。")
    g.api_user = user
    return None


@bp.after_request
def no_store(response):
    """Mark every API answer ``Cache-Control: no-store`` (it carries one user's data); returns ``response``."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def report_json(report: ProgressReport) -> dict:
    """Return REPORT of CONTRACTS.md §6; ``created_at`` in Beijing time with its offset; ``reported_on``
    its 填报日期 (ProgressReport.report_day, issue 15); ``achieved_value`` its 完成值 or None."""
    return {"id": report.id, "task_id": report.task_id, "unit": report.unit.name if report.unit else None,
            "author": report.author.username if report.author else None,
            "created_at": to_beijing(report.created_at).isoformat(), "reported_on": report.report_day.isoformat(),
            "progress": report.progress, "problems": report.problems, "next_steps": report.next_steps,
            "achieved_value": report.achieved_value,  # 完成值 of a quantified task (Task.target_value)
            # Sign-off inside a unit (issue 18): null when the report needed none; else draft/signed/returned.
            "signoff_state": report.signoff_state.value if report.signoff_state else None,
            "signed_by": report.signed_by.username if report.signed_by else None,
            "signed_at": to_beijing(report.signed_at).isoformat() if report.signed_at else None,
            "signoff_note": report.signoff_note}


def external_url(endpoint: str, **values) -> str:
    """The absolute URL of ``endpoint``: on ``BASE_URL`` when configured (TRACKER_BASE_URL, e.g.
    "https://duban.example.gov.cn"), else on the request's host, which Flask checks against
    ``TRUSTED_HOSTS`` when configured. Without either, a forged ``Host`` header would come back in
    the links (issue 14 item 13); production sets one of them (README, configuration)."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, **values, _external=True)


def report_days(task_ids: list[int]) -> dict[int, date]:
    """``{task id: 填报日期 of its latest report}`` for ``task_ids`` (one query): the tracker's one latest
    report (services/workflow/progress.latest_reports, counted reports only) dated by
    ``ProgressReport.report_day`` (a ledger's 填报日期, else the day it counted), as every page dates it."""
    return {task_id: report.report_day for task_id, report in latest_reports(task_ids).items()}


def task_json(task: Task, light: str, last_report_on) -> dict:
    """Return TASK of CONTRACTS.md §6 (plus number, text, status_label, last_report_on, target_value,
    target_unit, url).

    ``last_report_on``: the 填报日期 of the task's latest report (``report_days``), or None."""
    return {"id": task.id, "plan_id": task.plan_id, "path": list(task.path), "number": task.number_display,
            "title": task.heading_text, "text": task.text,
            "lead_units": [u.name for u in task.lead_units], "supporting_units": [u.name for u in task.supporting_units],
            "deadline": task.deadline, "due_date": _iso(task.due_date), "status": task.status.value,
            "status_label": task.status.label, "light": light, "last_report_on": _iso(last_report_on),
            "target_value": task.target_value, "target_unit": task.target_unit,  # 目标值/计量单位 (quantified)
            "parent_id": task.split_from_id, "url": external_url("api.task", task_id=task.id)}


@bp.get("/tasks")
def tasks():
    """``GET /tasks``: the tasks the token's user sees, with the dashboard's filters (schemas.TaskQuery,
    services/figures/facts.TaskFilters), as ``{"items": [TASK…], "next": URL or null, "total", "page", "per_page"}``.

    400 ``{"error": …}`` naming the parameter for a value outside the schema or a filter the dashboard
    cannot read; ``per_page`` 1–200 (schemas.DEFAULT_PER_PAGE when absent). Lights are as of the Beijing day.
    """
    query = _load(schemas.TaskQuery(), request.args.to_dict(), "参数")
    filters, problems = TaskFilters.from_args(request.args)  # the dashboard's reader of the same filters
    if problems:
        raise ApiError(400, problems[0].replace("已忽略", "无法识别"))
    page = query.get("page", 1)
    per_page = query.get("per_page", schemas.DEFAULT_PER_PAGE)
    listing = list_tasks(g.api_user, clock.beijing_today(), filters, page, per_page)
    days = report_days([f.id for f in listing.facts])
    items = [task_json(listing.tasks[f.id], f.light.value, days.get(f.id)) for f in listing.facts]
    following = None
    if listing.has_next:
        following = external_url("api.tasks", page=page + 1, per_page=per_page, **filters.as_args())
    return jsonify(items=items, next=following, total=listing.total, page=page, per_page=per_page)


def _load(schema, data, where: str) -> dict:
    """``schemas.load`` with its ValueError turned into the API's 400."""
    try:
        return schemas.load(schema, data, where)
    except ValueError as error:
        raise ApiError(400, str(error)) from None


def _json_body(schema, example: str) -> dict:
    """The request's JSON object checked by ``schema`` (a marshmallow schema from api/schemas.py).

    ``example`` is a JSON object written as the caller should send it (shown in the error). Raises
    ApiError 400 when the body is not a JSON object or ``schema`` refuses it (the message names the
    field); returns the loaded dict.
    """
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, f"请求体应为 JSON 对象，如 {example}，并带 Content-Type: application/json。")
    return _load(schema, data, "字段")


def _visible_task(task_id: int) -> Task:
    task = db.session.get(Task, task_id)
    if task is None or not can_view_task(g.api_user, task):
        raise ApiError(404, f"没有编号为 {task_id} 的任务，或您无权查看。")
    return task


@bp.get("/tasks/<int:task_id>")
def task(task_id: int):
    """``GET /tasks/{task_id}``: TASK with its ``reports`` (those the caller may see: a draft only to its own
    unit), ``subtasks``, ``rollup`` (services/plans/subtasks.rollup), ``actions`` and ``settable_statuses``
    (services/workflow/transitions). 404 when the task does not exist or the caller may not see it.
    """
    found = _visible_task(task_id)
    reports = [r for r in found.reports if can_see_report(g.api_user, found, r)]  # drafts: own unit only
    counted = next((r for r in reports if r.counts), None)
    last = to_beijing(counted.counted_at).date() if counted else None
    light = plan_light(found.plan, found.status, found.due_date, last, clock.beijing_today())
    rows = subtask_rows(found, clock.beijing_today())
    days = report_days([found.id] + [r.task.id for r in rows])
    body = task_json(found, light.value, days.get(found.id))
    body["reports"] = [report_json(r) for r in reports]
    body["subtasks"] = [task_json(r.task, r.light.value, days.get(r.task.id)) for r in rows]
    body["rollup"] = rollup(found, rows).as_dict()
    # What the caller may do now, from the transition table (services/workflow/transitions.py), and 催办 by the one
    # rule of which tasks are urged (a closed task while it owes this period's report: reminders.remind_offer).
    actions = set(action_names(g.api_user, found))
    if remind_offer(g.api_user, found)[0]:
        actions.add(Action.REMIND.value)
    body["actions"] = sorted(actions)
    body["settable_statuses"] = [status.value for status in settable_statuses(g.api_user, found)]
    return jsonify(body)


@bp.post("/tasks/<int:task_id>/reports")
def create_report(task_id: int):
    """``POST /tasks/{task_id}/reports``: file a progress report (schemas.NewReport: ``progress`` required,
    ``problems``, ``next_steps``, optional ``status`` code and ``achieved_value`` in the task's 计量单位),
    journalled with the channel 接口; 201 with REPORT and ``Location`` of the task.

    404 for a task the caller may not see; 403 when the transition table (services/workflow/transitions.py)
    lets the caller file no report; 400 for a body the schema refuses; 409 when the task cannot take the
    status now or was withdrawn (nothing written).
    """
    found = _visible_task(task_id)
    try:
        check_action(g.api_user, found, Action.REPORT)  # the transition table: PermissionDenied → 403
    except InvalidInput as error:
        raise ApiError(409, str(error)) from None
    body = _json_body(schemas.NewReport(), '{"progress": "……"}')
    texts = {name: body.get(name) or "" for name in ("progress", "problems", "next_steps")}
    status = TaskStatus(body["status"]) if body.get("status") else None
    try:
        report = add_report(found, g.api_user, texts["progress"], texts["problems"], texts["next_steps"], status,
                            channel=Channel.API, achieved_value=body.get("achieved_value"))
    except InvalidInput as error:
        # The body passed NewReport, so what add_report still refuses is the task's state: the
        # transition table forbids that status now, or the task was withdrawn. 409, nothing written.
        raise ApiError(409, str(error)) from None
    response = jsonify(report_json(report))
    response.status_code = 201
    response.headers["Location"] = external_url("api.task", task_id=found.id)
    return response


@bp.post("/tasks/<int:task_id>/subtasks")
def create_subtask(task_id: int):
    """Split a task for one unit (a group: for each member), as the web's 分解任务 (CONTRACTS.md §6)."""
    found = _visible_task(task_id)
    if not can_split_task(g.api_user, found):
        raise ApiError(403, SPLIT_REFUSED)
    body = _json_body(schemas.NewSubtask(), '{"unit": "渝中区人民政府"}')
    try:
        made = split_task(g.api_user, found.id, [body["unit"]], body.get("title"), body.get("deadline"),
                          channel=Channel.API)
    except InvalidInput as error:
        # The body passed NewSubtask, so what split_task still refuses is the state of the task or the
        # registry (a unit not registered or already given a sub-task, a heading, a closed task, a
        # deadline later than the task's): 409, nothing written, as for reports.
        raise ApiError(409, str(error)) from None
    sub = made[0]
    response = jsonify(task_json(sub, plan_light(sub.plan, sub.status, sub.due_date, None, clock.beijing_today()).value,
                                 None))
    response.status_code = 201
    response.headers["Location"] = external_url("api.task", task_id=sub.id)
    return response


def signoff_json(draft) -> dict:
    """Return a Signoff (schemas.Signoff) of ``draft`` (services/workflow/signoff.Draft)."""
    item = draft.item
    return {"kind": draft.kind.value, "id": draft.id, "task_id": draft.task.id,
            "unit": item.unit.name if item.unit else None,
            "author": draft.author.username if draft.author else None,
            "created_at": to_beijing(draft.created_at).isoformat(), "summary": draft.summary,
            "signoff_state": item.signoff_state.value,
            "signed_by": item.signed_by.username if item.signed_by else None,
            "signed_at": to_beijing(item.signed_at).isoformat() if item.signed_at else None,
            "signoff_note": item.signoff_note}


@bp.get("/signoffs")
def signoffs():
    """``GET /signoffs``: the drafts waiting for the token's unit leader (services/workflow/signoff.waiting_for),
    as ``{"items": [Signoff…], "next": null}``; an empty list for anyone but a unit leader.
    """
    from ..services.workflow.signoff import waiting_for

    return jsonify(items=[signoff_json(d) for d in waiting_for(g.api_user)], next=None)


@bp.post("/signoffs/<kind>/<int:item_id>/<any(approve, return):decision>")
def decide_signoff(kind: str, item_id: int, decision: str):
    """审核签发 or 退回修改 of one draft, with the rights of the web page (the transition table)."""
    from ..services.workflow import signoff

    reason = ""
    if decision == "return":
        reason = _json_body(schemas.SignoffReturn(), '{"reason": "……"}')["reason"]
    try:
        if decision == "approve":
            draft = signoff.sign(kind, item_id, g.api_user)
        else:
            draft = signoff.return_draft(kind, item_id, g.api_user, reason)
    except NotFound as error:
        raise ApiError(404, str(error)) from None
    except InvalidInput as error:
        raise ApiError(409, str(error)) from None
    return jsonify(signoff_json(draft))


@bp.get("/plans")
def plans():
    """``GET /plans``: every plan as ``{"items": [{"id", "title", "doc_number", "issuer", "issued_on"
    (YYYY-MM-DD or null), "report_cycle" (code), "report_day", "warning_days" (days), "task_count"}], "next": null}``;
    ``task_count`` counts the live leaf tasks the caller sees (services/scope.py).
    """
    counts = dict(db.session.execute(
        task_scope(g.api_user).live().leaves().select(Task.plan_id, func.count(Task.id))
        .group_by(Task.plan_id)).all())
    items = [{"id": p.id, "title": p.title, "doc_number": p.doc_number, "issuer": p.issuer,
              "issued_on": _iso(p.issued_on), "report_cycle": p.report_cycle.value, "report_day": p.report_day,
              "warning_days": p.warning_days, "task_count": counts.get(p.id, 0)}
             for p in db.session.scalars(select(Plan).order_by(Plan.id))]
    return jsonify(items=items, next=None)


@bp.get("/units")
def units():
    """``GET /units``: the live units of the registry (merged-away ones left out, services/scope.live_units_query)
    as ``{"items": [{"id", "name", "aliases": [str]}], "next": null}``, by id.
    """
    items = [{"id": u.id, "name": u.name, "aliases": [a.alias for a in u.aliases]}
             for u in db.session.scalars(live_units_query().options(selectinload(Unit.aliases)).order_by(Unit.id))]
    return jsonify(items=items, next=None)


@bp.get("/indicators")
def indicator_list():
    """``GET /indicators``: the indicators (指标监测, issue 16) as ``{"items": [{"id", "name", "measure_unit"
    (计量单位, e.g. 亿元), "kind", "direction", "frequency"} (codes)], "next": null}``.
    """
    from ..services.indicators.figures import indicators

    items = [{"id": i.id, "name": i.name, "measure_unit": i.measure_unit, "kind": i.kind.value,
              "direction": i.direction.value, "frequency": i.frequency.value} for i in indicators()]
    return jsonify(items=items, next=None)




@bp.get("/indicators/figures")
def indicator_figures():
    """``GET /indicators/figures?period=YYYY-MM``: the month's figures with their derived values
    (services/indicators/figures.figures_of, within what the caller may see) as ``{"items": [...], "next": null}``;
    400 naming ``period`` when it is missing or not a month.
    """
    from ..services.indicators.figures import figures_of

    query = _load(schemas.IndicatorPeriodQuery(), request.args.to_dict(), "参数")
    return jsonify(items=figures_of(g.api_user, query["period"]), next=None)


@bp.post("/indicators/figures")
def post_indicator_figures():
    """Store one entity's figures of one month: {"unit": NAME, "period": "YYYY-MM", "values": {指标: 数值}}."""
    from ..services.accounts.units import find_unit
    from ..services.indicators.figures import enter_figures

    body = _json_body(schemas.NewFigures(), '{"unit": "工商银行", "period": "2024-07", "values": {"人民币存款余额": 110.5}}')
    unit = find_unit(body["unit"])
    if unit is None:
        raise ApiError(404, f"单位“{body['unit'][:40]}”不在单位名录中：请用 GET /units 查到的名称或别名。")
    written = enter_figures(g.api_user, unit.id, body["period"], body["values"])  # unknown indicator: NotFound → 404
    response = jsonify(unit=unit.name, period=body["period"], written=written)
    response.status_code = 201
    return response


@bp.get("/indicators/ranking")
def indicator_ranking():
    """``GET /indicators/ranking?period=YYYY-MM&indicator=NAME&by=yoy|ytd|target``: one indicator's
    ranking (ties share a rank: indicators/ranking.py) as ``{"indicator", "period", "by", "items"}``;
    400 for a bad parameter, 404 for an unknown indicator.
    """
    from ..services.indicators.figures import ranking

    query = _load(schemas.IndicatorRankingQuery(), request.args.to_dict(), "参数")
    result = ranking(g.api_user, query["period"], query["indicator"], query.get("by", "yoy"))
    return jsonify(indicator=result.indicator.name, period=result.period, by=result.by, items=result.rows)


@bp.get("/indicators/overall")
def indicator_overall():
    """``GET /indicators/overall?period=YYYY-MM&by=yoy|ytd|target``: the 综合排名 over all indicators as
    ``{"period", "by", "rule" (the rule in words), "weights": [{"indicator", "weight"}], "items"}``;
    400 for a bad parameter.
    """
    from ..services.indicators.figures import overall_ranking

    query = _load(schemas.IndicatorOverallQuery(), request.args.to_dict(), "参数")
    result = overall_ranking(g.api_user, query["period"], query.get("by", "yoy"))
    return jsonify(period=result.period, by=result.by, rule=result.rule,
                   weights=[{"indicator": name, "weight": weight} for name, weight in result.weights],
                   items=result.rows)


def bulletin_json(row, newest: dict[str, int]) -> dict:
    """Return a PublishedBulletin (schemas.PublishedBulletin): services/figures/publishing.describe of ``row`` plus
    ``url`` (this API's address of it) and ``files`` (``{"docx": URL, "xlsx": URL}``, its downloads)."""
    from ..services.figures import publishing

    body = publishing.describe(row, newest)
    body["url"] = external_url("api.bulletin", bulletin_id=row.id)
    body["files"] = {extension: external_url("api.bulletin_file", bulletin_id=row.id, extension=extension)
                     for extension in publishing.FILE_FORMATS}
    return body


@bp.get("/bulletins")
def bulletins():
    """``GET /bulletins``: the published 通报 (发布通报) the caller may read, newest first, as ``{"items":
    [PublishedBulletin…], "next": null}`` (services/figures/publishing.published_bulletins: the web's /bulletins);
    403 for a caller who may not read them (services/permissions.can_read_published_bulletins).
    """
    from ..services.figures import publishing

    rows = publishing.published_bulletins(g.api_user)
    newest = publishing.latest_versions(rows)
    return jsonify(items=[bulletin_json(row, newest) for row in rows], next=None)


@bp.get("/bulletins/preview")
def bulletin_preview():
    """``GET /bulletins/preview?period=2026-10``: the 通报 of that period as computed now (the web's /bulletin, the
    same service: services/figures/bulletin.build_bulletin) as schemas.BulletinPreview, with the ``fingerprint``
    (services/figures/publishing.bulletin_fingerprint, what the web's publish form carries) that ``POST /bulletins``
    takes to publish exactly what was read. 403 for a caller who does not see every task (as the web page), 400 for
    a period that is no month or quarter, 409 for a period not begun.
    """
    from ..periods import parse_period
    from ..services.figures import publishing
    from ..services.figures.bulletin import build_bulletin

    query = _load(schemas.BulletinPreviewQuery(), request.args.to_dict(), "参数")
    try:
        bulletin = build_bulletin(g.api_user, parse_period(query["period"]), clock.beijing_today())
    except InvalidInput as error:  # the period has not begun
        raise ApiError(409, str(error)) from None
    return jsonify(period=bulletin.period_key, period_label=bulletin.period_label, title=bulletin.title,
                   number=bulletin.number, as_of=bulletin.as_of.isoformat(), summary=bulletin.summary,
                   demo_note=bulletin.demo_note,
                   headlines=[{"caption": line.caption, "value": line.value} for line in bulletin.headlines],
                   fingerprint=publishing.bulletin_fingerprint(bulletin),
                   published_versions=len(publishing.versions_of(bulletin.period_key)))


#: What ``POST /bulletins`` says after CHANGED_MESSAGE when the figures moved since the preview it names.
PREVIEW_AGAIN = ("请重新读取 GET /api/v1/bulletins/preview?period={period} 核对更新后的通报，"
                 "再带上其中新的 fingerprint 发布。")


@bp.post("/bulletins")
def publish_bulletin():
    """``POST /bulletins`` with ``{"period": "2026-10"}`` (schemas.NewBulletinPublication): 发布通报 of that month or
    quarter as the token's user, through the service the web's 发布通报 and ``bulletin --publish`` call
    (services/figures/publishing.publish_bulletin: the next 版次, the units told, in one transaction).
    With ``"fingerprint"`` (from ``GET /bulletins/preview``, as the web's form carries the previewed one) it publishes
    only when the 通报 computed now is the one previewed; otherwise 409 naming what to do, nothing published.

    201 with PublishedBulletinOutcome (PublishedBulletin plus ``replaces``, ``repeated`` false, ``message``) and
    ``Location`` of the new version; 200 with the newest version and ``repeated`` true when its figures are unchanged
    (nothing published). 403 for a caller who may not publish (services/permissions.can_publish_bulletin), 400 for a
    body the schema refuses, 409 for a period not begun or published by someone else at the same moment: nothing
    published in any of these (409 also when ``fingerprint`` is given and the figures changed since that preview).
    """
    from ..periods import parse_period
    from ..services.figures import publishing
    from ..services.permissions import PUBLISH_BULLETIN_MESSAGE, can_publish_bulletin

    if not can_publish_bulletin(g.api_user):  # before the body: a liaison learns the rule, not a field's format
        raise ApiError(403, PUBLISH_BULLETIN_MESSAGE)
    body = _json_body(schemas.NewBulletinPublication(), '{"period": "2026-10"}')
    try:
        period = parse_period(body["period"])
        outcome = publishing.publish_bulletin(g.api_user, period, clock.beijing_today(), body.get("fingerprint"))
    except ValueError as error:  # the schema's pattern already keeps to what parse_period reads
        raise ApiError(400, f"字段 period：{error}") from None
    except publishing.BulletinChanged:  # the preview's fingerprint is no longer the 通报's: the web's words are not
        raise ApiError(409, publishing.CHANGED_MESSAGE + PREVIEW_AGAIN.format(period=period.key)) from None
    except InvalidInput as error:  # the period has not begun, or the same version was published a moment ago
        raise ApiError(409, str(error)) from None
    row = outcome.row
    answer = bulletin_json(row, publishing.latest_versions(publishing.versions_of(row.period_key)))
    answer.update(replaces=outcome.replaces, repeated=outcome.repeated, message=outcome.message)
    response = jsonify(answer)
    response.status_code = 200 if outcome.repeated else 201
    if not outcome.repeated:
        response.headers["Location"] = answer["url"]
    return response


@bp.get("/bulletins/<int:bulletin_id>")
def bulletin(bulletin_id: int):
    """``GET /bulletins/{bulletin_id}``: one published 通报 (PublishedBulletin plus ``summary``, its opening
    paragraph as published); 404 for an unknown id, 403 as ``GET /bulletins``."""
    from ..services.figures import publishing

    row = publishing.get_published(g.api_user, bulletin_id)
    body = bulletin_json(row, publishing.latest_versions(publishing.versions_of(row.period_key)))
    body["summary"] = publishing.published_content(row).summary
    return jsonify(body)


@bp.get("/bulletins/<int:bulletin_id>/<any(docx, xlsx):extension>")
def bulletin_file(bulletin_id: int, extension: str):
    """``GET /bulletins/{bulletin_id}/docx|xlsx``: the published 通报's Word file or workbook, the bytes written
    when it was published (the web's /bulletins/<id>.docx); 404 and 403 as ``GET /bulletins/{bulletin_id}``."""
    from ..downloads import send_download
    from ..services.figures import publishing

    return send_download(*publishing.published_file(g.api_user, bulletin_id, extension))


@bp.get("/openapi.json")
def openapi():
    # The server URL as the API's own links are made: BASE_URL or a trusted host (issue 14 item 13).
    """``GET /openapi.json``: the OpenAPI 3 document (api/openapi.py), public (no token), its server URL the
    API's own base (TRACKER_BASE_URL or a trusted host, as ``external_url``).
    """
    from .openapi import openapi_document

    return jsonify(openapi_document(external_url("api.openapi").removesuffix("/openapi.json")))
