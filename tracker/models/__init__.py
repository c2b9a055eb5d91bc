"""Database models: plans, their tasks, units, assignments, progress reports, users.

Names follow GLOSSARY.md. Times are stored as naive UTC datetimes and shown in
Beijing time (UTC+8) by the templates; calendar dates (due dates, issue dates)
are plain dates.
"""
from .bulletins import PublishedBulletin
from .enums import STATUS_LABELS, AssignmentRole, Channel, ImportState, ReportCycle, Role, TaskStatus, UnitKind
from .imports import ImportRecord
from .indicators import Indicator, IndicatorDirection, IndicatorFigure, IndicatorFrequency, IndicatorKind, IndicatorTarget
from .journal import JournalEntry, JournalField, journal_value_text
from .notices import Notification, ReminderDigest
from .people import ApiToken, LoginFailure, User
from .plans import ImportDraft, Plan, Task, new_task_key, task_heading_text
from .reports import ProgressReport
from .signoff import CloseRequest, SignoffState
from .tally import FiguresTally, FiguresTallyPending
from .units import Assignment, Unit, UnitAlias
from .workflow import Attachment, ExtensionRequest, ExtensionState, Reminder, ReminderLevel

__all__ = [
    "STATUS_LABELS", "ApiToken", "Assignment", "AssignmentRole", "Attachment", "Channel", "CloseRequest", "ExtensionRequest",
    "ExtensionState", "FiguresTally", "FiguresTallyPending", "ImportDraft", "ImportRecord", "ImportState", "Indicator", "IndicatorDirection",
    "IndicatorFigure", "IndicatorFrequency", "IndicatorKind", "IndicatorTarget", "JournalEntry", "JournalField",
    "LoginFailure", "Notification", "Plan", "ProgressReport", "PublishedBulletin", "Reminder", "ReminderDigest", "ReminderLevel",
    "ReportCycle", "Role", "SignoffState", "Task", "TaskStatus", "Unit", "UnitAlias", "UnitKind", "User", "journal_value_text",
    "new_task_key", "task_heading_text",
]
