"""Editing a working draft in the import preview: plain dicts in and out, no Flask, no database.

The working draft is the JSON object described in services/plans/drafts.py. A person may fix
a title, the text, the units and the deadline of each item (``apply_edits``), merge an item
into the row above it, split an item at its line breaks, add a missing item after one, or drop
an item with the items below it (``merge_item``, ``split_item``, ``add_item``, ``drop_item``). Every function keeps two rules the import
relies on: paths are unique, and each item's ``path[:-1]`` is the path of an earlier item.
Each raises ``InvalidInput`` with a Chinese sentence saying what to do when it cannot act.
"""
from __future__ import annotations

import copy
import re
from datetime import date
from typing import Callable

from ...parsing import MeasureDraft, PlanDraft, parse_due_date
from ...parsing.metadata import issue_year
from ...parsing.paths import unique_key
from ...parsing.walker import short_title
from ...vocabulary.units import split_units
from ...vocabulary.numbering import render_number, sibling_number
from ..errors import InvalidInput

ROLES = ("lead", "supporting")
MAX_TITLE_CHARS = 500
MAX_UNIT_CHARS = 200


def state_from_draft(draft: PlanDraft, source_name: str | None) -> dict:
    """Return the working draft of a parsed plan (see the module docstring of import_drafts)."""
    items = []
    for index, measure in enumerate(draft.measures):
        items.append({
            "id": index + 1, "path": list(measure.path), "number": measure.number,
            "title": measure.title, "text": measure.text,
            "lead_units": list(measure.lead_units), "supporting_units": list(measure.supporting_units),
            "suggested": [{"name": name, "role": ""} for name in measure.suggested_units],
            "deadline": measure.deadline,
            "due_date": measure.due_date.isoformat() if measure.due_date else None,
            "line": measure.line, "section": measure.section, "inline": measure.inline,
        })
    return {
        "title": draft.title or _stem(source_name), "doc_number": draft.doc_number, "issuer": draft.issuer,
        "issued_on": draft.issued_on.isoformat() if draft.issued_on else None,
        "source_name": source_name, "source_text": draft.source_text, "warnings": list(draft.warnings),
        "sections": [{"title": s.title, "marker": s.marker} for s in draft.sections],
        "split": False, "next_id": len(items) + 1, "items": items,
    }


def _stem(name: str | None) -> str | None:
    return re.sub(r"\.[A-Za-z]{2,5}$", "", name) if name else None


def units_from_inputs(values: list[str]) -> list[str]:
    """Unit names from form inputs, each input possibly holding several names ("A、B"), split as
    everywhere (tracker/vocabulary/units.py: "市财政局（含下属单位，各分局）" stays one name);
    each name cut to MAX_UNIT_CHARS, no blanks, no repeats."""
    names: list[str] = []
    for value in values:
        for name in split_units(value):
            name = name[:MAX_UNIT_CHARS]
            if name and name not in names:
                names.append(name)
    return names


def _issued_on(state: dict) -> date | None:
    return date.fromisoformat(state["issued_on"]) if state.get("issued_on") else None


def _year(state: dict) -> int | None:
    """The year of issue: the signing date's, else the 文号's (tracker.parsing.metadata.issue_year)."""
    return issue_year(_issued_on(state), state.get("doc_number"))


def _clean(value: str | None, limit: int | None = None) -> str | None:
    value = (value or "").strip()
    return (value[:limit] if limit else value) or None


def apply_edits(state: dict, get: Callable[[str], list[str]]) -> dict:
    """Return ``state`` with the person's edits from the preview form.

    ``get(name)`` returns the submitted values of a field (``MultiDict.getlist``). Fields:
    ``plan_title``, ``split`` ("1" for separate plans), ``section_title-K``, and for each item
    ``title-ID``, ``text-ID``, ``deadline-ID``, ``lead-ID`` and ``supporting-ID`` (one value per
    input; an input may hold several names separated by 、), ``suggest-ID-K`` ("", "lead",
    "supporting"). An item whose ``title-ID`` field is absent is left as it was (its row was not
    in the form). ``due_date`` is derived from the deadline as the parser does (the signing year
    completes "6月底前").
    """
    state = copy.deepcopy(state)
    if get("plan_title"):
        state["title"] = _clean(get("plan_title")[0], 300)
    if state["sections"]:
        state["split"] = get("split")[:1] == ["1"]
        for k, section in enumerate(state["sections"]):
            if get(f"section_title-{k}"):
                section["title"] = _clean(get(f"section_title-{k}")[0], 300)
    year = _year(state)
    for item in state["items"]:
        key = item["id"]
        if not get(f"title-{key}"):
            continue
        item["title"] = _clean(get(f"title-{key}")[0], MAX_TITLE_CHARS)
        if get(f"text-{key}"):
            item["text"] = (get(f"text-{key}")[0] or "").replace("\r\n", "\n").strip()
        item["deadline"] = _clean((get(f"deadline-{key}") or [""])[0], 200)
        due = parse_due_date(item["deadline"], year, _issued_on(state))
        item["due_date"] = due.isoformat() if due else None
        item["lead_units"] = units_from_inputs(get(f"lead-{key}"))
        item["supporting_units"] = [u for u in units_from_inputs(get(f"supporting-{key}")) if u not in item["lead_units"]]
        for k, suggestion in enumerate(item["suggested"]):
            role = (get(f"suggest-{key}-{k}") or [""])[0]
            suggestion["role"] = role if role in ROLES else ""
    return state


def _find(state: dict, item_id: int) -> int:
    for index, item in enumerate(state["items"]):
        if item["id"] == item_id:
            return index
    raise InvalidInput("要处理的条目已不在预览中（可能已被删除或合并），请在当前页面上重新操作。")


def _subtree_end(items: list[dict], index: int) -> int:
    """Index after the last descendant of ``items[index]`` (descendants follow their item)."""
    prefix = items[index]["path"]
    end = index + 1
    while end < len(items) and items[end]["path"][:len(prefix)] == prefix and len(items[end]["path"]) > len(prefix):
        end += 1
    return end


def _rebase(items: list[dict], start: int, end: int, old: list[str], new: list[str], section) -> None:
    """Move ``items[start:end]`` (descendants of ``old``) under ``new``, keeping paths unique."""
    taken = {tuple(i["path"]) for n, i in enumerate(items) if not start <= n < end}
    renamed = {tuple(old): tuple(new)}
    for item in items[start:end]:
        path = tuple(item["path"])
        parent = renamed.get(path[:-1], path[:-1])
        key = unique_key(parent, path[-1], taken)
        renamed[path] = parent + (key,)
        item["path"] = list(parent + (key,))
        item["section"] = section
        taken.add(tuple(item["path"]))


def merge_item(state: dict, item_id: int) -> dict:
    """Return ``state`` with item ``item_id`` merged into the row above it.

    The text is appended as a new paragraph; units and suggestions are joined (no repeats);
    deadlines are joined with "；" when both are set and differ (the due date is the later
    one). The merged item's sub-items move under the row above. Raises InvalidInput for the
    first row.
    """
    state = copy.deepcopy(state)
    items = state["items"]
    index = _find(state, item_id)
    if index == 0:
        raise InvalidInput("第一条上面没有条目，无法并入上一条。")
    item, target = items[index], items[index - 1]
    text = item["text"] or item["title"] or ""
    target["text"] = "\n".join(t for t in (target["text"], text) if t)
    target["title"] = target["title"] or item["title"]
    for role in ("lead_units", "supporting_units"):
        target[role] += [u for u in item[role] if u not in target["lead_units"] + target["supporting_units"]]
    known = {s["name"] for s in target["suggested"]}
    target["suggested"] += [s for s in item["suggested"] if s["name"] not in known]
    if item["deadline"] and item["deadline"] != target["deadline"]:
        target["deadline"] = "；".join(d for d in (target["deadline"], item["deadline"]) if d)
        due = parse_due_date(target["deadline"], _year(state), _issued_on(state))
        target["due_date"] = due.isoformat() if due else None
    end = _subtree_end(items, index)
    old_path = item["path"]
    del items[index]
    _rebase(items, index, end - 1, old_path, target["path"], target["section"])
    return state


def split_item(state: dict, item_id: int) -> dict:
    """Return ``state`` with item ``item_id`` split at the line breaks of its text.

    The first paragraph stays with the item (and its title); each other paragraph becomes a new item right after
    the item's sub-items, numbered like it with "-2", "-3" (（三） → （三）-2), with the same units
    and deadline, and a title read as the parser reads one. Raises InvalidInput when the text
    holds one paragraph only.
    """
    state = copy.deepcopy(state)
    items = state["items"]
    index = _find(state, item_id)
    item = items[index]
    parts = [p.strip() for p in (item["text"] or "").split("\n") if p.strip()]
    if len(parts) < 2:
        raise InvalidInput(f"条目 {render_number(item['path'])} 的正文只有一段。请先在正文框中按回车，把要拆开的内容分成几段，再点“拆分”。")
    item["text"] = parts[0]
    item["title"] = item["title"] or short_title(parts[0])
    taken = {tuple(i["path"]) for i in items}
    parent, key = tuple(item["path"][:-1]), item["path"][-1]
    new_items = []
    for n, part in enumerate(parts[1:], start=2):
        suffix = n
        while parent + (f"{key}-{suffix}",) in taken:
            suffix += 1
        path = list(parent + (f"{key}-{suffix}",))
        taken.add(tuple(path))
        new_items.append({**copy.deepcopy(item), "id": state["next_id"], "path": path, "number": sibling_number(item["number"], suffix),
                          "title": short_title(part), "text": part, "suggested": [], "inline": False})
        state["next_id"] += 1
    end = _subtree_end(items, index)
    items[end:end] = new_items
    return state


ADDED_KEY = "补{n}"


def add_item(state: dict, item_id: int) -> dict:
    """Return ``state`` with a new, empty item right after item ``item_id`` and its sub-items,
    at the same level (a paragraph the parser dropped is typed or pasted into it; issue 13).

    Its path token is "补1", "补2", … under the same parent (unique among its siblings), its
    units, deadline and text empty: ``plan_drafts`` refuses to store it until it has a title
    or a text. Raises InvalidInput when ``item_id`` is no longer in the preview.
    """
    state = copy.deepcopy(state)
    items = state["items"]
    index = _find(state, item_id)
    item = items[index]
    parent = tuple(item["path"][:-1])
    taken = {tuple(i["path"]) for i in items}
    n = 1
    while parent + (ADDED_KEY.format(n=n),) in taken:
        n += 1
    key = ADDED_KEY.format(n=n)
    end = _subtree_end(items, index)
    items[end:end] = [{
        "id": state["next_id"], "path": list(parent + (key,)), "number": key, "title": None, "text": "",
        "lead_units": [], "supporting_units": [], "suggested": [], "deadline": None, "due_date": None,
        "line": None, "section": item["section"], "inline": False, "added": True,
    }]
    state["next_id"] += 1
    return state


def drop_item(state: dict, item_id: int) -> dict:
    """Return ``state`` without item ``item_id`` and its sub-items. Raises InvalidInput when nothing would remain."""
    state = copy.deepcopy(state)
    items = state["items"]
    index = _find(state, item_id)
    end = _subtree_end(items, index)
    if end - index == len(items):
        raise InvalidInput("删除后方案中就没有条目了。如不需要导入，请点“放弃导入”。")
    del items[index:end]
    return state


def child_counts(state: dict) -> dict[int, int]:
    """Return ``{item id: number of items below it}`` for the 删除 buttons."""
    items = state["items"]
    return {item["id"]: _subtree_end(items, n) - n - 1 for n, item in enumerate(items)}


def _measure(item: dict, path: list[str]) -> MeasureDraft:
    lead, supporting = list(item["lead_units"]), list(item["supporting_units"])
    for suggestion in item["suggested"]:
        if suggestion["role"] == "lead" and suggestion["name"] not in lead + supporting:
            lead.append(suggestion["name"])
        elif suggestion["role"] == "supporting" and suggestion["name"] not in lead + supporting:
            supporting.append(suggestion["name"])
    return MeasureDraft(
        path=path, number=item["number"], level=len(path), title=item["title"], text=item["text"] or "",
        lead_units=lead, supporting_units=supporting, deadline=item["deadline"],
        due_date=date.fromisoformat(item["due_date"]) if item["due_date"] else None, line=item["line"] or 0,
    )


def plan_drafts(state: dict) -> list[PlanDraft]:
    """Return the plan(s) to store: one, or one per section when the person chose separate plans.

    Accepted suggestions become units. For separate plans a marked section's heading item is
    left out and its marker dropped from the paths (as ``parsing.split_sections`` does); the
    file's 文号 and issuer stay with an unmarked leading section. Raises InvalidInput when the
    plan has no title.
    """
    issued_on = date.fromisoformat(state["issued_on"]) if state["issued_on"] else None
    for item in state["items"]:
        if not (item["title"] or item["text"]):
            raise InvalidInput(f"补充的条目 {''.join(item['path'])} 还没有填写标题或内容：请填写，或把它删除后再确认导入。")
    if not (state["split"] and state["sections"]):
        if not state["title"]:
            raise InvalidInput("请填写方案标题后再确认导入。")
        measures = [_measure(item, item["path"]) for item in state["items"]]
        return [PlanDraft(state["title"], state["doc_number"], state["issuer"], issued_on, measures,
                          list(state["warnings"]), state["source_text"])]
    drafts = []
    for k, section in enumerate(state["sections"]):
        marker = section["marker"]
        measures = []
        for item in state["items"]:
            if item["section"] != k or (marker is not None and item["path"] == [marker]):
                continue
            measures.append(_measure(item, item["path"][1:] if marker is not None else item["path"]))
        if not measures:
            continue
        title = section["title"] or state["title"]
        if not title:
            raise InvalidInput(f"请填写第 {k + 1} 篇的标题后再确认导入。")
        leading = marker is None
        drafts.append(PlanDraft(title, state["doc_number"] if leading else None, state["issuer"] if leading else None,
                                issued_on, measures, [], state["source_text"]))
    return drafts
