"""Time ``parse_plan_text`` on a large plan built from the real texts of tests/corpus/.

The plan: the items of the corpus documents (seeds 000–003 and 005–014; the speeches give the
long paragraphs, the plans the annotations), written back with their unit annotations and
renumbered as 95 headings "一、…" of 21 items "（一）…" each (2,090 measures, about 300,000
characters); 2x and 4x repeat it under section markers 【篇一】, 【篇二】, … so that the text
stays a valid plan. After one warm-up parse, each size is parsed three times with the garbage
collector paused (as ``timeit`` does) and the best time kept; the table shows the time and its
ratio to 1x (linear time gives about 2 and 4).

Run from the repository root:  python bench/parse_benchmark.py
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_plan_text, read_plan_file  # noqa: E402
from tracker.parsing.docx_numbering import chinese_number  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
# The development documents the parser reads exactly (tests/corpus/PARTS.json), text files, not 004.
PLANS = sorted(name for name in (json.loads((CORPUS / gold).read_text(encoding="utf-8"))["source"]
                                 for gold in json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8"))["dev_exact"])
               if name.endswith(".txt") and name[:3] != "004")
HEADINGS, ITEMS = 95, 21


def corpus_items() -> list[str]:
    """Leaf measures of the corpus plans as lines of text with their annotation."""
    items = []
    for name in PLANS:
        draft = read_plan_file(CORPUS / name)
        parents = {tuple(m.path[:-1]) for m in draft.measures}
        for m in draft.measures:
            if tuple(m.path) in parents or not m.text:
                continue
            parts = []
            if m.lead_units:
                parts.append("牵头单位：" + "、".join(m.lead_units))
            if m.supporting_units:
                parts.append("配合单位：" + "、".join(m.supporting_units))
            if m.deadline:
                parts.append("完成时限：" + m.deadline)
            annotation = f"（{'；'.join(parts)}）" if parts else ""
            items.append(m.text.replace("\n", "") + annotation)
    return items


def build_plan(items: list[str]) -> str:
    """One plan of HEADINGS x ITEMS measures (plus headings), cycling through ``items``."""
    lines, k = ["某市重点任务分工方案（基准测试）", "2024年3月1日"], 0
    for h in range(1, HEADINGS + 1):
        lines.append(f"{chinese_number(h)}、第{h}组重点任务")
        for i in range(1, ITEMS + 1):
            lines.append(f"（{chinese_number(i)}）{items[k % len(items)]}")
            k += 1
    return "\n".join(lines)


def build(copies: int, plan: str) -> str:
    """``copies`` copies of ``plan``, each under its own 【篇N】 marker."""
    return "\n".join(f"【篇{chinese_number(n)}】第{n}份方案\n{plan}" for n in range(1, copies + 1))


def best_of(text: str, runs: int = 3) -> tuple[float, int]:
    best, measures = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            draft = parse_plan_text(text)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
        measures = len(draft.measures)
    return best, measures


def main() -> None:
    plan = build_plan(corpus_items())
    parse_plan_text(plan)  # warm-up: compiled regular expressions, imports
    print(f"{'size':>4}  {'characters':>10}  {'measures':>8}  {'best of 3 (s)':>13}  {'ratio to 1x':>11}")
    base = None
    for copies in (1, 2, 4):
        text = build(copies, plan)
        seconds, measures = best_of(text)
        base = base or seconds
        print(f"{copies:>3}x  {len(text):>10,}  {measures:>8,}  {seconds:>13.3f}  {seconds / base:>11.2f}")


if __name__ == "__main__":
    main()
