"""Unit names in annotations: reading a list of names and judging whether they look like units.

Lists are split by the vocabulary's ``split_units`` (at 、 ， , ； ; only at bracket depth 0),
so "各区县〔自治县〕人民政府" and "市打击非法金融活动领导小组各成员单位" stay whole (seed 003 二（四）); a list closed by 等
("A、B等按职责分工负责", 国务院 2018) loses the 等, and "A等有关部门" gives A and 有关部门.
"""

from __future__ import annotations

import re

from ..vocabulary.units import UNIT_SUFFIX_RE, is_area_unit, is_progress_text, is_vague_collective, split_units

_UNIT_MAX_CHARS = 40


def _split_etc(units: list[str]) -> list[str]:
    """"A等" -> "A"; "A等有关部门" -> "A", "有关部门" (a list closed by 等, 钢城 2021). A name closing
    the list with 等 loses it whatever its ending ("商贸物流园等" -> "商贸物流园", 金乡 2025)."""
    result = []
    for unit in units:
        if unit.endswith("等") and len(unit) > _ETC_HEAD_MIN_CHARS:
            result.append(unit[:-1])
            continue
        head, sep, tail = unit.partition("等")
        if sep and head and UNIT_SUFFIX_RE.search(head):
            result.append(head)
            if tail and tail not in ("部门", "单位") and not _COUNT_TAIL_RE.match(tail):
                result.append(tail)
        else:
            result.append(unit)
    return result


# Shortest name before a closing 等 for it to be dropped (a name of three characters at least).
_ETC_HEAD_MIN_CHARS = 3
# "A等10个部门", "A等多个单位": a count of the units listed, no unit of its own.
_COUNT_TAIL_RE = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十两多几]+)个?(?:部门|单位|部門|單位)$")


def annotation_units(value: str) -> list[str]:
    """The unit names of an annotation: the list split as everywhere (tracker/vocabulary/units.py),
    then a list closed by 等 read as the units before it.

    "市金融办、各区县〔自治县〕人民政府" -> ["市金融办", "各区县〔自治县〕人民政府"];
    "市金融办、市财政局等有关部门" -> ["市金融办", "市财政局", "有关部门"];
    "市级各有关部门及各县市区政府" -> both (及 between two names that end like units: ``units.split_joined``, which
    keeps "高新区党工委和管委会" whole).
    """
    return _split_etc(split_units(value))


def plausible_units(units: list[str], strict: bool) -> bool:
    """True when every name could be a unit: short, no sentence punctuation, and with
    ``strict`` also ending like a unit (局, 委, 办, 政府, 部门, …; a trailing 等 or a bracketed
    remark ignored: "市委组织部（市人才办）")."""
    if not units:
        return False
    for unit in units:
        if len(unit) > _UNIT_MAX_CHARS or re.search(r"[。！？!?：:]", unit) or is_progress_text(unit):
            return False  # a sentence, or a progress cell's words ("否", "完成60%": units.is_progress_text)
        name = _REMARK_RE.sub("", unit.removesuffix("等"))
        if strict and not (UNIT_SUFFIX_RE.search(name) or is_area_unit(name)):
            return False
    return True


# A remark in brackets after a unit's name ("市委组织部（市人才办）", "市财政局（含下属单位，各分局）"):
# the name ends before it.
_REMARK_RE = re.compile(r"[（(〔][^（()）〔〕]*[）)〕]$")
