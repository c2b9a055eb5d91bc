"""Find a task of the seeded 重庆 plan and report progress on it through the task page, as a liaison does."""
from __future__ import annotations

from io import BytesIO

from sqlalchemy import func, select

from tests.helpers.forms import csrf_token, form_version
from tracker.extensions import db
from tracker.models import ProgressReport, Task

# The smallest file the attachment check takes for a PDF.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def task_id(app, path: list[str]) -> int:
    """Return the id of the seeded plan's task numbered ``path``, e.g. ["一", "（三）"]."""
    with app.app_context():
        return next(t.id for t in db.session.scalars(select(Task)) if t.path == path)


def report_count(app) -> int:
    """The number of progress reports stored, of every task."""
    with app.app_context():
        return db.session.scalar(select(func.count(ProgressReport.id)))


def post_report(client, tid, **fields):
    """Post the task page's report form of task ``tid`` with ``fields`` (progress, problems, next_steps,
    status, version …); the CSRF token and version are read from the page when it has them. Not followed."""
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    data = {"progress": "", "problems": "", "next_steps": "", "status": "", **fields}
    data["csrf_token"] = csrf_token(page) if 'name="csrf_token"' in page else ""
    data.setdefault("version", form_version(page) if 'name="version"' in page else "")
    return client.post(f"/tasks/{tid}", data=data)


def report_with_files(client, tid, files, progress="完成排查，附检查报告。"):
    """Post a report on task ``tid`` with ``files`` [(name, bytes)] attached as 佐证材料. Not followed."""
    html = client.get(f"/tasks/{tid}").get_data(as_text=True)
    data = {"csrf_token": csrf_token(html), "version": form_version(html), "progress": progress, "problems": "",
            "next_steps": "", "status": "", "attachments": [(BytesIO(content), name) for name, content in files]}
    return client.post(f"/tasks/{tid}", data=data, content_type="multipart/form-data")
