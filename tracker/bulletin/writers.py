"""Write a Bulletin as .docx (python-docx) or .xlsx (openpyxl). Pure: bytes out, nothing else touched.

The .docx follows the usual layout of a 通报: 文号-like number and title centred at the top, the body
(summary and numbered sections with tables), the statistical rules, then the issuing office and date.
Every text cell of the .xlsx is written as a string cell that can never become a formula
(ledger/cells.set_text_cell, SECURITY-TESTS.md D1).
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..ledger.cells import set_text_cell
from .model import (CLOSED_CAPTIONS, MISSING_CAPTIONS, OVERDUE_CAPTIONS, RANKING_CAPTIONS, SHORTFALL_CAPTIONS,
                    Bulletin, chinese_date)

BODY_FONT = "仿宋"
TITLE_FONT = "宋体"


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


def write_docx(bulletin: Bulletin) -> bytes:
    """Return the bulletin as a Word document (.docx bytes)."""
    document = Document()
    _paragraph(document, bulletin.number, 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, bulletin.title, 20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT)
    _paragraph(document, chinese_date(bulletin.issued_on), 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, bulletin.summary, indent=True)
    _paragraph(document, "一、总体情况", bold=True)
    _table(document, ["指标", "数值"], [[h.caption, h.value] for h in bulletin.headlines], "无。")
    _paragraph(document, "二、单位排名", bold=True)
    _table(document, RANKING_CAPTIONS, bulletin.ranking_rows(), "本期没有纳入排名的单位。")
    _paragraph(document, "三、未按要求报送进展的单位", bold=True)
    _table(document, MISSING_CAPTIONS, bulletin.missing_rows(), "各单位均已按要求报送进展。")
    _paragraph(document, "四、逾期未办结的任务", bold=True)
    _table(document, OVERDUE_CAPTIONS, bulletin.overdue_rows(), "没有逾期未办结的任务。")
    _paragraph(document, f"五、{bulletin.period_label}办结的任务", bold=True)
    _table(document, CLOSED_CAPTIONS, bulletin.closed_rows(), "本期没有办结的任务。")
    if bulletin.shortfalls:
        _paragraph(document, "六、金融指标欠账较大的机构", bold=True)
        _table(document, SHORTFALL_CAPTIONS, bulletin.shortfall_rows(), "")
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


def _sheet(workbook, title: str, captions: list[str], rows: list[list[object]], widths: list[int]) -> None:
    sheet = workbook.create_sheet(title)
    _put(sheet, 1, captions, bold=True)
    for number, values in enumerate(rows, start=2):
        _put(sheet, number, values)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"


def write_xlsx(bulletin: Bulletin) -> bytes:
    """Return the bulletin as a workbook (.xlsx bytes): 通报 (heading, summary, headline figures), 排名,
    未报送单位, 逾期任务, 本期办结, 统计口径."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "通报"
    _put(sheet, 1, [bulletin.title], bold=True)
    _put(sheet, 2, [bulletin.number])
    _put(sheet, 3, [f"{bulletin.office}　{chinese_date(bulletin.issued_on)}"])
    _put(sheet, 4, [bulletin.summary])
    sheet["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A4:B4")
    sheet.row_dimensions[4].height = 150
    _put(sheet, 6, ["指标", "数值"], bold=True)
    for number, headline in enumerate(bulletin.headlines, start=7):
        _put(sheet, number, [headline.caption, headline.value])
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 60
    _sheet(workbook, "排名", RANKING_CAPTIONS, bulletin.ranking_rows(), [6, 24, 10, 8, 12, 8, 6, 6, 6, 12, 10])
    _sheet(workbook, "未报送单位", MISSING_CAPTIONS, bulletin.missing_rows(), [24, 12, 12, 60])
    _sheet(workbook, "逾期任务", OVERDUE_CAPTIONS, bulletin.overdue_rows(), [12, 40, 30, 24, 16, 10])
    _sheet(workbook, "本期办结", CLOSED_CAPTIONS, bulletin.closed_rows(), [12, 40, 30, 24, 16, 16])
    if bulletin.shortfalls:
        _sheet(workbook, "指标欠账", SHORTFALL_CAPTIONS, bulletin.shortfall_rows(), [16, 24, 12, 12, 12, 12, 12, 14])
    _sheet(workbook, "统计口径", ["口径"], [[rule] for rule in bulletin.rules.values()], [120])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
