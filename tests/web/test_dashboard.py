"""The supervisor's dashboard and the liaison's home, checked figure by figure against the small world.

tests/helpers/small_world.py describes the fixture; every expected number below is worked out by hand from
that table and the rules in services/dashboard.COUNT_RULES and services/ranking.RULES.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.paths import ROOT
from tests.helpers.small_world import sign_in
from tests.helpers.queries import count_statements
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Plan, ProgressReport, ReportCycle, Task, TaskStatus, Unit, User
from tracker.periods import parse_period
from tracker.services.figures.dashboard import build_dashboard, liaison_home
from tracker.services.errors import PermissionDenied
from tracker.services.figures.facts import TaskFilters, load_facts
from tracker.services.figures.cache import figures_cache
from tracker.services.figures.lights import Light
from tracker.services.figures.ranking import rank_units

TODAY = small_world.TODAY
STATIC = ROOT / "tracker" / "static"


@pytest.fixture
def world(empty_app, monkeypatch):
    """The small world, with the app's clock set to 2026-11-21 (Beijing)."""
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    return small_world.build(empty_app)


@pytest.fixture
def small_client(empty_app, world):
    return empty_app.test_client()


def user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def test_dashboard_counts_by_status_light_overdue_and_unreported(empty_app, world):
    with empty_app.app_context():
        board = build_dashboard(user("sup"), TODAY)
        total = board.total
        assert total.total == 6  # the heading 一 is not counted
        assert total.by_status == {TaskStatus.ASSIGNED: 1, TaskStatus.ACKNOWLEDGED: 0, TaskStatus.IN_PROGRESS: 3,
                                   TaskStatus.CLOSE_REQUESTED: 0, TaskStatus.CLOSED: 2}
        # green: T1, T5 closed, T4 reported this month; yellow: T3 due in 10 days, T6 nothing this quarter; red: T2
        assert total.by_light == {Light.GREEN: 3, Light.YELLOW: 2, Light.RED: 1}
        assert total.overdue == 1  # T2
        assert total.unreported == 2  # T2 (last report in October), T6 (none in Q4)

        by_plan = {row.label: row for row in board.by_plan}
        assert (by_plan["示范工作方案"].total, by_plan["示范工作方案"].overdue, by_plan["示范工作方案"].unreported) == (5, 1, 1)
        assert by_plan["示范工作方案"].by_light == {Light.GREEN: 3, Light.YELLOW: 1, Light.RED: 1}
        assert (by_plan["季度督办方案"].total, by_plan["季度督办方案"].by_light[Light.YELLOW],
                by_plan["季度督办方案"].unreported) == (1, 1, 1)

        by_unit = {row.label: row for row in board.by_unit}  # lead units only
        assert set(by_unit) == {"甲局", "乙局", "丙局"}
        a, b, c = by_unit["甲局"], by_unit["乙局"], by_unit["丙局"]
        assert (a.total, a.by_status[TaskStatus.CLOSED], a.by_light[Light.RED], a.overdue, a.unreported) == (2, 1, 1, 1, 1)
        assert (b.total, b.by_status[TaskStatus.IN_PROGRESS], b.by_light[Light.YELLOW], b.by_light[Light.GREEN],
                b.overdue, b.unreported) == (2, 2, 1, 1, 0, 0)
        assert (c.total, c.by_status[TaskStatus.ASSIGNED], c.by_light[Light.YELLOW], c.unreported) == (2, 1, 1, 1)


def test_dashboard_ranking_of_the_current_month_and_its_sort_orders(empty_app, world):
    with empty_app.app_context():
        board = build_dashboard(user("sup"), TODAY)
        rows = {r.unit: r for r in board.ranking}
        # 甲局: T1 closed 10-20 before its due 10-31 (on time), T2 due 11-10 and open: 1 of 2
        assert (rows["甲局"].on_time_closed, rows["甲局"].due_or_closed, rows["甲局"].overdue) == (1, 2, 1)
        # 乙局: T3 due 12-01, T4 without due date, both open: nothing due yet
        assert rows["乙局"].completion_rate is None
        # 丙局: T5 due 09-30 closed 11-05 (late); T6 open without due date
        assert (rows["丙局"].on_time_closed, rows["丙局"].due_or_closed, rows["丙局"].overdue) == (0, 1, 0)
        # November's reports are due on the 25th, after today: none owed yet
        assert all(r.reports_owed == 0 and r.punctuality is None for r in board.ranking)
        # 乙局 has nothing to rank (no task due, no report owed): listed apart, not tied for the last place
        assert [(r.rank, r.unit) for r in board.ranking] == [(1, "甲局"), (2, "丙局"), (None, "乙局")]
        by_overdue = build_dashboard(user("sup"), TODAY, sort="overdue").ranking
        assert [r.unit for r in by_overdue] == ["丙局", "甲局", "乙局"]  # 0 overdue first; the unranked last


def test_dashboard_ranking_of_october_with_report_punctuality(empty_app, world):
    with empty_app.app_context():
        facts = load_facts(user("sup"), date(2026, 10, 31))
        october = parse_period("2026-10")
        rows = {r.unit: r for r in rank_units(facts, october, october.end)}
        # owed in October (P1 only; P2 owes its first report for Q4 on 12-25), due 10-25; T1, closed 10-20 before
        # the report day, owes none (its reports of 10-10 and 10-24 count for nothing):
        # 甲局: T2 10-20 on time, T4 10-26 Beijing (after the 25th) late
        assert (rows["甲局"].reports_owed, rows["甲局"].reports_on_time, rows["甲局"].reports_late,
                rows["甲局"].reports_missing) == (2, 1, 1, 0)
        # 乙局: T3 and T4 nothing in October
        assert (rows["乙局"].reports_owed, rows["乙局"].reports_on_time, rows["乙局"].reports_missing) == (2, 0, 2)
        # 丙局: T5 still open on October's report day (closed 11-05), no report in October
        assert (rows["丙局"].reports_owed, rows["丙局"].reports_missing) == (1, 1)
        assert rows["甲局"].punctuality == pytest.approx(1 / 2)
        assert (rows["甲局"].completion_rate, rows["丙局"].completion_rate) == (1.0, 0.0)
        assert rows["丙局"].overdue == 1  # T5 was still open on 10-31, due 09-30
        by_punctuality = rank_units(facts, october, october.end, sort="punctuality")
        # 乙局 and 丙局 both at 0 %: 丙局 has a completion rate (0 %), 乙局 none, so 丙局 comes first
        assert [r.unit for r in by_punctuality] == ["甲局", "丙局", "乙局"]


def test_dashboard_trend_month_by_month(empty_app, world):
    with empty_app.app_context():
        trend = {p.period.key: p for p in build_dashboard(user("sup"), TODAY).trend}
        assert list(trend) == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
        figures = {key: (p.closed, p.reports, p.overdue, p.on_time_closed, p.due_or_closed, p.reports_owed,
                         p.reports_on_time) for key, p in trend.items()}
        assert figures["2026-07"] == (0, 0, 0, 0, 0, 0, 0)  # P1 imported on 08-01 owes nothing for July
        assert figures["2026-08"] == (0, 0, 0, 0, 0, 7, 0)  # 7 unit-task pairs, nobody reported
        assert figures["2026-09"] == (0, 1, 0, 0, 1, 7, 1)  # T5 due 09-30; 丙局 reported 09-20
        # T1 closed (10-20, before the report day 10-25: owes no October report); T5 overdue at 10-31
        assert figures["2026-10"] == (1, 4, 1, 1, 2, 5, 1)
        assert figures["2026-11"] == (1, 2, 1, 1, 3, 0, 0)  # T5 closed 11-05; T2 overdue on 11-21


def test_dashboard_filters_and_search(empty_app, world):
    with empty_app.app_context():
        sup = user("sup")
        ids = {v: k for k, v in world.tasks.items()}

        def found(**filters):
            return sorted(ids[f.id] for f in load_facts(sup, TODAY, TaskFilters(**filters)).tasks)

        assert found(light=Light.RED) == ["T2"]
        assert found(light=Light.YELLOW) == ["T3", "T6"]
        assert found(plan_id=world.plans["P2"]) == ["T6"]
        assert found(unit_id=world.units["A"]) == ["T1", "T2", "T4"]  # lead or supporting
        assert found(status=TaskStatus.CLOSED) == ["T1", "T5"]
        assert found(due_from=date(2026, 10, 1), due_to=date(2026, 11, 30)) == ["T1", "T2"]
        assert found(query="宣传资料") == ["T4"]  # in a progress report
        assert found(query="违规担保") == ["T5"]  # in the title
        assert found(query="具体要求") == ["T1", "T2", "T3", "T4", "T5", "T6"]  # in the texts
        assert found(query="100%_") == []  # LIKE wildcards are taken literally
        la = user("la")
        assert sorted(ids[f.id] for f in load_facts(la, TODAY).tasks) == ["T1", "T2", "T4"]


def test_dashboard_is_for_the_supervising_office_only(empty_app, world, small_client):
    with empty_app.app_context():
        with pytest.raises(PermissionDenied):
            build_dashboard(user("la"), TODAY)
    sign_in(small_client, "la")
    response = small_client.get("/dashboard")
    assert response.status_code == 403
    assert "督办总览只对督办部门和领导开放" in response.get_data(as_text=True)


def test_dashboard_page_shows_the_figures_charts_tables_and_rules(small_client, world):
    sign_in(small_client, "sup")
    page = small_client.get("/").get_data(as_text=True)
    assert "督办总览" in page
    assert "vendor/chartjs/chart.umd.min.js" in page and "js/charts.js" in page
    assert page.count('class="tracker-chart"') == 4
    assert "<script>" not in page and 'style="' not in page  # CSP: no inline script or style
    ranking = re.search(r'<table[^>]*id="ranking-table".*?</table>', page, re.S).group(0)
    assert re.search(r"<td[^>]*>1</td><td>甲局</td>", ranking)
    assert "50.0%" in ranking
    assert "乙局" not in ranking  # nothing to rank in November: named apart, not as a tie for the last place
    assert "另有1个单位本期没有应办结的牵头任务，也没有应报送的进展，不参加排名：乙局。" in page
    assert "按期办结率 = 按期办结的牵头任务数" in page  # the rule beside the ranking
    trend = re.search(r'<table[^>]*id="trend-table".*?</table>', page, re.S).group(0)
    assert "2026年10月" in trend and "20.0%" in trend  # October: 1 of 5 reports on time
    red = small_client.get("/dashboard?light=red").get_data(as_text=True)
    tasks = re.search(r'<table[^>]*id="task-table".*?</table>', red, re.S).group(0)
    assert "开展专项排查" in tasks and "建立风险台账" not in tasks
    searched = small_client.get("/dashboard?q=宣传资料").get_data(as_text=True)
    assert "加强宣传教育" in re.search(r'<table[^>]*id="task-table".*?</table>', searched, re.S).group(0)
    bad = small_client.get("/dashboard?light=purple&due_from=yesterday").get_data(as_text=True)
    assert "未知的灯色“purple”" in bad and "2026-10-31 这样的日期" in bad
    by_overdue = small_client.get("/dashboard?sort=overdue").get_data(as_text=True)
    ranking = re.search(r'<table[^>]*id="ranking-table".*?</table>', by_overdue, re.S).group(0)
    assert ranking.index("丙局") < ranking.index("甲局")


def test_dashboard_liaison_home_groups_its_tasks_by_light_and_lists_what_is_due(empty_app, world, small_client):
    with empty_app.app_context():
        home = liaison_home(user("la"), TODAY)
        names = {light: [i.task.number_display for i in items] for light, items in home.by_light.items()}
        assert names == {Light.RED: ["一（二）"], Light.YELLOW: [], Light.GREEN: ["一（一）", "一（四）"]}
        # 甲局 has not reported in November on T2 nor T4 (its T4 report was in October); T1 is closed
        assert [(i.task.number_display, i.report_due) for i in home.to_report] == [
            ("一（二）", date(2026, 11, 25)), ("一（四）", date(2026, 11, 25))]
        assert [i.task.number_display for i in home.due_this_month] == ["一（二）"]
    sign_in(small_client, "la")
    page = small_client.get("/").get_data(as_text=True)
    assert "甲局 · 本单位任务" in page and "本期应报送" in page
    assert f'href="/tasks/{world.tasks["T2"]}#report-form"' in page  # one click to report
    assert "完善监测预警" not in page  # 乙局's task


def test_dashboard_chart_library_is_vendored_with_its_licence():
    library = STATIC / "vendor" / "chartjs" / "chart.umd.min.js"
    assert library.read_text(encoding="utf-8").startswith("/*!\n * Chart.js v4.")
    assert "MIT" in (STATIC / "vendor" / "chartjs" / "LICENSE.md").read_text(encoding="utf-8")


def grow_world(app, world, extra: int) -> None:
    """Add ``extra`` tasks to plan P1, each with two units and three reports."""
    with app.app_context():
        plan = db.session.get(Plan, world.plans["P1"])
        units = [db.session.get(Unit, world.units[k]) for k in ("A", "B", "C")]
        author = db.session.scalar(select(User).where(User.username == "la"))
        for n in range(extra):
            task = Task(plan=plan, path=["九", str(n)], number=str(n), level=2, position=100 + n,
                        title=f"扩充任务{n}", text="扩充", due_date=date(2026, 11, 1 + n % 28),
                        status=TaskStatus.IN_PROGRESS)
            task.assignments.append(Assignment(unit=units[n % 3], role=AssignmentRole.LEAD, position=0))
            task.assignments.append(Assignment(unit=units[(n + 1) % 3], role=AssignmentRole.SUPPORTING, position=1))
            db.session.add(task)
            for month in (9, 10, 11):
                db.session.add(ProgressReport(task=task, unit=units[n % 3], author=author,
                                              created_at=datetime(2026, month, 1 + n % 20, 2), progress="进展"))
        db.session.commit()


def test_dashboard_query_count_does_not_grow_with_the_rows(empty_app, world, small_client):
    sign_in(small_client, "sup")
    token_client = empty_app.test_client()
    liaison_client = empty_app.test_client()
    sign_in(liaison_client, "la")
    token = empty_app.test_cli_runner().invoke(args=["create-token", "sup"]).output.strip()
    pages = {
        "dashboard": lambda: small_client.get("/dashboard").status_code,
        "filtered": lambda: small_client.get("/dashboard?light=red&q=排查").status_code,
        "liaison home": lambda: liaison_client.get("/").status_code,
        "bulletin": lambda: small_client.get("/bulletin?period=2026-10").status_code,
        "api tasks": lambda: token_client.get("/api/v1/tasks?per_page=200",
                                              headers={"Authorization": f"Bearer {token}"}).status_code,
    }
    for action in pages.values():
        assert action() == 200  # warm up: the session's first queries are not the page's

    def measure() -> dict[str, tuple[int, int]]:
        """(statements with the figures computed afresh, statements with them cached) per page."""
        counts = {}
        for name, action in pages.items():
            figures_cache_of(empty_app).clear()
            cold = count_statements(empty_app, action)
            counts[name] = (cold, count_statements(empty_app, action))
        return counts

    small = measure()
    grow_world(empty_app, world, 60)
    large = measure()
    assert large == small, f"queries (cold, warm) with 6 tasks {small}, with 66 tasks {large}"
    cold, warm = small["dashboard"]
    assert cold < 40 and warm < 15 and warm < cold


def figures_cache_of(app):
    with app.app_context():
        return figures_cache()


def test_dashboard_figures_are_computed_again_after_every_kind_of_change(empty_app, world, small_client):
    """The dashboard keeps its figures between requests, and a report, a status change, a new due date,
    a new task or new plan settings show on the next request."""
    sign_in(small_client, "sup")

    def headline(name: str) -> int:
        page = small_client.get("/dashboard").get_data(as_text=True)
        card = re.search(name + r'</div>\s*<div class="fs-3 fw-semibold">(?:<a[^>]*>)?(\d+)', page)
        return int(card.group(1))

    assert (headline("任务总数"), headline("红灯（逾期）"), headline("本期未报送")) == (6, 1, 2)
    assert headline("任务总数") == 6  # served from the cache: the same figures
    with empty_app.app_context():
        kept = figures_cache()  # the figures, or the page's body kept with them (dashboard/routes.dashboard_body)
        assert kept.hits + sum(companion.hits for companion in kept.companions.values()) >= 1
        t3 = db.session.get(Task, world.tasks["T3"])
        t3.due_date = date(2026, 11, 1)  # an extension taken back: T3 is now overdue
        db.session.commit()
    assert headline("红灯（逾期）") == 2
    with empty_app.app_context():
        t2 = db.session.get(Task, world.tasks["T2"])
        db.session.add(ProgressReport(task=t2, unit_id=world.units["A"], author_id=world.users["la"],
                                      created_at=datetime(2026, 11, 21, 1), progress="本月排查完成"))
        db.session.commit()
    assert headline("本期未报送") == 1  # T2 reported this month
    with empty_app.app_context():
        db.session.get(Task, world.tasks["T2"]).status = TaskStatus.CLOSED
        db.session.commit()
    assert headline("已办结") == 3
    with empty_app.app_context():
        plan = db.session.get(Plan, world.plans["P1"])
        db.session.add(Task(plan=plan, path=["三"], number="三", level=1, position=9, title="新增任务", text="",
                            status=TaskStatus.ASSIGNED))
        db.session.commit()
    assert headline("任务总数") == 7
    with empty_app.app_context():
        yellow = build_dashboard(user("sup"), TODAY).total.by_light[Light.YELLOW]
        assert yellow == 2  # the new task and T6: nothing reported this period
        db.session.get(Plan, world.plans["P1"]).report_cycle = ReportCycle.WEEKLY
        db.session.commit()
        # T4's last report (11-03) is not in this week (from 11-16): yellow too
        assert build_dashboard(user("sup"), TODAY).total.by_light[Light.YELLOW] == 3


def test_dashboard_keeps_settled_months_after_a_new_report_and_recomputes_them_after_a_past_change(empty_app, world):
    """The months before the current one are kept after a report filed today (only November is computed
    again), and every change to what a past month is computed from shows in its figures: each time the
    kept trend equals the one computed from nothing."""
    def trends() -> tuple[list, list]:
        kept = build_dashboard(user("sup"), TODAY).trend
        figures_cache().clear()
        fresh = build_dashboard(user("sup"), TODAY).trend
        return kept, fresh

    def reports() -> dict[str, int]:
        return {p.period.key: p.reports for p in build_dashboard(user("sup"), TODAY).trend}

    with empty_app.app_context():
        before = reports()
        db.session.add(ProgressReport(task_id=world.tasks["T2"], unit_id=world.units["A"], author_id=world.users["la"],
                                      created_at=datetime(2026, 11, 21, 1), progress="今天报送"))
        db.session.commit()
        hits, misses = figures_cache().hits, figures_cache().misses
        after = build_dashboard(user("sup"), TODAY).trend
        assert figures_cache().misses == misses + 1  # the dashboard, with November computed again
        assert figures_cache().hits == hits + 5  # June–October kept
        assert {p.period.key: p.reports for p in after} == {**before, "2026-11": before["2026-11"] + 1}
        kept, fresh = trends()
        assert kept == fresh

        db.session.add(ProgressReport(task_id=world.tasks["T2"], unit_id=world.units["A"], author_id=world.users["la"],
                                      created_at=datetime(2026, 10, 3, 1), progress="补录十月进展"))  # backdated
        db.session.commit()
        assert reports()["2026-10"] == before["2026-10"] + 1
        kept, fresh = trends()
        assert kept == fresh

        t1 = db.session.get(Task, world.tasks["T1"])
        t1.status = TaskStatus.IN_PROGRESS  # reopened: no longer closed in October
        db.session.commit()
        october = {p.period.key: p for p in build_dashboard(user("sup"), TODAY).trend}["2026-10"]
        assert october.closed == 0
        kept, fresh = trends()
        assert kept == fresh


def test_ranking_shows_ties_as_ties_and_leaves_out_units_with_nothing_to_rank(empty_app, world):
    from tracker.services.figures.facts import Facts, TaskFact
    units = world.units
    day = date(2026, 10, 31)

    def task(number, status, due, closed_on, unit):
        return TaskFact(number, world.plans["P1"], status, due, None, closed_on, Light.GREEN, [units[unit]])

    facts = Facts(day, [task(1, TaskStatus.CLOSED, date(2026, 10, 1), date(2026, 9, 30), "A"),
                        task(2, TaskStatus.CLOSED, date(2026, 10, 1), date(2026, 9, 20), "B"),
                        task(3, TaskStatus.IN_PROGRESS, date(2026, 10, 1), None, "C"),
                        task(4, TaskStatus.IN_PROGRESS, None, None, "S")], {}, set())
    with empty_app.app_context():
        ranked = rank_units(facts, parse_period("2026-10"), day, owed=[])
    assert [(r.rank, r.unit) for r in ranked] == [(1, "乙局"), (1, "甲局"), (3, "丙局"), (None, "督查室")]  # ties in name order


def test_dashboard_kept_facts_equal_facts_read_from_nothing_after_reports_changes_and_removals(empty_app, world):
    """Task facts are kept between requests and only the new reports' tasks are made again
    (facts.kept_facts); after every kind of change they equal what load_facts reads from nothing,
    for the supervisor and for a liaison, for all plans and for one plan."""
    from tracker.services.figures.facts import kept_facts

    def same() -> None:
        first_plan = db.session.get(Task, world.tasks["T1"]).plan_id
        for name, plan_id in (("sup", None), ("sup", first_plan), ("la", None)):
            kept = kept_facts(user(name), TODAY, plan_id)
            fresh = load_facts(user(name), TODAY, TaskFilters(plan_id=plan_id))
            assert kept.tasks == fresh.tasks, name
            assert kept.unreported == fresh.unreported, name

    def report(task: str, when: datetime) -> ProgressReport:
        added = ProgressReport(task_id=world.tasks[task], unit_id=world.units["A"], author_id=world.users["la"],
                               created_at=when, progress="进展")
        db.session.add(added)
        db.session.commit()
        return added

    with empty_app.app_context():
        same()  # kept from nothing
        before = {f.id: f for f in kept_facts(user("sup"), TODAY).tasks}
        report("T2", datetime(2026, 11, 21, 1))  # today: T2's light and 本期未报送 change
        same()
        assert {f.id: f for f in kept_facts(user("sup"), TODAY).tasks}[world.tasks["T2"]] != before[world.tasks["T2"]]
        report("T2", datetime(2026, 9, 3, 1))  # backdated, older than T2's latest: nothing moves
        report("T3", datetime(2026, 10, 3, 1))  # backdated, T3's first or latest
        same()
        removed = report("T3", datetime(2026, 11, 20, 1))
        same()
        db.session.delete(removed)  # a ledger revert removes reports: everything is read again
        db.session.commit()
        same()
        task = db.session.get(Task, world.tasks["T2"])
        task.status = TaskStatus.CLOSED
        db.session.commit()
        same()


def test_dashboard_patched_after_reports_equals_the_board_computed_from_nothing(empty_app, world, monkeypatch):
    """After a report or a status change, the kept board is patched with it (dashboard._patched: a report
    filed through the use case, with its journal entry and task version, a supporting unit's, a second one
    in the same period, one on a closed task, a task closed, a status moved back, a report backdated into a
    settled month, a task reopened) and equals the board computed from nothing; a filter other than the plan
    computes it again."""
    from tracker.models import JournalField
    from tracker.services import journal
    from tracker.services.figures import dashboard as module
    from tracker.services.workflow.progress import add_report

    outcomes = []
    real = module._patched
    monkeypatch.setattr(module, "_patched", lambda *a: outcomes.append(real(*a)) or outcomes[-1])

    def same(filters: TaskFilters | None = None) -> None:
        kept = build_dashboard(user("sup"), TODAY, filters)
        figures_cache().clear()
        fresh = build_dashboard(user("sup"), TODAY, filters)
        for name in ("total", "by_plan", "by_unit", "ranking", "trend"):
            assert getattr(kept, name) == getattr(fresh, name), name
        assert kept.facts.tasks == fresh.facts.tasks and kept.facts.unreported == fresh.facts.unreported

    def stored(task: str, unit: str, when: datetime) -> None:
        db.session.add(ProgressReport(task_id=world.tasks[task], unit_id=world.units[unit], author_id=world.users["la"],
                                      created_at=when, progress="进展"))
        db.session.commit()

    def status(task: str, value: TaskStatus) -> None:
        changed = db.session.get(Task, world.tasks[task])
        journal.record(changed, JournalField.STATUS, changed.status, value, user("sup"), reported_on=TODAY)
        changed.status = value
        db.session.commit()

    with empty_app.app_context():
        same()
        add_report(db.session.get(Task, world.tasks["T2"]), user("la"), "通过表单报送")  # journal + version
        same()
        stored("T3", "B", datetime(2026, 11, 21, 1))  # T3's lead: its first report this month
        stored("T4", "A", datetime(2026, 11, 21, 2))  # a supporting unit's
        same()
        stored("T3", "B", datetime(2026, 11, 21, 3))  # a second one: its first stays
        stored("T1", "A", datetime(2026, 11, 21, 4))  # on a closed task
        stored("T6", "C", datetime(2026, 11, 20, 4))  # the quarterly plan
        same()
        assert len(outcomes) == 3 and all(board is not None for board in outcomes)
        stored("T2", "A", datetime(2026, 11, 1, 4))  # still this month
        same()
        assert outcomes[-1] is not None
        stored("T2", "A", datetime(2026, 10, 3, 1))  # backdated into a settled month: October patched too
        same()
        assert outcomes[-1] is not None
        status("T3", TaskStatus.CLOSED)  # closed today (journalled): patched
        stored("T4", "B", datetime(2026, 11, 21, 6))
        same()
        assert outcomes[-1] is not None
        status("T2", TaskStatus.ASSIGNED)
        same()
        assert outcomes[-1] is not None
        status("T1", TaskStatus.IN_PROGRESS)  # reopened: October's figures move, patched too
        same()
        assert outcomes[-1] is not None
        count = len(outcomes)
        stored("T5", "C", datetime(2026, 11, 21, 5))
        same(TaskFilters(light=Light.YELLOW))  # filtered: computed again, not patched
        assert len(outcomes) == count


def test_a_board_being_read_is_not_changed_when_a_later_report_patches_the_kept_board(empty_app, world):
    """A page still rendering the board it was given (another thread of the worker) must not see it move: a change
    written meanwhile (a task closed, then a report) patches a new board (dashboard._patched), which copies the
    ranking lines that move, and keeps the others as the same objects, whose HTML is found by the object
    (routes.row_html); the patched ranking equals the one computed from nothing."""
    from dataclasses import asdict

    from tracker.models import JournalField
    from tracker.services import journal

    with empty_app.app_context():
        held = build_dashboard(user("sup"), TODAY)
        as_held = [asdict(line) for line in held.ranking]
        closed = db.session.get(Task, world.tasks["T3"])  # B leads it; closed today, journalled as the use cases do
        journal.record(closed, JournalField.STATUS, closed.status, TaskStatus.CLOSED, user("sup"), reported_on=TODAY)
        closed.status = TaskStatus.CLOSED
        db.session.commit()
        patched = build_dashboard(user("sup"), TODAY)
        assert patched is not held and patched.snapshot != held.snapshot
        assert [asdict(line) for line in held.ranking] == as_held  # the held board is as it was
        before = {line.unit_id: line for line in held.ranking}
        after = {line.unit_id: line for line in patched.ranking}
        assert asdict(after[world.units["B"]]) != asdict(before[world.units["B"]])  # B's closing counted
        assert all(after[unit_id] is not before[unit_id] for unit_id in after)  # every line moved: copies
        # A report on B's task: the lines of A and C do not move and stay the very objects of the board before.
        db.session.add(ProgressReport(task_id=world.tasks["T3"], unit_id=world.units["B"], author_id=world.users["la"],
                                      created_at=datetime(2026, 11, 21, 1), progress="进展"))
        db.session.commit()
        held, as_held = patched, [asdict(line) for line in patched.ranking]
        patched = build_dashboard(user("sup"), TODAY)
        assert patched is not held and [asdict(line) for line in held.ranking] == as_held
        before = {line.unit_id: line for line in held.ranking}
        after = {line.unit_id: line for line in patched.ranking}
        assert after[world.units["A"]] is before[world.units["A"]] and after[world.units["C"]] is before[world.units["C"]]
        figures_cache().clear()
        assert build_dashboard(user("sup"), TODAY).ranking == patched.ranking


def test_dashboard_patched_after_task_edits_equals_the_board_computed_from_nothing(empty_app, world, monkeypatch):
    """The supervising office edits tasks (services/plans/task_editing.edit_task: journalled, the task's version
    moves): a new name, text or deadline as written moves no figure and a due date moved within this month or
    later moves only its task's line, so the kept board is patched (dashboard._patched) and equals the board
    computed from nothing; so is it after a due date moved into a settled month and new lead units."""
    from tracker.services.figures import dashboard as module
    from tracker.services.plans.task_editing import TaskEdit, edit_task

    outcomes = []
    real = module._patched
    monkeypatch.setattr(module, "_patched", lambda *a: outcomes.append(real(*a)) or outcomes[-1])

    def same() -> None:
        kept = build_dashboard(user("sup"), TODAY)
        figures_cache().clear()
        fresh = build_dashboard(user("sup"), TODAY)
        for name in ("total", "by_plan", "by_unit", "ranking", "trend"):
            assert getattr(kept, name) == getattr(fresh, name), name
        assert kept.facts.tasks == fresh.facts.tasks and kept.facts.unreported == fresh.facts.unreported

    def edit(task: str, **changes) -> None:
        current = db.session.get(Task, world.tasks[task])
        fields = dict(title=current.title, text=current.text, deadline=current.deadline or "",
                      due_date=current.due_date, lead_unit_ids=[unit.id for unit in current.lead_units],
                      supporting_unit_ids=[unit.id for unit in current.supporting_units])
        assert edit_task(current.id, user("sup"), TaskEdit(**{**fields, **changes}), current.version)

    with empty_app.app_context():
        same()
        edit("T3", title="完善监测预警机制", text="新的任务内容。", deadline="2026年12月底前")
        same()
        assert outcomes[-1] is not None
        edit("T3", due_date=date(2026, 11, 20))  # from 12-01 to yesterday: T3 is overdue now, red
        board = build_dashboard(user("sup"), TODAY)
        assert outcomes[-1] is not None
        assert board.total.overdue == 2 and {f.id: f.light for f in board.facts.tasks}[world.tasks["T3"]] is Light.RED
        same()
        edit("T4", due_date=date(2026, 11, 25))  # a task without a due date gets one (yellow: within 15 days)
        same()
        assert outcomes[-1] is not None
        edit("T2", due_date=date(2026, 12, 20))  # from 11-10 (this month) to next month: T2 no longer overdue
        same()
        assert outcomes[-1] is not None
        count = len(outcomes)
        edit("T2", due_date=date(2026, 10, 15))  # into October, a settled month: October patched too
        same()
        assert len(outcomes) == count + 1 and outcomes[-1] is not None
        edit("T3", lead_unit_ids=[world.units["C"]])  # new lead unit: assignments change, patched
        same()
        assert outcomes[-1] is not None


def test_dashboard_follows_new_units_new_and_withdrawn_tasks_an_imported_plan_and_a_renamed_unit_at_once(
        empty_app, world, small_client, monkeypatch):
    """The supervisor looks at the board; the office gives a task other units, splits a task for a unit, withdraws
    a task as a revision does, imports a plan and renames a unit, one after the other: each time the next page
    shows it at once, and the kept board, patched with the change (dashboard._patched: nothing is computed from
    nothing), equals the board computed from nothing."""
    from tracker.clock import utcnow
    from tracker.models import JournalField
    from tracker.parsing import read_plan_file
    from tracker.services import journal
    from tracker.services.accounts.units import rename_unit
    from tracker.services.figures import dashboard as module
    from tracker.services.plans.drafts import confirm_import, start_import
    from tracker.services.plans.subtasks import split_task
    from tracker.services.plans.task_editing import TaskEdit, edit_task

    outcomes = []
    real = module._patched
    monkeypatch.setattr(module, "_patched", lambda *a: outcomes.append(real(*a)) or outcomes[-1])
    sign_in(small_client, "sup")

    def page() -> str:
        return small_client.get("/dashboard").get_data(as_text=True)

    def headline(name: str) -> int:
        card = re.search(name + r'</div>\s*<div class="fs-3 fw-semibold">(?:<a[^>]*>)?(\d+)', page())
        return int(card.group(1))

    def patched_and_same() -> None:
        count = len(outcomes)
        kept = build_dashboard(user("sup"), TODAY)
        assert len(outcomes) == count + 1 and outcomes[-1] is not None, "computed from nothing, not patched"
        figures_cache().clear()
        fresh = build_dashboard(user("sup"), TODAY)
        for name in ("total", "by_plan", "by_unit", "ranking", "trend"):
            assert getattr(kept, name) == getattr(fresh, name), name
        assert kept.facts.tasks == fresh.facts.tasks and kept.facts.unreported == fresh.facts.unreported

    def lead_count(unit: str) -> int:
        return {row.label: row.total for row in build_dashboard(user("sup"), TODAY).by_unit}.get(unit, 0)

    assert headline("任务总数") == 6
    with empty_app.app_context():
        build_dashboard(user("sup"), TODAY)
        assert (lead_count("甲局"), lead_count("乙局")) == (2, 2)
        t2 = db.session.get(Task, world.tasks["T2"])  # 甲局 leads T2; now 乙局 leads it, 丙局 supports it
        edit_task(t2.id, user("sup"), TaskEdit(title=t2.title, text=t2.text, deadline=t2.deadline or "",
                                               due_date=t2.due_date, lead_unit_ids=[world.units["B"]],
                                               supporting_unit_ids=[world.units["C"]]), t2.version)
        patched_and_same()
        assert (lead_count("甲局"), lead_count("乙局")) == (1, 3)

        with monkeypatch.context() as now:  # split today (10:00 in Beijing): counted from today on (facts.duty_start)
            now.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 21, 2, 0))
            [sub] = split_task(user("sup"), world.tasks["T3"], ["丙局"])  # a sub-task for 丙局: one task more
        patched_and_same()
        assert lead_count("丙局") == 3
    assert headline("任务总数") == 7

    with empty_app.app_context():
        t4 = db.session.get(Task, world.tasks["T4"])  # withdrawn by a revision (已撤销): no longer counted
        office = user("sup")  # read first: a query between the change and its entry would flush the change alone
        t4.withdrawn_at = utcnow()
        journal.record(t4, JournalField.WITHDRAWN, None, "修订版中已删除该条目", office)
        db.session.commit()
        patched_and_same()
    assert headline("任务总数") == 6

    with empty_app.test_request_context(), monkeypatch.context() as now:  # imported today: its measures count from it
        now.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 21, 3, 0))
        draft = read_plan_file(ROOT / "seed_data" / "chongqing_plan.txt")
        [result] = confirm_import(start_import(user("sup"), draft, "chongqing_plan.txt", None), user("sup"))
        patched_and_same()
        imported = build_dashboard(user("sup"), TODAY)
        assert result.plan.title in [row.label for row in imported.by_plan]
        total = imported.total.total
        assert total > 6
    assert headline("任务总数") == total

    with empty_app.app_context():
        rename_unit(user("sup"), world.units["B"], "乙局（更名）")
        patched_and_same()
        assert lead_count("乙局（更名）") == 2 and lead_count("乙局") == 0  # T2 and T3 (T4 withdrawn)
    assert "乙局（更名）" in page()


def test_dashboard_is_patched_after_a_sign_for_and_a_reminder_and_shows_the_new_status_at_once(
        empty_app, world, small_client, monkeypatch):
    """The supervisor looks at the board; 丙局's liaison signs for T6 (签收: journalled with its status change) and
    the office sends 丙局 a reminder (催办): neither is a figure of its own, so the kept board is patched (not
    computed from nothing), shows T6 已签收 at once and equals the board computed from nothing."""
    from tracker.services.figures import dashboard as module
    from tracker.services.workflow import acknowledge
    from tracker.services.workflow.reminders import send_reminder

    outcomes = []
    real = module._patched
    monkeypatch.setattr(module, "_patched", lambda *a: outcomes.append(real(*a)) or outcomes[-1])
    sign_in(small_client, "sup")

    def acknowledged() -> int:
        with empty_app.app_context():
            return build_dashboard(user("sup"), TODAY).total.by_status[TaskStatus.ACKNOWLEDGED]

    assert small_client.get("/dashboard").status_code == 200 and acknowledged() == 0
    with empty_app.app_context():
        t6 = db.session.get(Task, world.tasks["T6"])
        acknowledge(t6.id, user("lc"), t6.version)
    assert acknowledged() == 1 and outcomes[-1] is not None
    with empty_app.app_context():
        t2 = db.session.get(Task, world.tasks["T2"])
        send_reminder(t2.id, world.units["A"], user("sup"), "请尽快报送。", None, t2.version)
        count = len(outcomes)
        kept = build_dashboard(user("sup"), TODAY)
        assert len(outcomes) == count + 1 and outcomes[-1] is not None
        figures_cache().clear()
        fresh = build_dashboard(user("sup"), TODAY)
        for name in ("total", "by_plan", "by_unit", "ranking", "trend"):
            assert getattr(kept, name) == getattr(fresh, name), name
