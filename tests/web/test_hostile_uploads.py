"""Hostile uploads through the pages answer in Chinese, never 500 (issue 14 items 1, 2, 5).

Stories: the supervising office uploads a damaged .docx or one whose styles loop, or pastes
just "一、": the import page answers 400 with a sentence saying the file is damaged, or shows
the preview. A liaison sends a workbook with 600,000 cell formats to the ledger upload page: it
is refused with the limit named, nothing is stored; the limit follows the setting.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tests.hostile import make_files
from tests.helpers.ledger import upload as upload_ledger
from tests.helpers.plans import upload as upload_plan
from tracker.extensions import db
from tracker.models import ImportDraft, Plan


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Plan)),
                db.session.scalar(select(func.count()).select_from(ImportDraft)))


@pytest.mark.parametrize("make", [make_files.style_cycle_docx, make_files.roman_start_docx,
                                  make_files.ilvl_ten_docx, make_files.vmerge_first_row_docx,
                                  make_files.bad_styles_xml_docx])
def test_import_page_damaged_docx_gets_a_chinese_sentence_not_a_500(app, client, auth, make):
    auth.login("duban")
    before = counts(app)
    response = upload_plan(client, make(), "坏方案.docx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "文件 坏方案.docx 已损坏：Word 文档的内部结构有误" in page and "Traceback" not in page
    assert counts(app) == before


def test_import_page_pasted_bare_number_shows_a_preview(app, client, auth):
    auth.login("duban")
    page = client.get("/plans/import").get_data(as_text=True)
    response = client.post("/plans/import", data={"csrf_token": csrf_token(page), "text": "一、"})
    assert response.status_code == 302 and "/plans/import/" in response.headers["Location"]


def test_import_page_pasted_plan_past_the_item_limit_is_refused(app, client, auth):
    app.config["UPLOAD_MAX_ITEMS"] = 20
    auth.login("duban")
    page = client.get("/plans/import").get_data(as_text=True)
    text = make_files.many_items_txt(21).decode()
    response = client.post("/plans/import", data={"csrf_token": csrf_token(page), "text": text})
    assert response.status_code == 400
    assert "粘贴的文本 含有的编号条目超过上限 20 个（设置项 UPLOAD_MAX_ITEMS）" in response.get_data(as_text=True)


def test_ledger_upload_with_600000_cell_formats_is_refused_and_not_stored(app, client, auth):
    auth.login("zjj")
    response = upload_ledger(client, make_files.many_styles_xlsx(), "样式炸弹.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "样式炸弹.xlsx 含有的单元格格式（样式）超过上限 64,000 个" in page
    assert not list(Path(app.instance_path).rglob("*.xlsx"))  # refused files are never stored


def test_ledger_upload_style_limit_follows_the_setting(app, client, auth):
    app.config["UPLOAD_MAX_STYLES"] = 50
    auth.login("zjj")
    response = upload_ledger(client, make_files.many_styles_xlsx(60), "台账.xlsx")
    assert response.status_code == 400 and "超过上限 50 个" in response.get_data(as_text=True)


def test_ledger_confirm_of_a_refused_preview_says_why_and_writes_nothing(app, client, auth, tmp_path):
    from tests.helpers.ledger import confirm, export, preview_url, snapshot

    path = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    auth.login("duban")
    url = preview_url(upload_ledger(client, path, "台账.xlsx"))
    app.config["LEDGER_MAX_ROWS"] = 2  # now the preview refuses it: too many rows
    before = snapshot(app)
    response = confirm(client, url)
    assert response.status_code == 400
    assert "超过上限 2 行" in response.get_data(as_text=True)
    assert snapshot(app) == before


def test_parse_plan_command_answers_a_damaged_docx_in_one_sentence(app, runner, tmp_path):
    for name, make in (("样式循环.docx", make_files.style_cycle_docx), ("层级十.docx", make_files.ilvl_ten_docx)):
        path = tmp_path / name
        path.write_bytes(make())
        result = runner.invoke(args=["parse-plan", str(path)])
        assert result.exit_code != 0
        assert f"文件 {name} 已损坏" in result.output and "Traceback" not in result.output


def test_a_large_upload_gives_its_memory_back_and_a_small_one_costs_nothing(app, client, auth, monkeypatch):
    """A worker kept 60–100 MB after one refused 20 MB Word file (glibc holds freed pages): after a
    request of 1 MB or more the worker collects garbage and trims its heap; ordinary requests don't."""
    from tracker import memory

    released = []
    monkeypatch.setattr(memory, "release_memory", lambda: released.append(True))
    auth.login("duban")
    long_text = "加强金融风险防控。" * (memory.LARGE_REQUEST_BYTES // 27 + 1000)  # 3 bytes a character
    response = upload_plan(client, long_text.encode(), "很长的方案.txt")
    assert response.status_code in (302, 400) and released == [True]
    client.get("/plans/import")
    assert released == [True]
    app.config["UPLOAD_MAX_CHARS"] = 1000
    response = upload_plan(client, long_text.encode(), "很长的方案.txt")
    assert response.status_code == 400 and "UPLOAD_MAX_CHARS" in response.get_data(as_text=True)
    assert released == [True, True]


def test_memory_release_runs_here():
    """On this machine (glibc) the trim is found and runs without error."""
    from tracker import memory

    assert memory.malloc_trim() is not None
    memory.release_memory()
