"""The units a parsed plan gives each measure, as the plan store keeps them (pure: no app, no database)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_vague_collective


def named_units(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """{measure path: (lead units, supporting units)} of the plan ``text`` (its header lines included), vague
    collectives (有关部门, 市级其他有关单位: ``vocabulary.units.is_vague_collective``) left out as the plan store and
    the bench leave them out; the draft itself keeps them as written."""
    draft = parse_plan_text(text)
    return {tuple(m.path): ([u for u in m.lead_units if not is_vague_collective(u)],
                            [u for u in m.supporting_units if not is_vague_collective(u)]) for m in draft.measures}
