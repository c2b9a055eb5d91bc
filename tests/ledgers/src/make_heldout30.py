"""Write the held-out part of tests/ledgers (files 100–129, stop 30) and their hand-typed gold.

Usage (from the repository root): ``.venv/bin/python tests/ledgers/src/make_heldout30.py``.
Each file is made from one real public document (its URL is the gold's ``made_from``); the rows are
transcribed in heldout30_ledgers_a/b.py and heldout30_indicators.py, never read back by a reader.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout30_common import run_makers  # noqa: E402
import heldout30_indicators as indicators  # noqa: E402
import heldout30_ledgers_a as ledgers_a  # noqa: E402
import heldout30_ledgers_b as ledgers_b  # noqa: E402


def main() -> None:
    """Run every maker in number order."""
    run_makers(ledgers_a, ledgers_b, indicators)


if __name__ == "__main__":
    main()
