"""Ledger imports (导入台账) as records: who, when, which file, what state."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db
from .enums import ImportState, _enum_column

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Plan
    from .units import Unit


class ImportRecord(db.Model):
    """One applied ledger import (台账导入记录): who, when, which file, what it changed (issue #4).

    ``batch`` is the id its journal entries carry; ``sha256`` the file's digest, and
    ``active_sha256`` the same while the import is applied (NULL once reverted): its unique
    constraint keeps one file from being applied twice, even by two requests at once.
    ``created_plan_id`` is the plan the import created, if any; a plain integer, not a foreign key,
    so that the record outlives the plan when a revert deletes it. ``report_unit_id``: the unit its
    progress reports were filed under (None when each row's lead unit reported).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    active_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    mode: Mapped[str] = mapped_column(String(20))
    rows_read: Mapped[int] = mapped_column(default=0)
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    conflict_count: Mapped[int] = mapped_column(default=0)
    skipped_count: Mapped[int] = mapped_column(default=0)
    state: Mapped[ImportState] = mapped_column(_enum_column(ImportState), default=ImportState.APPLIED)
    created_plan_id: Mapped[int | None]
    target_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    report_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    reverted_at: Mapped[datetime | None]
    reverted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    user: Mapped["User | None"] = relationship(foreign_keys=[user_id])
    reverted_by: Mapped["User | None"] = relationship(foreign_keys=[reverted_by_id])
    report_unit: Mapped[Unit | None] = relationship()
    target_plan: Mapped[Plan | None] = relationship()
