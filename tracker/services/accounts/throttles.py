"""Login throttling shared by every worker process: failed sign-ins are rows in the database.

Rule (SECURITY-TESTS.md B6, ASVS 6.3.1): once a user name has ``max_failures`` failed
sign-ins within ``window``, every further attempt for that name is refused (HTTP 429)
until the oldest of them leaves the window, whether the user exists or not and whatever
password is tried; one client address may fail ``max_per_ip`` times in the window,
whatever names it tries. A successful sign-in clears the name's failures. Because the
count lives in the database, it holds across gunicorn workers and restarts.

Check and count are one atomic step (issue 14 item 4: 30 parallel wrong passwords got 17
checked): ``reserve_attempt`` counts and, if the attempt may go on, stores it as a failure in
the same write transaction (BEGIN IMMEDIATE on SQLite; a transaction-scoped advisory lock on
PostgreSQL), before the password is checked. A right password then removes the row
(``release_attempt``/``clear_failures``); a wrong one leaves it. So at most ``max_failures``
passwords are ever checked per window, however many requests arrive at once. The same
reservation guards the current-password check of the password page.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text

from ...database import write_transaction
from ...extensions import db
from ...models import LoginFailure

# Failures older than this are deleted as new ones come in (the window is minutes, not days).
KEEP_FOR = timedelta(days=1)
MAX_NAME = 80


def is_throttled(username: str, ip: str | None, now: datetime, window: timedelta,
                 max_failures: int, max_per_ip: int) -> bool:
    """Return True when ``username`` (or the address ``ip``) has used up its failures in ``window``.

    ``now`` is naive UTC (clock.utcnow). Reads only.
    """
    since = now - window
    by_name = db.session.scalar(select(func.count(LoginFailure.id)).where(
        LoginFailure.username == username[:MAX_NAME], LoginFailure.created_at > since))
    if by_name >= max_failures:
        return True
    if ip is None:
        return False
    by_ip = db.session.scalar(select(func.count(LoginFailure.id)).where(
        LoginFailure.ip == ip, LoginFailure.created_at > since))
    return by_ip >= max_per_ip


#: The PostgreSQL advisory lock that serialises reservations (any constant 64-bit number).
_ADVISORY_LOCK = 0x6C6F67696E5F7468  # "login_th"


def reserve_attempt(username: str, ip: str | None, now: datetime, window: timedelta,
                    max_failures: int, max_per_ip: int) -> int | None:
    """Atomically check the throttle and count this attempt; commit.

    Returns None when ``username`` or ``ip`` has used up its failures in ``window`` (answer
    429, check no password); else the id of the failure row stored for this attempt, to pass to
    ``release_attempt`` when the password turns out right (or the attempt did not test one).
    ``now`` is naive UTC. Concurrent callers are serialised by the database.
    """
    with write_transaction():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
        if is_throttled(username, ip, now, window, max_failures, max_per_ip):
            return None
        row = LoginFailure(username=username[:MAX_NAME], ip=ip, created_at=now)
        db.session.add(row)
        db.session.execute(delete(LoginFailure).where(LoginFailure.created_at < now - KEEP_FOR))
        db.session.flush()
        attempt_id = row.id
    return attempt_id


def release_attempt(attempt_id: int) -> None:
    """Remove the failure row ``reserve_attempt`` stored (the attempt was no failure); commit."""
    with write_transaction():
        db.session.execute(delete(LoginFailure).where(LoginFailure.id == attempt_id))


def record_failure(username: str, ip: str | None, now: datetime) -> None:
    """Store one failed sign-in for ``username`` from ``ip`` at ``now``, prune old rows, and commit."""
    with write_transaction():
        db.session.add(LoginFailure(username=username[:MAX_NAME], ip=ip, created_at=now))
        db.session.execute(delete(LoginFailure).where(LoginFailure.created_at < now - KEEP_FOR))


def clear_failures(username: str) -> None:
    """Forget the failures of ``username`` after it signed in successfully, and commit (writes only if any)."""
    name = username[:MAX_NAME]
    if db.session.scalar(select(LoginFailure.id).where(LoginFailure.username == name).limit(1)) is None:
        return
    with write_transaction():
        db.session.execute(delete(LoginFailure).where(LoginFailure.username == username[:MAX_NAME]))
