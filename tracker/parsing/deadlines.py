"""Deadlines: the small grammar of a plan's deadlines, from the words ("2016年底前") to a date.

A plan writes its deadlines in many ways; ``deadline`` keeps them as written (GOLD-README
"Deadlines" and "Conventions reconciled": the shortest time expression, without 到/于/在 and the
verb) and ``due_date`` is derived where the words name a date (CONTRACTS.md §1). Where they are read:

- in an annotation clause ("（市财政局，5月底前完成）"): ``is_deadline_clause``, ``written_deadline``;
- after a caption ("完成时限：…", a table's 完成时间 cell; a caption line of its own such as
  "时限要求：年底前" or "时间：2023年12月"): ``captioned_deadline``, ``deadline_caption_line`` (captions:
  tracker/vocabulary/captions.py, shared with the ledger reader);
- on a line of its own under a finished item ("二、强化督查。" then "年底前完成。"): ``bare_deadline_line``;
- as written in the raw text, stray blanks kept ("4月18 日前"): ``as_written``;
- in the measure's own words: ``find_text_deadline``, whose forms are ``_TEXT_FORMS`` (counted from
  the document, horizons, periodic, by a date, 年内, targets, parts of the year, spans, standing; a notice's
  day with its hour, "6月20日18：00前", a window "通告之日起至2022年10月20日" on a line of its own, and the
  year a 民生实事 item's own goal caption line opens with, "任务目标：2024年计划…" -> "2024年": round 5; a period
  of years opening a clause with the work done in it, "2023年至2025年，推进落实…力争到2027年…" -> "2023年至2025年",
  ahead of the later target year: ``year_span``, branch excerpts); a time with its year and a part of the year run on
  into its work without a comma ("2022年上半年发放第一批消费券", "2024年春季力争完成补植"), read whole: ``run_on_time``
  (branch kinds39), and a year after its subject's words before the aim ("云塑小镇项目2021年二期计划投资…": ``subject_year``);
  a traffic-control or ban notice's window opening
  an item before what it bans ("1.3月30日21:00-3月31日7:00，禁止…") or in brackets after the days it dates
  ("节日期间(4月30日0时至5月5日6时)…"): the form ``window`` (GOLD-README "periods27"); the term a ban or season notice
  names by its sentence ("自2023年3月2日至4月15日为禁火期", "禁牧时间为…至…", "在…至…防火期内"): ``window`` too, the term
  a ban's or a season's (``_BAN_TERM``; GOLD-README "deadlines30");
  ``is_past_report`` drops a target year earlier than the document ("2022年，全市新建…" in a 2023 plan).

Due dates (``parse_due_date``):

    2024年6月15日前 → 2024-06-15     2024年6月底前 / 2024年6月 → 2024-06-30
    2016年底前 / 2016年 → 2016-12-31  2024年上半年 → 06-30, 下半年 → 12-31, 年中 → 06-30
    2024年第三季度 → 09-30           2024-06-30, 2024.6.30, 2024/6/30 → that day
    二〇二四年六月底前 (Chinese numerals) → 2024-06-30
    2024年3月10日至5月31日, 2012－2015年 (spans) → the end: 2024-05-31, 2015-12-31
    2024年6月20日（星期四）18：00前 (a day's weekday and hour) → 2024-06-20; 通告之日起至2022年10月20日 → 2022-10-20
    2022年7月8日6:00时至10日12:00时 (an end written as a bare day: the month before it) → 2022-07-10
    6月底前, 年底前, 年内, 今年, 第一季度, 上半年 (no year) → that month/quarter/year end of ``default_year`` when
    given (the plan's signing year), else None
    本意见印发之日起30日内, 本实施意见施行后一年内 → the document's date + the period (``issued_on``)
    “十四五”末, “十四五”期间, 十三五时期 (a five-year plan's end or span) → 2025-12-31, 2020-12-31
    三年内, 今后五年, 3年时间 (horizons), 本世纪中叶, 2024年春季 (a season) → None
    当年, 本年度, 全年 → the year's end of ``default_year``; 2023年全年 → 2023-12-31
    每季度末, 每月5日前, 长期坚持, 年内持续推进 → None (see ``recurrence_of``); "每年" alone is no deadline

Not deadlines (one rule each, in the grammar): a time with its year that ends before the document's
date, written without 前 ("截至2023年底，全省累计建成…" in a 2024 plan: ``is_past_report``); a date
opening a sentence that names an event ("2024年9月，国务院印发…": ``_EVENT_RE``); a horizon or target year naming what a
heading is about ("一、今后五年主要目标和重点任务": ``_names_scope``) or describing the period ("今后五年，是…"); a date saying
which bodies a rule covers ("2018年6月30日前在省民政厅登记的社会团体": ``_WHICH_ONES_RE``); an estimate of a result
("预计，2020年生产总值达到…": ``_ESTIMATE_RE``; branch deadlines29). A break inside one
written date (a line end, a Word cell's paragraphs, "2024年" / "9月底前") is layout:
``breaks_inside_date``, ``ends_inside_date``; so is a saved page's source whitespace between the
pieces of one date ("<span>2024</span>" newline "<span>年</span>"): ``splits_written_date``.

When several dates are written, the first one written as a deadline (with 前) is the due date
("2012年10月底前，2012年底前" → 2012-10-31; the deadline keeps the whole text as written); a
date without 前 ("2016年6月启动，2017年底前完成") is a step, not the deadline. Dates listed before one 前
("于2019年4月15日、7月15日及2020年1月15日前报送", "3月、6月、9月底前") give the first, as written without 前
(``_LISTED_DATE``; branch deadlines67). A blank a copy typed inside a date ("2025 年6 月底前", "6 月30 日前") is part of
it, kept as written (``_TYPED_BLANK``); the year of a finance appropriation ("2025年，市级财政预算安排13.06亿元") is the
year whose budget pays, no deadline (``_APPROPRIATED``).
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re

from ..vocabulary.captions import (DEADLINE_LINE_CAPTIONS, GOAL_CLAUSE_CAPTIONS, NOTICE_TIME_CAPTION, NOTICE_TIME_CAPTION_RE,
                                   PROMOTION_TIME_CAPTION, REFUSED_TIME_CAPTION, RELIEF_WORDS, SUBSIDY_NOUNS,
                                   AWARD_WORDS)
from ..vocabulary.han import HAN, HAN_CLASS, simplified, without_readings
from ..vocabulary.numbering import TYPED_BLANK, arabic_years, chinese_numeral_value
from .cleaning import BULLETS

_CN_SMALL_RE = re.compile(r"[一二三四五六七八九十]{1,3}(?=[月日号])")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_QUARTER_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_DATE_RE = re.compile(
    r"(?P<iso>(?P<iy>\d{4})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})(?!\d))"
    r"|(?P<isom>(?P<my>\d{4})[-./](?P<mm>\d{1,2}))(?![-./\d])"
    r"|(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<xun>上中旬|上旬|中旬))?"
    r"|第?(?P<q>[一二三四1-4])季度|(?P<h>上半年|下半年|年中|中)|(?P<end>年?底|年?末))?"
    r"|(?<![\d年])(?P<om>\d{1,2})月(?:(?P<od>\d{1,2})[日号]|(?P<oxun>上中旬|上旬|中旬))?"
    r"|(?<![\d年])第?(?P<oq>[一二三四1-4])季度|(?<![\d年])(?P<oh>上半年|下半年|年中)"
    r"|(?<![\d])(?P<oend>年底|年末|(?<![0-9一二三四五六七八九十两几多半])年内|今年)"
)

# A period counted from the document's issue ("本意见印发之日起30日内", "印发后三个月内").
_CN_COUNT = "[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3}"
# ("于方案印发后1个月内": the document named without 本 is part of the deadline as written too)
_DOC_WORD = "(?:意见|方案|通知|办法|计划|规划|决定|细则|规定|条例|要点)"
# A notice that announces something else (a list's 公示, a tender's 公告): a period counted from it has no due date.
_NOTICE_WORD = "公告|通告|公示"
_RELATIVE = (rf"(?:本{HAN_CLASS}{{0,4}}?{_DOC_WORD}|{_DOC_WORD}|文件)?(?:印发|发布|出台|实施|施行|下发|公布|{_NOTICE_WORD})"
             rf"(?:之日|后)(?:起)?(?P<count>{_CN_COUNT})个?(?P<span>日|天|工作日|月|年)(?:内|以内)")
_RELATIVE_RE = re.compile(_RELATIVE)
# An event the item's work is done before, then a count of days, working days, weeks or months ("考前10日", "会议召开前3个工作日",
# "开班前一周"): a time counted back from an event (branch fresh52). The events are a notice's own occasions: an exam, a meeting,
# an activity, a contest, a training class, a school term's start.
_EVENT_BEFORE = r"(?:考试|(?<![参思备])考|会议|开会|大会|活动|比赛|赛事|开赛|培训|开班|开学|开幕|展会|评审|答辩)(?:召开|举行|举办|开始|开幕)?"
# Any other event, named by the words between a clause's start (or 于/在/须/应 before it) and its 前 ("于项目验收前5个工作日提交",
# "，开工前10日报备", "在换届选举前7个工作日完成"), reads the same (branch fresh54: the form, not a list of events). Not a time:
# a word ending in 前 that names no event ("提前3天", "目前3个", "此前", "日前", "年前", "节前" aside: ``_NOT_AN_EVENT_BEFORE``),
# a rank ("前3名": no unit of time), a count of days after a date ("5月10日前3天": figures before 前).
_NOT_AN_EVENT_BEFORE = r"提|目|当|此|以|之|事|日|年|月|空|眼|先|生|从|超|向|面|门|跟|往|史|跑|朝|上"
_ANY_EVENT = (rf"(?:(?<=^)|(?<=[，,。；;：:\n（(\s])|(?<=于|在)|(?<=须|应))(?:(?![于在须应])[\u4e00-\u9fff])"
              rf"{{0,7}}?(?![于在须应])[\u4e00-\u9fff](?<!{_NOT_AN_EVENT_BEFORE})")
# (months only after a listed event: "全市前10个月完成投资" counts the year's first months, no event)
# Hours and minutes count back the same ("须于会前10分钟在会议室签到", "会议召开前2小时"), and the count may stand before
# 之前/以前 instead of after 前 ("在每次常务会议召开2个工作日之前，提出…议程": the event, the count, then 之前; branch fresh58,
# documents 1348-1349). Not after a date or a period word: the event's last character is no 日/月/年 (``_NOT_AN_EVENT_BEFORE``),
# so "每月10日前" stays the monthly day it was.
_COUNT_BACK_UNITS = r"日|天|工作日|周|星期|小时|分钟"
# (a period's end or part before the count is a recurring day, no event: "每季度末10日以前", "每周五下午": left to their forms)
_PERIOD_END_BEFORE_COUNT = r"末|底|初|午|旬|季|度|周|晚|早"
_BEFORE_EVENT = (rf"(?<![0-9０-９])(?:{_EVENT_BEFORE}(?:之)?前(?:{_CN_COUNT})个?(?:{_COUNT_BACK_UNITS}|月)"
                 rf"|{_ANY_EVENT}(?:之)?前(?:{_CN_COUNT})个?(?:{_COUNT_BACK_UNITS})"
                 rf"|{_ANY_EVENT}(?<!{_PERIOD_END_BEFORE_COUNT})(?:{_CN_COUNT})个?(?:{_COUNT_BACK_UNITS})(?:之|以)前"
                 # (the event closed by 的, then months or half a month more: "选定考试日期的一个半月前", "开工日期的两个月前";
                 # the 的 names the event, so months count back from it as after a listed event; branch fresh66)
                 rf"|{_ANY_EVENT}的(?:{_CN_COUNT})个半?(?:月|{_COUNT_BACK_UNITS})(?:之|以)?前)"
                 rf"(?:内|以内)?(?![0-9０-９])")

# Plans written in traditional characters ("每個季度", "長期堅持", "今後五年", "完成時限") are read
# through a probe of the same length with the deadline words in simplified characters; the
# deadline as written is sliced from the text as written (the map is one character to one).
# (the time words of a traffic-control notice too: "淩晨", "農曆", "臘月", "禁燒"; branch periods27)
# The map is the vocabulary's one (tracker/vocabulary/han.py ``simplified``; units32).


# "一" typed where a span's dash belongs, between a time's end and the next date's figures (a document site's copy of a
# stage's dates: "第二阶段(2022年4月一2022年10月)"): read as the dash, kept as written (GOLD-README "fresh47"). A numeral
# is never written in characters between a time's 月/日 and figures, so "六月一日" and "3月1日" are untouched.
_NUMERAL_AS_DASH_RE = re.compile(r"(?<=[月日号底末])一(?=(?:19|20)\d{2}年|\d{1,2}月)")


# A template's year ("20xx年", "201x年", "20XX年", "20__年", "20**年", "20xx 年": a document site's model plan, which leaves
# the year to be filled in): a year as the grammar reads it, kept as written in the deadline, and naming no year for the due
# date (``_due_date``; GOLD-README "fresh48"). Only before 年 (a blank between allowed), so "20xx" alone and "__县" stay text.
# A template may leave the whole year as two marks ("xx年6月1日—30日", "××年", "XX年"): read by the grammar as a year of its own
# (``_TEMPLATE_YY``, not made figures: two marks cannot be four), kept as written and naming no year either (branch fresh52).
_TEMPLATE_YY = r"(?<![0-9A-Za-z_＿*＊ｘＸ×])[xXｘＸ×]{2}"
_TEMPLATE_YEAR_RE = re.compile(rf"(?<![0-9A-Za-z_＿*＊])(?:19|20)(?:[0-9][xX]|[xX]{{2}}|[_＿]{{2}}|[*＊]{{2}})(?=[ \t\u3000]?年)|{_TEMPLATE_YY}(?=年)")


def _template_year_as_figures(m: re.Match) -> str:
    """The figures the grammar reads for a template's year: each placeholder a 9 ("20xx" -> "2099", "201x" -> "2019")."""
    return m.group(0) if len(m.group(0)) == 2 else re.sub(r"[xX_＿*＊]", "9", m.group(0))


# A year's end written 年终 ("年终对各支部进行考核", "年终前完成") is read as 年末, and the year of issue written 本年 before a
# month or its end ("本年12月底前完成", "在本年12月底完成", "本年度末前") as 今年 (same length; the deadline keeps the words
# as written): a party or mass organisation's plan writes them where another writes 年底 and 今年 (branch fresh56). Not
# 年终了 (每年终了: a year's close, kinds36) nor 年终结 (年终结算: an account).
_YEAR_END_WORDS = ((re.compile(r"(?<=年)终(?![了结])"), "末"),
                   (re.compile(r"本年(?=(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月|年[底末])"), "今年"),
                   (re.compile(r"本年度(?=[底末])"), "今年年"))


def _probe(text: str) -> str:
    """``text`` with the traditional characters of deadline words made simplified (same length): ``han.simplified``;
    a span's dash typed as ``一`` read as the dash (``_NUMERAL_AS_DASH_RE``, same length); the year's end and the year of
    issue as a party's plan writes them read as 年末 and 今年 (``_YEAR_END_WORDS``, same length); and a template's year
    read as figures (``_TEMPLATE_YEAR_RE``, same length)."""
    probe = _NUMERAL_AS_DASH_RE.sub("—", simplified(text))
    if "年" in probe:
        for pattern, words in _YEAR_END_WORDS:
            probe = pattern.sub(words, probe)
    return _TEMPLATE_YEAR_RE.sub(_template_year_as_figures, probe) if "年" in probe else probe


# ---- The grammar of a deadline in a measure's own words (issue 13) ----------------------------
# Numbers as plans write them: Arabic or Chinese numerals ("三年内", "二〇二三年六月底前").
_CN_NUM = "[一二三四五六七八九十两]"
# A year whose 年 was lost in the copy, its four digits run into the month and day ("20251月20日前" is 2025年1月20日前,
# kept as written; branch kinds31): only before a month and its day, so "——2024118日" (a garbled line) is no date.
_LOST_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?=(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])[日号])"
# A blank typed inside a written date, as fixed-width copies and PDF text layers give it ("2025 年6 月底前", "6 月30 日前",
# "2025年 9月底前"): one blank after the figures, before 年/月/日, or after 年/月 before the next figures; the date reads as the
# same date without it and is kept as written (GOLD-README "Deadlines": a stray blank kept, 131; branch deadlines67). Never
# between two figures, so a figure and a year ("第3 2025年") stay two numbers.
_TYPED_BLANK = TYPED_BLANK  # one blank typed inside a date (vocabulary.numbering, the one class)
_YEAR = rf"(?:(?:\d{{4}}{_TYPED_BLANK}?|[〇○零一二三四五六七八九]{{4}}|{_TEMPLATE_YY})年|{_LOST_YEAR})"
_MONTH = rf"(?:(?<=年){_TYPED_BLANK}(?=\d))?(?:\d{{1,2}}{_TYPED_BLANK}?|十[一二]?|[一二三四五六七八九])月"
_DAY = rf"(?:(?<=月){_TYPED_BLANK}(?=\d))?(?:\d{{1,2}}{_TYPED_BLANK}?|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
# The month the work falls in, its day or end ("当月13日", "当月底"; not "每当月"): as written, no due date (branch fresh66).
_THAT_MONTH = rf"(?<!每)当月(?:{_DAY}|[底末])"
# A school term's or the year's opening or close ("开学初", "学期末", "年初"): a time as written, no calendar day (branch fresh66).
_TERM_WORD = "开学初|学期初|学期末|年初"
# (two parts of a month run together, "9月中下旬", "12月上中旬": one time, due at the end of its later part; branch fresh51)
_TEN_DAYS = r"(?:上中旬|中下旬|上旬|中旬|下旬)"
# A calendar date of a plan, with or without the year ("2023年6月底", "6月30日", "2023年").
# (a part of a month in a span, "2026年7月上旬至8月下旬": branch fresh48)
_CAL_DATE = rf"(?:{_YEAR}(?:{_MONTH}(?:{_DAY}|{_TEN_DAYS})?)?(?:年?[底末])?|(?<![\d年一二三四五六七八九十〇○零]){_MONTH}(?:{_DAY}|{_TEN_DAYS})?(?:[底末])?)"
# A span of months whose first leaves its 月 to the last ("10-12月", "3—6月").
_SHORT_MONTH_SPAN = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])[—–―\-－−‐~～〜∼至到](?:\d{1,2}|十[一二]?|[一二三四五六七八九])月"
# A span of dates, the end being the deadline ("2024年3月10日至5月31日", "2025年1月11日-2025年10月底").
_SPAN = rf"{_CAL_DATE}[—–―\-－−‐~～〜∼至到]{_CAL_DATE}"
# A stage's date in brackets, with the part of a month ("7月中旬至9月中旬").
_STAGE_DATE = rf"(?:{_CAL_DATE}{_TEN_DAYS}?)"
# A length of time a time caption gives before its window ("为期一个月", "一个月", "共100天"; branch fresh48).
_LENGTH_OF_TIME = r"(?:为期|共|历时)?(?:[0-9０-９]{1,3}|[一二三四五六七八九十两半]{1,3})个?(?:多)?(?:月|天|日|周|星期)"
# The end of a span written as a day alone after a start with its day ("7月15日-22日", "5月8日至20日"): a day of the start's
# month, due then (``_with_month_of_bare_day_end``; GOLD-README "fresh47": a stage's dates, "全面排查阶段(7 月 15 日-22 日)").
_DAY_END = rf"(?<=[日号][—–―\-－−‐~～〜∼至到]){_DAY}"
# The same end right after the start's day, the dash lost in a copy ("宣传发动阶段(5月2日7日)", "(5月14日31日)"): only in a
# stage's bracket, in figures; kept as written, due on that day of the start's month (GOLD-README "fresh48").
_LOST_DASH_DAY_END = r"(?<=\d[日号])\d{1,2}[日号]"
# A date written in figures with dots, dashes or slashes ("2024.6", "2024-06-30", "2024/6/30"): as a time cell
# or an annotation clause writes it; in prose only before 前 or what is done by then (not "2024.6亿元").
_NUM_DATE = r"(?<![\d.])(?:19|20)\d{2}[.\-/](?:1[0-2]|0?[1-9])(?:[.\-/](?:3[01]|[12]\d|0?[1-9]))?(?![\d.])"
# The immediate, standing and recurring words of an annotation clause or a time cell (issue 13, deadlines round 3):
# "立即", "即时", "常态化", "每月", "每季度" name when, though no calendar day (no due date).
_AT_ONCE = r"立即(?:执行|整改|启动|开展|落实|办理)?|即时(?:办结|办理)?|即办|随时"
_STANDING = r"常态化(?:推进|开展|落实)?|长期(?:坚持|推进|开展)?|持续(?:推进|开展|落实)?"
_RECURRING = r"每(?:周|旬|月|季度|季|半年)"  # alone; "按季度推进" is a way of working (GOLD-README 250–259)
# A span of years ("2012－2015年", "2023—2025年").
# (the dash as offices type it: ~ ～ 〜 ∼, — – ― － − ‐ or a doubled ——, 至/到; blanks beside it kept as written)
_YEAR_SPAN = r"\d{4}[ \u3000]*(?:——|[—–―\-－−‐~～〜∼至到])[ \u3000]*\d{4}年"
# What a notice writes between a day and its 前 (issue 13, deadlines round 5): a weekday remark in brackets
# ("4月20日（星期五）前"), a part of the day and a time of day ("6月20日18：00前", "7月5日下午5时前",
# "8月1日17:30前"). Part of the deadline as written; the due date is still the day.
_WEEKDAY = r"[（(](?:星期|周|礼拜)[一二三四五六日天][）)]"
# (a traffic-control notice's parts of the day and its hours written "17:00时": GOLD-README "periods27")
# (the end of the working day: "于7月17日下班前将纸质版…报市政府督查室", branch fresh44)
_PART_OF_DAY = r"(?:上午|下午|中午|晚上|晚间|早晨|早上|清晨|傍晚|夜间|夜里|深夜|凌晨|下班|晚)"
_HOUR = r"(?:[0-9０-９]{1,2}[:：][0-9０-９]{2}(?:时|点)?|[0-9０-９]{1,2}(?:时|点)(?:[0-9０-９]{1,2}分|半)?)"
_DAY_TIME = rf"(?:(?<=[日号])(?:{_WEEKDAY})?{_PART_OF_DAY}?{_HOUR}?)"
# A notice's period as its time caption gives it (GOLD-README "notices27": "禁火期：2022年9月12日至2023年4月30日",
# "禁渔时间：每年3月1日0时至6月30日24时", "接访时间：1月22日(星期一)上午9:00—11:00", "禁火时间：即日起至10月10日"): a day
# or a date (a weekday remark and a time of day after it allowed), then 至/—/-/～ and its end (a date, "次年" before it,
# or only a time of day on the same day); or a day alone; or a window from an event ("即日起至…", "公告之日起至…").
_CLOCK = rf"(?:{_PART_OF_DAY}?(?:{_HOUR}|[零一二三四五六七八九十]{{1,3}}(?:时|点)))"
# A lunar day in brackets beside the date ("2月20日(正月十六)早晨4时", "（农历腊月廿三）"): a remark kept as written.
_LUNAR = (r"[（(](?:农历|阴历)?(?:正|冬|腊|十[一二]|[一二三四五六七八九十])月"
          r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)[）)]")
# A festival's name in brackets beside a date, as a 禁放 notice writes its days ("2023年1月21日（除夕）至2月5日（元宵节）",
# "1月21日（农历除夕）0时起至…"): kept as written like a lunar day when the window goes on after it (its hours, 至); after
# the window's end it is a remark on the whole period, left out (GOLD-README "periods27"; branch deadlines30).
_FESTIVAL_DAY = (r"[（(](?:农历|阴历)?(?:除夕|小年|大年三十|大年初一|春节|元宵节?|元旦|清明节?|端午节?|中秋节?|国庆节?|冬至|"
                 r"正月初[一二三四五六七八九十]|正月十五)[）)]")
# A window's start whose day lost its 日 before 起 or 开始 ("2月13起至5月31日", an office's slip): read as the day it is, kept
# as written (GOLD-README wave 31's 1464 and "fresh52").
_LOST_DAY_START = rf"(?:{_YEAR}|(?<![\d年一二三四五六七八九十〇○零])){_MONTH}\d{{1,2}}(?=(?:起|开始)[，,]?[至到])"
_POINT = (rf"(?:{_CAL_DATE}|{_NUM_DATE}|{_LOST_DAY_START})(?:{_WEEKDAY}|{_LUNAR}|{_FESTIVAL_DAY}(?=(?:{_PART_OF_DAY})?[0-9０-９零一二三四五六七八九十]|起?[至到—–―\-－−‐~～〜∼]))?"
          rf"(?:{_CLOCK})?")
# (its start closed by 开始 as by 起, a comma after either: "11月下旬开始到12月中旬", "8月12日开始，至8月底"; branch fresh52)
_THROUGH = r"(?:(?:起|开始)[，,]?)?[至到—–―\-－−‐~～〜∼]+"
# An end written as a bare day with its hour ("2022年7月8日6:00时至10日12:00时"): the month and year before it.
_BARE_DAY_POINT = rf"(?<![\d月])\d{{1,2}}[日号](?:{_WEEKDAY}|{_LUNAR})?(?:{_CLOCK})?"
# (a month after 每年 or 次年 is written after 年: the calendar date's guard against "2023年" read as a month is not for it)
_MONTH_POINT = rf"{_MONTH}(?:{_DAY})?(?:[底末])?(?:{_WEEKDAY})?(?:{_CLOCK})?"
# Festivals and seasons a deadline names ("春节前", "2024年汛期前", "供暖季前"): no calendar day.
# A season named by its onset ("入冬以前", "入汛前": the day it comes is not fixed) is one too (branch notices3).
# The farm seasons bound work the same way ("春耕前", "秋收前", "三夏前": kinds33). A school term's opening is named with
# its term or not ("秋季开学前", "2023年秋季学期开学前", "春学期开学前"): the year belongs to the time (branch kinds41).
_SEASON = (r"(?:春节|元旦|国庆节?|中秋节?|清明节?|端午节?|五一|主汛期|汛期|汛前|入汛|入冬|入夏|供暖季|采暖季|供暖期|采暖期|开学|(?:秋季|春季|秋|春)(?:学期)?开学"
           r"|春耕|春播|夏收|夏种|秋收|秋种|三夏|三秋|寒假|暑假)")
# A window's end may be the year's end without its year ("即日起至年底", due at the end of the year of issue) or a festival or
# season closed by 前 ("2026年12月至2027年春节前", "即日起至汛期前": the whole window as written, no due date, as the festival
# alone has none; GOLD-README "fresh52").
_WINDOW_END = rf"(?:今?年[底末](?![0-9０-９])|(?:{_YEAR})?{_SEASON}(?:前|之前))"
_WINDOW = rf"(?:{_THROUGH}(?:(?:次年|翌年|明年|每年){_MONTH_POINT}|{_POINT}|{_BARE_DAY_POINT}|(?:次日|翌日)?{_CLOCK}|{_WINDOW_END}))"
# What a notice writes after its period and is not the period (GOLD-README "periods27"): 止, a remark in brackets
# ("（农历12月26日至12月27日）", "（视天气情况可提前解除）"), the hours of every day ("，每日9:00—11:30，14:00—16:30",
# "每日14时至次日凌晨2时", after the count of its days: "4月2日至4月4日三天，每天5时至17时") and the windows of further days after a semicolon ("；7月9日17:00时至24:00时": the first
# window is the deadline as written).
# The event a window runs from ("即日", "公告发布之日", "本通告之日"): its words never hold the 自/从 that opens the window,
# nor a caption before it ("征集日期自公告发布之日起至…" is the caption, 自, then the window: branch deadlines29).
# (nor the 为/是 of a caption's sentence: "征集时间为通告之日起至…" is the caption, 为, then the window; branch fresh66)
_FROM_EVENT = rf"(?:即日|(?:(?![自从为是]){HAN_CLASS}){{1,10}}之日)"
# From that event through the window's end, a comma after 起 kept ("自本公告发布之日起，至2024年10月31日止": the window
# read whole as written, comma and all; branch kinds31).
_EVENT_THROUGH = r"(?:起[，,]?)?[至到—–―\-－−‐~～〜∼]+"
# (a remark may hold a bracket of its own: a site's reading aid, "(農(nóng)歷臘月二十二至二月初三)", branch deadlines30)
# What a ban or season notice bans in the window before it ("…至…，全县范围内禁止燃放烟花爆竹"; GOLD-README "periods27"),
# and the term it names by a sentence, a few words ending in a ban's or a season's 期 ("禁火期", "全县森林防火期",
# "禁渔期", "休牧期", "森林防火禁令期", "高火险期", "禁燃时段"; branch deadlines30).
_BANS = r"禁止|严禁|禁行|限行|禁燃|禁放|禁烧|禁售|禁渔|禁捕|禁牧|禁火|封闭|封山|封路|管制|停止通行|暂停"
_BAN_TERM = rf"(?:(?![为是，,。；;：:\n]){HAN_CLASS}){{0,10}}?(?:禁|防火|火险|休渔|休牧|封山|封河|管控|管制)(?:(?![为是，,。；;：:\n]){HAN_CLASS}){{0,4}}?(?:期|期间|期限|时段|时间|时限)"
_REMARK = r"[（(](?:[^（()）]|[（(][^（()）]{1,8}[）)]){1,24}[）)]"
_DAILY = rf"(?:[，,]?(?:每日|每天|每晚){_CLOCK}{_WINDOW}?(?:[，,、](?:{_CLOCK}){_WINDOW}?)*)"
# The caption paired with a time caption before one 为 ("禁烧时间、禁烧范围为…", "活动时间、地点为…"): a few characters.
_PAIRED_CAPTION = rf"(?:(?![为是，,。；;：:、\n]){HAN_CLASS}){{2,8}}"
_PERIOD_TAIL = rf"(?:止|结束)?(?:{_REMARK})?(?:共?[0-9一二三四五六七八九十两]{{1,2}}天)?(?:{_DAILY})?(?:[；;](?:{_POINT}|{_CLOCK}){_WINDOW}?(?:{_REMARK})?)*"
# (further windows of the same days after a comma: "上午9:00—11:00，下午14:30—17:00"; a remark in brackets after it)
# A window closed by the end of the event it times ("2023年2月12日18:30至活动结束", "3月1日9:00至会议结束": kinds33): its day is
# the due date, the words as written.
_TO_EVENT_END = rf"(?:起)?[至到—–―\-－−‐~～〜∼](?:本次)?(?:(?!结束){HAN_CLASS}){{0,6}}?结束"
_PERIOD_RE = re.compile(
    rf"(?:自|从)?(?P<d>{_POINT}{_TO_EVENT_END}|(?:(?:每年{_MONTH_POINT}|{_POINT}){_WINDOW}?|{_FROM_EVENT}{_EVENT_THROUGH}{_POINT})"
    rf"(?:[，,、](?:{_POINT}|{_CLOCK}){_WINDOW}?)*){_PERIOD_TAIL}")
_TEXT_DATE = (
    rf"(?:{_YEAR}(?:{_MONTH}(?:{_DAY})?|[上下]半年|年中|第?[一二三四1-4]季度"
    r"|年(?=[底末]))?"
    rf"|(?:次年|翌年|明年|今年){_MONTH}(?:{_DAY})?|(?<![\d年一二三四五六七八九十〇○零]){_MONTH}(?:{_DAY})?|今年(?=[底末])|(?:今年)?(?<![\d{_CN_NUM[1:-1]}几多半百千数])年)"
)
# A date of a list of dates, and the next ones after their joins ("2019年4月15日、7月15日及2020年1月15日前", "3月、6月、9月底前",
# "2017年5月和12月底前各报送一次"): of the list the first is the deadline (GOLD-README wave 9 and 806; branch deadlines67).
_LISTED_DATE = rf"{_TEXT_DATE}份?(?:底|末|{_TEN_DAYS})?"
_MORE_LISTED_DATES = rf"(?:(?:、|和|及|与|以及){_LISTED_DATE})"
# A five-year plan's period ("“十四五”末", "十三五期间", "“十四五”时期"; issue 13): the plan named,
# its quotes kept as written, then its end or its span. Due at the plan's last day (``_plan_end_year``).
_PLAN_NAME = r"[“\"‘「]?十[一二三四五六七八九]五[”\"’」]?"
_PLAN_END = rf"{_PLAN_NAME}(?:规划)?(?:时期末|期末|末期|末)"
_PLAN_SPAN = rf"{_PLAN_NAME}(?:规划)?(?:期间|时期)"
_PLAN_NAME_RE = re.compile(r"十([一二三四五六七八九])五")
# A school's term or year as the time of an annotation or a time caption ("（区教育局负责，本学期）", "完成时限：2025年秋季学期",
# "本学期末", "本学年内", "2025—2026学年", "每学期"): the term as written, with no calendar day (a term's dates are the school's);
# its holidays before it are seasons above ("寒假前", "2025年暑假前"; branch kinds42).
_SCHOOL_TERM = (r"(?:(?:\d{4}年|今年|明年)?(?:秋季|春季|秋|春)学期|[本下上]学期|每学期|本学年|\d{4}[—–―\-－−‐~～〜∼至到]\d{4}学年)"
                r"(?:内|末|结束前|期末前|前)?")
# "汛前" says its 前 itself ("汛前完成清淤", "确保汛前整改到位": before the flood season, kinds33): a deadline as written when it
# opens a clause or follows the words of an aim and a few words then name the finishing ("开展汛前检查" is a kind of
# inspection, no time by which).
_BEFORE_FLOODS = rf"(?:{_YEAR})?汛前"
_FINISHING = r"完成|到位|建成|完工|竣工|整改|修复|落实|清理|清除|拆除|处置|消除|投用|投入使用"
# What an annotation's time clause closes on, done by then (完成, 办结, 启动, 出台; what is finished, built or opened,
# ``_FINISHING``): "（区住建局负责，2023年底建成）" is due "2023年底", as "2023年底前" (kinds42); ``written_deadline`` cuts it.
_DONE_BY = rf"{_FINISHING}|办结|落实到位|见效|启动|出台|取得成效|投运|交付|通车"
# A few words at most, then what is finished by a time just written ("汛前完成清淤", "3月底，完成第一期方案建设"): the time is
# one by which, not that of a step begun or an event ("8月底，接受县级预验收").
_FINISHED_SOON = rf"(?:全面|基本|全部)?(?:(?!{_FINISHING}){HAN_CLASS}){{0,4}}?(?:{_FINISHING})"
# A place opened to its users by then ("力争2021年7月1日正式开馆", "确保2022年底建成启用"): what is done, like 投入使用
# (branch fresh37); 开工 and 开始 stay steps begun.
_OPENED = r"开馆|开园|开业|启用"
# A season of a year, or the whole year, as a time by which ("2024年春季完成补植", "2023年全年完成投资",
# "（市住建局，当年完成）"), and the horizon of the national goals ("到本世纪中叶"): deadlines as written
# with no calendar day of their own, except a whole year, due at its end (issue 13).
_YEAR_SEASON = rf"(?:{_YEAR}|今年|当年)?[春夏秋冬]季"
_WHOLE_YEAR = rf"{_YEAR}全年|当年(?:内|[底末])?"
_CENTURY = r"本世纪中叶"
# Words of obligation between a time and the work it is due by ("本年度须基本完成", "当年必须完成", "今年要全面完成").
_OBLIGED = r"(?:必须|务必|须|应当|应|要)"
# A quarter or half of the year without the year ("第一季度", "上半年"): in an annotation clause only.
_YEAR_PART = r"(?:今年|本年度?)?(?:第?[一二三四1-4]季度|[上下]半年|年中)"
# A quarter or half of the year without its year, its end written or not, as prose opens a clause with it ("第一季度",
# "上半年", "第三季度末").
_PART_OF_YEAR = r"(?:今年|本年度?)?(?:第?[一二三四1-4]季度|[上下]半年)(?:末|底)?"
_COUNT_YEARS = rf"(?:\d{{1,2}}|{_CN_NUM}{{1,3}})"
# What follows "N年内" when it is a quota or a benefit period, not a horizon ("5年内累计…不少于",
# "五年内免征", "三年内不得…"), GOLD-README "Deadlines".
_NOT_A_HORIZON = r"(?!累计|免|减|不得|不超过|不少于|有效|内)"
# Where a horizon starts: a clause's first words, or after the words of an aim.
_HORIZON_START = r"(?:^|(?<=[，,。；;：:\n（(])|(?<=力争|争取|确保|计划|预计))"
# A time that names what a heading or a title is about, not when work is due (issue 13, branch deadlines29): a
# horizon or a target year followed, 的 aside, by the nouns of a section's title up to the clause's end ("一、今后五年
# 主要目标和重点任务", "（一）今后五年工作的总体要求", "未来三年重点工作", "到2035年远景目标", "今后五年的主要任务是："), or
# opening an item's title whose words run on into its body after a lost line end ("今后五年工作的总体要求做好…"). Such a
# time is the plan's scope (``_names_scope``); the same time opening a clause with its work ("今后五年，全县新建学校10所",
# "到2025年，覆盖率达到90%", "今后三年内完成改造") is a deadline as before.
_SCOPE_NOUN = (r"的?(?:总的|主要|总体|重点|发展|奋斗|远景|行动|工作|目标|建设|改革|各项)*"
               r"(?:目标任务|目标|任务|工作|要求|思路|举措|安排|重点|方向|路径|部署|措施|指标)")
# (whose work it is may stand before the nouns: "今后五年全省工作的总体要求是：", "今后五年政府工作的总体要求")
_SCOPE_TITLE_RE = re.compile(rf"(?:全[省市区县镇乡国]|[我本][省市区县镇乡]|政府)?(?:{_SCOPE_NOUN})+(?:[和及与、](?:{_SCOPE_NOUN})+)*(?:是|为)?")
_CLAUSE_END = "：:。；;，,\n）)"
# A target year opening a sentence sets a goal ("2025年，力争…达到2.95%", "2022年,全市新建…以上")
# only with words of an aim, and never when it reports results ("…完成了…", "同比增长") or
# describes the year ("2023年，是…开局之年", seed 002).
# A target stated with its figure ("2007年经济适用住房建设目标任务是开工100万平方米", "…目标为竣工80万平方米"): the year's aim as
# much as 完成 is (GOLD-README "fresh45"); "2013年本市房价控制目标是：…", the target's list after a colon, names none in its own
# clause (kinds37).
_TARGET_FIGURE = r"目标(?:任务)?(?:是|为)[^，,。；;：:\n\d]{0,8}[0-9０-９]"
_AIM_RE = re.compile(r"力争|确保|争取|实现|达到|新建|新增|建成|完成|突破|以上|以内|控制在|不低于|不少于|左右|" + _TARGET_FIGURE)
# The verb of an aim written right after its target year, without 到 ("2022年推动首批30个场馆免费开放", "2023年建成…",
# "2023年实现全覆盖"; a plan's 计划 before the work's verb, "2021年计划投资2500万元再建27公里农村道路", a town's work plan
# kept out of the corpus at stop 34), or after the year's subject in its own clause ("力争2022年重点商圈…改造率达100%"):
# the year is the aim's deadline as written, as "到2022年，…" (branch kinds37). The line against a year that names what a figure refers to
# ("2013年本市房价控制目标是：…", "以2020年为基期", "比2021年提高", "2022年全市GDP增长6%"): there the year is followed by the
# noun of what is measured or set, and its own words (up to a colon or the sentence's end) hold no verb or word of the aim
# (``_aims_in_own_clause``; "2025年全县固定资产投资目标为125.9亿元，同比增长18%以上" bounds its figure: an aim, kinds33).
# 计划 before the work's verb ("计划投资", "计划新建"), never a report's "计划完成情况": the plan of an aim (``_AIM_VERB``, and
# after a subject's year ``_SUBJECT_AIM``).
_PLAN_WORD = r"计划(?=[投建完实新开申打引改提])(?!完成情况)"
_AIM_VERB = rf"(?:{_PLAN_WORD}|推动|实现|建成|完成|达到|新建|新增|培育|创建|突破|力争|确保|争取|达(?=[0-9０-９]))"
_AIM_VERB_RE = re.compile(_AIM_VERB)
# A planned figure for the year, its verb a provision or an increase and its count with the measure word after it
# ("2022年面向在本省消费的居民发放5000万元消费券，提供10万张门票", "2022年广州增加3万个购车指标", a 若干措施 of March 2022):
# the year's aim as much as 新建 is, so the year opening the sentence is its deadline as written (branch kinds38, the same
# rule as ``_AIM_VERB``). A result is none: 累计/已/共 before the verb, 了 after it (``_reports``); so is a rate or a share
# ("增长6%", "提高2个百分点": what a figure refers to, kinds37's line) and a count no verb gives ("人口1000万人"); a part of
# the year or a period since ("2022年1-2月全市发放…", "2022年以来…") names what was done in it, not the year's plan.
_PLANNED_VERB = (r"发放|提供|增加|增设|安排|投入|开展|举办|组织|推出|开通|新开|开设|发行|引进|招聘|培训|资助|救助|扶持|支持|奖励"
                 r"|补贴|减免|改造|建设|打造|种植|筹集|供应|投放|设立|吸纳|安置|惠及|覆盖|带动|拉动|落实|实施|帮扶|认定")
_MEASURE_WORD = (r"(?:万|亿|千|百)*(?:元|个(?!百分点)|户|张|家|所|座|套|辆|台|人次|人|场|次|项|条|处|间|批|名|公里|千米|平方米|米|亩"
                 r"|吨|份|床|只|头|株|棵|册|件|届|部|栋|幢|村|辆)")
_PLANNED_FIGURE_BARE = (rf"(?:{_PLANNED_VERB})(?:[^，,。；;：:\n\d]{{0,4}}?)"
                        rf"(?:不少于|不低于|超过)?[0-9０-９][0-9０-９.．]*{_MEASURE_WORD}")
# A finance appropriation is none too: the verb right after 财政, 预算 or 统筹 ("2025年，市级财政预算安排13.06亿元",
# "2024年省财政安排专项资金2亿元", "市财政2025年统筹安排5000万元") gives the money of that year's budget, the year that pays,
# not the year the work is due; nor is a share of it (其中, "其中支持…4.26亿元"; GOLD-README "heldout36b", branch deadlines67).
_APPROPRIATED = r"(?<!财政)(?<!预算)(?<!统筹)(?<!其中)(?<!其中，)(?<!其中,)"
# The same appropriation opening the sentence after its year, its shares listed after it ("2025年，市级财政预算安排13.06亿元，
# 其中，支持…4.26亿元，支持…6.49亿元"): the whole sentence is that year's budget, each share a planned-looking figure of it.
_BUDGET_OPENING_RE = re.compile(r"(?:[省市区县]级|本级|[省市区县])?(?:财政|预算)(?:预算)?(?:统筹)?(?:安排|下达|列支|投入)")
_PLANNED_FIGURE = rf"(?<!累计)(?<!已)(?<!共){_APPROPRIATED}{_PLANNED_FIGURE_BARE}"
_PLANNED_FIGURE_RE = re.compile(_PLANNED_FIGURE)
# The figure without its look-behinds: what the rest of a clause reads at its first place, nothing before it (``_ClauseEnds``).
_PLANNED_FIGURE_BARE_RE = re.compile(_PLANNED_FIGURE_BARE)
_PLANNED_VERB_RE = re.compile(_PLANNED_VERB)


class _PlannedFigureAtVerbs:
    """``_PLANNED_FIGURE_RE`` searched the quick way (``_plans_a_figure``): tried only where a verb starts. Its ``search``
    returns the verb's match where a planned figure opens, for ``_ClauseEnds.first``."""

    @staticmethod
    def search(text: str, pos: int, endpos: int) -> re.Match | None:
        verb = _PLANNED_VERB_RE.search(text, pos, endpos)
        while verb is not None:
            if _PLANNED_FIGURE_RE.match(text, verb.start(), endpos):
                return verb
            verb = _PLANNED_VERB_RE.search(text, verb.start() + 1, endpos)
        return None


_PLANNED_FIGURE_AT_VERB_RE = _PlannedFigureAtVerbs()


def _plans_a_figure(clause: str) -> bool:
    """True when ``clause`` holds a planned figure (``_PLANNED_FIGURE``: "发放5000万元消费券"), as
    ``_PLANNED_FIGURE_RE.search(clause)`` decides. The pattern opens with lookbehinds, which keep the regex engine from
    skipping to its verbs, so it is tried only where a verb starts (``_PLANNED_VERB_RE``, overlapping verbs included:
    "新开设"): a clause of 20,000 characters without one is passed over in one quick scan, not at 30 times its cost
    for each target year in it."""
    verb = _PLANNED_VERB_RE.search(clause)
    while verb is not None:
        if _PLANNED_FIGURE_RE.match(clause, verb.start()):
            return True
        verb = _PLANNED_VERB_RE.search(clause, verb.start() + 1)
    return False
# A step begun, not an aim reached: "争取2024年开工建设", "力争2023年启动…" (GOLD-README deadlines29)
_STEP_BEGUN_RE = re.compile(r"(?:全面|正式|率先)?(?:开工|启动|开始|动工)")  # (always matched at a clause's start)
_OWN_CLAUSE_END_RE = re.compile(r"[：:。；;\n]")
# 力争/争取 right before a target year (在/于 between allowed): the year's clause is what is striven for.
_STRIVEN_RE = re.compile(r"(?:力争|争取)(?:在|于)?$")
# The most characters ``_STRIVEN_RE`` spans before the time: 力争/争取, 在/于, and a line end ``$`` may stand before.
_STRIVEN_CHARS = 5


def _striven_before(text: str, start: int) -> bool:
    """True when 力争/争取 (在/于 after it) stands right before ``text[start]`` (``_STRIVEN_RE``), read in the few characters
    before it (``_STRIVEN_CHARS``), never from the text's start: a target year in a sentence of 20,000 characters costs the
    same as one in a short measure (branch kinds39; the same answer as searching the whole text before it)."""
    return bool(_STRIVEN_RE.search(text, max(0, start - _STRIVEN_CHARS), start))


def _aims_in_own_clause(after: str, striven: bool) -> bool:
    """True when the words right after a target year up to a colon or the sentence's end (``after``: the rest of the
    text) state an aim: a word of the aim (``_AIM_RE``) or its verb (``_AIM_VERB``); after 力争/争取 (``striven``) any
    words but a step begun (``_STEP_BEGUN_RE``). "2013年本市房价控制目标是：…力争…" names the target's year: its own
    clause holds no aim, the aim after the colon is the target's (branch kinds37). The parser asks ``_ClauseEnds.aims``,
    which answers the same from places found once per clause (kinds42); this reading of one string is its definition, held
    to it by a property in tests/unit."""
    own = _OWN_CLAUSE_END_RE.split(after, maxsplit=1)[0]
    if striven:
        return bool(own) and not _STEP_BEGUN_RE.match(own)
    return bool(_AIM_RE.search(own) or _AIM_VERB_RE.search(own) or _plans_a_figure(own))


# What a review of a period's work names after the period ("上半年工作回顾", "2023年第一季度完成情况", "工作开展情况"): its
# report, not the period's aim (the form ``part``; ``run_on_time``, branch kinds39). ``_REVIEW`` the words of a review,
# ``_WORK_STATE`` the state of the work before 情况.
_REVIEW = r"(?:回[顾顧]|总结|總結)"
_WORK_STATE = r"(?:开展|開展|进展|進展|完成|推进|推進|落实|落實)"
_REVIEW_OF_WORK = rf"(?:{_REVIEW}|{_WORK_STATE}?情[况況])"
# (run on after a time: the state of the work before 情况 named, "完成情况", "推进情况"; "摸清情况" is work)
_REVIEW_RE = re.compile(rf"{_WORK_STATE}情[况況]|{_REVIEW}")
# A time with its year and a part of the year (a half, a quarter, a season, a month or its day, the year's end), read whole
# where it runs on into its work without a comma (branch kinds39): ``run_on_time``.
# A month without its year (the year of issue) reads the same way: "11月开展统计执法检查", "3月中旬组织专项督查", "11月份开展
# 自查" (a month, its 份, day or part of it, opening the item or a clause and run on into the work it states; branch fresh51).
_RUN_ON_TIME = (rf"{_YEAR}(?:[上下]半年|年中|第?[一二三四1-4]季度|[春夏秋冬]季|{_MONTH}份?(?:{_DAY})?(?:[底末]|上中旬|中下旬|上旬|中旬|下旬)?"
                rf"|年?[底末])|(?<![\d年一二三四五六七八九十〇○零.．]){_MONTH}份?(?:{_DAY})?(?:[底末]|上中旬|中下旬|上旬|中旬|下旬)?")
_FINISHING_RE = re.compile(_FINISHING)
# The adverbs an office writes before the work's verb ("2022年下半年全面开展…", "集中发放…").
_WORK_ADVERBS = r"(?:全面|集中|统一|分批|陆续|首批|率先|逐步|正式)?"
_PROVIDES_RE = re.compile(rf"{_WORK_ADVERBS}(?:{_PLANNED_VERB})")
# Where the words of a clause start: after a sentence's or clause's end (the subject's words before a year).
_CLAUSE_START_RE = re.compile(r"[，,。；;：:\n]")
# The word of the aim or plan a few words after a subject's year (``subject_year``): 力争/争取/确保/拟, or 计划 before the
# work's verb (``_PLAN_WORD``, as ``_AIM_VERB`` has it). An aim's verb alone after an indicator's year ("高新技术企业2024年突破
# 3.5万家、2025年突破3.8万家", round 2: target years inside an indicator sentence) stays none.
_SUBJECT_AIM = rf"(?:力争|争取|确保|拟|{_PLAN_WORD})"
_SUBJECT_AIM_RE = re.compile(rf"[^，,。；;：:\n\d]{{0,4}}?{_SUBJECT_AIM}")
# The longest subject written before the year of its aim inside one clause ("云塑小镇项目", "XX园区", "全镇").
_SUBJECT_CHARS = 16


_SENTENCE_END_RE = re.compile(r"[。；;\n]")


class _ClauseEnds:
    """Where the sentences (``_SENTENCE_END_RE``) and own clauses (``_OWN_CLAUSE_END_RE``: a colon too) of one ``text`` end,
    found by one pass over it on first use: each time read in the text takes the rest of its sentence or clause by a binary
    search, never by splitting a copy of the rest of the text, so one long sentence naming many times costs no more than
    once over (branch kinds41). ``sentence(start)`` and ``own_clause(start)`` return ``text[start:end]`` up to the first
    end at or after ``start`` (the text's end when none), as ``re.split(…, text[start:], maxsplit=1)[0]`` does.

    The checks a time makes over the rest of its clause (does it report, aim, name an event, plan a figure?) are answered
    here too, each clause scanned once per pattern: ``first(pattern, start, by)`` is where ``pattern.search(rest)`` would
    find its match in the rest from ``start`` (``rest`` the sentence's, ``by=_SENTENCE_END_RE``, or the own clause's), found
    by a binary search among every place the pattern matches in that clause, listed on first use. So one long sentence
    naming many times is read in time linear in its length, where a search of each time's rest cost its square (branch
    kinds42; the same answers as searching the rest, a property in tests/unit). Only patterns with no look-behind and no
    ``^`` are asked so: there a match inside the rest is the same match inside the whole text, bounded by the clause's end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: dict[re.Pattern, list[int]] = {}
        self._places: dict[tuple[re.Pattern, re.Pattern, int], list[int]] = {}

    def _span(self, by: re.Pattern, start: int) -> tuple[int, int]:
        """(index of the clause's end among the ends ``by`` finds, the end's place: the text's length when none)."""
        ends = self._ends.get(by)
        if ends is None:
            ends = self._ends[by] = [m.start() for m in by.finditer(self.text)]
        at = bisect.bisect_left(ends, start)
        return at, ends[at] if at < len(ends) else len(self.text)

    def _rest(self, pattern: re.Pattern, start: int) -> str:
        return self.text[start:self._span(pattern, start)[1]]

    def sentence(self, start: int) -> str:
        """The words of the text from ``start`` up to the sentence's end (。；; or a line end)."""
        return self._rest(_SENTENCE_END_RE, start)

    def own_clause(self, start: int) -> str:
        """The words of the text from ``start`` up to a colon or the sentence's end."""
        return self._rest(_OWN_CLAUSE_END_RE, start)

    def end(self, start: int, by: re.Pattern) -> int:
        """Where the clause (``by``: ``_SENTENCE_END_RE`` or ``_OWN_CLAUSE_END_RE``) holding ``start`` ends."""
        return self._span(by, start)[1]

    def first(self, pattern: re.Pattern, start: int, by: re.Pattern = None) -> int | None:
        """Where ``pattern`` (no look-behind, no ``^``) first matches in the text from ``start`` to its clause's end
        (``by``, the own clause by default), as ``pattern.search(rest)`` finds it (its place in the text), or None."""
        by = by or _OWN_CLAUSE_END_RE
        at, end = self._span(by, start)
        key = (pattern, by, at)
        places = self._places.get(key)
        if places is None:  # every place the pattern matches in this clause, overlapping ones too, by one pass
            places, seek = [], (self._ends[by][at - 1] + 1 if at else 0)
            found = pattern.search(self.text, seek, end)
            while found is not None:
                places.append(found.start())
                found = pattern.search(self.text, found.start() + 1, end)
            self._places[key] = places
        index = bisect.bisect_left(places, start)
        return places[index] if index < len(places) else None

    def has(self, pattern: re.Pattern, start: int, by: re.Pattern = None) -> bool:
        """Does ``pattern`` match in the rest of the clause from ``start`` (``first``)?"""
        return self.first(pattern, start, by) is not None

    def opens(self, pattern: re.Pattern, start: int, by: re.Pattern = None) -> bool:
        """Does ``pattern`` (no look-behind, no ``^``) match right at ``start``, inside its clause (``pattern.match(rest)``)?"""
        return pattern.match(self.text, start, self.end(start, by or _OWN_CLAUSE_END_RE)) is not None

    def reports(self, start: int, by: re.Pattern = None) -> bool:
        """``_reports`` of the rest of the clause from ``start``: 是 opening it, 了, 已 or 共计 in it, or 同比 in it where no
        year-on-year aim is (``_YEAR_ON_YEAR_AIM_RE``); the words of 同比 share no character with the others."""
        by = by or _OWN_CLAUSE_END_RE
        if start >= self.end(start, by):
            return False
        if self.text.startswith("是", start) or self.has(_DONE_WORDS_RE, start, by):
            return True
        return self.has(_YEAR_ON_YEAR_RE, start, by) and not self.has(_YEAR_ON_YEAR_AIM_RE, start, by)

    def plans_a_figure(self, start: int, by: re.Pattern = None) -> bool:
        """``_plans_a_figure`` of the rest of the clause from ``start``. The pattern's look-behinds (not after 累计, 已, 共)
        read the text before a verb: in the rest a verb at its first two places sees less of it than in the whole text, so
        those two places are read as the rest would read them, the others among the places found once per clause."""
        by = by or _OWN_CLAUSE_END_RE
        end = self.end(start, by)
        if start < end and _PLANNED_FIGURE_BARE_RE.match(self.text, start, end):
            return True  # the rest's first place: nothing before it to look behind at
        if start + 1 < end and self.text[start] not in "已共" and _PLANNED_FIGURE_BARE_RE.match(self.text, start + 1, end):
            return True  # its second place: one character before it, never 累计
        return self.has(_PLANNED_FIGURE_AT_VERB_RE, start + 2, by) if start + 2 <= end else False

    def aims(self, start: int, striven: bool) -> bool:
        """``_aims_in_own_clause`` of the rest of the own clause from ``start``."""
        if striven:
            return start < self.end(start, _OWN_CLAUSE_END_RE) and not self.opens(_STEP_BEGUN_RE, start)
        return self.has(_AIM_RE, start) or self.has(_AIM_VERB_RE, start) or self.plans_a_figure(start)


def _own_clause(text: str, start: int) -> str:
    """The words of ``text`` from ``start`` up to a colon or the sentence's end (``_OWN_CLAUSE_END_RE``), found by one
    search from ``start``: the rest of the text is not copied for each time read in it. (What ``_ClauseEnds.own_clause``
    returns, a property in tests/unit holds; the parser reads through ``_ClauseEnds``.)"""
    stop = _OWN_CLAUSE_END_RE.search(text, start)
    return text[start:stop.start() if stop else len(text)]


def _run_on_time_states_work(text: str, start: int, end: int, ends: _ClauseEnds | None = None) -> bool:
    """True when the time ``text[start:end]`` (``run_on_time``: a year with a part of it, run on into its words without a
    comma) is the deadline of the work its own clause states: the words after it up to a colon or the sentence's end
    (``_OWN_CLAUSE_END_RE``) hold an aim (``_aims_in_own_clause``, after 力争/争取 any words), a finishing verb
    (``_FINISHING``: 到位, 完成 …) or open with a verb of provision ("发放第一批消费券", ``_PLANNED_VERB``), and do not
    report (``_reports``: 已, 了, 同比), begin a step (``_STEP_BEGUN_RE``: "2022年第三季度启动…", "力争2023年下半年开工", as
    deadlines29 and wave 5 read a step begun) nor name an event before any aim (``_EVENT_RE``: "2022年3月15日省政府召开…").
    (An estimate closed by a comma before it, "预计，2022年上半年…", is none: ``_text_match``, as for the other forms of an aim's
    time.) GOLD-README "kinds39"."""
    after = end + (2 if text.startswith("之前", end) else 1 if text.startswith("前", end) else 0)
    if after > end and text.startswith(("，", ","), after):
        after += 1  # "2024年春季前，完成补植2000亩": the comma after 前 does not matter (branch kinds41)
    ends = ends if ends is not None else _ClauseEnds(text)  # each check over the clause's places found once (kinds42)
    if (after >= ends.end(after, _OWN_CLAUSE_END_RE) or ends.opens(_STEP_BEGUN_RE, after) or ends.reports(after)
            or ends.has(_REVIEW_RE, after)):
        return False  # a step begun, a result, or a review's heading ("2023年第一季度完成情况")
    event, aim = ends.first(_EVENT_RE, after), ends.first(_AIM_RE, after)
    if event is not None and (aim is None or event < aim):
        return False
    return ends.aims(after, _striven_before(text, start)) or ends.has(_FINISHING_RE, after) or ends.opens(_PROVIDES_RE, after)


def _subject_year_states_aim(text: str, start: int, end: int, ends: _ClauseEnds | None = None) -> bool:
    """True when the year ``text[start:end]`` (``subject_year``) follows its subject's words, the clause's first words
    up to it (at most ``_SUBJECT_CHARS`` characters, no figure, no other time: "云塑小镇项目", "XX园区", "全镇"), and its own
    clause opens, a few words on at most, with the word of the aim or plan (``_SUBJECT_AIM``: "二期计划投资20亿元", "力争完成…")
    and reports nothing done (``_reports``): the year is the aim's deadline as written, as when it opens the clause (kinds37's
    ``_AIM_VERB``; GOLD-README "kinds39"). A subject's year followed by an aim's verb alone ("高新技术企业2024年突破3.5万家")
    names an indicator's target year (round 2): none."""
    opened = _CLAUSE_START_RE.search(text[max(0, start - _SUBJECT_CHARS - 1):start][::-1])
    clause_start = start - opened.start() if opened else (0 if start <= _SUBJECT_CHARS else None)
    if clause_start is None:
        return False
    subject = text[clause_start:start].strip(" \t\u3000")
    if not subject or re.search(r"[0-9０-９年月日]", subject):
        return False
    ends = ends if ends is not None else _ClauseEnds(text)
    return not ends.reports(end) and ends.opens(_SUBJECT_AIM_RE, end)
# (共有, a count of what there is, like 共计: "截至20xx年底，我县共有银行业金融机构9家", a speech's review; not 共有产权,
# shared ownership; branch fresh48)
_PAST_REPORT_RE = re.compile(r"^是|了|已|同比|共计|共有(?!产权)")
# Its words apart, for ``_ClauseEnds.reports``: those that report whatever else the clause says, and 同比.
_DONE_WORDS_RE = re.compile(r"了|已|共计|共有(?!产权)")
_YEAR_ON_YEAR_RE = re.compile(r"同比")
# A year-on-year change states the year's aim, not its result, when the clause names its target or bounds the change it aims
# at ("2025年全县固定资产投资目标为125.9亿元以上，同比增长18%以上", an annual plan's item: kinds33); "2024年完成投资110亿元，
# 同比增长12%" reports.
_YEAR_ON_YEAR_AIM_RE = re.compile(r"目标|力争|确保|争取|预期|同比(?:增长|增加|提高|提升|下降|减少|降低)?[0-9０-９.．]+[%％](?:以上|左右|以内)")


def _reports(clause: str) -> bool:
    """True when ``clause`` (the words after a year up to the sentence's end) reports a result: 已, 了, 共计, 共有, a description
    (是…), or a year-on-year change (同比) unless the clause states it as the year's aim (``_YEAR_ON_YEAR_AIM_RE``)."""
    found = _PAST_REPORT_RE.search(clause)
    while found is not None and found.group(0) == "同比" and _YEAR_ON_YEAR_AIM_RE.search(clause):
        found = _PAST_REPORT_RE.search(clause, found.end())
    return found is not None
# An estimate of a result, closed by a comma before the year it estimates ("预计，2020年生产总值达到1200亿元左右", a
# review of the plan's last period; "据初步统计，2022年全市…"): what the year is thought to have reached, no target
# (branch deadlines29). "预计2025年建成" without the comma plans the work and stays a deadline (GOLD-README wave 5).
_ESTIMATE_RE = re.compile(r"(?:预计|预测|估计|据测算|初步测算|据统计|初步统计|据初步统计)[，,]$")
# The work a period of years opening a clause is spent on ("2023年至2025年，推进落实…"): ``year_span``.
_PERIOD_WORK = r"推进|落实|开展|组织|集中|完成|建设|持续|深入|全面|加快|大力|启动|部署|进行|实施(?!阶段性)"
# Words of an event on that date, not of work due by it ("2024年9月，国务院印发《意见》，要求…"; "2023年3月15日，
# 市政府召开动员大会"): a target year whose clause names an event before any aim is a date that happened.
_EVENT_RE = re.compile(r"印发|召开|举行|举办|发布|颁布|审议通过|批复|签署|出台了")
# After a date by which or at which work is done: words saying it is done already ("2023年12月31日前已全部
#完成整改") report; a verb closed by 的 ("2023年底前建成的项目", "对2022年12月31日前投产的企业给予补贴")
# names which projects a rule covers. Neither is the measure's deadline.
_DONE_ALREADY_RE = re.compile(r"(?:已|已经|均已|都已|全部已|基本已)")
# (where or with whom that was done may stand between: "2018年6月30日前在省民政厅登记的社会团体", "2023年底前经市政府批准
# 设立的园区": still which ones, not a time by which; branch deadlines29)
_WHICH_ONES_RE = re.compile(r"(?:(?:在|于|经|向|由)[^，,。；;：:\n的]{1,12}?)?"
                            r"(?:全面|基本|全部|依法)?(?:批准)?(?:完成|建成|开工|竣工|投产|投运|注册|认定|取得|获得|设立|成立|登记|签订|并网|投用|通过|入选|备案|开业|批准)"
                            r"(?:投产|投运|并网|验收|运营|设立|成立)?的")
# A clause naming which bodies a rule covers by a date before which they were set up or done ("对2025年12月31日前已开办的
# 企业", "2023年底前已建成的项目"): its 已 says what those bodies did, not what the item reports, so a time opening the item
# before it ("2026年7月至12月，对2025年12月31日前已开办的企业，开展…") stays the item's time (branch fresh54).
# (its 已 is required: "9月底前完成企业开办的…平台" is the item's own deadline)
_SCOPE_BEFORE_RE = re.compile(rf"{_TEXT_DATE}(?:[底末])?(?:前|之前|以前){_DONE_ALREADY_RE.pattern}[^，,。；;：:\n的]{{1,12}}?的")

# The year a goal opens with, 度 kept ("2024年计划完成…", "2024年度计划对…进行改造"): the item's own goal caption line
# (the form ``goal_year``) and a goal cell beside a row's title in a table without a time column (``goal_opening_year``).
# Not a year that starts a period ("2023年以来", "2024年起"), a year's end or a time inside it ("2024年底", "2024年内").
# (度 is the year's when written: "2024年度以来" or "2024年度，" is no "2024年" either; a Hypothesis property found it)
_GOAL_OPENING = rf"(?:在|于)?(?P<d>{_YEAR}度?)(?![度内起以来底末，,\d])"
# What a goal's year is followed by when it plans the work without a word of the aim ("2024年度计划对12个小区进行改造",
# "2024年拟新建…"): planned work is the year's target as much as "完成" is (GOLD-README wave 7, 277: `任务目标:`).
_PLANNED_RE = re.compile(r"计划|预计|拟")


def _goal_aims(clause: str) -> bool:
    """True when ``clause``, the words after a goal's opening year up to the sentence's end, aims at something (the
    aim words ``_AIM_RE`` or planned work, ``_PLANNED_RE``) and reports nothing done (``_reports``: 已, 了, 同比 as a result)."""
    return not _reports(clause) and bool(_AIM_RE.search(clause) or _PLANNED_RE.search(clause))


#: The forms of a deadline written in a measure's text, in the order they are tried at one place
#: of the text (the leftmost deadline of the text wins: of two, the first is the deadline). Each is
#: (name, pattern); the group "d" is the deadline as written (GOLD-README "Conventions
#: reconciled": the time expression without 到/于/在 and the verb). Sources: issue 13's list, the
#: development corpus (咸阳 "2022年10月底前编制", 东阳 "到2025年,", 遂宁 "到2019年6月底,", 广州
#: "5年内重点引进", seed 002 "每季度都要开展").
_TEXT_FORMS: tuple[tuple[str, str], ...] = (
    # counted from the document: "本实施意见施行后一年内", "本意见印发之日起30日内" (anchor kept)
    ("relative", rf"(?P<d>{_RELATIVE})"),
    # counted back from an event the item prepares ("考前10日报送名单", "会议召开前3个工作日报送材料", "活动举办前5天完成布置"):
    # the deadline as written, no due date (the event's day is not the grammar's; GOLD-README "fresh52", as wave 31's
    # "選定考試日期的一個半月前")
    ("before_event", rf"(?P<d>{_BEFORE_EVENT})"),
    # a plan's horizon: "2012年起5年内", "今后五年", "三年内", "力争用3年时间"
    # (opening a clause, or after 力争/争取/确保: "带动未来五年制造业投资1000亿元" is a quota, 011)
    ("horizon", rf"{_HORIZON_START}(?P<d>(?:\d{{4}}年起)?{_COUNT_YEARS}年内){_NOT_A_HORIZON}"),
    ("horizon", rf"{_HORIZON_START}(?P<d>(?:今后|未来){_COUNT_YEARS}年(?:内|间)?)"),
    # (用 written 利用, 的 before 时间: "利用3年时间，全力打造…", "利用3年左右的时间，…", "自2020年起，利用3年左右时间，…" whose start
    # stands apart after its comma: the horizon alone, as written; GOLD-README "fresh56", wave 33)
    ("horizon", rf"(?:(?<=力争用|争取用|计划用|确保用)|(?<=力争利用|争取利用|计划利用|确保利用)|(?<=[，,。；;：:\n]用)|(?<=^用)"
                rf"|(?<=[，,。；;：:\n]利用)|(?<=^利用))(?P<d>{_COUNT_YEARS}(?:年|个月)(?:左右)?的?时间)"),
    # periodic: "每年年底", "每年6月底前", "每月5日前", "每个季度第1个月的20日前", "每季度末"
    # (的 may stand after the period word, and 份 after its month: "每年的12月份开展民主评议", "每年的年底", "每月的25日前报送",
    # a 制度's standing rule; kept as written, no due date: GOLD-README "fresh56", wave 33's `每年的12月份`)
    ("periodic", r"(?P<d>每年的?年[底末](?:前|之前)?)"),
    # after each year's end ("应当于每年年度终了编制…", "每年度终了后3个月内报送…", a 办法's duty): periodic (branch kinds36)
    ("periodic", r"(?P<d>每(?:年年度|年度|年)终了(?:后(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:日|天|个月)内|前)?)"),
    # a window every year, due at its end: "每年1月1日至6月30日，…报送上一年度年度报告" (a regulation, issue 13)
    # (its end may repeat the period word, "每年1月1日至每年6月30日": the whole window as written, branch deadlines29;
    # a season's window runs into the next year and keeps its hours, "每年10月1日至次年5月31日",
    # "每年5月16日12时至7月31日12时": branch deadlines30)
    ("periodic", rf"(?P<d>每年的?{_MONTH_POINT}份?{_WINDOW}?(?:前|之前)?)"),
    # a season or festival of every year ("每年汛前完成水库安全检查", "每年春节前，组织走访慰问", "每年入汛前"): a recurring
    # time like "每年6月底前", the period word kept, no due date (GOLD-README "fresh54"); never the season alone
    ("periodic", rf"(?P<d>每年(?:{_SEASON}(?:前|之前|以前)|汛前))"),
    ("periodic", r"(?P<d>每个?(?:季度|季)(?:第[1-3一二三]个月|最后一个月)的?\d{1,2}[日号](?:前|之前)?)"),
    ("periodic", r"(?P<d>每(?:个)?月的?\d{1,2}[日号](?:[至到—–―\-－−‐~～〜∼](?:每个?月)?\d{1,2}[日号])?(?:前|之前)?)"),
    # (a period alone, "每月"/"按月安排"/"每季度都要开展", names no time by which: no deadline, as 每年)
    ("periodic", r"(?P<d>(?:每|各)(?:周|月|季度|季|半年)(?:末|底)(?:前|之前)?|每年(?:底|末)(?:前)?)"),
    # a period alone as a clause of its own among an item's closing clauses ("…。A牵头，B配合，每季度。", an annotation
    # written without its bracket, read as the bracketed one reads it: ``is_deadline_clause``; branch matrix46); a period
    # opening a sentence that goes on ("每季度都要开展", "每月召开") stays no deadline
    ("periodic", r"(?:(?<=[，,；;。\n])|^)(?P<d>每(?:周|月|季度|季|半年))(?=[，,。；;）)]|$)"),
    # the month after the one reported on: "次月5日前报送上月进展" (monthly)
    ("periodic", r"(?P<d>次月\d{1,2}[日号](?:前|之前)?)"),
    # a weekday every week: "每周五前报送信息" (weekly)
    ("periodic", r"(?P<d>每周[一二三四五六日](?:前|之前)?)"),
    # a date by which (前): "2023年6月底前", "年底前", "二〇二三年六月底前"
    # (前后, "12月5日前后召开总结会": about that day, kept as written, due that day; branch fresh66)
    ("by", rf"(?P<d>{_TEXT_DATE}份?(?:底|末|{_TEN_DAYS})?{_DAY_TIME}?(?:前后|前|之前|以前))"),
    # dates listed with one 前 closing the list ("于2019年4月15日、7月15日、10月15日及2020年1月15日前，将…报送", "3月、6月、
    # 9月底前报送"): the first date as written, due that day; 前 closes the list, not the first date (GOLD-README 806, as
    # "分别于6月底和7月底" -> "6月底"; branch deadlines67)
    ("by", rf"(?P<d>{_LISTED_DATE})(?={_MORE_LISTED_DATES}+(?:前|之前|以前))"),
    # a month's end whose 月 the office left out ("2022年8底前完成"): as written, due at that month's end (branch fresh66)
    ("by", rf"(?P<d>{_YEAR}(?:1[0-2]|0?[1-9])底(?:前|之前|以前))"),
    # a deadline caption written with 为 in the sentence ("完成时限为2024年10月底", "办结期限为6月30日前"): the date
    ("captioned", rf"(?:(?<=时限为)|(?<=期限为)|(?<=时限是)|(?<=时间节点为)|(?<=完成时间为))(?P<d>{_CAL_DATE}(?:前|之前|以前)?)"),
    # a closing date captioned in a notice's sentence ("征稿截止日期为2022年8月10日（以邮戳为准）", "报名截止时间：2022年7月
    # 20日17:00", "截止日期是…"): the date is the item's deadline, ahead of later times of the body ("9月1日前公布结果";
    # branch kinds36)
    ("captioned", rf"(?<=截止)(?:日期|时间|日)[ \t\u3000]*(?:为|是|[：:])[ \t\u3000]*(?P<d>{_POINT}(?:{_CLOCK})?(?:前|之前|以前)?)"),
    # a date in figures by which ("2024.6前", "2024-06-30前完成"): dotted and dashed dates as written
    ("by", rf"(?P<d>{_NUM_DATE}(?:前|之前|以前))"),
    # this or next month ("本月底前", "下月10日前"), a festival ("春节前", "2024年国庆节前"): written
    # as such, with no due date the grammar can fix (a lunar festival, a month counted from an unknown day)
    # (the month the work falls in, "当月13日前完成自查", "当月底前": as written, no due date, like 本月; branch fresh66)
    ("by", rf"(?P<d>(?:本月[底末]|(?<![\d一二三四五六七八九十每本下次个])月[底末]|下月(?:{_DAY}|[底末])?|{_THAT_MONTH}"
           rf"|(?:{_YEAR})?{_SEASON})(?:前|之前|以前))"),
    # ("当月8日报送上月进展": the day of that month, then what is sent or finished; branch fresh66)
    ("by", rf"(?P<d>{_THAT_MONTH})(?=(?:全面|基本|全部)?(?:完成|报送|上报|报(?![表告纸刊])|办结))"),
    # a window whose end is a festival or season before which ("2026年12月至2027年春节前", "即日起至汛期前"): the whole window,
    # no due date (branch fresh52)
    ("by", rf"(?P<d>(?:{_POINT}|即日){_THROUGH}(?:{_YEAR})?{_SEASON}(?:前|之前))"),
    ("by", rf"(?:^|(?<=[，,。；;：:\n于在])|(?<=确保|力争|争取|务必|必须))(?P<d>{_BEFORE_FLOODS})(?!前|期)"
           rf"(?={_FINISHED_SOON})"),
    # a date followed by what is done by then: "于2023年6月底完成", "年底建成投用", dates listed and done
    # each by then ("2017年5月和12月底前各报送一次": the first, GOLD-README wave 9) (not a step
    # begun: "2016年6月启动" is no deadline)
    ("done", rf"(?:^|(?<=[，,。；;：:\n于在])|(?<=确保|力争|争取|预计|计划))(?P<d>{_YEAR_SEASON}(?!开学)|{_WHOLE_YEAR}|{_YEAR}(?:{_MONTH}(?:份|{_DAY})?|[上下]半年|第?[一二三四1-4]季度)?(?:年?[底末]|上中旬|中下旬|上旬|中旬|下旬)?|今年年?[底末]|今年{_MONTH}(?:份|{_DAY})?(?:[底末]|上中旬|中下旬|上旬|中旬|下旬)?|年[底末]"
             rf"|(?<![\d年一二三四五六七八九十〇○零]){_MONTH}(?:份|{_DAY})?(?:[底末]|上中旬|中下旬|上旬|中旬|下旬)?|{_NUM_DATE})(?={_MORE_LISTED_DATES}*(?:前)?(?:全面|基本|全部|初步|如期|各)?"
             r"(?:完成|建成|实现|出台|办结|竣工|完工|交付|通车|投入使用|上线|投用|投产|落实到位|到位|见效|报送|上报))"),
    # a year's or a month's end after the subject's words inside the clause, then what is finished by then ("新院区2024年底建成
    # 投用", "城南污水厂2025年6月底完工"): the time by which, as when it opens the clause ("2024年底建成投用"); not after 到, 在,
    # 于, 以, 比 … (a target, a date that happened, what a figure refers to), nor which ones ("2023年底建成的项目": ``_WHICH_ONES_RE``)
    # (GOLD-README "kinds42")
    # (or a whole day, a template's year too, "各单位20xx年12月31日完成总结报送": the day as written; branch fresh66)
    ("done", rf"(?<={HAN_CLASS})(?<![到至在于以比与较从自截对为是和及已])(?P<d>{_YEAR}(?:{_MONTH})?年?[底末]|{_YEAR}{_MONTH}{_DAY})"
             rf"(?=(?:全面|基本|全部|如期)?(?:{_FINISHING}))"),
    # a time after the words of an aim, then a few words naming what is finished and the finishing verb ("力争2023年全线
    # 建成", "确保2024年底主体完工"): like "确保2019年建成投运", the time by which; of several such times in one item the
    # first written is the deadline (branch deadlines29). Not a step begun ("力争2024年开工建设") nor the year of a long
    # sentence's work ("确保2020年各项年度目标任务圆满完成", 033: more than a few words before the verb).
    # (the time whole, the verb right after it or not: "力争于2023年下半年完成", "力争于2023年内完成"; branch deadlines30)
    ("done", rf"(?<=确保|力争|争取|预计|计划)(?:在|于)?(?P<d>{_YEAR}(?:{_MONTH}(?:{_DAY})?)?(?:年?[底末]|[上下]半年|内)?)"
             rf"(?=(?:(?!开工|启动|开始|动工|以来|[起度前内]){HAN_CLASS}){{0,4}}?(?:完成|建成|竣工|完工|贯通|通车|投运|投产|投用|交付|实现|达到|{_OPENED}))"),
    # a month's end or day with no year opening a sentence, a comma, then what is finished by then, as a 方案 writes its
    # schedule ("3月底，完成第一期方案建设。…7月底，各中心村全面完成建设任务。", 太湖 2021, 840): the deadline as written,
    # like "于2023年6月底完成" (GOLD-README wave 4); "8月底，接受县级预验收" finishes nothing: none (branch fresh38)
    ("done", rf"(?:^|(?<=[。；;\n]))(?P<d>{_MONTH}(?:{_DAY}|[底末]|{_TEN_DAYS}))(?=[，,]{_FINISHED_SOON})"),
    # the end of the month a monthly plan is for, its month unwritten, before what is finished ("力争在月底完成龙须桥泵站建设",
    # 蒸湘 2017, 844): "月底" as written, like "月底前" (no due date; branch fresh38)
    ("done", rf"(?:(?<=[于在])|(?<=确保|力争|争取))(?P<d>(?<![\d一二三四五六七八九十每本下次个])月[底末])(?=(?:前)?{_FINISHED_SOON})"),
    # the day a notice fixes for its own event ("会议定于3月5日召开", "考试拟于6月20日上午9:00在县一中举行"): the item's work is
    # holding or attending it, so the day is its time, as a meeting notice's caption value is (wave 29's 1326); a day an
    # event happened ("2023年5月，省政府召开…", "于3月5日召开了…") has no 定/拟 and stays none (GOLD-README "fresh52")
    # (only as the item's own event: "在定于5月10日召开的全市会议上作交流发言" names which meeting, 的 after the verb, and is
    # none; and only when the item writes no other time: "推进会定于3月5日召开，各单位于2月28日前报送材料" is due 2月28日前,
    # the meeting's day is the setting of the work, ``find_text_deadline``; GOLD-README "fresh54")
    ("fixed_day", rf"(?:(?<=定于)|(?<=拟于)|(?<=定在))(?P<d>(?:{_POINT})(?:{_PART_OF_DAY})?(?:{_HOUR})?)"
                  rf"(?=(?:在[^，,。；;\n]{{1,20}}?)?(?:召开|举行|举办|进行|开考|开班|开幕)(?!的))"),
    # a day with its clock time, or a window of hours, opening a clause, then the event held or the work done then
    # ("2026年11月10日下午15:30-16:30在县政府三楼会议室召开推进会", "五月二十四日上午九时在县礼堂召开动员大会", "10月3日16:00至10月4日
    # 9:00对城区管网进行检修"): the time as written, due that day (the window's last), as a meeting notice's caption value is;
    # an event that was held ("…召开了", "…举行的") is none (branch fresh66)
    ("appointment", rf"(?:^|(?<=[。；;：:\n，,]))(?P<d>(?:{_POINT})(?:{_WEEKDAY})?{_CLOCK}"
                    rf"(?:{_THROUGH}(?:{_POINT})?(?:{_WEEKDAY})?(?:{_PART_OF_DAY})?(?:{_HOUR}|[零一二三四五六七八九十]{{1,3}}(?:时|点)))?)"
                    rf"(?=[，,]?(?:在[^，,。；;\n]{{1,20}}?|对[^，,。；;\n]{{1,20}}?)?(?:召开|举行|举办|进行|开考|开班|开幕|开展|组织)(?![的了过]))"),
    # (a notice's time caption after the item's title, its value a day and its clock time, "（二）召开推进会。时间：五月二十四日
    # 上午九时。地点：…", "会议时间：5月24日上午9:00": the time as written, as the caption's line under a heading is; branch fresh66)
    ("appointment", rf"(?:^|(?<=[。；;\n]))[ \t\u3000]*{NOTICE_TIME_CAPTION}[ \t\u3000]*[：:为][ \t\u3000]*"
                    rf"(?P<d>(?:{_POINT})(?:{_WEEKDAY})?{_CLOCK}(?:{_THROUGH}(?:{_POINT})?(?:{_PART_OF_DAY})?{_HOUR})?)"
                    r"(?=[。；;，,]|\n|$)"),
    # a day with its time of day, then what will be done ("集团办公室5月25日下午将组织检查"): the day
    ("appointment", rf"(?P<d>(?:{_YEAR}|(?<![\d年一二三四五六七八九十〇○零])){_MONTH}{_DAY})(?=(?:上午|下午|晚上)(?:将|要))"),
    # the year's end opening a clause, then the work done then ("年终对各支部进行考核", "年底召开总结表彰会", "今年年底组织
    # 考核"): the time of that work, as written, due at the end of the year of issue, as GOLD-README reads `年底` opening a
    # clause (608) and `年终进行年度评估` (wave 33); only before a word that opens the work (对, 进行, 开展, 组织, 召开 …), so
    # "年底全市建成率达到90%" (a figure) and "年终评优" (an event's name) stay none (branch fresh56)
    ("done", r"(?:^|(?<=[，,。；;：:\n]))(?P<d>(?:今年)?年[底末])"
             r"(?=(?:要|将|须|应)?(?:对|进行|开展|组织|召开|举行|举办|集中|统一))"),
    # a season or term word opening a clause, then the work done then ("开学初开展安全教育", "秋季组织植树补种", "汛前开展隐患排查",
    # "年初召开部署会"): the time as written, no due date (no calendar day: ``_NO_CALENDAR_DAY_RE``), as "年终对…进行考核" is; only
    # before a word that opens the work, so "秋季学期" (a term's name) and "秋季招生计划" stay none (branch fresh66)
    ("done", rf"(?:^|(?<=[，,。；;：:\n]))(?P<d>(?:{_YEAR}|今年|明年)?(?:{_TERM_WORD}|汛前|[春夏秋冬]季))"
             r"(?=(?:要|将|须|应)?(?:对|进行|开展|组织|召开|举行|举办|集中|统一|完成|部署))(?![^，,。；;\n]*?[了已])"),
    # this year, standing or not: "年内", "年内持续推进"
    ("year", rf"(?P<d>(?:{_YEAR}度?|今年年?度?|当年|本年度?|(?<![0-9一二三四五六七八九十两几多半每])年度)内(?:持续推进|长期坚持)?)"),
    ("year", r"(?<![0-9一二三四五六七八九十两几多半])(?P<d>年内(?:持续推进|长期坚持)?)"),
    # the year of issue after the subject, then words of obligation and the finishing verb: "列入计划的乡镇(街道)本年度须
    # 基本完成整治提升", "各县当年必须完成" (a notice's requirement, branch kinds32): due at that year's end, like 当年内
    # (without the obligation, "项目当年完成" in a call's conditions, it stays no deadline: ``is_criterion_time``)
    ("year", rf"(?<![\d年一二三四五六七八九十两几多半每明次])(?P<d>当年度?|今年|本年度?)(?={_OBLIGED}(?:全面|基本|全部|如期)?"
             r"(?:完成|建成|办结|竣工|完工|到位|实现))"),
    # a target: "到2025年，" / "到2025年底，" / "到2025年年底，" / "到二〇二五年，" / "到2025年全市…" (not "达到2025年…")
    # (a goal another body set, quoted as what a noun names, "根据党的十九大提出的到2035年基本实现…的目标", is no
    # target of the measure: 的 before 到; branch kinds31)
    # (not a term in force, "有效期到2021年12月31日", "本政策执行到…": how long the policy holds, as "有效期至…" is none)
    ("target", rf"(?<=到)(?<!达到|直到|的到)(?<!有效期到)(?<!执行期到)(?<!执行到)(?<!施行到)(?P<d>{_YEAR}(?:{_MONTH}(?:{_DAY})?)?(?:年?[底末])?|今年年?[底末]|{_CENTURY})(?![起以度的\d])"),
    # a five-year plan's end: "到“十四五”末，" -> "“十四五”末" (read like 到2025年底), also after 至/截至
    ("plan_end", rf"(?:(?<=到)(?<!达到|直到)|(?<=截至|截止)|(?<=^至)|(?<=[，,。；;：:\n]至))(?P<d>{_PLAN_END})"),
    # 至 opening a clause reads like 到 ("至2023年底，累计建成10个"); inside a span it is the span's
    ("target", rf"(?:(?<=^至)|(?<=[，,。；;：:\n]至))(?P<d>{_YEAR}(?:{_MONTH}(?:{_DAY})?)?(?:年?[底末])?)(?![起以度的\d])"),
    # as of ("截至2020年底，全市建成…"): a target like 到, unless it reports results ("截至…已建成"); only opening its clause:
    # after a verb it is the cut-off of what is counted ("做好截止20xx年底固定资产…台账的登记": GOLD-README "stages58", 1063)
    ("as_of", rf"(?:(?<=^截至)|(?<=^截止)|(?<=[，,。；;：:\n（(\s.．、]截[至止])|(?<=(?:力争|确保|争取)截[至止]))(?P<d>{_YEAR}(?:{_MONTH}(?:{_DAY})?)?(?:年?[底末])?)(?![起以度的\d])"),
    # a period of years opening a clause, 从/自 or a comma aside, then the work done in it, a few words on at most
    # ("2023年至2025年，推进落实…", "从2023年至2025年，持续开展…", "2023—2025年推进…", "2023年至2025年，在全市推进…"):
    # the period is the work's deadline as written, due at its
    # end, ahead of a later target year in the item ("…，力争到2027年…": what the work aims at afterwards), like a
    # span of months opening a campaign (``span_clause``); GOLD-README "Excerpts, speech parts and periods"
    ("year_span", rf"(?:^|(?<=[。；;：:\n，,]))(?:从|自|在)?(?P<d>{_YEAR_SPAN}|{_YEAR}[—–―\-－−‐~～〜∼至到]{_YEAR})(?:期间|间)?"
                  rf"(?=[，,]?[^，,。；;：:\n]{{0,10}}?(?:{_PERIOD_WORK}))"),
    # a time with its year and a part of the year opening a sentence or a clause (or after the words of an aim), run on
    # into the work without a comma ("2022年上半年发放第一批消费券", "2024年春季力争完成补植2000亩", "2022年第三季度完成验收",
    # "力争2024年春季前补植完成"): the time whole is the deadline as written, never its bare year, as with a comma
    # ("2023年上半年，完成试点"); read when its own clause states the work or aim (``_run_on_time_states_work``; branch
    # kinds39). A span of months ("2022年1-2月…"), a start ("2024年起") or a period since ("2022年以来") is none of these.
    # Its 前 may be followed by a comma, the clause after it stating the work ("2024年春季前，完成补植2000亩"; kinds41).
    ("run_on_time", rf"(?:^|(?<=[。；;：:\n，,在于])|(?<=确保|力争|争取|计划|预计))(?P<d>{_RUN_ON_TIME})(?:(?:前|之前)[，,]?)?"
                    rf"(?![—–―\-－−‐~～〜∼至到起以内度和、及份底末0-9０-９前（(]|[上中下]旬|{_DAY}|{_CLOCK}|{_PART_OF_DAY}|开始[，,]?[至到])(?=[^，,。；;：:\n])"),
    # a year after its subject's words inside the clause, then the aim or plan ("云塑小镇项目2021年二期计划投资20亿元",
    # "XX园区2022年计划新建标准厂房10万平方米", "全镇2023年力争完成投资5亿元", 894): the aim's year as "2021年计划投资…"
    # opening the clause is (``_subject_year_states_aim``; branch kinds39). Not after 以/比/与/较/到/在 (what a figure refers
    # to, a target), nor a year followed by 度, 起, 以来 or a time inside it.
    ("subject_year", rf"(?<={HAN_CLASS})(?<![到至在于以比与较从自截对为是和及、])(?P<d>{_YEAR}(?:[上下]半年|第?[一二三四1-4]季度|[春夏秋冬]季)?)"
                     rf"(?![度起以内底末前])(?=[^，,。；;：:\n\d]{{0,4}}?{_SUBJECT_AIM})"),
    # a target year (or span of years) opening a sentence: "2025年，力争…" (GOLD-README: 070
    # "2022年,全市新建…"), "2012－2015年，每年新增…", "在2012－2015年间完成…"
    # A year closed by a colon and the aim itself ("1.2021年：完成20个村…", a 分年度目标 list, branch notices3) reads
    # the same; a period heading's colon before its list ("2020年：一是…", "2021年：1.…") does not.
    # (a part of the year with its year, "2023年上半年，完成试点", "2023年三季度，启动建设…": branch deadlines30)
    ("target_year", rf"(?:^|(?<=[。；;：:\n]))(?P<d>{_YEAR_SPAN}|{_YEAR}[—–―\-－−‐~～〜∼至到]{_YEAR}|{_YEAR}(?:{_MONTH}(?:{_DAY})?|[上下]半年|第?[一二三四1-4]季度)?(?:年?[底末])?)"
                    r"(?=[，,]|[：:](?![一二三四五六七八九十]+[是要、]|[0-9０-９（(①]))"),
    # a target year opening a sentence or clause with its subject and no comma, then the figure aimed at: "2023年全区
    # 固定资产投资力争完成381亿元", "2023年政府专项债储备额度45亿元以上" (滨江 2023, 237); not "2019年任务:" (a period
    # heading), "2023年全年…" or "2023年度"
    # (or with the verb of its aim right after it, "…逐步向社会开放，2022年推动首批30个场馆免费开放", "2023年建成3条步行街": the
    # year is the aim's deadline as written, as "到2022年，…"; branch kinds37, ``_AIM_VERB``)
    ("target_year", rf"(?:^|(?<=[。；;：:\n，,]))(?P<d>{_YEAR})(?=全[市省区县国镇]|我[市省区县]|本[市省区县]|{_AIM_VERB}"
                    r"|(?=[^，,。；;：:\n]{0,24}?\d)(?!度|全年|任务|工作)[^，,。；;：:\n]{1,24}?(?:力争|达到|突破|以上|左右|不低于|不少于|控制在|"
                    + _TARGET_FIGURE + ")"
                    rf"|(?![0-9０-９一二三四五六七八九十]|[上下]半年|度|全年|以来|起|前|底|末|内)[^，,。；;：:\n]{{0,24}}?{_PLANNED_FIGURE})"),
    # a target year after 力争/争取, then what is to be reached: "力争2025年全市建成…" (as "到2025年"; "确保2020年
    # 各项年度目标任务圆满完成" names the year of the work, 033; "争取2024年上半年开工" is a step begun)
    # ("力争到2025年，" is the target form: 到 names the year aimed at whatever the clause says after it)
    # (its subject between the year and the verb, "力争2022年重点商圈支付便利化改造率达100%", "力争2023年底培育10家企业": after
    # 力争 the year's clause is the aim, unless it begins a step, "争取2024年开工"; branch kinds37, ``_STEP_BEGUN_RE``)
    ("target_year", rf"(?<=力争|争取)(?:在|于)?(?P<d>{_YEAR}(?:年?[底末])?)"
                    rf"(?=[，,]|(?![起以度前内底末年]|[上下]半年|第?[一二三四1-4]季度|[0-9０-９]{{1,2}}月|{_SEASON}|[春夏秋冬]季)[^，,。；;：:\n])"),
    ("target_year", rf"(?:(?<=[。；;：:\n，,]在)|(?<=^在))(?P<d>{_YEAR_SPAN})(?=[间内，,])"),
    # a five-year plan's span or end opening a clause, with an aim: "“十四五”期间，全市新建…" (like a
    # span of years: due at its end); not a review ("“十三五”期间，我市…实现了…")
    ("plan_span", rf"(?:^|(?<=[。；;：:\n，,（(]))(?:在)?(?P<d>{_PLAN_SPAN}|{_PLAN_END})(?=[，,])"),
    # a part of the year opening a clause: "第一季度发行专项债券", "上半年完成摸底" (the year of issue);
    # not a review of it ("上半年工作回顾", dev 122; "上半年工作开展情况", a work report's heading, branch excerpts)
    # (closed by 前 it is a time by which and may be followed by a comma, "第三季度末前，建成…", as "年底前，完成…"; without 前,
    # "上半年，…" stays none, and the 前 is never left out of it: branch deadlinematrix52)
    # (nor the period of an indicator's growth, "一季度GDP增长5%", "上半年规上工业增加值同比增长6.5%": a figure; branch fresh66)
    ("part", rf"(?:^|(?<=[，,。；;：:\n]))(?P<d>{_PART_OF_YEAR}(?:前|之前)(?![以来度的]|工作{_REVIEW_OF_WORK}|{_REVIEW})"
             rf"|{_PART_OF_YEAR}(?!前|之前)(?![以来度，,的]|工作{_REVIEW_OF_WORK}|{_REVIEW}))"
             r"(?![^，,。；;：:\n]{0,12}?(?:增长|增速|增幅|下降|同比)[^，,。；;：:\n]{0,4}?[0-9０-９])"),
    # a stage dated in brackets with its body run on after it ("(二)自查摸底阶段(7月3日至7月15日)。各地…",
    # "(一)动员部署阶段(5月)。…"): the bracket's date or span (GOLD-README wave 4: a stage dated in
    # brackets is due then), as when the bracket ends the line (the dash typed twice, "7月--10月", "7月——10月": GOLD-README "stages58")
    ("stage", rf"(?<=阶段[（(]|部署[（(]|动员[（(]|整改[（(]|总结[（(]|验收[（(]|排查[（(]|督查[（(]|检查[（(])"
              rf"(?P<d>(?:{_YEAR})?{_SHORT_MONTH_SPAN}|(?:{_STAGE_DATE}|{_LOST_DAY_START})(?:(?:起|开始)?(?:——|--|[—–―\-－−‐~～〜∼至到])(?:{_STAGE_DATE}|{_DAY_END})|{_LOST_DASH_DAY_END})?)(?=[）)])"),
    # (its months a short span, "（四）总结完善阶段(9-12月)，各镇总结…": the span as written; and its window after a comma
    # opening the item, the body run on after it, "（一）动员部署阶段，2019年2月13日—2月17日。各镇召开动员会…": the window,
    # due on its last day, as the stage heading standing alone reads it (``stage_time``), and so after a colon,
    # "动员部署阶段：2026年7月1日—7月10日。各镇…"; branch fresh66)
    ("stage", rf"(?:^|(?<=\n))[ \t\u3000]*{HAN_CLASS}{{2,8}}阶段[，,：:](?P<d>(?:{_YEAR})?{_SHORT_MONTH_SPAN}|{_STAGE_DATE}(?:(?:起|开始)?"
              rf"(?:——|--|[—–―\-－−‐~～〜∼至到])(?:{_STAGE_DATE}|{_DAY_END}|{_WINDOW_END}))?)(?=[。；;：:，,]|$)"),
    # a span standing as a line of its own under a heading ("三、整治时间\n2024年3月10日至5月31日")
    # (with the hours of its days, "5月1日12时至9月16日12时", as a notice writes its period: GOLD-README "notices27")
    # (its time caption before it, the colon lost in a notice run on in one line: "四、报名时间2023年3月1日至3月31日。五、…",
    # as the window from an event below; kinds33)
    ("span", rf"(?:^|(?<=\n))(?:{NOTICE_TIME_CAPTION}[ \t\u3000]*(?:[：:][ \t\u3000]*)?)?(?:自|从)?(?P<d>{_POINT}{_TO_EVENT_END}|{_SPAN}|(?:每年{_MONTH_POINT}|{_POINT}){_WINDOW}){_PERIOD_TAIL}(?:截稿|截止)?[。；;]?(?=\n|$)"),
    # a single time on the line of its own under a heading that is only a time caption ("三、活动时间\n2026年3月上旬", a remark in
    # brackets after it, "2026年3月上旬（主要活动在3月1日至8日）"): the heading's time as written, as the span above (GOLD-README
    # "fresh56", wave 33's 1595); the caption line must be the caption alone, so a date under other words stays none
    ("span", rf"(?:^|(?<=\n)){NOTICE_TIME_CAPTION}[ \t\u3000]*(?:[：:][ \t\u3000]*)?\n[ \t\u3000]*(?:自|从)?(?P<d>{_POINT})"
             rf"(?:{_REMARK})?[。；;]?(?=\n|$)"),
    # (the line opening with the day of the notice's own event, its weekday, part of the day and hour, then the event held
    # there: "一、会议时间\n2025年1月12日(周日)上午9:00在市政务文化中心开幕,1月15日…闭幕": that day as written, as a fixed day is,
    # due then; branch fresh58, 1346)
    ("span", rf"(?:^|(?<=\n)){NOTICE_TIME_CAPTION}[ \t\u3000]*(?:[：:][ \t\u3000]*)?\n[ \t\u3000]*"
             rf"(?P<d>{_POINT}(?:{_WEEKDAY})?(?:{_PART_OF_DAY})?(?:{_HOUR})?)"
             rf"(?=(?:在[^，,。；;\n]{{1,20}}?)?(?:召开|举行|举办|进行|开考|开班|开幕)(?!的))"),
    # a window opening an item, then what is banned or controlled in it ("1.3月30日21:00-3月31日7:00，禁止…",
    # "2月20日(正月十六)早晨4时至中午12时，全县范围内禁止…", "4月30日至5月4日，禁止所有路面施工"): the window is the
    # item's deadline as written, due on its last day; a policy's term ("…至…实施阶段性下调", 108) bans nothing
    # (GOLD-README "periods27")
    # (自/从 before the window is dropped, as after a caption: "自2023年1月21日至2月5日，全县范围内禁止燃放烟花爆竹",
    # branch deadlines30)
    # (after the notice's time caption too, "禁渔期：…至…，禁止一切捕捞", and with 期间 or 内 closing the window, "…至…期间，
    # 全县范围内禁止…": branch deadlines30)
    ("window", rf"(?:^|(?<=\n))(?:{NOTICE_TIME_CAPTION}[ \t\u3000]*[：:][ \t\u3000]*)?(?:自|从)?(?P<d>(?:{_POINT}){_WINDOW}|{_SPAN})"
               rf"(?={_PERIOD_TAIL}(?:期间|内)?[，,][^。；;\n]{{0,20}}?(?:{_BANS}))"),
    # the term a ban or season notice sets, named by its sentence ("自2023年3月2日至4月15日为禁火期，…", "每年10月1日至
    # 次年5月31日为全县森林防火期", "决定：自2017年1月20日至2017年2月12日为全市森林防火禁令期") or captioned in it ("禁牧
    # 时间为2024年4月15日至11月15日", "禁渔期为3月1日0时至6月30日24时"): the window is the item's deadline as written
    # as a 禁火期 caption's value is (GOLD-README notices27 and wave 13's 539/540), 自 dropped; of two windows the first.
    # The term must be a ban's or a season's (``_BAN_TERM``): a policy's term ("…为政策执行期", 108) is none.
    # ("在2023年10月1日至2024年5月31日防火期内，…" opening an item: the window the term's name follows)
    ("window", rf"(?:^|(?<=[\n。；;：:，,]))(?:在|自|从)?(?P<d>(?:{_POINT}){_WINDOW})(?={_PERIOD_TAIL}(?:为{_BAN_TERM}|{_BAN_TERM}内))"),
    ("window", rf"(?:^|(?<=[\n。；;：:，,]))(?={_BAN_TERM}为){NOTICE_TIME_CAPTION}为(?:自|从)?(?P<d>(?:{_POINT}){_WINDOW})"
               rf"(?={_PERIOD_TAIL}(?:[，,。；;\n]|$))"),
    # (the term a caption, then the season it names and 为, "（一）禁烧时段：“三秋”为9月26日至10月25日。", "禁渔期：长江段为3月1日
    # 至6月30日": the first window as written; branch fresh66)
    ("window", rf"(?:^|(?<=[\n。；;：:，,])){_BAN_TERM}[：:][^，,。；;：:\n\d]{{1,8}}?为(?:自|从)?(?P<d>(?:{_POINT}){_WINDOW})"
               rf"(?={_PERIOD_TAIL}(?:[，,。；;\n]|$))"),
    # (a time caption paired with another caption before one 为, "禁烧时间、禁烧范围为全年、全域禁烧", "活动时间、地点为
    # 5月1日至5月31日、县广场": the values pair with the captions in order, the time's the first, the 、 after it the pair's;
    # its value may be the whole year, 全年, a ban all year round; branch glued55)
    ("window", rf"(?:^|(?<=[\n。；;：:，,])){NOTICE_TIME_CAPTION}、{_PAIRED_CAPTION}为(?:自|从)?"
               rf"(?P<d>(?:{_POINT}){_WINDOW}|全年)(?={_PERIOD_TAIL}、)"),
    # a window in brackets after the days it dates ("节日期间(4月30日0时至5月5日6时)全市高速公路禁行…"): as a stage
    # dated in brackets, the bracket's window
    # (after a season's work named with 前, "时间：夏季麦收前（5月30日—6月4日）、秋季秋收前（…）": of two the first; branch fresh48)
    ("window", rf"(?<=期间[（(]|[^\d年月日号]前[（(])(?P<d>(?:{_POINT}){_WINDOW})(?=[）)])"),
    # a span from an event to a date, standing as a line of its own under a heading ("一、报名时间\n公告之日起至
    # 2023年5月10日", "自发布之日起至6月30日止"; 自 and 止 dropped): the deadline as written, due on its last day
    # (issue 13, deadlines round 5; a period counted in days from an event, "之日起30日内", is ``relative``)
    # (its caption before it on the line, its colon lost to a blank, "征集日期 自公告发布之日起至2021年11月20日", is left
    # out: the deadline as written is the window; branch deadlines29)
    ("span", rf"(?:^|(?<=\n))[ \t\u3000]*(?:{NOTICE_TIME_CAPTION}[ \t\u3000]*(?:[：:][ \t\u3000]*)?)?(?:自|从)?(?P<d>{_FROM_EVENT}{_EVENT_THROUGH}(?:{_CAL_DATE}|{_WINDOW_END}))"
             r"止?[。；;]?[ \t\u3000]*(?=\n|$)"),
    # the year a goal caption's line opens with, the item's own caption under its title ("一、老旧小区改造\n任务目标：
    # 2024年计划完成12个小区", "目标任务：2024年度新建管网80公里"; issue 13, deadlines round 5): the year of the
    # item's target is its deadline as written, 度 kept; a goal clause after the item's words on its line is a target
    # (``_without_goal_clauses``)
    ("goal_year", rf"(?:^|(?<=\n))[ \t\u3000]*(?:{'|'.join(sorted(GOAL_CLAUSE_CAPTIONS, key=len, reverse=True))})"
                  rf"[ \t\u3000]*[：:][ \t\u3000]*{_GOAL_OPENING}"),
    # a span of months opening a clause, then the work done in it ("2023年10月至12月，开展专项检查",
    # "即日起至6月30日，集中整治…"; 自 dropped): its end is the due date (GOLD-README wave 4: a span
    # of dates). A policy's term is no deadline ("2021年5月1日至2022年4月30日实施阶段性下调…", 108:
    # an effective period): the work must be a campaign's (开展, 组织, 集中, 进行, 完成, 部署, 启动).
    # (its start closed by 起 and its end by 止, "自2024年7月1日起至9月30日止，开展专项检查", "即日起至6月30日止，集中整治…": the
    # window as written keeps 起 and drops 自/从 and 止, as a window standing under a time heading does; branch fresh51)
    ("span_clause", rf"(?:^|(?<=[。；;：:\n，,自从]))(?P<d>(?:即日起|(?:{_YEAR}{_MONTH}(?:{_DAY}|{_TEN_DAYS})?|(?<![\d年]){_MONTH}(?:{_DAY}|{_TEN_DAYS})?)(?:(?:起|开始)[，,]?)?|(?:{_YEAR}|(?<![\d年]))\d{{1,2}}(?=[—–―\-－−‐~～〜∼]\d{{1,2}}月))[—–―\-－−‐~～〜∼至到](?:{_WINDOW_END}|{_CAL_DATE}|{_DAY_END}))"
                    r"止?(?=[，,]?(?:开展|进行|组织|集中|完成|部署|启动))"),
    # (from the notice's own event, "通告之日起至2026年11月30日，开展集中整治", "自公告发布之日起至年底，集中清理…": the window
    # as written, 自 dropped, as under a time heading; branch fresh66)
    ("span_clause", rf"(?:^|(?<=[。；;：:\n，,自从]))(?P<d>{_FROM_EVENT}{_EVENT_THROUGH}(?:{_WINDOW_END}|{_CAL_DATE}))"
                    r"止?(?=[，,]?(?:开展|进行|组织|集中|完成|部署|启动))"),
    # a window opened by 自/从 with 起 and closed by 止, ending its sentence ("模拟运行自11月18日起至12月底止。", "集中清理自3月1日起至
    # 4月30日止。"), or before the stages it is cut into ("集中整治从2010年7月至2010年12月，共分三个阶段", "专项整治行动自2007年8月下旬
    # 至年底，分三个阶段"): the work's window as written, 自/从 and 止 dropped, due at its end; a policy's or a rule's term
    # ("有效期自…起至…止", "…止执行") is none: no 有效期/执行期 before it, nothing after 止 but the sentence's end (branch fresh66)
    ("span_in_sentence", rf"(?<!有效期)(?<!执行期)(?<!实施期)(?<!期限)(?<!政策)(?<!办法)(?<!规定)(?<!细则)(?<!通知)(?<!通告)(?<!公告)"
                         rf"(?:自|从)(?P<d>(?:{_POINT})起[，,]?[至到](?:{_CAL_DATE}|{_WINDOW_END}))止(?=[。；;]|\n|$)"),
    ("span_in_sentence", rf"(?<=[自从])(?P<d>(?:{_POINT}){_WINDOW})止?"
                         rf"(?=[，,](?:共|整体|总体)?分(?:为|成)?[一二两三四五六七八九十0-9]个?(?:阶段|步骤|步))"),
    # a span inside a sentence ("集中培训于2021年3月1日至4月15日在党校举行", "考试于6月28日——7月2日进行"): a window as
    # written, due at its end, ahead of a later "每周一" of the body; and a span after a time caption in a sentence
    # ("考试时间：2021年6月28日——7月2日，…", "复查时间2021年7月5日—7月9日"). A policy's term ("…至…实施阶段性下调", 108)
    # is held nowhere: no 在 or 举行 after it (branch kinds36)
    ("span_in_sentence", rf"(?<=[于在])(?P<d>(?:{_POINT}){_WINDOW})(?=在|(?:集中|统一|分批|分别)?(?:举行|进行|举办|召开|开展|组织))"),
    # (the caption's length of time before its window, "整治时间为一个月，从2024年5月2日至5月31日"; a window of parts of months,
    # "集中宣传时间为2024年1月下旬至2月下旬": the window as written, 从 dropped; branch fresh48)
    ("span_in_sentence", rf"(?<=时间|日期|时段)[ \t\u3000]*(?:(?:为|是|[：:])[ \t\u3000]*)?(?:{_LENGTH_OF_TIME}[，,])?(?:自|从)?"
                         rf"(?P<d>(?:{_POINT}){_WINDOW}|{_STAGE_DATE}[—–―\-－−‐~～〜∼至到]{_STAGE_DATE}"
                         rf"|{_FROM_EVENT}{_EVENT_THROUGH}(?:{_CAL_DATE}|{_WINDOW_END}))"
                         rf"(?={_PERIOD_TAIL}(?:[，,。；;\n]|$))"),
    # standing: "长期坚持", "持续推进" as a clause of their own
    ("open", r"(?:(?<=[（(，,。；;\s])|^)(?P<d>长期坚持|持续推进|立行立改|即知即改|常态化(?:推进|开展)|立即(?:整改|执行|落实|办理))(?=[）)，,。；;、]|$)"),
    # the whole year, standing, as a clause of its own ("全年持续推进", like "年内持续推进"); a bare 全年 in
    # prose ("全年开展检查不少于4次", "力争全年减负2500亿元") is a quota's period, no deadline (GOLD-README)
    ("open", r"(?:(?<=[（(，,。；;：:\s])|^)(?P<d>全年(?:持续推进|长期坚持|持续开展|常态化推进))(?=[）)，,。；;、]|$)"),
)
_FIXED_DAY_FORMS = tuple(i for i, (name, _) in enumerate(_TEXT_FORMS) if name == "fixed_day")
_TEXT_DEADLINE_RE = re.compile("|".join(f"(?P<{name}{i}>{pattern.replace('(?P<d>', f'(?P<d{i}>')})"
                                        for i, (name, pattern) in enumerate(_TEXT_FORMS)))


# The rest of a clause that states a condition ("…情形之一的，"): a time opening it says when the
# condition holds ("职工已享受当年的年休假，年度内又出现…情形之一的，不享受下一年度的年休假", issue 13).
_CONDITION_RE = re.compile(r"[^，,。；;：:\n]{0,80}的[，,]")
# A time followed by a word of ability before the work ("年内可以完成", "当年能够完成的项目", "当年可见效"): the sentence
# says what work can be done in that time, a condition a 征集 notice sets for proposals, not when work is due (branch kinds31).
# A date by which ("6月底前可以完成") still names when work is due.
_ABLE_RE = re.compile(r"(?:可以|能够|可望|可|能)(?:完成|建成|办结|见效|实施|实现|竣工|投用|投入使用)")
# A scoring rule of a 考核细则 ("得4分", "不得分", "扣0.5分", "加2分"): a period in its sentence ("年内无案例不得分")
# says how points are counted, not when work is due (GOLD-README wave 6, 考核细则 tables).
# "今后五年，是…的关键时期": the period described, not a horizon (seed 002).
_IS_RE = re.compile(r"[，,\s]*是")
_SCORING_RE = re.compile(r"(?:得|扣|加|计)[0-9０-９.．]+分|不得分|扣分|得满分|满分")


def _text_match(m: re.Match, text: str, written_text: str | None = None, ends: _ClauseEnds | None = None) -> str | None:
    """The deadline as written of one match of ``_TEXT_DEADLINE_RE`` on ``text`` (the probe),
    sliced from ``written_text`` (the text as written, same length; ``text`` when None), or None
    when the words are no deadline after all (a target year that reports results: "2022年，全市
    完成…，同比增长5%"). ``ends`` are the clause ends of ``text`` when the caller reads many matches
    of one text (``find_text_deadline``); else they are found here."""
    written_text = text if written_text is None else written_text
    ends = ends if ends is not None else _ClauseEnds(text)
    for i, (name, _) in enumerate(_TEXT_FORMS):
        if m.group(f"{name}{i}") is None:
            continue
        written = written_text[m.start(f"d{i}"):m.end(f"d{i}")]
        if name in ("horizon", "target") and _names_scope(text, m.start(f"d{i}"), m.end(f"d{i}")):
            return None  # "一、今后五年主要目标和重点任务": the scope a title names, no deadline
        if name == "horizon" and _IS_RE.match(text, m.end()):
            return None  # "今后五年，是…的关键时期": the period described, like "2023年，是…开局之年" (seed 002)
        if (name in ("target_year", "year_span", "done", "by", "run_on_time")
                and _ESTIMATE_RE.search(text, max(0, m.start(f"d{i}") - 8), m.start(f"d{i}"))):
            return None  # "预计，2020年生产总值达到…": an estimate of what was reached
        if name == "target" and ends.has(_DONE_ALREADY_RE, m.end(), _SENTENCE_END_RE):
            return None  # "到2024年底，全市已建成…": what was done by then (a target never says 已)
        if name in ("by", "done") and (_DONE_ALREADY_RE.match(text, m.end(f"d{i}"))
                                       or _WHICH_ONES_RE.match(text, m.end(f"d{i}"))):
            return None
        if name not in ("by", "relative") and _ABLE_RE.match(text, m.end(f"d{i}")):
            return None  # "年内可以完成", "当年能够完成": a condition a proposal must meet (征集 notices), no deadline
        if name == "year" and ends.has(_SCORING_RE, m.end(), _SENTENCE_END_RE):
            return None  # "年内无不达标河库，得4分": how a 考核细则 counts points, not when work is due
        if name in ("target_year", "part", "done", "as_of", "span_clause", "plan_span", "goal_year", "year_span"):  # "7月5日出台了《…》" reports the past (seed 002)
            # the rest of the sentence after the time, its commas first passed over: each check asks ``ends``, which finds
            # the places of its words once per sentence (as searching the rest would, kinds42)
            at, stop = m.end(), ends.end(m.end(), _SENTENCE_END_RE)
            while at < stop and text[at] in "，, ":
                at += 1
            if ends.opens(_REVIEW_RE, at, _SENTENCE_END_RE):
                return None  # "2023年第一季度完成情况", "2020年完成情况": a review's heading or a report's caption (kinds41)
            if name == "target_year" and ends.opens(_BUDGET_OPENING_RE, at, _SENTENCE_END_RE):
                return None  # "2025年，市级财政预算安排13.06亿元，其中…": the year whose budget pays (``_BUDGET_OPENING_RE``)
            if name == "goal_year":
                if ends.reports(at, _SENTENCE_END_RE) or not (ends.has(_AIM_RE, at, _SENTENCE_END_RE)
                                                              or ends.has(_PLANNED_RE, at, _SENTENCE_END_RE)):
                    return None  # (``_goal_aims`` of the rest)
            elif ends.reports(at, _SENTENCE_END_RE) or (
                    name in ("target_year", "plan_span") and not ends.has(_AIM_RE, at, _SENTENCE_END_RE)
                    and not (name == "target_year" and (ends.opens(_AIM_VERB_RE, at, _SENTENCE_END_RE)
                                                        or ends.plans_a_figure(at, _SENTENCE_END_RE)
                                                        or _striven_before(text, m.start(f"d{i}"))))):
                return None
            if name == "target_year" and text[m.end(f"d{i}"):m.end(f"d{i}") + 1] not in ("，", ",", "：", ":", "") \
                    and not ends.aims(m.end(f"d{i}"), _striven_before(text, m.start(f"d{i}"))):
                return None  # "2013年本市房价控制目标是：…": the year names the target, no aim in its own clause
            event, aim = ends.first(_EVENT_RE, at, _SENTENCE_END_RE), ends.first(_AIM_RE, at, _SENTENCE_END_RE)
            if name == "target_year" and event is not None and (aim is None or event < aim):
                return None
        if name == "run_on_time" and not _run_on_time_states_work(text, m.start(f"d{i}"), m.end(f"d{i}"), ends):
            return None  # "2022年第三季度启动…", "2022年3月省政府召开…": a step begun or an event (branch kinds39)
        if name == "run_on_time" and "年" not in written and not ends.opens(_PROVIDES_RE, m.end(f"d{i}")):
            return None  # "于1月9日编制完成", "8月份督查暗访发现…": a month without its year opens the work itself or is none (fresh51)
        if name == "subject_year" and not _subject_year_states_aim(text, m.start(f"d{i}"), m.end(f"d{i}"), ends):
            return None  # "全市2022年GDP增长6%": the year names what a figure refers to (kinds37's line)
        if name == "year" and _CONDITION_RE.match(text, m.end()):
            return None  # "年度内又出现…情形之一的，不享受…" (a regulation): when a condition holds, no deadline
        return written
    return None


def _names_scope(text: str, start: int, end: int) -> bool:
    """True when the time ``text[start:end]`` (a horizon or a target year) names what a title is about (``_SCOPE_TITLE_RE``:
    "今后五年主要目标和重点任务", "到2035年远景目标"): the title's nouns run to the clause's end, or the time opens the
    item's first line (到 aside) and the nouns are not followed by an aim ("今后五年工作的总体要求做好…", a title joined to its
    body; not "到2025年目标任务全面完成")."""
    nouns = _SCOPE_TITLE_RE.match(text, end)
    if nouns is None:
        return False
    if nouns.end() == len(text) or text[nouns.end()] in _CLAUSE_END:
        return True
    opens_line = not text[text.rfind("\n", 0, start) + 1:start].strip(" \t\u3000到")
    return opens_line and not _AIM_RE.search(text, nouns.end(), nouns.end() + 4)


# A clause that is a deadline and nothing else, as annotations write it after their units
# ("（市财政局，5月底完成）", "（A、B，6月底前）", "（C负责，长期坚持）"): a date with 底/末/前, 年内,
# a period counted from the document ("本意见印发之日起30日内"), a period word ("每季度末"), or a
# standing one ("长期坚持", "持续推进"), optionally closed by what is to be done by then (``_DONE_BY``: 完成, 办结, 建成投用).
_DEADLINE_CLAUSE_RE = re.compile(
    rf"^(?:于|在)?(?:{_TEXT_DATE}份?(?:底|末|{_TEN_DAYS}|中)?{_DAY_TIME}?(?:前后|前|之前|以前)?|{_NUM_DATE}(?:前|之前|以前)?|{_YEAR_PART}(?:末|底)?(?:前|之前)?"
    rf"|年底前|年内|(?:{_YEAR}度?|今年|本年度?|年度)内|(?:{_YEAR}|每年)?{_SEASON}(?:前|之前|以前)|(?:每年)?{_BEFORE_FLOODS}|{_RELATIVE}|{_BEFORE_EVENT}"
    r"|每(?:周|月|季度|季|半年|年)(?:末|底)(?:前)?|每年的?年(?:末|底)(?:前)?|(?:(?:每年|每半年)的?)?(?:\d{1,2}月)份?(?:底|末)?(?:前)?)"
    rf"(?:前)?(?:{_DONE_BY})*$"
    # a standing clause after a dated one, joined by 并 ("2025年11月底前，并长期坚持": the second clause of one time, never a
    # unit; kinds46)
    r"|^(?:并且?)?(?:年内|全年|今年)?(?:长期坚持|持续推进|长期推进|持续开展|常态化推进|长期|持续)$"
    # the whole year's work as an annotation's clause ("（区教育局负责，全年推进）", like 全年持续推进), and a period
    # written with 按 alone ("（市统计局负责，按季度）", like 每季度; "按季度推进" stays a way of working): open or
    # periodic, no due date (GOLD-README "kinds43")
    r"|^(?:年内|全年)(?:推进|开展|实施)$|^按(?:周|旬|月|季度|季|半年)$"
    rf"|^(?:{_SCHOOL_TERM})(?:前)?(?:{_DONE_BY})*$"
    # the month the work falls in ("当月13日前"), a month's end whose 月 was lost ("2022年8底前"), a term's or the year's
    # opening ("开学初", "年初"), as prose reads them (branch fresh66)
    rf"|^(?:{_THAT_MONTH}|{_YEAR}(?:1[0-2]|0?[1-9])底)(?:前|之前|以前)?(?:{_DONE_BY})*$"
    rf"|^(?:{_YEAR}|今年|明年)?(?:{_TERM_WORD})(?:{_DONE_BY})*$"
    # a horizon counted in years ("（区住建局负责，三年内完成）", "今后两年"), as prose reads it (the form ``horizon``; kinds42)
    rf"|^(?:(?:\d{{4}}年起)?{_COUNT_YEARS}年内|(?:今后|未来){_COUNT_YEARS}年(?:内|间)?)(?:{_DONE_BY})*$"
    # a span of months whose first month leaves its 月 to the last ("（区住建局负责，10-12月）", "2025年3-6月份"), as prose
    # writes a campaign's months ("6—9月，开展…", GOLD-README wave 4): due at the last month's end (kinds42)
    rf"|^(?:{_YEAR})?{_SHORT_MONTH_SPAN}份?(?:[底末])?(?:{_DONE_BY})*$"
    r"|^(?:立行立改|即知即改)$|^(?:19|20)\d{2}(?:[—–―\-－−‐~～〜∼至到](?:19|20)\d{2})?$"
    rf"|^(?:{_AT_ONCE})$|^(?:年内|全年)?(?:{_STANDING})$|^(?:{_RECURRING})$"
    # a span of years ("2024—2025年", "2024年—2025年") and a day of every month or quarter ("每月10日前", "次月5日前")
    rf"|^(?:{_YEAR_SPAN}|{_YEAR}[—–―\-－−‐~～〜∼至到]{_YEAR})$"
    # the same span closed by the last year's end ("2016—2017年底前", a time cell of work spread over years; branch fresh55):
    # the whole window as written, due at the last year's end
    rf"|^(?:{_YEAR_SPAN}|{_YEAR}[—–―\-－−‐~～〜∼至到]{_YEAR})[底末](?:前|之前|以前)?(?:{_DONE_BY})*$"
    r"|^(?:每个?月的?|次月)\d{1,2}[日号](?:前|之前)?(?:完成|报送|上报)?$"
    # a window every year or month, its end repeating the period word or not ("每年1月1日至每年6月30日", "每月1日至10日")
    rf"|^每年{_MONTH}(?:{_DAY})?(?:[底末])?[至到—–―\-－−‐~～〜∼](?:每年)?{_MONTH}(?:{_DAY})?(?:[底末])?$"
    r"|^每个?月\d{1,2}[日号][至到—–―\-－−‐~～〜∼](?:每个?月)?\d{1,2}[日号]$"
    r"|^每个?(?:季度|季)(?:第[1-3一二三]个月|最后一个月)的?\d{1,2}[日号](?:前|之前)?(?:完成|报送|上报)?$|^每周[一二三四五六日](?:前|之前)?$"
    rf"|^(?:到|至|于|在)?(?:{_PLAN_END}|{_PLAN_SPAN})(?:前|之前)?(?:完成|办结|落实到位|落实|到位|见效|建成)*$"
    rf"|^(?:{_YEAR})?全年(?:完成|办结|落实到位|落实|到位|见效)*$|^(?:于|在|到)?(?:{_YEAR_SEASON}|{_WHOLE_YEAR}|{_CENTURY})(?:前|之前)?(?:完成|办结|落实到位|落实|到位|见效|建成)*$"
    # (a window of parts of months, "2026年7月上旬至8月下旬": branch fresh48)
    # (its start closed by 起, "（A牵头，2026年7月1日起至9月30日）", as a campaign's opening clause writes it: branch fresh51)
    # (its start closed by 开始, "2026年8月12日开始至8月底", its day's 日 lost before 起, its end a festival before which or the year's
    # end, "2026年12月至2027年春节前", "即日起至年底": branch fresh52)
    # (a comma after its start's 起/开始, "8月12日开始，至8月底": the window whole, comma kept as written; branch fresh54)
    rf"|^(?:自|从)?(?:{_TEXT_DATE}(?:底|末|{_TEN_DAYS})?|{_LOST_DAY_START})(?:(?:起|开始)(?:[，,](?=[至到]))?)?[—–―\-－−‐~～〜∼至到](?:{_WINDOW_END}|{_TEXT_DATE}(?:底|末|{_TEN_DAYS})?|{_DAY_END})(?:前|止)?$"
    # a window from an event as a bracket's clause ("（A牵头，即日起至2026年9月30日）", a stage's "（即日起至9月30日）"), as a
    # notice's time caption and a campaign's opening clause read it: due at its end, 自/从 dropped (branch deadlinematrix52)
    # (from 即日 only: "征集时间通告之日起至…" is a caption before its window, read by the notice's own readers)
    # (closed by 止, "（A牵头，即日起至2026年9月30日止）", the 止 left out of the deadline as written: branch fresh51)
    rf"|^(?:自|从)?即日{_EVENT_THROUGH}(?:{_WINDOW_END}|{_CAL_DATE})止?$"
    # a year's end or a month's reached by 到/至 ("（A牵头，到2027年底）", "时间：到2027年底"), as prose reads 到2023年底 and
    # the clause reads 截至2025年底: the date without its 到 (branch deadlinematrix52); a bare target year ("到2027年") is
    # left to the goal rules
    rf"|^(?:到|至){_TEXT_DATE}(?:底|末)(?:前|之前)?(?:{_DONE_BY})*$"
)
# A date "by" which (前) followed by what is to be done then, in a few words ("2024年6月底前出台政策",
# "年底前完成验收"): the clause is a deadline; as written it is the date and its 前. The date of every year or month
# ("每年6月底前报送进展", "每月28日前上报台账", an annotation's middle clause; branch kinds44) reads the same, the period
# word kept as the deadline alone keeps it ("每年6月底前": periodic, no due date).
_DATE_BY_RE = re.compile(
    rf"^(?:务必于|务于|须于|应于|于|在|到|至)?(?P<head>(?:(?:每年的?{_MONTH}(?:{_DAY})?|每个?月的?{_DAY}|{_TEXT_DATE})(?:底|末|{_TEN_DAYS})?|{_YEAR_PART}(?:末|底)?"
    rf"|年底|年末)(?:前后|前|之前|以前)){HAN_CLASS}{{0,10}}$"  # (前后 kept: "12月5日前后", branch fresh66)
)


# Dates listed in one clause ("2024年6月、12月", "6月底和12月底前"): each one a time, the first the deadline
# (GOLD-README wave 5 round 2: "分别于6月底和7月底报送" -> "6月底").
_DATE_ITEM = rf"(?:{_TEXT_DATE}份?(?:底|末|{_TEN_DAYS})?(?:前|之前)?)"
_DATE_LIST_RE = re.compile(rf"^(?:分别)?(?:于|在)?(?P<first>{_DATE_ITEM})(?:[、和及]{_DATE_ITEM})+(?:前)?(?:完成|报送|上报)?$")

# A season of a year and its 前 (an annotation's "2024年春季前完成", a time cell's "2024年春季前"): the season is the deadline
# as written, its 前 dropped as prose reads "力争在2024年春季前完成补植" -> "2024年春季" (GOLD-README kinds39 and kinds41);
# festivals, 汛期 and a term's opening keep their 前 ("2024年汛期前", "秋季开学前": ``_SEASON``, never this).
_SEASON_OF_YEAR_BY_RE = re.compile(rf"(?P<d>{_YEAR_SEASON})(?:前|之前|以前)")
# (自/从 before a window's dated start too, "自2026年7月1日起至9月30日止": branch fresh51)
_LEADING_WORDS_RE = re.compile(rf"^(?:务必于|务于|须于|应于|截至|截止|于|在|到|至|(?:自|从)(?=即日|[0-9０-９〇○零一二三四五六七八九十]))")
# The words of an aim opening an annotation's time clause ("（区林业局负责，力争2024年春季前完成）", "（市住建局牵头，确保
# 2023年底前建成）"): the clause is the time that follows, read as without them (branch kinds41); only before a time, so
# "确保长期" or "力争持续" are no clause of time.
# So are 截至/截止 before a time, read like 到 (GOLD-README wave 5, round 2: "（市水务局牵头，截至2025年底）" is the deadline
# 2025年底), and a start year before a standing word ("（A负责，2025年起长期坚持）": open, 长期坚持; branch kinds43).
_AIM_LEAD_RE = re.compile(r"^(?:(?:力争|争取|确保|截至|截止)(?:在|于)?(?=[0-9０-９〇○零一二三四五六七八九十今本当明年月春夏秋冬汛入])"
                          r"|(?:自|从)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:起|开始)(?=长期|持续|常态))")


def _without_aim_lead(clause: str, probe: str) -> tuple[str, str]:
    """``clause`` and its ``probe`` (same length) without the words of an aim opening them (``_AIM_LEAD_RE``:
    "力争2024年春季前完成" -> "2024年春季前完成"); unchanged when none opens them."""
    aim = _AIM_LEAD_RE.match(probe)
    return (clause[aim.end():], probe[aim.end():]) if aim else (clause, probe)
# (and the 止 closing a window, "…至9月30日止": branch fresh51)
_TRAILING_VERBS_RE = re.compile(rf"(?:{_DONE_BY}|报送|上报)+$|(?<=[日号月底末])止$")


def written_deadline(text: str) -> str:
    """The deadline as written, without the verb and preposition around it (GOLD-README
    "Conventions reconciled"): "5月底完成" -> "5月底", "于6月底前完成" -> "6月底前",
    "2016年底前" and "年内持续推进" unchanged (持续推进 states the deadline itself). Whitespace
    is removed; what is left empty by the cut keeps the text as it was."""
    clause = re.sub(r"\s+", "", text or "")
    clause, probe = _without_aim_lead(clause, _probe(clause))  # "力争2024年底前完成" -> "2024年底前" (kinds41)
    listed = _DATE_LIST_RE.match(probe)
    if listed:
        return clause[listed.start("first"):listed.end("first")]
    by = _DATE_BY_RE.match(probe)
    if by:
        return clause[by.start("head"):by.end("head")]
    lead = _LEADING_WORDS_RE.match(probe)
    start = lead.end() if lead else 0
    trail = _TRAILING_VERBS_RE.search(probe, start)
    cut = clause[start:trail.start() if trail else len(clause)]
    season = _SEASON_OF_YEAR_BY_RE.fullmatch(_probe(cut))
    return cut[:season.end("d")] if season else cut or clause


# Blanks a line may hold inside a written date ("4月18 日前", "2023年 6月底前"); never a line break.
_INLINE_BLANKS = "[ \\t\u3000\u00a0\u2002-\u200b]*"


def as_written(deadline: str | None, raw: str) -> str | None:
    """``deadline`` as the raw text ``raw`` writes it, its stray blanks kept ("4月18日前" read from
    "4月18 日前完成" -> "4月18 日前"; GOLD-README "How the files were made", 131). The parser reads
    a text whose blanks next to Chinese characters are dropped; the deadline as written is sliced
    from the measure's raw lines. A deadline broken by a line end (a PDF's wrap, "2023年\n6月底前")
    stays as read: a line end is layout. Returns ``deadline`` when ``raw`` does not hold it."""
    if not deadline or len(deadline) > 80:
        return deadline
    m = re.search(_INLINE_BLANKS.join(re.escape(char) for char in deadline), raw)
    return m.group(0) if m and m.group(0) != deadline else deadline


def is_deadline_clause(text: str) -> bool:
    """True when ``text`` (one clause of an annotation, without its separators) is a deadline
    and nothing else: "5月底完成", "6月底前", "2024年底前", "本意见印发之日起30日内", "每季度末",
    "长期坚持", or a date with 前 and what is due then in a few words ("2024年6月底前出台政策"). "每年" alone, a unit name or a sentence is not."""
    clause = _probe(re.sub(r"\s+", "", text or ""))
    clause = _without_aim_lead(clause, clause)[1]
    return bool(clause) and clause not in ("年", "每年") and bool(
        _DEADLINE_CLAUSE_RE.match(clause) or _DATE_BY_RE.match(clause) or _DATE_LIST_RE.match(clause))


_BY_WORDS_RE = re.compile(r"前|底|末|年内|完成|办结|到位|见效")
_BARE_LINE_CHARS = 24


def bare_deadline_line(text: str) -> str | None:
    """The deadline as written of a line that is only a deadline, without caption or bracket,
    under a finished item ("二、强化督查。" then "年底前完成。": a web page's <br>, a line of its
    own): "年底前", "2023年6月底前", "5月底"; else None. A date alone ("2014年3月5日", a
    signature) or a standing word ("长期坚持") alone is not read so: the line must say by when
    (前, 底, 末, 年内, or what is done then)."""
    clause = re.sub(r"\s+", "", text or "").rstrip("。；;，,")
    if not clause or len(clause) > _BARE_LINE_CHARS or not _BY_WORDS_RE.search(_probe(clause)):
        return None
    return written_deadline(clause) if is_deadline_clause(clause) else None


# A word of time in a caption's value: without one the value is no deadline ("已完成").
_TIME_WORD_RE = re.compile(r"\d|[年月日周季旬]|前|底|末|内|长期|持续|常态|立即|随时|即时|即知|立行")


# A period of recurring work written in a time cell's sentences ("每月上报…", "每季度完成…"; issue 13, deadlines round 3).
_RECURRING_WORD_RE = re.compile(r"每(?:周|旬|个?月|个?季度|季|半年)")
# The longest caption value read as a time as written when the grammar names none of its forms ("2022-2023年度").
_CAPTION_VALUE_CHARS = 20

# A year alone ("2024年", "2024"): the start of a time a line break may have cut from its month.
_BARE_YEAR_RE = re.compile(r"[0-9]{4}\s*年?")


# Where a caption's value ends its first clause: a sentence's or a clause's end.
_CLAUSE_END_RE = re.compile(r"[。；;，,]")


def opening_time(value: str) -> str | None:
    """The time a caption's value opens with, when its first clause is a deadline and nothing else and more follows
    after a sentence's or clause's end ("2017年5月。整改措施：…12月底前完成…" -> "2017年5月", "2017年5月，长期坚持" ->
    "2017年5月"), else None. The caption names that time: a time phrase later in the words (a step of the work, "12月
    底前完成学习") is no deadline of the caption's, which always goes ahead of the running text's (GOLD-README
    "deadlines28": a captioned time beats a time phrase in the text; of two times the first)."""
    clause = re.sub(r"\s+", "", value or "")
    end = _CLAUSE_END_RE.search(clause)
    if end is None or end.start() == 0:
        return None
    first = clause[:end.start()]
    return written_deadline(first) if is_deadline_clause(first) else None


# A time that names a month or a day of one ("8月上旬", "2024年6月15日", "6月底前"), not a year or a part of one alone.
_NAMED_MONTH_RE = re.compile(r"\d{1,2}月|[一二三四五六七八九十]{1,3}月(?!份)|[上中下]旬")
# A time that says by when: a date closed by 前 ("2021年2月底前", "6月30日之前").
_BY_CLOSE_RE = re.compile(r"(?:之|以)?前$")
# A month's date going on at once with the work done then ("2021年2月公布…", "2024年6月30日上线运行"); not a span, a list
# or a start ("2月至6月", "2月、8月", "2月起", "2月份").
_DATED_STEP_RE = re.compile(
    r"(?P<date>(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:上中旬|中下旬|上旬|中旬|下旬|底|末)?(?:前|以前|之前)?)"
    r"(?![份起至到开及和与、\-—－~～年月日\d])[\u4e00-\u9fff]")


# A heading's words on the item's first line, its body on the next ("主要目标\n到2026年，…"): short, with no sentence's or
# clause's end (a line that says something, "推进改革。", is the item's words, never a heading over a body).
_HEADING_LINE_RE = re.compile(r"[ \t\u3000]*[^\n。；;，,：:！!？?]{1,16}[ \t\u3000]*\n(?=\S)")


def _past_heading_line(text: str) -> str:
    """``text`` without a heading's words on its first line (``_HEADING_LINE_RE``), else ``text`` unchanged."""
    heading = _HEADING_LINE_RE.match(text or "")
    return text[heading.end():] if heading else text


def dated_opening(text: str, by_only: bool = False, in_prose: bool = False) -> str | None:
    """The time as written that opens ``text`` (a table's cell or a caption's value) and states by when what follows is
    done, else None. Two ways of opening, tried in this order:

    - its first clause is a time and nothing else, what is done then following after a sentence's or clause's end
      (``opening_time``: "2021年2月底前,群众对…知晓率达90%以上" -> "2021年2月底前", "2017年5月。整改措施：…" -> "2017年5月");
    - a month's date going on at once with the work done then, a step of a schedule ("2021年2月公布预算信息,2021年8月公布
      上年度决算信息" -> "2021年2月", "2024年6月30日上线运行" -> "2024年6月30日"), as "于2023年6月底完成" reads
      "2023年6月底" in prose; never a span, a list or a start ("2月至6月", "2月、8月", "2月起", "2月份").

    ``by_only`` reads the first way only, and only a time closed by 前: a table with no time column whose task or
    目标任务 cell opens so has that row's time (kinds46, 797); a year the goal aims at ("到2025年建成…", "2025年，建成…":
    no 前) is a target, not the row's deadline (GOLD-README "Tables"). Without it, both ways are read: a time cell or a
    caption's value of dated steps gives its first step's date (GOLD-README "fresh42", 784).

    ``in_prose`` reads the first way only, and only a time that names a month or a day ("8月上旬，某市将对…开展复查"
    -> "8月上旬", "2024年6月15日，召开…", "8月至10月，开展…"): a plan's or a notice's item opening so is due then
    (GOLD-README "kinds48", 882), unless its sentence reports what was done ("3月，全县完成了摸底": ``_reports``). A
    year or a part of a year alone ("2023年，…", "上半年，…") is left to ``find_text_deadline``'s rules of aims and
    reports, as before. A stage heading on a line of its own over its work ("动员部署阶段：2026年7月至12月" / "建成…") gives
    its time (``stage_time``), as it does without the work under it; a date opening a reward's condition ("2023年6月30日前
    竣工验收的项目，给予补助", ``_CONDITION_DATE_RE``) is none (branch lists68). A heading's words on a line of their own ("主要目标" / "2026年7月至12月，建成…") open no clause: the
    paragraph under them is the heading's body (GOLD-README wave 15, 298), and its opening is read as the item's (branch
    deadlinematrix52)."""
    if in_prose:
        first, _, body = (text or "").partition("\n")
        if body.strip() and names_a_stage(first):  # "（一）动员部署阶段：8月上旬" over its work (593's time after the colon)
            return stage_time(first)
        text = _past_heading_line(text)
    opening = opening_time(text)
    if in_prose:
        if not opening or not _NAMED_MONTH_RE.search(_probe(opening)):
            return None
        if _CONDITION_DATE_RE.match(_probe(re.sub(r"\s+", "", text))):
            return None  # "2023年6月30日前竣工验收的项目，给予补助": which applicants qualify (branch lists68)
        sentence = re.split(r"[。；;]", _probe(re.sub(r"\s+", "", text))[len(opening):], maxsplit=1)[0]
        return None if _reports(_SCOPE_BEFORE_RE.sub("", sentence)) else opening
    if by_only:
        return opening if opening and _BY_CLOSE_RE.search(_probe(opening)) else None
    if opening:
        return opening
    dated = _DATED_STEP_RE.match(re.sub(r"\s+", "", text or ""))
    return dated.group("date") if dated else None


# A piece that goes on with the figures before its blank ("2016—2017 年底前": the last year's 年 and end typed after a blank,
# branch fresh55): one time, not a second one.
_OF_THE_YEARS_BEFORE_RE = re.compile(r"年[底末]")


def captioned_deadline(value: str) -> str | None:
    """The deadline as written of a caption's value ("完成时限：…", a table's 完成时间 cell): the
    value itself when it is a deadline clause ("2016年底前完成" -> "2016年底前", "全年", "2022"),
    else the first deadline written inside it ("11月底前具备通车条件;…12月底前…" -> "11月底前",
    GOLD-README "Tables"), else the value as written (without its verb). None for an empty value.
    A cell listing two complete times one per line or apart ("2024年6月30日 2024年12月31日", Word
    paragraphs of one cell) names two deadlines: the first is the deadline; a line break inside one
    written time ("2024年" then "6月底前") is layout, and the time is read joined."""
    pieces = (value or "").split()
    if (len(pieces) >= 2 and is_deadline_clause(pieces[0]) and is_deadline_clause(pieces[1])
            and not _BARE_YEAR_RE.fullmatch(pieces[0]) and not _OF_THE_YEARS_BEFORE_RE.match(pieces[1])):
        return written_deadline(pieces[0])
    clause = re.sub(r"\s+", "", value or "")
    if not clause:
        return None
    if is_deadline_clause(clause):
        return written_deadline(clause)
    opening = dated_opening(clause)  # "2017年5月。整改措施：…", "2021年2月公布预算信息,2021年8月公布…": the first step's date
    if opening:
        return opening
    found = find_text_deadline(clause)
    if found:
        return found
    # a schedule of recurring work ("①…每月上报水气环境质量情况…②每季度完成…"): its first period, as written
    recurring = _RECURRING_WORD_RE.search(_probe(clause))
    if recurring:
        return clause[recurring.start():recurring.end()]
    # a value that names no time ("已完成", "分阶段完成", "按上级要求"): no deadline (dl prec); a sentence
    # that names none of the grammar's forms is no time as written either
    if len(clause) > _CAPTION_VALUE_CHARS:
        return None
    return written_deadline(clause) if _TIME_WORD_RE.search(_probe(clause)) else None


_DEADLINE_LINE_RE = re.compile(
    "^(?:" + "|".join(sorted(DEADLINE_LINE_CAPTIONS, key=len, reverse=True)) + r")\s*[：:]\s*(?P<value>.+?)[。；;]?$")


def deadline_caption_line(text: str) -> str | None:
    """The deadline as written of a line that is only a deadline caption and its value
    ("时限要求：年底前" -> "年底前", "时间节点：9月底前完成" -> "9月底前", "时间：2023年12月"), or None
    (the value is no deadline: "时间安排：分三个阶段进行"). Captions: DEADLINE_LINE_CAPTIONS of
    tracker/vocabulary/captions.py, shared with the ledger reader."""
    line = (text or "").strip()
    m = _DEADLINE_LINE_RE.match(_probe(line))
    if m is None:
        return notice_period(line)  # "禁火期：2022年9月12日至2023年4月30日" (a notice's time caption)
    value = line[m.start("value"):m.end("value")]
    if is_deadline_clause(value):
        return written_deadline(value)
    opening = opening_time(value)  # "整改时限：2017年5月，长期坚持": the time the value opens with
    if opening:
        return opening
    # "时限要求：2023年6月底前完成方案，12月底前完成验收": a value that opens with a deadline
    value = re.sub(r"\s+", "", value)
    lead = _LEADING_WORDS_RE.match(_probe(value))
    value = value[lead.end():] if lead else value
    first = _TEXT_DEADLINE_RE.match(_probe(value))
    if first is None:  # "时间：夏季麦收前（5月30日—6月4日）、秋季秋收前（…）": the first season's window (fresh48)
        season = _SEASON_WINDOW_RE.match(_probe(value))
        return value[season.start("d"):season.end("d")] if season else None
    return _text_match(first, _probe(value), value)


_CAPTIONED_PERIOD_RE = re.compile(rf"(?P<caption>{HAN_CLASS}{{1,10}})[ \t\u3000]*[：:][ \t\u3000]*(?P<value>[^。\n]+?)[ \t\u3000]*[。；;]?")


def notice_period(text: str) -> str | None:
    """The period of ``text`` when it is a notice's time caption and a period, nothing else ("禁火期：2022年9月12日至
    2023年4月30日。" -> "2022年9月12日至2023年4月30日"; "禁渔时间：3月1日0时至6月30日24时" -> the whole period; "接访时间：
    1月22日(星期一)上午9:00—11:00" -> the day with its hours; "禁火时间：即日起至10月10日" -> "即日起至10月10日", 自/从 and
    止 dropped), else None. The caption is ``captions.NOTICE_TIME_CAPTION_RE`` (a few words and 时间, 期, 期限, 时段,
    日期, 期间 …); a value that is anything more than the period ("分三个阶段进行", "2023年1月1日至12月31日期间开展检查")
    is none. The due date is the period's end (``parse_due_date``), its year the notice's when the period omits it
    (GOLD-README "notices27"). A traffic-control notice's windows (GOLD-README "periods27"): hours written "17:00时" or
    "4時", parts of the day ("早晨4時至中午12時"), a lunar day in brackets beside the date ("2月20日(正月十六)…"), an end
    written as a bare day ("2022年7月8日6:00时至10日12:00时") are kept as written; of several windows after a semicolon
    ("…17:00时至24:00时;7月9日17:00时至24:00时") the first is the period, and a period followed by the hours of every day
    ("2020年6月11日至2020年6月17日,每日9:00—11:30,14:00—16:30") is the period (``_PERIOD_TAIL``)."""
    m = _CAPTIONED_PERIOD_RE.fullmatch((text or "").strip())
    if m is None or not NOTICE_TIME_CAPTION_RE.fullmatch(_probe(m["caption"])):
        return None
    value = re.sub(r"\s+", "", m["value"])
    period = _PERIOD_RE.fullmatch(_probe(value))
    return value[period.start("d"):period.end("d")] if period else None


def caption_sentence_deadline(text: str) -> str | None:
    """The deadline of the first sentence of a measure's ``text`` that is only a deadline caption and its value,
    written after the measure's words without brackets ("建设平台。时间：2024年" -> "2024年", "…。时限：长期" ->
    "长期", "…；完成时限：2024年底前。"), or None. Such a sentence captions the deadline as an annotation does, so it
    is read before a date in the measure's words (issue 13, deadlines round 3)."""
    sentences = re.split(r"[。；;\n]", _without_refused_periods(text or ""))  # a subsidy's period is none (kinds37)
    opening = notice_period(sentences[0]) if len(sentences) > 1 else None
    if opening:  # "封闭管理期限：4月14日—5月20日。对…实行封闭管理": a notice's item opening with its period
        return opening
    for sentence in sentences[1:]:
        found = deadline_caption_line(sentence)
        if found:
            return found
    return None


_RECURRENCE = (
    ("weekly", re.compile(r"每周|按周|周报")),
    ("monthly", re.compile(r"每月|按月|逐月|月度|各月|次月")),
    # ("2023年第三季度" is one quarter, not every quarter)
    ("quarterly", re.compile(r"每季|按季|各季|(?<![第一二三四1-4])季度(?!前|底|末)")),
    ("yearly", re.compile(r"每年|按年|年度|每半年")),
    ("ongoing", re.compile(r"长期|持续|常态化|经常性")),
)


def _small_cn(numeral: str) -> str:
    """"十二" -> "12", "六" -> "6" (1–31); a numeral that is none ("十十") is left as written."""
    if numeral.count("十") > 1:
        return numeral
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        value = (int(tens.translate(_CN_DIGITS)) if tens else 1) * 10
        value += int(ones.translate(_CN_DIGITS)) if ones else 0
        return str(value)
    return numeral.translate(_CN_DIGITS)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _match_date(m: re.Match, default_year: int | None) -> datetime.date | None:
    if m["iso"]:
        return datetime.date(int(m["iy"]), int(m["im"]), int(m["id"]))
    if m["isom"]:  # "2024-12": the month's last day
        return _month_end(int(m["my"]), int(m["mm"]))
    if m["y"]:
        year = int(m["y"])
        if m["m"]:
            month = int(m["m"])
            if m["xun"]:  # 上旬 ends on the 10th, 中旬 on the 20th (下旬: the month's end)
                return datetime.date(year, month, 10 if m["xun"] == "上旬" else 20)
            return datetime.date(year, month, int(m["d"])) if m["d"] else _month_end(year, month)
        if m["q"]:
            return datetime.date(year, *_QUARTER_END[_QUARTER_NUM[m["q"]]])
        if m["h"] in ("上半年", "年中", "中"):
            return datetime.date(year, 6, 30)
        return datetime.date(year, 12, 31)
    if default_year is None:
        return None
    if m["om"]:
        month = int(m["om"])
        if m["oxun"]:
            return datetime.date(default_year, month, 10 if m["oxun"] == "上旬" else 20)
        return datetime.date(default_year, month, int(m["od"])) if m["od"] else _month_end(default_year, month)
    if m["oq"]:
        return datetime.date(default_year, *_QUARTER_END[_QUARTER_NUM[m["oq"]]])
    if m["oh"]:
        return datetime.date(default_year, 6, 30) if m["oh"] != "下半年" else datetime.date(default_year, 12, 31)
    return datetime.date(default_year, 12, 31)


# A line end inside a written date ("…，2024年" then "6月底前完成。": a page's <br> or a wrap left the
# item's first line looking like a heading): layout, the date joins it (GOLD-README wave 5).
_DATE_LEFT, _DATE_RIGHT, _BLANKS = r"(?:\d年|\d月|\d日)", r"(?:\d{1,2}[月日号]|年?[底末]|前)", "[ \t\u3000]*"
_DATE_BREAK_RE = re.compile(rf"(?<={_DATE_LEFT}){_BLANKS}\n{_BLANKS}(?={_DATE_RIGHT})")
_DATE_LEFT_END_RE = re.compile(rf"{_DATE_LEFT}{_BLANKS}$")
_DATE_RIGHT_START_RE = re.compile(rf"{_BLANKS}{_DATE_RIGHT}")
# A line that ends inside a date begun by its clause ("完善制度，2024年", "务于6月"): the clause goes on.
# (到/至 closing a span's first date, "2026年7月至12月", end a whole time: the line is no date cut; branch deadlinematrix52)
_CLAUSE_DATE_END_RE = re.compile(rf"(?:[，,；;]|于|在|(?<![0-9０-９月日号])(?:到|至)){_BLANKS}(?:\d{{4}}年(?:\d{{1,2}}月)?|\d{{1,2}}月){_BLANKS}$"
                                 rf"|(?:务|须|应|要|并|均|分别)于{_BLANKS}$")  # "…，各单位须于" + "6月底前报送。"


# Whitespace between a date's figures and their unit ("2023" then "年6月底前") or before its closing 前
# ("6月底" then "前"): a page's markup writing each piece of one date in a <span> of its own source line.
_FIGURES_END_RE = re.compile(rf"\d{_BLANKS}$")
_UNIT_START_RE = re.compile(rf"{_BLANKS}[年月日号]")
_BY_END_RE = re.compile(rf"(?:\d[年月日号]?[底末]?|[上中下]旬){_BLANKS}$")
_BY_START_RE = re.compile(rf"{_BLANKS}(?:之|以)?前")
_MONTH_WORD_END_RE = re.compile(rf"(?:每|本|次|下|当|个)个?月的?{_BLANKS}$")  # "每月" / "第1个月的" then "25日前"
# "2025年1月11日-" then "2025年10月底"; from an event, "即日起至" / "通知之日起至" then "2019年2月20日"
_SPAN_DASH_END_RE = re.compile(rf"(?:[\d年月日号底末旬]|起)[—–―\-－−‐~～〜∼至到]{_BLANKS}$")
_FIGURE_START_RE = re.compile(rf"{_BLANKS}\d")
_DAY_START_RE = re.compile(rf"{_BLANKS}\d{{1,2}}[日号]")
_YEAR_END_RE = re.compile(rf"\d年{_BLANKS}$")  # "2024年" then "全年", "上半年", "第三季度", "内"
_YEAR_PART_START_RE = re.compile(rf"{_BLANKS}(?:全年|年?内|度|[上下]半年|第?[一二三四1-4]季度|[春夏秋冬]季)")


def breaks_inside_date(left: str, right: str) -> bool:
    """True when a break between ``left`` and ``right`` (a line end, a Word cell's next paragraph,
    a page's ``<br>``) falls inside one written date: "2024年" then "9月底前", "9月" then "底前完成".
    Such a break is layout, and the two pieces are read joined (GOLD-README wave 5: "2023年" /
    "6月底前" is the deadline "2023年6月底前"). Two whole times ("2024年6月30日" then "2024年12月31日")
    are not one."""
    return bool(_DATE_LEFT_END_RE.search(left or "") and _DATE_RIGHT_START_RE.match(right or ""))


def splits_written_date(left: str, right: str) -> bool:
    """True when source whitespace between ``left`` and ``right`` falls inside one written date:
    where ``breaks_inside_date`` says so, between figures and their unit ("2023" then "年6月底前"),
    before the closing 前 ("6月底" then "前"), between a month word and its day ("每月" then "25日前"),
    between a year and its part ("2024年" then "全年", "第三季度") or after the dash of a span of dates
    ("2025年1月11日-" then "2025年10月底", "3月10日至" then "5月31日", "即日起至" then "2019年2月20日"). A page's markup writes the pieces of one date in
    ``<span>``s on source lines of their own, which a browser shows as "2023年6月底前"; such
    whitespace is layout, never a blank typed in the date (GOLD-README, deadlines round 4)."""
    left, right = left or "", right or ""
    return (breaks_inside_date(left, right)
            or bool(_FIGURES_END_RE.search(left) and _UNIT_START_RE.match(right))
            or bool(_BY_END_RE.search(left) and _BY_START_RE.match(right))
            or bool(_MONTH_WORD_END_RE.search(left) and _DAY_START_RE.match(right))
            or bool(_YEAR_END_RE.search(left) and _YEAR_PART_START_RE.match(right))
            or bool(_SPAN_DASH_END_RE.search(left) and _FIGURE_START_RE.match(right)))


def ends_inside_date(line: str) -> bool:
    """True when ``line`` ends inside a written date its clause has begun ("（三）强化督查，2024年",
    then "6月底前完成。" on the next line), or just before it ("…，各单位须于"): the line is cut by
    layout, not a heading (issue 13)."""
    return bool(_CLAUSE_DATE_END_RE.search(line or ""))
# A heading naming the year its tasks are for ("2020年任务：", "2024年：", "2025年工作目标:", "2021年度重点任务"):
# at the start of a clause, the year, at most a few words ending in a period word, then a colon or the end.
# A timetable's window of months in one year, standing as the line under its step's title ("01 制定普查方案" / "2018年1月-9月",
# GOLD-README "numbers67"), names that year too.
_PERIOD_HEADING_RE = re.compile(
    r"(?:^|(?<=[。；;：:\n，,）)]))[ \t\u3000]*(?P<y>(?:19|20)\d{2})\s*年度?"
    rf"(?:{HAN_CLASS}{{0,6}}(?:任务|工作|目标|安排|计划|重点)"
    r"|(?:1[0-2]|0?[1-9])月?\s*[-－—–~～至到]\s*(?:1[0-2]|0?[1-9])月份?)?[ \t\u3000]*(?:[：:]|$)")


def period_year(text: str) -> int | None:
    """The year of the last period heading in ``text`` ("…。2019年任务：一是…。2020年任务：" -> 2020;
    "2024年：" -> 2024; "2025年工作目标" alone -> 2025; a window "2018年1月-9月" alone -> 2018), or None when it holds none ("近期", "中期" name no
    year). A year-less deadline under such a heading ("2020年任务：一是4月底前…" in a plan issued in 2019)
    falls in the heading's year, not in the year of issue (GOLD-README "Deadlines", issue 13)."""
    found = None
    for m in _PERIOD_HEADING_RE.finditer((text or "")[-DEADLINE_WINDOW:]):
        found = int(m["y"])
    return found


# A goal clause inside a measure, after words of its own ("建设充电设施。工作目标：到2025年建成500个。"): its caption
# (GOAL_CLAUSE_CAPTIONS, tracker/vocabulary/captions.py) and its words up to the sentence's end. Its years are targets.
_GOAL_CLAUSE_RE = re.compile(
    r"(?<=[。；;，,\s）)])(?:" + "|".join(sorted(GOAL_CLAUSE_CAPTIONS, key=len, reverse=True))
    + r")[ \t\u3000]*[：:][^。；;\n]*")


def _without_goal_clauses(text: str) -> str:
    """``text`` with each goal clause (``_GOAL_CLAUSE_RE``) blanked, same length: the target years written there
    ("任务目标：2026年完成改造") are not the measure's deadline (issue 13, deadlines round 3)."""
    return _GOAL_CLAUSE_RE.sub(lambda m: m.group(0) if _opens_its_line(text, m.start()) else "　" * len(m.group(0)), text)


# A refused time caption (``captions.REFUSED_TIME_CAPTION``: a subsidy's 活动时间, a coupon's 使用时间, 申领时间, 补贴期限) with
# its value up to the sentence's end ("消费券使用时间：2023年1月20日-3月31日", "活动时间为2022年6月8日-6月30日"), or standing as
# the item's heading line with the line under it ("消费券的发放时间" / "2023年5月份每周五…发放"): when people may act, no deadline.
_CAPTIONED_VALUE = r"[ \t\u3000]*(?:(?:为|是|[：:])[^，,。；;\n]*|(?=\n)\n[^\n]*|$)"
_REFUSED_PERIOD_RE = re.compile(rf"(?:^|(?<=[\n。；;，,（(]))[ \t\u3000]*{REFUSED_TIME_CAPTION}{_CAPTIONED_VALUE}")
# (a bare 活动时间 beside such a caption in the same item is the promotion's: ``captions.PROMOTION_TIME_CAPTION``)
_PROMOTION_ITEM_RE = re.compile(rf"{REFUSED_TIME_CAPTION}|{SUBSIDY_NOUNS}")
_PROMOTION_PERIOD_RE = re.compile(rf"(?:^|(?<=[\n。；;，,（(]))[ \t\u3000]*{HAN_CLASS}{{0,6}}?{PROMOTION_TIME_CAPTION}{_CAPTIONED_VALUE}")


# A policy's term: a date opening its clause (到/至/在/于 and 前 aside), then the relief the policy gives a group ("2025年12月31日前，
# 对从事二手车经销的纳税人…减按0.5%征收增值税", "到2030年前，对…充换电设施用电免收需量电费", ``captions.RELIEF_WORDS``) or the policy
# carried on ("在2025年12月31日前，继续执行…优惠政策"): how long people benefit, like 108's "…至…实施阶段性下调" and a subsidy's
# period (314), no deadline; work the office must finish by then ("对…完成减免退税") is not a relief (branch kinds38).
_POLICY_TERM_RE = re.compile(
    rf"(?:^|(?<=[\n。；;，,：:]))[ \t\u3000]*(?:到|至|在|于)?{_TEXT_DATE}(?:[底末])?(?:前|之前|以前)?(?=[，,]?(?:继续)?"
    rf"(?:对(?:(?!完成|兑现|兑付|拨付|到位)[^。；;\n]){{0,80}}?(?:{RELIEF_WORDS})|(?<=继续)(?:执行|实施)[^。；;\n]{{0,40}}?政策|延续[^。；;\n]{{0,40}}?政策))")

# A date inside a reward's condition: the clause closed by 的 (and at most a few words naming who, "的企业") and a comma, then
# what is given ("对…2019年4月30日前（含4月30日）获得国内发明专利授权的，每件给予资助1万元", "2020年底前通过认定的企业，给予奖励",
# ``captions.AWARD_WORDS``): which applicants qualify, no deadline; its bracketed "（含4月30日）" goes with it. Work the
# office must finish ("各区于2022年6月底前完成摸底调查") closes with no such clause and stays a deadline (branch lists68).
_CONDITION_DATE_RE = re.compile(
    rf"(?:(?:到|至|在|于)?{_TEXT_DATE}(?:[底末])?(?:前|之前|以前|后|之后|以后)?(?:[（(]含[^（()）\n]{{1,12}}[）)])?)"
    rf"(?=[^。；;，,\n]{{0,60}}?的[^。；;，,\n的]{{0,8}}[，,][^。；;\n]{{0,16}}?(?:{AWARD_WORDS}))")


def _blank(m: re.Match) -> str:
    return "".join(c if c == "\n" else "　" for c in m.group(0))


def _without_refused_periods(text: str) -> str:
    """``text`` with each refused time caption and its value blanked, same length (``_REFUSED_PERIOD_RE``): the period a
    subsidy or a promotion leaves people to act in is not when the office must finish, nor is a policy's term, the date
    before the relief it gives (``_POLICY_TERM_RE``: "2025年12月31日前，对…减按0.5%征收增值税", branch kinds38); in an item that captions such a
    period or names a subsidy (``_PROMOTION_ITEM_RE``), a bare 活动时间 is the promotion's and is blanked too (GOLD-README
    "kinds37"); a date naming which bodies a rule covers, "对2025年12月31日前已开办的企业" (``_SCOPE_BEFORE_RE``), is blanked
    too, so that its 已 does not make the item's own time read as a report (branch fresh54); a date inside a reward's
    condition, "…2019年4月30日前获得…授权的，每件给予资助1万元" (``_CONDITION_DATE_RE``), is blanked too (branch lists68)."""
    blanked = _SCOPE_BEFORE_RE.sub(_blank, _POLICY_TERM_RE.sub(_blank, _REFUSED_PERIOD_RE.sub(_blank, text)))
    blanked = _CONDITION_DATE_RE.sub(_blank, blanked)
    return _PROMOTION_PERIOD_RE.sub(_blank, blanked) if _PROMOTION_ITEM_RE.search(text) else blanked


def is_promotion_period(line: str, item_text: str) -> bool:
    """True when ``line`` (a caption line read as the item's deadline, "活动时间：2022年10月1日-12月31日") is a bare 活动时间
    and its value, and the item (``item_text``, the line included or not) names a subsidy or captions a period people act
    in (``_PROMOTION_ITEM_RE``): the promotion's period, no deadline (GOLD-README "kinds37"). An office's campaign
    (855 `一、活动时间`) names none of these."""
    probe = _probe((line or "").strip())
    return bool(_PROMOTION_PERIOD_RE.match(probe)) and bool(_PROMOTION_ITEM_RE.search(_probe(f"{item_text}\n{line}")))


def _opens_its_line(text: str, at: int) -> bool:
    """True when only blanks stand between the start of ``text``'s line and ``at``: a goal caption on a line of its own
    is the item's caption under its title (a 民生实事 page's ``任务目标：2024年计划…``), not a clause after its words."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip(" \t\u3000")


# The characters of a time written after a stage's colon ("总结验收阶段：2023年12月", "第一阶段：2023年3月—5月"; branch
# deadlines30): figures, date words and dashes only, so that a heading with work of its own after its colon is no stage.
# (and 份 of "9月份", 即日起 of a window from today: branch deadlinematrix52)
# (and a template's year, "20xx年7月至12月": GOLD-README "fresh48")
# (and a window's 开始, its festival end, "2026年12月至2027年春节前", a template's two marks, "××年": branch fresh52)
_STAGE_TIME_CHARS = rf"(?:[0-9０-９〇○零一二三四五六七八九十年月日号底末前至到—–―\-－−‐~～〜∼上中下旬半季度份即起xXｘＸ×_＿*＊，,]|开始|{_SEASON})"
# A heading that names a stage or a term of the plan and nothing else ("近期", "第一阶段", "近期任务", "动员部署阶段",
# "攻坚期"), its time in brackets or not ("（一）近期（2024年底前）": the bracket is read as the heading's annotation).
# (a name of two phrases joined by a comma, "发动部署，宣传发动阶段（6月15日前）", "第一阶段：宣传发动，制定方案（…）"; its window
# after a comma or a full stop, "集中整治阶段，2025年4月1日—6月30日。", "整改提高阶段。9月13日至10月16日。", then a lead-in counting
# the items under it, "主要有三个环节："; GOLD-README "stages58")
_STAGE_LEAD_IN = r"(?:(?:主要有|共有|共分|分为|分)?[一二两三四五六七八九十0-9]{1,2}个?(?:环节|步骤|步|方面|项)[：:。.]?)"
_STAGE_HEADING_RE = re.compile(
    rf"(?:近期|中期|远期|短期|中长期|第[一二三四五六七八九十0-9]{{1,2}}(?:阶段|步|批)|(?:{HAN_CLASS}{{2,8}}[，,])?{HAN_CLASS}{{2,8}}阶段"
    r"|(?:准备|动员|启动|实施|推进|攻坚|巩固|提升|提高|深化|收尾|试点|过渡|整治|验收|总结){1,3}期)"
    r"(?:任务|目标任务|重点任务|工作任务|工作|实施)?(?:[（(](?P<time>[^（()）]{2,30})[）)])?"
    rf"(?:[：:](?:(?P<colon_time>{_STAGE_TIME_CHARS}{{2,30}})"
    rf"|[{HAN}、]{{2,12}}(?:[，,][{HAN}、]{{2,12}})?(?:[（(](?P<named_time>[^（()）]{{2,30}})[）)])?)"
    rf"|[，,。.](?P<comma_time>{_STAGE_TIME_CHARS}{{2,30}}))?[。.：:]?{_STAGE_LEAD_IN}?"
    # a heading whose whole text is a window of months or days ("2025年4月—6月", "4月1日至6月30日"): a stage named by its time
    rf"|(?P<window_time>(?=.*月){_STAGE_DATE}(?:——|--|[—–―\-－−‐~～〜∼至到]){_STAGE_DATE})[：:。.]?")


def names_a_stage(text: str) -> bool:
    """True when ``text`` (a heading's words, without its number) names a stage or term of the plan and nothing
    else: "近期", "第一阶段（2024年6月底前）", "近期任务", "集中整治阶段", its time after a colon ("集中整治阶段：2016年12月1日
    至2017年1月31日"), two stage words ("巩固提高期"; branch deadlines30). The time of such a heading covers the
    items under it: an item without a deadline of its own takes the heading's (issue 13, deadlines round 3:
    "（一）近期（2024年底前）" over "1.完成平台建设。"); a heading with work of its own ("一、重点任务（2023年6月底前
    完成）") keeps its deadline to itself (GOLD-README wave 5, round 2). Traditional characters read as simplified
    ("動員部署階段", ``han.simplified``; branch variants64)."""
    return bool(_STAGE_HEADING_RE.fullmatch(simplified(re.sub(r"\s+", "", text or ""))))


def stage_time(text: str) -> str | None:
    """The time written in brackets (or after the colon) in a stage heading (``names_a_stage``) when the heading's own reading found
    none: "近期（2024—2025年）" -> "2024—2025年" (a span of years alone in brackets is no annotation), else None."""
    written = re.sub(r"\s+", "", text or "")
    m = _STAGE_HEADING_RE.fullmatch(simplified(written))  # same length: the time is taken as written
    group = m and next((g for g in ("time", "named_time", "colon_time", "comma_time", "window_time") if m[g]), None)
    if not group:
        return None
    time = written[m.start(group):m.end(group)]
    if is_deadline_clause(time):
        return written_deadline(time)
    span = re.fullmatch(rf"(?:到|至)?(?P<d>{_YEAR_SPAN}|\d{{4}}[—–―\-－−‐~～〜∼至到]\d{{4}})", time)
    return span["d"] if span else None


#: Characters of a measure's text in which its deadline is looked for (see find_text_deadline).
DEADLINE_WINDOW = 20_000


# A time the words before a bracket name, closed by 前 or 期间 ("夏季麦收前", "秋收期间"), and a window of dates alone inside the
# bracket: the bracket dates that time (GOLD-README "fresh48").
_NAMED_TIME_END_RE = re.compile(rf"(?:{HAN_CLASS}前|期间)$")
_WINDOW_ONLY_RE = re.compile(rf"(?:{_POINT}){_WINDOW}")
# A caption's value opening with a named time and its window in brackets ("夏季麦收前（5月30日—6月4日）、…").
_SEASON_WINDOW_RE = re.compile(rf"{HAN_CLASS}{{1,8}}?(?:前|期间)[（(](?P<d>(?:{_POINT}){_WINDOW})[）)]")


def names_a_window_of(before: str, body: str) -> bool:
    """True when a bracket holding ``body`` after the words ``before`` gives the window of the time those words name
    ("时间：夏季麦收前（5月30日一6月4日）、秋季秋收前（9月20日一9月30日）": each bracket dates its season), so it is part of the
    sentence and no annotation of the item: the sentence's first window is then its deadline as written (1025's festival
    window; of two windows the first). ``before`` ends with a named time closed by 前 or 期间 and ``body`` is one window of
    dates and nothing else (GOLD-README "fresh48"). Looks at the last characters of ``before`` only."""
    return (bool(_NAMED_TIME_END_RE.search(simplified(before.rstrip()[-8:])))
            and bool(_WINDOW_ONLY_RE.fullmatch(_probe(body.strip()))))


def find_text_deadline(text: str, issued_on: datetime.date | None = None) -> str | None:
    """The first deadline of a measure's ``text``, as written (issue 13: of two deadlines in one
    measure, "2021年2月3日前…2月7日前", the first is the deadline), or None.

    The forms are ``_TEXT_FORMS``: a period counted from the document ("本实施意见施行后一年内"),
    a horizon ("三年内", "今后五年", "力争用3年时间" -> "3年时间"), a periodic deadline ("每年年底",
    "每月5日前", "每季度末"), a date by which ("2023年6月底前", "年底前", "二〇二三年六月底前"),
    "年内", a target ("到2025年，" -> "2025年"; "2025年，力争…" opening a sentence), a span of
    dates on a line of its own, and "长期坚持"/"持续推进" standing as a clause. Not deadlines:
    "每年" alone, start dates ("2024年起"), service time limits ("14个工作日内"), quotas over a
    period ("5年内累计"), a scoring rule's period ("年内无案例不得分", a 考核细则's criterion), results reported ("2022年，全市完成…同比增长"), "2023年度",
    a horizon in a title ("今后五年主要目标和重点任务"), which bodies a rule covers ("…前在省民政厅登记的"), an estimate ("预计，2020年…").

    With ``issued_on`` (the document's date), a time with its year that lies before it is what
    happened, not what is due ("截至2023年底，全省累计建成…" or "2023年，全市新建…" in a 2024 plan): it is
    passed over and the next deadline is read (``is_past_report``).

    Only the first ``DEADLINE_WINDOW`` characters are read: a measure is a few hundred characters,
    and one far longer has swallowed the text after it (a list numbered past 999, a file without
    headings), where a deadline that far in is not its own. The grammar costs about 10 µs a
    character, so this keeps a hostile file's parse within seconds (bench/upload_memory.py).
    """
    # "2024年" / "6月底前" (a <br>, a wrap): one date; a site's pinyin readings ("截止時(shí)間為…") are layout
    text = _DATE_BREAK_RE.sub("", without_readings((text or "")[:DEADLINE_WINDOW]))
    probe = _without_refused_periods(_without_goal_clauses(_LINE_BULLET_RE.sub("\n", _probe(text))))
    ends = _ClauseEnds(probe)  # each sentence's end found once, however many times it names (kinds41)
    fixed_day = None  # the day a notice fixes for the item's own event: its time only when it writes no other (fresh54)
    for m in _TEXT_DEADLINE_RE.finditer(probe):
        written = _text_match(m, probe, text, ends)
        if written and not _before_issue(written, issued_on):
            if any(m.group(f"fixed_day{i}") is not None for i in _FIXED_DAY_FORMS):
                fixed_day = fixed_day or written
                continue
            return written
    return fixed_day


# A bullet opening a line of a measure's text ("?2019年建成…；", "•开通…"): layout, read as the line's start, so a time
# opening the bulleted line reads as one opening a line (GOLD-README "units30").
_LINE_BULLET_RE = re.compile(rf"(?:^|(?<=\n))[{re.escape(BULLETS)}]")
_GOAL_OPENING_RE = re.compile(rf"[ \t\u3000]*{_GOAL_OPENING}")


def goal_opening_year(text: str) -> str | None:
    """The year a goal cell opens with, as written ("2024年度计划对城区12个老旧小区进行改造" -> "2024年度", "2024年计划
    改造完成农村公路50公里" -> "2024年"), when what follows in its sentence aims at something or plans the work and
    reports nothing done (``_goal_aims``); else None. A table's 任务目标 column beside the row's title, with no time
    column (a 民生实事 or 重点项目 table: 序号 | 项目名称 | 牵头单位 | 责任单位 | 任务目标), gives the row this year as its
    deadline, as the same goal written as a caption line under a project's title does (the form ``goal_year``;
    GOLD-README wave 7 and "deadlines28"). A year inside the sentence ("较2023年提高2个百分点", "到2026年…") or one that
    reports ("2023年已完成…", "2023年以来") is none."""
    probe = _probe(text or "")
    m = _GOAL_OPENING_RE.match(probe)
    if m is None:
        return None
    clause = re.split(r"[。；;\n]", probe[m.end():], maxsplit=1)[0]
    return (text or "")[m.start("d"):m.end("d")] if _goal_aims(clause) else None


# A year alone as a deadline ("2016年"), and the words that make a year inside a text the one a target aims at ("到2020年").
_YEAR_ALONE_RE = re.compile(r"\d{4}年")
_YEAR_AIMED_AT_RE = re.compile(r"(?:到|至|在|于|力争|争取|确保)$")


def year_of_a_figure(text: str) -> bool:
    """Is the first time the words ``text`` name (``find_text_deadline``) a year alone written inside them, after other
    words and not aimed at ("重点用于职工分流安置,2016年安排500亿元": the year of a share of an amount named before)? A task
    cell of a table with no time column gives its row no deadline then (GOLD-README "Tables": never a date of the task
    cell; "fresh42", 780; wave 24, 878). A year opening the cell ("2022年,全市新建…"), a target's year ("到2020年,…") and
    every other form of time ("年内", "9月底前") are not such years: the cell's time is the row's, as before; nor is a year
    with a time after it ("…,2015年安排300万元,2016年6月底前完成拨付": the row's time is read as before, a past year passed
    over with the plan's date)."""
    text = text or ""
    found = find_text_deadline(text)
    if not found or not _YEAR_ALONE_RE.fullmatch(found):
        return False
    at = text.find(found)
    head = _probe(text[:at]).rstrip(" \t\u3000，,")
    return bool(head) and not _YEAR_AIMED_AT_RE.search(head) and find_text_deadline(text[at + len(found):]) is None


_BY_MARK_END_RE = re.compile(r"前$")
# A deadline that writes its year ("2023年底", "2023年6月", "二〇二三年", "2021—2023年").
_WRITTEN_YEAR_RE = re.compile(r"\d{4}\s*年|[〇○零一二三四五六七八九]{4}年")


def _before_issue(deadline: str, issued_on: datetime.date | None) -> bool:
    """True when ``deadline`` writes its year and the last day it allows is before ``issued_on``:
    a plan sets no target in its own past, so the words report what was done by then. A time
    written with 前 ("2012年10月底前") states a deadline as such and is kept as written."""
    if issued_on is None or not _WRITTEN_YEAR_RE.search(deadline) or _BY_MARK_END_RE.search(deadline):
        return False
    due = parse_due_date(deadline, issued_on.year, issued_on)
    return due is not None and due < issued_on


# The year a proposal is to be done in, named without a day or a 前: "当年", "当年内", "当年度", "本年度", "今年", "年内".
_CRITERION_TIME_RE = re.compile(r"(?:当年度?|本年度?|今年|年度)?内?|年内")


def is_criterion_time(deadline: str | None) -> bool:
    """True when ``deadline`` (as written) names only the year the work is done in, no day and no 前 ("当年", "年内",
    "本年度"): under the conditions of a call for proposals (``captions.is_criteria_heading``: "征集条件" over
    "（二）项目资金来源明确，当年完成投资") it says what a proposal must be, a condition, not when the notice's work is
    due (branch kinds32, extending kinds31's ``_ABLE_RE``). A date by which ("11月10日前") is never one."""
    return bool(deadline) and bool(_CRITERION_TIME_RE.fullmatch(deadline))


def is_past_report(deadline: str | None, text: str, issued_on: datetime.date | None) -> bool:
    """True when ``deadline`` was read from the measure's own ``text`` and names a time, with its
    year, that ends before the document's date ``issued_on``: the plan reports what was done by
    then ("2022年，全市新建…", "截至2023年底，全省累计建成…" in a 2024 plan), it sets no deadline
    (GOLD-README "Deadlines": a target year counts only as a goal). The parser then reads the
    text again with ``find_text_deadline(text, issued_on)``, which passes such times over."""
    if not deadline or issued_on is None or not _before_issue(deadline, issued_on):
        return False
    return deadline in re.sub(r"\s+", "", text or "")


def recurrence_of(deadline: str | None) -> str | None:
    """"weekly", "monthly", "quarterly", "yearly" or "ongoing" for a periodic or standing
    deadline ("每季度" -> "quarterly", "长期坚持" -> "ongoing"), else None."""
    if not deadline:
        return None
    probe = _probe(deadline)
    for name, regex in _RECURRENCE:
        if regex.search(probe):
            return name
    return None


def _count(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    return chinese_numeral_value(text.replace("两", "二"))


def _relative_due(m: re.Match, issued_on: datetime.date) -> datetime.date | None:
    """The end of a period counted from ``issued_on`` ("印发之日起30日内" -> issued_on + 30 days). A period counted from a
    公告, 通告 or 公示 ("公告之日起五个工作日内") counts from a day the text does not fix (the notice it announces may be
    another's, a list's 公示 comes later): None (branch fresh66)."""
    if re.search(_NOTICE_WORD, m.group(0)):
        return None
    count = _count(m["count"])
    if not count:
        return None
    span = m["span"]
    if span in ("日", "天"):
        return issued_on + datetime.timedelta(days=count)
    if span == "工作日":  # five working days a week; holidays are not known here
        weeks, days = divmod(count, 5)
        due = issued_on + datetime.timedelta(weeks=weeks)
        while days:
            due += datetime.timedelta(days=1)
            days -= due.weekday() < 5
        return due
    months = count * (12 if span == "年" else 1)
    month_index = issued_on.month - 1 + months
    year, month = issued_on.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(issued_on.day, calendar.monthrange(year, month)[1]))


# Periodic and standing deadlines: no one due date ("每季度末", "年内持续推进", GOLD-README).
_PERIODIC_RE = re.compile(r"每(?:周|月|季|半年|年)|按(?:周|月|季|年)|各(?:月|季)|次月|持续|长期|常态化")
_BY_MARK_RE = re.compile(r"(?:底|末)?(?:前|之前|以前)")
# Festivals and months counted from an unknown day (GOLD-README wave 5 round 2): no due date.
# A quarter closed by 前 ("二季度前", "第三季度前", "2023年第三季度前", with or without its year): 前 may mean before the
# quarter begins or before it ends, three months apart (GOLD-README wave 19, "kinds48"): no calendar day either.
# "第三季度", "三季度末前", "三季度底前" and "第三季度完成" keep the quarter's end.
_NO_CALENDAR_DAY_RE = re.compile(r"春节|元旦|国庆|中秋|清明|端午|五一|汛|入[冬夏]|供暖|采暖|开学|本月|下月|当月|年初|^月[底末]|[春夏秋冬]季|世纪"
                                 r"|春耕|春播|夏收|夏种|秋收|秋种|三夏|三秋|寒假|暑假|学期|学年"
                                 r"|季度(?:前|之前|以前)")
# A year or a span of years written alone, without 年 (a table's 建设起止年限 cell: "2022-2023").
_BARE_YEARS_RE = re.compile(r"^(?:(?:19|20)\d{2}\s*[—–―\-－−‐~～〜∼至到]\s*)?(?P<y>(?:19|20)\d{2})$")
# A plan's horizon ("三年内", "今后五年", "用3年时间", "2012年起5年内"): no due date of its own.
_HORIZON_RE = re.compile(rf"(?<![\d{_CN_NUM[1:-1]}]){_COUNT_YEARS}年内|(?:今后|未来){_COUNT_YEARS}年|{_COUNT_YEARS}(?:年|个月)(?:左右)?时间")


def _plan_end_year(text: str) -> int | None:
    """The last year of the five-year plan a deadline names ("“十四五”末" -> 2025, "十三五期间" ->
    2020), or None when it names none. The Nth plan began in 1966 + 5 × (N − 3): the third plan
    began in 1966, after the 1963–1965 adjustment, and every plan since has run five years
    (十一五 2006–2010, 十四五 2021–2025, 十五五 2026–2030)."""
    if not (re.fullmatch(rf"(?:到|至)?(?:{_PLAN_END}|{_PLAN_SPAN})(?:前|之前)?", text)):
        return None
    number = 10 + int(_PLAN_NAME_RE.search(text).group(1).translate(_CN_DIGITS))
    return 1966 + 5 * (number - 3) + 4


def parse_due_date(deadline: str | None, default_year: int | None = None,
                   issued_on: datetime.date | None = None) -> datetime.date | None:
    """Derive the due date from a deadline as written.

    ``deadline``: the text after 完成时限/时间节点/完成时间 (or None); ``default_year``: the year
    for deadlines written without one ("6月底前"), normally the plan's signing year;
    ``issued_on``: the document's date, for periods counted from it ("本意见印发之日起30日内" ->
    issued_on + 30 days; it also gives ``default_year`` when that is None).
    Several dates: the first one written as a deadline (followed by 前/之前/以前) is the due date
    ("2012年10月底前，2012年底前" -> 2012-10-31, issue 13; "2016年6月启动，2017年底前完成" ->
    2017-12-31); when none is, the latest one. Periodic and standing deadlines ("每季度末",
    "长期坚持") give None. Returns a ``datetime.date`` or None; never raises.
    """
    try:
        return _due_date(deadline, default_year, issued_on)
    except (ValueError, OverflowError):  # a date that does not exist ("2023年2月30日")
        return None


def _due_date(deadline: str | None, default_year: int | None,
              issued_on: datetime.date | None) -> datetime.date | None:
    """``parse_due_date`` without its guard."""
    if not deadline:
        return None
    if default_year is None and issued_on is not None:
        default_year = issued_on.year
    text = re.sub(r"\s+", "", deadline)
    template = None
    for template in _TEMPLATE_YEAR_RE.finditer(text):
        pass
    if template is not None:  # "20xx年1月10日至3月31日": no year; "20xx年10月至2021年5月": the end's own year (fresh48)
        text, default_year, issued_on = text[template.end():], None, None
    text = _probe(text)
    if _PERIODIC_RE.search(text) and not re.search(r"\d{4}年|[〇○零一二三四五六七八九]{4}年", text):
        return None  # "每年底前", "每季度末", "年内持续推进": a recurring or standing duty has no one due date
    if _NO_CALENDAR_DAY_RE.search(text):
        return None  # "2024年春节前", "本月底前": no calendar day the grammar can fix
    plan_end = _plan_end_year(text)
    if plan_end is not None:  # "“十四五”末", "十三五期间": the plan's last day
        return datetime.date(plan_end, 12, 31)
    if _HORIZON_RE.search(text) and not (issued_on is not None and _RELATIVE_RE.search(text)):
        return None  # "三年内", "今后五年", "2012年起5年内": a horizon names no calendar day
    if issued_on is not None:
        relative = _RELATIVE_RE.search(text)
        if relative:
            try:
                return _relative_due(relative, issued_on)
            except (ValueError, OverflowError):
                return None
    if default_year is not None:  # "明年6月底前", "次年1月底前": the year after the plan's
        text = re.sub(r"明年|次年|翌年", f"{default_year + 1}年", text)
        text = re.sub(r"今年(?=\d|[一二三四五六七八九十]|[底末内])", f"{default_year}年", text)  # "今年6月底前"
        text = re.sub(r"^当年(?=[底末内]|$)", f"{default_year}年", text)  # "当年", "当年内": the year of issue
        text = re.sub(r"本年度?(?=内|[底末]|$)|(?<![\d年])^年度(?=内)", f"{default_year}年", text)  # "本年度内", "本年度"
        # "全年", "全年完成" (a time cell, an annotation's clause): the whole of the plan's year, due at its end as 年内 and
        # 年底前 are; "全年推进", "全年持续推进" stay open (GOLD-README "kinds46")
        text = re.sub(r"^全年(?=完成|办结|落实到位|落实|到位|见效|$)", f"{default_year}年全年", text)
    bare = _BARE_YEARS_RE.match(text)
    if bare:  # a table's time column: "2022", "2022-2023" (GOLD-README: a bare year is 12-31)
        return datetime.date(int(bare["y"]), 12, 31)
    text = arabic_years(text)
    text = re.sub(_LOST_YEAR, r"\g<0>年", text)  # "20251月20日前": the year whose 年 the copy lost
    text = re.sub(r"(?<=\d年)(1[0-2]|0?[1-9])(?=底)", r"\1月", text)  # "2022年8底前": the month whose 月 was lost (fresh66)
    text = _CN_SMALL_RE.sub(lambda m: _small_cn(m.group(0)), text)
    text = _FIGURE_SPAN_YEARLESS_END_RE.sub(r"\1\2\3\4\1\2\5", text)  # "2005.1—4" -> "2005.1—2005.4"
    text = _with_month_of_bare_day_end(_SHORT_SPAN_FIRST_RE.sub(r"\1月", text))
    dates, marked = [], []
    context_year = None  # "2024年3月10日至5月31日": a date without a year takes the year written before it
    for m in _DATE_RE.finditer(text):
        year = context_year or default_year
        # "2023年12月1日—6月15日": a period's year-less end before its start falls in the next year
        # ("12月29日—2月29日" in 2023: the 29th of February of 2024)
        in_span = bool(dates) and not (m["y"] or m["iy"] or m["my"]) and bool(_SPAN_THROUGH_RE.search(text, 0, m.start()))
        found = _date_or_none(m, year)
        if in_span and year is not None and (found is None or found < dates[-1]):
            found = _date_or_none(m, year + 1)
        if found is not None and (m["y"] or m["iy"] or m["my"]):
            context_year = found.year
        if found is not None:
            dates.append(found)
            if _BY_MARK_RE.match(text, m.end()) or m.group(0).endswith(("底", "末")) and text[m.end():m.end() + 1] == "前":
                marked.append(found)
    if marked:
        return marked[0]
    return max(dates) if dates else None


_SPAN_THROUGH_RE = re.compile(r"[至到—–―\-－−‐~～〜∼]")
# The first month of a span that leaves its 月 to the last ("2025年3-6月", "10—12月"): given its 月 before the dates are read,
# so the year before it is the span's and not a date of its own (kinds42: "2025年3-6月" was read as June of 2026).
_SHORT_SPAN_FIRST_RE = re.compile(r"(?<![\d.．/])(\d{1,2})(?=[—–―\-－−‐~～〜∼至到]\d{1,2}月)")
# A span of months written in figures whose end leaves out the year (a schedule's 起止时间 cell: "2005.1—4", "2024.3～6"): the end
# takes the start's year before the dates are read ("2005.1—2005.4"), so the span is due at the end of its last month as
# "2005.8—2006.3" is (GOLD-README "fresh62"). Only after a long dash, a tilde or 至/到: "2005.1-4" stays the day it reads.
_FIGURE_SPAN_YEARLESS_END_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})([.．/])(\d{1,2})([—–―－−~～〜∼至到])(\d{1,2})(?![\d.．/年月日号])")
# A window's end written as a day alone after 至 ("7月8日6:00时至10日12:00时"), and the month written before it.
_BARE_DAY_END_RE = re.compile(r"(?<=[至到—–―\-－−‐~～〜∼])(?=\d{1,2}[日号])|(?<=\d[日号])(?=\d{1,2}[日号])")
_MONTH_BEFORE_RE = re.compile(r"(\d{1,2})月(\d{1,2})[日号]")
_BARE_DAY_RE = re.compile(r"\d{1,2}")


def _with_month_of_bare_day_end(text: str) -> str:
    """``text`` with the month written before a window's bare-day end put in front of that day ("2022年7月8日6:00时至
    10日12:00时" -> "…至7月10日12:00时"): the end takes the month and year before it (GOLD-README wave 11, "periods27");
    a day smaller than the start's runs into the next month ("10月30日20时至2日6时" -> "…至11月2日6时"; after 12月, 1月,
    which the span's rule puts in the next year)."""
    def month_before(m: re.Match) -> str:
        days = _MONTH_BEFORE_RE.findall(text, 0, m.start())
        if not days:
            return ""
        month, day = int(days[-1][0]), int(days[-1][1])
        end = int(_BARE_DAY_RE.match(text, m.start()).group(0))
        return f"{month if end >= day else month % 12 + 1}月"
    return _BARE_DAY_END_RE.sub(month_before, text) if "日" in text or "号" in text else text


def _date_or_none(m: re.Match, year: int | None) -> datetime.date | None:
    """``_match_date`` of ``m`` in ``year``, or None where the date does not exist then ("2023年2月30日")."""
    try:
        return _match_date(m, year)
    except (ValueError, KeyError):
        return None
