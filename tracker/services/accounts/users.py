"""User accounts: create them, check a login, change passwords; the admin's account management.

Account changes made by an admin (create, role, unit, disable/enable, password reset) and a
user's own password change are journalled as entries with ``target_user`` set and no task
(SECURITY-TESTS.md G1). Changes that narrow what a user may do, or replace the password, bump
``session_version`` so that the user's existing sessions end at once (B4, A8).
"""
from __future__ import annotations

import re
import secrets
from functools import cache

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ...database import write_transaction
from ...extensions import db
from ...models import Channel, JournalField, Role, Unit, User
from .. import journal
from ..errors import InvalidInput, NotFound
from ..permissions import can_manage_users, require
from .units import find_unit

USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{2,80}$")
MIN_PASSWORD_LENGTH = 10
# Long passphrases are welcome (B7: 64 characters work, nothing is trimmed); the cap keeps hashing cheap.
MAX_PASSWORD_LENGTH = 256
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
        raise InvalidInput("“用户名”只能由字母、数字、下划线、点或连字符组成，长度 2–80。")
    if db.session.scalar(select(User).where(User.username == username)) is not None:
        raise InvalidInput(f"“用户名”{username} 已被使用，请换一个。")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"密码至少 {MIN_PASSWORD_LENGTH} 位：请设置更长的密码。")
    unit = None
    if unit_name:
        unit = find_unit(unit_name)
        if unit is None:
            raise NotFound(f"单位“{unit_name}”不在单位名录中，请先导入含该单位的方案或检查名称。")
    if role.needs_unit and unit is None:  # liaisons and unit leaders (单位负责人) are bound to one unit
        raise InvalidInput(f"{role.label}必须指定所属单位（--unit）。")
    user = User(username=username, role=role, unit=unit,
                display_name=display_name or (f"{unit.name}{role.label}" if unit else username))
    user.set_password(password)
    db.session.add(user)
    if commit:
        db.session.commit()
    return user


@cache
def _dummy_hash() -> str:
    """A hash checked when the user name is unknown, so that the answer takes as long as for a known one."""
    return generate_password_hash("no such user, no such password", method="scrypt")


def authenticate(username: str, password: str) -> User | None:
    """Return the active user with these credentials, else None (same answer for every failure).

    An unknown name costs one scrypt check like a known one, so timing tells nothing (B6).
    """
    user = db.session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


def check_new_password(user: User, password: str) -> None:
    """Raise InvalidInput (Chinese) unless ``password`` may become ``user``'s password.

    Rules: MIN_PASSWORD_LENGTH to MAX_PASSWORD_LENGTH characters, not the user name.
    Spaces are allowed and kept (ASVS 6.2.x: no composition rules, no trimming).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"新密码至少 {MIN_PASSWORD_LENGTH} 位：请设置更长的密码。")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(f"新密码不能超过 {MAX_PASSWORD_LENGTH} 位。")
    if password.strip().lower() == user.username.lower():
        raise InvalidInput("新密码不能与用户名相同。")


class WrongPassword(InvalidInput):
    """The current password given to change_own_password is wrong."""


def change_own_password(user: User, current: str, new: str) -> None:
    """Replace ``user``'s password after checking ``current``; end the user's other sessions; commit.

    Clears ``must_change_password``. Raises WrongPassword (an InvalidInput) when ``current`` is
    wrong (the caller's throttle counts it), InvalidInput when
    ``new`` breaks check_new_password or equals ``current``. The journal records that the
    password changed, never the password.
    """
    if not user.check_password(current):
        raise WrongPassword("当前密码不正确，请重新输入。")
    if new == current:
        raise InvalidInput("新密码不能与当前密码相同。")
    check_new_password(user, new)
    user_id = user.id
    with write_transaction():
        user = db.session.get(User, user_id)
        user.set_password(new)
        user.must_change_password = False
        user.session_version += 1
        _record(user, JournalField.PASSWORD, None, "本人修改", user)


def _record(target: User, field: JournalField, old: object, new: object, actor: User | None,
            channel: Channel = Channel.FORM) -> None:
    """Journal a change of account ``target`` (no task) in the caller's transaction."""
    entry = journal.record(None, field, old, new, actor, channel)
    entry.target_user = target


def _get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("该用户不存在，请从用户列表重新进入。")
    return user


def _live_unit(unit_id: int | None) -> Unit | None:
    if unit_id is None:
        return None
    unit = db.session.get(Unit, unit_id)
    if unit is None or unit.merged_into_id is not None:
        raise NotFound("所选单位不存在或已被合并，请重新选择。")
    return unit


def _active_admins() -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.role == Role.ADMIN, User.active.is_(True)))


def create_account(actor: User, username: str, role: Role, unit_id: int | None,
                   display_name: str | None = None) -> tuple[User, str]:
    """Create an account with a generated initial password on the admin pages; commit.

    Returns ``(user, password)``: the password is shown to the admin once and never stored
    in clear; the user must change it at first sign-in. Raises PermissionDenied unless
    ``actor`` is an admin; InvalidInput / NotFound as create_user does.
    """
    require(can_manage_users(actor), "只有管理员可以管理用户。")
    unit = _live_unit(unit_id)
    password = generate_password()
    with write_transaction():
        user = create_user(username.strip(), role, password, unit.name if unit else None,
                           (display_name or "").strip() or None, commit=False)
        user.must_change_password = True
        db.session.flush()
        _record(user, JournalField.ACCOUNT, None, f"{role.label}{'，' + unit.name if unit else ''}", actor)
    return user, password


def normalize_email(text: str | None) -> str | None:
    """Return the e-mail address ``text`` in its normal form, or None when it is empty.

    Checked by the email-validator library (syntax only: no DNS look-up, so that an office
    network without outside DNS can still save addresses); at most 200 characters, the column's
    size. Raises InvalidInput saying what is wrong and what to enter.
    """
    text = (text or "").strip()
    if not text:
        return None
    from email_validator import EmailNotValidError, validate_email  # only where an address is saved

    try:
        address = validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InvalidInput(f"“电子邮箱”填的“{text}”格式不正确，请填写形如 name@example.gov.cn 的地址，或留空。") from error
    if len(address) > 200:
        raise InvalidInput("“电子邮箱”不能超过 200 个字符。")
    return address


_UNCHANGED = object()


def update_account(actor: User, user_id: int, role: Role, unit_id: int | None, display_name: str,
                   email: str | None | object = _UNCHANGED) -> list[str]:
    """Change an account's role, unit, display name and e-mail; commit; return the changed fields' captions.

    A changed role or unit ends the user's sessions (A8: a liaison moved to another unit
    loses the old unit's tasks at once). ``email`` (where 催办 reminders are mailed; see
    ``normalize_email``; empty removes it; left out: unchanged). Refused (InvalidInput) when a
    liaison would have no unit, when the e-mail is not an address, or when an admin would remove
    their own admin role or the last active admin's. Every change is journalled.
    """
    require(can_manage_users(actor), "只有管理员可以管理用户。")
    display_name = display_name.strip()
    if not display_name or len(display_name) > 100:
        raise InvalidInput("请填写“显示名称”（不超过 100 字）。")
    if email is not _UNCHANGED:
        email = normalize_email(email)
    with write_transaction():
        user = _get_user(user_id)
        unit = _live_unit(unit_id)
        if role.needs_unit and unit is None:  # liaisons and unit leaders (单位负责人) are bound to one unit
            raise InvalidInput(f"{role.label}必须指定所属单位。")
        if user.role is Role.ADMIN and role is not Role.ADMIN:
            if user.id == actor.id:
                raise InvalidInput("不能取消自己的管理员角色，请由另一位管理员操作。")
            if user.active and _active_admins() <= 1:
                raise InvalidInput("这是最后一位管理员，不能取消其管理员角色。")
        changed = []
        if role is not user.role:
            _record(user, JournalField.ROLE, user.role, role, actor)
            user.role = role
            changed.append("角色")
        if unit is not user.unit:
            _record(user, JournalField.UNIT, user.unit.name if user.unit else None, unit.name if unit else None, actor)
            user.unit = unit
            changed.append("所属单位")
        if changed:
            user.session_version += 1
        if display_name != user.display_name:
            _record(user, JournalField.DISPLAY_NAME, user.display_name, display_name, actor)
            user.display_name = display_name
            changed.append("显示名称")
        if email is not _UNCHANGED and email != user.email:
            _record(user, JournalField.EMAIL, user.email, email, actor)
            user.email = email
            changed.append("电子邮箱")
    return changed


def set_active(actor: User, user_id: int, active: bool) -> User:
    """Disable (``active`` False) or enable an account; a disabled account's sessions end; commit.

    Refused (InvalidInput) for one's own account and for the last active admin.
    """
    require(can_manage_users(actor), "只有管理员可以管理用户。")
    with write_transaction():
        user = _get_user(user_id)
        if user.active == active:
            db.session.rollback()
            return user
        if not active:
            if user.id == actor.id:
                raise InvalidInput("不能停用自己的账号。")
            if user.role is Role.ADMIN and _active_admins() <= 1:
                raise InvalidInput("这是最后一位管理员，不能停用。")
        _record(user, JournalField.ACTIVE, "启用" if user.active else "停用", "启用" if active else "停用", actor)
        user.active = active
        user.session_version += 1
    return user


def reset_password(actor: User, user_id: int) -> tuple[User, str]:
    """Give an account a new generated password (shown once); it must be changed at next sign-in.

    Ends the account's sessions; commits; returns ``(user, password)``.
    """
    require(can_manage_users(actor), "只有管理员可以管理用户。")
    password = generate_password()
    with write_transaction():
        user = _get_user(user_id)
        user.set_password(password)
        user.must_change_password = True
        user.session_version += 1
        _record(user, JournalField.PASSWORD, None, "管理员重置", actor)
    return user, password


def command_line_operator() -> User:
    """Return an unsaved user with supervisor rights: the operator of the command line (CONTRACTS.md §4)."""
    return User(username="command-line", display_name="命令行操作员", role=Role.SUPERVISOR)
