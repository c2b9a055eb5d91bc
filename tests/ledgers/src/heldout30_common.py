"""Shared helpers of the held-out ledger makers (tests/ledgers 100–129, stop 30).

Each maker module in this folder holds the rows of one or more real public documents, transcribed by
hand from the page named in ``made_from``, together with the gold typed by hand for each row (units,
status, the 序号 token). The helpers here only lay cells out and write files; they never read a
ledger. Run ``python tests/ledgers/src/make_heldout30.py`` from the repository root to rewrite the
files of the held-out part and their ``.expected.json`` gold.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

LEDGERS = Path(__file__).resolve().parent.parent

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class Row:
    """One gold row of a ledger: a task, or a group heading (``group=True``).

    ``measure``, ``deadline`` and ``progress`` are the texts of their cells as written; ``lead`` and
    ``supporting`` are the units typed by hand (GOLD-README of tests/ledgers, stop-30 section).
    """

    number: str | None
    measure: str
    lead: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    deadline: str | None = None
    status: str | None = None
    progress: str | None = None
    group: bool = False

    def gold(self) -> dict:
        """The row as the gold format writes it (tests/ledgers/GOLD-README.md)."""
        return {
            "number": self.number,
            "is_group": self.group,
            "measure": self.measure,
            "lead_units": list(self.lead),
            "supporting_units": list(self.supporting),
            "deadline": self.deadline,
            "status": self.status,
            "progress": self.progress,
        }


def write_ledger_gold(stem: str, suffix: str, made_from: str, title: str | None, rows: list[Row]) -> None:
    """Write ``stem.expected.json`` for a ledger whose file is ``stem + suffix``."""
    gold = {
        "source": stem + suffix,
        "kind": "ledger",
        "made_from": made_from,
        "title": title,
        "rows": [row.gold() for row in rows],
    }
    _dump(stem, gold)


def write_indicator_gold(
    stem: str,
    suffix: str,
    made_from: str,
    period: str,
    indicators: list[tuple[str, str]],
    figures: list[tuple[str, str, float]],
) -> None:
    """Write ``stem.expected.json`` for an indicator table (figures already in the registered unit)."""
    gold = {
        "source": stem + suffix,
        "kind": "indicators",
        "made_from": made_from,
        "period": period,
        "indicators": [{"name": name, "measure_unit": unit} for name, unit in indicators],
        "figures": [{"entity": e, "indicator": i, "value": v} for e, i, v in figures],
    }
    _dump(stem, gold)


def _dump(stem: str, gold: dict) -> None:
    path = LEDGERS / f"{stem}.expected.json"
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def title_row(ws, row: int, text: str, ncols: int, size: int = 16, height: float = 30) -> None:
    """A title merged across the table's columns."""
    ws.cell(row=row, column=1, value=text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    cell = ws.cell(row=row, column=1)
    cell.font = Font(name="方正小标宋简体", size=size, bold=True)
    cell.alignment = CENTER
    ws.row_dimensions[row].height = height


def line(ws, row: int, text: str, ncols: int, start: int = 1, align: str = "left") -> None:
    """A free line (填报单位, 单位：万元, a note) merged over ``ncols`` columns from ``start``."""
    ws.cell(row=row, column=start, value=text)
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + ncols - 1)
    ws.cell(row=row, column=start).alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)


def header(ws, row: int, captions: list[str | None], bold: bool = True) -> None:
    """One header row; ``None`` leaves a cell empty (under a merge)."""
    for col, text in enumerate(captions, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = Font(name="黑体", bold=bold)
        cell.alignment = CENTER
        cell.border = BOX


def merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a block and border every cell of it."""
    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(row=r, column=c).border = BOX


def body(ws, row: int, values: list, align=WRAP) -> None:
    """One body row of cells with borders."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.alignment = align
        cell.border = BOX


def widths(ws, values: list[float]) -> None:
    """Column widths in Excel's character units."""
    for col, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def save(wb, stem: str) -> Path:
    """Save a workbook as ``tests/ledgers/stem.xlsx``, byte for byte the same on every run.

    openpyxl stamps the document properties and every zip entry with the current time; both are
    fixed here so that rerunning the maker leaves committed files unchanged.
    """
    path = LEDGERS / f"{stem}.xlsx"
    wb.properties.creator = "heldout30"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the save time here whatever we set
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())
    return path


def save_ledger(wb, stem: str, made_from: str, title: str | None, rows: list[Row]) -> None:
    """Save a ledger workbook (:func:`save`) and write its gold (:func:`write_ledger_gold`)."""
    save(wb, stem)
    write_ledger_gold(stem, ".xlsx", made_from, title, rows)


def save_indicators(wb, stem: str, made_from: str, period: str, indicators, figures) -> None:
    """Save an indicator workbook (:func:`save`) and write its gold (:func:`write_indicator_gold`)."""
    save(wb, stem)
    write_indicator_gold(stem, ".xlsx", made_from, period, indicators, figures)


def group_row(ws, r: int, number: str | None, text: str, ncols: int, gold: list[Row], first_col: int = 1) -> int:
    """Write a section row (its number in column A, its text merged across) and its gold; return the next row.

    The gold number drops one trailing 、 as the gold format writes tokens (``七、`` → ``七``).
    """
    values = [None] * ncols
    if number is not None:
        values[0] = number
    values[first_col] = text
    body(ws, r, values)
    merge(ws, r, first_col + 1, r, ncols)
    ws.cell(row=r, column=first_col + 1).font = Font(bold=True)
    gold.append(Row(None if number is None else number.rstrip("、"), text, group=True))
    return r + 1


def write_csv(stem: str, rows: list[list], encoding: str) -> Path:
    """Write ``tests/ledgers/stem.csv`` in ``encoding`` (``gb18030`` or ``utf-8-sig``), CRLF lines."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path = LEDGERS / f"{stem}.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def run_makers(*modules) -> None:
    """Run every ``make_…`` function of ``modules`` (each writes one held-out file and its gold), in name order
    within each module, printing each maker's name; shared by make_heldout30.py and make_heldout31.py."""
    for module in modules:
        for name in sorted(dir(module)):
            if name.startswith("make_"):
                getattr(module, name)()
                print(name, "ok")
