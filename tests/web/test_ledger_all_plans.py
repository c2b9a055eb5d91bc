"""The supervising office exports one ledger of every plan it tracks (issue #4: scope "everything")."""
from __future__ import annotations

import json

import openpyxl

from tests.helpers.ledger import data_rows, read_csv
from tests.helpers.paths import CORPUS

SECOND = CORPUS / "005_sichuan_liutong.txt"
SECOND_GOLD = json.loads((CORPUS / "005_sichuan_liutong.expected.json").read_text(encoding="utf-8"))


def second_plan_leaves() -> list[dict]:
    """The measures of the second plan that have no measures below them, in document order."""
    paths = [tuple(m["path"]) for m in SECOND_GOLD["measures"]]
    parents = {p[:-1] for p in paths}
    return [m for m in SECOND_GOLD["measures"] if tuple(m["path"]) not in parents]


def test_export_without_plan_covers_every_plan(app, runner, tmp_path):
    imported = runner.invoke(args=["import-plan", str(SECOND)])
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "全部.xlsx"
    result = runner.invoke(args=["export-ledger", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet["A1"].value == "全部方案工作台账"
    assert not sheet.protection.sheet  # the supervising office's own ledger guides nobody
    rows = data_rows(sheet)
    leaves = second_plan_leaves()
    assert len(rows) == 16 + len(leaves)
    assert f"{len(rows)} 行任务" in result.output
    chongqing, sichuan = rows[:16], rows[16:]
    assert chongqing[0]["序号"] == "一（一）"  # the first plan first, then the second
    assert [row["序号"] for row in sichuan] == ["".join(m["path"]) for m in leaves]
    headings = {m["path"][0]: m["title"] for m in SECOND_GOLD["measures"] if len(m["path"]) == 1}
    for row, measure in zip(sichuan, leaves):
        assert row["重点任务"] == headings[measure["path"][0]]  # headings never mix between plans
        assert row["具体措施"].startswith(measure["title"])
    assert len({row["任务键"] for row in rows}) == len(rows)


def test_csv_without_plan_covers_every_plan_too(app, runner, tmp_path):
    assert runner.invoke(args=["import-plan", str(SECOND)]).exit_code == 0
    out = tmp_path / "全部.csv"
    assert runner.invoke(args=["export-ledger", "-o", str(out)]).exit_code == 0
    assert len(read_csv(out.read_bytes())) == 16 + len(second_plan_leaves())
