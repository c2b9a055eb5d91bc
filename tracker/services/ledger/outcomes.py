"""What a ledger import will do, row by row: the preview shown before anything is written (issue #4).

Plain dataclasses shared by the import planners (ledger_changes.py, ledger_newplan.py), the use
case (ledger_import.py), the CLI and the pages. Nothing here touches the database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...ledger import LedgerIssue

# What happens to one row (the preview's 处理 column).
CREATE, UPDATE, SKIP, CONFLICT, ERROR = "create", "update", "skip", "conflict", "error"
ACTION_LABELS = {CREATE: "新建", UPDATE: "更新", SKIP: "跳过", CONFLICT: "冲突", ERROR: "错误"}

# The three kinds of import (CONTRACTS.md §4).
MODE_OWN, MODE_NEW_PLAN, MODE_MERGE = "own", "new_plan", "merge"
MODE_LABELS = {MODE_OWN: "本系统导出的台账（按任务键更新）", MODE_NEW_PLAN: "外单位台账（新建方案）",
               MODE_MERGE: "外单位台账（合并到已有方案）"}


@dataclass
class FieldDiff:
    """One field of a conflict or an update: its caption, the tracker's value and the file's value."""

    caption: str
    tracker: str
    file: str


@dataclass
class RowOutcome:
    """What the import does with one data row (Excel row number ``row``).

    ``action``: create / update / skip / conflict / error (ACTION_LABELS); ``number``/``label``:
    the row's 序号 and a short text to recognise it; ``task_id``: the matched task, if any;
    ``notes``: what will change or why nothing does, in Chinese; ``diffs``: for a conflict both
    versions of each differing field (never applied), for an update the values that change, for
    a new task every value it will be created with (``tracker`` empty);
    ``tracker_version``/``file_version``: the task's version now and as exported.
    """

    row: int
    action: str
    number: str | None = None
    label: str = ""
    task_id: int | None = None
    notes: list[str] = field(default_factory=list)
    diffs: list[FieldDiff] = field(default_factory=list)
    tracker_version: int | None = None
    file_version: int | None = None

    @property
    def action_label(self) -> str:
        """``action`` in the preview's words: 新建, 更新, 跳过, 冲突 or 错误 (ACTION_LABELS)."""
        return ACTION_LABELS[self.action]


@dataclass
class ImportPreview:
    """Everything the person importing sees before confirming; ``ok`` says whether it may be applied.

    ``issues``: every bad cell (reader and import rules alike) as LedgerIssue (``cli_line()`` gives
    "row N, column X: reason"); ``problems``: reasons the whole file cannot be imported (wrong
    unit, no right to create a plan, already imported); ``duplicate_of``: (record id, Beijing time
    text) of the applied import of the same file; ``reported_on``: the day the import's progress
    is dated by (another office's 填报日期; None: the day of the import). Counts: ``rows_read`` data rows, ``created``
    tasks to create (headings included), ``updated`` tasks to update, ``conflicts``, ``skipped``.
    """

    mode: str
    filename: str
    sha256: str
    sheet: str
    title: str | None
    file_unit: str | None
    report_unit: str | None
    column_map: dict[str, str]
    unmapped: dict[str, str]
    header_row: int
    warnings: list[str]
    outcomes: list[RowOutcome] = field(default_factory=list)
    issues: list[LedgerIssue] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicate_of: tuple[int, str] | None = None
    reported_on: "date | None" = None
    plan_title: str | None = None
    target_plan_id: int | None = None
    rows_read: int = 0
    created: int = 0

    @property
    def ok(self) -> bool:
        """True when the import may be applied: no bad row, no file-level problem, not a duplicate."""
        return not self.issues and not self.problems and self.duplicate_of is None

    def count(self, action: str) -> int:
        """The number of rows whose outcome is ``action``."""
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def updated(self) -> int:
        """The number of rows that update a task (outcome UPDATE)."""
        return self.count(UPDATE)

    @property
    def conflicts(self) -> int:
        """The number of conflict rows: tasks changed in the tracker since the export (never applied)."""
        return self.count(CONFLICT)

    @property
    def skipped(self) -> int:
        """The number of rows skipped: unchanged since the export, or nothing to import."""
        return self.count(SKIP)

    @property
    def mode_label(self) -> str:
        """What kind of import this is, in the preview's words (MODE_LABELS: own export, another office's
        ledger as a new plan, or merged into a plan).
        """
        return MODE_LABELS[self.mode]

    def summary_line(self) -> str:
        """The one-line summary of CONTRACTS.md §4: rows read, tasks created, tasks updated, conflicts."""
        return (f"rows read: {self.rows_read}, tasks created: {self.created}, "
                f"tasks updated: {self.updated}, conflicts: {self.conflicts}")

    def error_lines(self) -> list[str]:
        """Every reason not to apply, one line each: the problems, then "row N, column X: reason"."""
        lines = list(self.problems)
        if self.duplicate_of is not None:
            lines.append(f"{self.filename}: 此文件已于 {self.duplicate_of[1]} 导入（导入记录 #{self.duplicate_of[0]}），"
                         "不会重复导入。如需重新导入，请先撤销该次导入。")
        lines.extend(issue.cli_line() for issue in sorted(self.issues, key=lambda i: (i.row, i.column)))
        return lines
