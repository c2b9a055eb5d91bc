"""An uploaded plan (.docx) gets the zip-bomb and entity checks an uploaded ledger gets (issue #3/#4).

Stories: someone uploads a .docx that unpacks to hundreds of megabytes, on the plan import page
or to parse-plan/import-plan: it is refused at once, in Chinese, before python-docx unpacks
anything, and nothing is stored; a .docx whose XML declares entities is refused the same way; an
ordinary Word plan still imports.
"""
from __future__ import annotations
from sqlalchemy import func, select

from tests.helpers.budget import cpu_seconds_under
from tests.helpers.plans import PLAN_TEXT, make_docx, upload
from tests.helpers.processes import refusal_in_a_fresh_process
from tests.helpers.xlsx import rezip
from tracker.extensions import db
from tracker.models import ImportDraft, Plan

XXE = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def bomb(padding_mb: int = 60) -> bytes:
    """A real Word plan whose document.xml is padded with ``padding_mb`` MB of spaces (≈ 60 KB zipped)."""
    plain = make_docx(PLAN_TEXT.splitlines())
    return rezip(plain, replace={"word/document.xml": b"<x>" + b" " * (padding_mb * 1024 * 1024) + b"</x>"})


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Plan)),
                db.session.scalar(select(func.count()).select_from(ImportDraft)))


def test_plan_import_page_refuses_a_docx_zip_bomb_at_once(app, client, auth):
    data = bomb()
    assert len(data) < 1_000_000
    before = counts(app)
    auth.login("duban")
    with cpu_seconds_under(2):
        response = upload(client, data, "炸弹方案.docx")
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400)
    assert "炸弹方案.docx" in page and "疑似“压缩炸弹”，已拒绝" in page and "另存为新的 .docx" in page
    assert counts(app) == before


def test_parse_plan_and_import_plan_refuse_a_docx_zip_bomb(app, runner, tmp_path):
    path = tmp_path / "炸弹方案.docx"
    path.write_bytes(bomb())
    before = counts(app)
    for command in ("parse-plan", "import-plan"):
        result = runner.invoke(args=[command, str(path)])
        assert result.exit_code != 0
        assert "压缩炸弹" in result.output and "炸弹方案.docx" in result.output
    assert counts(app) == before


def test_docx_zip_bomb_refusal_grows_memory_by_less_than_50_mb(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb(200))
    code, grown_mb = refusal_in_a_fresh_process("tracker.parsing:read_plan_file", path)
    assert code == "compression_ratio" and grown_mb < 50


def test_docx_with_an_entity_declaration_or_a_macro_is_refused(app, client, auth):
    plain = make_docx(PLAN_TEXT.splitlines())
    auth.login("duban")
    xxe = rezip(plain, replace={"word/styles.xml": XXE.encode() + b"<w:styles/>"})
    page = upload(client, xxe, "实体.docx").get_data(as_text=True)
    assert "word/styles.xml 含有 DOCTYPE/实体声明" in page
    macro = rezip(plain, add={"word/vbaProject.bin": b"VBA"})
    assert "含有宏" in upload(client, macro, "宏.docm.docx").get_data(as_text=True)


def test_an_ordinary_word_plan_still_imports(app, client, auth):
    auth.login("duban")
    response = upload(client, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    assert response.status_code == 302 and "/plans/import/" in response.headers["Location"]
