"""Hostile and damaged plan files get one Chinese sentence, quickly (issue 14 items 2, 3, 5, 14).

Stories: an office uploads a .docx whose styles are basedOn each other in a cycle, whose list
numbering starts at 10^11, or whose XML is malformed in one of the ways a broken converter
writes; the reader answers at once that the file is damaged, never spins or shows a traceback.
Someone pastes just "一、": the parser gives an empty draft with its usual warning.
"""
from __future__ import annotations
import pytest

from tests.hostile import make_files
from tracker.archives import prolog_is_unsafe
from tracker.parsing import PlanReadError, parse_plan_text, read_plan_bytes
from tracker.parsing.readers import docx_text

DAMAGED = {
    "style_cycle.docx": make_files.style_cycle_docx,
    "roman_start_1e11.docx": make_files.roman_start_docx,
    "ilvl_not_integer.docx": make_files.ilvl_text_docx,
    "start_not_integer.docx": make_files.start_text_docx,
    "paragraph_ilvl_not_integer.docx": make_files.paragraph_ilvl_text_docx,
    "numid_not_integer.docx": make_files.num_id_text_docx,
    "ilvl_10.docx": make_files.ilvl_ten_docx,
    "paragraph_ilvl_12.docx": make_files.paragraph_ilvl_ten_docx,
    "gridspan_not_integer.docx": make_files.grid_span_text_docx,
    "vmerge_continue_first_row.docx": make_files.vmerge_first_row_docx,
    "document_xml_malformed.docx": make_files.bad_document_xml_docx,
    "styles_xml_malformed.docx": make_files.bad_styles_xml_docx,
}
from tests.helpers.budget import cpu_seconds_under


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_docx_is_answered_in_chinese_as_damaged(name):
    data = DAMAGED[name]()
    with cpu_seconds_under(5):
        with pytest.raises(PlanReadError) as refused:
            read_plan_bytes(data, name)
    assert refused.value.code == "corrupt"
    assert str(refused.value).startswith(f"文件 {name} 已损坏") and "另存为新的 .docx" in str(refused.value)


def test_roman_numbering_with_a_sane_start_still_labels_items():
    data = make_files.docx_with(make_files.paragraph("加强金融监管", num_id="1"),
                                make_files.numbering(fmt="upperRoman", start="4", text="%1."))
    assert docx_text(data, "罗马编号.docx") == "IV.加强金融监管"


def test_styles_chain_without_cycle_still_gives_the_style_numbering():
    chain = ('<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:numPr>'
             '<w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
             '<w:style w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Base"/></w:style>')
    data = make_files.docx_with(make_files.paragraph("加强金融监管", style="Child"), make_files.numbering(),
                                styles_xml=make_files.styles(chain))
    assert [m.number for m in read_plan_bytes(data, "样式编号.docx").measures] == ["一、"]


def test_pasting_a_bare_number_gives_one_empty_item_instead_of_an_error():
    for text in ("一、", "1.", "（一）", "一、 \n"):
        draft = parse_plan_text(text)
        assert [(m.number, m.text) for m in draft.measures] == [(text.strip(), "")]


def test_doctype_in_utf32_is_seen_with_or_without_byte_order_mark():
    xml = '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE d [<!ENTITY a "x">]><d/>'
    for encoding in ("utf-32", "utf-32-le", "utf-32-be"):
        assert prolog_is_unsafe(xml.encode(encoding))
    assert not prolog_is_unsafe('<?xml version="1.0" encoding="UTF-32"?><d/>'.encode("utf-32"))


def test_billion_laughs_in_utf32_docx_is_refused_as_unsafe():
    with pytest.raises(PlanReadError) as refused:
        read_plan_bytes(make_files.utf32_doctype_docx(), "笑.docx")
    assert refused.value.code == "unsafe_xml" and "DOCTYPE" in str(refused.value)
