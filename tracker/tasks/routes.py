"""Task pages: detail with report form, workflow actions and history; "my unit's tasks"."""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from .. import clock
from ..clock import to_beijing
from ..downloads import bad_export_options, export_options, send_download
from ..dates import deadline_with_due
from ..extensions import db
from ..forms import FIELD_REFUSED, mark_named_fields, refusal_status
from ..models import Assignment, Task, TaskStatus
from ..pagination import paginate
from ..services import attachments, notifications
from ..services.notifications import Reach
from ..services.concurrency import parse_version
from ..security import log_event
from ..services.errors import AlreadySaved, InvalidInput, PermissionDenied
from ..services.workflow.extensions import bound_is_due_date, deciders, extension_requests, pending_of
from ..services.workflow.history import close_returned, task_history
from ..services.figures.lights import plan_light
from ..services.permissions import (can_decide_extension, can_see_report, can_split_task, can_view_task, is_supervisor,
                                    require)
from ..services.plans.subtasks import (consolidated_report, live_unit_rows, no_split_hint, rollup, split_candidates,
                                      split_groups, subtask_rows)
from ..services.workflow.progress import (add_report, latest_reports, load_task_page, reporting_role_label,
                                          task_page_facts, task_reports)
from ..services.workflow import signoff
from ..services.workflow import reminders
from ..services.workflow.reminders import urged_today, visible_reminders
from ..services.scope import task_scope
from ..settings import current_settings
from . import bp
from ..services.workflow.transitions import Action, action_names, refusal_now, settable_statuses
from ..services.workflow.transitions import check as check_action
from ..indicators import TASK_SCHEDULE_RULE
from ..services.figures.quantified import quantified_line
from .forms import (AcknowledgeForm, CloseRequestForm, CloseTaskForm, ExtensionDecisionForm, ExtensionRequestForm, ProgressForm,
                    form_number, ReminderForm, ReviewForm, SignoffForm, SplitForm, SubtaskDeadlineForm)

STALE_FORM = "页面缺少版本信息或已过期，请刷新页面后重新填写。"
#: Said above the page when the report form comes back with the reasons beside its fields.
FIELD_ERROR = "请检查表单中标红的内容后重新提交。"
def attachment_folder() -> Path:
    """Return the folder of stored 佐证材料 files: ``<instance>/attachments``."""
    return Path(current_app.instance_path) / "attachments"


def attachment_field() -> dict[str, str]:
    """The 佐证材料 file field's attributes (accept, the browser's checks in the server's words) for this app's limits:
    services/attachments.field_attributes with Settings.attachment_max_bytes and MAX_CONTENT_LENGTH. The report form
    of the task page and the conflict page's field to choose the files again both take it."""
    return attachments.field_attributes(current_settings().attachment_max_bytes,
                                        current_app.config.get("MAX_CONTENT_LENGTH"))


def load_task(task_id: int, for_page: bool = False) -> Task:
    """Return the task ``task_id`` if the current user may see it (404 / 403 otherwise); ``for_page``: read with
    what its page shows, in the same statements (services/workflow/progress.load_task_page)."""
    task = (load_task_page(task_id, current_user.unit_id) if for_page else db.session.get(Task, task_id)) or abort(404)
    require(can_view_task(current_user, task), "该任务不属于您所在单位，无权查看。")
    return task


# The workflow's action forms on the task page, by the name ``opened`` gives the one posted.
ACTION_FORMS = {"acknowledge": AcknowledgeForm, "close": CloseRequestForm, "close_task": CloseTaskForm, "review": ReviewForm,
                "extension": ExtensionRequestForm, "decision": ExtensionDecisionForm, "reminder": ReminderForm,
                "split": SplitForm, "subtask_deadline": SubtaskDeadlineForm}


class ActionForms(dict):
    """The task page's action forms by name (ACTION_FORMS), each made the first time the page reads it: the posted
    one (``posted``, refilled after a refusal) or a blank one, with its choices from ``choices`` (name → the
    choices to set on that form's field, as (field name, choices), or (field name, choices, notes): what to say
    beside some of them, by value). The page shows only the forms of the actions
    the user may take (transitions.available_actions), so a blank form the page does not read is never made
    (issue 19: all seven were made on every task page, for the one or two it shows)."""

    def __init__(self, posted: dict | None, choices: dict[str, tuple[str, list]]):
        super().__init__()
        self._posted, self._choices = posted or {}, choices

    def __missing__(self, name: str):
        form = self._posted.get(name) or ACTION_FORMS[name](formdata=None)
        if name in self._choices:
            field, choices, *notes = self._choices[name]
            getattr(form, field).choices = choices
            if notes:  # said beside some choices (the split form's units: KeptUnitChecks)
                getattr(form, field).notes = notes[0]
        self[name] = form
        return form


#: The session's note that the report of a task was just stored (its id): the next page of that task tells the browser
#: to drop the texts it kept of the form (static/js/report-draft.js).
DRAFT_STORED = "draft_stored"
#: The session's note of the report just stored (its id): the next page of its task marks that report, says there what
#: happens next (after_report) and opens at it (on a phone it is screens below the top, where the flash is).
JUST_SAVED = "report_just_saved"


def after_report(draft: bool) -> str:
    """What happens next to a progress report just stored, said to its author (no final stop): seen by the supervising
    office at once, or, for a draft of a unit with sign-off (issue 18, ``signoff.needs_signoff``), only once the unit
    leader signs it. The one wording of the flash after 提交进展 and of the note on the report's card (tasks/detail.html)."""
    return "待单位负责人审核签发后报送督办部门，签发前督办部门看不到" if draft else "督办部门现在即可看到"


#: The task page's query argument that fills its report form with the sub-tasks' latest reports (汇总子任务进展).
CONSOLIDATE = "from_subtasks"


def render_task(task: Task, form: ProgressForm | None = None, status: int = 200, opened: str = "",
                forms: dict | None = None, loaded: bool = False, consolidate: bool = False):
    """Render the task page.

    ``form``: the progress form (posted, to show again with its errors); ``forms``: the posted
    action form by name (ACTION_FORMS), refilled after a refusal; ``opened`` names the form posted.
    What the user may do comes from the transition table: ``actions`` (the codes of
    transitions.available_actions) decides which forms are shown, and the 完成状态 drop-down offers
    transitions.settable_statuses. ``loaded``: the task was read by ``load_task(…, for_page=True)`` in this request.
    ``consolidate``: fill the (blank) report form with the latest reports of the sub-tasks the user may open
    (services/plans/subtasks.consolidated_report), for the lead unit to check and send as its own (汇总子任务进展).
    """
    user = current_user._get_current_object()  # read below for every report and form: the user, not its proxy
    if not loaded:
        load_task_page(task, user.unit_id)  # what the page reads, in a few statements (no loads one row at a time)
    form = form or ProgressForm(formdata=None)
    if not form.version.data:
        form.version.data = str(task.version)
    form.set_status_choices(settable_statuses(user, task))
    every_report = task_reports(task.id)  # plain rows, with their units', authors' and signers' names and files
    reports = [r for r in every_report if can_see_report(user, task, r)]
    latest = next((r for r in reports if r.counts), None)  # a draft of the own unit does not count (issue 18)
    light = plan_light(task.plan, task.status, task.due_date,
                       to_beijing(latest.counted_at).date() if latest else None, clock.beijing_today())
    own = next((a for a in task.assignments if a.unit_id == user.unit_id), None)
    splittable = task.status is not TaskStatus.CLOSED and not task.is_heading and can_split_task(user, task)
    units = live_unit_rows() if splittable else []  # the registry, read once for the form and its hint
    candidates = split_candidates(user, task, units) if splittable else []
    groups = split_groups(task, pending_only=True) if splittable else []
    hint = no_split_hint(user, units, task) if splittable and not (candidates or groups) else None
    known = task_page_facts(task)  # what the task's statement said there is none of: not asked for
    task_reminders = visible_reminders(user, task.id) if known.reminders else []
    urged = urged_today(task_reminders) if is_supervisor(user) else {}  # beside each unit: urged today already
    subtasks = subtask_rows(task)
    # who of each unit hears of work handed to it (read with the registry's units: notifications.reach_column), said
    # to who may split the task: on the split form and, on 分解情况, beside an open sub-task's unit no liaison of
    # which heard of it
    heard = {row.id: Reach(row.reach) for row in units}
    # 调整子任务完成时限: offered to who split the task (subtasks.change_subtask_deadline), for its open sub-tasks
    adjustable = [row.task for row in subtasks if row.task.status is not TaskStatus.CLOSED] if splittable else []
    action_forms = ActionForms(forms, {
        "subtask_deadline": ("subtask", [SelectChoice(str(sub.id), f"{sub.number_display} "
                                                      f"{'、'.join(u.name for u in sub.lead_units)}"
                                                      f"（现{deadline_with_due(sub.deadline, sub.due_date)}）")
                                         for sub in adjustable]),
        "reminder": ("reminder_unit", [SelectChoice(str(a.unit_id), f"{a.unit.name}（{a.role.label}）" + (
            f" · 今日已催办 {urged[a.unit_id].at:%H:%M}，再次催办将发出{urged[a.unit_id].next.label}"
            if a.unit_id in urged else "")) for a in task.assignments]),
        # beside a unit no liaison of which would hear of its part (notifications.reach_of): who would, if anyone
        "split": ("split_units", [(u.name, u.name) for u in candidates],
                  {u.name: notifications.REACH_SHORT[u.reach] for u in candidates if u.reach is not Reach.LIAISONS})})
    actions = action_names(user, task)
    # 催办: an open task (the transition table), a closed one while it owes this period's report (reminders.remind_check)
    may_remind, owed = reminders.remind_offer(user, task)
    # 汇总子任务进展: offered to whoever reports on the task and may open a sub-task that has reported
    gathered = consolidated_report(task, [row for row in subtasks if can_view_task(user, row.task)]) \
        if subtasks and "report" in actions else None
    if consolidate and gathered and not form.progress.data:
        form.progress.data, form.problems.data, form.next_steps.data = gathered
    extensions = extension_requests(task) if known.extension_requests else []
    drafts = signoff.unit_drafts(user, task, extensions, every_report, close_drafts=known.close_drafts)
    quantified = quantified_line(task, clock.beijing_today(),
                                 next((r.achieved_value for r in reports if r.achieved_value is not None), None))
    history = task_history(user, task)
    return render_template(
        "tasks/detail.html",
        task=task, form=form, forms=action_forms, opened=opened, light=light, reports=reports, every_report=every_report,
        quantified=quantified, task_schedule_rule=TASK_SCHEDULE_RULE,
        history=history, close_returned=close_returned(history, task.status),  # 退回 and its reason, said at the top
        reminders=task_reminders, urged=urged,
        extensions=extensions,
        pending=pending_of(extensions),
        own_assignment=own,
        # a unit of the task that may not ask to close it (a supporting unit): who asks, said where 申请办结 would be
        close_by_lead=refusal_now(user, task, Action.REQUEST_CLOSE) if own is not None else None,
        # a closed task, to who may not reopen it: said at the top that its status stays (who may: the table's REOPEN)
        reopen_by=refusal_now(user, task, Action.REOPEN),
        actions=actions, may_consolidate=gathered is not None, consolidated=consolidate and gathered is not None,
        awaiting_review=task.status is TaskStatus.CLOSE_REQUESTED,
        may_edit=is_supervisor(user) and task.withdrawn_at is None,
        may_remind=may_remind, owed_report=owed,
        reminder_placeholder=reminders.closed_request(owed) if owed else reminders.DEFAULT_REQUEST,
        may_decide_extension="decide_extension" in actions, extension_deciders=deciders(task),
        split_bound=task.split_from.due_date if task.split_from is not None else None,
        reporting_as=reporting_role_label(user, task),
        drafts=drafts, signoff_form=SignoffForm(formdata=None) if drafts else None,  # the form of the drafts' buttons
        today=clock.beijing_today(),
        extension_bound_is_due_date=bound_is_due_date(task.due_date, clock.beijing_today()),
        subtasks=subtasks, rollup=rollup(task, subtasks), split_groups=groups,
        # 分解情况: an open sub-task whose unit no liaison heard of it through (its one lead unit): who did, what to do
        unheard=lambda sub: None if sub.status is TaskStatus.CLOSED or not sub.lead_units else (
            notifications.reach_sentence([sub.lead_units[0].name], heard.get(sub.lead_units[0].id, Reach.LIAISONS))
            or None),
        reach_todo=notifications.REACH_TODO,
        # the 分解任务 card: a unit to split to, or what to do to have one (none on a sub-task of a unit with none)
        may_split=bool(candidates or groups or hint), no_split_hint=hint, may_set_subtask_deadlines=bool(adjustable),
        may_open=lambda other: can_view_task(user, other),
        may_decide=lambda sub: can_decide_extension(user, sub),  # a sub-task's 延期申请, from 分解情况
        draft_stored=session.pop(DRAFT_STORED, None) == task.id,
        just_saved=session.pop(JUST_SAVED, None), after_report=after_report,
        # The report form posted and shown again (a refusal): its words are the server's copy, so the browser's copy
        # is not put back over them (static/js/report-draft.js); files chosen cannot come back, which is said there.
        report_returned=opened == "report",
        files_dropped=opened == "report" and any(f.filename for f in request.files.getlist(form.attachments.name)),
        attachment_field=attachment_field(),
        attachment_hint=attachments.limits_hint(current_settings().attachment_max_bytes),
    ), status


def refused(task_id: int, error: InvalidInput | PermissionDenied, opened: str, form: ProgressForm | None = None,
            forms: dict | None = None):
    """Show the task page again with ``error`` said inline and the posted form (``opened``) refilled.

    For a refusal by the transition table or a service's check, after the task was found visible: the user's text
    stays in its form. The reason is said above the forms; an InvalidInput naming one of the posted form's fields is
    said beside that field too (tracker/forms.mark_named_fields: each field a FieldProblems names), and the page opens there. HTTP status by
    ``refusal_status``: 403 for a PermissionDenied (logged as a refusal, like the error page's), 422 for a reason said
    beside a field, else 400. Nothing was written (the service's transaction rolled back).
    """
    db.session.rollback()
    if isinstance(error, PermissionDenied):
        log_event("forbidden", reason=str(error))
    posted = form if form is not None else (forms or {}).get(opened)
    # beside the field it names, where the page then opens (a field already marked: a validation error stands there)
    beside = (not isinstance(error, PermissionDenied) and posted is not None
              and (mark_named_fields(posted, error) or any(field.errors for field in posted)))
    code = refusal_status(error, beside)
    flash(str(error), "danger")  # at the top as well: a field the page writes by hand shows no error of its own
    return render_task(db.session.get(Task, task_id), form, status=code, opened=opened, forms=forms)


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@login_required
def detail(task_id: int):
    form = ProgressForm()
    if not form.is_submitted():  # the page: the task read once, with what the page shows (load_task_page)
        return render_task(load_task(task_id, for_page=True), form, loaded=True,
                           consolidate=request.args.get(CONSOLIDATE) == "1")
    task = load_task(task_id)
    user = current_user._get_current_object()  # the author, read by every check and write below: not its proxy
    try:
        check_action(user, task, Action.REPORT)
        read_version = parse_version(form.version.data)
        if read_version is None:
            raise InvalidInput(STALE_FORM)
        if not form.validate():
            flash(FIELD_ERROR, "danger")
            return render_task(task, form, status=FIELD_REFUSED, opened="report")
        status = form.wanted_status()
        status_before = task.status  # read with the task: the flash says when the report moved it
        uploads = [attachments.Upload(f.filename or "", f.read(current_settings().attachment_max_bytes + 1))
                   for f in request.files.getlist(form.attachments.name) if f and f.filename]
        # Read before the commit, as add_report reads it: after it the user is expired and would be read again.
        draft = signoff.needs_signoff(user)
        report = add_report(task, user, form.progress.data, form.problems.data or "", form.next_steps.data or "",
                   status, read_version=read_version, overwrite_of=parse_version(form.overwrite_of.data),
                   uploads=uploads, attachment_folder=attachment_folder(),
                   achieved_value=form_number(form.achieved_value.data, "完成值"))
    except attachments.AttachmentRefused as error:
        # Said beside the file field, which the page opens at (on a phone the form is screens below the top).
        db.session.rollback()
        form.attachments.errors = [str(error)]
        return render_task(db.session.get(Task, task_id), form, status=FIELD_REFUSED, opened="report")
    except (InvalidInput, PermissionDenied) as error:
        return refused(task_id, error, "report", form)
    except AlreadySaved as error:  # the same report posted twice from one page: say so, store nothing
        # A double tap on a phone: the page she sees is this answer's, so it opens at the report stored the first
        # time, marked as just stored, as the first answer would have.
        flash(str(error), "info")
        session[DRAFT_STORED], session[JUST_SAVED] = task_id, error.report_id
        return redirect(url_for("tasks.detail", task_id=task_id, _anchor=f"report-{error.report_id}"))
    session[DRAFT_STORED], session[JUST_SAVED] = task_id, report.id
    moved = status is not None and status is not status_before and not draft
    flash(f"进展已提交，{after_report(True)}。" if draft
          else f"进展已报送，办理状态已改为“{status.label}”；{after_report(False)}。" if moved
          else f"进展已报送，{after_report(False)}。", "success")
    return redirect(url_for("tasks.detail", task_id=task_id, _anchor=f"report-{report.id}"))


# Tasks per page of "my unit's tasks": the busiest unit of the bench data set has 2,352 (bench/pages.py).
MY_TASKS_PAGE_SIZE = 100


@bp.route("/my-tasks")
@login_required
def mine():
    if current_user.unit_id is None:
        abort(404)
    query = task_scope(current_user).live().for_unit(current_user.unit_id).select()
    listing = paginate(
        query.options(selectinload(Task.assignments).selectinload(Assignment.unit), selectinload(Task.plan))
        .order_by(Task.plan_id, Task.position), request.args.get("page", 1, type=int), MY_TASKS_PAGE_SIZE)
    tasks = listing.items
    reports = latest_reports([t.id for t in tasks], current_user.unit_id)
    return render_template("tasks/mine.html", tasks=tasks, reports=reports, total=listing.total, page=listing.page,
                           pages=listing.pages)


@bp.route("/my-tasks/ledger.<any(xlsx, csv):fmt>")
@login_required
def mine_ledger(fmt: str):
    """The unit's own ledger over every plan (the tasks of 本单位任务, all pages) as .xlsx or .csv,
    protected like any unit copy; ``layout`` and ``columns`` as on the plan page."""
    from ..services.ledger.export import export_ledger, export_ledger_csv  # openpyxl: only for an export

    if current_user.unit_id is None:
        abort(404)
    writer = export_ledger_csv if fmt == "csv" else export_ledger
    try:
        export = writer(current_user, unit_name=current_user.unit.name, options=export_options())
    except InvalidInput as error:
        return bad_export_options(error)
    return send_download(export.content, export.filename)


from . import actions  # noqa: E402,F401  (the workflow's action routes on this blueprint)
from . import editing  # noqa: E402,F401  (the supervising office's edit of a task)
