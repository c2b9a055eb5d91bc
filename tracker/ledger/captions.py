"""Captions, names and column layout of the work ledger (工作台账) sheet.

The ten visible captions and their order are fixed by CONTRACTS.md §3 (export-ledger); other
offices' scripts look them up by exact text. The two hidden captions carry what import-ledger
(CONTRACTS.md §4) needs to find each task again and to detect a conflicting edit.
"""

#: Visible header captions, columns A–J, exactly as CONTRACTS.md §3 lists them.
LEDGER_CAPTIONS = (
    "序号",
    "重点任务",
    "具体措施",
    "牵头单位",
    "配合单位",
    "完成时限",
    "进展情况",
    "存在问题",
    "下步计划",
    "完成状态",
)

#: Hidden column K: the task's stable key (opaque text), so an import finds the task again.
KEY_CAPTION = "任务键"

#: Hidden column L: the task's version at export time (integer), so an import detects conflicts.
VERSION_CAPTION = "版本"

#: Every caption of the header row, in column order A–L.
ALL_CAPTIONS = LEDGER_CAPTIONS + (KEY_CAPTION, VERSION_CAPTION)

#: Separator between several units in one cell (CONTRACTS.md §3: "separated by 、").
UNIT_SEPARATOR = "、"

#: Name of the first sheet, the ledger itself.
SHEET_TITLE = "工作台账"

#: Name of the hidden sheet that holds the 完成状态 choices when they cannot be written inline.
CHOICES_SHEET_TITLE = "选项"

#: 1-based row numbers of the layout: title, 填报单位/填报日期 line, header, first data row.
TITLE_ROW = 1
INFO_ROW = 2
HEADER_ROW = 3
FIRST_DATA_ROW = 4

#: Column widths A–L in Excel character units (a CJK character is about 2). 序号 is 10 so that
#: "一（一）" (8 units) stays on one line, 完成时限 14 for "2017年6月底前"; K holds a uuid hex.
COLUMN_WIDTHS = (10, 16, 60, 18, 18, 14, 30, 30, 30, 10, 36, 8)

#: Column J, 完成状态: the last visible column; K and L are hidden.
LAST_VISIBLE_COLUMN = len(LEDGER_CAPTIONS)

#: Columns G–J (1-based 7–10), 进展情况, 存在问题, 下步计划, 完成状态: what a unit fills in. Their data
#: cells are unlocked; every other cell stays locked, which matters once a unit's copy carries
#: sheet protection (issue #4: "structural columns locked and the progress columns unlocked").
PROGRESS_COLUMNS = frozenset(range(7, LAST_VISIBLE_COLUMN + 1))
