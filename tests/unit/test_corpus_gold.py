"""The gold files of tests/corpus/ are well-formed: what the bench and the corpus tests rely on.

Checks the files themselves (fields, paths, sources, the dev/test split), never the parser's score;
the conventions are in tests/corpus/GOLD-README.md.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLD_FILES = sorted(CORPUS.glob("*.expected.json"))
PARTS = json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8"))
KINDS = {"plan", "table", "webpage", "pdf", "speech"}
MEASURE_FIELDS = {"path", "title", "lead_units", "supporting_units", "deadline", "due_date"}
SOURCE_EXTENSIONS = {".txt", ".md", ".docx", ".html", ".htm", ".pdf"}


def gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name.split(".")[0] for p in GOLD_FILES])
def test_corpus_gold_file_names_an_existing_source_its_kind_and_fields(path):
    data = gold(path)
    assert {"source", "kind", "fields", "title", "measures"} <= set(data), path.name
    assert (CORPUS / data["source"]).is_file(), data["source"]
    assert Path(data["source"]).suffix in SOURCE_EXTENSIONS
    assert path.name == Path(data["source"]).stem + ".expected.json"
    assert data["kind"] in KINDS
    assert "path" in data["fields"] and set(data["fields"]) <= MEASURE_FIELDS
    assert data["title"] is None or isinstance(data["title"], str)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name.split(".")[0] for p in GOLD_FILES])
def test_corpus_gold_measures_have_every_compared_field_and_unique_paths(path):
    data = gold(path)
    paths = []
    for m in data["measures"]:
        assert set(data["fields"]) <= set(m) and set(m) <= MEASURE_FIELDS, m
        assert m["path"] and all(isinstance(t, str) and t and t == t.strip() for t in m["path"]), m
        for role in ("lead_units", "supporting_units"):
            units = m.get(role, [])
            assert isinstance(units, list) and all(isinstance(u, str) and u.strip() == u and u for u in units), m
            assert len(units) == len(set(units)), (m["path"], role)
        assert m.get("deadline") is None or (isinstance(m["deadline"], str) and m["deadline"].strip()), m
        if m.get("due_date") is not None:
            assert m.get("deadline"), m["path"]  # a due date is always derived from a written deadline
            datetime.date.fromisoformat(m["due_date"])
        paths.append(tuple(m["path"]))
    assert len(paths) == len(set(paths)), [p for p in paths if paths.count(p) > 1]


def test_corpus_every_document_has_a_gold_file():
    sources = {gold(p)["source"] for p in GOLD_FILES}
    documents = {p.name for p in CORPUS.iterdir() if p.suffix in SOURCE_EXTENSIONS and p.name not in
                 {"README.md", "GOLD-README.md"}}
    assert documents == sources


def test_corpus_split_holds_out_a_third_of_the_documents_of_mixed_kinds():
    names = {p.name for p in GOLD_FILES}
    test, dev_exact = set(PARTS["test"]), set(PARTS["dev_exact"])
    assert test <= names and dev_exact <= names
    assert not test & dev_exact  # the held-out part is never asserted on by the corpus tests
    assert len(test) * 3 >= len(names)
    assert {gold(CORPUS / n)["kind"] for n in test} == KINDS  # every kind is held out


def test_corpus_documents_made_from_one_text_are_in_the_same_part():
    """015/035, 032/037, 006/036, 053/058 and 136/138 are one text in two files: splitting them would leak."""
    test = set(PARTS["test"])
    for a, b in (("015_guandu_wenzengzhang", "035_guandu_table"), ("032_wuhu_2025_fenjie", "037_wuhu_2025_fenjie"),
                 ("006_lishan_fengong", "036_lishan_table"),
                 ("053_guangzhou_rencai_jiju", "058_guangzhou_rencai_table"),
                 ("136_qiaocheng_2025_fenjie_table", "138_qiaocheng_2025_fenjie")):
        assert (f"{a}.expected.json" in test) == (f"{b}.expected.json" in test), (a, b)
