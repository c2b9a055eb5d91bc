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


def shared_ranks(ranks: Sequence[int | None]) -> list[bool]:
    """Return, per position of ``ranks`` (as ``competition_ranks`` gives them; None: not ranked), whether
    another position holds the same rank: the ranks a 通报 prints as 并列 (``rank_note``)."""
    counts: dict[int, int] = {}
    for place in ranks:
        if place is not None:
            counts[place] = counts.get(place, 0) + 1
    return [place is not None and counts[place] > 1 for place in ranks]


#: The word for a rank another unit shares (``shared_ranks``), and the caption of the column that says it where a
#: table keeps the rank a number (the 通报's 排名 table on its page, .docx and .xlsx: workflow54).
TIE = "并列"


def tie_label(tied: bool) -> str:
    """Return what a ranking table writes of a shared rank: ``TIE`` ("并列") when ``tied``, else "". The one way a tie
    is written: in a column of its own (``NOTE_CAPTION``, ``rank_note``), beside the rank as a bare number
    (``rank_number``), on the 通报 (page, .docx, .xlsx), the dashboard and the indicator pages alike (workflow54-55)."""
    return TIE if tied else ""


#: The caption of the column beside the rank that says a shared rank (``TIE``) or why a row has none (``rank_note``):
#: the 通报's 排名 table (page, .docx, .xlsx), the dashboard's and the indicators' rankings (workflow55).
NOTE_CAPTION = "并列/说明"
#: Why a row of a ranking of units has no rank, where the sentence under the table gives the reason in full
#: (services/figures/ranking.no_ranking_note: no unit closed a task or reported on time, so nobody is ranked).
SEE_NOTE = "暂不排名（原因见表下说明）"
#: Why a row of an indicator ranking has no rank: the figure it is ranked on is missing (a first month's 同比增速, a
#: 序时完成率 without a target; ``rank``).
NO_FIGURE = "缺少排名所依据的数字，不排名"


def rank_number(place: int | None) -> int | str:
    """Return a rank as every ranking table prints it in its rank column: the int itself (so Excel sorts the 通报's
    .xlsx by it), "" when not ranked (None: an empty cell, never "—", workflow55; ``rank_note`` says why). A tie is
    said apart (``tie_label``, workflow54: "1（并列）" was text and sorted as text)."""
    return "" if place is None else place


def rank_note(place: int | None, tied: bool, why: str = SEE_NOTE) -> str:
    """Return what the ``NOTE_CAPTION`` column says of a row: ``why`` (one short sentence: ``SEE_NOTE``, ``NO_FIGURE``)
    when it has no rank (``place`` None), else ``tie_label(tied)`` ("并列" or "")."""
    return why if place is None else tie_label(tied)


def with_rank_labels(rows: list[dict], why: str = NO_FIGURE) -> list[dict]:
    """Copies of ``rows`` (dicts holding "rank", all of one ranking, before any are left out) each with "rank_label",
    the rank cell as the tables print it (``rank_number``: 3, or "" unranked) and "rank_note", the 并列/说明 cell
    (``rank_note``: "并列" where another row shares the rank, ``why`` where the row has none, else "")."""
    ties = shared_ranks([row["rank"] for row in rows])
    return [{**row, "rank_label": rank_number(row["rank"]), "rank_note": rank_note(row["rank"], tied, why)}
            for row, tied in zip(rows, ties)]


def rank(items: list[dict], key: str, higher_is_better: bool = True) -> list[dict]:
    """Return ``items`` (dicts holding ``key``) sorted best first, each with a "rank".

    Standard competition ranking: equal figures (to 2 decimals) share a rank and the next rank
    skips (1, 1, 3). Items whose ``key`` is None come last with rank None, by their month's figure ("value", the
    larger first where ``higher_is_better``; none last), so that a month no one can be ranked in yet (the tracker's
    first month has no 同比增速) reads as the table's size order, not as the names' code points (workflow53); the
    order among equals is by "entity" name. ``items`` is not changed; the returned dicts are copies.
    """
    present = [dict(item) for item in items if item.get(key) is not None]
    missing = [dict(item, rank=None) for item in items if item.get(key) is None]
    sign = -1 if higher_is_better else 1
    present.sort(key=lambda item: (sign * round(item[key], 2), str(item.get("entity", ""))))
    for item, place in zip(present, competition_ranks([round(item[key], 2) for item in present])):
        item["rank"] = place
    missing.sort(key=lambda item: (item.get("value") is None, sign * round(item.get("value") or 0, 2),
                                   str(item.get("entity", ""))))
    return present + missing


def largest_shortfalls(rows: list[dict], limit: int = 5) -> list[dict]:
    """The rows of one indicator's ranking with a 欠账 (shortfall > 0), largest first, at most ``limit``.

    "Largest" is the 欠账 itself (序时目标 − 完成数, in the indicator's unit), as the offices' 通报 list
    it; equal ones by entity name. Rows are the dicts of CONTRACTS.md §8."""
    behind = [row for row in rows if row.get("shortfall")]
    behind.sort(key=lambda row: (-row["shortfall"], str(row.get("entity", ""))))
    return behind[:limit]


#: The rule of the overall ranking (综合排名), printed beside its table on the ranking page, in the
#: bulletin and returned by the API. 位次赋分法 as the offices' 按月排名通报 score several indicators.
OVERALL_RULE = ("综合排名（位次赋分法）：每项指标按所选依据排名，单项得分 =（参加该项排名的机构数 − 名次 + 1）÷ 参加该项排名的机构数 × 100，"
                "该项没有名次的机构得 0 分；综合得分 = Σ（指标权重 × 单项得分）÷ Σ 指标权重（只计权重大于 0 的指标），"
                "本月没有任何机构参加排名的指标不计；保留两位小数，从高到低排名，得分相同者并列（如 1、1、3）。")


def overall(rankings: dict[str, list[dict]], weights: dict[str, float]) -> list[dict]:
    """Combine per-indicator rankings into the overall ranking (OVERALL_RULE), best first.

    ``rankings``: {indicator name: rows of ``rank`` (dicts with "entity" and "rank", rank None when
    not ranked)}; ``weights``: {indicator name: weight ≥ 0}; indicators missing from ``weights``,
    weighing 0 or without any ranked entity do not count. Returns one dict per entity found in any counted ranking:
    {"entity", "score" (0–100, 2 decimals), "scores" {indicator: 单项得分 or None}, "rank"}; equal
    scores share a rank (competition_ranks). Empty when no indicator weighs more than 0.
    """
    counted = {name: weight for name, weight in weights.items() if weight and weight > 0
               and any(row.get("rank") is not None for row in rankings.get(name, []))}
    total = sum(counted.values())
    if not total:
        return []
    scores: dict[str, dict[str, float | None]] = {}
    for name in counted:
        rows = rankings[name]
        ranked = sum(1 for row in rows if row.get("rank") is not None)
        for row in rows:
            place = row.get("rank")
            scores.setdefault(row["entity"], {})[name] = (None if place is None
                                                          else (ranked - place + 1) / ranked * 100)
    lines = []
    for entity, by_name in scores.items():
        score = sum(counted[name] * (by_name.get(name) or 0.0) for name in counted) / total
        lines.append({"entity": entity, "score": round(score, 2),
                      "scores": {name: None if by_name.get(name) is None else round(by_name[name], 2)
                                 for name in counted}})
    lines.sort(key=lambda line: (-line["score"], line["entity"]))
    for line, place in zip(lines, competition_ranks([line["score"] for line in lines])):
        line["rank"] = place
    return lines
