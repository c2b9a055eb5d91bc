"""The supervising office adds accounts from the command line; the new user can sign in."""
from __future__ import annotations

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Role, User


def test_accounts_create_user_reads_the_password_from_stdin_and_can_sign_in(app, runner, client, auth):
    result = runner.invoke(args=["create-user", "caizheng2", "--role", "liaison", "--unit", "重庆市财政局",
                                 "--password-stdin"], input="Xy7-long-password\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "caizheng2"))
        assert user.role is Role.LIAISON and user.unit.name == "市财政局"  # found by its full-name alias
    assert auth.login("caizheng2", "Xy7-long-password").status_code == 302
    assert "支持企业置换高息债务" in client.get("/my-tasks").get_data(as_text=True)


def test_accounts_create_user_asks_twice_on_the_terminal(app, runner):
    result = runner.invoke(args=["create-user", "viewer1", "--role", "viewer"],
                           input="Leader-password-1\nLeader-password-1\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "viewer1")).role is Role.VIEWER


def test_accounts_liaison_without_unit_is_refused(app, runner):
    result = runner.invoke(args=["create-user", "nounit", "--role", "liaison", "--password-stdin"],
                           input="Some-password-1\n")
    assert result.exit_code == 1
    assert "联络员必须指定所属单位" in result.output
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "nounit")) is None


def test_accounts_unknown_unit_and_taken_username_are_refused(app, runner):
    unknown = runner.invoke(args=["create-user", "x1", "--role", "liaison", "--unit", "火星办", "--password-stdin"],
                            input="Some-password-1\n")
    assert unknown.exit_code == 1 and "火星办" in unknown.output
    taken = runner.invoke(args=["create-user", "duban", "--role", "viewer", "--password-stdin"],
                          input="Some-password-1\n")
    assert taken.exit_code == 1 and "duban" in taken.output


def test_accounts_viewer_reads_everything_but_cannot_report(app, runner, client, auth):
    runner.invoke(args=["create-user", "leader", "--role", "viewer", "--password-stdin"], input="Leader-password-1\n")
    auth.login("leader", "Leader-password-1")
    page = client.get("/plans/1").get_data(as_text=True)
    assert "加强保险行业风险防范" in page and "防范要素市场风险" in page
    task = client.get("/tasks/2").get_data(as_text=True)
    assert "不能报送进展" in task
    from tests.helpers.forms import csrf_token

    response = client.post("/tasks/2", data={"progress": "领导不应能报送", "csrf_token": csrf_token(page)})
    assert response.status_code == 403


def test_accounts_create_user_for_someone_else_can_demand_a_password_change(app, runner, auth):
    result = runner.invoke(args=["create-user", "newcomer", "--role", "viewer", "--password-stdin",
                                 "--must-change-password"], input="Handed-over-password\n")
    assert result.exit_code == 0, result.output
    assert auth.login("newcomer", "Handed-over-password").headers["Location"] == "/account/password"
