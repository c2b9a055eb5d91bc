"""Wherever a page shows the demo's figures it says so, and where it shows none it says nothing (workflow54;
services/seed.demo_page_note, the rule of the dashboard and the 通报, workflow53).

A newcomer starts the demo and, as duban, opens the plan page and 报送情况与催办. The plan page counts the units'
reports (已报送进展, the statuses they moved, each task's latest report) and 报送情况 the current period's; both showed
the demo's made-up reports as the units' own, with no word of it, while the dashboard said 本页的统计含演示数据.

- Started on 11-26: November's demo reports are in the current period: both pages say so.
- Started on 12-03: the current period (December) holds none of them: 报送情况 says nothing; the plan page, which
  counts the reports of October and November, still says so.
- A plan the office imports afterwards counts none of them and says nothing.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tests.helpers.app import demo_office
from tracker.extensions import db
from tracker.models import Plan

WORDS = "本页的统计含演示数据"


def _office(app, monkeypatch, today: date):
    """The demo started on ``today``, duban signed in (tests/helpers/app.demo_office), and the demo plan's id."""
    office = demo_office(app, monkeypatch, today)
    with app.app_context():
        plan_id = db.session.scalar(select(Plan.id))
    return office, plan_id


def test_started_on_the_26th_the_plan_page_and_reporting_say_they_count_the_demos_reports(empty_app, monkeypatch):
    office, plan_id = _office(empty_app, monkeypatch, date(2026, 11, 26))
    reporting = office.get(f"/plans/{plan_id}/reporting").text
    assert 'id="reporting-demo-note"' in reporting and WORDS in reporting
    plan = office.get(f"/plans/{plan_id}").text
    assert 'id="plan-demo-note"' in plan and WORDS in plan


def test_started_on_the_3rd_reporting_says_nothing_and_a_plan_imported_later_says_nothing(empty_app, monkeypatch,
                                                                                              tmp_path):
    office, plan_id = _office(empty_app, monkeypatch, date(2026, 12, 3))
    reporting = office.get(f"/plans/{plan_id}/reporting").text
    assert "reporting-demo-note" not in reporting and WORDS not in reporting  # December holds none of the demo's
    assert WORDS in office.get(f"/plans/{plan_id}").text  # October's and November's reports are counted there
    plan_file = tmp_path / "新方案.txt"
    plan_file.write_text("关于推进普惠金融的实施方案\n一、加大信贷投放\n（一）扩大小微企业贷款。（牵头单位：重庆银监局）\n",
                         encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(plan_file)])
    assert result.exit_code == 0, result.output
    with empty_app.app_context():
        later = db.session.scalar(select(Plan.id).where(Plan.id != plan_id))
    page = office.get(f"/plans/{later}").text
    assert WORDS not in page and office.get(f"/plans/{later}/reporting").status_code == 200
    assert WORDS not in office.get(f"/plans/{later}/reporting").text
