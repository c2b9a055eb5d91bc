"""Users, their failed sign-ins (the throttle's memory) and their API tokens."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .. import clock
from ..extensions import db
from .enums import Role, _enum_column

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .units import Unit


class User(UserMixin, db.Model):
    """A person who signs in: a liaison of one unit, the supervising office, a viewer, an admin."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(_enum_column(Role))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Where reminders (催办) are e-mailed when mail is switched on (MAIL_ENABLED); optional.
    email: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    # Bumped by logout, a password change, a disable, a role change or a move to another unit: every
    # session signed in under an older value ends at its next request (SECURITY-TESTS.md B3, B4, A8).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Set for accounts whose password someone else generated (demo seed, an admin): every page leads to
    # the password-change page until the user has chosen their own (B9).
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    unit: Mapped[Unit | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        """Flask-Login's question: False for a disabled account (``active``), which then cannot sign in."""
        return self.active

    def get_id(self) -> str:
        """Return what Flask-Login keeps in the session: "ID:SESSION_VERSION" (see auth/sessions.py)."""
        return f"{self.id}:{self.session_version}"

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of ``password`` (werkzeug's default method)."""
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        """Return True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def sees_everything(self) -> bool:
        """True for the supervising office, admins and viewers: they see every plan and task."""
        return self.role in (Role.ADMIN, Role.SUPERVISOR, Role.VIEWER)


class LoginFailure(db.Model):
    """One failed sign-in, kept for the throttle (services/accounts/throttles.py), shared by all workers.

    ``username`` is what was typed (at most 80 characters, the form's limit), known user or not;
    ``ip`` the client's address. Rows older than a day are pruned as new failures come in.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    ip: Mapped[str | None] = mapped_column(String(45), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)


class ApiToken(db.Model):
    """A bearer token for the JSON API (/api/v1/), acting with its user's rights (CONTRACTS.md §6).

    Only the SHA-256 of the token is stored (``token_hash``); the token itself is shown once when
    created. ``prefix`` (its first characters) names it in listings. A revoked token
    (``revoked_at`` set) is refused, as is any token of a disabled user.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
