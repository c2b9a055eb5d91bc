"""The forms of the ledger import pages."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, SubmitField


class UploadForm(FlaskForm):
    """The ledger file and, for other offices' ledgers, the plan to merge into (0: a new plan)."""

    file = FileField("工作台账（.xlsx）", validators=[FileRequired("请选择要上传的台账文件。")])
    plan = SelectField("外单位台账的处理方式", coerce=int, default=0)
    submit = SubmitField("上传并预览")


class ActionForm(FlaskForm):
    """A button that posts (confirm, discard, revert): only the CSRF token."""
