"""Header metadata of a plan: title, 文号 (doc_number), 发文机关 (issuer), signing date.

General rules, checked against seed 003 (a notice that forwards a plan):
- doc_number: a 文号 "XX发〔YYYY〕N号" in the header, preferring a line that is only the 文号;
  whitespace removed ("渝府办发〔 2016〕110号" -> "渝府办发〔2016〕110号"); brackets as written.
- issued_on: a line that is only a date in 年月日 form ("2016年6月20日", "二〇一六年六月二十日"),
  or the signature on one line ("XX市人民政府办公室  2014年3月5日"), in the header, else near the end,
  else a signature block anywhere (an issuer line, then the date: a notice signed before its
  annexes, 附件 after it; a date alone after 特此通知 or above （此件公开发布）/抄送/附件: ``signature_at``);
  a web page's "发布日期 :2016-06-23", a news page's "2020-05-06 来源：…" and a date-only line above
  the title are publication dates, never the signing date (GOLD-README), nor is the
  "…2014年3月6日印发" line.
  A file holding a cover notice (印发/转发) and the plan is dated by the notice's signature, the day
  the plan was issued to the offices; the plan's own date counts only when the notice has none
  (GOLD-README "Deadlines").
- year of issue (``issue_year``): the signing date's year, else the year of the plan's own 文号
  ("〔2014〕" on a line of its own or after 发文字号：, ``own_doc_number``; a 文号 the header only
  cites is another document's), which is enough for deadlines written without a year ("5月底前").
- a page's metadata kept as text: "成文日期：2018年12月07日", "| 成文日期 | 2018-12-07 |", or the
  caption alone with its value on the next line ("• 发文日期:" / "2024年04月06日 16:40").
- issuer: the line just above that date line when it names a body (ends in 办公厅, 人民政府,
  委员会, 局, …), else another such line in the header, else the part of a notice title before
  "关于" ("重庆市人民政府办公厅关于印发…的通知").
- title: the title standing after what closes a cover notice (its signature date, （此件公开发布）, an
  附件 label: the plan's own title or its table's caption, branch titles), else a standalone line naming
  the plan (ends in 方案/计划/意见/办法/通知/讲话/…), preferring the plan's own title over the notice
  "关于印发X的通知" (whose X is used when no line names the plan alone); else the Markdown front-matter
  title (seed 004); else the first short heading-like header line ("关于2023年全国金融工作会议", seed 002).
  A title wrapped over lines is joined while a line cannot end it (an open 《, 关于 with no ending word
  yet, an issuer's line above 关于…), the lines only continuing it are no titles; a title glued after a
  signature date in a run-on copy is split off; an edition line ("（2025年版）") completes the title above;
  a page's layout label (文章正文, 打印本页), a site's column name alone on its line (政策文件, 通知公告, 部门文件) and a
  line without four Chinese characters (a site's 索引号 value) are never a title.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .cleaning import Line
from ..vocabulary.han import HAN_CLASS

DOC_NUMBER_RE = re.compile(
    rf"{HAN_CLASS}{{1,12}}\s*[〔［\[【（(]\s*(?:19|20)\d{{2}}\s*[〕］\]】）)]\s*\d{{1,4}}\s*号"
)
_DATE_LINE_RE = re.compile(r"^[（(]?(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[）)]?$")
_CN_DATE_LINE_RE = re.compile(
    r"^[（(]?(?P<y>[〇○零OＯ0０一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?P<d>[一二三四五六七八九十]{1,3})日[）)]?$"
)
# (a traffic police detachment signs a 交通管制通告: "淄博市公安局交通警察支队", "某县公安局交通警察大队"; branch periods27)
ISSUER_SUFFIXES = (
    "办公厅", "办公室", "人民政府", "委员会", "领导小组", "政府", "党委", "局", "厅", "委", "部",
    "署", "办", "院", "行", "中心", "公司", "警察支队", "警察大队",
)
PLAN_SUFFIXES = (
    "方案", "计划", "意见", "办法", "通知", "规划", "纲要", "细则", "要点", "措施", "决定", "规定",
    "讲话", "报告", "清单", "安排", "指引", "指南", "纪要", "通报", "分工",
)
_NOTICE_RE = re.compile(r"^(?P<issuer>.*?)关于(?:印发|转发|下发)(?P<name>.+)的(?:通知|函)$")
# A notice handing a plan down (下达): it hands over a document only when it quotes the plan's name as a document's title, in
# 《》 in its title or its words ("《XX建设任务及资金计划》已经县政府研究同意,现下达给你们", 559); a plan named in plain words
# ("现将2022年XX改造计划下达(详见附件)", 854: a table of quotas annexed) leaves the notice the document, titled as a whole
# (GOLD-README "kinds49"). ``find_title`` reads it through ``_hands_over``.
_HANDING_DOWN_RE = re.compile(r"^(?P<issuer>.*?)关于下达(?P<name>.+)的(?:通知|函)$")
_QUOTED_TITLE_RE = re.compile(r"《([^《》]{4,80})》")
_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！？!?：:]")
_TITLE_MAX_CHARS = 60
_ISSUER_MAX_CHARS = 40


@dataclass
class Metadata:
    """Header fields found in a plan (each None when not found)."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: datetime.date | None = None
    own_doc_number: str | None = None  # the 文号 on a line of its own or captioned (its year dates deadlines)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cn_int(numeral: str) -> int:
    digits = str.maketrans("〇○零OＯ0０一二三四五六七八九", "0000000123456789")  # "二O一四" typed with a letter O
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (int(tens.translate(digits)) if tens else 1) * 10 + (int(ones.translate(digits)) if ones else 0)
    return int(numeral.translate(digits))


def parse_date_line(text: str) -> datetime.date | None:
    """The date of a line that is only a date ("2016年6月20日", "二〇一六年六月二十日"), else None. A run of ``?`` after it is
    the blanks a site's encoding garbled ("2021年11月22日????????", a signature; 411's rule for a site's ``?``; branch
    fresh49): the line is still only the date."""
    compact = _compact(text).rstrip("?？")
    try:
        m = _DATE_LINE_RE.match(compact)
        if m:
            return datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
        m = _CN_DATE_LINE_RE.match(compact)
        if m:
            return datetime.date(_cn_int(m["y"]), _cn_int(m["m"]), _cn_int(m["d"]))
    except ValueError:
        return None
    return None


# The signature on one line: the issuing body, blanks, the date ("XX市人民政府办公室  2014年3月5日").
_SIGNATURE_LINE_RE = re.compile(r"^(?P<issuer>[^\d\s]{2,40}?)\s*(?P<date>(?:\d{4}|[〇○零OＯ0０一二三四五六七八九]{4})\s*年.*日)$")


def parse_signature_line(text: str) -> tuple[str, datetime.date] | None:
    """(issuer, date) of a signature written on one line ("重庆市人民政府办公厅  2016年6月20日"), else None."""
    m = _SIGNATURE_LINE_RE.match(text.strip())
    if not m or not is_issuer_line(m["issuer"]):
        return None
    found = parse_date_line(m["date"])
    return (_compact(m["issuer"]), found) if found else None


def parse_numbered_date_line(text: str) -> tuple[str, datetime.date] | None:
    """(文号, date) of a 文件's head line giving both ("X政办发〔2022〕5号    2022年3月5日"), else None:
    the date beside the document's own number is its issue date, and the number is its own."""
    m = re.match(rf"^(?P<number>{DOC_NUMBER_RE.pattern})\s+(?P<date>\S.*)$", (text or "").strip())
    found = parse_date_line(m["date"]) if m else None
    return (_compact(m["number"]), found) if found else None


# The caption of a 文号 in a page's metadata kept as text ("发文字号：", "文  号:", "| 发文字号 | …").
_DOC_CAPTION_RE = re.compile(r"(?:发文字号|文\s*号|字\s*号)\s*[：:]?\s*\|?\s*$")


def find_doc_number(lines: list[Line]) -> str | None:
    """The 文号 of the header ``lines``, whitespace removed; a line holding only it wins.

    A 文号 inside a sentence is a citation of another document ("根据《…》（国办发〔2022〕8号）
    要求", 荆州 2022), not this plan's: lines with sentence punctuation are skipped.
    """
    first = None
    for line in lines:
        m = DOC_NUMBER_RE.search(line.text)
        if m and _DOC_CAPTION_RE.search(line.text[:m.start()]):
            return _compact(m.group(0))  # "发文字号：X政办发〔2014〕12号" (a page's metadata as text)
        if not m or _SENTENCE_PUNCT_RE.search(line.text.replace(m.group(0), "")):
            continue
        if m.group(0) == line.text.strip():
            return _compact(m.group(0))
        first = first or _compact(m.group(0))
    return first


def is_issuer_line(text: str) -> bool:
    """True when ``text`` is a short line naming an issuing body ("重庆市人民政府办公厅")."""
    compact = _compact(text)
    if not compact or len(compact) > _ISSUER_MAX_CHARS or _SENTENCE_PUNCT_RE.search(compact):
        return False
    if compact.startswith(("各", "关于", "为", "请", "抄送", "发布", "来源")) or re.search(r"\d", compact):
        return False
    if "关于" in compact or compact.count("《") > compact.count("》"):
        return False  # a title's first line cut after a body's noun ("…关于建立政府" + "工作…的通知", "《…政府" + "…》")
    return compact.endswith(ISSUER_SUFFIXES)


# The signing date as a web page's metadata states it ("成文日期: 2023-03-01", "| 成文日期: | 2018年12月07日 |",
# 深圳 "签发日期 | 2019-12-17", 蔡甸 "发文日期 2023-01-03", 浙江's government-information pages "生成日期 2021-02-22",
# 嵊泗 2021, beside the same 成文日期); 发布日期 is the page's publication date, never the signing date.
# Also "成文时间"/"发文时间", and captions in brackets ("【成文日期】2022-03-05", "[成文日期] 2022-03-05").
_SIGNED_CAPTIONS = r"[【\[]?(?:成文日期|签发日期|签署日期|印发日期|发文日期|生成日期|成文时间|发文时间)[】\]]?"
_SIGNED_ON_RE = re.compile(
    rf"(?:{_SIGNED_CAPTIONS})\s*[：:]?\s*\|?\s*"
    r"(?P<y>\d{4})(?:年|[-./])(?P<m>\d{1,2})(?:月|[-./])(?P<d>\d{1,2})")


_SIGNED_CAPTION_ONLY_RE = re.compile(rf"^[|\s•·●▪]*(?:{_SIGNED_CAPTIONS})\s*[：:]?\s*\|?\s*$")


def _signed_on(text: str) -> datetime.date | None:
    m = _SIGNED_ON_RE.search(text)
    try:
        return datetime.date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    except ValueError:
        return None


def _line_date(text: str) -> datetime.date | None:
    """The date of a date-only line or of a one-line signature, else None."""
    found = parse_date_line(text)
    if found:
        return found
    signature = parse_signature_line(text) or parse_numbered_date_line(text)
    return signature[1] if signature else None


def find_issued_on(header: list[Line], tail: list[Line],
                   body: list[Line] = ()) -> tuple[datetime.date | None, int | None]:
    """(signing date, its index in header+tail, or None when found in ``body``): a 成文日期/签发日期
    caption of the header (a web page's metadata, as text or table row) first, else the first
    date-only line ("2016年6月20日", "二〇二二年三月五日") or one-line signature, header first, else a
    signature block in ``body`` (every line of the document: an issuer line followed by a date line,
    as a notice signed before its 附件). Deadlines without a year take its year (issue 13)."""
    for index, line in enumerate(header):
        found = _signed_on(line.text)
        if found is None and _SIGNED_CAPTION_ONLY_RE.match(line.text) and index + 1 < len(header):
            found = _signed_on(f"{line.text.strip()} {header[index + 1].text}")  # "成文日期:" / "2024年04月06日"
        if found:
            return found, index
    for index, line in enumerate(header + tail):
        found = _line_date(line.text)
        if found and index == 0 and len(header) > 1:
            continue  # a date above the title ("2020年05月06日" of a news page): its publication
        if found:
            return found, index
    texts = [line.text for line in body]
    for index, text in enumerate(texts):
        if signature_at(texts, index):
            found = _line_date(text)
            if found:
                return found, None
    return None, None


# What closes a document around its signature date: 特此通知 before it; （此件公开发布）, 抄送 or the
# annexes (附件) after it.
_CLOSING_RE = re.compile(rf"^特此{HAN_CLASS}{{1,3}}[。.！!]?$|^此复[。.]?$")
_AFTER_SIGNATURE_RE = re.compile(r"^[（(]?\s*此件|^抄\s*送|^附\s*件")


def signature_at(texts: list[str], index: int) -> bool:
    """True when ``texts[index]`` is a line of a signature block: the issuer and the date on one
    line; the issuer line and the date line below it (either of the two); or a date alone between
    what closes a document (特此通知 above it, or （此件公开发布）/抄送/附件 below it). Such lines end
    the body above them and give the issue date wherever they stand (issue 13)."""
    text = texts[index]
    if parse_signature_line(text) or parse_numbered_date_line(text):
        return True
    if is_issuer_line(text) and index + 1 < len(texts) and parse_date_line(texts[index + 1]):
        return True
    if parse_date_line(text) is None:
        return False
    before = texts[index - 1] if index else ""
    after = texts[index + 1] if index + 1 < len(texts) else ""
    return bool(is_issuer_line(before) or _CLOSING_RE.match(re.sub(r"\s+", "", before))
                or _AFTER_SIGNATURE_RE.match(after.strip()))


_DOC_YEAR_RE = re.compile(r"[〔［\[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]")


_OWN_DOC_NUMBER_RE = re.compile(r"^[（(【\[]?\s*(?P<number>" + DOC_NUMBER_RE.pattern + r")\s*[）)】\]]?$")


def own_doc_number(lines: list[Line]) -> str | None:
    """The plan's own 文号 as the header writes it, on a line of its own ("X政办发〔2014〕12号", in
    brackets or not) or after its caption ("发文字号：…"); None when the header only cites one
    ("根据《…》（国办发〔2012〕8号）要求": another document's, whose year is not this plan's)."""
    for line in lines:
        m = DOC_NUMBER_RE.search(line.text)
        if m and (_DOC_CAPTION_RE.search(line.text[:m.start()]) or _OWN_DOC_NUMBER_RE.match(line.text.strip())
                  or parse_numbered_date_line(line.text)):
            return _compact(m.group(0))
    return None


def issue_year(issued_on: datetime.date | None, doc_number: str | None) -> int | None:
    """The year of issue: ``issued_on``'s year, else the year in the 文号 ("X政办发〔2014〕12号" -> 2014),
    else None. A deadline without a year ("5月底前", "年底前") takes it (GOLD-README "Deadlines")."""
    if issued_on is not None:
        return issued_on.year
    m = _DOC_YEAR_RE.search(doc_number or "")
    return int(m.group(1)) if m else None


def find_issuer(header: list[Line], tail: list[Line], date_index: int | None) -> str | None:
    """The issuer: the line above the signing date, else a standalone body line, else the
    prefix before 关于 of a notice title."""
    lines = header + tail
    if date_index is not None and parse_signature_line(lines[date_index].text):
        return parse_signature_line(lines[date_index].text)[0]
    if date_index is not None and date_index > 0 and is_issuer_line(lines[date_index - 1].text):
        return _compact(lines[date_index - 1].text)
    for line in header:
        if is_issuer_line(line.text):
            return _compact(line.text)
    for line in header:
        m = _NOTICE_RE.match(_compact(line.text))
        if m and is_issuer_line(m["issuer"]):
            return m["issuer"]
    return None


# A compilation's part label opening its piece's title line ("第一篇:干部在…大會上的講話", "第1篇 在全市…会议上的讲话", "篇一：…"):
# the collection's numbering, not the title's words (GOLD-README "fresh45"; as 083's part number, it is no item either).
# A compilation's piece number after its title and a blank ("实施方案 1" under "实施方案最新10篇"): the site's, not the title's
# (GOLD-README fresh47: the title is the first piece's own; "stages58", 1063).
_PIECE_NUMBER_RE = re.compile(r"(?<=[案划点法见知告])[ \t\u3000]+[0-9０-９]{1,2}$")
_PART_LABEL_RE = re.compile(r"^(?:第\s*[一二三四五六七八九十百0-9０-９]{1,3}\s*篇|篇\s*[一二三四五六七八九十]{1,3})\s*[:：]?\s*(?=\S{4})")
# A title's closing years in brackets ("…三年行动方案（2021—2023年）", "…规划(2024-2026年)").
_TITLE_YEARS_RE = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*(?:年\s*)?[—\-－–~～至到]\s*(?:19|20)?\d{2}\s*年?\s*[）)]$")


def is_title_line(text: str) -> bool:
    """True when ``text`` is a document's title line (branch notices3): short (at most _TITLE_MAX_CHARS characters
    once its blanks are gone), no sentence punctuation, ending in a word naming the document (通知, 方案, 计划,
    意见 …: ``PLAN_SUFFIXES``), optionally quoted in 《》 or closed by its years in brackets. Such a line is
    complete: a text wrapped at a fixed width (a PDF's text as pdfminer gives it) does not run it on into the
    next line (parser._join_wrapped_lines)."""
    compact = _TITLE_YEARS_RE.sub("", _PART_LABEL_RE.sub("", _compact(text)).rstrip("》"))  # "第一篇:…的讲话" too
    return (4 <= len(compact) <= _TITLE_MAX_CHARS and not _SENTENCE_PUNCT_RE.search(compact)
            and compact.endswith(PLAN_SUFFIXES))


# The opening of a plan's preamble, its purpose ("为认真落实…", "为深入贯彻…", "为进一步推进…"), that a copy run on in
# one line glues straight onto the plan's title ("…整治活动实施方案为认真落实…"; branch glued55).
_PREAMBLE_PURPOSE_RE = re.compile(r"为(?:了|认真|深入|进一步|切实|全面|贯彻|落实|加快|推进|推动|做好|确保|有效|加强|扎实|持续|巩固|"
                                  r"全力|积极|大力|更好|规范|提升|促进)")


def glued_title_end(text: str) -> int | None:
    """Where the title ends that opens ``text``, a page's head run on in one line with no break or blank after its title
    ("创国卫…整治活动实施方案为认真落实省、市…特制定本工作方案。", "20XX年秸秆禁烧…工作方案为深入贯彻…"): the title is
    ``is_title_line``'s (ending in a word naming the document, ``PLAN_SUFFIXES``) and the preamble's purpose clause
    (``_PREAMBLE_PURPOSE_RE``) opens right after it; None otherwise ("本方案为期一年", a title with a blank after it).
    Looks at the first _TITLE_MAX_CHARS + 1 characters; the first such end counts."""
    for m in _PREAMBLE_PURPOSE_RE.finditer(text, 4, _TITLE_MAX_CHARS + 1):
        if text[:m.start()].endswith(PLAN_SUFFIXES) and is_title_line(text[:m.start()]):
            return m.start()
    return None


def _unquoted(raw: str) -> str:
    """A title line without the 《》 that quote the whole of it ("《X的通知》" -> "X的通知"); one quoted name inside a
    title stays quoted ("关于印发《X》的通知"), and unbalanced marks of a wrapped title are dropped."""
    if raw.startswith("《") and raw.endswith("》") and raw.count("《") == 1 and raw.count("》") == 1:
        return raw[1:-1]
    return raw.strip("《》") if raw.count("《") != 1 or raw.count("》") != 1 else raw


# An entry of a notice's attachment list on a line of its own ("2. 2019年民生实事项目目标任务分解表" under
# "附件:1. …"): it names an annex, it is no title of the file (branch tables5, document 356).
_LIST_ENTRY_RE = re.compile(r"^[0-9０-９]{1,2}\s*[.．、]")


# A page's layout label on a line of its own ("文章正文", "【打印本页】", "关闭窗口"): the site's frame, never a title
# (branch titles, documents 166 and 359).
# The fixed values of a page's 公开方式 and 公开时限 alone on a line under their bulleted label ("• 公开方式:" / "主动公开";
# units32, document 732) are the frame too.
_LAYOUT_LABEL_RE = re.compile(
    r"^[【\[]?(?:文章正文|正文|打印本页|打印|关闭窗口|关闭|返回顶部|返回首页|字号|分享到|阅读次数"
    r"|主动公开|依申请公开|不予公开|长期公开)[】\]]?$")
# A site's column name alone on a line above the page's text ("政策文件", "通知公告", "部门文件", "政府信息公开"): the place the
# page is filed under, never its title (branch kinds35). Names of the columns, not words a title ends with: "XX人民政府公告"
# and "关于…的通告" are titles.
_SITE_COLUMN_RE = re.compile(
    r"^(?:(?:政策|政府|部门|规范性|其他|重要|上级|本级|县政府|市政府|区政府|镇政府|乡镇|政府办|政府办公室)文件(?:库)?"
    r"|通知公告|公示公告|公告公示|通知通告|通告公告|公告通知|政策解读|政策法规|法规文件|文件通知|工作动态|部门动态"
    r"|乡镇动态|政务动态|政务公开|信息公开|政府信息公开|法定主动公开内容|重点领域信息公开|计划规划|规划计划)$")
# A site's frame opening a line: its reading modes and services ("无障碍浏览", "长者模式 元谋县人民政府", "进入老年版",
# "收藏本站 官方微博 欢迎浏览…"), a banner holding the site's address ("SUCAI198.COM——专注…范文"), a compilation's page
# counter ("镇2023年政府工作报告-42篇(第94/122页)"), a law site's field list ("- 【发布单位】浙江省"): never a title (branch
# kinds32, documents 745, 747, 749, 754; kinds34, 770).
_SITE_FRAME_RE = re.compile(
    r"^(?:无障碍(?:浏览|阅读)?|长者模式|(?:进入|切换)?(?:老年|关怀|适老化?|长者)(?:版|模式)|收藏本站|设为首页|加入收藏"
    r"|官方微博|官方微信|繁體版?|繁体版?|简体版?|公务邮|登录|注册|用户登录)"
    r"|无障碍浏览|长者模式|老年版|关怀版|手机版"  # a row of the site's services anywhere on the line ("公务邮 无障碍浏览 …", 755)
    r"|(?i:https?://|www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov)(?![a-z]))"
    r"|第\s*\d+\s*/\s*\d+\s*页"
    # a model-text site's compilation header ("实施方案最新10篇", "…工作方案5篇", "…精选8篇"): the pieces' count, not a title
    # (GOLD-README fresh47's compilation header; "stages58", 1063)
    r"|^\S{2,30}?(?:最新|精选|范文|汇编|大全|合集)?[0-9０-９]{1,3}篇$"
    # a law site's record of the statute, one field a line ("- 【发布单位】浙江省", "- 【发布日期】2007-11-23"; kinds34, 770)
    r"|^[-•·*\s]*【(?:发布|颁布|生效|失效|实施|施行|文件|所属|效力|时效)[^】]{0,4}】")
# A site's column label glued before the title by a bar ("文字解读┃关于对…的解读", "政策解读丨…"): the column, not the
# title's words (branch kinds32, document 755; as 420's column label above its title).
_COLUMN_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?[┃|｜丨](?=.{4})")
# A speech's occasion in brackets after its title on one line ("政府工作报告 (2019年1月21日在杭州市第十三届人民代表大会
# 第四次会议上) 杭州市人民政府市长 徐立毅"): the title is the words before it (branch kinds32, document 754).
_OCCASION_RE = re.compile(r"\s*[（(](?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日)?"
                          r"在[^（()）]{2,40}上[）)].*$")
# A name quoted in angle brackets inside 《》 ("《<政府工作报告>重点工作分工方案》", a copy's 〈〉): its > is no breadcrumb's.
_QUOTED_NAME_RE = re.compile(r"<[^<>]{1,40}>")
# A page's breadcrumb ("首页 > 政务公开", "当前位置：首页 » 通知公告"): the site's frame, never a title (branch tables28, 510).
_BREADCRUMB_RE = re.compile(r"[>＞»›]|^(?:当前位置|您所在的位置|您的位置)?[:：]?首页")
# What closes a cover notice above the plan it hands over: its signature date, （此件公开发布）, or the label of an annex
# (附件, 附件2, 附件：) alone on its line. The title standing after it is the plan's own (GOLD-README "title").
_ANNEX_LABEL_RE = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[：:]?$")
# A title's edition, status or years on a line of their own under it ("（2025年版）", "（试行）", "(2024—2026年)").
_EDITION_RE = re.compile(r"^[（(](?:[^（()）]{0,8}(?:版|稿|试行|暂行)|(?:19|20)\d{2}\s*年?\s*[—\-－–~～至到]\s*(?:19|20)?\d{2}\s*年?)[）)]$")
_PUBLISHED_RE = re.compile(r"^[（(]\s*此件[^）)]{0,8}[）)]$")
# A signature date with the plan's title glued after it, as a run-on copy gives it ("…总工会2023年12月28日XX办法"), or
# the annex's label and its caption ("…办公室2016年2月26日附件2016年XX分解表", whatever word ends the caption).
_GLUED_AFTER_DATE_RE = re.compile(
    r"(?:\d{4}|[〇○零OＯ0０一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日"
    r"(?P<annex>附\s*件\s*(?:[0-9０-９]{1,2}(?![0-9０-９]))?\s*[：:]?)?(?P<title>[^\s]{4,60})$")


# Chinese characters: a title names its plan in words, so a line of codes and numbers ("CYQD00-2019-0014", a site's
# 索引号 alone on its line) is never one (branch notices27, document 428).
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# The labels of a page's metadata table copied as rows above the text ("索引号 | 000330185/2022-83945 | 公开方式 | 主动公开 |",
# "公开范围 | 面向社会 | 公开时限 | 长期公开 |"): the site's frame, never a title (branch kinds30, document 630); also the
# labels of 浙江's government-information pages, spaced on one line ("生成日期 2023-02-22  公开方式 主动公开", "组配分类 …
# 发布机构 …", units32, document 732) or in bullets ("• 信息索引号:").
_PAGE_METADATA_LABELS = ("索引号", "信息索引号", "公开方式", "公开范围", "公开时限", "发布单位", "发布机构", "主题分类", "组配分类",
                         "成文日期", "发文日期", "生成日期", "发文字号", "文号", "文件编号",
                         # the same tables' other rows (833: "体 裁 | 生效日期 | 废止日期"; 756: "备注/文号 公开时限 长期公开")
                         "体裁", "生效日期", "废止日期", "关键词", "备注/文号")


def is_page_metadata_line(text: str) -> bool:
    """Does ``text`` open with a label of a page's metadata table (``_PAGE_METADATA_LABELS``: "信息索引号 K1493206-6/2020-12163
    公开方式 主动公开", "生成日期 2020-10-20 发布日期 2020-10-20", "备注/文号 …")? Such a line is one row of the site's frame,
    complete on its own: never a title, never the wrap of a paragraph (parser._join_wrapped_lines; GOLD-README "fresh39")."""
    compact = _compact(text).lstrip("-•·* |｜")
    return compact.startswith(_PAGE_METADATA_LABELS + ("发布日期",))


def _title_candidate(text: str) -> bool:
    compact = _compact(text)
    return (4 <= len(compact) <= _TITLE_MAX_CHARS and len(_HAN_RE.findall(compact)) >= 4
            and not _SENTENCE_PUNCT_RE.search(compact)
            and not DOC_NUMBER_RE.search(compact) and parse_date_line(compact) is None
            and not compact.startswith(("（", "(", "发布日期", "来源", "各") + _PAGE_METADATA_LABELS)
            and not _LIST_ENTRY_RE.match(compact)
            and not _LAYOUT_LABEL_RE.match(compact) and not _SITE_COLUMN_RE.match(compact)
            and not _BREADCRUMB_RE.search(_QUOTED_NAME_RE.sub("", compact))
            and not _SITE_FRAME_RE.search(compact)
            and compact.count("》") <= compact.count("《"))


def _unfinished(text: str) -> bool:
    """True when a title line cannot end the title: a 《 not yet closed ("关于印发《2024年"), or 关于 with no word naming
    the document yet ("关于印发2022年《政府工作报告》"); the next line(s) continue it."""
    return bool(text) and (text.count("《") > text.count("》")
                           or ("关于" in text and not text.rstrip("》").endswith(PLAN_SUFFIXES))
                           or bool(_HANDING_TITLE_RE.search(text) and not text.endswith(_HANDING_ENDS)))


# A title handing a document over ("关于印发2021年区政府工作报告" + "目标任务分解方案的通知", a printed notice's title
# centred over three lines, 767; GOLD-README "fresh39"): it ends with the word of the notice itself, so a line ending
# in the handed document's word (报告, 方案) is not its end yet.
_HANDING_TITLE_RE = re.compile(r"关于(?:印发|转发|批转|印送)")
_HANDING_ENDS = ("通知", "通报", "函", "决定", "批复")


_ENDS_WITH_DATE_RE = re.compile(
    r"(?:\d{4}|[〇○零OＯ0０一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")


def _closes_notice(text: str) -> bool:
    """True when a header line closes a cover notice: its signature date (alone, after the issuer, or ending a run-on
    line), （此件公开发布）, an 附件 label alone, or its closing words alone (特此通知, 特此函告: ``_CLOSING_RE``; a notice
    dated above its 文号 signs nothing below them, 734, units32): never a title, and the title after it is the plan's."""
    return bool(parse_date_line(text) or _ENDS_WITH_DATE_RE.search(text) or _ANNEX_LABEL_RE.match(text)
                or _PUBLISHED_RE.match(text) or _CLOSING_RE.match(text))


# A header line naming the file a document site shows ("…责任分工表.docx"): the name is the title, its extension no word of
# it (kinds46: a site's text of a Word table, 796).
_FILE_EXTENSION_RE = re.compile(r"(?<=[\u4e00-\u9fff）)》])\.(?:docx?|wps|pdf|xlsx?|txt)$", re.IGNORECASE)


def _header_texts(header: list[Line]) -> list[str]:
    """The header's lines without blanks, a title glued after a signature date split off onto a line of its own, a file's
    extension closing a line dropped ("…分工表.docx": the name a document site shows)."""
    texts = []
    for line in header:
        # "实施方案 1": a compilation's first piece, numbered by the site after a blank (``_PIECE_NUMBER_RE``)
        raw = _FILE_EXTENSION_RE.sub("", _compact(_PIECE_NUMBER_RE.sub("", line.text.rstrip())))
        glued = _GLUED_AFTER_DATE_RE.search(raw)
        if glued and len(raw) > len(glued["title"]) and _title_candidate(glued["title"]) \
                and (glued["annex"] or glued["title"].endswith(PLAN_SUFFIXES)):
            texts += [raw[:glued.start("annex" if glued["annex"] else "title")], glued["title"]]
        else:
            texts.append(raw)
    return texts


def _hands_over(title: str, quoted: set[str]) -> re.Match | None:
    """The match of ``title`` (compact) as a notice handing over a plan, its ``name`` group the plan's name: 印发, 转发 or
    下发 always (``_NOTICE_RE``), 下达 when the notice quotes the name in 《》 (``quoted``: the names the header quotes, compact;
    ``_HANDING_DOWN_RE``); None for any other title."""
    notice = _NOTICE_RE.match(title)
    if notice:
        return notice
    handed = _HANDING_DOWN_RE.match(title)
    return handed if handed and _compact(handed["name"]).strip("《》") in quoted else None


def find_title(header: list[Line], front_matter: dict[str, str]) -> str | None:
    """The plan's own title from the header ``lines`` (see the module docstring for the order).

    A title wrapped over several lines is joined while a line cannot end it (``_unfinished``: an open 《, or 关于 with
    no ending word yet; an issuer's line above a line opening with 关于), and the lines that only continue it are no
    titles of their own. A title standing after what closes a cover notice (its signature date, （此件公开发布）, an
    附件 label) is the plan's own and wins (an issuer's line there is the signature, no title); a line holding only
    the title's edition or years ("（2025年版）") completes the title above it. Without one, a notice handing over a
    plan gives the plan's name it quotes (GOLD-README "title")."""
    quoted = {_compact(name) for text in _header_texts(header) for name in _QUOTED_TITLE_RE.findall(text)}
    notices: list[tuple[str, str]] = []  # (the plan's name in the notice, the notice's whole title)
    plan_lines: list[str] = []
    plain_lines: list[str] = []
    own: list[str] = []  # titles after the cover notice closed
    closed = False
    previous = ""
    last = ""  # the last title-like line kept (its edition may follow on the next line)

    def keep(title: str, continues: bool) -> None:
        notice = _hands_over(title, quoted)
        if notice:
            notices.append((notice["name"].strip("《》"), title))
            return
        if closed and continues and own and title.startswith(own[-1]):
            own[-1] = title  # the joined form of the title kept from its first line
        elif closed and not is_issuer_line(title):
            own.append(title)
        if title.endswith(PLAN_SUFFIXES) and not _unfinished(title):
            plan_lines.append(title)
        elif not is_issuer_line(title) and not continues:
            plain_lines.append(title)

    for raw in _header_texts(header):
        raw = _COLUMN_LABEL_RE.sub("", raw)  # "文字解读┃关于对…的解读": the title after the column's label
        raw = _PART_LABEL_RE.sub("", raw)  # "第一篇:XX的讲话": the title after the compilation's part label
        occasion = _OCCASION_RE.search(raw)
        if occasion and occasion.start() >= 4:
            raw = raw[:occasion.start()]  # "政府工作报告(2019年1月21日在…会议上)杭州市人民政府市长…": the title before it
        if previous and is_issuer_line(previous) and not raw.startswith("关于"):
            previous = ""  # an issuer's line continues only into a title opening with 关于
        if _closes_notice(raw):
            previous, last, closed = "", "", True
            continue
        compact = _unquoted(raw)
        joined = _unquoted(previous + raw)
        if not _title_candidate(compact):
            # a centred title's last words alone on its second line ("…实施方案》的" + "通知", "…的通" + "知": a printed PDF,
            # branch notices3): the joined line is the title
            if previous and joined.endswith(PLAN_SUFFIXES) and _title_candidate(joined):
                keep(joined, True)
            elif last and _EDITION_RE.match(raw):
                # "…若干政策举措" + "（2025年版）": the title's edition or years complete it, in place of the line alone
                titled = _unquoted(last + raw)
                for kept in (own, plan_lines, plain_lines):
                    kept[:] = [titled if text == _unquoted(last) else text for text in kept]
            previous = last = ""
            continue
        # a whole title of its own ("关于开展…的通知") takes only an issuer's or an unfinished line above it, never a page's
        # words ("安装后可以在桌面快捷访问", a template site's frame; GOLD-README "fresh35")
        whole = compact.startswith("关于") and not (_unfinished(previous) or is_issuer_line(previous))
        if (previous and compact.endswith(PLAN_SUFFIXES) and len(joined) <= _TITLE_MAX_CHARS
                and not _NOTICE_RE.match(compact) and not whole):
            keep(joined, True)
            if _unfinished(previous) or is_issuer_line(previous):
                # the line only ends the title begun above: no title of its own; a title handing a document over goes on
                # past the document's word ("…关于印发2021年区政府工作报告" + "目标任务分解方案的通知")
                previous = joined if _unfinished(joined) else ""
                continue
        elif (previous and (_unfinished(previous) or is_issuer_line(previous)) and len(joined) <= _TITLE_MAX_CHARS
              and not _NOTICE_RE.match(compact)):
            previous += raw  # a title over three lines (an issuer, 关于…, …的通知): its middle line
            continue
        previous = "" if raw.endswith(PLAN_SUFFIXES) else raw
        last = raw
        keep(compact, False)
    for text in own:
        if not _hands_over(text, quoted):
            return text
    names = [name for name, _ in notices]
    for name in names:
        if name in plan_lines:
            return name
    if plan_lines:
        return plan_lines[0]
    if notices:
        return notices[0][0]
    if front_matter.get("title"):
        return front_matter["title"]
    return plain_lines[0] if plain_lines else None


def extract_metadata(header: list[Line], tail: list[Line], front_matter: dict[str, str],
                     body: list[Line] = ()) -> Metadata:
    """Read the metadata from the ``header`` lines (before the first numbered item), the ``tail``
    lines (after the last item; signature and date may stand there), the Markdown front
    matter and, for a signature block elsewhere, every line (``body``). Returns a ``Metadata``;
    never raises."""
    issued_on, date_index = find_issued_on(header, tail, body)
    return Metadata(
        title=find_title(header, front_matter),
        doc_number=find_doc_number(header),
        issuer=find_issuer(header, tail, date_index),
        issued_on=issued_on,
        own_doc_number=own_doc_number(header),
    )
