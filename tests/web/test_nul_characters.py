"""Text with a NUL character (0x00), pasted from a damaged file, is refused at the door with a Chinese
sentence on every page, on both databases (PostgreSQL's text cannot hold NUL: it used to fail in the
database as a 500)."""
from __future__ import annotations

from tests.helpers.forms import csrf_token
from tracker.extensions import db
from tracker.models import Plan


def test_plan_settings_with_a_nul_character_are_refused_and_nothing_changes(app, client, auth):
    auth.login("duban")
    with app.app_context():
        title = db.session.get(Plan, 1).title
    page = client.get("/plans/1/settings").get_data(as_text=True)
    response = client.post("/plans/1/settings", data={"csrf_token": csrf_token(page), "title": "新标题\x00"})
    assert response.status_code == 400
    assert "空字符" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Plan, 1).title == title


def test_query_with_a_nul_character_is_refused_in_chinese(client, auth):
    auth.login("duban")
    response = client.get("/dashboard?q=a%00b")
    assert response.status_code == 400 and "空字符" in response.get_data(as_text=True)
    assert client.get("/dashboard?q=ab").status_code == 200
