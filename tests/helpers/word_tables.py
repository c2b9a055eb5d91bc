"""Word files holding one task table, for the parser's unit tests (pure: python-docx only, no Flask, no database)."""
from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

import docx


def word_table(rows: list[list[str]], above: str | Sequence[str] = "某某区2025年重点任务分解表", *,
               merges: Sequence[tuple[int, int, int, int]] = (), paragraphs: bool = False) -> bytes:
    """A .docx whose paragraphs ``above`` (one string or several) stand over one table of ``rows`` (the header first).

    A cell's "\\n" is a line break inside its one paragraph, or, with ``paragraphs=True``, starts a paragraph of its own
    (offices type one unit or one date a line either way). ``merges`` are (top, left, bottom, right) corners of cells
    merged as an office draws them; empty cells are left untouched, so a merged cell holds only what was written."""
    document = docx.Document()
    for text in [above] if isinstance(above, str) else above:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if not text:
                continue
            cell = table.cell(r, c)
            first, *rest = text.split("\n") if paragraphs else [text]
            cell.text = first
            for line in rest:
                cell.add_paragraph(line)
    for top, left, bottom, right in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill_grid(document, rows: list, width: int):
    """Add to the python-docx ``document`` a table of ``width`` columns holding ``rows``: a row that is a string is one
    cell merged across the table (a group heading), a row that is a list gives its cells in order, a cell's lines
    (``\n``) becoming paragraphs of that cell, as Word keeps them. Returns the table. Shared by the guards that write
    development tables and ledgers as Word tables (test_parser_dev_tables_in_every_medium, test_parser_ledgers_as_plans)."""
    grid = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        if isinstance(row, str):
            grid.cell(r, 0).text = row
            grid.cell(r, 0).merge(grid.cell(r, width - 1))
            continue
        for c, cell in enumerate(row):
            if cell:
                first, *rest = cell.split("\n")
                grid.cell(r, c).text = first
                for line in rest:
                    grid.cell(r, c).add_paragraph(line)
    return grid


def category_list_grid(header: list[str], groups: list) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The grid and merges of a Word task list ``任务类型 | 序号 | 工作任务 | 推进单位`` (``header``, four columns) whose group
    rows span the table and whose category and unit cells are merged down the rows they span, written once. ``groups``:
    [(group row text, [(category or None, [(序号, task lines, unit cell or None), ...]), ...]), ...]; a category None
    leaves its rows' 任务类型 cells empty, a unit cell None lies under the unit cell written last above it in its group.
    Returns (rows of cell texts, merges as (top row, left column, bottom row, right column)) for ``word_table``."""
    grid = [list(header)]
    merges = []
    for group, categories in groups:
        grid.append([group, "", "", ""])
        merges.append((len(grid) - 1, 0, len(grid) - 1, 3))
        unit_top = None
        for category, rows in categories:
            top = len(grid)
            for at, (number, task, units) in enumerate(rows):
                if units:
                    if unit_top is not None and len(grid) - 1 > unit_top:
                        merges.append((unit_top, 3, len(grid) - 1, 3))
                    unit_top = len(grid)
                grid.append([(category or "") if at == 0 else "", number, "".join(task), units or ""])
            if category:
                merges.append((top, 0, len(grid) - 1, 0))
        if unit_top is not None and len(grid) - 1 > unit_top:
            merges.append((unit_top, 3, len(grid) - 1, 3))
    return grid, merges
