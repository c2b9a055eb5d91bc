"""The unit registry: find units by name or alias, create the unknown ones."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Unit, UnitAlias


def normalize_unit_name(name: str) -> str:
    """Return ``name`` without surrounding and inner blanks (plans write "重庆 银监局" at times)."""
    return "".join(name.split())


def find_unit(name: str) -> Unit | None:
    """Return the unit named ``name`` or having it as an alias, else None."""
    name = normalize_unit_name(name)
    unit = db.session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        unit = db.session.scalar(select(Unit).join(UnitAlias).where(UnitAlias.alias == name))
    return unit


def get_or_create_unit(name: str) -> tuple[Unit, bool]:
    """Return ``(unit, created)`` for ``name``, adding a new unit (not committed) when unknown."""
    unit = find_unit(name)
    if unit is not None:
        return unit, False
    unit = Unit(name=normalize_unit_name(name))
    db.session.add(unit)
    db.session.flush()
    return unit, True


def add_aliases(unit: Unit, aliases: list[str]) -> None:
    """Attach ``aliases`` to ``unit``, skipping its own name and aliases it already has."""
    known = {a.alias for a in unit.aliases} | {unit.name}
    for alias in aliases:
        alias = normalize_unit_name(alias)
        if alias and alias not in known:
            unit.aliases.append(UnitAlias(alias=alias))
            known.add(alias)


class UnitIndex:
    """All units by name and alias, loaded in two queries, for imports that name many units.

    ``find(name)`` -> Unit or None; ``get_or_create(name)`` -> (unit, created), adding an unknown
    unit to the session (not committed) and remembering it, so a name met twice gives one unit.
    """

    def __init__(self) -> None:
        self._by_name: dict[str, Unit] = {u.name: u for u in db.session.scalars(select(Unit))}
        by_id = {u.id: u for u in self._by_name.values()}
        self._by_alias: dict[str, Unit] = {
            alias: by_id[unit_id] for alias, unit_id in db.session.execute(select(UnitAlias.alias, UnitAlias.unit_id))}

    def find(self, name: str) -> Unit | None:
        """Return the unit named ``name`` (blanks ignored) or having it as an alias, else None."""
        name = normalize_unit_name(name)
        return self._by_name.get(name) or self._by_alias.get(name)

    def get_or_create(self, name: str) -> tuple[Unit, bool]:
        """Return ``(unit, created)`` for ``name``; a new unit is added to the session, not committed."""
        unit = self.find(name)
        if unit is not None:
            return unit, False
        unit = Unit(name=normalize_unit_name(name))
        db.session.add(unit)
        self._by_name[unit.name] = unit
        return unit, True
