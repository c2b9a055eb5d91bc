"""``import-units FILE``: the unit registry from a list (CONTRACTS.md §10, issue 18).

A unit list is an .xlsx or .csv sheet whose header row names the columns 单位名称 and, optionally,
上级单位, 类别 and 辖区 (the captions and their synonyms: vocabulary/captions.UNIT_LIST_CAPTIONS).
Each row names one unit: a unit missing from the registry is created; 上级单位 (a unit of the
registry, by name or alias, or one named on an earlier row), 类别 (a UnitKind label: 部门, 区县, 处室,
金融机构, 组) and 辖区 are set when written, left as they are when blank. All or nothing: any bad row
and nothing is written, each bad row listed as ``row N, column X: reason`` (CONTRACTS.md §4).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...database import write_transaction
from ...extensions import db
from ...ledger.safety import LedgerLimits, load_source
from ...ledger.sources import check_ledger_container, read_grid
from ...models import Channel, UnitKind, User
from ...vocabulary.captions import (UNIT_JURISDICTION, UNIT_KIND, UNIT_NAME, UNIT_PARENT, match_unit_list_header,
                                    normalize_caption)
from ..errors import InvalidInput
from ..permissions import can_manage_units, require
from .units import MAX_JURISDICTION, MAX_UNIT_NAME, UnitIndex, normalize_unit_name, place_unit, would_cycle

# Rows above the header that may hold a title (as ledgers have).
HEADER_SCAN_ROWS = 10
KIND_BY_TEXT = {**{kind.label: kind for kind in UnitKind}, **{kind.value: kind for kind in UnitKind}}


@dataclass
class UnitRow:
    """One row of a unit list: its sheet row number and the texts of the four columns (None: blank)."""

    row: int
    name: str
    parent: str | None = None
    kind: str | None = None
    jurisdiction: str | None = None


@dataclass
class UnitListResult:
    """What an import did: units listed, created, and existing ones whose place changed."""

    listed: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The line ``import-units`` prints on stdout (CONTRACTS.md §10: ``imported N units``, N the units listed)."""
        return f"imported {self.listed} units"

    def details(self) -> str:
        """What changed, in Chinese (stderr): units created and existing units placed anew."""
        return f"新建 {len(self.created)} 个单位，更新上级单位/类别/辖区 {len(self.updated)} 个。"


class UnitListRejected(InvalidInput):
    """The list has bad rows; ``errors``: one ``row N, column X: reason`` line each. Nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__(f"单位名录有 {len(errors)} 处错误，未导入任何单位；请改正后重新导入。")
        self.errors = errors


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    text = "".join(text.split())
    return text or None


def read_unit_list(source, filename: str | None = None, limits: LedgerLimits = LedgerLimits()) -> list[UnitRow]:
    """Read the rows of the unit list ``source`` (path, bytes or binary file): .xlsx, .xls, .ods or .csv.

    The header is the first of the first HEADER_SCAN_ROWS rows that ``match_unit_list_header``
    accepts; rows without any value are skipped. Raises LedgerRefused for a file that cannot be
    read (size, type, zip bomb), InvalidInput when no row names the 单位名称 column.
    """
    data, filename = load_source(source, filename, limits)
    kind = check_ledger_container(data, filename, limits)

    def header_of(grid):
        for number in sorted(grid.rows)[:HEADER_SCAN_ROWS]:
            cells = grid.rows[number]
            found = match_unit_list_header([cells.get(c) for c in range(1, max(cells) + 1)] if cells else [])
            if found:
                return number, found
        return None

    grid = read_grid(data, filename, kind, None, limits, lambda g: header_of(g) is not None)
    header = header_of(grid)
    if header is None:
        raise InvalidInput(f"{filename}: 前 {HEADER_SCAN_ROWS} 行中没有“单位名称”列，请在表头写明 单位名称、上级单位、类别、辖区。")
    header_row, columns = header
    rows = []
    for number in sorted(n for n in grid.rows if n > header_row):
        cells = grid.rows[number]
        values = {caption: _text(cells.get(index + 1)) for caption, index in columns.items()}
        if not any(values.values()):
            continue
        rows.append(UnitRow(number, values.get(UNIT_NAME) or "", values.get(UNIT_PARENT), values.get(UNIT_KIND),
                            values.get(UNIT_JURISDICTION)))
    return rows


def import_unit_list(actor: User, rows: list[UnitRow]) -> UnitListResult:
    """Create and place the units of ``rows`` in one transaction; commit; return what was done.

    Raises PermissionDenied unless ``actor`` may manage units; UnitListRejected (nothing written)
    listing every bad row: a blank or long name, a name listed twice, an unknown 类别, a long 辖区, a
    上级单位 neither in the registry nor on an earlier row, or one that is the unit itself or under it.
    """
    require(can_manage_units(actor), "只有管理员或督办部门可以管理单位。")
    errors: list[str] = []
    result = UnitListResult(listed=len(rows))
    with write_transaction():
        index = UnitIndex()
        seen: dict[str, int] = {}
        for row in rows:
            where = f"row {row.row}, column "
            name = normalize_unit_name(row.name)
            if not name:
                errors.append(where + f"{UNIT_NAME}: 单位名称为空，请填写或删除该行")
                continue
            if len(name) > MAX_UNIT_NAME:
                errors.append(where + f"{UNIT_NAME}: 单位名称超过 {MAX_UNIT_NAME} 字")
                continue
            if name in seen:
                errors.append(where + f"{UNIT_NAME}: “{name}”在第 {seen[name]} 行已列出，请合并为一行")
                continue
            seen[name] = row.row
            kind = None
            if row.kind:
                kind = KIND_BY_TEXT.get(normalize_caption(row.kind))
                if kind is None:
                    errors.append(where + f"{UNIT_KIND}: “{row.kind}”不是单位类别，请填写 "
                                  + "、".join(k.label for k in UnitKind) + " 之一，或留空")
            if row.jurisdiction and len(row.jurisdiction) > MAX_JURISDICTION:
                errors.append(where + f"{UNIT_JURISDICTION}: 辖区超过 {MAX_JURISDICTION} 字")
            parent = None
            if row.parent:
                parent = index.find(row.parent)
                parent = parent.merged_into or parent if parent is not None else None
                if parent is None:  # the index holds the registry and the units of the earlier rows
                    errors.append(where + f"{UNIT_PARENT}: “{row.parent}”不在单位名录中，也未在前面的行列出；"
                                          "请先列出上级单位")
                    parent = None
            unit, created = index.get_or_create(name)
            unit = unit.merged_into or unit
            if created:  # its kind from its name (units.new_unit) until the row's 类别 sets it
                db.session.flush()
                result.created.append(unit.name)
            if parent is not None and (parent is unit or would_cycle(unit.id, parent)):
                errors.append(where + f"{UNIT_PARENT}: “{parent.name}”是“{unit.name}”本身或其下级单位，不能作为上级单位")
                continue
            if errors:
                continue
            changed = place_unit(unit, parent if row.parent else unit.parent, kind or unit.kind,
                                 row.jurisdiction or unit.jurisdiction, actor, Channel.CLI)
            if changed and not created:
                result.updated.append(unit.name)
        if errors:
            raise UnitListRejected(errors)
    return result
