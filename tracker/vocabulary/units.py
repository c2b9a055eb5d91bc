"""Lists of unit names written in one text: a plan's annotation, a ledger cell, a preview input.

One rule for all three (issue 12: the preview once broke "市财政局（含下属单位，各分局）" in two):
names are separated by 、 ， , ； ; / or a line break, but only outside brackets, so a remark in
brackets stays with its unit ("市发改委（牵头，含下属单位）", "各区县〔自治县〕人民政府"). Spaces
separate names only when every piece is itself a unit's name (three characters at least, ending
like a unit: "市财政局 市工业和信息化局", two names of a table cell, GOLD-README "Conventions
reconciled"); Chinese documents also space out short names for alignment ("财  政  局"), and then
whitespace inside the name is removed instead. A unit cell's lines (read as blanks) name a unit each, a short
one too ("市发展改革委 经委 农办"), a line naming no unit going on into the next ("市发展和改 革委": one name
a narrow cell broke; ``_spaced_names``, branch tables27). A group of areas written with 、 inside ("各区、县级市
政府", "各县、市、区人民政府": the districts and county-level cities, GOLD-README "Units") is one name.

A vague collective ("有关部门和单位", "各有关单位", "各项目牵头单位") names nobody in particular:
``is_vague_collective`` tells it, for the plan parser and the unit registry alike, so it never
becomes a unit; a named group that answers as one ("各省级人民政府", "各区县〔自治县〕人民政府",
"市打击非法金融活动领导小组各成员单位") is a unit. What else a name means ("A等有关部门",
whether it looks like a unit) is the reader's business: tracker/parsing/unitnames.py for plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .han import HAN, HAN_CLASS, simplified, without_readings
from .numbering import CIRCLED
from .persons import OFFICE_HOLDER_RE, PERSON_NAME_RE, is_leader_caption, is_surnamed_name, person_labels, person_marks

#: Opening and closing brackets (and quotes) that protect separators inside them, pairwise; angle brackets too, as
#: 湖州 writes a group's members ("各区县政府<南太湖新区、长合区管委会>", ledger corpus 049).
OPENERS = "（(〔[［【《{「『“‘〈＜<"
CLOSERS = "）)〕]］】》}」』”’〉＞>"
#: Characters that separate names outside brackets.
SEPARATORS = frozenset("、，,；;\n\r/／")
_WHITESPACE = re.compile(r"\s+")
#: How a unit's name ends (局, 委, 政府, 街道, …, and the parks and zones that answer for tasks:
#: 产业园, 示范区, 保税区): the plan parser's test of a plausible unit
#: (tracker/parsing/unitnames.py) and the test of names separated by spaces below. Traditional
#: forms included (辦, 廳, 機構, 單位).
UNIT_SUFFIX_RE = re.compile(
    r"(?:局|委|办|辦|厅|廳|部|行|院|会|會|府|署|室|组|組|处|處|科|所|站|队|隊|司|社|馆|館|校|中心|"
    r"单位|單位|部门|部門|公司|政府|机构|機構|企业|企業|集团|集團|协会|協會|学会|學會|法院|检察院|監管局|"
    r"联|聯|协|協|海关|海關|电信|電信|移动|移動|铁塔|鐵塔|邮政|郵政|烟草|菸草|电网|電網|石化|石油|广电|廣電|"
    r"监管局|各地|各地区|各区县|区县|街道|乡镇|鄉鎮|专班|專班|开发区|開發區|园区|園區|"
    # the parks and zones that answer for their tasks (a cell "市发改委 XX产业园 综合保税区", issue 13)
    r"产业园|工业园|科技园|物流园|示范区|试验区|保税区|合作区|先行区|集聚区|"
    # new areas that answer for their tasks beside the districts ("各区县（自治县）、西部科学城重庆高新区、万盛经开区")
    r"新区|经开区|高新区|自贸区|综保区|"
    # regions and bodies named without a department's ending (a long list of one annotation: "内蒙古自治区", "浙江大学",
    # "市广播电视台", "市人大", "市国税", "驻军"; branch units28)
    r"自治区|自治州|自治县|自治旗|大学|电视台|电台|总台|人大|国税|地税|驻军|"
    # the observatories and stations that answer for a forecast's or a survey's work ("县气象台", "省地震台"; fresh64)
    r"气象台|氣象台|天文台|地震台|海洋台|"
    # a line of work inside a bureau that answers for a town's project ("镇社会治理和社会事业局规划建设条线", 张家港 乐余's
    # 民生实事 table; branch fresh38): the bureau's name, then the line's
    rf"(?:局|委|办|辦|中心){HAN_CLASS}{{1,8}}(?:条线|條線))$"
)
#: An area named as the unit that answers for it: a district, county or town ("越秀区", "经开区",
#: "南沙新区"), or a group of them ("各县市区", "各镇街", "各县（市、区）" without its remark, "各市州",
#: "各村", "各社区"). Generic words that end like an area ("试点城市", "中心城区", "农村地区", "全市")
#: are not. Used by the plan parser's test of a plausible unit (tracker/parsing/unitnames.py).
_AREA_UNIT_RE = re.compile(
    rf"^各{HAN_CLASS}{{0,6}}(?:省|市|县|区|州|盟|旗|镇|乡|村|街|社区|园|片区|縣|區|鎮|鄉)$"
    rf"|^{HAN_CLASS}{{1,4}}(?:省|市|县|区|州|盟|旗|镇|乡|街道|社区|园区|新区|縣|區|鎮|鄉)$"
)
_NOT_AREA_UNIT_RE = re.compile(
    r"^(?:全|本|我|该|各类|各种|所在|所属|相关|有关)|(?:城市|城区|地区|小区|山区|景区|街区|市区|辖区|城乡|片区)$"
)
#: A district whose name ends like the generic words 城区 and 市区: a place's one-character name before them ("历城区",
#: "鹿城区", "西城区", "东城区", "沙市区", "新城区"), a district answering as a unit. The generic words stay generic: the
#: bare "城区" and "市区", a generic head ("主城区", "老城区", "旧城区"; "全市区", "本市区" by the prefixes above), and a
#: head of two or more characters ("中心城区", "核心城区"; "杭州市区", the city's urban area, a group of its districts).
#: Branch ledgers35: one mechanism for the indicator reader's place test (tracker/indicators/workbook.py) and the
#: plan parser's plausible unit.
_DISTRICT_ENDING_GENERIC_RE = re.compile(rf"^(?![主老旧])[{HAN}](?:城区|市区)$")


# A group of cities or counties counted after the region that holds them ("杭州都市圈6市", "沈阳经济区8市", "省会城市群经济圈7市",
# "环杭州湾6市", "沿海7市"): the cities of the group answer together, as one unit of a list (branch units28). The region's
# name ends like a region (圈, 区, 群, 带, 湾, a coast or a river), so a figure in a sentence ("新建5个区") is none.
_COUNTED_AREAS_RE = re.compile(
    rf"^{HAN_CLASS}{{1,12}}(?:圈|区|群|带|湾|沿海|沿边|沿江|沿黄|流域)(?:[0-9０-９]+|[一二三四五六七八九十]+)个?"
    r"(?:设区市|地级市|市|县|县市区|县区|区县|盟市|旗县|州市)(?:人民政府|政府)?$")


# A level of areas with the kinds answering beside it in brackets, no 各 and no name before it ("镇(街道)", "乡镇（街道）",
# "街道(乡镇)"): a unit list's named group, as "各镇(街道)" (a bare level, "镇", "街道", stays no unit of its own).
_AREA_LEVEL = "(?:乡镇|镇|乡|街道|镇街|村|社区)"
_LEVEL_WITH_KINDS_RE = re.compile(rf"{_AREA_LEVEL}[（(]{_AREA_LEVEL}(?:[、，,]{_AREA_LEVEL})*[）)]")


def is_area_unit(name: str) -> bool:
    """True for a name that is an area answering as a unit ("越秀区", "各县市区", "各镇街"; a group written with its
    kinds in brackets or after 、, "各市(县)、区", "各县（市、区）"; a counted group of a region, "杭州都市圈6市"; a district
    named by one character before 城区/市区, "历城区", "鹿城区", "沙市区"), not a generic place word ("试点城市", "全市",
    "农村地区", "全市12个县", "城区", "主城区", "中心城区", "市区", "老城区"). Whitespace ignored."""
    name = _WHITESPACE.sub("", name or "")
    if _LEVEL_WITH_KINDS_RE.fullmatch(name):
        return True  # "镇(街道)": the group of "各镇(街道)" written without 各 (GOLD-README "fresh41"; kinds46)
    if name.startswith("各"):  # "各市(县)、区" -> "各市区": the kinds listed inside one group
        name = re.sub(r"[（(〔][^（()）〔〕]*[）)〕]|、", "", name)
    if _COUNTED_AREAS_RE.match(name) and not re.match(r"^(?:全|本|我|该|共|覆盖|涉及)", name):
        return True
    if _DISTRICT_ENDING_GENERIC_RE.match(simplified(name)) and not _NOT_AREA_UNIT_RE.match(name):
        return True  # "历城区", "鹿城区": a district, though 城区 alone is a generic word
    return bool(_AREA_UNIT_RE.match(name)) and not (
        _NOT_AREA_UNIT_RE.search(name) and not name.startswith("各"))


# A role mark written in square, lenticular or tortoise-shell brackets after a unit ("市财政局[牵头]", "市财政局【牵头】",
# "市财政局〔牵头〕", "市税务局［配合］"): the same mark as in round brackets (branch ledgers52).
_OTHER_BRACKETED_ROLE_RE = re.compile(
    r"[\[［【〔]\s*((?:牵头|牽頭|配合|参与|參與|协办|協辦|协助|協助)(?:单位|單位|部门|部門)?)\s*[\]］】〕]")


def role_marks_in_round_brackets(text: str) -> str:
    """``text`` (a unit cell, an annotation's body) with each role mark written in other brackets than round ones
    rewritten in round ones, the form the annotation grammar reads ("A（牵头）、B": parsing/annotations.py):
    "市财政局[牵头]、市税务局", "市财政局【牵头】、市税务局", "市财政局〔牵头〕、市税务局" -> "市财政局（牵头）、市税务局";
    "市税务局［配合］" -> "市税务局（配合）". Only a bracket holding a role word alone (牵头, 配合, 参与, 协办, 协助, with
    单位/部门 after it) is rewritten; other brackets stay ("各区县〔自治县〕人民政府", "【市财政局】" opening a unit's
    progress). Source: branch ledgers52 (a 责任单位 cell "A[牵头]、B" read B as the lead)."""
    return _OTHER_BRACKETED_ROLE_RE.sub(r"（\1）", text) if isinstance(text, str) else text


# A role written after a name in a table cell ("市财政局（牵头） 市税务局"): the name is still a name.
_ROLE_MARK_RE = re.compile(r"[（(]\s*(?:牵头|配合|参与|协办|协助)(?:单位|部门)?\s*[）)]$")
# Names this short are never told apart by spaces ("财  政  局" is one name spaced out).
_SPACED_NAME_MIN_CHARS = 3
# Left over at either end of a name by a sentence written around the list.
_EDGE_STOPS = "。."


# Read on the name in simplified characters (``simplified``: "縣直相關部門" as 县直相关部门, units31): the one mapping of
# han.py, no traditional alternatives written here (units32).
_VAGUE_RE = re.compile(
    # the level's units, other ones too, concerned or of a kind, none named: "有关部门", "各责任单位", "区级相关部门",
    # "市级各有关部门", "其他有关部门", and the other ones after the level ("市级其他有关单位", "县其他相关部门"; units32)
    r"^(?:其他|其它|以及|及)?(?:[省市区县镇乡](?:级|属))?(?:其他|其它)?(?:各级)?(?:各|全部|全体|所有)?(?:级)?"
    r"(?:有关|相关)?(?:的)?(?:责任|项目牵头|项目|牵头|配合|参与|涉及|职能|成员)?"
    r"(?:部门|单位|方面|企业)(?:(?:和|及|与|、)?(?:部门|单位))?(?:等)?$"
    r"|^各地(?:方|区)?$|^各地区?[、和及]?各(?:有关|相关)?部门$"
    # the directly attached bodies concerned, none named ("有关直属单位", "相关直属部门"; GOLD-README "fresh41", 灵璧 2021)
    r"|^(?:有关|相关)直属(?:单位|部门|机构)$"
    # the issuing body's own departments concerned, none named: "相关处室", "有关司局", "部内有关司局", "其他处室",
    # "机关各有关处室" (a ministry's or an office's task table; GOLD-README "fresh50"). Every one of them without 有关/相关
    # ("各司局", "机关各处室", "各科室", "局各股室") is a named group, not vague (audit27, fresh43, wave 28).
    rf"|^(?:{HAN_CLASS}{{0,2}}机关|[部委厅局办]内)?(?:其他|其它|各有关|各相关|有关|相关|其他有关|其他相关)"
    r"(?:业务)?(?:处室|科室|股室|司局|部室|厅局|处|科|股|司)(?:等)?$"
    # every level's body of a kind, none named: "各级政府", "各级河长办", "各级林长制办公室", "各级党委政府" (kinds33)
    rf"|^各级{HAN_CLASS}+$"
    # the level's departments concerned, also named by its government ("市政府相关部门", "区政府各有关部门": unnamed like
    # "市直相关单位"; "市政府各部门", all of them, is a named group; GOLD-README wave 11 and "annot27"), other ones too
    # ("市直其他相关单位", "市政府其他有关部门"; units32)
    r"|^[省市区县镇乡](?:级|直|(?:人民)?政府)?(?:其他|其它)?各?(?:有关|相关)(?:部门|单位)(?:(?:和|及|、)(?:部门|单位))?(?:等)?$"
    # some of the areas, unnamed: "各有关区、县级市政府", "各相关乡镇街道", "有关县（市、区）" (GOLD-README), their kinds in
    # any bracket ("相关县〔市、区〕人民政府", "有关县[市、区]政府"; branch kinds43)
    rf"|^各?(?:有关|相关)[省市区县乡镇街][{HAN}、（）()〔〕［］\[\]]*$"
    # the communities, villages and parks concerned, and the areas where the work lies ("相关社区", "相关园区",
    # "属地乡镇", "属地街道", "涉及街道"): unnamed too (GOLD-README wave 7 and "Task tables, round 10")
    rf"|^各?(?:有关|相关)(?:社区|村|园区)[{HAN}、（）()]*$"
    rf"|^(?:属地|涉及的?)(?:[省市区县乡镇]|街道|社区|村|园区)[{HAN}、（）()]*$"
    # the departments concerned of every area, unnamed ("各市相关部门", "各市（州）有关部门", "各县（市、区）相关
    #单位", "各地相关部门"), a remark naming the same ("有关部门（单位）"), and the authorities concerned
    # ("相关行业主管部门", "有关主管部门") (issue 13, units round 4)
    rf"|^各[{HAN}、（）()]{{1,10}}?(?:有关|相关)(?:部门|单位)(?:[（(](?:部门|单位)[）)])?$"
    r"|^各?(?:有关|相关)(?:部门|单位)[（(](?:部门|单位)[）)]$"
    r"|^(?:其他)?(?:有关|相关)(?:行业)?(?:主管|管理)(?:部门|单位)$"
    # the lead or responsible units of each of some works, none named: "各项目牵头单位", "各主要经济指标牵头单位",
    # "各专项行动责任单位", "各县（市、区）牵头部门" (each work's or area's own, whoever it is; branch kinds40)
    rf"|^各[{HAN}（）()、]{{1,14}}?(?:牵头|责任|配合|参与|协办)(?:单位|部门)$"
    # the same after the place whose works they are ("滨江新区各专项规划牵头单位", "全市各项目责任单位", "本县各专项行动牵头
    #部门"): each work's own unit still, none named (branch kinds43); the place is a name ending like one, or 全市/本县
    rf"|^(?:[全本][省市区县镇乡]|{HAN_CLASS}{{1,8}}?(?:省|市|区|县|州|盟|旗|镇|乡|街道))"
    rf"各[{HAN}（）()、]{{1,14}}?(?:牵头|责任|配合|参与|协办)(?:单位|部门)$"
    # the members of a body named by its kind alone ("联席会议各成员单位", "领导小组成员单位", "工作专班各成员单位"): which
    # body is not said, as 各成员单位 (GOLD-README "fresh47"); a named one ("河长制部门联席会议成员单位") is a group
    r"|^(?:各|该|本)?(?:工作)?(?:联席会议|领导小组|指挥部|委员会|专班|工作组|小组)(?:的)?(?:各|全体|有关|相关)?成员(?:单位|部门)$"
)


def is_vague_collective(name: str) -> bool:
    """True for a name that points at nobody in particular: 有关部门, 相关单位, 有关部门和单位,
    各有关单位, 各相关部门, 各项目牵头单位, 各责任单位, 其他有关部门, 有关方面, 区级相关部门,
    市级各有关部门 (and in traditional characters), 各地, 各地区, 各地区各部门, 各部门 (GOLD-README); 全部责任单位,
    全体成员单位, 所有单位 (every one of them, none named: a 考核细则's section, branch tables29);
    also 有关企业, 各职能部门, 各成员单位 and 其他成员单位 (no body named; so 联席会议各成员单位, a body's kind alone, fresh47), 各级政府, 各级各部门, every level's body of a
    kind (各级河长办, 各级林长制办公室: no level named, kinds33), and
    unnamed areas (有关县（市、区）, 相关县〔市、区〕人民政府, 相关区县, 各有关区、县级市政府, 各相关乡镇街道, 相关社区, 属地街道,
    涉及乡镇), and each work's own lead units after the place whose works they are (滨江新区各专项规划牵头单位, 全市各项目责任单位;
    kinds43). The plan store and the ledger reader (services/plans/store.py, services/ledger/newplan.py) and the unit
    registry (``is_named_group``, services/accounts/units.new_unit) all ask this one function. False for named
    groups that answer as one (各省级人民政府, 各区县〔自治县〕人民政府, 各成员单位 of a named body,
    市政府各部门) and for every single unit. Issue 13: such names must never enter the unit
    registry or the ranking of units."""
    if not isinstance(name, str):
        return False
    # "各有關(guān)司局": a mirror site's pinyin readings are layout, read as if absent (GOLD-README "fresh64"); the name
    # itself keeps them as written
    name = without_readings(_WHITESPACE.sub("", name))
    # "縣直相關部門" as 县直相关部门 (units31); the public called on, beside the bodies of a list ("市民政局、社会组织"; kinds34)
    return bool(_VAGUE_RE.match(simplified(name))) or is_the_public(name)


def is_office_holder(name: str) -> bool:
    """Is ``name`` (a piece of a unit list, as written) an office-holder rather than a body: a post word of one to three
    characters closed by 长, with a level (省/市/县/区/乡/镇/村, 级 optional) or 各级 and 总/副 before it ("河长", "各级总河长",
    "县级林长", "村级河长", "河湖长", "网格长"; in traditional characters through ``han.simplified``)? Blanks ignored. A person
    never answers as a unit (GOLD-README "Units": persons are never units; the words: ``persons.OFFICE_HOLDER_RE``), so the
    plan parser leaves such names out of a measure's units (tracker/parsing/annotations.py ``resolve_units``). So is a
    leader's post with the role and government before it ("分管副市长", "市政府分管副秘书长") and a leader named by a
    caption's words ("分管领导", "市政府分管领导": ``persons.is_leader_caption``), written among a cell's units (kinds44).
    False for bodies ("市河长办", "河长制办公室")."""
    if not isinstance(name, str):
        return False
    name = simplified(_WHITESPACE.sub("", name))  # "各級總河長" too
    return bool(OFFICE_HOLDER_RE.fullmatch(name)) or is_leader_caption(name)


# A unit cell that only refers to the row above ("同上", "同上一项", "同上栏", "同前", a Word 分工表 whose rows share their units).
_SAME_AS_ABOVE_RE = re.compile(r"(?:同上|同前)(?:一?(?:项|条|行|栏|格))?[。.]?")


def is_same_as_above(text: str) -> bool:
    """Does the cell ``text`` only say that its units are those of the row above ("同上", "同上一项", "同上栏", "同前")? Such a
    cell names no unit by its words: the table reader gives the row the units of the same column in the row above
    (tracker/parsing/tables.py ``_row_lines``; GOLD-README "kinds44"). Blanks ignored."""
    return isinstance(text, str) and bool(_SAME_AS_ABOVE_RE.fullmatch(_WHITESPACE.sub("", text)))


# A unit cell opening with a reference to the row above and naming more units after it ("同上，县财政局", "同上、B").
_SAME_AS_ABOVE_AND_RE = re.compile(rf"(?:{_SAME_AS_ABOVE_RE.pattern})\s*[，,、；;]\s*(?P<rest>\S.*)", re.S)


def same_as_above_and(text: str) -> str | None:
    """The units a cell names after a reference to the row above ("同上，县财政局" -> "县财政局", "同上一项、B、C" -> "B、C"):
    the cell's units are the row above's in the same column, then these (tracker/parsing/tables.py ``_row_lines``;
    GOLD-README "kinds46"). None for a cell that does not open with such a reference, or says nothing after it."""
    if not isinstance(text, str):
        return None
    m = _SAME_AS_ABOVE_AND_RE.fullmatch(text.strip())
    return m.group("rest").strip() if m and m.group("rest").strip() else None


# Every one of a kind, or every one under a named body: the 各 of "各省级人民政府", "国务院各部门", "区直各部门",
# "…领导小组各成员单位" (not the 各 of a single body's name: "各界", "各族"), or the members of a named body
# ("…领导小组有关成员单位").
_NAMED_GROUP_RE = re.compile(r"各(?!界|族)|成员单位$")


def is_named_group(name: str) -> bool:
    """True for a name standing for several units that answer as one (GOLD-README of tests/corpus, "Named groups that
    answer as one are units"): every one of a kind ("各省级人民政府", "各区县〔自治县〕人民政府", "各乡镇（街道）",
    "各县市区"), every one under a named body ("国务院各部门", "省政府各部门", "区直各部门",
    "市打击非法金融活动领导小组各成员单位", "…领导小组有关成员单位") and a counted group of areas ("杭州都市圈6市").
    False for a single unit ("市财政局", "开发区管委会", "渝中区人民政府") and for a vague collective
    (``is_vague_collective``: "各部门", "有关部门", "各有关单位", which name nobody). The unit registry makes such a
    name a 组 (services/accounts/units.new_unit). Whitespace ignored."""
    if not isinstance(name, str):
        return False
    name = _WHITESPACE.sub("", name)
    if not name or is_vague_collective(name):
        return False
    return bool(_NAMED_GROUP_RE.search(simplified(name)) or _COUNTED_AREAS_RE.match(name))


# "各区、县级市政府", "各县、市、区人民政府", "各有关区、县级市": a group of areas whose kinds are listed
# with 、 inside one name; the pieces after the first are kinds of area, the last may carry the
# body that answers for them (政府, 人民政府, 管委会).
# 乡镇, 开发区, 园区: the bare levels a county's list names after its districts ("各县（市、区）、乡镇", "各开发区、镇（街道）";
# branch kinds40).
# 功能板块, 功能区, 板块: the zones a city plans by beside its counties ("各县区、功能板块"; GOLD-README "kinds45").
_AREA_KIND = (r"(?:省|市|县|区|乡|镇|旗|州|盟|街道|乡镇|镇街|开发区|园区|县级市|县市|县区|市辖区|自治县|自治州|縣|區|鄉|鎮|"
              r"鄉鎮|開發區|園區|縣級市|功能板块|功能区|板块|"
              # 特区: 贵州's special districts, a county-level kind beside the counties and districts ("各县、特区、区人民政府";
              # GOLD-README "fresh64")
              r"特区|特區)")  # 州, 盟: "各州、市人民政府" (云南 2017, 351)
# The first kind may carry its own in brackets too ("各市（州）、县（市、区）人民政府", "各市〔州〕、县〔市、区〕人民政府", 四川).
# Some of them, unnamed, opened by 有关/相关 without 各 too ("相关市、县政府": one vague name, never "相关市" + "县政府";
# GOLD-README "fresh64").
_AREA_GROUP_HEAD_RE = re.compile(
    rf"^\s*(?:各(?:有关|相关|有關|相關)?|有关|相关|有關|相關){_AREA_KIND}(?:[（(〔]{_AREA_KIND}(?:、{_AREA_KIND})*[）)〕])?\s*$")
# A kind may carry its own kinds in brackets and the body a remark ("各区、县(市)政府(管委会)", 杭州:
# the districts, the counties and county-level cities, and the zones' committees).
_AREA_GROUP_TAIL_RE = re.compile(
    rf"^\s*{_AREA_KIND}(?:[（(〔]{_AREA_KIND}(?:、{_AREA_KIND})*[）)〕])?"
    r"(?P<body>(?:人民)?政府|管委会|党委和政府|办事处)?(?:[（(](?:管委会|管理委员会)[）)])?\s*$")

# A list closed by 等 and joined to the next name by 和 / 及 / 与 ("地税局等和各市、县人民政府"): the list ends at 等.
_ETC_AND_RE = re.compile(r"等(?:以及|和|及|与)(?=各)")


def _cut_after_etc(names: list[str]) -> list[str]:
    """Each name of ``names`` cut where a list closed by 等 is joined by 和 / 及 / 与 to a group opened by 各, outside
    brackets (``_matches_outside_brackets``): "地税局等和各市" -> "地税局等", "各市" (the 和 goes; the 等 stays for the
    reader, which drops it: tracker/parsing/unitnames.py ``_split_etc``), so that the group joins its kinds after it
    ("各市、县人民政府", ``_join_area_groups``). GOLD-README "kinds40". Other names pass unchanged. Linear."""
    result: list[str] = []
    for name in names:
        start = 0
        for found in _matches_outside_brackets(name, _ETC_AND_RE):
            result.append(name[start:found.start() + 1])
            start = found.end()
        result.append(name[start:])
    return result


def _part_area_groups(names: list[str]) -> list[str]:
    """Each name of ``names`` (a list cut at its 、) that holds a blank cut there where a group of areas written with 、
    inside begins or ends across it ("县财政局 各县" / "特区" / "区人民政府" -> "县财政局", "各县", …; "各县" / "特区" /
    "区人民政府 县财政局" -> …, "区人民政府", "县财政局"): a blank-separated list of a unit cell or annotation holding
    such a group (GOLD-README "fresh64"'s 特区, "fresh67"), so that ``_join_area_groups`` joins the group whole. The
    part on the other side of the blank is read as before (``_spaced_names``). Other names pass unchanged. Linear."""
    result: list[str] = []
    for index, name in enumerate(names):
        pieces = _WHITESPACE.split(name.strip())
        if len(pieces) < 2:
            result.append(name)
            continue
        head = []
        if index > 0 and (_AREA_GROUP_HEAD_RE.match(result[-1]) or _AREA_GROUP_TAIL_RE.match(result[-1])) \
                and _AREA_GROUP_TAIL_RE.match(pieces[0]):
            head, pieces = [pieces[0]], pieces[1:]  # "…、区人民政府 县财政局": the group's last kind, then a name
        tail = []
        if index + 1 < len(names) and _AREA_GROUP_HEAD_RE.match(pieces[-1]) and len(pieces) > 1 \
                and _AREA_GROUP_TAIL_RE.match(names[index + 1].strip().split()[0] if names[index + 1].strip() else ""):
            pieces, tail = pieces[:-1], [pieces[-1]]  # "县财政局 各县、…": a name, then the group's first kind
        if (head or tail) and pieces and not _names_units(pieces):
            head, pieces, tail = [], head + pieces + tail, []  # "加强 各县": words before the group, read as before
        result += head + ([" ".join(pieces)] if pieces else []) + tail
    return result


def _names_units(pieces: list[str]) -> bool:
    """Do the blank-separated ``pieces`` name a unit, or units (``_spaced_names``)?"""
    if len(pieces) == 1:
        return _is_spaced_unit(pieces[0]) or _short_unit_piece(pieces[0])
    return _spaced_names(pieces) is not None


def _join_area_groups(names: list[str]) -> list[str]:
    """Join the pieces of a group of areas split at its inner 、 back into one name ("各区", "县级市
    政府" -> "各区、县级市政府"); other names pass unchanged. Linear."""
    result: list[str] = []
    index = 0
    while index < len(names):
        name = names[index]
        index += 1
        if _AREA_GROUP_HEAD_RE.match(name):
            while index < len(names):
                tail = _AREA_GROUP_TAIL_RE.match(names[index])
                if not tail:
                    break
                name = name.strip() + "、" + names[index].strip()
                index += 1
                if tail["body"]:
                    break
        result.append(name)
    return result


# ---- Two names joined by 和 / 及 / 与, or one name holding them (branch units28) -----------------------------
_AND_RE = re.compile(r"以及|(?<!涉)及|和|与")  # 涉及 ("涉及街道", unnamed areas) is one word
# Shortest name on either side of 和 for the list to be split there.
_AND_SIDE_MIN_CHARS = 3
#: A name that says its place by its level ("市财政局", "省文化廣電", "各县(市、区)党委"); also where two names run together
#: in a glued table's unit cells may meet (tracker/parsing/glued_tables.py).
LEVEL_OPENING_RE = re.compile(r"^(?:省|市|区|區|县|縣|州|盟|旗|镇|鎮|乡|鄉|各)")
# A name that says its place by the area written before its body ("高新区党工委", "丽水开发区管委会", "城东镇党委",
# "宁夏回族自治区…"): an area's ending with more of the name after it.
_PLACE_IN_NAME_RE = re.compile(
    rf"^[{HAN}（）()、]{{1,14}}?(?:省|市|县|区|州|盟|旗|镇|乡|街道|园区|新区|开发区|縣|區|鎮|鄉)(?={HAN_CLASS})")
# The governing bodies every place has, written alone after a name with its place ("…党委和人民政府", "…党工委和管委会",
# "…镇党委、政府"): they answer with that name, for the same place.
_PLACE_BODY_RE = re.compile(r"^(?:人民政府|政府|管委会|管理委员会|党委|党工委|工委|办事处)$")


def _names_a_place(name: str) -> bool:
    """Does ``name`` say the place it answers for, by its level or an area written before its body?"""
    return bool(LEVEL_OPENING_RE.match(name) or _PLACE_IN_NAME_RE.match(name) or is_area_unit(name))


def answers_as_one(pieces: list[str]) -> bool:
    """Are ``pieces`` (a name cut at its 和/及/与) one unit? The first says its place and none after it does: the later
    ones share it ("高新区党工委" + "管委会", "各县(市、区)党委" + "人民政府", "城东镇党委" + "政府", "省文化廣電" + "旅遊廳":
    GOLD-README "units28"). Two full names ("市财政局" + "市税务局") are two units."""
    return _names_a_place(pieces[0]) and not any(_names_a_place(p) or is_vague_collective(p) for p in pieces[1:])


def split_joined(names: list[str]) -> list[str]:
    """Each name of ``names`` cut at 和 / 及 / 与 where it joins two units: "市发展改革委和市财政局" -> both,
    "市级各有关部门及各县市区政府" -> both, "区财政局及相关街道" -> 区财政局, 相关街道 (a vague collective, which
    ``is_vague_collective`` then leaves out). A name stays whole when a side names no unit by its ending
    ("市人力资源和社会保障局", "工业和信息化部") or when the sides answer as one (``answers_as_one``: "高新区党工委和管委会").
    A name holding 和 joined by another 和 to a unit is cut at the joining one only (``_joined_sides``): "人力资源和社会保障局
    和各区县市" -> "人力资源和社会保障局", "各区县市"; "住房和城乡建设局和市直相关单位" -> both (branch units66). Order kept; linear."""
    result = []
    for name in names:
        sides = _joined_sides(name)
        if len(sides) > 1 and not answers_as_one([_without_remark(side) for side in sides]):
            result += sides
        else:
            result.append(name)
    return result


def _is_joined_side(core: str) -> bool:
    """Can ``core`` (a piece of a name cut at 和 / 及 / 与, its closing remark set aside) close one unit of a joined list:
    three characters at least, ending like a unit, an area or a vague collective?"""
    return len(core) >= _AND_SIDE_MIN_CHARS and bool(UNIT_SUFFIX_RE.search(core) or is_area_unit(core)
                                                     or is_vague_collective(core))


def _joined_sides(name: str) -> list[str]:
    """``name`` cut at its 和 / 及 / 与 outside brackets (``_matches_outside_brackets``) into the units its pieces name: a
    piece that names no unit by its ending ("人力资源", "住房", "工业") goes on, with the word that joined it, into the pieces
    after it up to one that does ("人力资源" + "社会保障局" -> "人力资源和社会保障局"); pieces left over at the end go on the
    last side. One side: the name names one unit ("科学技术和工业信息化局", "市财政局和人力资源"). Linear."""
    spans: list[list[int]] = []  # [start, end] of each side in ``name``
    side_start = piece_start = 0
    for found in [*_matches_outside_brackets(name, _AND_RE), None]:
        end = found.start() if found is not None else len(name)
        if _is_joined_side(_without_remark(name[piece_start:end])):
            spans.append([side_start, end])
            side_start = found.end() if found is not None else len(name)
        piece_start = found.end() if found is not None else len(name)
    if not spans:
        return [name]
    spans[-1][1] = len(name)  # a piece naming no unit after the last side goes on it
    return [name[start:end] for start, end in spans]


def _matches_outside_brackets(name: str, pattern: re.Pattern) -> Iterator[re.Match]:
    """Each match of ``pattern`` in ``name`` that stands outside brackets: as many closers (``CLOSERS``) as openers
    (``OPENERS``) before it. The one test of a unit name's joining words (和 / 及 / 与: ``_joined_sides``; 等和:
    ``_cut_after_etc``). Linear: the brackets before a match are counted on from the match before it, never again from
    the name's start, so a pasted cell of thousands of "等和各" or "和" is read in one pass."""
    counted = open_brackets = 0  # openers minus closers in name[:counted]
    for found in pattern.finditer(name):
        open_brackets += sum((c in OPENERS) - (c in CLOSERS) for c in name[counted:found.start()])
        counted = found.start()
        if open_brackets == 0:
            yield found


def _without_remark(name: str) -> str:
    """``name`` without the bracketed remarks closing it ("市能源局（市电力办）" -> "市能源局"), unless nothing is left."""
    core = name
    while _TRAILING_REMARK_RE.search(core) and _TRAILING_REMARK_RE.sub("", core):
        core = _TRAILING_REMARK_RE.sub("", core)
    return core


# A place's party committee ("城东镇党委", "高新区党工委", "各县（市、区）委"): its government may follow it alone.
_PARTY_COMMITTEE_RE = re.compile(r"(?:党委|党工委|工委|[省市县区镇乡旗盟州）)]委)$")


def _join_place_bodies(names: list[str]) -> list[str]:
    """A government written alone after 、 right after the party committee of a place ("城东镇党委、政府", "各县（市、区）
    党委、人民政府", "高新区党工委、管委会") goes on that name: it has no place of its own, it shares the committee's
    (``answers_as_one``). After any other name it stays a name of its own ("各区政府、管委会": the districts' governments
    and the zones' committees). Linear."""
    result: list[str] = []
    for name in names:
        if (result and _PLACE_BODY_RE.match(name.strip()) and _names_a_place(result[-1].strip())
                and _PARTY_COMMITTEE_RE.search(result[-1].strip())):
            result[-1] = result[-1].rstrip() + "、" + name.strip()
        else:
            result.append(name)
    return result


# A duty written in brackets after the last unit of a cell ("市发改委、市财政局（按职责分工负责）"): it
# says how the units answer, it is no part of the last one's name.
_DUTY_REMARK_RE = re.compile(r"[（(]\s*(?:按职责分工负责|按职责分工落实|按职责负责|按职能分工负责|分别负责|分别牵头|共同负责)\s*[）)]$")
_ETC_RE = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")
_TRAILING_REMARK_RE = re.compile(r"[（(〔][^（()）〔〕]*[）)〕]$")


# A count of things ending a name ("新建改扩建中小学校10所", "广场两处", "幼儿园3所", "3个", "5处"): works or places counted,
# never a unit, however the last character reads (所 of 派出所, 处 of a 处室). A table's task cell and a unit cell alike
# (tracker/parsing/tables.py, moved here by units32 so that ``is_unit_list`` reads the same).
_COUNT_END_RE = re.compile(r"[0-9０-９一二三四五六七八九十两几多百千万]+[处个座所家条项台套间]$")
# A piece opening with a count ("一个", "3家"): the end of a task's sentence, never the head of a unit's name; so is
# a count after the whole area it is taken in ("全县17家乡镇卫生院", "全市12所学校": the places a 民生实事 is carried out
# in, a 实施点位 cell, no unit; branch fresh49).
_COUNT_START_RE = re.compile(r"^(?:全[省市县区镇乡州盟旗])?[0-9０-９一二三四五六七八九十两几多]+[个处座所家条项台套间万亿]")


def ends_with_count(name: str) -> bool:
    """True for a name that ends with a count of things: a number, Arabic or Chinese, and a measure word of works or
    places ("新建改扩建中小学校10所", "广场两处", "3个", "5处", "幼儿园3所"): what a task counts, never a unit. False for
    "派出所", "市财政局", "综合处"."""
    return bool(_COUNT_END_RE.search(name or ""))


def opens_with_count(piece: str) -> bool:
    """True for a piece of a table's row opening with a count ("一个…", "3家…", "两处…"), also after the whole area it is
    taken in ("全县17家乡镇卫生院"): the end of the task's sentence wrapped onto the next line, or the places the work is
    done in, never the head of a unit's name."""
    return bool(_COUNT_START_RE.match(piece or ""))


def _is_spaced_unit(piece: str) -> bool:
    """Is ``piece`` (a part of a table cell between spaces: Word's paragraphs of one cell are read
    joined by spaces) a unit's name of its own? It ends like one (UNIT_SUFFIX_RE) once a role mark or
    a bracketed remark after it is set aside ("区财政局（国资办）", "县委组织部（县人才办）",
    "各镇（街道）", "各村（社区）"), or names an area or a group of them ("各县(市、区)", "各镇街",
    "各县区", "各景区", "各镇": 各 and a kind of place or body), a lead mark before or after it set aside too ("县住建局★",
    ``unmarked``). Short pieces ("财 政 局") are never names."""
    piece = unmarked(piece)
    # "各镇", "各区": every area of a level, a name of two characters (branch fresh67: "县财政局 各镇" is two units)
    short = len(piece) < _SPACED_NAME_MIN_CHARS and not (piece.startswith("各") and is_area_unit(piece))
    if short or sum(c in OPENERS for c in piece) != sum(c in CLOSERS for c in piece):
        return False  # short, or cut inside a bracket (a space inside a remark separates nothing)
    core = _ETC_RE.sub("", _ROLE_MARK_RE.sub("", piece))  # "省林业局等": the list's last unit
    while _TRAILING_REMARK_RE.search(core) and not UNIT_SUFFIX_RE.search(core):
        core = _TRAILING_REMARK_RE.sub("", core)
    if ends_with_count(core):
        return False  # "新建改扩建中小学校10所": a count of works, not a 所 (units32)
    return bool(UNIT_SUFFIX_RE.search(core) or is_area_unit(core) or (core.startswith("各") and len(core) >= 2))


def _short_unit_piece(piece: str) -> bool:
    """A whole two-character piece naming a unit by its suffix ("经委", "农办", "团委", "妇联"): a name of
    its own between the line breaks of a unit cell, never made up of spaced-out single characters."""
    return (len(piece) == 2 and bool(UNIT_SUFFIX_RE.search(piece)) and piece[0] not in OPENERS
            and not ends_with_count(piece))  # "3所", "5处": counts (units32)


def is_short_unit_name(name: str) -> bool:
    """True for a two-character name of a unit, written short in a list beside full names ("经委", "农委", "农办", "团委",
    "妇联", "国税"): ``_short_unit_piece``. Alone it proves nothing ("试行", "暂行" end like a bank): the reader asks it
    only of a list that holds a full name too (tracker/parsing/annotations.py)."""
    return _short_unit_piece(_WHITESPACE.sub("", name or ""))


# A national body written without a level before a blank, then its office in a place ("人民银行 连云港市中心支行",
# "国家税务总局 连云港市税务局", "国家金融监督管理总局 连云港监管分局"): one unit, the body's branch (GOLD-README "fresh67").
_NATIONAL_BODY_RE = re.compile(rf"^(?![省市区县州盟旗镇乡區縣鎮鄉])[{HAN}]*(?:银行|銀行|总行|總行|总局|總局)$")
_BRANCH_OFFICE_RE = re.compile(rf"^(?![省市区县州盟旗镇乡區縣鎮鄉各])[{HAN}]{{2,}}(?:分行|支行|分局|税务局|稅務局|营业管理部|營業管理部)$")


def _branch_of(name: str, piece: str) -> bool:
    """Is ``piece`` (a part of a unit list after a blank) the office in a place of ``name``, the national body written
    before the blank ("人民银行" / "连云港市中心支行")? Then the two are one unit's name cut by the blank."""
    return bool(_NATIONAL_BODY_RE.match(name) and _BRANCH_OFFICE_RE.match(piece))


def _spaced_names(pieces: list[str]) -> list[str] | None:
    """The names of a unit cell whose lines (Word's paragraphs or line breaks, a page's ``<br>``, read as
    blanks) each name a unit, or a piece of one: "市发展改革委 经委 农办 农业局" -> 4 names (a short name
    "经委" is one of its own there); "市发展和改 革委 市住房城乡建设局" -> "市发展和改革委", "市住房城乡建设局"
    (a piece that names no unit by itself goes on into the next: a name wrapped over two lines); a
    piece opening with a bracket ("（国资办）") goes on the name before it, and so does a governing body alone after an
    area's name ("各市(州) 人民政府": one name with a blank inside, kinds40). None unless every name so
    closed up is a unit's (``_is_spaced_unit`` or ``_short_unit_piece``) and at least two are, so
    spaced-out letters ("财  政  局") and words ("加强 组织 领导") keep their old reading (one name)."""
    names: list[str] = []
    current = ""
    for piece in pieces:
        if not piece:
            continue
        if not current and names and piece[0] in OPENERS:
            names[-1] += piece  # "区财政局" / "（国资办）": the remark of the name before
            continue
        if not current and names and _PLACE_BODY_RE.match(piece) and is_area_unit(names[-1]):
            names[-1] += piece  # "各市(州)" / "人民政府": the areas' government, a PDF's blank inside the name (kinds40)
            continue
        if not current and is_office_holder(piece):
            names.append(piece)  # "分管副县长" / "县财政局": a leader's post on a line of its own, a name apart (kinds44)
            continue
        if not current and names and _branch_of(names[-1], piece):
            names[-1] += piece  # "人民银行" / "连云港市中心支行": the body's branch, one name (fresh67)
            continue
        current += piece
        if _is_spaced_unit(current) or (current == piece and _short_unit_piece(piece)):
            names.append(current)
            current = ""
    if current or len(names) < 2 or not all(_is_spaced_unit(n) or _short_unit_piece(n) or is_office_holder(n)
                                            for n in names):
        return None
    return names


# What a progress column writes (a 民生实事 table's "1-10月推进情况", "是否达序"): a yes or no, work done ("已进场
# 施工", "已开工10个", "完成500个", "累计完成…", "正在…"), a share ("完成60%"). Never a unit's name: a row read at the
# wrong columns must not give it as one (issue 13, held-out wave: a row narrower than its header).
# A project's stage in a 项目建设阶段 or 形象进度 column ("建成", "投入使用", "基本完工", "主體封頂", "开工建设") is progress
# too, in either script (read in simplified characters, han.py ``simplified``; branch cells66).
_PROGRESS_RE = re.compile(r"^(?:是|否|已|完成|累计|正在|尚未)|\d\s*[%％]"
                          r"|^(?:基本|全面|主体|部分)?(?:建成|完工|竣工|封顶|投入(?:使用|运营|运行)|投用|投产|交付使用|开工)")


# The public and the market a statute or plan calls on ("坚持政府引导，社会参与", "鼓励企业参与", "公众参与监督", "广大群众",
# "各类市场主体", "社会力量", "社会各界"): people, firms and the public at large, none of them a body that answers for a task
# (GOLD-README "Units", kinds34). A name of its own that holds the word ("市社会组织管理局", "XX企业集团") is a body.
_PUBLIC_RE = re.compile(
    r"^(?:全|广大|人民|基层|城乡|各类|各种|各|有关|相关|社会)?"
    r"(?:社会|公众|群众|市场主体|经营主体|企业|市民|居民|村民|农民|公民|个人|家庭|志愿者|各界|力量|人士|资本|组织|单位和个人|"
    r"法人|自然人|消费者|用户)"
    r"(?:各界|力量|资本|组织|公众|群众|主体|人士|成员)?(?:等)?$")


def is_the_public(name: str) -> bool:
    """True for a name of the public or the market a text calls on, never a unit: "社会", "全社会", "社会力量", "社会各界",
    "社会资本", "公众", "社会公众", "群众", "人民群众", "广大群众", "企业", "各类市场主体", "市场主体", "市民", "志愿者",
    "单位和个人" (GOLD-README "Units", kinds34: `政府引导，社会参与` names no supporting unit). False for a body's name
    ("市社会组织管理局", "市企业服务中心", "县市场监管局"). Whitespace ignored; read in simplified characters."""
    if not isinstance(name, str):
        return False
    return bool(_PUBLIC_RE.match(simplified(_WHITESPACE.sub("", name))))


# A condition's words where a name would stand, ending in "…的" (who the bracket is about: "已自行安排的", "外地考生的") or
# "自行" (by themselves): "（已自行安排的自行负责）", "（外地考生的自行解决）" name no body (GOLD-README "kinds36"). A 的
# inside a name is the name's own ("新成立的处置办", a body the registry does not know yet).
_CONDITION_NAME_RE = re.compile(r"(?:的|自行)$")


def is_condition_words(name: str) -> bool:
    """True for the words of a condition written where a unit's name would stand ("已自行安排的自行", "外地考生的自行",
    "外地考生的"): a bracket of conditions names no unit, however its last character reads (行 ends like a bank).
    False for a body's name ("市财政局", "中国农业发展银行", "新成立的处置办"). Whitespace ignored."""
    return isinstance(name, str) and bool(_CONDITION_NAME_RE.search(_WHITESPACE.sub("", name)))


# The end of a body's name before a bracket that gives its other name ("合伙人会议（股东大会）", "理事会（董事会）"):
# a unit's ending or a meeting's.
_BODY_NAME_END_RE = re.compile(rf"(?:{UNIT_SUFFIX_RE.pattern}|会议|大会)$")


def names_other_name(before: str, body: str) -> bool:
    """Is the bracket ``body``, written right after ``before`` with no stop between, another name of the body the words
    just named ("经合伙人会议" + "股东大会", "由理事会" + "董事会")? One name (no list), ending like a body, after words
    ending like one: the bracket belongs to the name, as `区财政局（国资办）` is one unit, and names no unit of the item's
    (GOLD-README "kinds36"). False after a sentence's stop or words of work ("…财政监管" + "市财政局")."""
    name = _WHITESPACE.sub("", body or "")
    words = _last_words(before or "", _NAME_END_REACH)
    if len(name) < 2 or not words or re.search(r"[、，,；;。：:]", name):
        return False
    return bool(_BODY_NAME_END_RE.search(words)) and bool(_BODY_NAME_END_RE.search(name))


#: How many characters of the words before a bracket ``names_other_name`` reads: more than the longest ending of
#: ``_BODY_NAME_END_RE`` (3), which matches at the end only.
_NAME_END_REACH = 16


def _last_words(text: str, count: int) -> str:
    """The last ``count`` characters of ``text`` with its whitespace removed (fewer when it has fewer), read back from
    its end only as far as needed: asked for each bracket of a line, it keeps a line of thousands of brackets linear
    where removing the whitespace of all the words before each bracket was quadratic (100,000 characters: 96 s)."""
    reach = 2 * count
    while True:
        words = _WHITESPACE.sub("", text[-reach:])
        if len(words) >= count or reach >= len(text):
            return words[-count:]
        reach *= 4


def is_progress_text(name: str) -> bool:
    """True for a progress cell's words, never a unit: "是", "否", "已进场施工", "完成60%", "累计完成投资3亿元",
    "正在推进", a project's stage ("建成", "投入使用", "基本完工", "主體封頂"). Whitespace ignored; an empty text is none."""
    name = _WHITESPACE.sub("", name or "").strip(_EDGE_STOPS)
    return bool(name) and bool(_PROGRESS_RE.search(simplified(name)))


def is_unit_list(text: str) -> bool:
    """Is ``text`` (a line of a table cell) a list of unit names and nothing else ("区发改局",
    "区财政局、区住建局", "各镇（街道）", a short name "经委", "农办", a lead marked "★区发改局" or "区发改局★")? Every
    name, its lead mark set aside (``unmarked``), must end like a unit (see ``_is_spaced_unit``, ``_short_unit_piece``);
    a sentence (with 。 or ：) is none."""
    if not isinstance(text, str) or not text.strip() or re.search(r"[。：:！？]", text):
        return False
    names = split_units(text)
    # a name opening with a count is what a task counts, no unit ("35家铸造企业" under a 项目名称 column; branch fresh38)
    return bool(names) and all((_is_spaced_unit(name) or _short_unit_piece(name)) and not is_progress_text(name)
                               and not opens_with_count(name) for name in names)


# The number an office writes before each unit of a cell listing them one a line or in a row ("1.市财政局\n2.市税务局",
# "1、市财政局", "（1）市财政局", "①市财政局 ②市税务局"): a list's numbering, no part of a name (branch ledgers52). An
# Arabic number counts at the text's start or after a blank or a separator, before a Han character (so "12345热线办" and
# "2.5万" stay); a circled one anywhere.
_UNIT_NUMBERING_RE = re.compile(
    rf"[{''.join(CIRCLED)}]\s*|(?:^|(?<=[\s、，,；;]))(?:[（(]\s*\d{{1,2}}\s*[）)]|\d{{1,2}}\s*[.．、](?!\d))\s*(?={HAN_CLASS})")


def without_unit_numbering(text: str) -> str:
    """``text`` (a cell or annotation listing units) without the numbers written before its units, each number's place
    left as a line break so numbered units run together still part: "1.市财政局\n2.市税务局" -> "\n市财政局\n\n市税务局",
    "①市财政局②市税务局" -> "\n市财政局\n市税务局"; ``split_units`` then drops the empty names. ``_UNIT_NUMBERING_RE``
    says which numbers count."""
    return _UNIT_NUMBERING_RE.sub("\n", text)


def split_units(text) -> list[str]:
    """Split ``text`` into unit names, in written order (repeats kept).

    "市发改委（牵头，含下属单位）、市财政局\\n市金融办；重庆银监局, 各区县" -> 5 names;
    "市财政局（含下属单位，各分局）" -> 1 name. Separators count only at bracket depth 0 (an
    unmatched closer is ignored; after an unmatched opener nothing is split). Spaces separate
    names only when every piece is a unit's name, a role mark after it allowed ("市财政局 市商务局",
    "市财政局（牵头） 市商务局" -> 2 names); otherwise
    whitespace inside a name is removed ("市 财 政 局" -> "市财政局"). 。 or . at a name's ends is
    dropped; empty names are dropped. The numbers of a numbered list are no part of a name ("1.市财政局\\n2.市税务局",
    "①市财政局 ②市税务局" -> 2 names: ``without_unit_numbering``). A sentence after the list's 。 is a note, no names
    ("A、B。以下任务均需各区落实,不再列出" -> A, B: ``_without_note_sentence``); a bare kind after a collective is its
    other half ("市直有关部门、单位" -> 1 name: ``_join_bare_kinds``). ``None`` gives []; a non-text value (a number in a
    cell) is read as its text.
    """
    if text is None:
        return []
    if not isinstance(text, str):
        text = str(text)
    text = without_unit_numbering(text)  # "1.市财政局\n2.市税务局", "①市财政局 ②市税务局": the list's numbers
    text = _without_note_sentence(text)  # "A、B。以下任务均需…落实,不再列出": the sentence after the list
    names, current, depth = [], [], 0
    for char in text:
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        if depth == 0 and char in SEPARATORS:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    result = []
    for name in _join_place_bodies(_join_area_groups(_part_area_groups(_cut_after_etc(names)))):
        pieces = [piece.strip(_EDGE_STOPS) for piece in _WHITESPACE.split(name.strip())]
        # "市财政局 市工业和信息化局", "市发展和改 革委 市住建局": names a table cell separates by spaces or line breaks
        result += _spaced_names(pieces) or [_WHITESPACE.sub("", name).strip(_EDGE_STOPS)]
    # a group of areas that opens a new line or a space-separated name of a cell ("各有关部门\n各开发区、镇(街道)")
    result = _join_area_groups(_join_bare_kinds(result))
    # a duty remark on a line of its own after a list of one name a line ("市发改局\n市财政局\n（按职责分工负责）") is the
    # list's remark, no name (branch ledger67)
    return split_run_together(split_joined([_DUTY_REMARK_RE.sub("", name) or name for name in result
                                            if name and not (len(result) > 1 and _DUTY_REMARK_RE.fullmatch(name))]))


# The sentence a unit cell runs on into after its list, a note on the rows below ("市直有关部门、单位,各区市政府。以下任务均需
# 各区市政府落实,不再列出"): what follows the first full stop outside brackets, when some piece of it ends like no unit.
_FULL_STOP = "。"


def _without_note_sentence(text: str) -> str:
    """``text`` up to its first 。 outside brackets when the words after it are a sentence, not more names: a piece of
    them (split at the list's separators) ends neither like a unit (``UNIT_SUFFIX_RE``) nor as an area (``is_area_unit``)
    ("以下任务均需各区市政府落实", "不再列出"; GOLD-README held-out 160, branch ledger67). The text unchanged when it has no
    such stop, or only names after it ("市财政局。市税务局")."""
    depth = 0
    for index, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        elif char == _FULL_STOP and depth == 0:
            pieces = [_WHITESPACE.sub("", piece).strip(_EDGE_STOPS)
                      for piece in re.split(f"[{''.join(sorted(SEPARATORS))}]", text[index + 1:])]
            pieces = [piece for piece in pieces if piece]
            if any(not (UNIT_SUFFIX_RE.search(_TRAILING_REMARK_RE.sub("", piece)) or is_area_unit(piece))
                   for piece in pieces):
                return text[:index + 1]
            return text
    return text


#: A kind of body written alone after a list's last name of that kind ("市直有关部门、单位": the departments and units
#: concerned, one collective, GOLD-README held-out 160).
_BARE_KINDS = frozenset({"部门", "单位", "部門", "單位"})


def _join_bare_kinds(names: list[str]) -> list[str]:
    """``names`` with a bare kind of body ("单位", "部门") joined with 、 to the name before it when that name ends with a
    kind ("市直有关部门", "单位" -> "市直有关部门、单位"): no body of its own, the other half of one collective."""
    joined: list[str] = []
    for name in names:
        if name in _BARE_KINDS and joined and joined[-1].endswith(tuple(_BARE_KINDS)):
            joined[-1] = f"{joined[-1]}、{name}"
        else:
            joined.append(name)
    return joined


# ---- Two full names run together without a separator (branch units29) -------------------------------------------
# A level that opens a unit's full name, before its body ("市司法局", "县住建局", "省能源局").
_FULL_NAME_LEVEL = "省市区县州盟旗镇乡區縣鎮鄉"
# Shortest side of a name cut where two full names run together ("市妇联" is a full name).
_RUN_SIDE_MIN_CHARS = 3
# Longest run of names read for cuts: a few full names (a longer text is words, never units; keeps the search short).
_RUN_NAME_MAX_CHARS = 40


def _full_unit_name(name: str) -> bool:
    """Is ``name`` a unit's full name by itself: its level first, a unit's ending (a bracketed remark after it set aside)?"""
    core = _without_remark(name)
    return (len(core) >= _RUN_SIDE_MIN_CHARS and core[0] in _FULL_NAME_LEVEL and bool(UNIT_SUFFIX_RE.search(core))
            and sum(c in OPENERS for c in name) == sum(c in CLOSERS for c in name))


def is_full_unit_name(name: str) -> bool:
    """Is ``name`` a unit's full name by itself: its level first (省, 市, 县, 区 …), a unit's ending ("市商务局", "县发改局",
    "市委宣传部"; a bracketed remark after it set aside)? "做好市商务局" (a verb first) and "商务局" (no level) are not.
    ``split_run_together``'s test of each side; also a heading's lead written before a blank (walker, GOLD-README "kinds42")."""
    return _full_unit_name(name)


def split_run_together(names: list[str]) -> list[str]:
    """Each name of ``names`` cut where two units' full names run together with no separator, a page or a cell having
    lost the line break or 、 between them: "市行政审批局市司法局" -> "市行政审批局", "市司法局"; "县住建局县城管局县自然资源局"
    -> three. Cut only where both sides are full names by themselves (``_full_unit_name``: the level first, a unit's
    ending) and the cut splits no ending ("县工业园区管委会": 园区), so a name that needs the next part stays whole
    ("市委市政府督查室", "市公安局开发区分局", "各县市区政府", "县人民政府办公室"); the first such cut from the left, then
    the rest read again. Order kept; a text longer than _RUN_NAME_MAX_CHARS is kept whole (words, never names), so the
    search stays short. GOLD-README "units29" (wave 12's rule for unit cells)."""
    result = []
    for name in names:
        rest = name
        while len(rest) <= _RUN_NAME_MAX_CHARS:
            cut = next((i for i in range(_RUN_SIDE_MIN_CHARS, len(rest) - _RUN_SIDE_MIN_CHARS + 1)
                        if _full_unit_name(rest[:i]) and _full_unit_name(rest[i:])
                        and not UNIT_SUFFIX_RE.search(rest[:i + 1])), None)  # "县工业园|区管委会": 园区 is one ending
            if cut is None:
                break
            result.append(rest[:cut])
            rest = rest[cut:]
        result.append(rest)
    return result



# ---- A mark before the lead unit in one unit cell (issue 13, task tables round 6) ------------------
#: Marks an office writes before a unit's name in one 责任单位 cell to single out the unit that leads
#: ("★区发改局、区财政局": 区发改局 leads, 区财政局 supports; GOLD-README "Task tables, round 6"), or after it
#: ("区财政局、区发改局★", "区发改局*": branch tables30). An asterisk counts alone (``**`` is emphasis, no mark).
_MARK_SHAPES = "★☆▲△●◆"
LEAD_MARKS = _MARK_SHAPES + "*＊"
_MARK = rf"(?:[{_MARK_SHAPES}]+|(?<![*＊])[*＊](?![*＊]))"
_LEAD_MARK_RE = re.compile(rf"^\s*{_MARK}\s*")
_LEAD_MARK_AFTER_RE = re.compile(rf"\s*{_MARK}\s*$")


def unmarked(name: str) -> str:
    """A unit's ``name`` without the lead mark written before or after it (``LEAD_MARKS``: "★区发改局", "区发改局★",
    "区发改局*" -> "区发改局"); a name without one as written."""
    return _LEAD_MARK_AFTER_RE.sub("", _LEAD_MARK_RE.sub("", name)).strip()


def marked_lead(text: str) -> tuple[list[str], list[str]] | None:
    """The units of a unit cell ``text`` split by a lead mark written before some of them
    (``LEAD_MARKS``) or after them: (marked units, the others), each in written order and without the mark;
    None when no unit of the cell is marked (or the cell names no unit). "★区发改局、区财政局" ->
    (["区发改局"], ["区财政局"]); "区司法局、▲区政务服务局" -> (["区政务服务局"], ["区司法局"]); "区司法局、区政务服务局★"
    and "区政务服务局*、区司法局" mark 区政务服务局."""
    if not isinstance(text, str) or not any(mark in text for mark in LEAD_MARKS):
        return None
    marked, others = [], []
    for name in split_units(text):
        bare = unmarked(name)
        if not bare:
            continue
        (marked if bare != name.strip() else others).append(bare)
    return (marked, others) if marked else None


# ---- Persons written beside units in a table cell (issue 13, round 2) ------------------------------
# A 分工表 column captioned for units and persons ("牵头单位（责任人）", "责任单位及责任人",
# "牵头单位/联系人") writes each unit with its person: "市发改委（张三）", "市发改委 张三",
# "市发改委：张三", "市发改委（张三 副主任）". Persons are never units (GOLD-README "Units").
_TITLES = (r"(?:副?(?:局长|主任|书记|区长|县长|市长|镇长|乡长|部长|处长|科长|所长|站长|队长|院长|主席|秘书长|调研员|"
           r"总经理|经理|董事长)|同志)")
_PERSON = rf"[{HAN}·]{{2,4}}?\s*{_TITLES}?"
_PERSON_RE = re.compile(rf"{_PERSON}")
#: A bracket after a name holding a person and a title ("（张三局长）", "（李四 副主任）"): read as a
#: person wherever it is written.
_TITLED_PERSON_BRACKET_RE = re.compile(rf"[（(]\s*[{HAN}·]{{2,4}}\s*{_TITLES}\s*[）)]")
#: Captions of a unit column that also holds persons ("牵头单位（责任人）", "责任单位/联系人"): a person
#: word of tracker/vocabulary/persons.py inside.
PERSON_IN_CAPTION_RE = re.compile("|".join(map(re.escape, person_marks())))
_BRACKET_RE = re.compile(r"[（(]([^（()）]*)[）)]")
# A label before a person's name in a unit cell ("联系人：张三"): a person noun and its colon.
_PERSON_LABEL_RE = re.compile("(?:" + "|".join(map(re.escape, person_labels())) + r")\s*[：:]\s*")


def _blank_person_labels(text: str) -> str:
    """``text`` with each person label and its colon ("联系人：", "聯繫人：") replaced by a space. The labels are found in
    ``simplified(text)``, whose characters stand where ``text``'s do, so a traditional text reads like a simplified one
    through the one mapping of han.py (units32)."""
    pieces, last = [], 0
    for match in _PERSON_LABEL_RE.finditer(simplified(text)):
        pieces += [text[last:match.start()], " "]
        last = match.end()
    return "".join(pieces) + text[last:]


def _is_person(text: str) -> bool:
    """``text`` (a bracket's content or a piece of a cell) is a person's name, possibly with a
    title, and no unit: "张三", "李四 副主任", "王五、赵六"."""
    names = [n.strip() for n in re.split(r"[、，,；;\s]+", text.strip()) if n.strip()]
    names = [n for n in names if not re.fullmatch(_TITLES, n)]
    return bool(names) and all(
        _PERSON_RE.fullmatch(n) and not UNIT_SUFFIX_RE.search(n) and not _ROLE_MARK_RE.search(f"（{n}）")
        and not n.startswith(("含", "各", "市", "区", "县", "省")) for n in names)


def is_person_name(text: str) -> bool:
    """Is ``text`` (a line or a piece of a table's row) a person's name alone, or several, and no unit? Blanks typed inside
    a name are layout ("钱  辉": a two-character name padded to a three-character one's width, as a 责任领导 column writes
    it; branch fresh38). "范颖飞" -> True, "镇妇联" -> False, "" -> False."""
    return _is_person(re.sub(r"\s+", "", text))


def names_surnamed_persons(text: str) -> bool:
    """Is ``text`` (the words of an annotation before its first caption, "张同生、石海波，") a list of persons' names and
    nothing else: each name a common family name and one or two characters more (``persons.is_surnamed_name``), none ending
    like a unit ("金融办") nor naming an area? Such names open a city's 分解 annotation before its units' caption
    ("（张同生、石海波，责任单位：市交通局）"; GOLD-README "fresh67"). "" -> False."""
    names = [n for n in re.split(r"[、，,；;\s]+", (text or "").strip()) if n]
    return bool(names) and all(is_surnamed_name(n) and not UNIT_SUFFIX_RE.search(n) and not is_area_unit(n)
                               and not is_vague_collective(n) for n in names)


def drop_persons(text: str, persons_column: bool = False) -> str:
    """``text`` (a unit cell) without the persons written beside its units.

    A bracket holding a name and a title ("市发改委（张三局长）") is dropped wherever it is
    written; in a column whose caption says it holds persons too (``persons_column``:
    PERSON_IN_CAPTION_RE, "牵头单位（责任人）"), so are brackets holding names only ("市发改委（张三）"),
    a name after a unit and a space or colon ("市发改委 张三", "市发改委：张三"), and labels such as
    "责任人：". Units, role marks ("（牵头）") and remarks ("（含下属单位）") stay as written.
    """
    if not isinstance(text, str) or not text:
        return text
    text = _TITLED_PERSON_BRACKET_RE.sub("", text)
    if not persons_column:
        return text
    text = _blank_person_labels(text)
    text = _BRACKET_RE.sub(lambda m: "" if _is_person(m.group(1)) else m.group(0), text)
    kept = []
    for line in re.split(r"(\n|[、，,；;/／])", text):
        pieces = re.split(r"[\s：:]+", line.strip()) if line not in "\n、，,；;/／" else [line]
        if len(pieces) > 1 and UNIT_SUFFIX_RE.search(pieces[0]):
            pieces = [pieces[0]] + [p for p in pieces[1:] if not _is_person(p)]
            line = " ".join(pieces)
        elif len(pieces) == 1 and line.strip() and _is_person(line):
            line = ""  # a person alone between separators ("市发改委、张三")
        kept.append(line)
    return "".join(kept)


# A person written beside a unit in a plan's annotation, with no persons' caption (branch kinds48): in a bracket right
# after the unit ("县发改局（张三）", "（王某 副局长）", "（张三、李四）") or after a blank or none (the walker closes a copy's
# blanks up before it reads duties), before a separator, a bracket's end or the duty word ("县发改局 张三、县财政局 李四负责",
# "县发改局张三、县财政局李四负责").
_NAMED = rf"(?:{PERSON_NAME_RE.pattern})(?:\s*{_TITLES})?"
_BRACKETED_PERSONS_RE = re.compile(rf"[（(]\s*{_NAMED}(?:\s*[、，,]\s*{_NAMED})*\s*[）)]")
# (a name's last character is never the 为, 是 or 作 of the role after it: "张三为牵头单位" is 张三, then 为牵头单位)
_SPACED_PERSON_RE = re.compile(rf"[ \t\u3000]*{_NAMED}(?!(?<=[为是])(?:共同|主要|具体)?(?:牵头|配合|协助|参与|协办|责任))(?!(?<=作)为)"
                               rf"(?=\s*(?:[、，,；;。）)]|$|负责|牵头|配合|协助|参与|共同|按职责"
                               r"|(?:为|是|作为)(?:共同|主要|具体)?(?:牵头|配合|协助|参与|协办|责任)))")  # "A 王某为牵头单位" (kinds49)
# How far back the unit's ending is looked for (the longest ending of UNIT_SUFFIX_RE and a few characters).
_UNIT_END_REACH = 16
# A "name" ending like a place is the next unit of a list, never a person: a town, village or area whose first character
# is a family name too ("居巢经开区 黄麓镇", "县财政局 李村", "市发改委、王集乡"; stop 39, after kinds48).
_PLACE_END_RE = re.compile(r"(?:镇|鎮|乡|鄉|村|街道|社区|社區|区|區|县|縣|市|省|州|旗|盟|场|場|园|園)$")


def _is_short_remark(bracket: str) -> bool:
    """Is ``bracket`` ("（农机）", "（交管）", "（张三）") two characters in a bracket, a family name's and one more that is
    neither 某 nor a numeral, with no title: a remark on the unit's line of work as offices write it ("县农业局（农机）",
    "市公安局（交管）"), unless the text shows persons elsewhere (``persons_beside_units``)? A name left out ("王某"), a
    placeholder ("张三", "李四") and a name of three characters are persons by themselves (GOLD-README "kinds49")."""
    words = re.sub(r"[（()）\s]", "", bracket)
    return len(words) == 2 and bool(PERSON_NAME_RE.fullmatch(words)) and words[1] not in _NAME_PLACEHOLDERS


# A person written right after a bracket ("县农业局（农机）（王某）", "县农业局（农机） 王某"): the bracket before is the unit's remark.
# Linear in the blanks (was ``\s*[（(]?\s*(?:…)``, quadratic: the two runs around a missing bracket split one run every
# way); a name opens with a family name, never a blank nor a bracket, so the runs are taken whole.
_PERSON_NEXT_RE = re.compile(rf"\s*+(?:[（(]\s*+)?(?:{PERSON_NAME_RE.pattern})")
# A given name that says it is none: 某 for a name left out, a numeral for a placeholder ("张三", "李四", "王五").
_NAME_PLACEHOLDERS = "某一二三四五六七八九十"


def persons_beside_units(text: str) -> str:
    """``text`` (an annotation's inside) without the persons written beside its units: "县发改局 张三、县财政局 李四负责"
    -> "县发改局、县财政局负责", "县发改局（张三）牵头，县财政局（李四 副局长）配合" -> "县发改局牵头，县财政局配合". A person
    is a common family name and one or two characters (``persons.PERSON_NAME_RE``; "王某" for a name left out), a title
    after it allowed, and stands right after a unit's name (UNIT_SUFFIX_RE); a bracket of a remark ("（牵头）", "（市人才办）",
    "（文明办）") or a name that ends like a unit or a place (镇, 乡, 村, 街道, 区 …: "县财政局 黄集镇") stays. Persons are never
    units (GOLD-README "Units", "kinds48").

    A bracket of two characters whose first is a family name's ("县农业局（农机）", "市公安局（交管）": a remark naming the
    unit's line of work) stays as the unit's remark, unless the text shows a person beside a unit by other marks: a name of
    three characters, 某 or a numeral for the given name ("钱某", "张三"), or a title ("（王伟 局长）"); a person written
    right after the bracket ("县农业局（农机）（王某）") shows it a remark all the same. The characters alone
    cannot tell "（农机）" from a two-character name; the office that writes persons writes them so (GOLD-README "kinds49")."""
    if not text:
        return text

    def person_at(match: re.Match, source: str) -> bool:
        words = re.sub(r"[（()）、，,\s]", "", match.group(0))
        before = _TRAILING_REMARK_RE.sub("", source[max(0, match.start() - _UNIT_END_REACH):match.start()].rstrip())
        return not (not UNIT_SUFFIX_RE.search(before) or UNIT_SUFFIX_RE.search(words) or _PLACE_END_RE.search(words)
                    or _ROLE_MARK_RE.search(match.group(0)))

    unbracketed = _BRACKETED_PERSONS_RE.sub("", text)
    shown = any(person_at(m, text) and not _is_short_remark(m.group(0)) for m in _BRACKETED_PERSONS_RE.finditer(text)) \
        or any(person_at(m, unbracketed) for m in _SPACED_PERSON_RE.finditer(unbracketed))

    def cut(match: re.Match, source: str) -> str:
        if not person_at(match, source) or (_is_short_remark(match.group(0)) and (
                not shown or _PERSON_NEXT_RE.match(source, match.end()))):
            return match.group(0)
        return ""

    without_brackets = _BRACKETED_PERSONS_RE.sub(lambda m: cut(m, text), text)
    return _SPACED_PERSON_RE.sub(lambda m: cut(m, without_brackets), without_brackets)


# ---- Jurisdictions (辖区, issue 18): which area a plan or a unit name belongs to ---------------------

#: Administrative suffixes that end an area's name (重庆市, 广东省, 渝中区, 石柱土家族自治县, 黔江地区).
_AREA_SUFFIXES = "省|自治区|市|自治州|州|盟|地区|自治县|县|区|旗"
_AREA_RE = re.compile(rf"^(?:关于印发|关于转发|关于)?({HAN_CLASS}{{2,10}}?(?:{_AREA_SUFFIXES}))")
#: A local unit name that does not say its area: 市发展改革委, 区财政局, 县商务委, 省教育厅.
_LOCAL_NAME_RE = re.compile(rf"^(?:省|市|区|县|州)(?!委员会$){HAN_CLASS}")
# Leading words that look like an area but are not one (中华人民共和国…, 国务院…; 市场监管局 starts 市场).
_NOT_AREAS = ("中华人民共和国", "国务院", "中国", "全国", "国家", "中共")


def area_of(text: str | None) -> str | None:
    """Return the area a plan's issuer or title starts with ("广州市人民政府办公厅" -> "广州市",
    "关于印发重庆市…的通知" -> "重庆市", "潍坊市…方案" -> "潍坊市"), else None ("国务院办公厅",
    "市发展改革委", "中国人民银行…"). Pure; whitespace ignored."""
    if not isinstance(text, str):
        return None
    text = _WHITESPACE.sub("", text)
    if text.startswith(_NOT_AREAS):
        return None
    match = _AREA_RE.match(text)
    return match.group(1) if match else None


def is_local_unit_name(name: str) -> bool:
    """True for a unit name written from inside its area, without naming it: 市发展改革委, 区财政局,
    省教育厅 (the same words name different units in 重庆 and 广州). False for 市场监管局 (市场…),
    for names that say their area (重庆市财政局) and for 人行重庆营管部."""
    name = _WHITESPACE.sub("", name or "")
    return bool(_LOCAL_NAME_RE.match(name)) and not name.startswith("市场")


def same_area(first: str | None, second: str | None) -> bool:
    """True when one area lies within the other by name ("重庆市" and "重庆市渝中区"), or either is unknown."""
    if not first or not second:
        return True
    return first.startswith(second) or second.startswith(first)
