"""The ledger quality bench (bench/ledger_quality.py) scores what it says, and the development part of the ledger
corpus (tests/ledgers/, DEV.json) reads at least as well as it did: a change that makes the tracker read an office's
ledger or indicator table worse stops here."""
from __future__ import annotations

import importlib.util
import json

from tests.helpers.paths import ROOT, corpus_number

spec = importlib.util.spec_from_file_location("ledger_quality", ROOT / "bench" / "ledger_quality.py")
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)

DEV = json.loads((quality.LEDGERS / "DEV.json").read_text(encoding="utf-8"))


def _row(number, measure, lead=(), supporting=(), group=False, **fields):
    return {"number": number, "is_group": group, "measure": measure, "lead_units": list(lead),
            "supporting_units": list(supporting), **fields}


def test_ledger_quality_every_development_file_reads_at_least_at_its_floor():
    part = quality.score_part(sorted(DEV["floors"]))
    worse = {}
    for result in part["files"]:
        for field, floor in DEV["floors"][result["stem"]].items():
            if (result[field] or 0.0) < floor:
                worse.setdefault(result["stem"], {})[field] = (result[field], floor, result["error"])
    assert not worse, f"read worse than before (figure, floor, error): {worse}"
    not_exact = [r["stem"] for r in part["files"] if r["stem"] in DEV["dev_exact"] and not r["exact"]]
    assert not not_exact, f"no longer read exactly: {not_exact}"


def test_ledger_quality_the_development_files_are_never_the_held_out_ones():
    parts = quality.load_parts()
    assert set(DEV["floors"]) <= set(parts["dev"]), "a file with a floor in DEV.json is listed in PARTS.json's test part"
    assert set(DEV["dev_exact"]) <= set(DEV["floors"])
    for stem in DEV["floors"]:
        number = int(stem[:3])
        assert 1 <= number <= 99 or 200 <= number <= 299, f"{stem}: development files are numbered 001–099 or 200–299"
        gold = json.loads((quality.LEDGERS / f"{stem}.expected.json").read_text(encoding="utf-8"))
        assert (quality.LEDGERS / gold["source"]).exists() and gold["source"].startswith(stem)
        assert gold["kind"] in quality.KINDS and gold["made_from"].startswith("http")


HELD_OUT_NUMBERS = (range(100, 200), range(300, 400))  # 100–199, then 300–399 once the first range ran short


def test_ledger_quality_every_held_out_file_is_numbered_in_a_held_out_range_and_has_its_table_and_gold():
    parts = quality.load_parts()
    assert parts["test"], "PARTS.json lists no held-out file"
    for stem in parts["test"]:
        assert any(corpus_number(stem) in numbers for numbers in HELD_OUT_NUMBERS), \
            f"{stem}: held-out files are numbered 100–199 or 300–399"
        gold = json.loads((quality.LEDGERS / f"{stem}.expected.json").read_text(encoding="utf-8"))
        assert (quality.LEDGERS / gold["source"]).exists() and gold["source"].startswith(stem)
        assert gold["kind"] in quality.KINDS and gold["made_from"].startswith("http")
    unlisted = [stem for stem in parts["dev"] if corpus_number(stem) in HELD_OUT_NUMBERS[1]]
    assert not unlisted, f"numbered 300–399 but not in PARTS.json's test part (scored as development material): {unlisted}"


def _page(url: str) -> str:
    return url.split("//", 1)[-1].rstrip("/")


def test_ledger_quality_no_held_out_file_is_made_from_a_page_a_development_file_was_made_from():
    parts = quality.load_parts()
    made_from = {stem: _page(json.loads((quality.LEDGERS / f"{stem}.expected.json").read_text(encoding="utf-8"))
                             ["made_from"]) for stem in parts["dev"] + parts["test"]}
    seen = {made_from[stem]: stem for stem in parts["dev"]}
    twins = {stem: seen[made_from[stem]] for stem in parts["test"] if made_from[stem] in seen}
    assert not twins, f"held-out files made from a development file's page (held out means unseen): {twins}"


def test_ledger_quality_a_missed_row_lowers_the_rows_f1_and_a_unit_in_the_wrong_role_scores_nothing():
    gold = {"rows": [_row("一", "优化营商环境", group=True), _row("1", "推进 “一网通办”。", ["市政务办"], ["市发改委"]),
                     _row("2", "压减审批时限。", ["市发改委"])]}
    read = [_row("一、", "优化营商环境", group=True), _row("1", "推进“一网通办”。", ["市发改委"], ["市政务办"])]
    counts = quality.score_ledger(gold, read)
    assert counts["rows"] == [2, 2, 3]  # 序号 as written minus its 、, text whitespace-free: two of three found
    assert quality.score("rows", counts["rows"]) == 0.8
    assert counts["groups"] == [1, 1, 1]
    assert counts["lead"] == [0, 1, 2] and counts["supporting"] == [0, 1, 1]  # right names, wrong roles


def test_ledger_quality_vague_collectives_are_left_out_and_a_deadline_read_where_the_gold_has_none_counts_against():
    gold = {"rows": [_row("1", "完善机制。", ["市财政局", "各有关单位"], deadline=None, status="closed", progress=" 已印发。"),
                     _row("2", "开展督查。", ["市督查室"], deadline="2024年底前", status=None, progress=None)]}
    read = [_row("1", "完善机制。", ["市财政局"], deadline="长期", status="closed", progress="已印发。"),
            _row("2", "开展督查。", ["市督查室"], deadline="2024年底前", status="in_progress", progress=None)]
    counts = quality.score_ledger(gold, read)
    assert counts["lead"] == [2, 2, 2]  # 各有关单位 is no unit
    assert counts["deadline"] == [1, 2, 2]  # "长期" where the gold has none is wrong
    assert counts["status"] == [1, 2, 2] and counts["progress"] == [1, 1, 1]


def test_ledger_quality_reads_a_status_cell_as_the_trackers_status_code():
    assert quality.status_code("已完成") == "closed"
    assert quality.status_code(" 序时推进 ") == "in_progress"
    assert quality.status_code("申请办结") == "close_requested"  # the tracker's own label
    assert quality.status_code("请核实") is None and quality.status_code("") is None


def test_ledger_quality_a_figure_counts_within_half_a_cent_of_the_gold():
    gold = {"period": "2024-07", "figures": [{"entity": "工商银行XX分行", "indicator": "各项存款余额", "value": 1234.56},
                                             {"entity": "农业银行XX分行", "indicator": "各项存款余额", "value": 99.0}]}
    got = [("工商银行 XX分行", "各项存款余额", 1234.564), ("农业银行XX分行", "各项存款余额", 99.01)]
    assert quality.score_indicators(gold, "2024-07", got) == {"period": [1, 1, 1], "figures": [1, 2, 2]}
    assert quality.score_indicators(gold, None, [])["period"] == [0, 1, 1]


def test_ledger_quality_a_refused_file_counts_as_nothing_read_and_keeps_its_chinese_message(tmp_path, monkeypatch):
    (tmp_path / "001_bad.xlsx").write_bytes("一份会议纪要，不是台账".encode())  # read by its bytes: a one-line text
    (tmp_path / "001_bad.expected.json").write_text(json.dumps(
        {"source": "001_bad.xlsx", "kind": "ledger", "made_from": "http://example.org", "title": None,
         "rows": [_row("1", "推进改革。", ["市发改委"])]}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(quality, "LEDGERS", tmp_path)
    result = quality.score_file("001_bad")
    assert result["error"].startswith("拒收：") and "没有找到表头" in result["error"]
    assert result["counts"]["rows"] == [0, 0, 1] and not quality.is_exact(result)
