"""Sheet layouts of the work ledger (工作台账): tree, flat or grouped, optional extra columns, row numbers.

Pure module (no Flask, no database). Issue #4 asks for a tree and a flat layout and three optional
columns; the grouped layout is the tree as many offices draw it by hand:

* ``tree`` (the default, unchanged since the first export): consecutive tasks of one 重点任务 share
  a vertically merged 重点任务 cell, as in the 重庆 and 潍坊 ledgers;
* ``flat``: one self-contained row per task, no merged cells, 重点任务 written on every row and a
  所属层级 column holding the task's whole heading path ("一、… ＞ （一）…"), so that rows can be
  sorted, filtered or pasted elsewhere without losing their place;
* ``grouped`` (分组标题行): each heading of the task tree (一、… and （一）… levels) gets a row of its
  own before its tasks, merged across the printed columns, bold, holding the heading's 序号 as
  written and its title ("一、防控金融高杠杆风险"); task rows carry their own 序号 as written
  ("1." "（三）") and every column; group rows have no 任务键, so import-ledger reads them as
  headings (ledger/rows.py) and rebuilds the tree from them (ledger/hierarchy.py);
* extra columns 责任人, 最近反馈时间, 备注 (EXTRA_CAPTIONS), in that order, after 完成状态.

Columns A–J stay the captions of CONTRACTS.md §3 in every layout; 所属层级 and the extra columns
follow; the hidden 任务键 and 版本 always come last, so import-ledger (which finds columns by
caption, vocabulary/captions.py) reads every layout back. A ledger may carry a note line under its
title (the filters of an exported list, "筛选：状态=推进中；亮灯=红灯"), which moves the header one
row down.
"""

from __future__ import annotations

from dataclasses import dataclass

from .captions import ALL_CAPTIONS, COLUMN_WIDTHS, KEY_CAPTION, LEDGER_CAPTIONS, VERSION_CAPTION

#: The layouts, by their name on the command line and in URLs: tree (default), flat and grouped.
LAYOUTS = ("tree", "flat", "grouped")
LAYOUT_LABELS = {"tree": "树形（按重点任务分组合并）", "flat": "平铺（每行一项任务，含所属层级）",
                 "grouped": "分组标题行（每个标题单独一行）"}
#: Chinese names accepted for the layouts (parse_layout).
_LAYOUT_SYNONYMS = {"树形": "tree", "平铺": "flat", "分组": "grouped", "分组标题行": "grouped", "": "tree"}

#: Flat layout only: the task's heading path, one column after 完成状态.
PATH_CAPTION = "所属层级"
#: Separator between the headings of a path in 所属层级.
PATH_SEPARATOR = " ＞ "

#: Optional extra columns (issue #4), in the order they are written.
RESPONSIBLE_CAPTION = "责任人"
LAST_REPORT_CAPTION = "最近反馈时间"
REMARKS_CAPTION = "备注"
#: Who signed the row's report off inside its unit, and when (审核签发, issue 18): "姓名 YYYY-MM-DD".
SIGNED_BY_CAPTION = "签发人"
EXTRA_CAPTIONS = (RESPONSIBLE_CAPTION, LAST_REPORT_CAPTION, REMARKS_CAPTION, SIGNED_BY_CAPTION)

_WIDTH = {PATH_CAPTION: 30, RESPONSIBLE_CAPTION: 12, LAST_REPORT_CAPTION: 12, REMARKS_CAPTION: 16,
          SIGNED_BY_CAPTION: 16}
_HORIZONTAL = {PATH_CAPTION: "left", RESPONSIBLE_CAPTION: "center", LAST_REPORT_CAPTION: "center",
               REMARKS_CAPTION: "left", SIGNED_BY_CAPTION: "center"}
# Horizontal alignment of columns A–J and of the hidden 任务键/版本.
_BASE_HORIZONTAL = ("center", "center", "left", "left", "left", "center", "left", "left", "left", "center")
_HIDDEN_HORIZONTAL = ("left", "center")
# Columns a unit fills in: 进展情况, 存在问题, 下步计划, 完成状态 (G–J), and 备注 when present.
_FILLED_IN = frozenset({"进展情况", "存在问题", "下步计划", "完成状态", REMARKS_CAPTION})
_HIDDEN_WIDTHS = COLUMN_WIDTHS[len(LEDGER_CAPTIONS):]


def parse_layout(text: str | None) -> str:
    """Return the layout named by ``text`` ("tree"/"flat"/"grouped", or their Chinese 树形/平铺/
    分组标题行 (or 分组); None or "" gives "tree"). Raises ValueError with a Chinese message naming
    the choices."""
    name = (text or "").strip().lower()
    name = _LAYOUT_SYNONYMS.get(name, name)
    if name not in LAYOUTS:
        raise ValueError(f"未知的台账样式“{text}”：可选 tree（树形）、flat（平铺）或 grouped（分组标题行）。")
    return name


def parse_columns(values) -> tuple[str, ...]:
    """Return the extra columns named in ``values`` in EXTRA_CAPTIONS order, without repeats.

    ``values``: a comma-separated string ("责任人,备注"; Chinese commas and 、 also separate) or an
    iterable of such strings (a form's checkboxes); None or "" gives (). Raises ValueError with a
    Chinese message for an unknown name.
    """
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    names = set()
    for value in values:
        for name in str(value).replace("，", ",").replace("、", ",").split(","):
            name = name.strip()
            if not name:
                continue
            if name not in EXTRA_CAPTIONS:
                raise ValueError(f"未知的附加列“{name}”：可选 " + "、".join(EXTRA_CAPTIONS) + "。")
            names.add(name)
    return tuple(caption for caption in EXTRA_CAPTIONS if caption in names)


@dataclass(frozen=True)
class SheetLayout:
    """Where everything goes on the sheet of one ledger (1-based rows and columns).

    ``captions``: every header caption in column order (A–J, then 所属层级 and extras, then the
    hidden 任务键 and 版本); ``widths`` and ``horizontal`` per column; ``last_visible``: the last
    printed column; ``unlocked``: the columns whose data cells stay editable under protection;
    ``merge_headings``: tree layout; ``group_rows``: grouped layout (a row per heading);
    ``note_row``: the row of the note line, or None.
    """

    layout: str
    captions: tuple[str, ...]
    widths: tuple[float, ...]
    horizontal: tuple[str, ...]
    last_visible: int
    unlocked: frozenset[int]
    extra_captions: tuple[str, ...]
    note_row: int | None
    title_row: int = 1

    @property
    def merge_headings(self) -> bool:
        return self.layout == "tree"

    @property
    def group_rows(self) -> bool:
        return self.layout == "grouped"

    @property
    def info_row(self) -> int:
        """The 填报单位/填报日期 line."""
        return self.title_row + (2 if self.note_row else 1)

    @property
    def header_row(self) -> int:
        return self.info_row + 1

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def status_column(self) -> int:
        """The 完成状态 column (J in every layout)."""
        return len(LEDGER_CAPTIONS)


def sheet_layout(layout: str = "tree", extra_columns: tuple[str, ...] = (), note: bool = False) -> SheetLayout:
    """Return the SheetLayout of a ledger in ``layout`` with ``extra_columns`` (EXTRA_CAPTIONS
    names) and, when ``note`` is true, a note line under the title. Raises ValueError for an
    unknown layout or column (parse_layout, parse_columns)."""
    layout = parse_layout(layout)
    extras = parse_columns(list(extra_columns))
    added = ((PATH_CAPTION,) if layout == "flat" else ()) + extras
    captions = LEDGER_CAPTIONS + added + (KEY_CAPTION, VERSION_CAPTION)
    widths = COLUMN_WIDTHS[:len(LEDGER_CAPTIONS)] + tuple(_WIDTH[c] for c in added) + _HIDDEN_WIDTHS
    horizontal = _BASE_HORIZONTAL + tuple(_HORIZONTAL[c] for c in added) + _HIDDEN_HORIZONTAL
    unlocked = frozenset(index for index, caption in enumerate(captions, start=1) if caption in _FILLED_IN)
    return SheetLayout(layout, captions, widths, horizontal, len(LEDGER_CAPTIONS) + len(added), unlocked,
                       extras, 2 if note else None)


#: The layout of a plain ledger (tree, no extra column, no note): columns A–L as captions.py lists.
DEFAULT_LAYOUT = sheet_layout()
assert DEFAULT_LAYOUT.captions == ALL_CAPTIONS and DEFAULT_LAYOUT.first_data_row == 4
