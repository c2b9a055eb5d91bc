"""Long lists come in pages: a plan's measure tree and "my unit's tasks" (bench/pages.py found 1 MB pages)."""
from __future__ import annotations

import re

from sqlalchemy import select

from tests.helpers.reports import post_report, task_id
from tracker.extensions import db
from tracker.models import Assignment, Task, Unit


def task_links(html: str) -> set[int]:
    return {int(n) for n in re.findall(r'href="/tasks/(\d+)"', html)}


def leaf_ids(app) -> set[int]:
    with app.app_context():
        tasks = db.session.scalars(select(Task)).all()
        parents = {t.parent_id for t in tasks}
        return {t.id for t in tasks if t.id not in parents}


def test_pagination_plan_page_shows_every_task_once_across_pages_with_figures_over_the_whole_plan(
        app, client, auth, monkeypatch):
    monkeypatch.setattr("tracker.services.plans.store.PLAN_PAGE_SIZE", 8)
    leaves = leaf_ids(app)
    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress="已完成排查。")
    auth.logout()
    auth.login("duban")
    seen: list[int] = []
    pages = []
    for n in (1, 2, 3):
        html = client.get(f"/plans/1?page={n}").get_data(as_text=True)
        pages.append(html)
        assert f"第 {n} / 3 页" in html
        assert f"共 <strong>{len(leaves)}</strong> 项任务" in html  # the figures count the whole plan
        assert "有过进展报送的 1 项" in html
        seen += sorted(task_links(html))
    assert sorted(seen) == sorted(leaves)  # each task on exactly one page
    assert "（续）" in pages[1]  # page 2 opens with the heading its first lines belong to
    assert client.get("/plans/1?page=99").get_data(as_text=True).count("第 3 / 3 页") == 2  # clamped, pager twice


def test_pagination_short_plan_has_no_pager(client, auth):
    auth.login("duban")
    assert "上一页" not in client.get("/plans/1").get_data(as_text=True)


def test_pagination_my_tasks_lists_the_units_tasks_across_pages(app, client, auth, monkeypatch):
    monkeypatch.setattr("tracker.tasks.routes.MY_TASKS_PAGE_SIZE", 2)
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.name == "重庆证监局"))
        mine = set(db.session.scalars(select(Assignment.task_id).where(Assignment.unit_id == unit.id)))
    assert len(mine) > 2
    pages = -(-len(mine) // 2)
    auth.login("zjj")
    seen: set[int] = set()
    for n in range(1, pages + 1):
        html = client.get(f"/my-tasks?page={n}").get_data(as_text=True)
        assert f"共 <strong>{len(mine)}</strong> 项" in html and f"第 {n} / {pages} 页" in html
        seen |= task_links(html)
    assert seen == mine


def test_pagination_my_tasks_past_the_last_page_shows_the_last_page(app, client, auth, monkeypatch):
    monkeypatch.setattr("tracker.tasks.routes.MY_TASKS_PAGE_SIZE", 2)
    auth.login("zjj")
    html = client.get("/my-tasks?page=99").get_data(as_text=True)
    last = int(re.search(r"第 (\d+) / (\d+) 页", html).group(2))
    assert f"第 {last} / {last} 页" in html and task_links(html)


def test_pagination_one_paginator_for_queries_and_lists(app):
    from tracker.pagination import paginate, paginate_list

    with app.app_context():
        ids = list(db.session.scalars(select(Task.id).order_by(Task.id)))
        query = select(Task.id).order_by(Task.id)
        first, last = paginate(query, 1, 3), paginate(query, 999, 3)
        assert first.items == ids[:3] and first.total == len(ids) and first.has_next
        assert last.page == first.pages and last.items == ids[(last.page - 1) * 3:]
        assert paginate(query, 999, 3, clamp=False).items == []
        in_memory = paginate_list(ids, 999, 3)
        assert (in_memory.page, in_memory.pages, in_memory.items) == (last.page, last.pages, last.items)
        assert paginate_list([], 5, 3).page == 1 and paginate_list(ids, 0, 3).items == ids[:3]
