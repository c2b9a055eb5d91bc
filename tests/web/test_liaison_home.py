"""The liaison's home (/ for a liaison): reminders to acknowledge and ledgers uploaded but not yet
submitted, besides the unit's tasks by light and what is due (tests/web/test_dashboard.py checks those)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.ledger import export, preview_url, upload
from tests.helpers.reports import task_id
from tests.helpers.workflow import act
from tracker.extensions import db
from tracker.models import Reminder

ZJJ_UNIT = "4"  # 重庆证监局's unit id in the seeded database


def section(html: str, section_id: str) -> str:
    found = re.search(rf'<section[^>]*id="{section_id}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_liaison_home_a_reminder_arrives_and_is_signed_for_from_the_home_page(app, client, auth):
    t3 = task_id(app, ["一", "（三）"])
    auth.login("duban")
    act(client, t3, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请于本周报送排查进展。",
        reminder_reply_by="2099-01-31")
    auth.logout()

    auth.login("zjj")
    home = client.get("/").get_data(as_text=True)
    reminders = section(home, "reminders")
    assert "待确认的催办" in reminders and "交办单" in reminders
    assert "请于本周报送排查进展。" in reminders and "2099年1月31日" in reminders
    assert f'href="/tasks/{t3}#report-form"' in reminders  # one click to report on it
    response = client.post(re.search(r'action="(/reminders/\d+/acknowledge)"', reminders).group(1),
                           data={"csrf_token": csrf_token(home), "back": "home"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/#reminders")
    after = client.get("/").get_data(as_text=True)
    assert "已确认收到交办单" in after  # the flash message
    assert section(after, "reminders") == ""  # nothing left to sign for
    with app.app_context():
        assert db.session.scalar(select(Reminder.acknowledged_at)) is not None
    auth.logout()

    auth.login("jrb")  # another unit: no reminder of its own
    assert section(client.get("/").get_data(as_text=True), "reminders") == ""


def test_liaison_home_lists_the_ledger_uploaded_but_not_yet_submitted(app, client, auth, tmp_path):
    ledger = export(app, tmp_path / "台账.xlsx")
    auth.login("zjj")
    assert section(client.get("/").get_data(as_text=True), "drafts") == ""
    url = preview_url(upload(client, ledger, "证监局十一月台账.xlsx"))
    drafts = section(client.get("/").get_data(as_text=True), "drafts")
    assert "尚未提交的台账" in drafts and "证监局十一月台账.xlsx" in drafts
    assert f'href="{url.removeprefix("http://localhost")}"' in drafts  # back to its preview, to submit it
    page = client.get(url).get_data(as_text=True)
    assert client.post(url + "/discard", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert section(client.get("/").get_data(as_text=True), "drafts") == ""  # discarded: no longer a draft
    preview_url(upload(client, ledger, "证监局十一月台账.xlsx"))
    auth.logout()

    auth.login("jrb")  # another liaison never sees zjj's uploads
    assert section(client.get("/").get_data(as_text=True), "drafts") == ""


def test_liaison_home_each_task_due_this_month_has_its_report_button(app, client, auth):
    """The 本月到期 list, where a liaison looks for what falls due: each line opens the task's report form at once."""
    from tracker import clock
    from tracker.models import Task

    t3 = task_id(app, ["一", "（三）"])
    with app.app_context():
        db.session.get(Task, t3).due_date = clock.beijing_today()  # due today: this month, not yet overdue
        db.session.commit()
    auth.login("zjj")
    due = section(client.get("/").get_data(as_text=True), "due-month")
    assert "到期的任务" in due and f'href="/tasks/{t3}#report-form"' in due and "报送进展" in due


def test_the_task_lists_name_each_plan_once_for_the_phone_cards(app, client, auth):
    # On a phone the cards leave out their 方案 (td.plan-cell) and one heading row names the plan above them.
    auth.login("zjj")
    for url in ("/", "/my-tasks"):
        html = client.get(url).text
        tables = [part.split("</table>")[0] for part in html.split("<table")[1:] if "plan-cell" in part]
        assert tables, url
        for table in tables:
            assert table.count('<tr class="plan-group">') == 1  # the demo's tasks are all of one plan
            assert table.index('<tr class="plan-group">') < table.index("plan-cell")
            assert "方案：重庆市金融去杠杆防风险专项方案" in table


def test_a_liaison_with_overdue_tasks_is_told_at_the_top_of_her_home_and_led_to_them(app, client, auth):
    """First thing in the morning 重庆银监局's liaison opens the tracker: above what is due this period, one line says
    how many of her unit's tasks are overdue and what to do, and leads to their group (on a phone two screens below);
    市国资委's liaison, with nothing overdue, is not told so."""
    from tracker import clock
    from tracker.models import Task

    with app.app_context():
        for path, days in ((["一", "（一）"], 10), (["一", "（二）"], 3)):  # both led by 重庆银监局
            db.session.get(Task, task_id(app, path)).due_date = clock.beijing_today() - timedelta(days=days)
        db.session.commit()
    auth.login("yjj")
    html = client.get("/").get_data(as_text=True)
    lead = re.search(r'<a[^>]*id="overdue-lead"[^>]*>(.*?)</a>', html, re.S)
    assert lead is not None and html.index('id="overdue-lead"') < html.index('id="h-due"')
    assert 'href="#group-red"' in lead.group(0)
    assert re.sub(r"<[^>]+>", "", lead.group(1)).startswith("本单位有 2 项任务已逾期（红灯）：请尽快报送进展")
    assert "一（一）" in section(html, "group-red") and "一（二）" in section(html, "group-red")

    auth.logout()
    auth.login("gzw")
    assert 'id="overdue-lead"' not in client.get("/").get_data(as_text=True)


def test_liaison_home_at_night_before_a_deadline_the_overdue_task_leads_then_the_one_due_soon(app, client, auth):
    # 重庆证监局 has four tasks to report on this period. The list was ordered by the report day alone, so the overdue
    # task and the one due in three days came last (四（二）, 一（五）): the liaison, at 10 pm, scrolled past the others.
    from tracker import clock
    from tracker.models import Task

    today = clock.beijing_today()
    due = {("四", "（二）"): today - timedelta(days=1), ("一", "（五）"): today + timedelta(days=3),
           ("一", "（一）"): today + timedelta(days=20)}  # 一（三） has no date
    with app.app_context():
        for path, day in due.items():
            db.session.get(Task, task_id(app, list(path))).due_date = day
        db.session.commit()
    auth.login("zjj")
    html = client.get("/").get_data(as_text=True)
    table = re.search(r'<table[^>]*id="to-report".*?</table>', html, re.S).group(0)
    numbers = re.findall(r'<td data-label="序号" class="num">([^<]+)</td>', table)
    assert numbers == ["四（二）", "一（五）", "一（一）", "一（三）"]
    assert "（已逾期）" in table.split("四（二）")[0].rsplit("<tr>", 1)[-1]  # the overdue row says so first
    assert "已逾期的任务在前，其次是 7 天内到期的" in html


def test_liaison_home_the_month_list_says_which_tasks_the_unit_leads_and_which_it_supports(app, client, auth):
    # 市国资委 leads 三（三） and supports 二（一）: both fall due this month, and on a phone the list must tell them apart
    from tracker import clock
    from tracker.models import Task

    lead, support = task_id(app, ["三", "（三）"]), task_id(app, ["二", "（一）"])
    with app.app_context():
        for tid in (lead, support):
            db.session.get(Task, tid).due_date = clock.beijing_today()
        db.session.commit()
    auth.login("gzw")
    due = section(client.get("/").get_data(as_text=True), "due-month")
    lines = {re.search(r'href="/tasks/(\d+)"', li).group(1): li for li in due.split("<li")[1:]}
    assert '<span class="badge text-bg-danger">牵头</span>' in lines[str(lead)] and "配合" not in lines[str(lead)]
    assert '<span class="badge text-bg-info">配合</span>' in lines[str(support)] and "牵头" not in lines[str(support)]


def test_a_districts_home_card_puts_first_the_date_it_must_meet_first(app, client, auth):
    # 渝中区金融办 opens its home on a phone: each card of 本期应报送 reads top to bottom. Its part due a year on comes
    # after this period's 报送截止: the 报送截止 is read first. Moved to the day before that 报送截止, the part is due
    # before the report: its 完成时限 is read first, and the 报送截止 says why
    from tracker import clock
    from tracker.dates import chinese_date
    from tracker.models import Task, User
    from tracker.services.plans.subtasks import split_task

    later = clock.beijing_today() + timedelta(days=365)
    with app.app_context():
        jrb = db.session.scalar(select(User).where(User.username == "jrb"))
        sub = split_task(jrb, task_id(app, ["二", "（一）"]), ["渝中区金融办"], deadline=later.isoformat())[0].id
    auth.login("yzjrb")

    def card() -> tuple[list[str], str]:
        table = re.search(r'<table[^>]*id="to-report".*?</table>', client.get("/").get_data(as_text=True), re.S).group(0)
        head = re.findall(r"<th[^>]*>([^<]+)</th>", table.split("</thead>")[0])
        return head, table.split("</thead>")[1]

    head, row = card()
    assert head.index("报送截止") < head.index("完成时限")  # the columns: 报送截止 first
    assert chinese_date(later) in row
    assert "deadline-first" not in row and "完成时限在报送截止之前" not in row

    from tracker.services.figures.dashboard import liaison_home

    with app.app_context():
        report_due = next(item.report_due for item in liaison_home(db.session.scalar(
            select(User).where(User.username == "yzjrb")), clock.beijing_today()).to_report if item.task.id == sub)
        assert chinese_date(report_due) in row
        task = db.session.get(Task, sub)
        task.deadline, task.due_date = None, report_due - timedelta(days=1)
        db.session.commit()
    _, row = card()
    assert '<tr class="deadline-first">' in row and 'class="home-deadline' in row
    assert "完成时限在报送截止之前：请在完成时限前完成并报送进展。" in row
