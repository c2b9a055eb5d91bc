"""One clock: every module of the tracker reads "today" as ``clock.beijing_today()`` at each call.

A module that wrote ``from ..clock import beijing_today`` kept its own reference: a test that moves the
clock (``monkeypatch.setattr(tracker.clock, "beijing_today", ...)``) moved it everywhere but there, and a
module first imported while the clock was moved kept the moved day for every later test.
"""
from __future__ import annotations

import ast

from tests.helpers.paths import ROOT


def test_no_tracker_module_binds_beijing_today_or_utcnow_by_name():
    """Nor ``utcnow`` (workflow50): the journal's entries and the models' column defaults bound it by name, so a
    split made while the tests moved the clock was journalled on the real day, its part dated on the app's."""
    bound = []
    for path in sorted((ROOT / "tracker").rglob("*.py")):
        if path.name == "clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and (node.module or "").endswith("clock")
                    and any(alias.name in ("beijing_today", "utcnow") for alias in node.names)):
                bound.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bound, f"import the clock module and call clock.beijing_today() or clock.utcnow() instead: {bound}"
