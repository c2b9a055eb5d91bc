"""The task page's forms: the progress report (with the task version it was read at, and 佐证材料),
the workflow's action forms (签收, 申请办结, 审核, 申请延期, 审批延期, 催办) and the supervising
office's edit of a task.

Every task form carries ``version`` (the task version its page was read at) and ``overwrite_of``
(after a conflict page, the version first read): services/concurrency.py. The forms parse; the
services check and say what is wrong (in Chinese).
"""
import unicodedata
from datetime import date

from wtforms import (BooleanField, HiddenField, MultipleFileField, RadioField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length
from wtforms.widgets import (CheckboxInput, FileInput, HiddenInput, ListWidget, Select, TextArea, TextInput,
                             html_params)

from markupsafe import Markup, escape

from ..dates import DateInputError, parse_user_date
from ..forms import ChineseForm, at_most
from ..models import TaskStatus
from ..services.errors import InvalidInput
from ..services.workflow.progress import MAX_REPORT_CHARS
from ..services.workflow.reminders import AGAIN_CAPTION
from ..vocabulary.figures import COMMA_ADVICE, FigureError, read_figure
from ..services.plans.task_editing import MAX_DEADLINE_CHARS, MAX_TARGET_UNIT_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS


#: How many blank fields ``KeptBlankFieldsForm`` keeps per process (a few per form of the task page); when full it
#: starts again.
KEPT_FIELDS_SIZE = 256
_KEPT_FIELDS: dict[tuple, Markup] = {}


#: The widgets whose blank fields KeptBlankFieldsForm keeps: what they write is made of the field's id, name, render
#: arguments and flags only.
_KEPT_BLANK_WIDGETS = (TextArea, TextInput, HiddenInput)


def _options_key(field) -> tuple | None:
    """Return what a drop-down (``Select``) field's options are made of — each option's value, label, whether it is
    selected and its render arguments, with the types of value and label (a Markup label is not escaped again) — as a
    key of KeptBlankFieldsForm's fields; None when the field has option groups or an option's render argument cannot
    be part of a key (rendered as before)."""
    if field.has_groups():
        return None
    try:
        return tuple((type(c.value), c.value, type(c.label), c.label, c.selected, frozenset((c.render_kw or {}).items()))
                     for c in field.iter_choices())
    except TypeError:
        return None


class KeptBlankFieldsForm(ChineseForm):
    """A form whose blank fields (``<textarea>``, ``<input type=text>``, hidden and file inputs and the like, without a
    value or an error) and drop-downs without an error are rendered by WTForms once per process for what their HTML
    is made of (widget, id, name, the render arguments, the validators' flags; a drop-down's options with the one
    selected) and then reused: equal inputs, equal HTML, so what is kept is never stale. A field with a value (a
    refused post shown again) or an error is rendered as before. The task page renders a dozen such fields on every
    request, about a third of its template (issue 19: the writers' task page under write load; the drop-down of
    完成状态, the file input and the blank hidden field added in item 30)."""

    class Meta:
        def render_field(self, field, render_kw):
            widget = field.widget
            if field.errors or getattr(field, "_datalist", None) is not None:
                return super().render_field(field, render_kw)
            if type(widget) is Select:
                content = _options_key(field)
            elif (type(widget) in _KEPT_BLANK_WIDGETS and field._value() == "") or type(widget) is FileInput:
                content = ()  # blank; a file input never writes a value (WTForms' FileInput)
            else:
                content = None
            if content is None:
                return super().render_field(field, render_kw)
            try:
                key = (type(widget), getattr(widget, "multiple", None), field.id, field.name,
                       tuple(sorted(render_kw.items())), tuple(sorted((field.render_kw or {}).items())),
                       tuple(sorted(vars(field.flags).items())), content)
                kept = _KEPT_FIELDS.get(key)
            except TypeError:  # an argument that cannot be a key: render as before
                return super().render_field(field, render_kw)
            if kept is None:
                kept = super().render_field(field, render_kw)
                if len(_KEPT_FIELDS) >= KEPT_FIELDS_SIZE:
                    _KEPT_FIELDS.clear()
                _KEPT_FIELDS[key] = kept
            return kept


class ReportTextsForm(KeptBlankFieldsForm):
    """A report's three texts: 进展情况 (required), 存在问题, 下步计划, each at most MAX_REPORT_CHARS
    characters (services/workflow/progress.py) — filed (ProgressForm) or corrected (ReportCorrectionForm)."""

    progress = TextAreaField("进展情况", validators=[DataRequired("请填写“进展情况”。"), at_most("进展情况", MAX_REPORT_CHARS)])
    problems = TextAreaField("存在问题", validators=[at_most("存在问题", MAX_REPORT_CHARS)])
    next_steps = TextAreaField("下步计划", validators=[at_most("下步计划", MAX_REPORT_CHARS)])


class ProgressForm(ReportTextsForm):
    """The report's texts, 完成状态 for those who may change it, files, and the version."""

    # 完成状态: "不变" plus the statuses the user may reach now (set_status_choices, from the transition
    # table); rendered only when there is one. Not limited to the choices here: a status posted that
    # the user may not reach is refused by the service with the reason (services/workflow/transitions.py).
    status = SelectField("完成状态", choices=[SelectChoice("", "不变")], default="", validate_choice=False)
    # Shown only for a quantified task (Task.target_value); parsed by form_number for a Chinese message.
    achieved_value = StringField("完成值（截至目前，与目标值同一计量单位，可留空）", render_kw={"inputmode": "decimal"})
    attachments = MultipleFileField("佐证材料（可选）")
    # The task's version when the page was rendered (services/concurrency.py), and after a conflict
    # page the version first read, so that an overwrite is journalled as one.
    version = HiddenField()
    overwrite_of = HiddenField()
    submit = SubmitField("提交进展")

    def set_status_choices(self, statuses: list[TaskStatus]) -> None:
        """Offer "不变" and ``statuses`` (transitions.settable_statuses of the user and task)."""
        self.status.choices = [SelectChoice("", "不变")] + [SelectChoice(s.value, s.label) for s in statuses]

    def wanted_status(self) -> TaskStatus | None:
        """The status chosen (None: 不变). Raises InvalidInput for a value that is no status at all."""
        value = (self.status.data or "").strip()
        if not value:
            return None
        try:
            return TaskStatus(value)
        except ValueError:
            raise InvalidInput(f"“{value[:20]}”不是有效的完成状态，请在“完成状态”中重新选择。") from None


def form_number(value: str | None, caption: str) -> float | None:
    """Return the number typed in a form field captioned ``caption`` (None when blank). Read as
    vocabulary/figures.read_figure reads a figure (full-width digits, a thousands comma between groups of
    three: "１２", "1,200"), and a trailing % as people type it ("12%"); raises InvalidInput naming the field,
    what was typed and an example otherwise (a comma that is no thousands separator, "1,2", is refused
    rather than read as 12)."""
    text = unicodedata.normalize("NFKC", value or "").strip().rstrip("%").strip()
    try:
        return read_figure(text)
    except FigureError as error:
        if error.reason == COMMA_ADVICE:
            raise InvalidInput(f"“{caption}”的“{(value or '')[:20]}”{COMMA_ADVICE}。") from None
        raise InvalidInput(f"“{caption}”应为数字（如 12 或 6.5），现在是“{(value or '')[:20]}”。") from None


def form_date(value: str | None, caption: str) -> date | None:
    """Return the ISO date typed in a form field captioned ``caption`` (None when blank).

    Reads with the one parser of typed dates (tracker/dates.parse_user_date); raises InvalidInput
    with its sentence (the field, the text and the expected format 2027-03-31) for anything else.
    """
    try:
        return parse_user_date(value, caption)
    except DateInputError as error:
        raise InvalidInput(str(error)) from None


class ReportCorrectionForm(ReportTextsForm):
    """A report's three texts, corrected by its author (services/workflow/progress.correct_report)."""

    submit = SubmitField("保存修改")


class TaskActionForm(KeptBlankFieldsForm):
    """Base of the workflow's action forms: the task version read and, after a conflict, the version first read."""

    version = HiddenField()
    overwrite_of = HiddenField()


class AcknowledgeForm(TaskActionForm):
    """签收: nothing but the version."""


class CloseRequestForm(TaskActionForm):
    """申请办结 with its 办结说明 (required by the transition table's REQUEST_CLOSE row)."""

    close_note = TextAreaField("办结说明（完成情况）")


class CloseTaskForm(TaskActionForm):
    """办结 by the supervising office (services/workflow.close_task): an optional 办结意见, required only while
    sub-tasks are open."""

    close_opinion = TextAreaField("办结意见（选填；子任务未办结时必填，写明理由）")


class DecisionForm(TaskActionForm):
    """A decision between accepting and not (审核, 审批): ``decision`` is one of ``DECISIONS``."""

    DECISIONS: dict[str, bool] = {}
    MISSING = "请选择审核结果。"
    decision = RadioField(choices=[], validate_choice=False)

    def accepted(self) -> bool:
        """True for the accepting choice; raises InvalidInput (MISSING) when none of the choices was posted."""
        if self.decision.data not in self.DECISIONS:
            raise InvalidInput(self.MISSING)
        return self.DECISIONS[self.decision.data]


class ReviewForm(DecisionForm):
    """审核办结申请: 同意办结 or 退回 (the reason required on a return)."""

    DECISIONS = {"accept": True, "return": False}
    MISSING = "请选择审核结果（同意或退回）。"
    decision = RadioField("审核结果", choices=[SelectChoice("accept", "同意办结"), SelectChoice("return", "退回（继续办理）")], validate_choice=False)
    review_reason = TextAreaField("审核意见 / 退回理由（退回时必填）")


class ExtensionRequestForm(TaskActionForm):
    """申请延期: the date asked for, as typed, and the reason; both read and checked at once by the service
    (services/workflow/extensions.request_problems), each field's problem said beside it."""

    extension_date = StringField("申请延期至", render_kw={"type": "date"})
    extension_reason = TextAreaField("延期理由")


class ExtensionDecisionForm(DecisionForm):
    """审批延期申请: 同意延期 or 不同意 (a note required on a refusal)."""

    DECISIONS = {"accept": True, "refuse": False}
    MISSING = "请选择审批结果（同意延期或不同意）。"
    decision = RadioField("审批结果", choices=[SelectChoice("accept", "同意延期"), SelectChoice("refuse", "不同意")], validate_choice=False)
    decision_note = TextAreaField("审批意见（不同意时必填）")


class ReminderForm(TaskActionForm):
    """催办: the unit (one of the task's units, filled in by the view), what is asked, the date to answer by."""

    reminder_unit = SelectField("催办单位", choices=[], coerce=str, validate_choice=False)
    reminder_request = TextAreaField("催办要求")
    reminder_reply_by = StringField("反馈期限（可选）", render_kw={"type": "date"})
    reminder_again = BooleanField(AGAIN_CAPTION)  # shown when a unit of the task was urged today

    def unit_id(self) -> int:
        """The chosen unit's id; raises InvalidInput when none (or no number) was posted."""
        text = (self.reminder_unit.data or "").strip()
        if not text.isdigit() or int(text) < 1:
            raise InvalidInput("请选择要催办的单位。")
        return int(text)

    def reply_by(self) -> date | None:
        """The 反馈期限 typed, None when blank (it is optional); InvalidInput naming the field for text that is no
        date (form_date).
        """
        return form_date(self.reminder_reply_by.data, "反馈期限")


class MultiCheckboxField(SelectMultipleField):
    """A list of check boxes (the unit registry), posted as several values of one name."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TaskEditForm(ChineseForm):
    """The supervising office's edit of a task (services/plans/task_editing.py checks again and journals).

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
    # 量化任务: parsed by form_number (Chinese message); empty: no target.
    target_value = StringField("目标值（量化任务填写数字，如 12；可留空）", render_kw={"inputmode": "decimal"})
    target_unit = StringField("计量单位（如“%（较年初增长）”“亿元”“户”）",
                              validators=[Length(max=MAX_TARGET_UNIT_CHARS, message=f"计量单位不能超过 {MAX_TARGET_UNIT_CHARS} 字。")])
    version = HiddenField()
    overwrite_of = HiddenField()
    submit = SubmitField("保存修改")


#: How many checkboxes ``KeptUnitChecks`` keeps per process (every unit, ticked or not, a few times over); when full
#: it starts again.
KEPT_CHECKS_SIZE = 4096
_KEPT_CHECKS: dict[tuple[str, str, bool], Markup] = {}


class KeptUnitChecks:
    """The split form's units as a list of checkboxes, one a line, each ``<input>`` inside its ``<label>`` so a finger
    or a mouse ticks it by its name (a ``<select multiple>`` needed Ctrl-click on a computer, and a phone has no
    Ctrl): ``<div class="unit-checks split-checks …" id=…>`` holding ``<label><input [checked] type="checkbox" name=…
    value=…> name</label>`` per choice (styled by tracker.css, no class a line: the office's page lists every unit),
    names and values escaped. ``field.choices``:
    ``(value, label)`` pairs of strings; ``field.data``: the values ticked; ``field.notes`` (optional): what to say
    beside some of them, by value (``<span class="unit-note">（…）</span>``: a unit nobody there would hear of its
    part through, tasks/routes.render_task). Each line is rendered once per process
    for its (value, label, ticked) and then joined: equal values give equal HTML, so what is kept is never stale. The
    office is offered every live unit: rendering them on every request of the task page was a sixth of its work
    under write load (issue 19; docs/benchmarks.md, item 16)."""

    def __call__(self, field, **kwargs) -> Markup:
        """Return the checkboxes of ``field``; ``kwargs`` are the container's attributes (its ``class``, or
        ``class_``, is added to ``unit-checks split-checks``)."""
        kwargs.setdefault("id", field.id)
        kwargs["class"] = " ".join(filter(None, ["unit-checks split-checks", kwargs.pop("class_", ""),
                                                 kwargs.pop("class", "")]))
        chosen = {str(value) for value in field.data or ()}
        notes = getattr(field, "notes", None) or {}
        html = [f"<div {html_params(**kwargs)}>"]
        for value, label in field.choices:
            key = (value, label, value in chosen, notes.get(value))
            line = _KEPT_CHECKS.get(key)
            if line is None:
                box = html_params(type="checkbox", name=field.name, value=value, checked=key[2])
                text = (f'<span>{escape(label)}<span class="unit-note">（{escape(key[3])}）</span></span>' if key[3]
                        else escape(label))
                line = Markup(f'<label><input {box}> {text}</label>')
                if len(_KEPT_CHECKS) >= KEPT_CHECKS_SIZE:
                    _KEPT_CHECKS.clear()
                _KEPT_CHECKS[key] = line
            html.append(line)
        html.append("</div>")
        return Markup("".join(html))


class SplitForm(TaskActionForm):
    """分解任务 (issue 18): the units (names, chosen among services/plans/subtasks.split_candidates), the
    sub-tasks' 任务名称 and 完成时限 (both optional: inherited); ``members`` posted: split to every
    member of the task's lead groups instead."""

    split_units = SelectMultipleField("分解给（勾选一个或多个单位）", choices=[], validate_choice=False,
                                      widget=KeptUnitChecks())
    split_title = StringField("子任务名称（可选，默认沿用原任务）")
    split_deadline = StringField("完成时限（可选，不得晚于原任务，如 2026-12-31）")
    members = HiddenField()


class SubtaskDeadlineForm(TaskActionForm):
    """调整子任务完成时限 (services/plans/subtasks.change_subtask_deadline): the sub-task (its id, chosen among the
    open sub-tasks the 分解情况 card lists) and its new 完成时限 (empty: the split task's own)."""

    subtask = SelectField("子任务", choices=[], validate_choice=False)
    subtask_deadline = StringField("新的完成时限（如 2026-12-31；留空则沿用本任务的时限）")


class SignoffForm(ChineseForm):
    """审核签发 / 退回修改 of one draft of the unit (issue 18): the reason (required on a return) and where
    to go back to (``back``: "inbox" or "task"). No version: a sign-off acts on the draft, which can be
    decided once only (services/workflow/signoff.py refuses a second decision)."""

    signoff_reason = TextAreaField("退回理由（退回时必填）", validators=[at_most("退回理由", 2000)])
    back = HiddenField(default="task")
