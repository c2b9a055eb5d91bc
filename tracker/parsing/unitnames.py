"""Unit names in annotations: reading a list of names and judging whether they look like units.

Lists are split by the vocabulary's ``split_units`` (at 、 ， , ； ; only at bracket depth 0),
so "各区县〔自治县〕人民政府" and "市打击非法金融活动领导小组各成员单位" stay whole (seed 003 二（四）); a list closed by 等
("A、B等按职责分工负责", 国务院 2018) loses the 等, and "A等有关部门" gives A and 有关部门.
"""

from __future__ import annotations

import re

from ..vocabulary.units import (UNIT_SUFFIX_RE, is_area_unit, is_condition_words, is_office_holder, is_progress_text,
                                 is_the_public, is_vague_collective, split_units)
from ..vocabulary.captions import LEAD_DUTY_WORDS, RESPONSIBLE_DUTY_WORDS, SUPPORTING_DUTY_WORDS
from ..vocabulary.han import HAN, HAN_CLASS, simplified

_UNIT_MAX_CHARS = 40


def _split_etc(units: list[str]) -> list[str]:
    """"A等" -> "A"; "A等有关部门" -> "A", "有关部门" (a list closed by 等, 钢城 2021). A name closing
    the list with 等 loses it whatever its ending ("商贸物流园等" -> "商贸物流园", 金乡 2025). The words after 等 are read in
    simplified characters (han.py ``simplified``, the one mapping): "農業部等部門" -> "農業部", as "农业部等部门" -> "农业部"
    (branch units66); words going on after 等部门 ("等部門研究提出落實意見") stay, for ``plausible_units`` to reject."""
    result = []
    for unit in units:
        if unit.endswith("等") and len(unit) > _ETC_HEAD_MIN_CHARS:
            result.append(unit[:-1])
            continue
        head, sep, tail = unit.partition("等")
        if sep and head and UNIT_SUFFIX_RE.search(head):
            result.append(head)
            if tail and simplified(tail) not in ("部门", "单位") and not _COUNT_TAIL_RE.match(tail):
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
    remark ignored: "市委组织部（市人才办）"). In a list of three names or more, up to a third may end otherwise when
    each is a name and no sentence (``_names_something``: "宁波舟山港", "阿里巴巴" beside the departments of a long
    list; branch units28): the list around them says what they are, so a long list is never cut for one of them."""
    if not units or all(is_the_public(_REMARK_RE.sub("", unit.removesuffix("等"))) for unit in units):
        return False  # "社会参与", "鼓励企业参与": the public called on, no unit list (units.is_the_public; kinds34)
    # a leader's post among the names ("分管副县长、县水利局负责"): a person, judged neither way; the list is the bodies'
    # (``resolve_units`` leaves the post out; units.is_office_holder, kinds44)
    units = [unit for unit in units if not is_office_holder(unit)] or units
    odd = 0
    # trades listed before the body's word written once after the last ("公安、交通运输部门负责", "发展改革、财政部门按职责分工
    # 负责"): the names before it are the trades of the same departments, units as written (315/531's rule; GOLD-README "fresh45")
    shared = strict and len(units) >= 2 and _SHARED_BODY_RE.search(units[-1]) is not None
    for unit in units:
        if len(unit) > _UNIT_MAX_CHARS or re.search(r"[。！？!?：:]", unit) or is_progress_text(unit) or is_condition_words(unit):
            return False  # a sentence, a progress cell's words ("否", "完成60%": units.is_progress_text) or a condition's
            # ("外地考生的自行": units.is_condition_words)
        if _AFTER_ETC_BODIES_RE.match(simplified(unit)) and not is_vague_collective(unit):
            return False  # "部門研究提出落實意見": the work after a list closed by 等部门, no name (units66)
        if strict and names_a_work(unit):
            return False  # "（探索设立…示范区，推动…高新区申报升格为国家级高新区）": the item's works, no unit list (units66)
        name = _REMARK_RE.sub("", unit.removesuffix("等"))
        # a level with its kinds in brackets ("镇(街道)") is judged whole: its remark is the group's other kind (kinds46)
        if strict and not (UNIT_SUFFIX_RE.search(name) or is_area_unit(name) or is_area_unit(unit.removesuffix("等"))):
            if shared and len(name) <= _TRADE_MAX_CHARS and _NAME_RE.fullmatch(name) and not _NOT_A_TRADE_RE.search(name):
                continue  # "公安", "发展改革" before "交通运输部门", "财政部门"
            if not _names_something(name):
                return False
            odd += 1
    return odd == 0 or (len(units) >= _ODD_LIST_MIN and odd * 3 <= len(units))


# The words going on after a list closed by 等部门 / 等单位 ("…、财政部等部門研究提出落實意見" leaves "部門研究提出落實意見" after
# ``_split_etc``): 等部门 closes the list, what follows is the work, never a unit's name, in either script (branch units66).
# A vague collective after 等 ("…等部门单位参与" leaves "部门单位") is no work: it stays, to be left out as vague (stop 51).
_AFTER_ETC_BODIES_RE = re.compile(r"^(?:部门|单位)\S")
# A work of an item written where units may stand (a bracket after its heading listing what it builds: "（探索设立国家…区域合作
# 示范区，推动某省级高新区申报升格为国家级高新区，某新区创建为国家级…示范区）"): a name opening with a verb of work and ending
# in a zone or a place (区, 园, 港, 基地: what is built, never the body that answers; "建设工程质量监督站" and "创建全国文明城市
# 指挥部" end as offices do and stay names), or a clause making something what it becomes ("某新区创建为…", "升格为", "打造为").
_WORK_VERB_OPENING_RE = re.compile(
    r"^(?:探索|设立|推动|创建|推进|建设|加快|加强|打造|培育|争取|争创|申报|支持|鼓励|引导|实施|开展|完善|建立|促进|谋划|启动|"
    r"筹建|新建|扩建|建成|组建|规划|力争|积极|大力|着力|全力)\S{4,}(?:区|园|港|基地|口岸|通道)$")
_BECOMING_CLAUSE_RE = re.compile(r"\S(?:创建|升格|建设|打造|建成|争创|设立|改制|改建|调整|认定|评定|命名)为\S")


def names_a_work(name: str) -> bool:
    """Is ``name`` (a piece of a list where units may stand: a bracket's clause, a cell's name) a work of the item rather than
    a unit: a verb of work opening it and a zone or a place closing it ("探索设立国家东中西区域合作示范区", "建设某某综合保税区"),
    or a clause of becoming ("某新区创建为国家级循环经济发展示范区", "…申报升格为国家级高新区")? Read in simplified characters
    (han.py ``simplified``). ``plausible_units`` (strict) rejects a list holding one (GOLD-README "units66")."""
    probe = simplified(name)
    return bool(_WORK_VERB_OPENING_RE.match(probe) or _BECOMING_CLAUSE_RE.search(probe))


# The body's word a list of trades shares, written once after its last name ("公安、交通运输部门", "发展改革、财政主管部门"), and
# the longest trade written before it (``plausible_units``).
_SHARED_BODY_RE = re.compile(r"^(?!主管|有关|有關|相关|相關|各|其他|职能|職能|业务|業務)\S{2,}(?:部门|部門)$")
_TRADE_MAX_CHARS = 8
# A list this long at least may hold names that end otherwise than a unit (``plausible_units``).
_ODD_LIST_MIN = 3
# What makes a piece of a list no name: the work it states ("加快建设", "完成改造"), a figure with its measure ("5万亩",
# "10%"), people rather than a body ("社会各界"), a thing that is done or planned ("项目", "工程", "规划", "试行").
_NOT_A_WORD_OF_A_BODY = (
    r"推进|加强|加快|完成|实施|开展|落实|建立|完善|推动|组织|做好|确保|实现|支持|鼓励|引导|制定|出台|提高|提升|促进|加大|"
    r"强化|深化|培育|打造|增长|新增|达到|负责|牵头|配合|参与|协助|创建|改造|整治|治理|保障|服务于|"
    r"^(?:要|将|已|把|对|按|由|含|包括|以下|简称|见|第)|"
    # people and the public, never a body that answers ("社会各界", "广大群众", "志愿者")
    r"社会|群众|公众|市民|居民|村民|农民|各界|力量|人士|志愿者|个人|家庭|"
    r"[0-9０-９]+\s*(?:%|％|万|亿|元|个|家|项|亩|吨|户|人|年|月|日)")
_THINGS = r"项目|工程|产业|行业|资金|政策|制度|办法|规划|方案|计划|体系|机制|平台|工作|试点|活动|行动|任务|目标|指标|标准|条例|意见|通知|试行|暂行|修订|批"
_NOT_A_NAME_RE = re.compile(_NOT_A_WORD_OF_A_BODY + rf"|(?:{_THINGS}|改革)$")
# A trade written before the body's word its list shares ("发展改革、财政部门"): its field may end in 改革, never a thing.
_NOT_A_TRADE_RE = re.compile(_NOT_A_WORD_OF_A_BODY + rf"|(?:{_THINGS})$")
_NAME_RE = re.compile(rf"{HAN_CLASS}[{HAN}0-9０-９·（）()、]{{1,15}}")


def names_something(name: str) -> bool:
    """Is ``name`` (a piece of a unit list, or a clause beside one) a name rather than words of work or a figure
    (``_names_something``)? Read by tracker/parsing/annotations.py to tell a caption's words from its names (kinds44)."""
    return _names_something(name)


def _names_something(name: str) -> bool:
    """Is ``name`` (a piece of a unit list that does not end like a unit) a name, not a sentence or a thing: Chinese
    characters (digits, brackets inside), 2–16 of them, no work done, no figure, no plan or project (``_NOT_A_NAME_RE``,
    read in simplified characters: "部門研究提出落實意見" states work as "部门研究提出落实意见" does; branch units66)?"""
    return bool(_NAME_RE.fullmatch(name)) and not _NOT_A_NAME_RE.search(simplified(name))


# A remark in brackets after a unit's name ("市委组织部（市人才办）", "市财政局（含下属单位，各分局）"):
# the name ends before it.
_REMARK_RE = re.compile(r"[（(〔][^（()）〔〕]*[）)〕]$")


# What a unit cell run on into the task text can open with, at most: a body's name is shorter than this.
_RUN_ON_NAME_MAX_CHARS = 20
_DUTY_IN_TEXT_RE = re.compile("|".join(LEAD_DUTY_WORDS + SUPPORTING_DUTY_WORDS + RESPONSIBLE_DUTY_WORDS))


def run_on_unit(text: str) -> tuple[str, str] | None:
    """The unit a table's unit cell opens with when a copy ran it on into the task text with no separator, and the task
    that follows: "县水利局领导小组完成项目政策处理工作，推进大坝建设。" -> ("县水利局领导小组", "完成项目政策处理工作，推进大坝建设。"),
    "乡村振兴办成功创建美丽城镇。" -> ("乡村振兴办", "成功创建美丽城镇。"). The unit is the longest opening (2–20 characters, before
    the first punctuation) that ends as a body's name ends (``UNIT_SUFFIX_RE``: 局, 办, 委, 组, 中心, 管委会, 政府 …) and states no
    work, nor cuts a word of work (``_NOT_A_NAME_RE``: "县人民政府组织实施" opens with 县人民政府); the rest opens with a character and states the work. None for a unit list ("区发改局、区财政局"),
    for a cell whose words name duties ("市财政局牵头，市税务局配合": the annotation grammar reads it) and where no such opening
    exists ("现代化美丽城镇", "完成道路提升5公里": the row names no unit). GOLD-README "kinds34"."""
    text = (text or "").strip()
    if not text or _DUTY_IN_TEXT_RE.search(text) or plausible_units(split_units(text), True):
        return None
    head = re.split(r"[，,。；;：:、\s（(]", text, maxsplit=1)[0]
    found = None
    for end in range(2, min(len(head), _RUN_ON_NAME_MAX_CHARS) + 1):
        opening, rest = text[:end], text[end:]
        if (re.match(HAN_CLASS, rest) and UNIT_SUFFIX_RE.search(opening) and not _NOT_A_NAME_RE.search(text[:end + 1])
                and _NOT_A_NAME_RE.search(rest)):
            found = (opening, rest)
    return found
