"""The plan page's report figure agrees with the dashboard's 本期未报送, and says which of its numbers is which.

Walk of workflow52: a newcomer at the supervising office read 本期未报送 15 on 督办总览, opened the 重庆 plan from that
line and read "已报送进展 15 项，尚未报送 1 项" of the same 16 tasks — two numbers about reporting that seem to
contradict each other (the plan page counted tasks with any report ever, the demo's November reports included). The
plan page now says its count is of tasks ever reported (有过进展报送的) and, to whoever sees every task, gives the
period's figure the dashboard prints for the plan, pointing to 报送情况与催办 for the units; after 重庆证监局 reports on
一（三）, both pages move together. A liaison, who has no dashboard, reads only the count of its own tasks.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.helpers.reports import post_report, task_id


def dashboard_unreported(client, plan_id: int) -> int:
    """The 本期未报送 cell of the plan's line on 督办总览 (the by-plan table, whose line names the plan as a link)."""
    html = BeautifulSoup(client.get("/").text, "html.parser")
    link = html.select_one(f'#by-plan a[href="/plans/{plan_id}"]') or html.select_one(f'a[href="/plans/{plan_id}"]')
    return int(link.find_parent("tr").find_all("td")[-1].get_text(strip=True))


def plan_figures(client, plan_id: int):
    html = BeautifulSoup(client.get(f"/plans/{plan_id}").text, "html.parser")
    figure = html.select_one("#plan-unreported")
    return " ".join(html.get_text(" ").split()), (int(figure.get_text()) if figure else None)


def silent_tasks(client, plan_id: int) -> int:
    html = BeautifulSoup(client.get(f"/plans/{plan_id}/reporting").text, "html.parser")
    return int(html.select_one("#reporting-silent-tasks").get_text())


def test_the_plan_page_gives_the_dashboards_unreported_figure_and_names_its_own_count(app, client, auth, signed_in):
    office = signed_in("duban")
    text, unreported = plan_figures(office, 1)
    assert "有过进展报送的" in text and "从未报送的" in text  # ever, not this period
    assert "即督办总览的“本期未报送”" in text and "报送情况与催办" in text
    assert unreported == dashboard_unreported(office, 1) == silent_tasks(office, 1)
    assert unreported > 0

    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress="已完成辖区证券经营机构风险排查。")
    text, after = plan_figures(office, 1)
    assert after == dashboard_unreported(office, 1) == silent_tasks(office, 1)
    assert after == unreported - 1, (unreported, after)  # 一（三） had no report this period

    liaison_text, liaison_figure = plan_figures(client, 1)  # zjj: no dashboard, no such figure
    assert liaison_figure is None and "有过进展报送的" in liaison_text
