"""Forms of the plan import pages."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SubmitField, TextAreaField


class UploadForm(FlaskForm):
    """A plan file (.txt/.docx/.html/.htm/.md) or its pasted text; one of the two is required."""

    file = FileField("方案文件")
    text = TextAreaField("或者粘贴方案全文")
    submit = SubmitField("读取并预览")


class PreviewForm(FlaskForm):
    """The preview's own fields are read from ``request.form`` (one per item); this form carries the CSRF token."""
