"""Plan import pages: upload → preview (edit, merge, split, drop) → confirm; a plan's revised version → changes → apply.

Every page is for the supervising office and admins (services/permissions.can_manage_plans);
the services check it again. Drafts live server-side (ImportDraft); the preview's actions are
plain form submits, so the page works without JavaScript.
"""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from ..extensions import db
from ..gate import requires
from ..models import Plan
from ..services.errors import InvalidInput
from ..services.file_fields import plan_field
from ..lazy import LazyModule
from ..services.permissions import MANAGE_PLANS_MESSAGE as MANAGE_MESSAGE, can_manage_plans
from ..settings import current_settings
from . import bp
from .forms import PreviewForm, UploadForm

# The drafts and revisions and, through them, the plan parser load when a plan is first imported, not in
# every process that builds the app (tracker/lazy.py; issue 19: a command imports what it uses).
editing = LazyModule("tracker.services.plans.draft_editing")
drafts = LazyModule("tracker.services.plans.drafts")
revision = LazyModule("tracker.services.plans.revision")
readers = LazyModule("tracker.parsing.readers")

PASTED_NAME = "粘贴的文本"


@bp.app_context_processor
def import_globals():
    """Give every template ``can_manage_plans(user)`` (permissions: who sees 导入方案 and 上传修订版)."""
    return {"can_manage_plans": can_manage_plans}


def _read_upload(form: UploadForm):
    """Return ``(draft, source name)`` from the uploaded file or the pasted text; raise InvalidInput."""
    from ..parsing import PlanReadError, read_plan_bytes, read_plan_text  # the plan parser: only for an upload
    from ..parsing.readers import empty_file_message

    upload = form.file.data
    if upload is not None and upload.filename:
        data = upload.read()
        if not data:
            raise InvalidInput(empty_file_message(upload.filename))
        try:
            return read_plan_bytes(data, upload.filename, current_settings().upload_budget), upload.filename
        except PlanReadError as error:
            raise InvalidInput(f"{error} 请换一个文件，或把方案全文复制粘贴到下面的文本框中。") from error
    text = (form.text.data or "").strip()
    if not text:
        raise InvalidInput("请选择要上传的方案文件，或把方案全文粘贴到文本框中。")
    try:
        return read_plan_text(text, PASTED_NAME, current_settings().upload_budget), PASTED_NAME
    except PlanReadError as error:
        raise InvalidInput(str(error)) from error


def _upload_page(plan: Plan | None):
    form = UploadForm()
    error = None
    if form.validate_on_submit():
        try:
            draft, name = _read_upload(form)
            row = drafts.start_import(current_user, draft, name, plan)
        except InvalidInput as problem:
            error = str(problem)
        else:
            return redirect(url_for("imports.preview", token=row.token))
    elif form.is_submitted():
        error = "页面已过期，请刷新后重新上传。"
    return render_template("imports/upload.html", form=form, error=error, plan=plan,
                           file_field=plan_field(current_app.config.get("MAX_CONTENT_LENGTH")),
                           kinds_hint=readers.kinds_hint()), 400 if error else 200


@bp.route("/plans/import", methods=["GET", "POST"])
@requires(can_manage_plans, MANAGE_MESSAGE)
def upload():
    """Step 1: choose a file or paste the text."""
    return _upload_page(None)


@bp.route("/plans/<int:plan_id>/revise", methods=["GET", "POST"])
@requires(can_manage_plans, MANAGE_MESSAGE)
def revise(plan_id: int):
    """Step 1 of a re-import: upload the revised version of ``plan_id``."""
    plan = db.session.get(Plan, plan_id) or abort(404)
    return _upload_page(plan)


def _apply_action(state: dict, action: str) -> dict:
    verb, _, item = action.partition("-")
    handlers = {"merge": editing.merge_item, "split": editing.split_item, "drop": editing.drop_item,
                "add": editing.add_item}
    if verb in handlers and item.isdigit():
        return handlers[verb](state, int(item))
    return state


@bp.route("/plans/import/<token>", methods=["GET", "POST"])
@requires(can_manage_plans, MANAGE_MESSAGE)
def preview(token: str):
    """Step 2: the measure tree to check and correct; every button saves the edits first."""
    row = drafts.load_draft(token, current_user)
    form = PreviewForm()
    if form.is_submitted():
        if not form.validate():
            abort(400)
        action = form.action.data
        if action == "cancel":
            drafts.discard_draft(row)
            flash("已放弃导入，没有保存任何内容。", "info")
            return redirect(url_for("plans.detail", plan_id=row.plan_id) if row.plan_id else url_for("plans.index"))
        state = editing.apply_edits(row.data, form.values)
        anchor = None
        try:
            state = _apply_action(state, action)
            anchor = action.partition("-")[2] or None
        except InvalidInput as problem:
            flash(str(problem), "danger")
        drafts.save_draft(row, state)
        if action == "confirm":
            return _confirm(row)
        if action == "changes" and row.plan_id:
            return redirect(url_for("imports.changes", token=row.token))
        if action == "save":
            flash("修改已保存（尚未导入）。", "success")
        return redirect(url_for("imports.preview", token=row.token, _anchor=f"item-{anchor}" if anchor else None))
    state = row.data
    known = drafts.known_unit_names()
    return render_template("imports/preview.html", row=row, state=state, form=form,
                           plan=db.session.get(Plan, row.plan_id) if row.plan_id else None,
                           units=drafts.unit_choices(), is_new=lambda name: drafts.is_new_unit(name, known),
                           children=editing.child_counts(state))


def _confirm(row):
    try:
        results = drafts.confirm_import(row, current_user)
    except InvalidInput as problem:
        flash(str(problem), "danger")
        return redirect(url_for("imports.preview", token=row.token))
    tasks = sum(r.task_count for r in results)
    new_units = [u for r in results for u in r.new_units]
    message = f"已导入 {len(results)} 个方案，共 {tasks} 个条目。" if len(results) > 1 else \
        f"已导入方案《{results[0].plan.title}》，共 {tasks} 个条目。"
    if new_units:
        from ..services.plans.store import groups_note

        message += "新建单位：" + "、".join(new_units) + "。" + groups_note([g for r in results for g in r.new_groups])
    flash(message, "success")
    if len(results) == 1:
        return redirect(url_for("plans.detail", plan_id=results[0].plan.id))
    return redirect(url_for("plans.index"))


@bp.route("/plans/import/<token>/changes", methods=["GET", "POST"])
@requires(can_manage_plans, MANAGE_MESSAGE)
def changes(token: str):
    """Step 3 of a re-import: what the revised version changes; confirm applies it."""
    row = drafts.load_draft(token, current_user)
    if row.plan_id is None:
        abort(404)
    plan = db.session.get(Plan, row.plan_id) or abort(404)
    form = PreviewForm()
    if form.validate_on_submit():
        try:
            result = revision.apply_revision(row, current_user)
        except InvalidInput as problem:
            flash(str(problem), "danger")
            return redirect(url_for("imports.preview", token=token))
        flash(f"方案已按修订版更新：未变 {result.unchanged} 条，修改 {result.edited} 条，新增 {result.added} 条，"
              f"撤销 {result.removed} 条。", "success")
        return redirect(url_for("plans.detail", plan_id=plan.id))
    if form.is_submitted():
        abort(400)
    try:
        found = revision.compare(plan, row.data)
    except InvalidInput as problem:
        flash(str(problem), "danger")
        return redirect(url_for("imports.preview", token=token))
    return render_template("imports/changes.html", row=row, plan=plan, changes=found, form=form,
                           labels=revision.FIELD_LABELS)
