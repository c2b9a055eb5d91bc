"""The supervising office exports the list it filtered, in the layout and with the columns it wants.

Stories (issue #4): 督办 filters the dashboard's task list and presses 导出当前列表: the ledger holds
exactly the tasks of that list, all pages, under their headings, with a line saying which filters
were applied; a liaison exports its own list from 本单位任务; the plan page's 导出 form chooses the
tree or the flat layout and the extra columns 责任人/最近反馈时间/备注; a flat ledger with extra
columns, filled in offline, imports back and updates exactly the tasks filled in.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import quote
from datetime import timedelta
from io import BytesIO

import openpyxl
import pytest
from sqlalchemy import select

from tests.helpers.ledger import data_rows, edit, export, header, snapshot, task_by_number
from tests.helpers.reports import post_report, task_id
from tracker.clock import beijing_today, to_beijing
from tracker.extensions import db
from tracker.models import ProgressReport, Role, Task, TaskStatus, User
from tracker.parsing.parser import parse_plan_text
from tracker.services.figures.dashboard import list_tasks
from tracker.services.errors import PermissionDenied
from tracker.services.figures.facts import TaskFilters
from tracker.services.ledger.export import export_task_list
from tracker.services.plans.store import import_plan
from tracker.services.accounts.units import find_unit

CONTRACT = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题", "下步计划", "完成状态"]


def workbook(response):
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return openpyxl.load_workbook(BytesIO(response.data)).worksheets[0]


def rows_by_caption(sheet) -> list[dict]:
    """The data rows as caption -> value, merged 重点任务 cells filled in."""
    return data_rows(sheet)


def listed_keys(app, username: str, args: dict) -> list[str]:
    """The task keys of the dashboard's list for ``args``, every page, as the page's service lists them."""
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        filters, _ = TaskFilters.from_args(args)
        listing = list_tasks(user, beijing_today(), filters, 1, 100_000)
        return [listing.tasks[fact.id].key for fact in listing.facts]


def add_long_plan(app, headings: int = 3, items: int = 20) -> None:
    """Import a second plan of ``headings`` × ``items`` measures, so the dashboard's list has two pages."""
    numerals = "一二三四五六七八九十"
    lines = ["重庆市普惠金融专项行动方案", ""]
    for h in range(headings):
        lines.append(f"{numerals[h]}、重点任务{h + 1}")
        for i in range(1, items + 1):
            lines.append(f"{i}. 推进普惠金融第{h + 1}-{i}项工作，完善风险排查机制。（牵头单位：市金融办）")
    with app.app_context():
        import_plan(parse_plan_text("\n".join(lines)))


# ---------------------------------------------------------------- the filtered list


def test_dashboard_export_holds_exactly_the_filtered_tasks_with_the_filters_under_the_title(app, client, auth):
    auth.login("zjj")
    assert post_report(client, task_id(app, ["一", "（三）"]), progress="已检查证券机构 12 家。").status_code == 302
    auth.logout()
    auth.login("duban")
    args = {"status": "in_progress", "q": "证券"}
    page = client.get("/dashboard", query_string=args).get_data(as_text=True)
    assert "导出当前列表（Excel）" in page and "/dashboard/ledger.xlsx?" in page

    sheet = workbook(client.get("/dashboard/ledger.xlsx", query_string=args))
    assert sheet["A1"].value == "全部方案工作台账（筛选结果）"
    assert sheet["A2"].value == "筛选：状态=推进中；搜索=“证券”"
    rows = rows_by_caption(sheet)
    assert [r["任务键"] for r in rows] == listed_keys(app, "duban", args) != []
    assert [(r["序号"], r["重点任务"], r["进展情况"]) for r in rows] == [("一（三）", "防控金融高杠杆风险", "已检查证券机构 12 家。")]
    top, _ = header(sheet)
    assert top == 4 and sheet.freeze_panes == "C5" and sheet.print_title_rows == "$4:$4"


def test_dashboard_export_takes_every_page_of_the_list_in_plan_order(app, client, auth):
    add_long_plan(app)
    auth.login("duban")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "第 1/2 页" in page  # 76 tasks, 50 a page
    sheet = workbook(client.get("/dashboard/ledger.xlsx", query_string={"page": "2"}))
    assert sheet["A2"].value == "筛选：无（全部任务）"
    rows = rows_by_caption(sheet)
    assert len(rows) == 76 and [r["任务键"] for r in rows] == listed_keys(app, "duban", {})
    # each plan's rows keep their own 重点任务, so the 序号 tree still reads right
    assert rows[16]["序号"] == "一1" and rows[16]["重点任务"] == "重点任务1"
    assert rows[-1]["序号"] == "三20" and rows[-1]["重点任务"] == "重点任务3"


def test_dashboard_export_by_light_unit_and_due_window_matches_the_list(app, client, auth):
    auth.login("duban")
    with app.app_context():
        unit_id = find_unit("市金融办").id
        for task in db.session.scalars(select(Task).where(Task.level == 2)):
            task.due_date = beijing_today() - timedelta(days=3) if task.path[0] == "二" else None
        db.session.commit()
    args = {"light": "red", "unit": str(unit_id), "due_from": "2000-01-01"}
    sheet = workbook(client.get("/dashboard/ledger.xlsx", query_string=args))
    assert sheet["A2"].value == "筛选：单位=市金融办；亮灯=红灯；完成时限≥2000-01-01"
    keys = [r["任务键"] for r in rows_by_caption(sheet)]
    assert keys == listed_keys(app, "duban", args)
    assert len(keys) == 4  # 二（一）…二（四）: overdue, led by 市金融办


def test_dashboard_export_as_csv_has_the_same_tasks_and_ignores_unreadable_filters(app, client, auth):
    auth.login("duban")
    response = client.get("/dashboard/ledger.csv", query_string={"status": "bogus", "q": "风险"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert table[0][:10] == CONTRACT
    assert [row[-2] for row in table[1:]] == listed_keys(app, "duban", {"q": "风险"})


def test_liaison_exports_its_own_list_from_my_tasks_and_not_the_dashboard(app, client, auth):
    auth.login("zjj")
    assert "导出本单位台账（Excel）" in client.get("/my-tasks").get_data(as_text=True)
    sheet = workbook(client.get("/my-tasks/ledger.xlsx"))
    assert sheet.protection.sheet  # a unit's copy
    with app.app_context():
        unit_id = zjj_unit()
        mine = {t.key for t in db.session.scalars(select(Task)) if not t.children and
                any(a.unit_id == unit_id for a in t.assignments)}
    assert {r["任务键"] for r in rows_by_caption(sheet)} == mine and len(mine) == 4
    assert client.get("/dashboard/ledger.xlsx").status_code == 403
    disposition = client.get("/my-tasks/ledger.csv").headers["Content-Disposition"]
    assert quote("全部方案工作台账-重庆证监局-") in disposition


# ---------------------------------------------------------------- layouts and extra columns


def test_plan_page_offers_the_export_form_and_the_flat_layout_stands_alone(app, client, auth):
    auth.login("duban")
    page = client.get("/plans/1").get_data(as_text=True)
    for needle in ('name="layout" value="flat"', 'name="columns" value="责任人"', 'name="columns" value="最近反馈时间"',
                   'name="columns" value="备注"', 'formaction="/plans/1/ledger.csv"'):
        assert needle in page
    sheet = workbook(client.get("/plans/1/ledger.xlsx?layout=flat"))
    top, columns = header(sheet)
    assert list(columns)[:11] == CONTRACT + ["所属层级"] and list(columns)[-2:] == ["任务键", "版本"]
    assert [str(r) for r in sheet.merged_cells.ranges if r.min_row > top] == []  # no group merges
    rows = rows_by_caption(sheet)
    assert all(r["重点任务"] and r["所属层级"] == "一、防控金融高杠杆风险" for r in rows[:5])
    assert rows[5]["所属层级"] == "二、防控地方金融风险"
    assert sheet.column_dimensions["K"].hidden is False and sheet.column_dimensions["L"].hidden is True


def test_extra_columns_name_the_liaisons_the_last_report_day_and_leave_remarks_open(app, client, auth):
    auth.login("zjj")
    assert post_report(client, task_id(app, ["一", "（三）"]), progress="已报送。").status_code == 302
    with app.app_context():
        reported_on = to_beijing(db.session.scalar(select(ProgressReport.created_at))).date().isoformat()
        db.session.add(User(username="zjj2", display_name="证监局张三", role=Role.LIAISON, unit_id=zjj_unit(), password_hash="x"))
        db.session.commit()
    sheet = workbook(client.get("/plans/1/ledger.xlsx?columns=备注&columns=最近反馈时间,责任人"))
    top, columns = header(sheet)
    assert list(columns)[10:] == ["责任人", "最近反馈时间", "备注", "任务键", "版本"]
    row = next(r for r in rows_by_caption(sheet) if r["序号"] == "一（三）")
    assert (row["责任人"], row["最近反馈时间"], row["备注"]) == ("重庆证监局联络员、证监局张三", reported_on, None)
    # a unit's copy: 备注 is open for the unit like the progress columns, 责任人 stays locked
    data_row = top + 1
    assert sheet.cell(data_row, columns["备注"]).protection.locked is False
    assert sheet.cell(data_row, columns["责任人"]).protection.locked is True
    assert sheet.print_area == f"'工作台账'!$A$1:$M${sheet.max_row}"  # extras printed, hidden columns not
    assert client.get("/plans/1/ledger.xlsx?columns=负责人").status_code == 400


def zjj_unit() -> int:
    """The unit id of zjj (重庆证监局); call inside an app context."""
    return db.session.scalar(select(User.unit_id).where(User.username == "zjj"))


def test_bad_export_options_are_refused_in_chinese(app, client, auth, runner, tmp_path):
    auth.login("duban")
    response = client.get("/plans/1/ledger.csv?layout=diagonal")
    assert response.status_code == 400
    assert "未知的台账样式“diagonal”" in response.get_data(as_text=True)
    result = runner.invoke(args=["export-ledger", "-o", str(tmp_path / "a.xlsx"), "--columns", "电话"])
    assert result.exit_code == 2 and "未知的附加列“电话”" in result.output
    assert not (tmp_path / "a.xlsx").exists()


def test_flat_ledger_with_extra_columns_round_trips_through_import_ledger(app, runner, tmp_path):
    exported = export(app, tmp_path / "平铺.xlsx", "--plan", "1", "--layout", "flat",
                      "--columns", "责任人,最近反馈时间,备注")
    sheet = openpyxl.load_workbook(exported).worksheets[0]
    assert list(header(sheet)[1])[10:] == ["所属层级", "责任人", "最近反馈时间", "备注", "任务键", "版本"]
    before = snapshot(app)
    edited = edit(exported, tmp_path / "平铺-填报.xlsx", {
        "一（二）": {"进展情况": "完成银行机构风险排查。", "备注": "已电话核实"},
        "四（三）": {"进展情况": "降低融资成本 0.3 个百分点。", "存在问题": "数据口径不一。", "完成状态": "推进中"},
    })
    result = runner.invoke(args=["import-ledger", str(edited)])
    assert result.exit_code == 0, result.output
    assert "rows read: 16, tasks created: 0, tasks updated: 2, conflicts: 0" in result.output
    after = snapshot(app)
    changed = [row for row in after["versions"] if row not in before["versions"]]
    assert len(changed) == 2
    assert task_by_number(app, "一（二）").reports[0].progress == "完成银行机构风险排查。"
    updated = task_by_number(app, "四（三）")
    assert updated.status is TaskStatus.IN_PROGRESS and updated.reports[0].problems == "数据口径不一。"


def test_flat_csv_with_extra_columns_has_the_sheets_captions(app, runner, tmp_path):
    out = export(app, tmp_path / "平铺.csv", "--plan", "1", "--layout", "flat", "--columns", "备注")
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert table[0] == CONTRACT + ["所属层级", "备注", "任务键", "版本"]
    assert table[1][10] == "一、防控金融高杠杆风险" and table[1][1] == "防控金融高杠杆风险"


def test_the_filtered_list_export_is_refused_to_a_liaison_by_the_service_itself(app):
    with app.app_context():
        zjj = db.session.scalar(select(User).where(User.username == "zjj"))
        with pytest.raises(PermissionDenied, match="本单位任务"):
            export_task_list(zjj, TaskFilters())
