"""PDF plans with a text layer: their lines and tables, in reading order (issue 13).

Many offices receive plans as PDF. ``pdf_text`` reads each page with pdfplumber (pdfminer.six
underneath): the tables pdfplumber finds from the ruling lines become tab-joined rows (a task
table reads as one, ``tables.py``), the text outside them becomes lines; both are put in
order by their position on the page; a row a page end breaks in two is joined again (the next
page opens with a row whose 序号 cell is empty). Page numbers ("— 3 —", "-3-", "第3页", "第 2 页 共
3 页") and running headers and footers (the same short line first or last on most pages; the date,
title, address and "2/7" a browser prints on every page) are dropped;
a line the layout wrapped at the right edge of the page's text is joined with the next one when
that one starts at the left edge of a page whose paragraphs are indented (``_join_wrapped``, issue
13: a 责任单位 list cut after "市", a paragraph cut after a full stop, "…网站www.1233" + "9.gov.cn"; a page
holding one long paragraph, without indents of its own, is laid out as the document's other pages are,
``_settle_indents``); on a page without indents (a stored text drawn line by line) a line the margin wrapped
inside a sentence is joined with the next unless that one opens an item (``_goes_on_unindented``);
other lines a paragraph wraps over are joined later by the body walk, as for any text.

A scanned PDF holds pictures of pages and no text: it is refused with a Chinese sentence
saying so and what to do (OCR, or the Word version). So are damaged or password-protected
files, and files of more than ``MAX_PAGES`` pages (work stays bounded).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re

MAX_PAGES = 300
# Fewer non-blank characters than this per page on average: the text layer is missing.
_MIN_CHARS_PER_PAGE = 20
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－·•]*(?:(?:共\s*[0-9]{1,4}\s*页[\s，,]*)?第\s*[0-9０-９]{1,4}\s*页(?:[\s，,]*共\s*[0-9]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}(?:\s*/\s*共?\s*[0-9]{1,4}\s*页?)?)[\s\-—–－·•]*$")
_PAGE_DASHES = "-—–－·•"


def is_page_mark(text: str) -> bool:
    """Is the line ``text`` a printed page's number as a text copied out of a PDF keeps it between the lines of a page
    break ("— 1 —", "- 2 -", "-3-", "第 2 页 共 3 页", "第2页")? The page-number rule of this reader (``_PAGE_NUMBER_RE``),
    the number dressed by dashes on both sides or written with 页: a bare number ("3") is no mark in a text, where it may
    be a badge's number or a count (branch captions60: a caption's list of units cut by a page break in a pasted PDF)."""
    stripped = (text or "").strip()
    if not stripped or not _PAGE_NUMBER_RE.match(stripped):
        return False
    return "页" in stripped or (stripped[0] in _PAGE_DASHES and stripped[-1] in _PAGE_DASHES)


# A running header or footer (the issuer's name, "××市人民政府公报 2023年第5期"): the same line,
# digits aside, first or last on most pages.
_RUNNING_CHARS = 40
# A longer line, punctuation and all, is a running line when it is first (or last) on nearly every
# page: a browser's print header "12/2/26, 7:59 PM 某某办法_某某局" and footer "file:///… 2/7" (issue 13).
_PRINTED_CHARS = 200
_PRINTED_SHARE = 0.8
_PRINTED_MIN_PAGES = 3
_DIGITS_RE = re.compile(r"[0-9０-９]+")
_SENTENCE_RE = re.compile(r"[。；;，,！？!?：:]")


class PdfReadError(ValueError):
    """The PDF could not be read; the message is one Chinese sentence (see module doc)."""


def _cell(value) -> str:
    return re.sub(r"\s+", "", value or "")


class _PdfLine(str):
    """A text line of a page, with where it lies: ``full`` when it reaches the right edge of the
    page's text (the layout wrapped it there), ``at_margin`` when it starts at the left edge (no
    first-line indent), ``indented_page`` when its page indents the first lines of paragraphs."""

    full = False
    at_margin = False
    indent = False  # it starts one to four characters right of the left edge: a paragraph's first line
    indented_page: bool | None = False
    x1 = 0.0
    char = 0.0
    page_right: float | None = None


# How close to an edge of the page's text a line must come to count as reaching it, in characters
# of that line (a ragged layout stops up to one character short of the right margin).
_EDGE_CHARS = 1.5
_MIN_FULL_CHARS = 8
_MIN_AT_EDGE = 3


def _page_lines(page) -> list[str]:
    """The lines of one page: text outside tables, and each table row as tab-joined cells."""
    tables = page.find_tables()
    blocks: list[tuple[float, str]] = []
    for table in tables:
        top = table.bbox[1]
        for offset, row in enumerate(table.extract()):
            cells = [_cell(value) for value in row]
            if any(cells):
                blocks.append((top + offset * 0.001, "\t".join(cells)))
    boxes = [table.bbox for table in tables]

    def outside(obj) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    found = [line for line in text_page.extract_text_lines(keep_blank_chars=False)
             if line.get("text", "").strip() and not _PAGE_NUMBER_RE.match(line.get("text", "").strip())]
    left = min((line.get("x0", 0) for line in found), default=0)
    right = max((line.get("x1", 0) for line in found), default=0)
    placed = []
    for line in found:
        text = line.get("text", "").strip()
        char = (line.get("x1", 0) - line.get("x0", 0)) / max(len(text), 1)
        placed.append((line, _PdfLine(text), char))
    indents = [1.5 * char <= line.get("x0", 0) - left <= 4.5 * char for line, _, char in placed]
    # two first-line indents on the page tell its layout; fewer (one paragraph runs over the whole page, or it
    # ends there) leave it to the document's (``_settle_indents``)
    indented = True if sum(indents) >= 2 else None
    # the right edge is the page's margin only when several lines reach it (a last page of short
    # lines has none: ``_mark_full`` then takes the margin of the other pages)
    at_edge = sum(1 for line, _, char in placed if line.get("x1", 0) >= right - _EDGE_CHARS * char)
    for (line, text, char), indent in zip(placed, indents):
        text.x1, text.char, text.indent = line.get("x1", 0), char, indent
        text.page_right = right if at_edge >= _MIN_AT_EDGE else None
        text.at_margin = line.get("x0", 0) <= left + 0.5 * char
        text.indented_page = indented
        blocks.append((line.get("top", 0), text))
    blocks.sort(key=lambda block: block[0])
    return [text for _, text in blocks]


def _mark_full(pages: list[list[str]]) -> None:
    """Set ``full`` on every text line of ``pages``: it reaches the right margin of its page, or,
    on a page where too few lines reach one, the margin most pages share."""
    rights = sorted(line.page_right for page in pages for line in page
                    if isinstance(line, _PdfLine) and line.page_right is not None)
    usual = rights[len(rights) // 2] if rights else None
    for page in pages:
        for line in page:
            if isinstance(line, _PdfLine):
                right = line.page_right if line.page_right is not None else usual
                line.full = (right is not None and len(line) >= _MIN_FULL_CHARS
                             and line.x1 >= right - _EDGE_CHARS * line.char)


def _settle_indents(pages: list[list[str]]) -> None:
    """Give each page whose own lines do not tell whether it indents its paragraphs (fewer than two
    first-line indents: a speech's long paragraph runs over the whole page) the layout of the
    document: indented when, after the lines that end short of the right margin (a paragraph's
    end, ``_mark_full`` having run), the next line more often starts indented than at the margin.
    Issue 13: a printed speech's page holding one paragraph kept its wrapped lines apart, and its
    "一是…" list, cut over them, was lost."""
    lines = [line for page in pages for line in page if isinstance(line, _PdfLine)]
    votes = 0
    for previous, line in zip(lines, lines[1:]):
        if not previous.full and (line.indent or line.at_margin):
            votes += 1 if line.indent else -1
    for line in lines:
        if line.indented_page is None:
            line.indented_page = votes > 0


_PART_CUT_RE = re.compile(r"第[一二三四五六七八九十百零〇0-9０-９]{1,5}$")
_PART_WORDS = "章节節条條款项項部篇"


def _cut_inside_token(previous: str, line: str) -> bool:
    """The wrap cut a number or a word in two, whatever the indents: "…网站www.1233" + "9.gov.cn",
    "…条例第四条第 （" + "二）、（三）项…", "…依照本办法第" + "三条…", "…管理办法第一" + "章 总则…"."""
    end, start = previous.rstrip()[-1:], line[:1]
    if _PART_CUT_RE.search(previous.rstrip()) and start in _PART_WORDS:
        return True  # "…管理办法第一" + "章 总则第一条…": a regulation's part number cut from its 章/条 (branch pdfs)
    return bool(end) and (end in "（([〔【第" or (end.isascii() and end.isalnum() and start.isascii() and start.isalnum()))


# Numbering styles a paragraph's own sentences never run on into (a heading or item set flush left on a page whose
# paragraphs are indented); a speech's enumerations ("…任务。" + "二是要…") do run on, and are split again later.
_ITEM_STYLES = frozenset({"arabic", "arabic_paren", "arabic_close", "circled", "dotted2", "dotted3", "cn_close"})


def _opens_item_after_sentence(previous: str, line: str) -> bool:
    """True when ``previous`` ends a sentence and ``line`` opens with an item's number in a structure style
    ("…汇总备案。" + "二、加强应急保障…", "…。" + "（三）…", "…。" + "2.…"): a heading or item set flush left
    (branch notices3: a notice whose 一、 paragraphs stand at the margin lost 二 when 一's last line reached the
    right edge), not the wrap of a paragraph."""
    from ..vocabulary.numbering import STRUCTURE_STYLES, match_number
    from .walker import SENTENCE_END

    if not previous.rstrip() or previous.rstrip()[-1] not in SENTENCE_END:
        return False
    token = match_number(line)
    return token is not None and (token.style in STRUCTURE_STYLES or token.style in _ITEM_STYLES)


def _goes_on_unindented(previous: str, line: str) -> bool:
    """On a page without first-line indents (a stored text drawn line by line, block paragraphs), the line after
    one the margin wrapped goes on with it unless it opens with an item's number (a regulation's part cited,
    "第三条的要求…", is none: ``parser.opens_with_citation``), also when the wrap fell right after a full stop: a
    paragraph's last line seldom fills the line exactly, and a run-on paragraph ("…的目标。一是…。" at the margin,
    "还没有…。二是…" below) must keep its 一是 and 二是 one list. The body walk's fixed-width join, done here where
    the margin is known (branch pdfs: a run-on 办法 whose token-cut lines this reader joined came out of uneven
    widths, and the body walk no longer saw a fixed width)."""
    from ..vocabulary.numbering import match_number
    from .parser import opens_with_citation

    return (getattr(line, "indented_page", None) is False and getattr(line, "at_margin", False)
            and (match_number(line) is None or opens_with_citation(line)))


def _join_wrapped(lines: list[str]) -> list[str]:
    """``lines`` with each line the layout wrapped at the right edge (``_PdfLine.full``) joined with
    the next when that one starts at the left edge of a page that indents its paragraphs' first
    lines: such a line goes on with the paragraph whatever it holds ("…任务。" + "二是要…", "…网站
    www.1233" + "9.gov.cn；") except an item's number after a sentence's end (``_opens_item_after_sentence``:
    a heading set flush left); on any page when the wrap cut a number or word in two
    (``_cut_inside_token``); on a page without indents when the next
    line opens no item (``_goes_on_unindented``). Table rows are never joined. Linear."""
    from .walker import SENTENCE_END, join_wrapped

    result: list[str] = []
    for line in lines:
        previous = result[-1] if result else None
        if (previous is not None and getattr(previous, "full", False) and "\t" not in previous and "\t" not in line
                and (_cut_inside_token(previous, line)
                     or getattr(line, "at_margin", False) and getattr(line, "indented_page", False)
                     and not _opens_item_after_sentence(previous, line)
                     or _goes_on_unindented(previous, line))):
            joined = _PdfLine(join_wrapped(previous, line))
            joined.full, joined.at_margin, joined.indented_page = line.full, previous.at_margin, line.indented_page
            joined.x1, joined.char, joined.page_right = line.x1, line.char, line.page_right
            result[-1] = joined
        else:
            result.append(line)
    return result


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """``pages`` (each page's lines) without a running header or footer: a short line without
    sentence punctuation that is the first (or the last) line of at least two pages and of half of
    them, the same when its digits are left aside ("××市人民政府公报 2023年第5期", "××县人民政府办公室"),
    or any line (up to _PRINTED_CHARS) first or last on at least _PRINTED_MIN_PAGES pages and
    _PRINTED_SHARE of them (a browser's date and title, its address and "2/7"). Between two pages it
    would split a wrapped item in two (issue 13). A document of one page keeps every line."""
    if len(pages) < 2:
        return pages

    def key(text: str) -> str:
        return _DIGITS_RE.sub("#", re.sub(r"\s+", "", text))

    def short(text: str) -> bool:  # short, no table row, no sentence (a text line may repeat)
        return len(text) <= _RUNNING_CHARS and "\t" not in text and not _SENTENCE_RE.search(text)

    def printed(text: str) -> bool:  # any line but a table row, counted only on nearly every page
        return len(text) <= _PRINTED_CHARS and "\t" not in text

    result = [list(page) for page in pages]
    for position in (0, -1):
        counts: dict[str, int] = {}
        for page in result:
            if page and printed(page[position]):
                counts[key(page[position])] = counts.get(key(page[position]), 0) + 1

        def running(text: str) -> bool:
            count = counts.get(key(text), 0)
            if short(text):
                return count >= 2 and count * 2 >= len(pages)
            return printed(text) and count >= _PRINTED_MIN_PAGES and count >= _PRINTED_SHARE * len(pages)

        for page in result:
            if page and running(page[position]):
                page.pop(position)
    return result


def _continues_row(previous: str, first: str) -> bool:
    """A table row broken by a page end: the next page opens with a row of as many cells whose
    序号 cell is empty."""
    if "\t" not in previous or "\t" not in first:
        return False
    before, after = previous.split("\t"), first.split("\t")
    return len(before) == len(after) and not after[0] and bool(before[0])


def _merge_rows(previous: str, continuation: str) -> str:
    return "\t".join(a + b for a, b in zip(previous.split("\t"), continuation.split("\t")))


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs a warning per glyph it cannot size ("Could not get FontBBox from font descriptor",
    a browser's embedded fonts: hundreds of lines a file); what it reads is right, so its warnings are
    held back while a file is read and the logger's level is put back after."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def pdf_text(data: bytes, name: str) -> str:
    """Text of the PDF ``data`` (``name`` appears in messages): one line per text line, table
    rows tab-joined. Raises ``PdfReadError`` for a damaged, encrypted, too long or scanned file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        document = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise PdfReadError(f"文件 {name} 设置了打开密码，无法读取：请取消密码后再上传。") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise PdfReadError(f"文件 {name} 不是有效的 PDF 文件，可能已损坏：请重新导出 PDF 或上传 Word 版本。") from exc
    except Exception as exc:  # pdfminer raises many types on damaged files; none is a traceback here
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber")):
            raise PdfReadError(f"文件 {name} 不是有效的 PDF 文件，可能已损坏：请重新导出 PDF 或上传 Word 版本。") from exc
        raise
    with document, _quiet_pdfminer():
        pages = document.pages
        if len(pages) > MAX_PAGES:
            raise PdfReadError(f"文件 {name} 有 {len(pages)} 页，超过一份方案最多 {MAX_PAGES} 页的上限：请只上传方案本身。")
        lines: list[str] = []
        try:
            paged = _without_running_lines([_page_lines(page) for page in pages])
            _mark_full(paged)
            _settle_indents(paged)
            for page_lines in paged:
                if lines and page_lines and _continues_row(lines[-1], page_lines[0]):
                    lines[-1] = _merge_rows(lines[-1], page_lines.pop(0))
                lines += page_lines
            lines = _join_wrapped(lines)
        except Exception as exc:
            if type(exc).__module__.startswith(("pdfminer", "pdfplumber")) or isinstance(exc, (ValueError, KeyError)):
                raise PdfReadError(f"文件 {name} 的内容无法读出，可能已损坏：请重新导出 PDF 或上传 Word 版本。") from exc
            raise
        chars = sum(len(re.sub(r"\s", "", line)) for line in lines)
        if chars < _MIN_CHARS_PER_PAGE * max(len(pages), 1):
            raise PdfReadError(f"文件 {name} 是扫描件（页面是图片），没有可以读取的文字层：请先用文字识别（OCR）"
                               "转换，或上传方案的 Word、文本版本。")
    return "\n".join(lines)


__all__ = ["MAX_PAGES", "PdfReadError", "pdf_text"]
