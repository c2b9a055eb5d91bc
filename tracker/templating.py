"""Template filters and globals: Beijing time, Chinese dates, status colours."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask

from .clock import to_beijing
from .models import STATUS_LABELS, TaskStatus
from .vocabulary.numbering import render_number

STATUS_BADGES = {
    TaskStatus.ASSIGNED: "text-bg-secondary",
    TaskStatus.ACKNOWLEDGED: "text-bg-info",
    TaskStatus.IN_PROGRESS: "text-bg-primary",
    TaskStatus.CLOSE_REQUESTED: "text-bg-warning",
    TaskStatus.CLOSED: "text-bg-success",
}


def beijing_time(value: datetime | None) -> str:
    """Format a stored naive-UTC datetime as Beijing time, e.g. "2026-11-21 22:05"."""
    if value is None:
        return ""
    return to_beijing(value).strftime("%Y-%m-%d %H:%M")


def chinese_date(value: date | None) -> str:
    """Format a date the way documents write it, e.g. "2016年6月20日"."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def beijing_date(value: datetime | None) -> str:
    """Format a stored naive-UTC datetime as its Beijing calendar date, e.g. "2026年11月21日"."""
    if value is None:
        return ""
    return chinese_date(to_beijing(value).date())


def register(app: Flask) -> None:
    """Register the filters and globals on ``app``."""
    app.add_template_filter(beijing_time, "beijing_time")
    app.add_template_filter(render_number, "number")  # a path as its 序号 (vocabulary/numbering.py)
    app.add_template_filter(chinese_date, "chinese_date")
    app.add_template_filter(beijing_date, "beijing_date")
    app.jinja_env.globals.update(STATUS_LABELS=STATUS_LABELS, STATUS_BADGES=STATUS_BADGES)
