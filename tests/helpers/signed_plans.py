"""A signed plan typed in a test: its numbered items under a title, read by the parser, each measure's deadline."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def deadlines_of_signed_plan(title: str, items: list[str], signature: str) -> dict[tuple[str, ...], tuple[str | None, object]]:
    """Each measure's (deadline as written, due date) by its path, of the plan ``title`` / ``items`` (one line each, numbered
    as written) / ``signature`` (the issuer's line and the date line, which give the plan's issue date)."""
    text = "\n".join([title, *items, signature])
    return {tuple(m.path): (m.deadline, m.due_date) for m in parse_plan_text(text).measures}
