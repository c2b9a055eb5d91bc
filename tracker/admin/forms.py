"""Forms of the admin pages."""
from __future__ import annotations

from wtforms import EmailField, HiddenField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from ..forms import ChineseForm, at_most
from ..models import Role, UnitKind


def _optional_int(value):
    return int(value) if value not in (None, "", "None") else None


ROLE_CHOICES = [SelectChoice(r.value, r.label) for r in Role]


class AccountForm(ChineseForm):
    """Display name, role and unit of an account (the unit list is filled in by the view)."""

    display_name = StringField("显示名称", validators=[at_most("显示名称", 100)])
    role = SelectField("角色", choices=ROLE_CHOICES)
    unit_id = SelectField("所属单位", coerce=_optional_int, validate_choice=False)
    submit = SubmitField("保存")


class EditAccountForm(AccountForm):
    """An existing account: its e-mail address too (checked by services/accounts/users.normalize_email)."""

    email = EmailField("电子邮箱（催办邮件）", validators=[at_most("电子邮箱", 200, "个字符")])


class NewAccountForm(AccountForm):
    """A new account: its user name as well."""

    username = StringField("用户名", validators=[DataRequired("请填写用户名。"), at_most("用户名", 80, "个字符")])
    submit = SubmitField("创建账号")


class ActionForm(ChineseForm):
    """A button that posts (disable, enable, reset password, remove alias): only the CSRF token."""

    value = HiddenField()


class UnitNameForm(ChineseForm):
    """A unit's name, or a new unit."""

    name = StringField("单位名称", validators=[DataRequired("请填写单位名称。"), at_most("单位名称", 200)])


class AliasForm(ChineseForm):
    """Another written form of the unit."""

    alias = StringField("新增别名", validators=[DataRequired("请填写别名。"), at_most("别名", 200)])


class MergeForm(ChineseForm):
    """The unit this one is merged into (choices filled in by the view)."""

    target_id = SelectField("并入单位", coerce=_optional_int, validate_choice=False)


class UnitPlaceForm(ChineseForm):
    """上级单位, 类别 and 辖区 of a unit (issue 18; services/accounts/units.set_unit_place)."""

    parent_id = SelectField("上级单位", coerce=_optional_int, validate_choice=False)
    # Not limited to the choices here (WTForms would answer in English): the view says in Chinese what is wrong.
    kind = SelectField("类别", choices=[SelectChoice(k.value, k.label) for k in UnitKind], validate_choice=False)
    jurisdiction = StringField("辖区（如 重庆市）", validators=[at_most("辖区", 100)])
