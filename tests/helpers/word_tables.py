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
