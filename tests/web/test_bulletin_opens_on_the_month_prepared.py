"""The 通报 page opens on the month the office is preparing, not on the calendar's month.

The small world (tests/helpers/small_world.py) has a monthly plan whose reports are due on the 25th. On 6 December
the 市金融办 opens 通报 to prepare November's: the page used to open on December, a month with no report due yet.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import User
from tracker.periods import parse_period
from tracker.services.figures.publishing import preparing_period, publish_bulletin


@pytest.fixture
def world(empty_app):
    return small_world.build(empty_app)


def opened(client) -> str:
    page = client.get("/bulletin").get_data(as_text=True)
    return page[page.index('id="bulletin-opened-on"'):].split("</p>")[0]


def test_on_6_december_the_page_opens_on_november_until_it_is_published(empty_app, world, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 12, 6))
    office = empty_app.test_client()
    sign_in(office, "sup")
    line = opened(office)
    assert "本页是<strong>2026年11月</strong>的通报" in line
    assert "2026年11月的报送日（11月25日）已过，该月通报尚未发布" in line
    assert "在上方“期间”中填写" in line  # and how to ask for another month
    assert 'name="period" value="2026-11"' in office.get("/bulletin").get_data(as_text=True)
    docx = office.get("/bulletin.docx")  # the downloads without a period take the same month
    assert docx.status_code == 200 and "2026" in docx.headers["Content-Disposition"]
    with empty_app.app_context():
        sup = db.session.scalar(select(User).where(User.username == "sup"))
        publish_bulletin(sup, parse_period("2026-11"), date(2026, 12, 6))
    line = opened(office)
    assert "本页是<strong>2026年12月</strong>的通报" in line
    assert "2026年11月通报已发布；本月报送日为12月25日" in line
    # a month asked for is shown as asked, without the reason
    asked = office.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "本页是<strong>2026年10月</strong>的通报。" in asked


def test_after_the_report_day_the_month_itself_is_prepared(empty_app, world):
    with empty_app.app_context():
        assert preparing_period(date(2026, 11, 25)).period.key == "2026-10"  # reports are on time all the report day
        assert preparing_period(date(2026, 11, 26)).period.key == "2026-11"
        assert preparing_period(date(2027, 1, 3)).period.key == "2026-12"  # across the year
        # the plan was imported on 1 August: July owed no report, so on 3 August the office prepares August
        first = preparing_period(date(2026, 8, 3))
        assert first.period.key == "2026-08" and "此前没有应报送进展的月份；本月报送日为8月25日" in first.reason
