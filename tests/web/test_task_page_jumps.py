"""On a phone the task page's forms come after its text, reports and history (three screens and more): the row of
jump links at its top takes each user straight to the forms the page shows them — the liaison to 签收 and 报送,
and the supervising office to 审核办结, 分解任务 and 催办, which it had to scroll down to find."""
from __future__ import annotations

import re

from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act


def jumps(page: str) -> list[tuple[str, str]]:
    """The (anchor, caption) of each link of the task page's jump row, in order."""
    row = re.search(r'<nav [^>]*id="task-jump">(.*?)</nav>', page, re.S)
    return re.findall(r'href="#([a-z-]+)">([^<]+) ↓</a>', row.group(1)) if row else []


def test_jumps_the_office_jumps_to_the_review_and_the_reminder_of_a_task_waiting_to_be_closed(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert post_report(client, tid, progress="已检查证券机构 12 家。").status_code == 302
    assert act(client, tid, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    auth.logout()
    auth.login("duban")
    page = client.get(f"/tasks/{tid}").text
    links = jumps(page)
    assert ("review-form", "审核办结") in links and ("reminder-form", "催办") in links
    assert ("split-form", "分解任务") in links
    for anchor, _ in links:
        assert f'id="{anchor}"' in page, anchor  # every link leads to a form the page shows


def test_jumps_a_liaison_is_offered_its_own_forms_and_no_reminder_form(app, client, auth):
    auth.login("zjj")
    tid = task_id(app, ["一", "（三）"])
    page = client.get(f"/tasks/{tid}").text
    links = jumps(page)
    assert [anchor for anchor, _ in links][:2] == ["acknowledge-form", "report-form"]
    assert "reminder-form" not in dict(links) and "review-form" not in dict(links)
    for anchor, _ in links:
        assert f'id="{anchor}"' in page, anchor


def test_jumps_a_lead_unit_without_units_under_it_is_not_sent_to_a_split_form_it_cannot_use(app, client, auth):
    # 重庆证监局 leads 一（三） but has no 处室 or district under it: its phone's jump row offered 分解任务 ↓, which led to a
    # card saying it cannot split yet. The row leaves it out; the card still says who can set up its units.
    # 市金融办, with its three 区县金融办, is offered it.
    auth.login("zjj")
    page = client.get(f"/tasks/{task_id(app, ['一', '（三）'])}").text
    assert "split-form" not in dict(jumps(page)) and 'id="split-none"' in page and "单位管理" in page
    auth.logout()
    auth.login("jrb")
    assert ("split-form", "分解任务") in jumps(client.get(f"/tasks/{task_id(app, ['二', '（一）'])}").text)
