"""Every unit's progress in the work ledger (issue 15).

Task 一（一） of the 重庆 plan has four lead units. Three of them report; the supervising office's
ledger shows each one's latest report — one paragraph per unit opening with 【单位】 in the one-row
layouts, one row per unit in the by-unit layout — and importing an edited ledger files each unit's
words under that unit and no other.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
from sqlalchemy import select

from tests.helpers.ledger import edit, edit_by_unit, export, header, row_of, snapshot, task_by_number
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import Plan, ProgressReport, Task, TaskStatus, User
from tracker.services.workflow.progress import add_report

TASK = "一（一）"
REPORTS = {  # liaison -> (unit, progress, problems)
    "rhygb": ("人行重庆营管部", "人行：已召开联席会议。", ""),
    "yjj": ("重庆银监局", "银监局：排查银行 12 家。", "人手紧张。"),
    "zjj": ("重庆证监局", "证监局：检查证券机构 5 家。", ""),
}


def three_units_report(app) -> None:
    """Three of the four lead units of 一（一） report once each, in this order."""
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1)) if t.number_display == TASK)
        for username, (_, progress, problems) in REPORTS.items():
            author = db.session.scalar(select(User).where(User.username == username))
            add_report(task, author, progress, problems)


def latest_by_unit(app) -> dict[str, tuple[str, str, datetime.date | None]]:
    """unit name -> (progress, problems, reported_on) of its latest report on 一（一）."""
    task = task_by_number(app, TASK)
    latest = {}
    for report in sorted(task.reports, key=lambda r: r.id):
        latest[report.unit.name] = (report.progress, report.problems, report.reported_on)
    return latest


def report_count(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(ProgressReport)).all())


def cells(app, path: Path, number: str = TASK) -> list[dict[str, object]]:
    """caption -> value of each row of task ``number`` in an exported ledger (found by its 任务键,
    as the grouped layout writes the task's own 序号)."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    top, columns = header(sheet)
    key = task_by_number(app, number).key
    rows = [{caption: sheet.cell(row, column).value for caption, column in columns.items()}
            for row in range(top + 1, sheet.max_row + 1)]
    return [row for row in rows if row["任务键"] == key]


def import_ledger(app, path: Path, *args: str):
    return app.test_cli_runner().invoke(args=["import-ledger", str(path), *args])


# --- the export ---------------------------------------------------------------------------------

def test_ledger_units_one_row_layout_combines_each_units_latest_report(app, tmp_path):
    three_units_report(app)
    for layout in ("tree", "flat", "grouped"):
        [row] = cells(app, export(app, tmp_path / f"{layout}.xlsx", "--plan", "1", "--layout", layout))
        assert row["进展情况"] == ("【人行重庆营管部】人行：已召开联席会议。\n【重庆银监局】银监局：排查银行 12 家。\n"
                               "【重庆证监局】证监局：检查证券机构 5 家。"), layout
        assert row["存在问题"] == "【重庆银监局】人手紧张。", layout  # a unit with nothing to say is left out


def test_ledger_units_one_unit_report_stays_without_prefix(app, tmp_path):
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1)) if t.number_display == TASK)
        add_report(task, db.session.scalar(select(User).where(User.username == "yjj")), "只有银监局报送。")
    [row] = cells(app, export(app, tmp_path / "台账.xlsx", "--plan", "1"))
    assert row["进展情况"] == "只有银监局报送。"  # CONTRACTS §3: the prefixes are for several units


def test_ledger_units_by_unit_layout_has_a_row_per_unit_with_its_role_and_date(app, tmp_path):
    three_units_report(app)
    rows = cells(app, export(app, tmp_path / "按单位.xlsx", "--plan", "1", "--layout", "by-unit"))
    today = task_by_number(app, TASK).reports[0].report_day.isoformat()
    assert [(r["单位"], r["角色"], r["进展情况"], r["存在问题"], r["填报日期"]) for r in rows] == [
        ("人行重庆营管部", "牵头", "人行：已召开联席会议。", None, today),
        ("重庆银监局", "牵头", "银监局：排查银行 12 家。", "人手紧张。", today),
        ("重庆证监局", "牵头", "证监局：检查证券机构 5 家。", None, today),
        ("重庆保监局", "牵头", None, None, None),
    ]
    sheet = openpyxl.load_workbook(tmp_path / "按单位.xlsx").worksheets[0]
    captions = [cell.value for cell in sheet[header(sheet)[0]]]
    # CONTRACTS §3: the ten captions in their order, 单位 and 角色 right after 配合单位.
    assert captions[:13] == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "单位", "角色", "完成时限",
                             "进展情况", "存在问题", "下步计划", "完成状态", "填报日期"]
    supporting = cells(app, tmp_path / "按单位.xlsx", "一（五）")
    assert [(r["单位"], r["角色"]) for r in supporting] == [
        ("人行重庆营管部", "牵头"), ("重庆银监局", "牵头"), ("市金融办", "配合"), ("重庆证监局", "配合"),
        ("重庆保监局", "配合")]


def test_ledger_units_unit_copy_in_by_unit_layout_has_only_its_own_rows(app, tmp_path):
    three_units_report(app)
    path = export(app, tmp_path / "银监局.xlsx", "--plan", "1", "--unit", "重庆银监局", "--layout", "by-unit")
    rows = cells(app, path)
    assert [(r["单位"], r["进展情况"]) for r in rows] == [("重庆银监局", "银监局：排查银行 12 家。")]
    assert openpyxl.load_workbook(path).worksheets[0].protection.sheet  # still a protected unit copy


# --- the round trips (the "done when") ---------------------------------------------------

def test_ledger_units_three_lead_units_round_trip_in_the_combined_layout(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {TASK: {
        "进展情况": "【人行重庆营管部】人行：已召开联席会议。\n【重庆银监局】银监局：排查完毕，共 15 家。\n"
                    "【重庆证监局】证监局：检查证券机构 7 家。\n【重庆保监局】保监局：首次报送。",
        "存在问题": "【重庆银监局】人手紧张。\n【重庆证监局】系统待升级。",
    }})
    before = report_count(app)
    result = import_ledger(app, edited)
    assert result.exit_code == 0, result.output
    latest = latest_by_unit(app)
    assert latest["人行重庆营管部"][:2] == ("人行：已召开联席会议。", "")  # unchanged: no new report
    assert latest["重庆银监局"][:2] == ("银监局：排查完毕，共 15 家。", "人手紧张。")
    assert latest["重庆证监局"][:2] == ("证监局：检查证券机构 7 家。", "系统待升级。")
    assert latest["重庆保监局"][:2] == ("保监局：首次报送。", "")
    assert report_count(app) == before + 3
    # and the ledger exported now shows what each unit said
    [row] = cells(app, export(app, tmp_path / "再导出.xlsx", "--plan", "1"))
    assert "【重庆保监局】保监局：首次报送。" in row["进展情况"]


def test_ledger_units_three_lead_units_round_trip_in_the_by_unit_layout(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "按单位.xlsx", "--plan", "1", "--layout", "by-unit")
    edited = edit_by_unit(exported, tmp_path / "填报.xlsx", {
        "重庆银监局": {"进展情况": "银监局：排查完毕，共 15 家。", "填报日期": datetime.datetime(2026, 11, 30)},
        "重庆证监局": {"存在问题": "系统待升级。"},
        "重庆保监局": {"进展情况": "保监局：首次报送。", "填报日期": "2026年11月28日"},
    }, TASK)
    before, version = report_count(app), task_by_number(app, TASK).version
    result = import_ledger(app, edited)
    assert result.exit_code == 0, result.output
    assert "tasks updated: 3" in result.output  # three rows of one task
    latest = latest_by_unit(app)
    assert latest["人行重庆营管部"] == ("人行：已召开联席会议。", "", None)
    assert latest["重庆银监局"] == ("银监局：排查完毕，共 15 家。", "人手紧张。", datetime.date(2026, 11, 30))
    assert latest["重庆证监局"][:2] == ("证监局：检查证券机构 5 家。", "系统待升级。")
    assert latest["重庆保监局"] == ("保监局：首次报送。", "", datetime.date(2026, 11, 28))
    assert report_count(app) == before + 3
    task = task_by_number(app, TASK)  # one version bump for the task, however many of its rows changed
    assert (task.version, task.status) == (version + 1, TaskStatus.IN_PROGRESS)
    rows = cells(app, export(app, tmp_path / "再导出.xlsx", "--plan", "1", "--layout", "by-unit"))
    assert [r["填报日期"] for r in rows if r["单位"] in ("重庆银监局", "重庆保监局")] == ["2026-11-30", "2026-11-28"]


def test_ledger_units_unchanged_ledgers_change_nothing(app, tmp_path):
    three_units_report(app)
    before = snapshot(app)
    before.pop("ImportRecord")  # each import is recorded, even one that changes nothing
    for layout in ("tree", "by-unit"):
        exported = export(app, tmp_path / f"{layout}.xlsx", "--plan", "1", "--layout", layout)
        result = import_ledger(app, exported)
        assert result.exit_code == 0, result.output
        assert "tasks updated: 0, conflicts: 0" in result.output, layout
    after = snapshot(app)
    after.pop("ImportRecord")
    assert after == before


def test_ledger_units_liaison_by_unit_copy_files_under_its_unit(app, tmp_path):
    three_units_report(app)
    path = export(app, tmp_path / "银监局.xlsx", "--plan", "1", "--unit", "重庆银监局", "--layout", "by-unit")
    edited = edit_by_unit(path, tmp_path / "填报.xlsx", {"重庆银监局": {"进展情况": "银监局：第二次报送。"}}, TASK)
    result = import_ledger(app, edited, "--as", "yjj")
    assert result.exit_code == 0, result.output
    assert latest_by_unit(app)["重庆银监局"][0] == "银监局：第二次报送。"


# --- a supervisor never files one unit's words under another --------------------------------------

def test_ledger_units_unknown_prefix_is_refused_naming_row_and_column(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {TASK: {
        "进展情况": "【人行重庆营管部】人行：已召开联席会议。\n【重庆某某局】不知是谁写的。"}})
    before = snapshot(app)
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert f"row {row_of(edited, TASK)}, column G: 【重庆某某局】不是单位名录中的单位" in result.output
    assert snapshot(app) == before


def test_ledger_units_prefix_of_a_unit_without_a_part_is_refused(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {TASK: {"进展情况": "【市财政局】财政局的话。"}})
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert "【市财政局】不是该任务的牵头或配合单位" in result.output


def test_ledger_units_text_without_prefix_in_a_multi_unit_task_is_refused(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {TASK: {"进展情况": "一段没有标明单位的话。", "存在问题": None}})
    before = snapshot(app)
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert "该任务有多个单位的进展，请在每段文字前标明单位" in result.output
    edited = edit(exported, tmp_path / "填报2.xlsx", {TASK: {
        "进展情况": "开头一句。\n【重庆银监局】银监局：排查银行 12 家。"}})
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert "开头的“开头一句。”没有标明单位" in result.output
    assert snapshot(app) == before


def test_ledger_units_by_unit_row_of_an_unknown_unit_is_refused(app, tmp_path):
    three_units_report(app)
    exported = export(app, tmp_path / "按单位.xlsx", "--plan", "1", "--layout", "by-unit")
    edited = edit_by_unit(exported, tmp_path / "填报.xlsx", {"重庆保监局": {"单位": "市财政局", "进展情况": "财政局。"}}, TASK)
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert "“市财政局”不是该任务的牵头或配合单位" in result.output


def test_ledger_units_liaison_copy_cannot_carry_another_units_row(app, tmp_path):
    path = export(app, tmp_path / "银监局.xlsx", "--plan", "1", "--unit", "重庆银监局", "--layout", "by-unit")
    edited = edit_by_unit(path, tmp_path / "填报.xlsx", {"重庆银监局": {"单位": "重庆证监局", "进展情况": "冒名。"}}, TASK)
    result = import_ledger(app, edited, "--as", "yjj")
    assert result.exit_code == 1
    assert "一个单位的台账只能填报本单位的进展" in result.output


# --- withdrawn tasks and the 填报日期 of other offices -------------------------------------------------

def test_ledger_units_row_of_a_withdrawn_task_is_refused(app, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {"一（三）": {"进展情况": "撤销后仍在填。"}})
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1))
                    if t.number_display == "一（三）")
        task.withdrawn_at = datetime.datetime(2026, 11, 1)
        db.session.commit()
    before = snapshot(app)
    result = import_ledger(app, edited)
    assert result.exit_code == 1
    assert f"row {row_of(edited, '一（三）')}, column K: 该任务已在方案修订中撤销（已撤销）" in result.output
    assert snapshot(app) == before


def test_ledger_units_foreign_ledger_date_becomes_the_reports_date(app, client, auth, tmp_path):
    rows = [
        ["某区重点任务推进台账"],
        ["填报单位：市金融办", None, None, None, "填报日期：2026年11月20日"],
        ["序号", "具体措施", "牵头单位", "完成时限", "进展情况"],
        [1, "建立联络机制。", "重庆银监局", "2026年12月底前", "已建立。"],
    ]
    path = write_rows(tmp_path / "外来.xlsx", rows, [])
    result = import_ledger(app, path)
    assert result.exit_code == 0, result.output
    with app.app_context():
        plan = db.session.scalars(select(Plan).order_by(Plan.id.desc())).first()
        [report] = [r for t in plan.tasks for r in t.reports]
        assert report.reported_on == datetime.date(2026, 11, 20)
        task_id = report.task_id
    auth.login("duban")
    page = client.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert "填报日期 2026年11月20日" in page


def test_ledger_units_foreign_by_unit_ledger_merges_each_row_to_its_unit(app, tmp_path):
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1)) if t.number_display == TASK)
        measure = task.text
    rows = [
        ["分单位进展台账"],
        ["填报单位：市金融办", None, None, None, "填报日期：2026年11月25日"],
        ["序号", "具体措施", "单位", "角色", "进展情况", "存在问题"],
        [TASK, measure, "重庆银监局", "牵头", "银监局：外来台账的进展。", None],
        [TASK, measure, "重庆证监局", "牵头", "证监局：外来台账的进展。", "缺少数据。"],
    ]
    path = write_rows(tmp_path / "外来按单位.xlsx", rows, [])
    result = import_ledger(app, path, "--plan", "1")
    assert result.exit_code == 0, result.output
    latest = latest_by_unit(app)
    assert latest["重庆银监局"] == ("银监局：外来台账的进展。", "", datetime.date(2026, 11, 25))
    assert latest["重庆证监局"] == ("证监局：外来台账的进展。", "缺少数据。", datetime.date(2026, 11, 25))


def test_ledger_units_combined_row_stale_since_export_is_a_conflict_whatever_the_unit_order(app, tmp_path):
    """A unit reports on the web after the export; the office edits another unit's part of the same
    row: the row is a conflict (both versions shown), never a skip that silently drops the edit."""
    three_units_report(app)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1)) if t.number_display == TASK)
        add_report(task, db.session.scalar(select(User).where(User.username == "zjj")), "证监局：网页上又报了一次。")
    edited = edit(exported, tmp_path / "填报.xlsx", {TASK: {
        "进展情况": "【人行重庆营管部】人行：改过的话。\n【重庆银监局】银监局：排查银行 12 家。\n"
                    "【重庆证监局】证监局：检查证券机构 5 家。"}})
    before = report_count(app)
    result = import_ledger(app, edited)
    assert result.exit_code == 0, result.output
    assert "tasks updated: 0, conflicts: 1" in result.output
    assert report_count(app) == before


def test_ledger_units_foreign_row_of_a_withdrawn_task_is_refused_when_merged(app, tmp_path):
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1))
                    if t.number_display == "一（三）")
        task.withdrawn_at = datetime.datetime(2026, 11, 1)
        measure = task.text
        db.session.commit()
    rows = [["外单位台账"], ["序号", "具体措施", "牵头单位", "进展情况"], ["1", measure, "重庆证监局", "撤销后仍在填。"]]
    path = write_rows(tmp_path / "外来.xlsx", rows, [])
    before = snapshot(app)
    result = import_ledger(app, path, "--plan", "1")
    assert result.exit_code == 1
    assert "该任务已在方案修订中撤销（已撤销）" in result.output
    assert snapshot(app) == before


def test_ledger_units_foreign_by_unit_ledger_becomes_a_plan_with_one_task_per_measure(app, tmp_path):
    rows = [
        ["分单位推进台账"],
        ["填报单位：市金融办", None, None, None, None, "填报日期：2026年11月25日"],
        ["序号", "具体措施", "牵头单位", "单位", "角色", "进展情况", "填报日期"],
        ["1", "建立联络机制。", "重庆银监局、市新设局", "重庆银监局", "牵头", "银监局：已建立。", "2026-11-20"],
        ["1", "建立联络机制。", "重庆银监局、市新设局", "市新设局", "牵头", "新设局：在筹备。", None],
        ["2", "开展专项排查。", "重庆证监局", "重庆证监局", "牵头", None, None],
    ]
    path = write_rows(tmp_path / "外来按单位.xlsx", rows, [])
    result = import_ledger(app, path)
    assert result.exit_code == 0, result.output
    with app.app_context():
        plan = db.session.scalars(select(Plan).order_by(Plan.id.desc())).first()
        tasks = sorted(plan.tasks, key=lambda t: t.position)
        assert [t.text for t in tasks] == ["建立联络机制。", "开展专项排查。"]  # one task per measure, not per row
        assert sorted((r.unit.name, r.progress, r.reported_on.isoformat()) for r in tasks[0].reports) == [
            ("市新设局", "新设局：在筹备。", "2026-11-25"), ("重庆银监局", "银监局：已建立。", "2026-11-20")]
        assert tasks[0].status is TaskStatus.IN_PROGRESS and not tasks[1].reports


def test_ledger_units_foreign_ledger_with_combined_cells_becomes_a_plan_with_each_units_report(app, tmp_path):
    """Another office's one-row ledger writes two units' progress in one cell, each paragraph opening with
    【单位】 (as the tracker's own supervisor ledger does): the new plan files each paragraph as that unit's
    report, the words before the first 【单位】 under the 填报单位 (the supervising office), and never the whole
    cell under one unit; a cell without 【单位】 is its lead unit's report, as before."""
    rows = [
        ["外来工作台账"],
        ["填报单位：市金融办", None, None, None, "填报日期：2026年11月25日"],
        ["序号", "具体措施", "牵头单位", "进展情况", "存在问题"],
        ["1", "建立联络机制。", "重庆银监局、市新设局", "总体进展顺利。\n【重庆银监局】已建立。\n【市新设局】在筹备。",
         "【市新设局】人员未到位。"],
        ["2", "开展专项排查。", "重庆证监局", "已排查 5 家。", None],
    ]
    path = write_rows(tmp_path / "外来合并单元格.xlsx", rows, [])
    result = import_ledger(app, path)
    assert result.exit_code == 0, result.output
    with app.app_context():
        plan = db.session.scalars(select(Plan).order_by(Plan.id.desc())).first()
        first, second = sorted(plan.tasks, key=lambda t: t.position)
        assert sorted((r.unit.name, r.progress, r.problems) for r in first.reports) == [
            ("市新设局", "在筹备。", "人员未到位。"), ("市金融办", "总体进展顺利。", ""), ("重庆银监局", "已建立。", "")]
        assert [(r.unit.name, r.progress) for r in second.reports] == [("重庆证监局", "已排查 5 家。")]  # its lead unit
