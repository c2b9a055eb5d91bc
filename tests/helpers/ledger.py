"""Ledger helpers: export, edit in openpyxl, upload through the pages, snapshots; read an exported ledger's rows."""
from __future__ import annotations

import csv
import io
import re
from io import BytesIO
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tracker.extensions import db
from tracker.ledger import ALL_CAPTIONS
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


def edit_by_unit(path: Path, out: Path, changes: dict[str, dict[str, object]], number: str) -> Path:
    """Edit a by-unit ledger (issue 15) as a person would: set ``{单位: {caption: value}}`` on the rows of
    the task numbered ``number`` (one row per unit), save to ``out``."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    for row in range(top + 1, sheet.max_row + 1):
        unit = sheet.cell(row, columns["单位"]).value
        if sheet.cell(row, 1).value == number and unit in changes:
            for caption, value in changes[unit].items():
                sheet.cell(row, columns[caption]).value = value
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


def reimport(app, client, data: bytes) -> tuple[str, dict, dict]:
    """Upload ``data`` (a ledger, e.g. just exported) as 台账.xlsx, open its preview and press 确认导入; return the
    preview page and the ``snapshot`` before the upload and after the confirm."""
    before = snapshot(app)
    url = preview_url(upload(client, data, "台账.xlsx"))
    page = client.get(url).get_data(as_text=True)
    assert client.post(url + "/confirm", data={"csrf_token": csrf_token(page)}).status_code == 302
    return page, before, snapshot(app)


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


def header_row(sheet) -> int:
    """The row number of an exported ledger's header (the row whose first cell is 序号)."""
    for row in sheet.iter_rows(min_row=1, max_row=10):
        if row[0].value == "序号":
            return row[0].row
    raise AssertionError("no header row")


def data_rows(sheet):
    """Return the data rows as dicts caption -> value, with merged 重点任务 cells filled in."""
    top = header_row(sheet)
    captions = [c.value for c in sheet[top]]
    merged = {}
    for rng in sheet.merged_cells.ranges:
        value = sheet.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged[(r, c)] = value
    rows = []
    for r in range(top + 1, sheet.max_row + 1):
        values = [merged.get((r, c), sheet.cell(r, c).value) for c in range(1, len(captions) + 1)]
        rows.append(dict(zip(captions, values)))
    return rows


BOM = b"\xef\xbb\xbf"


def read_csv(content: bytes) -> list[dict[str, str]]:
    """The rows of an exported CSV ledger as caption -> text, after checking its BOM and captions."""
    assert content.startswith(BOM)  # Excel and WPS then open the Chinese text correctly
    text = content[len(BOM):].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(ALL_CAPTIONS)  # CONTRACTS.md §3 captions in order, then 任务键, 版本
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def store_note(app, number: str, progress: str) -> None:
    """File a report with exactly ``progress`` (leading blanks kept), as an API or old data might."""
    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task)) if t.number_display == number)
        db.session.add(ProgressReport(task_id=task.id, unit_id=None, progress=progress))
        db.session.commit()


def download(client, plan_id: int = 1):
    response = client.get(f"/plans/{plan_id}/ledger.xlsx")
    assert response.status_code == 200
    return response
