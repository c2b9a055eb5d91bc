"""The upload budget counts what a file holds before a reader loads it (issue 14 items 1 and 7).

Stories: a liaison sends a 3 MB workbook whose styles table holds 600,000 formats, or a 6 MB one
with 2.2 million shared strings; a plan arrives as 900,000 paragraphs, 8,000 nested <div> or a
12 MB list of 138,000 items. Each is refused by counting, streaming, with a Chinese sentence that
names the file and the limit; ordinary files pass; every limit is a setting.
"""
from __future__ import annotations

import io
import zipfile

import pytest

from tests.hostile import make_files
from tracker import upload_budget
from tracker.ledger import LedgerRefused
from tracker.ledger.safety import LedgerLimits, check_xlsx_container
from tracker.parsing import PlanReadError, read_plan_bytes
from tracker.parsing.readers import docx_text, html_text, read_plan_text
from tracker.upload_budget import UploadBudget, count_elements
from tests.helpers.budget import cpu_seconds_under


def zip_of(name: str, data: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_counting_streams_and_finds_tags_cut_across_chunks(monkeypatch):
    monkeypatch.setattr(upload_budget, "CHUNK", 7)  # every tag straddles some chunk boundary
    xml = b"<sst>" + b"".join(b"<si><t>%d</t></si>" % i for i in range(1000)) + b"<x:si/></sst>"
    archive = zip_of("xl/sharedStrings.xml", xml)
    pattern = upload_budget._SHARED_STRING
    assert count_elements(archive, "xl/sharedStrings.xml", pattern, 10_000) == 1001
    assert count_elements(archive, "xl/sharedStrings.xml", pattern, 10) == 11  # stops early
    assert count_elements(archive, "missing.xml", pattern, 10) == 0
    # <sheet>, <sheetData>, <six> are not <si>
    assert count_elements(zip_of("a.xml", b"<sheet><six/><sheetData/><si>"), "a.xml", pattern, 9) == 1


def test_workbook_with_too_many_styles_is_refused_before_openpyxl_naming_the_limit():
    data = make_files.many_styles_xlsx(200)
    check_xlsx_container(data, "台账.xlsx", LedgerLimits())  # 200 formats: fine
    with pytest.raises(LedgerRefused) as refused:
        check_xlsx_container(data, "样式台账.xlsx", LedgerLimits(budget=UploadBudget(max_styles=100)))
    assert refused.value.code == "too_many_styles"
    message = str(refused.value)
    assert message.startswith("样式台账.xlsx 含有的单元格格式（样式）超过上限 100 个") and "UPLOAD_MAX_STYLES" in message


def test_workbook_with_too_many_shared_strings_or_cells_is_refused():
    data = make_files.many_shared_strings_xlsx(300)
    with pytest.raises(LedgerRefused) as refused:
        check_xlsx_container(data, "字符串.xlsx", LedgerLimits(budget=UploadBudget(max_shared_strings=299)))
    assert refused.value.code == "too_many_shared_strings" and "UPLOAD_MAX_SHARED_STRINGS" in str(refused.value)
    with pytest.raises(LedgerRefused) as refused:
        check_xlsx_container(data, "字符串.xlsx", LedgerLimits(budget=UploadBudget(max_cells=4)))
    assert refused.value.code == "too_many_cells" and "超过上限 4 个" in str(refused.value)


def test_full_size_hostile_workbooks_are_refused_by_the_default_budget():
    for make, code in ((make_files.many_styles_xlsx, "too_many_styles"),
                       (make_files.many_shared_strings_xlsx, "too_many_shared_strings")):
        with pytest.raises(LedgerRefused) as refused:
            check_xlsx_container(make(), "台账.xlsx")
        assert refused.value.code == code


def test_docx_with_too_many_paragraphs_is_refused_before_python_docx():
    data = make_files.many_paragraphs_docx(1_000)
    with pytest.raises(PlanReadError) as refused:
        read_plan_bytes(data, "长文.docx", UploadBudget(max_paragraphs=999))
    assert refused.value.code == "too_many_paragraphs"
    assert str(refused.value).startswith("文件 长文.docx 含有的段落和表格单元格超过上限 999 个")
    read_plan_bytes(data, "长文.docx")


def test_docx_reading_time_is_linear_in_paragraphs():
    data = make_files.many_paragraphs_docx(20_000)
    with cpu_seconds_under(5):  # one style look-up per paragraph took ~25 s
        assert len(docx_text(data, "长文.docx").splitlines()) == 20_000


def test_deeply_nested_html_is_refused_and_ordinary_html_is_read():
    with pytest.raises(PlanReadError) as refused:
        read_plan_bytes(make_files.nested_html(300), "嵌套.html")
    assert refused.value.code == "too_deep" and "嵌套超过 200 层" in str(refused.value)
    page = "<html><body>" + "<div><p>一、加强监管<p>二、防范风险<br></div>" * 50 + "</body></html>"
    assert len(read_plan_bytes(page.encode(), "方案.html").measures) >= 2


def test_html_reading_time_is_linear_in_sibling_blocks():
    """Four times the blocks cost about four times the CPU, not sixteen (the in-place edits of the
    old reader were quadratic: ~30 s for 20,000 blocks). CPU seconds of this process, so a busy
    machine does not change the ratio much."""
    import time

    def cpu_seconds(blocks: int) -> float:
        page = make_files.sibling_blocks_html(blocks)
        started = time.process_time()
        lines = html_text(page).splitlines()
        assert len(lines) == blocks and lines[-1] == f"{blocks}. 开展排查"
        return time.process_time() - started

    small, large = cpu_seconds(4_000), cpu_seconds(16_000)
    assert large < 8 * small + 0.5, (small, large)


def test_text_with_too_many_lines_or_items_is_refused():
    text = make_files.many_items_txt(60).decode()
    with pytest.raises(PlanReadError) as refused:
        read_plan_text(text, "粘贴的文本", UploadBudget(max_paragraphs=50))
    assert refused.value.code == "too_many_paragraphs"
    with pytest.raises(PlanReadError) as refused:
        read_plan_text(text, "粘贴的文本", UploadBudget(max_items=59))
    assert refused.value.code == "too_many_items" and "编号条目超过上限 59 个" in str(refused.value)
    assert len(read_plan_text(text).measures) == 60


def test_budget_reads_its_limits_from_the_settings():
    budget = UploadBudget.from_config({"UPLOAD_MAX_STYLES": "10", "UPLOAD_MAX_ITEMS": 7, "UPLOAD_MAX_DEPTH": None})
    assert (budget.max_styles, budget.max_items, budget.max_depth) == (10, 7, UploadBudget().max_depth)


def test_a_plan_longer_than_the_character_budget_is_refused_whatever_its_shape():
    """A 20 MB text on one line, or a Word file whose paragraphs all fall under one item, passed the
    line limit and took 22 s and 48 s to parse; the character budget refuses both at once, naming
    the file, the count, the limit and the setting."""
    one_line = "加强金融风险防控" * 100
    with pytest.raises(PlanReadError) as refused:
        read_plan_bytes(one_line.encode(), "一行.txt", UploadBudget(max_chars=500))
    assert refused.value.code == "too_many_chars"
    assert str(refused.value).startswith("文件 一行.txt 含有的文字超过上限 500 个（设置项 UPLOAD_MAX_CHARS）")
    word = make_files.many_paragraphs_docx(200)
    with pytest.raises(PlanReadError) as refused:
        read_plan_bytes(word, "长文.docx", UploadBudget(max_chars=500))
    assert refused.value.code == "too_many_chars"
    assert read_plan_bytes(word, "长文.docx").measures == []  # read (nothing numbered in it), not refused
    assert UploadBudget.from_config({"UPLOAD_MAX_CHARS": "900"}).max_chars == 900
