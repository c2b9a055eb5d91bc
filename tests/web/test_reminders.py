"""催办: the supervising office reminds units, levels escalate, liaisons see and acknowledge them;
who still owes a report this period; the plan's reporting settings."""
from __future__ import annotations

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page
from tracker.extensions import db
from tracker.models import Plan, Reminder, ReportCycle

ZJJ_UNIT = "4"  # 重庆证监局's unit id in the seeded database


def reminders_of(app):
    with app.app_context():
        return [(r.unit.name, r.task.number_display, r.level.label, r.acknowledged_at is not None)
                for r in db.session.scalars(select(Reminder).order_by(Reminder.id))]


def test_reminders_escalate_per_task_and_unit(app, client, auth):
    t3, t5 = task_id(app, ["一", "（三）"]), task_id(app, ["一", "（五）"])
    auth.login("duban")
    for _ in range(4):  # the same day: each after the first confirmed (test_reminders_a_second_one_the_same_day_…)
        assert act(client, t3, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请报送进展。",
                   reminder_again="y").status_code == 302
    assert act(client, t3, "reminders", reminder_unit="6").status_code == 302  # 市发展改革委: its first
    assert act(client, t5, "reminders", reminder_unit=ZJJ_UNIT).status_code == 302  # another task: its first
    assert [level for _, _, level, _ in reminders_of(app)] == ["交办单", "催办单", "督办通知单", "督办通知单", "交办单", "交办单"]
    assert [field for field, *_ in history_fields(app, t3)] == ["reminder"] * 5
    assert "向重庆证监局发出督办通知单：请报送进展。" in page(client, t3)  # in the task's 办理记录


def test_reminders_the_office_is_told_which_unit_gets_which_notice(app, client, auth):
    # "催办已发出。" named neither the unit nor the notice; the second reminder of a unit is its 催办单
    t3 = task_id(app, ["一", "（三）"])
    auth.login("duban")
    act(client, t3, "reminders", reminder_unit=ZJJ_UNIT)
    done = act(client, t3, "reminders", reminder_unit=ZJJ_UNIT, reminder_again="y")
    with app.app_context():
        number = db.session.scalars(select(Reminder).order_by(Reminder.id.desc())).first().number
    assert number.startswith("催办〔")
    said = client.get(done.headers["Location"]).text
    assert f"催办已发出：重庆证监局将收到催办单（{number}），其联络员登录后即可看到；本页“催办记录”中可打印。" in said


def test_reminders_a_reply_date_in_the_past_is_refused_saying_what_to_type(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    response = act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请报送进展。",
                   reminder_reply_by="2020-01-31")
    assert "“反馈期限”不能早于今天：请填写今天或以后的日期，或留空。" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Reminder.id)) is None


def test_reminders_liaison_sees_a_banner_acknowledges_and_the_banner_goes(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请于本周报送排查进展。", reminder_reply_by="2099-01-31")
    auth.logout()
    response = auth.login("zjj")
    home = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "督办部门向本单位发出了 <strong>1</strong> 份催办" in home
    mine = client.get("/reminders").get_data(as_text=True)
    assert "请于本周报送排查进展。" in mine and "交办单" in mine and "2099年1月31日" in mine
    with app.app_context():
        reminder_id = db.session.scalar(select(Reminder.id))
    response = client.post(f"/reminders/{reminder_id}/acknowledge", data={"csrf_token": csrf_token(mine)})
    assert response.status_code == 302
    assert "份催办" not in client.get("/").get_data(as_text=True)
    assert reminders_of(app) == [("重庆证监局", "一（三）", "交办单", True)]
    assert ("reminder_ack", None, f"重庆证监局确认收到交办单（交办〔{_year(app)}〕{reminder_id}号）", "zjj") in history_fields(app, tid)


def _year(app):
    from tracker.clock import beijing_today
    return beijing_today().year


def test_reminders_other_units_neither_see_nor_acknowledge_them(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="证监局专属要求")
    auth.logout()
    with app.app_context():
        reminder_id = db.session.scalar(select(Reminder.id))
    for username in ("fgw", "bjj"):  # another unit of the task; a unit without part in it
        auth.login(username)
        mine = client.get("/reminders").get_data(as_text=True)
        assert "证监局专属要求" not in mine
        assert client.get(f"/reminders/{reminder_id}/print").status_code == 403
        response = client.post(f"/reminders/{reminder_id}/acknowledge", data={"csrf_token": csrf_token(mine)})
        assert response.status_code == 403
        auth.logout()
    assert reminders_of(app)[0][3] is False
    auth.login("zjj")
    response = client.get(f"/reminders/{reminder_id}/print")
    assert response.status_code == 200


def test_reminders_print_page_has_the_notice_layout(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    act(client, tid, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请加快私募机构排查。", reminder_reply_by="2099-03-01")
    with app.app_context():
        reminder_id = db.session.scalar(select(Reminder.id))
    html = client.get(f"/reminders/{reminder_id}/print").get_data(as_text=True)
    for text in ("市金融办交办单", f"交办〔{_year(app)}〕{reminder_id}号", "重庆证监局：", "一（三）", "加强证券市场风险防范",
                 "完成时限", "请加快私募机构排查。", "2099年3月1日", "渝府办发〔2016〕110号", 'id="print-button"'):
        assert text in html, text
    assert "<script>" not in html.replace('<script src=', '')  # no inline script under the CSP


def test_reminders_only_the_supervising_office_sends_them(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert act(client, tid, "reminders", reminder_unit="6").status_code == 403
    html = page(client, tid)
    assert client.post("/plans/1/units/6/reminders", data={"csrf_token": csrf_token(html)}).status_code == 403
    assert reminders_of(app) == []


def test_reminders_to_a_unit_for_all_its_late_tasks(app, client, auth):
    auth.login("zjj")  # 重庆证监局 reports on 一（三）this period: that task stays green (no due date)
    post_report(client, task_id(app, ["一", "（三）"]), progress="本月进展。")
    auth.logout()
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    assert "催办该单位全部亮灯任务（3 项）" in html
    response = client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders", data={"csrf_token": csrf_token(html)})
    assert response.status_code == 302
    # 一（一）, 一（五）, 四（二） have no report this period: yellow; 一（三） is green.
    assert sorted(t for _, t, _, _ in reminders_of(app)) == ["一（一）", "一（五）", "四（二）"]


def test_reminders_missing_reports_list_units_and_tasks_of_the_current_period(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="本期进展。")
    auth.logout()
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    assert "未报送进展的单位" in html and "本期报送截止" in html  # 本期未… after the report day, 本期尚未… before it
    zjj = html[html.index("重庆证监局 <small"):]
    zjj = zjj[:zjj.index("</table>")]
    assert "防范金融产品风险" in zjj and "加强证券市场风险防范" not in zjj  # reported on 一（三）
    fgw = html[html.index("市发展改革委 <small"):]
    assert "加强证券市场风险防范" in fgw[:fgw.index("</table>")]  # the supporting unit still owes its part
    auth.logout()
    auth.login("zjj")
    assert client.get("/plans/1/reporting").status_code == 403


def test_reminders_a_units_line_does_not_count_its_reported_but_late_task_among_the_unreported(app, client, auth):
    # 一（三） falls due in three days. 重庆证监局 reported on it, so it owes 3 reports, but the task stays yellow (its
    # deadline is near): the unit's line read "未报送 3 项，其中亮灯 4 项", four "of which" among three. It says the two
    # counts apart, the second as the 催办 button under it counts.
    from datetime import timedelta

    from tracker import clock
    from tracker.models import Task

    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        db.session.get(Task, tid).due_date = clock.beijing_today() + timedelta(days=3)
        db.session.commit()
    auth.login("zjj")
    post_report(client, tid, progress="本月进展。")
    auth.logout()
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    line = html[html.index("重庆证监局 <small"):]
    line = line[:line.index("</small>")]
    # (尚未报送 3 项（未到报送日） before the report day, 未报送 3 项 after it)
    assert "报送 3 项" in line and "；亮灯任务共 4 项" in line and "其中" not in line
    assert "催办该单位全部亮灯任务（4 项）" in html


def test_reminders_plan_settings_are_changed_by_the_supervisor_and_journalled(app, client, auth):
    auth.login("duban")
    form = client.get("/plans/1/settings").get_data(as_text=True)
    response = client.post("/plans/1/settings", data={"csrf_token": csrf_token(form), "warning_days": "400",
                                                      "report_cycle": "monthly", "report_day": "25"})
    assert response.status_code == 422 and "预警天数应在 0 到 365 之间" in response.get_data(as_text=True)
    response = client.post("/plans/1/settings", data={"csrf_token": csrf_token(form), "warning_days": "30",
                                                      "report_cycle": "weekly", "report_day": "9"})
    assert "报送日”填 1–7" in response.get_data(as_text=True)
    response = client.post("/plans/1/settings", data={"csrf_token": csrf_token(form), "warning_days": "30",
                                                      "report_cycle": "quarterly", "report_day": "10"})
    assert response.status_code == 302
    with app.app_context():
        plan = db.session.get(Plan, 1)
        assert (plan.warning_days, plan.report_cycle, plan.report_day) == (30, ReportCycle.QUARTERLY, 10)
        from tracker.models import JournalEntry
        changes = [(e.old_value, e.new_value) for e in db.session.scalars(
            select(JournalEntry).where(JournalEntry.field == "plan_settings", JournalEntry.plan_id == 1))]
    assert changes == [("预警天数：15", "预警天数：30"), ("报送周期：每月", "报送周期：每季度"), ("报送日：25", "报送日：10")]
    auth.logout()
    auth.login("zjj")
    assert client.get("/plans/1/settings").status_code == 403
    response = client.post("/plans/1/settings", data={"csrf_token": csrf_token(client.get("/").get_data(as_text=True)),
                                                      "warning_days": "1", "report_cycle": "weekly", "report_day": "1"})
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(Plan, 1).warning_days == 30


def test_reminders_and_dashboard_agree_on_the_latest_report_when_ids_and_times_disagree(app, client, auth):
    """The latest report is the latest filed (created_at), not the highest id (progress.latest_report_ids):
    an old report stored after a newer one (a restored backup, a clock set back) must not turn the light yellow."""
    from datetime import timedelta

    from tracker.clock import beijing_today, utcnow
    from tracker.models import ProgressReport, Task, User
    from tracker.services.figures.facts import TaskFilters, load_facts
    from tracker.services.workflow.progress import latest_reports
    from tracker.services.workflow.reminders import late_tasks

    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="本月进展。")
    with app.app_context():
        fresh = db.session.scalar(select(ProgressReport).where(ProgressReport.task_id == tid))
        db.session.add(ProgressReport(task_id=tid, unit_id=int(ZJJ_UNIT), progress="三个月前的进展。",
                                      created_at=utcnow() - timedelta(days=95)))
        db.session.commit()
        assert latest_reports([tid])[tid].id == fresh.id
        plan = db.session.get(Plan, db.session.get(Task, tid).plan_id)
        assert tid not in [late.task.id for late in late_tasks(plan, int(ZJJ_UNIT))]  # green for 催办
        supervisor = db.session.scalar(select(User).where(User.username == "duban"))
        fact = next(f for f in load_facts(supervisor, beijing_today(), TaskFilters()).tasks if f.id == tid)
        assert fact.last_report_on == beijing_today()  # and for the dashboard


def test_reminders_each_units_button_names_its_unit_for_a_screen_reader(app, client, auth):
    # Two buttons both read "催办该单位全部亮灯任务（3 项）": a screen reader listing the buttons could not tell whose.
    from bs4 import BeautifulSoup

    auth.login("duban")
    soup = BeautifulSoup(client.get("/plans/1/reporting").get_data(as_text=True), "html.parser")
    cards = soup.select(".owing-unit")
    names = [" ".join(card.find("button").get_text().split()) for card in cards if card.find("button")]
    assert len(names) >= 2 and len(set(names)) == len(names)
    for card in cards:
        if card.find("button"):
            unit = card.find("h2").contents[0].strip()
            assert card.find("button").get_text().endswith(f"：{unit}")


def test_reminders_a_second_one_the_same_day_says_what_it_will_send_and_asks_to_confirm(app, client, auth):
    # After 催办 nothing on the page said it was done; a second click sent a 催办单, a third a 督办通知单.
    from tracker.clock import to_beijing

    t3 = task_id(app, ["一", "（三）"])
    auth.login("duban")
    assert "今日已催办" not in page(client, t3)
    assert act(client, t3, "reminders", reminder_unit=ZJJ_UNIT).status_code == 302
    with app.app_context():
        sent_at = to_beijing(db.session.scalar(select(Reminder.created_at))).strftime("%H:%M")
    html = page(client, t3)
    assert f"重庆证监局（牵头单位） · 今日已催办 {sent_at}，再次催办将发出催办单" in html  # beside the unit in the list
    assert f"重庆证监局：今日已催办 {sent_at}（交办单），再次催办将发出<strong>催办单</strong>" in html
    again = act(client, t3, "reminders", reminder_unit=ZJJ_UNIT, reminder_request="请今天下班前报送。")
    said = again.get_data(as_text=True)
    assert again.status_code == 422
    assert f"今天 {sent_at} 已向重庆证监局发出交办单，再次催办将发出催办单。如确需今天再次催办，请勾选“确认今天再次催办”后再提交。" in said
    assert "请今天下班前报送。" in said  # the request typed is kept
    assert [level for _, _, level, _ in reminders_of(app)] == ["交办单"]
    assert act(client, t3, "reminders", reminder_unit="6").status_code == 302  # another unit: its first, no question
    assert act(client, t3, "reminders", reminder_unit=ZJJ_UNIT, reminder_again="y").status_code == 302  # confirmed
    assert [level for _, _, level, _ in reminders_of(app)] == ["交办单", "交办单", "催办单"]


def test_reminders_the_reporting_page_shows_a_unit_urged_today_and_asks_before_urging_it_again(app, client, auth):
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    assert "今日已催办" not in html
    assert client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders", data={"csrf_token": csrf_token(html)}).status_code == 302
    first = reminders_of(app)
    assert len(first) == 4 and {level for *_, level, _ in first} == {"交办单"}  # its four late tasks, once each
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    card = html[html.index("重庆证监局 <small"):]
    card = card[:card.index("</form>")]
    assert "今日已催办" in card and "确认今天再次催办" in card
    fgw = html[html.index("市发展改革委 <small"):]
    assert "今日已催办" not in fgw[:fgw.index("</h2>")]  # only the unit urged
    response = client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders", data={"csrf_token": csrf_token(html)},
                           follow_redirects=True)
    said = response.get_data(as_text=True)
    assert "已向重庆证监局发出催办，再次催办将发出催办单 4 份。如确需今天再次催办，请勾选“确认今天再次催办”后再提交。" in said
    assert len(reminders_of(app)) == 4  # nothing sent
    assert client.post(f"/plans/1/units/{ZJJ_UNIT}/reminders",
                       data={"csrf_token": csrf_token(html), "reminder_again": "y"}).status_code == 302
    assert [level for *_, level, _ in reminders_of(app)][4:] == ["催办单"] * 4


def _on(monkeypatch, day: int):
    """Today is ``day`` of the real current month (the seeded plan reports monthly, due on the 25th)."""
    from tracker import clock

    real = clock.beijing_today()
    monkeypatch.setattr(clock, "beijing_today", lambda: real.replace(day=day))


def test_reminders_before_the_report_day_nobody_is_red_for_a_report_not_yet_due(app, client, auth, monkeypatch):
    # On the 6th, weeks before the 25th, the page listed every unit as 未报送 under a red 催办 button.
    _on(monkeypatch, 6)
    auth.login("duban")
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    assert "本期尚未报送进展的单位" in html and "本期未报送进展的单位" not in html
    assert 'id="reporting-not-due"' in html and "未到报送日" in html
    line = html[html.index("重庆证监局 <small"):]
    assert line[:line.index("</small>")].startswith("重庆证监局 <small class=\"text-muted\">尚未报送 ")
    assert "btn-danger" not in html and "btn-outline-danger" in html
    _on(monkeypatch, 26)  # the report day passed: owed, red
    html = client.get("/plans/1/reporting").get_data(as_text=True)
    assert "本期未报送进展的单位" in html and 'id="reporting-not-due"' not in html and "尚未报送 " not in html
    assert "btn btn-sm btn-danger" in html


def test_reminders_a_units_催办_asks_first_saying_how_many_it_sends(app, client, auth):
    from bs4 import BeautifulSoup

    auth.login("duban")
    soup = BeautifulSoup(client.get("/plans/1/reporting").get_data(as_text=True), "html.parser")
    for card in soup.select(".owing-unit"):
        form = card.find("form", class_="remind-unit")
        if form is None:
            continue
        unit = card.find("h2").contents[0].strip()
        count = form.find("button").get_text().split("（")[1].split(" 项")[0]
        assert form["data-confirm"] == f"将向{unit}（1 个单位）发出 {count} 份催办，其亮红灯或黄灯的任务各一份。确定发出吗？"
    assert soup.find("script", src=lambda src: src and "ledger-import" in src)  # the script that asks
