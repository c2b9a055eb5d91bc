"""Every hostile file of tests/hostile/make_files.py, read in a fresh process: a clean answer,
in time and memory (issue 14, SECURITY-TESTS.md H1–H4).

Story: someone sends the tracker each of the files an attacker would (style cycles, runaway list
numbering, malformed parts, a DOCTYPE in UTF-32, 900,000 paragraphs, 30,000 nested <div>, 138,000
items, 600,000 cell formats, 2.2 million shared strings, 40,000 sibling <div> holding 470,000
characters: valid HTML, past the character budget). Each read, in its own new process as a worker would run it, costs under 5 s of CPU
with a Chinese refusal (or the draft), and adds less than 200 MB to the process. The files are generated into a temporary folder (never committed).
"""
from __future__ import annotations

import pytest

from tests.hostile.make_files import FILES
from tests.hostile.measure import measure

EXPECTED = {
    "style_cycle.docx": "corrupt", "roman_start_1e11.docx": "corrupt", "ilvl_not_integer.docx": "corrupt",
    "start_not_integer.docx": "corrupt", "paragraph_ilvl_not_integer.docx": "corrupt",
    "numid_not_integer.docx": "corrupt", "ilvl_10.docx": "corrupt", "paragraph_ilvl_12.docx": "corrupt",
    "gridspan_not_integer.docx": "corrupt", "vmerge_continue_first_row.docx": "corrupt",
    "document_xml_malformed.docx": "corrupt", "styles_xml_malformed.docx": "corrupt",
    "utf32_doctype.docx": "unsafe_xml", "paragraphs_900k.docx": "too_many_paragraphs",
    "nested_div_330k.html": "too_deep", "sibling_divs_40k.html": "too_many_chars", "items_138k.txt": "too_many_paragraphs",
    "styles_600k.xlsx": "too_many_styles", "shared_strings_2_2m.xlsx": "too_many_shared_strings",
}


def test_every_generated_file_has_an_expected_answer():
    assert set(EXPECTED) == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_file_is_refused_in_chinese_within_5_s_and_200_mb(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(FILES[name]())
    result = measure(path, timeout=30)
    assert result["code"] == EXPECTED[name], result
    if EXPECTED[name]:  # refused: a Chinese sentence naming the file
        assert name in result["answer"] and any("\u4e00" <= ch <= "\u9fff" for ch in result["answer"])
    else:  # a valid page, read in linear time
        assert result["answer"].startswith("read: ")
    # CPU seconds of the reading process: the work the file costs, whatever else the machine runs
    # (wall seconds are printed by tests/hostile/measure.py for a person to read).
    assert result["cpu_seconds"] < 5, result
    assert result["grown_mb"] < 200, result
