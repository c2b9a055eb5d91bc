"""Dates typed by users and dates written for them: one parser for every form field and query-string filter, and
one way the pages, files, notices and reminders write a day in Chinese (``chinese_date``, ``deadline_with_due``).

Pure (no Flask, no database). A date is written as in the ledgers and on the forms,
``2027-03-31`` (ISO 8601, what ``<input type="date">`` sends); an empty field means "no date".
"""
from __future__ import annotations

from datetime import date

DATE_EXAMPLE = "2027-03-31"


class DateInputError(ValueError):
    """A typed date could not be read. ``caption``: the field's Chinese caption; ``text``: what was typed.

    ``str(error)`` is a Chinese sentence naming the field and the expected form.
    """

    def __init__(self, caption: str, text: str):
        super().__init__(f"“{caption}”的“{text}”不是有效日期，请按 {DATE_EXAMPLE} 的格式填写，或留空。")
        self.caption = caption
        self.text = text


def parse_user_date(text: str | None, caption: str) -> date | None:
    """Return the date written in ``text``, or None when ``text`` is empty or only spaces.

    Accepts what ``date.fromisoformat`` reads (``2027-03-31``, also ``20270331``), after stripping
    spaces. Raises DateInputError (a ValueError) naming ``caption`` when ``text`` is not a date,
    e.g. ``2027-13-45`` or ``明年``.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateInputError(caption, text) from None


def chinese_date(value: date | None) -> str:
    """Return ``value`` as documents write a day ("2026年10月31日": year, month and day in Arabic figures without
    leading zeros), or "" for None."""
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def deadline_with_due(deadline: str | None, due_date: date | None) -> str:
    """A task's 完成时限 as a page or a printed 催办单 writes it: the deadline as written, then the day it falls due in
    brackets where the words do not already say that day ("2027年6月底前（2027年6月30日）", but "2027年6月30日前
    （督办部门确定）" alone); the day alone without words, "—" when neither is known."""
    due = chinese_date(due_date)
    if not deadline:
        return due or "—"
    return f"{deadline}（{due}）" if due and due not in deadline else deadline
