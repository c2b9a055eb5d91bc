"""Write the held-out files 300–311 of tests/ledgers (stop 40, branch heldledger) and their hand-typed gold.

Usage (from the repository root): ``.venv/bin/python tests/ledgers/src/make_heldout300.py``.
Each file is made from one real public page (its URL is the gold's ``made_from``); the rows are
transcribed in heldout300_ledgers.py and heldout300_indicators.py, never read back by a reader. The
layout helpers are the stop-30 ones (heldout30_common.py), so every held-out part is written alike.
Held-out files are numbered 100–199 and 300–399 (tests/ledgers/PARTS.json "test").
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout30_common import run_makers  # noqa: E402
import heldout300_indicators as indicators  # noqa: E402
import heldout300_ledgers as ledgers  # noqa: E402


def main() -> None:
    """Run every maker in number order."""
    run_makers(ledgers, indicators)


if __name__ == "__main__":
    main()
