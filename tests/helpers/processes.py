"""Open a file with one of the tracker's readers in a fresh Python process, to measure its memory alone."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import ROOT


def refusal_in_a_fresh_process(reader: str, path: Path) -> tuple[str, int]:
    """Open ``path`` with ``reader`` ("module:function") in a new Python process.

    Returns ``(refusal code, MB of resident memory grown)``. The refusal code is the ``code``
    of the refusal (LedgerRefused, or a PlanReadError of a refused .docx), or "" when the file
    was not refused. A fresh process makes the memory figure the reader's own (SECURITY-TESTS E2).
    """
    module, function = reader.split(":")
    script = (
        "import resource, sys\n"
        f"from {module} import {function} as read\n"
        "from tracker.ledger import LedgerRefused\n"
        "from tracker.parsing import PlanReadError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    read(sys.argv[1]); print('-')\n"
        "except (LedgerRefused, PlanReadError) as error:\n    print(error.code or 'uncoded')\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    output = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return ("" if output[0] == "-" else output[0]), int(output[1])
