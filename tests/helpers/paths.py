"""Where things are: the repository root, the plan corpus (real texts with hand-checked parses), artifacts."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
CHONGQING = CORPUS / "003_617224a5fd120f29.txt"
CHONGQING_GOLD = CORPUS / "003_617224a5fd120f29.expected.json"
ARTIFACTS = ROOT / "test-artifacts"  # screenshots of the browser tests, for a person to look at


def corpus_number(name: str) -> int:
    """The number a corpus file name starts with (``"031_x.txt"`` → 31, ``"1004_x.expected.json"`` → 1004;
    three digits up to 999, four from 1000 on, when the three-digit numbers ran out), or -1 for a name
    without one. PARTS.json's waves and the test ids are by this number."""
    head = name.split("_", 1)[0]
    return int(head) if head.isdigit() else -1


def corpus_id(name: str) -> str:
    """A corpus file's number as written in its name (``"031"``, ``"1004"``): the id of its test case."""
    return name.split("_", 1)[0]
