"""Write a Bulletin as .docx (python-docx) or .xlsx (openpyxl). Pure: bytes out, nothing else touched.

The .docx follows the usual layout of a 通报: 文号-like number and title centred at the top, the body
(summary and numbered sections with tables), the statistical rules, then the issuing office and date.
Its page is that of official documents (GB/T 9704-2012《党政机关公文格式》 5.2, 7.5): A4, margins top 37 mm,
bottom 35 mm, left 28 mm, right 26 mm, page numbers "— 1 —" in 4号 (14 pt) half-width digits at the
bottom, odd pages on the right and even pages on the left, one character in from the edge.
Every text cell of the .xlsx is written as a string cell that can never become a formula
(ledger/cells.set_text_cell, SECURITY-TESTS.md D1).
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..ledger.cells import set_text_cell
from .model import (CLOSED_CAPTIONS, MISSING_CAPTIONS, OVERALL_CAPTIONS, OVERDUE_CAPTIONS, RANKING_CAPTIONS,
                    SHORTFALL_CAPTIONS,
                    Bulletin, chinese_date)

BODY_FONT = "仿宋"
TITLE_FONT = "宋体"
PAGE_NUMBER_FONT = "宋体"
PAGE_NUMBER_SIZE = 14  # 4号
# GB/T 9704-2012 5.2.1 (A4) and 5.2.2 (天头 37 mm, 订口 28 mm; the type area 156 × 225 mm leaves 26 mm
# on the right and 35 mm at the bottom).
PAGE_MM = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
# Excel: a column of width w holds about w Latin digits, or w / 2 Chinese characters; one line of
# 11 pt text needs about 18 points of row height; a row is at most 409 points high.
XLSX_LINE_POINTS = 18
XLSX_MAX_ROW_POINTS = 409


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, size: float = 14, bold: bool = False, align=None, font: str = BODY_FONT,
               indent: bool = False):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    _font(paragraph.add_run(text), font, size, bold)
    return paragraph


def _table(document, captions: list[str], rows: list[list[object]], empty: str) -> None:
    if not rows:
        _paragraph(document, empty, indent=True)
        return
    table = document.add_table(rows=1, cols=len(captions))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, caption in zip(table.rows[0].cells, captions):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(caption), BODY_FONT, 10.5, bold=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            _font(cell.paragraphs[0].add_run("" if value is None else str(value)), BODY_FONT, 10.5)


def _page_number_paragraph(footer, align) -> None:
    """Fill ``footer`` with "— PAGE —" (a PAGE field between em dashes) aligned ``align``, indented by
    one character from the edge (GB/T 9704-2012 7.5)."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(PAGE_NUMBER_SIZE)
    else:
        paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_SIZE)

    def run(text: str = ""):
        piece = paragraph.add_run(text)
        _font(piece, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        piece.font.name = PAGE_NUMBER_FONT
        return piece

    def field_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run()._element.append(element)

    run("— ")
    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run()._element.append(instruction)
    field_char("separate")
    run("1")
    field_char("end")
    run(" —")


def _official_page(document) -> None:
    """Give every section the A4 page, margins and page numbers of GB/T 9704 (PAGE_MM)."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_MM["width"]), Mm(PAGE_MM["height"])
        section.top_margin, section.bottom_margin = Mm(PAGE_MM["top"]), Mm(PAGE_MM["bottom"])
        section.left_margin, section.right_margin = Mm(PAGE_MM["left"]), Mm(PAGE_MM["right"])
        _page_number_paragraph(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
        _page_number_paragraph(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def write_docx(bulletin: Bulletin) -> bytes:
    """Return the bulletin as a Word document (.docx bytes) on the official page (_official_page)."""
    document = Document()
    _official_page(document)
    _paragraph(document, bulletin.number, 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, bulletin.title, 20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT)
    _paragraph(document, bulletin.date_line, 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    if bulletin.demo_note:  # before anything a reader could take for a unit's real figures
        _paragraph(document, bulletin.demo_note, bold=True, indent=True)
    _paragraph(document, bulletin.summary, indent=True)
    _paragraph(document, "一、总体情况", bold=True)
    _table(document, ["指标", "数值"], [[h.caption, h.value] for h in bulletin.headlines], "无。")
    _paragraph(document, "二、单位排名", bold=True)
    _table(document, RANKING_CAPTIONS, bulletin.ranking_rows(), bulletin.NO_RANKED)
    if bulletin.ranking_note:
        _paragraph(document, bulletin.ranking_note, 12, indent=True)
    if bulletin.unranked_note:
        _paragraph(document, bulletin.unranked_note, 12, indent=True)
    _paragraph(document, "三、未按要求报送进展的单位", bold=True)
    _table(document, MISSING_CAPTIONS, bulletin.missing_rows(), bulletin.missing_note)
    _paragraph(document, "四、逾期未办结的任务", bold=True)
    _table(document, OVERDUE_CAPTIONS, bulletin.overdue_rows(), bulletin.NO_OVERDUE)
    _paragraph(document, f"五、{bulletin.period_label}办结的任务", bold=True)
    _table(document, CLOSED_CAPTIONS, bulletin.closed_rows(), bulletin.NO_CLOSED)
    for heading, captions, rows in bulletin.indicator_sections():
        _paragraph(document, heading, bold=True)
        _table(document, captions, rows, "")
    _paragraph(document, "附：统计口径", bold=True)
    for rule in bulletin.rules.values():
        _paragraph(document, rule, 12, indent=True)
    _paragraph(document, bulletin.office, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, chinese_date(bulletin.issued_on), align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _put(sheet, row: int, values: list[object], bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cell.value = value
        else:
            set_text_cell(cell, "" if value is None else str(value))
        if bold:
            cell.font = Font(bold=True)


def _sheet(workbook, title: str, captions: list[str], rows: list[list[object]], widths: list[int],
           empty: str = "") -> None:
    """A sheet ``title``: the ``captions`` row, then ``rows``; with no row, the line ``empty`` under the captions (the
    page's words for the section without a line, Bulletin.NO_CLOSED …), so that a sheet of headers alone is not taken
    for a file cut short."""
    sheet = workbook.create_sheet(title)
    _put(sheet, 1, captions, bold=True)
    for number, values in enumerate(rows, start=2):
        _put(sheet, number, values)
    if not rows and empty:
        _put(sheet, 2, [empty])
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"


def text_width(text: str) -> int:
    """Return the width of ``text`` in Excel column units: 2 for a full-width (CJK) character, 1 otherwise."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def summary_layout(text: str, width_a: int, width_b: int) -> tuple[int, float]:
    """Return ``(width of column B, row height in points)`` that show all of ``text`` wrapped in the
    merged cell A:B: the row is as high as its lines need (XLSX_LINE_POINTS each, plus one spare
    line); when even XLSX_MAX_ROW_POINTS is not enough, column B is widened (at most 255) instead."""
    max_lines = XLSX_MAX_ROW_POINTS // XLSX_LINE_POINTS - 1
    needed = text_width(text)
    while True:
        per_line = max(width_a + width_b - 2, 1)
        lines = -(-needed // per_line) + 1
        if lines <= max_lines or width_b >= 255:
            return width_b, float(min(lines * XLSX_LINE_POINTS, XLSX_MAX_ROW_POINTS))
        width_b = min(255, width_b + 20)


def write_xlsx(bulletin: Bulletin) -> bytes:
    """Return the bulletin as a workbook (.xlsx bytes): 通报 (heading, summary, headline figures), 排名,
    未报送单位, 逾期任务, 本期办结, 统计口径."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "通报"
    _put(sheet, 1, [bulletin.title], bold=True)
    _put(sheet, 2, [bulletin.number])
    _put(sheet, 3, [f"{bulletin.office}　{bulletin.date_line}"])
    _put(sheet, 4, [bulletin.summary])
    sheet["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A4:B4")
    width_b, height = summary_layout(bulletin.summary, 30, 60)
    sheet.row_dimensions[4].height = height
    if bulletin.demo_note:  # the row between the summary and the figures, wrapped as the summary is
        _put(sheet, 5, [bulletin.demo_note], bold=True)
        sheet["A5"].alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells("A5:B5")
        sheet.row_dimensions[5].height = summary_layout(bulletin.demo_note, 30, width_b)[1]
    _put(sheet, 6, ["指标", "数值"], bold=True)
    for number, headline in enumerate(bulletin.headlines, start=7):
        _put(sheet, number, [headline.caption, headline.value])
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = width_b
    _sheet(workbook, "排名", RANKING_CAPTIONS, bulletin.ranking_rows(), [10, 24, 10, 8, 12, 8, 6, 6, 6, 12, 10, 6],
           bulletin.NO_RANKED)
    if bulletin.demo_note:  # a sheet read alone says it too, under its table, wrapped across the table's width
        ranking, row = workbook["排名"], max(len(bulletin.ranking_rows()), 1) + 3
        _put(ranking, row, [bulletin.demo_note], bold=True)
        ranking.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ranking.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(RANKING_CAPTIONS))
        ranking.row_dimensions[row].height = summary_layout(bulletin.demo_note, 52, 52)[1]
    _sheet(workbook, "未报送单位", MISSING_CAPTIONS, bulletin.missing_rows(), [24, 12, 12, 60], bulletin.missing_note)
    _sheet(workbook, "逾期任务", OVERDUE_CAPTIONS, bulletin.overdue_rows(), [12, 40, 30, 24, 16, 10], bulletin.NO_OVERDUE)
    _sheet(workbook, "本期办结", CLOSED_CAPTIONS, bulletin.closed_rows(), [12, 40, 30, 24, 16, 16], bulletin.NO_CLOSED)
    if bulletin.shortfalls:
        _sheet(workbook, "指标欠账", SHORTFALL_CAPTIONS, bulletin.shortfall_rows(),
               [16, 24, 10, 12, 12, 12, 12, 12, 12])
    if bulletin.overall:
        _sheet(workbook, "指标综合排名", OVERALL_CAPTIONS, bulletin.overall_rows(), [8, 24, 12])
    _sheet(workbook, "统计口径", ["口径"], [[rule] for rule in bulletin.rules.values()], [120])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
