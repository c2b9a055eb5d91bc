"""The upload budget: how much work one uploaded file may cost, checked before the costly step.

Pure module (standard library only). tracker/archives.py already bounds the zip container (bytes,
members, compression ratio, unpacked bytes, DOCTYPE); a file that passes those checks can still be
expensive inside: a 1 MB workbook whose styles table holds 600,000 cell formats makes openpyxl
take 1.3 GB, 2 million shared strings add 350 MB, 900,000 empty paragraphs in a .docx exhaust
python-docx, a page of 8,000 nested ``<div>`` takes BeautifulSoup seconds per kilobyte, and a
numbered .txt of 138,000 items gives a preview no browser can show (issue 14, SECURITY-TESTS.md H1,
H4). This module counts those things from the raw XML or text, streaming, in linear time and a few
megabytes of memory, and refuses past a limit:

========================  ===================================================  ===========
UploadBudget field        what is counted                                      default
========================  ===================================================  ===========
``max_cells``             ``<c>`` elements of all worksheets of a workbook      1,000,000
``max_styles``            style records of xl/styles.xml (xf, font, fill, …)      64,000
``max_shared_strings``    ``<si>`` entries of xl/sharedStrings.xml               500,000
``max_paragraphs``        paragraphs (``<w:p>``) and table cells (``<w:tc>``)
                          of word/document.xml; lines of a text or HTML plan       50,000
``max_word_styles``       ``<w:style>`` entries of word/styles.xml                 10,000
``max_items``             numbered items of a parsed plan                          5,000
``max_chars``             characters of a plan's text (any format, once read)    300,000
``max_depth``             nesting depth of HTML elements                             200
========================  ===================================================  ===========

64,000 is Excel's own limit on cell formats. The others keep one read, measured just under each
limit in a fresh process, within about 5 s and 200 MB more than an idle process (50,000
paragraphs: 2.5 s; 500,000 shared strings: 8 s, +80 MB; 63,000 styles: 1.8 s, +115 MB), while
leaving room over real files (a ledger of 50,000 rows, LEDGER_MAX_ROWS; plans of a few thousand
paragraphs and a few hundred items). The settings ``UPLOAD_MAX_*`` of config.py change them
(README, configuration table).

Each refusal is a ``BudgetExceeded`` (an archives.ArchiveRefused, so the ledger and plan readers
turn it into their own refusal unchanged) whose Chinese message names the file, what was counted,
the limit, and what to do next.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, fields
from typing import Mapping

from .archives import ArchiveRefused

#: Bytes read from a zip member at a time while counting.
CHUNK = 1024 * 1024
#: Bytes kept from one chunk to the next so an element name cut in two is still counted.
_OVERLAP = 64


class BudgetExceeded(ArchiveRefused):
    """A file costs more than the budget allows. ``code``: "too_many_cells", "too_many_styles",
    "too_many_shared_strings", "too_many_paragraphs", "too_many_items", "too_many_chars" or "too_deep";
    ``limit``: the UploadBudget field that was exceeded."""

    def __init__(self, message: str, code: str, limit: str) -> None:
        super().__init__(message, code)
        self.limit = limit


@dataclass(frozen=True)
class UploadBudget:
    """Limits on the content of one uploaded file (counts, not bytes; see the module table)."""

    max_cells: int = 1_000_000
    max_styles: int = 64_000
    max_shared_strings: int = 500_000
    max_paragraphs: int = 50_000
    max_word_styles: int = 10_000
    max_items: int = 5_000
    max_depth: int = 200
    max_chars: int = 300_000

    @classmethod
    def from_config(cls, config: Mapping) -> "UploadBudget":
        """The budget from an app's settings ``UPLOAD_MAX_CELLS``, ``UPLOAD_MAX_STYLES``, … (the
        field name upper-cased with UPLOAD_ in front); a missing or empty setting keeps the default."""
        values = {}
        for field in fields(cls):
            value = config.get("UPLOAD_" + field.name.upper())
            if value:
                values[field.name] = int(value)
        return cls(**values)


def _element(names: str) -> re.Pattern:
    """Start tags of the local names ``names`` (a regex alternation), with any namespace prefix."""
    return re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:" + names.encode() + rb")[\s/>]")


_CELL = _element("c")
_STYLE = _element("xf|font|fill|border|numFmt|dxf|cellStyle")
_SHARED_STRING = _element("si")
_PARAGRAPH = _element("p|tc")
_WORD_STYLE = _element("style")


def count_elements(archive: zipfile.ZipFile, member: str, pattern: re.Pattern, stop_after: int) -> int:
    """Count the start tags ``pattern`` matches in ``member`` of ``archive``, reading CHUNK bytes
    at a time; stops counting once the count passes ``stop_after`` (returns ``stop_after + 1``
    then). A missing member counts 0. Memory: two chunks; time: linear in the member's size."""
    try:
        stream = archive.open(member)
    except KeyError:
        return 0
    count = 0
    with stream:
        tail = b""
        while True:
            chunk = stream.read(CHUNK)
            buffer = tail + chunk
            cut = len(buffer) if not chunk else max(len(buffer) - _OVERLAP, 0)
            for match in pattern.finditer(buffer, 0, len(buffer)):
                if match.start() >= cut:
                    break
                count += 1
                if count > stop_after:
                    return count
            if not chunk:
                return count
            tail = buffer[cut:]


def _refusal(name: str, what: str, count: int, limit: int, advice: str, code: str, field: str) -> BudgetExceeded:
    return BudgetExceeded(f"{name} 含有的{what}超过上限 {limit:,} 个（设置项 {field}），"
                          f"系统不读取这样的文件。{advice}", code, field)


def _check_member(archive: zipfile.ZipFile, member: str, pattern: re.Pattern, limit: int, name: str, what: str,
                  advice: str, code: str, field: str) -> None:
    """Count ``pattern``'s start tags in ``member`` (count_elements) and refuse past ``limit`` (_refusal's message)."""
    count = count_elements(archive, member, pattern, limit)
    if count > limit:
        raise _refusal(name, what, count, limit, advice, code, field)


def check_workbook_budget(archive: zipfile.ZipFile, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a workbook (an open .xlsx ZipFile) whose styles, shared strings or cells pass
    ``budget``, before openpyxl loads any of them (openpyxl reads styles.xml and
    sharedStrings.xml whole, even in read-only mode). ``name``: the file name for the message.
    Raises BudgetExceeded."""
    members = archive.namelist()
    advice = "请在 Excel 中只复制台账的表格到新工作簿（粘贴为数值），另存为 .xlsx 后再上传。"
    for member in members:
        if member.lower().endswith("styles.xml"):
            _check_member(archive, member, _STYLE, budget.max_styles, name, "单元格格式（样式）", advice,
                          "too_many_styles", "UPLOAD_MAX_STYLES")
    for member in members:
        if member.lower().endswith("sharedstrings.xml"):
            _check_member(archive, member, _SHARED_STRING, budget.max_shared_strings, name, "文字单元格（共享字符串）",
                          advice, "too_many_shared_strings", "UPLOAD_MAX_SHARED_STRINGS")
    cells = 0
    for member in members:
        if member.lower().startswith("xl/worksheets/") and member.lower().endswith(".xml"):
            cells += count_elements(archive, member, _CELL, budget.max_cells - cells)
            check_cell_count(cells, name, budget)


def check_cell_count(cells: int, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a sheet read by another reader (a CSV's fields with values, an .xls/.ods sheet's
    rows × columns) of more than ``budget.max_cells`` cells: the same limit and message as an
    .xlsx's ``<c>`` elements. Raises BudgetExceeded("too_many_cells")."""
    if cells > budget.max_cells:
        raise _refusal(name, "单元格", cells, budget.max_cells,
                       "请删去空白格式行列，或把台账拆分成几个文件后再上传。",
                       "too_many_cells", "UPLOAD_MAX_CELLS")


def check_docx_budget(archive: zipfile.ZipFile, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a Word package (an open .docx ZipFile) whose paragraphs and table cells, or whose
    styles, pass ``budget``, before python-docx builds its tree. Raises BudgetExceeded."""
    _check_member(archive, "word/document.xml", _PARAGRAPH, budget.max_paragraphs, name, "段落和表格单元格",
                  "请删去空段落，或把方案拆分成几个文件后再上传。", "too_many_paragraphs", "UPLOAD_MAX_PARAGRAPHS")
    _check_member(archive, "word/styles.xml", _WORD_STYLE, budget.max_word_styles, name, "样式",
                  "请把正文复制到新建的 Word 文档（只保留文本），另存为 .docx 后再上传。",
                  "too_many_styles", "UPLOAD_MAX_WORD_STYLES")


def check_text_budget(text: str, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a plan text (decoded .txt/.md, or the text read from a .docx, page or PDF) of more
    than ``budget.max_paragraphs`` lines (said first: the more telling of the two) or ``budget.max_chars``
    characters. Raises BudgetExceeded.

    The character limit bounds the parse's time whatever the shape: a 20 MB text on one line, or a
    Word file whose 20,000 paragraphs all fall under one item, passed the line limit and took 22 s
    and 48 s to parse (bench/upload_memory.py). The longest real plans are about 100,000 characters
    (a 规划纲要), so 300,000 leaves three times that; a page of 40,000 numbered lines (470,000
    characters) took 8 s of CPU to read and is now refused after its markup is read."""
    lines = text.count("\n") + 1
    if lines > budget.max_paragraphs:
        raise _refusal(name, "文字行", lines, budget.max_paragraphs,
                       "请删去空行和与方案无关的内容，或把方案拆分成几个文件后再上传。",
                       "too_many_paragraphs", "UPLOAD_MAX_PARAGRAPHS")
    if len(text) > budget.max_chars:
        raise _refusal(name, "文字", len(text), budget.max_chars,
                       "一份方案通常只有几万字；请确认选对了文件，删去与方案无关的内容，或把方案拆分成几个文件后再上传。",
                       "too_many_chars", "UPLOAD_MAX_CHARS")


def check_item_budget(items: int, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a parsed plan of more than ``budget.max_items`` numbered items. Raises BudgetExceeded."""
    if items > budget.max_items:
        raise _refusal(name, "编号条目", items, budget.max_items,
                       "一份方案通常只有几百条任务；请确认选对了文件，或把方案拆分成几个文件后再导入。",
                       "too_many_items", "UPLOAD_MAX_ITEMS")


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
#: Elements without content, and elements whose end tag HTML lets the parser imply: neither
#: nests by itself (``<p><p>`` are siblings), so neither counts towards the depth.
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp "
                  "html head body".split())


_BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 table section article blockquote pre dt dd".split())


def html_shape(markup: str, stop_after: int) -> tuple[int, int]:
    """(deepest nesting of elements, number of block elements) of the HTML ``markup``, by one
    linear scan of the tags (end tags that close nothing are ignored); stops once the depth
    passes ``stop_after``."""
    depth = deepest = blocks = 0
    for match in _TAG.finditer(markup):
        closing, tag, empty = match.groups()
        tag = tag.lower()
        if not closing and tag in _BLOCKS:
            blocks += 1
        if tag in _FLAT or empty:
            continue
        if closing:
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop_after:
                break
    return deepest, blocks


def check_html_budget(markup: str, name: str, budget: UploadBudget = UploadBudget()) -> None:
    """Refuse a page whose elements nest deeper than ``budget.max_depth`` or that has more than
    ``budget.max_paragraphs`` block elements, before BeautifulSoup parses it. Raises BudgetExceeded."""
    depth, blocks = html_shape(markup, budget.max_depth)
    if depth > budget.max_depth:
        raise BudgetExceeded(f"{name} 的网页元素嵌套超过 {budget.max_depth} 层（UPLOAD_MAX_DEPTH），"
                             "不像正常的方案网页，系统不读取。请在浏览器中打开它，复制正文粘贴到文本框中导入。",
                             "too_deep", "UPLOAD_MAX_DEPTH")
    if blocks > budget.max_paragraphs:
        raise _refusal(name, "段落", blocks, budget.max_paragraphs,
                       "请删去与方案无关的内容，或把方案拆分成几个文件后再上传。",
                       "too_many_paragraphs", "UPLOAD_MAX_PARAGRAPHS")
