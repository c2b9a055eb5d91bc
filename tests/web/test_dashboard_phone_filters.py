"""The office opens 督办总览 on a phone: the filter form is folded under a summary that says which filters are on,
so the task list is what comes next (the browser's view of it: tests/system/test_browser_phone_new_user.py).

The page sends the form inside ``<details id="filter-fold">`` with that summary, and the app serves the script that
folds it on a phone (no CDN); the export of the same list says the same filters under its title.
"""
from __future__ import annotations

import re
from io import BytesIO

import openpyxl
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Unit


def summary(page: str) -> str:
    """The text of the folded filter form's summary."""
    fold = re.search(r'<details class="fold-on-phone[^"]*" id="filter-fold"[^>]*>\s*<summary[^>]*>([^<]*)</summary>', page)
    assert fold, "the filter form is not folded under a summary"
    return fold.group(1)


def test_dashboard_the_folded_filters_say_none_is_on_and_hold_the_whole_form(client, auth):
    auth.login("duban")
    page = client.get("/").text
    assert summary(page) == "筛选：无（全部任务）"
    fold = page[page.index('id="filter-fold"'):page.index("</details>")]
    for field in ('id="f-plan"', 'id="f-unit"', 'id="f-status"', 'id="f-light"', 'id="f-q"', 'id="f-level"'):
        assert field in fold, field  # every filter is inside the fold, none left above the list
    script = re.search(r'<script src="(/static/js/fold-on-phone\.js[^"]*)"></script>', page)
    assert script and page.index("</details>") < script.start() < page.index('id="task-list"')
    served = client.get(script.group(1))
    assert served.status_code == 200 and "matchMedia" in served.get_data(as_text=True)


def test_dashboard_the_office_filtering_red_tasks_of_a_unit_reads_its_filters_on_the_folded_summary(
        app, client, auth):
    auth.login("duban")
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.name == "重庆银监局"))
    page = client.get("/", query_string={"light": "red", "unit": unit.id, "q": "银行", "level": "measures"}).text
    assert summary(page) == "筛选：单位=重庆银监局；亮灯=红灯；搜索=“银行”；层级=方案任务"
    # the list comes right under the form (the figures after it), so the phone shows it first
    assert page.index("</details>") < page.index('id="task-list"') < page.index("灯色分布")


def test_dashboard_an_export_of_the_subtasks_only_says_so_under_its_title(client, auth):
    # the 层级 filter was applied to the exported list but left out of the line naming its filters
    auth.login("duban")
    done = client.get("/dashboard/ledger.xlsx", query_string={"level": "subtasks"})
    sheet = openpyxl.load_workbook(BytesIO(done.data)).worksheets[0]
    assert sheet["A2"].value == "筛选：层级=分解子任务"
