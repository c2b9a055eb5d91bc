"""Ledgers in other formats (issue 15): .ods through calamine and .xls through xlrd under the same
budget as .xlsx; CSV fields as the writer wrote them."""
from __future__ import annotations

import io
import zipfile

import pytest

from tracker.ledger import read_ledger
from tracker.ledger.safety import LedgerLimits, LedgerRefused
from tracker.ledger.sheet import FORMULA
from tracker.ledger.sources import csv_cell_value, sniff_kind
from tracker.upload_budget import UploadBudget

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _cell(text: str | None, repeat: int = 1) -> str:
    span = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if text is None:
        return f"<table:table-cell{span}/>"
    return f'<table:table-cell office:value-type="string"{span}><text:p>{text}</text:p></table:table-cell>'


def make_ods(rows: list[str]) -> bytes:
    """A minimal OpenDocument spreadsheet whose sheet holds ``rows`` (table-row XML)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="台账">' + "".join(rows) +
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                         '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                         '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
        archive.writestr("content.xml", content)
    return out.getvalue()


def _row(*texts, repeat: int = 1) -> str:
    span = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{span}>" + "".join(_cell(t) for t in texts) + "</table:table-row>"


def test_an_ods_ledger_reads_like_an_xlsx():
    data = make_ods([_row("序号", "具体措施", "牵头单位", "进展情况"), _row("1", "修订管理办法", "市金融办、市财政局", "已起草")])
    assert sniff_kind(data) == "ods"
    result = read_ledger(data, "台账.ods")
    assert result.ok
    assert [(r.number, r.measure, r.lead_units, r.progress) for r in result.rows] == [
        ("1", "修订管理办法", ["市金融办", "市财政局"], "已起草")]


def test_an_ods_claiming_a_million_rows_of_values_is_refused_before_calamine():
    data = make_ods([_row("序号", "具体措施"), _row("1", "任务", repeat=1_000_000)])
    with pytest.raises(LedgerRefused) as refused:
        read_ledger(data, "炸弹.ods")
    assert refused.value.code == "too_many_cells" and "UPLOAD_MAX_CELLS" in str(refused.value)


def test_an_ods_with_libreoffice_trailing_empty_repeats_is_not_refused():
    empty_tail = '<table:table-row table:number-rows-repeated="1048570">' + _cell(None, 1024) + "</table:table-row>"
    data = make_ods([_row("序号", "具体措施", "牵头单位"), _row("1", "修订管理办法", "市金融办"), empty_tail])
    assert read_ledger(data, "台账.ods").rows[0].measure == "修订管理办法"


def test_an_xls_with_one_far_away_cell_costs_no_dense_sheet(tmp_path):
    import xlwt

    path = tmp_path / "稀疏.xls"
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    for r, values in enumerate([["序号", "具体措施", "牵头单位"], ["1", "修订管理办法", "市金融办"]]):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    sheet.write(65535, 255, "远处")
    book.save(str(path))
    result = read_ledger(path)
    assert [r.measure for r in result.rows] == ["修订管理办法"]
    with pytest.raises(LedgerRefused) as refused:
        read_ledger(path, limits=LedgerLimits(budget=UploadBudget(max_cells=5)))
    assert refused.value.code == "too_many_cells"


@pytest.mark.parametrize("field, value", [
    ("", None), ("  ", None), ("'=1+1", "=1+1"), ("'+86 23", "+86 23"), ("'-2", "-2"), ("'@cmd", "@cmd"),
    ("'单引号开头", "'单引号开头"), ("=SUM(A1:A2)", FORMULA), ("已完成", "已完成"), ("1-2", "1-2"),
])
def test_csv_fields_read_back_what_the_writer_guarded(field, value):
    assert csv_cell_value(field) == value


def test_a_sheet_asked_for_by_a_name_the_workbook_lacks_is_refused_naming_the_sheets_it_has():
    data = make_ods([_row("序号", "具体措施", "牵头单位"), _row("1", "修订管理办法", "市金融办")])
    with pytest.raises(LedgerRefused) as refused:
        read_ledger(data, "台账.ods", sheet="工作台账")
    assert refused.value.code == "no_sheet"
    assert str(refused.value) == ("工作簿中没有名为“工作台账”的工作表（现有工作表：“台账”）。"
                                  "请核对工作表名称，或把工作台账放在第一个工作表后重新上传。")
