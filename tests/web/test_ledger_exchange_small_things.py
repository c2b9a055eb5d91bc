"""Small things seen in the ledger exchange (issue 15): a liaison's plan list, refused uploads on the
liaison's home, the duplicate-file heading, renaming a plan created from a ledger."""
from __future__ import annotations

import re

import openpyxl
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.ledger import export, import_through_pages, preview_url, upload
from tracker.extensions import db
from tracker.models import JournalEntry, Plan


def _foreign_plan(app, tmp_path) -> int:
    """A second plan, from another office's ledger, with none of 重庆证监局's tasks."""
    book = openpyxl.Workbook()
    for values in (["附件：重点工作任务分解表"], ["序号", "具体措施", "牵头单位", "完成时限"],
                   ["1", "建成全市政务云平台。", "市大数据局", "2024年底前"]):
        book.active.append(values)
    book.save(tmp_path / "附件.xlsx")
    result = app.test_cli_runner().invoke(args=["import-ledger", str(tmp_path / "附件.xlsx")])
    assert result.exit_code == 0, result.output
    return 2


def _drafts(client) -> str:
    found = re.search(r'<section[^>]*id="drafts".*?</section>', client.get("/").get_data(as_text=True), re.S)
    return found.group(0) if found else ""


def test_liaison_plan_list_offers_only_plans_with_its_units_tasks(app, client, auth, tmp_path):
    foreign = _foreign_plan(app, tmp_path)
    auth.login("zjj")
    page = client.get("/plans").get_data(as_text=True)
    assert "/plans/1/ledger.xlsx" in page and f"/plans/{foreign}/ledger.xlsx" not in page
    auth.logout()
    auth.login("duban")
    page = client.get("/plans").get_data(as_text=True)
    assert "/plans/1/ledger.xlsx" in page and f"/plans/{foreign}/ledger.xlsx" in page


def test_refused_upload_does_not_stay_on_the_liaison_home_as_a_draft(app, client, auth):
    auth.login("zjj")
    url = preview_url(upload(client, "甲,乙\r\n1,2\r\n".encode("utf-8"), "名单.csv"))  # no ledger header
    assert "没有找到表头" in client.get(url).get_data(as_text=True)
    assert _drafts(client) == ""


def test_duplicate_file_is_not_headed_correct_it_in_excel(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    top = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    progress = next(c for c in range(1, 20) if sheet.cell(top, c).value == "进展情况")
    sheet.cell(top + 2, progress).value = "已完成排查。"
    book.save(tmp_path / "填好.xlsx")
    auth.login("duban")
    assert import_through_pages(client, tmp_path / "填好.xlsx", "填好.xlsx").status_code == 302
    page = client.get(preview_url(upload(client, tmp_path / "填好.xlsx", "填好.xlsx"))).get_data(as_text=True)
    assert "此文件已经导入过，不会重复导入" in page
    assert "请在 Excel 中改正" not in page


def test_plan_created_from_a_ledger_can_be_renamed_in_plan_settings(app, client, auth, tmp_path):
    plan_id = _foreign_plan(app, tmp_path)
    with app.app_context():
        assert db.session.get(Plan, plan_id).title == "附件：重点工作任务分解表"
    auth.login("duban")
    form = client.get(f"/plans/{plan_id}/settings").get_data(as_text=True)
    assert 'value="附件：重点工作任务分解表"' in form
    response = client.post(f"/plans/{plan_id}/settings", data={
        "csrf_token": csrf_token(form), "title": "市数字政府建设任务清单", "doc_number": "渝数发〔2024〕3号",
        "issuer": "市大数据局", "issued_on": "2024-03-05", "warning_days": "15", "report_cycle": "monthly",
        "report_day": "25"})
    assert response.status_code == 302
    with app.app_context():
        plan = db.session.get(Plan, plan_id)
        assert (plan.title, plan.doc_number, plan.issuer, str(plan.issued_on)) == (
            "市数字政府建设任务清单", "渝数发〔2024〕3号", "市大数据局", "2024-03-05")
        changes = [e.new_value for e in db.session.scalars(select(JournalEntry).where(JournalEntry.plan_id == plan_id))]
        assert "方案名称：市数字政府建设任务清单" in changes
    blank = client.post(f"/plans/{plan_id}/settings", data={
        "csrf_token": csrf_token(form), "title": " ", "warning_days": "15", "report_cycle": "monthly", "report_day": "25"})
    assert "方案名称”不能为空" in client.get(f"/plans/{plan_id}/settings").get_data(as_text=True) or \
        "方案名称”不能为空" in blank.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Plan, plan_id).title == "市数字政府建设任务清单"
