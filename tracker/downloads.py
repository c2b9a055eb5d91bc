"""Web downloads shared by the blueprints: files sent as attachments, and the ledger export options.

The plan page, the dashboard's list, 本单位任务 and the bulletin all hand out .xlsx, .csv or .docx
files; this module is the one place that knows their media types and how the ledger's ``layout``
and ``columns`` query arguments are read (services/ledger_export.LedgerOptions).
"""
from __future__ import annotations

import re
import unicodedata
from io import BytesIO
from typing import TYPE_CHECKING

from flask import render_template, request, send_file

from .services.errors import InvalidInput

#: Media type by file suffix (the CSV ledger is UTF-8 with a BOM).
MIMETYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

if TYPE_CHECKING:
    from .services.ledger.export import LedgerOptions


_SPACES = re.compile(r"\s+")


def header_safe_name(name: str, fallback: str = "下载") -> str:
    """``name`` fit for a Content-Disposition header: control and format characters (CR, LF,
    NUL, tab, U+2028, …) become one space, runs of spaces one space, ends trimmed; ``fallback``
    when nothing is left. A plan title typed with Alt+Enter in Excel, or an attachment name
    posted with CR/LF, otherwise breaks every download of it (issue 14 item 6, SECURITY-TESTS H7)."""
    cleaned = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in name)
    return _SPACES.sub(" ", cleaned).strip() or fallback


def send_download(content: bytes, filename: str):
    """Answer with ``content`` (bytes) as an attachment named ``filename`` (.xlsx, .csv or .docx).

    send_file writes Content-Disposition as attachment with an ASCII fallback and an RFC 5987
    ``filename*=UTF-8''…`` for the Chinese name; the name is made header-safe first
    (header_safe_name). Raises KeyError for another suffix (a programming error).
    """
    suffix = filename[filename.rfind("."):].lower()
    return send_file(BytesIO(content), mimetype=MIMETYPES[suffix], as_attachment=True,
                     download_name=header_safe_name(filename))


def export_options() -> LedgerOptions:
    """The ledger options of the request's query (``layout``, ``columns``); InvalidInput for unknown ones."""
    from .services.ledger.export import LedgerOptions  # openpyxl: only for an export

    return LedgerOptions.from_args(request.args)


def bad_export_options(error: InvalidInput):
    """400 page for an unknown layout or extra column in an export link."""
    return render_template("error.html", code=400, title="导出选项无效",
                           message=f"{error}请回到上一页重新选择导出选项。"), 400
