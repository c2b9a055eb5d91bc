"""The unit registry: find units by name or alias, create the unknown ones; rename, alias, merge.

The admin functions (create_unit, rename_unit, add_alias, remove_alias, merge_units) check
``permissions.can_manage_units``, journal what they change (entries with ``target_unit``
and no task) and commit in one transaction each.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ...database import write_transaction
from ...extensions import db
from ...models import (Assignment, AssignmentRole, JournalField, ProgressReport, Task, Unit, UnitAlias, UnitKind,
                       User)
from .. import journal
from ..errors import InvalidInput, NotFound
from ..permissions import can_manage_units, require
from ..scope import live_units_query, task_units_query

# vocabulary.units (the reading of unit names: some 40 patterns compiled at import, 0.02 s) is imported by the
# two functions that read a name's words, not here: a command that only finds units by name (export-ledger's
# operator and --unit, issue 19) does not load it.


def normalize_unit_name(name: str) -> str:
    """Return ``name`` without surrounding and inner blanks (plans write "重庆 银监局" at times)."""
    return "".join(name.split())


def find_unit(name: str) -> Unit | None:
    """Return the unit named ``name`` or having it as an alias, else None.

    A unit merged into another is found as the unit it was merged into (its name is an alias there).
    """
    name = normalize_unit_name(name)
    unit = db.session.scalar(live_units_query().where(Unit.name == name))
    if unit is None:
        unit = db.session.scalar(select(Unit).join(UnitAlias).where(UnitAlias.alias == name))
    return unit


def localize_unit_name(name: str, area: str | None) -> tuple[str, Unit | None]:
    """The name a plan or ledger of ``area`` (辖区, e.g. "广州市"; None: unknown) should use for ``name``.

    Returns ``(name, None)`` when ``name`` may be matched as it is, else ``(area + name, other)``: a
    local name that does not say its area (市发展改革委: ``vocabulary.units.is_local_unit_name``)
    whose registry unit ``other`` serves another area (its ``jurisdiction`` is set and is not within
    ``area`` or around it) stands, in a plan of ``area``, for that area's own unit ("广州市发展改革委"),
    not for this city's (issue 18: a 广州 plan attached 广州's 市发展改革委 to 重庆's). A unit without a
    jurisdiction is matched as before. The one place unit names meet jurisdictions; the plan import
    (services/plans/store.localize_draft_units) shows the choice in its preview.
    """
    from ...vocabulary.units import is_local_unit_name, same_area

    if not area or not is_local_unit_name(name):
        return name, None
    unit = find_unit(name)
    if unit is None or same_area(unit.jurisdiction, area):
        return name, None
    name = normalize_unit_name(name)
    return area + (name[1:] if name[0] == area[-1] else name), unit  # 广州市 + 市发展改革委 = 广州市发展改革委


class LocalUnitNames:
    """The unit names of one plan or ledger of ``area`` (None: unknown), each passed once through
    ``localize_unit_name``: ``names(list)`` -> the list with local names of another area's units
    replaced by ``area``'s own (order kept, duplicates dropped); ``changed`` maps each replaced name
    to ``(new name, the other area's unit)``. Shared by the plan import
    (services/plans/store.localize_draft_units) and a plan built from another office's ledger
    (services/ledger/newplan.plan_tree), so both follow the one rule of issue 18.
    """

    def __init__(self, area: str | None) -> None:
        self.area = area
        self.changed: dict[str, tuple[str, Unit]] = {}
        self._seen: dict[str, str] = {}

    def name(self, name: str) -> str:
        """The name ``name`` stands for in this area's plan (``localize_unit_name``, asked once per name)."""
        if name not in self._seen:
            new, other = localize_unit_name(name, self.area)
            self._seen[name] = new
            if other is not None:
                self.changed[name] = (new, other)
        return self._seen[name]

    def names(self, names: list[str]) -> list[str]:
        """``names`` with each replaced by ``name(...)``, duplicates dropped, order kept."""
        return list(dict.fromkeys(self.name(name) for name in names))

    def warnings(self, hint: str) -> list[str]:
        """One Chinese warning per replaced name; ``hint`` says what to do when it is the same unit
        (``{other}``: the registry unit's name)."""
        return [f"本方案属{self.area}：单位名录中的“{name}”是{other.jurisdiction}的单位，已按{self.area}的单位"
                f"“{new}”处理（单位名录中没有时将新建）；" + hint.format(other=other.name) + "。"
                for name, (new, other) in self.changed.items()]


def new_unit(name: str) -> Unit:
    """A new unit named ``name`` (blanks removed), not yet in the session, of the kind its name says: a named group
    that answers as one (vocabulary/units.is_named_group: "各区县〔自治县〕人民政府", "…领导小组各成员单位") is a 组,
    any other name a 部门. The one place a unit's kind is decided from its name, for plans, ledgers, unit lists and
    the unit page alike; a 组 still reports and is ranked as its own unit until members are set under it, and then
    a task it leads can be split to them (services/plans/subtasks.py)."""
    from ...vocabulary.units import is_named_group

    name = normalize_unit_name(name)
    return Unit(name=name, kind=UnitKind.GROUP if is_named_group(name) else UnitKind.DEPARTMENT)


def get_or_create_unit(name: str) -> tuple[Unit, bool]:
    """Return ``(unit, created)`` for ``name``, adding a new unit (not committed) when unknown."""
    unit = find_unit(name)
    if unit is not None:
        return unit, False
    unit = new_unit(name)
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
        unit = new_unit(name)
        db.session.add(unit)
        self._by_name[unit.name] = unit
        return unit, True


# ---- The unit registry on the admin pages (issue #5): rename, aliases, merge -------------------------

MAX_UNIT_NAME = 200


@dataclass
class UnitOverview:
    """One row of the unit list: the unit, its number of users and of tasks (lead or supporting)."""

    unit: Unit
    users: int
    tasks: int


def live_units() -> list[Unit]:
    """Return the units that count (not merged into another, services/scope.py), by name."""
    return list(db.session.scalars(live_units_query().order_by(Unit.name)))


def task_units() -> list[Unit]:
    """Return the units a task may be given, by name: those that hold tasks (services/scope.task_units_query: no
    金融机构 of an indicator table unless a task already names it). The unit pickers of a task (编辑任务, and the
    plan import's preview through ``services/plans/drafts.unit_choices``) offer these (workflow55)."""
    return list(db.session.scalars(task_units_query().order_by(Unit.name)))


def unit_overview() -> list[UnitOverview]:
    """Return every live unit with its counts of users and tasks, by name (three queries)."""
    users = dict(db.session.execute(select(User.unit_id, func.count(User.id)).group_by(User.unit_id)).all())
    tasks = dict(db.session.execute(
        select(Assignment.unit_id, func.count(Assignment.id)).group_by(Assignment.unit_id)).all())
    return [UnitOverview(u, users.get(u.id, 0), tasks.get(u.id, 0)) for u in live_units()]


def _record(unit: Unit, field: JournalField, old: object, new: object, actor: User) -> None:
    journal.record(None, field, old, new, actor).target_unit = unit


def _live_unit(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None or unit.merged_into_id is not None:
        raise NotFound("该单位不存在或已被合并，请从单位列表重新进入。")
    return unit


def _clean_name(name: str, what: str = "单位名称") -> str:
    name = normalize_unit_name(name or "")
    if not name:
        raise InvalidInput(f"请填写{what}。")
    if len(name) > MAX_UNIT_NAME:
        raise InvalidInput(f"{what}不能超过 {MAX_UNIT_NAME} 字。")
    return name


def _name_in_use(name: str, unit: Unit | None) -> str | None:
    """Return why ``name`` cannot name or alias ``unit`` (another unit holds it), else None."""
    holder = db.session.scalar(select(Unit).where(Unit.name == name))
    if holder is not None and holder is not unit:
        live = holder.merged_into or holder
        if holder.merged_into_id is not None:
            return f"“{name}”是已并入“{live.name}”的原单位名称。"
        return f"已有单位名为“{name}”；如是同一单位，请使用“合并”。"
    alias = db.session.scalar(select(UnitAlias).where(UnitAlias.alias == name))
    if alias is not None and alias.unit is not unit:
        return f"“{name}”已是单位“{alias.unit.name}”的别名；如是同一单位，请使用“合并”。"
    return None


def create_unit(actor: User, name: str) -> Unit:
    """Add a unit to the registry (e.g. before creating its liaison); journal and commit.

    Raises PermissionDenied unless ``actor`` may manage units; InvalidInput for an empty
    or long name, or one another unit already has as name or alias.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    name = _clean_name(name)
    with write_transaction():
        problem = _name_in_use(name, None)
        if problem:
            raise InvalidInput(problem)
        unit = new_unit(name)
        db.session.add(unit)
        db.session.flush()
        _record(unit, JournalField.UNIT, None, name, actor)
    return unit


def rename_unit(actor: User, unit_id: int, new_name: str) -> Unit:
    """Rename a unit; the old name becomes an alias so that plans and ledgers naming it still match.

    Journalled (field "name"); commits. Raises InvalidInput when another unit has the new
    name as name or alias (merge them instead), PermissionDenied, NotFound.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    new_name = _clean_name(new_name)
    with write_transaction():
        unit = _live_unit(unit_id)
        old_name = unit.name
        if new_name == old_name:
            db.session.rollback()
            return unit
        problem = _name_in_use(new_name, unit)
        if problem:
            raise InvalidInput(problem)
        for alias in list(unit.aliases):
            if alias.alias == new_name:
                unit.aliases.remove(alias)
        db.session.flush()
        unit.name = new_name
        unit.aliases.append(UnitAlias(alias=old_name))
        _record(unit, JournalField.NAME, old_name, new_name, actor)
    return unit


def add_alias(actor: User, unit_id: int, alias: str) -> Unit:
    """Add another written form of a unit (别名); journal (field "alias") and commit.

    Raises InvalidInput when another unit has that name or alias, or the unit has it already.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    alias = _clean_name(alias, "别名")
    with write_transaction():
        unit = _live_unit(unit_id)
        if alias == unit.name or alias in {a.alias for a in unit.aliases}:
            raise InvalidInput(f"“{alias}”已是该单位的名称或别名。")
        problem = _name_in_use(alias, unit)
        if problem:
            raise InvalidInput(problem)
        unit.aliases.append(UnitAlias(alias=alias))
        _record(unit, JournalField.ALIAS, None, alias, actor)
    return unit


def remove_alias(actor: User, unit_id: int, alias_id: int) -> str:
    """Remove one alias of a unit; journal and commit; return the alias removed.

    The former name of a unit merged into this one stays (the old unit row still holds
    that name, so a new unit could not take it): InvalidInput.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    with write_transaction():
        unit = _live_unit(unit_id)
        alias = db.session.get(UnitAlias, alias_id)
        if alias is None or alias.unit_id != unit.id:
            raise NotFound("该别名不存在，请刷新页面。")
        if db.session.scalar(select(Unit.id).where(Unit.name == alias.alias)) is not None:
            raise InvalidInput(f"“{alias.alias}”是并入本单位的原单位名称，不能删除。")
        text = alias.alias
        unit.aliases.remove(alias)
        _record(unit, JournalField.ALIAS, text, None, actor)
    return text


def _units_label(task: Task) -> str:
    lead = "、".join(u.name for u in task.lead_units) or "—"
    supporting = "、".join(u.name for u in task.supporting_units) or "—"
    return f"牵头：{lead}；配合：{supporting}"


@dataclass
class MergeResult:
    """What a merge moved: the surviving unit and the number of tasks, reports and users moved."""

    survivor: Unit
    tasks: int
    reports: int
    users: int


def merge_units(actor: User, source_id: int, target_id: int) -> MergeResult:
    """Merge unit ``source_id`` into ``target_id`` in one transaction; commit.

    Moves every reference to the source unit that the schema declares (assignments,
    progress reports, users, aliases and any later table with a foreign key to
    ``unit.id``) to the target; the journal's rows keep naming the source, which stays as
    a row marked ``merged_into`` (it is append-only). A task both units had keeps one
    assignment, lead when either was lead. The source's name becomes an alias of the
    target. Journalled: one entry on the target (field "merge") and one per task whose
    units changed (field "units"). Raises InvalidInput when both are the same unit or a
    move would break a uniqueness rule (nothing written), PermissionDenied, NotFound.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    if source_id == target_id:
        raise InvalidInput("请选择另一个单位作为合并后的单位。")
    try:
        with write_transaction():
            source, target = _live_unit(source_id), _live_unit(target_id)
            moved_assignments = list(db.session.scalars(select(Assignment).where(Assignment.unit_id == source.id)))
            tasks = {a.task for a in moved_assignments}
            before = {task.id: _units_label(task) for task in tasks}
            for assignment in moved_assignments:
                task = assignment.task
                kept = next((a for a in task.assignments if a.unit_id == target.id), None)
                if kept is None:
                    assignment.unit = target
                    continue
                if assignment.role is AssignmentRole.LEAD and kept.role is not AssignmentRole.LEAD:
                    kept.role = AssignmentRole.LEAD
                    kept.position = min(kept.position, assignment.position)
                task.assignments.remove(assignment)
            db.session.flush()
            reports = db.session.scalar(
                select(func.count(ProgressReport.id)).where(ProgressReport.unit_id == source.id))
            users = db.session.scalar(select(func.count(User.id)).where(User.unit_id == source.id))
            _move_references(source.id, target.id)
            db.session.expire_all()
            source, target = db.session.get(Unit, source_id), db.session.get(Unit, target_id)
            known = {a.alias for a in target.aliases}
            if source.name not in known:
                target.aliases.append(UnitAlias(alias=source.name))
            source.merged_into = target
            _record(target, JournalField.MERGE, source.name, target.name, actor)
            for task in sorted(tasks, key=lambda t: t.id):
                db.session.refresh(task)
                after = _units_label(task)
                if after != before[task.id]:
                    journal.record(task, JournalField.UNITS, before[task.id], after, actor)
    except IntegrityError as error:  # rolled back by write_transaction
        raise InvalidInput(f"合并未完成，未作任何修改：两个单位的数据有冲突（{error.orig}）。请联系管理员。") from error
    return MergeResult(survivor=target, tasks=len(tasks), reports=reports, users=users)


# ---- The hierarchy (issue 18): parent, kind, jurisdiction -----------------------------------------

MAX_JURISDICTION = 100


def unit_tree(units: list[Unit] | None = None) -> list[tuple[Unit, int]]:
    """Return the live units in tree order as ``(unit, depth)``: each top-level unit (no parent, or a
    parent merged away) by name, followed by its children by name, depth 0 at the top."""
    units = live_units() if units is None else units
    ids = {u.id for u in units}
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        children.setdefault(parent, []).append(unit)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent_id, []), key=lambda u: u.name):
            ordered.append((unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


def would_cycle(unit_id: int, parent: Unit | None) -> bool:
    """True when making ``parent`` the parent of unit ``unit_id`` closes a loop (itself or a descendant)."""
    seen: set[int] = set()
    while parent is not None and parent.id not in seen:
        if parent.id == unit_id:
            return True
        seen.add(parent.id)
        parent = parent.parent
    return False


def clean_jurisdiction(text: str | None) -> str | None:
    """Return a 辖区 without blanks (None when empty); InvalidInput when longer than MAX_JURISDICTION."""
    text = normalize_unit_name(text or "")
    if len(text) > MAX_JURISDICTION:
        raise InvalidInput(f"辖区不能超过 {MAX_JURISDICTION} 字。")
    return text or None


def place_unit(unit: Unit, parent: Unit | None, kind: UnitKind, jurisdiction: str | None, actor: User | None,
               channel=None) -> bool:
    """Set ``unit``'s parent, kind and jurisdiction (not committed), journalling each change on the unit.

    Returns True when something changed. Raises InvalidInput when ``parent`` is the unit itself or
    one of its descendants (名录不能成环). The one writer of these fields: the registry page
    (``set_unit_place``) and ``import-units`` (services/accounts/unit_list.py) both call it.
    """
    if parent is not None and (parent is unit or (unit.id is not None and would_cycle(unit.id, parent))):
        raise InvalidInput(f"“{parent.name}”是“{unit.name}”本身或其下级单位，不能作为上级单位。")
    extra = {} if channel is None else {"channel": channel}
    changed = False
    for field, old, new in ((JournalField.UNIT_PARENT, unit.parent, parent), (JournalField.UNIT_KIND, unit.kind, kind),
                            (JournalField.JURISDICTION, unit.jurisdiction, jurisdiction)):
        if old is new or old == new:
            continue
        changed = True
        journal.record(None, field, _place_text(old), _place_text(new), actor, **extra).target_unit = unit
    unit.parent, unit.kind, unit.jurisdiction = parent, kind, jurisdiction
    return changed


def _place_text(value: object) -> str | None:
    """A unit as its name, a kind as its label, a jurisdiction as itself: what the journal shows."""
    if isinstance(value, Unit):
        return value.name
    if isinstance(value, UnitKind):
        return value.label
    return value


def set_unit_place(actor: User, unit_id: int, parent_id: int | None, kind: UnitKind, jurisdiction: str | None) -> Unit:
    """The registry page's 上级单位/类别/辖区 of one unit (issue 18); journal and commit.

    Raises PermissionDenied unless ``actor`` may manage units; NotFound for a unit or parent that
    is gone or merged; InvalidInput for a loop or a long 辖区.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    jurisdiction = clean_jurisdiction(jurisdiction)
    with write_transaction():
        unit = _live_unit(unit_id)
        parent = _live_unit(parent_id) if parent_id else None
        place_unit(unit, parent, kind, jurisdiction, actor)
    return unit


def unit_members(unit: Unit) -> list[Unit]:
    """Return the live child units of ``unit`` by name: the members of a group (组), the offices of a 局."""
    return [child for child in unit.children if child.merged_into_id is None]


# Tables whose references to a unit are history and stay as written (append-only journal).
_KEEP_REFERENCES = {"journal_entry"}


def _move_references(source_id: int, target_id: int) -> None:
    """UPDATE every column with a foreign key to unit.id from ``source_id`` to ``target_id``."""
    for table in db.metadata.sorted_tables:
        if table.name in _KEEP_REFERENCES:
            continue
        for column in table.columns:
            if any(fk.column.table.name == "unit" and fk.column.name == "id" for fk in column.foreign_keys):
                db.session.execute(update(table).where(column == source_id).values({column.name: target_id}))


def set_signoff_required(actor: User, unit_id: int, required: bool) -> Unit:
    """Turn the unit's office setting 本单位报送须经领导审核签发 on or off (issue 18); journal and commit.

    While it is on, what the unit's liaisons send (progress reports, 申请办结, 延期申请) waits for its
    unit leader's sign-off (services/workflow/signoff.py); drafts already waiting stay drafts when it is
    turned off (the leader still signs or returns them). Raises PermissionDenied, NotFound.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    with write_transaction():
        unit = _live_unit(unit_id)
        if bool(unit.signoff_required) != required:
            _record(unit, JournalField.SIGNOFF_REQUIRED, "是" if unit.signoff_required else "否",
                    "是" if required else "否", actor)
            unit.signoff_required = required
    return unit
