"""A signed plan typed in a test: its numbered items under a title, read by the parser, each measure's fields."""
from __future__ import annotations

from tracker.parsing import parse_plan_text

#: What the unit stories compare of a measure: lead units, supporting units, deadline as written, due date.
UNITS_AND_DEADLINE = ("lead_units", "supporting_units", "deadline", "due_date")


def read_signed_plan(title: str, items: list[str], signature: str,
                     fields: tuple[str, ...] = UNITS_AND_DEADLINE) -> dict[tuple[str, ...], tuple]:
    """Each measure's ``fields`` (attributes of the parser's Measure, as a tuple in that order) by its path, of the
    plan ``title`` / ``items`` (one line each, numbered as written) / ``signature`` (the issuer's line and the date
    line, which give the plan's issue date and so the due dates)."""
    text = "\n".join([title, *items, signature])
    return {tuple(m.path): tuple(getattr(m, name) for name in fields) for m in parse_plan_text(text).measures}


def deadlines_of_signed_plan(title: str, items: list[str], signature: str) -> dict[tuple[str, ...], tuple[str | None, object]]:
    """Each measure's (deadline as written, due date) by its path (``read_signed_plan``)."""
    return read_signed_plan(title, items, signature, ("deadline", "due_date"))
