"""The result types of read_ledger: typed rows, cell-level issues, and the whole read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

#: The reason given for a formula in a data column (SECURITY-TESTS.md E11).
FORMULA_REASON = "公式单元格，请改为文本"


@dataclass
class LedgerIssue:
    """One bad cell: ``sheet`` name, Excel ``row`` (1-based), ``column`` letter, its ``caption``
    as mapped (None for an unmapped column) and the ``reason`` in Chinese.

    ``str(issue)`` -> "第 5 行，J 列（完成状态）：…"; ``issue.cli_line()`` -> "row 5, column J: …"
    (the form CONTRACTS.md §4 prescribes for import-ledger).
    """

    sheet: str
    row: int
    column: str
    caption: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.column} 列（{self.caption}）" if self.caption else f"{self.column} 列"
        return f"第 {self.row} 行，{where}：{self.reason}"

    def cli_line(self) -> str:
        """The CONTRACTS.md §4 form: "row N, column X: reason"."""
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass(slots=True)
class ReadRow:
    """One data row of a ledger, typed. ``row`` is its Excel row number.

    ``number``: 序号 as written minus trailing 、. etc. ("一（一）", "1.2"); ``path``: numbering
    tokens from the root (["一", "（一）"], ["1", "1.2"]) or None without a readable 序号;
    ``parent_path``: the path of the group row it sits under (None at the top, or unknown);
    ``heading``: its 重点任务 (merged cell or column value, else the enclosing group row's title);
    for a group row (``is_group_row``) its own title. Units are lists of names. ``deadline`` is
    the 完成时限 as written (a date cell as "YYYY-MM-DD"), ``due_date`` the date it names, if any.
    ``key``/``version`` come from the hidden 任务键/版本 columns of the tracker's own exports.
    ``extra``: unmapped columns' texts by caption. The by-unit layout's columns (issue 15):
    ``unit``, the 单位 the row reports for (None when absent); ``role``, its 角色 as written
    (牵头/配合; not imported); ``report_date``, the 填报日期 of the row's report (a date cell or a
    full date written as text; None when blank or unreadable, the latter with an issue).
    """

    row: int
    number: str | None = None
    path: list[str] | None = None
    parent_path: list[str] | None = None
    heading: str | None = None
    measure: str | None = None
    lead_units: list[str] = field(default_factory=list)
    supporting_units: list[str] = field(default_factory=list)
    deadline: str | None = None
    due_date: datetime.date | None = None
    progress: str | None = None
    problems: str | None = None
    next_steps: str | None = None
    status: str | None = None
    key: str | None = None
    version: int | None = None
    responsible: str | None = None
    remarks: str | None = None
    is_group_row: bool = False
    unit: str | None = None
    role: str | None = None
    report_date: datetime.date | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class LedgerReadResult:
    """What ``read_ledger`` found.

    ``title``/``unit_name``/``report_date``: the title row and the 填报单位/填报日期 line (None when
    absent). ``header_row``: the first header row; ``first_data_row``: the row below the header.
    ``column_map``: canonical caption -> column letter, as used (pass it back, corrected, to
    read_ledger); ``unmapped``: column letter -> caption of header columns no field took.
    ``rows``: data rows in sheet order, group rows included; ``issues``: every bad cell (an import
    must apply nothing while there is one); ``warnings``: notes for the person importing.
    ``own_export``: the sheet has the 任务键 column of the tracker's exports.
    """

    filename: str
    sheet: str
    title: str | None
    unit_name: str | None
    report_date: datetime.date | None
    header_row: int
    first_data_row: int
    column_map: dict[str, str]
    unmapped: dict[str, str]
    rows: list[ReadRow]
    issues: list[LedgerIssue]
    warnings: list[str]
    own_export: bool

    @property
    def ok(self) -> bool:
        """True when no row has an issue."""
        return not self.issues
