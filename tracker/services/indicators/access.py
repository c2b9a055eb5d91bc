"""Who may see and file indicator figures: the supervising office and admins every entity, a liaison
only its own unit's figures, a viewer (领导) may read every entity's figures and rankings."""
from __future__ import annotations

from ...models import Role, User
from ..permissions import can_manage_plans


def may_file_for(user: User, unit_id: int) -> bool:
    """Whether ``user`` may enter or import figures of the entity (unit) ``unit_id``."""
    if can_manage_plans(user):
        return True
    return user.role is Role.LIAISON and user.unit_id is not None and user.unit_id == unit_id


def may_see_all(user: User) -> bool:
    """Whether ``user`` sees every entity's figures and the rankings (not only its own unit's)."""
    return user.role in (Role.ADMIN, Role.SUPERVISOR, Role.VIEWER)


def may_manage_indicators(user: User) -> bool:
    """Whether ``user`` may define indicators and targets and import tables for several entities."""
    return can_manage_plans(user)


def may_see_entity(user: User, unit_id: int) -> bool:
    """Whether ``user`` may read the figures of the entity ``unit_id`` (its trend page): whoever sees
    every entity, or a liaison of that very unit."""
    return may_see_all(user) or (user.role is Role.LIAISON and user.unit_id is not None and user.unit_id == unit_id)
