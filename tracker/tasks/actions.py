"""The 督办 workflow's actions on a task page (thin: parse the WTForms form, call a service, redirect).

Every form posts the task ``version`` it was read at; a stale one gets the conflict page
(HTTP 409) with the changes since and the user's input kept (services/concurrency.py). A refused
action (the transition table of services/workflow/transitions.py, or a service's check) shows the
task page again with the reason above the forms and the user's text in its form: HTTP 422 when the
reason is said beside a field to correct, 400 for one naming no field, 403 for an action the user may not
take (tracker/forms.refusal_status).
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..downloads import header_safe_name
from ..extensions import db
from ..models import Attachment, Task, TaskStatus, Unit
from ..services import attachments, mail, notifications
from ..services.workflow import reminders
from ..services.concurrency import parse_version
from ..services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..services.workflow.extensions import decide_extension, deciders, request_extension
from ..services.workflow.history import task_history
from ..services.permissions import can_see_report, can_split_task, require
from ..services.plans.subtasks import (DEADLINE_REFUSED, SPLIT_REFUSED, change_subtask_deadline, deadline_given,
                                       deadline_words, split_task, split_to_members)
from ..services.workflow import Action, acknowledge, close_task, request_close, review_close, signoff, transitions
from ..settings import current_settings
from . import bp
from .forms import (AcknowledgeForm, CloseRequestForm, CloseTaskForm, ExtensionDecisionForm, ExtensionRequestForm, ReminderForm,
                    ReviewForm, SignoffForm, SplitForm, SubtaskDeadlineForm, TaskActionForm)
from .routes import STALE_FORM, attachment_field, attachment_folder, load_task, refused

# The texts a conflict page gives back to the user to edit, and the choices it shows read-only.
EDITABLE_FIELDS = {
    "progress": "进展情况", "problems": "存在问题", "next_steps": "下步计划", "close_note": "办结说明",
    "close_opinion": "办结意见",
    "review_reason": "审核意见 / 退回理由", "extension_reason": "延期理由", "decision_note": "审批意见",
    "reminder_request": "催办要求", "title": "任务名称", "text": "任务内容", "deadline": "完成时限",
}
SHOWN_FIELDS = {"status": "完成状态", "decision": "审核结果", "extension_date": "申请延期至",
                "reminder_unit": "催办单位", "reminder_reply_by": "反馈期限", "lead_units": "牵头单位",
                "supporting_units": "配合单位", "due_date": "到期日期"}
DECISION_LABELS = {"accept": "同意", "return": "退回", "refuse": "不同意"}
# Said to a liaison of a unit with sign-off (issue 18) after a close or extension request.
DRAFT_SUCCESS = "已提交，待本单位负责人审核签发后报送督办部门。"


def _versions(form: TaskActionForm) -> tuple[int, int | None]:
    """Return (version read, overwrite_of) from ``form``; InvalidInput (STALE_FORM) when the version is missing."""
    read_version = parse_version(form.version.data)
    if read_version is None:
        raise InvalidInput(STALE_FORM)
    return read_version, parse_version(form.overwrite_of.data)


def _act(task_id: int, opened: str, form: TaskActionForm, action, success):
    """Run ``action(form)`` for the task page: redirect with ``success`` (a text, or a function of no argument giving
    it once the action is done), or refuse inline with the input kept."""
    load_task(task_id)
    try:
        action(form)
    except (InvalidInput, PermissionDenied) as error:
        return refused(task_id, error, opened, forms={opened: form})
    flash(success() if callable(success) else success, "success")
    return redirect(url_for("tasks.detail", task_id=task_id))


@bp.route("/tasks/<int:task_id>/acknowledge", methods=["POST"])
@login_required
def acknowledge_task(task_id: int):
    """POST ``/tasks/<task_id>/acknowledge``: 签收 for the user's unit (services/workflow.acknowledge); a refusal
    (transition table, stale version) is shown on the task page with the input kept.
    """
    return _act(task_id, "acknowledge", AcknowledgeForm(),
                lambda form: acknowledge(task_id, current_user, *_versions(form)), "已签收。")


@bp.route("/tasks/<int:task_id>/close-request", methods=["POST"])
@login_required
def close_request(task_id: int):
    """POST ``/tasks/<task_id>/close-request``: 申请办结 with its 办结说明 (lead unit's liaison); in a unit with
    sign-off it becomes a draft for the unit leader (DRAFT_SUCCESS). Refusals shown on the task page.
    """
    return _act(task_id, "close", CloseRequestForm(),
                lambda form: request_close(task_id, current_user, form.close_note.data or "", *_versions(form)),
                DRAFT_SUCCESS if signoff.needs_signoff(current_user) else "已提交办结申请，请等待督办部门审核。")


@bp.route("/tasks/<int:task_id>/review", methods=["POST"])
@login_required
def review(task_id: int):
    """POST ``/tasks/<task_id>/review``: the supervising office's 审核 of a close request: 同意办结 (→ 已办结) or 退回
    with a required reason (→ 推进中). Who may is checked before the form is read; refusals (no choice
    made: ReviewForm.MISSING) are shown on the task page.
    """
    def action(form: ReviewForm):
        transitions.check_who(current_user, load_task(task_id), Action.ACCEPT_CLOSE)  # refuse before reading the form
        review_close(task_id, current_user, form.accepted(), form.review_reason.data or "", *_versions(form))
    form = ReviewForm()
    return _act(task_id, "review", form, action,
                "已同意办结。" if form.decision.data == "accept" else "已退回，任务回到“推进中”。")


@bp.route("/tasks/<int:task_id>/close", methods=["POST"])
@login_required
def close(task_id: int):
    """POST ``/tasks/<task_id>/close``: 办结 by the supervising office itself (services/workflow.close_task), with an
    optional 办结意见. Who may is checked before the form is read; refusals (closed already, waiting for review, open
    sub-tasks without an opinion, a stale version) are shown on the task page with the opinion kept.
    """
    def action(form: CloseTaskForm):
        transitions.check_who(current_user, load_task(task_id), Action.CLOSE_TASK)  # refuse before reading the form
        close_task(task_id, current_user, form.close_opinion.data or "", *_versions(form))
    return _act(task_id, "close_task", CloseTaskForm(), action, "任务已办结，已通知牵头单位。")


@bp.route("/tasks/<int:task_id>/subtasks", methods=["POST"])
@login_required
def split(task_id: int):
    """分解任务 (issue 18): split to the units chosen, or (``members``) to every member of the lead groups."""
    made = []

    def action(form: SplitForm):
        require(can_split_task(current_user, load_task(task_id)), SPLIT_REFUSED)  # refuse before reading the form
        read_version, _ = _versions(form)
        if form.members.data:
            made.extend(split_to_members(current_user, task_id, read_version=read_version))
        else:
            made.extend(split_task(current_user, task_id, form.split_units.data or [], form.split_title.data,
                                   form.split_deadline.data, read_version=read_version))
    form = SplitForm()
    load_task(task_id)
    try:
        action(form)
    except (InvalidInput, PermissionDenied) as error:
        return refused(task_id, error, "split", forms={"split": form})
    # the deadline they were given, said: one form gives every unit ticked the same one (another: split again)
    flash(f"已分解为 {len(made)} 项子任务：" + "、".join(t.lead_units[0].name for t in made) + deadline_given(made[0]) + "。",
          "success")
    units = {t.lead_units[0].id: t.lead_units[0].name for t in made}
    reach = notifications.reach_of(list(units))  # who heard of it (notifications.unit_audience's rule)
    unheard = [notifications.reach_sentence(names, kind) for kind in (notifications.Reach.NOBODY,
                                                                      notifications.Reach.LEADERS)
               if (names := [units[u] for u in units if reach[u] is kind])]
    if unheard:  # no liaison there heard of the sub-task, and none can sign for it: say who must act
        for sentence in unheard:
            flash(sentence, "warning")
        return redirect(url_for("tasks.detail", task_id=task_id))  # the warning at the top is what to read first
    # the page opens at 分解情况, the new sub-tasks in view (on a phone they are screens below the top)
    return redirect(url_for("tasks.detail", task_id=task_id, _anchor="subtasks"))


@bp.route("/tasks/<int:task_id>/subtasks/deadline", methods=["POST"])
@login_required
def subtask_deadline(task_id: int):
    """POST ``/tasks/<task_id>/subtasks/deadline``: 调整子任务完成时限 by who split the task
    (services/plans/subtasks.change_subtask_deadline); refusals shown on the task page with the input kept."""
    changed = []

    def action(form: SubtaskDeadlineForm):
        require(can_split_task(current_user, load_task(task_id)), DEADLINE_REFUSED)  # refuse before reading the form
        try:
            subtask_id = int(form.subtask.data or "")
        except ValueError:
            raise InvalidInput("请选择要调整完成时限的子任务。") from None
        changed.append(change_subtask_deadline(current_user, task_id, subtask_id, form.subtask_deadline.data,
                                               read_version=_versions(form)[0]))

    def said() -> str:
        sub = changed[0]
        return (f"已调整子任务 {sub.number_display} {'、'.join(u.name for u in sub.lead_units)} 的完成时限："
                f"{deadline_words(sub) or '未定'}，已通知该单位。")
    return _act(task_id, "subtask_deadline", SubtaskDeadlineForm(), action, said)


@bp.route("/tasks/<int:task_id>/extension-request", methods=["POST"])
@login_required
def extension_request(task_id: int):
    """POST ``/tasks/<task_id>/extension-request``: 申请延期 with the date asked for (YYYY-MM-DD) and a reason
    (lead unit's liaison); a draft for the unit leader where sign-off is on. Refusals shown on the task page.
    """
    def action(form: ExtensionRequestForm):  # every field's problem at once, beside it (request_problems)
        request_extension(task_id, current_user, form.extension_date.data, form.extension_reason.data or "",
                          *_versions(form))
    return _act(task_id, "extension", ExtensionRequestForm(), action, lambda: DRAFT_SUCCESS
                if signoff.needs_signoff(current_user) else f"已提交延期申请，请等待{deciders(load_task(task_id))}审批。")


@bp.route("/tasks/<int:task_id>/extension-requests/<int:request_id>/decision", methods=["POST"])
@login_required
def extension_decision(task_id: int, request_id: int):
    """POST ``/tasks/<task_id>/extension-requests/<request_id>/decision`` (督办部门; on a sub-task also the lead unit
    that split its task: transition DECIDE_EXTENSION): accept (the deadline text and due date change) or refuse with
    a note. Anyone else: the transition's refusal; no choice made: ExtensionDecisionForm.MISSING; shown on the task
    page.
    """
    def action(form: ExtensionDecisionForm):
        transitions.check_who(current_user, load_task(task_id), Action.DECIDE_EXTENSION)  # before reading the form
        decide_extension(task_id, request_id, current_user, form.accepted(), form.decision_note.data or "",
                         *_versions(form))
    form = ExtensionDecisionForm()
    return _act(task_id, "decision", form, action,
                "已同意延期，完成时限已更新。" if form.decision.data == "accept" else "已不同意延期。")


@bp.route("/signoffs/<any(report, close, extension):kind>/<int:item_id>/<any(approve, return):decision>",
          methods=["POST"])
@login_required
def signoff_decision(kind: str, item_id: int, decision: str):
    """审核签发 or 退回修改 of a draft of the unit leader's unit, from the 待办 page or the task page (issue 18)."""
    form = SignoffForm()
    try:
        if not form.validate():
            raise InvalidInput("“退回理由”超过 2000 字，请精简后再提交。")
        if decision == "approve":
            draft = signoff.sign(kind, item_id, current_user)
            flash(f"已签发{draft.kind.label}，已报送督办部门。", "success")
        else:
            draft = signoff.return_draft(kind, item_id, current_user, form.signoff_reason.data or "")
            flash(f"已退回{draft.kind.label}，联络员将收到通知。", "success")
    except InvalidInput as error:  # said on the leader's 待办 page, with what still waits (HTTP 400)
        db.session.rollback()
        flash(str(error), "danger")
        from ..services import inbox

        return render_template("supervision/inbox.html", inbox=inbox.inbox_for(current_user),
                               signoff_form=SignoffForm(formdata=None)), 400
    if form.back.data == "inbox":
        return redirect(url_for("supervision.inbox_page"))
    return redirect(url_for("tasks.detail", task_id=draft.task.id))


@bp.route("/tasks/<int:task_id>/reminders", methods=["POST"])
@login_required
def remind(task_id: int):
    """POST ``/tasks/<task_id>/reminders`` (督办部门): 催办 one unit of the task (services/workflow/reminders.send_reminder),
    with the request and an optional reply date; e-mailed when mail is on (email_reminders). Refusals shown
    on the task page.
    """
    sent = []

    def action(form: ReminderForm):
        transitions.check_who(current_user, load_task(task_id), Action.REMIND)  # refuse before reading the form
        sent.append(reminders.send_reminder(task_id, form.unit_id(), current_user, form.reminder_request.data,
                                            form.reply_by(), *_versions(form), again=bool(form.reminder_again.data)))
    response = _act(task_id, "reminder", ReminderForm(), action, lambda: (
        f"催办已发出：{sent[0].unit.name}将收到{sent[0].level.label}（{sent[0].number}），其联络员登录后即可看到；"
        "本页“催办记录”中可打印。"))
    if sent:
        email_reminders(sent)
    return response


def email_reminders(sent) -> None:
    """E-mail the reminders just stored, when mail is on; tell the user how it went."""
    if not current_settings().mail.enabled:
        return
    emailed = mail.send_reminders(
        sent, link_for=lambda r: url_for("supervision.reminder_print", reminder_id=r.id, _external=True))
    reminders.mark_emailed(emailed)
    if len(emailed) < len(sent):
        flash(f"有 {len(sent) - len(emailed)} 份催办未能发送邮件（单位联络员未登记邮箱或邮件服务器不可用），"
              "请打印后送达或电话通知。", "warning")
    else:
        flash("催办邮件已发送。", "info")


@bp.errorhandler(Conflict)
def conflict(error: Conflict):
    """Show what changed since the form was read, with the user's input and 覆盖提交 / 取消 (HTTP 409)."""
    task = db.session.get(Task, error.task_id)
    changes = task_history(current_user, task, since_version=error.read_version)
    first_read = parse_version(request.form.get("overwrite_of")) or error.read_version
    return render_template("tasks/conflict.html", task=task, changes=changes, fields=_posted_fields(task),
                           current_version=error.current_version, first_read=first_read,
                           had_files=bool(request.files and any(f.filename for f in request.files.values())),
                           attachment_field=attachment_field()), 409


def _posted_fields(task: Task) -> list[tuple[str, str, str | None, str | None]]:
    """Return the posted fields as (name, value, caption, shown text); caption None: travels hidden."""
    units = {str(a.unit_id): a.unit.name for a in task.assignments}
    if "lead_units" in request.form or "supporting_units" in request.form:  # the task edit form: any unit
        units = {str(u.id): u.name for u in db.session.scalars(select(Unit))}
    fields = []
    for name, value in request.form.items(multi=True):
        if name in ("csrf_token", "version", "overwrite_of", "confirm"):
            continue
        if name in EDITABLE_FIELDS:
            fields.append((name, value, EDITABLE_FIELDS[name], None))
        elif name in SHOWN_FIELDS and value:
            shown = {"status": {s.value: s.label for s in TaskStatus}.get(value, value),
                     "decision": DECISION_LABELS.get(value, value),
                     "reminder_unit": units.get(value, value), "lead_units": units.get(value, value),
                     "supporting_units": units.get(value, value)}.get(name, value)
            fields.append((name, value, SHOWN_FIELDS[name], shown))
        else:
            fields.append((name, value, None, None))
    return fields


@bp.route("/attachments/<int:attachment_id>")
@login_required
def attachment(attachment_id: int):
    """``/attachments/<attachment_id>``: download one 佐证材料 file under its original name (made header-safe),
    for those who may see its report. NotFound (404) for an unknown id or a file missing from
    instance/attachments; PermissionDenied (403) for anyone else.
    """
    item = db.session.get(Attachment, attachment_id)
    if item is None:
        raise NotFound("该佐证材料不存在，可能已被删除。")
    require(can_see_report(current_user, item.task, item.report), "该佐证材料不属于您可以查看的任务或单位，无权下载。")
    path = attachments.file_path(attachment_folder(), item)
    if not path.exists():
        raise NotFound("佐证材料文件已丢失，请联系管理员从备份中恢复。")
    return send_file(path, mimetype=attachments.MIME_TYPES[item.kind], as_attachment=True,
                     download_name=header_safe_name(item.original_name, "佐证材料"), max_age=0)

