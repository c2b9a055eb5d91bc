"""Time as the tracker keeps it: stored in UTC, shown and dated in Beijing time (UTC+8).

The one clock: other modules import this module and call ``clock.beijing_today()`` and ``clock.utcnow()`` at each
use (never ``from ..clock import beijing_today`` or ``utcnow``, tests/unit/test_one_clock.py), so that setting the day
here sets it everywhere (the tests move it with ``monkeypatch.setattr(tracker.clock, "beijing_today", ...)`` or
``"utcnow"``); the models' column defaults call ``stored_now``, which asks ``utcnow`` at each insert.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))


def utcnow() -> datetime:
    """Return the current time as a naive UTC datetime (the stored form)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def stored_now() -> datetime:
    """Return ``utcnow()`` as read at this call (a naive UTC datetime): the column default of every stored time
    (``Task.created_at``, ``JournalEntry.created_at`` …). A default bound to ``utcnow`` itself kept the real clock when
    the tests moved the app's (workflow50: the journal's 分解 line dated a split by the real day while the split part's
    start of duty, ``Task.created_at``, had the app's)."""
    return utcnow()


def beijing_today() -> date:
    """Return today's date in Beijing, the date offices write on ledgers (填报日期)."""
    return datetime.now(BEIJING).date()


def to_beijing(value: datetime) -> datetime:
    """Return the stored naive-UTC ``value`` as an aware Beijing datetime."""
    return value.replace(tzinfo=timezone.utc).astimezone(BEIJING)
