"""The 督办 workflow's actions on a task page (thin: parse the form, call a service, redirect).

Every form posts the task ``version`` it was read at; a stale one gets the conflict page
(HTTP 409) with the changes since and the user's input kept (services/concurrency.py).
"""
from __future__ import annotations

from datetime import date

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..downloads import header_safe_name
from ..extensions import db
from ..models import Attachment, Task, TaskStatus, Unit
from ..services import attachments, mail, reminders
from ..services.concurrency import parse_version
from ..services.errors import Conflict, InvalidInput, NotFound
from ..services.extension_requests import decide_extension, request_extension
from ..services.history import task_history
from ..services.permissions import can_see_report, is_supervisor, require
from ..services.workflow import acknowledge, request_close, review_close
from . import bp
from .routes import STALE_FORM, attachment_folder, load_task, render_task

# The texts a conflict page gives back to the user to edit, and the choices it shows read-only.
EDITABLE_FIELDS = {
    "progress": "进展情况", "problems": "存在问题", "next_steps": "下步计划", "close_note": "办结说明",
    "review_reason": "审核意见 / 退回理由", "extension_reason": "延期理由", "decision_note": "审批意见",
    "reminder_request": "催办要求", "title": "任务名称", "text": "任务内容", "deadline": "完成时限",
}
SHOWN_FIELDS = {"status": "完成状态", "decision": "审核结果", "extension_date": "申请延期至",
                "reminder_unit": "催办单位", "reminder_reply_by": "反馈期限", "lead_units": "牵头单位",
                "supporting_units": "配合单位", "due_date": "到期日期"}
# Said to anyone but the supervising office and admins (the services check again, with the same words).
REVIEW_MESSAGE = "只有督办部门可以审核办结申请。"
DECIDE_MESSAGE = "只有督办部门可以审批延期申请。"
REMIND_MESSAGE = "只有督办部门可以发出催办。"
DECISIONS = {"accept": True, "return": False, "refuse": False}
DECISION_LABELS = {"accept": "同意", "return": "退回", "refuse": "不同意"}


def _versions() -> tuple[int, int | None]:
    """Return (version read, overwrite_of) from the posted form; abort with 400 when the version is missing."""
    read_version = parse_version(request.form.get("version"))
    if read_version is None:
        raise InvalidInput(STALE_FORM)
    return read_version, parse_version(request.form.get("overwrite_of"))


def _date(name: str, caption: str) -> date | None:
    text = (request.form.get(name) or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"“{caption}”不是有效日期，请按 2027-03-31 的格式填写。") from None


def _decision() -> bool:
    value = request.form.get("decision", "")
    if value not in DECISIONS:
        raise InvalidInput("请选择审核结果（同意或退回）。")
    return DECISIONS[value]


def _act(task_id: int, opened: str, action, success: str):
    """Run ``action()`` for the task page: redirect with ``success``, or show the error with the input kept."""
    task = load_task(task_id)
    try:
        action()
    except InvalidInput as error:
        flash(str(error), "danger")
        return render_task(db.session.get(Task, task.id), values=request.form, status=400, opened=opened)
    flash(success, "success")
    return redirect(url_for("tasks.detail", task_id=task_id))


@bp.route("/tasks/<int:task_id>/acknowledge", methods=["POST"])
@login_required
def acknowledge_task(task_id: int):
    return _act(task_id, "acknowledge", lambda: acknowledge(task_id, current_user, *_versions()), "已签收。")


@bp.route("/tasks/<int:task_id>/close-request", methods=["POST"])
@login_required
def close_request(task_id: int):
    return _act(task_id, "close", lambda: request_close(task_id, current_user, request.form.get("close_note", ""),
                                                        *_versions()),
                "已提交办结申请，请等待督办部门审核。")


@bp.route("/tasks/<int:task_id>/review", methods=["POST"])
@login_required
def review(task_id: int):
    def action():
        require(is_supervisor(current_user), REVIEW_MESSAGE)  # refuse before reading the form
        accept = _decision()
        review_close(task_id, current_user, accept, request.form.get("review_reason", ""), *_versions())
    accepted = request.form.get("decision") == "accept"
    return _act(task_id, "review", action, "已同意办结。" if accepted else "已退回，任务回到“推进中”。")


@bp.route("/tasks/<int:task_id>/extension-request", methods=["POST"])
@login_required
def extension_request(task_id: int):
    def action():
        new_date = _date("extension_date", "申请延期至")
        request_extension(task_id, current_user, new_date, request.form.get("extension_reason", ""), *_versions())
    return _act(task_id, "extension", action, "已提交延期申请，请等待督办部门审批。")


@bp.route("/tasks/<int:task_id>/extension-requests/<int:request_id>/decision", methods=["POST"])
@login_required
def extension_decision(task_id: int, request_id: int):
    def action():
        require(is_supervisor(current_user), DECIDE_MESSAGE)  # refuse before reading the form
        accept = _decision()
        decide_extension(task_id, request_id, current_user, accept, request.form.get("decision_note", ""),
                         *_versions())
    accepted = request.form.get("decision") == "accept"
    return _act(task_id, "decision", action, "已同意延期，完成时限已更新。" if accepted else "已不同意延期。")


@bp.route("/tasks/<int:task_id>/reminders", methods=["POST"])
@login_required
def remind(task_id: int):
    sent = []

    def action():
        require(is_supervisor(current_user), REMIND_MESSAGE)  # refuse before reading the form
        unit_id = parse_version(request.form.get("reminder_unit"))  # a positive integer, like a version
        if unit_id is None:
            raise InvalidInput("请选择要催办的单位。")
        reply_by = _date("reminder_reply_by", "反馈期限")
        sent.append(reminders.send_reminder(task_id, unit_id, current_user, request.form.get("reminder_request"),
                                            reply_by, *_versions()))
    response = _act(task_id, "reminder", action, "催办已发出。")
    if sent:
        email_reminders(sent)
    return response


def email_reminders(sent) -> None:
    """E-mail the reminders just stored, when mail is on; tell the user how it went."""
    if not current_app.config.get("MAIL_ENABLED"):
        return
    emailed = mail.send_reminders(sent, current_app.config,
                                  lambda r: url_for("supervision.reminder_print", reminder_id=r.id, _external=True))
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
                           had_files=bool(request.files and any(f.filename for f in request.files.values()))), 409


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
    item = db.session.get(Attachment, attachment_id)
    if item is None:
        raise NotFound("该佐证材料不存在，可能已被删除。")
    require(can_see_report(current_user, item.task, item.report), "该佐证材料不属于您可以查看的任务或单位，无权下载。")
    path = attachments.file_path(attachment_folder(), item)
    if not path.exists():
        raise NotFound("佐证材料文件已丢失，请联系管理员从备份中恢复。")
    return send_file(path, mimetype=attachments.MIME_TYPES[item.kind], as_attachment=True,
                     download_name=header_safe_name(item.original_name, "佐证材料"), max_age=0)

