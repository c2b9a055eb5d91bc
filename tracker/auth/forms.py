"""Forms of the sign-in page."""
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    """User name and password."""

    username = StringField("用户名", validators=[DataRequired("请输入用户名。"), Length(max=80)])
    password = PasswordField("密码", validators=[DataRequired("请输入密码。"), Length(max=256)])
    submit = SubmitField("登录")
