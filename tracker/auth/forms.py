"""Forms of the sign-in and password pages."""
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo

from ..forms import ChineseForm, at_most
from ..services.accounts.users import MAX_PASSWORD_LENGTH


class LoginForm(ChineseForm):
    """User name and password."""

    username = StringField("用户名", validators=[DataRequired("请输入用户名。"), at_most("用户名", 80, "个字符")])
    password = PasswordField("密码", validators=[DataRequired("请输入密码。"), at_most("密码", MAX_PASSWORD_LENGTH, "位")])
    submit = SubmitField("登录")


class PasswordChangeForm(ChineseForm):
    """The current password, the new one twice (rules: services/accounts/users.check_new_password)."""

    current_password = PasswordField("当前密码", validators=[DataRequired("请输入当前密码。"),
                                                          at_most("当前密码", MAX_PASSWORD_LENGTH, "位")])
    new_password = PasswordField("新密码", validators=[DataRequired("请输入新密码。"),
                                                    at_most("新密码", MAX_PASSWORD_LENGTH, "位")])
    confirm = PasswordField("再次输入新密码", validators=[DataRequired("请再次输入新密码。"),
                                                      EqualTo("new_password", "两次输入的新密码不一致。")])
    submit = SubmitField("修改密码")
