"""The quality bench (bench/parse_quality.py) scores what it says: F1 by path, units by (path, role,
name), deadlines as written, and every gold file in exactly one part."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location("parse_quality", ROOT / "bench" / "parse_quality.py")
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)


def test_parse_quality_f1_counts_a_missed_and_an_extra_measure():
    got = Counter([("一",), ("一", "1"), ("二",)])
    want = Counter([("一",), ("一", "1"), ("一", "2")])
    right = sum((got & want).values())
    assert quality.summarize({"measures": [right, 3, 3]})["measures_f1"] == 2 / 3


def test_parse_quality_units_are_compared_with_their_role():
    got = [{"path": ["1"], "lead_units": ["市财政局"], "supporting_units": ["市商务局"]}]
    want = [{"path": ["1"], "lead_units": ["市商务局"], "supporting_units": ["市财政局"]}]
    assert not quality._units(got) & quality._units(want)  # right names in the wrong roles score nothing


def test_parse_quality_nothing_expected_and_nothing_found_is_not_scored():
    summary = quality.summarize({"measures": [0, 0, 0], "deadlines": [0, 0, 0]})
    assert summary["measures_f1"] is None and summary["deadlines"] is None and summary["units_f1"] is None


def test_parse_quality_every_gold_file_is_in_exactly_one_part():
    parts = quality.load_parts()
    gold = {p.name for p in quality.CORPUS.glob("*.expected.json")}
    assert set(parts["dev"]) | set(parts["test"]) == gold
    assert not set(parts["dev"]) & set(parts["test"])
    assert json.loads(quality.PARTS_FILE.read_text(encoding="utf-8"))["test"] == parts["test"]


def test_parse_quality_reports_each_wave_of_the_test_part_apart():
    waves = [{"label": "wave 3", "first": 53, "last": 88}, {"label": "wave 4", "first": 130, "last": 159}]
    assert quality._wave_of("053_a.expected.json", waves) == "wave 3"
    assert quality._wave_of("131_b.expected.json", waves) == "wave 4"
    assert quality._wave_of("100_c.expected.json", waves) is None
    # Every test-part document belongs to a wave PARTS.json names (waves group the test part only: a
    # document that moved to the development part keeps its number and is scored there).
    parts = quality.load_parts()
    for name in parts["test"]:
        assert quality._wave_of(name, quality.load_waves()) is not None, name


def test_parse_quality_no_document_number_falls_in_two_waves():
    """A wave's figure is read apart from the others (a wave scored once stays comparable): each wave's
    range of numbers must end where the next begins, or the first wave listed takes the other's documents
    (stop 34's wave 20 range 942–971 ran over wave 21's 954–969, and wave 19's 930–959 over both)."""
    taken: dict[int, str] = {}
    for wave in quality.load_waves():
        for number in range(wave["first"], wave["last"] + 1):
            assert number not in taken, f"{number} is in {taken.get(number)} and {wave['label']}"
            taken[number] = wave["label"]


def test_parse_quality_a_deadline_read_where_the_gold_has_none_lowers_the_precision(monkeypatch):
    gold = {"source": "x.txt", "kind": "plan", "fields": ["path", "deadline"],
            "measures": [{"path": ["1"], "deadline": "6月底前"}, {"path": ["2"], "deadline": None}]}

    class Read:
        def __init__(self, path, deadline):
            self.path, self.deadline = path, deadline

        def to_dict(self):
            return {"path": self.path, "deadline": self.deadline}

    class Draft:
        measures = [Read(["1"], "6月底前"), Read(["2"], "按月")]

    monkeypatch.setattr(quality, "read_plan_file", lambda path: Draft())
    counts = quality.score_document(gold)["counts"]
    assert counts["deadlines"] == [1, 1, 1]  # recall: the one gold deadline was read
    assert quality.summarize(counts)["deadline_precision"] == 0.5  # "按月" where the gold has none
