"""Upload a ledger, check the preview (and correct the column mapping), confirm; list and revert imports.

Views are thin: the use cases are services/ledger/importing.py, ledger_revert.py and ledger_uploads.py.
"""
from __future__ import annotations

import re

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..forms import FIELD_REFUSED, form_refusal_status
from ..gate import requires
from ..lazy import LazyModule
from ..models import Plan
from ..services.errors import InvalidInput
from ..services.file_fields import ledger_field, ledger_kinds_hint
from ..services.ledger.uploads import discard_upload, open_upload, store_upload
from ..services.permissions import can_manage_plans
from ..settings import current_settings
from ..vocabulary.captions import CAPTION_SYNONYMS
from . import bp
from .forms import ActionForm, UploadForm, column_mapping_form

# openpyxl, xlrd, odfpy and the ledger reader load when a ledger is first uploaded (tracker/lazy.py).
ledger = LazyModule("tracker.ledger")
sources = LazyModule("tracker.ledger.sources")
safety = LazyModule("tracker.ledger.safety")
importing = LazyModule("tracker.services.ledger.importing")
reverting = LazyModule("tracker.services.ledger.revert")


def may_import(user) -> bool:
    """services/ledger/importing.may_import, read when a view is asked for (not when this module loads)."""
    return importing.may_import(user)

_LETTERS = re.compile(r"^[A-Z]{1,3}$")
# Rows shown in the preview table besides every error and conflict (a 10,000-row ledger stays light).
PREVIEW_ROWS = 300


IMPORT_MESSAGE = "只读账号不能导入台账。"


def _plan_choices() -> list[tuple[int, str]]:
    plans = db.session.scalars(select(Plan).order_by(Plan.id)).all()
    return [(0, "新建方案（本系统导出的台账按任务键更新，不受此项影响）")] + [
        (plan.id, f"合并到方案 #{plan.id}《{plan.title}》") for plan in plans]


@bp.route("/new", methods=["GET", "POST"])
@requires(may_import, IMPORT_MESSAGE)
def upload():
    """``/imports/new`` (anyone who may import: not a read-only account): upload a ledger (.xlsx, .xls, .ods,
    .csv) and optionally the plan to merge it into (``?plan=ID`` preselects one).

    The file is checked before it is stored (ledger/safety.load_source, ledger/sources.check_ledger_container:
    size, type by its bytes, macros, zip bombs); a refused form answers again as every page's
    (tracker/forms.form_refusal_status): no file chosen 422 beside the file field, a refused file 400 with the
    refusal in Chinese above the form (it is about the file's content, no field to mend), one over
    LEDGER_MAX_BYTES the 413 page. A stored upload redirects to its preview.
    """
    form = UploadForm()
    form.plan.choices = _plan_choices()
    if request.method == "GET" and request.args.get("plan", type=int):
        form.plan.data = request.args.get("plan", type=int)
    error = None
    if form.validate_on_submit():
        limits = current_settings().ledger_limits
        name = form.file.data.filename or "台账.xlsx"
        try:
            data, name = safety.load_source(form.file.data.stream, name, limits)
            sources.check_ledger_container(data, name, limits)  # refused files are never stored
        except ledger.LedgerRefused as refused:
            if refused.code == "too_large":
                return render_template("error.html", code=413, title="文件太大", message=str(refused)), 413
            error = str(refused)
        else:
            pending = store_upload(current_app.instance_path, data, name, current_user.id, form.plan.data or None)
            return redirect(url_for("ledger_imports.preview", token=pending.token))
    status = 200
    if form.is_submitted():
        status = form_refusal_status(form, InvalidInput(error) if error else None)
        if status == FIELD_REFUSED and error:
            error = None  # said beside the field it names (mark_named_field), not twice
    max_bytes = current_settings().ledger_max_bytes
    file_field = ledger_field(max_bytes, current_app.config.get("MAX_CONTENT_LENGTH"))
    return render_template("ledger_imports/upload.html", form=form, error=error, file_field=file_field,
                           kinds_hint=ledger_kinds_hint(max_bytes)), status


def _load_pending(token: str):
    pending = open_upload(current_app.instance_path, token, current_user.id)
    loaded = importing.load_ledger(pending.path, pending.original_name, limits=current_settings().ledger_limits,
                         column_map=pending.column_map, header_row=pending.header_row)
    return pending, loaded


@bp.route("/pending/<token>")
@requires(may_import, IMPORT_MESSAGE)
def preview(token: str):
    """``/imports/pending/<token>``: the preview of the user's pending upload, every row as 新建/更新/跳过/冲突/错误
    (services/ledger/importing.preview_import; at most PREVIEW_ROWS rows besides every error and conflict).
    A file the reader refuses answers 400 with the refusal; an unknown token or someone else's is NotFound (404).
    """
    pending = open_upload(current_app.instance_path, token, current_user.id)
    try:
        pending, loaded = _load_pending(token)
    except ledger.LedgerRefused as refused:
        pending.mark_refused(True)  # not a draft on the liaison's home any more
        return _render_preview(pending, None, str(refused)), 400
    result = importing.preview_import(loaded, current_user, pending.target_plan_id)
    pending.mark_refused(not result.ok)
    return _render_preview(pending, result)


def _render_preview(pending, result, refusal: str | None = None, status_note: str | None = None):
    shown = []
    if result is not None:
        others = 0
        for outcome in result.outcomes:
            if outcome.action in ("error", "conflict"):
                shown.append(outcome)
            elif others < PREVIEW_ROWS:
                shown.append(outcome)
                others += 1
    return render_template("ledger_imports/preview.html", pending=pending, result=result, shown=shown,
                           refusal=refusal, form=ActionForm(), captions=list(CAPTION_SYNONYMS),
                           status_note=status_note, preview_rows=PREVIEW_ROWS)


@bp.route("/pending/<token>/mapping", methods=["POST"])
@requires(may_import, IMPORT_MESSAGE)
def mapping(token: str):
    """POST ``/imports/pending/<token>/mapping``: read the upload again with the columns the user named (caption →
    column letters A–ZZZ) and the header row (1–999; empty or out of range: found automatically). A value that
    is no column letter is flashed naming the caption; back to the preview.
    """
    pending = open_upload(current_app.instance_path, token, current_user.id)
    form = column_mapping_form(list(CAPTION_SYNONYMS))
    column_map = {}
    for caption, field in form.columns:
        letter = field.data
        if letter:
            if not _LETTERS.match(letter):
                flash(f"“{caption}”的列“{letter}”不是有效的列字母（如 A、B、AA）。", "danger")
                return redirect(url_for("ledger_imports.preview", token=token))
            column_map[caption] = letter
    header_row = form.header_row.data  # unreadable: None, the header is found automatically
    pending.column_map = column_map or None
    pending.header_row = header_row if header_row and 0 < header_row < 1000 else None
    pending.save_meta()
    flash("已按您指定的列对应关系重新读取台账。", "info")
    return redirect(url_for("ledger_imports.preview", token=token))


@bp.route("/pending/<token>/confirm", methods=["POST"])
@requires(may_import, IMPORT_MESSAGE)
def confirm(token: str):
    """POST ``/imports/pending/<token>/confirm``: apply the import all or nothing
    (services/ledger/importing.apply_import) and go to its record. 400 without a valid CSRF form; a file
    refused now answers 400 with the refusal; a bad row or a row of another unit rejects the whole file:
    409 with the preview and "台账未导入，没有写入任何数据。".
    """
    if not ActionForm().validate_on_submit():
        abort(400)
    pending = open_upload(current_app.instance_path, token, current_user.id)
    try:
        pending, loaded = _load_pending(token)
    except ledger.LedgerRefused as refused:  # the preview refused it too: say so again, write nothing
        return _render_preview(pending, None, str(refused)), 400
    try:
        result = importing.apply_import(loaded, current_user, pending.target_plan_id)
    except importing.ImportRejected as rejected:
        current_app.logger.warning("ledger import rejected: user=%s file=%r", current_user.id, pending.original_name)
        return _render_preview(pending, rejected.preview, status_note="台账未导入，没有写入任何数据。"), 409
    discard_upload(pending)
    flash(f"台账已导入：更新 {result.record.updated_count} 项，新建 {result.record.created_count} 项，"
          f"冲突 {result.record.conflict_count} 项。", "success")
    return redirect(url_for("ledger_imports.detail", record_id=result.record.id))


@bp.route("/pending/<token>/discard", methods=["POST"])
@requires(may_import, IMPORT_MESSAGE)
def discard(token: str):
    """POST ``/imports/pending/<token>/discard``: delete the pending upload (nothing was written) and go back to
    the upload page. 400 without a valid CSRF form; NotFound (404) for an unknown token.
    """
    if not ActionForm().validate_on_submit():
        abort(400)
    discard_upload(open_upload(current_app.instance_path, token, current_user.id))
    flash("已放弃本次上传，没有写入任何数据。", "info")
    return redirect(url_for("ledger_imports.upload"))


@bp.route("")
@requires(may_import, IMPORT_MESSAGE)
def index():
    """``/imports``: the import records the user may see (services/ledger/importing.import_records), newest first,
    with 撤销 for the supervising office.
    """
    return render_template("ledger_imports/index.html", records=importing.import_records(current_user), form=ActionForm(),
                           may_revert=can_manage_plans(current_user))


@bp.route("/<int:record_id>")
@requires(may_import, IMPORT_MESSAGE)
def detail(record_id: int):
    """``/imports/<record_id>``: one import record (who, when, file, SHA-256, counts); NotFound (404) for a record
    the user may not see.
    """
    record = importing.get_import(record_id, current_user)
    return render_template("ledger_imports/detail.html", record=record, form=ActionForm(),
                           may_revert=can_manage_plans(current_user))


@bp.route("/<int:record_id>/revert", methods=["POST"])
@requires(can_manage_plans, "只有督办部门可以撤销台账导入。")
def revert(record_id: int):
    """POST ``/imports/<record_id>/revert`` (督办部门 only): undo one import as a whole
    (services/ledger/revert.revert_import: reports removed, statuses restored, a plan it created deleted when
    nothing was added to it) and flash the counts and notes. 400 without a valid CSRF form; a revert the
    service refuses (reverted already, a later change) is flashed as a warning.
    """
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        result = reverting.revert_import(record_id, current_user)
    except InvalidInput as error:
        flash(str(error), "warning")
    else:
        flash(f"已撤销导入记录 #{record_id}：删除进展 {result.reports_removed} 条，恢复完成状态 "
              f"{result.statuses_restored} 项" + (f"，删除方案 #{result.plan_deleted}" if result.plan_deleted else "")
              + "。", "success")
        for note in result.notes:
            flash(note, "warning")
    return redirect(url_for("ledger_imports.detail", record_id=record_id))
