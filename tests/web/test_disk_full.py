"""A full disk gets "磁盘已满", leaves nothing half-written, and /healthz reports it (issue 14 item
12, SECURITY-TESTS H8).

Stories: the server's disk fills up. A liaison's report with an evidence file answers 507 "磁盘
已满", and neither the report nor a file is left; a ledger upload answers the same, with no file
in the uploads folder; a plain write the database cannot grow for says the disk is full, not
that the database is unreachable; the monitoring page's /healthz says 503 disk full.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from tests.helpers.ledger import snapshot, upload
from tests.helpers.reports import PDF, report_with_files, task_id
from tracker.services import attachments
from tracker.services.ledger import uploads as ledger_uploads


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_report_with_attachment_on_a_full_disk_says_so_and_keeps_nothing(app, client, auth, monkeypatch):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = snapshot(app)
    real_write = Path.write_bytes

    def half_write(self, data):  # the disk fills up halfway through the file
        real_write(self, data[: len(data) // 2])
        no_space()

    monkeypatch.setattr(Path, "write_bytes", half_write)
    response = report_with_files(client, tid, [("检查报告.pdf", PDF)])
    assert response.status_code == 507
    assert "服务器磁盘已满" in response.get_data(as_text=True)
    assert snapshot(app) == before
    assert files_under(Path(app.instance_path) / "attachments") == []


def test_ledger_upload_on_a_full_disk_says_so_and_keeps_nothing(app, client, auth, monkeypatch, tmp_path):
    from tests.helpers.ledger import export

    path = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    auth.login("duban")
    monkeypatch.setattr(ledger_uploads.PendingUpload, "save_meta", lambda self: no_space())
    response = upload(client, path, "台账.xlsx")
    assert response.status_code == 507 and "服务器磁盘已满" in response.get_data(as_text=True)
    assert files_under(Path(app.instance_path) / ledger_uploads.FOLDER) == []


def test_database_that_cannot_grow_says_disk_full_not_unreachable(app, client, auth, monkeypatch):
    auth.login("zjj")
    tid = task_id(app, ["一", "（三）"])
    full = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))

    def refuse(*args, **kwargs):
        raise full

    monkeypatch.setattr(attachments, "store", refuse)
    response = report_with_files(client, tid, [("检查报告.pdf", PDF)])
    assert response.status_code == 507
    page = response.get_data(as_text=True)
    assert "服务器磁盘已满" in page and "数据库暂时无法连接" not in page


def test_healthz_reports_a_full_disk(app, client, monkeypatch):
    assert client.get("/healthz").status_code == 200
    app.config["HEALTH_MIN_FREE_BYTES"] = 1 << 62
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["disk"] == "full" and "磁盘已满" in response.get_json()["message"]
