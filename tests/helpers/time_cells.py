"""Time-cell stories of the parser: the plan a story types, and what the parser gives of each measure's time.

Shared by the task-table stories of tests/unit (test_parser_fresh51/52/55/62 …, stages58, kinds33): no app, no database.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def deadlines_by_path(text: str) -> dict[tuple[str, ...], tuple[str | None, str | None]]:
    """Path -> (deadline as written, due date as ISO ``YYYY-MM-DD`` or None) of every measure of the plan ``text``
    (tracker.parsing.parse_plan_text)."""
    return {tuple(m.path): (m.deadline, m.due_date.isoformat() if m.due_date else None)
            for m in parse_plan_text(text).measures}


def one_cell_a_line(header: list[str], rows: list[tuple[str, ...]]) -> str:
    """A table as a saved web page copies it, one cell a line between pipes: a line ``|``, then each cell of
    ``header`` followed by a line ``|``, then each of ``rows`` the same way; the lines joined with newlines."""
    lines = ["|"]
    for cell in header:
        lines += [cell, "|"]
    for row in rows:
        lines.append("|")
        for cell in row:
            lines += [cell, "|"]
    return "\n".join(lines)
