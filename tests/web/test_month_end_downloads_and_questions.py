"""At month end the supervising office downloads the month's files and publishes and closes things: the files are
named by the month as an office files them (指标数据模板-2026年10月.xlsx, 督办通报-2026年10月-第1版.docx), and every form
that changes a published or reviewed thing asks first, in Chinese, saying what follows (as 申请办结 does).

The story runs in tests/helpers/small_world.py (today 2026-11-21; 督查室's sup).
"""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import update

import tracker.clock
from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import Task, TaskStatus

TODAY = small_world.TODAY


@pytest.fixture
def world(empty_app, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    return small_world.build(empty_app)


def offered_name(answer) -> str:
    """The file name a browser saves ``answer`` as (the RFC 5987 ``filename*`` of its Content-Disposition)."""
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return unquote(re.search(r"filename\*=UTF-8''([^;]+)", answer.headers["Content-Disposition"]).group(1))


def test_the_months_files_are_named_by_the_month_in_words(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    assert offered_name(office.get("/indicators/template.xlsx?period=2026-10")) == "指标数据模板-2026年10月.xlsx"
    assert offered_name(office.get("/indicators/sample.xlsx?period=2026-10")) == "指标示例表-2026年10月（虚构数据）.xlsx"
    assert offered_name(office.get("/bulletin.docx?period=2026-10")) == "督办通报-2026年10月.docx"
    assert offered_name(office.get("/bulletin.xlsx?period=2026-Q3")) == "督办通报-2026年第三季度.xlsx"

    page = office.get("/bulletin?period=2026-10").get_data(as_text=True)
    form = BeautifulSoup(page, "html.parser").select_one("#bulletin-publish form")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    published = office.post("/bulletin/publish", data=fields)
    assert published.status_code == 302, published.get_data(as_text=True)[:300]
    number = published.headers["Location"].rsplit("/", 1)[1]
    assert offered_name(office.get(f"/bulletins/{number}.docx")) == "督办通报-2026年10月-第1版.docx"
    assert offered_name(office.get(f"/bulletins/{number}.xlsx")) == "督办通报-2026年10月-第1版.xlsx"


def test_publishing_asks_first_saying_who_is_told_and_that_a_version_stays(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    page = BeautifulSoup(office.get("/bulletin?period=2026-10").get_data(as_text=True), "html.parser")
    question = page.select_one("#bulletin-publish form")["data-confirm"]
    assert question.startswith("发布后，2026年10月的通报即通知各单位联络员和单位负责人")
    assert "已发布的版本不能撤回或修改" in question and question.endswith("确定发布吗？")
    assert page.select_one("#bulletin-publish form")["data-busy"]  # js/ledger-import.js reads forms marked so
    assert any("js/ledger-import.js" in script.get("src", "") for script in page.select("script"))


def test_the_offices_review_and_its_own_close_ask_first(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    page = BeautifulSoup(office.get(f"/tasks/{world.tasks['T2']}").get_data(as_text=True), "html.parser")
    close = page.select_one("#close-task-form form")
    assert "牵头单位会收到通知" in close["data-confirm"] and close["data-confirm"].endswith("确定办结吗？")
    assert any("js/ledger-import.js" in script.get("src", "") for script in page.select("script"))

    with empty_app.app_context():  # 甲局 has asked to close 一（二）
        db.session.execute(update(Task).where(Task.id == world.tasks["T2"]).values(status=TaskStatus.CLOSE_REQUESTED))
        db.session.commit()
    page = BeautifulSoup(office.get(f"/tasks/{world.tasks['T2']}").get_data(as_text=True), "html.parser")
    review = page.select_one("#review-form form")
    question = review["data-confirm"]
    assert "同意办结" in question and "退回" in question and question.endswith("确定提交审核吗？")
    assert review["data-busy"]
