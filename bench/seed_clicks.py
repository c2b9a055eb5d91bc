"""A new user clicking through the 16-task seed plan: each click is the page and the static files it links.

Seeds a new SQLite database as `flask init-db` does (the 重庆 plan, 16 tasks, demo accounts; the
first-login password change is skipped), starts gunicorn (gunicorn.conf.py, 4 workers, new processes:
what a new installation's first users meet) and lets ``--users`` new users, one after the other, sign in
and click through 首页 → 督办总览 → the plan → a task → 督办总览 again → the plan again, with a small
browser cache: a static file sent ``max-age`` is kept for that long, one sent ``no-cache`` (or with an
ETag) is asked again with ``If-None-Match`` (a 304 costs a round trip), one sent ``no-store`` is
downloaded again on every page. One click = the page plus each static file it links that the cache
cannot answer, fetched one after the other. The floor is ``/livez`` (no database, no template),
measured in turns with the clicks (bench/pages.py ``time_calls``).

    python bench/seed_clicks.py [--users 8]

Prints p50/p95 per click in ms and as a ratio to the floor's, the bytes per click and the requests per
click. Loopback only; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import _Client  # noqa: E402
from bench.pages import FLOOR, Timings, start_server, time_calls  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
CLICKS = ["/", "/dashboard", "/plans/1", "/tasks/5", "/dashboard", "/plans/1"]
TARGET_P95_MS = 100


def seed(folder: Path) -> tuple[str, dict[str, str]]:
    """Create and seed a SQLite database in ``folder``; return its URL and {account: password}."""
    from tracker import create_app
    from tracker.extensions import db
    from tracker.models import User
    from tracker.services.seed import prepare_database

    url = f"sqlite:///{folder / 'seed.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "seed-clicks"})
    result = prepare_database(app, None)
    with app.app_context():
        for user in db.session.scalars(db.select(User)):
            user.must_change_password = False  # the password page is not what is measured
        db.session.commit()
        db.engine.dispose()
    return url, {account[0]: account[1] for account in result.accounts}


class Browser(_Client):
    """A signed-in client with a browser's HTTP cache for static files (see the module)."""

    def __init__(self, base: str, username: str, password: str) -> None:
        super().__init__(base, username, password)
        self.kept: dict[str, float] = {}  # path: time until which it is fresh
        self.etags: dict[str, str] = {}

    def fetch(self, path: str) -> tuple[int, int]:
        """GET ``path`` with the cache's validators; return (status, bytes received)."""
        headers = {"If-None-Match": self.etags[path]} if path in self.etags else {}
        request = urllib.request.Request(self.base + path, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                body, status, info = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, info = error.read(), error.code, error.headers
        control = info.get("Cache-Control", "")
        age = re.search(r"max-age=(\d+)", control)
        if status == 200 and "no-store" not in control:
            if age and "no-cache" not in control:
                self.kept[path] = time.monotonic() + int(age.group(1))
            if info.get("ETag"):
                self.etags[path] = info["ETag"]
        return status, len(body)

    def fetch_page(self, path: str) -> tuple[int, int]:
        status, body = self.request(path)
        self.last_html = body
        return status, len(body.encode())


def click(user: Browser, path: str, sizes: list[int], requests: list[int]) -> None:
    """``user`` opens ``path``: the page, then each static file it links that the cache cannot answer,
    one after the other; the bytes and the requests of the click go to ``sizes`` and ``requests``."""
    status, size = user.fetch_page(path)
    if status != 200:
        raise RuntimeError(f"{path} answered HTTP {status}")
    sent = 1
    for asset in dict.fromkeys(ASSET.findall(user.last_html)):
        if user.kept.get(asset, 0) > time.monotonic():
            continue
        _, got = user.fetch(asset)
        size += got
        sent += 1
    sizes.append(size)
    requests.append(sent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tracker-seed-clicks-") as scratch:
        folder = Path(scratch)
        url, passwords = seed(folder)
        server, base = start_server(url, folder, 4)
        try:
            clicks, sizes, requests = Timings([]), [], []
            for _ in range(args.users):
                user = Browser(base, "duban", passwords["duban"])
                user.login()
                for path in CLICKS:
                    clicks += time_calls(lambda: click(user, path, sizes, requests), 1,
                                         floor=lambda: user.request(FLOOR))
        finally:
            server.terminate()
            server.wait(timeout=30)

    floor50, floor95 = clicks.floor(50), clicks.floor(95)
    p50, p95 = clicks.median, clicks.p95
    print(f"seed plan (16 tasks), {args.users} new users × {len(CLICKS)} clicks, gunicorn 4 new workers, SQLite")
    print(f"{'row':36} {'p50 ms':>8} {'p95 ms':>8} {'p50 ×floor':>10} {'p95 ×floor':>10} {'KB/click':>8} {'req/click':>9}")
    print(f"{'floor /livez':36} {floor50 * 1000:>8.1f} {floor95 * 1000:>8.1f} {1:>10.1f} {1:>10.1f}")
    print(f"{'click (page + static files it needs)':36} {p50 * 1000:>8.1f} {p95 * 1000:>8.1f} {p50 / floor50:>10.1f} "
          f"{p95 / floor95:>10.1f} {statistics.mean(sizes) / 1024:>8.0f} {statistics.mean(requests):>9.1f}")
    print(f"click p95 {p95 * 1000:.0f} ms: target < {TARGET_P95_MS} ms {'met' if p95 * 1000 < TARGET_P95_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
