"""Login throttling shared by every worker process: failed sign-ins are rows in the database.

Rule (SECURITY-TESTS.md B6, ASVS 6.3.1): once a user name has ``max_failures`` failed
sign-ins within ``window``, every further attempt for that name is refused (HTTP 429)
until the oldest of them leaves the window, whether the user exists or not and whatever
password is tried; one client address may fail ``max_per_ip`` times in the window,
whatever names it tries. A successful sign-in clears the name's failures. Because the
count lives in the database, it holds across gunicorn workers and restarts. Attempts
that arrive at the very same moment may each pass the check before the other's failure
is stored (at most one extra attempt per worker); the next ones are refused.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

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
