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
* ``by-unit`` (按单位分行, issue 15): one row per task and unit (its lead units, then its supporting
  units; a task without units gets one row), with 单位 and 角色 (牵头/配合) after 配合单位 and the
  unit's 填报日期 after 完成状态; 进展情况/存在问题/下步计划 are that unit's own latest report. No
  merged cell: every row stands alone. import-ledger files each row's progress under its 单位;
* extra columns 责任人, 最近反馈时间, 备注, 目标值, 完成值, 完成率 (EXTRA_CAPTIONS), in that order, after 完成状态.

The captions of CONTRACTS.md §3 keep their order in every layout (columns A–J except in by-unit,
where 单位 and 角色 come between 配合单位 and 完成时限); 所属层级 and the extra columns
follow; the hidden 任务键 and 版本 always come last, so import-ledger (which finds columns by
caption, vocabulary/captions.py) reads every layout back. A ledger may carry a note line under its
title (the filters of an exported list, "筛选：状态=推进中；亮灯=红灯"), which moves the header one
row down.
"""

from __future__ import annotations

from dataclasses import dataclass

from .captions import ALL_CAPTIONS, COLUMN_WIDTHS, KEY_CAPTION, LEDGER_CAPTIONS, VERSION_CAPTION

#: The layouts, by their name on the command line and in URLs: tree (default), flat, grouped, by-unit.
LAYOUTS = ("tree", "flat", "grouped", "by-unit")
LAYOUT_LABELS = {"tree": "树形（按重点任务分组合并）", "flat": "平铺（每行一项任务，含所属层级）",
                 "grouped": "分组标题行（每个标题单独一行）",
                 "by-unit": "按单位分行（每项任务每个单位一行，各单位的进展分列）"}
#: Chinese names accepted for the layouts (parse_layout).
_LAYOUT_SYNONYMS = {"树形": "tree", "平铺": "flat", "分组": "grouped", "分组标题行": "grouped", "": "tree",
                    "按单位": "by-unit", "按单位分行": "by-unit", "by_unit": "by-unit", "byunit": "by-unit"}

#: By-unit layout only: the unit a row reports for and its part in the task, after 配合单位.
UNIT_CAPTION = "单位"
ROLE_CAPTION = "角色"
#: By-unit layout only: the date of the row's report, after 完成状态.
REPORT_DATE_CAPTION = "填报日期"
#: 角色 texts, by AssignmentRole value.
ROLE_TEXTS = {"lead": "牵头", "supporting": "配合"}

#: Flat layout only: the task's heading path, one column after 完成状态.
PATH_CAPTION = "所属层级"
#: Separator between the headings of a path in 所属层级.
PATH_SEPARATOR = " ＞ "

#: Optional extra columns (issue #4), in the order they are written.
RESPONSIBLE_CAPTION = "责任人"
LAST_REPORT_CAPTION = "最近反馈时间"
REMARKS_CAPTION = "备注"
# Quantified tasks (issue 16): 目标值 and 完成值 with the task's 计量单位, 完成率 in %.
TARGET_CAPTION = "目标值"
ACHIEVED_CAPTION = "完成值"
COMPLETION_CAPTION = "完成率"
#: Who signed the row's report off inside its unit, and when (审核签发, issue 18): "姓名 YYYY-MM-DD".
SIGNED_BY_CAPTION = "签发人"
EXTRA_CAPTIONS = (RESPONSIBLE_CAPTION, LAST_REPORT_CAPTION, REMARKS_CAPTION, TARGET_CAPTION, ACHIEVED_CAPTION,
                  COMPLETION_CAPTION, SIGNED_BY_CAPTION)

_WIDTH = {PATH_CAPTION: 30, RESPONSIBLE_CAPTION: 12, LAST_REPORT_CAPTION: 12, REMARKS_CAPTION: 16,
          TARGET_CAPTION: 14, ACHIEVED_CAPTION: 14, COMPLETION_CAPTION: 10, SIGNED_BY_CAPTION: 16,
          UNIT_CAPTION: 18, ROLE_CAPTION: 6, REPORT_DATE_CAPTION: 12}
_HORIZONTAL = {PATH_CAPTION: "left", RESPONSIBLE_CAPTION: "center", LAST_REPORT_CAPTION: "center",
               REMARKS_CAPTION: "left", TARGET_CAPTION: "center", ACHIEVED_CAPTION: "center",
               COMPLETION_CAPTION: "center", SIGNED_BY_CAPTION: "center", UNIT_CAPTION: "left", ROLE_CAPTION: "center",
               REPORT_DATE_CAPTION: "center"}
# Horizontal alignment of columns A–J and of the hidden 任务键/版本.
_BASE_HORIZONTAL = ("center", "center", "left", "left", "left", "center", "left", "left", "left", "center")
_HIDDEN_HORIZONTAL = ("left", "center")
# Columns a unit fills in: 进展情况, 存在问题, 下步计划, 完成状态 (G–J), 备注 and the by-unit 填报日期.
_FILLED_IN = frozenset({"进展情况", "存在问题", "下步计划", "完成状态", REMARKS_CAPTION, REPORT_DATE_CAPTION})
_HIDDEN_WIDTHS = COLUMN_WIDTHS[len(LEDGER_CAPTIONS):]
# Where the by-unit layout puts 单位/角色: after 配合单位 (CONTRACTS.md §3).
_UNIT_COLUMNS_AT = LEDGER_CAPTIONS.index("配合单位") + 1


def parse_layout(text: str | None) -> str:
    """Return the layout named by ``text`` ("tree"/"flat"/"grouped"/"by-unit", or their Chinese
    树形/平铺/分组标题行 (or 分组)/按单位分行 (or 按单位); None or "" gives "tree"). Raises ValueError with a Chinese message naming
    the choices."""
    name = (text or "").strip().lower()
    name = _LAYOUT_SYNONYMS.get(name, name)
    if name not in LAYOUTS:
        raise ValueError(f"未知的台账样式“{text}”：可选 tree（树形）、flat（平铺）、grouped（分组标题行）"
                         "或 by-unit（按单位分行）。")
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
        """True for the ``tree`` layout: runs of one 重点任务 share a merged cell."""
        return self.layout == "tree"

    @property
    def group_rows(self) -> bool:
        """True for the ``grouped`` layout: each heading on a bold row of its own before its tasks."""
        return self.layout == "grouped"

    @property
    def by_unit(self) -> bool:
        """True for the ``by-unit`` layout: one row per task and unit, with 单位, 角色 and 填报日期."""
        return self.layout == "by-unit"

    @property
    def info_row(self) -> int:
        """The 填报单位/填报日期 line."""
        return self.title_row + (2 if self.note_row else 1)

    @property
    def header_row(self) -> int:
        """The 1-based sheet row of the column captions (row 3 without a filter note: CONTRACTS.md §3)."""
        return self.info_row + 1

    @property
    def first_data_row(self) -> int:
        """The 1-based sheet row of the first task or heading row, just below the captions."""
        return self.header_row + 1

    @property
    def status_column(self) -> int:
        """The 完成状态 column (J, L in the by-unit layout)."""
        return self.captions.index("完成状态") + 1


def sheet_layout(layout: str = "tree", extra_columns: tuple[str, ...] = (), note: bool = False) -> SheetLayout:
    """Return the SheetLayout of a ledger in ``layout`` with ``extra_columns`` (EXTRA_CAPTIONS
    names) and, when ``note`` is true, a note line under the title. Raises ValueError for an
    unknown layout or column (parse_layout, parse_columns)."""
    layout = parse_layout(layout)
    extras = parse_columns(list(extra_columns))
    added = ((PATH_CAPTION,) if layout == "flat" else (REPORT_DATE_CAPTION,) if layout == "by-unit" else ()) + extras
    base = LEDGER_CAPTIONS
    widths = COLUMN_WIDTHS[:len(LEDGER_CAPTIONS)]
    horizontal = _BASE_HORIZONTAL
    if layout == "by-unit":
        at, inserted = _UNIT_COLUMNS_AT, (UNIT_CAPTION, ROLE_CAPTION)
        base = base[:at] + inserted + base[at:]
        widths = widths[:at] + tuple(_WIDTH[c] for c in inserted) + widths[at:]
        horizontal = horizontal[:at] + tuple(_HORIZONTAL[c] for c in inserted) + horizontal[at:]
    captions = base + added + (KEY_CAPTION, VERSION_CAPTION)
    widths = widths + tuple(_WIDTH[c] for c in added) + _HIDDEN_WIDTHS
    horizontal = horizontal + tuple(_HORIZONTAL[c] for c in added) + _HIDDEN_HORIZONTAL
    unlocked = frozenset(index for index, caption in enumerate(captions, start=1) if caption in _FILLED_IN)
    return SheetLayout(layout, captions, widths, horizontal, len(base) + len(added), unlocked,
                       extras, 2 if note else None)


#: The layout of a plain ledger (tree, no extra column, no note): columns A–L as captions.py lists.
DEFAULT_LAYOUT = sheet_layout()
assert DEFAULT_LAYOUT.captions == ALL_CAPTIONS and DEFAULT_LAYOUT.first_data_row == 4
