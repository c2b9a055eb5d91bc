"""Admin pages: accounts (create, role, unit, disable/enable, reset password) and units (rename, aliases, merge).

Views are thin: services/accounts/users.py and services/accounts/units.py check the permissions, journal
and commit. A generated password is rendered once in the response, never flashed (the
flash would sit in the signed, unencrypted session cookie).
"""
from __future__ import annotations

import logging

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..extensions import db
from ..forms import FIELD_REFUSED, form_refusal_status
from ..gate import requires
from ..models import JournalEntry, Role, Unit, UnitKind, User
from ..security import log_event
from ..services.accounts import users as accounts, units
from ..services.errors import InvalidInput, NotFound
from ..services.permissions import can_manage_units, can_manage_users
from . import bp
from .forms import (ActionForm, AliasForm, EditAccountForm, MergeForm, NewAccountForm, UnitNameForm,
                    UnitPlaceForm)

USER_ADMIN_MESSAGE = "只有管理员可以管理用户。"
UNIT_ADMIN_MESSAGE = "只有管理员或督办部门可以管理单位。"


def unit_choices(empty: str = "（无）", leave_out: int | None = None) -> list[SelectChoice]:
    """Return the live units as select choices, after an empty choice labelled ``empty``."""
    return [SelectChoice("", empty)] + [SelectChoice(str(u.id), u.name) for u in units.live_units()
                                        if u.id != leave_out]


def history(condition) -> list[JournalEntry]:
    """Return the journal entries matching ``condition`` (a SQL expression on JournalEntry, e.g. one target
    user or unit), newest first, for an admin page's 变更记录.
    """
    return list(db.session.scalars(select(JournalEntry).where(condition).order_by(JournalEntry.id.desc())))


def refused(form, error: InvalidInput | NotFound | None = None) -> int:
    """The status of ``form`` sent back refused (tracker/forms.form_refusal_status: 422 with the reason beside the
    field it names, 400 when it names none). A service's ``error`` naming no field of the form is flashed, so the
    page sent back says it above the form."""
    status = form_refusal_status(form, error)
    if error is not None and status != FIELD_REFUSED:
        flash(str(error), "danger")
    return status


# ---- users --------------------------------------------------------------------------------------

@bp.route("/users")
@requires(can_manage_users, USER_ADMIN_MESSAGE)
def users():
    """``/admin/users`` (管理员 only): every account, active ones first, by role and user name."""
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.role, User.username)).all()
    return render_template("admin/users.html", users=rows)


@bp.route("/users/new", methods=["GET", "POST"])
@requires(can_manage_users, USER_ADMIN_MESSAGE)
def new_user():
    """``/admin/users/new`` (管理员 only): create an account (services/accounts/users.create_account).

    On success the generated password is shown once on the answer page (never flashed: the flash
    would sit in the session cookie); a refused form is sent back as typed (``refused``): 422 with the reason beside
    the field, 400 with a service's refusal naming no field (a name taken, a liaison without a unit) above it.
    """
    form = NewAccountForm()
    form.unit_id.choices = unit_choices()
    status = 200
    if form.validate_on_submit():
        try:
            user, password = accounts.create_account(current_user, form.username.data, Role(form.role.data),
                                                     form.unit_id.data, form.display_name.data)
        except (InvalidInput, NotFound) as error:
            status = refused(form, error)
        else:
            log_event("account_created", logging.INFO, account=user.username)
            return render_template("admin/password_shown.html", user=user, password=password, created=True)
    elif form.is_submitted():
        status = refused(form)
    return render_template("admin/user_new.html", form=form), status


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires(can_manage_users, USER_ADMIN_MESSAGE)
def user(user_id: int):
    """``/admin/users/<user_id>`` (管理员 only): an account's role, unit, display name and e-mail, and its
    journal. A POST saves through services/accounts/users.update_account and flashes what changed (a new
    role or unit signs the user out); a refused change is sent back as typed (``refused``: 422 beside the field,
    400 with a refusal naming none above the form). 404 for an unknown account.
    """
    account = db.session.get(User, user_id) or abort(404)
    form = EditAccountForm(obj=account if request.method == "GET" else None)
    form.unit_id.choices = unit_choices()
    if request.method == "GET":
        form.role.data = account.role.value
    status = 200
    if form.validate_on_submit():
        try:
            changed = accounts.update_account(current_user, user_id, Role(form.role.data), form.unit_id.data,
                                              form.display_name.data or "", email=form.email.data or "")
        except (InvalidInput, NotFound) as error:
            status = refused(form, error)
        else:
            if changed:
                log_event("account_changed", logging.INFO, account=account.username, fields="、".join(changed))
                flash(f"已修改{'、'.join(changed)}。" + ("该用户需重新登录。" if {"角色", "所属单位"} & set(changed) else ""),
                      "success")
            else:
                flash("没有修改。", "info")
            return redirect(url_for("admin.user", user_id=user_id))
    elif form.is_submitted():
        status = refused(form)
    return render_template("admin/user.html", account=account, form=form, action=ActionForm(),
                           entries=history(JournalEntry.target_user_id == user_id)), status


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@requires(can_manage_users, USER_ADMIN_MESSAGE)
def user_active(user_id: int):
    """POST ``/admin/users/<user_id>/active`` (管理员 only): enable (``value=1``) or disable an account;
    disabling ends its sessions. 400 without a valid CSRF form; the service's refusal (e.g. one's own
    account) is flashed; back to the account's page.
    """
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    active = form.value.data == "1"
    try:
        account = accounts.set_active(current_user, user_id, active)
    except InvalidInput as error:
        flash(str(error), "danger")
    else:
        log_event("account_enabled" if active else "account_disabled", logging.INFO, account=account.username)
        flash("账号已启用。" if active else "账号已停用，其登录已全部退出。", "success")
    return redirect(url_for("admin.user", user_id=user_id))


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@requires(can_manage_users, USER_ADMIN_MESSAGE)
def reset_password(user_id: int):
    """POST ``/admin/users/<user_id>/password`` (管理员 only): give the account a new generated
    password, shown once on the answer page (the user must change it at sign-in). 400 without a valid CSRF form.
    """
    if not ActionForm().validate_on_submit():
        abort(400)
    account, password = accounts.reset_password(current_user, user_id)
    log_event("password_reset", logging.INFO, account=account.username)
    return render_template("admin/password_shown.html", user=account, password=password, created=False)


# ---- units --------------------------------------------------------------------------------------

@bp.route("/units", methods=["GET", "POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def unit_list():
    """``/admin/units`` (管理员 or 督办部门): the unit registry as a tree with counts
    (services/accounts/units.unit_overview); a POST adds a unit by name, a refused name is sent back beside
    单位名称 (``refused``: 422; 400 with a refusal naming no field, above the form).
    """
    form = UnitNameForm()
    status = 200
    if form.validate_on_submit():
        try:
            unit = units.create_unit(current_user, form.name.data)
        except InvalidInput as error:
            status = refused(form, error)
        else:
            flash(f"已新增单位“{unit.name}”。", "success")
            return redirect(url_for("admin.unit", unit_id=unit.id))
    elif form.is_submitted():
        status = refused(form)
    rows = {row.unit.id: row for row in units.unit_overview()}
    tree = [(rows[unit.id], depth) for unit, depth in units.unit_tree([row.unit for row in rows.values()])]
    return render_template("admin/units.html", tree=tree, form=form), status


@bp.route("/units/<int:unit_id>")
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def unit(unit_id: int):
    """``/admin/units/<unit_id>`` (管理员 or 督办部门): one unit's names, aliases, place, sign-off setting,
    members, accounts and journal, with their forms. A unit merged away redirects to the one it was merged
    into; 404 for an unknown unit.
    """
    return unit_page(unit_id)


def unit_page(unit_id: int, status: int = 200, **posted):
    """The unit page of ``unit_id`` answering ``status``, its forms fresh but for ``posted`` (a form of the page by
    the name the template knows it: rename, alias, place, merge), sent back bound to what was posted with its
    errors beside its fields. A unit merged away redirects to the one it was merged into; 404 for an unknown unit."""
    record = db.session.get(Unit, unit_id) or abort(404)
    if record.merged_into_id is not None:
        flash(f"“{record.name}”已并入“{record.merged_into.name}”。", "info")
        return redirect(url_for("admin.unit", unit_id=record.merged_into_id))
    merge = MergeForm(formdata=None)
    merge.target_id.choices = unit_choices("请选择…", leave_out=unit_id)
    members = db.session.scalars(select(User).where(User.unit_id == unit_id).order_by(User.username)).all()
    place = UnitPlaceForm(formdata=None, parent_id=record.parent_id, kind=record.kind.value,
                          jurisdiction=record.jurisdiction or "")
    place.parent_id.choices = unit_choices("（无：顶层单位）", leave_out=unit_id)
    forms = {"rename": UnitNameForm(formdata=None, name=record.name), "alias": AliasForm(formdata=None),
             "merge": merge, "place": place, **posted}
    return render_template(
        "admin/unit.html", unit=record, **forms, children=units.unit_members(record), action=ActionForm(),
        members=members, entries=history(JournalEntry.target_unit_id == unit_id)), status


def _unit_action(unit_id: int, form, act, success: str, posted_as: str | None = None):
    """Run ``act()`` for a valid ``form``; on success flash ``success`` (``{result}``: what ``act`` returned) and go
    back to the unit page. A refusal answers the unit page again (``unit_page``) with ``form`` bound as
    ``posted_as`` (None: a button, no fields to show) and the status of every refused form (``refused``: 422 with
    the reason beside the field; 400 with one naming no field, flashed above). The view's gate let the user in."""
    error = None
    if form.validate_on_submit():
        try:
            result = act()
        except InvalidInput as error_:
            error = error_
        else:
            flash(success.format(result=result), "success")
            return redirect(url_for("admin.unit", unit_id=unit_id))
    status = refused(form, error)
    if error is None and status != FIELD_REFUSED:  # only unshown fields hold the reasons: say them above
        for error_ in (e for errors in form.errors.values() for e in errors):
            flash(error_, "danger")
    return unit_page(unit_id, status, **({posted_as: form} if posted_as else {}))


@bp.route("/units/<int:unit_id>/rename", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def rename_unit(unit_id: int):
    """POST ``/admin/units/<unit_id>/rename``: give the unit a new name; the old one stays as an alias
    (services/accounts/units.rename_unit). Done: flashed, back to the unit page; refused: the unit page again with
    the name as typed and the reason beside it (``_unit_action``).
    """
    form = UnitNameForm()
    return _unit_action(unit_id, form, lambda: units.rename_unit(current_user, unit_id, form.name.data).name,
                        "单位已改名为“{result}”，原名称保留为别名。", "rename")


@bp.route("/units/<int:unit_id>/aliases", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def add_alias(unit_id: int):
    """POST ``/admin/units/<unit_id>/aliases``: add an alias (another name ledgers and plans use for the
    unit; services/accounts/units.add_alias). Done: flashed, back to the unit page; refused: the unit page again
    with the alias as typed and the reason beside it (``_unit_action``).
    """
    form = AliasForm()
    return _unit_action(unit_id, form, lambda: units.add_alias(current_user, unit_id, form.alias.data) and form.alias.data,
                        "已新增别名“{result}”。", "alias")


@bp.route("/units/<int:unit_id>/aliases/<int:alias_id>/delete", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def remove_alias(unit_id: int, alias_id: int):
    """POST ``/admin/units/<unit_id>/aliases/<alias_id>/delete``: remove one alias of the unit. Done: flashed,
    back to the unit page; refused (the unit's own former name): the unit page again, 400, the reason above.
    """
    return _unit_action(unit_id, ActionForm(), lambda: units.remove_alias(current_user, unit_id, alias_id),
                        "已删除别名“{result}”。")


@bp.route("/units/<int:unit_id>/place", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def place_unit(unit_id: int):
    """POST ``/admin/units/<unit_id>/place``: 上级单位, 类别, 辖区 of a unit (issue 18;
    services/accounts/units.set_unit_place). Done: flashed, back to the unit page; refused: the unit page again with
    the form as posted and the reason beside its field (``_unit_action``: a kind not chosen beside 类别); a parent
    unit gone meanwhile is flashed, back to the unit page.
    """
    form = UnitPlaceForm()
    form.parent_id.choices = unit_choices("（无：顶层单位）", leave_out=unit_id)

    def act():
        try:
            kind = UnitKind(form.kind.data)
        except ValueError:
            raise InvalidInput("请选择单位“类别”。") from None
        units.set_unit_place(current_user, unit_id, form.parent_id.data, kind, form.jurisdiction.data)
    try:
        return _unit_action(unit_id, form, act, "已保存上级单位、类别和辖区。", "place")
    except NotFound as error:
        flash(str(error), "danger")
        return redirect(url_for("admin.unit", unit_id=unit_id))


@bp.route("/units/<int:unit_id>/signoff", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def unit_signoff(unit_id: int):
    """POST ``/admin/units/<unit_id>/signoff``: 本单位报送须经领导审核签发 on (``value=1``) or off (issue 18). A button:
    done, flashed, back to the unit page; refused, the unit page again, 400, the reason above (``_unit_action``)."""
    form = ActionForm()
    required = form.value.data == "1"
    return _unit_action(unit_id, form, lambda: units.set_signoff_required(current_user, unit_id, required),
                        "已开启：本单位报送须经单位负责人审核签发。" if required else "已关闭：本单位报送无需签发，直接报送督办部门。")


@bp.route("/units/<int:unit_id>/merge", methods=["POST"])
@requires(can_manage_units, UNIT_ADMIN_MESSAGE)
def merge_unit(unit_id: int):
    """POST ``/admin/units/<unit_id>/merge``: merge the unit into ``target_id`` (its tasks, reports and
    accounts move; its name stays as an alias: services/accounts/units.merge_units) and go to the survivor's
    page. Refused (no unit chosen, a merge the service refuses): the unit page again with the form as posted, the
    reason beside 并入单位 (422) or, naming no field, above it (400).
    """
    form = MergeForm()
    form.target_id.choices = unit_choices("请选择…", leave_out=unit_id)
    error = None
    if form.validate_on_submit():
        if form.target_id.data is None:
            form.target_id.errors = ["请选择要并入的单位。"]
        else:
            try:
                result = units.merge_units(current_user, unit_id, form.target_id.data)
            except InvalidInput as error_:
                error = error_
            else:
                return _merged(result, unit_id)
    return unit_page(unit_id, refused(form, error), merge=form)


def _merged(result, unit_id: int):
    """Say what ``result`` (services/accounts/units.merge_units) moved and go to the survivor's page."""
    log_event("units_merged", logging.INFO, source=unit_id, target=result.survivor.id)
    flash(f"已合并：{result.tasks} 项任务、{result.reports} 条进展、{result.users} 个账号转到“{result.survivor.name}”，"
          "原名称保留为别名。", "success")
    return redirect(url_for("admin.unit", unit_id=result.survivor.id))
