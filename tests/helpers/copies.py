"""Copies of development documents scored against their originals' gold.

Shared by the guards that copy the development part into other media or typed forms
(tests/unit/test_parser_dev_tables_in_every_medium.py, test_parser_dev_prose_in_every_medium.py,
test_parser_typed_variants_matrix.py) and their story tests.
"""
from __future__ import annotations

import hashlib

from bench.parse_quality import score_document
from tracker.parsing import parse_plan_text, read_plan_bytes

#: the fields a copy must read as the gold has them (``score_document``'s counts; due dates left out: a copy may lose
#: the issue date they are counted from)
COMPARED = ("measures", "units", "deadlines", "deadline_precision")


def reads_right(gold: dict, name: str, data: bytes | str) -> bool:
    """Does the document ``data`` (text when ``name`` is "text", else the bytes of a file called ``name``) read as
    ``gold`` (a corpus ``.expected.json``) on every field of COMPARED?"""
    def read() -> list[dict]:
        draft = parse_plan_text(data) if name == "text" else read_plan_bytes(data, name)
        return [m.to_dict() for m in draft.measures]
    counts = score_document(gold, read)["counts"]
    return all(counts[key][0] == counts[key][1] == counts[key][2] for key in COMPARED if key in counts)


def wrapped(text: str, width: int) -> str:
    """``text`` as a narrow viewer or a printed page copies it: every line cut each ``width`` characters (≥ 1),
    wherever that falls (inside a name, a date or an annotation)."""
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def drawn(names: list[str], share: float, seed: int) -> list[str]:
    """The names of ``names`` a guard's pytest sample copies: each is drawn when the hash of ``seed`` and its own name
    falls in the first ``share`` (0–1) of the range, so about ``share`` of them, in name order. A document added to
    the development part never changes whether another is drawn (a ``random.sample`` over the list reshuffled every
    guard's sample, and its counted limits, each time a document was added)."""
    def point(name: str) -> float:
        digest = hashlib.sha256(f"{seed}:{name}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2 ** 64
    return sorted(name for name in names if point(name) < share)
