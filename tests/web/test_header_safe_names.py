"""User text that reaches a download header is made header-safe (issue 14 item 6, SECURITY-TESTS H7).

Stories: a plan's title came from an Excel cell typed with Alt+Enter; its ledger downloads (.xlsx
and .csv) still work, named without the line break. A liaison's browser posts an evidence file
named with CR/LF/NUL: the name is stored clean; one stored that way before the fix downloads.
"""
from __future__ import annotations

from sqlalchemy import select

from tests.helpers.reports import PDF, report_with_files, task_id
from tracker.extensions import db
from tracker.models import Attachment, Plan
from tracker.services.attachments import original_name


def as_stored(text: str) -> str:
    """``text`` as old data could hold it: PostgreSQL's text cannot hold NUL, so only SQLite keeps it."""
    return text if db.engine.dialect.name == "sqlite" else text.replace("\x00", "")


def test_plan_title_with_a_line_break_still_downloads_its_ledgers(app, client, auth):
    with app.app_context():
        plan = db.session.get(Plan, 1)
        plan.title = as_stored("关于加强金融监管\r\n的实施方案\x00")
        db.session.commit()
    auth.login("duban")
    for suffix in ("xlsx", "csv"):
        response = client.get(f"/plans/1/ledger.{suffix}")
        assert response.status_code == 200, suffix
        disposition = response.headers["Content-Disposition"]
        assert "\r" not in disposition and "\n" not in disposition and "\x00" not in disposition
        assert "attachment" in disposition


def test_attachment_names_lose_cr_lf_nul_when_stored():
    assert original_name("检查\r\n报告\x00.pdf") == "检查  报告 .pdf"
    assert original_name("../\r\n") == "附件"


def test_attachment_stored_with_cr_lf_nul_in_its_name_still_downloads(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert report_with_files(client, tid, [("检查报告.pdf", PDF)]).status_code == 302
    with app.app_context():
        attachment = db.session.scalars(select(Attachment)).one()
        attachment.original_name = as_stored("旧的\r\n名字\x00.pdf")  # stored before the fix
        db.session.commit()
        attachment_id = attachment.id
    response = client.get(f"/attachments/{attachment_id}")
    assert response.status_code == 200 and response.data == PDF
    assert "\n" not in response.headers["Content-Disposition"]
