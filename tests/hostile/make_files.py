"""Hostile files for the upload readers (issue 14), generated, never committed.

Each entry of ``FILES`` is a function returning the bytes of one hostile file; its name says
what it abuses. Large files (a 600,000-format styles table, 2.2 million shared strings, 900,000
paragraphs) are built at test time in a temporary folder. Run as a script to write them all:

    /work/main/.venv/bin/python tests/hostile/make_files.py OUT_DIR

The tests in tests/unit/test_hostile_docx.py and tests/system/test_hostile_files.py use the
functions directly.
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WDOC = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
        "{body}</w:body></w:document>")


def _base_docx() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The zip ``data`` with members replaced or added (name -> bytes), deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def paragraph(text: str, num_id: str | None = None, ilvl: str = "0", style: str | None = None) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def numbering(fmt: str = "chineseCounting", start: str = "1", ilvl: str = "0", text: str = "%1、") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode()


def docx_with(body: str, numbering_xml: bytes | None = None, styles_xml: bytes | None = None,
              document_xml: bytes | None = None) -> bytes:
    """A python-docx package whose document body is ``body`` (raw WordprocessingML)."""
    replace = {"word/document.xml": document_xml or WDOC.format(body=body).encode()}
    if numbering_xml is not None:
        replace["word/numbering.xml"] = numbering_xml
    if styles_xml is not None:
        replace["word/styles.xml"] = styles_xml
    return rezip(_base_docx(), replace)


def styles(inner: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">{inner}</w:styles>'.encode()


def table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(rows_cells) + "</w:tr>" for rows_cells in rows) + "</w:tbl>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


# --- .docx: style cycle, runaway numbering, malformed shapes -------------------------------------

def style_cycle_docx() -> bytes:
    """Styles A and B are basedOn each other; the paragraph uses A (a worker spun forever)."""
    cycle = ('<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>')
    return docx_with(paragraph("加强监管", style="A"), styles_xml=styles(cycle))


def roman_start_docx(start: str = "100000000000") -> bytes:
    """Roman numbering starting at 10^11 (a label of 10^8 characters)."""
    return docx_with(paragraph("加强监管", num_id="1"), numbering(fmt="upperRoman", start=start))


def ilvl_text_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="1"), numbering(ilvl="x"))


def start_text_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="1"), numbering(start="one"))


def paragraph_ilvl_text_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="1", ilvl="x"), numbering())


def num_id_text_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="abc"), numbering())


def ilvl_ten_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="1", ilvl="10"), numbering(ilvl="10"))


def paragraph_ilvl_ten_docx() -> bytes:
    return docx_with(paragraph("加强监管", num_id="1", ilvl="12"), numbering())


def grid_span_text_docx() -> bytes:
    return docx_with(table([[cell("任务", '<w:gridSpan w:val="two"/>'), cell("牵头单位")]]))


def vmerge_first_row_docx() -> bytes:
    return docx_with(table([[cell("任务", '<w:vMerge/>'), cell("牵头单位")],
                            [cell("一、加强监管"), cell("市金融办")]]))


def bad_document_xml_docx() -> bytes:
    return docx_with("", document_xml=b'<?xml version="1.0"?><w:document xmlns:w="' + W.encode() + b'"><w:body><w:p>')


def bad_styles_xml_docx() -> bytes:
    return docx_with(paragraph("一、加强监管", style="A"), styles_xml=b"<w:styles xmlns:w=\"" + W.encode() + b"\"><w:style")


def utf32_doctype_docx() -> bytes:
    """A billion-laughs document.xml written in UTF-32 (the DOCTYPE check read only UTF-8/16)."""
    xml = ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    return docx_with("", document_xml=xml.encode("utf-32"))


def many_paragraphs_docx(count: int = 900_000) -> bytes:
    """``count`` empty paragraphs (6 MB zipped at 900,000)."""
    body = "".join(f"<w:p><w:r><w:t>{i * 2654435761 % 4294967296:x}</w:t></w:r></w:p>" for i in range(count))
    return docx_with("", document_xml=WDOC.format(body=body).encode())


# --- HTML and text -------------------------------------------------------------------------------

def nested_html(depth: int = 30_000) -> bytes:
    """``depth`` nested <div> (330 KB at 30,000)."""
    return ("<html><body>" + "<div>" * depth + "一、加强监管" + "</div>" * depth + "</body></html>").encode()


def sibling_blocks_html(count: int = 40_000) -> bytes:
    """``count`` sibling <div> (0.7 MB at 40,000), each a numbered line (the reader was quadratic in
    them: 7.5 s at 10,000, minutes at 40,000). A valid page: it is read, not refused."""
    return ("<html><body>" + "".join(f"<div>{i}. 开展排查</div>" for i in range(1, count + 1))
            + "</body></html>").encode()


def many_items_txt(count: int = 138_156) -> bytes:
    """A numbered plan of ``count`` items (19.5 MB at 138,156 with long lines)."""
    return "\n".join(f"{i}. 加强金融监管，防范化解重大风险（牵头单位：市金融办）" for i in range(1, count + 1)).encode()


# --- .xlsx: styles and shared strings ------------------------------------------------------------

def _ledger_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "工作台账"
    sheet.append(["序号", "重点任务", "牵头单位", "完成时限", "进展情况"])
    sheet.append([1, "加强金融监管", "市金融办", "2024年底前", "推进中"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def many_styles_xlsx(count: int = 600_000) -> bytes:
    """A small ledger whose styles table holds ``count`` cell formats (1.1 MB zipped, 48 MB unpacked at 600,000)."""
    xfs = "".join(f'<xf numFmtId="{i * 7919 % 164}" fontId="0" fillId="{i * 31 % 2}" borderId="0" '
                  f'xfId="{i * 2654435761 % 9973}"/>' for i in range(count))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           f'<cellXfs count="{count}">{xfs}</cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')
    return rezip(_ledger_xlsx(), {"xl/styles.xml": xml.encode()})


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def many_shared_strings_xlsx(count: int = 2_200_000) -> bytes:
    """A small ledger whose shared-strings table holds ``count`` distinct strings (5.7 MB zipped
    at 2.2 million); the sheet uses the first five."""
    strings = "".join(f"<si><t>{i}</t></si>" for i in range(count))
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{count}" '
           f'uniqueCount="{count}">{strings}</sst>')
    row = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(5))
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{row}</row></sheetData></worksheet>'
    data = _ledger_xlsx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    types = types.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/></Types>')
    rels = rels.replace("</Relationships>", f'<Relationship Id="rIdSst" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    return rezip(data, {"[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                        "xl/worksheets/sheet1.xml": sheet.encode(), "xl/sharedStrings.xml": sst.encode()})


#: name -> (function, size class): "small" files are built in every test run, "large" ones too
#: but each in its own temporary folder.
FILES = {
    "style_cycle.docx": style_cycle_docx,
    "roman_start_1e11.docx": roman_start_docx,
    "ilvl_not_integer.docx": ilvl_text_docx,
    "start_not_integer.docx": start_text_docx,
    "paragraph_ilvl_not_integer.docx": paragraph_ilvl_text_docx,
    "numid_not_integer.docx": num_id_text_docx,
    "ilvl_10.docx": ilvl_ten_docx,
    "paragraph_ilvl_12.docx": paragraph_ilvl_ten_docx,
    "gridspan_not_integer.docx": grid_span_text_docx,
    "vmerge_continue_first_row.docx": vmerge_first_row_docx,
    "document_xml_malformed.docx": bad_document_xml_docx,
    "styles_xml_malformed.docx": bad_styles_xml_docx,
    "utf32_doctype.docx": utf32_doctype_docx,
    "paragraphs_900k.docx": many_paragraphs_docx,
    "nested_div_330k.html": nested_html,
    "sibling_divs_40k.html": sibling_blocks_html,
    "items_138k.txt": many_items_txt,
    "styles_600k.xlsx": many_styles_xlsx,
    "shared_strings_2_2m.xlsx": many_shared_strings_xlsx,
}


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        data = make()
        (out / name).write_bytes(data)
        print(f"{name}\t{len(data):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "hostile-files")
