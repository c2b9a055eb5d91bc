"""Reminders (催办): lists, acknowledgement, print form; missing reports; plan settings. Thin views."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from .. import clock
from ..extensions import db
from ..forms import form_refusal_status
from ..gate import requires
from ..models import Plan, ReportCycle, TaskStatus, Unit
from ..services.workflow import reminders
from ..services.errors import InvalidInput
from ..services.permissions import is_supervisor
from ..services.figures.reporting import PLAN_DETAILS, missing_reports, update_plan_settings
from ..services.seed import demo_page_note
from ..tasks.actions import email_reminders
from . import bp
from .forms import AcknowledgeForm, PlanSettingsForm, RemindUnitForm

REMIND_MESSAGE = "只有督办部门可以发出催办。"


@bp.app_context_processor
def reminder_banner():
    """Give every page the number of reminders the signed-in liaison's unit has not acknowledged."""
    if current_user.is_authenticated:
        return {"unacknowledged_reminders": reminders.unacknowledged_count(current_user)}
    return {"unacknowledged_reminders": 0}


@bp.route("/reminders")
@login_required
def reminder_list():
    """``/reminders`` (我的催办): the reminders the user may see (services/workflow/reminders.visible_reminders):
    a liaison its unit's, the supervising office every one.
    """
    items = reminders.visible_reminders(current_user)
    return render_template("supervision/reminders.html", reminders=items)


@bp.route("/reminders/<int:reminder_id>/acknowledge", methods=["POST"])
@login_required
def reminder_acknowledge(reminder_id: int):
    """POST ``/reminders/<reminder_id>/acknowledge``: 确认收到 a reminder for the user's unit, then back to the
    task, home or 我的催办 (the form's ``back``). NotFound (404) / PermissionDenied (403) for a reminder the
    user may not see; a refusal (confirmed already, not the unit's liaison) is flashed as a warning.
    """
    task_id = reminders.get_reminder(current_user, reminder_id).task_id  # 404/403 before anything else
    try:
        reminder = reminders.acknowledge_reminder(reminder_id, current_user)
    except InvalidInput as error:
        flash(str(error), "warning")
    else:
        flash(f"已确认收到{reminder.level.label}（{reminder.number}）。请按要求办理并报送进展。", "success")
    back = AcknowledgeForm().back.data
    if back == "task":
        return redirect(url_for("tasks.detail", task_id=task_id))
    if back == "home":
        return redirect(url_for("dashboard.home") + "#reminders")
    return redirect(url_for("supervision.reminder_list"))


@bp.route("/reminders/<int:reminder_id>/print")
@login_required
def reminder_print(reminder_id: int):
    """``/reminders/<reminder_id>/print``: the printable notice (交办单, 催办单 or 督办通知单) of a reminder the
    user may see; NotFound (404) / PermissionDenied (403) otherwise.
    """
    reminder = reminders.get_reminder(current_user, reminder_id)
    return render_template("supervision/reminder_print.html", reminder=reminder, task=reminder.task)


@bp.route("/plans/<int:plan_id>/reporting")
@login_required
def plan_reporting(plan_id: int):
    """``/plans/<plan_id>/reporting`` (报送情况与催办): the units that still owe a report in the plan's current
    period (services/figures/reporting.missing_reports, as of the Beijing day) with their red/yellow tasks and the
    closed tasks that still owe the period's report (reminders.closed_unreported); the supervising office gets a 催办
    button per unit, sending one reminder per such task. 404 for an unknown plan.
    """
    plan = db.session.get(Plan, plan_id) or abort(404)
    report = missing_reports(plan, current_user)
    late = {unit.id: reminders.late_tasks(plan, unit.id) for unit in report.owing_units}
    # a task closed on or after the report day without the period's report is urged to file it (reminders.remind_check)
    closed = {unit.id: reminders.closed_unreported(report, unit.id) for unit in report.owing_units}
    today = clock.beijing_today()
    # the period's reports are what the page counts: the demo's among them are said (services/seed.demo_page_note)
    note = demo_page_note(report.period.start, min(report.period.end, today))
    return render_template("supervision/reporting.html", plan=plan, report=report, late=late, closed=closed,
                           demo_note=note,
                           urged=reminders.units_urged_today(plan.id), again_caption=reminders.AGAIN_CAPTION,
                           may_remind=is_supervisor(current_user), today=today)


@bp.route("/plans/<int:plan_id>/units/<int:unit_id>/reminders", methods=["POST"])
@requires(is_supervisor, REMIND_MESSAGE)
def remind_unit(plan_id: int, unit_id: int):
    """POST ``/plans/<plan_id>/units/<unit_id>/reminders`` (督办部门): one reminder to the unit for each of its
    red or yellow tasks of the plan (services/workflow/reminders.remind_unit_of_late_tasks), e-mailed when
    mail is on. 404 for an unknown plan or unit; an invalid form or a refusal is flashed; back to 报送情况.

    Kept flash-and-redirect, unlike the other refused forms (tracker/forms.form_refusal_status): the page's form is
    one button per owing unit's card (the request text and reply date are not on it; the 再次催办 box only beside a
    unit urged today), so nothing typed is lost, and a refusal is about the unit's state (urged already, nothing to
    urge) rather than a field to mend; 报送情况 read again after it shows that state as it now is.
    """
    db.session.get(Plan, plan_id) or abort(404)
    unit = db.session.get(Unit, unit_id) or abort(404)
    form = RemindUnitForm()
    if not form.validate():
        flash("；".join(error for errors in form.errors.values() for error in errors), "danger")
        return redirect(url_for("supervision.plan_reporting", plan_id=plan_id))
    try:
        sent = reminders.remind_unit_of_late_tasks(plan_id, unit_id, current_user,
                                                   form.reminder_request.data, form.reminder_reply_by.data,
                                                   again=bool(form.reminder_again.data))
    except InvalidInput as error:
        flash(str(error), "danger")
        return redirect(url_for("supervision.plan_reporting", plan_id=plan_id))
    if sent:
        closed = sum(1 for reminder in sent if reminder.task.status is TaskStatus.CLOSED)  # asking for the report
        what = "、".join(part for part, any_ in (("其亮红灯或黄灯的任务", closed < len(sent)),
                                                 ("办结后仍须补报本期进展的任务", closed)) if any_)
        flash(f"已向{unit.name}发出 {len(sent)} 份催办（{what}各一份）。{reminders.AFTER_REMINDER}", "success")
        email_reminders(sent)
    else:
        flash(f"{unit.name}没有亮红灯或黄灯的任务，也没有待补报本期进展的已办结任务，未发出催办。", "info")
    return redirect(url_for("supervision.plan_reporting", plan_id=plan_id))


@bp.route("/plans/<int:plan_id>/settings", methods=["GET", "POST"])
@requires(is_supervisor, "只有督办部门可以修改方案的报送设置。")
def plan_settings(plan_id: int):
    """``/plans/<plan_id>/settings`` (督办部门): the plan's name, 文号, 发文机关, 印发日期 and 预警天数 (days),
    报送周期, 报送日 (services/figures/reporting.update_plan_settings, each change journalled). Only the document
    fields the page posted change. A refused value is said beside its field and the page answers 422
    (tracker/forms.form_refusal_status); 404 for an unknown plan.
    """
    plan = db.session.get(Plan, plan_id) or abort(404)
    form = PlanSettingsForm(obj=None if request.method == "POST" else plan)
    status = 200
    if request.method == "GET":
        form.report_cycle.data = plan.report_cycle.value
    if form.validate_on_submit():
        try:
            # Only the document fields the page posted change (a form without them keeps them).
            details = {name: getattr(form, name).data for name in PLAN_DETAILS if name in request.form}
            update_plan_settings(plan_id, current_user, form.warning_days.data, ReportCycle(form.report_cycle.data),
                                 form.report_day.data, details)
        except InvalidInput as error:
            status = form_refusal_status(form, error)
            flash(str(error), "danger")
        else:
            flash("方案设置已保存。", "success")
            return redirect(url_for("supervision.plan_reporting", plan_id=plan_id))
    elif form.is_submitted():
        status = form_refusal_status(form)
        flash("请检查表单中标红的内容后重新提交。", "danger")
    return render_template("supervision/settings.html", plan=plan, form=form), status

