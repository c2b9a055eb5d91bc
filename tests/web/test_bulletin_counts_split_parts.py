"""The monthly 通报 of a plan with a split task, checked by hand as the supervising office checks it before publishing.

Which tasks count is one rule (services/scope.py, "Split tasks and sub-tasks"): the split task still counts, its lead
unit answering for the whole, and each live part counts as its district's own task, owing its own report. The 通报's
headline figures, its ranking and its list of units that did not report all read that one rule (facts.kept_facts →
ranking.rank_units / obligations), so a district is ranked on its part and named when its part's report is missing.

The small world (tests/helpers/small_world.py) with its 区县 (tests/helpers/districts.py): 各区县〔自治县〕人民政府 leads
T7 一（六）, due 2026-12-31, and splits it to 渝中区, 江北区 and 南岸区 (一（六）-1, -2, -3, due as T7). November's
reports fall due on the 25th. The group reports on T7 on the 24th, 渝中区 on its part on the 20th, 江北区 on the 27th
(late); 南岸区 never. The 通报 of November, as of 2026-11-30:

| unit | 牵头任务 | 已办结 | 按期办结率 | 应报送 | 按时 | 迟报 | 未报 | 报送及时率 | 逾期任务 |
|---|---|---|---|---|---|---|---|---|---|
| 各区县〔自治县〕人民政府 | 1 (T7) | 0 | — (not due) | 1 | 1 | 0 | 0 | 100.0% | 0 |
| 渝中区人民政府 | 1 (-1) | 0 | — | 1 | 1 | 0 | 0 | 100.0% | 0 |
| 江北区人民政府 | 1 (-2) | 0 | — | 1 | 0 | 1 | 0 | 0.0% | 0 |
| 南岸区人民政府 | 1 (-3) | 0 | — | 1 | 0 | 0 | 1 | 0.0% | 0 |

纳入督办的任务: the world's six tasks T1–T6 (the heading 一 is not counted), T7 and its three parts: 10.
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


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


@pytest.fixture
def split_world(empty_app, world, monkeypatch):
    """The world with T7 split to the three districts and November's reports stored as the table above says."""
    districts = add_districts(empty_app, world)
    with empty_app.app_context():
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
    assert ranking[GROUP] == ["1", "0", "—", "1", "1", "0", "0", "100.0%", "0"]
    assert ranking[DISTRICTS["lyz"]] == ["1", "0", "—", "1", "1", "0", "0", "100.0%", "0"]
    assert ranking[DISTRICTS["ljb"]] == ["1", "0", "—", "1", "0", "1", "0", "0.0%", "0"]
    assert ranking[DISTRICTS["lna"]] == ["1", "0", "—", "1", "0", "0", "1", "0.0%", "0"]

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

