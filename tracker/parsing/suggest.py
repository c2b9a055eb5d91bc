"""Suggested units: units that a speech names as the subject of a duty, in running text.

Speeches carry no annotations but say who must act: "市金融办、人行要通力合作" (seed 001),
"国资委及各部门、各县市区、各经济区（园区）要全面逐一掌握…" (seed 000). The rule is
conservative, because a wrong suggestion costs a person more than a missed one:

- a clause (text between 。；！？，： or a line break) opens with a list of names joined by
  、 及 和 与 以及 (optionally closed by 等 / 等部门 / 等单位), directly followed by 要, 牵头,
  负责 or 会同;
- every name in the list must look like a unit: at most 20 characters, ending in 办, 局, 委,
  行, 厅, 部, 部门, 会, 政府, 中心, 银行, 机构, 单位, 公司, 办公室, 工委, 管委会…, or being
  a "各…" collective (各部门, 各县市区, 各金融机构); a leading 由/请 is dropped;
- names that are people or vague ("干部", "有关部门", "相关部门", "大家", "我们") void the list.

The result is only ever offered as a suggestion (``MeasureDraft.suggested_units``), never
stored as lead or supporting units without a person's confirmation.
"""

from __future__ import annotations

import re

from ..vocabulary.han import HAN, HAN_CLASS

_CLAUSE_RE = re.compile(
    r"(?:^|(?<=[。；;！？!?，,：:\n]))\s*"
    r"(?P<subject>[^。；;！？!?，,：:\n]{2,80}?)"
    r"(?:都|也|均|还)?(?:要|牵头|负责|会同)"
)
_JOINERS_RE = re.compile(r"、|以及|及|和|与")
_GROUP_TAIL_RE = re.compile(rf"等{HAN_CLASS}{{0,12}}$")  # "A、B等重点产业链办公室" -> A、B
_LEAD_WORDS_RE = re.compile(r"^(?:由|请|并由|同时|另外)")
_UNIT_RE = re.compile(
    r"(?:办|局|委|行|厅|部|部门|会|政府|中心|银行|机构|单位|公司|办公室|工委|管委会|"
    r"监管局|分局|支行|分行|营管部|总社|联社|法院|检察院)$"
)
_COLLECTIVE_RE = re.compile(
    rf"^各(?:级各)?{HAN_CLASS}{{0,10}}(?:部门|单位|机构|县市区|区县|区|县|乡镇|街道|（园区）|\(园区\))$"
)
_NOT_UNITS_RE = re.compile(
    r"干部|领导|同志|大家|我们|你们|有关部门|相关部门|其他|主要负责|的|有部分|有的|作为|内部|全部|一定"
)
_MAX_CHARS = 20


def _is_unit(name: str) -> bool:
    if not name or len(name) > _MAX_CHARS or _NOT_UNITS_RE.search(name):
        return False
    if re.search(rf"[^{HAN}（）()〔〕]", name):
        return False
    return bool(_UNIT_RE.search(name) or _COLLECTIVE_RE.match(name))


def suggest_units(text: str, exclude: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Unit names that ``text`` (a measure's text) names as subjects of a duty, in order.

    ``exclude``: names already known (the measure's lead and supporting units), left out.
    Returns a list without duplicates; empty when nothing matches. Never raises.
    """
    found: list[str] = []
    for m in _CLAUSE_RE.finditer(text or ""):
        subject = _GROUP_TAIL_RE.sub("", _LEAD_WORDS_RE.sub("", m["subject"].strip()))
        names = [n.strip() for n in _JOINERS_RE.split(subject)]
        if not names or not all(_is_unit(n) for n in names):
            continue
        for name in names:
            if name not in found and name not in exclude:
                found.append(name)
    return found
