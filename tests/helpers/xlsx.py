"""Workbooks for the ledger reader and the security tests: the tracker's own rows, and hand-made .xlsx parts.

A hostile file is built here member by member (a forged dimension, entity declarations, a zip bomb),
so that the reader's refusals are tested on exactly the bytes an attacker would send.
"""
from __future__ import annotations

import io
import zipfile

import openpyxl

from tracker.ledger import LedgerRow

HYPERLINK = '=HYPERLINK("http://x","点击")'


def own_rows():
    """Five tasks of the tracker's own export, texts that look like formulas included."""
    return [
        LedgerRow(key="k1" * 16, version=3, number="一（一）", heading="防控金融高杠杆风险",
                  measure="防范金融产品风险。组织开展金融产品杠杆风险排查。",
                  lead_units=["人行重庆营管部", "重庆银监局"], supporting_units=["市金融办"],
                  deadline="2016年底前", progress=HYPERLINK, problems="+1", next_steps="-2",
                  status="推进中"),
        LedgerRow(key="k2" * 16, version=1, number="一（二）", heading="防控金融高杠杆风险",
                  measure="@x 规范融资担保行为。", lead_units=["市金融办"], supporting_units=[],
                  deadline=None, progress=None, problems=None, next_steps=None, status="未启动"),
        LedgerRow(key="k3" * 16, version=7, number="二（一）", heading="防控房地产泡沫风险",
                  measure="加强房地产市场监测。", lead_units=["市国土房管局"],
                  supporting_units=["人行重庆营管部", "市住房城乡建委（含区县）"],
                  deadline="长期坚持", progress="\t按月监测。\n第二行", problems=None,
                  next_steps="继续监测。", status="推进中"),
        LedgerRow(key="k4" * 16, version=2, number="二（二）", heading="防控房地产泡沫风险",
                  measure="严格执行差别化住房信贷政策。", lead_units=["重庆银监局"],
                  supporting_units=["市住房城乡建委"], deadline="2017年6月底前", progress="已完成。",
                  problems="无", next_steps="无", status="已完成"),
        LedgerRow(key="k5" * 16, version=1, number="三", heading="",
                  measure="=1+1 统筹推进", lead_units=["市金融办"], supporting_units=[],
                  deadline="2024-06-30", progress=None, problems=None, next_steps=None, status="逾期"),
    ]


def rezip(data: bytes, replace=None, add=None) -> bytes:
    """Return the zip ``data`` with members replaced or added (name -> bytes)."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def raw_xlsx(sheet_xml: str, shared_strings: str | None = None) -> bytes:
    """A minimal hand-made .xlsx: one sheet "工作台账" and, optionally, a shared-strings part."""
    overrides = (f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
                 f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>')
    relations = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if shared_strings is not None:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
        relations += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    members = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
        'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        f'ContentType="application/xml"/>{overrides}</Types>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="工作台账" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">{relations}</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_strings is not None:
        members["xl/sharedStrings.xml"] = shared_strings
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def inline_row(number: int, *texts) -> str:
    """Sheet XML of row ``number`` holding ``texts`` as inline strings in columns A, B, … (None: no cell)."""
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{t}</t></is></c>'
                    for i, t in enumerate(texts) if t is not None)
    return f'<row r="{number}">{cells}</row>'


# A header row the reader recognises, as sheet XML.
HEADER_XML = inline_row(1, "序号", "具体措施", "牵头单位", "完成时限", "进展情况", "完成状态")


def sheet_xml(body: str, prolog: str = "", dimension: str = "A1:F4") -> str:
    """A worksheet part with rows ``body``, the declared ``dimension``, and ``prolog`` before the root."""
    return (f'{prolog}<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
            f'<sheetData>{body}</sheetData></worksheet>')


# XML prologs a hostile workbook may carry: nested entities ("billion laughs") and an external entity.
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                    for i in range(1, 10)) + "]>")
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def write_rows(path, rows, merges=(), title=None):
    """Write ``rows`` (lists of cell values) to a new workbook at ``path`` (a path or a binary stream), merging
    ``merges`` (A1:B2 ranges), its one sheet named ``title`` when given; return ``path``."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.title = title
    for values in rows:
        sheet.append(values)
    for reference in merges:
        sheet.merge_cells(reference)
    book.save(path)
    return path


def xlsx_bytes(rows, merges=(), title=None) -> bytes:
    """The bytes of a workbook of ``rows`` and ``merges`` (``write_rows`` into memory, its sheet named ``title`` when
    given), as another office's tool saves it."""
    buffer = io.BytesIO()
    write_rows(buffer, rows, merges, title)
    return buffer.getvalue()
