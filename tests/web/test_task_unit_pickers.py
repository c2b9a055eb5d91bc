"""The supervising office gives a task to a unit: the pickers offer the units that hold tasks, not the 金融机构 an
indicator table brought in (workflow55; services/scope.task_units_query, the one rule of which units hold tasks).

市金融办 imported last month's 存贷款 table, which filed figures for a hundred banks as 金融机构 of the unit registry.
Editing a task's lead and supporting units, or checking an imported plan's units in the preview, she scrolls a list
of departments: a bank holds no task, so it is not among them. A 金融机构 that a task already names stays a choice of
that task (taking it off is then one click)."""
from __future__ import annotations

import re

from tests.helpers.forms import csrf_token
from tests.helpers.plans import PLAN_TEXT, make_docx, upload
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Task, Unit, UnitKind

BANK = "示例农村商业银行股份有限公司"


def add_bank(app) -> int:
    """An indicator table's reporting entity, as the indicator import files it (kind 金融机构)."""
    with app.app_context():
        bank = Unit(name=BANK, kind=UnitKind.INSTITUTION)
        db.session.add(bank)
        db.session.commit()
        return bank.id


def offered(page: str, field: str) -> set[str]:
    """The unit ids the edit form's checkboxes of ``field`` offer."""
    return set(re.findall(rf'name="{field}"[^>]*value="(\d+)"', page)) | set(
        re.findall(rf'value="(\d+)"[^>]*name="{field}"', page))


def test_the_task_edit_form_offers_no_institution_of_an_indicator_table(app, client, auth):
    bank = add_bank(app)
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    page = client.get(f"/tasks/{tid}/edit").text
    assert "重庆证监局" in page and "市金融办" in page
    for field in ("lead_units", "supporting_units"):
        assert len(offered(page, field)) > 10
        assert str(bank) not in offered(page, field), f"{field} offers the indicator table's bank"
    assert BANK not in page
    # Posted anyway (an old form, a script): refused beside the field, nothing changes.
    response = client.post(f"/tasks/{tid}/edit", data={
        "csrf_token": csrf_token(page), "version": re.search(r'name="version"[^>]*value="(\d+)"', page).group(1),
        "title": "加强证券市场风险防范", "text": "x", "lead_units": [str(bank)]})
    assert response.status_code in (400, 422)
    assert "不承担督办任务" in response.text
    with app.app_context():
        assert BANK not in [u.name for u in db.session.get(Task, tid).lead_units]


def test_a_bank_a_task_already_names_stays_a_choice_of_that_task(app, client, auth):
    bank = add_bank(app)
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        db.session.add(Assignment(task_id=tid, unit_id=bank, role=AssignmentRole.SUPPORTING, position=9))
        db.session.commit()
    auth.login("duban")
    page = client.get(f"/tasks/{tid}/edit").text
    assert str(bank) in offered(page, "supporting_units")


def test_the_plan_import_preview_offers_no_institution_of_an_indicator_table(app, client, auth):
    add_bank(app)
    auth.login("duban")
    response = upload(client, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    page = client.get(response.headers["Location"]).text if response.status_code == 302 else response.text
    registry = re.search(r'<datalist id="unit-registry">(.*?)</datalist>', page, re.S).group(1)
    assert 'value="市金融办"' in registry and f'value="{BANK}"' not in registry
