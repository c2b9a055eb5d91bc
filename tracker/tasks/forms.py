"""The progress report form (with the task version it was read at, and 佐证材料)."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, MultipleFileField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..models import STATUS_LABELS
from ..services.progress import MAX_REPORT_CHARS


class ProgressForm(FlaskForm):
    """进展情况 (required), 存在问题, 下步计划, 完成状态 for those who may change it, files, and the version."""

    progress = TextAreaField("进展情况", validators=[DataRequired("请填写“进展情况”。"), Length(max=MAX_REPORT_CHARS)])
    problems = TextAreaField("存在问题", validators=[Length(max=MAX_REPORT_CHARS)])
    next_steps = TextAreaField("下步计划", validators=[Length(max=MAX_REPORT_CHARS)])
    # Rendered only for those who may change the status: absent from the post means "不变".
    status = SelectField(
        "完成状态", choices=[SelectChoice("", "不变")] + [SelectChoice(s.value, label) for s, label in STATUS_LABELS.items()],
        default="",
    )
    attachments = MultipleFileField("佐证材料（可选）")
    # The task's version when the page was rendered (services/concurrency.py), and after a conflict
    # page the version first read, so that an overwrite is journalled as one.
    version = HiddenField()
    overwrite_of = HiddenField()
    submit = SubmitField("提交进展")
