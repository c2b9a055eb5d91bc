"""B6 across processes: the login throttle holds when the attempts spread over three gunicorn workers."""
from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request

from tests.helpers.forms import csrf_token
from tests.helpers.servers import fetch, gunicorn


class Browser:
    """A cookie-keeping HTTP client for a real server (no redirects followed)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def login(self, username: str, password: str) -> int:
        _, page = self.request("/login")
        return self.request("/login", {"username": username, "password": password,
                                       "csrf_token": csrf_token(page)})[0]


def test_b6_the_throttle_holds_across_three_gunicorn_workers(app, seeded_template, tmp_path):
    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, workers=3) as base:
        fetch(f"{base}/healthz")
        # every attempt from a new browser on a new connection, so they spread over the workers
        statuses = [Browser(base).login("zjj", f"guess-{n}") for n in range(6)]
        right_password = Browser(base).login("zjj", seeded_template.passwords["zjj"])
        other_user = Browser(base).login("bjj", seeded_template.passwords["bjj"])
    assert statuses == [400, 400, 400, 400, 400, 429]  # a wrong password: 400, the form sent back (forms.form_refusal_status)
    assert right_password == 429
    assert other_user == 302
