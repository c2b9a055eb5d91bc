"""Deadlines the last stop noticed and left, told as a user's stories (issue 13, branch kinds39).

An office writes the time of an aim whole, its year and the part of the year it means (`2024年春季`, `2022年上半年`,
`2022年第三季度`), and often runs it on into the work without a comma (`2024年春季力争完成补植2000亩`, `2022年上半年发放
第一批消费券`): the deadline is the time whole, never its bare year, as it is with a comma (`2023年上半年，完成试点`). A town's
plan writes the year after its subject's words (`云塑小镇项目2021年二期计划投资20亿元`, 894): the year is the plan's aim as
`2021年计划投资…` opening the clause is. An event, a result, a step begun, a start, a span of months run on into the figure,
a year naming what a figure refers to and a year earlier than the plan's stay none (GOLD-README "kinds39")."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.signed_plans import deadlines_of_signed_plan
from tracker.parsing.deadlines import find_text_deadline, parse_due_date


_ISSUED = datetime.date(2022, 1, 10)
_SIGNED = "区人民政府办公室\n2022年1月10日"


def _read(title: str, items: list[str]) -> dict[tuple[str, ...], tuple[str | None, object]]:
    """Each measure's deadline and due date of a signed plan with numbered ``items`` under ``title``."""
    return deadlines_of_signed_plan(title, items, _SIGNED)


# ---- kind 1: a season or part of the year after the year, inside an aim ----------------------------------------

def test_a_season_or_half_year_run_on_into_the_aim_is_the_whole_time_not_the_bare_year():
    read = _read("关于印发某区2022年绿化和消费工作方案的通知", [
        "一、补植补造。2024年春季力争完成补植2000亩。",
        "二、发放消费券。2022年上半年力争发放消费券5000万元以上。",
        "三、道路绿化。对缺株断行路段，力争2024年春季前补植完成。",
        "四、学校建设。新校区确保2023年秋季开学前投入使用。",
        "五、苗木管护。确保2024年春季前补植到位。",
    ])
    assert read[("一",)] == ("2024年春季", None)  # a season names no calendar day (GOLD-README round 2)
    assert read[("二",)] == ("2022年上半年", datetime.date(2022, 6, 30))
    assert read[("三",)] == ("2024年春季", None)
    assert read[("四",)] == ("2023年秋季开学前", None)
    assert read[("五",)] == ("2024年春季", None)


_PARTS = st.sampled_from([("上半年", (6, 30)), ("下半年", (12, 31)), ("第三季度", (9, 30)), ("一季度", (3, 31)),
                          ("春季", None), ("秋季", None), ("冬季", None)])
_AIMS = st.sampled_from(["力争完成补植2000亩", "力争新建标准厂房10万平方米", "确保完成改造任务", "力争实现全覆盖"])


@given(year=st.integers(2022, 2030), part=_PARTS, aim=_AIMS)
def test_any_part_of_a_year_opening_an_aim_is_read_whole_and_due_at_its_end(year, part, aim):
    words, end = part
    deadline = find_text_deadline(f"{year}年{words}{aim}。", _ISSUED)
    assert deadline == f"{year}年{words}"
    due = parse_due_date(deadline, 2022, _ISSUED)
    assert due == (datetime.date(year, *end) if end else None)


# ---- kind 2: a time opening its sentence without a comma before the work -----------------------------------------

def test_a_time_opening_its_sentence_reads_the_same_with_or_without_the_comma():
    read = _read("关于印发某区2022年重点工作安排的通知", [
        "一、发放消费券。2022年上半年发放第一批消费券。",
        "二、验收。2022年第三季度完成验收。",
        "三、排查。2022年下半年全面开展排查。",
        "四、改造。2023年全面完成改造。",
    ])
    assert read[("一",)] == ("2022年上半年", datetime.date(2022, 6, 30))
    assert read[("二",)] == ("2022年第三季度", datetime.date(2022, 9, 30))
    assert read[("三",)] == ("2022年下半年", datetime.date(2022, 12, 31))
    assert read[("四",)] == ("2023年", datetime.date(2023, 12, 31))


@given(year=st.integers(2022, 2030), part=st.sampled_from(["上半年", "下半年", "第三季度", "6月", "9月底"]),
       work=st.sampled_from(["完成验收", "建成投用", "实现全覆盖", "全面完成改造"]))
def test_the_comma_after_an_opening_time_changes_nothing(year, part, work):
    run_on = find_text_deadline(f"{year}年{part}{work}。", _ISSUED)
    assert run_on == f"{year}年{part}"
    assert find_text_deadline(f"{year}年{part}，{work}。", _ISSUED) == run_on


@pytest.mark.parametrize("text", [
    "2022年3月15日省政府召开全省消费促进工作推进会。",  # an event
    "2021年已完成改造。",  # a result, and a year before the plan's
    "2022年上半年已发放消费券5000万元。",  # a result
    "2022年第三季度启动改造工作。",  # a step begun (deadlines29; wave 5's 2016年6月启动)
    "2024年起实施新标准。",  # a start: a way of working, no deadline (250–259)
    "2022年1-2月全市发放消费券3000万元。",  # what was done in a span of months (kinds38)
    "2022年全市GDP增长6%。",  # the year names what the figure refers to (kinds37)
    "预计，2022年上半年完成投资5亿元。",  # an estimate (deadlines29)
    "2022年上半年工作完成情况及下半年工作打算",  # a review's heading, as "上半年工作回顾" (the form part)
    "2022年上半年项目建设推进情况",
])
def test_an_event_a_result_a_step_begun_a_start_or_a_figures_year_is_no_deadline(text):
    assert find_text_deadline(text, _ISSUED) is None


@given(part=st.sampled_from(["上半年", "下半年", "第三季度", "春季"]), mark=st.sampled_from(["已", "累计已", "均已"]),
       work=st.sampled_from(["完成验收", "发放消费券5000万元", "建成投用"]))
def test_the_same_sentence_reporting_its_work_reads_none(part, mark, work):
    assert find_text_deadline(f"2022年{part}{mark}{work}。", _ISSUED) is None
    assert find_text_deadline(f"2022年{part}{work}了。", _ISSUED) is None


@given(year=st.integers(2015, 2021), part=st.sampled_from(["上半年", "下半年", "第三季度"]),
       work=st.sampled_from(["完成验收", "发放消费券5000万元", "建成投用"]))
def test_an_earlier_year_than_the_plans_reads_none(year, part, work):
    assert find_text_deadline(f"{year}年{part}{work}。", _ISSUED) is None


# ---- kind 3: a year inside the subject's clause -------------------------------------------------------------------

def test_a_year_after_its_subjects_words_is_the_aims_deadline_as_written():
    read = _read("关于印发某镇2022年重点工作安排的通知", [
        "一、推动重点项目建设。一是云塑小镇项目2022年二期计划投资20亿元，主要用于建设工业园；二是加快工业园二期建设。",
        "二、园区建设。XX园区2022年计划新建标准厂房10万平方米。",
        "三、固定资产投资。全镇2023年力争完成固定资产投资5亿元。",
        "四、科技企业。高新技术企业2024年突破3.5万家、2025年突破3.8万家。",
    ])
    assert read[("一", "一是")] == ("2022年", datetime.date(2022, 12, 31))
    assert read[("一", "二是")] == (None, None)
    assert read[("二",)] == ("2022年", datetime.date(2022, 12, 31))
    assert read[("三",)] == ("2023年", datetime.date(2023, 12, 31))
    assert read[("四",)] == (None, None)  # target years inside an indicator sentence (round 2)


@pytest.mark.parametrize("text", [
    "全市2022年GDP增长6%。",  # what a figure refers to (kinds37)
    "项目2022年计划完成情况良好。",  # a report on the plan
    "全市2022年已完成改造。",  # a result
    "我镇2022年计划投资了3亿元。",  # a result
    "项目2021年二期计划投资20亿元。",  # a year before the plan's
    "与2022年相比，全市计划新建学校5所。",  # a year a figure is compared with
])
def test_a_subjects_year_that_reports_compares_or_lies_before_the_plan_is_no_deadline(text):
    assert find_text_deadline(text, _ISSUED) is None


_SUBJECTS = st.sampled_from(["云塑小镇项目", "XX园区", "全镇", "经开区", "市文旅集团", "该项目"])
_PLANS = st.sampled_from(["计划投资3亿元", "二期计划新建厂房5万平方米", "力争完成投资5亿元", "确保建成投用", "拟引进企业10家"])


@given(subject=_SUBJECTS, year=st.integers(2022, 2030), plan=_PLANS)
def test_any_subject_before_the_year_of_its_plan_gives_that_year(subject, year, plan):
    assert find_text_deadline(f"{subject}{year}年{plan}。", _ISSUED) == f"{year}年"
    assert find_text_deadline(f"{subject}{year}年已{plan}。", _ISSUED) is None
    assert find_text_deadline(f"{subject}{year - 10}年{plan}。", _ISSUED) is None  # before the plan of 2022


# ---- a long sentence: 力争 before a time is read in the few characters before it -------------------------------------

@given(text=st.text(alphabet="力争取在于\n年2x，", max_size=40), data=st.data())
def test_striven_before_a_time_reads_as_a_search_of_the_whole_text_before_it(text, data):
    from tracker.parsing.deadlines import _STRIVEN_RE, _striven_before
    start = data.draw(st.integers(0, len(text)))
    assert _striven_before(text, start) == bool(_STRIVEN_RE.search(text, 0, start))


def test_a_long_sentence_of_striven_steps_reads_none_and_looks_back_only_a_few_characters(monkeypatch):
    from tracker.parsing import deadlines
    looked = []
    real = deadlines._STRIVEN_RE

    class Counting:
        """``_STRIVEN_RE`` that records how many characters each search is given."""
        def search(self, text, pos=0, endpos=None):
            looked.append((endpos if endpos is not None else len(text)) - pos)
            return real.search(text, pos, endpos if endpos is not None else len(text))

    monkeypatch.setattr(deadlines, "_STRIVEN_RE", Counting())
    sentence = "力争2023年开工，" * 200  # one sentence of 2,000 characters, each time a step begun
    assert find_text_deadline(sentence, _ISSUED) is None
    assert looked and max(looked) <= deadlines._STRIVEN_CHARS  # the old search read up to the whole text before each time
