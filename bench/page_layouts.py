"""How well deadlines survive when a development plan is saved as a web page the way sites write them.

Each development plan kept as .txt whose gold file has deadlines is laid out again as a saved page in
three layouts a government site uses, and the deadlines read from the page are compared with the gold file
(GOLD-README, deadlines round 4):

- ``spans``: one <p> per line, the figures of every date in a ``<span lang="EN-US">`` on a source line of
  its own, as Word's "save as web page" writes them (``<span>2024</span>`` newline ``<span>年</span>``);
- ``spans+br``: the same, each paragraph's sentences split by a <br> (a line broken inside a paragraph);
- ``br``: the whole text in one <p>, its lines separated by <br> (a CMS editor's layout).

For each layout: deadlines read right / expected, deadlines read where the gold file has none, and gold
paths not read at all. Task tables written as text are left out (their cells would not survive the
layout). The development part only: the held-out test part is never read here.

Run from the repository root:  python bench/page_layouts.py
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import read_plan_bytes  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
_FIGURES_RE = re.compile(r"(\d{1,4})(?=[年月日号])")
_SENTENCE_END_RE = re.compile(r"(。)(?=[^（(])")
_TABLE_ROW_RE = re.compile(r"\t| [|｜] ", re.M)


def _spans(line: str) -> str:
    """``line`` (escaped) with the figures of its dates in spans of their own source lines."""
    return _FIGURES_RE.sub(lambda m: f'</span>\n<span lang="EN-US">{m.group(1)}</span>\n<span>', html.escape(line))


def _page(body: str) -> bytes:
    return f'<html><head><title>t</title></head><body><div class="TRS_Editor">{body}</div></body></html>'.encode()


LAYOUTS = {
    "spans": lambda lines: _page("".join(f"<p><span>{_spans(line)}</span></p>" for line in lines)),
    "spans+br": lambda lines: _page("".join("<p><span>" + _SENTENCE_END_RE.sub(r"\1<br>", _spans(line)) + "</span></p>"
                                            for line in lines)),
    "br": lambda lines: _page("<p><span>" + "<br>\n".join(_spans(line) for line in lines) + "</span></p>"),
}


def development_plans() -> list[dict]:
    """Gold files of the development part whose document is a plan kept as .txt."""
    test = set(json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8"))["test"])
    plans = []
    for path in sorted(CORPUS.glob("*.expected.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if path.name not in test and gold["kind"] == "plan" and gold["source"].endswith(".txt"):
            plans.append(gold)
    return plans


def main() -> int:
    totals = {name: [0, 0, 0, 0] for name in LAYOUTS}  # right, expected, extra, paths lost
    for gold in development_plans():
        want = {tuple(m["path"]): m.get("deadline") for m in gold["measures"]}
        if not any(want.values()):
            continue
        text = (CORPUS / gold["source"]).read_text(encoding="utf-8")
        if _TABLE_ROW_RE.search(text):
            continue  # a task table written as text: its cells would not survive the layout
        lines = [line for line in text.split("\n") if line.strip()]
        for name, layout in LAYOUTS.items():
            got = {tuple(m.path): m.deadline for m in read_plan_bytes(layout(lines), "page.html").measures}
            total = totals[name]
            total[0] += sum(1 for path, deadline in want.items() if deadline and got.get(path) == deadline)
            total[1] += sum(1 for deadline in want.values() if deadline)
            total[2] += sum(1 for path, deadline in want.items() if not deadline and got.get(path))
            total[3] += sum(1 for path in want if path not in got)
    for name, (right, expected, extra, lost) in totals.items():
        print(f"{name:10} deadlines {right}/{expected}   read where the gold has none {extra}   paths lost {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
