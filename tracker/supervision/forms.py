"""The plan settings form (预警天数, 报送周期, 报送日)."""
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange

from ..models import ReportCycle


class PlanSettingsForm(FlaskForm):
    """A plan's reporting settings, with the ranges services/reporting.py enforces again."""

    warning_days = IntegerField("到期前多少天亮黄灯（预警天数）",
                                validators=[InputRequired("请填写预警天数。"), NumberRange(0, 365, "预警天数应在 0 到 365 之间。")])
    report_cycle = SelectField("报送周期", choices=[SelectChoice(c.value, c.label) for c in ReportCycle])
    report_day = IntegerField("报送日（每月/每季度末月的第几日；按周时 1–7，1 为周一）",
                              validators=[InputRequired("请填写报送日。"), NumberRange(1, 31, "报送日应在 1 到 31 之间。")])
    submit = SubmitField("保存设置")
