"""A liaison's form refused on the task page is answered beside the field at fault, with what she typed kept.

Found on a phone at 390 × 844 (a liaison before a deadline, on a clean clone): 申请延期 with a date already past was
refused only in a red line at the top of the page, while her form, with her reason in it, was three screens below;
and the form asked "申请延期至" without saying what the deadline is now. A refusal that names a field by its caption
(services' InvalidInput: “申请延期至”, “办结说明”) now marks that field as well (tracker/forms.mark_named_field), so the
page opens at it (static/js/show-error.js); the reason is still said at the top, where a refusal naming no field is.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from bs4 import BeautifulSoup

from tests.helpers.forms import invalid_fields
from tests.helpers.reports import task_id
from tests.helpers.workflow import act, page, snapshot
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import Task

REASON = "两家机构因年审延迟提交材料，需延期两周。"


def give_deadline(app, tid: int, due: date) -> None:
    with app.app_context():
        task = db.session.get(Task, tid)
        task.deadline, task.due_date = f"{due.year}年{due.month}月{due.day}日前", due
        db.session.commit()


def test_an_extension_to_a_past_date_is_refused_beside_the_date_with_the_reason_kept(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    due = beijing_today() + timedelta(days=3)
    give_deadline(app, tid, due)
    auth.login("zjj")

    # the form says what the deadline is now, beside the date it asks for
    form = BeautifulSoup(page(client, tid), "html.parser").select_one("#extension-form")
    assert f"现完成时限：{due.year}年{due.month}月{due.day}日前" in form.get_text()
    assert "督办部门同意后" in form.get_text()

    before = snapshot(app, tid)
    yesterday = beijing_today() - timedelta(days=1)
    refused = act(client, tid, "extension-request", extension_date=yesterday.isoformat(), extension_reason=REASON)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert invalid_fields(html) == {"extension_date": "“申请延期至”必须是今天以后的日期。"}
    assert re.search(r'id="extension_date"[^>]*autofocus|autofocus[^>]*id="extension_date"', html)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#extension_reason").get_text().strip() == REASON  # what she typed is still there
    assert soup.select_one("#extension_date")["value"] == yesterday.isoformat()
    assert soup.select_one(".alert-danger").get_text(strip=True) == "“申请延期至”必须是今天以后的日期。"  # and on top
    assert snapshot(app, tid) == before  # nothing written

    later = due + timedelta(days=14)
    done = act(client, tid, "extension-request", extension_date=later.isoformat(), extension_reason=REASON)
    assert done.status_code == 302


def test_a_close_request_without_its_note_is_refused_beside_the_note(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    refused = act(client, tid, "close-request", close_note="  ")
    assert refused.status_code == 422
    assert invalid_fields(refused.get_data(as_text=True)) == {"close_note": "请填写“办结说明”。"}


def test_an_extension_without_its_reason_is_refused_beside_the_reason_with_the_date_kept(app, client, auth):
    # 申请延期 with a date and no reason (a closing note listed it as said only at the top): beside 延期理由, 422
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    later = (beijing_today() + timedelta(days=60)).isoformat()
    before = snapshot(app, tid)
    refused = act(client, tid, "extension-request", extension_date=later, extension_reason="  ")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert invalid_fields(html) == {"extension_reason": "请填写“延期理由”。"}
    assert BeautifulSoup(html, "html.parser").select_one("#extension_date")["value"] == later
    assert snapshot(app, tid) == before


def test_a_refusal_naming_no_field_is_still_said_at_the_top(app, client, auth):
    # a second request while one waits names no field: it is said above the forms, no field marked
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    later = (beijing_today() + timedelta(days=60)).isoformat()
    assert act(client, tid, "extension-request", extension_date=later, extension_reason=REASON).status_code == 302
    again = act(client, tid, "extension-request", extension_date=later, extension_reason="再申请")
    html = again.get_data(as_text=True)
    assert again.status_code == 400 and invalid_fields(html) == {}
    assert "已有一项延期申请在等待审批" in BeautifulSoup(html, "html.parser").select_one(".alert-danger").get_text()


def test_an_extension_with_neither_date_nor_reason_is_refused_beside_both_at_once(app, client, auth):
    # 申请延期 sent empty was refused for 延期理由 alone; mended, it was refused again for the date. Both at once now,
    # each beside its field (services/workflow/extensions.request_problems), 422, nothing written
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = snapshot(app, tid)
    refused = act(client, tid, "extension-request", extension_date="", extension_reason="  ")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert invalid_fields(html) == {"extension_date": "请填写“申请延期至”的日期，格式如 2027-03-31。",
                                    "extension_reason": "请填写“延期理由”。"}
    top = BeautifulSoup(html, "html.parser").select_one(".alert-danger").get_text(strip=True)
    assert "“申请延期至”" in top and "“延期理由”" in top
    assert snapshot(app, tid) == before

    # a date that is no date and a date already past are said beside the date as well, the reason's problem with them
    for typed, said in [("明年三月", "明年三月"), ((beijing_today() - timedelta(days=1)).isoformat(), "今天以后")]:
        refused = act(client, tid, "extension-request", extension_date=typed, extension_reason="")
        fields = invalid_fields(refused.get_data(as_text=True))
        assert refused.status_code == 422 and set(fields) == {"extension_date", "extension_reason"}
        assert said in fields["extension_date"] and "申请延期至" in fields["extension_date"]
    assert snapshot(app, tid) == before

    later = (beijing_today() + timedelta(days=60)).isoformat()  # both mended: sent at the first try
    assert act(client, tid, "extension-request", extension_date=later, extension_reason=REASON).status_code == 302
