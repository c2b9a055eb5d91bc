"""PDF plans (issue 13): a PDF with a text layer is read with its tables into the same draft as
the document's text; a scanned PDF without text gets a clear Chinese error saying so."""
from __future__ import annotations

import pytest

from tracker.parsing import PlanReadError, read_plan_bytes
from tracker.parsing.pdf import pdf_text

from tests.helpers.pdf import NOTICE, SIGNATURE, TABLE, scanned_pdf, text_pdf

def test_pdf_task_table_gives_one_measure_per_row_with_units_and_deadlines():
    draft = read_plan_bytes(text_pdf(NOTICE, TABLE, SIGNATURE), "分工方案.pdf")
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    first = draft.measures[0]
    assert first.text == "建立健全政务数据共享协调机制，编制共享责任清单，推动数据按需共享。"
    assert (first.lead_units, first.supporting_units) == (["市大数据局"], ["市发展改革委", "市财政局"])
    assert str(first.due_date) == "2024-06-30"  # "6月底前" in the year of issue
    assert draft.doc_number == "某府办发〔2024〕3号"


def test_pdf_prose_plan_reads_its_numbered_items_and_drops_page_numbers():
    lines = NOTICE[:3] + ["一、总体要求", "（一）加强组织领导。建立工作专班，定期调度。（牵头单位：市发展改革委；配合单位：市财政局）",
                          "（二）强化督促检查。按季度通报进展。（牵头单位：市政府督查室）"] + SIGNATURE
    text = pdf_text(text_pdf(lines), "方案.pdf")
    assert "— 1 —" not in text
    draft = read_plan_bytes(text_pdf(lines), "方案.pdf")
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"], ["一", "（二）"]]
    assert draft.measures[1].supporting_units == ["市财政局"]


def test_pdf_scanned_without_text_is_refused_with_a_sentence_saying_so():
    with pytest.raises(PlanReadError, match="扫描件.*没有可以读取的文字层"):
        read_plan_bytes(scanned_pdf(), "扫描件.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])
def test_pdf_damaged_is_refused_in_one_chinese_sentence(data):
    with pytest.raises(PlanReadError, match="不是有效的 PDF 文件"):
        read_plan_bytes(data, "坏文件.pdf")


def test_pdf_table_spanning_several_pages_keeps_every_row():
    long_rows = [TABLE[0]] + [[str(n), f"第{n}项重点任务，" + "加强统筹协调，压实工作责任，" * 6, "市财政局", "市审计局", "2024年底前"]
                              for n in range(1, 16)]
    draft = read_plan_bytes(text_pdf(NOTICE, long_rows, SIGNATURE), "长表格.pdf")
    assert [m.path for m in draft.measures] == [[str(n)] for n in range(1, 16)]
    assert all(m.lead_units == ["市财政局"] for m in draft.measures)


def test_pdf_table_row_broken_by_a_page_end_is_joined_again():
    from tracker.parsing.pdf import _continues_row, _merge_rows

    previous, following = "3\t推进政务数据\t市大数据局\t\t", "\t共享。\t\t市财政局\t年底前"
    assert _continues_row(previous, following)
    assert _merge_rows(previous, following) == "3\t推进政务数据共享。\t市大数据局\t市财政局\t年底前"
    assert not _continues_row(previous, "4\t下一项任务。\t市财政局\t\t")
