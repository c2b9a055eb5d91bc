"""The running app's settings (tracker/settings.current_settings) as services read them."""
from __future__ import annotations

from tracker.settings import current_settings


def test_current_settings_follow_the_app_config_from_the_next_context(app):
    with app.app_context():
        assert current_settings().supervising_office == app.config["SUPERVISING_OFFICE"]
        assert current_settings() is current_settings()  # built once per context
    app.config["SUPERVISING_OFFICE"] = "市政府督查室"
    with app.app_context():
        assert current_settings().supervising_office == "市政府督查室"


def test_bulletin_names_the_office_of_the_settings_without_the_view_passing_it(app, client, auth):
    app.config["SUPERVISING_OFFICE"] = "市政府督查室"
    auth.login("duban")
    html = client.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "市政府督查室" in html
