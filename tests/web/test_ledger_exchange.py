"""Ledger exchange, second round (issue 15): CSV and .xls come back in, harmless formulas do not
refuse a foreign ledger.

Stories: an office exports 导出本单位台账（CSV）, fills it in and uploads the same file to 导入台账;
a county sends its ledger as GB18030 CSV or as an Excel 97–2003 .xls with merged 重点任务 cells;
a foreign ledger carries =HYPERLINK formulas in its 备注 column.
"""
from __future__ import annotations

import csv
import re
import io

import openpyxl
from sqlalchemy import select

from tests.helpers.ledger import export, import_through_pages, preview_url, read_csv, task_by_number, upload
from tests.helpers.xls import write_xls
from tracker.extensions import db
from tracker.ledger import read_ledger
from tracker.models import Plan, ProgressReport


def _csv_bytes(rows, encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def test_csv_export_edited_and_uploaded_back_updates_the_task(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.csv", "--plan", "1").read_bytes()
    rows = read_csv(exported)
    captions = list(rows[0])
    for row in rows:
        if row["序号"] == "一（二）":
            row["进展情况"], row["存在问题"] = "已完成全市银行机构风险排查。", "=1+1 只是文字"
    edited = _csv_bytes([captions] + [["'" + row[c] if row[c].startswith("=") else row[c] for c in captions]
                                      for row in rows])
    auth.login("duban")
    response = import_through_pages(client, edited, "台账.csv")
    assert response.status_code == 302
    assert "台账已导入：更新 1 项" in client.get(response.headers["Location"]).get_data(as_text=True)
    task = task_by_number(app, "一（二）")
    assert [(r.progress, r.problems) for r in task.reports] == [("已完成全市银行机构风险排查。", "=1+1 只是文字")]


def test_csv_export_uploaded_unchanged_is_read_as_the_tracker_own_ledger(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.csv", "--plan", "1").read_bytes()
    auth.login("duban")
    page = client.get(preview_url(upload(client, exported, "台账.csv"))).get_data(as_text=True)
    assert "不是 .xlsx" not in page and "16" in page
    result = read_ledger(exported, "台账.csv")
    assert result.ok and result.own_export and len(result.rows) == 16


def test_import_ledger_command_accepts_a_gb18030_csv_of_another_office(app, tmp_path):
    path = tmp_path / "县台账.csv"
    path.write_bytes(_csv_bytes([
        ["序号", "工作任务", "责任部门", "配合部门", "完成时间", "工作动态", "状态"],
        ["1", "实施重点项目攻坚行动。", "县发改局", "县财政局", "2024年12月", "已开工项目 8 个。", "推进中"],
        ["2", "开展招商引资专项行动。", "县商务局", "", "全年", "", ""],
    ], encoding="gb18030"))
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 0, result.output
    assert "tasks created: 2" in result.output
    with app.app_context():
        tasks = db.session.get(Plan, 2).tasks
        assert [t.text for t in tasks] == ["实施重点项目攻坚行动。", "开展招商引资专项行动。"]
        assert [r.progress for r in tasks[0].reports] == ["已开工项目 8 个。"]


def test_csv_and_xlsx_of_the_same_ledger_read_alike(tmp_path):
    rows = [["序号", "具体措施", "牵头单位", "完成时限", "进展情况"],
            ["1", "修订管理办法", "市金融办", "2024年底前", "已起草"],
            ["2", "开展专项检查", "市市场监管局、市税务局", "长期坚持", ""]]
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    book.save(tmp_path / "台账.xlsx")
    from_xlsx = read_ledger(tmp_path / "台账.xlsx")
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        from_csv = read_ledger(_csv_bytes(rows, encoding), "台账.csv")
        assert [(r.number, r.measure, r.lead_units, r.deadline, r.progress) for r in from_csv.rows] == [
            (r.number, r.measure, r.lead_units, r.deadline, r.progress) for r in from_xlsx.rows], encoding


def test_csv_formula_typed_in_an_imported_column_is_a_row_error(tmp_path):
    rows = [["序号", "具体措施", "牵头单位", "进展情况", "备注"],
            ["1", "修订管理办法", "市金融办", '=WEBSERVICE("http://x")', '=HYPERLINK("http://x")']]
    result = read_ledger(_csv_bytes(rows), "台账.csv")
    assert [(i.row, i.column) for i in result.issues] == [(2, "D")]
    assert any("E 列（备注）含公式，未导入该列" in w for w in result.warnings)


def xls_ledger(path):
    """An Excel 97–2003 ledger: title, 填报单位, 重点任务 merged over two measures, a number as 序号."""
    return write_xls(path, [
        ["市数字政府建设任务台账"],
        ["填报单位：市大数据局"],
        ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "完成状态"],
        [1, "夯实数字基础设施", "建成全市政务云平台。", "市大数据局", "市通信管理局", "2024年底前", "完成招标。", "推进中"],
        [2, None, "推进政务外网扩容。", "市大数据局", None, "2025年6月底前", None, "未启动"],
        [3, "提升政务服务效能", "推行“一件事一次办”。", "市政务服务中心", "各区县政府", "长期坚持", "上线 20 个事项。", "已完成"],
    ], merges=[(0, 0, 0, 7), (3, 4, 1, 1)])


def test_import_ledger_command_reads_an_xls_ledger_with_merged_cells(app, tmp_path):
    path = xls_ledger(tmp_path / "数字政府.xls")
    assert path.read_bytes().startswith(bytes.fromhex("D0CF11E0A1B11AE1"))  # a real OLE2 .xls
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        plan = db.session.get(Plan, 2)
        assert plan.title == "市数字政府建设任务台账"
        leaves = [t for t in plan.tasks if t.text]
        assert [(t.parent.title, t.text) for t in leaves] == [
            ("夯实数字基础设施", "建成全市政务云平台。"), ("夯实数字基础设施", "推进政务外网扩容。"),
            ("提升政务服务效能", "推行“一件事一次办”。")]
        assert [r.progress for r in leaves[0].reports] == ["完成招标。"]


def test_xls_ledger_uploads_through_the_pages(app, client, auth, tmp_path):
    path = xls_ledger(tmp_path / "数字政府.xls")
    auth.login("duban")
    response = import_through_pages(client, path, "数字政府.xls")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Plan, 2).title == "市数字政府建设任务台账"


def test_unreadable_xls_is_refused_saying_how_to_convert_it(app, client, auth):
    auth.login("duban")
    fake = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 3000
    page = upload(client, fake, "旧台账.xls").get_data(as_text=True)
    assert "另存为" in page and ".xlsx" in page


def test_foreign_ledger_with_hyperlinks_in_its_remarks_imports_with_a_note(app, client, auth, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for values in (["序号", "具体措施", "牵头单位", "完成时限", "进展情况", "备注"],
                   [1, "修订管理办法", "市金融办", "2024年底前", "已起草", '=HYPERLINK("http://x.example","文件")'],
                   [2, "开展专项检查", "市市场监管局", "长期坚持", None, '=HYPERLINK("http://y.example","通知")']):
        sheet.append(values)
    book.save(tmp_path / "外单位.xlsx")
    auth.login("duban")
    url = preview_url(upload(client, tmp_path / "外单位.xlsx", "外单位.xlsx"))
    page = client.get(url).get_data(as_text=True)
    assert "F 列（备注）含公式，未导入该列" in page
    assert client.post(url + "/confirm", data={"csrf_token": __import__("tests.helpers.forms", fromlist=["x"])
                                               .csrf_token(page)}).status_code == 302
    with app.app_context():
        assert [r.progress for r in db.session.scalars(select(ProgressReport))] == ["已起草"]


def dotted_rows():
    return [["序号", "牵头部门", "配合部门", "主要任务", "时限要求", "落实情况", "任务状态"],
            ["1", None, None, "夯实数字基础设施"],
            ["1.1", "市大数据局", "市通信管理局", "建成全市政务云平台。", "2024年底前", "完成招标。", "推进中"],
            ["1.2", "市大数据局", None, "推进政务外网扩容。", "2025年6月底前", None, "未启动"],
            ["2", None, None, "提升政务服务效能"],
            ["2.1", "市政务服务中心", None, "推行“一件事一次办”。", "长期坚持", None, "推进中"]]


def test_a_dotted_foreign_ledger_keeps_1_1_on_every_page_and_file(app, client, auth, tmp_path):
    book = openpyxl.Workbook()
    for values in dotted_rows():
        book.active.append(values)
    book.save(tmp_path / "数字政府.xlsx")
    assert app.test_cli_runner().invoke(args=["import-ledger", str(tmp_path / "数字政府.xlsx")]).exit_code == 0
    from tracker.services.figures.bulletin import named_tasks
    with app.app_context():
        tasks = {t.text: t for t in db.session.get(Plan, 2).tasks if t.text}
        cloud = tasks["建成全市政务云平台。"]
        assert cloud.number_display == "1.1"
        assert {t.number_display for t in tasks.values()} == {"1.1", "1.2", "2.1"}
        assert named_tasks([cloud.id])[cloud.id].number_display == "1.1"  # the bulletin's names
        cloud_id = cloud.id
    auth.login("duban")
    task_page = client.get(f"/tasks/{cloud_id}").get_data(as_text=True)
    assert "1.1" in task_page and "11.1" not in task_page
    listing = client.get("/plans/2").get_data(as_text=True)
    assert "2.1" in listing and "22.1" not in listing and "11.2" not in listing
    ledger = export(app, tmp_path / "导出.xlsx", "--plan", "2")
    numbers = [row[0].value for row in openpyxl.load_workbook(ledger).worksheets[0].iter_rows()]
    assert "1.1" in numbers and "11.1" not in numbers


def test_preview_shows_what_each_row_will_write_and_the_ledgers_report_date(app, client, auth, tmp_path):
    book = openpyxl.Workbook()
    for values in (["市数字政府建设任务台账"], ["填报单位：市大数据局", None, None, "填报日期：2024年3月5日"],
                   ["序号", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "完成状态"],
                   ["1", "建成全市政务云平台。", "市大数据局", "市通信管理局", "2024年底前", "完成招标。", "推进中"]):
        book.active.append(values)
    book.save(tmp_path / "外单位.xlsx")
    auth.login("duban")
    page = client.get(preview_url(upload(client, tmp_path / "外单位.xlsx", "外单位.xlsx"))).get_data(as_text=True)
    assert "进展日期：2024年3月5日（台账的填报日期）" in page
    written = re.search(r'<td class="written small">(.*?)</td>', page, re.S).group(1)
    for caption, value in (("具体措施", "建成全市政务云平台。"), ("牵头单位", "市大数据局"), ("配合单位", "市通信管理局"),
                           ("完成时限", "2024年底前"), ("完成状态", "推进中"), ("进展情况", "完成招标。")):
        assert f"{caption}：</span>{value}" in written, caption


def test_preview_of_an_update_shows_the_old_and_the_new_value(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    from tests.helpers.ledger import edit
    edited = edit(exported, tmp_path / "填好.xlsx", {"一（二）": {"进展情况": "已完成排查。", "完成状态": "已办结"}})
    auth.login("duban")
    page = client.get(preview_url(upload(client, edited, "填好.xlsx"))).get_data(as_text=True)
    row = next(r for r in re.findall(r'<tr class="outcome-update.*?</tr>', page, re.S) if "一（二）" in r)
    assert "进展情况：</span>已完成排查。" in row
    assert re.search(r"完成状态：</span><del>[^<]+</del> → 已办结", row)
