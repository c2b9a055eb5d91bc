"""Task pages: detail with report form, workflow actions and history; "my unit's tasks"."""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from ..clock import beijing_today, to_beijing
from ..downloads import bad_export_options, export_options, send_download
from ..extensions import db
from ..models import Assignment, Task, TaskStatus
from ..services import attachments
from ..services.concurrency import parse_version
from ..services.errors import InvalidInput
from ..services.extension_requests import extension_requests, pending_extension
from ..services.history import task_history
from ..services.ledger_export import export_ledger, export_ledger_csv
from ..services.lights import plan_light
from ..services.permissions import (can_acknowledge, can_report, can_see_report, can_set_status, can_view_task,
                                    is_lead_liaison, is_supervisor, require)
from ..services.progress import add_report, latest_reports, reporting_role_label
from ..services.reminders import visible_reminders
from ..services.scope import task_scope
from . import bp
from .forms import ProgressForm

STALE_FORM = "页面缺少版本信息或已过期，请刷新页面后重新填写。"


def attachment_folder() -> Path:
    """Return the folder of stored 佐证材料 files: ``<instance>/attachments``."""
    return Path(current_app.instance_path) / "attachments"


def load_task(task_id: int) -> Task:
    """Return the task ``task_id`` if the current user may see it (404 / 403 otherwise)."""
    task = db.session.get(Task, task_id) or abort(404)
    require(can_view_task(current_user, task), "该任务不属于您所在单位，无权查看。")
    return task


def render_task(task: Task, form: ProgressForm | None = None, values=None, status: int = 200, opened: str = ""):
    """Render the task page; ``values`` refill an action form after an error, ``opened`` names that form."""
    form = form or ProgressForm(formdata=None)
    if not form.version.data:
        form.version.data = str(task.version)
    user = current_user
    reports = [r for r in task.reports if can_see_report(user, task, r)]
    latest = reports[0] if reports else None
    light = plan_light(task.plan, task.status, task.due_date,
                       to_beijing(latest.created_at).date() if latest else None, beijing_today())
    own = next((a for a in task.assignments if a.unit_id == user.unit_id), None)
    return render_template(
        "tasks/detail.html",
        task=task, form=form, values=values or {}, opened=opened, light=light, reports=reports,
        history=task_history(user, task),
        reminders=visible_reminders(user, task.id),
        extensions=extension_requests(task),
        pending=pending_extension(task.id),
        own_assignment=own,
        may_acknowledge=can_acknowledge(user, task) and own is not None and own.acknowledged_at is None,
        may_report=can_report(user, task),
        may_set_status=can_set_status(user, task),
        is_lead=is_lead_liaison(user, task),
        is_supervisor=is_supervisor(user),
        reporting_as=reporting_role_label(user, task),
        today=beijing_today(),
    ), status


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@login_required
def detail(task_id: int):
    task = load_task(task_id)
    form = ProgressForm()
    if not form.is_submitted():
        return render_task(task, form)
    require(can_report(current_user, task), "您所在单位不是该任务的牵头或配合单位，不能报送进展。")
    read_version = parse_version(form.version.data)
    if read_version is None:
        flash(STALE_FORM, "danger")
        return render_task(task, form, status=400, opened="report")
    if not form.validate():
        flash("请检查表单中标红的内容后重新提交。", "danger")
        return render_task(task, form, opened="report")
    status = TaskStatus(form.status.data) if form.status.data else None
    uploads = [attachments.Upload(f.filename or "", f.read(current_app.config["ATTACHMENT_MAX_BYTES"] + 1))
               for f in request.files.getlist(form.attachments.name) if f and f.filename]
    try:
        add_report(task, current_user, form.progress.data, form.problems.data or "", form.next_steps.data or "",
                   status, read_version=read_version, overwrite_of=parse_version(form.overwrite_of.data),
                   uploads=uploads, attachment_folder=attachment_folder(),
                   attachment_max_bytes=current_app.config["ATTACHMENT_MAX_BYTES"])
    except InvalidInput as error:
        flash(str(error), "danger")
        return render_task(db.session.get(Task, task_id), form, status=400, opened="report")
    flash("进展已报送。", "success")
    return redirect(url_for("tasks.detail", task_id=task_id))


# Tasks per page of "my unit's tasks": the busiest unit of the bench data set has 2,352 (bench/pages.py).
MY_TASKS_PAGE_SIZE = 100


@bp.route("/my-tasks")
@login_required
def mine():
    if current_user.unit_id is None:
        abort(404)
    query = task_scope(current_user).live().for_unit(current_user.unit_id).select()
    total = db.session.scalar(query.with_only_columns(db.func.count(Task.id)).order_by(None))
    pages = max(1, -(-total // MY_TASKS_PAGE_SIZE))
    page = min(max(1, request.args.get("page", 1, type=int)), pages)
    tasks = db.session.scalars(
        query.options(selectinload(Task.assignments).selectinload(Assignment.unit), selectinload(Task.plan))
        .order_by(Task.plan_id, Task.position).limit(MY_TASKS_PAGE_SIZE).offset((page - 1) * MY_TASKS_PAGE_SIZE)
    ).all()
    reports = latest_reports([t.id for t in tasks], current_user.unit_id)
    return render_template("tasks/mine.html", tasks=tasks, reports=reports, total=total, page=page, pages=pages)


@bp.route("/my-tasks/ledger.<any(xlsx, csv):fmt>")
@login_required
def mine_ledger(fmt: str):
    """The unit's own ledger over every plan (the tasks of 本单位任务, all pages) as .xlsx or .csv,
    protected like any unit copy; ``layout`` and ``columns`` as on the plan page."""
    if current_user.unit_id is None:
        abort(404)
    writer = export_ledger_csv if fmt == "csv" else export_ledger
    try:
        export = writer(current_user, unit_name=current_user.unit.name, options=export_options(),
                        supervising_office=current_app.config["SUPERVISING_OFFICE"])
    except InvalidInput as error:
        return bad_export_options(error)
    return send_download(export.content, export.filename)


from . import actions  # noqa: E402,F401  (the workflow's action routes on this blueprint)
from . import editing  # noqa: E402,F401  (the supervising office's edit of a task)
