"""Views of the 指标监测 pages; the use cases are tracker/services/indicators.

A form sent back refused answers by tracker/forms.form_refusal_status: 422 with the reason beside the field it is
about, 400 for one about no field (a file whose content is refused, a stale form), 403 for a user who may not.
"""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from .. import clock
from ..downloads import send_download
from ..periods import download_name, period_label
from ..forms import form_refusal_status, refusal_status
from ..gate import requires
from ..indicators import OVERALL_RULE, RULES
from ..extensions import db
from ..models import Role, Unit
from ..services.errors import InvalidInput, NotFound, PermissionDenied
from ..services.file_fields import indicator_field
from ..services.indicators.access import may_manage_indicators, may_see_all
from ..services.permissions import can_manage_units
from ..services.indicators.figures import (enter_figures, month_label, indicators, institutions, overall_ranking, ranking,
                                          sample_periods, sample_table, set_target, set_weights, targets_of,
                                          template, trend, unit_ids_by_name)
from ..services.ledger.uploads import discard_upload, open_upload, store_upload
from ..settings import current_settings
from . import bp
from .forms import IndicatorUploadForm, TargetForm, figure_form, weights_form


def _lights() -> dict[str, tuple[str, str]]:
    """{light code: (badge class, label)} for the ranking's 序时状态 column."""
    from ..services.figures.lights import Light

    badges = {"green": "text-bg-success", "yellow": "text-bg-warning", "red": "text-bg-danger"}
    return {light.value: (badges[light.value], light.label) for light in Light}


def _files(user) -> bool:
    return may_manage_indicators(user) or (user.role is Role.LIAISON and user.unit_id is not None)


def _default_period() -> str:
    """Last month as ``YYYY-MM`` (Beijing): the month an office imports or fills in by default."""
    today = clock.beijing_today()
    month = today.month - 1 or 12
    return f"{today.year if today.month > 1 else today.year - 1}-{month:02d}"


@bp.route("")
@login_required
def index():
    """The indicators, their kinds and units, and the links to the other pages."""
    items = indicators()
    manages = may_manage_indicators(current_user)
    return render_template("indicators/index.html", indicators=items, period=_default_period(), manages=manages,
                           files=_files(current_user), weights=weights_form(items) if manages else None,
                           overall_rule=OVERALL_RULE)


@bp.route("/weights", methods=["POST"])
@requires(may_manage_indicators, "只有督办部门可以设定指标权重。")
def weights():
    """Save the overall ranking's weights (the form on the indicators page); errors redisplay the page."""
    items = indicators()
    form = weights_form(items)
    if not form.validate_on_submit():
        return render_template("indicators/index.html", indicators=items, period=_default_period(), manages=True,
                               files=True, weights=form, overall_rule=OVERALL_RULE), form_refusal_status(form)
    set_weights(current_user, {indicator.id: field.data for indicator, field in form.weight_fields})
    flash("综合排名的指标权重已保存。", "success")
    return redirect(url_for("indicators.index"))


@bp.route("/template.xlsx")
@requires(_files, "只有督办部门和填报单位可以下载指标模板。")
def template_download():
    """The .xlsx template of ``?period=YYYY-MM`` (default: last month) for the entities the user files for."""
    period = request.args.get("period") or _default_period()
    try:
        content = template(current_user, period)
    except InvalidInput as error:
        return render_template("error.html", code=400, title="期间有误", message=str(error)), 400
    return send_download(content, download_name("指标数据模板", period, ".xlsx"))


def _import_page(**context) -> str:
    """The import page (indicators/import.html) with ``context``, offering the sample tables of last month and of
    the months its rankings compare with (``sample_periods``), for trying the pages before any real table."""
    file_field = indicator_field(current_settings().ledger_max_bytes, current_app.config.get("MAX_CONTENT_LENGTH"))
    last_month = _default_period()
    return render_template("indicators/import.html", samples=sample_periods(last_month), file_field=file_field,
                           last_month=last_month, **context)


@bp.route("/sample.xlsx")
@requires(may_manage_indicators, "只有督办部门可以导入指标数据表，示例表也由督办部门下载。")
def sample_download():
    """The sample table of ``?period=YYYY-MM`` (default: last month): made-up institutions and figures, titled as
    示例数据, in the layout the import reads (services/indicators/figures.sample_table)."""
    period = request.args.get("period") or _default_period()
    try:
        content = sample_table(period)
    except InvalidInput as error:
        return render_template("error.html", code=400, title="期间有误", message=str(error)), 400
    return send_download(content, download_name("指标示例表", period, ".xlsx", "（虚构数据）"))


@bp.route("/import", methods=["GET", "POST"])
@requires(may_manage_indicators, "只有督办部门可以导入指标数据表。")
def import_table():
    """Upload → preview (stored under a token) → confirm: every figure, or none."""
    # openpyxl and the ledger reader: imported by this view only (tracker/lazy.py says why).
    from ..ledger import LedgerRefused
    from ..ledger.safety import load_source
    from ..services.indicators.importing import IndicatorImportRejected, apply_table, load_table, preview_table

    form = IndicatorUploadForm()
    limits = current_settings().ledger_limits
    if request.method == "GET":
        return _import_page(form=form, preview=None, error=None)
    if not form.validate_on_submit():
        return _import_page(form=form, preview=None, error=None), form_refusal_status(form)
    period = form.period.data or None
    if form.token.data:  # the confirmation of a previewed table
        try:
            pending = open_upload(current_app.instance_path, form.token.data, current_user.id, kind="indicators")
            loaded = load_table(pending.path, pending.original_name, limits=limits)
            preview = apply_table(loaded, current_user, period, accept_flagged=form.accept_flagged.data)
        except NotFound as error:
            return _import_page(form=form, preview=None, error=str(error)), 404
        except IndicatorImportRejected as error:
            return _import_page(form=form, preview=error.preview, error=str(error),
                                   token=pending.token), 400
        except LedgerRefused as error:
            return _import_page(form=form, preview=None, error=str(error)), 400
        except InvalidInput as error:
            return _import_page(form=form, preview=None, error=str(error)), form_refusal_status(form, error)
        discard_upload(pending)
        flash(f"已导入 {preview.entities} 家机构的 {preview.figures} 项指标数据（{month_label(preview.period)}）。", "success")
        return redirect(url_for("indicators.ranking_page", period=preview.period))
    upload = form.file.data
    if not upload or not getattr(upload, "filename", ""):
        form.file.errors = ["请选择要上传的指标数据表。"]
        return _import_page(form=form, preview=None, error=None), form_refusal_status(form)
    try:
        data, name = load_source(upload.stream, upload.filename, limits)
        loaded = load_table(data, name, limits=limits)
        preview = preview_table(loaded, current_user, period)
    except LedgerRefused as refused:
        status = 413 if refused.code == "too_large" else 400
        return _import_page(form=form, preview=None, error=str(refused)), status
    except InvalidInput as error:
        return _import_page(form=form, preview=None, error=str(error)), form_refusal_status(form, error)
    # kept as an indicator table: not listed among the ledgers 待办 says are not yet submitted (services/ledger/uploads)
    pending = store_upload(current_app.instance_path, data, name, current_user.id, None, kind="indicators")
    return _import_page(form=form, preview=preview, error=None, token=pending.token)


@bp.route("/ranking")
@login_required
def ranking_page():
    """The ranking of one indicator in one month, by ``?by=yoy|ytd|target``, and the overall ranking of
    every indicator by the same ``by`` and the office's weights, with the rules printed."""
    items = indicators()
    period = request.args.get("period") or _default_period()
    chosen = request.args.get("indicator") or (items[0].name if items else "")
    by = request.args.get("by", "yoy")
    try:
        result = ranking(current_user, period, chosen, by)
        combined = overall_ranking(current_user, period, by)
    except (InvalidInput, NotFound) as error:
        return render_template("indicators/ranking.html", indicators=items, period=period, chosen=chosen, by=by,
                               result=None, combined=None, error=str(error), rules=RULES,
                               all=may_see_all(current_user), lights=_lights(),
                               manages=may_manage_indicators(current_user), files=_files(current_user)), 400
    links = unit_ids_by_name([row["entity"] for row in result.rows + combined.rows])
    return render_template("indicators/ranking.html", indicators=items, period=period, chosen=chosen, by=by,
                           result=result, combined=combined, error=None, rules=RULES, all=may_see_all(current_user),
                           lights=_lights(), links=links, manages=may_manage_indicators(current_user),
                           files=_files(current_user))


def _figures_page(form, error: str | None = None, status: int = 200):
    """The figure entry page with ``form`` and ``error``; with no institution to choose (a new office's registry has
    none until a table is imported), it says where they come from instead of showing the form."""
    return render_template("indicators/figures.html", form=form, error=error,
                           may_add_units=can_manage_units(current_user)), status


#: Said when figures are sent while the registry holds no 金融机构 to file them for (a new office; a form kept open
#: while its institutions were merged away): what is wrong, then the ways on, listed under it on the page.
NO_INSTITUTION = ("没有保存：单位名录中还没有金融机构，指标数据无处可填。金融机构由督办部门或管理员添加："
                  "在“指标监测 → 导入数据表”导入指标数据表（每行一家机构，导入时新建），或在“管理 → 单位管理”中新增单位"
                  "并把类别改为“金融机构”；添加后回到本页填报。")


@bp.route("/figures", methods=["GET", "POST"])
@requires(_files, "只有督办部门和填报单位可以填报指标数据。")
def figures():
    """The figure entry form: one entity (a liaison: its own unit), one month, one field per indicator."""
    items = indicators()
    form = figure_form(items)
    if may_manage_indicators(current_user):
        form.unit.choices = [SelectChoice(u.id, u.name) for u in institutions()]
    else:
        form.unit.choices = [SelectChoice(current_user.unit_id, current_user.unit.name)]
    if request.method == "GET":
        form.unit.data = request.args.get("unit", type=int) or (form.unit.choices[0].value if form.unit.choices else None)
        form.period.data = request.args.get("period") or _default_period()
        return _figures_page(form)
    if not form.unit.choices:  # the form is not shown (figures.html): no field to say it beside
        return _figures_page(form, NO_INSTITUTION, refusal_status(InvalidInput(NO_INSTITUTION), False))
    if not form.validate_on_submit():
        return _figures_page(form, status=form_refusal_status(form))
    values = {indicator.name: field.data for indicator, field in form.figure_fields}
    try:
        written = enter_figures(current_user, form.unit.data, form.period.data, values)
    except PermissionDenied as error:
        return render_template("error.html", code=403, title="没有权限", message=str(error)), 403
    except InvalidInput as error:
        return _figures_page(form, str(error), form_refusal_status(form, error))
    except NotFound as error:
        return _figures_page(form, str(error), 400)
    flash(f"已保存 {written} 项指标数据（{month_label(form.period.data)}）。", "success")
    return redirect(url_for("indicators.figures", unit=form.unit.data, period=form.period.data))


@bp.route("/targets", methods=["GET", "POST"])
@requires(may_manage_indicators, "只有督办部门可以设定指标目标。")
def targets():
    """The annual targets of a year (``?year=``), and the form setting one entity's target of one indicator."""
    form = TargetForm()
    form.unit.choices = [SelectChoice(u.id, u.name) for u in institutions()]
    form.indicator.choices = [SelectChoice(i.id, f"{i.name}（{i.measure_unit}）") for i in indicators()]
    year = request.args.get("year", type=int) or clock.beijing_today().year
    if request.method == "GET":
        form.year.data = year
        return render_template("indicators/targets.html", form=form, year=year, rows=targets_of(year))
    if not form.validate_on_submit():
        return (render_template("indicators/targets.html", form=form, year=year, rows=targets_of(year)),
                form_refusal_status(form))
    set_target(current_user, form.unit.data, form.indicator.data, form.year.data, form.target.data)
    flash("年度目标已保存。", "success")
    return redirect(url_for("indicators.targets", year=form.year.data))


@bp.route("/entities/<int:unit_id>")
@login_required
def entity_trend(unit_id: int):
    """One entity's trend: 12 months of ``?indicator=`` ending at ``?period=`` (default last month), a
    chart of the figures and one of 同比增速 (vendored Chart.js, static/js/charts.js), each figure also
    in the data table below for screen readers and print. A liaison sees only its own unit (403)."""
    items = indicators()
    period = request.args.get("period") or _default_period()
    chosen = request.args.get("indicator") or (items[0].name if items else "")
    try:
        result = trend(current_user, unit_id, chosen, period)
    except PermissionDenied as error:
        return render_template("error.html", code=403, title="没有权限", message=str(error)), 403
    except NotFound as error:
        if not db.session.get(Unit, unit_id):
            return render_template("error.html", code=404, title="没有这个单位", message=str(error)), 404
        return render_template("indicators/trend.html", indicators=items, period=period, chosen=chosen, result=None,
                               unit_id=unit_id, error=str(error), rules=RULES), 400
    except InvalidInput as error:
        return render_template("indicators/trend.html", indicators=items, period=period, chosen=chosen, result=None,
                               unit_id=unit_id, error=str(error), rules=RULES), 400
    months = [period_label(point.period) for point in result.points]  # the axis and tooltips: 2026年11月, as people write it
    measure = result.indicator.measure_unit
    charts = {
        # spanGaps False: a month without a figure is a gap in the line, not a slope through it (static/js/charts.js)
        "values": {"type": "line", "labels": months, "beginAtZero": False, "suffix": "", "spanGaps": False,
                   "series": [{"label": f"本月数（{measure}）", "data": [p.value for p in result.points],
                               "color": "#0d6efd"}]},
        "yoy": {"type": "line", "labels": months, "beginAtZero": False, "suffix": "%", "spanGaps": False,
                "series": [{"label": "同比增速（%）", "data": [p.yoy_pct for p in result.points], "color": "#6f42c1"}]},
    }
    return render_template("indicators/trend.html", indicators=items, period=period, chosen=chosen, result=result,
                           unit_id=unit_id, error=None, rules=RULES, charts=charts)
