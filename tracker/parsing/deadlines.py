"""Deadlines: from the words of a plan ("2016年底前") to a calendar date.

A plan writes its deadlines in many ways; ``deadline`` keeps them as written and ``due_date`` is
derived where the words name a date (CONTRACTS.md §1: "2016年底前" → 2016-12-31):

    2024年6月15日前 → 2024-06-15     2024年6月底前 / 2024年6月 → 2024-06-30
    2016年底前 / 2016年 → 2016-12-31  2024年上半年 → 06-30, 下半年 → 12-31, 年中 → 06-30
    2024年第三季度 → 09-30           2024-06-30, 2024.6.30, 2024/6/30 → that day
    二〇二四年六月底前 (Chinese numerals) → 2024-06-30
    6月底前, 年底前, 年内, 今年, 第一季度, 上半年 (no year) → that month/quarter/year end of ``default_year`` when
    given (the plan's signing year), else None
    长期坚持, 持续推进, 每季度 → None (see ``recurrence_of``)

    本意见印发之日起30日内 → the document's date + 30 days (``issued_on``)
    每季度末, 每月, 长期坚持 → None; "每年" alone is no deadline at all

When several dates are written, the first one written as a deadline (with 前) is the due date
("2012年10月底前，2012年底前" → 2012-10-31; the deadline keeps the whole text as written); a
date without 前 ("2016年6月启动，2017年底前完成") is a step, not the deadline.
"""

from __future__ import annotations

import calendar
import datetime
import re

from ..vocabulary.numbering import chinese_numeral_value

_CN_YEAR_RE = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_CN_SMALL_RE = re.compile(r"[一二三四五六七八九十]{1,3}(?=[月日号])")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_QUARTER_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_DATE_RE = re.compile(
    r"(?P<iso>(?P<iy>\d{4})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2}))"
    r"|(?P<isom>(?P<my>\d{4})[-./](?P<mm>\d{1,2}))(?![-./\d])"
    r"|(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?"
    r"|第?(?P<q>[一二三四1-4])季度|(?P<h>上半年|下半年|年中|中)|(?P<end>年?底|年?末))?"
    r"|(?<![\d年])(?P<om>\d{1,2})月(?:(?P<od>\d{1,2})[日号])?"
    r"|(?<![\d年])第?(?P<oq>[一二三四1-4])季度|(?<![\d年])(?P<oh>上半年|下半年|年中)"
    r"|(?<![\d])(?P<oend>年底|年末|(?<![0-9一二三四五六七八九十两几多半])年内|今年)"
)

# A period counted from the document's issue ("本意见印发之日起30日内", "印发后三个月内").
_CN_COUNT = "[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3}"
_RELATIVE = (rf"(?:本(?:意见|方案|通知|办法|计划|规划|决定)|文件)?(?:印发|发布|出台|实施|施行)"
             rf"(?:之日|后)(?:起)?(?P<count>{_CN_COUNT})个?(?P<span>日|天|工作日|月|年)(?:内|以内)")
_RELATIVE_RE = re.compile(_RELATIVE)

# Deadline-like phrases inside a measure's text (never "2016年以来…" history): a date that
# ends in 前/之前, 年内, or a period word. Seen in the corpus: "2022年10月底前编制并公布"
# (咸阳), "每季度都要开展一次政银企项目对接活动" (seed 002), "按月排名通报" (seed 001).
_TEXT_DATE = (
    r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}月(?:\d{1,2}[日号])?|[上下]半年|第?[一二三四1-4]季度"
    r"|年(?=[底末]))?"
    r"|(?<![\d年])\d{1,2}月(?:\d{1,2}[日号])?|(?:今年)?年)"
)
# A quarter or half of the year without the year ("第一季度", "上半年"): in an annotation clause only.
_YEAR_PART = r"(?:今年|本年度?)?(?:第?[一二三四1-4]季度|[上下]半年|年中)"
_TEXT_DEADLINE_RE = re.compile(
    rf"{_RELATIVE}"
    rf"|{_TEXT_DATE}(?:底|末)?(?:前|之前)"
    r"|(?<![0-9一二三四五六七八九十两几多半])年内"
    r"|每个?(?:季度|季)(?:第[1-3一二三]个月|最后一个月)的?\d{1,2}[日号](?:前|之前)?"
    r"|每(?:个)?月\d{1,2}[日号](?:前|之前)?"
    r"|每(?:周|月|季度|季|半年)(?:末|底)?|每年(?:底|末)(?:前)?|按(?:周|月|季度|季|年)"
    r"|(?<=到)(?:\d{4}年(?:\d{1,2}月)?(?:底|末)?)(?=[，,。；;])"
    r"|(?<=[（(，,。；;\s])(?:长期坚持|持续推进)(?=[）)，,。；;]|$)|^(?:长期坚持|持续推进)$"
)
# A clause that is a deadline and nothing else, as annotations write it after their units
# ("（市财政局，5月底完成）", "（A、B，6月底前）", "（C负责，长期坚持）"): a date with 底/末/前, 年内,
# a period counted from the document ("本意见印发之日起30日内"), a period word ("每季度末"), or a
# standing one ("长期坚持", "持续推进"), optionally closed by what is to be done by then (完成, 办结).
_DEADLINE_CLAUSE_RE = re.compile(
    rf"^(?:于|在)?(?:{_TEXT_DATE}(?:底|末|中旬|上旬|下旬|中)?(?:前|之前|以前)?|{_YEAR_PART}(?:末|底)?(?:前|之前)?"
    rf"|年底前|年内|{_RELATIVE}"
    r"|每(?:周|月|季度|季|半年|年)(?:末|底)(?:前)?|(?:每年|每半年)?(?:\d{1,2}月)(?:底|末)?(?:前)?)"
    r"(?:前)?(?:完成|办结|落实到位|落实|到位|见效|启动|出台|取得成效)*$"
    r"|^(?:年内|全年|今年)?(?:长期坚持|持续推进|长期推进|持续开展|常态化推进|长期|持续)$"
    r"|^全年$"
    rf"|^{_TEXT_DATE}(?:底|末)?[—\-－~～至到]{_TEXT_DATE}(?:底|末)?(?:前)?$"
)
# A date "by" which (前) followed by what is to be done then, in a few words ("2024年6月底前出台政策",
# "年底前完成验收"): the clause is a deadline; as written it is the date and its 前.
_DATE_BY_RE = re.compile(
    rf"^(?:务必于|务于|须于|应于|于|在|到|至)?(?P<head>(?:{_TEXT_DATE}(?:底|末|中旬|上旬|下旬)?|{_YEAR_PART}(?:末|底)?"
    r"|年底|年末)(?:前|之前|以前))[\u4e00-\u9fff]{0,10}$"
)


_LEADING_WORDS_RE = re.compile(r"^(?:务必于|务于|须于|应于|于|在|到|至)")
_TRAILING_VERBS_RE = re.compile(r"(?:完成|办结|落实到位|落实|到位|见效|启动|出台|取得成效|报送|上报)+$")


def written_deadline(text: str) -> str:
    """The deadline as written, without the verb and preposition around it (GOLD-README
    "Conventions reconciled"): "5月底完成" -> "5月底", "于6月底前完成" -> "6月底前",
    "2016年底前" and "年内持续推进" unchanged (持续推进 states the deadline itself). Whitespace
    is removed; what is left empty by the cut keeps the text as it was."""
    clause = re.sub(r"\s+", "", text or "")
    by = _DATE_BY_RE.match(clause)
    if by:
        return by["head"]
    cut = _TRAILING_VERBS_RE.sub("", _LEADING_WORDS_RE.sub("", clause))
    return cut or clause


def is_deadline_clause(text: str) -> bool:
    """True when ``text`` (one clause of an annotation, without its separators) is a deadline
    and nothing else: "5月底完成", "6月底前", "2024年底前", "本意见印发之日起30日内", "每季度末",
    "长期坚持", or a date with 前 and what is due then in a few words ("2024年6月底前出台政策"). "每年" alone, a unit name or a sentence is not."""
    clause = re.sub(r"\s+", "", text or "")
    return bool(clause) and clause not in ("年", "每年") and bool(
        _DEADLINE_CLAUSE_RE.match(clause) or _DATE_BY_RE.match(clause))


_RECURRENCE = (
    ("weekly", re.compile(r"每周|按周|周报")),
    ("monthly", re.compile(r"每月|按月|逐月|月度")),
    ("quarterly", re.compile(r"每季|按季|季度(?!前|底|末)")),
    ("yearly", re.compile(r"每年|按年|年度|每半年")),
    ("ongoing", re.compile(r"长期|持续|常态化|经常性")),
)


def _small_cn(numeral: str) -> str:
    """"十二" -> "12", "六" -> "6" (1–31)."""
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
        return datetime.date(default_year, month, int(m["od"])) if m["od"] else _month_end(default_year, month)
    if m["oq"]:
        return datetime.date(default_year, *_QUARTER_END[_QUARTER_NUM[m["oq"]]])
    if m["oh"]:
        return datetime.date(default_year, 6, 30) if m["oh"] != "下半年" else datetime.date(default_year, 12, 31)
    return datetime.date(default_year, 12, 31)


def find_text_deadline(text: str) -> str | None:
    """The first deadline-like phrase of a measure's ``text``, as written (issue 13: of two
    deadlines in one measure, "2021年2月3日前…2月7日前", the first is the deadline).

    Only forms that set a deadline or a period count: "2024年6月底前", "2016年底前",
    "6月底前", "年内", "每季度", "每月28日前", "每个季度第1个月的20日前", "按月", a target
    year ("到2025年，…" -> "2025年", "到2023年底，" -> "2023年底"), and "长期坚持"/"持续推进"
    standing as a clause of their own. Dates told as history ("2016年以来", "截至20xx年底") are
    not deadlines. Returns None when there is none.
    """
    m = _TEXT_DEADLINE_RE.search(text or "")
    return m.group(0) if m else None


def recurrence_of(deadline: str | None) -> str | None:
    """"weekly", "monthly", "quarterly", "yearly" or "ongoing" for a periodic or standing
    deadline ("每季度" -> "quarterly", "长期坚持" -> "ongoing"), else None."""
    if not deadline:
        return None
    for name, regex in _RECURRENCE:
        if regex.search(deadline):
            return name
    return None


def _count(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    return chinese_numeral_value(text.replace("两", "二"))


def _relative_due(m: re.Match, issued_on: datetime.date) -> datetime.date | None:
    """The end of a period counted from ``issued_on`` ("印发之日起30日内" -> issued_on + 30 days)."""
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
_PERIODIC_RE = re.compile(r"每(?:周|月|季|半年|年)|按(?:周|月|季|年)|持续|长期|常态化")
_BY_MARK_RE = re.compile(r"(?:底|末)?(?:前|之前|以前)")


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
    if not deadline:
        return None
    if default_year is None and issued_on is not None:
        default_year = issued_on.year
    text = re.sub(r"\s+", "", deadline)
    if _PERIODIC_RE.search(text) and not re.search(r"\d{4}年|[〇○零一二三四五六七八九]{4}年", text):
        return None  # "每年底前", "每季度末", "年内持续推进": a recurring or standing duty has no one due date
    if issued_on is not None:
        relative = _RELATIVE_RE.search(text)
        if relative:
            try:
                return _relative_due(relative, issued_on)
            except (ValueError, OverflowError):
                return None
    text = _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    text = _CN_SMALL_RE.sub(lambda m: _small_cn(m.group(0)), text)
    dates, marked = [], []
    for m in _DATE_RE.finditer(text):
        try:
            found = _match_date(m, default_year)
        except (ValueError, KeyError):
            found = None
        if found is not None:
            dates.append(found)
            if _BY_MARK_RE.match(text, m.end()) or m.group(0).endswith(("底", "末")) and text[m.end():m.end() + 1] == "前":
                marked.append(found)
    if marked:
        return marked[0]
    return max(dates) if dates else None
