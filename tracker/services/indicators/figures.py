"""Figures of the indicators: look-ups, entry per entity and period, targets, ranking (CONTRACTS.md §8), template."""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, update

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...indicators import OVERALL_RULE, RANK_KEYS, TABLE_YOY_RULE, derive, light_for, months_elapsed, overall, rank, with_rank_labels
from ...periods import period_label
from ...settings import current_settings
from ...models import Indicator, IndicatorDirection, IndicatorFigure, IndicatorKind, IndicatorTarget, Unit, UnitKind, User
from ..errors import InvalidInput, NotFound
from ..permissions import require
from .access import may_file_for, may_manage_indicators, may_see_all, may_see_entity

if TYPE_CHECKING:
    from ...indicators.workbook import IndicatorColumn


def indicators() -> list[Indicator]:
    """Every indicator, in display order."""
    return list(db.session.scalars(select(Indicator).order_by(Indicator.position, Indicator.id)))


def indicator_named(name: str) -> Indicator:
    """The indicator called ``name`` (spaces ignored). Raises NotFound naming the known ones."""
    wanted = "".join(name.split())
    for indicator in indicators():
        if indicator.name == wanted:
            return indicator
    raise NotFound(f"没有名为“{name}”的指标；现有指标：{'、'.join(i.name for i in indicators())}。")


def columns(items: list[Indicator]) -> list[IndicatorColumn]:
    """The pure reader's view of ``items``."""
    from ...indicators.workbook import IndicatorColumn  # openpyxl: only for the template

    return [IndicatorColumn(i.name, i.measure_unit) for i in items]


def institutions() -> list[Unit]:
    """The reporting entities: live units of kind institution, by name."""
    return list(db.session.scalars(select(Unit).where(Unit.kind == UnitKind.INSTITUTION, Unit.merged_into_id.is_(None))
                                   .order_by(Unit.name)))


def check_period(period: str) -> str:
    """Return ``period`` if it is a month "YYYY-MM", else raise InvalidInput saying how to write it."""
    try:
        months_elapsed(period)
    except ValueError:
        raise InvalidInput(f"期间“{period}”格式不对，请写成 YYYY-MM，例如 2024-07。") from None
    return period


def shift(period: str, months: int) -> str:
    """``period`` moved by ``months`` (negative: back): shift("2024-01", -1) == "2023-12"."""
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def figure_map(indicator_ids: list[int], periods: list[str]) -> dict[tuple[int, int, str], float]:
    """{(unit id, indicator id, period): value} of the stored figures of those indicators and months."""
    rows = db.session.execute(select(IndicatorFigure.unit_id, IndicatorFigure.indicator_id, IndicatorFigure.period,
                                     IndicatorFigure.value)
                              .where(IndicatorFigure.indicator_id.in_(indicator_ids), IndicatorFigure.period.in_(periods)))
    return {(u, i, p): v for u, i, p, v in rows}


def store_figures(values: dict[tuple[int, int], float], period: str, actor: User) -> int:
    """Write {(unit id, indicator id): value} for ``period``, replacing figures already stored, in two
    executemany statements (insert the new, update the existing). Call inside a write transaction.
    Returns the number of figures written."""
    if not values:
        return 0
    existing = dict(((u, i), figure_id) for figure_id, u, i in db.session.execute(
        select(IndicatorFigure.id, IndicatorFigure.unit_id, IndicatorFigure.indicator_id)
        .where(IndicatorFigure.period == period, IndicatorFigure.unit_id.in_({u for u, _ in values}))))
    now = clock.utcnow()
    new = [{"unit_id": u, "indicator_id": i, "period": period, "value": v, "entered_by_id": actor.id, "entered_at": now}
           for (u, i), v in values.items() if (u, i) not in existing]
    changed = [{"figure_id": existing[(u, i)], "new_value": v} for (u, i), v in values.items() if (u, i) in existing]
    if new:
        db.session.execute(insert(IndicatorFigure), new)
    if changed:
        table = IndicatorFigure.__table__
        db.session.execute(update(table).where(table.c.id == bindparam("figure_id"))
                           .values(value=bindparam("new_value"), entered_by_id=actor.id, entered_at=now), changed)
    return len(values)


def enter_figures(actor: User, unit_id: int, period: str, values: dict[str, float | None]) -> int:
    """The figure entry form: store ``values`` {indicator name: value or None (left empty)} of entity
    ``unit_id`` for ``period``. A liaison files only its own unit's figures (PermissionDenied otherwise);
    an unknown indicator raises NotFound, a negative number InvalidInput. Returns the figures written."""
    check_period(period)
    require(may_file_for(actor, unit_id), "您只能填报本单位的指标数据。")
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("没有这个填报单位。")
    by_name = {i.name: i for i in indicators()}
    chosen = {}
    for name, value in values.items():
        if name not in by_name:
            raise NotFound(f"没有名为“{name[:40]}”的指标；现有指标：{'、'.join(by_name)}。")
        if value is None:
            continue
        if value < 0:
            raise InvalidInput(f"“{name}”：数值不能为负，请检查后重新填写。")
        chosen[(unit.id, by_name[name].id)] = float(value)
    with write_transaction():
        return store_figures(chosen, period, actor)


def set_target(actor: User, unit_id: int, indicator_id: int, year: int, target: float) -> None:
    """Set the annual target of an entity and indicator (supervising office only)."""
    require(may_manage_indicators(actor), "只有督办部门可以设定指标目标。")
    with write_transaction():
        row = db.session.scalar(select(IndicatorTarget).where(IndicatorTarget.unit_id == unit_id,
                                                              IndicatorTarget.indicator_id == indicator_id,
                                                              IndicatorTarget.year == year))
        if row is None:
            db.session.add(IndicatorTarget(unit_id=unit_id, indicator_id=indicator_id, year=year, target=target))
        else:
            row.target = target


#: The ranking's 序时状态 of an entity without an annual target (Ranking.no_light_note).
NO_TARGET = "未设目标"


def month_label(period: str) -> str:
    """Return the month ``period`` ("2026-11") as the pages and the 通报 name it: "2026年11月"; ``period`` as given
    when it is no month (a page echoing a bad value). The rule is periods.period_label's (one place)."""
    return period_label(period)


@dataclass
class Ranking:
    """A ranking of one indicator for one month: the indicator, the key ranked on and the rows (dicts of §8).

    ``unranked``: when the month has figures but no entity could be ranked on ``by``, the Chinese sentence saying
    which figures are missing and what to do (``unranked_reason``); else None."""

    indicator: Indicator
    period: str
    by: str
    rows: list[dict]
    unranked: str | None = None
    #: Why the 同比增速 column is empty when the ranking is by another figure (``yoy_note``), else None.
    yoy_empty: str | None = None

    def no_light_note(self, row: dict) -> str:
        """What the 序时状态 column says of ``row`` without a light: "未设目标" when the entity has no annual target of
        the year (the light needs one: indicators/derived.light_for), else "—", as the page writes an empty figure.
        Said in words so that a row with no target does not read "— —" across 欠账 and 序时状态."""
        return NO_TARGET if row.get("target") is None else "—"

    @property
    def period_label(self) -> str:
        """The month ranked, in words ("2026年11月": ``month_label``), for the table's heading."""
        return month_label(self.period)

    @property
    def ranked_key(self) -> str:
        """The key of the rows' figure ranked on (tracker/indicators/ranking.RANK_KEYS of ``by``: yoy_pct, ytd_change
        or completion_pct): the column the ranking page keeps on a phone, next to 名次 and 机构."""
        return RANK_KEYS[self.by]


def _import_step(missing: str, manages: bool) -> str:
    """What the reader is to do when the figures of month ``missing`` ("2023-12") are not stored, as a Chinese clause:
    import that month's table (``manages``: the supervising office) or wait for the office to import it."""
    return (f"请导入{month_label(missing)}的指标数据表" if manages
            else f"请等待督办部门导入{month_label(missing)}的数据")  # months written the Chinese way (workflow55)


def _yoy_month(period: str, manages: bool) -> tuple[str, str]:
    """The month a 同比增速 of ``period`` is computed from (the same month a year before) and what the reader is to do
    when it is missing (``_import_step``)."""
    missing = shift(period, -12)
    return missing, _import_step(missing, manages)


def yoy_note(period: str, manages: bool = True) -> str:
    """Why no 同比增速 of ``period`` is shown although the data table imported may carry its own 同比 column, and what
    to do: one Chinese sentence (the ranking page, under a ranking by 比年初增减 or 序时完成率; the import preview)."""
    missing, do = _yoy_month(period, manages)
    return f"“同比增速”一列为空：同比增速要用上年同月（{month_label(missing)}）的数据，{TABLE_YOY_RULE}。{do}。"


def unranked_reason(indicator: Indicator, period: str, by: str, manages: bool = True) -> str:
    """Why no entity has a rank of ``indicator`` in ``period`` by ``by`` (every row's figure of that key is null,
    indicators/derived.derive), as one Chinese sentence naming the figures missing and what to do: 同比增速 needs the
    same month a year before, 比年初增减 of a balance last December's figures, 序时完成率 the year's targets.
    ``manages``: the reader may import tables and set targets (the supervising office); else it is told to wait."""
    other = "或把排名依据改为其他一项"
    if by == "target":
        do = "请在“年度目标”中设定" if manages else "请等待督办部门设定"
        return (f"{month_label(period)}还没有机构能按序时完成率排名：要先设定各机构{period[:4]}年的“{indicator.name}”年度目标。"
                f"{do}，{other}。")
    if by == "yoy":
        missing, do = _yoy_month(period, manages)
        return (f"{month_label(period)}还没有机构能按同比增速排名：同比增速要用上年同月（{month_label(missing)}）的数据（{TABLE_YOY_RULE}）。"
                f"{do}，{other}。")
    missing = f"{int(period[:4]) - 1}-12"
    do = _import_step(missing, manages)
    return (f"{month_label(period)}还没有机构能按比年初增减排名：余额指标的比年初增减要用上年12月末（{month_label(missing)}）的数据。"
            f"{do}，{other}。")


def ranking(actor: User, period: str, indicator_name: str, by: str = "yoy") -> Ranking:
    """Rank the entities that have a figure of ``indicator_name`` in ``period`` (CONTRACTS.md §8).

    ``by``: yoy (同比增速), ytd (比年初增减) or target (序时完成率). Rows are dicts with entity, value,
    unit, yoy_pct, ytd_change, target, schedule_target, completion_pct, shortfall, rank (None where
    not computable; numbers rounded to 2 decimals), and light (the 序时 light: green/yellow/red, None
    without a target; tolerance from settings). A liaison sees only its own unit's row, with its
    rank among all entities (the ranking is made over every entity, then the other rows are left out).
    Raises InvalidInput for a bad period or ``by``, NotFound for an unknown indicator.
    """
    check_period(period)
    if by not in RANK_KEYS:
        raise InvalidInput(f"排名依据“{by}”不对，可选：yoy（同比增速）、ytd（比年初增减）、target（序时完成率）。")
    indicator = indicator_named(indicator_name)
    rows = _ranked_rows(indicator, period, by)
    if not may_see_all(actor):
        own = db.session.get(Unit, actor.unit_id) if actor.unit_id else None
        rows = [row for row in rows if own is not None and row["entity"] == own.name]
    manages = may_manage_indicators(actor)
    unranked = (unranked_reason(indicator, period, by, manages)
                if rows and all(r["rank"] is None for r in rows) else None)
    yoy_empty = (yoy_note(period, manages) if by != "yoy" and rows and all(r["yoy_pct"] is None for r in rows)
                 else None)
    return Ranking(indicator=indicator, period=period, by=by, rows=rows, unranked=unranked, yoy_empty=yoy_empty)


def _ranked_rows(indicator: Indicator, period: str, by: str) -> list[dict]:
    """Every entity's row of ``indicator`` in ``period`` ranked by ``by`` (see ``ranking``), unfiltered."""
    year = int(period[:4])
    last_year, december = shift(period, -12), f"{year - 1}-12"
    figures = figure_map([indicator.id], [period, last_year, december])
    targets = dict(db.session.execute(select(IndicatorTarget.unit_id, IndicatorTarget.target)
                                      .where(IndicatorTarget.indicator_id == indicator.id, IndicatorTarget.year == year)).all())
    unit_ids = sorted({u for (u, _, p) in figures if p == period})
    names = dict(db.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all()) if unit_ids else {}
    stock = indicator.kind is IndicatorKind.STOCK
    items = []
    for unit_id in unit_ids:
        derived = derive(period, stock, figures[(unit_id, indicator.id, period)],
                         same_month_last_year=figures.get((unit_id, indicator.id, last_year)),
                         last_december=figures.get((unit_id, indicator.id, december)), target=targets.get(unit_id))
        items.append({"entity": names[unit_id], "unit": indicator.measure_unit, **derived.as_dict()})
    ranked = rank(items, RANK_KEYS[by], indicator.direction is IndicatorDirection.HIGHER)
    keys = ("entity", "value", "unit", "yoy_pct", "ytd_change", "target", "schedule_target", "completion_pct",
            "shortfall", "rank")
    tolerance = current_settings().indicator_tolerance_points
    return with_rank_labels([{**{key: row[key] for key in keys}, "light": light_for(period, row["completion_pct"], tolerance)}
                             for row in ranked])


@dataclass
class OverallRanking:
    """The overall ranking (综合排名) of one month: ``weights`` [(indicator name, weight)] in display
    order, ``rows`` the dicts of tracker/indicators/ranking.overall (entity, score, scores, rank), and
    ``rule`` the rule text (OVERALL_RULE) printed beside the table."""

    period: str
    by: str
    weights: list[tuple[str, float]]
    rows: list[dict]
    rule: str = OVERALL_RULE

    @property
    def period_label(self) -> str:
        """The month ranked, in words ("2026年11月": ``month_label``)."""
        return month_label(self.period)


def overall_ranking(actor: User, period: str, by: str = "yoy") -> OverallRanking:
    """The overall ranking of ``period``: every indicator ranked by ``by`` (yoy, ytd or target, as
    ``ranking``), scored and weighted by OVERALL_RULE with the weights the office set. A liaison sees
    only its own unit's row (with its rank among all). Raises InvalidInput for a bad period or ``by``."""
    check_period(period)
    if by not in RANK_KEYS:
        raise InvalidInput(f"排名依据“{by}”不对，可选：yoy（同比增速）、ytd（比年初增减）、target（序时完成率）。")
    items = indicators()
    rows = with_rank_labels(overall({i.name: _ranked_rows(i, period, by) for i in items if i.weight > 0},
                                    {i.name: i.weight for i in items}))
    if not may_see_all(actor):
        own = db.session.get(Unit, actor.unit_id) if actor.unit_id else None
        rows = [row for row in rows if own is not None and row["entity"] == own.name]
    return OverallRanking(period=period, by=by, weights=[(i.name, i.weight) for i in items], rows=rows)


def set_weights(actor: User, weights: dict[int, float]) -> None:
    """Set the overall ranking's weights {indicator id: weight} (supervising office only). A weight is
    a number from 0 (left out) to 100; InvalidInput names the indicator otherwise; unknown ids raise NotFound."""
    require(may_manage_indicators(actor), "只有督办部门可以设定指标权重。")
    by_id = {i.id: i for i in indicators()}
    for indicator_id, weight in weights.items():
        if indicator_id not in by_id:
            raise NotFound(f"没有编号为 {indicator_id} 的指标。")
        if weight is None or not 0 <= weight <= 100:
            raise InvalidInput(f"“{by_id[indicator_id].name}”的权重应为 0—100 之间的数（0 表示不参加综合排名）。")
    with write_transaction():
        for indicator_id, weight in weights.items():
            db.session.get(Indicator, indicator_id).weight = float(weight)


@dataclass
class TrendPoint:
    """One month of an entity's trend: ``value`` (本月数), ``yoy_pct`` (同比增速, %) and ``ytd_change``
    (比年初增减), each None when missing or not computable (tracker/indicators/derived.RULES)."""

    period: str
    value: float | None
    yoy_pct: float | None
    ytd_change: float | None


@dataclass
class Trend:
    """The 12 months of one entity's indicator ending at ``period``, oldest first."""

    entity: Unit
    indicator: Indicator
    period: str
    points: list[TrendPoint]


def trend(actor: User, unit_id: int, indicator_name: str, period: str, months: int = 12) -> Trend:
    """The trend of entity ``unit_id``'s ``indicator_name`` over the ``months`` months ending at
    ``period`` (YYYY-MM), with 同比增速 and 比年初增减 by the rules of tracker/indicators/derived; one
    query for the figures. A liaison sees only its own unit (PermissionDenied); NotFound for an
    unknown unit or indicator, InvalidInput for a bad period."""
    check_period(period)
    require(may_see_entity(actor, unit_id), "您只能查看本单位的指标数据。")
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("没有这个填报单位。")
    indicator = indicator_named(indicator_name)
    shown = [shift(period, step) for step in range(-(months - 1), 1)]
    wanted = set(shown) | {shift(month, -12) for month in shown} | {f"{int(month[:4]) - 1}-12" for month in shown}
    figures = {p: v for (u, _, p), v in figure_map([indicator.id], sorted(wanted)).items() if u == unit_id}
    stock = indicator.kind is IndicatorKind.STOCK
    points = []
    for month in shown:
        value = figures.get(month)
        if value is None:
            points.append(TrendPoint(month, None, None, None))
            continue
        derived = derive(month, stock, value, same_month_last_year=figures.get(shift(month, -12)),
                         last_december=figures.get(f"{int(month[:4]) - 1}-12")).as_dict()
        points.append(TrendPoint(month, derived["value"], derived["yoy_pct"], derived["ytd_change"]))
    return Trend(entity=unit, indicator=indicator, period=period, points=points)


def unit_ids_by_name(names) -> dict[str, int]:
    """{unit name: id} of the units called one of ``names`` (the ranking pages link each entity's trend)."""
    names = set(names)
    if not names:
        return {}
    return dict(db.session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(names))).all())


def template(actor: User, period: str) -> bytes:
    """The .xlsx template of ``period``: every indicator, every institution the actor may file for,
    prefilled with the figures already stored."""
    check_period(period)
    items = indicators()
    entities = [u for u in institutions() if may_file_for(actor, u.id)]
    stored = figure_map([i.id for i in items], [period])
    by_id = {i.id: i.name for i in items}
    names = {u.id: u.name for u in entities}
    values = {(names[u], by_id[i]): v for (u, i, _), v in stored.items() if u in names}
    from ...indicators.workbook import write_template

    return write_template(period, columns(items), [u.name for u in entities], values)


def sample_table(period: str) -> bytes:
    """The .xlsx sample table of ``period`` ("YYYY-MM"): the template's layout (``workbook.write_template``, what the
    import reads) for every indicator, filled with made-up figures of made-up institutions (tracker/indicators/
    sample.py, titled as 示例数据), for trying the import and the rankings on the demo. Raises InvalidInput for a
    period not written YYYY-MM."""
    check_period(period)
    from ...indicators.sample import SAMPLE_ENTITIES, SAMPLE_NOTE, sample_values
    from ...indicators.workbook import write_template

    items = indicators()
    wanted = columns(items)
    cumulative = {i.name for i in items if i.kind is IndicatorKind.FLOW}
    return write_template(period, wanted, [name for name, _, _ in SAMPLE_ENTITIES],
                          sample_values(period, wanted, cumulative), title_note=SAMPLE_NOTE)


def sample_periods(period: str) -> list[tuple[str, str]]:
    """The months whose sample tables (``sample_table``) let every figure of ``period``'s rankings be computed, in
    the order to import them, each as (what it is for, "YYYY-MM"): the same month a year before (同比增速), last
    December (比年初增减; left out when that is the same month) and ``period`` itself. Raises InvalidInput for a
    period not written YYYY-MM."""
    check_period(period)
    wanted = [("上年同月，用于同比增速", shift(period, -12)), ("上年12月，用于比年初增减", f"{int(period[:4]) - 1}-12"),
              ("排名的月份", period)]
    return [(label, month) for index, (label, month) in enumerate(wanted)
            if month not in [other for _, other in wanted[:index]]]


def indicator_shortfalls(actor: User, period: str, limit: int = 5) -> list:
    """The bulletin's indicator section: per indicator, the institutions furthest behind their 序时目标
    in ``period`` (at most ``limit`` each; tracker/indicators/ranking.largest_shortfalls), as
    bulletin.ShortfallLine. Empty when no targets are set or nobody is behind."""
    from ...bulletin.model import ShortfallLine
    from ...indicators import largest_shortfalls

    lines = []
    for indicator in indicators():
        rows = ranking(actor, period, indicator.name, "target").rows
        for row in largest_shortfalls(rows, limit):
            lines.append(ShortfallLine(indicator=indicator.name, entity=row["entity"], measure_unit=row["unit"],
                                       value=row["value"], target=row["target"], schedule_target=row["schedule_target"],
                                       achieved=row["ytd_change"], completion_pct=row["completion_pct"],
                                       shortfall=row["shortfall"]))
    return lines


def figures_of(actor: User, period: str) -> list[dict]:
    """The stored figures of ``period`` the actor may see (a liaison: its own unit's), as dicts
    {"entity", "indicator", "unit", "period", "value"}, by entity then indicator position."""
    check_period(period)
    query = (select(Unit.name, Indicator.name, Indicator.measure_unit, IndicatorFigure.value)
             .join(Unit, Unit.id == IndicatorFigure.unit_id).join(Indicator, Indicator.id == IndicatorFigure.indicator_id)
             .where(IndicatorFigure.period == period).order_by(Unit.name, Indicator.position, Indicator.id))
    if not may_see_all(actor):
        query = query.where(IndicatorFigure.unit_id == actor.unit_id)
    return [{"entity": entity, "indicator": name, "unit": unit, "period": period, "value": value}
            for entity, name, unit, value in db.session.execute(query)]


def targets_of(year: int) -> list[tuple[str, str, str, float]]:
    """The annual targets of ``year`` as (entity, indicator, 计量单位, target), by entity and indicator."""
    rows = db.session.execute(
        select(Unit.name, Indicator.name, Indicator.measure_unit, IndicatorTarget.target)
        .join(Unit, Unit.id == IndicatorTarget.unit_id).join(Indicator, Indicator.id == IndicatorTarget.indicator_id)
        .where(IndicatorTarget.year == year).order_by(Unit.name, Indicator.position, Indicator.id))
    return [tuple(row) for row in rows]
