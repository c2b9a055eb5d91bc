"""A unit's copy of the work ledger guides the liaison: only the progress columns can be typed in.

Issue #4: "structural columns locked and the progress columns unlocked when a unit's copy is
exported (sheet protection without a password, so it guides rather than blocks)".
"""
from __future__ import annotations

import openpyxl

from tests.helpers.ledger import download, edit, export, header, import_through_pages, task_by_number
from tracker.models import TaskStatus

STRUCTURAL = ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "任务键", "版本")
PROGRESS = ("进展情况", "存在问题", "下步计划", "完成状态")


def locked_by_caption(sheet) -> dict[str, set[bool]]:
    """caption -> the set of `locked` flags of that column's data cells."""
    top, columns = header(sheet)
    return {caption: {sheet.cell(row, column).protection.locked for row in range(top + 1, sheet.max_row + 1)}
            for caption, column in columns.items()}


def assert_unit_copy_protection(sheet) -> None:
    protection = sheet.protection
    assert protection.sheet is True
    assert not protection.password  # guides, does not block: anyone may lift it
    # True in SheetProtection forbids: formatting columns/rows, sorting and filtering stay allowed.
    assert not protection.formatColumns and not protection.formatRows
    assert not protection.sort and not protection.autoFilter
    flags = locked_by_caption(sheet)
    for caption in STRUCTURAL:
        assert flags[caption] == {True}, caption
    for caption in PROGRESS:
        assert flags[caption] == {False}, caption
    top, _ = header(sheet)
    assert all(cell.protection.locked for row in sheet.iter_rows(max_row=top) for cell in row)


def test_unit_copy_from_the_command_line_is_protected_without_a_password(app, tmp_path):
    path = export(app, tmp_path / "证监局.xlsx", "--plan", "1", "--unit", "重庆证监局")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert_unit_copy_protection(sheet)
    assert sheet.max_row > header(sheet)[0]  # the copy has its unit's tasks


def test_liaison_download_is_protected_like_a_unit_copy(app, client, auth, tmp_path):
    auth.login("zjj")
    copy = tmp_path / "证监局.xlsx"
    copy.write_bytes(download(client).data)
    assert_unit_copy_protection(openpyxl.load_workbook(copy).worksheets[0])


def test_whole_plan_ledger_of_the_supervising_office_is_not_protected(app, tmp_path):
    path = export(app, tmp_path / "全部.xlsx", "--plan", "1")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert not sheet.protection.sheet
    # the progress cells are open in every ledger, so protecting it by hand gives the same guidance
    assert locked_by_caption(sheet)["进展情况"] == {False}


def test_protected_unit_copy_filled_in_imports_back(app, client, auth, tmp_path):
    path = export(app, tmp_path / "证监局.xlsx", "--plan", "1", "--unit", "重庆证监局")
    edited = edit(path, tmp_path / "证监局-填报.xlsx", {
        "一（三）": {"进展情况": "检查证券经营机构 12 家。", "存在问题": "人手紧张。", "完成状态": "推进中"},
    })
    assert openpyxl.load_workbook(edited).worksheets[0].protection.sheet  # still protected on save
    auth.login("zjj")
    assert import_through_pages(client, edited).status_code == 302
    task = task_by_number(app, "一（三）")
    assert task.status is TaskStatus.IN_PROGRESS
    assert [(r.unit.name, r.progress, r.problems) for r in task.reports] == [
        ("重庆证监局", "检查证券经营机构 12 家。", "人手紧张。")]
