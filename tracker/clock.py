"""Time as the tracker keeps it: stored in UTC, shown and dated in Beijing time (UTC+8).

The one clock: other modules import this module and call ``clock.beijing_today()`` at each use (never
``from ..clock import beijing_today``, tests/unit/test_one_clock.py), so that setting the day here sets
it everywhere (the tests move it with ``monkeypatch.setattr(tracker.clock, "beijing_today", ...)``).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))


def utcnow() -> datetime:
    """Return the current time as a naive UTC datetime (the stored form)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def beijing_today() -> date:
    """Return today's date in Beijing, the date offices write on ledgers (填报日期)."""
    return datetime.now(BEIJING).date()


def to_beijing(value: datetime) -> datetime:
    """Return the stored naive-UTC ``value`` as an aware Beijing datetime."""
    return value.replace(tzinfo=timezone.utc).astimezone(BEIJING)
