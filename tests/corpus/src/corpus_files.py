"""What the corpus builders (make_5NN_*.py) share: the frame of a stored web page and a Word table's bytes.

Imported by the builders run as scripts from this folder (``python make_508_509_indicators.py tests/corpus``).
"""
from io import BytesIO


def html_page(title: str, body: str) -> str:
    """A page as a site stores it: doctype, ``<head>`` with the charset and ``title``, then ``body`` (markup ending
    in a newline) inside ``<body>``."""
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body>\n"
            + body + "</body>\n</html>\n")


def fill_table(table, rows: list[list[str]]) -> None:
    """Write ``rows`` (lists of cell texts, the header first) into the python-docx ``table`` row by row; an empty
    text leaves its cell untouched."""
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text


def docx_bytes(document) -> bytes:
    """The .docx file of the python-docx ``document``."""
    out = BytesIO()
    document.save(out)
    return out.getvalue()
