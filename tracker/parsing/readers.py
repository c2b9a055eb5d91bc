"""Reading plan files: bytes or a path in, ``PlanDraft`` out.

Supported: .txt and .md (UTF-8 with or without BOM, else GB18030/GBK; Big5 or binary content
is refused rather than turned into mojibake), .docx (python-docx: paragraphs in order with the
number Word's list numbering shows, each table row as one line with its cells joined by a
tab, a cell merged across columns read once and the columns it spans left empty, a cell's paragraphs
joined by a blank except where one ends inside a written date ("2024年" then "9月底前"), its list
numbering included, content controls opened), .html/.htm
(``webpage.page_text``: the article body of a saved page, one line per block element), .pdf
with a text layer (``pdf.pdf_text``: lines and table rows in reading order; a scanned PDF is
refused with a Chinese sentence saying so). Anything else raises
``UnsupportedFileType`` (the ``parse-plan`` command exits with status 2 on it, CONTRACTS.md §1).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import zipfile
from pathlib import Path

from ..archives import ArchiveRefused, check_docx
from ..upload_budget import UploadBudget, check_docx_budget, check_html_budget, check_item_budget, check_text_budget
from .cleaning import SOFT_BREAK, join_soft_breaks
from .deadlines import breaks_inside_date
from .draft import PlanDraft
from .parser import parse_plan_text
from .tables import split_item_cells
from ..vocabulary.han import HAN_RE

TEXT_EXTENSIONS = (".txt", ".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
DOCX_EXTENSIONS = (".docx",)
PDF_EXTENSIONS = (".pdf",)
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + DOCX_EXTENSIONS + HTML_EXTENSIONS + PDF_EXTENSIONS
#: Each kind read, in the words of the upload form's hint (kinds_hint), with its extensions from the tuples above.
_KIND_NAMES = ((DOCX_EXTENSIONS, "Word"), (PDF_EXTENSIONS, "PDF（须有文字层，扫描件不行）"),
               (TEXT_EXTENSIONS, "文本（UTF-8 或 GBK 编码）"), (HTML_EXTENSIONS, "网页"))

_HINTS = {
    ".doc": "旧版 Word（.doc）文件请先另存为 .docx",
    ".wps": "WPS 文件请先另存为 .docx",
    # an Excel file here is a work ledger (or a task table kept as one): said for the pages and the command line alike
    ".xls": "Excel 工作台账请在“台账”菜单的“导入台账”中上传（命令行用 import-ledger）",
    ".xlsx": "Excel 工作台账请在“台账”菜单的“导入台账”中上传（命令行用 import-ledger）",
}
#: The extensions whose refusal says more than the general hint (unsupported_type_message).
HINTED_EXTENSIONS = tuple(_HINTS)


class PlanReadError(ValueError):
    """A plan file could not be read. The message is one Chinese sentence naming the file and
    what is wrong, e.g. "无法识别文件 a.txt 的文字编码：既不是 UTF-8，也不是 GB18030/GBK。".
    ``code``: the archives.ArchiveRefused code when a .docx was refused unopened (e.g.
    "compression_ratio" for a zip bomb), else None."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class UnsupportedFileType(PlanReadError):
    """The file's extension is not one the parser reads (.txt, .md, .docx, .html, .htm, .pdf)."""


def _display_name(filename: str) -> str:
    return os.path.basename(str(filename)) or "（未命名文件）"


def _plausible_text(text: str) -> bool:
    """False for binary content: NUL bytes or more than 1% control characters."""
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls <= len(text) // 100


_MIN_SAMPLE = 20
_MIN_COMMON_SHARE = 0.8


def _common(ch: str) -> bool:
    """Is ``ch`` a character of everyday Chinese text: in GB2312 (the simplified characters and symbols of the
    mainland's texts), or among Big5's frequently used characters and symbols (codes A140–C67E: the 5,401 常用字 of
    the traditional texts that offices repost and save on a Chinese Windows as GB18030, branch prose63)?"""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        code = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and _BIG5_COMMON[0] <= int.from_bytes(code, "big") <= _BIG5_COMMON[1]


#: Big5's symbols and level-1 (frequently used) characters, by code
_BIG5_COMMON = (0xA140, 0xC67E)


def _common_share(text: str) -> tuple[int, float]:
    """(number of non-ASCII characters, share of them that are common, ``_common``) over the first 20,000.

    Real Chinese text is almost all common, simplified (seeds: 100% GB2312) or traditional (the development corpus's
    繁體 texts: 99%–100%); Big5 bytes read as GBK give about 50%, random bytes less."""
    sample = [ch for ch in text[:20000] if ord(ch) > 127]
    if not sample:
        return 0, 1.0
    return len(sample), sum(map(_common, sample)) / len(sample)


def _looks_big5(data: bytes) -> bool:
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return False
    return _plausible_text(text) and len(HAN_RE.findall(text)) >= _MIN_SAMPLE


def decode_plan_bytes(data: bytes, filename: str = "") -> str:
    """Decode the bytes of a text plan.

    Tries UTF-8 (a BOM is removed), then GB18030 (a superset of GBK and GB2312, the encodings of
    Chinese Windows). The decoded text must look like text (no NUL, few control characters),
    and GB18030 text must be mostly common characters: Big5 (traditional Chinese) or binary
    content read as GB18030 gives rare characters, and is refused. Raises ``PlanReadError``
    naming ``filename`` when no encoding fits.
    """
    name = _display_name(filename)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
            if _plausible_text(text):
                return text
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _plausible_text(text):
            raise PlanReadError(f"文件 {name} 不是文本文件：其中含有二进制内容。")
        count, share = _common_share(text)
        if encoding == "gb18030" and count >= _MIN_SAMPLE and share < _MIN_COMMON_SHARE:
            if _looks_big5(data):
                raise PlanReadError(f"文件 {name} 似乎是繁体 Big5 编码，请另存为 UTF-8 或 GB18030 后再上传。")
            raise PlanReadError(f"无法识别文件 {name} 的文字编码：按 GB18030 读出的多为生僻字，可能是乱码或二进制文件。")
        return text
    raise PlanReadError(f"无法识别文件 {name} 的文字编码：既不是 UTF-8，也不是 GB18030/GBK。")


def _damaged(filename: str) -> PlanReadError:
    return PlanReadError(f"文件 {_display_name(filename)} 已损坏：Word 文档的内部结构有误，无法读取。"
                         "请在 Word 或 WPS 中打开它并另存为新的 .docx 后再上传。", "corrupt")


def docx_text(data: bytes, filename: str = "", budget: UploadBudget = UploadBudget()) -> str:
    """Text of a .docx: body paragraphs and tables in document order, one line each; a list
    paragraph starts with the label Word shows for it ("一、", "1.", ``docx_numbering``); a
    table row's cells are joined by a tab (a cell merged across columns read once, the columns it
    spans left empty). The file first passes the
    zip-bomb and entity checks uploaded ledgers pass (archives.check_docx), then the paragraph
    and style counts of ``budget`` (upload_budget.check_docx_budget). Raises ``PlanReadError``
    with a Chinese message naming the file and what to do; a file python-docx cannot walk
    (malformed XML, non-integer or out-of-range attributes, a merge that starts nowhere) is
    "已损坏" (code "corrupt"), never a traceback (issue 14, SECURITY-TESTS.md H3)."""
    from docx import Document
    from docx.exceptions import PythonDocxError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml import etree

    name = f"文件 {_display_name(filename)}"
    try:  # zip bombs, entity declarations and oversized parts are refused before python-docx unpacks anything
        check_docx(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_docx_budget(archive, name, budget)
    except ArchiveRefused as refusal:
        raise PlanReadError(str(refusal), refusal.code) from None
    from .docx_numbering import DamagedNumbering, ListNumberer

    try:
        document = Document(io.BytesIO(data))
        numberer = ListNumberer(document)
        lines: list[str] = []
        run_tag, skipped = qn("w:r"), {qn("w:txbxContent"), qn("w:del"), qn("w:moveFrom"),
                                         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
        text_tags = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}

        def inside(element, top, tags) -> bool:
            for ancestor in element.iterancestors():
                if ancestor is top:
                    return False
                if ancestor.tag in tags:
                    return True
            return False

        def paragraph_text(p) -> str:
            # Every run of the paragraph, also those python-docx's Paragraph.text leaves out:
            # inside inline content controls, smart tags (dates, places), fields and tracked
            # insertions; not deleted text, nor text boxes (their own paragraphs).
            parts = []
            for run in p.iter(run_tag):
                if inside(run, p, skipped):
                    continue
                for child in run:
                    if child.tag in text_tags:
                        parts.append(child.text or "" if text_tags[child.tag] is None else text_tags[child.tag])
            return "".join(parts)

        def cell_lines(cell) -> list[str]:
            # A 序号 column is often numbered by Word itself: the label is part of the cell's text.
            # Paragraphs inside content controls and nested tables of the cell are its text too.
            # A line break inside a paragraph (Word's <w:br/>) separates like a paragraph does.
            paragraphs = [p for p in cell._tc.iter(qn("w:p")) if not inside(p, cell._tc, skipped)]
            return [re.sub(r"\s+", " ", line).strip() for p in paragraphs
                    for line in (numberer.label(Paragraph(p, cell)) + paragraph_text(p)).split("\n")]

        def cell_text(lines_of_cell: list[str]) -> str:
            # The cell's lines are joined by a blank (units one per line are a list), except where a
            # line ends inside a written date ("2024年" then "9月底前"): one date, read joined.
            text = ""
            for piece in lines_of_cell:
                text = text + piece if breaks_inside_date(text, piece) else f"{text} {piece}"
            return re.sub(r"\s+", " ", text).strip()

        def read_block(parent) -> None:
            for child in parent.iterchildren():
                if child.tag == qn("w:p"):
                    paragraph = Paragraph(child, document)
                    # a line break inside the paragraph (Shift+Enter): a line end, unless the words after it
                    # go on the numbered item before it (cleaning.join_soft_breaks, as a page's <br>)
                    text = numberer.label(paragraph) + paragraph_text(child).replace("\n", SOFT_BREAK)
                    lines.append(join_soft_breaks(text))
                elif child.tag == qn("w:sdt"):  # content controls wrap paragraphs and tables alike
                    for content in child.iterchildren(qn("w:sdtContent")):
                        read_block(content)
                elif child.tag == qn("w:tbl"):
                    for row in Table(child, document).rows:
                        # A cell merged across columns is read once, in its first column; the
                        # columns it spans stay, empty, so the next cells keep their places
                        # (a unit spanning 牵头单位 and 配合单位 must not push the time into 配合单位).
                        cells, seen = [], set()
                        for cell in row.cells:
                            cells.append([] if id(cell._tc) in seen else cell_lines(cell))
                            seen.add(id(cell._tc))
                        # a task cell numbering several items one a line beside a cell of their times one a line:
                        # one row per item (tables.split_item_cells, branch fresh63)
                        split = split_item_cells(cells)
                        if split is not None:
                            lines.extend("\t".join(cells_of_row) for cells_of_row in split)
                        else:
                            lines.append("\t".join(cell_text(lines_of_cell) for lines_of_cell in cells))

        read_block(document.element.body)
    except (DamagedNumbering, PythonDocxError, etree.LxmlError, zipfile.BadZipFile, KeyError, ValueError,
            IndexError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise _damaged(filename) from exc
    return "\n".join(lines)


def html_text(data: bytes | str, filename: str = "", budget: UploadBudget = UploadBudget()) -> str:
    """Text of a saved web page: its metadata table and article body first, data-table rows as
    tab-joined cells (``webpage.page_text``, linear in the page). Raises ``PlanReadError`` for
    undecodable bytes, and for a page nested deeper or holding more blocks than ``budget`` allows
    (checked before parsing, issue 14 item 7)."""
    from .webpage import page_text

    markup = decode_plan_bytes(data, filename) if isinstance(data, bytes) else data
    try:
        check_html_budget(markup, f"文件 {_display_name(filename)}", budget)
    except ArchiveRefused as refusal:
        raise PlanReadError(str(refusal), refusal.code) from None
    return page_text(markup)


def _text_of(data: bytes, filename: str, budget: UploadBudget = UploadBudget()) -> str:
    extension = Path(str(filename)).suffix.lower()
    if extension in TEXT_EXTENSIONS:
        return decode_plan_bytes(data, filename)
    if extension in DOCX_EXTENSIONS:
        return docx_text(data, filename, budget)
    if extension in HTML_EXTENSIONS:
        return html_text(data, filename, budget)
    if extension in PDF_EXTENSIONS:
        from .pdf import PdfReadError, pdf_text

        try:
            return pdf_text(data, _display_name(filename))
        except PdfReadError as error:
            raise PlanReadError(str(error)) from None
    raise UnsupportedFileType(unsupported_type_message(_display_name(filename), extension))


def empty_file_message(name: str) -> str:
    """What is said of the plan file ``name`` when it holds nothing (the upload page, and its check in the browser)."""
    return f"文件 {name} 是空的。请确认选对了文件后重新上传。"


def unsupported_type_message(name: str, extension: str | None = None) -> str:
    """What is said of the plan file ``name`` whose extension is not in SUPPORTED_EXTENSIONS.

    ``extension`` (".doc"; "" for none) is shown after the name and picks the hint (a .doc: save it as .docx; an Excel
    file: the ledger import); None: no extension shown and the general hint (the upload form's check in the browser,
    services/file_fields.plan_field, which gives the sentence of each hinted extension as well: ``HINTED_EXTENSIONS``).
    """
    hint = _HINTS.get(extension or "", f"请提供 {'、'.join(SUPPORTED_EXTENSIONS)} 文件")
    shown = "" if extension is None else f"（{extension or '无扩展名'}）"
    return f"不支持的文件类型：{name}{shown}；{hint}。"


def kinds_hint() -> str:
    """The line under the plan upload's file field (导入方案, 上传修订版): the kinds read, each with its extensions
    (SUPPORTED_EXTENSIONS, grouped as ``_KIND_NAMES``), then what to do with an old Word or a WPS file (``_HINTS``):
    "支持 Word（.docx）、PDF（须有文字层，扫描件不行：.pdf）……。旧版 Word（.doc）文件请先另存为 .docx；……"."""
    kinds = "、".join(f"{name}（{'、'.join(extensions)}）" if "（" not in name
                     else f"{name[:-1]}：{'、'.join(extensions)}）" for extensions, name in _KIND_NAMES)
    return f"支持 {kinds}。{_HINTS['.doc']}；{_HINTS['.wps']}。"


def read_plan_bytes(data: bytes, filename: str, budget: UploadBudget = UploadBudget()) -> PlanDraft:
    """Parse an uploaded plan: ``data`` is the file's bytes, ``filename`` its name (only the
    extension is used, and the name appears in error messages).

    Returns a ``PlanDraft``. Raises ``UnsupportedFileType`` for an extension other than .txt,
    .md, .docx, .html, .htm, .pdf; ``PlanReadError`` for undecodable text, a broken .docx or .pdf,
    a scanned PDF without text, or a file past ``budget`` (lines, paragraphs, nesting depth, numbered
    items; upload_budget.py).
    """
    return read_plan_text(_text_of(data, filename, budget), f"文件 {_display_name(filename)}", budget)


def read_plan_text(text: str, name: str = "粘贴的文本", budget: UploadBudget = UploadBudget()) -> PlanDraft:
    """Parse a plan's decoded ``text`` (a file's or pasted), within ``budget``: more than
    ``max_paragraphs`` lines are refused before parsing, more than ``max_items`` numbered items
    after it (the parse is linear; the preview of 100,000 items is what no browser survives).
    ``name`` names the text in messages. Raises ``PlanReadError``."""
    try:
        check_text_budget(text, name, budget)
        draft = parse_plan_text(text)
        check_item_budget(len(draft.measures), name, budget)
    except ArchiveRefused as refusal:
        raise PlanReadError(str(refusal), refusal.code) from None
    return draft


def read_plan_file(path: str | os.PathLike) -> PlanDraft:
    """Read and parse the plan file at ``path`` (see ``read_plan_bytes`` for formats/errors).

    The extension is checked before the file is opened; a missing or unreadable file raises
    ``PlanReadError`` naming it.
    """
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        _text_of(b"", path.name)  # raises UnsupportedFileType with the usual message
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PlanReadError(f"找不到文件 {path}。") from exc
    except OSError as exc:
        raise PlanReadError(f"无法读取文件 {path}：{exc.strerror or exc}。") from exc
    return read_plan_bytes(data, path.name)
