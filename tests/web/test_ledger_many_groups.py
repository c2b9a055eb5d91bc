"""A foreign ledger with 100 or more unnumbered groups becomes a new plan (issue 14 item 8).

Story: another office's ledger groups its 101 measures under 101 unnumbered headings ("第N部分
…"); the new-plan preview and ``import-ledger --dry-run`` used to crash at the hundredth group
(chinese_numeral(100): IndexError). Now every group is numbered, past 九十九 too (一百, 一百零一 …:
tracker/vocabulary/numbering.chinese_numeral has no upper limit).
"""
from __future__ import annotations

from tests.helpers.xlsx import write_rows
from tracker.vocabulary.numbering import chinese_numeral


def many_groups_ledger(path, groups: int = 101):
    rows = [["区重点工作任务台账"], ["序号", "具体措施", "牵头单位", "完成时限", "进展情况"]]
    for number in range(1, groups + 1):
        rows.append([f"第{number}部分 专项整治{number}"])
        rows.append([None, f"开展第{number}项排查。", "区应急局", "2024年底前", None])
    return write_rows(path, rows)


def test_group_numbers_past_ninety_nine_are_written_in_chinese():
    assert [chinese_numeral(n) for n in (1, 10, 12, 99, 100, 123)] == ["一", "十", "十二", "九十九", "一百", "一百二十三"]


def test_ledger_with_101_unnumbered_groups_dry_runs_and_imports(app, tmp_path):
    path = many_groups_ledger(tmp_path / "多组台账.xlsx")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-ledger", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 0, result.output
    assert "tasks created: 202" in result.output
