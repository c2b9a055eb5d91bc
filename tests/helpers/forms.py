"""Read what a page's forms carry (CSRF token, task version) and sign in through the real login form."""
from __future__ import annotations

import re


def csrf_token(html: str) -> str:
    """Return the CSRF token of the first form in ``html``."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'type="hidden" name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def form_version(html: str) -> str:
    """Return the task version the first task form in ``html`` carries (hidden field ``version``)."""
    match = re.search(r'name="version" type="hidden" value="(\d+)"', html) or re.search(
        r'type="hidden" name="version" value="(\d+)"', html)
    assert match, "no task version in the page"
    return match.group(1)


def invalid_fields(html: str) -> dict[str, str]:
    """{field id: the reason said beside it} of the fields ``html`` marks in error (``.is-invalid``, its reason the
    next ``.invalid-feedback``), the way a refused form is sent back on every page (tracker/forms.form_refusal_status)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return {field["id"]: field.find_next(class_="invalid-feedback").get_text(strip=True)
            for field in soup.select(".is-invalid")}


class Auth:
    """Sign a test client in and out as one of the demo accounts, through the real login form."""

    def __init__(self, client, passwords: dict[str, str]):
        self.client = client
        self.passwords = passwords

    def login(self, username: str, password: str | None = None):
        page = self.client.get("/login").get_data(as_text=True)
        return self.client.post(
            "/login",
            data={"username": username, "password": password or self.passwords[username],
                  "csrf_token": csrf_token(page)},
        )

    def logout(self):
        page = self.client.get("/").get_data(as_text=True)
        return self.client.post("/logout", data={"csrf_token": csrf_token(page)})


def deposit_entry(app, client, username: str = "zjj", period: str = "2026-11") -> tuple[dict, int]:
    """The 填报 form (/indicators/figures) as ``username``'s liaison opens it, signed in already: the fields every post
    carries (CSRF token, the liaison's unit id, ``period`` as YYYY-MM) and the id of 人民币存款余额, whose figure goes in
    ``f"figure-{id}"``."""
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import User
    from tracker.services.indicators.figures import indicator_named

    page = client.get("/indicators/figures").text
    with app.app_context():
        unit = db.session.scalar(select(User).where(User.username == username)).unit_id
        deposit = indicator_named("人民币存款余额").id
    return {"csrf_token": csrf_token(page), "unit": unit, "period": period}, deposit


def upload_indicator_table(client, path, name: str = "表.xlsx", period: str = ""):
    """POST the workbook at ``path`` to the indicator import page (/indicators/import) as a supervisor's browser
    sends it: the page's CSRF token, the month field ``period`` ("" lets the table's title say it, else "YYYY-MM"),
    the file under ``name``. Returns the response (the preview page, or the page sent back with its errors)."""
    import io

    page = client.get("/indicators/import").text
    with open(path, "rb") as handle:
        return client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": period,
                                                       "file": (io.BytesIO(handle.read()), name)},
                           content_type="multipart/form-data")
