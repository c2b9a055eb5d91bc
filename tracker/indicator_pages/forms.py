"""The forms of the 指标监测 pages."""
from flask_wtf.file import FileField
from wtforms import BooleanField, FloatField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, Regexp

from ..forms import ChineseForm, FigureField

PERIOD_CHECK = Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", message="期间请写成 YYYY-MM，例如 2024-07。")


class IndicatorUploadForm(ChineseForm):
    """An indicator table (.xlsx/.csv) and, optionally, its month; on the preview: the token to confirm."""

    file = FileField("指标数据表（.xlsx 或 .csv）")
    period = StringField("期间（年-月，如 2026-11；留空则取表格标题中的月份）", validators=[Optional(), PERIOD_CHECK])
    token = HiddenField()
    accept_flagged = BooleanField("确认导入被标记为异常的数值")


class FigureEntryForm(ChineseForm):
    """One entity's figures of one month; the indicator fields are added per indicator (``figure_form``)."""

    unit = SelectField("填报单位", coerce=int, validators=[DataRequired("请选择填报单位。")])
    period = StringField("期间（年-月，如 2026-11）", validators=[DataRequired("请填写期间。"), PERIOD_CHECK])


def figure_form(indicators, formdata=None):
    """A FigureEntryForm with one optional number field per indicator, named ``figure-<id>``."""
    class Form(FigureEntryForm):
        pass

    for indicator in indicators:
        setattr(Form, f"figure_{indicator.id}", FigureField(f"{indicator.name}（{indicator.measure_unit}）",
                                                           validators=[Optional()], name=f"figure-{indicator.id}"))
    form = Form() if formdata is None else Form(formdata=formdata)
    form.figure_fields = [(indicator, form[f"figure_{indicator.id}"]) for indicator in indicators]
    return form


class TargetForm(ChineseForm):
    """An annual target (年度目标) of one entity and indicator."""

    unit = SelectField("机构", coerce=int, validators=[DataRequired("请选择机构。")])
    indicator = SelectField("指标", coerce=int, validators=[DataRequired("请选择指标。")])
    year = IntegerField("年度", validators=[DataRequired("请填写年度。"), NumberRange(2000, 2100, "年度应在 2000—2100 之间。")])
    target = FigureField("年度目标（余额指标为全年新增额，累计指标为全年累计数）",
                        validators=[InputRequired("请填写年度目标。"), NumberRange(min=0.0001, message="年度目标应大于 0。")])


def weights_form(indicators, formdata=None):
    """The overall ranking's weights (权重): one number field per indicator, named ``weight-<id>``,
    0—100 (0: left out of the overall ranking), prefilled with the stored weights on GET."""
    class Form(ChineseForm):
        pass

    for indicator in indicators:
        setattr(Form, f"weight_{indicator.id}", FloatField(
            f"{indicator.name}", name=f"weight-{indicator.id}", default=indicator.weight,
            validators=[InputRequired(f"请填写“{indicator.name}”的权重。"),
                        NumberRange(0, 100, f"“{indicator.name}”的权重应在 0—100 之间（0 表示不参加综合排名）。")]))
    form = Form() if formdata is None else Form(formdata=formdata)
    form.weight_fields = [(indicator, form[f"weight_{indicator.id}"]) for indicator in indicators]
    return form
