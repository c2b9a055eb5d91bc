"""The role gate of the views: a coarse "who may open this page at all" check, before any service runs.

``@requires(can_manage_plans, "只有督办部门可以……")`` on a view: an anonymous visitor is sent to the
login page (as ``login_required``), a signed-in user for whom the predicate is false gets the
403 page with the message (PermissionDenied, rendered by tracker/errors.py). Object-level checks
(may this liaison report on *this* task?) stay in the services, which check again whatever the
view did (services are shared by the web, the CLI and the API).
"""
from __future__ import annotations

from functools import wraps
from typing import Callable

from flask_login import current_user, login_required

from .models import Role, User
from .services.permissions import require


def requires(allowed: Callable[[User], bool], message: str):
    """Return a view decorator that lets in only signed-in users for whom ``allowed(user)`` is true.

    ``allowed``: a predicate of the user from services/permissions.py (e.g. ``is_supervisor``);
    ``message``: the Chinese sentence of the 403 page. Implies ``login_required``.
    """
    def decorate(view):
        @wraps(view)
        def gated(*args, **kwargs):
            require(allowed(current_user), message)
            return view(*args, **kwargs)
        return login_required(gated)
    return decorate


def role_required(*roles: Role, message: str = "您没有权限执行此操作。如需办理，请联系督办部门。"):
    """Return a view decorator that lets in only signed-in users whose role is one of ``roles`` (see ``requires``)."""
    allowed = frozenset(roles)
    return requires(lambda user: user.role in allowed, message)


def sees_everything(user: User) -> bool:
    """Return True for the users who see every task (supervising office, admins, viewers: ``User.sees_everything``)."""
    return user.sees_everything
