"""The indicator table as the offices exchange it: rows of institutions, columns of indicators.

Reads .xlsx (after tracker/ledger/safety.py's container checks and the upload budget) and .csv
(UTF-8 with or without BOM, GB18030). Understood: a title above the header giving the month
("2024年7月末全市各金融机构存贷款情况表" → 2024-07, "2024年1—7月…" → 2024-07); a "单位：亿元" or
"单位：万元" line (or the unit in a header caption: "存款余额（万元）") — figures are converted to
each indicator's 计量单位; one- or two-row headers (an indicator caption over 余额/比年初增减/同比增长:
only the 余额 or 累计 column is read, derived columns are computed again from stored figures);
合计/小计/总计 rows skipped, and so are a group's subtotal rows (``一、国有商业银行`` numbered with a
Chinese numeral where the institutions are numbered 1, 2, 3); "其中：" or a row number in front of a
name removed; the institution column is 机构名称 or any caption of its kind (公司名称, 银行名称,
保险公司, 机构简称: ``is_entity_caption``). Row-level problems are TableIssues,
never exceptions; a file that cannot be used raises LedgerRefused.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from ..ledger.safety import LedgerLimits, LedgerRefused, check_xlsx_container, open_workbook
from ..vocabulary.numbering import parse_number

ENTITY_CAPTIONS = ("机构名称", "金融机构", "单位名称", "机构", "单位", "银行", "名称", "行名")
# The same column as other offices caption it: 公司名称, 银行名称, 保险公司, 金融机构名称, 机构简称 …
# (never 计量单位, 填报单位：… or 单位：亿元, which are not the institution column).
_ENTITY_CAPTION = re.compile(r"(?:金融|保险|银行业?|证券|法人)?(?:机构|公司|银行|单位|法人机构)(?:名称|简称|全称)?")
_GROUP_STYLES = ("cn", "cn_paren")
TOTAL_ROW = re.compile(r"^(合\s*计|小\s*计|总\s*计|全市(合计)?|全县(合计)?|全区(合计)?|总计)$")
VALUE_SUBCAPTIONS = ("余额", "本月余额", "期末余额", "累计", "本年累计", "金额", "数值", "本期")
DERIVED_SUBCAPTIONS = ("比年初", "同比", "增速", "增幅", "增长", "占比", "排名", "位次", "上年", "去年", "目标", "完成率")
SCALES = {"亿元": 1e8, "万元": 1e4, "千元": 1e3, "元": 1.0}
UNIT_LINE = re.compile(r"单位[:：]\s*(亿元|万元|千元|元)")
CAPTION_UNIT = re.compile(r"[（(](亿元|万元|千元|元)[）)]")
NUMBER_NOISE = re.compile(r"[,，\s]")
EMPTY_MARKS = {"", "-", "—", "－", "/", "／", "——", "无"}


@dataclass(frozen=True)
class IndicatorColumn:
    """An indicator the reader looks for: its name and 计量单位 (what the figures are converted to)."""

    name: str
    measure_unit: str


@dataclass
class TableIssue:
    """A problem of one row (1-based sheet row) and column caption, in Chinese."""

    row: int
    column: str
    reason: str

    def line(self) -> str:
        """``row N, column X: reason`` (CONTRACTS.md §4)."""
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass
class TableRow:
    """One institution's figures: {indicator name: value in the indicator's 计量单位}."""

    row: int
    entity: str
    values: dict[str, float] = field(default_factory=dict)


@dataclass
class IndicatorTable:
    """What a table held: its title, period ("YYYY-MM" or None), the columns found, rows and issues."""

    title: str | None
    period: str | None
    columns: list[str]
    rows: list[TableRow]
    issues: list[TableIssue]
    skipped_rows: int = 0


def _core(text: str) -> str:
    """An indicator caption without the words offices add or drop (人民币, 各项, 余额, spaces, units)."""
    text = CAPTION_UNIT.sub("", re.sub(r"\s+", "", text))
    for word in ("人民币", "各项", "余额", "本外币", "合计"):
        text = text.replace(word, "")
    return text


def is_entity_caption(text: str) -> bool:
    """Whether a header cell names the institution column: ``ENTITY_CAPTIONS`` or a caption of their
    kind (公司名称, 银行名称, 保险公司, 金融机构名称, 机构简称); spaces inside are ignored."""
    text = re.sub(r"\s+", "", text)
    return text in ENTITY_CAPTIONS or bool(_ENTITY_CAPTION.fullmatch(text))


def _row_number(cell) -> str | None:
    """The numbering style of a 序号 cell or of a name's prefix ("一、国有商业银行" → "cn", 3 → "arabic")."""
    found = parse_number(cell)
    return found[0][0].style if found else None


def period_from_title(text: str) -> str | None:
    """The month a title speaks of: "2024年7月末…" → "2024-07", "2024年1—7月…" → "2024-07"; None if none.

    The year is the first "NNNN年"; the month the last "N月" after it (the end of a 1—N月 range)."""
    found = re.search(r"((?:19|20)\d{2})\s*年", text)
    if not found:
        return None
    months = re.findall(r"(\d{1,2})\s*月", text[found.end():])
    if not months or not 1 <= int(months[-1]) <= 12:
        return None
    return f"{found.group(1)}-{int(months[-1]):02d}"


def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def _grid_rows(data: bytes, filename: str, limits: LedgerLimits) -> list[list]:
    """The cell values of the first sheet (xlsx) or of the CSV, row by row, capped by ``limits``."""
    if filename.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise LedgerRefused(f"{filename}: 无法识别文字编码，请另存为 UTF-8 或 GB18030 的 CSV 后再上传。", "not_xlsx")
        if "\x00" in text:
            raise LedgerRefused(f"{filename}: 不是文本 CSV 文件（含二进制内容）。", "not_xlsx")
        rows = []
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if number > limits.sheet_row_cap:
                raise LedgerRefused(f"{filename}: 行数超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
            rows.append(row)
        return rows
    check_xlsx_container(data, filename, limits)
    workbook = open_workbook(data, filename)
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > limits.sheet_row_cap:
                raise LedgerRefused(f"{filename}: 行数超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
            rows.append(list(row))
        return rows
    finally:
        workbook.close()


def _match(caption: str, indicators: list[IndicatorColumn]) -> IndicatorColumn | None:
    core = _core(caption)
    if not core:
        return None
    for indicator in indicators:
        wanted = _core(indicator.name)
        if core == wanted or (wanted and wanted in core and not any(w in core for w in DERIVED_SUBCAPTIONS)):
            return indicator
    return None


def _number(cell) -> float | None:
    """A figure from a cell: numbers as they are, text like "1,234.5"; None for an empty mark. Raises ValueError."""
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, (int, float)):
        return float(cell)
    text = NUMBER_NOISE.sub("", _text(cell))
    if text in EMPTY_MARKS:
        return None
    return float(text)


def read_table(data: bytes, filename: str, indicators: list[IndicatorColumn],
               limits: LedgerLimits = LedgerLimits()) -> IndicatorTable:
    """Read an indicator table (bytes of .xlsx or .csv) for ``indicators``.

    Returns an IndicatorTable: values converted from the table's unit (单位 line or caption) into
    each indicator's 计量单位 when both are money units (元/千元/万元/亿元). Raises LedgerRefused for
    a dangerous or unreadable file, or one without a header naming an institution column and at
    least one of ``indicators`` (code "no_header").
    """
    grid = _grid_rows(data, filename, limits)
    title, table_unit, header_at = None, None, None
    for index, row in enumerate(grid[:30]):
        cells = [_text(cell) for cell in row]
        joined = "".join(cells)
        unit = UNIT_LINE.search(joined)
        if unit:
            table_unit = unit.group(1)
        if any(is_entity_caption(cell) for cell in cells) and any(_match(cell, indicators) for cell in cells):
            header_at = index
            break
        if title is None and joined and period_from_title(joined) and not unit:
            title = joined
    if header_at is None:
        raise LedgerRefused(f"{filename}: 找不到表头：需要一行同时写有“机构名称”（或“单位”）和指标名称"
                            f"（{'、'.join(i.name for i in indicators)}）。请按模板填写后再导入。", "no_header")
    header = [_text(cell) for cell in grid[header_at]]
    entity_col = next(i for i, cell in enumerate(header) if is_entity_caption(cell))
    number_col = next((i for i, cell in enumerate(header[:entity_col]) if cell in ("序号", "编号")), None)
    # Carry each indicator caption right across the blank cells of a merged two-row header.
    owners: list[IndicatorColumn | None] = []
    current = None
    for cell in header:
        if cell:
            current = _match(cell, indicators)
        owners.append(current)
    sub = [_text(cell) for cell in grid[header_at + 1]] if header_at + 1 < len(grid) else []
    two_rows = any(cell in VALUE_SUBCAPTIONS or any(w in cell for w in DERIVED_SUBCAPTIONS) for cell in sub) \
        and not _text(sub[entity_col] if entity_col < len(sub) else "")
    chosen: dict[str, tuple[int, str]] = {}
    for col, owner in enumerate(owners):
        if owner is None or col == entity_col or owner.name in chosen:
            continue
        caption = header[col] or owner.name
        if two_rows:
            below = sub[col] if col < len(sub) else ""
            if below and (below not in VALUE_SUBCAPTIONS and any(w in below for w in DERIVED_SUBCAPTIONS)):
                continue
            caption = f"{owner.name}/{below}" if below else caption
        elif header[col] and any(w in _core(header[col]) for w in DERIVED_SUBCAPTIONS):
            continue
        unit = CAPTION_UNIT.search(header[col] or "")
        chosen[owner.name] = (col, unit.group(1) if unit else table_unit or owner.measure_unit)
    by_name = {indicator.name: indicator for indicator in indicators}
    first_row = header_at + (2 if two_rows else 1)
    numbered = [_row_styles(grid[index], entity_col, number_col) for index in range(first_row, len(grid))]
    institutions_numbered = any("arabic" in styles for styles in numbered)
    rows, issues, skipped = [], [], 0
    for index in range(first_row, len(grid)):
        row = grid[index]
        number = index + 1
        name = _text(row[entity_col] if entity_col < len(row) else None)
        name = re.sub(r"^(其中|含)[:：]\s*", "", name)
        if not name or not any(_text(cell) for cell in row):
            continue
        styles = numbered[index - first_row]
        if (TOTAL_ROW.match(re.sub(r"\s+", "", name)) or name.startswith(("注", "备注", "填报", "制表", "审核"))
                or (institutions_numbered and any(style in _GROUP_STYLES for style in styles))):
            skipped += 1  # a total, a note, or a group's subtotal (一、国有商业银行 over 1 工商银行, 2 …)
            continue
        if styles[1]:
            name = parse_number(name)[1].strip() or name  # "1.工商银行" → 工商银行
        figures: dict[str, float] = {}
        for indicator_name, (col, unit) in chosen.items():
            cell = row[col] if col < len(row) else None
            try:
                value = _number(cell)
            except ValueError:
                issues.append(TableIssue(number, indicator_name, f"“{_text(cell)[:30]}”不是数字，请填写数值或留空"))
                continue
            if value is None:
                continue
            wanted = by_name[indicator_name].measure_unit
            if unit in SCALES and wanted in SCALES:
                value = value * SCALES[unit] / SCALES[wanted]
            figures[indicator_name] = value
        rows.append(TableRow(row=number, entity=name, values=figures))
        if len(rows) > limits.max_rows:
            raise LedgerRefused(f"{filename}: 数据行超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
    return IndicatorTable(title=title, period=period_from_title(title) if title else None,
                          columns=list(chosen), rows=rows, issues=issues, skipped_rows=skipped)


def _row_styles(row: list, entity_col: int, number_col: int | None) -> tuple[str | None, str | None]:
    """The numbering styles of a data row: its 序号 cell's and its name's prefix's (None where none)."""
    cell = row[number_col] if number_col is not None and number_col < len(row) else None
    name = row[entity_col] if entity_col < len(row) else None
    return _row_number(cell), _row_number(name) if isinstance(name, str) else None


def write_template(period: str, indicators: list[IndicatorColumn], entities: list[str],
                   values: dict[tuple[str, str], float] | None = None, title_note: str = "") -> bytes:
    """An .xlsx template: title "YYYY年M月末全市各金融机构金融指标情况表" followed by ``title_note`` (a sample
    table's: sample.SAMPLE_NOTE), a 单位 line, a header 机构名称 + one column per indicator (its 计量单位 in the
    caption), one row per entity, filled from ``values`` {(entity, indicator name): value} where given.
    read_table reads it back."""
    from openpyxl import Workbook

    from ..ledger.cells import set_text_cell

    year, month = period.split("-")
    book = Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet.append([f"{year}年{int(month)}月末全市各金融机构金融指标情况表{title_note}"])
    units = sorted({indicator.measure_unit for indicator in indicators})
    sheet.append([f"单位：{units[0]}" if len(units) == 1 else "单位：见各列"])
    sheet.append(["机构名称"] + [f"{i.name}（{i.measure_unit}）" for i in indicators])
    for entity in entities:
        sheet.append([None] + [(values or {}).get((entity, i.name)) for i in indicators])
        set_text_cell(sheet.cell(row=sheet.max_row, column=1), entity)
    sheet.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
