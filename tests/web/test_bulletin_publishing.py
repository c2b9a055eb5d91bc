"""发布通报: the supervising office publishes a period's 通报; every unit reads and downloads the published version.

The story runs in tests/helpers/small_world.py (today 2026-11-21): 督查室's sup previews the 通报, publishes it, the
units' liaisons are told and open it; a report filed afterwards moves November's figures, so a stale preview is
refused, the next publication is 第2版 and the first stays as it was.
"""
from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import openpyxl
import pytest
from bs4 import BeautifulSoup
from docx import Document
from sqlalchemy import func, select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.forms import csrf_token, invalid_fields
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import Notification, PublishedBulletin, Task, User
from tracker.periods import parse_period
from tracker.services.errors import PermissionDenied
from tracker.services.figures.publishing import publish_bulletin
from tracker.services.plans.task_editing import TaskEdit, edit_task

TODAY = small_world.TODAY


@pytest.fixture
def world(empty_app, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    return small_world.build(empty_app)


def publish_form(page: str) -> dict[str, str]:
    """The fields of the preview's 发布通报 form, as the browser would post them."""
    form = page[page.index('id="bulletin-publish"'):]
    return {"csrf_token": csrf_token(form), "period": re.search(r'name="period" value="([^"]+)"', form).group(1),
            "seen": re.search(r'name="seen" value="([^"]+)"', form).group(1)}


def published_rows(app, period_key: str) -> list[tuple[int, str]]:
    with app.app_context():
        return [(row.version, row.data["summary"]) for row in db.session.scalars(
            select(PublishedBulletin).where(PublishedBulletin.period_key == period_key)
            .order_by(PublishedBulletin.version))]


def test_the_office_publishes_october_and_each_unit_reads_the_same_document(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    preview = office.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "本期通报尚未发布" in preview and ">发布通报</button>" in preview

    answer = office.post("/bulletin/publish", data=publish_form(preview))
    assert answer.status_code == 302 and re.search(r"/bulletins/\d+$", answer.headers["Location"])
    page = office.get(answer.headers["Location"]).get_data(as_text=True)
    assert "已发布2026年10月通报（第1版），并已通知各单位（联络员、单位负责人）。" in page
    assert "关于2026年10月重点任务督办情况的通报" in page and 'id="published-version">第1版<' in page

    with empty_app.app_context():
        row = db.session.scalar(select(PublishedBulletin))
        stored_docx, stored_xlsx, bulletin_id = row.docx, row.xlsx, row.id
        assert (row.period_key, row.version, row.published_by.username) == ("2026-10", 1, "sup")
        assert row.data["ranking"][0]["unit"] == "甲局" and row.number.endswith("〔2026〕10号")
        told = {n.user.username: n for n in db.session.scalars(select(Notification).where(
            Notification.bulletin_id == bulletin_id))}
        assert set(told) == {"la", "lb", "lc"}  # the liaisons of the units with tasks; not the office itself
        assert told["la"].kind == "bulletin_published" and "第1版" in told["la"].text and told["la"].task_id is None

    unit = empty_app.test_client()
    sign_in(unit, "la")
    home = unit.get("/").get_data(as_text=True)
    assert 'id="home-bulletins"' in home and f"/bulletins/{bulletin_id}" in home
    listing = unit.get("/bulletins").get_data(as_text=True)
    assert "关于2026年10月重点任务督办情况的通报" in listing and "第1版" in listing
    notifications = unit.get("/notifications").get_data(as_text=True)
    assert "通报已发布" in notifications and "查看通报" in notifications
    opened = unit.post(f"/notifications/{told['la'].id}/read", data={"csrf_token": csrf_token(notifications),
                                                                     "open": "1"})
    assert opened.headers["Location"].endswith(f"/bulletins/{bulletin_id}")
    assert "排名第一的单位：甲局" in unit.get(f"/bulletins/{bulletin_id}").get_data(as_text=True)

    docx = unit.get(f"/bulletins/{bulletin_id}.docx")
    assert docx.status_code == 200 and docx.data == stored_docx
    assert "督办通报-2026-10-" in docx.headers["Content-Disposition"] or "filename*" in docx.headers["Content-Disposition"]
    assert "关于2026年10月重点任务督办情况的通报" in [p.text for p in Document(BytesIO(docx.data)).paragraphs]
    xlsx = unit.get(f"/bulletins/{bulletin_id}.xlsx")
    assert xlsx.data == stored_xlsx and openpyxl.load_workbook(BytesIO(xlsx.data))["通报"]["A1"].value.startswith("关于")

    # a liaison may read the published 通报, never publish one or preview the live figures
    assert unit.post("/bulletin/publish", data={"csrf_token": csrf_token(home), "period": "2026-10"}).status_code == 403
    assert unit.get("/bulletin?period=2026-10").status_code == 403
    viewer = empty_app.test_client()
    sign_in(viewer, "viewer")
    viewed = viewer.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "第1版" in viewed and 'id="publish-bulletin"' not in viewed


def test_publishing_again_makes_the_next_version_and_a_stale_preview_publishes_nothing(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    first_preview = office.get("/bulletin?period=2026-11").get_data(as_text=True)
    office.post("/bulletin/publish", data=publish_form(first_preview))
    first = published_rows(empty_app, "2026-11")
    assert [version for version, _ in first] == [1]

    # the same press again (a double click): nothing new, and it says so
    again = office.post("/bulletin/publish", data=publish_form(first_preview), follow_redirects=True)
    assert "完全相同，没有重复发布" in again.get_data(as_text=True)
    assert published_rows(empty_app, "2026-11") == first

    # after the preview the office brings 一（三）'s deadline forward to 11-15: November has one more overdue task
    with empty_app.app_context():
        task = db.session.get(Task, world.tasks["T3"])
        edit_task(task.id, db.session.get(User, world.users["sup"]),
                  TaskEdit(title=task.title, text=task.text, lead_unit_ids=[world.units["B"]],
                           deadline="2026年11月15日前", due_date=date(2026, 11, 15)), read_version=task.version)
    stale = office.post("/bulletin/publish", data=publish_form(first_preview), follow_redirects=True)
    stale_text = stale.get_data(as_text=True)
    assert "预览之后通报的内容已有变化" in stale_text and "本次没有发布" in stale_text
    assert published_rows(empty_app, "2026-11") == first
    assert "再次发布将作为第2版" in stale_text and ">发布第2版</button>" in stale_text  # the fresh preview

    second = office.post("/bulletin/publish", data=publish_form(stale_text), follow_redirects=True)
    assert "已发布2026年11月通报第2版，替代第1版（第1版仍保留可查）" in second.get_data(as_text=True)
    rows = published_rows(empty_app, "2026-11")
    assert [version for version, _ in rows] == [1, 2] and rows[0] == first[0] and rows[1][1] != rows[0][1]
    assert "逾期未办结2项" in rows[1][1] and "逾期未办结1项" in rows[0][1]  # the first version keeps its figures

    with empty_app.app_context():
        ids = dict(db.session.execute(select(PublishedBulletin.version, PublishedBulletin.id)).all())
        told = db.session.scalars(select(Notification.text).where(Notification.bulletin_id == ids[2])).all()
        assert told and all("第2版，替代第1版" in text for text in told)
    unit = empty_app.test_client()
    sign_in(unit, "lb")
    old = unit.get(f"/bulletins/{ids[1]}").get_data(as_text=True)
    assert 'id="published-superseded"' in old and "第2版" in old
    listing = unit.get("/bulletins").get_data(as_text=True)
    assert "已被第2版替代" in listing


def test_publishing_is_the_offices_and_the_service_checks_it_too(empty_app, world):
    with empty_app.app_context():
        liaison = db.session.scalar(select(User).where(User.username == "la"))
        viewer = db.session.scalar(select(User).where(User.username == "viewer"))
        for user in (liaison, viewer):
            with pytest.raises(PermissionDenied, match="只有督办部门可以发布通报"):
                publish_bulletin(user, parse_period("2026-10"), TODAY)
        assert db.session.scalar(select(func.count(PublishedBulletin.id))) == 0


def test_an_unknown_published_bulletin_is_a_404_and_a_bad_period_publishes_nothing(empty_app, world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    assert office.get("/bulletins/999").status_code == 404
    assert "督办部门还没有发布通报" in office.get("/bulletins").get_data(as_text=True)
    page = office.get("/bulletin?period=2026-10").get_data(as_text=True)
    bad = office.post("/bulletin/publish", data={"csrf_token": csrf_token(page), "period": "2026年10月"})
    assert bad.status_code == 422 and "没有发布" in bad.get_data(as_text=True)
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(PublishedBulletin.id))) == 0


@pytest.mark.parametrize("sent, reason", [
    ("2026年10月", "没有发布：无法识别的期间“2026年10月”：请写成 2026-10（月）、2026-Q4（季度）或 2026-W43（周）。"),
    ("2026-12", "没有发布：2026年12月尚未开始，无法生成通报。请选择今天或以前的期间。"),
    ("", "没有发布：无法识别的期间“”：请写成 2026-10（月）、2026-Q4（季度）或 2026-W43（周）。"),
])
def test_a_publish_form_with_a_period_it_cannot_use_comes_back_with_the_reason_beside_the_period(
        empty_app, world, sent, reason):
    # 督查室's sup presses 发布通报 on a page kept open from another day, or altered: the period it carries cannot be
    # read, or has not begun on 2026-11-21. Nothing is published; the 通报 page she would open now (October's, the
    # month she is preparing) comes back with what was sent in 期间, the reason and what to do beside it (it was a
    # flash on another page; a period not begun led to an error page).
    office = empty_app.test_client()
    sign_in(office, "sup")
    page = office.get("/bulletin").get_data(as_text=True)
    answer = office.post("/bulletin/publish", data={"csrf_token": csrf_token(page), "period": sent,
                                                    "seen": publish_form(page)["seen"]})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert invalid_fields(html) == {"b-period": reason + "改正“期间”后点“生成通报”，核对通报后再按“发布通报”。"}
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#b-period")["value"] == sent and soup.select_one("#b-period").has_attr("autofocus")
    assert "本页是2026年10月的通报" in soup.select_one("#bulletin-opened-on").get_text()
    assert publish_form(html)["period"] == "2026-10"  # the button under it publishes the month shown
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(PublishedBulletin.id))) == 0


def test_a_period_not_begun_or_misread_leads_back_to_last_months_and_this_months_bulletin(world, empty_app):
    # On 2026-11-21 the office types December, or a week 2025 does not have: told why, and offered the way on
    office = empty_app.test_client()
    sign_in(office, "sup")
    for asked, reason in [("2026-12", "2026年12月尚未开始"), ("2025-W53", "2025年没有第53周"),
                          ("0000-01", "年份 0 不在 1900—2999 年之间")]:
        for address in ("/bulletin", "/bulletin.docx"):
            answer = office.get(f"{address}?period={asked}")
            page = answer.get_data(as_text=True)
            assert answer.status_code == 400 and reason in page, (address, asked)
            assert '<a class="btn btn-primary" href="/bulletin?period=2026-10">打开2026年10月通报</a>' in page
            assert '<a class="btn btn-primary" href="/bulletin?period=2026-11">打开2026年11月通报</a>' in page
            assert "返回首页" in page
    assert office.get("/bulletin?period=2026-10").status_code == 200  # the way offered leads somewhere
    # another page's error keeps its one way home
    missing = office.get("/tasks/999999").get_data(as_text=True)
    assert "打开2026年10月通报" not in missing
