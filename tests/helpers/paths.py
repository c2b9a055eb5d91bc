"""Where things are: the repository root, the plan corpus (real texts with hand-checked parses), artifacts."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
CHONGQING = CORPUS / "003_617224a5fd120f29.txt"
CHONGQING_GOLD = CORPUS / "003_617224a5fd120f29.expected.json"
ARTIFACTS = ROOT / "test-artifacts"  # screenshots of the browser tests, for a person to look at
