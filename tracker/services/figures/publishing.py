"""Publishing the periodic 通报 (发布通报): the supervising office issues a period's bulletin to the units.

The bulletin page (/bulletin) shows a period's 通报 computed from the live data (services/figures/bulletin.py).
``publish_bulletin`` keeps that bulletin as it is at that moment, with its .docx and .xlsx as written then, who
published it and when (models/bulletins.PublishedBulletin), and tells every account of every unit with a task
that may read it (services/notifications.unit_audience: liaisons and unit leaders), in one transaction. Publishing the same period again makes the next
version (第2版 …) and says which one it replaces; nothing published is ever changed or removed.

Rules: who may publish, who may read: services/permissions.can_publish_bulletin, can_read_published_bulletins.
The web (dashboard/published.py), the JSON API (api/routes.py, /api/v1/bulletins) and the command line
(``bulletin --publish``, ``published-bulletins``: cli/figures.py) all call the functions here.
What is published is what was previewed: the publish form carries the fingerprint of the bulletin the page showed
(``fingerprint``); when the figures moved in between, nothing is published and the office is asked to look again.
A second press on the same figures (a double click, or nothing changed since the last version) publishes nothing.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, undefer

from ...bulletin import Bulletin
from ...clock import to_beijing
from ...database import write_transaction
from ...extensions import db
from ...models import Assignment, PublishedBulletin, Task, Unit, User
from ...periods import Period, download_name
from ..errors import InvalidInput, NotFound
from ..notifications import Kind, notify_units
from ..permissions import (PUBLISH_BULLETIN_MESSAGE, can_publish_bulletin, can_read_published_bulletins,
                           require)
from .bulletin import build_bulletin

#: What someone who may not read the published 通报 is told.
READ_MESSAGE = "已发布的通报只对各单位和督办部门开放。"
#: How many published 通报 the liaison's home lists (the newest; the rest on /bulletins).
HOME_LIMIT = 3


#: What anyone publishing is told when the figures moved after the preview it names (``publish_bulletin``'s ``seen``);
#: the web adds where to look again (``BulletinChanged``), the API its own next step (api/routes.publish_bulletin).
CHANGED_MESSAGE = "预览之后通报的内容已有变化（有新的进展、办结或修改，或日期已变），本次没有发布。"


class BulletinChanged(InvalidInput):
    """The bulletin's figures changed between the preview and 发布通报: nothing was published. Its message is the
    web page's (CHANGED_MESSAGE and the button to press again)."""


def fingerprint(data: dict) -> str:
    """Return the fingerprint of a bulletin's data (``Bulletin.to_data``): a SHA-256 hex digest of its JSON with
    sorted keys; equal data, equal fingerprint. The publish form carries the previewed bulletin's."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bulletin_fingerprint(bulletin: Bulletin) -> str:
    """Return ``fingerprint(bulletin.to_data())``, kept in ``bulletin.rendered`` (which a kept bulletin shares with its
    copies: services/figures/bulletin.py) for the indicator sections it was computed with, since those are read
    again on every request: the preview of a large bulletin does not serialise its thousands of lines each time."""
    extra = repr((bulletin.shortfalls, bulletin.overall, bulletin.rules, bulletin.issued_on, bulletin.demo_note))
    kept = bulletin.rendered.get("fingerprint")
    if kept is not None and kept[0] == extra:
        return kept[1]
    value = fingerprint(bulletin.to_data())
    bulletin.rendered["fingerprint"] = (extra, value)
    return value


@dataclass(frozen=True)
class Published:
    """The outcome of ``publish_bulletin``: the ``row`` published (or, when ``repeated``, the version already
    published with the same figures, and nothing new was stored), and ``replaces``, the version it supersedes
    (None for a first publication)."""

    row: PublishedBulletin
    replaces: int | None
    repeated: bool = False

    @property
    def message(self) -> str:
        """The sentence the page flashes after 发布通报."""
        row = self.row
        if self.repeated:
            return (f"{row.period_label}通报与已发布的{row.version_label}完全相同，没有重复发布。"
                    "数据有变化后可再次发布新的版本。")
        if self.replaces:
            return (f"已发布{row.period_label}通报{row.version_label}，替代第{self.replaces}版"
                    f"（第{self.replaces}版仍保留可查），并已通知各单位（联络员、单位负责人）。")
        return f"已发布{row.period_label}通报（{row.version_label}），并已通知各单位（联络员、单位负责人）。"


def publish_bulletin(user: User, period: Period, today: date, seen: str | None = None) -> Published:
    """Publish the 通报 of ``period`` as ``user`` (the supervising office, an admin) on Beijing date ``today``.

    ``seen``: the fingerprint of the bulletin the caller saw (``bulletin_fingerprint``: the web page's form, the API's
    optional ``fingerprint`` from ``GET /api/v1/bulletins/preview``); when the bulletin computed now has another,
    raises BulletinChanged and publishes nothing. None publishes what is computed now (the command line, an API
    call without one).
    Stores the bulletin's data, its .docx and .xlsx, who and when, as the next version of the period, and notifies
    every unit with a live task (its liaisons and leaders: ``_notify``), in one transaction. When the newest version of the period holds
    the same data, stores nothing and returns it with ``repeated``.
    Raises PermissionDenied for anyone else (can_publish_bulletin), InvalidInput for a period not begun, or when
    someone else published the same period at the same moment (nothing stored).
    """
    from ... import bulletin as writers  # python-docx and openpyxl: only when publishing

    require(can_publish_bulletin(user), PUBLISH_BULLETIN_MESSAGE)
    bulletin = build_bulletin(user, period, today)
    data = bulletin.to_data()
    if seen is not None and seen != bulletin_fingerprint(bulletin):
        raise BulletinChanged(CHANGED_MESSAGE + "请核对下面更新后的通报，再按“发布通报”。")
    latest = db.session.scalar(select(PublishedBulletin).options(undefer(PublishedBulletin.data))
                               .where(PublishedBulletin.period_key == period.key)
                               .order_by(PublishedBulletin.version.desc()).limit(1))
    if latest is not None and fingerprint(latest.data) == fingerprint(data):
        return Published(latest, None, repeated=True)
    docx, xlsx = writers.write_docx(bulletin), writers.write_xlsx(bulletin)
    try:
        with write_transaction():
            version = (db.session.scalar(select(func.max(PublishedBulletin.version))
                                         .where(PublishedBulletin.period_key == period.key)) or 0) + 1
            row = PublishedBulletin(period_key=period.key, version=version, title=bulletin.title,
                                    number=bulletin.number, period_label=bulletin.period_label,
                                    as_of=bulletin.as_of, published_by_id=user.id, data=data, docx=docx, xlsx=xlsx)
            db.session.add(row)
            db.session.flush()
            _notify(row, bulletin)
    except IntegrityError:
        raise InvalidInput(f"{period.label}通报刚刚已由他人发布了同一版本，本次没有发布。"
                           "请刷新页面查看已发布的版本，确有需要再发布新的版本。") from None
    return Published(row, version - 1 or None)


def _notify(row: PublishedBulletin, bulletin: Bulletin) -> None:
    """Tell every unit with a live task that ``row`` was published (in the caller's transaction): each account
    of the unit that may read it (services/notifications.unit_audience), with a link to it
    (Notification.bulletin_id)."""
    units = db.session.scalars(select(Assignment.unit_id).join(Task, Task.id == Assignment.task_id)
                               .join(Unit, Unit.id == Assignment.unit_id)
                               .where(Task.withdrawn_at.is_(None), Unit.merged_into_id.is_(None)).distinct())
    text = f"{bulletin.office}发布了《{row.title}》（{row.number}，{row.version_label}"
    text += f"，替代第{row.version - 1}版）。" if row.version > 1 else "）。"
    text += "请查阅本单位的排名和未报送、逾期事项，按要求抓紧办理。"
    for notification in notify_units(list(units), Kind.BULLETIN_PUBLISHED, text):
        notification.bulletin_id = row.id


def published_bulletins(user: User, limit: int | None = None) -> list[PublishedBulletin]:
    """Return the published 通报 ``user`` may read, newest first (by period, then version), at most ``limit``
    (None: all), without their data and files. Raises PermissionDenied (can_read_published_bulletins)."""
    require(can_read_published_bulletins(user), READ_MESSAGE)
    query = select(PublishedBulletin).options(joinedload(PublishedBulletin.published_by)) \
        .order_by(PublishedBulletin.published_at.desc(), PublishedBulletin.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def latest_versions(rows: list[PublishedBulletin]) -> dict[str, int]:
    """Return ``{period key: newest version}`` among ``rows`` (to mark the superseded ones in a list)."""
    newest: dict[str, int] = {}
    for row in rows:
        newest[row.period_key] = max(newest.get(row.period_key, 0), row.version)
    return newest


def versions_of(period_key: str) -> list[PublishedBulletin]:
    """Return the published versions of the period ``period_key``, first to last (without data and files)."""
    return list(db.session.scalars(select(PublishedBulletin).options(joinedload(PublishedBulletin.published_by))
                                   .where(PublishedBulletin.period_key == period_key)
                                   .order_by(PublishedBulletin.version)))


def get_published(user: User, bulletin_id: int) -> PublishedBulletin:
    """Return the published 通报 ``bulletin_id``. NotFound for an unknown id; PermissionDenied for a user who may
    not read it (can_read_published_bulletins)."""
    require(can_read_published_bulletins(user), READ_MESSAGE)
    row = db.session.get(PublishedBulletin, bulletin_id)
    if row is None:
        raise NotFound("该通报不存在。请从“已发布通报”列表重新进入。")
    return row


def describe(row: PublishedBulletin, newest: dict[str, int]) -> dict:
    """Return what the lists outside the browser say of ``row`` (the API's PublishedBulletin, the command
    ``published-bulletins``): ``id``, ``period`` (key, as ``bulletin --period`` takes it), ``period_label``,
    ``version`` and ``version_label`` (第2版), ``latest`` (False once a later version of its period is in
    ``newest``: ``latest_versions``), ``title``, ``number`` (文号), ``as_of`` (统计截至, YYYY-MM-DD),
    ``published_at`` (Beijing time, ISO 8601 with +08:00), ``published_by`` (user name) and ``published_by_name``."""
    author = row.published_by
    return {"id": row.id, "period": row.period_key, "period_label": row.period_label, "version": row.version,
            "version_label": row.version_label, "latest": newest.get(row.period_key, row.version) <= row.version,
            "title": row.title, "number": row.number, "as_of": row.as_of.isoformat(),
            "published_at": to_beijing(row.published_at).isoformat(),
            "published_by": author.username if author else None,
            "published_by_name": (author.display_name or author.username) if author else None}


#: The files a published 通报 is kept as (the column of models/bulletins.PublishedBulletin of each).
FILE_FORMATS = ("docx", "xlsx")


def published_file(user: User, bulletin_id: int, extension: str) -> tuple[bytes, str]:
    """Return ``(bytes, file name)`` of the published 通报 ``bulletin_id`` as ``extension`` ("docx" or "xlsx"): the
    file exactly as it was written when it was published. NotFound / PermissionDenied as ``get_published``;
    ValueError for another extension (a caller's mistake)."""
    if extension not in FILE_FORMATS:
        raise ValueError(f"unknown published bulletin format {extension!r}")
    row = get_published(user, bulletin_id)
    return getattr(row, extension), published_filename(row, extension)


def find_version(user: User, period: Period, version: int | None = None) -> PublishedBulletin:
    """Return the published 通报 of ``period``: its ``version`` (1, 2 …), or the newest when None.
    NotFound, saying which versions there are, when the period has none or not that one; PermissionDenied as
    ``published_bulletins``."""
    require(can_read_published_bulletins(user), READ_MESSAGE)
    rows = versions_of(period.key)
    if not rows:
        raise NotFound(f"{period.label}的通报还没有发布。")
    if version is None:
        return rows[-1]
    for row in rows:
        if row.version == version:
            return row
    raise NotFound(f"{period.label}的通报没有第{version}版：已发布第1版至第{rows[-1].version}版。")


def published_filename(row: PublishedBulletin, extension: str) -> str:
    """Return the file name offered for a published 通报's download, e.g. 督办通报-2026年10月-第2版.docx
    (periods.download_name)."""
    return download_name("督办通报", row.period_key, f".{extension}", f"-{row.version_label}")


def published_content(row: PublishedBulletin) -> Bulletin:
    """Return the bulletin ``row`` holds, as it was published (``Bulletin.from_data``)."""
    return Bulletin.from_data(row.data)


@dataclass(frozen=True)
class PreparingPeriod:
    """The month whose 通报 the office is most likely preparing (``preparing_period``) and why, in the page's words."""

    period: Period
    reason: str


def preparing_period(today: date) -> PreparingPeriod:
    """The month whose 通报 the supervising office is most likely preparing on ``today`` (Beijing date): the latest
    month whose report day has passed, the units' reports of it all due (the latest due day of that month over the
    monthly plans that owe reports for it, periods.report_due: the day the 通报's ranking counts
    reports by; a plan owes none for a month whose report day came on or before its import, ranking.owes_report),
    unless that month is published already: then this month, the next to prepare. This month too when no earlier month owed any report (a first start). On 6 December with reports due on the 25th: November until its
    通报 is published, then December. The 通报 page and its downloads open on it when no period is asked for;
    ``reason`` says why, in the page's words ("2026年11月的报送日（11月25日）已过，该月通报尚未发布")."""
    from ...models import Plan, ReportCycle, TaskStatus
    from ...periods import period_containing, report_due
    from .facts import duty_start
    from .ranking import owes_report

    plans = db.session.execute(select(Plan.report_cycle, Plan.report_day, Plan.created_at)
                               .where(Plan.report_cycle == ReportCycle.MONTHLY)).all()

    def due(month: Period) -> date | None:
        """The month's last report day over the plans that owe a report for it; None when none does."""
        return max((report_due(plan, month) for plan in plans
                    if owes_report(TaskStatus.ASSIGNED, None, month, report_due(plan, month),
                                   duty_start(None, plan.created_at))), default=None)

    this_month = period_containing("monthly", today)
    this_due = due(this_month)
    if this_due is not None and this_due < today:
        return PreparingPeriod(this_month, f"{this_month.label}的报送日（{this_due.month}月{this_due.day}日）已过")
    month = this_month.previous()
    day = due(month)
    upcoming = f"本月报送日为{this_due.month}月{this_due.day}日" if this_due else "本月尚无按月报送的任务"
    if day is None:
        return PreparingPeriod(this_month, f"此前没有应报送进展的月份；{upcoming}")
    if versions_of(month.key):
        return PreparingPeriod(this_month, f"{month.label}通报已发布；{upcoming}")
    return PreparingPeriod(month, f"{month.label}的报送日（{day.month}月{day.day}日）已过，该月通报尚未发布")
