"""The indicator table as the offices exchange it: rows of institutions, columns of indicators.

Reads .xlsx (after tracker/ledger/safety.py's container checks and the upload budget) and .csv
(UTF-8 with or without BOM, GB18030). Understood: a title above the header giving the month
("2024年7月末全市各金融机构存贷款情况表" → 2024-07, "2024年1—7月…" → 2024-07); a "单位：亿元" or
"单位：万元" line (or the unit in a header caption: "存款余额（万元）") — figures are converted to
each indicator's 计量单位; one- or two-row headers (an indicator caption over 余额/比年初增减/同比增长:
only the 余额 or 累计 column is read, derived columns are computed again from stored figures, unless the office
registered the derived measure itself by the words written over its column: "各项存款" over "比年初增加" for
各项存款比年初增加; an indicator named on the line above captions of its measures: "規模以上工業增加值" over "增速", or in
the title around them: "各市州规模以上工业增加值增长速度" over "增长速度"; a rate's month and year-to-date columns side by
side, "比上年同月 | 比上年同期": the year-to-date's read);
合计/小计/总计 rows skipped, and so are a group's subtotal rows (``一、国有商业银行`` numbered with a
Chinese numeral where the institutions are numbered 1, 2, 3); "其中：" or a row number in front of a
name removed; the institution column is 机构名称 or any caption of its kind (公司名称, 银行名称,
保险公司, 机构简称, and the offices' 承办单位, 责任单位, 部门: ``is_entity_caption``), or 地区 / 县（市、区） in a supervising
office's table of its areas (全国/全省 rows are totals), or 项目类别 / 层级 in a table of projects by kind or level (the
category captions of vocabulary/captions.py ``CATEGORY_CAPTIONS``). A title may name a quarter or a half ("2011年前三季度" → 2011-09). A yearbook's table the other way round (areas
across the header, indicators down the first column: ``_read_across``) is read too, and so is a yearbook's table of one
indicator by kind with years across ("项目 Item | 2020 | 2021", the kinds indented under the indicator's row), and a
经营情况表 of one figure column ("项目 | 本年累计/截至当期", "(blank) | 2017年4月": the kinds after "其中:" or numbered
"1." under the indicator's row; "指标 | 本月 | … | 1-本月 | …", the kinds after "#": the year-to-date column):
``_read_kinds_under_indicator``. One place's main indicators down a 指标 column with no kinds under them ("指标 | 单位 |
一季度 | 增长（%）", each row's unit beside it) are the figures of the place the title names ("酉阳县2025年一季度主要经济指标":
``_read_indicators_down``, ``title_place``), refused when the title names none. Under a title naming only the year, the
month may be written in a caption ("1-9月" over "绝对值 | 同比增长（%）"), on a line saying as of when ("（截至6月底）") or in
the note under the table ("注：表中数据截至10月底。": ``period_from_as_of_line``). A balance captioned without its kind ("本月余额") is the kind the title or a line above names
("…金融机构存款情况表": ``_kind_named_above``). A title naming its month, quarter or half without the year ("5月份…",
"上半年…") takes the year of a line under it, the sheet's name or a line under the table, a dated line being the date of
issue (``period_from_month_without_year``); the names' caption may be left blank beside 序号 (``_blank_names_column``); a
rate registered in % reads "18.39%" (vocabulary/figures.percent_figure). A title's month without a year takes the year
from the file's name last ("2026年热线.xlsx"); "2025年度…" is December, and so is "2025年…" signed in a later year
(``period_of_year_reported_later``); a header over two or three rows names a figure column by its own caption or the
rows joined, the whole's (总计) before a channel's (``_named_in_deeper_rows``); "单位：个、亿元" gives 亿元 (branch
indicators49). Row-level problems are TableIssues,
never exceptions; a file that cannot be used raises LedgerRefused.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

# At the top, not inside _cell_at and write_template: ledger.safety below imports openpyxl already, so importing this
# module loads it either way (measured: `import tracker.indicators.workbook` alone leaves openpyxl in sys.modules).
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ..ledger.header import as_date
from ..ledger.safety import LedgerLimits, LedgerRefused, check_xlsx_container, open_workbook
from ..vocabulary.captions import CATEGORY_CAPTIONS, simplified
from ..vocabulary.figures import PERCENT_UNITS, FigureError, is_no_figure_mark, percent_figure, read_figure
from ..vocabulary.numbering import arabic_years, chinese_numeral_value, parse_number
from ..vocabulary.units import UNIT_SUFFIX_RE, is_area_unit

ENTITY_CAPTIONS = ("机构名称", "金融机构", "单位名称", "机构", "单位", "银行", "名称", "行名",
                   # a supervising office's table by area, one row per 地区 (保监会 2010, 2011: ledger corpus, stop 30)
                   "地区", "区域")
# The same column as other offices caption it: 公司名称, 银行名称, 保险公司, 金融机构名称, 机构简称 …
# (never 计量单位, 填报单位：… or 单位：亿元, which are not the institution column).
# A table by kind of institution captions it 机构类型 / 机构类别 (银监会 2010 by type, ledger corpus 039).
# A 督查室's or 信访 office's table of counts by the body that handles the cases captions it 承办单位, 责任单位, 部门
# (市长信箱 信件办理情况, 交办件 tables: branch ledgers33, ledger corpus 044).
# A hotline's or 信访 office's table captions it 受理单位 (the body the cases went to), a table of enterprises or projects
# by the body they belong to 隶属 / 隶属单位 / 所属单位 (branch indicators49).
_ENTITY_CAPTION = re.compile(r"(?:金融|保险|银行业?|证券|法人|承办|责任|牵头|主办|办理|受理|隶属|所属)?"
                             r"(?:机构|公司|银行|单位|法人机构|部门)(?:名称|简称|全称|类型|类别)?|隶属(?:关系)?")
# A table by area as offices caption its area column: 省份, 省市, 地区名称, 区县, 县（市、区）, 省（区、市）, 市州 (ledger corpus,
# branch ledgers30b: 人民银行 and 保险 tables by province, a city's table by county); a province's table by city
# captions it 市 alone, 地市, 设区市 or 市别 (山东 2024 各市存款, ledger corpus 050), a 州's by county 县别, 州（市）.
_AREA_CAPTION = re.compile(r"(?:地区|区域|省份|省市|省区|省区市|城市|市州|州市|区县|县区|县市|县市区|市县|行政区|"
                           r"市|地市|设区市|市别|县别|"
                           r"省[（(]区、?市[）)]|省[（(]自治区、?直辖市[）)]|县[（(]市、?区[）)]|市[（(]州[）)]|州[（(]市[）)])"
                           r"(?:名称|名)?")
# A table of figures by kind rather than by body captions its names 险种 (premiums by kind of insurance: 山西, 贵州 2024,
# ledger corpus 065, 066), a kind of loan or deposit (贷款类别, 存款种类), or 项目 as 人民银行's releases do ("项目 | 6月末余额 |
# 同比增长": 中山 2019 loans by kind, corpus 067).
# A 督查室's table of its meetings by kind ("会议 | 召开次数 | 确定事项"), of the money by where it came from ("资金来源 |
# 累计筹集"), or of projects by how far they went ("项目进展 | 项目数": 已完工 / 序时推进 / 滞后) captions its kinds so too
# (branch indicators49).
_KIND_CAPTION = re.compile(r"(?:险种|险别|险类|(?:贷款|存款|业务|保险|产品)(?:类别|种类|品种|类型|项目)|项目|"
                           r"会议(?:类型|类别|种类)?|资金来源|项目进展(?:情况)?|进展(?:类别|分类))(?:名称)?")
_GROUP_STYLES = ("cn", "cn_paren")
# A total row: 合计, 小计, 总计, or the whole area alone or with the institutions it sums ("全省", "全市合计", "全省金融机构",
# "全市银行业金融机构": 四川 2013 存贷款, ledger corpus 059), or the insurance sector named alone over its kinds ("保险行业"
# over 财产险, 人身险: 2023 前三季度 premiums, corpus 221, branch ledgers46).
TOTAL_ROW = re.compile(r"^(合\s*计|小\s*计|总\s*计|全(?:国|省|市|县|区)(?:合计|(?:银行业)?金融机构|银行业|保险业)?|总计|保险(?:行)?业)$")
VALUE_SUBCAPTIONS = ("余额", "本月余额", "期末余额", "本期余额", "累计", "本年累计", "金额", "数值", "本期",
                     # the reach of a 经营情况表's one figure column ("本年累计/截至当期": 全国寿险公司 2019, corpus 078)
                     "当期", "截至当期", "累计数", "本年累计数")
# A column captioned with a balance alone, no kind in it ("本月余额", "余额", "期末余额", "本期余额", "6月末余额"): the kind is
# written above the header, in the title or a line over it ("2020年6月末甘肃省金融机构存款情况表": 甘肃 2020, ledger
# corpus 068).
BALANCE_ONLY = re.compile(r"^(?:本月|本期|期末|月末|\d{1,2}月末)?余额$")
# So is a column captioned with the month's change alone ("本月增加", "本月新增", "当月新增额"): the kind is written above the
# header ("上海市人民币各项存款增加情况": 上海 2008, ledger corpus 085), and the registered name is that kind's change
# ("人民币存款本月增加", "各项存款增加额"). ``CHANGE_END`` finds the change at the end of a caption or a registered name.
CHANGE_ONLY = re.compile(r"^(?:本月|本期|当月|\d{1,2}月份?)?(?:增加|新增)额?$")
CHANGE_END = re.compile(r"(?:本月|本期|当月|\d{1,2}月份?)?(?:增加|新增)额?$")
# A rate's name (规模以上工业增加值增速), and the words of a rate's own columns: the base it is taken against and the
# growth itself (比上年同月, 比去年同期增长, 同比): under a registered rate's caption they name the rate's own columns,
# not a measure derived from it.
_RATE_WORDS = ("增速", "增幅", "增长率")
_RATE_BASES = ("上年", "去年", "同比", "增长", "增速", "增幅")
# A caption naming the year to date ("比上年同期", "1-本月", "1-11月", "累计", "本年") or the month alone ("比上年同月",
# "本月", "当月"): where one indicator has both, the year-to-date column is its figure, as a 1-N月 table's are (031, 072).
_YEAR_TO_DATE = re.compile(r"同期|累计|本年|1\s*[-—－~至]\s*(?:本月|\d{1,2}\s*月)")
_MONTH_ALONE = re.compile(r"同月|当月|本月")


def _names_year_to_date(caption: str | None) -> bool:
    """Whether a caption names the year to date (``_YEAR_TO_DATE``: "比上年同期(%)", "1-本月", "本年累计")."""
    return bool(caption) and bool(_YEAR_TO_DATE.search(simplified(re.sub(r"\s+", "", caption))))


def _names_month_alone(caption: str | None) -> bool:
    """Whether a caption names the month alone and not the year to date ("比上年同月(%)", "本月", "当月")."""
    text = simplified(re.sub(r"\s+", "", caption or ""))
    return bool(_MONTH_ALONE.search(text)) and not _names_year_to_date(text)


# A plan's column holds the registered name too ("全年计划完成投资（亿元）" beside "1-4月累计完成投资（亿元）": 松阳 2025,
# ledger corpus 094): the target, not the figure, unless the registered name is the plan's ("年度计划投资").
PLAN_WORDS = ("计划",)
DERIVED_SUBCAPTIONS = ("比年初", "同比", "增速", "增幅", "增长", "占比", "排名", "位次", "上年", "去年", "目标", "完成率")
SCALES = {"万亿元": 1e12, "亿元": 1e8, "万元": 1e4, "千元": 1e3, "元": 1.0}
_MONEY = "万亿元|亿元|万元|千元|元"
# The money unit of a unit line may follow the units of counts it lists first ("单位：个、亿元", "单位：件，万元": branch
# indicators49): those are skipped, never a money unit (the first money unit listed is the table's).
UNIT_LINE = re.compile(rf"单位[:：]\s*(?:(?!{_MONEY})[^\s\d:：、,，/;；]{{1,4}}\s*[、,，/;；]\s*)*({_MONEY})")
CAPTION_UNIT = re.compile(rf"[（(]({_MONEY})[）)]")
# A row of units under the captions, one per column ("（家） | （人） | （亿元）": 人民银行's 小额贷款公司 tables): each cell a
# unit in brackets, or blank.
# Linear in the cell's blanks (was ``^[（(]\s*([^（()）]{1,6}?)\s*[）)]$``, quadratic: the blanks before the unit were
# given back one by one): a cell all blanks inside its brackets keeps its last blank as the unit, as before; otherwise
# the blanks before the unit are taken whole. tests/unit/test_unit_and_count_patterns_bounded_time.py.
_UNIT_CELL = re.compile(r"^[（(](?:\s*(?=\s[）)]$)|\s*+)([^（()）]{1,6}?)\s*[）)]$")

#: What is said of a cell marked as having no figure (vocabulary/figures.NO_FIGURE_MARKS), after the cell: the import
#: goes on, the entity has no figure of that indicator that month (no rank in it), never a 0.
NO_FIGURE_NOTE = "表示没有数据：本月不计该机构的这项数据（不按 0 计、不参加这项排名）；如有数据，请填上数值后重新上传"


@dataclass(frozen=True)
class IndicatorColumn:
    """An indicator the reader looks for: its name and 计量单位 (what the figures are converted to)."""

    name: str
    measure_unit: str


@dataclass
class TableIssue:
    """A problem of one row (1-based sheet row) and column caption, in Chinese: ``str(issue)`` ->
    "第 5 行（某某银行），“保费收入”列：…" (the web page's words, as a ledger's LedgerIssue); ``issue.line()`` ->
    "row 5, column 保费收入: 某某银行 …" (the command line's, CONTRACTS.md §4 and §8).

    ``entity``: the institution the row names ("" when it names none, or when ``reason`` already names it, as the
    机构名称 column's issues do): a supervisor correcting the file finds the row by its institution as much as by its
    number. The one place a row issue of the indicator import is worded (page, command line, the refusal's message).
    """

    row: int
    column: str
    reason: str
    entity: str = ""

    def __str__(self) -> str:
        where = f"第 {self.row} 行（{self.entity}）" if self.entity else f"第 {self.row} 行"
        return f"{where}，“{self.column}”列：{self.reason}"

    def line(self) -> str:
        """``row N, column X: reason`` (CONTRACTS.md §4), the reason led by the row's institution when it names one
        (``row 5, column 保费收入: 某某银行 “约3”不是数字…``): a script reading ``row N, column X:`` reads it still."""
        said = f"{self.entity} {self.reason}" if self.entity else self.reason
        return f"row {self.row}, column {self.column}: {said}"


@dataclass
class TableRow:
    """One institution's figures: {indicator name: value in the indicator's 计量单位}."""

    row: int
    entity: str
    values: dict[str, float] = field(default_factory=dict)


@dataclass
class IndicatorTable:
    """What a table held: its title, period ("YYYY-MM" or None), the columns found, rows and issues."""

    title: str | None
    period: str | None
    columns: list[str]
    rows: list[TableRow]
    issues: list[TableIssue]
    skipped_rows: int = 0
    #: The captions of the table's own 同比 columns ("人民币存款余额/同比增长", "存款同比增速（%）"), not read
    #: (derived.TABLE_YOY_RULE): the import says so, and what to import for a 同比增速.
    yoy_columns: list[str] = field(default_factory=list)
    #: The cells marked as having no figure ("—", "/", "无": vocabulary/figures.is_no_figure_mark), each as a TableIssue
    #: saying so (NO_FIGURE_NOTE): not stored, not read as 0; the preview lists them as warnings, nothing stops.
    no_figures: list[TableIssue] = field(default_factory=list)


def _bare_caption(text: str) -> str:
    """A header cell's caption as compared: simplified characters, no blanks, no unit ("本月 余额（亿元）" -> "本月余额")."""
    return CAPTION_UNIT.sub("", simplified(re.sub(r"\s+", "", text)))


def _is_balance_only(caption: str) -> bool:
    """Is the header cell ``caption`` a balance with no kind in it (``BALANCE_ONLY``: "本月余额", "6月末余额（亿元）")?"""
    return bool(BALANCE_ONLY.match(_bare_caption(caption)))


def _core(text: str) -> str:
    """An indicator caption without the words offices add or drop (人民币, 各项, 余额, spaces, units), its rate written
    one way ("增长速度", written out, is "增速": 湖南 2017 各市州 工业增加值增长速度, ledger corpus 088), and its count
    ("项目个数", "项目数量" are "项目数": 松阳 2025 县重点项目, ledger corpus 094)."""
    text = _bare_caption(text).replace("增长速度", "增速").replace("个数", "数").replace("数量", "数")
    for word in ("人民币", "各项", "余额", "本外币", "合计"):
        text = text.replace(word, "")
    return text


def is_entity_caption(text: str) -> bool:
    """Whether a header cell names the institution column: ``ENTITY_CAPTIONS`` or a caption of their
    kind (公司名称, 银行名称, 保险公司, 金融机构名称, 机构简称, 承办单位, 责任单位, 部门), an area's (县区, 县（市、区）), a
    category's (项目类别, 层级: vocabulary ``CATEGORY_CAPTIONS``) or a kind's (险种, 贷款类别, 项目); spaces inside are
    ignored."""
    text = simplified(re.sub(r"\s+", "", text))
    return (text in ENTITY_CAPTIONS or text in CATEGORY_CAPTIONS
            or bool(_ENTITY_CAPTION.fullmatch(text) or _AREA_CAPTION.fullmatch(text) or _KIND_CAPTION.fullmatch(text)))


#: The captions of a table's row-number column ("序号 | 机构名称 | …").
NUMBER_CAPTIONS = ("序号", "编号")


def _blank_names_column(cells: list[str]) -> int | None:
    """The column of the names in a header row that leaves their caption blank, or None: the first cell blank and a
    caption after it (a yearbook's county names under a blank cell: 山东 2016, ledger corpus 033; 全国 2013, 220), or
    the cell right after a 序号 caption blank with captions after it ("序号 | (blank) | 中央直达资金支付率", "序号 | (blank)
    | 村(居)(个) | 优(个)": a 财政局's 县（市、区） and a 考评办's 镇（街）, whose caption the stored copy lost; ledger corpus
    222, 226, branch indicators47). ``cells`` are the row's texts; the caller still asks for a registered indicator's
    caption in the row, so a row of no indicator is no header however its cells stand."""
    if cells and not cells[0] and any(cells[1:]):
        return 0
    if len(cells) > 2 and cells[0] in NUMBER_CAPTIONS and not cells[1] and any(cells[2:]):
        return 1
    return None


def _row_number(cell) -> str | None:
    """The numbering style of a 序号 cell or of a name's prefix ("一、国有商业银行" → "cn", 3 → "arabic")."""
    found = parse_number(cell)
    return found[0][0].style if found else None


# A year named for its end: "2015年末", "2015年底", or alone in the brackets closing a yearbook table's title
# ("…主要经济指标(2015年)"): its December.
_YEAR_END = re.compile(r"^\s*(?:末|底|[)）]\s*$)")
# The quarter or half a title may name instead of a month ("2011年前三季度", "2024年第一季度", "上半年"): its last month.
_QUARTER = re.compile(r"(?:第|前)?([一二三四1-4])\s*季度|([上下])半年")


# A month as titles write it: "7月", "1—11月", "前11个月", and in Chinese numerals "前十一月", "一至十一月" (北京 2010
# 财产险, ledger corpus 053).
_MONTH = re.compile(r"(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*个?\s*月")


def period_from_title(text: str) -> str | None:
    """The month a title speaks of: "2024年7月末…" → "2024-07", "2024年1—7月…" → "2024-07"; a quarter or half by its
    last month ("2011年前三季度…" → "2011-09", "2024年上半年…" → "2024-06"); a year's end ("2015年末…",
    "…主要经济指标(2015年)" → "2015-12"); a month in Chinese numerals too ("2010年前十一月…" → "2010-11"); None if none
    ("2024年全市…" names no month).

    The year is the first "NNNN年"; the month the last "N月" (or "十一月", "11个月") after it (the end of a 1—N月 range),
    else December when 末/底 or the title's closing bracket follows the year, else the first quarter or half named after
    it. A year in Chinese numerals is read as its digits ("二〇二五年六月…" → "2025-06": vocabulary ``arabic_years``)."""
    text = arabic_years(text)
    found = re.search(r"((?:19|20)\d{2})\s*年", text)
    if not found:
        return None
    months = _MONTH.findall(text[found.end():])
    if months:
        month = int(months[-1]) if months[-1].isdigit() else chinese_numeral_value(months[-1]) or 0
    elif _YEAR_END.match(text[found.end():]):
        month = 12
    elif quarter := _QUARTER.search(text[found.end():]):
        number, half = quarter.groups()
        if number:
            month = 3 * (int(number) if number.isdigit() else "一二三四".index(number) + 1)
        else:
            month = 6 if half == "上" else 12
    elif _WHOLE_YEAR.match(text[found.end():]):
        month = 12
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return f"{found.group(1)}-{month:02d}"


# A title naming the whole year ("2020年度全市信访事项统计表", "2020年全年…"): its December, as a year's end is (branch
# indicators49). A year alone ("2020年全市…统计表") says no more than the year: ``period_of_year_reported_later``.
_WHOLE_YEAR = re.compile(r"^\s*(?:度|全年)")


# A caption naming a figure of the whole year ("全年受理量", "年度完成投资", "全年累计"), not the year's target or plan
# ("全年目标", "年度计划投资", "年度任务数": a table of the year so far has those beside its figures). Branch ledgers51.
_WHOLE_YEAR_CAPTION = re.compile(r"^(?:全年|年度)(?!目标|计划|任务|预算|指标|考核)")


def period_of_year_by_captions(year_title: str | None, captions: list[str]) -> str | None:
    """December of the year a title names alone ("2020年全县信访事项统计表") when the table's own captions say its figures
    are the whole year's ("全年受理量", "年度完成数": ``_WHOLE_YEAR_CAPTION``; a 1-12月 caption already names its month,
    ``period_from_dated_captions``): "YYYY-12". None when the title names no year or no caption says so (a year alone
    says no month: the import asks for it). Captions naming the year's target or plan ("全年目标", "年度计划") do not
    count: a table of the year so far has them too. Read last: a month named anywhere (a line "（1-10月）" or "截至10月底"
    under the title, a date line, a signature) wins over such a caption ("全年累计" in a table of January to October).
    Branch ledgers51 (GOLD-README, "Branch ledgers51"), ledgers52."""
    year = _YEAR.search(arabic_years(year_title or ""))
    if year is None:
        return None
    if any(_WHOLE_YEAR_CAPTION.match(simplified(re.sub(r"\s+", "", caption or ""))) for caption in captions):
        return f"{year.group(1)}-12"
    return None


def period_of_year_reported_later(year_title: str | None, rows: list[list]) -> str | None:
    """December of the year a title names alone ("2020年全市信访事项统计表") when a dated line under the table (the
    office's signature, "XX县信访局　2021年1月6日", or "填报日期：2021-01-06") is of a later year: a table of a year
    issued after that year has ended covers the whole year (branch indicators49). "YYYY-12", or None when the title
    names no year or no line under the table is dated later (a table of the year so far: the import asks for the
    month). The last ``_SIGNATURE_ROWS`` rows of ``rows`` are looked at."""
    year = _YEAR.search(arabic_years(year_title or ""))
    if year is None:
        return None
    for row in reversed(rows[-_SIGNATURE_ROWS:]):
        texts = [cell for cell in row if cell is not None and _text(cell)]
        if texts and (dated := period_from_cells(row)) and int(dated[:4]) > int(year.group(1)):
            return f"{year.group(1)}-12"
    return None


def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# A sheet named for its period: "2024.03", "2024-3", "2024年3月"; or for a month alone: "3月", "3月末".
_SHEET_PERIOD = re.compile(r"^((?:19|20)\d{2})\s*(?:[.\-/_]|年)\s*(\d{1,2})\s*月?(?:末|底|份)?$")
_SHEET_MONTH = re.compile(r"^(\d{1,2})\s*月(?:末|底|份)?$")
# A caption naming the month its figures stand at: "3月末余额", "3月末", "1-3月累计" (the range's end).
_CAPTION_MONTH = re.compile(r"(\d{1,2})\s*月(?:末|底|份)?")


def period_from_year_and_month(title: str | None, sheet_name: str | None, captions: list[str]) -> str | None:
    """The month of a table whose title names only a year ("2024年全市金融机构存贷款情况表"), from where the office
    wrote the month instead: the sheet's name ("2024.03", "2024年3月" -> that month; a quarter, a half or a range as a
    title writes it, "2023年一季度" -> 2023-03, ``period_from_title``; "3月" -> that month of the
    title's year), else the header's captions ("3月末余额", "1-3月累计" -> March of the title's year). "YYYY-MM", or
    None when nothing names a month: never December, never the file's date (the import then asks for the month in
    the title). Lines such as "填报时间：2024年3月" are read before this (``period_from_cells``)."""
    if sheet_name and (found := _SHEET_PERIOD.match(simplified(sheet_name.strip()))):
        year, month = found.group(1), int(found.group(2))
        return f"{year}-{month:02d}" if 1 <= month <= 12 else None
    if sheet_name and _YEAR.match(sheet_name.strip()) and (named := period_from_title(simplified(sheet_name.strip()))):
        return named  # "2023年一季度", "2024年上半年", "2024年1-5月": a period as a title writes it (垫江 2023, corpus 098)
    year = _YEAR.search(title or "")
    if year is None:
        return None
    months = []
    if sheet_name and (found := _SHEET_MONTH.match(sheet_name.strip())):
        months.append(int(found.group(1)))
    else:
        for caption in captions:
            named = _CAPTION_MONTH.findall(re.sub(r"\s+", "", caption or ""))
            if named:
                months.append(int(named[-1]))
                break
    if not months or not 1 <= months[0] <= 12:
        return None
    return f"{year.group(1)}-{months[0]:02d}"


def period_from_dated_captions(captions: list[str]) -> str | None:
    """The month of a table whose title names no year, from the captions that name their own year and month
    ("2024年10月末各项存款余额", "2024年10月末" under "各项存款余额", "2016年6月末": ``period_from_title``); where
    captions of two periods stand side by side ("2024年1-6月 | 2023年1-6月"), the newest, the table's own (the other is
    the comparison). None when no caption names a year with a month."""
    periods = [period for caption in captions if caption and _YEAR.search(caption)
               and (period := period_from_title(simplified(re.sub(r"\s+", "", caption))))]
    return max(periods) if periods else None


# The date line an office signs under its table ("填报日期：2025年6月30日", "报送时间：2025-06-30", "日期：…"), or the note
# under it saying as of when ("注：数据截至2025年6月末。").
_SIGNATURE_DATE = re.compile(r"(?:填报|报送|填表|制表|统计)?(?:日期|时间)\s*[:：]|^\s*[（(]?(?:注|备注|说明)\s*[:：].*截[至止]")
#: How many rows from the bottom of a table are looked at for its signature date.
_SIGNATURE_ROWS = 8


def period_from_signature(rows: list[list]) -> str | None:
    """The month of the date an office signed its table with, on a line under it ("填报日期：2025年6月30日" →
    "2025-06", ``period_from_cells``), or of a note under it saying as of when ("注：数据截至2025年6月末。"), read last: only where neither the title, a line above the header, the sheet's name
    nor a caption names the month. The last ``_SIGNATURE_ROWS`` rows of ``rows`` (those under the header) are looked at,
    the lowest first; None when none is such a line."""
    for row in reversed(rows[-_SIGNATURE_ROWS:]):
        texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
        if texts and _SIGNATURE_DATE.search("".join(texts)) and (period := period_from_cells(row)):
            return period
    return None


def period_from_cells(cells: list) -> str | None:
    """The month a line above an indicator table's header names when it is no title: a date cell or a date written
    alone ("2016-12-31" → "2016-12"), or a line saying as of when ("截至2018年3月末" → "2018-03", ``period_from_title``);
    None if the line names none."""
    for cell in cells:
        if (day := as_date(cell)) is not None:  # the ledger reader's dates: a date cell, "2016-12-31", "2016年12月31日"
            return f"{day.year}-{day.month:02d}"
    joined = "".join(cell for cell in cells if isinstance(cell, str))
    return period_from_title(joined) if joined else None


def _month_named(text: str) -> int | None:
    """The month a text names without its year: the last "N月" ("1-4月" → 4, "12月份" → 12, "十一月" → 11), else a
    quarter's or a half's last month ("二季度" → 6, "上半年" → 6); None when it names none."""
    months = _MONTH.findall(text)
    if months:
        month = int(months[-1]) if months[-1].isdigit() else chinese_numeral_value(months[-1]) or 0
        return month if 1 <= month <= 12 else None
    if quarter := _QUARTER.search(text):
        number, half = quarter.groups()
        if number:
            return 3 * (int(number) if number.isdigit() else "一二三四".index(number) + 1)
        return 6 if half == "上" else 12
    return None


def period_from_month_without_year(title: str | None, lines: list[str]) -> str | None:
    """The period of a table whose title (its first line) names the month, quarter or half without the year ("5月份责任
    单位接诉情况", "12月份受理有效热线事项排名前五名的单位", "上半年市级重点建设项目推进情况": ledger corpus 223, 224, 227,
    branch indicators47): that month, of the year the nearest of ``lines`` names — the lines under the title, the
    sheet's name, the lines under the table, in that order. A line naming a year alone ("2016年", "2020年全市安排重点项目
    491个…") gives that year; a dated line ("…办公室　2023年6月19日") is when the table was issued, not its period: the
    month in that date's year, or in the year before when the month comes after the date's (a December reported in
    January). "YYYY-MM", or None when the title names a year (``period_from_title`` reads it), names no month, or no
    line names a year."""
    if not title or _YEAR.search(arabic_years(title)):
        return None
    month = _month_named(simplified(re.sub(r"\s+", "", title)))
    if month is None:
        return None
    for line in lines:
        text = simplified(re.sub(r"\s+", "", arabic_years(line or "")))
        year = _YEAR.search(text)
        if year is None:
            continue
        dated = period_from_title(text)
        written = int(year.group(1))
        if dated and int(dated[:4]) == written and int(dated[5:]) < month:
            written -= 1
        return f"{written}-{month:02d}"
    return None


# A line saying as of which month without naming its year: "（截至6月底）" under a title naming the year alone, "注：表中
# 数据截至10月底。" under the table (江门 2018 重点项目, a city's 2016 市重点项目: ledger corpus 202, 203; branch ledgers43).
_MONTH_WORD = r"(\d{1,2}|十[一二]|[一二三四五六七八九十])"
# So is a line naming alone the months its figures cover, from January ("（1-10月）", "1—10月", "（一至十月）") under a
# title naming the year alone (branch ledgers52).
_AS_OF_MONTH = re.compile(rf"截[至止]\s*{_MONTH_WORD}\s*月(?:末|底|份)?"
                          rf"|^[（(]?(?:1|一)\s*(?:月份?)?\s*[-—–－~～至到]\s*{_MONTH_WORD}\s*月份?[）)]?$")


def period_from_as_of_line(year_title: str | None, lines: list[str]) -> str | None:
    """The month of a table whose title names only a year ("2018年江门市重点建设项目进展情况"), from a line above the
    header or a note under the table saying as of which month without a year ("（截至6月底）" → "2018-06", "注：表中数据截至
    10月底。" → October of the title's year; the month in Chinese numerals too), or naming alone the months it covers
    ("（1-10月）" → October: ``_AS_OF_MONTH``). ``lines`` are read in their order, the
    first such line wins; a line naming a year of its own is a date line, read by ``period_from_cells`` before this, never
    here. None when the title names no year or no line says as of when: the import then asks for the month."""
    year = _YEAR.search(year_title or "")
    if year is None:
        return None
    for line in lines:
        text = simplified(re.sub(r"\s+", "", line or ""))
        found = _AS_OF_MONTH.search(text)
        if found is None or _YEAR.search(text):
            continue
        written = found.group(1) or found.group(2)
        month = int(written) if written.isdigit() else chinese_numeral_value(written) or 0
        if 1 <= month <= 12:
            return f"{year.group(1)}-{month:02d}"
    return None


# A period a sub-caption names: "2024年1-6月", "2023年", "6月末余额", "1-6月累计".
_NAMES_PERIOD = re.compile(rf"{_YEAR.pattern}|\d{{1,2}}\s*月")  # a year as ``_YEAR`` reads it, or a month


def _is_measure_caption(text: str) -> bool:
    """Whether a header cell names a measure or a period of figures, not a body, place or kind: a value caption
    ("余额", "本期", "6月末余额": ``VALUE_SUBCAPTIONS``), a derived one ("同比增长（%）", "比年初增加":
    ``DERIVED_SUBCAPTIONS``) or a period ("2024年1-6月", "2023年1-6月"); the money unit it may carry is no part of it
    ("余额（亿元）": ``_bare_caption``)."""
    text = _bare_caption(text)
    return (any(text.endswith(word) for word in VALUE_SUBCAPTIONS) or any(word in text for word in DERIVED_SUBCAPTIONS)
            or bool(_NAMES_PERIOD.search(text)))


#: The kinds of indicator table read_table reads: a CSV by its name, anything else as an .xlsx.
TABLE_SUFFIXES = (".xlsx", ".csv")


def _grid_rows(data: bytes, filename: str, limits: LedgerLimits) -> tuple[list[list], str | None]:
    """The cell values of the first sheet (xlsx) or of the CSV, row by row, capped by ``limits``, and the sheet's
    name (None for a CSV)."""
    if filename.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise LedgerRefused(f"{filename}: 无法识别文字编码，请另存为 UTF-8 或 GB18030 的 CSV 后再上传。", "not_xlsx")
        if "\x00" in text:
            raise LedgerRefused(f"{filename}: 不是文本 CSV 文件（含二进制内容）。", "not_xlsx")
        rows = []
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if number > limits.sheet_row_cap:
                raise LedgerRefused(f"{filename}: 行数超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
            rows.append(row)
        return rows, None
    check_xlsx_container(data, filename, limits)
    workbook = open_workbook(data, filename)
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > limits.sheet_row_cap:
                raise LedgerRefused(f"{filename}: 行数超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
            rows.append(list(row))
        return rows, sheet.title
    finally:
        workbook.close()


def _match(caption: str, indicators: list[IndicatorColumn]) -> IndicatorColumn | None:
    core = _core(caption)
    if not core:
        return None
    # the indicator the caption names exactly first: "城乡居民储蓄存款余额" is that indicator's column, not 各项存款余额's
    # although it holds the word 存款 (山东 2016, ledger corpus 033)
    exact = next((indicator for indicator in indicators if _core(indicator.name) == core), None)
    if exact is not None:
        return exact
    # else the registered name the caption holds, the longest where several are held: "其中：个人住房消费贷款余额" holds
    # 各项贷款余额's core (贷款) and 个人住房消费贷款余额's whole; the part is its own indicator, not the whole it
    # belongs to (湖南 2018, ledger corpus 216; first of the longest where two tie, in the registered order)
    held = [(len(wanted), indicator) for indicator in indicators
            if (wanted := _core(indicator.name)) and wanted in core and not any(w in core for w in DERIVED_SUBCAPTIONS)
            and not any(w in core and w not in wanted for w in PLAN_WORDS)]
    if held:
        longest = max(size for size, _ in held)
        return next(indicator for size, indicator in held if size == longest)
    # a column captioned with the first words of one registered name ("来电" | "来信" for 来电举报, 来信举报: 云南 2018
    # 转办统计, ledger corpus 052; "保费" for 保费收入): that indicator, when no other registered name opens so
    shortening = [indicator for indicator in indicators
                  if len(core) >= 2 and len(_core(indicator.name)) > len(core) and _core(indicator.name).startswith(core)]
    if len(shortening) == 1 and not any(w in core for w in DERIVED_SUBCAPTIONS):
        return shortening[0]
    return None


# A bracket closing a caption line ("規模以上工業增加值 (億元、%、%)"): the units of its columns, no part of the name.
_TRAILING_BRACKET = re.compile(r"[（(][^（()）]*[）)]\s*$")


def _named_over(parts: list[str], indicators: list[IndicatorColumn]) -> IndicatorColumn | None:
    """The registered indicator named by the words written over a column, read together: a line above the header and
    the column's caption ("規模以上工業增加值 (億元、%、%)" over "增速" → 规模以上工业增加值增速: 西部 2015, ledger corpus
    058), or an upper caption and its sub-caption ("各项存款" over "比年初增加" → 各项存款比年初增加: 四川 2013, corpus
    059). Only a name equal to the joined words (``_core``) counts, so a column of a derived measure is read only when
    the office registered that very measure; a trailing bracket of units on the line above is dropped. None if none.
    Linear in the words' length (the blanks before the bracket are left to ``_core``, which drops every blank)."""
    words = "".join(_TRAILING_BRACKET.sub("", part or "") for part in parts)
    core = _core(words)
    return next((indicator for indicator in indicators if core and _core(indicator.name) == core), None)


def _named_in_line(line: str, caption: str, indicators: list[IndicatorColumn]) -> IndicatorColumn | None:
    """The registered indicator a caption of a measure alone ("增长速度", "增速": ``_is_measure_caption``) stands for when
    the line above the header names the rest of that indicator among other words: the title "各市州规模以上工业增加值增长
    速度" over "市州 | 增长速度" is 规模以上工业增加值增速 (湖南 2017, ledger corpus 088), where ``_named_over`` wants the
    line to be that rest alone (058's "規模以上工業增加值 (億元、%、%)"). The registered name must end with the caption's
    words and the line hold the words before them; the longest such name wins, none where two tie. None otherwise."""
    measure = _core(caption)
    if not measure or not _is_measure_caption(caption):
        return None
    text = _core(line)
    named = [(len(_core(indicator.name)), indicator) for indicator in indicators
             if (wanted := _core(indicator.name)).endswith(measure) and len(wanted) > len(measure)
             and wanted[:-len(measure)] in text]
    if not named:
        return None
    longest = max(size for size, _ in named)
    widest = [indicator for size, indicator in named if size == longest]
    return widest[0] if len(widest) == 1 else None


def _kind_of(name: str, change: bool) -> str:
    """The kind a registered indicator's name is of, for a column of a balance alone (``change`` False: ``_core``, 存款
    for 各项存款余额; "" for a change's name, 各项存款比年初增加) or of the month's change alone (``change`` True: the name
    without its change, 存款 for 人民币存款本月增加; "" for a name of no change)."""
    core = _core(name)
    end = CHANGE_END.search(core)
    if not change:
        return "" if end else core
    return core[:end.start()] if end else ""


def _kind_named_above(caption: str, lines: list[str], indicators: list[IndicatorColumn]) -> IndicatorColumn | None:
    """The registered indicator a column captioned with a balance alone (``BALANCE_ONLY``: "本月余额") or the month's
    change alone (``CHANGE_ONLY``: "本月增加") stands for: the one of that measure whose kind (``_kind_of``: 存款 for
    各项存款余额, for 人民币存款本月增加) the nearest line above the header that names any writes ("…金融机构存款情况表",
    "上海市人民币各项存款增加情况"); the longest such kind where several are written ("住户存款" before 存款), none where
    two differ ("存贷款" names both 存款 and 贷款). None for any other caption, or when no line above names a registered
    kind of that measure."""
    change = bool(CHANGE_ONLY.match(_bare_caption(caption)))
    if not change and not _is_balance_only(caption):
        return None
    kinds = [(core, indicator) for indicator in indicators if (core := _kind_of(indicator.name, change))]
    for line in lines:
        text = simplified(re.sub(r"\s+", "", line)).replace("存贷款", "存款贷款")
        named = [(core, indicator) for core, indicator in kinds if core in text]
        if named:
            longest = max(len(core) for core, _ in named)
            widest = [indicator for core, indicator in named if len(core) == longest]
            return widest[0] if len(widest) == 1 else None
    return None


def _balance_without_kind(filename: str, caption: str, indicators: list[IndicatorColumn]) -> LedgerRefused:
    """The refusal of a table whose balance column ("本月余额") names no kind, and no line above the header does."""
    return LedgerRefused(f"{filename}: “{caption}”列只写了余额，没有写是哪一项的余额：列名和表头上方的标题里都没有"
                         f"“存款”“贷款”这样的字样，对不上已登记的指标（{'、'.join(i.name for i in indicators)}）。"
                         f"请把列名改成全称（如“各项存款余额”），或在标题里写明（如“6月末金融机构存款情况表”），再导入。",
                         "no_header")


def _caption_lines(rows: list[list]) -> list[str]:
    """The lines above a header that hold one text alone (a title, or a line naming the table's indicator), nearest
    first."""
    lines = []
    for row in reversed(rows):
        cells = [_text(cell) for cell in row if _text(cell)]
        if len(cells) == 1:
            lines.append(cells[0])
    return lines


def _number(cell) -> float | None:
    """A figure from a cell: numbers as they are, text as vocabulary/figures.read_figure reads it ("1,234.5", "１２");
    None for an empty cell or a no-figure mark. Raises FigureError (a ValueError, its ``reason`` in Chinese)."""
    if isinstance(cell, bool):
        raise FigureError(str(cell), "不是数字，请填写数值或留空")
    if isinstance(cell, (int, float)):
        return float(cell)
    return read_figure(_text(cell))


def _cell_at(sheet: str | None, row: int, col: int) -> str:
    """Where a cell is, in the words of a refusal: "工作表“存贷款”C5 单元格" (an .xlsx), "C5 单元格" (a CSV)."""
    return f"{f'工作表“{sheet}”' if sheet else ''}{get_column_letter(col + 1)}{row} 单元格"


_MONEY_IN_CELL = re.compile(r"^\s*([-+−]?[\d０-９.,，．]+)\s*(" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\s*$")


def _unit_in_cell(cell, unit: str | None) -> tuple[object, str | None]:
    """A figure cell that writes its money unit after the number, as a sector's premiums do when 万亿元 and 亿元 stand in
    one column ("1.04万亿元" beside "6004亿元", ledger corpus 221): (the number's text, that unit, which then overrides the
    table's ``unit`` for this cell); any other cell as it is, with ``unit``. Only the money units of SCALES are read so;
    "12件" stays text (and is refused as no number)."""
    found = _MONEY_IN_CELL.match(cell) if isinstance(cell, str) else None
    return (found.group(1), found.group(2)) if found else (cell, unit)


def _converted(cell, unit: str | None, wanted: str, at: tuple[str | None, int, int | None] | None = None,
               notes: list[TableIssue] | None = None, column: str = "", entity: str = "") -> float | None:
    """A cell's figure (``_number``) in the 计量单位 ``wanted``, converted from the table's ``unit`` when both are money
    units (SCALES); None for an empty cell or a no-figure mark, which is added to ``notes`` (as a TableIssue of row
    ``at[1]``, ``column`` and the row's institution ``entity``, NO_FIGURE_NOTE) when given. ``at`` is (sheet name, 1-based row, 0-based column) of the
    cell. Raises ValueError with the whole reason in Chinese, naming the cell ("“5890,1”逗号只能作千分位分隔…（工作表
    “存贷款”C5 单元格）") for text that is no number."""
    where = f"（{_cell_at(*at)}）" if at and at[2] is not None else ""
    cell, unit = _unit_in_cell(cell, unit)
    if wanted in PERCENT_UNITS and (number := percent_figure(cell)) is not None:
        cell = number  # "18.39%" under a rate registered in %: its number (福州 2021 直达资金, corpus 222)
    try:
        value = _number(cell)
    except FigureError as error:
        raise ValueError(f"“{_text(cell)[:30]}”{error.reason}{where}") from None
    if value is None and notes is not None and is_no_figure_mark(_text(cell)):
        notes.append(TableIssue(at[1] if at else 0, column, f"“{_text(cell)}”{NO_FIGURE_NOTE}{where}", entity))
    if value is not None and unit in SCALES and wanted in SCALES:
        value = value * SCALES[unit] / SCALES[wanted]
    return value


def wrong_type_message(name: str) -> str:
    """What is said of the file ``name`` whose extension is not one of TABLE_SUFFIXES (the import form's check in the
    browser, services/file_fields.indicator_field; the server reads any other name as an .xlsx and refuses it there)."""
    return f"{name} 不是指标数据表可用的格式：只接受 Excel 工作簿（.xlsx）或 CSV（.csv），请另存为其中一种后再上传。"


def read_table(data: bytes, filename: str, indicators: list[IndicatorColumn],
               limits: LedgerLimits = LedgerLimits()) -> IndicatorTable:
    """Read an indicator table (bytes of .xlsx or .csv) for ``indicators``.

    Returns an IndicatorTable: values converted from the table's unit (单位 line or caption) into
    each indicator's 计量单位 when both are money units (元/千元/万元/亿元). Raises LedgerRefused for
    a dangerous or unreadable file, or one without a header naming an institution column and at
    least one of ``indicators`` (code "no_header").
    """
    grid, sheet_name = _grid_rows(data, filename, limits)
    no_figures: list[TableIssue] = []  # the cells marked as having no figure, in every layout (``_converted``)
    title, table_unit, header_at, dated, year_title = None, None, None, None, None
    balance_only = None  # a balance column's caption naming no kind, in a row naming the entities ("本月余额")
    for index, row in enumerate(grid[:30]):
        cells = [_text(cell) for cell in row]
        joined = "".join(cells)
        unit = UNIT_LINE.search(simplified(joined))  # "單位：萬元" too
        if unit:
            table_unit = unit.group(1)
        # the institutions' column named (机构名称, 地区 …), or left without a caption in the first column as yearbooks
        # print it (山东 2016: the county names under a blank cell, the indicators' captions beside it)
        above = _caption_lines(grid[:index])
        captioned = any(is_entity_caption(cell) for cell in cells)
        named_row = captioned or _blank_names_column(cells) is not None
        # a balance captioned without its kind ("本月余额") only beside a caption of the names ("项目"): a row of
        # measures under a merged caption ("(blank) | 6月末余额 | 同比增长") is no header of its own
        if named_row and any(_match(cell, indicators) or any(_named_over([line, cell], indicators) for line in above)
                             or (captioned and (_kind_named_above(cell, above, indicators)
                                                or any(_named_in_line(line, cell, indicators) for line in above)))
                             for cell in cells if cell):
            header_at = index
            break
        if captioned and balance_only is None:
            balance_only = next((cell for cell in cells if _is_balance_only(cell)), None)
        if title is None and year_title is None and joined and period_from_title(joined) and not unit:
            title = joined  # under a title of a year alone, a line naming the month is that title's date line
        elif year_title is None and title is None and _YEAR.search(joined) and not unit:
            year_title = joined  # "2024年全市金融机构存贷款情况表": the month is written elsewhere, or nowhere
        if title is None and dated is None and joined:
            dated = period_from_cells(row)  # "2016-12-31" or "截至2018年3月末  单位：亿元" under a title of no month

    def first_column_period(captions: list[str] = ()) -> str | None:
        """The period of a table whose names run down its first column: the title's, the date line's, else the year
        and a month written in the sheet's name or the first column (``period_from_year_and_month``), then in the
        table's own ``captions`` ("指标 | 单位 | 1-9月" over "绝对值 | 同比增长（%）": 涪陵 2025, ledger corpus 200), then
        on a line saying as of which month (``period_from_as_of_line``)."""
        return ((period_from_title(title) if title else dated) or period_from_year_and_month(
            year_title, sheet_name, [_text(row[0]) for row in grid[:30] if row])
            or period_from_year_and_month(year_title, None, list(captions))
            or period_from_as_of_line(year_title, _caption_lines(grid[:30])[::-1]))

    if header_at is None and (across := _read_across(grid, indicators, table_unit, limits, filename,
                                                                  (sheet_name, no_figures))) is not None:
        rows, issues, skipped = across
        period = first_column_period()
        return IndicatorTable(title=title or year_title, period=period,
                              columns=sorted({name for row in rows for name in row.values}), rows=rows, issues=issues,
                              skipped_rows=skipped, no_figures=no_figures)
    if header_at is None and (by_year := _read_kinds_under_indicator(grid, indicators, table_unit, limits, filename,
                                                                           (sheet_name, no_figures))):
        rows, issues, skipped, period = by_year
        period = period or first_column_period()  # a yearbook's newest year, else a 经营情况表's title
        return IndicatorTable(title=title or year_title, period=period, columns=sorted({name for row in rows
                                                                                          for name in row.values}),
                              rows=rows, issues=issues, skipped_rows=skipped, no_figures=no_figures)
    if header_at is None and (down := _read_indicators_down(grid, indicators, table_unit, title or year_title,
                                                            limits, filename, (sheet_name, no_figures))):
        rows, issues, skipped, captions = down
        return IndicatorTable(title=title or year_title, period=first_column_period(captions),
                              columns=sorted({name for row in rows for name in row.values}), rows=rows, issues=issues,
                              skipped_rows=skipped, no_figures=no_figures)
    if header_at is None and balance_only is not None:
        raise _balance_without_kind(filename, balance_only, indicators)
    if header_at is None:
        raise LedgerRefused(f"{filename}: 找不到表头：需要一行同时写有机构、单位、地区、险种或项目类别的列名"
                            f"（如“机构名称”“承办单位”“县（市、区）”“险种”“项目类别”）和已登记的指标名称"
                            f"（{'、'.join(i.name for i in indicators)}；指标名称也可写在列名上方一行，"
                            f"如上方写“规模以上工业增加值”、列名写“增速”）。请把表头改成这样，或按模板填写后再导入。",
                            "no_header")
    header_at = _first_header_row(grid, header_at)
    header = [_text(cell) for cell in grid[header_at]]
    entity_col = next((i for i, cell in enumerate(header) if is_entity_caption(cell)), _blank_names_column(header) or 0)
    number_col = next((i for i, cell in enumerate(header[:entity_col]) if cell in NUMBER_CAPTIONS), None)
    # Carry each indicator caption right across the blank cells of a merged two-row header; a caption naming only a
    # measure ("增速") is read with the line above that names the indicator.
    above = _caption_lines(grid[:header_at])
    owners: list[IndicatorColumn | None] = []
    written: list[str] = []  # each column's caption as written, carried right the same way
    current, current_text = None, ""
    for cell in header:
        if cell:
            current = _match(cell, indicators) or next(
                (found for line in above if (found := _named_over([line, cell], indicators))), None) \
                or _kind_named_above(cell, above, indicators) \
                or next((found for line in above if (found := _named_in_line(line, cell, indicators))), None)
            current_text = cell
        owners.append(current)
        written.append(current_text)
    sub = [_text(cell) for cell in grid[header_at + 1]] if header_at + 1 < len(grid) else []
    two_rows = any(_is_measure_caption(cell) for cell in sub if cell) \
        and not _text(sub[entity_col] if entity_col < len(sub) else "")
    # two periods side by side under one caption ("2024年1-6月 | 2023年1-6月"): the table's own year is the figure,
    # another year's column the comparison (as 上年同期 is)
    table_year = _YEAR.search(title or year_title or "")
    # a row of units under the captions ("（家） | （人） | （亿元）"): each column's unit, then the figures
    units_row = [_UNIT_CELL.match(simplified(cell)) for cell in sub]
    column_units = ({col: found.group(1) for col, found in enumerate(units_row) if found}
                    if any(units_row) and all(found or not cell for found, cell in zip(units_row, sub)) else None)
    # the column whose caption and sub-caption, read together, are a registered name ("各项存款" over "比年初增加" where
    # the office registered 各项存款比年初增加; "各项存款" over "余额"): that indicator's column, before any other
    named_at: dict[str, int] = {}
    for col in range(len(header)):
        below = sub[col] if two_rows and col < len(sub) else ""
        if below and col != entity_col and (named := _named_over([written[col], below], indicators)):
            named_at.setdefault(named.name, col)
    chosen: dict[str, tuple[int, str]] = {}
    for col, owner in enumerate(owners):
        if col == entity_col:
            continue
        below = sub[col] if two_rows and col < len(sub) else ""
        owner = next((by for by in indicators if named_at.get(by.name) == col), owner)
        if owner is None or named_at.get(owner.name, col) != col:
            continue
        if owner.name in chosen and not (two_rows and _names_month_alone(chosen[owner.name][2])):
            continue
        # a derived measure's column (比年初, 同比, 增速 …) is read only when the registered name holds that word too; a
        # registered rate's own columns name the base it is taken against ("增长速度" over "比上年同月(%) | 比上年同期(%)":
        # 湖南 2017, ledger corpus 088), no other measure
        derived = [w for w in DERIVED_SUBCAPTIONS if w not in _core(owner.name)]
        if any(w in _core(owner.name) for w in _RATE_WORDS):
            derived = [w for w in derived if w not in _RATE_BASES]
        caption = header[col] or owner.name
        if two_rows:
            if below and (below not in VALUE_SUBCAPTIONS and any(w in below for w in derived)):
                continue
            if owner.name in chosen and _names_month_alone(chosen[owner.name][2]) and _names_year_to_date(below):
                del chosen[owner.name]  # the year-to-date's column over the month's own (比上年同期 over 比上年同月)
            if table_year and (named_year := _YEAR.search(below)) and named_year.group(1) != table_year.group(1):
                continue
            caption = f"{owner.name}/{below}" if below else caption
        elif header[col] and any(w in _core(header[col]) for w in derived):
            continue
        unit = CAPTION_UNIT.search(simplified(written[col] or ""))  # a merged caption's unit covers its columns
        if unit is None and two_rows:
            unit = CAPTION_UNIT.search(simplified(below))  # or the sub-caption's own: "各项贷款" over "余额（亿元）"
        unit = unit.group(1) if unit else (column_units or {}).get(col)
        if owner.name in chosen:
            continue  # a second column of the month's own, or another span: the first one read stays
        chosen[owner.name] = (col, unit or table_unit or owner.measure_unit, below)
    for name, at in _named_in_deeper_rows(grid, header_at, entity_col, indicators, chosen).items():
        chain = _header_chain(grid, header_at, at, entity_col)
        unit = next((found.group(1) for caption in reversed(chain)
                     if (found := CAPTION_UNIT.search(simplified(caption)))), None)
        owner = next(indicator for indicator in indicators if indicator.name == name)
        chosen[name] = (at, unit or table_unit or owner.measure_unit, "/".join(chain[1:]))
    by_name = {indicator.name: indicator for indicator in indicators}
    first_row = header_at + (2 if two_rows or column_units else 1)
    numbered = [_row_styles(grid[index], entity_col, number_col) for index in range(first_row, len(grid))]
    institutions_numbered = any("arabic" in styles for styles in numbered)
    banks = _names_institutions(grid, first_row, entity_col)  # single institutions, beside kinds as subtotals
    rows, issues, skipped = [], [], 0
    for index in range(first_row, len(grid)):
        row = grid[index]
        number = index + 1
        name = _text(row[entity_col] if entity_col < len(row) else None)
        name = re.sub(r"^(其中|含)[:：]\s*", "", name)
        if not name or not any(_text(cell) for cell in row):
            continue
        if _heads_indented_rows(grid, index, entity_col, number_col):
            skipped += 1  # a group's heading row ("济南市" over its indented districts), no institution
            continue
        styles = numbered[index - first_row]
        if (TOTAL_ROW.match(simplified(re.sub(r"\s+", "", name))) or _is_note(name)  # 合計 too
                or (institutions_numbered and any(style in _GROUP_STYLES for style in styles))
                or _is_kind_subtotal(grid, index, entity_col, banks) or _is_grouping_heading(name, row, entity_col)):
            skipped += 1  # a total, a note, a group's subtotal (一、国有商业银行 over 1 工商银行, 2 …) or a grouping's heading
            continue
        if styles[1]:
            name = parse_number(name)[1].strip() or name  # "1.工商银行" → 工商银行
        figures: dict[str, float] = {}
        for indicator_name, (col, unit, _) in chosen.items():
            cell = row[col] if col < len(row) else None
            try:
                value = _converted(cell, unit, by_name[indicator_name].measure_unit, (sheet_name, number, col),
                                   no_figures, indicator_name, name)
            except ValueError as error:
                issues.append(TableIssue(number, indicator_name, str(error), name))
                continue
            if value is not None:
                figures[indicator_name] = value
        rows.append(TableRow(row=number, entity=name, values=figures))
        if len(rows) > limits.max_rows:
            raise LedgerRefused(f"{filename}: 数据行超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
    subtotals = _group_subtotals(rows)
    rows = [row for index, row in enumerate(rows) if index not in subtotals]
    skipped += len(subtotals)
    # the captions a month may be written in: the header's, its sub-captions', and those of a caption row over the
    # header ("机构名称 | 10月末" merged over the indicators' captions under it)
    over = [_text(cell) for cell in grid[header_at - 1]] if header_at and len(
        [cell for cell in grid[header_at - 1] if _text(cell)]) > 1 else []
    # the first line above the header, where it is a title naming its month without the year; the lines where the
    # year is written: those under the title, the sheet's name, the lines under the table
    written_lines = [line for row in grid[:header_at] if (line := "".join(_text(cell) for cell in row))]
    first_line = written_lines[0] if written_lines else None
    # ... and, last, the file's own name ("2022年热线办理情况.xlsx": the office names its file for the year; branch
    # indicators49)
    year_lines = written_lines[1:] + [sheet_name or ""] + ["".join(_text(cell) for cell in row)
                                                             for row in grid[first_row:][-_SIGNATURE_ROWS:]] + [
        re.sub(r"\.(?:xlsx|csv)$", "", filename, flags=re.IGNORECASE)]
    month_titled = period_from_month_without_year(first_line, year_lines)
    if month_titled:
        title = first_line  # the table's own title, not the dated line under it
    period = (month_titled or (period_from_title(title) if title else dated) or period_from_year_and_month(year_title, sheet_name,
                                                                                           over + header + sub)
              or period_from_dated_captions(over + header + sub)
              or period_of_year_reported_later(year_title, grid[first_row:])
              or period_from_signature(grid[first_row:])
              or period_from_as_of_line(year_title, above[::-1] + _caption_lines(grid[first_row:][-_SIGNATURE_ROWS:]))
              # a caption of the whole year ("全年累计") is December only where nothing names a month (branch ledgers52)
              or period_of_year_by_captions(year_title, over + header + sub))
    yoy_columns = [f"{owner.name}/{sub[col]}" for col, owner in enumerate(owners)
                   if two_rows and owner is not None and col < len(sub) and "同比" in sub[col]]
    yoy_columns += [cell for cell in header if "同比" in cell and cell not in yoy_columns]
    return IndicatorTable(title=title or year_title, period=period,
                          columns=list(chosen), rows=rows, issues=issues, skipped_rows=skipped,
                          yoy_columns=list(dict.fromkeys(yoy_columns)), no_figures=no_figures)


#: How many header rows may stand under the first one (three rows in all: "派遣案件总数" over "总计 | 12345热线 | 政民互动"
#: over "按时办结 | 超时办结 | 未办结").
_DEEPER_HEADER_ROWS = 2
#: The captions of a breakdown's own whole ("总计 | 12345热线 | 政民互动": the 总计 column is the caption's figure).
_WHOLE_CAPTIONS = ("总计", "合计", "小计", "总数", "总量", "全部", "")


def _first_header_row(grid: list[list], found: int) -> int:
    """The first row of a header written over several rows when the row found to name a registered indicator is a
    deeper one ("按时办结 | 超时办结" under "总计 | 12345热线" under "序号 | 单位 | 派遣案件总数", the names' cell blank in
    the rows merged down under 单位): the nearest row above, within ``_DEEPER_HEADER_ROWS``, that names the entities'
    column (``is_entity_caption``) and whose deeper header rows (``_deeper_header_rows``) reach ``found``; ``found``
    itself when it names the entities' column, or no row above so heads it.

    Not the ledger reader's rule for a header over two rows (tracker/ledger/header.py ``_header_rows``), on purpose
    (branch tidy49 compared them): an indicator table's header is told from its data by its names' column, blank in
    the deeper rows where it is merged down, and by having no figure, whatever its words, over up to three rows; a
    ledger's by its words (ledger captions, periods under a group caption) or the shape of its merges, over two rows at
    most, and a ledger's rows hold no figures to tell them by. Put together, one would read the other's data as
    header."""
    if any(is_entity_caption(_text(cell)) for cell in grid[found]):
        return found
    for upper in range(found - 1, max(-1, found - 1 - _DEEPER_HEADER_ROWS), -1):
        entity_col = next((col for col, cell in enumerate(grid[upper]) if is_entity_caption(_text(cell))), None)
        if entity_col is not None and found in _deeper_header_rows(grid, upper, entity_col):
            return upper
    return found


def _deeper_header_rows(grid: list[list], header_at: int, entity_col: int) -> list[int]:
    """The rows of a header written over two or three rows under ``header_at``, the header's first row: each such row
    leaves the names' cell blank (merged down from the first row) and holds words only, no figure, at least one of
    them; at most ``_DEEPER_HEADER_ROWS``. Indexes into ``grid``, in order; [] for a one-row header."""
    found = []
    for index in range(header_at + 1, min(len(grid), header_at + 1 + _DEEPER_HEADER_ROWS)):
        row = grid[index]
        cells = [_text(cell) for cell in row]
        if (entity_col < len(cells) and cells[entity_col]) or not any(cells) or any(
                _is_figure(cell) for col, cell in enumerate(cells) if cell and col != entity_col):
            break
        found.append(index)
    return found


def _header_chain(grid: list[list], header_at: int, col: int, entity_col: int) -> list[str]:
    """The captions over column ``col`` of a header written over several rows, top first, each row's caption carried
    right across the blank cells of its merged span: a row's blank cell takes the caption written to its left only while
    the row above it spans both (a merged "派遣案件总数" over "总计 | 12345热线 | 政民互动", each of those merged over
    "按时办结 | 超时办结 | 未办结"). "" where nothing is written over the column at that row."""
    rows = [header_at] + _deeper_header_rows(grid, header_at, entity_col)
    chain, starts = [], [0]  # ``starts``: where the caption carried into ``col`` at the row above was written
    for index in rows:
        cells = [_text(cell) for cell in grid[index]]
        left = col
        while left > starts[-1] and not (cells[left] if left < len(cells) else ""):
            left -= 1
        chain.append(cells[left] if left < len(cells) else "")
        starts.append(left if chain[-1] else col)
    return chain


def _named_in_deeper_rows(grid: list[list], header_at: int, entity_col: int, indicators: list[IndicatorColumn],
                          chosen: dict) -> dict[str, int]:
    """The columns of registered indicators that the header's first row does not name but a deeper header row does, the
    figure columns being named by joining the rows (branch indicators49): "派遣案件总数" merged over "总计 | 12345热线",
    each over "按时办结 | 超时办结" — 按时办结 (or 按时办结数) is the column whose own caption names it (``_match``) or
    whose captions joined name it (``_named_over``: "按时办结" over "件数" for 按时办结件数), and where the breakdown
    repeats it under each channel, the one under the whole (``_WHOLE_CAPTIONS``: 总计) or else the first. {registered
    name: 0-based column} for the indicators not already in ``chosen``; {} for a header of one row."""
    deeper = _deeper_header_rows(grid, header_at, entity_col)
    if not deeper:
        return {}
    width = max(len(grid[index]) for index in [header_at] + deeper)
    found: dict[str, tuple[bool, int]] = {}
    for col in range(width):
        if col == entity_col:
            continue
        chain = _header_chain(grid, header_at, col, entity_col)
        for level in range(len(chain) - 1, 0, -1):
            caption = chain[level]
            if not caption:
                continue
            owner = _match(caption, indicators) or _named_over(chain[level - 1:level + 1], indicators)
            if owner is None or owner.name in chosen:
                continue
            whole = all(_bare_caption(part) in _WHOLE_CAPTIONS for part in chain[1:level] + chain[level + 1:])
            if owner.name not in found or (whole and not found[owner.name][0]):
                found[owner.name] = (whole, col)
            break
    return {name: col for name, (_whole, col) in found.items()}


#: How many rows under a row are summed when asking whether it is their group's subtotal (``_group_subtotals``).
_GROUP_REACH = 60
#: How far a subtotal may be from its rows' sum, relative to it: the yearbook rounds each figure (浙江 2015: 浙东北's
#: 生产总值 29214.69 against its cities' 29214.71).
_SUM_TOLERANCE = 1e-4


def _group_subtotals(rows: list[TableRow]) -> set[int]:
    """Indexes of the rows that are a group's subtotal written above its members, not an entity: a row whose every
    figure equals, within ``_SUM_TOLERANCE``, the sum of the same figure over the rows right under it (two or more;
    three or more when the row has a single figure, a sum more easily met by chance), those members running to the
    table's end or to the next such subtotal (浙江统计年鉴 2015 各市主要指标: "浙东北" over 杭州市 … 舟山市, then "浙西南"
    over its cities, ledger corpus 051). The groups must tile the rows below them: an insurer whose premium happens to
    equal the next two insurers' is no subtotal (北京 2010, corpus 053). Named totals (合计, 全市) are skipped before this
    by their name (``TOTAL_ROW``). Never one: a row whose figures are all zero (zeros sum to zero by chance: a month in
    which three offices handled no letters), nor a row naming a body or a place (``_names_body_or_place``: "市公安局",
    "历城区", whose counts may equal the next rows' by chance; a region's subtotal is named as a region, "浙东北")."""
    found: set[int] = set()
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        if not any(row.values.values()) or _names_body_or_place(row.entity):
            continue
        sums = dict.fromkeys(row.values, 0.0)
        for last in range(index + 1, min(len(rows), index + 1 + _GROUP_REACH)):
            for name in sums:
                sums[name] += rows[last].values.get(name, 0.0)
            members = last - index
            if (members >= (2 if len(row.values) >= 2 else 3) and (last == len(rows) - 1 or last + 1 in found)
                    and all(abs(sums[name] - value) <= _SUM_TOLERANCE * max(abs(value), 1.0)
                            for name, value in row.values.items())):
                found.add(index)
                break
    return found


def _names_body_or_place(name: str) -> bool:
    """Whether ``name`` (an entity cell) names a body ("市公安局", "工商银行": vocabulary ``UNIT_SUFFIX_RE``) or a place
    ("杭州市", "洋县", "历城区": vocabulary ``is_area_unit``, which tells a district ending in 城区 from the generic words
    城区, 市区, 中心城区), which is an entity of its own, never a group's subtotal; a region ("东部地区", "浙东北") or a
    city's urban area ("市区", "杭州市区") may be one."""
    name = simplified(re.sub(r"\s+", "", name or ""))
    return bool(UNIT_SUFFIX_RE.search(name) or is_area_unit(name))


# A grouping's heading row of a 统计局's table ("按门类分", "按经济类型分", "分行业", "分地区看"): it names how the rows under
# it are grouped, never an entity (中山 2023 规模以上工业增加值, ledger corpus 097; branch ledgers42).
_GROUPING_HEADING = re.compile(r"^(?:按[\u4e00-\u9fff（）()、]{1,10}(?:分|划分|分组|看)|分[\u4e00-\u9fff]{1,8}(?:看|分)?)[:：]?$")


def _is_grouping_heading(name: str, row: list, entity_col: int) -> bool:
    """Whether a row is a grouping's heading: its name says how the rows under it are grouped (``_GROUPING_HEADING``:
    "按门类分", "分行业看") and no other cell of it holds anything."""
    return bool(_GROUPING_HEADING.match(simplified(re.sub(r"\s+", "", name)))) and not any(
        _text(cell) for col, cell in enumerate(row) if col != entity_col)


def _is_note(name: str) -> bool:
    """Whether a name cell is a line under the table: 注：…, 备注, 附注, 说明：…, 填报人, 制表, 审核, 资料来源：… (traditional
    too)."""
    return simplified(name).startswith(("注", "备注", "填报", "制表", "审核", "来源", "资料来源", "数据来源", "附注",
                                        "说明：", "说明:", "填表说明"))


# A kind of institution as a bank-by-bank table groups its rows ("国有商业银行", "股份制银行", "地方法人机构",
# "农村金融机构", "中资银行", "外资银行"; a 小计 after it too), or the whole sector ("银行业金融机构") a table by kind opens with;
# insurers by kind too ("人身险公司" over "其中：寿险", 健康险, 意外险: ledger corpus 221, branch ledgers46).
KIND_OF_INSTITUTION = re.compile(
    r"^(?:(?:国有|大型|国有大型|全国性|股份制|全国性股份制|城市|农村|农村中小|新型农村|地方|地方法人|中资|外资|政策性|开发性|民营|中小|其他)"
    r"(?:商业|金融)?(?:银行业金融机构|银行|金融机构|法人机构|机构)|银行业金融机构|银行业|金融机构"
    r"|(?:财产|人身|寿|健康|养老|再)(?:保)?险公司)(?:小计|合计)?$")
_PARTS_MARK = re.compile(r"^其中[:：]")
# A kind's mark under an indicator's row: "其中:" or the statisticians' "#" ("   # 批發零售業": 上海 2023 社会消费品零售
# 总额, ledger corpus 089), read only where the indicators run down the first column (``_read_kinds_under_indicator``).
_KIND_MARK = re.compile(r"^(?:其中[:：]|[#＃]\s*)")
# The first column's caption of a table whose indicators run down it: "指标" (上海 2023 社会消费品零售总额, corpus 089).
INDICATOR_COLUMN_CAPTIONS = ("指标", "指标名称")
# ... and "项目", where a district's 财政局 lists its budget's lines ("项目 | 累计完成 | 增长（%）" under "巴南区财政收支情况":
# ledger corpus 212, branch ledgers44): read as one place's indicators only where the title names the place
# (``_read_indicators_down``); under a title naming none, a 项目 column is some other table's (a balance of no named kind,
# kinds of project), left to the readers after it.
ITEM_COLUMN_CAPTIONS = ("项目",)


def _year_to_date_column(header: list, columns: list[int]) -> int | None:
    """Of a header's figure columns ``columns`` ("本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%)"), the one of
    the year to date (``_names_year_to_date``: "1-本月"), leaving out the derived ones (``DERIVED_SUBCAPTIONS``);
    None unless exactly one such column stands beside one of the month alone."""
    plain = [col for col in columns if not any(w in _bare_caption(_text(header[col])) for w in DERIVED_SUBCAPTIONS)]
    to_date = [col for col in plain if _names_year_to_date(_text(header[col]))]
    month = [col for col in plain if _names_month_alone(_text(header[col]))]
    return to_date[0] if len(to_date) == 1 and len(month) == 1 and len(plain) == 2 else None


def _names_institutions(grid: list[list], first_row: int, entity_col: int) -> bool:
    """Whether the table below ``first_row`` names single institutions (a row with figures whose name is no kind of
    institution, no total and no note: "工商银行XX分行"), not only kinds ("国有商业银行", "股份制商业银行" …)."""
    for index in range(first_row, len(grid)):
        row = grid[index]
        name = _plain_name(row, entity_col)
        if (name and any(_text(cell) for col, cell in enumerate(row) if col != entity_col)
                and not KIND_OF_INSTITUTION.match(name) and not TOTAL_ROW.match(name) and not _is_note(name)
                and not _opens_its_parts(grid, index, entity_col)):
            return True
    return False


def _opens_its_parts(grid: list[list], index: int, entity_col: int) -> bool:
    """Whether row ``index`` is the whole of a table by kind, no body and no place, its next named row breaking it
    down with "其中：": kinds that are no bodies ("本外币各项贷款" over "其中：企业和机关团体贷款", 中山 2019, ledger
    corpus 067) or kinds of institution ("人民币各项存款" over "其中：中资银行", then "外资银行": 上海 2008, corpus 085)."""
    name = _plain_name(grid[index], entity_col)
    part = _next_name(grid, index, entity_col)
    if not _PARTS_MARK.match(part) or _names_body_or_place(name):
        return False
    kind = _PARTS_MARK.sub("", part)
    return not _names_body_or_place(kind) or bool(KIND_OF_INSTITUTION.match(simplified(kind)))


def _is_kind_subtotal(grid: list[list], index: int, entity_col: int, banks: bool) -> bool:
    """Whether row ``index`` sums other rows rather than being an institution: in a table of single institutions
    (``banks``), any row naming a kind ("国有商业银行", "其中：地方法人机构": ``KIND_OF_INSTITUTION``) is a subtotal or a
    breakdown; in a table by kind (银监会: 国有商业银行, 股份制商业银行 … as the entities, ledger corpus 039, 042) only
    the whole its next named row breaks down with "其中：" ("银行业金融机构" over "其中：大型商业银行") is."""
    name = _plain_name(grid[index], entity_col)
    if not KIND_OF_INSTITUTION.match(name):
        # a table of kinds (loans by kind, banks by kind): the whole its next row breaks down with 其中： is a total
        return _opens_its_parts(grid, index, entity_col)
    if banks:
        return True
    raw = _text(grid[index][entity_col] if entity_col < len(grid[index]) else None)
    if _PARTS_MARK.match(re.sub(r"\s+", "", raw)):
        return False
    return bool(_PARTS_MARK.match(_next_name(grid, index, entity_col)))


def _next_name(grid: list[list], index: int, entity_col: int) -> str:
    """The entity cell of the first row under row ``index`` that fills it, without spaces ("其中：大型商业银行"), or ""
    when none does. Rows are read by number, not copied: asked for each row of a 50,000-row table, this stays linear."""
    for below in range(index + 1, len(grid)):
        row = grid[below]
        text = re.sub(r"\s+", "", _text(row[entity_col] if entity_col < len(row) else None))
        if text:
            return text
    return ""


def _plain_name(row: list, entity_col: int) -> str:
    """A row's name without spaces, its 其中： and its numbering, in simplified characters ("二、股份制銀行" → 股份制银行)."""
    name = re.sub(r"^(其中|含)[:：]", "", re.sub(r"\s+", "", _text(row[entity_col] if entity_col < len(row) else None)))
    if name and parse_number(name):
        name = parse_number(name)[1].strip() or name
    return simplified(name)


def _indent(cell) -> int:
    return len(cell) - len(cell.lstrip()) if isinstance(cell, str) else 0


def _heads_indented_rows(grid: list[list], index: int, entity_col: int, number_col: int | None) -> bool:
    """Whether row ``index`` is a group's heading: its name and nothing else, the next named row's name indented
    deeper (山东 2016: "济南市" over "  历下区", "  市中区" …). A row of a name alone that nothing indented follows is an
    institution without figures yet (a template sent out to be filled)."""
    row = grid[index]
    if any(_text(cell) for col, cell in enumerate(row) if col not in (entity_col, number_col)):
        return False
    for below in grid[index + 1:]:
        cell = below[entity_col] if entity_col < len(below) else None
        if _text(cell):
            return _indent(cell) > _indent(row[entity_col])
    return False


# A footnote mark before a name in a yearbook's header ("△市区": the note under the table says what the area covers).
_NOTE_MARK = re.compile(r"^[△▲☆★※*＊#＃]+")


def _is_figure(text: str) -> bool:
    try:
        return _number(text) is not None
    except ValueError:
        return False


def _read_across(grid: list[list], indicators: list[IndicatorColumn], table_unit: str | None, limits: LedgerLimits,
                 filename: str, marks: tuple[str | None, list[TableIssue]] = (None, None)) -> tuple[list[TableRow], list[TableIssue], int] | None:
    """The table laid out the other way round, as statistical yearbooks print it (湖州 2009 "分县区保险业主要指标": the
    areas across the header, the indicators down the first column, "全  市" a total column): (rows, issues, totals
    skipped), or None when no row of names across has an indicator's row below it. The header is the first of the first
    30 rows with two names or more after its first cell and none a figure; each indicator's first row below it gives
    every area its value, converted from the table's unit as ``read_table`` does. A footnote mark before a name is
    dropped ("△市区" -> 市区)."""
    for index, header in enumerate(grid[:30]):
        names = [(col, _NOTE_MARK.sub("", re.sub(r"\s+", "", _text(cell)))) for col, cell in enumerate(header)
                 if col > 0 and _text(cell)]
        if len(names) < 2 or any(_is_figure(name) or _is_measure_caption(name) for _, name in names):
            continue  # a row of figures, or of measures ("6月末余额 | 同比增长（%）" under a caption): no names across
        found: dict[str, int] = {}
        for number, row in enumerate(grid[index + 1:], start=index + 2):
            indicator = _match(_text(row[0]), indicators) if row else None
            if indicator is not None:
                found.setdefault(indicator.name, number)
        if not found:
            continue
        by_name = {indicator.name: indicator for indicator in indicators}
        rows, issues, skipped = [], [], 0
        for col, name in names:
            if TOTAL_ROW.match(name):
                skipped += 1
                continue
            figures: dict[str, float] = {}
            for indicator_name, number in found.items():
                row = grid[number - 1]
                cell = row[col] if col < len(row) else None
                wanted = by_name[indicator_name].measure_unit
                try:
                    value = _converted(cell, table_unit or wanted, wanted, (marks[0], number, col), marks[1],
                                       indicator_name)
                except ValueError as error:
                    issues.append(TableIssue(number, indicator_name, f"{name}的{error}"))
                    continue
                if value is not None:
                    figures[indicator_name] = value
            rows.append(TableRow(row=index + 1, entity=name, values=figures))
        if len(rows) > limits.max_rows:
            raise LedgerRefused(f"{filename}: 数据行超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
        return rows, issues, skipped
    return None


# A yearbook's English beside the Chinese ("项   目 Item", " 寿 险  Life Insurance": 广州统计年鉴 2022, ledger corpus
# 071): the words from the first Latin letter on, no part of the caption or the name; what English may hold.
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ENGLISH = _LATIN_LETTERS | frozenset("0123456789.,'()/&-")
# A column captioned with a year alone ("2021", "2021年"): a yearbook's years side by side.
_YEAR_CAPTION = re.compile(r"^((?:19|20)\d{2})年?$")


def _chinese(cell) -> str:
    """A bilingual yearbook cell's Chinese, without its English and its spaces ("寿 险  Life Insurance" -> 寿险): the
    tail of English characters and blanks is cut from its first Latin letter (and the blanks before it) on. One walk
    back over the text, linear in its length."""
    text = _text(cell)
    start = len(text)
    while start and (text[start - 1] in _ENGLISH or text[start - 1].isspace()):
        start -= 1
    letter = next((at for at in range(start, len(text)) if text[at] in _LATIN_LETTERS), None)
    if letter is not None:
        while letter > start and text[letter - 1].isspace():
            letter -= 1
        text = text[:letter]
    return re.sub(r"\s+", "", text)


def _is_reach_caption(cell) -> bool:
    """Whether a header cell names only the reach of the figures under it, no indicator ("本年累计/截至当期", "本年累计",
    "本期": ``VALUE_SUBCAPTIONS``, parts joined with "/"): the one figure column of a 经营情况表 whose indicators run down
    its 项目 column (全国寿险公司 2019年1-4月, ledger corpus 078)."""
    parts = [part for part in re.split(r"[/／]", simplified(re.sub(r"\s+", "", _text(cell)))) if part]
    return bool(parts) and all(part in VALUE_SUBCAPTIONS for part in parts)


def _read_kinds_under_indicator(grid: list[list], indicators: list[IndicatorColumn], table_unit: str | None,
                                limits: LedgerLimits, filename: str,
                                marks: tuple[str | None, list[TableIssue]] = (None, None)
                                ) -> tuple[list[TableRow], list[TableIssue], int,
                                                                              str | None] | None:
    """A table of indicators down its first column, one broken down by kind under its own row: (rows, issues, rows
    skipped, period), or None when the table is not so laid out. Two layouts: a yearbook's, years across (广州统计年鉴
    2022, 6-17 人身保险公司主要指标: "项   目 Item | 2020 | 2021", the row "原保险保费收入 Premium of Primary Insurance"
    and under it the kinds indented one step, " 寿 险", " 意外伤害险", " 健康险", each over its breakdowns indented
    deeper), read in the newest year's column, the period that year's December (a yearbook's year-end figures, as
    "(2015年)" reads); and a 经营情况表's, one figure column captioned with its reach or its month (``_is_reach_caption``:
    全国寿险公司 2019年1-4月, "项目 | 本年累计/截至当期", "原保险保费收入" over "其中:寿险", "      意外险", "      健康险";
    表1 2017年1-4月保险业经营数据, "(blank) | 2017年4月", "原保险保费收入" over "1.财产险", "2.人身险" and its
    "(1)人身意外伤害" …), the period the caption's month, else None (the title's, read by ``read_table``). The header is a
    row whose first cell names the kinds (``is_entity_caption``, its English dropped) or is blank; the registered
    indicator is the first row under it whose name (``_match``) it is and that holds a figure; its kinds are the rows
    under it that are numbered (in the style of the first numbered one, "1."; its number dropped), open with "其中:"
    (the first kind) or are indented deeper, at the shallowest step of the unmarked ones, converted from the table's
    unit; a row numbered in another style ("(1)"), indented deeper than that step, or marked "其中:" after the first
    kind ("      其中:普通寿险"), is a kind's breakdown; a row of no figure ("按险种分 Classify by Insurance Code") is a
    section line; the first row indented no deeper than the indicator's, unnumbered and not its first "其中:", or
    numbered as the indicator's own row ("二、原保险赔付支出" after "一、原保险保费收入"), or naming a kind read already
    ends it."""
    for index, header in enumerate(grid[:30]):
        if not header or (_chinese(header[0]) and not is_entity_caption(_chinese(header[0]))
                          and simplified(_chinese(header[0])) not in INDICATOR_COLUMN_CAPTIONS):
            continue  # the kinds' column is captioned (项目, 项   目 Item, 指标) or left blank (表1 保险业经营数据)
        years = {col: found.group(1) for col, cell in enumerate(header)
                 if col > 0 and (found := _YEAR_CAPTION.match(re.sub(r"\s+", "", _text(cell))))}
        others = [col for col, cell in enumerate(header) if col > 0 and col not in years and _text(cell)]
        if years and not others:
            col = max(years, key=lambda at: years[at])
            period = f"{years[col]}-12"
        elif not years and len(others) == 1 and (_is_reach_caption(header[others[0]])
                                                 or period_from_title(_text(header[others[0]]))):
            col, period = others[0], period_from_title(_text(header[others[0]]))  # "2017年4月"; 本年累计: the title's
        elif not years and (col := _year_to_date_column(header, others)) is not None:
            period = None  # "本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%)": the title's month
        else:
            continue
        below = grid[index + 1:]
        start = next((at for at, row in enumerate(below) if row and _match(_chinese(row[0]), indicators)
                      and _is_figure(_text(row[col] if col < len(row) else None))), None)
        if start is None:
            return None
        indicator = _match(_chinese(below[start][0]), indicators)
        # the unit the indicator's own row writes ("社會消費品零售總額(億元)"), else the table's
        unit = (found.group(1) if (found := CAPTION_UNIT.search(simplified(_text(below[start][0])))) else table_unit)
        top, step, numbering = _indent(below[start][0]), None, None
        first_mark = None  # the depth of the first kind marked 其中 (or #): a mark there opens another breakdown
        own_style = _row_number(_text(below[start][0]).strip())  # "一、原保险保费收入": the indicators' numbering
        rows, issues, skipped = [], [], 0
        for number, row in enumerate(below[start + 1:], start=index + start + 3):
            cell = row[col] if row and col < len(row) else None
            if not row or not _chinese(row[0]) or not any(_is_figure(_text(c)) for c in row[1:]):
                continue  # a blank row, or a section line with no figure
            text = _text(row[0]).strip()
            depth, marked, style = _indent(row[0]), bool(_KIND_MARK.match(text)), _row_number(text)
            if (depth <= top and not style and not (marked and not rows)) or (style and style == own_style):
                break  # the next indicator's row
            opens = marked and (first_mark is None or depth <= first_mark)
            if opens:
                # "   # 吃的商品" at the depth of "   # 批發零售業": the indicator's second breakdown, kinds again (上海
                # 2023年3月 社会消费品零售总额, ledger corpus 089); "      其中:普通寿险" deeper is a kind's own breakdown
                first_mark, step = depth, None
            if style:
                numbering = numbering or style
                if style != numbering:
                    skipped += 1  # "(1)人身意外伤害" under "2.人身险": a kind's breakdown
                    continue
                text = parse_number(text)[1]
            elif marked and not opens:
                skipped += 1  # "其中:普通寿险" under a kind: its breakdown
                continue
            elif not marked:
                step = depth if step is None else step
                if depth > step:
                    skipped += 1  # a kind's breakdown (个人业务, 新单保费 …)
                    continue
            entity = _chinese(_KIND_MARK.sub("", text))
            try:
                value = _converted(cell, unit or indicator.measure_unit, indicator.measure_unit, (marks[0], number, col),
                                   marks[1], indicator.name, entity)
            except ValueError as error:
                issues.append(TableIssue(number, indicator.name, str(error), entity))
                continue
            if any(read.entity == entity for read in rows):
                break  # a kind named again: the next indicator's kinds, its own row not told apart
            rows.append(TableRow(row=number, entity=entity,
                                 values={indicator.name: value} if value is not None else {}))
            if len(rows) > limits.max_rows:
                raise LedgerRefused(f"{filename}: 数据行超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
        return (rows, issues, skipped, period) if rows else None
    return None


#: The column of a row's own unit beside the indicators down a table's first column ("指标 | 单位 | 一季度 | 增长（%）").
_ROW_UNIT_CAPTION = re.compile(r"^(?:计量)?单位$")
#: What a table of one place's own figures is about, right after the place in its title (``_TITLE_PLACE``).
_TITLE_SUBJECT = "财政|预算|一般公共预算|税收|金融|社会消费品|固定资产|工业|农业|统计"
#: The place a table of one place's indicators names in its title, before the year ("酉阳县2025年一季度主要经济指标",
#: "2025年一季度酉阳县主要经济指标"): a name ending in a level of government (省, 市, 县, 区, 州, 旗, 盟).
_TITLE_PLACE = re.compile(r"^\s*([\u4e00-\u9fff]{1,12}?(?:自治州|自治县|省|市|县|区|州|旗|盟))\s*(?:(?:19|20)\d{2}\s*年|$|"
                          # "垫江县主要经济指标": no year, the period elsewhere (corpus 098); "巴南区财政收支情况": a
                          # 财政局's table of its budget, the month in the sheet's name (corpus 212, branch ledgers44)
                          r"(?=主要|经济|国民|{_SUBJECT}))".replace("{_SUBJECT}", _TITLE_SUBJECT))
_TITLE_PLACE_AFTER = re.compile(r"(?:19|20)\d{2}\s*年(?:[\d\s—\-－~至]*月(?:份|末|底)?|[一二三四五六七八九十]+月(?:份|末|底)?|"
                                r"(?:前三|[一二三四1-4])季度|[上下]半年)?"
                                r"(?:全)?([\u4e00-\u9fff]{1,12}?(?:自治州|自治县|省|市|县|区|州|旗|盟))(?:主要|经济|国民)")


def title_place(title: str | None) -> str | None:
    """The place whose figures a table of indicators down its first column gives, as its title names it: before the
    year ("酉阳县2025年一季度主要经济指标" → 酉阳县), after the period ("2025年一季度酉阳县主要经济指标" → 酉阳县), or
    before the table's words where the title names no period ("垫江县主要经济指标" → 垫江县, the period in the sheet's
    name: ledger corpus 098);
    None when the title names none, or only the whole it stands for (全县, 全市: which place is that?)."""
    text = simplified(re.sub(r"\s+", "", title or ""))
    found = _TITLE_PLACE.match(text) or _TITLE_PLACE_AFTER.search(text)
    place = found.group(1) if found else None
    return None if not place or TOTAL_ROW.match(place) or place.startswith("全") else place


_NATION = re.compile(r"全国|国内")


def nation_named(title: str | None) -> str | None:
    """"全国" when a table of indicators down its first column is the nation's, as its title says ("全国…", or the
    国内生产总值 it gives: "表1:2013年1-3季度国内生产总值初步核算数据", ledger corpus 220, branch ledgers46); None otherwise.
    Unlike 全省 or 全县 (``title_place`` will not guess which), 全国 names one place."""
    return "全国" if title and _NATION.search(simplified(re.sub(r"\s+", "", title))) else None


def _captions_without_names_caption(header: list) -> bool:
    """Whether ``header`` is a header row whose first cell, over the names, is blank and whose other cells caption the
    figures in words, as a statistics bureau's table leaves the names' caption out (" | 绝对额(亿元) | 比去年同期增长(%)",
    ledger corpus 220): every cell after the blank written, two at least, none a figure (a unit line at the right,
    "单位：亿元", is no header)."""
    if not header or _text(header[0]):
        return False
    written = [_text(cell) for cell in header[1:]]
    return len(written) >= 2 and all(written) and all(_is_label(text) and not re.fullmatch(r"[\d\s.,%（）()—-]*", text) for text in written)


def _label_column(grid: list[list], index: int, captions: list[str], unit_col: int | None) -> int | None:
    """The column of an indicator's row labels in a table whose 指标 cell is merged down over its rows ("指标 | 项目 |
    单位 | 数值": "地区生产总值" over "总量" and "同比增长", 垫江 2023, ledger corpus 098): a column after the first, not
    the unit's, whose cells under the header hold words and no figure, one of them beside a blank first cell (the
    merged indicator's next row) and one naming a derived measure (``DERIVED_SUBCAPTIONS``: 同比增长). None when no
    column is so laid out."""
    rows = [row for row in grid[index + 1:] if row and any(_text(cell) for cell in row)]
    for col in range(1, len(captions)):
        if col == unit_col:
            continue
        labels = [(row, _text(row[col]) if col < len(row) else "") for row in rows]
        written = [label for _row, label in labels if label]
        if (written and all(_is_label(label) for label in written)
                and any(label and not _text(row[0]) for row, label in labels)
                and any(any(word in label for word in DERIVED_SUBCAPTIONS) for label in written)):
            return col
    return None


def _is_label(text: str) -> bool:
    """A row label's cell: words, no figure ("总量", "同比增长", "1-本月")."""
    try:
        _number(text)
    except ValueError:
        return True
    return False


def _figure_row(rows: list[tuple[int, list]], label_col: int | None) -> tuple[int, list] | None:
    """Of one indicator's rows (its own and those its merged cell spans), the row of its figure: the only one without a
    label column; else the year to date's ("累计", "1-本月": ``_names_year_to_date``) where one stands beside others,
    or the first whose label names no derived measure ("总量", "本月"; never "同比增长"). None when every row is derived."""
    if label_col is None:
        return rows[0]
    plain = [(number, row) for number, row in rows
             if not any(word in _text(row[label_col] if label_col < len(row) else None) for word in DERIVED_SUBCAPTIONS)]
    to_date = [(number, row) for number, row in plain
               if _names_year_to_date(_text(row[label_col] if label_col < len(row) else None))]
    return (to_date or plain or [None])[0]


def _read_indicators_down(grid: list[list], indicators: list[IndicatorColumn], table_unit: str | None,
                          title: str | None, limits: LedgerLimits, filename: str,
                          marks: tuple[str | None, list[TableIssue]] = (None, None)) -> tuple[list[TableRow], list[TableIssue], int, list[str]] | None:
    """One place's main indicators down the first column, no kinds under them (酉阳县 2025年一季度主要经济指标, ledger
    corpus 095: "指标 | 单位 | 一季度 | 增长（%）", "地区生产总值 | 亿元 | 56.82 | 4.6"): (one row for the place the title
    names, its issues, rows skipped, the captions of its header and of a sub-caption row under it, where a month may be
    written: "1-9月" over "绝对值 | 同比增长（%）", 涪陵 2025, ledger corpus 200), or None when the table is not so laid
    out. The header's first cell is 指标 or 指标名称 (``INDICATOR_COLUMN_CAPTIONS``), or 项目 under a title naming the place
    (``ITEM_COLUMN_CAPTIONS``: a 财政局's budget lines), or blank beside captions of figures only (a statistics bureau's
    table 1, ``_captions_without_names_caption``: read only where the title names the place or the nation, ledger corpus
    220); the figure column is the first one after it that is neither the row's unit
    (单位 / 计量单位), nor derived (增长, 同比 …: ``DERIVED_SUBCAPTIONS``), nor the labels of an indicator's rows
    (``_label_column``: each 指标 merged down over its "总量" and "同比增长" rows, 垫江 2023, corpus 098, where the
    indicator's figure is on its ``_figure_row``), or the year to date where the month's own stands beside it
    (``_year_to_date_column``); each row whose name is a registered indicator (``_match``, its indentation dropped)
    gives that indicator's figure, converted from the row's unit (else the figure column's caption's, "绝对额(亿元)", else
    the table's); the first row of each indicator is read. The place is the one ``title`` names (``title_place``), else
    the one a line above the header names (a title without a period: "垫江县主要经济指标"), else the nation where the
    title names it (``nation_named``: 全国, 国内生产总值; never for a 项目 column). Raises LedgerRefused when the rows name registered indicators but no title
    names a place: whose figures they are cannot be guessed."""
    for index, header in enumerate(grid[:30]):
        first_caption = simplified(_chinese(header[0])) if header else ""
        unnamed = _captions_without_names_caption(header)
        if (first_caption not in INDICATOR_COLUMN_CAPTIONS and first_caption not in ITEM_COLUMN_CAPTIONS
                and not unnamed):
            continue
        captions = [_bare_caption(_text(cell)) for cell in header]
        unit_col = next((col for col, caption in enumerate(captions) if col and _ROW_UNIT_CAPTION.match(caption)), None)
        label_col = _label_column(grid, index, captions, unit_col)
        figures = [col for col, caption in enumerate(captions)
                   if col and col not in (unit_col, label_col) and caption
                   and not any(w in caption for w in DERIVED_SUBCAPTIONS)]
        if not figures:
            return None
        col = _year_to_date_column(header, figures) if len(figures) > 1 else None
        col = figures[0] if col is None else col
        groups: list[tuple[IndicatorColumn | None, list[tuple[int, list]]]] = []
        for number, row in enumerate(grid[index + 1:], start=index + 2):
            if (label_col is not None and groups and row and not _text(row[0])
                    and label_col < len(row) and _text(row[label_col])):
                groups[-1][1].append((number, row))  # the merged 指标 cell's next row: "同比增长" under "总量"
                continue
            groups.append((_match(_chinese(row[0]), indicators) if row else None, [(number, row)]))
        values: dict[str, float] = {}
        issues, skipped, first = [], 0, None
        for indicator, rows in groups:
            chosen = _figure_row(rows, label_col) if indicator is not None and indicator.name not in values else None
            if chosen is None:
                skipped += sum(bool(row and any(_text(cell) for cell in row)) for _number_, row in rows)
                continue
            number, row = chosen
            unit_cell = simplified(_text(row[unit_col])) if unit_col is not None and unit_col < len(row) else ""
            caption_unit = CAPTION_UNIT.search(simplified(_text(header[col])))
            unit = unit_cell if unit_cell in SCALES else (
                caption_unit.group(1) if caption_unit else table_unit or indicator.measure_unit)
            cell = row[col] if col < len(row) else None
            try:
                value = _converted(cell, unit, indicator.measure_unit, (marks[0], number, col), marks[1], indicator.name)
            except ValueError as error:
                issues.append(TableIssue(number, indicator.name, str(error)))
                continue
            if value is not None:
                values[indicator.name] = value
                first = first or number
        if not values and not issues:
            return None
        place = title_place(title) or next(
            (found for line in _caption_lines(grid[:index]) if (found := title_place(line))), None)
        if place is None and first_caption not in ITEM_COLUMN_CAPTIONS:
            place = nation_named(title)
        if place is None and (first_caption in ITEM_COLUMN_CAPTIONS or unnamed):
            return None  # a 项目 column (or none captioned) whose title names no place: not one place's own figures
        if place is None:
            raise LedgerRefused(f"{filename}: 第{index + 1}行起指标按行排列（“{_text(header[0])}”列），但标题没有写明是哪个"
                                f"地区的数字：请在标题里写明地区（如“某某县2025年一季度主要经济指标”），或按模板每行一个"
                                f"地区填写后再导入。", "no_header")
        if len(values) > limits.max_rows:
            raise LedgerRefused(f"{filename}: 数据行超过上限 {limits.max_rows} 行，请拆分后再上传。", "too_many_rows")
        below = grid[index + 1] if index + 1 < len(grid) else []
        caption_rows = grid[index:index + (2 if below and not _text(below[0]) else 1)]  # a sub-caption row: blank first
        captions_written = [_text(cell) for row in caption_rows for cell in row if _text(cell)]
        return [TableRow(row=first or index + 2, entity=place, values=values)], issues, skipped, captions_written
    return None


def _row_styles(row: list, entity_col: int, number_col: int | None) -> tuple[str | None, str | None]:
    """The numbering styles of a data row: its 序号 cell's and its name's prefix's (None where none)."""
    cell = row[number_col] if number_col is not None and number_col < len(row) else None
    name = row[entity_col] if entity_col < len(row) else None
    return _row_number(cell), _row_number(name) if isinstance(name, str) else None


def write_template(period: str, indicators: list[IndicatorColumn], entities: list[str],
                   values: dict[tuple[str, str], float] | None = None, title_note: str = "") -> bytes:
    """An .xlsx template: title "YYYY年M月末全市各金融机构金融指标情况表" followed by ``title_note`` (a sample
    table's: sample.SAMPLE_NOTE), a 单位 line, a header 机构名称 + one column per indicator (its 计量单位 in the
    caption), one row per entity, filled from ``values`` {(entity, indicator name): value} where given.
    read_table reads it back."""
    from ..ledger.cells import set_text_cell

    from ..periods import period_label  # 2026年11月: the one place a month is written for people

    book = Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet.append([f"{period_label(period)}末全市各金融机构金融指标情况表{title_note}"])
    units = sorted({indicator.measure_unit for indicator in indicators})
    sheet.append([f"单位：{units[0]}" if len(units) == 1 else "单位：见各列"])
    sheet.append(["机构名称"] + [f"{i.name}（{i.measure_unit}）" for i in indicators])
    for entity in entities:
        sheet.append([None] + [(values or {}).get((entity, i.name)) for i in indicators])
        set_text_cell(sheet.cell(row=sheet.max_row, column=1), entity)
    sheet.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
