"""PDFs for the parser's tests, written by a real PDF writer (reportlab, with its built-in
Chinese CID font STSong-Light, so no font file is needed)."""
from __future__ import annotations

import io


def text_pdf(lines: list[str], table: list[list[str]] | None = None, lines_after: list[str] = ()) -> bytes:
    """A one-or-more-page PDF: ``lines`` as paragraphs, then ``table`` drawn with ruling lines,
    then ``lines_after``; a page number is printed at the foot of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
    story = [Paragraph(line, style) for line in lines]
    if table:
        cell_style = ParagraphStyle("cell", parent=style, fontSize=10, leading=14)
        grid = Table([[Paragraph(cell, cell_style) for cell in row] for row in table],
                     colWidths=[30, 200, 80, 90, 70])
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]))
        story.append(grid)
    story += [Paragraph(line, style) for line in lines_after]

    def page_number(canvas, document):
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {document.page} —")

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF whose page is only a picture (a scan): no text layer at all."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        for y in (40, 60, 80, 100):
            picture.putpixel((x, y), 0)
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(picture), 50, 100, width=400, height=600)
    page.showPage()
    page.save()
    return out.getvalue()


# A 分工方案 notice with its task table and signature, the shape offices receive as PDF.
NOTICE = ["某市人民政府办公室关于印发营商环境改革任务分工方案的通知", "某府办发〔2024〕3号",
          "各区县人民政府，市政府各部门：",
          "现将任务分工方案印发给你们，请认真贯彻落实。这一段文字比较长，需要在页面上换行显示，以便检验折行的段落能够"
          "重新连接成为一个完整的段落而不被拆开。"]
TABLE = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
         ["1", "建立健全政务数据共享协调机制，编制共享责任清单，推动数据按需共享。", "市大数据局", "市发展改革委、市财政局", "6月底前"],
         ["2", "推进政务服务事项一网通办。", "市政务服务中心", "各区县人民政府", "2024年底前"]]
SIGNATURE = ["某市人民政府办公室", "2024年3月1日"]
