"""Person and contact words: who answers for a task or is to be reached about it. Never a unit.

Plans, task tables (分工表) and ledgers write persons beside the units (GOLD-README "Units": persons
are never units):
- a ledger's or task table's own person column: "责任人", "联系人", "分管领导", "具体负责人";
- a unit column that holds persons too, "牵头单位（责任人）", "责任单位/联系人", with cells such as
  "市发改委（张三）", "市发改委 联系人：张三";
- an annotation's person and contact captions: "（牵头单位：A；联系人：李四，电话：…）".

These words are written here once; three uses build what they need from them when they are
imported, and nothing else lists them:
- ``captions.py``: the 责任人 field's captions (``person_captions``): a ledger's header, a task
  table's header, and in an annotation a caption read and left out (``PERSON_ROLE``);
- ``units.py``: a unit column's caption that says it holds persons (``PERSON_IN_CAPTION_RE``,
  from ``person_marks``) and the labels left out of a unit cell ("联系人：", from ``person_labels``);
- ``parsing/annotations.py``: a contact's captions, read and left out (``CONTACT_CAPTIONS``).
The office-holders of the chief systems ("各级总河长", "河长", ``OFFICE_HOLDER_RE``) are read by ``units.py``
``is_office_holder``, which the plan parser applies to every unit list (kinds33).

Pure data and small functions: no Flask, no database. Extend the words here and nowhere else.
The ledger's footer and info lines (填报人, 审核人, 签发人, 单位负责人: who filled in or signed the
form, tracker/ledger/rows.py and header.py) are another rule and keep their own words.
"""

from __future__ import annotations

import re

#: Nouns for the person who answers for a measure or is to be reached about it. Each is a label before
#: a name in a unit cell ("联系人：张三") and, inside a unit column's caption, says that the column
#: names persons too ("牵头单位（责任人）"); each but those of ``NOT_CAPTIONS_ALONE`` is also a
#: caption of the person column by itself. The first is the field's canonical caption (CONTRACTS.md §3).
PERSON_NOUNS: tuple[str, ...] = ("责任人", "联系人", "负责人")
#: Person nouns that are no column caption alone: "负责人：…" signs a ledger's footer (单位负责人,
#: tracker/ledger/rows.py); with a qualifier ("具体负责人", ``QUALIFIED_PERSON_CAPTIONS``) it is one.
NOT_CAPTIONS_ALONE: frozenset[str] = frozenset({"负责人"})
#: Captions of the person column built on a person noun.
QUALIFIED_PERSON_CAPTIONS: tuple[str, ...] = ("具体责任人", "具体负责人")
#: The word that ends a leader's caption; inside a unit column's caption it also says the column names
#: persons ("责任单位及分管领导").
LEADER_WORD = "领导"
#: Captions naming the leader (a person) who answers for a measure ("牵头负责领导：刘惠。", "分管省领导：…"):
#: a plan writes them among its unit captions, a county's 分工表 in a column of their own (issue 13,
#: round 2). Read and left out: persons are never units.
LEADER_CAPTIONS: tuple[str, ...] = (
    "牵头负责领导", "责任领导", "牵头领导", "分管领导", "分管省领导", "分管市领导", "分管区领导", "分管县领导",
    "联系领导", "包联领导", "牵头市领导", "牵头县领导", "牵头区领导", "责任市领导", "责任县领导", "责任区领导",
    "督办领导", "联系市领导", "联系县领导", "联系区领导", "包保领导")
#: Roles a leader's caption is composed of, before an optional level and 领导 ("包抓领导", "包联县领导", "主抓市级领导"):
#: the captions above name the common ones, ``is_leader_caption`` reads the others (issue 13, round 5).
LEADER_ROLES: tuple[str, ...] = ("责任", "牵头", "牵头负责", "分管", "主管", "主抓", "包抓", "包联", "包保", "联系", "督办",
                                 "挂点", "挂钩", "负责", "协管",
                                 # a city's 重点工作 分解 ("协调秘书长：石海波", "督导领导：…", "包挂领导"; branch fresh67)
                                 "协调", "督导", "包挂", "挂帅")
#: The government whose leaders a 政府工作报告's 分工表 names in a column of their own, written before the role
#: ("市政府分管领导", "区政府领导", "县人民政府责任领导"): the leaders of that government, persons all the same.
#: The party committee of a level counts as such a government ("市委领导", "牵头市委常委"; branch fresh67).
_LEADERS_GOVERNMENT = r"(?:[省市区县镇乡](?:人民)?政府|[省市区县]委)"
_ROLES_ALTERNATIVES = "|".join(sorted(LEADER_ROLES, key=len, reverse=True))
#: A leader named by the post held, written as a caption before the name like 分管领导 ("分管副市长：王某", "责任秘书长：李某、
#: 陈某", "常务副县长：…", "分管书记：…"): an optional role, an optional government, 常务 or 副, and a post ending in 长
#: of a level (省长 … 乡长), 秘书长 or 书记. A person, never a unit (branch kinds45). The chief systems' posts ("河长") are
#: ``OFFICE_HOLDER_RE``'s, read in unit lists; a body serving a post ("市长热线办") ends otherwise.
#: A standing committee's member ("分管常委", "牵头市委常委") is such a post too (branch fresh67).
_POST = r"(?:(?:常务)?副?(?:[省市区县镇乡州旗]长|秘书长|书记)|常委)"
#: The leader's captions as one regular expression's alternatives (no groups), for a reader that looks for persons' captions
#: inside a text ("（分管副市长：王某，责任单位：…）", parsing/annotations.py): composed leaders, leaders by government or
#: level, and posts. ``is_leader_caption`` matches a caption whole against it.
LEADER_CAPTION_PATTERN = (
    "(?:" + _ROLES_ALTERNATIVES + r")(?:[省市区县镇乡]级?)?" + LEADER_WORD
    + "|" + _LEADERS_GOVERNMENT + "(?:" + _ROLES_ALTERNATIVES + ")?" + LEADER_WORD
    + r"|[省市区县镇乡]级?" + LEADER_WORD  # "区领导", "县级领导": the level's leaders
    + "|(?:" + _ROLES_ALTERNATIVES + ")?(?:" + _LEADERS_GOVERNMENT + ")?" + _POST)
_LEADER_CAPTION_RE = re.compile(LEADER_CAPTION_PATTERN)


def is_leader_caption(text: str) -> bool:
    """Is ``text`` (a normalised caption) a leader's caption composed of a role, an optional level and 领导
    ("包抓领导", "包联县领导", "分管县级领导"), of the government whose leaders they are, an optional role and 领导
    ("市政府分管领导", "区政府领导": a 政府工作报告's 分工表), of a level alone ("区领导", "县级领导"), or of a post
    ("分管副市长", "责任秘书长", "常务副县长": ``_POST``)? A person's column, never units."""
    return bool(_LEADER_CAPTION_RE.fullmatch(text))


#: Office-holders of the chief systems (河长制, 湖长制, 林长制, 田长制, 路长制, 链长制) and other posts named by a short
#: word and 长, with a level or 各级 before them and 总 or 副 ("河长", "各级总河长", "市级林长", "河湖长", "网格长"): a person
#: who holds the post, never a unit (GOLD-README "kinds33"). The body that serves them ("市河长办", "河长制办公室") ends
#: otherwise and is a unit; so does every department ("局", "委", "办"), so a post's 长 never closes a body's name.
#: Matched whole on a name in simplified characters without blanks (``units.is_office_holder`` reads it through
#: ``han.simplified``, so that this module imports no other vocabulary).
#: A leader's post written with the role the leader holds it in, and the government whose post it is, before it
#: ("分管副市长", "常务副县长", "市政府分管副秘书长", a unit cell of a Word 分工表; branch kinds44) is a person all the same.
OFFICE_HOLDER_RE = re.compile(
    rf"(?:{_LEADERS_GOVERNMENT})?(?:常务|" + "|".join(sorted(LEADER_ROLES, key=len, reverse=True)) + r")?"
    r"(?:各级|[省市县区乡镇村]级?)?(?:总|副)?[\u4e00-\u9fff]{1,3}?长")


#: A contact's details written beside a person in an annotation ("联系人：李四，电话：…"): no unit.
CONTACT_CAPTIONS: tuple[str, ...] = ("电话", "联系电话", "联系方式", "手机",
                                     # a notice's line for the public's questions ("政策咨询电话：…"; branch kinds37)
                                     "咨询电话", "咨询方式", "服务电话", "热线电话")

# A contact line: a few words, a contact caption or 联系人, then its colon ("政策咨询电话：", "联系人：", "咨询方式:").
# (the Han range is written out, not imported from .han: persons.py loads before any other vocabulary module, so a
# person word added here is seen by every use; tests/unit/test_vocabulary.py)
_CONTACT_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:" + "|".join(sorted(CONTACT_CAPTIONS + ("联系人",), key=len, reverse=True)) + r")[ \t\u3000]*[：:]")
# A phone number as written before a bracket ("0571-12345678", "12345679", "（0376）6766981", "400-123-4567", a mobile
# "13812345678", "转8" after it): a local number of 7–8 digits with its area code or without, not a span of years
# ("2023-2025") nor a figure with its unit.
_PHONE_END_RE = re.compile(r"(?<![\d.．])(?:(?:[（(]0\d{2,3}[）)]|0\d{2,3}[-－—‐ ]?)?[1-9]\d{6,7}|400[-－ ]?\d{3}[-－ ]?\d{4}"
                           r"|1[3-9]\d{9})(?:转\d{1,6})?$")


# How far back before a bracket a phone number or its line's contact caption is looked for (``names_who_answers``): a
# contact line lists a few numbers; the bound keeps a hostile line of many brackets linear.
_CONTACT_REACH = 120


def names_who_answers(before: str) -> bool:
    """True when a bracket written right after ``before`` (the text before it, as written) names who answers a phone or a
    question, not a unit of the measure: it follows a phone number ("政策咨询电话：0571-12345678（区住建局）、12345679（区商务局）"),
    or the sentence holding it opens with a contact caption (``CONTACT_CAPTIONS`` or 联系人: "联系人：张三（区住建局）",
    "咨询方式：…"). GOLD-README "kinds37"."""
    text = (before or "")[-_CONTACT_REACH:].rstrip()  # a phone number or its line's caption stands just before the bracket
    sentence = re.split(r"[。；;\n]", text)[-1].strip(" \t\u3000")
    return bool(_PHONE_END_RE.search(text) or _CONTACT_LINE_RE.match(sentence))

def person_captions() -> tuple[str, ...]:
    """The captions of the 责任人 field, the canonical one first: the person nouns that are captions
    alone, the qualified ones, then the leaders' ("责任人", "联系人", "具体责任人", …, "包保领导")."""
    alone = tuple(noun for noun in PERSON_NOUNS if noun not in NOT_CAPTIONS_ALONE)
    return alone + QUALIFIED_PERSON_CAPTIONS + LEADER_CAPTIONS


def person_labels() -> tuple[str, ...]:
    """The labels written before a person's name in a unit cell ("联系人：张三"): every person noun,
    longest first (a regular expression's alternatives). Simplified characters only: a text in traditional
    characters ("聯繫人：張三") is read through ``han.simplified`` (units.py ``drop_persons``; units32)."""
    return _longest_first(PERSON_NOUNS)


def person_marks() -> tuple[str, ...]:
    """The words that, inside a unit column's caption, say that the column names persons too
    ("牵头单位（责任人）", "责任单位/联系人", "责任单位及分管领导"): the person nouns and the leader's
    word, longest first. Simplified characters only: captions are compared as captions.py ``normalize_caption``
    writes them, through ``han.simplified`` ("牽頭單位（責任人）"; units32)."""
    return _longest_first(PERSON_NOUNS + (LEADER_WORD,))


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words``, each once, longest first (ties in written order)."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


#: The commonest family names (the first character or two of a person's name), for telling a person written beside a
#: unit in an annotation ("（县发改局 张三、县财政局 李四负责）", "（县发改局（王某）牵头）") from a remark on the unit
#: ("（城管）", "（牵头）"). A name opens with one of them and has one to two more characters (某 for a name left out).
SURNAMES_COMPOUND: tuple[str, ...] = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯")
SURNAMES: str = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                 "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
                 "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
                 "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
                 "芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
                 "巩明佘池查麻苑迟邝")
_GIVEN = r"(?:某{1,2}|[\u4e00-\u9fff]{1,2})"
PERSON_NAME_RE = re.compile("(?:" + "|".join(SURNAMES_COMPOUND) + rf"|[{SURNAMES}]){_GIVEN}")


def is_surnamed_name(text: str) -> bool:
    """Is ``text`` (blanks ignored) a person's name as an office writes it, a common family name and one or two more
    characters ("张三", "欧阳某", "王某某"), no unit's or work's word (checked by the caller, ``units.persons_beside_units``)?"""
    return bool(PERSON_NAME_RE.fullmatch(re.sub(r"\s+", "", text or "")))
