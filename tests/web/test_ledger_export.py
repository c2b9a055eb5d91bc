"""The supervising office downloads the work ledger (工作台账) and opens it in Excel."""
from __future__ import annotations

import json
from io import BytesIO

import openpyxl
from sqlalchemy import select

from tests.helpers.ledger import data_rows, header_row
from tests.helpers.paths import CHONGQING_GOLD
from tests.helpers.reports import post_report, task_id
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import Task

GOLD = json.loads(CHONGQING_GOLD.read_text(encoding="utf-8"))
CAPTIONS = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题", "下步计划", "完成状态"]
HEADINGS = {m["path"][0]: m["title"] for m in GOLD["measures"] if len(m["path"]) == 1}
MEASURES = [m for m in GOLD["measures"] if len(m["path"]) == 2]


def test_ledger_export_cli_writes_every_task_cell_by_cell(app, runner, tmp_path):
    out = tmp_path / "台账.xlsx"
    before = beijing_today()
    result = runner.invoke(args=["export-ledger", "-o", str(out), "--plan", "1"])
    days = {before, beijing_today()}  # a run crossing Beijing midnight may date the file either day
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    assert sheet.title == "工作台账"
    assert "重庆市金融去杠杆防风险专项方案" in sheet["A1"].value
    top = header_row(sheet)
    assert [c.value for c in sheet[top]][:10] == CAPTIONS
    dated = "".join(str(c.value or "") for c in sheet[top - 1])
    assert any(f"{day.year}年{day.month}月{day.day}日" in dated for day in days), dated
    rows = data_rows(sheet)
    assert len(rows) == len(MEASURES) == 16
    with app.app_context():
        keys = {tuple(t.path): t.key for t in db.session.scalars(select(Task))}
    for row, measure in zip(rows, MEASURES):
        path = measure["path"]
        assert row["序号"] == "".join(path)
        assert row["重点任务"] == HEADINGS[path[0]]
        assert row["具体措施"].startswith(measure["title"])
        assert row["牵头单位"] == "、".join(measure["lead_units"])
        assert (row["配合单位"] or "") == "、".join(measure["supporting_units"])
        assert row["完成时限"] in (None, "")
        assert row["进展情况"] in (None, "") and row["存在问题"] in (None, "") and row["下步计划"] in (None, "")
        assert row["完成状态"] == "已交办"
        assert row["任务键"] == keys[tuple(path)]
        assert row["版本"] == 1


def test_ledger_export_is_set_up_for_reading_and_printing(app, runner, tmp_path):
    out = tmp_path / "台账.xlsx"
    runner.invoke(args=["export-ledger", "-o", str(out)])
    sheet = openpyxl.load_workbook(out).worksheets[0]
    top = header_row(sheet)
    assert sheet.freeze_panes is not None and int(sheet.freeze_panes[1:]) == top + 1
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows and str(top) in sheet.print_title_rows
    assert sheet.cell(top + 1, 3).alignment.wrap_text
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_ledger_export_carries_the_latest_report_of_a_liaison(app, client, auth, tmp_path):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="第一次报送。")
    post_report(client, tid, progress="已完成辖区机构排查。", problems="私募底数不清。", next_steps="年底前完成整改。")
    out = tmp_path / "台账.xlsx"
    result = app.test_cli_runner().invoke(args=["export-ledger", "-o", str(out), "--plan", "1"])
    assert result.exit_code == 0, result.output
    rows = {r["序号"]: r for r in data_rows(openpyxl.load_workbook(out).worksheets[0])}
    row = rows["一（三）"]
    assert (row["进展情况"], row["存在问题"], row["下步计划"]) == ("已完成辖区机构排查。", "私募底数不清。", "年底前完成整改。")
    assert row["完成状态"] == "推进中"
    assert row["版本"] == 3  # every change moves the version: two reports, 1 → 2 → 3


def test_ledger_export_for_one_unit_holds_only_its_tasks(app, runner, tmp_path):
    out = tmp_path / "保监局.xlsx"
    result = runner.invoke(args=["export-ledger", "-o", str(out), "--unit", "重庆保监局"])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = data_rows(sheet)
    expected = ["".join(m["path"]) for m in MEASURES
                if "重庆保监局" in m["lead_units"] + m["supporting_units"]]
    assert [r["序号"] for r in rows] == expected == ["一（一）", "一（四）", "一（五）"]
    assert "重庆保监局" in "".join(str(c.value or "") for c in sheet[header_row(sheet) - 1])


def test_ledger_export_unknown_unit_fails_and_writes_no_file(runner, tmp_path):
    out = tmp_path / "x.xlsx"
    result = runner.invoke(args=["export-ledger", "-o", str(out), "--unit", "不存在的单位"])
    assert result.exit_code == 1
    assert "单位“不存在的单位”不在单位名录中：请使用单位管理中登记的名称或别名" in result.output
    assert not out.exists()


def test_ledger_export_download_from_the_plan_page(client, auth):
    auth.login("duban")
    assert "下载工作台账" in client.get("/plans/1").get_data(as_text=True)
    response = client.get("/plans/1/ledger.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    rows = data_rows(openpyxl.load_workbook(BytesIO(response.data)).worksheets[0])
    assert len(rows) == 16


def test_ledger_export_liaison_download_holds_only_its_units_tasks(client, auth):
    auth.login("bjj")
    response = client.get("/plans/1/ledger.xlsx")
    sheet = openpyxl.load_workbook(BytesIO(response.data)).worksheets[0]
    assert [r["序号"] for r in data_rows(sheet)] == ["一（一）", "一（四）", "一（五）"]


def test_ledger_export_formula_text_stays_text(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress='=HYPERLINK("http://x","点击")')
    auth.logout()
    auth.login("duban")
    response = client.get("/plans/1/ledger.xlsx")
    import zipfile

    xml = zipfile.ZipFile(BytesIO(response.data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    rows = {r["序号"]: r for r in data_rows(openpyxl.load_workbook(BytesIO(response.data)).worksheets[0])}
    assert rows["一（三）"]["进展情况"] == '=HYPERLINK("http://x","点击")'


def test_ledger_export_of_more_tasks_than_listed_ids_reads_them_by_subquery(app, client, auth, tmp_path, monkeypatch):
    """Above MAX_LISTED_IDS tasks the reports are read with the scope's SELECT of ids instead of a list
    (a province's 85,000 ids exceeded PostgreSQL's 65,535 bound parameters, issue 19): same ledger."""
    from tracker.services.ledger import export

    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="已完成辖区机构排查。", problems="私募底数不清。", next_steps="年底前完成整改。")
    sheets = {}
    for limit in (10_000, 0):
        monkeypatch.setattr(export, "MAX_LISTED_IDS", limit)
        for args in ([], ["--unit", "重庆证监局"]):
            out = tmp_path / f"台账{limit}{len(args)}.xlsx"
            result = app.test_cli_runner().invoke(args=["export-ledger", "-o", str(out), *args])
            assert result.exit_code == 0, result.output
            sheets[limit, len(args)] = data_rows(openpyxl.load_workbook(out).worksheets[0])
    assert sheets[0, 0] == sheets[10_000, 0] and sheets[0, 2] == sheets[10_000, 2]
    assert {r["序号"]: r for r in sheets[0, 0]}["一（三）"]["进展情况"] == "已完成辖区机构排查。"
