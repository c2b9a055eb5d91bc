"""Where a person word is seen: the ledger reader, a task table's unit cells, a plan's annotation.

``seen_by_the_three_uses(word)`` asks the three uses of tracker/vocabulary/persons.py in this process;
``seen_with_the_word_added(word)`` asks them in a fresh Python process whose person nouns have
``word`` added before anything reads them (as if it were written in persons.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers.paths import ROOT


def seen_by_the_three_uses(word: str) -> dict[str, bool]:
    """Which uses read ``word`` as a person's: {"ledger header", "table cell", "annotation": bool}.

    - a ledger whose header writes ``word`` over a column: that column is the 责任人 field;
    - a task table whose unit column is captioned "牵头单位（word）": the persons in its cells
      ("市发改委（张三）", "市财政局 word：李四") are left out, the units kept;
    - an annotation "（牵头单位：市发改委；word：张三，电话：…）": 张三 is read and left out.
    Imports the tracker when called (so that a process may change the words first).
    """
    from tracker.ledger import read_ledger
    from tracker.parsing import parse_plan_text

    ledger = read_ledger(f"序号,具体措施,牵头单位,{word}\n1,建成数据平台。,市大数据局,张三\n".encode(), "台账.csv")
    [row] = parse_plan_text(f"序号\t工作任务\t牵头单位（{word}）\t配合单位\n"
                            f"1\t扩大有效投资。\t市发改委（张三）\t市财政局 {word}：李四\n").measures
    [annotated] = parse_plan_text(f"一、扩大有效投资。（牵头单位：市发改委；{word}：张三，电话：12345678）\n").measures
    return {
        "ledger header": ledger.column_map.get("责任人") == "D",
        "table cell": (row.lead_units, row.supporting_units) == (["市发改委"], ["市财政局"]),
        "annotation": (annotated.lead_units, annotated.supporting_units) == (["市发改委"], []),
    }


def seen_with_the_word_added(word: str, added: str | None) -> dict[str, bool]:
    """``seen_by_the_three_uses(word)`` in a fresh process where ``added`` (None: nothing) is one
    more of ``persons.PERSON_NOUNS``, added before any use has read the words."""
    script = "\n".join([
        "import json, sys",
        "import tracker.vocabulary.persons as persons",
        "assert not [m for m in sys.modules if m.startswith(('tracker.vocabulary.', 'tracker.parsing', 'tracker.ledger'))"
        " and m != 'tracker.vocabulary.persons'], 'a use read the words before they were changed'",
        "if sys.argv[2]:",
        "    persons.PERSON_NOUNS += (sys.argv[2],)",
        "from tests.helpers.persons import seen_by_the_three_uses",
        "print(json.dumps(seen_by_the_three_uses(sys.argv[1])))",
    ])
    done = subprocess.run([sys.executable, "-c", script, word, added or ""], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
