"""A new user clicking through the 16-task seed plan: each click is the page and the static files it links.

Seeds a new SQLite database as `flask init-db` does (the 重庆 plan, 16 tasks, demo accounts; the
first-login password change is skipped), starts gunicorn (gunicorn.conf.py, 4 workers, new processes:
what a new installation's first users meet) and lets ``--users`` new users, one after the other, sign in
and click through 首页 → 督办总览 → the plan → a task → 督办总览 again → the plan again, with a small
browser cache: a static file sent ``max-age`` is kept for that long, one sent ``no-cache`` (or with an
ETag) is asked again with ``If-None-Match`` (a 304 costs a round trip), one sent ``no-store`` is
downloaded again on every page. One click = the page plus each static file it links that the cache
cannot answer, fetched one after the other (a browser fetches them side by side: this is the slower
count), asked with ``Accept-Encoding: gzip`` as browsers do (the bytes counted are those received).
Each user first signs in as a browser does: the login page and the static files it links (Bootstrap,
the app's CSS), which the browser then keeps for the clicks, and the form's POST; the sign-in is not a
click on the plan and is timed apart (``--bare-login``: the form alone, untimed, so that the first
click fetches the login page's files too, as this script counted until 2026-12-03). The floor is
``/livez`` (no database, no template), measured in turns with the clicks (bench/pages.py ``time_calls``).

    python bench/seed_clicks.py [--users 8] [--breakdown] [--bare-login] [--database postgresql+psycopg://…/empty]

Prints p50/p95 per click in ms and as a ratio to the floor's, the bytes per click and the requests per
click. ``--breakdown`` also prints where the time went: the slowest clicks with each request they made
(the page, then each static file: ms, KB), and per click number (a user's 1st … 6th click) and per
kind of request (page, static file) the p50, p95 and maximum. The sign-in (the login page, the static
files it links, the POST) is printed as its own row.
Loopback only; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import TOKEN_RE, _Client  # noqa: E402
from bench.pages import FLOOR, Timings, percentile, serving, time_calls  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
CLICKS = ["/", "/dashboard", "/plans/1", "/tasks/5", "/dashboard", "/plans/1"]
TARGET_P95_MS = 100


@dataclass
class Fetch:
    """One request of a click: its path, status, duration in seconds and bytes received; with
    ``--breakdown`` also the gunicorn worker (pid) that answered it and its time in the worker (ms),
    read from the access log by the request's ``X-Bench-Id``."""

    path: str
    status: int
    seconds: float
    size: int
    tag: str = ""
    worker: str = ""
    server_ms: float | None = None


@dataclass
class Click:
    """One click of one user (``number`` counts from 1): the page's address and the requests it made."""

    user: int
    number: int
    path: str
    fetches: list[Fetch] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(fetch.seconds for fetch in self.fetches)


def seed(folder: Path, url: str | None = None) -> tuple[str, dict[str, str]]:
    """Seed ``url`` (an empty database; default a new SQLite file in ``folder``) as ``flask init-db`` does; return the
    URL and {account: password}."""
    from tracker import create_app
    from tracker.extensions import db
    from tracker.models import User
    from tracker.services.seed import prepare_database

    url = url or f"sqlite:///{folder / 'seed.sqlite'}"
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
        headers = {"Accept-Encoding": "gzip, deflate"}  # as every browser; the bytes counted are those received
        if path in self.etags:
            headers["If-None-Match"] = self.etags[path]
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


#: gunicorn's access log line with ``--breakdown``: worker pid, the request's X-Bench-Id, status, ms in the worker.
LOG_FORMAT = "bench %(p)s %({x-bench-id}i)s %(s)s %(M)s"
LOG_LINE = re.compile(r"^bench <?(\d+)>? (\S+) (\d+) (\d+)$", re.M)
_tags = iter(range(1, 1 << 30))


def timed(fetch, path: str, opener=None) -> Fetch:
    """Call ``fetch(path)`` (returning status and bytes) and time it; with ``opener`` (the client's),
    the request carries a new ``X-Bench-Id`` that the access log repeats."""
    tag = str(next(_tags))
    headers = opener.addheaders if opener is not None else []
    if opener is not None:
        opener.addheaders = [*headers, ("X-Bench-Id", tag)]
    try:
        began = time.perf_counter()
        status, size = fetch(path)
        return Fetch(path, status, time.perf_counter() - began, size, tag)
    finally:
        if opener is not None:
            opener.addheaders = headers


def read_workers(log: Path, records: list["Click"]) -> None:
    """Fill each fetch's worker and server time from gunicorn's access log (``LOG_FORMAT``)."""
    seen = {tag: (pid, int(ms)) for pid, tag, _, ms in LOG_LINE.findall(log.read_text(errors="replace"))}
    for record in records:
        for fetch in record.fetches:
            if fetch.tag in seen:
                fetch.worker, fetch.server_ms = seen[fetch.tag][0], seen[fetch.tag][1]


def click(user: Browser, path: str, record: Click) -> None:
    """``user`` opens ``path``: the page, then each static file it links that the cache cannot answer,
    one after the other; each request goes to ``record.fetches``."""
    page = timed(user.fetch_page, path, user.opener)
    record.fetches.append(page)
    if page.status != 200:
        raise RuntimeError(f"{path} answered HTTP {page.status}")
    for asset in dict.fromkeys(ASSET.findall(user.last_html)):
        if user.kept.get(asset, 0) > time.monotonic():
            continue
        record.fetches.append(timed(user.fetch, asset, user.opener))


def sign_in(user: Browser) -> Click:
    """Sign ``user`` in as a browser does (the login page, the static files it links, the POST);
    return the requests made, timed."""
    record = Click(0, 0, "/login")
    click(user, "/login", record)
    token = TOKEN_RE.search(user.last_html)
    form = {"username": user.username, "password": user.password, "csrf_token": token.group(1) or token.group(2)}
    posted = timed(lambda path: (user.request(path, form)[0], 0), "/login", user.opener)
    if posted.status != 302:
        raise RuntimeError(f"{user.username}: login answered HTTP {posted.status}")
    record.fetches.append(posted)
    return record


def print_breakdown(records: list[Click], logins: list[Click], slowest: int) -> None:
    """Where the time of the clicks went (see the module's docstring)."""
    def cells(values: list[float]) -> str:
        return (f"{len(values):>5} {percentile(values, 50) * 1000:>8.1f} {percentile(values, 95) * 1000:>8.1f} "
                f"{max(values) * 1000:>8.1f}")

    print(f"\nslowest {slowest} clicks (user, click number, page): each request in order, ms "
          f"(KB, the worker's pid, ms spent in the worker)")
    for record in sorted(records, key=lambda r: r.seconds, reverse=True)[:slowest]:
        parts = ", ".join(f"{f.path.split('?')[0].rsplit('/', 1)[-1] or f.path} {f.seconds * 1000:.1f} "
                          f"({f.size / 1024:.0f} KB{f', worker ' + f.worker if f.worker else ''}"
                          f"{f', {f.server_ms:.0f} ms in it' if f.server_ms is not None else ''})"
                          for f in record.fetches)
        print(f"  {record.seconds * 1000:7.1f} ms  user {record.user} #{record.number} {record.path}: {parts}")
    print(f"\n{'requests of the clicks':36} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    numbers = sorted({r.number for r in records})
    for number in numbers:
        mine = [r for r in records if r.number == number]
        print(f"{f'click #{number} ({mine[0].path})':36} {cells([r.seconds for r in mine])}")
    pages = [r.fetches[0].seconds for r in records]
    statics = [f.seconds for r in records for f in r.fetches[1:]]
    print(f"{'pages alone':36} {cells(pages)}")
    if statics:
        print(f"{'static files':36} {cells(statics)}")
    with_files = [r.seconds for r in records if len(r.fetches) > 1]
    without = [r.seconds for r in records if len(r.fetches) == 1]
    if with_files:
        print(f"{'clicks that fetched static files':36} {cells(with_files)}")
    if without:
        print(f"{'clicks answered by the page alone':36} {cells(without)}")
    firsts = {}
    for record in records:
        for fetch in record.fetches[:1]:
            if fetch.worker:
                firsts.setdefault((fetch.worker, record.path), []).append(fetch.seconds)
    if firsts:
        first = [times[0] for times in firsts.values()]
        again = [t for times in firsts.values() for t in times[1:]]
        print(f"{'a page, first time in its worker':36} {cells(first)}")
        if again:
            print(f"{'a page, again in the same worker':36} {cells(again)}")
    print(f"{'sign-in (not a click; see above)':36} {cells([r.seconds for r in logins])}  "
          f"{statistics.mean(sum(f.size for f in r.fetches) for r in logins) / 1024:.0f} KB, "
          f"{statistics.mean(len(r.fetches) for r in logins):.1f} requests")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4, as gunicorn.conf.py "
                        "on this machine); GUNICORN_THREADS in the environment sets their threads")
    parser.add_argument("--breakdown", action="store_true",
                        help="print the slowest clicks request by request, and p50/p95 per click number and kind")
    parser.add_argument("--bare-login", action="store_true",
                        help="sign in with the form alone (the login page's static files are then fetched by the "
                             "first click, as this script did before 2026-12-03)")
    parser.add_argument("--database", help="an empty database to seed and serve (a PostgreSQL URL); "
                        "default a new SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tracker-seed-clicks-") as scratch:
        folder = Path(scratch)
        url, passwords = seed(folder, args.database)
        if args.breakdown:
            os.environ["GUNICORN_CMD_ARGS"] = f"--access-logformat '{LOG_FORMAT}'"
        with serving(url, folder, args.workers) as (_, base):
            clicks, records, logins = Timings([]), [], []
            for number in range(1, args.users + 1):
                user = Browser(base, "duban", passwords["duban"])
                if not args.bare_login:
                    logins.append(sign_in(user))
                else:
                    began = time.perf_counter()
                    user.login()
                    logins.append(Click(number, 0, "/login", [Fetch("/login", 302, time.perf_counter() - began, 0)]))
                for order, path in enumerate(CLICKS, 1):
                    record = Click(number, order, path)
                    records.append(record)
                    clicks += time_calls(lambda: click(user, path, record), 1, floor=lambda: user.request(FLOOR))
        if args.breakdown:
            read_workers(folder / "gunicorn.log", records)

    sizes = [sum(f.size for f in r.fetches) for r in records]
    requests = [len(r.fetches) for r in records]
    floor50, floor95 = clicks.floor(50), clicks.floor(95)
    p50, p95 = clicks.median, clicks.p95
    threads = os.environ.get("GUNICORN_THREADS", "")
    print(f"seed plan (16 tasks), {args.users} new users × {len(CLICKS)} clicks, gunicorn {args.workers} new workers"
          f"{f' × {threads} threads' if threads else ''}, {'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}")
    print(f"{'row':36} {'p50 ms':>8} {'p95 ms':>8} {'p50 ×floor':>10} {'p95 ×floor':>10} {'KB/click':>8} {'req/click':>9}")
    print(f"{'floor /livez':36} {floor50 * 1000:>8.1f} {floor95 * 1000:>8.1f} {1:>10.1f} {1:>10.1f}")
    print(f"{'click (page + static files it needs)':36} {p50 * 1000:>8.1f} {p95 * 1000:>8.1f} {p50 / floor50:>10.1f} "
          f"{p95 / floor95:>10.1f} {statistics.mean(sizes) / 1024:>8.0f} {statistics.mean(requests):>9.1f}")
    print(f"click p95 {p95 * 1000:.0f} ms: target < {TARGET_P95_MS} ms {'met' if p95 * 1000 < TARGET_P95_MS else 'MISSED'}")
    if args.breakdown:
        print_breakdown(records, logins, slowest=max(3, len(records) // 10))


if __name__ == "__main__":
    main()
