"""A task owes a period's report only when it was given to its units before that period's report day, and a period's
通报 counts only the tasks given by its end (workflow50; services/figures/facts.duty_start, ranking.owes_report).

The small world (tests/helpers/small_world.py, P1 monthly, reports due on the 25th) with its 区县
(tests/helpers/districts.py: 各区县〔自治县〕人民政府 leads T7 一（六）, due 2026-12-31).

1. The group splits T7 to its three districts on 11-27, two days after November's report day. On 11-30 the
   supervisor prepares November's 通报: the three parts are tasks of November (纳入督办的任务 counts them), but no
   district could have reported by 11-25, so none is named under 未报送 nor ranked on a report it never owed; 报送情况
   and the district's own home agree. December's report (due 12-25) is the parts' first: on 12-26 南岸区, which
   never reported, owes it.
2. On 11-01 the office publishes October's 通报; on 11-02 it imports a new plan with a measure due 10-15; on 11-03 it
   opens October's 通报 again: unchanged (the new plan's tasks were nobody's in October, neither counted nor
   overdue), and publishing again stores no second version.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

import tracker.clock
from tests.helpers.districts import DISTRICTS, GROUP, add_districts
from tests.helpers.queries import count_statements
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import PublishedBulletin, Task, User
from tracker.parsing import read_plan_file
from tracker.periods import parse_period
from tracker.services.figures.cache import figures_cache
from tracker.services.figures.publishing import publish_bulletin
from tracker.services.plans.drafts import confirm_import, start_import
from tracker.services.plans.subtasks import split_task

#: 11-27 10:00 in Beijing (stored UTC): two days after November's report day.
LATE_SPLIT = datetime(2026, 11, 27, 2, 0)

LATE_PLAN = """关于开展专项检查的工作方案

一、开展存量业务排查。全面排查存量业务风险。（牵头单位：甲局；完成时限：2026年10月15日前）
二、建立长效监管机制。完善制度规定。（牵头单位：乙局；完成时限：2026年12月31日前）
"""


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def _bulletin(client, period: str) -> dict:
    """What the supervisor checks on the 通报 page of ``period``: headlines, ranking by unit, units under 未报送."""
    page = BeautifulSoup(client.get(f"/bulletin?period={period}").text, "html.parser")
    return {
        "headlines": {row.find("th").get_text(strip=True): row.find("td").get_text(" ", strip=True)
                      for row in page.select("#bulletin-headlines tr") if row.find("th") and row.find("td")},
        "ranking": {cells[1]: [cells[0]] + cells[2:] for cells in (  # unit: 名次, 牵头任务, 已办结, …
            [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in page.select("#bulletin-ranking tbody tr"))},
        "missing": {cells[0]: cells[-1] for cells in (
            [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in page.select("#bulletin-missing tbody tr"))},
        "overdue": page.select_one("#bulletin-overdue").get_text(" ", strip=True)
        if page.select_one("#bulletin-overdue") else "",
    }


def _owing(client, plan_id: int) -> dict[str, list[str]]:
    """报送情况与催办 of the plan: {unit: the 序号 of the tasks it still owes the current period's report on}."""
    page = BeautifulSoup(client.get(f"/plans/{plan_id}/reporting").text, "html.parser")
    return {card.find("h2").contents[0].strip(): [row.find("td").get_text(strip=True)
                                                   for row in card.select(".owing-table tbody tr")]
            for card in page.select(".owing-unit")}


@pytest.fixture
def late_split(empty_app, world, monkeypatch):
    """T7 split to the three districts on 11-27; nobody reports on the parts."""
    districts = add_districts(empty_app, world)
    with monkeypatch.context() as split_day, empty_app.app_context():
        split_day.setattr(tracker.clock, "utcnow", lambda: LATE_SPLIT)
        split_day.setattr(tracker.clock, "beijing_today", lambda: LATE_SPLIT.date())
        split_task(_user("lg"), districts.task, list(DISTRICTS.values()))
        plan_id = db.session.get(Task, districts.task).plan_id
    return plan_id


def test_novembers_bulletin_names_no_district_for_a_report_due_before_its_part_was_split(
        empty_app, late_split, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 30))
    office = empty_app.test_client()
    sign_in(office, "sup")
    november = _bulletin(office, "2026-11")

    assert november["headlines"]["纳入督办的任务"] == "10 项"  # the parts are November's tasks
    for district in DISTRICTS.values():
        assert district not in november["missing"]  # November's report fell due before the district had the part
        assert district not in november["ranking"]  # nothing owed nor due to rank it on: named apart, unranked
    assert GROUP in november["missing"]  # the group owed November's report on T7 all along and never filed it

    # 报送情况与催办 and the district's own home read the same rule: nothing owed on the parts this month
    assert not set(DISTRICTS.values()) & set(_owing(office, late_split))
    district = empty_app.test_client()
    sign_in(district, "lna")
    home = BeautifulSoup(district.get("/").text, "html.parser")
    owed = home.select_one("#to-report")
    assert owed is None or "一（六）-3" not in owed.get_text()

    # December's report is the parts' first: on 12-26, after its report day, 南岸区 owes it
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 12, 26))
    assert _owing(office, late_split)[DISTRICTS["lna"]] == ["一（六）-3"]


def test_octobers_bulletin_prepared_on_11_03_ignores_a_plan_imported_on_11_02(empty_app, world, monkeypatch, tmp_path):
    office = empty_app.test_client()
    sign_in(office, "sup")
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 1))
    before = _bulletin(office, "2026-10")
    with empty_app.app_context():
        first = publish_bulletin(_user("sup"), parse_period("2026-10"), date(2026, 11, 1))
        docx, xlsx = first.row.docx, first.row.xlsx

    (tmp_path / "专项检查方案.txt").write_text(LATE_PLAN, encoding="utf-8")
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 2))
    with empty_app.test_request_context(), monkeypatch.context() as now:
        now.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 2, 2, 0))
        draft = read_plan_file(tmp_path / "专项检查方案.txt")
        confirm_import(start_import(_user("sup"), draft, "专项检查方案.txt", None), _user("sup"))

    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 3))
    october = _bulletin(office, "2026-10")
    assert october == before  # same count of tasks, same ranking, no 10-15 measure overdue in October
    assert "开展存量业务排查" not in october["overdue"]
    with empty_app.app_context():
        again = publish_bulletin(_user("sup"), parse_period("2026-10"), date(2026, 11, 1))
        assert again.repeated  # the figures did not move: no 第2版
        assert db.session.scalar(select(func.count()).select_from(PublishedBulletin)) == 1
        kept = db.session.scalars(select(PublishedBulletin)).one()
        assert (kept.docx, kept.xlsx) == (docx, xlsx)  # the published files, byte for byte
    # November's 通报 counts the new plan (imported in November, before its report day: it owes November's report)
    november = _bulletin(office, "2026-11")
    assert november["headlines"]["纳入督办的任务"] == "8 项"  # T1–T6 and the two new measures


def test_the_bulletin_and_dashboard_cost_no_more_statements_with_a_plan_imported_after_the_period(
        empty_app, world, monkeypatch, tmp_path):
    """Whom a period counts is read from the plans and tasks already read (Plan.created_at, Task.created_at):
    October's 通报 and the dashboard take as many statements with a plan imported in November as without."""
    office = empty_app.test_client()
    sign_in(office, "sup")
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 3))

    def cost(path: str) -> int:
        with empty_app.app_context():
            figures_cache().clear()
        return count_statements(empty_app, lambda: office.get(path))

    without = cost("/bulletin?period=2026-10"), cost("/dashboard")
    (tmp_path / "专项检查方案.txt").write_text(LATE_PLAN, encoding="utf-8")
    with empty_app.test_request_context(), monkeypatch.context() as now:
        now.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 2, 2, 0))
        draft = read_plan_file(tmp_path / "专项检查方案.txt")
        confirm_import(start_import(_user("sup"), draft, "专项检查方案.txt", None), _user("sup"))
    assert (cost("/bulletin?period=2026-10"), cost("/dashboard")) == without
