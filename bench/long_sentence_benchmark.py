"""Time ``deadlines.find_text_deadline`` on one long sentence naming many times, at 2,000 and 20,000 characters.

Each sentence repeats one clause with a time, joined by commas and closed by one full stop: the two of docs/benchmarks.md
"One long sentence naming many times" (results reported, `2000年完成了改造`; past targets, `到2001年已建成`) and three whose
time runs on into its clause (`2000年3月开会`, `2000年底推进工作`, `2000年3月省政府召开会议`: no work stated, so each time's
clause is checked to the sentence's end and none is read). Each size is read five times and the best CPU time kept; the
ratio of the two sizes is about 10 when the reading is linear in the sentence's length, about 100 when each time searches
the rest of the sentence again (branch kinds42). 20,000 characters is the window ``find_text_deadline`` reads.

Run from the repository root:  python bench/long_sentence_benchmark.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing.deadlines import find_text_deadline  # noqa: E402

SIZES = (2_000, 20_000)
FORMS = {
    "results reported (2000年完成了改造)": lambda i: f"{2000 + i % 20}年完成了改造",
    "past targets (到2001年已建成)": lambda i: f"到{2001 + i % 20}年已建成",
    "run-on month, no work (2000年3月开会)": lambda i: f"{2000 + i % 20}年{i % 12 + 1}月开会",
    "run-on year's end, no finishing (2000年底推进工作)": lambda i: f"{2000 + i % 20}年底推进工作",
    "run-on month, an event (2000年3月省政府召开会议)": lambda i: f"{2000 + i % 20}年{i % 12 + 1}月省政府召开会议",
}


def sentence(clause, chars: int) -> str:
    """Clauses ``clause(i)`` joined by commas up to about ``chars`` characters, closed by a full stop."""
    parts, length = [], 0
    while length < chars:
        parts.append(clause(len(parts)))
        length += len(parts[-1]) + 1
    return "，".join(parts) + "。"


def best_seconds(text: str, runs: int = 5) -> float:
    """The least CPU seconds of ``runs`` readings of ``text``."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        find_text_deadline(text)
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    print(f"| sentence | {' | '.join(f'{size:,} chars (s)' for size in SIZES)} | ratio |")
    print("|---|" + "---|" * (len(SIZES) + 1))
    for name, clause in FORMS.items():
        seconds = [best_seconds(sentence(clause, size)) for size in SIZES]
        print(f"| {name} | {' | '.join(f'{s:.4f}' for s in seconds)} | {seconds[-1] / seconds[0]:.1f} |")


if __name__ == "__main__":
    main()
