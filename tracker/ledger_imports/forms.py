"""The forms of the ledger import pages."""
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, SelectField, StringField, SubmitField

from ..forms import ChineseForm


class UploadForm(ChineseForm):
    """The ledger file and, for other offices' ledgers, the plan to merge into (0: a new plan)."""

    file = FileField("工作台账（.xlsx、.xls、.ods 或 .csv）", validators=[FileRequired("请选择要上传的台账文件。")])
    plan = SelectField("外单位台账的处理方式", coerce=int, default=0)
    submit = SubmitField("上传并预览")


class ActionForm(ChineseForm):
    """A button that posts (confirm, discard, revert): only the CSRF token."""


def column_mapping_form(captions: list[str]) -> ChineseForm:
    """Return the form of the preview's 列对应关系 panel, bound to the posted data.

    One text field per caption, posted as ``map-<caption>`` (a column letter such as A or AA, or
    empty: not imported), and ``header_row`` (the header's row number; unreadable: recognised
    automatically). ``form.columns`` lists ``(caption, field)`` pairs in the order of ``captions``.
    """
    class ColumnMappingForm(ChineseForm):
        header_row = IntegerField("表头所在行")

    for index, caption in enumerate(captions):
        setattr(ColumnMappingForm, f"column_{index}",
                StringField(caption, name=f"map-{caption}", filters=[lambda text: (text or "").strip().upper()]))
    form = ColumnMappingForm()
    form.columns = [(caption, form[f"column_{index}"]) for index, caption in enumerate(captions)]
    return form
