"""Helpers of the ledger import tests: export, edit in openpyxl, upload through the pages, snapshots."""
from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tracker.extensions import db
from tracker.models import Assignment, ImportRecord, JournalEntry, Plan, ProgressReport, Task, Unit


def export(app, path: Path, *args: str) -> Path:
    """Export the ledger with the CLI (supervisor rights) to ``path``."""
    result = app.test_cli_runner().invoke(args=["export-ledger", "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return path


def header(sheet) -> tuple[int, dict[str, int]]:
    """The header row number and caption -> column number of an exported ledger."""
    for row in sheet.iter_rows(min_row=1, max_row=10):
        if row[0].value == "序号":
            return row[0].row, {cell.value: cell.column for cell in row if cell.value}
    raise AssertionError("no header row")


def edit(path: Path, out: Path, changes: dict[str, dict[str, str | None]]) -> Path:
    """Open ``path`` in openpyxl as a person would, set ``{序号: {caption: text}}``, save to ``out``.

    A text opening with "=" is stored as text (as Excel does after a leading apostrophe), never
    as a formula.
    """
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    rows = {sheet.cell(r, 1).value: r for r in range(top + 1, sheet.max_row + 1)}
    for number, cells in changes.items():
        for caption, value in cells.items():
            cell = sheet.cell(rows[number], columns[caption])
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
    book.save(out)
    return out


def row_of(path: Path, number: str) -> int:
    """The Excel row number of the task numbered ``number`` in an exported ledger."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    top, _ = header(sheet)
    return next(r for r in range(top + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == number)


def upload(client, data: bytes | Path, filename: str = "台账.xlsx", plan: int = 0):
    """Post ``data`` to the upload page; return the response (not followed)."""
    if isinstance(data, Path):
        data = data.read_bytes()
    page = client.get("/imports/new").get_data(as_text=True)
    return client.post("/imports/new", data={"csrf_token": csrf_token(page), "plan": str(plan),
                                              "file": (BytesIO(data), filename)},
                       content_type="multipart/form-data")


def preview_url(response) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    location = response.headers["Location"]
    assert re.search(r"/imports/pending/[0-9a-f]{32}$", location), location
    return location


def confirm(client, url: str):
    """Open the preview at ``url`` and press 确认导入; return the response (not followed)."""
    page = client.get(url).get_data(as_text=True)
    return client.post(url + "/confirm", data={"csrf_token": csrf_token(page)})


def import_through_pages(client, data, filename="台账.xlsx", plan=0):
    """Upload, preview, confirm; return the confirm response."""
    return confirm(client, preview_url(upload(client, data, filename, plan)))


def snapshot(app) -> dict:
    """Row counts, versions and statuses: equal before and after means nothing was written."""
    with app.app_context():
        counts = {model.__name__: db.session.scalar(select(func.count()).select_from(model))
                  for model in (Plan, Task, Unit, Assignment, ProgressReport, JournalEntry, ImportRecord)}
        counts["versions"] = sorted(db.session.execute(select(Task.id, Task.version, Task.status)).all())
        return counts


def task_by_number(app, number: str, plan_id: int = 1) -> Task:
    """The task of plan ``plan_id`` whose 序号 is ``number`` ("一（三）"), detached with its reports loaded."""
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == plan_id))
                    if t.number_display == number)
        _ = [(r.unit, r.author, r.progress) for r in task.reports], task.status
        db.session.expunge_all()
        return task


def refusal_in_a_fresh_process(reader: str, path: Path) -> tuple[str, int]:
    """Open ``path`` with ``reader`` ("module:function") in a new Python process.

    Returns ``(refusal code, MB of resident memory grown)``. The refusal code is the ``code``
    of the refusal (LedgerRefused, or a PlanReadError of a refused .docx), or "" when the file
    was not refused. A fresh process makes the memory figure the reader's own (SECURITY-TESTS E2).
    """
    module, function = reader.split(":")
    script = (
        "import resource, sys\n"
        f"from {module} import {function} as read\n"
        "from tracker.ledger import LedgerRefused\n"
        "from tracker.parsing import PlanReadError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    read(sys.argv[1]); print('-')\n"
        "except (LedgerRefused, PlanReadError) as error:\n    print(error.code or 'uncoded')\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    output = subprocess.run([sys.executable, "-c", script, str(path)], cwd=Path(__file__).resolve().parents[1],
                            capture_output=True, text=True, check=True).stdout.split()
    return ("" if output[0] == "-" else output[0]), int(output[1])
