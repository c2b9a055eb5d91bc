"""Branch notices27: a notice's time captions and a work report's parts copied onto one line.

1. A 公告 / 通告 / 禁令 numbers its items and writes a time caption in some of them ("三、禁猎期：…至…"): the
   period is the item's deadline as written, due at its end, the year the notice's own when the period omits it.
   A plan's sentence that merely mentions a period keeps the grammar's old reading.
2. A work report copied from a page writes a whole part on one line: a bracketed heading standing after the
   part's lead-in colon ("…以下几项工作: (一)…") is the part's child where it stands, its 一是 list its own.

The wording here is invented (a 狩猎 ban, a 图书馆 closure, a 供水 notice, a 档案局 report), not the corpus's.
"""
from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, notice_period, parse_due_date


def _notice(item: str, signed: str = "2024年10月8日") -> list:
    text = f"某县人民政府关于有关事项的通告\n现将有关事项通告如下：\n{item}\n二、其他事项另行通知。\n某县人民政府\n{signed}\n"
    return parse_plan_text(text).measures


def _period(item: str) -> tuple[str | None, datetime.date | None]:
    """(deadline as written, due date) of ``item``, the first item of a county's 通告 signed on 2024年10月8日."""
    measure = _notice(item)[0]
    return measure.deadline, measure.due_date


# ---- 1. A notice's time caption ---------------------------------------------------------------------------------

@pytest.mark.parametrize("item, deadline, due", [
    # a hunting ban crossing the new year, the end's year written
    ("一、禁猎期：2024年11月1日至2025年2月28日。", "2024年11月1日至2025年2月28日", datetime.date(2025, 2, 28)),
    # the year left out: the notice's year; the end before the start falls in the next year
    ("一、禁猎期限：11月1日—次年2月28日", "11月1日—次年2月28日", datetime.date(2025, 2, 28)),
    ("一、闭馆期间：12月20日至1月5日。", "12月20日至1月5日", datetime.date(2025, 1, 5)),
    # hours and a weekday, the end only an hour of the same day
    ("一、停水时间：10月15日（星期二）8:00～20:00。", "10月15日（星期二）8:00～20:00", datetime.date(2024, 10, 15)),
    ("一、受理时段：10月21日上午8时30分至下午5时30分", "10月21日上午8时30分至下午5时30分", datetime.date(2024, 10, 21)),
    # a window from today, 自 and 止 dropped
    ("一、申报时间：自即日起至2024年11月30日止。", "即日起至2024年11月30日", datetime.date(2024, 11, 30)),
    # a period with a bracketed remark after it: the remark is not the period
    ("一、管制日期：2024年10月10日-10月31日（视天气情况可提前解除）", "2024年10月10日-10月31日", datetime.date(2024, 10, 31)),
    # written in traditional characters and Chinese numerals
    ("一、禁獵時間：二〇二四年十一月一日至十二月三十一日", "二〇二四年十一月一日至十二月三十一日", datetime.date(2024, 12, 31)),
])
def test_a_notices_time_caption_gives_its_period_as_the_deadline_due_at_its_end(item, deadline, due):
    """As a supervisor, a 通告's item "禁猎期：…至…" is due when its period ends; I see the period as written."""
    assert _period(item) == (deadline, due)


def test_a_yearly_period_is_written_whole_with_no_one_due_date():
    assert _period("一、禁捕期：每年4月1日零时至7月31日24时。") == ("每年4月1日零时至7月31日24时", None)


def test_a_caption_item_that_goes_on_after_its_period_keeps_the_period():
    """"一、交通管制时间：…。管制期间，…" — the caption sentence opens the item; what follows is its body."""
    assert _period("一、交通管制时间：10月12日7:00至10月13日18:00。管制期间，禁止货车通行。") == (
        "10月12日7:00至10月13日18:00", datetime.date(2024, 10, 13))


def test_the_period_on_a_line_of_its_own_under_a_time_heading_keeps_its_hours():
    text = ("关于实行季节性禁渔的通告\n一、禁渔时间\n3月1日0时至6月30日24时\n二、禁渔区域\n全县天然水域。\n"
            "某县农业农村局\n2025年2月20日\n")
    first = parse_plan_text(text).measures[0]
    assert (first.deadline, first.due_date) == ("3月1日0时至6月30日24时", datetime.date(2025, 6, 30))


def test_a_notice_whose_items_end_without_punctuation_keeps_its_signature_and_dates_its_periods():
    """Items written without a full stop (a 公告 set as a list) above the issuer and the date: the signature is no wrap
    of the last item, so the notice is dated and a period without its year falls in the notice's year."""
    text = ("某镇人民政府关于开展义诊活动的公告\n现将有关事项公告如下：\n1. 义诊时间：3月9日（星期六）上午8:30—11:30\n"
            "2. 义诊地点：镇卫生院门诊楼\n3. 报名时间：即日起至3月8日17:00\n\n某镇人民政府\n2024年3月1日\n")
    draft = parse_plan_text(text)
    assert draft.issued_on == datetime.date(2024, 3, 1)
    assert [(m.path, m.deadline, m.due_date) for m in draft.measures] == [
        (["1"], "3月9日（星期六）上午8:30—11:30", datetime.date(2024, 3, 9)),
        (["2"], None, None),
        (["3"], "即日起至3月8日17:00", datetime.date(2024, 3, 8))]
    assert "某镇人民政府" not in draft.measures[-1].text


@pytest.mark.parametrize("item", [
    "一、有效期：2024年10月1日至2026年9月30日。",    # a term in force
    "一、开工时间：2024年11月1日。",                  # a start
    "一、咨询时间：工作日上午。",                      # no calendar day
    "一、实施时间：分三个阶段推进。",                  # no period
    "一、检查时间：2024年10月10日至12月31日期间，各乡镇开展自查。",  # more than the period
])
def test_a_caption_whose_value_is_no_period_of_the_notice_gives_no_deadline(item):
    assert _notice(item)[0].deadline is None


@pytest.mark.parametrize("caption", ["禁猎期：11月1日至12月31日", "停水时间：10月15日8:00～20:00",
                                     "演练日期：10月25日（星期五）", "封闭期限：自即日起至10月31日止"])
def test_notice_period_reads_the_caption_words_of_any_notice(caption):
    assert notice_period(caption) is not None
    assert notice_period(caption.replace("：", "：约")) is None  # a word before the period: not the period alone


def test_a_plan_sentence_mentioning_a_period_is_read_as_before():
    """In a plan's measure a period mentioned in a sentence stays what the grammar read before: none here, and the
    campaign's span opening its clause with its work is still its deadline."""
    assert find_text_deadline("2024年3月1日至12月31日期间，组织开展安全生产大检查。") is None
    assert find_text_deadline("2024年3月1日至6月30日，开展专项整治。") == "2024年3月1日至6月30日"


def test_a_periods_end_written_without_its_year_before_its_start_falls_in_the_next_year():
    assert parse_due_date("12月15日—2月15日", 2024) == datetime.date(2025, 2, 15)
    assert parse_due_date("2月15日—12月15日", 2024) == datetime.date(2024, 12, 15)
    assert parse_due_date("12月29日—2月29日", 2023) == datetime.date(2024, 2, 29)  # a leap day next year


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(caption=st.sampled_from(["禁猎期", "停电时间", "受理时段", "封闭期限", "闭馆日期", "管制期间"]),
       start=st.dates(datetime.date(2000, 1, 1), datetime.date(2049, 12, 1)),
       days=st.integers(0, 300), dash=st.sampled_from(["至", "—", "-", "～", "到"]))
def test_any_captioned_period_is_due_at_its_end(caption, start, days, dash):
    """Invariant: a caption with a period of two full dates is read whole and is due on the later one."""
    end = start + datetime.timedelta(days=days)
    period = f"{start.year}年{start.month}月{start.day}日{dash}{end.year}年{end.month}月{end.day}日"
    assert notice_period(f"{caption}：{period}。") == period
    assert parse_due_date(period) == end


# ---- 2. A work report's parts on one line -----------------------------------------------------------------------

def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def test_a_bracketed_heading_after_the_parts_colon_is_read_where_it_stands():
    """A report whose part 二 is on one line, its only bracketed heading after the lead-in's colon, titled and then a
    blank before its body: the 一是 list is the (一)'s, not the part's."""
    text = ("某市档案局2023年工作总结\n"
            "一、基本情况\n全年接收档案1.2万卷。\n"
            "二、主要做法: 今年我局着重抓了以下工作: (一)夯实档案基础业务,馆藏结构持续优化 全年完成进馆任务。"
            "一是开展数字化扫描。二是完成库房改造。三是规范移交流程。\n"
            "三、明年打算\n")
    assert _paths(text) == [["一"], ["二"], ["二", "(一)"], ["二", "(一)", "一是"], ["二", "(一)", "二是"],
                            ["二", "(一)", "三是"], ["三"]]


def test_the_next_heading_inside_a_later_line_after_a_sentence_goes_on_the_list():
    """The page broke its lines inside paragraphs: (二) stands inside the next line after a full stop."""
    text = ("某县统计局工作情况\n"
            "一、工作开展情况：围绕中心工作，重点做了三件事：（一）完善统计制度。一是修订报表目录，二是清理重复报表，"
            "\n压减报表12张。（二）提升数据质量。一是开展执法检查。二是组织业务培训。\n"
            "（三）加强队伍建设。一是选派骨干挂职。二是落实考核办法。\n"
            "二、存在问题\n")
    assert _paths(text) == [["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"],
                            ["一", "（二）"], ["一", "（二）", "一是"], ["一", "（二）", "二是"],
                            ["一", "（三）"], ["一", "（三）", "一是"], ["一", "（三）", "二是"], ["二"]]


@pytest.mark.parametrize("line", [
    "一、工作目标：（一）季度完成投资30%以上 各单位要加快进度。",   # a quarter, no item
    "一、分类管理：(二)类企业每年检查一次。",                       # a class, and no first item either
])
def test_a_bracketed_numeral_naming_a_quarter_or_a_class_opens_no_item(line):
    assert _paths("某县工作要点\n" + line + "\n二、保障措施\n") == [["一"], ["二"]]


_TITLES = ["强化源头治理,防控体系更加完善", "深化改革创新", "提升服务效能,群众满意度稳步提高", "压实工作责任"]
_WORKS = ["建立台账", "开展巡查", "完善制度", "组织培训", "强化考核"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.tuples(st.sampled_from(_TITLES), st.lists(st.sampled_from(_WORKS), min_size=2, max_size=4)),
                      min_size=1, max_size=3),
       blank=st.sampled_from([" ", "\u3000", "。"]), colon=st.sampled_from([":", "：", ": "]))
def test_every_inline_heading_of_a_one_line_part_is_kept_in_order(parts, blank, colon):
    """Invariant: a part written on one line with its bracketed headings and their 一是 lists loses no heading and
    no list item, and keeps their order, however the copy separates a title from its body."""
    cn = "一二三四"
    body = "".join(f"({cn[i]}){title}{blank}" + "".join(f"{cn[k]}是{work}。" for k, work in enumerate(works))
                   for i, (title, works) in enumerate(parts))
    text = f"某局工作总结\n一、主要工作{colon}今年做了以下工作{colon}{body}\n二、下步打算\n"
    expected = [["一"]]
    for i, (_, works) in enumerate(parts):
        expected.append(["一", f"({cn[i]})"])
        expected += [["一", f"({cn[i]})", f"{cn[k]}是"] for k in range(len(works))]
    expected.append(["二"])
    assert _paths(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="禁猎期时间：:至—-～年月日时点上下午0123456789（）()星期一二三四五六七八九十每次即起止，。 ", max_size=60))
def test_notice_period_and_its_due_date_never_raise(text):
    """Invariant: any caption-like text gives a period or None, and its due date a date or None; never an error."""
    period = notice_period(text)
    assert period is None or period in text.replace(" ", "")
    assert parse_due_date(period or text, 2024) is None or isinstance(parse_due_date(period or text, 2024), datetime.date)
