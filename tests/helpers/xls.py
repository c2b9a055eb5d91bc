"""Write real Excel 97–2003 (.xls) workbooks with xlwt (pinned in requirements-dev.txt), for the
import tests of issue 15: what an office that still saves .xls sends."""
from __future__ import annotations

from pathlib import Path

import xlwt


def write_xls(path: Path, rows, merges=(), sheet_name: str = "Sheet1") -> Path:
    """Write ``rows`` (lists of str/int/float/None) to ``path`` as .xls; ``merges`` are 0-based
    (first_row, last_row, first_col, last_col) ranges, written with the first row's value."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(sheet_name)
    merged = {(r1, c1): (r2, c2) for r1, r2, c1, c2 in merges}
    covered = {(r, c) for r1, r2, c1, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if (r, c) in merged:
                r2, c2 = merged[(r, c)]
                sheet.write_merge(r, r2, c, c2, value)
            elif value is not None and (r, c) not in covered:
                sheet.write(r, c, value)
    book.save(str(path))
    return path
