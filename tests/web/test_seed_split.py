"""A fresh start lets a lead unit split a task to its districts without an admin first (the seed's registry)."""
from __future__ import annotations

import re

from tests.helpers.forms import csrf_token
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import Task


def test_seed_the_financial_office_splits_its_task_to_its_district_offices_on_a_fresh_start(app, client, auth):
    # 市金融办's liaison opens 二（一）, led by 市金融办: its three 区县金融办 are offered, none else
    auth.login("jrb")
    tid = task_id(app, ["二", "（一）"])
    page = client.get(f"/tasks/{tid}").text
    assert 'id="split-form"' in page and 'id="split-none"' not in page
    offered = re.findall(r'<input name="split_units" type="checkbox" value="([^"]+)">',
                         page[page.index('id="split_units"'):].split("</div>")[0])
    assert offered == ["万州区金融办", "江北区金融办", "渝中区金融办"]
    with app.app_context():
        version = db.session.get(Task, tid).version
    done = client.post(f"/tasks/{tid}/subtasks", data={"csrf_token": csrf_token(page), "version": version,
                                                       "split_units": ["渝中区金融办"]}, follow_redirects=True)
    assert done.status_code == 200 and "渝中区金融办" in done.text
    # the district's own demo liaison finds the sub-task among its unit's tasks
    auth.logout()
    auth.login("yzjrb")
    assert "防范要素市场风险" in client.get("/my-tasks").text


def test_seed_a_lead_unit_without_districts_is_told_how_to_get_them(app, client, auth):
    # 重庆证监局 leads 一（三） but has no unit under it: the card says what to do, instead of vanishing
    auth.login("zjj")
    page = client.get(f"/tasks/{task_id(app, ['一', '（三）'])}").text
    assert 'id="split-form"' in page and 'id="split_units"' not in page
    hint = re.search(r'id="split-none">([^<]+)<', page).group(1)
    assert "本单位还没有登记下级单位或处室" in hint and "上级单位" in hint
    # the liaison on a phone is told whom to ask, not a server command it cannot run
    assert "请联系督办部门或管理员" in hint and "flask" not in hint and "import-units" not in hint
