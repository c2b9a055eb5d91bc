"""The office's 退回 without a reason opens at the reason's field, with the choice kept (workflow52).

The supervising office, on its phone, opens 二（一）'s close request from 待办, ticks 退回（继续办理） and presses 提交 before
typing why. The refusal said "请填写“退回理由”。" at the top of a task page several screens long, answered 400, and put
nothing beside the field, whose caption is "审核意见 / 退回理由（退回时必填）": the sentence named one of the two names the
field answers to, and a caption was matched only whole (tracker/forms.mark_named_field). Now a caption giving two names
joined by " / " answers to either, so the page comes back 422 with the reason beside the field (the page opens there,
static/js/show-error.js), 退回 still ticked; with a reason the task goes back to 推进中.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.helpers.reports import task_id
from tests.helpers.workflow import act, snapshot, status_of
from tracker.models import TaskStatus


def test_a_return_without_a_reason_comes_back_beside_the_reason_field(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert act(client, tid, "close-request", close_note="辖区排查已全部完成。").status_code == 302
    auth.logout()
    auth.login("duban")
    before = snapshot(app, tid)

    refused = act(client, tid, "review", decision="return", review_reason="")
    assert refused.status_code == 422
    assert snapshot(app, tid) == before  # nothing written
    html = BeautifulSoup(refused.text, "html.parser")
    reason = html.select_one("#review_reason")
    assert "is-invalid" in reason.get("class", [])
    assert "请填写“退回理由”" in reason.find_next(class_="invalid-feedback").get_text()
    assert html.select_one("#review-return").has_attr("checked")  # her choice kept

    assert act(client, tid, "review", decision="return", review_reason="请补充私募机构排查台账。").status_code == 302
    assert status_of(app, tid) is TaskStatus.IN_PROGRESS
