"""Offices that want CSV get the work ledger as CSV: UTF-8 with BOM, same rows as the sheet (issue #4)."""
from __future__ import annotations

from urllib.parse import quote

import openpyxl
import pytest

from tests.helpers.ledger import data_rows, read_csv
from tests.helpers.reports import post_report, task_id
from tracker.ledger.csv_writer import csv_cell

def test_csv_from_the_command_line_has_the_sheets_rows_and_captions(app, runner, tmp_path):
    xlsx, csv_path = tmp_path / "台账.xlsx", tmp_path / "台账.csv"
    assert runner.invoke(args=["export-ledger", "-o", str(xlsx), "--plan", "1"]).exit_code == 0
    result = runner.invoke(args=["export-ledger", "-o", str(csv_path), "--plan", "1"])
    assert result.exit_code == 0, result.output
    assert "16 行任务" in result.output
    content = csv_path.read_bytes()
    assert b"\r\n" in content
    rows = read_csv(content)
    sheet_rows = data_rows(openpyxl.load_workbook(xlsx).worksheets[0])
    assert len(rows) == len(sheet_rows) == 16
    for row, sheet_row in zip(rows, sheet_rows):
        expected = {caption: "" if value is None else str(value) for caption, value in sheet_row.items()}
        assert row == expected  # 重点任务 is repeated on each row where the sheet merges it


def test_csv_for_one_unit_has_only_that_units_tasks(app, runner, tmp_path):
    out = tmp_path / "证监局.csv"
    assert runner.invoke(args=["export-ledger", "-o", str(out), "--plan", "1", "--unit", "重庆证监局"]).exit_code == 0
    rows = read_csv(out.read_bytes())
    assert rows and all("重庆证监局" in row["牵头单位"] + row["配合单位"] for row in rows)


def test_export_ledger_refuses_another_suffix_and_says_what_to_do(app, runner, tmp_path):
    out = tmp_path / "台账.txt"
    result = runner.invoke(args=["export-ledger", "-o", str(out)])
    assert result.exit_code == 2
    assert ".xlsx" in result.output and ".csv" in result.output
    assert not out.exists()


def test_formula_looking_progress_is_neutralised_with_an_apostrophe(app, client, auth):
    auth.login("zjj")
    tid = task_id(app, ["一", "（三）"])
    assert post_report(client, tid, progress='=HYPERLINK("http://evil.example","点击")',
                       problems="+1+2", next_steps="@SUM(A1:A9)").status_code == 302
    response = client.get("/plans/1/ledger.csv")
    row = next(r for r in read_csv(response.data) if r["序号"] == "一（三）")
    assert row["进展情况"] == '\'=HYPERLINK("http://evil.example","点击")'
    assert row["存在问题"] == "'+1+2"
    assert row["下步计划"] == "'@SUM(A1:A9)"


@pytest.mark.parametrize("text, expected", [
    ("=1+1", "'=1+1"), ("+86 23", "'+86 23"), ("-2", "'-2"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("\0=x", "'=x"),
    ("已完成", "已完成"), ("1-2", "1-2"), ("", ""), (None, ""),
])
def test_csv_cell_prefixes_exactly_the_formula_triggers(text, expected):
    assert csv_cell(text) == expected


def test_liaison_downloads_its_units_csv_from_the_plan_page(app, client, auth):
    auth.login("zjj")
    page = client.get("/plans/1").get_data(as_text=True)
    assert 'href="/plans/1/ledger.csv"' in page and "下载工作台账（CSV）" in page
    response = client.get("/plans/1/ledger.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.mimetype_params.get("charset") == "utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + quote("重庆市金融去杠杆防风险专项方案工作台账-重庆证监局-") in disposition
    assert disposition.endswith(".csv")
    rows = read_csv(response.data)
    assert rows and all("重庆证监局" in row["牵头单位"] + row["配合单位"] for row in rows)


def test_csv_download_of_an_unknown_plan_is_not_found(app, client, auth):
    auth.login("duban")
    assert client.get("/plans/999/ledger.csv").status_code == 404
