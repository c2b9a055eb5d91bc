"""Every stored enumeration labels each of its members once, from one table (tracker/labelled_enum.py)."""
from __future__ import annotations

import pytest

from tracker.labelled_enum import LabelledEnum
from tracker.models import STATUS_LABELS, JournalEntry, JournalField, Role, TaskStatus, journal_value_text
from tracker.services.figures.lights import Light

ENUMS = sorted(LabelledEnum.__subclasses__(), key=lambda cls: cls.__name__)


def test_labelled_enums_are_the_stored_enumerations():
    assert {cls.__name__ for cls in ENUMS} == {
        "Role", "TaskStatus", "ReportCycle", "Channel", "AssignmentRole", "ImportState", "ExtensionState",
        "ReminderLevel", "Light", "JournalField", "UnitKind", "IndicatorKind", "IndicatorDirection",
        "IndicatorFrequency", "SignoffState"}


@pytest.mark.parametrize("enum_class", ENUMS, ids=lambda cls: cls.__name__)
def test_labelled_enum_labels_every_member_once_and_reads_them_back(enum_class):
    assert set(enum_class.__labels__) == {member.value for member in enum_class}
    labels = [member.label for member in enum_class]
    assert len(set(labels)) == len(labels), "two members share a label"
    assert all(enum_class.from_label(f" {member.label} ") is member for member in enum_class)
    assert all(enum_class.from_code(member.value) is member for member in enum_class)
    with pytest.raises(ValueError, match=f"未知的{enum_class.__caption__}"):
        enum_class.from_label("没有这个选项")


def test_labelled_enum_status_reads_the_synonyms_of_other_offices_ledgers():
    assert TaskStatus.from_label("已完成") is TaskStatus.CLOSED
    assert STATUS_LABELS[TaskStatus.IN_PROGRESS] == "推进中" == TaskStatus.IN_PROGRESS.label
    assert Light.RED.label == "红灯" and Role.from_code(None) is None


def test_journal_values_show_the_label_of_a_code_and_free_text_as_written():
    assert journal_value_text("status", "close_requested", None) == "申请办结"
    assert journal_value_text("role", "viewer", "联络员") == "领导（只读）"  # the code wins over an old label
    assert journal_value_text("report", None, "推进中") == "推进中"
    assert journal_value_text("status", "withdrawn_code", None) == "withdrawn_code"  # unknown code: shown as is
    entry = JournalEntry(field="status", old_code="assigned", new_code="in_progress")
    assert (entry.old_value, entry.new_value, entry.caption) == ("已交办", "推进中", "完成状态")
    assert JournalField.caption_of("no_such_field") == "no_such_field"
    assert JournalField.STATUS.value_enum is TaskStatus and JournalField.REPORT.value_enum is None


def test_journal_stores_a_member_by_code_and_refuses_one_its_field_does_not_code():
    from tracker.services.journal import stored_values

    assert stored_values(JournalField.STATUS, TaskStatus.ASSIGNED, TaskStatus.CLOSED) == {
        "old_text": None, "old_code": "assigned", "new_text": None, "new_code": "closed"}
    assert stored_values(JournalField.DUE_DATE, None, 3) == {
        "old_text": None, "old_code": None, "new_text": "3", "new_code": None}
    with pytest.raises(TypeError, match="report"):  # a label would otherwise be written as data
        stored_values(JournalField.REPORT, None, TaskStatus.CLOSED)
    with pytest.raises(ValueError):
        JournalField("no_such_field")
