"""Word files holding one task table, for the parser's unit tests (pure: python-docx only, no Flask, no database)."""
from __future__ import annotations

from io import BytesIO

import docx


def word_table(rows: list[list[str]], title: str = "某某区2025年重点任务分解表") -> bytes:
    """A .docx whose paragraph ``title`` stands above a table of ``rows`` (the header first), each cell's text as given."""
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
