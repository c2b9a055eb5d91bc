"""Unit annotations: who leads a measure, who supports it, and by when.

Forms read (CONTRACTS.md §1; the captioned form is seed 003's):
- captioned, at the end of the measure or on its own line right after it:
  "（牵头单位：A、B；配合单位：C、D）", "牵头单位：区发改局 责任单位：…", "完成时限：2016年底前";
- inline: "（A、B牵头，C、D按职责分工负责）", "（A会同B负责）", "（A、B负责）", "（C、D配合）";
- in any bracket (（）, (), 〔〕, 【】, []), captions in traditional characters ("牽頭單位："), in square
  brackets ("【牵头单位】A"), written with 为 ("牵头单位为A"), short captions alone ("（主办：A；协办：
  B）"), persons among them ("牵头领导：张三", "责任人：…": read and left out), a deadline among the
  units ("配合单位：B；2023年底前完成");
- a list of units alone in a bracket that closes the measure's words or one of its sentences ("…增长11%(市发改委,各县市区
  政府)。", "…壮大县域经济(省经委、发改委、财政厅)。加大…": all responsible, so all lead without a precedence rule;
  GOLD-README "annot27"), the commas half-width or full-width, mixed with 、;
- duties in words closing the measure ("…，由A牵头，B配合。": ``text_duties``; GOLD-README "Units"), or opening a
  heading's body in a sentence of their own ("一、X工程" / "由A承办，B、C协办。治理工作目标：…"), with the duty
  words of the vocabulary (牵头/主办, 配合/协办/参与, 负责/承办: captions.py).

Roles: ``ANNOTATION_CAPTIONS`` (the caption table of tracker/vocabulary/captions.py, shared with
the ledger reader: 牵头单位/主办单位/…, 配合单位/协办单位/…, 完成时限/时间节点/…) maps each caption
to a role. 责任单位/责任部门 and the inline "…负责" give the role ``RESPONSIBLE``, resolved per measure by ``resolve_units``: lead when the measure names no
lead unit, supporting when it does; and, once the document has stated a precedence rule such as
"排在第一位的部门为牵头部门", the first responsible unit is lead and the others supporting.

Unit lists are split by tracker/vocabulary/units.py and judged in ``unitnames.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from ..vocabulary.captions import (ANNOTATION_CAPTIONS, CAPTION_SYNONYMS, COLUMN_ONLY_CAPTIONS, DEADLINE, DEADLINE_FIELD,
                                   GOAL_CLAUSE_CAPTIONS, LEAD, LEAD_DUTY_WORDS, PERSON_ROLE, RESPONSIBLE, RESPONSIBLE_DUTY_WORDS, SUPPORTING,
                                   SUPPORTING_DUTY_WORDS,
                                   annotation_role, match_caption)
from ..vocabulary.han import HAN_CLASS, simplified
from ..vocabulary.numbering import chinese_numeral_value
from ..vocabulary.persons import CONTACT_CAPTIONS, LEADER_CAPTION_PATTERN, names_who_answers
from ..vocabulary.units import (CLOSERS, OPENERS, is_area_unit, is_full_unit_name, is_named_group, is_office_holder,
                                is_same_as_above, is_short_unit_name, is_vague_collective, names_other_name,
                                names_surnamed_persons, persons_beside_units, role_marks_in_round_brackets)
from .deadlines import (breaks_inside_date, captioned_deadline, deadline_caption_line, is_deadline_clause,
                        names_a_window_of, written_deadline)
from .unitnames import annotation_units, names_something, plausible_units

OTHER = "other"  # a caption naming neither lead nor supporting units ("数据提供单位", 成都 2022)

# A leader's caption of the persons' grammar ("分管副市长", "市领导", "责任秘书长": vocabulary/persons.py) is a caption too, read
# and left out like 牵头领导, so that the units' caption beside it leads (GOLD-README, 251's rule; branch kinds45).
_CAPTION_RE = re.compile(
    "(" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True)) + "|" + LEADER_CAPTION_PATTERN + r")\s*[：:]\s*"
)
# Any "…单位：" / "…部门：" caption inside an annotation; unknown ones get the role OTHER.
# Short captions read only inside an annotation that already holds a full caption
# ("（责任单位：A；时间：2024年6月）"): alone they are too common in sentences.
# ("（责任单位：牵头：A；配合：B）", a table cell that names the roles itself.)
_SHORT_CAPTIONS = {"时间": DEADLINE, "时限": DEADLINE, "期限": DEADLINE,
                   **{word: LEAD for word in LEAD_DUTY_WORDS}, **{word: SUPPORTING for word in SUPPORTING_DUTY_WORDS},
                   # "牵头：A" / "责任：B、C" on two lines of one cell (a Word 分工表): 责任 captions the units that carry the
                   # work out, supporting after a 牵头 as 责任单位 does (GOLD-README "Units"; kinds44)
                   "责任": RESPONSIBLE,
                   # a contact's number beside a person ("联系人：李四，电话：…"): no unit
                   **{caption: PERSON_ROLE for caption in CONTACT_CAPTIONS},
                   # the time captions of a table's column ("时限要求", "进度安排", "时间安排"): beside a full caption
                   # ("（牵头单位：A；时限要求：长期坚持）") they caption the deadline, as in a table (issue 13, deadlines
                   # round 3); alone they open a plan's paragraphs ("时间安排：分三个阶段…") and are read there no more
                   **{caption: DEADLINE for caption in CAPTION_SYNONYMS[DEADLINE_FIELD] if caption in COLUMN_ONLY_CAPTIONS}}
# A bracket or a line that opens with a short duty caption and names the roles itself ("（主办：区财政局；协办：
# 区税务局）", "（牵头：A；配合：B）", the lines "主办：县水利局" / "协办：县生态环境局" under an item): read like a
# captioned one, every name being a unit's.
_LEAD_WORDS = "|".join(LEAD_DUTY_WORDS)  # the duty words of the vocabulary (captions.py), as alternatives
_SUPPORTING_WORDS = "|".join(SUPPORTING_DUTY_WORDS)
_SHORT_ONLY_RE = re.compile(rf"^\s*(?:{_LEAD_WORDS}|{_SUPPORTING_WORDS})\s*[：:]")
# A caption written in square brackets before its value ("【牵头单位】市财政局【配合单位】市税务局"), also a
# duty word alone ("【主办】市发展改革委【协办】市财政局", read like "主办：…；协办：…", every name a unit's).
_BRACKETED_CAPTION_RE = re.compile(
    r"[【\[［]\s*(" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True)) + rf"|{_LEAD_WORDS}|{_SUPPORTING_WORDS})"
    r"\s*[】\]］]\s*[：:]?\s*"
)
# A captioned tail after a sentence's end ("…。牵头单位：A"), or one opened by a duty word alone ("…。主办：A；协办：B。",
# read only when every name is a unit's: ``parse_annotation_body``).
_TAIL_CAPTION_RE = re.compile(
    "(?:" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True)) + rf"|(?:{_LEAD_WORDS}|{_SUPPORTING_WORDS})(?=\s*[：:]))"
    r"\s*[：:]"
)


# "牵头单位为市财政局，配合单位为市税务局": a caption written with 为 instead of its colon, at the start
# of the annotation or of one of its clauses; so is one followed by a semicolon typed for its colon, its value after it
# ("（责任单位;住建局、畜牧局）", a 督查 notice; GOLD-README "fresh44").
_CAPTION_IS_RE = re.compile(
    r"(?:(?<=^)|(?<=[，,；;。\s]))(" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True))
    + r")\s*(?:为|是|[；;](?=[^\s；;，,。：:]))")


def _caption_is(text: str) -> str:
    """"牵头单位为A，配合单位为B" -> "牵头单位：A，配合单位：B", "责任单位;A、B" -> "责任单位：A、B" (same length; positions of
    the probe agree). Other text is returned unchanged."""
    probe = _duty_probe(text)
    if not _CAPTION_IS_RE.search(probe):
        return text
    chars = list(text)
    for m in _CAPTION_IS_RE.finditer(probe):
        chars[m.end() - 1] = "："
    return "".join(chars)


def _bracketed_captions(text: str) -> str:
    """"【牵头单位】A【配合单位】B" -> "牵头单位：A；配合单位：B" (a caption in square brackets is a
    caption; the values are read as after "牵头单位："). Text without such captions is returned
    unchanged; traditional characters are read through ``_duty_probe``."""
    probe = _duty_probe(text)
    if not _BRACKETED_CAPTION_RE.search(probe):
        return text
    pieces, cursor = [], 0
    for m in _BRACKETED_CAPTION_RE.finditer(probe):
        before = text[cursor:m.start()].rstrip(" \t\u3000；;，,")
        pieces.append(before + ("；" if before and not ends_in(before, "。！？!?\n") else ""))
        pieces.append(text[m.start(1):m.end(1)] + "：")
        cursor = m.end()
    pieces.append(text[cursor:])
    return "".join(pieces)


# A composed caption glued to the value before it gives way to a listed caption that closes it ("…镇农业服务中心配合单位：
# 各村委会": `配合单位`, not `服务中心配合单位`, a page that lost the break between two captions; GOLD-README "fresh57"):
# after a Han character, no composed caption opens where a listed one follows within its six characters.
_LISTED_CAPTIONS = "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True))
_ANY_CAPTION_RE = re.compile(
    "(" + _LISTED_CAPTIONS + "|" + LEADER_CAPTION_PATTERN
    + rf"|(?:(?<!{HAN_CLASS})|(?!{HAN_CLASS}{{0,5}}(?:{_LISTED_CAPTIONS})\s*[：:])){HAN_CLASS}{{1,6}}(?:单位|部门)|"
    + "|".join(sorted(_SHORT_CAPTIONS, key=len, reverse=True)) + r")\s*[：:]\s*"
)
# "排在第一位的部门为牵头部门，下同", "列第一位者为牵头单位" (State Council documents),
# "列第一位为牵头或汇总单位，下同" (丽水 2023), "列第一位的责任单位为牵头单位" (杭州 2020).
# "排名第一的为牵头单位", "列首位的部门牵头" (wave 3).
_FIRST_PLACE = r"(?:第一位|第1位|首位|第一个|第一|第1|前面|在前|最前)"
PRECEDENCE_RE = re.compile(
    rf"(?:排在|排名|排序|排|列在|列于|列|位列|居){_FIRST_PLACE}的?(?:部门|单位|责任单位|者)?(?:为|是)?"
    r"(?:工作)?牵头(?:或汇总)?(?:部门|单位)?"
    # "第一个为牵头单位", "第一位的为牵头单位", "首位为牵头单位" (no 排/列 before it: the caption must follow)
    r"|(?:第一个|第一位|首位)的?(?:部门|单位|责任单位)?(?:为|是)(?:工作)?牵头(?:或汇总)?(?:部门|单位)"
    # "第一责任单位为牵头单位", "第一单位为牵头单位" (厦门 2019, fresh40): the first-named unit, 第一 before the unit's noun
    r"|第一(?:责任)?(?:部门|单位)(?:为|是)(?:工作)?牵头(?:或汇总)?(?:部门|单位)"
    # "牵头单位排在第一位", "牵头部门列首位"
    r"|牵头(?:部门|单位)(?:列|排)(?:在|于)?(?:第一位|首位|第一个|最前)"
)
#: Brackets that hold an annotation: full- and half-width round brackets, 〔〕, 【】 and [] (下陆区
#: 2020: "…治疗。[牵头单位:区卫健局;责任单位:…]"), pairwise.
ANNOTATION_OPENERS = "（(〔【[［"
ANNOTATION_CLOSERS = "）)〕】]］"
_RULE_BRACKET_RE = re.compile(r"[（(〔][^（()）〔〕]*(?:下同|以下同|牵头或汇总|第一位|首位|第一个|排名第一)[^（()）〔〕]*[）)〕]")
# The words that carry a remark to the items below ("下同", "以下同", "后同"): a clause of them alone, or 以下 (``_SAME_BELOW_RE``),
# or a standing remark's closing words (``_STANDING_REMARK_RE``).
_SAME_BELOW = r"(?:下同|以下同|后同)"
_SAME_BELOW_RE = re.compile(rf"^(?:以下|{_SAME_BELOW})$")

# Inline clauses: (regex on one clause, role of the units before the keyword).
# How the units share the duty, before its word: by their remits ("按职责分工", "根据职能", "按照各自职责"), then how
# ("分工", "共同", "具体", "分别"), either or both ("按职责分别负责", "按职责分工分别牵头"; branch units30).
_REMIT = r"(?:(?:按照?|根据|依据)?(?:各自)?(?:职责|职能)(?:分工)?)?"
# A charge to act as each sees fit before its duty word ("各地级以上市人民政府结合实际落实", "各县区人民政府结合实际认真落实",
# GOLD-README wave 10): how, no part of the name (alone over collectives it is no unit list: ``is_standing_charge``).
_DUTY = rf"{_REMIT}(?:分工|共同|具体|分别|各自)?(?:结合实际)?(?:认真)?"
# "A为牵头单位", "B为配合单位", "C为责任单位", "由A、B作为牵头单位", "A、B、C为共同责任单位": the role written as a caption after
# 为 / 是 / 作为, said once after the list's last unit for the whole list (how the units share it, 共同 / 主要, allowed before it;
# GOLD-README "kinds49"). In a bracket (``_INLINE_CLAUSES``) and in a closing clause without one (``_CLOSING_DUTIES``).
_AS_ROLE = r"(?:为|是|作为)(?:共同|主要|具体)?"
_ROLE_AS_CAPTION: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(rf"(?P<units>.+?){_AS_ROLE}(?:{_LEAD_WORDS})(?:责任)?(?:单位|部门)"), LEAD),
    (re.compile(rf"(?P<units>.+?){_AS_ROLE}(?:{_SUPPORTING_WORDS})(?:责任)?(?:单位|部门)"), SUPPORTING),
    (re.compile(rf"(?P<units>.+?){_AS_ROLE}责任(?:单位|部门)"), RESPONSIBLE),
)
_INLINE_CLAUSES: tuple[tuple[re.Pattern, str], ...] = _ROLE_AS_CAPTION + (
    # "A牵头", "A牵头负责", "A牵头抓总", "A负责牵头", "A主抓", "A主办" (wave 7: A主办,B、C协办)
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:负责)?(?:{_LEAD_WORDS})(?:负责|落实|实施|推进|抓总|抓落实)?"), LEAD),
    # "B配合", "B参与", "B协同", "B配合实施", "B协办"
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:{_SUPPORTING_WORDS})(?:实施|落实|推进|做好)?"), SUPPORTING),
    (re.compile(rf"(?P<units>.+?){_DUTY}负责(?:落实|实施|推进)?"), RESPONSIBLE),
    (re.compile(rf"(?P<units>.+?){_DUTY}抓(?:好)?落实"), RESPONSIBLE),
    # "各地区落实", "市财政局组织实施" (wave 3): the units carry the measure out
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:组织)?(?:落实|实施)"), RESPONSIBLE),
)
# Time words of an annotation that are no deadline ("（各区县政府，每年）").
_NO_DEADLINE_WORDS = frozenset({"每年", "年年"})
# A start date ("2024年起", "自2024年3月起", "2024年起实施") says when the measure begins, not by when.
_START_DATE_RE = re.compile(r"^(?:自|从)?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起|开始)(?:实施|执行|推进|开展|施行)?$")
# How the work is carried out, after the units ("（市发改委负责，分年度实施）", "（A牵头，分步推进）",
# issue 13): a clause that names no unit and no time by which; the annotation is read without it
# (GOLD-README: a value that names no time, "分阶段完成", is no deadline).
# So is the time the office leaves to others ("（A牵头，按上级要求）", "根据工作需要", "按省统一部署": a value of 完成时限 that
# names no time, read the same after the units as under its caption; GOLD-README 350 and "fresh35").
_MANNER_RE = re.compile(
    r"^(?:(?:分年度|分年|逐年|分阶段|分步骤?|分批次?|分期|逐步|稳步|有序|统筹|梯次|滚动|按年度|按季度|按月|按计划|按进度|按程序|"
    r"定期|试点先行|先行先试)"
    r"(?:实施|推进|落实|开展|完成|建设|执行|推开|推广)"
    r"|(?:按|按照|根据|依据|视)(?:上级|国家|省|市|县|省市|上级部门)?(?:统一)?(?:要求|部署|安排|工作需要|需要|实际需要|工作进度)"
    r"(?:实施|推进|落实|开展|完成|执行)?)$")
_DUTY_WORDS_RE = re.compile(r"牵头|配合|责任单位|责任部门|负责")
# A bare list of units (no duty word, no deadline) counts only with names this long at least.
_BARE_UNIT_MIN_CHARS = 3
# Brackets that hold no units although their words end like one ("含下属单位", "以下简称市金融办").
_NOT_A_UNIT_LIST_RE = re.compile(r"^(?:含|包括|包含|不含|除|以下简称|简称|即|如|例如|指)")
# Duty words and captions written in traditional characters ("牽頭", "負責", "按職責分工", "會同",
# "參與", "協助", "牽頭單位", "責任部門", "完成時限", "時間節點", "牽頭領導", "分別負責") are matched as their
# simplified forms (vocabulary/han.py ``simplified``, the one table); the unit names are sliced from the text as
# written (the translation maps one character to one, so positions agree).
def _duty_probe(text: str) -> str:
    """``text`` with the traditional characters of duty words made simplified (same length)."""
    return simplified(text)


# "A会同B负责", "A会同B牵头" (the lead's duty word, branch units30), "由A会同B等部门负责落实" (负责 and the work's verb, as
# "A负责落实" reads; GOLD-README wave 29, branch units66): A leads, B joins in
# "A处会B" (广东's short form of 会同 between two bodies, "宣传处会办公室"; fresh42): only after a body's last character that makes no
# word with 会 (处, 局, 厅, 室, 科, 股, 所, 站, 中心: never 委员会, 管委会, 协会, 工会, 商会).
_TOGETHER_RE = re.compile(
    rf"(?P<units>.+?)(?:会同|(?<=[处局厅室科股所站心])会(?!同))(?P<others>.+?){_DUTY}"
    rf"(?:负责(?:落实|实施|推进)?|落实|实施|推进|办理|{_LEAD_WORDS})?")


@dataclass
class Annotation:
    """One unit annotation as read: ``entries`` are (role, unit) pairs in written order (role is
    LEAD, SUPPORTING or RESPONSIBLE); ``deadline`` is the deadline as written or None; ``raw`` is
    the annotation text; ``line`` the source line it sits on."""

    entries: list[tuple[str, str]] = field(default_factory=list)
    deadline: str | None = None
    raw: str = ""
    line: int = 0
    unreadable: bool = False
    ignored: list[str] = field(default_factory=list)
    persons: bool = False  # it named a leader ("牵头领导：张三"), read and left out
    # it captioned the deadline ("完成时限：…", a table's time cell), whatever the value: the measure's deadline is
    # that caption's, never a date in its text (a value naming no time, "已完成" or an empty cell, gives none)
    deadline_captioned: bool = False
    # its units' duties are written as words, no caption at all ("（A、B按职责分工负责）", "（A牵头，B配合）"): a
    # responsible unit of it leads unless a lead is named in it (``resolve_units``; branch kinds40)
    worded: bool = False
    # it only says the units are those of the item above ("（同上）", ``units.is_same_as_above``): the walker gives the
    # measure the units of the measure before it, as a table's "同上" cell takes the row above's (branch kinds44)
    same_as_above: bool = False

    @property
    def read(self) -> bool:
        """True when the annotation said something: units, a deadline, only a leader, or that its units are those above."""
        return bool(self.entries or self.deadline or self.persons or self.deadline_captioned or self.same_as_above)

    @property
    def names_duty(self) -> bool:
        """True when the annotation says in words what its units do (a caption such as 责任单位 or 牵头单位, or a duty word:
        牵头, 配合, 负责), not a bare bracket of names ("（八公山乡污水处理站）", which in a ledger's task cell is the
        project's site more often than its unit)."""
        return bool(_DUTY_WORDS_RE.search(self.raw))


# A clause closed by its duty word, then a blank ("A牵头 B、C配合": the comma a copy lost).
_DUTY_BEFORE_BLANK_RE = re.compile(rf"(?:{_LEAD_WORDS}|{_SUPPORTING_WORDS}|负责)$")


def _spans_outside_brackets(body: str, cuts: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``body`` cut at the characters outside brackets where ``cuts(index, start of the
    piece)`` holds, the cutting character in no piece."""
    spans, start, depth = [], 0, 0
    for index, char in enumerate(body):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        if depth == 0 and cuts(index, start):
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(body)))
    return spans


# A comma inside one window of dates, after its start closed by 起 or 开始 and before its end opened by 至/到 ("（A牵头，8月12日
# 开始，至8月底）"): one clause, the window (GOLD-README "fresh52" and "fresh54"), never a start and an end apart.
_WINDOW_START_BEFORE_RE = re.compile(r"[0-9０-９一二三四五六七八九十][日号月旬](?:起|开始)$|[上中下]旬(?:起|开始)$")
_WINDOW_END_AFTER_RE = re.compile(r"[至到](?:[0-9０-９]|[一二三四五六七八九十]{1,3}月|年[底末]|今年)")


def _joins_window(body: str, index: int) -> bool:
    """True when the comma at ``body[index]`` joins a window's start closed by 起/开始 to its end opened by 至/到."""
    return (body[index] in "，," and bool(_WINDOW_START_BEFORE_RE.search(body[max(0, index - 12):index]))
            and bool(_WINDOW_END_AFTER_RE.match(body, index + 1)))


def _clause_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``body``: cut at ， , ； ; 。 outside brackets, and at a blank
    after a duty word ("A牵头 B、C配合")."""
    return _spans_outside_brackets(body, lambda index, start: (body[index] in "，,；;。" and not _joins_window(body, index)) or (
        body[index] in " \t\u3000" and index > start
        and bool(_DUTY_BEFORE_BLANK_RE.search(_duty_probe(body[max(start, index - 2):index])))))


# The words a duty clause opens with before its units, dropped before the units are read: 由 / 请 / 并由 / 其中, and 由 or 请
# after an adverb ("具体由办公室负责" -> 办公室, "统一由A牵头"; "均由A负责" is a standing remark; GOLD-README "fresh64"). One rule for the
# bracketed clauses (``_read_clauses``) and the duties written as words (``_closing_duty``, ``_waiting_units``).
_DUTY_LEAD_IN_RE = re.compile(r"^(?:(?:具体|并|统一)?(?:由|请)|其中)")


def split_clauses(body: str) -> list[str]:
    """The clauses of an annotation: ``body`` cut at ， , ； ; 。 outside brackets, stripped,
    empty ones dropped ("A、B负责。列第一位者为牵头单位，下同" -> 3 clauses)."""
    return [c for c in (body[a:b].strip() for a, b in _clause_spans(body)) if c]


def _is_rule_clause(clause: str) -> bool:
    """The precedence rule or its "下同" (they say how to read units, they name none)."""
    return bool(PRECEDENCE_RE.search(_duty_probe(clause)) or _SAME_BELOW_RE.match(clause))


# The condition a precedence rule is stated under, a clause of its own before it in the same sentence ("一项任务涉及
# 多个部门的，原则上由排名首位的部门牵头负责", "凡涉及两个以上单位的，列第一位的为牵头单位", "如有多个单位，…"): it
# names no unit, it says when the rule applies.
_RULE_CONDITION_RE = re.compile(r"(?:的|时|者)$|^(?:凡|如|若|对于?|一项|各项|每项)|涉及|多个|两个以上|2个以上|多家|多部门")


def _strip_rule_clauses(body: str) -> str:
    """Drop the precedence rule and "下同" clauses from an annotation body (with the separator
    after each; the other clauses keep theirs), and with the rule the clauses of its sentence before it
    that state when it applies (``_RULE_CONDITION_RE``: "(由A、B、C负责。一项任务涉及多个部门的，原则上由排名
    首位的部门牵头负责。下同)" -> "由A、B、C负责"; GOLD-README "annot27")."""
    spans = _clause_spans(body)
    drop = set()
    for index, (start, end) in enumerate(spans):
        if not _is_rule_clause(body[start:end].strip()):
            continue
        drop.add(index)
        before = index - 1
        while (before >= 0 and body[spans[before][1]:spans[before][1] + 1] in "，,"
               and _RULE_CONDITION_RE.search(_duty_probe(body[spans[before][0]:spans[before][1]].strip()))):
            drop.add(before)  # the rule's condition, a clause of the same sentence (cut at a comma, not at 。/；)
            before -= 1
    if not drop:
        return body
    return "".join(body[start:end + 1] for index, (start, end) in enumerate(spans)
                   if index not in drop).strip(" ，,；;。")


# A sentence of an annotation saying what holds for the items after it and is not written again ("以下均需各县（市）区
# 政府落实，不再列出", "具体任务均涉及相关市（州）人民政府，不再做分工，下同"): a remark on the list, naming no unit of this item.
# So is a sentence on the items above it or on all of them ("以上各项任务均需各县区人民政府结合实际认真落实", "上述措施由各地
# 各部门按职责分工组织实施", a paragraph or a bracket after a group's last item; branch kinds44): ``_ABOVE_COVER``, 均需/均由.
_ABOVE_COVER = r"(?:以上|上述|前述|上列|本方案所列|本方案各项)"
_STANDING_REMARK_RE = re.compile(rf"^以下|^{_ABOVE_COVER}|均(?:需|须|由|应|要)|不再(?:一一|单独|另行|逐一)?"
                                 rf"(?:列出|列举|重复|单列|注明|标注|做分工|分工)|{_SAME_BELOW}$")
# The words of a standing charge to every area or department (``is_standing_charge``).
_STANDING_CHARGE_RE = re.compile(r"结合实际|认真落实|组织实施")


def is_standing_remark(text: str) -> bool:
    """Is ``text`` (a clause, a sentence, a bracket's body or a line) a remark on the list rather than a list of units: on
    the items below it ("以下均需…", "…不再单独列出", "下同"), on those above it ("以上各项任务…", "上述措施由…"), or on all of
    them ("…均需…", "…均由…")? Such words name no unit of the item they follow (GOLD-README "kinds40", "kinds44")."""
    return bool(_STANDING_REMARK_RE.search(_duty_probe((text or "").strip(" \t\u3000。；;，,"))))


def _is_collective(name: str) -> bool:
    """Every one of a kind or nobody in particular ("各县区人民政府", "全市各乡镇", "各地各部门", "有关部门"), no body of its own."""
    return is_vague_collective(name) or is_named_group(name)


def is_standing_charge(annotation: Annotation) -> bool:
    """Is ``annotation``, read from words with no caption, a standing charge to every area or department rather than a
    list of the item's units: it charges them to act as they see fit (结合实际, 认真落实, 组织实施) and names collectives only
    ("（各县区人民政府结合实际认真落实）")? A charge beside a body's duty ("A、B按职责分工负责，各地级以上市人民政府结合实际
    落实", GOLD-README wave 10) is an annotation as before (branch kinds44)."""
    return (annotation.worded and bool(annotation.entries) and bool(_STANDING_CHARGE_RE.search(_duty_probe(annotation.raw)))
            and all(_is_collective(unit) for _, unit in annotation.entries))


def _strip_standing_remarks(body: str) -> str:
    """``body`` without the sentences after its first (cut at 。 outside brackets) that make a standing remark on the
    items below (``_STANDING_REMARK_RE``): "A牵头，B配合，C负责落实。以下均需C落实，不再列出" -> "A牵头，B配合，C负责落实。".
    What such a remark says of later items is not applied to them (GOLD-README "kinds40": each item names its own
    units). The first sentence is always kept."""
    sentences = [body[start:end + 1] for start, end in _spans_outside_brackets(body, lambda index, _: body[index] == "。")]
    kept = sentences[:1] + [s for s in sentences[1:] if not _STANDING_REMARK_RE.search(_duty_probe(s.strip(" 。")))]
    return "".join(kept) if len(kept) < len(sentences) else body


def _read_clauses(body: str, bare_units: bool,
                  duties_follow: bool = False) -> tuple[list[tuple[str, str]], str | None] | None:
    """The grammar of an uncaptioned annotation, clause by clause: (entries, deadline) or None.

    A clause is a duty ("A、B牵头", "C配合", "D按职责分工负责", "A会同B负责"; a leading 由/请
    dropped), a deadline ("5月底完成", "6月底前": ``deadlines.is_deadline_clause``; the first one
    is kept), the precedence rule, a way of working that names no time ("分年度实施", "分步推进":
    ``_MANNER_RE``, passed over), or a list of units waiting for the next duty ("A、B、C，各省级
    人民政府按职责分工负责": all responsible). Units left waiting at the end are responsible when a
    deadline, a duty or a way of working was read, or when ``bare_units`` (the bracket closes a
    sentence: "…。（市财政局、市审计局）"). None when a clause is none of these (the bracket is no
    annotation), except a clause of words outside the vocabulary ("抓紧推进", "按月调度", "逐年推进"), wherever it sits, when a
    duty of the bracket is read before or after it and no list waits for a duty across it: the duties stand and that clause
    is passed over (it is read as a deadline only where it is one: "（区教育局负责，抓紧推进）" names 区教育局 and no time,
    branch kinds43; "（县应急局牵头，按月调度，县消防救援大队配合）" names both units, branch kinds44). A standing remark on
    the list ("不再单独列出", ``_STANDING_REMARK_RE``) is never passed over: the bracket is none. ``duties_follow``: the
    clauses stand before a caption naming units ("（长期坚持；按月调度；牵头单位：A）", "（联系人：张某；A牵头，B配合）" after
    the person's name): a time, a way of working or words of work read there need no duty of their own (branch matrix46)."""
    entries: list[tuple[str, str]] = []
    pending: list[str] = []
    deadline = None
    manner = False
    passed_over = False  # a clause of words outside the vocabulary was passed over: a duty must be read (kinds44)
    unknown = False  # one of them is no side clause either (``names_no_unit``): a caption after it does not excuse it
    clauses = split_clauses(body)
    for clause in clauses:
        clause = _DUTY_LEAD_IN_RE.sub("", clause)
        if not clause or _is_rule_clause(clause) or clause in _NO_DEADLINE_WORDS or _START_DATE_RE.match(clause):
            continue  # "每年" says how often, not by when: no deadline, no unit (issue 13)
        if is_deadline_clause(clause):
            deadline = deadline or written_deadline(clause)
            continue
        if deadline is not None and _LATER_STAGE_RE.match(clause):
            continue  # "（A牵头，2022年底前完成，2023年巩固提升）": a later stage; the first time is the deadline (fresh35)
        captioned = deadline_caption_line(clause)  # "（A负责；时间：2023年底）": a short caption among clauses
        if captioned is not None:
            deadline = deadline or captioned
            continue
        if _MANNER_RE.match(_duty_probe(clause)):
            manner = True  # "分年度实施": how, not who nor by when; it marks the units before it
            continue
        probe = _duty_probe(clause)
        if _STANDING_REMARK_RE.search(probe):
            return None  # "以上各项任务均需…", "（上述措施由…组织实施）", "…，不再单独列出": a remark on the list, no annotation
        read = _duty_clause(clause, probe, pending, opening=not entries)
        if read is not None:
            entries += read
            pending = []
            continue
        units = annotation_units(clause)
        if not any(regex.fullmatch(probe) for regex in (_TOGETHER_RE, *(r for r, _ in _INLINE_CLAUSES))) and (
                plausible_units(units, True) and not _NOT_A_UNIT_LIST_RE.match(clause)):
            pending += units  # "A、B，C按职责分工负责": a list waiting for the next duty
            continue
        # a clause the grammar does not read: a duty word with no unit's name before it ("分头落实"), or no list at all
        if pending:
            return None  # a list waits across it
        passed_over = True  # "抓紧推进", "按月调度": the duties read before or after it stand (kinds43, kinds44)
        unknown = unknown or not names_no_unit(clause)  # "督导专员：冯某" is no known side clause (kinds45)
    short = [unit for unit in pending if len(unit) < _BARE_UNIT_MIN_CHARS]
    if short and not (entries or deadline) and (len(short) == len(pending) or not all(map(is_short_unit_name, short))):
        # "（试行）" ends like a bank (行) but names none; a short name beside full ones is the list's abbreviation of a
        # unit ("(市发改委、农委、人保局,各市(县)、区政府)": names after the first written without 市; branch units28)
        return None
    if pending and (entries or deadline or bare_units or manner):
        entries += [(RESPONSIBLE, u) for u in pending]
        pending = []
    follows = duties_follow and not unknown
    if pending or (passed_over and not entries and not follows):
        return None
    if not (entries or deadline):
        return ([], None) if follows and (passed_over or manner) else None
    if not entries and _YEARS_ALONE_RE.fullmatch(deadline or ""):
        return None  # "（2016—2020年）", "（2023）" after a title: the plan's period, no annotation
    return entries, deadline


def _duty_clause(clause: str, probe: str, pending: list[str], opening: bool = False) -> list[tuple[str, str]] | None:
    """Entries of one duty clause of an annotation ("A、B牵头", "C配合", "A会同B负责"), the ``pending`` units waiting before
    it taking its duty (but leading when the clause's own units support, "A，B、C配合": A leads; GOLD-README "heldout37a",
    "lists68"; only when ``opening``: no duty was read before in the bracket, as "（A牵头，B等部门，C配合）" has one), or None
    when the clause is no duty or a name before its duty word is no unit's ("分头落实",
    ``plausible_units``, strict). ``probe`` is the clause with its duty words simplified (``_duty_probe``)."""
    together = _TOGETHER_RE.fullmatch(probe)
    if together:
        lead = pending + annotation_units(clause[together.start("units"):together.end("units")])
        others = annotation_units(clause[together.start("others"):together.end("others")])
        if plausible_units(lead, True) and plausible_units(others, True):
            return [(LEAD, u) for u in lead] + [(SUPPORTING, u) for u in others]
        return None
    for regex, role in _INLINE_CLAUSES:
        m = regex.fullmatch(probe)
        if m:
            own = annotation_units(clause[m.start("units"):m.end("units")])
            units = pending + own
            if not plausible_units(units, True):
                return None
            if role == SUPPORTING and pending and own and opening:
                # "（区无废办，领导小组成员单位按职责分工协助）", "（A，B、C按职责分工配合）": the role word binds to the
                # group it closes; the units before the comma, with no duty of their own, lead (branch lists68)
                return [(LEAD, u) for u in pending] + [(SUPPORTING, u) for u in own]
            return [(role, u) for u in units]
    return None


# A clause opening with a time after the deadline was read: the work of a later stage ("2023年巩固提升", "明年全面推开").
_LATER_STAGE_RE = re.compile(r"^(?:(?:19|20)\d{2}年|[0-9]{1,2}月|明年|次年|下半年|今后)")
# A year or a span of years alone ("2023", "2016—2020年"): a time as an annotation's clause beside units only.
_YEARS_ALONE_RE = re.compile(r"(?:19|20)\d{2}|(?:19|20)\d{2}年?[—\-－~～至到](?:19|20)\d{2}年")


def _parse_inline(body: str) -> list[tuple[str, str]] | None:
    """Parse "A、B牵头，C、D按职责分工负责" and the like; None when ``body`` is not that form
    (or names no unit)."""
    read = _read_clauses(body, bare_units=False)
    return read[0] if read and read[0] else None


# A clause saying everyone concerned does their part ("各有关部门、各镇街按职责分工负责", "其他单位按职责配合", "各相关单位
# 抓好落实"): the duty it closes on.
_COLLECTIVE_DUTY_RE = re.compile(
    r"(?P<units>.+?)(?:按(?:照)?(?:职责|职能)(?:分工)?(?:负责|配合|协助|参与|落实)(?:落实|实施)?|(?:负责)?抓(?:好)?落实)")


def _is_collective_remark(clause: str) -> bool:
    """Does ``clause`` (after a caption's list, cut at ；) only remark that everyone concerned does their part: names
    closed by ``_COLLECTIVE_DUTY_RE``, one of them at least a vague collective (``vocabulary.units.is_vague_collective``:
    "各有关部门", "其他单位") and the others every one of a kind ("各镇街", "各区县")? Such a clause names no unit of the item
    (GOLD-README "kinds43"); a clause naming a body ("市财政局按职责配合") is no remark."""
    duty = _COLLECTIVE_DUTY_RE.fullmatch(_duty_probe(clause.strip()))
    if not duty:
        return False
    names = annotation_units(clause.strip()[duty.start("units"):duty.end("units")])
    return (bool(names) and any(map(is_vague_collective, names))
            and all(is_vague_collective(n) or n.startswith("各") for n in names))


def _without_collective_remark(value: str) -> str:
    """``value`` (a caption's value) without its clauses after the first ；/; that are collective remarks
    (``_is_collective_remark``): "市商务局、市外办；各有关部门、各镇街按职责分工负责" -> "市商务局、市外办"."""
    spans = _spans_outside_brackets(value, lambda index, _: value[index] in "；;")
    if len(spans) < 2:
        return value
    kept = spans[:1] + [span for span in spans[1:] if not _is_collective_remark(value[span[0]:span[1]])]
    return "；".join(value[a:b] for a, b in kept) if len(kept) < len(spans) else value


def _caption_value(role: str, value: str) -> list[tuple[str, str]] | None:
    """Entries of one caption's value: a list of units, or an inline form ("A牵头，B负责"); a list
    before the inline form takes the caption's role ("责任单位：各区政府，市财政局配合")."""
    value = value.split("。", 1)[0]  # "…负责。具体任务均涉及…，下同。" keeps its first sentence
    value = _without_collective_remark(value)
    if re.search(rf"(?:{_LEAD_WORDS}|{_SUPPORTING_WORDS}|负责|落实)$", _duty_probe(value)):
        clauses = split_clauses(value)
        head: list[str] = []
        if len(clauses) > 1 and not _DUTY_WORDS_RE.search(_duty_probe(clauses[0])):
            head = annotation_units(clauses[0])
            if plausible_units(head, True):
                value = "，".join(clauses[1:])
            else:
                head = []
        inline = _parse_inline(value)
        if inline is not None:
            return [(role, u) for u in head] + [
                (role if r == RESPONSIBLE and role != RESPONSIBLE else r, u) for r, u in inline]
    roles = _clause_roles(value) if role in (LEAD, RESPONSIBLE) else None
    if roles is not None:
        return roles
    together = _TOGETHER_VALUE_RE.fullmatch(_duty_probe(value)) if role in (LEAD, RESPONSIBLE) else None
    if together:  # "A会同B、C" (a 责任单位 cell, a bracket without duty word): A leads, B and C support
        lead, others = (annotation_units(value[together.start(k):together.end(k)]) for k in ("lead", "others"))
        if plausible_units(lead, True) and plausible_units(others, True):
            return [(LEAD, u) for u in lead] + [(SUPPORTING, u) for u in others]
    units = annotation_units(value)
    if units and not plausible_units(units, False):
        return None
    marked = [_LEAD_MARK_RE.sub("", u) for u in units if _LEAD_MARK_RE.search(_duty_probe(u))]
    if marked and role in (LEAD, RESPONSIBLE):  # "市大数据局（牵头）、市财政局": the marked unit leads
        # the others support, their own mark dropped ("市财政局（配合）", one a line under the lead's)
        return [(LEAD, u[:m.start()]) if (m := _LEAD_MARK_RE.search(_duty_probe(u)))
                else (SUPPORTING, u[:m.start()] if (m := _SUPPORTING_MARK_RE.search(_duty_probe(u))) else u)
                for u in units]
    worded = [_ROLE_WORD_RE.search(_duty_probe(u)) for u in units]
    if len(units) > 1 and role in (LEAD, RESPONSIBLE) and any(m and m.group(1) in LEAD_DUTY_WORDS for m in worded):
        # "市财政局牵头、市税务局参与" (a table's 责任单位 cell): the unit written with 牵头 leads; "A和B分别牵头、C"
        # (a 责任单位 line naming two leads joined by 和, then the others): A and B lead, C supports (GOLD-README "fresh39")
        entries: list[tuple[str, str]] = []
        for u, m in zip(units, worded):
            if not m:
                entries.append((SUPPORTING, u))
                continue
            named = _JOINT_DUTY_RE.sub("", u[:m.start()])
            joined = annotation_units(named) if _JOINED_NAMES_RE.search(named) else [named]
            if not plausible_units(joined, True):
                joined = [named]
            entries += [(LEAD if m.group(1) in LEAD_DUTY_WORDS else SUPPORTING, name) for name in joined]
        return entries
    return [(role, u) for u in units]


# "分别" / "共同" between the names and their duty word ("A和B分别牵头"): how the named units share the duty, no
# part of the last name.
_JOINT_DUTY_RE = re.compile(r"(?<=\S\S)(?:分别|共同|各自)$")
# Two names joined by 和/及/与 before one duty word ("A和B分别牵头"): a list like "A、B" (GOLD-README wave 6: 和 separates).
_JOINED_NAMES_RE = re.compile(r"\S\S[和及与]\S\S")


# "A会同B、C": the units before 会同 lead the work, those after it join them (as in "A会同B负责", _TOGETHER_RE).
_TOGETHER_VALUE_RE = re.compile(r"(?P<lead>[^，,；;。会]+?)(?:会同|(?<=[处局厅室科股所站心])会(?!同))(?P<others>[^，,；;。]+)")


def _clause_roles(value: str) -> list[tuple[str, str]] | None:
    """Entries of a 责任单位 caption's value whose clauses mark their roles with duty words
    ("A、B牽頭,C、D", "A牵头，B、C配合", "A、B（牵头），C"): each clause is one list; a clause closed
    by 牵头 or （牵头） leads, every name of it, one closed by 配合/参与/协助/协办 supports, and an
    unmarked clause beside a leading one supports (GOLD-README "Units": 责任单位 after a 牵头 caption).
    None when no clause but the last is so marked or some clause names no unit (the value is read
    as a plain list: "市大数据局（牵头）、市财政局" marks one unit of one list)."""
    clauses = split_clauses(value)
    if len(clauses) < 2:
        return None
    marks = [_CLAUSE_ROLE_RE.search(_duty_probe(clause)) for clause in clauses]
    if not any(m and m.group("lead") for m in marks):
        return None
    entries: list[tuple[str, str]] = []
    for clause, m in zip(clauses, marks):
        lead_in = re.match(r"(?:其中|并由|由)", clause)  # "A、B、C，其中A牵头": A leads
        units = annotation_units(clause[lead_in.end() if lead_in else 0:m.start() if m else len(clause)])
        if not plausible_units(units, True):
            return None
        entries += [(LEAD if m and m.group("lead") else SUPPORTING, u) for u in units]
    return entries


# The duty word closing one clause of a 责任单位 value ("A、B牵头", "C、D（牵头）", "E配合"); a name
# must be left before it.
_CLAUSE_ROLE_RE = re.compile(rf"(?<=\S\S)(?:(?P<lead>[（(]\s*牵头(?:单位|部门)?\s*[）)]|(?:分别|共同)?(?:{_LEAD_WORDS})(?:负责)?)"
                             rf"|(?:{_SUPPORTING_WORDS})(?:实施|落实)?)$")
# A unit marked as the lead inside a list of responsible units ("市大数据局（牵头）").
_LEAD_MARK_RE = re.compile(r"[（(]\s*牵头(?:单位|部门)?\s*[）)]$")
# A unit marked as supporting beside a marked lead ("市大数据局（牵头）、市财政局（配合）").
_SUPPORTING_MARK_RE = re.compile(rf"[（(]\s*(?:{_SUPPORTING_WORDS})(?:单位|部门)?\s*[）)]$")
# A unit followed by its duty word inside a list ("市财政局牵头", "市税务局参与"); the name must be
# left (two characters at least).
_ROLE_WORD_RE = re.compile(rf"(?<=\S\S)({_LEAD_WORDS}|{_SUPPORTING_WORDS})$")


def _strip_edges(text: str) -> str:
    """``text`` without the separators and stray brackets at its ends; a bracket closing a remark
    of the last unit stays ("各区、县(市)政府(管委会)")."""
    text = text.strip(" \t；;，,。")
    while text and text[0] in "（(" and text.count(text[0]) > text.count("）" if text[0] == "（" else ")"):
        text = text[1:].strip(" \t；;，,。")
    while text and text[-1] in "）)" and text.count(text[-1]) > text.count("（" if text[-1] == "）" else "("):
        text = text[:-1].strip(" \t；;，,。")
    return text


# Blanks a site typed or a page's source wrap left inside a caption ("完成 时限：", "配合单 位："): layout, like
# blanks inside a unit name or an enumerator (GOLD-README wave 8, deadlines round 4). Only a whole caption
# followed by its colon is closed up, so blanks between a unit and the next caption stay ("A 责任单位：B").
_CAPTION_BLANKS = "[ \u3000\u00a0]"
_BLANKED_CAPTION_RE = re.compile(
    "(?:" + "|".join(f"{_CAPTION_BLANKS}*".join(re.escape(ch) for ch in caption)
                     for caption in sorted(ANNOTATION_CAPTIONS, key=len, reverse=True)) + r")(?=\s*[：:])")


def close_caption_blanks(text: str) -> str:
    """``text`` with the blanks inside each caption written before its colon removed ("完成 时限：2024年" ->
    "完成时限：2024年"); other blanks stay."""
    if not re.search(_CAPTION_BLANKS, text or ""):
        return text
    return _BLANKED_CAPTION_RE.sub(lambda m: re.sub(_CAPTION_BLANKS, "", m.group(0)), text)


def parse_annotation_body(body: str, line: int = 0, bare_units: bool = False) -> Annotation | None:
    """Read the inside of an annotation (without its brackets).

    Returns an ``Annotation``, or None when ``body`` is not an annotation (e.g. "OTC",
    "此件公开发布", "试行"). Captioned segments are split at each caption; text before the first
    caption is read by the clause grammar (``_read_clauses``: "市金融办牵头；完成时限：2016年底前",
    "市财政局，5月底完成"). ``bare_units``: a list of units with no duty word counts too (the
    bracket closes a sentence or stands on its own line). Names are kept as written, vague
    collectives included ("A等有关部门和单位" -> A, 有关部门和单位); the unit registry leaves those
    out (``vocabulary.units.is_vague_collective``).
    """
    if is_same_as_above(body):  # "（同上）": the units of the item above (kinds44)
        return Annotation(raw=body.strip(), line=line, worded=True, same_as_above=True)
    text = _strip_rule_clauses(_strip_standing_remarks(
        _RULE_BRACKET_RE.sub("", _bracketed_captions(persons_beside_units(close_caption_blanks(
            role_marks_in_round_brackets(body.strip())))))))
    text = _caption_is(text)
    probe = _duty_probe(text)  # captions in traditional characters ("牽頭單位：") read as simplified
    short_only = not _CAPTION_RE.search(probe) and bool(_SHORT_ONLY_RE.match(probe))
    if not _CAPTION_RE.search(probe) and not short_only:
        captions = []
    else:
        captions = list(_ANY_CAPTION_RE.finditer(probe))
    annotation = Annotation(raw=body.strip(), line=line, worded=not captions)
    prefix = text[: captions[0].start()] if captions else text
    prefix = _strip_edges(prefix)
    if prefix and captions and names_surnamed_persons(prefix):
        annotation.persons = True  # "（张同生、石海波，责任单位：A）": the leaders by name before the units' caption (fresh67)
    elif prefix:
        read = _read_clauses(prefix, bare_units, duties_follow=bool(captions))
        if read is None:
            return None
        annotation.entries += read[0]
        annotation.deadline = read[1]
    for i, m in enumerate(captions):
        end = captions[i + 1].start() if i + 1 < len(captions) else len(text)
        value = text[m.end():end].strip(" \t\u3000；;，,。")
        role = annotation_role(m.group(1)) or _SHORT_CAPTIONS.get(m.group(1), OTHER)
        if short_only and role in (LEAD, SUPPORTING, RESPONSIBLE) and not plausible_units(annotation_units(value), True):
            return None  # "（主办：X；协办：Y）" only when every name is a unit's
        if role == DEADLINE:
            read = _after_first_clause(value)  # "完成时限：2026年6月底前；A牵头，B配合" (matrix46)
            if read and read[0]:
                annotation.entries += read[0]
                value = value[:_spans_outside_brackets(value, lambda index, _: value[index] in "；;，,")[0][1]]
            annotation.deadline = captioned_deadline(value)
            annotation.deadline_captioned = True
            continue
        if role == PERSON_ROLE:  # a leader, a person: never a unit
            annotation.persons = True
            read = _after_first_clause(value)  # "联系人：张某；A牵头，B配合": the duties after the person's name (matrix46)
            if read:
                annotation.entries += read[0]
                annotation.deadline = annotation.deadline or read[1]
            continue
        if role == OTHER:
            annotation.ignored.append(text[m.start(1):m.end(1)])
            continue
        kept = []
        clauses = split_clauses(value) if role in (LEAD, SUPPORTING, RESPONSIBLE) else [value]
        # how many clauses name units by their endings, counted once (linear in the clauses)
        named = sum(plausible_units(annotation_units(clause), True) for clause in clauses) if len(clauses) > 1 else 0
        for clause in clauses:
            if is_deadline_clause(clause):
                # "配合单位：B；2023年底前完成"; a second time ("…，2024年6月底前，并长期坚持") is the same time's clause, the
                # first the deadline, neither a unit (kinds46)
                annotation.deadline = annotation.deadline or written_deadline(clause)
            elif not (named and names_no_unit(clause, beside_names=True)):
                kept.append(clause)  # "牵头单位：A；按月调度；配合单位：B": the words are passed over (kinds44)
        if len(kept) != len(split_clauses(value)) and role in (LEAD, SUPPORTING, RESPONSIBLE):
            value = "，".join(kept)
        entries = _caption_value(role, value)
        if entries is None:
            return None
        annotation.entries += entries
    if not annotation.entries and annotation.deadline is None and not captions:
        return None
    if is_standing_charge(annotation):
        return None  # "（各县区人民政府结合实际认真落实）": a charge to every area, no unit list (kinds44)
    return annotation


def _after_first_clause(value: str) -> tuple[list[tuple[str, str]], str | None] | None:
    """The duties and deadline written after the first clause of a person's or a deadline's caption, with no caption of
    their own: "王某；A、B牵头，C配合；按月调度" (the value of 牵头领导) -> A, B lead, C supports; "副市长李某，持续推进" -> the
    deadline 持续推进; "2026年6月底前；A负责" (the value of 完成时限) -> A. The first clause is the caption's own (a name, a
    post, a time); the clauses after it are read by the clause grammar (``_read_clauses``, no bare units: a list names
    units only with its duty word, so "张某，电话…" stays the person's), words of work among them passed over. None when
    nothing after it reads (branch matrix46: a person's or a deadline's clause goes anywhere among an annotation's)."""
    spans = _spans_outside_brackets(value, lambda index, _: value[index] in "；;，,")
    if len(spans) < 2:
        return None
    read = _read_clauses(value[spans[1][0]:], bare_units=False, duties_follow=True)
    return read if read and (read[0] or read[1]) else None


# A clause of a caption's value saying only how the units share the work, with no name before it ("按职责分工负责",
# "分工负责", "共同推进"): a clause that names no unit (``names_no_unit``).
_NAMELESS_DUTY_RE = re.compile(rf"{_DUTY}(?:负责|落实|实施|推进)(?:落实|实施|推进)?")
# How often the work is followed up ("按月调度", "每季度通报", "定期督导"): a remark beside the units, no time by which (it
# is passed over inside a bracket as words of work, kinds44; here it is known, so that an unbracketed annotation reads across it).
_FOLLOW_UP_RE = re.compile(r"(?:(?:按|每)(?:周|旬|月|季度|季|半年|年度?)|定期|动态)(?:(?:调度|通报|督导|督查|跟踪)(?:进展|进度|情况)?"
                           r"|(?:报送|报告)(?:进展|进度|情况))")


def names_no_unit(clause: str, beside_names: bool = False) -> bool:
    """Is ``clause`` (one clause of an item's annotation, cut at ， ； 。) one that names no unit but stands among the units'
    clauses? The one rule for such clauses, wherever they stand (issue 13):

    - Always (GOLD-README "matrix46": a side clause, read wherever an office writes it, also around an annotation without a
      bracket, on the item's line or on lines of its own): a deadline ("长期坚持", "2026年6月底前完成", "完成时限：…":
      ``deadlines.is_deadline_clause``, ``deadlines.deadline_caption_line``), a way of working ("分步实施": ``_MANNER_RE``),
      a follow-up ("按月调度", "每季度通报": ``_FOLLOW_UP_RE``), how the units share the work with no name ("按职责分工负责":
      ``_NAMELESS_DUTY_RE``), or a person's caption with its value ("联系人：张某", "分管副市长：李某": the vocabulary's
      persons, tracker/vocabulary/captions.py). A caption the vocabulary does not know ("督导专员：冯某") is none (kinds45).
    - ``beside_names``: the clause is one of a caption's value cut at ， ； beside another clause that names units by their
      endings ("牵头单位：A；抓紧推进；配合单位：B"; the caller asks only there). Then words of work are such a clause too
      (GOLD-README "kinds44": "抓紧推进", "逐年推进", an opening 按): one piece with no 、 nor blank, no colon (an unknown
      caption and its value, "经办人：张三", is decided by the vocabulary above), no duty word, no unit by its ending, no area
      nor group ("各镇街"), and no name (``unitnames.names_something`` says no); a name that ends otherwise ("宁波舟山港") stays
      a name of the list. Without a caption's list beside them such words may be the item's own sentence, so they count
      only here.

    Errors: none; an empty clause is False. Linear in the clause."""
    clause = (clause or "").strip(" \t\u3000。；;，,")
    if not clause:
        return False
    probe = _duty_probe(clause)
    if is_deadline_clause(clause) or deadline_caption_line(clause) is not None:
        return True
    if _MANNER_RE.match(probe) or _NAMELESS_DUTY_RE.fullmatch(probe) or _FOLLOW_UP_RE.fullmatch(probe):
        return True
    caption = _CAPTION_RE.match(probe)
    if caption:
        return annotation_role(caption.group(1)) == PERSON_ROLE
    if not beside_names or (re.search(r"[、\s：:]", clause) or _DUTY_WORDS_RE.search(probe) or is_area_unit(clause)
                            or is_named_group(clause) or is_vague_collective(clause)
                            or plausible_units(annotation_units(clause), True)):
        return False
    return not names_something(clause)


def ends_in(text: str, characters: str) -> bool:
    """True when ``text`` is not empty and its last character is one of ``characters`` (an empty
    string is "in" every string, so ``text[-1:] in characters`` is True for empty text)."""
    return bool(text) and text[-1] in characters


def _matching_open(text: str, close_at: int) -> int | None:
    """Index of the bracket opening the one closing at ``close_at`` (scanning backwards), when it
    is an annotation's bracket of the same pair ("【" for "】"); else None."""
    depth = 0
    for i in range(close_at, -1, -1):
        ch = text[i]
        if ch in CLOSERS:
            depth += 1
        elif ch in OPENERS:
            depth -= 1
            if depth == 0:
                return i if _same_pair(ch, text[close_at]) else None
    return None


def _same_pair(opener: str, closer: str) -> bool:
    """True when ``opener`` and ``closer`` are annotation brackets of one kind: round brackets
    of either width close each other ("（…)" is common in pasted text), the others pairwise."""
    if opener not in ANNOTATION_OPENERS or closer not in ANNOTATION_CLOSERS:
        return False
    if opener in "（(":
        return closer in "）)"
    return ANNOTATION_OPENERS.index(opener) == ANNOTATION_CLOSERS.index(closer)


def is_caption_only(text: str) -> bool:
    """True for a line that is a unit or deadline caption and its colon only ("牵头单位：", "配合
    單位:"): its value is on the next line (a narrow column copied out of a table)."""
    return bool(_CAPTION_ONLY_RE.fullmatch(_duty_probe(text.strip())))


_CAPTION_ONLY_RE = re.compile(
    "(?:" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True)) + r")\s*[：:]")

# A goal caption glued to the unit caption's value before it, no break between ("责任单位：X镇任务目标：…", a page that
# lost its line break; GOAL_CLAUSE_CAPTIONS, tracker/vocabulary/captions.py): the value ends where the caption begins.
_GLUED_GOAL_RE = re.compile(
    r"(?<=[^\s：:，,。；;、])(?:" + "|".join(sorted(GOAL_CLAUSE_CAPTIONS, key=len, reverse=True)) + r")[ \t\u3000]*[：:]")


def split_glued_goal(text: str) -> tuple[str, str] | None:
    """``(annotation, goal)`` when the line ``text`` is an annotation line ("责任单位：A（牵头）、B") with a goal caption
    and its value glued after it ("责任单位：东湖镇任务目标：年内完成…" -> ("责任单位：东湖镇", "任务目标：年内完成…"):
    a 民生实事 page whose caption lines lost their break; issue 13, deadlines round 5), else None. The goal is the
    item's text like a goal line of its own; the first goal caption after the units is the break."""
    line = (text or "").strip()
    for m in _GLUED_GOAL_RE.finditer(line):
        head, goal = line[:m.start()], line[m.start():]
        if annotation_line(head) is not None and annotation_line(head).entries:
            return head, goal
    return None


# A unit caption of the office's own words opening a line ("问题整改责任单位:市科技馆 整改时限:3天", a 督查 问题清单's
# closing line): the vocabulary's composed captions (captions.composed_caption), read like the listed ones (fresh35).
_OPENING_UNIT_CAPTION_RE = re.compile(rf"({HAN_CLASS}{{2,10}}(?:单位|部门|处室|科室))\s*[：:]")


def _opens_with_composed_unit_caption(probe: str) -> bool:
    """Does ``probe`` open with a unit caption the vocabulary composes ("问题整改责任单位："), naming lead, supporting or
    responsible units (never a caption of no field such as "数据提供单位：")?"""
    found = _OPENING_UNIT_CAPTION_RE.match(probe)
    return found is not None and annotation_role(found.group(1)) in (LEAD, SUPPORTING, RESPONSIBLE)


# A unit caption whose colon is lost: a blank between the caption and its value ("责任单位 市财政局、市审计局", "牵头单位　市发展
# 改革委", a copy or a PDF's text that dropped the colon), at the line's start or after a clause's separator ("按月调度；牵头单位
# A  配合单位 B"), or closing the line, its list on the next ("牵头单位 " + "A、B"). Read as the caption and its colon when every
# name after the captions is a unit's (``restore_lost_colons``).
_LOST_COLON_BLANKS = "[ \t\u3000\u00a0]"
_LOST_COLON_RE = re.compile(
    "(?:(?<=^)|(?<=[ \t\u3000\u00a0；;，,]))(" + "|".join(sorted(ANNOTATION_CAPTIONS, key=len, reverse=True))
    + f"){_LOST_COLON_BLANKS}+(?=[^\\s：:]|$)")


def restore_lost_colons(text: str) -> str | None:
    """``text`` with the colon put back after each caption of units written with blanks instead of it ("责任单位 市财政局、市审计局"
    -> "责任单位：市财政局、市审计局", "按月调度；牵头单位 A  配合单位 B" -> "按月调度；牵头单位：A  配合单位：B"), when every name the
    line's captions give reads as a unit's (``unitnames.plausible_units``, strict; the last one may be cut by the line end,
    "配合单位 市司法局、市发展改" + "革委"); else None ("责任单位 要按时报送进展", a sentence; a table's header "牵头单位 配合单位
    完成时限"; a line whose colons are all written). Whether the line is then an annotation is ``annotation_line``'s to say.
    GOLD-README "captions60"."""
    stripped = (text or "").strip()
    probe = _duty_probe(stripped)
    pieces, at = [], 0
    for found in _LOST_COLON_RE.finditer(probe):
        if annotation_role(found.group(1)) not in (LEAD, SUPPORTING, RESPONSIBLE):
            continue
        pieces.append(stripped[at:found.end(1)] + "：")
        at = found.end()
    if not pieces:
        return None
    restored = "".join(pieces) + stripped[at:]
    read = parse_annotation_body(restored)
    names = [name for _, name in read.entries] if read is not None else []
    # the last name may be cut by the line end ("配合单位 市司法局、市发展改" + "革委"): judged by the names before it
    judged = names[:-1] if len(names) > 1 and names_something(names[-1]) else names
    if not judged or not plausible_units(judged, True):
        return None
    return restored


def opens_with_colonless_caption(text: str) -> bool:
    """Does the line ``text`` open with a caption of units written with a blank instead of its colon ("牵头部门 市税务")?"""
    found = _LOST_COLON_RE.match(_duty_probe((text or "").strip()))
    return found is not None and annotation_role(found.group(1)) in (LEAD, SUPPORTING, RESPONSIBLE)


def ends_with_unit_caption(text: str) -> bool:
    """Does the line ``text`` close on a caption of units and its colon, its list on the next line ("按月调度；责任单位：",
    "…；牵头单位 " whose colon is lost)? GOLD-README "captions60"."""
    stripped = (text or "").strip()
    probe = _duty_probe(restore_lost_colons(stripped) or stripped)
    last = None
    for last in _CAPTION_RE.finditer(probe):
        pass
    return (last is not None and last.end() >= len(probe.rstrip())
            and annotation_role(last.group(1)) in (LEAD, SUPPORTING, RESPONSIBLE))


def caption_without_colon(text: str) -> str | None:
    """The caption and its colon ("责任单位：") when the line ``text`` is a caption of units alone, its colon lost ("责任单位",
    "配合單位"): its list stands on the next line, as after "责任单位：" alone (``is_caption_only``); else None. The parser
    joins the two only when the next line is a list of units (parser.py ``_join_broken_annotations``; GOLD-README
    "captions60")."""
    stripped = (text or "").strip()
    probe = _duty_probe(stripped)
    if probe in ANNOTATION_CAPTIONS and annotation_role(probe) in (LEAD, SUPPORTING, RESPONSIBLE):
        return stripped + "："
    return None


def annotation_line(text: str, line: int = 0) -> Annotation | None:
    """If the whole cleaned line ``text`` is an annotation ("牵头单位：…", "（A牵头，B配合）",
    "完成时限：…"), return it; else None. Such a line belongs to the preceding measure."""
    stripped = close_caption_blanks(text.strip().rstrip("。；;"))
    stripped = restore_lost_colons(stripped) or stripped  # "责任单位 市财政局": the caption's colon lost (captions60)
    if (ends_in(stripped[:1], ANNOTATION_OPENERS) and ends_in(stripped, ANNOTATION_CLOSERS)
            and _matching_open(stripped, len(stripped) - 1) == 0):
        return parse_annotation_body(stripped[1:-1], line, bare_units=True)
    captioned = _bracketed_captions(stripped)  # "【责任单位】A" reads as "责任单位：A"
    probe = _duty_probe(captioned)
    if (_CAPTION_RE.match(probe) or _SHORT_ONLY_RE.match(probe) or _opens_with_composed_unit_caption(probe)
            or _side_clauses_before_caption(probe)):
        return parse_annotation_body(captioned, line)  # "主办：县水利局" too (units only, see _SHORT_ONLY_RE)
    deadline = deadline_caption_line(stripped)  # "时限要求：年底前", "时间：2023年12月" (issue 13)
    if deadline is not None:
        return Annotation(deadline=deadline, raw=stripped, line=line)
    return None


def _side_clauses_before_caption(probe: str) -> bool:
    """Does the line ``probe`` open with side clauses only (``names_no_unit``: "长期坚持，按月调度，") and then a caption
    of units ("牵头单位：…")? Such a line is an annotation as one opening with its caption is (branch matrix46)."""
    caption = next((found for found in _CAPTION_RE.finditer(probe)
                    if annotation_role(found.group(1)) in (LEAD, SUPPORTING, RESPONSIBLE)), None)
    if caption is None or caption.start() == 0:
        return False  # the first caption of units, after a person's clause too ("持续推进；牵头领导：王某；牵头单位：A")
    if probe[caption.start() - 1] not in "，,；;":
        return False
    before = split_clauses(probe[:caption.start()])
    return bool(before) and all(map(names_no_unit, before))


def opens_with_unit_caption(text: str) -> bool:
    """Does the line ``text`` open with a caption of the vocabulary's annotations ("配合单位：…", "责任单位: …", "牵头部门：",
    in traditional characters too)? Such a line opens the next caption of an item's units: it never goes on the line
    before it as the wrap of a paragraph (tracker/parsing/parser.py ``_join_wrapped_lines``; branch kinds40: a short plan's
    "牵头单位: A、B" + "配合单位: C、D" read as one caption "B配合单位")."""
    stripped = close_caption_blanks((text or "").strip())
    return bool(_CAPTION_RE.match(_duty_probe(_bracketed_captions(restore_lost_colons(stripped) or stripped))))


# How far back the words before a bracket are searched for the name it shortens (``is_short_form``).
_SHORT_FORM_REACH = 24


def is_short_form(before: str, body: str) -> bool:
    """Is the bracket ``body`` written right after ``before`` (no stop between) the short name of what those words just
    named ("组建市产业投资集团" + "产投集团", "设立城市更新基金" + "更新基金", quotes allowed: "“城投公司”")? Every character
    of the short name is found, in order, in the words just before it, the last one closing them; a list of names
    (、 ， ,) is none. Such a bracket names no unit, however its name ends (GOLD-README "units28")."""
    name = (body or "").strip().strip("“”\"'‘’「」")
    words = (before or "").rstrip()
    if len(name) < 2 or not words or words[-1] in _SENTENCE_STOPS or re.search(r"[、，,；;\s]", name):
        return False
    words = words[-_SHORT_FORM_REACH:]
    if name[-1] != words[-1]:
        return False  # the short name ends as the name it shortens ends, right before the bracket
    at = 0
    for char in name:
        at = words.find(char, at)
        if at < 0:
            return False
        at += 1
    return True


_SENTENCE_STOPS = "。；;！？!?"
_CLAUSE_STOPS = "。；;！？!?，,"
# A bracket inside the text, closing a sentence or its first words: a candidate annotation there
# ("加强考核。（市考核办负责）开展考核评价。"); it must name a duty or a caption to count.
# An annotation inside the measure's words: any annotation bracket (〔〕 too, as at the end: "…目录。〔A牵头，B参与〕按省的
#要求，…"), its body free of brackets but for short round remarks ("各县、区人民政府(管委会)负责落实"; fresh42, 783). The
# alternatives open on different characters, so the match stays linear.
_INNER_BRACKET_RE = re.compile(
    r"[（(〔【\[［]((?:[^（()）〔〕【】\[\]［］]|[（(][^（()）〔〕【】\[\]［］]{1,30}[）)]){2,120})[）)〕】\]］]")


def split_trailing_annotations(text: str, line: int = 0) -> tuple[str, list[Annotation]]:
    """Remove the unit annotations of a measure's text.

    Returns (text without them, annotations in written order). Reads bracketed annotations at
    the very end ("…。（牵头单位：A；配合单位：B）", possibly followed by 。; a list of units without
    a duty word counts there: "…工作。（市财政局）", "…增长11%(市发改委,各县市区政府)。"), a
    captioned tail after a sentence end ("…。牵头单位：A"), and bracketed annotations inside the
    text that follow a sentence end and name a duty or a caption ("…。（A负责）…。（B负责）": a
    measure may carry several), or that close a sentence with a list of units alone ("…经济(A、B)。加大…"). A bracket in the middle of the text ("（ OTC）", seed 003 二（二））
    or one that is no annotation ("（试行）") is left alone.
    """
    found: list[Annotation] = []
    text = _bracketed_captions(text)  # "…。【牵头单位】A【配合单位】B" reads as captions
    while True:
        stripped = text.rstrip()
        stop = ""
        if not stripped:  # a bare number ("一、") leaves nothing to read
            break
        if ends_in(stripped, "。；;") and ends_in(stripped[:-1], ANNOTATION_CLOSERS):
            stop, stripped = stripped[-1], stripped[:-1]
        if not ends_in(stripped, ANNOTATION_CLOSERS):
            break
        stripped = _without_stray_closer(stripped)
        start = _matching_open(stripped, len(stripped) - 1)
        if start is None:
            break
        before = stripped[:start].rstrip()
        # a list of units alone counts where the bracket closes a sentence ("…工作。（A、B）") or closes the measure's
        # words ("…增长11%(市发改委,各县市区政府)。", a 分解 whose items each end so; GOLD-README "annot27")
        bare = not before or ends_in(before, _SENTENCE_STOPS) or not found
        if bare and (is_short_form(before, stripped[start + 1:-1]) or names_other_name(before, stripped[start + 1:-1])):
            break  # "组建市产业投资集团（产投集团）", "合伙人会议（股东大会）": the short or other name of what the words just named
        if names_who_answers(before):
            break  # "咨询电话：0571-12345678（区住建局）": who answers the phone, no unit of the measure (kinds37)
        if names_a_window_of(before, stripped[start + 1:-1]):
            break  # "…、秋季秋收前（9月20日—9月30日）": the season's window, part of the sentence (fresh48)
        annotation = parse_annotation_body(stripped[start + 1:-1], line, bare_units=bare)
        if annotation is None:
            if _DUTY_WORDS_RE.search(_duty_probe(stripped[start + 1:-1])):
                found.insert(0, Annotation(raw=stripped[start + 1:-1], line=line, unreadable=True))
            break
        found.insert(0, annotation)
        text = before + stop
    depth, counted = 0, 0  # brackets open before the caption, counted once along the text (linear)
    for m in _TAIL_CAPTION_RE.finditer(_duty_probe(text)):
        for char in text[counted:m.start()]:
            depth += (char in ANNOTATION_OPENERS) - (depth > 0 and char in ANNOTATION_CLOSERS)
        counted = m.start()
        if depth:
            continue  # "…(督导员:王某;责任单位:A)": inside a bracket left unread, no tail of the text (kinds45)
        if m.start() == 0 or text[m.start() - 1] in "。；;！？!?\n \t\u3000":
            annotation = parse_annotation_body(text[m.start():], line)
            if annotation is not None:
                found.insert(0, annotation)
                text = text[: m.start()].rstrip()
            break
        opening = _side_clauses_opening(text, m.start())
        if opening is not None:  # "…。按月调度，牵头单位：A" (matrix46)
            annotation = parse_annotation_body(text[opening:], line)
            if annotation is not None:
                found.insert(0, annotation)
                text = text[:opening].rstrip()
            break
        if text[m.start() - 1] in "，,":
            clause = _units_caption_clause(text, m, line)
            if clause is not None:  # "1、学前教育促进，牵头单位：市教体局。其中，…" (a 通报's item; fresh35)
                found.insert(0, clause[0])
                text = text[: m.start() - 1] + text[clause[1]:]
            break
    return _split_inner_annotations(text, line, found)


def _side_clauses_opening(text: str, caption_at: int) -> int | None:
    """Where the sentence holding the caption at ``caption_at`` opens, when every clause of it before the caption is a
    side clause (``names_no_unit``: "…。长期坚持，按月调度，牵头单位：A"): the annotation opens there; else None. The
    sentence must follow a sentence stop of the item's words."""
    if caption_at == 0 or text[caption_at - 1] not in "，,；;":
        return None
    stop = max(text.rfind(mark, 0, caption_at) for mark in "。！？!?\n")
    if stop < 0:
        return None
    before = split_clauses(text[stop + 1:caption_at])
    return stop + 1 if before and all(map(names_no_unit, before)) else None


def _without_stray_closer(text: str) -> str:
    """``text`` (ending in an annotation's closing bracket) without a round closer printed just before a square or
    another closer that opens nowhere ("…不再列出)]", a site's slip: more round closers than openers in the text), so that
    the bracket is read; any other text unchanged. GOLD-README "kinds40"."""
    if (len(text) >= 2 and text[-2] in "）)" and text[-1] not in "）)"
            and sum(c in "（(" for c in text) < sum(c in "）)" for c in text)):
        return text[:-2] + text[-1]
    return text


def _units_caption_clause(text: str, caption: re.Match, line: int) -> tuple[Annotation, int] | None:
    """A unit caption closing the first sentence of an item after a comma, its sentence ending at its units
    ("学前教育促进，牵头单位：市教体局。其中，8月份…", a 民生工程 通报's item): the annotation it gives and where its
    sentence stop is, or None unless the caption is a listed unit caption and every name of its value is a unit's.
    The words after it are the item's text (what the 通报 says of the work), no part of the units."""
    if annotation_role(caption.group(0).rstrip("：: ")) not in (LEAD, SUPPORTING, RESPONSIBLE):
        return None
    stops = re.compile(r"[。；;]")
    stop = stops.search(text, caption.end())
    while stop is not None and stop.group(0) in "；;" and _opens_with_caption(text[stop.end():]):
        stop = stops.search(text, stop.end())  # "…，牵头单位：A；配合单位：B；完成时限：…。": the run goes on past ；
    end = stop.start() if stop is not None else len(text.rstrip())
    value = text[caption.end():end]
    if _captions_run(value):
        # the unit caption's value glued to the next caption, or the next one after a comma ("…抓好落实，牵头单位：镇城建办
        # 完成时限：10月底前。", "…，牵头单位：A，配合单位：B，完成时限：…。"): the run of captions closes the sentence
        # (GOLD-README "fresh57"); its names are read by ``parse_annotation_body`` and checked below
        annotation = parse_annotation_body(text[caption.start():end], line)
        if (annotation is None or not annotation.entries or annotation.unreadable
                or not plausible_units([name for _, name in annotation.entries], True)):
            return None
        return annotation, end
    if stop is None or "，" in value or "," in value or "；" in value or ";" in value:
        return None
    if not plausible_units(annotation_units(value), True):
        return None
    annotation = parse_annotation_body(text[caption.start():stop.start()], line)
    if annotation is None or not annotation.entries:
        return None
    return annotation, stop.start()


def _captions_run(value: str) -> bool:
    """Is ``value``, what follows a unit caption up to its sentence stop, the caption's units followed by more captions
    and nothing else: a caption glued to the units before it ("镇城建办完成时限：2025年10月底前", a page that lost the
    break between two captions) or each clause after a comma or a semicolon opening with a caption ("A，配合单位：B；完成
    时限：…")? Input: the text after the caption's colon; output: True when a later caption follows the units and every
    clause after the first opens with a caption (``_opens_with_caption``: the vocabulary shared with the tables);
    GOLD-README "fresh57"."""
    clauses = re.split(r"[，,；;]", value)
    first, later = clauses[0], clauses[1:]
    glued = _ANY_CAPTION_RE.search(first)
    if glued is not None and glued.start() == 0:
        return False
    if glued is None and not later:
        return False
    return all(_opens_with_caption(clause) for clause in later)


def _opens_with_caption(text: str) -> bool:
    """Does ``text`` open with a caption and its colon: a listed or composed annotation caption (``_ANY_CAPTION_RE``) or a
    table column's caption of the shared vocabulary (``match_caption``: `完成时限：`)? GOLD-README "fresh57"."""
    head = re.match(r"\s*([^：:，,；;。]{1,12})[：:]", text)
    return head is not None and (match_caption(head.group(1).strip()) is not None
                                 or _ANY_CAPTION_RE.match(text.lstrip()) is not None)


def _split_inner_annotations(text: str, line: int, found: list[Annotation]) -> tuple[str, list[Annotation]]:
    """Take the annotations inside ``text`` (see ``split_trailing_annotations``) out of it; they
    come before ``found`` (the trailing ones) in written order."""
    inner: list[Annotation] = []
    pieces: list[str] = []
    cursor = 0
    for m in _INNER_BRACKET_RE.finditer(text):
        body = m.group(1)
        if not _same_pair(text[m.start()], text[m.end() - 1]):
            continue
        after = text[m.end():m.end() + 1]
        # "完善制度（市司法局负责）；" closes a clause: an annotation there too
        inside = m.start() > 0 and text[m.start() - 1] not in _SENTENCE_STOPS and not (after and after in _CLAUSE_STOPS)
        # a bracket naming no duty and no caption counts when it closes a sentence with a list of units alone
        # ("…壮大县域经济(省经委、发改委、财政厅)。加大…": several sentences each closing on their units; GOLD-README
        # "annot27"); "县(市、区)" inside a sentence names no unit
        worded = bool(_DUTY_WORDS_RE.search(_duty_probe(body)) or _CAPTION_RE.search(_duty_probe(body)))
        if inside and not (worded and found):
            continue  # a duty bracket with no stop after it counts only in an item closing on an annotation (units29)
        if not worded and not (after and after in _SENTENCE_STOPS):
            continue
        if not worded and (is_short_form(text[:m.start()], body) or names_other_name(text[:m.start()], body)):
            continue  # "…组建市产业投资集团(产投集团)。…", "…报合伙人会议（股东大会）。": a short or other name, no unit
        if names_who_answers(text[:m.start()]):
            continue  # "咨询电话：0571-12345678（区住建局）。": who answers the phone (kinds37)
        if not worded and names_a_window_of(text[:m.start()], body):
            continue  # "时间：夏季麦收前（5月30日—6月4日）、秋季秋收前（9月20日—9月30日）。": the season's window (fresh48)
        annotation = parse_annotation_body(body, line, bare_units=not worded)
        if annotation is None or (inside and not annotation.entries):
            continue
        inner.append(annotation)
        pieces.append(text[cursor:m.start()])
        cursor = m.end()
    if not inner:
        return text, found
    pieces.append(text[cursor:])
    return "".join(pieces), inner + found


# Duties written in the measure's own closing clauses, without bracket or caption ("…，由市商务局牵头，
# 市财政局配合。", "…。市发展改革委会同市财政局负责。", "…，市审计局牵头负责。"): each clause names units
# and their duty and nothing else (GOLD-README "Units": the measure's annotation written as words). The duty
# words are the vocabulary's (captions.py): 牵头/主办 …, 配合/协办 …, 负责/承办 ("由A承办，B、C协办。").
_RESPONSIBLE_WORDS = "|".join(RESPONSIBLE_DUTY_WORDS)
_CLOSING_DUTIES: tuple[tuple[re.Pattern, str], ...] = (
    (_TOGETHER_RE, LEAD),  # "A会同B负责", "A会同B牵头": the inline annotation's rule
    *_ROLE_AS_CAPTION,  # "A、B为责任单位。", "由A作为牵头单位，B为配合单位。" (kinds49)
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:{_LEAD_WORDS})(?:负责|落实|实施|推进)?"), LEAD),
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:{_SUPPORTING_WORDS})(?:落实|实施|推进)?"), SUPPORTING),  # "B、C配合落实"
    (re.compile(rf"(?P<units>.+?){_DUTY}(?:{_RESPONSIBLE_WORDS})(?:落实|实施|推进)?"), RESPONSIBLE),
)


# A duty clause names a few units and a duty word: longer clauses are sentences.
_DUTY_CLAUSE_MAX_CHARS = 120


# A verb or preposition of designating before a unit's full name ("明确县商务局为牵头单位", "确定县财政局负责", "将各乡镇作为责任
#单位", "以县商务局为牵头单位"): the clause is the item's work, setting the unit up, not its annotation (GOLD-README "kinds49").
_DESIGNATING_RE = re.compile(r"^(?:明确|确定|指定|确立|责成|将|把|以)")


def _designates(name: str) -> bool:
    """Is ``name`` (the first name of a closing duty clause) a verb of designating and a unit's full name or an area after it
    ("明确县商务局", "将各乡镇"), not a unit whose name opens with the same character ("将乐县财政局")?"""
    verb = _DESIGNATING_RE.match(name)
    rest = name[verb.end():] if verb else ""
    return bool(rest) and (is_full_unit_name(rest) or is_area_unit(rest))


def _closing_duty(clause: str) -> list[tuple[str, str]] | None:
    """Entries of one clause that is a duty and nothing else ("由A、B牵头", "C配合", "A会同B负责",
    "由D负责"), every name a unit's (``plausible_units``, strict); else None."""
    if is_standing_remark(clause):
        return None  # "以上任务由市金融办牵头": the items above are meant, not the one it follows (``closing_group_duty``)
    clause = _DUTY_LEAD_IN_RE.sub("", clause.strip())
    if len(clause) > _DUTY_CLAUSE_MAX_CHARS:  # a sentence, and the patterns below are quadratic
        return None
    clause = persons_beside_units(clause)  # "县发改局 张三、县财政局 李四负责": the persons are no units (kinds48)
    probe = _duty_probe(clause)
    for regex, role in _CLOSING_DUTIES:
        m = regex.fullmatch(probe)
        if not m:
            continue
        units = annotation_units(clause[m.start("units"):m.end("units")])
        others = annotation_units(clause[m.start("others"):m.end("others")]) if "others" in regex.groupindex else []
        if not plausible_units(units, True) or ("others" in regex.groupindex and not plausible_units(others, True)):
            return None
        if units and _designates(units[0]):
            return None  # "明确县商务局为牵头单位": the item's work names the lead it sets up, a sentence (kinds49)
        return [(role, u) for u in units] + [(SUPPORTING, u) for u in others]
    return None


def _waiting_units(clause: str, duty: list[tuple[str, str]] | None) -> list[tuple[str, str]] | None:
    """Entries of a clause that only lists units waiting for the duty of the clause after it (``duty``, its entries), cut
    from it by a comma ("由市住建局,各区县人民政府,A、B负责落实": the names of one list, whatever separates them, take the
    duty of its end, as an annotation's pending units do in ``_read_clauses``); None when there is no duty after it or
    the clause is no list of units, every name a unit's (``plausible_units``, strict; branch kinds43)."""
    if not duty:
        return None
    clause = _DUTY_LEAD_IN_RE.sub("", clause.strip())
    if len(clause) > _DUTY_CLAUSE_MAX_CHARS or _DUTY_WORDS_RE.search(_duty_probe(clause)):
        return None
    units = annotation_units(clause)
    return [(duty[0][0], u) for u in units] if plausible_units(units, True) else None


def _line_opening_duty(clause: str) -> list[tuple[str, str]] | None:
    """Entries of a duty written at the start of a line that a line without a stop runs into: a heading's words, then the
    duties opening its body on a line of their own ("城市交通管理" + "由市公安局牵头" of "（四）城市交通管理" / "由市公安局
    牵头，市发改委、各区政府配合。", 1273). ``split_clauses`` cuts at punctuation only, so the clause holds the heading's
    words too; the part after the clause's last line break is read alone (``_closing_duty``), and only when its first unit
    is a unit's full name or an area (``units.is_full_unit_name``, ``is_area_unit``): a name a wrap cut ("市公" + "安局牵头")
    is none. None otherwise. GOLD-README "fresh59"."""
    head, _, last = clause.rpartition("\n")
    if not head.strip() or not last.strip():
        return None
    entries = _closing_duty(last)
    if not entries or not (is_full_unit_name(entries[0][1]) or is_area_unit(entries[0][1])):
        return None
    return entries


def text_duties(text: str, line: int = 0) -> Annotation | None:
    """The units a measure assigns in its closing clauses (no bracket, no caption), or None.

    Reads the clauses at the end of ``text`` backwards while each is a duty and nothing else
    ("由A牵头，B配合。", "A会同B负责。", "A牵头负责。"; a deadline clause among them is passed
    over): that closing run is the measure's annotation written as words. A unit named inside a
    sentence that goes on ("由A负责组织各区开展评估，形成报告后报市政府。", "市发展改革委负责…督导
    调度，确保落实。") is not an annotation (GOLD-README "Units"); a speech's "市金融办要…" stays a
    suggestion (suggest.py). Without such a closing run, the first sentence of a heading's body when it is
    duties and nothing else ("由A承办，B、C协办。治理工作目标：…": ``_opening_duties``)."""
    run: list[list[tuple[str, str]]] = []
    clauses: list[str] = []
    for clause in reversed(split_clauses(text or "")):
        entries = _closing_duty(clause)
        opening = _line_opening_duty(clause) if entries is None else None
        if opening is not None:  # "（四）城市交通管理" / "由市公安局牵头，B配合。": the run opens its line (fresh59)
            run.insert(0, opening)
            clauses.insert(0, clause.rpartition("\n")[2].strip())
            break
        if entries is None:
            if names_no_unit(clause):
                continue  # "A牵头，B配合，按月调度，联系人：张某，长期坚持": a time, a way, a person (matrix46)
            entries = _waiting_units(clause, run[0] if run else None)
            if entries is None:
                break
        run.insert(0, entries)
        clauses.insert(0, clause)
    if not run:
        return _opening_duties(text or "", line)
    return Annotation(entries=[e for entries in run for e in entries], raw="，".join(clauses), line=line)


# Units written before the item's words: in a square bracket ("【县发改局】推进…") or before a colon ("县发改局：推进…").
_UNITS_BEFORE_WORDS_RE = re.compile(r"[ \t\u3000]*(?:[【\[［](?P<bracketed>[^】\]］\n]{2,60})[】\]］]"
                                    r"|[（(〔](?P<round>[^（()）〔〕\n]{2,40}(?:[（(][^（()）\n]{1,12}[）)][^（()）〔〕\n]{0,30})*)[）)〕]"
                                    r"|(?P<colon>[^：:，,。；;！!？?、\n【\[]{2,30}(?:[、，,][^：:，,。；;！!？?、\n【\[]{2,30}){0,5})[：:])"
                                    r"[ \t\u3000]*(?=[^\s：:])")


def units_before_words(text: str, line: int = 0) -> Annotation | None:
    """The units an item names before its words, the office's label of who does it (branch kinds48): "1.县发改局：推进…",
    "1.县财政局、县税务局：落实…", "1.【县发改局】推进…", "1.【县发改局牵头，县财政局配合】…", and in a round bracket
    "1.（县财政局）完成…" (full names only; the form ``parser._labels_before_numbers`` gives a label written before the number,
    "（县财政局）1.完成…", kinds49). Read as an annotation's inside
    (``parse_annotation_body``: a plain list leads, duty words give their roles), and only when every name it gives is
    a unit's (``plausible_units``, strict), and before a colon a unit's full name, its level first ("县发改局", not
    "合伙企业：…" of a statute's kinds of bodies), or an area: a topic before a colon ("工作目标：…") is no label of units.
    None otherwise. The item keeps its words as written."""
    found = _UNITS_BEFORE_WORDS_RE.match(text or "")
    if found is None:
        return None
    body = found.group("bracketed") or found.group("round") or found.group("colon")
    if _CAPTION_RE.search(_duty_probe(body)) or is_deadline_clause(body):
        return None  # "【牵头单位】…" and "完成时限：…" are captions, read by the annotation grammar
    annotation = parse_annotation_body(body, line, bare_units=True)
    if annotation is None or not annotation.entries or annotation.deadline or annotation.persons:
        return None
    names = [unit for _, unit in annotation.entries]
    if not plausible_units(names, True):
        return None
    if (found.group("colon") or found.group("round")) and not all(is_full_unit_name(name) or is_area_unit(name)
                                                                  for name in names):
        return None  # "合伙企业：…", "分支机构：…" (a statute's kinds of bodies): before a colon, a unit's full name only; so in
        # a round bracket, whose words at an item's start are more often a remark ("（新增）", "（市级）", kinds49)
    return annotation


# A line of units' names and nothing else: names separated by 、 or a comma, a colon after them allowed ("县财政局",
# "县商务局、县市场监管局：").
_UNIT_LABEL_MAX_CHARS = 60


def unit_label(text: str) -> list[str] | None:
    """The units of ``text`` when its words are only units' full names or areas (``units.is_full_unit_name``,
    ``is_area_unit``), as an office labels a group of items by who does them: a line of its own above them ("县财政局" /
    "1.完成…" / "2.…") or a heading's words ("一、县财政局" / "1.…"); a colon after the names allowed. None for anything else:
    duty words (a duty line, read by ``duty_line``), a bracket around the line (the item above's annotation), words of work
    ("县财政局工作任务"), a collective ("各有关部门"). GOLD-README "kinds49"."""
    stripped = (text or "").strip().rstrip("：:").strip()
    if not stripped or len(stripped) > _UNIT_LABEL_MAX_CHARS or ends_in(stripped[:1], ANNOTATION_OPENERS):
        return None
    if _DUTY_WORDS_RE.search(_duty_probe(stripped)) or re.search(r"[。；;！？!?：:\s]", stripped):
        return None
    names = annotation_units(stripped)
    if not names or not plausible_units(names, True) or any(_is_collective(name) for name in names):
        return None
    return names if all(is_full_unit_name(name) or is_area_unit(name) for name in names) else None


_FIRST_SENTENCE_RE = re.compile(r"[^。！？!?]*[。！？!?]")


def _opening_duties(text: str, line: int) -> Annotation | None:
    """The duties a heading's body opens with, in a sentence of their own ("一、城区黑臭水体整治" / "由县住建局
    承办，县水利局、县财政局协办。治理工作目标：…": a 方案 whose sections each name who handles the project
    first), or None. Only the first sentence of the paragraph right after the item's first line, and only when
    every clause of it is a duty (``_closing_duty``) or a deadline; "由A负责，B配合，加快…" goes on with the
    work and is a sentence (GOLD-README "Units")."""
    paragraphs = text.split("\n")
    if len(paragraphs) < 2:
        return None
    first = _FIRST_SENTENCE_RE.match(paragraphs[1].strip())
    if first is None:
        return None
    return duty_line(first.group(0), line)


def duty_line(text: str, line: int = 0) -> Annotation | None:
    """The duties of the item above, written as words on a line of their own ("由A牵头，B、C配合。" under
    "三、…改造农村危房。"): a PDF's wrap that fell at the sentence's end, or a page's <br>, put them there
    (issue 13, branch pdfs: a PDF plan lost such units). Every clause of ``text`` is a duty and nothing else
    (``_closing_duty``) or a deadline, and one at least a duty; else None. The walker keeps the line as the
    item's own words, whose closing duties (``text_duties``) then give its units."""
    read = text_duties(text, line)
    if read is None or len(split_clauses(read.raw)) != len(
            [c for c in split_clauses(text or "") if not names_no_unit(c)]):
        return None  # a clause of the line is no duty: a sentence
    return read



@dataclass(frozen=True)
class ClauseLine:
    """A line of its own under an item holding clauses of the item's annotation (``clause_line``): ``body`` is its words
    without the bracket that held the whole line, ``bracketed`` whether one did, ``names_units`` whether it names units
    (a caption of units with its value, a duty in words), ``reads_alone`` whether ``annotation_line`` reads it alone."""
    body: str
    bracketed: bool
    names_units: bool
    reads_alone: bool



# What a clause line must show for ``clause_line`` to look further (a quick test, the same answer): a caption's colon or a
# square bracket's closer near its start ("牵头单位：", "【牵头单位】", "问题整改责任单位："), or a duty word anywhere, or a first
# clause that names no unit.
_CAPTION_REACH = 24
_CLAUSE_LINE_GATE_RE = re.compile(r"[：:】\]］]")
_DUTY_GATE_RE = re.compile(rf"{_LEAD_WORDS}|{_SUPPORTING_WORDS}|{_RESPONSIBLE_WORDS}|落实|实施|会同|抓")
_FIRST_CLAUSE_RE = re.compile(r"[^，,；;。]*")

def clause_line(text: str) -> ClauseLine | None:
    """The line ``text`` as one line of an annotation written one clause a line under its item ("牵头单位：A" / "配合单位：B、C"
    / "完成时限：…" / "牵头领导：…", or "由A牵头，B配合" / "按月调度" / "长期坚持", each in a bracket of its own or bare), or None
    when it is no such line. It is one when ``annotation_line`` reads it (a caption of units, a deadline's caption, a
    bracket of duties or of a person), when it is a duty line (``duty_line``: "A、B牵头，C配合"), or when every clause of it
    names no unit (``names_no_unit``: a time, a way of working, a follow-up, a person's caption). A remark on the list
    ("以上任务由A牵头", "不再单独列出") is none, nor is a sentence with work in it ("长期坚持问题导向，每季度通报一次"). Only
    the caller (``join_clause_lines``) knows whether the lines around it make an annotation. Linear in the line."""
    stripped = (text or "").strip()
    # "牵头单位 A", "牵头单位" alone: the caption's colon lost (captions60)
    stripped = restore_lost_colons(stripped) or caption_without_colon(stripped) or stripped
    if not stripped or closing_group_duty(stripped) is not None or is_standing_remark(stripped):
        return None
    bare = stripped.rstrip("。；;")
    bracketed = (ends_in(bare[:1], ANNOTATION_OPENERS) and ends_in(bare, ANNOTATION_CLOSERS)
                 and _matching_open(bare, len(bare) - 1) == 0)
    body = bare[1:-1].strip() if bracketed else bare
    if not body:
        return None
    if not (bracketed or _CLAUSE_LINE_GATE_RE.search(_duty_probe(body[:_CAPTION_REACH]))
            or _DUTY_GATE_RE.search(_duty_probe(body)) or names_no_unit(_FIRST_CLAUSE_RE.match(body).group(0))):
        return None  # no caption near its start, no duty word, and its first words name something: a line of work (quick)
    alone = annotation_line(stripped)
    if alone is not None:
        return ClauseLine(body, bracketed, bool(alone.entries) or alone.same_as_above, True)
    if duty_line(body) is not None:
        return ClauseLine(body, bracketed, True, False)
    clauses = split_clauses(body)
    if clauses and all(map(names_no_unit, clauses)):
        return ClauseLine(body, bracketed, False, False)
    return None


def join_clause_lines(found: list[ClauseLine]) -> str | None:
    """One annotation line made of the clause lines ``found`` (``clause_line``, consecutive lines under an item), or None
    when they make none to join: an office writes an item's annotation one clause a line ("牵头单位：A" / "按月调度" /
    "长期坚持" / "联系人：张某", in any order, bare or each in its bracket), the same annotation as written on one line with
    ；between its clauses (GOLD-README "clauses47"). They are joined only when one line at least names units and one
    at least is no annotation read alone (a time, a way of working, a duty in words): lines each read alone ("牵头单位：A"
    / "完成时限：…") are read as before, and side clauses with no unit beside them ("长期坚持" alone) stay the item's words.
    Lines each in a bracket of their own join into one bracket; otherwise their words join bare (a bracket around one
    of them dropped), closed by 。 as the line end closed them (the next line is no wrap of the annotation). A line that
    goes on a date the line before it cut ("完成时限：2024年" + "6月底前", ``deadlines.breaks_inside_date``) joins it with
    no separator: the line end inside a date is layout (GOLD-README wave 5)."""
    if len(found) < 2 or not any(c.names_units for c in found) or all(c.reads_alone for c in found):
        return None
    joined = found[0].body
    for before, line in zip(found, found[1:]):  # "完成时限：2024年" + "6月底前": one date the line end cut (layout)
        joined += ("" if breaks_inside_date(before.body, line.body) else "；") + line.body
    return f"（{joined}）" if all(c.bracketed for c in found) else joined + "。"  # the last line closed the annotation

# A line after a group's last item naming who does the items above ("以上任务由市金融办牵头。", "（上述各项措施均由市发改委牵头，
# 市财政局配合）"): the cover words, what they cover, 由, then the duties.
_ABOVE_DUTY_RE = re.compile(rf"^[（(]?{_ABOVE_COVER}[^，,；;。：:由]{{0,12}}?均?由(?P<duty>[^：:]+?)[）)]?[。；;]?$")


def closing_group_duty(text: str, line: int = 0) -> Annotation | None:
    """The duties a line of its own assigns to the items above it ("以上任务由市金融办牵头。", "（上述措施由市发改委牵头，市财政局
    配合）": a closing line under a group's last item), or None. Its duties are read as ``duty_line`` reads a duty line (every
    clause a duty) and name one body at least: a charge to collectives only ("上述措施由各地各部门按职责分工组织实施") is a
    standing remark and names no unit (``is_standing_remark``). The walker gives the units to the group it closes as a
    heading naming its lead gives them (walker ``_give_group_leads``; GOLD-README "kinds44")."""
    return _group_duty(text, line, _ABOVE_DUTY_RE)


def _group_duty(text: str, line: int, pattern: re.Pattern) -> Annotation | None:
    """The duties of a group line ``pattern`` matches (its group ``duty``), read as ``duty_line`` reads a duty line, or
    None when it does not match or names collectives only; the annotation keeps the whole line as written (``raw``)."""
    stripped = (text or "").strip()
    found = pattern.match(_duty_probe(stripped))
    if found is None:
        return None
    read = duty_line(stripped[found.start("duty"):found.end("duty")], line)
    if read is None or all(_is_collective(unit) for _, unit in read.entries):
        return None
    read.raw = stripped
    return read


# A line of its own naming the units of the items below it ("以下任务由县发改局牵头，县财政局配合：", "下列事项均由县财政局负责。",
# branch kinds48): the cover word, a few words of what is covered, 由 and the duties, closed by a colon or a stop.
_BELOW_COVER = r"(?:以下|下列|下述|下面)"
_BELOW_DUTY_RE = re.compile(rf"^[（(]?{_BELOW_COVER}[^，,；;。：:由]{{0,12}}?均?由(?P<duty>[^：:]+?)[）)]?[：:。；;]?$")


def opening_group_duty(text: str, line: int = 0) -> Annotation | None:
    """The duties a line of its own assigns to the items below it ("以下任务由县发改局牵头，县财政局配合：" above a list,
    "（下列事项均由县财政局负责）"), or None: ``closing_group_duty``'s reading of the line that comes before its items instead
    of after them (``duty_line``: every clause a duty, one body named at least; a charge to collectives only names no
    unit). The walker gives the units to the items after the line in the group of the first of them, up to the group's
    end or the next such line (walker ``_give_lead_ins``; GOLD-README "kinds48")."""
    return _group_duty(text, line, _BELOW_DUTY_RE)


# A line of its own naming the units of a range of items ("（一）至（三）项由县发改局负责", "1—3项任务由县财政局牵头。", branch
# kinds48): two item numbers of one style, 至/到/a dash between them, a few words of what they are, 由 and the duties.
_RANGE_TOKEN = r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}|\d{1,3}"
_RANGE_DUTY_RE = re.compile(rf"^第?(?P<first>{_RANGE_TOKEN})\s*(?:项|条)?\s*(?:至|到|—|－|-|~|～)\s*第?(?P<last>{_RANGE_TOKEN})"
                            r"\s*(?:项|条)?[^，,；;。：:由]{0,6}?均?由(?P<duty>[^：:]+?)[。；;：:]?$")


@dataclass(frozen=True)
class RangeDuty:
    """The duties of a range of items (``range_group_duty``): the first and last item numbers as written, their style
    (the numbers with the digits taken out: "（）", "" for bare Chinese, "0" for Arabic) and values, and the duties."""
    first: str
    last: str
    style: str
    values: tuple[int, int]
    annotation: Annotation


def item_number(token: str) -> tuple[str, int] | None:
    """(style, value) of an item number as written (a path's token) ("（三）" -> ("（）", 3), "12" -> ("0", 12)), None for another word."""
    inner = token.strip("（()）")
    value = int(inner) if inner.isdigit() else chinese_numeral_value(inner)
    if value is None:
        return None
    bracket = token[:len(token) - len(token.lstrip("（("))] + token[len(token.rstrip("）)")):]
    return bracket + ("0" if inner.isdigit() else ""), value


def range_group_duty(text: str, line: int = 0) -> RangeDuty | None:
    """The duties a line of its own assigns to a range of items of one list ("（一）至（三）项由县发改局负责",
    "1—3项任务由县财政局牵头，县商务局配合。"), or None: the two numbers must be of one style, the first not after the last,
    and the duties read as ``duty_line`` reads them, one body named at least. The walker gives the units to the items so
    numbered in the list nearest the line (walker ``_give_range_duties``; GOLD-README "kinds48")."""
    stripped = re.sub(r"\s+", "", text or "")
    found = _RANGE_DUTY_RE.match(_duty_probe(stripped))
    if found is None:
        return None
    first, last = item_number(found.group("first")), item_number(found.group("last"))
    if first is None or last is None or first[0] != last[0] or first[1] > last[1]:
        return None
    read = duty_line(stripped[found.start("duty"):found.end("duty")], line)
    if read is None or all(_is_collective(unit) for _, unit in read.entries):
        return None
    read.raw = stripped
    return RangeDuty(found.group("first"), found.group("last"), first[0], (first[1], last[1]), read)


def ends_with_bracketed_caption(text: str) -> bool:
    """True when ``text`` ends with a caption in square brackets and nothing after it ("…完成。【牵头单位】",
    "【牵头单位】A【配合单位】"): its value is on the next line (a PDF's wrap)."""
    probe = _duty_probe(text.rstrip())
    return any(m.end() == len(probe) for m in _BRACKETED_CAPTION_RE.finditer(probe))


def resolve_units(annotations: list[Annotation], precedence: bool) -> tuple[list[str], list[str], str | None]:
    """Turn a measure's annotations into (lead_units, supporting_units, deadline).

    RESPONSIBLE units are supporting when the measure names a lead unit; otherwise lead, except
    that with ``precedence`` (the document stated "排在第一位的部门为牵头部门" at or before this
    measure) only the first of each annotation is lead and the rest supporting. An annotation whose duties are all
    words (``Annotation.worded``: "（A、B等部门按职责分工负责）") keeps its own kind: its responsible units lead unless
    it names a lead itself, whatever another annotation of the measure named (a heading's lines each closing on their
    own annotation: "…（A牵头）" / "…（B、C按职责分工负责）" -> A, B, C lead; GOLD-README "kinds40"). Duplicates are
    dropped, order kept. Office-holders written among the units ("各级总河长、河长", ``persons.is_office_holder``) are left
    out: persons are never units.
    The deadline is the last one written (None when there is none).
    """
    has_lead = any(role == LEAD for a in annotations for role, _ in a.entries)
    named_lead = {unit for a in annotations for role, unit in a.entries if role == LEAD}
    lead: list[str] = []
    supporting: list[str] = []
    for annotation in annotations:
        responsible_seen = 0  # the precedence rule reads each annotation's list on its own
        leads_elsewhere = has_lead and not (annotation.worded and not precedence
                                            and all(role != LEAD for role, _ in annotation.entries))
        for role, unit in annotation.entries:
            if role != LEAD and unit in named_lead:
                role = LEAD  # "（A、B负责，其中A牵头）": A leads
            elif role == RESPONSIBLE:
                if leads_elsewhere or (precedence and responsible_seen > 0):
                    role = SUPPORTING
                else:
                    role = LEAD
                responsible_seen += 1
            target = lead if role == LEAD else supporting
            if is_office_holder(unit):
                continue  # "各级总河长", "河长": a post's holders, persons, never units (vocabulary/persons.py)
            if unit not in lead and unit not in supporting:
                target.append(unit)
    deadlines = [a.deadline for a in annotations if a.deadline]
    return lead, supporting, (deadlines[-1] if deadlines else None)


# A duty word inside a unit cell of a table or ledger: the cell says each unit's role in its words.
# "会同" and a remit ("A、B等按职责分工落实", a 台账's 责任处室 cell; fresh42) mark duties too.
_CELL_DUTY_RE = re.compile("|".join(LEAD_DUTY_WORDS + SUPPORTING_DUTY_WORDS + ("负责", "会同", "职责分工", "职能分工"))
                           + "|(?<=[处局厅室科股所站心])会(?!同)")


def unit_cell_roles(text, precedence: bool = False, caption: str = "责任单位") -> tuple[list[str], list[str]] | None:
    """(lead, supporting) units of a unit cell that marks roles in its own words, read by the annotation grammar as a
    task table's 责任单位 cell is: "A、B牵头；C、D配合" -> ([A, B], [C, D]); "A（牵头）、B" -> ([A], [B]); "A、B分别负责"
    -> ([A, B], []); "A、B配合落实" -> ([], [A, B]) (the marked clause's units all take its role, GOLD-README
    "annotation round 3"; an unmarked clause beside a marked lead one supports). With ``precedence`` (the sheet states
    "列第一位的为牵头单位" at or above this row: ``find_precedence_rule``) a plain list under a 责任单位-like ``caption``
    is read by the rule too ("A、B、C" -> ([A], [B, C])), as the plan parser reads it; a 牵头单位 column's list stays lead.
    None for a cell naming no duty word without the rule (a plain list: its column says the role), a non-text value,
    or words the grammar reads as no annotation. Names as ``parse_annotation_body`` gives them (vague collectives kept:
    the registry leaves them out)."""
    if not isinstance(text, str) or not (precedence or _CELL_DUTY_RE.search(_duty_probe(text))):
        return None
    text = role_marks_in_round_brackets(text)  # "A[牵头]、B", "A【牵头】、B", "A〔牵头〕、B" as "A（牵头）、B"
    roles = _cell_roles(clause_role_marks_as_words(text.strip()), precedence, caption)
    return (list(roles[0]), list(roles[1])) if roles else None


# A clause's role written after its units, closing the clause: in brackets ("A（牵头），B、C（配合）") or as "为…单位"
# ("A为牵头单位，B、C为配合单位"). Branch ledgers48 (the brief's "one column 责任单位 holding A（牵头）、B").
_CLAUSE_END = r"(?=\s*(?:[，,；;。\n]|$))"
_BRACKETED_CLAUSE_ROLE_RE = re.compile(r"[（(]\s*(牵头|配合|参与|协办|协助)(?:单位|部门)?\s*[）)]" + _CLAUSE_END)
_NAMED_CLAUSE_ROLE_RE = re.compile(r"(?<![作以])为(牵头|配合|参与|协办|协助)(?:单位|部门)" + _CLAUSE_END)
_ANY_BRACKETED_ROLE_RE = re.compile(r"[（(]\s*(?:牵头|配合|参与|协办|协助)(?:单位|部门)?\s*[）)]")
_CLAUSE_SPLIT_RE = re.compile(r"([，,；;。\n]+)")


def clause_role_marks_as_words(text: str) -> str:
    """A unit cell of two or more clauses whose role is written after each clause's units, read as the bare role word the
    annotation grammar knows: "A（牵头），B、C（配合）" -> "A牵头，B、C配合"; "A，B、C（配合）" -> "A，B、C配合";
    "A为牵头单位，B、C为配合单位" -> "A牵头，B、C配合". Input and output: the cell's text (str). The mark speaks of every
    unit of its clause (B and C support), as "B、C配合" does (GOLD-README "annotation round 3"); a clause holding two or
    more bracketed marks marks unit by unit ("B（配合）、C（配合）") and a cell of one clause ("A、B（牵头）": the mark
    names its one unit) are left as written. Source: branch ledgers48 (tests/ledgers/README.md)."""
    pieces = _CLAUSE_SPLIT_RE.split(text)
    clauses = pieces[0::2]
    if sum(1 for clause in clauses if clause.strip()) < 2:
        return text
    for index in range(0, len(pieces), 2):
        clause = pieces[index]
        if len(_ANY_BRACKETED_ROLE_RE.findall(clause)) <= 1:
            clause = _BRACKETED_CLAUSE_ROLE_RE.sub(lambda m: m.group(1), clause)
        pieces[index] = _NAMED_CLAUSE_ROLE_RE.sub(lambda m: m.group(1), clause)
    return "".join(pieces)


@functools.lru_cache(maxsize=4096)
def _cell_roles(text: str, precedence: bool, caption: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``unit_cell_roles``'s reading, kept per cell text: a ledger repeats the same unit cells on many rows."""
    annotation = parse_annotation_body(f"{caption}：{text}")
    if annotation is None or not annotation.entries:
        return None
    lead, supporting, _ = resolve_units([annotation], precedence=precedence)
    return tuple(lead), tuple(supporting)


# A note of the document ("注：各项任务中，列在第一位的为牵头单位"), usually under a task list: it
# speaks of every annotation, those above it included.
_NOTE_RE = re.compile(r"^[（(]?\s*(?:注|备注|说明)\s*[：:]")


def find_precedence_rule(lines: list[tuple[int, str]]) -> int | None:
    """Line number where the document first states a precedence rule, or None.

    ``lines`` are (line number, text) pairs. The rule covers that line and every later one; a
    rule stated in a note ("注：…列在第一位的为牵头单位") or speaking of the tasks above it ("以上
    任务中，列第一位的为牵头单位", in the closing 保障措施) covers the whole document (0).
    """
    for no, text in lines:
        if PRECEDENCE_RE.search(_duty_probe(text)):
            return 0 if _NOTE_RE.match(text.strip()) or _ABOVE_RE.search(text) else no
    return None


# A rule that speaks of what was written before it: "以上任务中", "上述各项任务".
_ABOVE_RE = re.compile(r"(?:以上|上述|前述|上列)")
