"""A newcomer who starts the demo late in a month, or early in the next, sees a live period (workflow51;
services/seed.seed_report_history).

The 重庆 plan takes reports by the 25th. Seeded as it was on the 26th, it owed nothing until next month (a task given
on or after the report day first owes the next period's: ranking.owes_report), so 报送情况 said everyone had reported,
the liaison's 本期应报送 was empty and the 通报 had nothing to rank. The demo now dates the plan's import two report
days back and files its units' reports for those periods (marked 演示数据): some on time, some late, one unit in
four never.

- On 11-26 (this month's report day past): 报送情况 names the units that have not reported November's progress, the
  dashboard counts the same tasks 本期未报送, a never-reporting unit's home lists its tasks under 本期应报送, and the
  通报 opens on November with a ranking and a 未报送 list.
- On 12-03 (before December's report day): every unit owes December's report (本期应报送, due 12-25), and the 通报
  opens on November, ranked.
"""
from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from tests.helpers.app import demo_client, start_demo
from tracker.extensions import db
from tracker.models import JournalEntry, Plan, ProgressReport, User


def _page(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser")


def _owing_units(office, plan_id: int) -> dict[str, int]:
    """报送情况与催办: {unit: how many tasks it has not reported on this period}."""
    page = _page(office, f"/plans/{plan_id}/reporting")
    return {card.find("h2").contents[0].strip(): len(card.select(".owing-table tbody tr"))
            for card in page.select(".owing-unit")}


def _bulletin(office) -> dict:
    page = _page(office, "/bulletin")
    ranks = [row.find("td").get_text(strip=True) for row in page.select("#bulletin-ranking tbody tr")]
    missing = [row.find("td").get_text(strip=True) for row in page.select("#bulletin-missing tbody tr")]
    return {"text": page.get_text(" ", strip=True), "ranks": ranks, "missing": missing}


def _to_report(client) -> int:
    return len(_page(client, "/").select("#to-report tbody tr:not(.plan-group)"))


def _never_reporting(app) -> str:
    """The username of a liaison whose unit the demo never reports for (one in four)."""
    with app.app_context():
        reported = set(db.session.scalars(select(ProgressReport.unit_id)))
        plan = db.session.scalar(select(Plan))
        units = {a.unit_id for task in plan.tasks for a in task.assignments}
        silent = sorted(units - reported)
        assert silent, "the demo names someone under 未报送"
        return db.session.scalar(select(User.username).where(User.unit_id == silent[0], User.role == "liaison"))


def test_a_demo_started_on_the_26th_shows_novembers_reports_owed_ranked_and_missing(empty_app, monkeypatch):
    passwords = start_demo(empty_app, monkeypatch, date(2026, 11, 26))
    office = demo_client(empty_app, passwords, "duban")
    with empty_app.app_context():
        plan_id = db.session.scalar(select(Plan.id))

    owing = _owing_units(office, plan_id)
    assert owing, "报送情况 names who has not reported November's progress"
    dashboard = _page(office, "/")
    counted = next(int(card.select_one(".fs-3").get_text(strip=True)) for card in dashboard.select(".headline")
                   if card.select_one(".text-muted").get_text(strip=True) == "本期未报送")
    assert counted > 0

    silent = demo_client(empty_app, passwords, _never_reporting(empty_app))
    assert _to_report(silent) > 0  # its tasks wait under 本期应报送, their 报送截止 past

    bulletin = _bulletin(office)
    assert "2026年11月" in bulletin["text"]  # the 通报 opens on the month whose report day just passed
    assert any(rank.startswith("1") for rank in bulletin["ranks"])  # ranked: some units reported on time
    assert set(bulletin["missing"]) == set(owing)  # the 通报's 未报送 are 报送情况's units


@pytest.mark.parametrize("today", [date(2026, 12, 3)])
def test_a_demo_started_on_the_3rd_owes_this_months_report_and_ranks_last_month(empty_app, monkeypatch, today):
    passwords = start_demo(empty_app, monkeypatch, today)
    office = demo_client(empty_app, passwords, "duban")
    with empty_app.app_context():
        plan_id = db.session.scalar(select(Plan.id))

    page = _page(office, f"/plans/{plan_id}/reporting")
    assert "本期尚未报送进展的单位" in page.get_text()  # December's report is due on 12-25: owed, not late
    assert page.select(".owing-unit")

    liaison = demo_client(empty_app, passwords, "zjj")
    assert _to_report(liaison) > 0

    bulletin = _bulletin(office)
    assert "2026年11月" in bulletin["text"]
    assert any(rank.startswith("1") for rank in bulletin["ranks"])
    assert bulletin["missing"]


def test_a_demo_tasks_lead_unit_that_reported_has_started_it_as_a_filed_report_would(empty_app, monkeypatch):
    """The README: a lead unit's first report moves its task from 已交办 to 推进中. The demo's reports are filed for
    the units, so a task whose lead unit reported reads 推进中 (on its page too), dated in its journal at the report's
    time; a task whose lead units never reported stays 已交办 (workflow52 found every demo task at 已交办)."""
    passwords = start_demo(empty_app, monkeypatch, date(2026, 11, 26))
    with empty_app.app_context():
        plan = db.session.scalar(select(Plan))
        started, waiting = [], []
        for task in (t for t in plan.tasks if not t.is_heading):
            leads = {a.unit_id for a in task.assignments if a.role.value == "lead"}
            first = min((r.created_at for r in task.reports if r.unit_id in leads), default=None)
            changes = list(db.session.scalars(select(JournalEntry.created_at).where(
                JournalEntry.task_id == task.id, JournalEntry.field == "status")))
            (started if first else waiting).append((task.id, task.status.value, first, changes))
    assert started and waiting, "the demo has tasks whose lead unit reported and tasks whose lead never did"
    assert {status for _, status, _, _ in started} == {"in_progress"}
    assert all(changes == [first] for _, _, first, changes in started)  # journalled once, at the first lead report
    assert {status for _, status, _, _ in waiting} == {"assigned"}

    office = demo_client(empty_app, passwords, "duban")
    assert "推进中" in _page(office, f"/tasks/{started[0][0]}").get_text()
    assert "推进中" not in _page(office, f"/tasks/{waiting[0][0]}").select_one("h1").parent.get_text()
