"""Task pages: detail with history and report form; "my unit's tasks"."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Assignment, Task, TaskStatus
from ..services.errors import InvalidInput
from ..services.permissions import can_report, can_set_status, can_view_task, require, visible_tasks
from ..services.progress import add_report, latest_reports, reporting_role_label
from . import bp
from .forms import ProgressForm


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@login_required
def detail(task_id: int):
    task = db.session.get(Task, task_id) or abort(404)
    require(can_view_task(current_user, task), "该任务不属于您所在单位，无权查看。")
    form = ProgressForm()
    if form.validate_on_submit():
        status = TaskStatus(form.status.data) if form.status.data else None
        try:
            add_report(task, current_user, form.progress.data, form.problems.data or "",
                       form.next_steps.data or "", status)
        except InvalidInput as error:
            flash(str(error), "danger")
        else:
            flash("进展已报送。", "success")
            return redirect(url_for("tasks.detail", task_id=task.id))
    elif form.is_submitted():
        require(can_report(current_user, task), "您所在单位不是该任务的牵头或配合单位，不能报送进展。")
        flash("请检查表单中标红的内容后重新提交。", "danger")
    return render_template(
        "tasks/detail.html",
        task=task,
        form=form,
        may_report=can_report(current_user, task),
        may_set_status=can_set_status(current_user, task),
        reporting_as=reporting_role_label(current_user, task),
    )


# Tasks per page of "my unit's tasks": the busiest unit of the bench data set has 2,352 (bench/pages.py).
MY_TASKS_PAGE_SIZE = 100


@bp.route("/my-tasks")
@login_required
def mine():
    if current_user.unit_id is None:
        abort(404)
    query = visible_tasks(current_user).where(
        Task.id.in_(db.select(Assignment.task_id).where(Assignment.unit_id == current_user.unit_id)))
    total = db.session.scalar(query.with_only_columns(db.func.count(Task.id)).order_by(None))
    pages = max(1, -(-total // MY_TASKS_PAGE_SIZE))
    page = min(max(1, request.args.get("page", 1, type=int)), pages)
    tasks = db.session.scalars(
        query.options(selectinload(Task.assignments).selectinload(Assignment.unit), selectinload(Task.plan))
        .order_by(Task.plan_id, Task.position).limit(MY_TASKS_PAGE_SIZE).offset((page - 1) * MY_TASKS_PAGE_SIZE)
    ).all()
    reports = latest_reports([t.id for t in tasks], current_user.unit_id)
    return render_template("tasks/mine.html", tasks=tasks, reports=reports, total=total, page=page, pages=pages)
