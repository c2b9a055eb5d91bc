"""Forms of the plan import pages."""
from flask_wtf.file import FileField
from wtforms import StringField, SubmitField, TextAreaField

from ..forms import ChineseForm


class UploadForm(ChineseForm):
    """A plan file (.txt/.docx/.html/.htm/.md) or its pasted text; one of the two is required."""

    file = FileField("方案文件")
    text = TextAreaField("或者粘贴方案全文")
    submit = SubmitField("读取并预览")


class PreviewForm(ChineseForm):
    """The preview page: the button pressed (``action``) and the per-item fields of the measure tree.

    ``action``: "save" (default), "cancel", "confirm", "changes", or "<verb>-<item id>" (merge,
    split, drop). The tree's fields are one per item and section (``title-ID``, ``lead-ID``, ...,
    services/plans/draft_editing.apply_edits names them); ``values(name)`` returns the posted values of one.
    """

    action = StringField(default="save")

    def process(self, formdata=None, obj=None, data=None, extra_filters=None, **kwargs):
        """WTForms' ``process``, keeping the posted form data (``_posted``) for ``values``; arguments as WTForms'."""
        self._posted = self.meta.wrap_formdata(self, formdata)
        super().process(self._posted, obj, data=data, extra_filters=extra_filters, **kwargs)

    def values(self, name: str) -> list[str]:
        """Return the values posted for the field ``name`` (an empty list when not posted)."""
        return self._posted.getlist(name) if self._posted is not None else []
