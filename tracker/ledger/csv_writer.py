"""Write the work ledger (工作台账) as CSV, for offices that want CSV (issue #4).

Pure module: takes the same Ledger as writer.write_ledger, imports neither Flask nor the models.
Layout: one header row with the captions of the sheet's header (CONTRACTS.md §3 in that order,
then the hidden sheet's 任务键 and 版本), then one row per task, in the sheet's order and with the
sheet's texts; 重点任务 is repeated on every row (a CSV has no merged cells), and the sheet's
title/填报单位/填报日期 lines are left out so that the first line is the header. In the grouped
layout each heading row of the sheet becomes a row holding the heading's 序号 as written and its
title in the first two fields (序号, 重点任务), every other field empty, no 任务键 nor 版本.

Encoding: UTF-8 with a byte order mark (so that Excel and WPS open Chinese text correctly),
CRLF line ends, fields quoted where needed (RFC 4180 via the csv module).

Formula injection (OWASP "CSV Injection", SECURITY-TESTS.md D1): a CSV cell cannot carry
Excel's quotePrefix, so a text opening with = + - @ TAB CR (cells.FORMULA_TRIGGERS) is written
with a leading apostrophe, which spreadsheet programs show as text and never evaluate.
"""

from __future__ import annotations

import csv
import io

from .cells import needs_quote_prefix
from .writer import GroupLine, Ledger, _row_texts, sheet_lines

#: The byte order mark that starts the file (UTF-8 encoded U+FEFF).
BOM = "\ufeff"


def csv_cell(text: str | None) -> str:
    """Return ``text`` as a safe CSV field: "" for None/empty, an apostrophe before a leading
    = + - @ TAB CR (NUL removed first), else the text unchanged. Raises TypeError for a
    value that is neither str nor None."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise TypeError(f"cell text must be str or None, not {type(text).__name__}")
    text = text.replace("\0", "")
    return "'" + text if needs_quote_prefix(text) else text


def ledger_csv_rows(ledger: Ledger) -> list[list[str]]:
    """Return the header and data rows of ``ledger`` as lists of safe CSV fields (csv_cell).

    Each data row: 序号 … 完成状态 (ten fields), then 所属层级 (flat layout) and the extra columns
    the ledger asks for (layout.py), then 任务键, 版本 (the version as decimal digits); the sheet's
    note line (filters) is left out like its title. Grouped layout: a heading row is
    [序号 as written, title, "", …] (writer.sheet_lines says where they go). Raises TypeError as writer.write_ledger for a
    bad version or text.
    """
    layout = ledger.sheet_layout()
    rows = [list(layout.captions)]
    for row in ledger.rows:
        if isinstance(row.version, bool) or not isinstance(row.version, int):
            raise TypeError(f"ledger row {row.key!r}: version must be an int, not {row.version!r}")
    width = len(layout.captions)
    for line in sheet_lines(ledger.rows) if layout.group_rows else ledger.rows:
        if isinstance(line, GroupLine):
            number = csv_cell(line.number.strip()) or ""
            rows.append([number, csv_cell(line.title.strip())] + [""] * (width - 2))
        else:
            rows.append([csv_cell(text) for text in _row_texts(line, layout)] + [str(line.version)])
    return rows


def ledger_csv_bytes(ledger: Ledger) -> bytes:
    """Return the whole CSV file of ``ledger`` as bytes: UTF-8 with BOM, CRLF line ends."""
    rows = ledger_csv_rows(ledger)  # raises before anything is produced
    buffer = io.StringIO(newline="")
    buffer.write(BOM)
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")
