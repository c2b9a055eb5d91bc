"""The task page's forms: the progress report (with the task version it was read at, and 佐证材料),
and the supervising office's edit of a task."""
from flask_wtf import FlaskForm
from wtforms import (HiddenField, MultipleFileField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from ..models import STATUS_LABELS
from ..services.progress import MAX_REPORT_CHARS
from ..services.task_editing import MAX_DEADLINE_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS


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


class MultiCheckboxField(SelectMultipleField):
    """A list of check boxes (the unit registry), posted as several values of one name."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TaskEditForm(FlaskForm):
    """The supervising office's edit of a task (services/task_editing.py checks again and journals).

    The unit choices are filled in by the view from the unit registry; ``version`` is the task
    version the form was read at.
    """

    title = StringField("任务名称", validators=[Length(max=MAX_TITLE_CHARS, message=f"任务名称不能超过 {MAX_TITLE_CHARS} 字。")])
    text = TextAreaField("任务内容", validators=[Length(max=MAX_TEXT_CHARS, message=f"任务内容不能超过 {MAX_TEXT_CHARS} 字。")])
    lead_units = MultiCheckboxField("牵头单位", coerce=int, validate_choice=False)
    supporting_units = MultiCheckboxField("配合单位", coerce=int, validate_choice=False)
    deadline = StringField("完成时限（按文件原文，如“2027年6月底前”）",
                           validators=[Length(max=MAX_DEADLINE_CHARS, message=f"完成时限不能超过 {MAX_DEADLINE_CHARS} 字。")])
    # Parsed by the view, so that a bad date gets a Chinese message.
    due_date = StringField("到期日期（用于预警亮灯，可留空）", render_kw={"type": "date"})
    version = HiddenField()
    overwrite_of = HiddenField()
    submit = SubmitField("保存修改")
