"""Unique paths: a list numbered again under the same parent gets a group suffix.

A speech may hold several lists of one style under one item (seed 002, 【篇四】 一、: the
achievements "一是…六是" in one paragraph, then the problems "一是…四是" in the next). Written
as is, the second list repeats the first one's paths, and a path must name one measure (the
import links a measure to its parent by path, a ledger's 序号 names one row, a re-import
matches by path). So the second list's tokens get the suffix "（第2组）", the third's
"（第3组）": ``["【篇四】", "一", "一是（第2组）"]``. ``number`` keeps the token as written.

A list "starts again" when a token of one style (一是, 一要, (一), 1 …) comes back under the same
parent: every later item of that style under that parent then belongs to the new group, so a
longer second list ("一是…五是" after "一是…四是") is suffixed throughout. Children follow their
parent's new path. The same helper gives the paths of items a person splits or merges in the
import preview (``unique_key``).
"""

from __future__ import annotations

import re
from typing import Iterable

from .draft import MeasureDraft

GROUP_SUFFIX = "（第{n}组）"
_NUMERAL_RE = re.compile(r"[一二三四五六七八九十〇零两0-9０-９\u2460-\u249b\u3220-\u3229\u3251-\u325f\u32b1-\u32bf]+")


def token_style(key: str) -> str:
    """The style of a path token, its numeral replaced: "三是" -> "N是", "（2）" -> "（N）"."""
    return _NUMERAL_RE.sub("N", key)


def unique_key(parent: tuple[str, ...], key: str, taken: set[tuple[str, ...]], start: int = 2) -> str:
    """``key`` when ``parent + (key,)`` is not in ``taken``, else ``key`` with the first free
    group suffix from ``start`` on ("一是（第2组）")."""
    if parent + (key,) not in taken:
        return key
    n = max(start, 2)
    while parent + (key + GROUP_SUFFIX.format(n=n),) in taken:
        n += 1
    return key + GROUP_SUFFIX.format(n=n)


def make_paths_unique(measures: Iterable[MeasureDraft]) -> list[MeasureDraft]:
    """Give every measure a path no earlier measure has, in place (levels follow).

    Returns the first item of each list that starts again (with its new path), for a
    warning. Linear in the number of measures.
    """
    renamed: dict[tuple[str, ...], tuple[str, ...]] = {}
    taken: set[tuple[str, ...]] = set()
    groups: dict[tuple[tuple[str, ...], str], tuple[int, set[str]]] = {}
    restarts: list[MeasureDraft] = []
    for measure in measures:
        old = tuple(measure.path)
        parent = renamed.get(old[:-1], old[:-1])
        key = old[-1]
        style = token_style(key)
        group, keys = groups.get((parent, style), (1, set()))
        if key in keys:
            group, keys = group + 1, set()
        keys.add(key)
        groups[(parent, style)] = (group, keys)
        wanted = key if group == 1 else key + GROUP_SUFFIX.format(n=group)
        new_key = wanted if parent + (wanted,) not in taken else unique_key(parent, key, taken, group + 1)
        if new_key != key and len(keys) == 1:
            restarts.append(measure)
        new = parent + (new_key,)
        taken.add(new)
        renamed[old] = new
        if new != old:
            measure.path = list(new)
            measure.level = len(new)
    return restarts


__all__ = ["GROUP_SUFFIX", "make_paths_unique", "token_style", "unique_key"]
