"""Offices mail the work ledger back filled in, or send their own: the tracker reads it in (issue #4).

Stories: the supervising office exports, a unit fills in progress offline in Excel, the ledger is
imported back and updates exactly the tasks that were filled in; an edit made on the web after the
export is caught as a conflict; a ledger with a bad row changes nothing and names the row; other
offices' ledgers (title rows, merged cells, two-row headers, their own captions) become a plan
with the right tree, or merge their progress into an existing plan; an import can be reverted.
"""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.ledger import (confirm, download, edit, export, import_through_pages, preview_url, row_of,
                                  snapshot, task_by_number, upload)
from tests.helpers.reports import post_report, task_id
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import (
    Channel, ImportRecord, ImportState, JournalEntry, Plan, ProgressReport, Task, TaskStatus, Unit, User,
)
from tracker.services.workflow.progress import add_report

# ---------------------------------------------------------------- own exports


def test_ledger_import_export_edit_import_updates_exactly_those_tasks(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    before = snapshot(app)
    edited = edit(exported, tmp_path / "填好的台账.xlsx", {
        "一（二）": {"进展情况": "已完成全市银行机构风险排查。", "存在问题": "个别农商行拨备不足。", "下步计划": "督促补提拨备。"},
        "三（一）": {"进展情况": "建立风险处置联席会议制度。", "完成状态": "已完成"},
    })
    auth.login("duban")
    response = import_through_pages(client, edited, "填好的台账.xlsx")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "台账已导入：更新 2 项" in page

    with app.app_context():
        reports = db.session.scalars(select(ProgressReport)).all()
        assert len(reports) == 2
        by_task = {r.task.number_display: r for r in reports}
        assert by_task["一（二）"].progress == "已完成全市银行机构风险排查。"
        assert by_task["一（二）"].problems == "个别农商行拨备不足。"
        assert by_task["一（二）"].unit.name == "市金融办"  # the supervising office's own ledger
        record = db.session.scalar(select(ImportRecord))
        assert by_task["三（一）"].import_id == record.id
        assert (record.rows_read, record.updated_count, record.conflict_count, record.state) == (16, 2, 0, ImportState.APPLIED)
        assert record.filename == "填好的台账.xlsx" and len(record.sha256) == 64
        closed = db.session.scalar(select(Task).where(Task.id == by_task["三（一）"].task_id))
        assert closed.status is TaskStatus.CLOSED  # the supervisor may close
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.batch == record.batch)).all()
        assert {(e.task.number_display, e.field) for e in entries} == {
            ("一（二）", "status"), ("一（二）", "report"), ("三（一）", "status"), ("三（一）", "report")}
        assert all(e.channel is Channel.IMPORT for e in entries)
    after = snapshot(app)
    changed = {tid for (tid, v, s) in after["versions"]} - {1}
    untouched = [row for row in after["versions"] if row in before["versions"]]
    assert len(untouched) == len(before["versions"]) - 2  # exactly the two tasks changed
    assert changed


def test_ledger_import_liaison_fills_in_its_unit_copy(app, client, auth, tmp_path):
    auth.login("zjj")
    copy = tmp_path / "证监局.xlsx"
    copy.write_bytes(download(client).data)
    edited = edit(copy, tmp_path / "证监局-填报.xlsx", {
        "一（三）": {"进展情况": "检查证券经营机构 12 家。", "完成状态": "已完成"},
        "一（五）": {"进展情况": "配合建立监测指标。"},
    })
    assert import_through_pages(client, edited).status_code == 302
    lead = task_by_number(app, "一（三）")
    assert lead.status is TaskStatus.CLOSE_REQUESTED  # a lead liaison's 已完成 is a request to close
    assert [(r.unit.name, r.progress) for r in lead.reports] == [("重庆证监局", "检查证券经营机构 12 家。")]
    supporting = task_by_number(app, "一（五）")
    assert [(r.unit.name, r.progress) for r in supporting.reports] == [("重庆证监局", "配合建立监测指标。")]


def test_ledger_import_liaison_rows_of_other_units_reject_the_whole_file(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "全部.xlsx", "--plan", "1", "--unit", "重庆证监局")
    book = openpyxl.load_workbook(export(app, tmp_path / "保监局.xlsx", "--plan", "1", "--unit", "重庆保监局"))
    mine = openpyxl.load_workbook(exported)
    sheet, theirs = mine.worksheets[0], book.worksheets[0]
    foreign_row = [cell.value for cell in theirs[4]]  # 一（一） is shared; take 保监局's own 一（四）
    for r in range(4, theirs.max_row + 1):
        if theirs.cell(r, 1).value == "一（四）":
            foreign_row = [cell.value for cell in theirs[r]]
    foreign_row[6] = "替保监局填报。"
    sheet.append(foreign_row)
    sheet.cell(4, 7).value = "本单位的进展。"
    mixed = tmp_path / "混合.xlsx"
    mine.save(mixed)
    before = snapshot(app)
    auth.login("zjj")
    url = preview_url(upload(client, mixed))
    page = client.get(url).get_data(as_text=True)
    assert "不是本单位（重庆证监局）牵头或配合的任务" in page
    assert f"第 {sheet.max_row} 行" in page
    assert "确认导入" not in page
    response = client.post(url + "/confirm", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 409
    assert snapshot(app) == before


def test_ledger_import_a_broken_row_leads_to_uploading_the_corrected_file_again(app, client, auth, tmp_path):
    # The office's ledger comes back with 完成状态 "差不多了" on one row: the preview refuses the file whole and its
    # one way on is to choose the corrected file, which then imports.
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    broken = edit(exported, tmp_path / "有错.xlsx", {"一（三）": {"进展情况": "已检查证券公司 8 家。"},
                                                   "一（四）": {"完成状态": "差不多了"}})
    auth.login("duban")
    url = preview_url(upload(client, broken, "有错.xlsx"))
    page = client.get(url).text
    assert "未知的完成状态“差不多了”" in page and "确认导入" not in page
    button = re.search(r'<button [^>]*id="discard-button">([^<]+)</button>', page).group(1)
    assert button == "放弃本次上传，重新选择改正后的文件"
    again = client.post(url + "/discard", data={"csrf_token": csrf_token(page)})
    assert again.headers["Location"].endswith("/imports/new")
    assert "已放弃本次上传，没有写入任何数据。" in client.get(again.headers["Location"]).text
    corrected = edit(exported, tmp_path / "改正.xlsx", {"一（三）": {"进展情况": "已检查证券公司 8 家。"}})
    done = confirm(client, preview_url(upload(client, corrected, "改正.xlsx")))
    assert "台账已导入：更新 1 项" in client.get(done.headers["Location"]).text


def test_ledger_import_conflicting_web_edit_is_caught_with_both_versions(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    auth.login("zjj")  # after the export, the lead unit reports on the web
    post_report(client, task_id(app, ["一", "（三）"]), progress="网页上报：已约谈 3 家机构。")
    auth.logout()
    edited = edit(exported, tmp_path / "离线填写.xlsx", {
        "一（三）": {"进展情况": "离线填写：已检查 5 家机构。"},
        "一（二）": {"进展情况": "离线填写：银行排查完成。"},
    })
    result = app.test_cli_runner().invoke(args=["import-ledger", str(edited), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "rows read: 16, tasks created: 0, tasks updated: 1, conflicts: 1" in result.output
    assert "网页上报：已约谈 3 家机构。" in result.output and "离线填写：已检查 5 家机构。" in result.output

    auth.login("duban")
    url = preview_url(upload(client, edited))
    page = client.get(url).get_data(as_text=True)
    assert "冲突：导出后系统中已有修改" in page
    assert "网页上报：已约谈 3 家机构。" in page and "离线填写：已检查 5 家机构。" in page
    assert client.post(url + "/confirm", data={"csrf_token": csrf_token(page)}).status_code == 302
    conflicted = task_by_number(app, "一（三）")
    assert [r.progress for r in conflicted.reports] == ["网页上报：已约谈 3 家机构。"]  # never overwritten
    assert [r.progress for r in task_by_number(app, "一（二）").reports] == ["离线填写：银行排查完成。"]
    with app.app_context():
        assert db.session.scalar(select(ImportRecord)).conflict_count == 1


def test_ledger_import_unchanged_row_is_skipped_even_when_the_task_moved_on(app, client, auth, tmp_path):
    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress="第一次报送。")
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    post_report(client, task_id(app, ["一", "（三）"]), progress="第二次报送。", status="close_requested")
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(exported)])
    assert result.exit_code == 0, result.output
    assert "tasks updated: 0, conflicts: 0" in result.output
    after = snapshot(app)
    assert after["ProgressReport"] == before["ProgressReport"] and after["versions"] == before["versions"]


def test_ledger_import_one_bad_row_changes_nothing_and_names_the_row(app, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "有错.xlsx", {
        "一（一）": {"进展情况": "正常填写的一行。"},
        "二（二）": {"进展情况": "这一行的状态写错了。", "完成状态": "差不多了"},
    })
    bad_row = row_of(edited, "二（二）")
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(edited)])
    assert result.exit_code == 1
    assert f"row {bad_row}, column J: 未知的完成状态“差不多了”" in result.output
    assert "没有写入任何数据" in result.output
    assert snapshot(app) == before


def test_ledger_import_dry_run_and_as_user_write_nothing(app, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1", "--unit", "重庆证监局")
    edited = edit(exported, tmp_path / "填报.xlsx", {"一（三）": {"进展情况": "试运行。"}})
    before = snapshot(app)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-ledger", str(edited), "--dry-run", "--as", "zjj"])
    assert result.exit_code == 0, result.output
    assert "rows read: 4, tasks created: 0, tasks updated: 1, conflicts: 0" in result.output
    assert snapshot(app) == before
    result = runner.invoke(args=["import-ledger", str(edited), "--as", "zjj"])
    assert result.exit_code == 0, result.output
    assert [(r.unit.name, r.author.username) for r in task_by_number(app, "一（三）").reports] == [("重庆证监局", "zjj")]
    assert runner.invoke(args=["import-ledger", str(edited), "--as", "nobody"]).exit_code == 1


def test_ledger_import_formula_string_survives_the_round_trip_as_text(app, client, auth, tmp_path):
    hyperlink = '=HYPERLINK("http://x","点击")'
    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress=hyperlink)
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    result = app.test_cli_runner().invoke(args=["import-ledger", str(exported)])
    assert "tasks updated: 0, conflicts: 0" in result.output  # read back as the same text
    edited = edit(exported, tmp_path / "公式文本.xlsx", {"一（二）": {"进展情况": "=1+2 是一段文字，不是公式"}})
    result = app.test_cli_runner().invoke(args=["import-ledger", str(edited)])
    assert result.exit_code == 0, result.output
    assert [r.progress for r in task_by_number(app, "一（二）").reports] == ["=1+2 是一段文字，不是公式"]
    again = export(app, tmp_path / "再导出.xlsx", "--plan", "1")
    sheet = openpyxl.load_workbook(again).worksheets[0]
    cell = sheet.cell(row_of(again, "一（二）"), 7)
    assert cell.value == "=1+2 是一段文字，不是公式" and cell.data_type == "s" and cell.quotePrefix
    cell = sheet.cell(row_of(again, "一（三）"), 7)
    assert cell.value == hyperlink and cell.data_type == "s"


def test_ledger_import_revert_removes_reports_and_restores_statuses(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    before = snapshot(app)
    edited = edit(exported, tmp_path / "填报.xlsx", {
        "一（二）": {"进展情况": "将被撤销的进展。"}, "三（一）": {"完成状态": "申请办结"}})
    auth.login("duban")
    detail = import_through_pages(client, edited).headers["Location"]
    assert task_by_number(app, "三（一）").status is TaskStatus.CLOSE_REQUESTED
    page = client.get(detail).get_data(as_text=True)
    assert "撤销本次导入" in page
    response = client.post(detail + "/revert", data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert "已撤销导入记录" in response.get_data(as_text=True)
    after = snapshot(app)
    assert after["ProgressReport"] == before["ProgressReport"] == 0
    assert task_by_number(app, "三（一）").status is TaskStatus.ASSIGNED
    assert task_by_number(app, "一（二）").status is TaskStatus.ASSIGNED
    with app.app_context():
        record = db.session.scalar(select(ImportRecord))
        assert record.state is ImportState.REVERTED and record.reverted_by.username == "duban"
        kept = db.session.scalars(select(JournalEntry).where(JournalEntry.batch == record.batch)).all()
        undone = db.session.scalars(select(JournalEntry).where(JournalEntry.batch == record.batch + "-revert")).all()
        assert len(kept) == 3 and {e.field for e in undone} == {"status", "report_reverted"}
    # reverted: the same file may be imported again
    assert import_through_pages(client, edited).status_code == 302


def test_ledger_import_revert_is_for_the_supervisor_only(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1", "--unit", "重庆证监局")
    edited = edit(exported, tmp_path / "填报.xlsx", {"一（三）": {"进展情况": "报送。"}})
    auth.login("zjj")
    detail = import_through_pages(client, edited).headers["Location"]
    page = client.get(detail).get_data(as_text=True)
    assert "撤销本次导入" not in page
    assert client.post(detail + "/revert", data={"csrf_token": csrf_token(page)}).status_code == 403
    auth.logout()
    auth.login("bjj")
    assert client.get(detail).status_code == 404  # another unit's import is not even shown
    assert client.get("/imports").status_code == 200


# ---------------------------------------------------------------- other offices' ledgers


def weifang_ledger(path: Path) -> Path:
    """附件 line, title, 填报单位/日期, a two-row header (责任单位 over 牵头/配合), 重点任务 merged down."""
    rows = [
        ["附件1"],
        ["潍坊市优化营商环境重点任务推进台账"],
        ["填报单位：潍坊市发改委", None, None, None, None, "填报日期：2024年3月5日"],
        ["序号", "重点任务", "工作内容", "责任单位", None, "时间节点", "工作进展", "存在的问题", "下一步计划", "推进状态"],
        [None, None, None, "牵头", "配合"],
        [1, "深化“放管服”改革", "推行企业开办“一网通办”，压缩开办时间至1个工作日。", "市市场监管局", "市税务局、市人社局",
         "2024年6月底前", "已上线一网通办平台。", None, "扩大覆盖面。", "推进中"],
        [2, None, "推进工程建设项目审批制度改革。", "市住建局", "市自然资源局（含区县）", "2024年底前", None, None, None, "未启动"],
        [3, "优化金融服务", "开展首贷续贷中心建设。", "中国人民银行重庆营业管理部", "市金融办", "长期坚持",
         "已建成首贷中心3个。", "部分银行参与不足。", "推动全覆盖。", "已完成"],
    ]
    merges = ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5", "G4:G5", "H4:H5", "I4:I5", "J4:J5", "B6:B7"]
    return write_rows(path, rows, merges)


def county_ledger(path: Path) -> Path:
    """A title merged across, group rows "一、…" merged across the row, measures numbered 1. 2. under each."""
    rows = [
        ["XX县2024年重点工作任务分解台账"],
        ["序号", "工作任务", "责任部门", "配合部门", "完成时间", "工作动态", "状态"],
        ["一、", "稳增长促发展"],
        ["1.", "实施重点项目攻坚行动。", "县发改局", "县财政局", "2024年12月", "已开工项目 8 个。", "推进中"],
        ["2.", "开展招商引资专项行动。", "县商务局", None, "全年", None, None],
        ["二、", "保障和改善民生"],
        ["1.", "新建城区幼儿园 2 所。", "县教体局", "县住建局、县自然资源局", "2024年9月底前", None, "未开始"],
    ]
    return write_rows(path, rows, ["A1:G1", "B3:G3", "B6:G6"])


def dotted_ledger(path: Path) -> Path:
    """Dotted numbers (1 / 1.1 / 1.2), units before the measure, other captions."""
    rows = [
        ["市数字政府建设任务清单"],
        ["编号", "牵头部门", "配合部门", "主要任务", "时限要求", "落实情况", "困难和问题", "下步打算", "任务状态"],
        ["1", None, None, "夯实数字基础设施"],
        ["1.1", "市大数据局", "市通信管理局", "建成全市政务云平台。", "2024年底前", "完成招标。", None, None, "推进中"],
        ["1.2", "市大数据局", None, "推进政务外网扩容。", "2025年6月底前", None, None, None, "未启动"],
        ["2", None, None, "提升政务服务效能"],
        ["2.1", "市政务服务中心", "各区县政府", "推行“一件事一次办”。", "长期坚持", "上线 20 个事项。", "部分系统未打通。",
         "打通数据接口。", "已完成"],
    ]
    return write_rows(path, rows)


def loose_groups_ledger(path: Path) -> Path:
    """Unnumbered group rows ("第一部分 …") and measures without 序号 at all."""
    rows = [
        ["区安全生产专项整治三年行动任务台账"],
        ["序号", "具体措施", "牵头单位", "完成时限", "进展情况"],
        ["第一部分 危险化学品"],
        [None, "开展危化品企业全面排查。", "区应急局", "2024年6月底前", "排查企业 42 家。"],
        [None, "建立重大危险源监控系统。", "区应急局、区工信局", "2024年底前", None],
        ["第二部分 道路交通"],
        [None, "整治农村公路安全隐患。", "区交通局", "长期坚持", None],
    ]
    return write_rows(path, rows)


FOREIGN = {
    "weifang": (weifang_ledger, "潍坊市优化营商环境重点任务推进台账", [
        (["一"], None, "深化“放管服”改革", [], []),
        (["一", "1"], ["一"], "推行企业开办“一网通办”", ["市市场监管局"], ["市税务局", "市人社局"]),
        (["一", "2"], ["一"], "推进工程建设项目审批制度改革", ["市住建局"], ["市自然资源局"]),
        (["二"], None, "优化金融服务", [], []),
        (["二", "3"], ["二"], "开展首贷续贷中心建设", ["人行重庆营管部"], ["市金融办"]),
    ]),
    "county": (county_ledger, "XX县2024年重点工作任务分解台账", [
        (["一"], None, "稳增长促发展", [], []),
        (["一", "1"], ["一"], "实施重点项目攻坚行动", ["县发改局"], ["县财政局"]),
        (["一", "2"], ["一"], "开展招商引资专项行动", ["县商务局"], []),
        (["二"], None, "保障和改善民生", [], []),
        (["二", "1"], ["二"], "新建城区幼儿园 2 所", ["县教体局"], ["县住建局", "县自然资源局"]),
    ]),
    "dotted": (dotted_ledger, "市数字政府建设任务清单", [
        (["1"], None, "夯实数字基础设施", [], []),
        (["1", "1.1"], ["1"], "建成全市政务云平台", ["市大数据局"], ["市通信管理局"]),
        (["1", "1.2"], ["1"], "推进政务外网扩容", ["市大数据局"], []),
        (["2"], None, "提升政务服务效能", [], []),
        (["2", "2.1"], ["2"], "推行“一件事一次办”", ["市政务服务中心"], ["各区县政府"]),
    ]),
    "loose": (loose_groups_ledger, "区安全生产专项整治三年行动任务台账", [
        (["一"], None, "第一部分 危险化学品", [], []),
        (["一", "1"], ["一"], "开展危化品企业全面排查", ["区应急局"], []),
        (["一", "2"], ["一"], "建立重大危险源监控系统", ["区应急局", "区工信局"], []),
        (["二"], None, "第二部分 道路交通", [], []),
        (["二", "1"], ["二"], "整治农村公路安全隐患", ["区交通局"], []),
    ]),
}


@pytest.mark.parametrize("name", list(FOREIGN))
def test_ledger_import_foreign_ledger_becomes_a_plan_with_the_right_tree(app, tmp_path, name):
    build, title, expected = FOREIGN[name]
    path = build(tmp_path / f"{name}.xlsx")
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 0, result.output
    assert "tasks created: 5" in result.output and "plan_id=2" in result.output
    with app.app_context():
        plan = db.session.get(Plan, 2)
        assert plan.title == title
        tree = [(t.path, t.parent.path if t.parent else None, t.title or t.text,
                 [u.name for u in t.lead_units], [u.name for u in t.supporting_units]) for t in plan.tasks]
        assert [(p, parent, lead, sup) for p, parent, _, lead, sup in tree] == [
            (p, parent, lead, sup) for p, parent, _, lead, sup in expected]
        for (_, _, text, _, _), (_, _, start, _, _) in zip(tree, expected):
            assert text.startswith(start), (text, start)


def test_ledger_import_foreign_ledger_keeps_statuses_deadlines_and_progress(app, tmp_path):
    path = weifang_ledger(tmp_path / "潍坊.xlsx")
    assert app.test_cli_runner().invoke(args=["import-ledger", str(path)]).exit_code == 0
    with app.app_context():
        tasks = {t.number_display: t for t in db.session.get(Plan, 2).tasks}
        first, finance = tasks["一1"], tasks["二3"]
        assert (first.deadline, str(first.due_date), first.status) == ("2024年6月底前", "2024-06-30", TaskStatus.IN_PROGRESS)
        assert [(r.unit.name, r.progress, r.next_steps) for r in first.reports] == [
            ("市市场监管局", "已上线一网通办平台。", "扩大覆盖面。")]
        assert finance.status is TaskStatus.CLOSED
        assert [r.unit.name for r in finance.reports] == ["人行重庆营管部"]  # matched by its alias
        assert db.session.scalar(select(Unit).where(Unit.name == "市自然资源局")) is not None
        assert db.session.scalar(select(Unit).where(Unit.name == "人行重庆营管部")).name == "人行重庆营管部"
        assert db.session.scalar(select(ImportRecord)).created_plan_id == 2


def test_ledger_import_revert_deletes_the_plan_it_created(app, client, auth, tmp_path):
    path = county_ledger(tmp_path / "县台账.xlsx")
    auth.login("duban")
    detail = import_through_pages(client, path, "县台账.xlsx").headers["Location"]
    with app.app_context():
        assert db.session.get(Plan, 2) is not None
    page = client.get(detail).get_data(as_text=True)
    response = client.post(detail + "/revert", data={"csrf_token": csrf_token(page)}, follow_redirects=True)
    assert "删除方案 #2" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Plan, 2) is None
        assert db.session.scalar(select(JournalEntry).where(JournalEntry.field == "plan_deleted")) is not None


def test_ledger_import_revert_keeps_a_created_plan_that_was_used_since(app, tmp_path):
    path = county_ledger(tmp_path / "县台账.xlsx")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["import-ledger", str(path)]).exit_code == 0
    with app.app_context():
        task = next(t for t in db.session.get(Plan, 2).tasks if t.number_display == "一2")
        add_report(task, db.session.scalar(select(User).where(User.username == "duban")), "导入后在网页上报送。")
    result = runner.invoke(args=["revert-import", "1"])
    assert result.exit_code == 0, result.output
    assert "已保留" in result.output
    with app.app_context():
        plan = db.session.get(Plan, 2)
        assert plan is not None
        assert [r.progress for t in plan.tasks for r in t.reports] == ["导入后在网页上报送。"]


def test_ledger_import_foreign_progress_merged_into_an_existing_plan(app, tmp_path):
    with app.app_context():
        text = next(t.text for t in db.session.scalars(select(Task)) if t.number_display == "一（二）")
    path = write_rows(tmp_path / "银监局报送.xlsx", [
        ["重庆银监局金融去杠杆工作进展"],
        ["序号", "工作内容", "责任单位", "工作进展", "存在问题", "办理状态"],
        ["1", text, "重庆银监局", "按月开展风险监测。", "无", "推进中"],
        ["一（四）", "（按序号对应）", "重庆保监局", "保险业风险排查完成。", None, None],
    ])
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path), "--plan", "1"])
    assert result.exit_code == 0, result.output
    assert "rows read: 2, tasks created: 0, tasks updated: 2, conflicts: 0" in result.output
    assert [(r.unit.name, r.progress) for r in task_by_number(app, "一（二）").reports] == [("重庆银监局", "按月开展风险监测。")]
    assert [(r.unit.name, r.progress) for r in task_by_number(app, "一（四）").reports] == [("重庆保监局", "保险业风险排查完成。")]
    with app.app_context():
        assert db.session.get(Plan, 2) is None  # merged, no new plan


def test_ledger_import_unmatched_row_in_a_merge_is_a_bad_row(app, tmp_path):
    path = write_rows(tmp_path / "对不上.xlsx", [
        ["序号", "工作内容", "责任单位", "工作进展"],
        ["九（九）", "方案里没有的任务。", "重庆银监局", "进展。"],
    ])
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path), "--plan", "1"])
    assert result.exit_code == 1
    assert "row 2, column B: 在方案《" in result.output
    assert snapshot(app) == before


def test_ledger_import_column_mapping_is_shown_and_can_be_corrected(app, client, auth, tmp_path):
    # "事项" names no task column alone, and its one short text is no clear column of long texts either (a column of
    # long texts is taken by itself, with a warning: tests/unit/test_ledger_office_tables.py): the person maps it
    path = write_rows(tmp_path / "自定义表头.xlsx", [
        ["序号", "事项", "牵头单位", "完成时限", "进展情况"],
        ["1", "建立监测月报制度。", "市金融办", "2024年底前", "已出台制度。"],
    ])
    auth.login("duban")
    url = preview_url(upload(client, path, "自定义表头.xlsx"))
    page = client.get(url).get_data(as_text=True)
    assert "没有找到“具体措施”" in page and "列对应关系" in page
    response = client.post(url + "/mapping", data={
        "csrf_token": csrf_token(page), "map-序号": "A", "map-具体措施": "B", "map-牵头单位": "C",
        "map-完成时限": "D", "map-进展情况": "E"})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "确认导入" in page and 'value="B"' in page
    response = client.post(url + "/confirm", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    with app.app_context():
        plan = db.session.get(Plan, 2)
        assert [t.text for t in plan.tasks] == ["建立监测月报制度。"]
        assert [r.progress for r in plan.tasks[0].reports] == ["已出台制度。"]


def test_a_deadline_changed_in_an_own_export_is_said_not_imported_and_nothing_is_written(app, client, auth, tmp_path):
    """The office types a new 完成时限 into its exported ledger (一（四）) next to a filled-in progress (一（一）):
    the preview says on 一（四）'s line that the deadline is not imported and where it is changed, instead of
    "与系统中一致"; confirming files the progress only and leaves the deadline as it was."""
    auth.login("duban")
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    filled = edit(exported, tmp_path / "填报.xlsx", {"一（一）": {"进展情况": "排查金融产品 35 家。"},
                                                     "一（四）": {"完成时限": "2026年13月45日前"}})
    url = preview_url(upload(client, filled, "填报.xlsx"))
    page = client.get(url).text
    assert "完成时限改为“2026年13月45日前”未导入" in page and "任务页“编辑”中修改" in page
    assert "进展与系统中一致，无需更新" in page
    confirm(client, url)
    fourth, first = task_id(app, ["一", "（四）"]), task_id(app, ["一", "（一）"])
    with app.app_context():
        assert db.session.get(Task, fourth).deadline is None
        progress = db.session.scalars(select(ProgressReport.progress).where(ProgressReport.task_id == first)).all()
        assert progress == ["排查金融产品 35 家。"]


def test_ledger_import_an_unknown_status_reads_the_same_in_another_offices_ledger_as_in_our_own(app, tmp_path):
    """One wording (TaskStatus.unknown_label_reason) whether the ledger updates known tasks or makes a new plan."""
    other = write_rows(tmp_path / "区县台账.xlsx", [
        ["某区2024年重点工作任务台账"],
        ["序号", "具体措施", "牵头单位", "完成时限", "完成状态"],
        [1, "推进政务服务一网通办。", "区政务办", "2024年底前", "推进中"],
        [2, "完善企业服务专员制度。", "区发改委", "2024年6月底前", "差不多了"],
    ])
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(other)])
    assert result.exit_code == 1 and snapshot(app) == before
    assert "row 4, column E: 未知的完成状态“差不多了”（可选：已交办、已签收、推进中、申请办结、已办结，" in result.output


def test_ledger_import_a_category_table_with_money_creates_a_task_per_category_and_says_what_it_read(app, tmp_path):
    # 山东 2021: 领域 | 完成投资 | 占年度计划, a 合计 row first: four categories, no unit, no progress
    path = write_rows(tmp_path / "分领域.xlsx", [
        ["2021年1-7月省重大项目分领域完成投资情况"], ["领域", "完成投资", "占年度计划"], ["合计", 1735.6, 83.6],
        ["重大产业项目", 987.8, 93.0], ["重大平台项目", 232.7, 93.9], ["重大民生项目", 205.7, 84.0],
        ["重大基础设施项目", 309.4, 60.1]])
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "rows read: 4, tasks created: 4" in result.output
    assert "按领域汇总项目投资的统计表" in result.output and "合计行" in result.output
    assert snapshot(app) == before
