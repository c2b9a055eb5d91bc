"""An extension (申请延期) moves a deadline later: a date on or before the task's current 完成时限 is refused.

Left by workflow41: the rule accepted any date after today that differed from the current one, so a liaison whose task
was due in a month could "extend" it to next week, and the supervising office would be asked to approve a deadline
brought forward. The rule (services/workflow/extensions.later_date_refusal) now refuses such a date in Chinese, naming
the current 完成时限 and what to do instead, beside the date field; a task with no due date keeps the "after today" rule.
"""
from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup

from tests.helpers.reports import task_id
from tests.helpers.workflow import act, page, snapshot
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import Task

REASON = "两家机构因年审延迟提交材料，需延期两周。"


def set_due(app, tid: int, due) -> None:
    with app.app_context():
        task = db.session.get(Task, tid)
        task.deadline, task.due_date = (f"{due.year}年{due.month}月{due.day}日前" if due else None), due
        db.session.commit()


def refusal_beside_the_date(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("#extension_date.is-invalid").find_next(class_="invalid-feedback").get_text(strip=True)


def test_a_date_before_or_on_the_current_deadline_is_refused_naming_it(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    due = beijing_today() + timedelta(days=30)
    set_due(app, tid, due)
    auth.login("zjj")
    form = BeautifulSoup(page(client, tid), "html.parser").select_one("#extension-form").get_text()
    assert "晚于现完成时限" in form and "今天以后" not in form  # the hint says the bound that applies
    before = snapshot(app, tid)
    for asked in (due - timedelta(days=20), due):  # earlier than the deadline, and the deadline itself
        refused = act(client, tid, "extension-request", extension_date=asked.isoformat(), extension_reason=REASON)
        assert refused.status_code == 422
        said = refusal_beside_the_date(refused.get_data(as_text=True))
        assert f"必须晚于现在的完成时限（{due.year}年{due.month}月{due.day}日）" in said
        assert "延期只能把时限推后" in said and "无需申请延期" in said
    assert snapshot(app, tid) == before  # nothing written: no request waits for the supervising office

    later = due + timedelta(days=1)
    assert act(client, tid, "extension-request", extension_date=later.isoformat(),
               extension_reason=REASON).status_code == 302


def test_a_task_already_overdue_may_be_extended_to_any_day_after_today(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    set_due(app, tid, beijing_today() - timedelta(days=10))
    auth.login("zjj")
    assert "今天以后" in BeautifulSoup(page(client, tid), "html.parser").select_one("#extension-form").get_text()
    today = act(client, tid, "extension-request", extension_date=beijing_today().isoformat(), extension_reason=REASON)
    assert today.status_code == 422 and refusal_beside_the_date(today.get_data(as_text=True)) == "“申请延期至”必须是今天以后的日期。"
    tomorrow = (beijing_today() + timedelta(days=1)).isoformat()
    assert act(client, tid, "extension-request", extension_date=tomorrow, extension_reason=REASON).status_code == 302


def test_a_task_with_no_due_date_keeps_the_after_today_rule(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    set_due(app, tid, None)
    auth.login("zjj")
    tomorrow = (beijing_today() + timedelta(days=1)).isoformat()
    assert act(client, tid, "extension-request", extension_date=tomorrow, extension_reason=REASON).status_code == 302
