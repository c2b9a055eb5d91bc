"""Rank entities by one derived figure, ties sharing a rank (CONTRACTS.md §8).

``competition_ranks`` is THE tie rule of every ranking in the tracker (units' 按期办结率 ranking in
services/figures/ranking.py, indicator rankings here): equal figures share a rank, the next one skips.
"""
from __future__ import annotations

from typing import Hashable, Sequence

#: --by choices → the key of the figure ranked on.
RANK_KEYS = {"yoy": "yoy_pct", "ytd": "ytd_change", "target": "completion_pct"}


def competition_ranks(keys: Sequence[Hashable]) -> list[int]:
    """Return the competition rank (1, 1, 3) of each position of ``keys``, already sorted best first.

    ``keys`` holds, per ranked item, what decides its place (e.g. ``(-rate, overdue)``); items whose
    keys are equal share the rank of the first of them and the next different item's rank counts them
    all ("并列" as the offices' 排名通报 write it: 1, 1, 3). An empty sequence gives an empty list.
    """
    ranks: list[int] = []
    for position, key in enumerate(keys, start=1):
        ranks.append(ranks[-1] if ranks and keys[position - 2] == key else position)
    return ranks


def rank(items: list[dict], key: str, higher_is_better: bool = True) -> list[dict]:
    """Return ``items`` (dicts holding ``key``) sorted best first, each with a "rank".

    Standard competition ranking: equal figures (to 2 decimals) share a rank and the next rank
    skips (1, 1, 3). Items whose ``key`` is None come last with rank None; the order among equals
    is by "entity" name. ``items`` is not changed; the returned dicts are copies.
    """
    present = [dict(item) for item in items if item.get(key) is not None]
    missing = [dict(item, rank=None) for item in items if item.get(key) is None]
    sign = -1 if higher_is_better else 1
    present.sort(key=lambda item: (sign * round(item[key], 2), str(item.get("entity", ""))))
    for item, place in zip(present, competition_ranks([round(item[key], 2) for item in present])):
        item["rank"] = place
    missing.sort(key=lambda item: str(item.get("entity", "")))
    return present + missing


def largest_shortfalls(rows: list[dict], limit: int = 5) -> list[dict]:
    """The rows of one indicator's ranking with a 欠账 (shortfall > 0), largest first, at most ``limit``.

    "Largest" is the 欠账 itself (序时目标 − 完成数, in the indicator's unit), as the offices' 通报 list
    it; equal ones by entity name. Rows are the dicts of CONTRACTS.md §8."""
    behind = [row for row in rows if row.get("shortfall")]
    behind.sort(key=lambda row: (-row["shortfall"], str(row.get("entity", ""))))
    return behind[:limit]
