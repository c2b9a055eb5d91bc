"""The supervising office's edit of a task: name, text, lead and supporting units, deadline, 量化目标 (thin view);
and a report's author correcting its texts (a typo seen after filing).

services/plans/task_editing.py checks the permission and the version, journals and commits; a stale
form gets the conflict page of tasks/actions.py (HTTP 409) with the input kept. The correction's rule
(who, which report) is services/workflow/progress.correction_refusal, also asked by the task page's 修改 link.
"""
from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..dates import DateInputError, parse_user_date
from ..extensions import db
from ..gate import requires
from ..models import ProgressReport, Task
from ..services.concurrency import parse_version
from ..services.errors import InvalidInput
from ..services.permissions import is_supervisor
from ..services.plans.task_editing import EDIT_MESSAGE, TaskEdit, edit_task
from ..services.accounts.units import task_units
from ..services.workflow.progress import ReportRow, check_correction, correct_report, correction_refusal
from . import bp
from ..forms import mark_named_field, refusal_status
from .forms import ReportCorrectionForm, TaskEditForm, form_number
from .routes import FIELD_ERROR, STALE_FORM, load_task


def _due_date(text: str | None) -> date | None:
    try:
        return parse_user_date(text, "到期日期")
    except DateInputError as error:
        raise InvalidInput(str(error)) from None


def _render(task: Task, form: TaskEditForm, status: int = 200):
    return render_template("tasks/edit.html", task=task, form=form), status


@bp.route("/tasks/<int:task_id>/edit", methods=["GET", "POST"])
@requires(is_supervisor, EDIT_MESSAGE)
def edit(task_id: int):
    """``/tasks/<task_id>/edit`` (督办部门 and admins): the task's name, text, lead and supporting units, 完成时限 and
    due date (YYYY-MM-DD), 目标值 and 计量单位, saved in one version-checked transaction
    (services/plans/task_editing.edit_task), each changed field journalled.

    A form without its version answers 400 with STALE_FORM; an invalid form or a refused change
    (InvalidInput: a date, a number, a unit) is shown again with the message flashed and the input kept, its status by
    tracker/forms.refusal_status (the one rule of every page's forms): 422 when the reason stands beside a field (a length, “到期日期”,
    “目标值”), 400 when it names none (no lead unit chosen); a save on an older version raises Conflict (the 409
    conflict page). 404 for an unknown task.
    """
    task = load_task(task_id)
    form = TaskEditForm()
    choices = [(u.id, u.name) for u in task_units()]  # no 金融机构 of an indicator table
    form.lead_units.choices = form.supporting_units.choices = choices
    if not form.is_submitted():
        form.title.data, form.text.data, form.deadline.data = task.title or "", task.text, task.deadline or ""
        form.due_date.data = task.due_date.isoformat() if task.due_date else ""
        form.target_value.data = "" if task.target_value is None else f"{task.target_value:g}"
        form.target_unit.data = task.target_unit or ""
        form.lead_units.data = [u.id for u in task.lead_units]
        form.supporting_units.data = [u.id for u in task.supporting_units]
        form.version.data = str(task.version)
        return _render(task, form)
    read_version = parse_version(form.version.data)
    if read_version is None:
        flash(STALE_FORM, "danger")
        return _render(task, form, 400)
    if not form.validate():
        flash(FIELD_ERROR, "danger")
        return _render(task, form, refusal_status(InvalidInput(FIELD_ERROR), beside_a_field=True))
    try:
        change = TaskEdit(title=form.title.data or "", text=form.text.data or "",
                          lead_unit_ids=form.lead_units.data or [], supporting_unit_ids=form.supporting_units.data or [],
                          deadline=form.deadline.data or "", due_date=_due_date(form.due_date.data),
                          target_value=form_number(form.target_value.data, "目标值"),
                          target_unit=form.target_unit.data or "")
        changed = edit_task(task_id, current_user, change, read_version, parse_version(form.overwrite_of.data))
    except InvalidInput as error:
        flash(str(error), "danger")
        return _render(db.session.get(Task, task_id), form, refusal_status(error, mark_named_field(form, str(error))))
    flash(f"已修改{'、'.join(changed)}，并记入办理记录。" if changed else "没有修改。", "success" if changed else "info")
    return redirect(url_for("tasks.detail", task_id=task_id))


@bp.app_template_global()
def may_correct_report(report: ProgressReport | ReportRow, task_reports: list[ReportRow] | None = None) -> bool:
    """Whether the signed-in user may correct ``report`` (the task page shows 修改 on it then); a ReportRow with
    every report of its task (``task_reports``: services/workflow/progress.task_reports). The user is read once
    through its proxy: the rule compares it with every other report of the task, for each report of the page."""
    user = current_user._get_current_object()
    return user.is_authenticated and correction_refusal(report, user, task_reports) is None


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@login_required
def correct(report_id: int):
    """The author corrects a report's 进展情况, 存在问题, 下步计划; journalled as 修改进展 (old → new)."""
    report = db.session.get(ProgressReport, report_id) or abort(404)
    task = load_task(report.task_id)
    try:
        check_correction(report, current_user)  # someone else's report: the 403 page
    except InvalidInput as refusal:
        flash(str(refusal), "warning")
        return redirect(url_for("tasks.detail", task_id=task.id, _anchor="reports"))
    form = ReportCorrectionForm()
    status = 200
    if not form.is_submitted():
        form.progress.data, form.problems.data, form.next_steps.data = report.progress, report.problems, report.next_steps
    elif form.validate():
        try:
            changed = correct_report(report_id, current_user, form.progress.data or "", form.problems.data or "",
                                     form.next_steps.data or "")
        except InvalidInput as error:
            flash(str(error), "danger")
            status = refusal_status(error, mark_named_field(form, str(error)))
        else:
            flash(f"已修改{'、'.join(changed)}，原文记入办理记录。" if changed else "没有修改。",
                  "success" if changed else "info")
            return redirect(url_for("tasks.detail", task_id=task.id, _anchor="reports"))
    else:
        flash(FIELD_ERROR, "danger")
        status = refusal_status(InvalidInput(FIELD_ERROR), beside_a_field=True)
    return render_template("tasks/report_edit.html", task=task, report=report, form=form), status
