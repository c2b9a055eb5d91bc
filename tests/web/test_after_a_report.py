"""After 提交进展 the liaison is told what happens next, and the page opens at the report she just stored.

Left by workflow41: the page said only "进展已报送。" at its top and opened there, while the report list is two screens
below on a phone; she could not tell whether the supervising office sees it now or whether it waits for her unit leader.
Now the flash and a note on the stored report's card (tasks/routes.after_report, one wording) say it, and the redirect
names the card (#report-N), so the browser opens at it.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.small_world import PASSWORD, sign_in
from tests.helpers.workflow import page
from tracker.extensions import db
from tracker.models import ProgressReport, Role, Unit, User


def report(client, tid: int, progress: str):
    html = page(client, tid)
    return client.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(html), "version": form_version(html),
                                              "progress": progress})


def stored_id(app, progress: str) -> int:
    with app.app_context():
        return db.session.query(ProgressReport.id).filter_by(progress=progress).scalar()


def signed_in_as(app, username: str):
    client = app.test_client()
    sign_in(client, username)
    return client


def test_a_report_of_a_unit_without_sign_off_is_seen_by_the_office_now_and_the_page_opens_at_it(empty_app, world):
    t3 = world.tasks["T3"]  # led by 乙局, whose liaison is lb
    lb = signed_in_as(empty_app, "lb")
    response = report(lb, t3, "监测预警平台已上线试运行。")
    rid = stored_id(empty_app, "监测预警平台已上线试运行。")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/tasks/{t3}#report-{rid}")

    soup = BeautifulSoup(page(lb, t3), "html.parser")
    assert soup.select_one(".alert-success").get_text(strip=True) == "进展已报送，督办部门现在即可看到。"
    card = soup.select_one(f"#report-{rid}")
    assert "监测预警平台已上线试运行。" in card.get_text()
    assert card.select_one("#just-saved").get_text(strip=True) == "刚报送：督办部门现在即可看到。"
    assert len(soup.select("#just-saved")) == 1  # on that card only

    again = BeautifulSoup(page(lb, t3), "html.parser")  # said once: opened again later, the card is like the others
    assert again.select_one("#just-saved") is None and again.select_one(f"#report-{rid}") is not None
    assert "监测预警平台已上线试运行。" in page(signed_in_as(empty_app, "sup"), t3)  # and the office does see it now


def test_a_report_of_a_unit_with_sign_off_says_it_waits_for_the_unit_leader(empty_app, world):
    with empty_app.app_context():
        db.session.get(Unit, world.units["B"]).signoff_required = True
        leader = User(username="ldb", display_name="乙局负责人", role=Role.LEADER, unit_id=world.units["B"])
        leader.set_password(PASSWORD)
        db.session.add(leader)
        db.session.commit()
    t3 = world.tasks["T3"]
    lb = signed_in_as(empty_app, "lb")
    response = report(lb, t3, "平台完成压力测试。")
    rid = stored_id(empty_app, "平台完成压力测试。")
    assert response.headers["Location"].endswith(f"#report-{rid}")

    soup = BeautifulSoup(page(lb, t3), "html.parser")
    said = "待单位负责人审核签发后报送督办部门，签发前督办部门看不到。"
    assert soup.select_one(".alert-success").get_text(strip=True) == f"进展已提交，{said}"
    assert soup.select_one(f"#report-{rid} #just-saved").get_text(strip=True) == f"刚提交：{said}"
    assert "平台完成压力测试" not in page(signed_in_as(empty_app, "sup"), t3)  # as said: not before it is signed


def test_a_double_tap_on_a_phone_opens_at_the_report_stored_the_first_time(empty_app, world):
    # On a phone a double tap sends the form twice; she sees only the second answer. It stores nothing, and opens where
    # the first would have: at the report stored, marked as just stored (workflow42 left it at the top of the page).
    t3 = world.tasks["T3"]
    lb = signed_in_as(empty_app, "lb")
    html = page(lb, t3)
    form = {"csrf_token": csrf_token(html), "version": form_version(html), "progress": "监测预警平台已上线试运行。"}
    first = lb.post(f"/tasks/{t3}", data=form)
    second = lb.post(f"/tasks/{t3}", data=form)
    rid = stored_id(empty_app, "监测预警平台已上线试运行。")  # one report: .scalar() fails on two
    assert first.headers["Location"].endswith(f"/tasks/{t3}#report-{rid}")
    assert second.status_code == 302 and second.headers["Location"].endswith(f"/tasks/{t3}#report-{rid}")

    soup = BeautifulSoup(page(lb, t3), "html.parser")
    assert soup.select_one(".alert-info").get_text(strip=True) == "进展已保存，无需重复提交。"
    assert soup.select_one(f"#report-{rid} #just-saved").get_text(strip=True) == "刚报送：督办部门现在即可看到。"
    assert soup.select_one("form[data-draft-key]").has_attr("data-draft-stored")  # the browser's copy goes too
