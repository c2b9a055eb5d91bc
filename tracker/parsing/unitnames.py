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
_AND_RE = re.compile(r"以及|(?<!涉)及|和|与")  # 涉及 ("涉及街道", unnamed areas) is one word
# Shortest name on either side of 及 for the list to be split there.
_AND_SIDE_MIN_CHARS = 3


_LEVEL_RE = re.compile(r"^(?:省|市|区|區|县|縣|州|盟|旗|镇|鎮|乡|鄉|各)")


def _tail_of_one_name(pieces: list[str]) -> bool:
    """Are the pieces after 和 the rest of one department's name ("省文化廣電和旅遊廳": the first names
    its level, 省, and the next does not: 旅遊廳 is no unit of its own)?"""
    return bool(_LEVEL_RE.match(pieces[0])) and not any(_LEVEL_RE.match(p) or is_vague_collective(p) for p in pieces[1:])


def _split_and(units: list[str]) -> list[str]:
    """"A及B", "A和B", "A与B" -> A, B when both sides end like a unit ("市级各有关部门及各县市区政府",
    "市发展改革委和市财政局") or one is a vague collective ("区财政局及相关街道" -> 区财政局, 相关街道, which
    ``units.is_vague_collective`` then leaves out of the units); a name holding 及 or 和 otherwise stays whole ("市人力资源和社会保障局",
    "工业和信息化部": 市人力资源, 工业 are no units)."""
    result = []
    for unit in units:
        pieces = _AND_RE.split(unit)
        if len(pieces) > 1 and all(len(p) >= _AND_SIDE_MIN_CHARS and (UNIT_SUFFIX_RE.search(p) or is_area_unit(p)
                                                                       or is_vague_collective(p))
                                   for p in pieces) and not _tail_of_one_name(pieces):
            result += pieces
        else:
            result.append(unit)
    return result


def annotation_units(value: str) -> list[str]:
    """The unit names of an annotation: the list split as everywhere (tracker/vocabulary/units.py),
    then a list closed by 等 read as the units before it.

    "市金融办、各区县〔自治县〕人民政府" -> ["市金融办", "各区县〔自治县〕人民政府"];
    "市金融办、市财政局等有关部门" -> ["市金融办", "市财政局", "有关部门"];
    "市级各有关部门及各县市区政府" -> both (及 between two names that end like units).
    """
    return _split_etc(_split_and(split_units(value)))


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
