"""User accounts: create them, check a login."""
from __future__ import annotations

import re
import secrets

from sqlalchemy import select

from ..extensions import db
from ..models import Role, User
from .errors import InvalidInput, NotFound
from .units import find_unit

USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{2,80}$")
MIN_PASSWORD_LENGTH = 10
# Letters and digits without the look-alikes 0/O, 1/l/I, so that a printed password can be typed.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(length: int = 14) -> str:
    """Return a random password of ``length`` characters, easy to read aloud (no 0/O, 1/l/I)."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def create_user(
    username: str,
    role: Role,
    password: str,
    unit_name: str | None = None,
    display_name: str | None = None,
    commit: bool = True,
) -> User:
    """Create a user; a liaison needs a unit (name or alias), others may have one.

    Raises InvalidInput for a malformed or taken username, a short password
    (< MIN_PASSWORD_LENGTH characters) or a liaison without unit; NotFound for
    an unknown unit. Commits unless ``commit`` is False (the seed commits once).
    """
    if not USERNAME_RE.match(username):
        raise InvalidInput("用户名只能由字母、数字、下划线、点或连字符组成，长度 2–80。")
    if db.session.scalar(select(User).where(User.username == username)) is not None:
        raise InvalidInput(f"用户名“{username}”已被使用。")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"密码至少 {MIN_PASSWORD_LENGTH} 位。")
    unit = None
    if unit_name:
        unit = find_unit(unit_name)
        if unit is None:
            raise NotFound(f"单位“{unit_name}”不在单位名录中，请先导入含该单位的方案或检查名称。")
    if role is Role.LIAISON and unit is None:
        raise InvalidInput("联络员必须指定所属单位（--unit）。")
    user = User(username=username, role=role, unit=unit,
                display_name=display_name or (f"{unit.name}{role.label}" if unit else username))
    user.set_password(password)
    db.session.add(user)
    if commit:
        db.session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    """Return the active user with these credentials, else None (same answer for every failure)."""
    user = db.session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def command_line_operator() -> User:
    """Return an unsaved user with supervisor rights: the operator of the command line (CONTRACTS.md §4)."""
    return User(username="command-line", display_name="命令行操作员", role=Role.SUPERVISOR)
