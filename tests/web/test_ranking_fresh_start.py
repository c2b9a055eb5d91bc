"""The supervising office opens the month's 通报 and the dashboard on the demo a fresh start gives.

Nothing is reported or closed yet, while 一（一）、一（二） are already overdue: every unit with a lead task due stands
at 0.0 %. A 督查室 does not write "排名第一" over units that have done nothing: the ranking table lists their
figures without ranks and says why (before the report day: it has not come; after it: "本期暂无报送"). Once two units have each closed a task on time and stand equal, both
are first, ranked 1 with 并列 in the 并列/说明 column of its own (the 通报's page, .docx, .xlsx and the dashboard, workflow55), "并列排名第一"
(services/figures/ranking.py: the one rule).
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from io import BytesIO

import openpyxl
from docx import Document

from tests.helpers.workflow import close_on_time, current_month, with_office_deadlines
from tracker import clock
from tracker.extensions import db
from tracker.models import Task

def _ranking_table(page: str) -> str:
    return page.split('id="bulletin-ranking"', 1)[1].split("</table>", 1)[0]


def test_a_fresh_bulletin_ranks_nobody_first_and_says_nothing_is_reported_yet(app, signed_in):
    with_office_deadlines(app)
    office = signed_in("duban")

    page = office.get(f"/bulletin?period={current_month()}").get_data(as_text=True)
    assert "排名第一" not in page
    assert 'id="bulletin-ranking-none"' in page and "也没有按期办结的牵头任务，各单位暂不排名" in page
    # why, as it is on the day: before the 25th nothing is owed yet, after it nothing came
    reason = "本期报送日未到，尚无计入排名的报送" if clock.beijing_today().day < 25 else "本期暂无报送"
    assert f"{reason}，也没有按期办结的牵头任务" in page
    table = _ranking_table(page)
    assert "人行重庆营管部" in table and "重庆银监局" in table and "0.0%" in table  # the figures stay, without ranks
    assert set(re.findall(r"<tr><td>(.*?)</td>", table)) == {""}  # no rank: an empty cell (workflow55)

    docx = office.get(f"/bulletin.docx?period={current_month()}")
    texts = [p.text for p in Document(BytesIO(docx.data)).paragraphs]
    assert not any("排名第一" in text for text in texts)
    assert any("各单位暂不排名" in text for text in texts)
    workbook = openpyxl.load_workbook(BytesIO(office.get(f"/bulletin.xlsx?period={current_month()}").data))
    assert {row[0] for row in workbook["排名"].iter_rows(min_row=2, values_only=True)} == {None}

    dashboard = office.get("/").get_data(as_text=True)
    assert 'id="ranking-none"' in dashboard and f"{reason}，也没有按期办结的牵头任务" in dashboard


def test_two_units_closing_on_time_and_standing_equal_are_both_first_written_as_tied(app, signed_in):
    tasks = with_office_deadlines(app)
    office = signed_in("duban")
    # 重庆证监局 closes 一（三） and 人行重庆营管部 (with 重庆银监局) 一（五）, both before their deadlines:
    # 证监局 and 营管部 stand at 50.0 % (1 of 一（一） and their task), one overdue each: equal.
    close_on_time(signed_in, office, tasks, note="已完成，材料见附件。")

    page = office.get(f"/bulletin?period={current_month()}").get_data(as_text=True)
    assert "并列排名第一的单位：人行重庆营管部、重庆证监局。" in page
    table = _ranking_table(page)
    assert re.findall(r"<tr><td>(.*?)</td>", table)[:3] == ["1", "1", "3"]  # the rank a number, 并列 in its column
    assert [re.findall(r"<td[^>]*>(.*?)</td>", row)[-1] for row in re.findall(r"<tr><td>.*?</tr>", table)[:3]] == [
        "并列", "并列", ""]
    assert 'id="bulletin-ranking-none"' not in page
    workbook = openpyxl.load_workbook(BytesIO(office.get(f"/bulletin.xlsx?period={current_month()}").data))
    firsts = {row[1] for row in workbook["排名"].iter_rows(min_row=2, values_only=True) if row[0] == 1 and row[-1] == "并列"}
    assert firsts == {"人行重庆营管部", "重庆证监局"}

    dashboard = office.get("/").get_data(as_text=True)
    ranking = dashboard.split('id="ranking-table"', 1)[1].split("</table>", 1)[0]
    assert "（并列）" not in ranking and ranking.count(">并列</td>") == 2 and 'id="ranking-none"' not in dashboard


def test_last_months_bulletin_of_a_plan_imported_this_month_says_no_report_fell_due_not_that_the_day_is_to_come(
        app, signed_in):
    # Early in the month the office prepares last month's 通报 for a plan imported on its last day, after its report
    # day: one task was due last month, no report was owed then (given after the report day: ranking.owes_report).
    # Its ranking said "本期报送日未到" of a month that is over, beside "没有到期的进展报送" in the summary; it now says
    # why as it is, once in the summary. (A plan imported this month counts in none of last month's figures.)
    tasks = with_office_deadlines(app)
    first_of_month = clock.beijing_today().replace(day=1)
    last_month = first_of_month - timedelta(days=1)
    with app.app_context():
        task = db.session.get(Task, tasks["一（一）"])
        task.due_date = last_month.replace(day=1)
        task.plan.created_at = datetime.combine(last_month, time(2, 0))  # 10:00 in Beijing on its last day
        db.session.commit()
    office = signed_in("duban")
    period = f"{last_month.year}-{last_month.month:02d}"

    page = office.get(f"/bulletin?period={period}").get_data(as_text=True)
    note = "本期没有到期的进展报送，也没有按期办结的牵头任务，各单位暂不排名"
    assert "报送日未到" not in page
    assert note in page.split('id="bulletin-ranking-none"', 1)[1].split("</p>", 1)[0]
    summary = page.split('id="bulletin-summary">', 1)[1].split("</p>", 1)[0]
    assert note in summary and summary.count("没有到期的进展报送") == 1
    texts = [p.text for p in Document(BytesIO(office.get(f"/bulletin.docx?period={period}").data)).paragraphs]
    assert any(note in text for text in texts) and not any("报送日未到" in text for text in texts)
