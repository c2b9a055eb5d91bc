"""Import an indicator table: load (file checks, upload budget), preview, apply all or nothing (CONTRACTS.md §8).

    loaded = load_table(path_or_bytes, filename, limits=current_settings().ledger_limits)
    preview = preview_table(loaded, actor, period=None)      # period from the title unless given
    result = apply_table(loaded, actor, period=None, accept_flagged=False)   # IndicatorImportRejected: nothing written

Institutions not in the registry are listed, and created (kind institution) when the import is
applied by the supervising office. A figure out of line (tracker/indicators/derived.out_of_line) is
flagged and blocks the import until the person confirms it (``accept_flagged``); a row with an
unreadable figure, a second row of the same institution, or an institution the actor may not file
for is an error: nothing is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...database import write_transaction
from ...extensions import db
from ...indicators import IndicatorTable, TableIssue, out_of_line, read_table
from ...ledger import LedgerLimits
from ...ledger.safety import load_source
from ...models import IndicatorKind, User, UnitKind
from ..accounts.units import UnitIndex, normalize_unit_name
from ..errors import InvalidInput, ServiceError
from .access import may_file_for, may_manage_indicators
from .figures import check_period, columns, figure_map, indicators, shift, store_figures, yoy_note


@dataclass
class LoadedTable:
    """A table read from a checked file: the reader's result and the file name."""

    table: IndicatorTable
    filename: str


@dataclass
class IndicatorPreview:
    """What an import would do: its period, the figures and entities, unknown institutions, errors, flags."""

    period: str
    figures: int = 0
    entities: int = 0
    #: The name of the file read, as uploaded (LoadedTable.filename): the page names it above the errors, so that the
    #: office knows which of the tables it was sent to correct.
    filename: str = ""
    unknown: list[str] = field(default_factory=list)
    #: What stops the import and what must be confirmed, each a row and column with its reason (``str()`` in the
    #: page's words, ``.line()`` in the command line's).
    errors: list[TableIssue] = field(default_factory=list)
    flags: list[TableIssue] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # {"row", "entity", "known", "values": {name: value}, "flag"}
    #: The table's own 同比 columns, not read, and what the 同比增速 of the month then needs (figures.yoy_note);
    #: None when the table has no such column or last year's month is stored.
    yoy_note: str | None = None
    #: {indicator name: its 计量单位 (亿元, 家 …)}: the unit every value of ``rows`` is in, after a table in another
    #: money unit (单位：万元) was converted; the preview prints it after each figure.
    units: dict[str, str] = field(default_factory=dict)
    #: The cells the table marks as having no figure ("—", "/", "无"; IndicatorTable.no_figures), each saying so: a
    #: warning, nothing stops; those figures are not stored and the entity is not ranked in them (no 0 read).
    no_figures: list[TableIssue] = field(default_factory=list)
    #: The rows left with no figure to store (each of their cells empty, marked as having none, or refused): not
    #: imported, their institution not created nor counted in ``entities`` nor listed in ``unknown``; each says which
    #: row, which institution and why, so the preview's count and its list of new institutions agree (workflow54).
    set_aside: list[TableIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing stops the import except, possibly, flagged figures."""
        return not self.errors

    def summary(self) -> str:
        """The contract's closing line: ``imported N figures for M entities, period YYYY-MM``."""
        return f"imported {self.figures} figures for {self.entities} entities, period {self.period}"


class IndicatorImportRejected(ServiceError):
    """The table cannot be applied; ``preview`` lists every reason. Nothing was written."""

    def __init__(self, preview: IndicatorPreview, flagged_only: bool = False) -> None:
        lines = preview.errors or preview.flags
        head = ("指标数据未导入：有数值异常，请核对后确认导入：" if flagged_only else "指标数据未导入，没有写入任何数据：")
        super().__init__(head + "；".join(map(str, lines[:3])) + (f"（共 {len(lines)} 处）" if len(lines) > 3 else ""))
        self.preview = preview
        self.flagged_only = flagged_only


def load_table(source, filename: str | None = None, *, limits: LedgerLimits = LedgerLimits()) -> LoadedTable:
    """Read the table ``source`` (path, bytes or binary file) with the seeded and defined indicators.
    Raises LedgerRefused for a file that cannot be used (size, type, zip bomb, budget, no header)."""
    data, filename = load_source(source, filename, limits)
    return LoadedTable(table=read_table(data, filename, columns(indicators()), limits), filename=filename)


def missing_month_message(filename: str, title: str | None) -> str:
    """The one Chinese sentence that asks for the month of a table naming none, saying where to write it: in the
    title, in the import page's 期间 field, or with --period on the command line. A title naming its year alone
    ("2020年全县信访事项统计表") is told so, and how to say that its figures are the whole year's (全年, 年度, or a
    1-12月 caption: then December is taken; tracker/indicators/workbook.py ``period_of_year_by_captions``)."""
    year = re.search(r"((?:19|20)\d{2})\s*年", title or "")
    named = (f"标题“{title}”只写了{year.group(1)}年，没有写明月份（如是全年数据，请在标题中写明“全年”或“{year.group(1)}年度”，"
             f"或在列名中写明“1-12月”）" if year else "表中没有写明数据所属的月份")
    return (f"{filename}: {named}：请在标题中写明月份（如“2024年3月末全市金融机构存贷款情况表”）后重新导入，"
            f"或在导入页的“期间”一栏填写数据所属的月份（如 2024-03）后再预览；命令行导入也可以用 --period YYYY-MM 指定期间。")


def preview_table(loaded: LoadedTable, actor: User, period: str | None = None) -> IndicatorPreview:
    """Plan the import of ``loaded`` for ``period`` (default: the title's). Writes nothing.
    Raises InvalidInput when no period is given and the title names none."""
    table = loaded.table
    period = period or table.period
    if not period:
        raise InvalidInput(missing_month_message(loaded.filename, table.title))
    check_period(period)
    preview = IndicatorPreview(period=period, filename=loaded.filename)
    preview.errors.extend(table.issues)
    preview.no_figures.extend(table.no_figures)
    by_name = {i.name: i for i in indicators()}
    preview.units = {name: indicator.measure_unit or "" for name, indicator in by_name.items()}
    index = UnitIndex()
    known = {}
    seen = {}
    refused = {issue.row for issue in table.issues} | {issue.row for issue in table.no_figures}
    for row in table.rows:
        name = normalize_unit_name(row.entity)
        if not row.values:
            why = "该行的数据单元格有问题（见上方所列）" if row.row in refused else "该行没有填数据"
            preview.set_aside.append(TableIssue(row.row, "机构名称", f"“{row.entity}”{why}，本次不导入该行，也不新建该机构"))
        if name in seen:
            preview.errors.append(TableIssue(row.row, "机构名称", f"“{name}”在第 {seen[name]} 行已出现，请合并为一行"))
            continue
        seen[name] = row.row
        unit = _live(index.find(name))
        known[row.row] = unit
        if unit is None:
            if not row.values:
                continue  # set aside above: nothing to create
            if not may_manage_indicators(actor):
                preview.errors.append(TableIssue(row.row, "机构名称", f"“{name}”不在单位名录中，请联系督办部门添加"))
            elif name not in preview.unknown:
                preview.unknown.append(name)
        elif not may_file_for(actor, unit.id):
            preview.errors.append(TableIssue(row.row, "机构名称", f"您只能填报本单位的指标数据，不能填报“{unit.name}”"))
    ids = [i.id for i in by_name.values()]
    stored = figure_map(ids, [shift(period, -1), shift(period, -12)])
    for row in table.rows:
        unit = known.get(row.row)
        flags = []
        for name, value in row.values.items():
            indicator = by_name[name]
            previous = stored.get((unit.id, indicator.id, shift(period, -1))) if unit else None
            last_year = stored.get((unit.id, indicator.id, shift(period, -12))) if unit else None
            if period.endswith("-01") and indicator.kind is IndicatorKind.FLOW:
                previous = None  # a cumulative figure starts again in January
            reason = out_of_line(value, indicator.kind is IndicatorKind.STOCK, previous, last_year)
            if reason:
                flags.append(TableIssue(row.row, name, f"{value:g}{indicator.measure_unit}，{reason}", row.entity))
        preview.flags.extend(flags)
        preview.rows.append({"row": row.row, "entity": row.entity, "known": unit is not None or not row.values,
                             "values": dict(row.values),
                             "flag": "；".join(map(str, flags)) or ("不导入：该行没有可导入的数据" if not row.values else "")})
    if table.yoy_columns and not any(key[2] == shift(period, -12) for key in stored):
        captions = "、".join(f"“{caption}”" for caption in table.yoy_columns[:3])
        preview.yoy_note = f"表中的{captions}列没有导入。" + yoy_note(period, may_manage_indicators(actor))
    counted = [row for row in table.rows if row.values]
    preview.figures = sum(len(row.values) for row in counted)
    preview.entities = len({normalize_unit_name(row.entity) for row in counted})
    return preview


def _live(unit):
    """The unit itself, or the unit it was merged into (services/accounts/units.merge_units)."""
    while unit is not None and unit.merged_into_id is not None:
        unit = unit.merged_into
    return unit


def apply_table(loaded: LoadedTable, actor: User, period: str | None = None,
                accept_flagged: bool = False) -> IndicatorPreview:
    """Apply the import in one transaction: unknown institutions created (kind institution), every
    figure stored (replacing the same entity, indicator and month). Raises IndicatorImportRejected
    (nothing written) on any error, or on flagged figures unless ``accept_flagged``."""
    preview = preview_table(loaded, actor, period)
    if preview.errors:
        raise IndicatorImportRejected(preview)
    if preview.flags and not accept_flagged:
        raise IndicatorImportRejected(preview, flagged_only=True)
    by_name = {i.name: i.id for i in indicators()}
    with write_transaction():
        index = UnitIndex()
        units = {}
        for row in loaded.table.rows:
            if row.values:
                unit, created = index.get_or_create(row.entity)
                if created:
                    unit.kind = UnitKind.INSTITUTION
                units[row.row] = _live(unit)
        db.session.flush()  # the new institutions get their ids
        values = {}
        for row in loaded.table.rows:
            if not row.values:
                continue
            unit = units[row.row]
            for name, value in row.values.items():
                values[(unit.id, by_name[name])] = value
        store_figures(values, preview.period, actor)
    db.session.expire_all()
    return preview
