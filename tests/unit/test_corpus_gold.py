"""The gold files of tests/corpus/ are well-formed: what the bench and the corpus tests rely on.

Checks the files themselves (fields, paths, sources, the dev/test split), never the parser's score;
the conventions are in tests/corpus/GOLD-README.md.
"""
from __future__ import annotations

import collections
import datetime
import functools
import json
import re
import zlib
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
    awaiting = set(PARTS.get("dev_awaiting_parser", []))  # development documents the parser misreads yet
    assert awaiting <= names and not awaiting & (test | dev_exact)
    assert len(test) * 3 >= len(names)
    assert {gold(CORPUS / n)["kind"] for n in test} == KINDS  # every kind is held out


def _text_of(source: str) -> str:
    """The text a document was made from: the file itself, or for a made .docx/.pdf its src/ text or
    table (tests/corpus/src/make_documents.py); for a real .docx or .pdf (no src/ file) the text python-docx
    or pdfminer.six reads from it (paragraphs and table cells; the text layer). Markup, cell bars and
    whitespace left out; a file that cannot be read gives ""."""
    path = CORPUS / source
    if path.suffix in (".docx", ".pdf"):
        made = [CORPUS / "src" / f"{path.stem}{ext}" for ext in (".txt", ".table.tsv")]
        source_text = next((p for p in made if p.is_file()), None)
        text = source_text.read_text(encoding="utf-8", errors="ignore") if source_text else _read_office(path)
    else:
        text = path.read_text(encoding="utf-8", errors="ignore")
    return re.sub(r"<[^>]+>|[\s|\t]", "", text)


def _read_office(path: Path) -> str:
    """The words of a real Word or PDF file (str), read by python-docx or pdfminer.six, not by the parser
    (held-out documents are never parsed outside the bench); "" when the file cannot be read."""
    try:
        if path.suffix == ".docx":
            import docx

            document = docx.Document(str(path))
            cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
            return "\n".join([p.text for p in document.paragraphs] + cells)
        from pdfminer.high_level import extract_text

        return extract_text(str(path))
    except Exception:  # noqa: BLE001 - a damaged file only leaves this hygiene check without its text
        return ""


def _fingerprint(text: str, width: int = 20) -> set[int]:
    """A sample of the text's ``width``-character pieces chosen by their content (CRC-32 % 8 == 0), so that
    two copies of one text share their samples wherever each copy starts. CRC-32, not ``hash()``: Python
    salts ``hash`` of a str per process, which drew a different sample each run and let two short texts of
    one series (a province's work report of two years) cross the threshold in one run in forty."""
    pieces = (zlib.crc32(text[i:i + width].encode("utf-8")) for i in range(len(text) - width))
    return {h for h in pieces if h % 8 == 0}


@functools.lru_cache(maxsize=1)
def _prints() -> dict[str, set[int]]:
    """Each gold file's name → the fingerprint of its document's text (read once per run)."""
    return {path.name: _fingerprint(_text_of(gold(path)["source"])) for path in GOLD_FILES}


def _shares_text(one: set[int], other: set[int]) -> bool:
    """True when two fingerprints share more than half of the shorter one's pieces (one text, two files)."""
    return bool(one) and bool(other) and len(one & other) > 0.5 * min(len(one), len(other))


def test_corpus_no_text_is_in_both_parts():
    """One text in two files (a .txt and its Word table, a page found twice by two searches) must be in one
    part: a development copy of a test document leaks it (GOLD-README "The split"). Any development and test
    document sharing more than half of the shorter one's pieces is reported."""
    test = set(PARTS["test"])
    prints = _prints()
    shared = [(dev_name, test_name) for dev_name, dev_print in prints.items() if dev_name not in test
              for test_name in test if _shares_text(dev_print, prints.get(test_name) or set())]
    assert not shared, f"the same text in the development and the test part: {shared}"


def _wave_of(name: str) -> str:
    """The label of the PARTS.json wave whose number ranges hold a gold file's number ("" when none does)."""
    number = int(re.match(r"\d+", name).group())
    return next((w["label"] for w in PARTS["waves"] if w["first"] <= number <= w["last"]), "")


def test_corpus_no_held_out_text_is_in_two_waves():
    """A held-out document found again by a later wave's typist (the same stored page, or its text in
    another file) would be scored twice, and its second first read would not be blind: twins of one
    document belong to the wave that made them. Test documents of two waves (or of none) sharing more than
    half of the shorter one's pieces are reported."""
    prints = _prints()
    holders: dict[int, list[str]] = collections.defaultdict(list)  # a piece → the test documents holding it
    for name in sorted(PARTS["test"]):
        for piece in prints.get(name) or ():
            holders[piece].append(name)
    common = collections.Counter(pair for names in holders.values()
                                 for i, one in enumerate(names) for pair in ((one, other) for other in names[i + 1:]))
    shared = [(one, other) for (one, other), count in sorted(common.items())
              if (_wave_of(one) != _wave_of(other) or not _wave_of(one))
              and count > 0.5 * min(len(prints[one]), len(prints[other]))]
    assert not shared, f"the same text in two held-out waves: {shared}"


