"""The monthly 通报 of a plan with a split task, checked by hand as the supervising office checks it before publishing.

Which tasks count is one rule (services/scope.py, "Split tasks and sub-tasks"): the split task still counts, its lead
unit answering for the whole, and each live part counts as its district's own task, owing its own report. The 通报's
headline figures, its ranking and its list of units that did not report all read that one rule (facts.kept_facts →
ranking.rank_units / obligations), so a district is ranked on its part and named when its part's report is missing.

The small world (tests/helpers/small_world.py) with its 区县 (tests/helpers/districts.py): 各区县〔自治县〕人民政府 leads
T7 一（六）, due 2026-12-31, and splits it on 2026-11-15 to 渝中区, 江北区 and 南岸区 (一（六）-1, -2, -3, due as
T7). November's reports fall due on the 25th. The group reports on T7 on the 24th, 渝中区 on its part on the 20th, 江北区 on the 27th
(late); 南岸区 never. The 通报 of November, as of 2026-11-30:

| unit | 牵头任务 | 已办结 | 按期办结率 | 应报送 | 按时 | 迟报 | 未报 | 报送及时率 | 逾期任务 |
|---|---|---|---|---|---|---|---|---|---|
| 各区县〔自治县〕人民政府 | 1 (T7) | 0 | — (not due) | 1 | 1 | 0 | 0 | 100.0% | 0 |
| 渝中区人民政府 | 1 (-1) | 0 | — | 1 | 1 | 0 | 0 | 100.0% | 0 |
| 江北区人民政府 | 1 (-2) | 0 | — | 1 | 0 | 1 | 0 | 0.0% | 0 |
| 南岸区人民政府 | 1 (-3) | 0 | — | 1 | 0 | 0 | 1 | 0.0% | 0 |

纳入督办的任务: the world's six tasks T1–T6 (the heading 一 is not counted), T7 and its three parts: 10.

The parts did not exist in October (a task counts from its start of duty, facts.duty_start, and owes only the
reports of periods it existed in, ranking.owes_report): October's 通报 counts the seven tasks without them, names no
district under 未报送 and ranks none; the group still owes October's report on T7, which it had since the plan's import.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

import tracker.clock
from tests.helpers.districts import DISTRICTS, GROUP, add_districts
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import ProgressReport, Task, Unit, User
from tracker.services.plans.subtasks import split_task

NOVEMBER_END = date(2026, 11, 30)
#: When 各区县〔自治县〕人民政府 splits T7: the middle of November (stored UTC; 14:00 in Beijing).
SPLIT_AT = datetime(2026, 11, 15, 6, 0)


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


@pytest.fixture
def split_world(empty_app, world, monkeypatch):
    """The world with T7 split to the three districts and November's reports stored as the table above says."""
    districts = add_districts(empty_app, world)
    with monkeypatch.context() as split_day, empty_app.app_context():
        split_day.setattr(tracker.clock, "utcnow", lambda: SPLIT_AT)
        parts = split_task(_user("lg"), districts.task, list(DISTRICTS.values()))
        by_unit = {part.lead_units[0].name: part.id for part in parts}
        group = db.session.scalar(select(Unit).where(Unit.name == GROUP))
        for task_id, unit_name, author, stored_utc in [
                (districts.task, GROUP, "lg", datetime(2026, 11, 24, 2, 0)),
                (by_unit[DISTRICTS["lyz"]], DISTRICTS["lyz"], "lyz", datetime(2026, 11, 20, 2, 0)),
                (by_unit[DISTRICTS["ljb"]], DISTRICTS["ljb"], "ljb", datetime(2026, 11, 27, 2, 0))]:
            unit = group if unit_name == GROUP else db.session.scalar(select(Unit).where(Unit.name == unit_name))
            db.session.add(ProgressReport(task=db.session.get(Task, task_id), unit=unit, author=_user(author),
                                          created_at=stored_utc, progress=f"{unit_name}11月排查进展。"))
        db.session.commit()
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: NOVEMBER_END)
    return districts


def test_the_novembers_bulletin_counts_the_split_task_and_each_part_as_its_units_task(empty_app, split_world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    page = BeautifulSoup(office.get("/bulletin?period=2026-11").text, "html.parser")

    headlines = {row.find("th").get_text(strip=True): row.find("td").get_text(" ", strip=True)
                 for row in page.select("#bulletin-headlines tr") if row.find("th") and row.find("td")}
    assert headlines["纳入督办的任务"] == "10 项"  # T1–T6, T7 and its three parts

    ranking = {cells[1]: cells[2:] for cells in (
        [cell.get_text(strip=True) for cell in row.find_all("td")] for row in page.select("#bulletin-ranking tbody tr"))}
    assert ranking[GROUP][:9] == ["1", "0", "—", "1", "1", "0", "0", "100.0%", "0"]
    assert ranking[DISTRICTS["lyz"]][:9] == ["1", "0", "—", "1", "1", "0", "0", "100.0%", "0"]
    assert ranking[DISTRICTS["ljb"]][:9] == ["1", "0", "—", "1", "0", "1", "0", "0.0%", "0"]
    assert ranking[DISTRICTS["lna"]][:9] == ["1", "0", "—", "1", "0", "0", "1", "0.0%", "0"]

    missing = {cells[0]: cells[1:] for cells in (
        [cell.get_text(strip=True) for cell in row.find_all("td")] for row in page.select("#bulletin-missing tbody tr"))}
    assert missing[DISTRICTS["lna"]] == ["1", "1", "一（六）-3 推进区县风险排查"]  # named on its own part
    assert GROUP not in missing and DISTRICTS["lyz"] not in missing and DISTRICTS["ljb"] not in missing

    # 报送情况 of the plan reads the same rule (ranking.owes_report): 南岸区 still owes November's report on its part,
    # the districts that reported (on time or late) and the group owe nothing more
    reporting = BeautifulSoup(office.get(f"/plans/{split_world_plan(empty_app, split_world)}/reporting").text,
                              "html.parser")
    owing = {card.find("h2").contents[0].strip(): [row.find("td").get_text(strip=True)
                                                    for row in card.select(".owing-table tbody tr")]
             for card in reporting.select(".owing-unit")}
    assert owing[DISTRICTS["lna"]] == ["一（六）-3"]
    assert not {GROUP, DISTRICTS["lyz"], DISTRICTS["ljb"]} & set(owing)


def split_world_plan(app, districts) -> int:
    """The plan of the split task T7."""
    with app.app_context():
        return db.session.get(Task, districts.task).plan_id



def _bulletin(client, period: str) -> dict:
    """The 通报 page of ``period`` as the office reads it: its headlines, its ranking by unit, the units named under
    未报送 with the tasks named, and the whole 通报's text."""
    page = BeautifulSoup(client.get(f"/bulletin?period={period}").text, "html.parser")
    return {
        "headlines": {row.find("th").get_text(strip=True): row.find("td").get_text(" ", strip=True)
                      for row in page.select("#bulletin-headlines tr") if row.find("th") and row.find("td")},
        "ranking": {cells[1]: cells[2:] for cells in (
            [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in page.select("#bulletin-ranking tbody tr"))},
        "missing": {cells[0]: cells[-1] for cells in (
            [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in page.select("#bulletin-missing tbody tr"))},
        "text": page.select_one("article.bulletin-page").get_text(" ", strip=True),
    }


def _owing(client, plan_id: int) -> dict[str, list[str]]:
    """The 报送情况 page of the plan: {unit: the 序号 of the tasks it still owes the current period's report on}."""
    page = BeautifulSoup(client.get(f"/plans/{plan_id}/reporting").text, "html.parser")
    return {card.find("h2").contents[0].strip(): [row.find("td").get_text(strip=True)
                                                   for row in card.select(".owing-table tbody tr")]
            for card in page.select(".owing-unit")}


def test_octobers_bulletin_neither_lists_nor_counts_the_parts_split_in_november(empty_app, split_world):
    office = empty_app.test_client()
    sign_in(office, "sup")
    october = _bulletin(office, "2026-10")

    assert october["headlines"]["纳入督办的任务"] == "7 项"  # T1–T6 and T7: the parts did not exist yet
    for district in DISTRICTS.values():
        assert district not in october["ranking"] and district not in october["missing"]
        assert district not in october["text"]  # nor ranked apart, nor named anywhere
    assert "一（六）-" not in october["text"]
    # T7 was the group's since the plan's import: October's report on it is owed, and was never filed
    assert october["missing"][GROUP] == "一（六） 推进区县风险排查"
    assert october["ranking"][GROUP][3:7] == ["1", "0", "0", "1"]  # 应报送 1, 按时 0, 迟报 0, 未报 1

    november = _bulletin(office, "2026-11")  # the month the parts were split in: each owes November's report
    assert november["headlines"]["纳入督办的任务"] == "10 项"
    assert november["missing"][DISTRICTS["lna"]] == "一（六）-3 推进区县风险排查"


def test_the_reporting_page_of_a_day_before_the_split_owes_nothing_on_the_parts(empty_app, split_world, monkeypatch):
    """报送情况 reads the same rule: read as of 10-28, after October's report day, the group owes October's report on
    T7 and no district owes one on a part that did not exist; on 11-30 南岸区 owes November's on its part."""
    office = empty_app.test_client()
    sign_in(office, "sup")
    plan_id = split_world_plan(empty_app, split_world)
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 10, 28))
    october = _owing(office, plan_id)
    assert october[GROUP] == ["一（六）"]
    assert not set(DISTRICTS.values()) & set(october)

    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: NOVEMBER_END)
    assert _owing(office, plan_id)[DISTRICTS["lna"]] == ["一（六）-3"]


def test_a_split_after_the_bulletins_were_opened_moves_only_the_month_it_happened_in(empty_app, world, monkeypatch):
    """The 通报 of both months are opened (and kept: services/figures/cache.py) on 11-15; then the group splits T7.
    October's 通报, opened again, is the same as before; November's counts the three parts at once."""
    districts = add_districts(empty_app, world)
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: date(2026, 11, 15))
    office = empty_app.test_client()
    sign_in(office, "sup")
    october_before, november_before = _bulletin(office, "2026-10"), _bulletin(office, "2026-11")
    assert november_before["headlines"]["纳入督办的任务"] == "7 项"

    monkeypatch.setattr(tracker.clock, "utcnow", lambda: SPLIT_AT)
    with empty_app.app_context():
        split_task(_user("lg"), districts.task, list(DISTRICTS.values()))

    assert _bulletin(office, "2026-10") == october_before
    november = _bulletin(office, "2026-11")
    assert november["headlines"]["纳入督办的任务"] == "10 项"
    assert all(district in november["text"] for district in DISTRICTS.values())  # reports due 11-25: counted as to come
