"""The supervision forms: plan settings (预警天数, 报送周期, 报送日), 催办 of a unit, 确认收到 of a reminder."""
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange

from ..forms import ChineseForm, DateTextField
from ..models import ReportCycle
from ..services.workflow.reminders import AGAIN_CAPTION


class PlanSettingsForm(ChineseForm):
    """A plan's name and document fields, and its reporting settings, with the ranges
    services/figures/reporting.py enforces again."""

    title = StringField("方案名称", validators=[Length(max=300, message="方案名称最多 300 个字。")])
    doc_number = StringField("文号", validators=[Length(max=100, message="文号最多 100 个字。")])
    issuer = StringField("发文机关", validators=[Length(max=200, message="发文机关最多 200 个字。")])
    issued_on = DateTextField("印发日期")

    warning_days = IntegerField("到期前多少天亮黄灯（预警天数）",
                                validators=[InputRequired("请填写预警天数。"), NumberRange(0, 365, "预警天数应在 0 到 365 之间。")])
    report_cycle = SelectField("报送周期", choices=[SelectChoice(c.value, c.label) for c in ReportCycle])
    report_day = IntegerField("报送日（每月/每季度末月的第几日；按周时 1–7，1 为周一）",
                              validators=[InputRequired("请填写报送日。"), NumberRange(1, 31, "报送日应在 1 到 31 之间。")])
    submit = SubmitField("保存设置")


class RemindUnitForm(ChineseForm):
    """催办 of all a unit's red and yellow tasks from the reporting page: the request text and a reply date."""

    reminder_request = TextAreaField("催办要求")
    reminder_reply_by = DateTextField("反馈期限")
    reminder_again = BooleanField(AGAIN_CAPTION)  # shown beside a unit urged today


class AcknowledgeForm(ChineseForm):
    """A liaison's 确认收到 of a reminder; ``back`` names the page to return to (task, home, or the list)."""

    back = HiddenField()


class NotificationForm(ChineseForm):
    """Mark a notification read; ``open`` set ("1"): then go to its task."""

    open = HiddenField()
