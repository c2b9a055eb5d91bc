"""Saved web pages: the article body of a government site's page, as plain lines.

A page saved from a government site (issue 13: a State Council page gave 0 of its 28 measures)
wraps the document in layout tables, with navigation, a 索引号/主题分类 metadata table, 【打印】
【关闭】 buttons, share iframes and a footer around it. Read as a data table, its body became
one cell. The page is read in this order:

1. Noise out: scripts, styles, forms, buttons, iframes, the print/close/share links, the
   related-links and 上一篇/下一篇 blocks, and the site's footer (its "主办单位：…" would read as
   a unit caption).
2. The metadata table (cells "标题：", "发文字号：", "发文机关：", "成文日期：" each followed by
   its value), or the same written as a list (<li>成文日期：…</li>, <dt>/<dd>), gives header lines:
   title, 文号, 发文机关 and the signing date ("成文日期：2023年3月5日"), then is dropped; 发布日期
   is the page's publication date and is never read as the issue date (GOLD-README).
3. The article body: the elements known to hold it on government sites (UCAP-CONTENT,
   pages_content, TRS_Editor, zoom …; every block of the first such name, and what lies between
   blocks side by side) when they hold enough Chinese text; else the element whose
   paragraphs hold the most Chinese text (each paragraph counts for its parent, half for its
   grandparent), as readability-style extractors do — when that is a data table (a 分工表), the
   block holding it, so the heading above the table stays (issue 13, round 2); else a generic
   article/content element.
4. Tables: a data table (one value per cell, no nested table, no paragraphs in a cell, more
   than one column; or any table without a nested one whose first rows name a task table's columns,
   whatever its cells hold: a 考核 table's criteria in several paragraphs) keeps its rows as tab-joined
   cells, so a task table is read as one; a layout table is unwrapped. Inside a cell, inline markup joins as written ("<span>2023年</span><span>6月
   底前</span>"), its lines join with a space (units one per line), a date a <br> cuts joins again. The items of an <ol> get the numbers a browser shows before them.
5. Lines: one per block. The source's own whitespace between two pieces of one date (Word's HTML:
   "<span>2024</span>" newline "<span>年</span>") is layout and goes (``deadlines.splits_written_date``);
   elsewhere it is one space. A <br> ends the line, except inside a numbered item's paragraph after a
   sentence, before words that open no item, bracket, caption or indented paragraph: that sentence
   is still the item's, as in the page's .txt copy (issue 13, deadlines round 4).

When no body holds enough text (a page that is only a table, a fragment), the whole page is
read the same way. Pure: BeautifulSoup and lxml, no network.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .cleaning import SOFT_BREAK, join_soft_breaks
from ..vocabulary.han import HAN, HAN_RE

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
               "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dt",
               "dd", "title", "hr", "td", "th")
_NOISE_TAGS = ["script", "style", "noscript", "template", "head", "iframe", "svg", "form", "button",
               "input", "select", "textarea", "object", "embed", "nav"]
# ids and classes of the article body on government sites (gov.cn, provincial and city portals).
_BODY_SELECTORS = ("#UCAP-CONTENT", ".pages_content", ".TRS_Editor", "#zoom", ".zoom", "#Zoom",
                   ".article-content", ".article_content", ".art_con", ".wzcon", ".xxgk_content")
# Names so common that they often wrap navigation and footer too: tried after the densest block.
_GENERIC_SELECTORS = ("article", "#content", ".article", ".content", ".con")
#: A page's tool link or button as a line of its own ("【打印】", "关闭窗口", "分享到:"): page furniture,
#: never text; also what ends a table copied from a page one cell per line (parsing/tables.py).
PAGE_NOISE_RE = re.compile(r"^[【\[]?\s*(?:打印|关闭|关闭窗口|打印本页|返回顶部|分享|分享到|收藏|纠错|字号|大|中|小|"
                           r"默认|复制链接|我要纠错|保存)\s*[】\]]?\s*[：:]?$")
_LINK_NOISE_RE = PAGE_NOISE_RE
# The site's footer (主办单位, 网站标识码, 备案号): dropped when short, as footers are.
_FOOTER_SELECTORS = ("footer", "#footer", ".footer", "#foot", ".foot", ".bottom", "#bottom", ".copyright", "#copyright")
_FOOTER_MAX_CJK = 300
_MAX_SPAN = 1000
_META_LABELS = {"标题": "title", "名称": "title", "文件名称": "title", "发文字号": "doc_number",
                "文号": "doc_number", "发文机关": "issuer", "发布机构": "issuer", "成文日期": "issued",
                "发文日期": "issued"}
MIN_BODY_CJK = 200
# A further block marked by the same body selector counts when it holds this much text.
_PART_MIN_CJK = 20
# "相关链接" and the like: a site's list of other pages after the article, never its items.
_RELATED_RE = re.compile(r"^[【\[]?\s*(?:相关链接|相关文件|相关阅读|相关新闻|相关信息|相关稿件|相关文章|延伸阅读|推荐阅读|"
                         r"上一篇|下一篇)\s*[】\]：:]?")
_RELATED_MAX_CJK = 300
_RELATED_MAX_BLOCKS = 20  # a page has a few; the work stays bounded on a hostile one
# A sibling block holding this share of the best block's text is part of the same body.
_SIBLING_SHARE = 0.3


def _cjk(text: str) -> int:
    return len(HAN_RE.findall(text))


def _label(text: str) -> str:
    return re.sub(r"[\s\u3000：:]", "", text)


_META_ENTRY_RE = re.compile(rf"^(?P<label>[{HAN}\s\u3000]{{2,8}}?)\s*[：:]\s*(?P<value>.*)$", re.S)
_META_LIST_MAX = 40  # entries: a metadata list is short; a long list is content


def _list_metadata(soup, found: dict[str, str]) -> None:
    """The metadata written as a list (``<ul><li>成文日期：2024年04月06日</li>…``, a label entry and
    its value in the next entry, or ``<dl><dt>发文字号</dt><dd>…</dd>``), as many county sites
    lay it out: its values join ``found`` (first value of a label wins) and the list is removed,
    as the metadata table is. Only lists that name 索引号, 发文字号 or 成文日期 count."""
    for block in soup.find_all(["ul", "ol", "dl"]):
        if block.decomposed:
            continue
        entries = block.find_all(["li", "dt", "dd"])
        if not entries or len(entries) > _META_LIST_MAX:
            continue
        texts = [re.sub(r"\s+", " ", entry.get_text(" ", strip=True)) for entry in entries
                 if not entry.find(["li", "dt", "dd"])]
        labels = [_label(text) for text in texts]
        if not any(label.startswith(("索引号", "发文字号", "成文日期")) for label in labels):
            continue
        for index, text in enumerate(texts):
            m = _META_ENTRY_RE.match(text)
            label, value = (_label(m["label"]), m["value"].strip()) if m else (labels[index], "")
            if not value and index + 1 < len(texts) and _label(texts[index + 1]) not in _META_LABELS:
                value = texts[index + 1]
            key = _META_LABELS.get(label)
            if key and value and key not in found:
                found[key] = re.sub(r"\s+", "", value)
        block.decompose()


def _metadata_lines(soup) -> list[str]:
    """Header lines from the page's metadata table(s), which are then removed from ``soup``."""
    found: dict[str, str] = {}
    for table in soup.find_all("table"):
        cells = table.find_all(["td", "th"])
        labels = [_label(c.get_text()) for c in cells]
        if not any(label in ("索引号", "发文字号", "主题分类", "成文日期") for label in labels):
            continue
        if table.find("table") is not None:
            continue
        for cell, label, following in zip(cells, labels, cells[1:]):
            key = _META_LABELS.get(label)
            if key and key not in found:
                found[key] = re.sub(r"\s+", "", following.get_text())
        table.decompose()
    _list_metadata(soup, found)
    lines = [found[key] for key in ("issuer", "title", "doc_number") if found.get(key)]
    if found.get("issued"):
        date = re.match(r"(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})", found["issued"])
        # kept with its caption: a 成文日期 is the issue date wherever it stands (metadata.find_issued_on)
        lines.append(f"成文日期：{int(date[1])}年{int(date[2])}月{int(date[3])}日" if date else found["issued"])
    return lines


def _drop_related_links(soup) -> None:
    """Remove the site's related-links blocks ("相关链接：1.关于印发…的通知 2.…", 上一篇/下一篇): a
    short block of links or list entries whose heading opens with such a caption. Their numbered
    entries would read as items when the article is read with them (a short page read whole)."""
    for caption in soup.find_all(string=_RELATED_RE, limit=_RELATED_MAX_BLOCKS):
        block = caption.parent
        while block is not None and block.name in ("a", "span", "strong", "b", "em", "font", "h2", "h3", "h4", "h5", "h6", "dt", "p"):
            if block.find_all(["a", "li"]) and block.name not in ("a", "span", "strong", "b", "em", "font"):
                break
            block = block.parent
        if (block is None or block.name in ("body", "html", "[document]") or block.decomposed
                or _cjk(block.get_text()) > _RELATED_MAX_CJK or not block.find_all(["a", "li"])):
            continue
        block.decompose()


# Rows at the top of a table searched for a task table's header (a title row or two may come first).
_HEADER_ROWS = 3


def _names_task_columns(table) -> bool:
    """Does one of the first rows of ``table`` name a task table's columns (序号 | 考核内容 | 分值 | 考核单位,
    the captions of tracker/vocabulary/captions.py, as the table reader matches them)?"""
    from ..vocabulary.captions import match_header

    for row in table.find_all("tr", limit=_HEADER_ROWS):
        cells = [cell.get_text("", strip=True) for cell in row.find_all(["td", "th"], recursive=False)]
        if len(cells) >= 2 and match_header(cells) is not None:
            return True
    return False


def _is_data_table(table) -> bool:
    """A table of values (a task table), not one laying out the page. A table of one column (each
    row one cell: the title, then the body with its <br>-separated lines) lays out the page: its
    cells' lines stay lines (issue 13). A table whose first rows name a task table's columns is one
    whatever its cells hold (a 考核 table's 评分标准 written as several paragraphs in a cell, issue 13
    task tables round 7); else a cell of many paragraphs or a long text makes it a layout table."""
    if table.find("table") is not None:
        return False
    if all(len(row.find_all(["td", "th"], recursive=False)) < 2 for row in table.find_all("tr")):
        return False
    if _names_task_columns(table):
        return True
    for cell in table.find_all(["td", "th"]):
        if len(cell.find_all(["p", "div", "br", "li"])) > 3 or _cjk(cell.get_text()) > 600:
            return False
    return len(table.find_all("tr")) >= 2


def _selector_index(soup) -> dict[str, list]:
    """Every tag of ``soup`` under the keys "name", "#id" and ".class" it answers to, in document order.

    One walk over the tree serves every selector above (each a single name, id or class), where a CSS
    ``select`` per selector walked the whole tree again each time: 26 walks over a page of 40,000 blocks.
    """
    index: dict[str, list] = defaultdict(list)
    for tag in soup.find_all(True):
        index[tag.name].append(tag)
        ident = tag.get("id")
        if isinstance(ident, str) and ident:
            index["#" + ident].append(tag)
        for name in tag.get("class") or ():
            index["." + name].append(tag)
    return index


def _selected(index: dict[str, list], selector: str) -> list:
    """The tags ``selector`` (a name, "#id" or ".class") matches, leaving out those removed since."""
    return [tag for tag in index.get(selector, ()) if not tag.decomposed]


def _body(soup, index: dict[str, list]):
    """The element holding the article body, or None (``index``: ``_selector_index(soup)``)."""
    for selector in _BODY_SELECTORS:
        for element in _selected(index, selector):
            if _cjk(element.get_text()) >= MIN_BODY_CJK:
                return element
    return _densest(soup, index)


def _bodies(soup, index: dict[str, list]) -> list:
    """The elements holding the article body, in document order: every block a site's body
    selector marks when it marks several (a notice and its plan in two "TRS_Editor" blocks, issue
    13: reading the first gave 6 of a page's 17 items), with what lies between them when they are
    side by side ("附件"), else ``_body``'s one, else []. Blocks inside another one are not
    repeated."""
    for selector in _BODY_SELECTORS:
        found = [element for element in _selected(index, selector) if _cjk(element.get_text()) >= _PART_MIN_CJK]
        if any(_cjk(element.get_text()) >= MIN_BODY_CJK for element in found):
            marked = {id(element) for element in found}
            outer = [element for element in found if not any(id(above) in marked for above in element.parents)]
            parent = outer[0].parent
            if len(outer) > 1 and parent is not None and all(element.parent is parent for element in outer):
                # blocks side by side: what lies between them too ("附件" between a notice and its plan)
                children = list(parent.children)
                first, last = (next(k for k, child in enumerate(children) if child is element)
                               for element in (outer[0], outer[-1]))
                return children[first:last + 1]
            return outer
    body = _body(soup, index)
    return [] if body is None else [body]


def _densest(soup, index: dict[str, list]):
    """The block whose paragraphs hold the most Chinese text (readability-style), or a generic
    article/content element, or None (see the module doc, step 3)."""
    from bs4 import NavigableString

    scores: dict[int, tuple[float, object]] = {}
    for paragraph in soup.find_all(["p", "td", "li", "div"]):
        own = "".join(child for child in paragraph.children if isinstance(child, NavigableString))
        weight = _cjk(own)
        if weight < 10:
            continue
        parent = paragraph.parent
        for share, element in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if element is None or element.name in (None, "[document]", "html"):
                continue
            score, _ = scores.get(id(element), (0.0, element))
            scores[id(element)] = (score + share * weight, element)
    if scores:
        best, element = max(scores.values(), key=lambda pair: pair[0])
        # A task table is the densest block of a 分工 page, but the article is the block holding it:
        # the heading above the table ("一、市政府重点工作任务") and the notice belong to the text.
        table = element if element.name == "table" else element.find_parent("table")
        if (table is not None and _is_data_table(table) and table.parent is not None
                and table.parent.name not in (None, "[document]", "html", "body", "td")):
            element = table.parent
        # A body split into sibling blocks (one per part of the document): take their parent.
        while element.parent is not None and element.parent.name not in (None, "[document]", "html", "body"):
            strong = [child for child in element.parent.find_all(recursive=False)
                      if scores.get(id(child), (0.0,))[0] >= _SIBLING_SHARE * best]
            if len(strong) < 2:
                break
            element = element.parent
        total = _cjk(element.get_text())
        if best >= MIN_BODY_CJK or total >= MIN_BODY_CJK and best >= MIN_BODY_CJK / 2:
            return element
    for selector in _GENERIC_SELECTORS:
        for element in _selected(index, selector):
            if _cjk(element.get_text()) >= MIN_BODY_CJK:
                return element
    return None


def _span(cell, name: str) -> int:
    """A cell's rowspan or colspan as a number from 1 to _MAX_SPAN (a bad value counts as 1)."""
    try:
        return max(1, min(int(str(cell.get(name, 1)).strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


# A date a <br> breaks inside a cell ("2023年<br>6月底前", "9月底<br>前"): its pieces join as written.
_DATE_END_RE = re.compile(r"[0-9０-９年月日底末]$")
_DATE_GOES_ON_RE = re.compile(r"^[0-9０-９月日号底末前]")


def _join_cell_lines(lines: list[str]) -> str:
    """The lines of one table cell as one text: a space between them (units one per line,
    "市财政局<br>市审计局", split on it later), none inside a date a line break cut."""
    text = ""
    for line in lines:
        if text and not (_DATE_END_RE.search(text) and _DATE_GOES_ON_RE.match(line)):
            text += " "
        text += line
    return text


def _table_rows(table) -> list[list[str]]:
    """The rows of a data table as cell texts, a cell spanning rows (rowspan: one 牵头单位 for
    several tasks) repeated in each row it spans, so every row keeps its columns in place. A cell
    spanning columns (a section row "一、…" across the table, one unit over 牵头单位 and 配合单位) is
    read in its first column, the columns it spans left empty. A row writing fewer cells than the place of a merged
    cell above it gets that cell at its place, empty cells between: no row of a span loses it, the last included.
    A row whose task cell numbers several items one a line beside a cell of their times one a line becomes one row per
    item (``tables.split_item_cells``, branch fresh63). Linear in the cells."""
    from .tables import split_item_cells  # tables reads this module's noise pattern: imported when used

    rows: list[list[str]] = []
    carried: dict[int, list] = {}  # column -> [text, rows left]
    for row in table.find_all("tr"):
        cells: list[str] = []
        written: dict[int, list[str]] = {}  # the place of each cell written on this row -> its lines
        column = 0
        placed: set[int] = set()  # the merged cells above written on this row, by column
        above = set(carried)  # the merged cells of the rows above spanning this one

        def carry() -> None:
            nonlocal column
            while column in carried:
                text, left = carried[column]
                placed.add(column)
                cells.append(text)
                if left <= 1:
                    del carried[column]
                else:
                    carried[column][1] = left - 1
                column += 1

        for cell in row.find_all(["td", "th"]):
            carry()
            # inline markup (<span>2023年</span><span>6月底前</span>) joins as written; a block or
            # <br> inside the cell separates (units one per line: "市财政局<br>市审计局")
            written[len(cells)] = _lines(cell)
            text = _join_cell_lines(written[len(cells)])
            cells.append(text)
            if _span(cell, "rowspan") > 1:
                carried[column] = [text, _span(cell, "rowspan") - 1]
            cells += [""] * (_span(cell, "colspan") - 1)  # the columns it spans stay, empty
            column += _span(cell, "colspan")
        carry()
        # A merged cell standing right of the row's last written cell (a site leaves a row's trailing empty cells
        # out: "3 | 任务" under a 牵头单位 merged over the group's rows) is still the row's: its place is reached over
        # empty cells, so the last rows of a span keep it (branch tables28). One under a cell spanning its column
        # (a colspan over it) is not written on this row, but the row counts in its span.
        for place in sorted(carried):
            if place not in carried or place in placed or place not in above:
                continue
            if place >= column:
                cells += [""] * (place - column)
                column = place
                carry()
            else:
                carried[place][1] -= 1
                if carried[place][1] <= 0:
                    del carried[place]
        split = split_item_cells([written.get(at, [text] if text else []) for at, text in enumerate(cells)])
        if split is not None and not any(_span(cell, "rowspan") > 1 for cell in row.find_all(["td", "th"])):
            rows += split
        else:
            rows.append(cells)
    return rows


_OL_NO_NUMBER_RE = re.compile(r"list-style(?:-type)?\s*:\s*none")
_OL_CJK_RE = re.compile(r"list-style(?:-type)?\s*:\s*(?:cjk-ideographic|simp-chinese-informal|cjk-decimal)")


def _list_numbers(ol) -> dict[int, str]:
    """The numbers a browser shows before the items of ``ol`` (an ordered list: the page's text
    does not hold them): id(<li>) -> "1." (from the ``start`` attribute on), or "一、" for a
    Chinese list style; none for a list styled without numbers, for letters and Roman numerals
    (``type`` a, A, i, I), and for items whose text opens with a number of its own (issue 13:
    the items of an <ol> were read as unnumbered text)."""
    from ..vocabulary.numbering import chinese_numeral, match_number

    style = str(ol.get("style", ""))
    kind = str(ol.get("type", "1"))
    if _OL_NO_NUMBER_RE.search(style) or kind not in ("1", ""):
        return {}
    try:
        start = max(1, min(int(str(ol.get("start", 1)).strip() or 1), 999))
    except ValueError:
        start = 1
    chinese = bool(_OL_CJK_RE.search(style))
    numbers = {}
    for k, li in enumerate(ol.find_all("li", recursive=False)):
        if match_number(li.get_text(" ", strip=True)[:12]) is None:
            n = start + k
            numbers[id(li)] = f"{chinese_numeral(n)}、" if chinese else f"{n}."
    return numbers


# Whitespace of the page's source between two pieces of text (a line break between two <span>s,
# a text node of blanks alone): marked while the page is read, then layout inside a written date
# ("<span>2023</span>\n<span>年</span>\n<span>6月底前</span>" reads "2023年6月底前"), else one space.
_SOURCE_BREAK = "\x1f"
_SOURCE_BREAK_RUN_RE = re.compile(r"[ \x1f]*\x1f[ \x1f]*")
_DATE_CONTEXT = 12
_IDEOGRAPHIC_RUN_RE = re.compile("\u3000+")


def _source_blanks(text: str) -> str:
    """``text`` of one text node with its whitespace runs as one space, a run that holds a line
    break or a tab (the source's layout) or that is the whole node as ``_SOURCE_BREAK``; full-width
    spaces typed in the text stay as written ("2024年\u30006月底前", as the page's .txt copy has them)."""
    text = text.replace(_SOURCE_BREAK, "")
    if not text.strip():
        return _SOURCE_BREAK if text else ""
    return re.sub(r"\s+", lambda m: _SOURCE_BREAK if re.search(r"[\n\r\t]", m.group(0))
                  else m.group(0) if _IDEOGRAPHIC_RUN_RE.fullmatch(m.group(0)) else " ", text)


def _join_source_breaks(text: str) -> str:
    """``text`` with each run of source whitespace (``_source_blanks``) removed where it falls inside
    one written date (``deadlines.splits_written_date``), else made one space."""
    from .deadlines import splits_written_date

    if _SOURCE_BREAK not in text:
        return text

    def resolve(m: re.Match) -> str:
        left = text[max(0, m.start() - _DATE_CONTEXT):m.start()].replace(_SOURCE_BREAK, "")
        right = text[m.end():m.end() + _DATE_CONTEXT].replace(_SOURCE_BREAK, "")
        return "" if splits_written_date(left, right) else " "

    return _SOURCE_BREAK_RUN_RE.sub(resolve, text)


# A <br>: a paragraph's end on most pages, but also a line broken inside one paragraph, whose sentence
# after the break is still the item's (``cleaning.join_soft_breaks``). Marked while the page is read.
_LINE_BREAK = SOFT_BREAK
_INDENT_RE = re.compile(r"[ \t\r\n]*[\u3000\u00a0\u2002\u2003]")  # a typed indent: a paragraph's first line


def _indented_after_break(parts: list[str]) -> None:
    """A text opening with a typed indent right after a <br> opens a paragraph: the break is a line end."""
    for k in range(len(parts) - 1, -1, -1):
        if parts[k] == _LINE_BREAK:
            parts[k] = "\n"
            return
        if parts[k].strip(" " + _SOURCE_BREAK):
            return


def _lines(root) -> list[str]:
    """The lines of ``root``: one per block element, data-table rows as tab-joined cells, whitespace
    runs as one space (kept inside <pre>; none where the source's own whitespace falls inside a date),
    a <br> a line end unless the words after it go on the item before it, link noise dropped. One walk over the tree without
    changing it, so time is linear in the page (editing the tree in place was quadratic in the
    number of sibling blocks: issue 14 item 7)."""
    from bs4 import CData, NavigableString

    parts: list[str] = []
    newline = object()  # a marker on the stack: a block element ends here
    stack: list = [root]
    numbers: dict[int, str] = {}  # id(<li>) -> the number its <ol> shows before it
    while stack:
        item = stack.pop()
        if item is newline:
            parts.append("\n")
        elif isinstance(item, str) and not isinstance(item, NavigableString):
            parts.append(item)  # an <ol>'s number, pushed before its <li>'s contents
        elif isinstance(item, NavigableString):
            if type(item) in (NavigableString, CData):
                in_pre = item.parent is not None and item.parent.name == "pre"
                if _INDENT_RE.match(item):
                    _indented_after_break(parts)
                parts.append(str(item) if in_pre else _source_blanks(str(item)))
        elif item.name == "table" and _is_data_table(item):
            for cells in _table_rows(item):
                parts.append("\n" + "\t".join(re.sub(r"[^\S\u3000]+", " ", cell) for cell in cells) + "\n")
        elif item.name == "br":
            parts.append(_LINE_BREAK)  # a paragraph's end, or a line broken inside one: join_soft_breaks
        else:
            if item.name == "ol":
                numbers.update(_list_numbers(item))
            if item.name in _BLOCK_TAGS:
                parts.append("\n")
                stack.append(newline)
            stack.extend(reversed(item.contents))
            if id(item) in numbers:
                stack.append(numbers.pop(id(item)))
    text = join_soft_breaks(_join_source_breaks("".join(parts)))
    lines = (line.strip(" \u00a0\u3000") for line in text.split("\n"))
    return [line for line in lines if line.strip() and not _LINK_NOISE_RE.match(line.strip())]


#: the fewest characters of a page title that, cut from the article's first line, count as a copy of it (a shorter one,
#: "通知", may be a real title the first line happens to begin with)
_CUT_TITLE_MIN_CHARS = 8


def page_text(markup: str) -> str:
    """The text of a saved web page (decoded ``markup``): metadata header lines, then the article
    body one line per block, data-table rows as tab-joined cells. Never raises on markup."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_NOISE_TAGS):
        tag.decompose()
    for link in soup.find_all("a"):
        if _LINK_NOISE_RE.match(link.get_text(strip=True)) or str(link.get("href", "")).startswith("javascript"):
            link.decompose()
    _drop_related_links(soup)
    index = _selector_index(soup)
    for footer in (tag for selector in _FOOTER_SELECTORS for tag in _selected(index, selector)):
        if not footer.decomposed and footer.parent is not None and _cjk(footer.get_text()) <= _FOOTER_MAX_CJK:
            footer.decompose()  # "主办单位：…" of a site footer would read as a unit caption
    header = _metadata_lines(soup)
    bodies = _bodies(soup, index)
    lines = [line for body in bodies for line in _lines(body)] if bodies else _lines(soup)
    if bodies and not header and title:
        # The page title names the document ("…的意见_政府信息公开_中国政府网"): keep its first part.
        # (a dash inside the title's brackets is its span of years, "…行动方案(2024—2026年)": no site's separator)
        header = [re.split(r"[_|｜]| - |—(?![^（()）]*[）)])", title)[0].strip()]
    # A header line the page's first lines already give is not repeated above them, whether on one line or over several
    # (a title with its edition under it, "健康XX行动实施方案" / "(征求意见稿)", a title wrapped: GOLD-README "fresh45").
    # Only whole lines count: a title quoted inside a sentence of the opening lines ("现将《…的通知》转发给你们") still stands.
    first = [re.sub(r"\s", "", line) for line in lines[:6]]
    spelled = {"".join(first[i:j]) for i in range(len(first)) for j in range(i + 1, min(i + 3, len(first)) + 1)}
    # A site may also cut its page title from the article's opening words ("6.在国道、省道、城市出入市口…" of an excerpt
    # that opens at its item 6, cut at 40 characters): a header the first line begins with is that line again.
    opening = first[0] if first else ""
    header = [line for line in header if line and re.sub(r"\s", "", line) not in spelled
              and not (len(re.sub(r"\s", "", line)) >= _CUT_TITLE_MIN_CHARS and opening.startswith(re.sub(r"\s", "", line)))]
    return "\n".join(header + lines)


__all__ = ["page_text"]
