"""Make the corpus's PDF and Word documents from the real texts kept beside this script.

Offices receive many plans as PDF or as Word tables; the stored public copies of these documents
are text, so the files are made here with real writers (reportlab for PDF, with a text layer;
python-docx for Word), from the published text as stored:

- ``NNN_name.pdf``  from ``src/NNN_name.txt``: every line of the text, as written (spaces kept),
  long lines wrapped at the right margin as in a printed document;
- ``NNN_name.docx`` from ``src/NNN_name.table.tsv``: the header line and rows of a task table,
  tab-separated, one table row per line; lines before the header (title, issuer) become
  paragraphs above the table.

Run from the repository root:  python tests/corpus/src/make_documents.py
Needs reportlab and python-docx (requirements-dev.txt). The outputs are committed; running the
script again writes the same PDF bytes (reportlab's invariant mode); .docx files differ only in
their zip timestamps.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
FONT = "STSong-Light"


def make_pdf(source: Path, target: Path) -> None:
    """A4 pages with ``source``'s lines (UTF-8 text) in 12 pt, one line after another; a line
    longer than the page is wrapped at the margin, as a printed document wraps it.

    The font is Adobe's STSong-Light CID font (Adobe-GB1, UniGB-UCS2-H encoding; it covers the
    traditional characters of GBK too), referenced and not embedded, as many Chinese office
    PDFs do; every character is in the text layer, so a PDF reader gets the text back as written.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    margin, size, leading = 72, 12, 20
    pdf = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    pdf.setTitle(source.stem)
    y = height - margin

    def put(text: str) -> None:
        nonlocal y
        if y < margin:
            pdf.showPage()
            y = height - margin
        pdf.setFont(FONT, size)
        pdf.drawString(margin, y, text)
        y -= leading

    for line in source.read_text(encoding="utf-8").split("\n"):
        rest = line
        while pdfmetrics.stringWidth(rest, FONT, size) > width - 2 * margin:
            cut = len(rest)
            while pdfmetrics.stringWidth(rest[:cut], FONT, size) > width - 2 * margin:
                cut -= 1
            put(rest[:cut])
            rest = rest[cut:]
        put(rest)
    pdf.save()


def make_docx(source: Path, target: Path) -> None:
    """A Word document with the table of ``source`` (.table.tsv): lines before the header line
    (the first line containing a tab) are paragraphs, then one table row per line.

    Merged cells, as offices draw them: a line opening with ``@`` is a row of one cell merged
    across the table (a title row just above the header, a group heading such as 一、… between
    rows); a cell written ``^`` is merged with the cell above it (one 序号 or 重点任务 over several
    rows, which python-docx then reads on every row it spans); a cell written ``<`` is merged with
    the cell on its left (a caption such as 责任单位 spanning 牵头单位 and 配合单位 in a header of two
    rows: Word's gridSpan); ``\\n`` inside a cell is a line break in the cell (units one per line).
    """
    import docx

    lines = source.read_text(encoding="utf-8").rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if "\t" in line)
    while start and lines[start - 1].startswith("@"):
        start -= 1  # a title row inside the table, above its header
    document = docx.Document()
    for line in lines[:start]:
        document.add_paragraph(line)
    rows = [[line[1:]] if line.startswith("@") else line.split("\t") for line in lines[start:]]
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text not in ("^", "<"):
                table.cell(r, c).text = text.replace("\\n", "\n")
        if len(cells) == 1 and width > 1:
            table.cell(r, 0).merge(table.cell(r, width - 1))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text == "<" and c:
                left = c - 1
                while left and cells[left] == "<":
                    left -= 1
                table.cell(r, left).merge(table.cell(r, c))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text == "^" and r:
                top = r - 1
                while top and rows[top][c:c + 1] == ["^"]:
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))
    document.save(str(target))


def main() -> int:
    for source in sorted(HERE.glob("*.txt")):
        make_pdf(source, CORPUS / f"{source.stem}.pdf")
        print(f"{source.stem}.pdf")
    for source in sorted(HERE.glob("*.table.tsv")):
        stem = source.name[: -len(".table.tsv")]
        make_docx(source, CORPUS / f"{stem}.docx")
        print(f"{stem}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
