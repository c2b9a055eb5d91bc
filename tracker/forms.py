"""WTForms pieces shared by the action forms of every page.

``DateTextField``: a date typed by a user, read by tracker/dates.py (the one date parser).
``at_most``: the length limit of a text field, said in Chinese.
``ChineseForm``: the base of every page's form, whose WTForms' own messages ("Not a valid choice.") are WTForms' Chinese.
``refusal_status`` / ``form_refusal_status``: the HTTP status of a form sent back refused (403 / 422 / 400), the one
rule of every blueprint's forms.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import FloatField, StringField
from wtforms.meta import DefaultMeta
from wtforms.validators import Length

from .dates import DateInputError, parse_user_date
from .services.errors import InvalidInput, PermissionDenied
from .vocabulary.figures import FigureError, read_figure


class ChineseForm(FlaskForm):
    """A Flask-WTF form whose built-in messages are in Chinese: WTForms' own ``zh`` catalogue ("不是有效的选择。",
    "该字段是必填字段。") instead of its English, which reached users where no field gave its own message (a choice not
    offered, a posted number that is no number). Every page's form subclasses it; fields with a message of their own
    (``at_most``, DateTextField, the figure fields) keep it. Flask-WTF would translate only through Flask-Babel, which
    the tracker does not use, so its translations are bypassed for WTForms' (``DefaultMeta.get_translations``)."""

    class Meta:
        locales = ("zh",)

        def get_translations(self, form):
            """WTForms' catalogue for ``locales`` (cached by WTForms), whatever WTF_I18N_ENABLED says."""
            return DefaultMeta.get_translations(self, form)


class DateTextField(StringField):
    """A text field holding a date (``2027-03-31``) or nothing.

    ``data``: a ``datetime.date`` or None when left empty. An unreadable date becomes the
    field's error (the Chinese sentence of DateInputError), so ``form.validate()`` fails and the
    page shows it next to the field, which re-renders what was typed.
    """

    def process_formdata(self, valuelist):
        """Read the posted text into ``data`` (a date, None when blank) with tracker/dates.parse_user_date;
        ValueError with its Chinese sentence (the field's label, what was typed, the form 2027-03-31) otherwise.
        """
        try:
            self.data = parse_user_date(valuelist[0] if valuelist else "", str(self.label.text))
        except DateInputError as error:
            self.data = None
            raise ValueError(str(error)) from None

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return self.data.isoformat() if self.data else ""


def at_most(caption: str, limit: int, unit: str = "字") -> Length:
    """A WTForms ``Length(max=limit)`` whose message names the field ``caption``, the limit in ``unit``
    (字 for texts, 个字符 for names and addresses) and what to do: "“进展情况”不能超过 5000 字，请精简后重新提交。".

    WTForms' own message is English ("Field cannot be longer than 5000 characters."); every length limit
    of a form takes this one instead (tests/unit/test_form_messages.py).
    """
    return Length(max=limit, message=f"“{caption}”不能超过 {limit} {unit}，请精简后重新提交。")


def mark_named_field(form, message: str) -> bool:
    """Put ``message`` (a service's refusal: services/errors.InvalidInput names the field it is about by its caption
    in quotes, “申请延期至”, “延期理由”, “办结说明”) beside the field of ``form`` so captioned, as a validation error
    is: the page then opens at it (_macros.field marks it, static/js/show-error.js scrolls to it), where the form
    posted may be screens below the top on a phone. A caption is a field's label up to its first "（" (“审批意见” of
    "审批意见（不同意时必填）"); a caption giving two names joined by " / " answers to either (“退回理由” of
    "审核意见 / 退回理由（退回时必填）", the 审核办结申请 form's one field for both: workflow52, a supervisor's 退回
    without a reason opened at the top of a long task page on a phone, the field screens below). Returns True when a
    field was marked; False (nothing changed) when the message names none of the form's fields, or the field has
    errors already."""
    for field in form:
        names = [name.strip() for name in str(field.label.text).split("（")[0].split(" / ")]
        if any(name and f"“{name}”" in message for name in names) and not field.errors:
            field.errors = [message]
            return True
    return False


def mark_named_fields(form, error: Exception) -> bool:
    """Put each sentence of ``error`` beside the field it names (``mark_named_field``): every one of a
    services/errors.FieldProblems (the problems of several fields, found at once), else the error's one message.
    Returns True when a field was marked."""
    marked = [mark_named_field(form, message) for message in getattr(error, "messages", None) or [str(error)]]
    return any(marked)


#: The answer to a form refused for what is in one of its fields (left empty, too long, a date past, a file not taken),
#: sent back as it was posted with the reason beside that field: HTTP 422, so that a script or a test sees the
#: refusal (pages answered 200 or 400 for it). A refusal naming no field is 400 (a stale form, a request already
#: waiting, a file whose content is refused), one of an action the user may not take 403 (``refusal_status``).
FIELD_REFUSED = 422

#: Fields a page never shows beside anything: a missing or stale CSRF token is a stale form (400), not a field to mend.
_UNSHOWN_FIELDS = {"CSRFTokenField", "HiddenField"}


def refusal_status(error: InvalidInput | PermissionDenied, beside_a_field: bool) -> int:
    """The HTTP status of a form refused with ``error``: 403 for a PermissionDenied, FIELD_REFUSED (422) when the
    reason is said beside one of the form's fields (``beside_a_field``), else 400. The one rule of every page's forms
    (first the task page's, tracker/tasks; then the indicator pages' and the plan settings')."""
    if isinstance(error, PermissionDenied):
        return 403
    return FIELD_REFUSED if beside_a_field else 400


def form_refusal_status(form, error: InvalidInput | PermissionDenied | None = None) -> int:
    """``refusal_status`` of ``form`` sent back refused. ``error`` None: the form's own checks failed, 422 when one of
    its shown fields holds the reason, 400 when only a hidden one does (a CSRF token missing or expired). With a
    service's ``error``: 403 for a PermissionDenied; else the reason goes beside the field it names by its caption in
    quotes (``mark_named_field``), 422 when it names one, 400 when it names none."""
    if error is None:
        return refusal_status(InvalidInput(""), any(field.errors for field in form
                                                     if field.type not in _UNSHOWN_FIELDS))
    if isinstance(error, PermissionDenied):
        return refusal_status(error, False)
    return refusal_status(error, mark_named_fields(form, error))


class FigureField(FloatField):
    """A number field read as vocabulary/figures.read_figure reads a figure: full-width digits, a thousands comma
    between groups of three ("58,901"), a mark of no figure ("—", "无") as left empty; a comma that is no thousands
    separator ("5890,1") or text that is no number is a field error in Chinese naming the field (FloatField said
    "Not a valid float value.", and refused "58,901")."""

    def process_formdata(self, valuelist):
        """Set ``data`` from the posted text (None when empty or a no-figure mark); a ValueError with the Chinese
        reason, naming the field by its caption up to "（", makes it the field's error."""
        if not valuelist:
            return
        caption = str(self.label.text).split("（")[0].strip()
        try:
            self.data = read_figure(valuelist[0])
        except FigureError as error:
            self.data = None
            raise ValueError(f"“{caption}”的“{str(valuelist[0])[:20]}”{error.reason}。") from None
