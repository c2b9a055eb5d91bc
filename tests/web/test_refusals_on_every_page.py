"""A form filled wrongly is sent back the same way on every page, not only on the task page: HTTP 422 with the reason
beside the field at fault, 400 for a refusal about no field (a stale form), 403 for a user who may not
(tracker/forms.form_refusal_status, the one rule). The indicator pages answered 400 and the plan settings 200 for the
same kind of refusal, so a script or a test could not tell a field to mend from a request it should not retry.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from tests.helpers.forms import csrf_token, deposit_entry, invalid_fields
from tracker.extensions import db
from tracker.models import IndicatorFigure, Plan, ReportCycle, Unit, UnitKind
from tracker.services.indicators.figures import indicator_named


def test_the_office_sets_a_weekly_report_day_of_9_and_is_told_beside_the_report_day(app, client, auth):
    auth.login("duban")
    token = csrf_token(client.get("/plans/1/settings").text)
    weekly = client.post("/plans/1/settings", data={"csrf_token": token, "warning_days": "30",
                                                    "report_cycle": "weekly", "report_day": "9"})
    assert weekly.status_code == 422
    assert invalid_fields(weekly.text) == {"report_day": "按周报送时，“报送日”填 1–7（1 为周一）；按月或按季度时填 1–31。"}
    too_many = client.post("/plans/1/settings", data={"csrf_token": token, "warning_days": "400",
                                                      "report_cycle": "monthly", "report_day": "25"})
    assert too_many.status_code == 422
    assert invalid_fields(too_many.text) == {"warning_days": "预警天数应在 0 到 365 之间。"}
    stale = client.post("/plans/1/settings", data={"warning_days": "30", "report_cycle": "monthly", "report_day": "25"})
    assert stale.status_code == 400 and invalid_fields(stale.text) == {}  # refused before the form is read
    with app.app_context():
        plan = db.session.get(Plan, 1)
        assert (plan.warning_days, plan.report_cycle, plan.report_day) == (15, ReportCycle.MONTHLY, 25)


def test_a_liaison_types_a_negative_figure_and_is_told_beside_that_indicator(app, client, auth):
    auth.login("zjj")
    fields, deposit = deposit_entry(app, client)
    negative = client.post("/indicators/figures", data={**fields, f"figure-{deposit}": "-3"})
    assert negative.status_code == 422
    assert invalid_fields(negative.text) == {f"figure-{deposit}": "“人民币存款余额”：数值不能为负，请检查后重新填写。"}
    comma = client.post("/indicators/figures", data={**fields, f"figure-{deposit}": "5890,1"})
    assert comma.status_code == 422 and list(invalid_fields(comma.text)) == [f"figure-{deposit}"]
    no_period = client.post("/indicators/figures", data={**fields, "period": "", f"figure-{deposit}": "12"})
    assert no_period.status_code == 422 and invalid_fields(no_period.text) == {"period": "请填写期间。"}
    with app.app_context():
        assert db.session.scalar(select(IndicatorFigure.id)) is None


def test_the_office_s_target_and_weight_refused_beside_the_field(app, client, auth):
    auth.login("duban")
    with app.app_context():
        bank = Unit(name="工商银行", kind=UnitKind.INSTITUTION)
        db.session.add(bank)
        db.session.commit()
        bank_id, deposit = bank.id, indicator_named("人民币存款余额").id
    page = client.get("/indicators/targets?year=2024").text
    zero = client.post("/indicators/targets", data={"csrf_token": csrf_token(page), "unit": bank_id,
                                                    "indicator": deposit, "year": 2024, "target": "0"})
    assert zero.status_code == 422 and invalid_fields(zero.text) == {"target": "年度目标应大于 0。"}
    index = client.get("/indicators").text
    weights = {name: "1" for name in re.findall(r'name="(weight-\d+)"', index)}
    weights[f"weight-{deposit}"] = "-1"
    bad = client.post("/indicators/weights", data={"csrf_token": csrf_token(index), **weights})
    assert bad.status_code == 422
    assert invalid_fields(bad.text) == {f"weight-{deposit}": "“人民币存款余额”的权重应在 0—100 之间（0 表示不参加综合排名）。"}


def test_an_import_without_a_file_or_with_a_month_that_is_none_is_refused_beside_the_field(app, client, auth):
    auth.login("duban")
    page = client.get("/indicators/import").text
    no_file = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": ""})
    assert no_file.status_code == 422 and invalid_fields(no_file.text) == {"file": "请选择要上传的指标数据表。"}
    month_13 = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "2026-13"})
    assert month_13.status_code == 422 and list(invalid_fields(month_13.text)) == ["period"]
    stale = client.post("/indicators/import", data={"period": ""})
    assert stale.status_code == 400 and invalid_fields(stale.text) == {}
