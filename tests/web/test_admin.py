"""Admin pages: accounts and the unit registry, their journal, and who may use them (A6, A8, B4, G1)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from tests.helpers.forms import Auth, csrf_token, invalid_fields
from tests.helpers.reports import post_report, task_id
from tracker.extensions import db
from tracker.models import Assignment, JournalEntry, ProgressReport, Role, Task, Unit, User
from tracker.services.accounts import units as unit_service
from tracker.services.accounts.units import find_unit


def user_id(app, username: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.username == username))


def unit_id(app, name: str) -> int:
    with app.app_context():
        return find_unit(name).id


def submit(client, page_path: str, action: str, **data):
    """POST ``data`` to ``action`` with the CSRF token of the form on ``page_path``."""
    page = client.get(page_path).text
    return client.post(action, data={**data, "csrf_token": csrf_token(page)})


def account_journal(app, username: str) -> list[tuple]:
    with app.app_context():
        target = db.session.scalar(select(User).where(User.username == username))
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.target_user_id == target.id)
                                     .order_by(JournalEntry.id)).all()
        return [(e.field, e.old_value, e.new_value, e.user.username, e.task_id, e.ip) for e in entries]


def test_admin_creates_a_liaison_whose_generated_password_is_shown_once(app, client, auth):
    auth.login("guanli")
    response = submit(client, "/admin/users/new", "/admin/users/new", username="wang", display_name="王联络员",
                      role="liaison", unit_id=str(unit_id(app, "市财政局")))
    assert response.status_code == 200 and "账号已创建" in response.text
    password = re.search(r'class="fs-5 generated-password">([^<]+)<', response.text).group(1)
    assert len(password) >= 10
    assert password not in client.get("/admin/users").text
    assert password not in client.get(f"/admin/users/{user_id(app, 'wang')}").text
    with app.app_context():
        wang = db.session.scalar(select(User).where(User.username == "wang"))
        assert wang.role is Role.LIAISON and wang.unit.name == "市财政局" and wang.must_change_password
        assert password not in wang.password_hash
    assert account_journal(app, "wang") == [("account", None, "联络员，市财政局", "guanli", None, "127.0.0.1")]
    auth.logout()
    newcomer = Auth(app.test_client(), {"wang": password})
    assert newcomer.login("wang").headers["Location"] == "/account/password"


def first_sign_in(app, password: str, username: str, query: str = ""):
    """A newcomer signs in through ``/login{query}`` with its generated password; return the client and the answer."""
    newcomer = app.test_client()
    page = newcomer.get(f"/login{query}").text
    answer = newcomer.post(f"/login{query}", data={"username": username, "password": password,
                                                    "csrf_token": csrf_token(page)})
    return newcomer, answer


def test_a_newcomer_who_sets_a_password_lands_on_the_page_it_came_for_else_on_its_home(app, client, auth):
    """A liaison opening a link (e.g. a task in a notice) at first sign-in gets there once its password is set;
    without a link it lands on its home page (its unit's tasks due), not on the plan list; a foreign link is dropped."""
    auth.login("guanli")
    passwords = {}
    for username in ("wang", "zhao", "qian"):
        response = submit(client, "/admin/users/new", "/admin/users/new", username=username, role="liaison",
                          unit_id=str(unit_id(app, "市财政局")))
        passwords[username] = re.search(r'class="fs-5 generated-password">([^<]+)<', response.text).group(1)

    def set_password(newcomer, at: str, username: str):
        page = newcomer.get(at).text
        return newcomer.post(at, data={"current_password": passwords[username], "new_password": "财政局联络员的一句新密码",
                                       "confirm": "财政局联络员的一句新密码", "csrf_token": csrf_token(page)})

    newcomer, answer = first_sign_in(app, passwords["wang"], "wang", "?next=%2Fmy-tasks")
    assert answer.headers["Location"] == "/account/password?next=/my-tasks"
    assert set_password(newcomer, answer.headers["Location"], "wang").headers["Location"] == "/my-tasks"

    newcomer, answer = first_sign_in(app, passwords["zhao"], "zhao")
    assert set_password(newcomer, answer.headers["Location"], "zhao").headers["Location"] == "/"
    assert "本单位任务" in newcomer.get("/").text

    newcomer, answer = first_sign_in(app, passwords["qian"], "qian", "?next=%2F%2Fevil.example%2F")
    assert answer.headers["Location"] == "/account/password"


def test_admin_creating_a_liaison_without_unit_or_a_taken_name_is_refused(app, client, auth):
    auth.login("guanli")
    response = submit(client, "/admin/users/new", "/admin/users/new", username="li", role="liaison", unit_id="")
    # no field of the form is at fault alone (the role with the unit): said above the form, 400
    assert response.status_code == 400 and "联络员必须指定所属单位" in response.text
    response = submit(client, "/admin/users/new", "/admin/users/new", username="zjj", role="viewer", unit_id="")
    assert response.status_code == 422 and invalid_fields(response.text) == {"username": "“用户名”zjj 已被使用，请换一个。"}
    response = submit(client, "/admin/users/new", "/admin/users/new", username="l" * 81, role="viewer", unit_id="")
    assert "“用户名”不能超过 80 个字符，请精简后重新提交。" in response.text  # not WTForms' English
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id)).where(User.username == "li")) == 0


def test_a8_moving_a_liaison_to_another_unit_ends_the_session_and_the_old_units_tasks(app, seeded_template, signed_in):
    tid = task_id(app, ["一", "（三）"])  # led by 重庆证监局
    liaison = signed_in("zjj")
    assert liaison.get(f"/tasks/{tid}").status_code == 200
    admin = signed_in("guanli")
    zjj = user_id(app, "zjj")
    response = submit(admin, f"/admin/users/{zjj}", f"/admin/users/{zjj}", display_name="重庆证监局联络员",
                      role="liaison", unit_id=str(unit_id(app, "重庆保监局")))
    assert response.status_code == 302
    assert liaison.get(f"/tasks/{tid}").status_code == 302  # the existing session is over at once
    Auth(liaison, seeded_template.passwords).login("zjj")
    assert liaison.get(f"/tasks/{tid}").status_code == 403
    assert ("unit", "重庆证监局", "重庆保监局", "guanli", None, "127.0.0.1") in account_journal(app, "zjj")


def test_admin_changes_a_role_and_it_is_journalled(app, client, auth):
    auth.login("guanli")
    bjj = user_id(app, "bjj")
    submit(client, f"/admin/users/{bjj}", f"/admin/users/{bjj}", display_name="保监局领导", role="viewer",
           unit_id=str(unit_id(app, "重庆保监局")))
    with app.app_context():
        assert db.session.get(User, bjj).role is Role.VIEWER
    fields = {(f, old, new) for f, old, new, *_ in account_journal(app, "bjj")}
    assert fields == {("role", "联络员", "领导（只读）"), ("display_name", "重庆保监局联络员", "保监局领导")}


def test_admin_sets_a_users_email_for_reminders_and_it_is_journalled(app, client, auth):
    auth.login("guanli")
    zjj = user_id(app, "zjj")
    unit = str(unit_id(app, "重庆证监局"))
    page = client.get(f"/admin/users/{zjj}").text
    assert 'name="email"' in page and 'type="email"' in page
    response = submit(client, f"/admin/users/{zjj}", f"/admin/users/{zjj}", display_name="重庆证监局联络员",
                      role="liaison", unit_id=unit, email="  Li.Ming@CQ.example.gov.cn ")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(User, zjj).email == "Li.Ming@cq.example.gov.cn"  # the domain is lower-cased
    assert "已修改电子邮箱" in client.get(f"/admin/users/{zjj}").text
    for bad in ("li.ming", "li ming@example.gov.cn", "li@@example.gov.cn", "a@" + "x" * 200 + ".cn"):
        response = submit(client, f"/admin/users/{zjj}", f"/admin/users/{zjj}", display_name="重庆证监局联络员",
                          role="liaison", unit_id=unit, email=bad)
        assert response.status_code == 422  # sent back with the reason beside 电子邮箱
        reason = invalid_fields(response.text)["email"]
        assert "电子邮箱" in reason and ("格式不正确" in reason or "不能超过" in reason)
        with app.app_context():
            assert db.session.get(User, zjj).email == "Li.Ming@cq.example.gov.cn"
    submit(client, f"/admin/users/{zjj}", f"/admin/users/{zjj}", display_name="重庆证监局联络员", role="liaison",
           unit_id=unit, email="")  # an empty field removes the address
    with app.app_context():
        assert db.session.get(User, zjj).email is None
    assert [(f, old, new) for f, old, new, *_ in account_journal(app, "zjj") if f == "email"] == [
        ("email", None, "Li.Ming@cq.example.gov.cn"), ("email", "Li.Ming@cq.example.gov.cn", None)]
    assert "电子邮箱" in client.get(f"/admin/users/{zjj}").text


def test_b4_disabling_an_account_ends_its_sessions_and_sign_in(app, seeded_template, signed_in):
    liaison, admin = signed_in("zjj"), signed_in("guanli")
    zjj = user_id(app, "zjj")
    assert submit(admin, f"/admin/users/{zjj}", f"/admin/users/{zjj}/active", value="0").status_code == 302
    assert liaison.get("/my-tasks").status_code == 302
    again = Auth(app.test_client(), seeded_template.passwords).login("zjj")
    assert again.status_code == 400 and "用户名或密码不正确" in again.text  # no hint that the account exists
    submit(admin, f"/admin/users/{zjj}", f"/admin/users/{zjj}/active", value="1")
    assert Auth(app.test_client(), seeded_template.passwords).login("zjj").status_code == 302
    assert [(f, old, new) for f, old, new, *_ in account_journal(app, "zjj")] == [
        ("active", "启用", "停用"), ("active", "停用", "启用")]


def test_admin_resets_a_password_the_old_one_stops_working_and_the_new_one_must_be_changed(app, seeded_template, signed_in):
    liaison, admin = signed_in("zjj"), signed_in("guanli")
    zjj = user_id(app, "zjj")
    response = submit(admin, f"/admin/users/{zjj}", f"/admin/users/{zjj}/password")
    assert response.status_code == 200 and "密码已重置" in response.text
    temporary = re.search(r'class="fs-5 generated-password">([^<]+)<', response.text).group(1)
    assert liaison.get("/my-tasks").status_code == 302
    assert Auth(app.test_client(), seeded_template.passwords).login("zjj").status_code == 400
    assert Auth(app.test_client(), {"zjj": temporary}).login("zjj").headers["Location"] == "/account/password"
    assert account_journal(app, "zjj")[-1][:3] == ("password", None, "管理员重置")


def test_admin_cannot_lock_themselves_out(app, client, auth):
    auth.login("guanli")
    me = user_id(app, "guanli")
    response = submit(client, f"/admin/users/{me}", f"/admin/users/{me}/active", value="0")
    assert "不能停用自己的账号" in client.get(response.headers["Location"]).text
    response = submit(client, f"/admin/users/{me}", f"/admin/users/{me}", display_name="系统管理员", role="viewer",
                      unit_id="")
    assert "不能取消自己的管理员角色" in response.text
    with app.app_context():
        admin = db.session.get(User, me)
        assert admin.active and admin.role is Role.ADMIN


@pytest.mark.parametrize("username", ["duban", "zjj"])
def test_a6_only_admins_manage_accounts(app, client, auth, username):
    auth.login(username)
    zjj = user_id(app, "zjj")
    assert client.get("/admin/users").status_code == 403
    assert client.get("/admin/users/new").status_code == 403
    response = submit(client, "/", f"/admin/users/{zjj}/active", value="0")
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(User, zjj).active


def test_a6_liaisons_cannot_manage_units_and_anonymous_visitors_are_sent_to_login(app, client, auth):
    assert client.get("/admin/units").headers["Location"].startswith("/login")
    assert client.get("/admin/users").headers["Location"].startswith("/login")
    auth.login("zjj")
    own = unit_id(app, "重庆证监局")
    assert client.get("/admin/units").status_code == 403
    assert submit(client, "/", f"/admin/units/{own}/rename", name="证监局").status_code == 403
    with app.app_context():
        assert db.session.get(Unit, own).name == "重庆证监局"


def test_supervisor_renames_a_unit_and_the_old_name_still_finds_it(app, client, auth):
    auth.login("duban")
    uid = unit_id(app, "市发展改革委")
    response = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/rename", name="重庆市发展改革委")
    assert response.status_code == 302
    assert "单位已改名为“重庆市发展改革委”" in client.get(response.headers["Location"]).text
    with app.app_context():
        assert find_unit("市发展改革委").id == find_unit("重庆市发展改革委").id == uid
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.target_unit_id == uid))
        assert (entry.field, entry.old_value, entry.new_value, entry.user.username, entry.task_id) == (
            "name", "市发展改革委", "重庆市发展改革委", "duban", None)
    # another unit's name or alias cannot be taken: that calls for a merge
    response = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/rename", name="中国证监会重庆监管局")
    assert response.status_code == 400  # the unit page again, the refusal (no field to mend) above the form
    assert "已是单位“重庆证监局”的别名" in response.text and 'value="中国证监会重庆监管局"' in response.text


def test_supervisor_switches_a_unit_to_a_financial_institution_and_it_reports_indicators(app, client, auth):
    from tracker.models import UnitKind
    from tracker.services.indicators.figures import institutions

    auth.login("duban")
    uid = unit_id(app, "市财政局")
    page = client.get(f"/admin/units/{uid}").text
    # one field 类别 on the page (the unit's kind), in the registry's terms, with what each kind does
    assert len(re.findall(r"<label[^>]*>类别</label>", page)) == 1 and page.count('name="kind"') == 1
    assert '当前类别：<strong id="unit-kind">部门</strong>' in page and "指标监测的填报单位" in page
    response = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/place", parent_id="", kind="institution",
                      jurisdiction="")
    assert response.status_code == 302
    assert "已保存上级单位、类别和辖区" in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.get(Unit, uid).kind is UnitKind.INSTITUTION
        assert uid in [u.id for u in institutions()]  # now offered on the indicator forms and template
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.target_unit_id == uid))
        assert (entry.field, entry.old_value, entry.new_value, entry.user.username) == (
            "unit_kind", "部门", "金融机构", "duban")
    assert '当前类别：<strong id="unit-kind">金融机构</strong>' in client.get(f"/admin/units/{uid}").text
    refused = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/place", parent_id="", kind="bank")
    assert refused.status_code == 422 and invalid_fields(refused.text) == {"kind": "请选择单位“类别”。"}
    with app.app_context():
        assert db.session.get(Unit, uid).kind is UnitKind.INSTITUTION


def test_supervisor_adds_and_removes_an_alias(app, client, auth):
    auth.login("duban")
    uid = unit_id(app, "市财政局")
    submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/aliases", alias="重庆市财政局办公室")
    with app.app_context():
        assert find_unit("重庆市财政局办公室").id == uid
        alias_id = next(a.id for a in db.session.get(Unit, uid).aliases if a.alias == "重庆市财政局办公室")
    response = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/aliases", alias="市国资委")
    assert response.status_code == 400 and "已有单位名为“市国资委”" in response.text  # the unit page again
    submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/aliases/{alias_id}/delete")
    with app.app_context():
        assert find_unit("重庆市财政局办公室") is None
        fields = [(e.field, e.old_value, e.new_value) for e in db.session.scalars(
            select(JournalEntry).where(JournalEntry.target_unit_id == uid).order_by(JournalEntry.id))]
        assert fields == [("alias", None, "重庆市财政局办公室"), ("alias", "重庆市财政局办公室", None)]


def units_of(app, path):
    with app.app_context():
        task = db.session.get(Task, task_id(app, path))
        return [u.name for u in task.lead_units], [u.name for u in task.supporting_units]


def test_merging_two_units_moves_tasks_reports_users_and_aliases_in_one_step(app, client, auth, signed_in):
    # Say an import wrote 重庆证监局 where the office means 市发展改革委 (a made-up duplicate, to exercise every case):
    # 一（三） has 证监局 as lead and 发改委 as supporting, so 发改委 becomes its lead.
    tid = task_id(app, ["一", "（三）"])
    liaison = signed_in("zjj")
    post_report(liaison, tid, progress="证监局报送的进展。")
    source, target = unit_id(app, "重庆证监局"), unit_id(app, "市发展改革委")
    auth.login("duban")
    response = submit(client, f"/admin/units/{source}", f"/admin/units/{source}/merge", target_id=str(target))
    assert response.headers["Location"] == f"/admin/units/{target}"
    assert "4 项任务、1 条进展、1 个账号" in client.get(response.headers["Location"]).text
    assert units_of(app, ["一", "（三）"]) == (["市发展改革委"], ["人行重庆营管部"])
    assert units_of(app, ["一", "（一）"]) == (["人行重庆营管部", "重庆银监局", "市发展改革委", "重庆保监局"], [])
    with app.app_context():
        assert db.session.scalar(select(ProgressReport.unit_id)) == target
        assert db.session.scalar(select(User.unit_id).where(User.username == "zjj")) == target
        assert find_unit("重庆证监局").id == find_unit("中国证监会重庆监管局").id == target
        assert source not in [u.id for u in unit_service.live_units()]
        assert db.session.get(Unit, source).merged_into_id == target
        assert db.session.scalar(select(func.count(Assignment.id)).where(Assignment.unit_id == source)) == 0
        merge = db.session.scalar(select(JournalEntry).where(JournalEntry.field == "merge"))
        assert (merge.old_value, merge.new_value, merge.target_unit_id, merge.user.username) == (
            "重庆证监局", "市发展改革委", target, "duban")
        changed = {e.task_id: (e.old_value, e.new_value) for e in db.session.scalars(
            select(JournalEntry).where(JournalEntry.field == "units"))}
        assert changed[tid] == ("牵头：重庆证监局；配合：市发展改革委、人行重庆营管部", "牵头：市发展改革委；配合：人行重庆营管部")
        assert len(changed) == 4
    # the liaison keeps working, now for the surviving unit
    assert liaison.get(f"/tasks/{tid}").status_code == 200
    # the merged unit's page leads to the surviving one
    assert client.get(f"/admin/units/{source}").headers["Location"] == f"/admin/units/{target}"


def test_a_merge_that_fails_half_way_leaves_nothing_changed(app, monkeypatch):
    from tracker.services import journal

    with app.app_context():
        actor = db.session.scalar(select(User).where(User.username == "duban"))
        source, target = find_unit("重庆证监局").id, find_unit("市发展改革委").id
        before = db.session.execute(select(Assignment.task_id, Assignment.unit_id, Assignment.role)
                                    .order_by(Assignment.id)).all()

        def broken_record(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(journal, "record", broken_record)
        with pytest.raises(RuntimeError):
            unit_service.merge_units(actor, source, target)
        db.session.remove()
        after = db.session.execute(select(Assignment.task_id, Assignment.unit_id, Assignment.role)
                                   .order_by(Assignment.id)).all()
        assert after == before
        assert db.session.get(Unit, source).merged_into_id is None
        assert db.session.scalar(select(User.unit_id).where(User.username == "zjj")) == source


def test_merging_a_unit_into_itself_is_refused(app, client, auth):
    auth.login("guanli")
    uid = unit_id(app, "市财政局")
    response = submit(client, f"/admin/units/{uid}", f"/admin/units/{uid}/merge", target_id=str(uid))
    assert response.status_code == 400 and "请选择另一个单位" in response.text  # the unit page again


def test_admin_adds_a_unit_before_creating_its_liaison(app, client, auth):
    auth.login("guanli")
    response = submit(client, "/admin/units", "/admin/units", name="市地方金融监管局")
    assert response.status_code == 302
    with app.app_context():
        assert find_unit("市地方金融监管局") is not None
    response = submit(client, "/admin/units", "/admin/units", name="市财政局")
    assert "已有单位名为“市财政局”" in response.text
