"""Published bulletins (已发布的通报): what the supervising office issued to the units, version by version.

The bulletin page (/bulletin) computes a period's 通报 from the live data on every request; pressing 发布通报 keeps
that bulletin as it was at that moment (services/figures/publishing.py). A row is never changed afterwards:
publishing the same period again adds the next ``version`` (第2版), and the earlier one stays, marked as
superseded on its page.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User


class PublishedBulletin(db.Model):
    """One published version of a period's 通报.

    ``period_key``: the period as ``bulletin --period`` takes it (2026-10, 2026-Q4); ``version``: 1 for the
    first publication of that period, then 2, 3 … (unique together: two people publishing at once cannot
    both get the same version). ``title``, ``number`` (文号), ``period_label`` and ``as_of`` (统计截至) are
    copied out of ``data`` for the lists. ``data``: the whole bulletin, figures, ranking and tables, as
    tracker/bulletin/model.Bulletin.to_data gives it (its page is rendered from it). ``docx`` and ``xlsx``:
    the files exactly as they were written when it was published (downloads hand out these bytes).
    ``published_by_id`` / ``published_at`` (naive UTC): who pressed 发布通报, and when.
    """

    __table_args__ = (UniqueConstraint("period_key", "version", name="uq_published_bulletin_period_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_key: Mapped[str] = mapped_column(String(10), index=True)
    version: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(200))
    period_label: Mapped[str] = mapped_column(String(50))
    as_of: Mapped[date]
    published_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
    published_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    data: Mapped[dict] = mapped_column(JSON, deferred=True)
    docx: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    xlsx: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    published_by: Mapped["User"] = relationship()

    @property
    def version_label(self) -> str:
        """The version as the pages say it: 第1版, 第2版 …"""
        return f"第{self.version}版"
