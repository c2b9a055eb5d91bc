"""The grouped ledger (分组标题行): every heading on a row of its own, its tasks below it.

Stories (issue #4): an office that draws its ledgers with heading rows ("一、…", "（一）…" merged across
the sheet, bold) exports the plan that way from the command line, the plan page or as CSV; it fills in
two tasks offline and imports the file back: exactly those two tasks get reports, the heading rows are
read as headings, not as bad rows. Another office deletes the hidden key columns and sends the file on:
imported as a new plan, it gives back the same tree of headings and tasks.
"""
from __future__ import annotations

import csv
import datetime
import io
from io import BytesIO

import openpyxl
from sqlalchemy import select

from tests.helpers.ledger import export, header, snapshot
from tracker.extensions import db
from tracker.ledger import Ledger, LedgerRow, write_ledger
from tracker.models import Plan, ProgressReport, Task
from tracker.parsing.parser import parse_plan_text
from tracker.services.plans.store import import_plan

CONTRACT = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题", "下步计划", "完成状态"]
PLAN = """重庆市普惠金融专项行动方案

一、健全普惠金融体系
（一）完善机构布局
1. 推进村镇银行县域全覆盖。（牵头单位：市金融办；完成时限：2026年12月底前）
2. 支持小额贷款公司规范发展。（牵头单位：市金融办）
（二）丰富产品服务
1. 推广线上信用贷款产品。（牵头单位：市金融办）
二、强化风险防控
（一）加强监测预警
1. 建立普惠金融风险监测平台。（牵头单位：市金融办）
2. 开展非法集资风险排查。（牵头单位：市金融办；完成时限：2026年6月底前）
"""


def add_plan(app) -> int:
    with app.app_context():
        return import_plan(parse_plan_text(PLAN)).plan.id


def grid(sheet, first: int) -> list[list]:
    return [[cell.value for cell in row[:10]] for row in sheet.iter_rows(min_row=first)]


def test_grouped_export_puts_each_heading_on_its_own_merged_bold_row(app, tmp_path):
    plan_id = add_plan(app)
    path = export(app, tmp_path / "分组.xlsx", "--plan", str(plan_id), "--layout", "grouped")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    top, columns = header(sheet)
    assert list(columns) == CONTRACT + ["任务键", "版本"]
    firsts = [sheet.cell(r, 1).value for r in range(top + 1, sheet.max_row + 1)]
    assert firsts == ["一、健全普惠金融体系", "（一）完善机构布局", "1.", "2.", "（二）丰富产品服务", "1.",
                      "二、强化风险防控", "（一）加强监测预警", "1.", "2."]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for row in (top + 1, top + 2, top + 5, top + 7, top + 8):  # heading rows: A–J merged, bold, no key
        assert f"A{row}:J{row}" in merged
        assert sheet.cell(row, 1).font.b and sheet.cell(row, 11).value is None and sheet.cell(row, 12).value is None
    task_row = [sheet.cell(top + 3, c).value for c in range(1, 13)]
    assert task_row[:4] == ["1.", "健全普惠金融体系", "推进村镇银行县域全覆盖。", "市金融办"]
    assert task_row[5] == "2026年12月底前" and task_row[9] == "已交办"
    assert len(task_row[10]) == 32 and isinstance(task_row[11], int)
    assert not sheet.cell(top + 3, 1).font.b and f"A{top + 3}:J{top + 3}" not in merged
    # Printing and scrolling: header repeated, panes frozen below it, only A–J printed, keys hidden.
    last = top + 10
    assert sheet.print_title_rows == f"${top}:${top}" and sheet.freeze_panes == f"C{top + 1}"
    assert sheet.print_area == f"'工作台账'!$A$1:$J${last}" and sheet.max_row == last
    assert [sheet.column_dimensions[c].hidden for c in "JKL"] == [False, True, True]
    assert sheet.column_dimensions["C"].width == 60 and sheet.row_dimensions[top + 1].height >= 20


def test_grouped_ledger_round_trips_through_import_ledger(app, runner, tmp_path):
    plan_id = add_plan(app)
    path = export(app, tmp_path / "分组.xlsx", "--plan", str(plan_id), "--layout", "grouped")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    # Fill in the second task under 一（一） and the first under 二（一）, as a unit would in Excel.
    edits = {top + 4: "已批设村镇银行 3 家。", top + 9: "监测平台上线试运行。"}
    keys = {}
    for row, text in edits.items():
        sheet.cell(row, columns["进展情况"]).value = text
        keys[sheet.cell(row, columns["任务键"]).value] = text
    edited = tmp_path / "分组-填报.xlsx"
    book.save(edited)
    before = snapshot(app)

    result = runner.invoke(args=["import-ledger", str(edited)])
    assert result.exit_code == 0, result.output
    assert "tasks created: 0, tasks updated: 2, conflicts: 0" in result.output
    assert "缺少任务键" not in result.output
    after = snapshot(app)
    assert after["ProgressReport"] == before["ProgressReport"] + 2
    assert after["Task"] == before["Task"] and after["Plan"] == before["Plan"]
    assert len([row for row in after["versions"] if row not in before["versions"]]) == 2
    with app.app_context():
        reports = db.session.execute(select(Task.key, ProgressReport.progress).join(ProgressReport.task)
                                     .where(Task.plan_id == plan_id)).all()
        assert dict(reports) == keys


def test_grouped_ledger_without_key_columns_imports_as_a_new_plan_with_the_same_tree(app, runner, tmp_path):
    plan_id = add_plan(app)
    path = export(app, tmp_path / "分组.xlsx", "--plan", str(plan_id), "--layout", "grouped")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.delete_cols(11, 2)  # another office drops the hidden 任务键 and 版本
    foreign = tmp_path / "外单位台账.xlsx"
    book.save(foreign)

    result = runner.invoke(args=["import-ledger", str(foreign)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        plans = db.session.scalars(select(Plan).order_by(Plan.id)).all()
        assert len(plans) == 3

        def tree(pid):
            tasks = db.session.scalars(select(Task).where(Task.plan_id == pid).order_by(Task.position)).all()
            return [(t.level, t.number_display, (t.title or t.text)) for t in tasks]
        original, imported = tree(plan_id), tree(plans[-1].id)
        assert [(level, number) for level, number, _ in imported] == [(level, number) for level, number, _ in original]
        assert [text for _, _, text in imported] == [text for _, _, text in original]
        deadlines = {t.text: t.deadline for t in db.session.scalars(select(Task).where(Task.plan_id == plans[-1].id))}
        assert deadlines["开展非法集资风险排查。"] == "2026年6月底前"


def test_grouped_csv_has_a_row_per_heading_with_its_number_and_title(app, tmp_path):
    plan_id = add_plan(app)
    out = export(app, tmp_path / "分组.csv", "--plan", str(plan_id), "--layout", "grouped")
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert table[0] == CONTRACT + ["任务键", "版本"]
    assert table[1] == ["一、", "健全普惠金融体系"] + [""] * 10
    assert table[2] == ["（一）", "完善机构布局"] + [""] * 10
    assert table[3][:3] == ["1.", "健全普惠金融体系", "推进村镇银行县域全覆盖。"] and len(table[3][10]) == 32
    assert [row[0] for row in table[1:]] == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）", "1.", "2."]


def test_the_plan_page_offers_the_grouped_layout(app, client, auth):
    auth.login("duban")
    page = client.get("/plans/1").get_data(as_text=True)
    assert 'value="grouped"' in page and "分组标题行" in page
    response = client.get("/plans/1/ledger.xlsx", query_string={"layout": "grouped"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(response.data)).worksheets[0]
    top, _ = header(sheet)
    assert sheet.cell(top + 1, 1).value == "一、防控金融高杠杆风险"
    assert f"A{top + 1}:J{top + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(top + 2, 11).value  # the first task row carries its key
    assert client.get("/plans/1/ledger.xlsx", query_string={"layout": "分组"}).status_code == 200


def test_a_heading_written_without_separator_still_reads_back_as_a_heading(tmp_path):
    rows = [LedgerRow(key="k" * 32, version=1, number="1（1）", heading="总体要求", measure="措施", lead_units=["市金融办"],
                      supporting_units=[], deadline=None, progress=None, problems=None, next_steps=None,
                      status="推进中", own_number="（1）", groups=(("1", "总体要求"),))]
    ledger = Ledger(title="台账", unit_name=None, export_date=datetime.date(2026, 11, 2), rows=rows,
                    layout="grouped", extra_columns=("备注",), note="筛选：无（全部任务）")
    write_ledger(ledger, tmp_path / "l.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "l.xlsx").worksheets[0]
    assert sheet["A5"].value == "1 总体要求" and "A5:K5" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A6"].value == "（1）" and sheet.print_area == "'工作台账'!$A$1:$K$6"
    from tracker.ledger import read_ledger
    read = read_ledger(tmp_path / "l.xlsx")
    assert not read.issues
    assert [(r.is_group_row, r.number, r.heading) for r in read.rows] == [(True, "1", "总体要求"), (False, "（1）", "总体要求")]
