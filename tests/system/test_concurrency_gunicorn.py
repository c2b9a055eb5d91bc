"""F3 with real processes: two clients race on one task through gunicorn; one winner per version."""
from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select

from bench.load import _Client
from tests.helpers.reports import task_id
from tests.helpers.servers import fetch, gunicorn
from tracker.extensions import db
from tracker.models import JournalEntry, ProgressReport, Task


def test_concurrency_two_clients_on_gunicorn_get_one_winner_per_version(app, seeded_template, tmp_path,
                                                                       drill_log):
    """F3: gunicorn with 2 workers; two clients send 50 reports each with the version they last read."""
    tid = task_id(app, ["一", "（三）"])
    log = tmp_path / "gunicorn.log"
    rounds = 50
    outcomes: list[tuple[str, int, str, int]] = []  # (client, status, version read, round)
    errors: list[str] = []
    both_read, both_posted = threading.Barrier(2, timeout=60), threading.Barrier(2, timeout=60)

    def work(base: str, username: str) -> None:
        client = _Client(base, username, seeded_template.passwords[username])
        try:
            client.login()
            for n in range(rounds):
                token, version = client.form(f"/tasks/{tid}")
                both_read.wait()  # both have read the same version …
                status, _ = client.request(f"/tasks/{tid}", {"progress": f"f3-{username}-{n}", "problems": "",
                                                             "next_steps": "", "status": "", "csrf_token": token,
                                                             "version": version})
                outcomes.append((username, status, version, n))
                both_posted.wait()  # … and both have posted before the next round reads again
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(f"{username}: {error!r}")
            both_read.abort()
            both_posted.abort()

    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, workers=2, log=log) as base:
        fetch(f"{base}/healthz")
        threads = [threading.Thread(target=work, args=(base, name)) for name in ("zjj", "rhygb")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    assert errors == [], errors
    statuses = Counter(status for _, status, _, _ in outcomes)
    drill_log(f"F3 on {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}: {dict(statuses)}")
    assert set(statuses) <= {302, 409}, log.read_text(errors="replace")[-3000:]
    winners = [(version, username, n) for username, status, version, n in outcomes if status == 302]
    assert len({version for version, _, _ in winners}) == len(winners)  # one winner per version
    assert len(winners) == rounds and statuses[409] == rounds  # each round: one saved, one conflict
    with app.app_context():
        db.session.remove()
        stored = db.session.scalars(select(ProgressReport.progress).where(ProgressReport.progress.like("f3-%"))).all()
        journalled = db.session.scalar(select(func.count(JournalEntry.id)).where(
            JournalEntry.task_id == tid, JournalEntry.field == "report"))
        version = db.session.get(Task, tid).version
    assert sorted(stored) == sorted(f"f3-{username}-{n}" for _, username, n in winners)
    assert journalled == len(winners)  # journal rows = successes
    assert version == 1 + len(winners)  # every saved report moved the version by one
