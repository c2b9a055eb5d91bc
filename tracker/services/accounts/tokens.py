"""API tokens (CONTRACTS.md §6): create, check and revoke the bearer tokens of the JSON API.

A token is ``trk_`` followed by 43 random URL-safe characters (256 bits from ``secrets``). Only its
SHA-256 is stored, so a copy of the database reveals no usable token; a plain hash is enough for a
random secret of that length (no password to guess). The token acts with its user's rights.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select

from ... import clock
from ...extensions import db
from ...models import ApiToken, User
from ..errors import NotFound

TOKEN_PREFIX = "trk_"
#: last_used_at is refreshed at most this often, so that reads do not write on every request.
LAST_USED_PRECISION = timedelta(hours=1)


def token_hash(token: str) -> str:
    """Return the SHA-256 (hex) under which ``token`` is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(username: str) -> User:
    user = db.session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(f"没有用户“{username}”。请先用 create-user 创建该用户。")
    return user


def create_token(username: str, name: str = "") -> tuple[str, ApiToken]:
    """Create and commit a token for ``username``; return ``(token, row)``. The token is not stored:
    show it once. Raises NotFound for an unknown user."""
    user = _user(username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user=user, token_hash=token_hash(token), prefix=token[:12], name=name)
    db.session.add(row)
    db.session.commit()
    return token, row


def revoke_tokens(username: str, token: str | None = None) -> int:
    """Revoke ``username``'s token ``token``, or all its live tokens when None; commit; return how many.

    Raises NotFound for an unknown user, or for a ``token`` that is not one of that user's live tokens.
    """
    user = _user(username)
    query = select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    if token is not None:
        query = query.where(ApiToken.token_hash == token_hash(token.strip()))
    rows = db.session.scalars(query).all()
    if token is not None and not rows:
        raise NotFound(f"用户“{username}”没有这个有效的令牌。")
    now = clock.utcnow()
    for row in rows:
        row.revoked_at = now
    db.session.commit()
    return len(rows)


def user_for_token(token: str) -> User | None:
    """Return the active user whose live token is ``token``, else None (unknown, revoked, disabled user)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    digest = token_hash(token)
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == digest))
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, digest):
        return None
    user = row.user
    if user is None or not user.active:
        return None
    now = clock.utcnow()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
        row.last_used_at = now
        db.session.commit()
    return user
