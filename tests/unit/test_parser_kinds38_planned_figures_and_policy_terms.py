"""Deadline kinds a held-out wave of GitHub files lost, told as a user's stories (issue 13, branch kinds38).

A 若干措施 plans its figures for the year of issue with the year opening the sentence and a verb of provision
(`2022年面向在本省消费的居民发放5000万元消费券`, `2022年广州增加3万个购车指标`): the year is the measure's deadline, due at
its end, as a target year with an aim verb is (kinds37). A result (`已发放`, `发放了`, `累计发放`), an earlier year, a rate
(`增长6%`) and an event (`2022年3月，省政府召开…`) stay none. A policy's term, the date before the relief it gives a group
(`2025年12月31日前，对从事二手车经销的纳税人…减按0.5%征收增值税`, `在2025年12月31日前，继续执行…优惠政策`), says how long people
benefit, not when the office must finish: no deadline, while the office's own time in the measure is still read. Wording invented after the forms the brief names (GOLD-README
"kinds38"); no development document of 2023 or earlier showing them was found in the pages corpus in time."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.signed_plans import deadlines_of_signed_plan
from tracker.parsing.deadlines import find_text_deadline


_ISSUED = datetime.date(2022, 3, 15)
_SIGNED = "省人民政府办公厅\n2022年3月15日"


def _read(title: str, items: list[str]) -> dict[tuple[str, ...], tuple[str | None, object]]:
    """Each measure's deadline and due date of a signed plan with numbered ``items`` under ``title``."""
    return deadlines_of_signed_plan(title, items, _SIGNED)


# ---- kind 1: a planned figure for the year of issue ------------------------------------------------------------

def test_a_measures_planned_figures_for_the_year_make_the_year_its_deadline_due_at_the_years_end():
    read = _read("关于促进消费恢复的若干措施", ["一、发放消费券。2022年面向在本省消费的居民发放5000万元消费券，提供10万张门票。",
                                            "二、推进适老化改造。2022年为不少于1.5万户困难老年人家庭开展适老化改造。",
                                            "三、扩大汽车消费。2022年广州增加3万个购车指标。",
                                            "四、回顾。2021年全省累计发放消费券3亿元。"])
    for path in (("一",), ("二",), ("三",)):
        assert read[path] == ("2022年", datetime.date(2022, 12, 31))
    assert read[("四",)] == (None, None)


@pytest.mark.parametrize("text", [
    "2022年已发放5000万元消费券。",
    "2022年累计发放5000万元消费券。",
    "2022年发放了5000万元消费券。",
    "2022年共发放5000万元消费券。",
    "2021年发放5000万元消费券。",  # earlier than the year of issue
    "2022年全市GDP增长6%。",  # a rate: the year names what the figure refers to (kinds37)
    "2022年全市常住人口1000万人。",  # a count no verb gives
    "2022年3月，省政府召开促消费工作推进会。",  # an event
    "2022年1-2月全市发放消费券3000万元。",  # what was done in a part of the year
    "2022年以来全市发放消费券5000万元。",  # a period since
])
def test_a_result_an_earlier_year_a_rate_or_an_event_is_no_deadline(text):
    assert find_text_deadline(text, _ISSUED) is None


_VERBS = st.sampled_from(["发放", "提供", "增加", "安排", "开展", "新开", "培训"])
_FIGURES = st.sampled_from(["5000万元消费券", "10万张门票", "3万个购车指标", "1.5万户适老化改造", "200场促消费活动", "3000人次技能培训"])
_SUBJECTS = st.sampled_from(["", "全省", "广州", "面向在本省消费的居民"])


@given(st.integers(min_value=2022, max_value=2026), _SUBJECTS, _VERBS, _FIGURES)
def test_the_year_opening_a_planned_figure_is_the_deadline_and_a_result_or_earlier_year_none(year, subject, verb, figure):
    assert find_text_deadline(f"{year}年{subject}{verb}{figure}。", _ISSUED) == f"{year}年"
    for result in (f"{year}年{subject}已{verb}{figure}。", f"{year}年{subject}累计{verb}{figure}。",
                   f"{year}年{subject}{verb}了{figure}。"):
        assert find_text_deadline(result, _ISSUED) is None
    assert find_text_deadline(f"{year - 5}年{subject}{verb}{figure}。", datetime.date(year, 3, 15)) is None


# ---- kind 2: a policy's term is no deadline ----------------------------------------------------------------------

def test_a_relief_policys_term_is_no_deadline_and_the_offices_own_time_is_still_read():
    read = _read("关于促进汽车消费的若干措施", [
        "一、支持二手车流通。2025年12月31日前，对从事二手车经销的纳税人销售其收购的二手车，减按0.5%征收增值税。",
        "二、降低充电成本。到2030年前，对充换电设施用电免收需量电费。",
        "三、延续购置税优惠。在2025年12月31日前，继续执行新能源汽车免征车辆购置税优惠政策。",
        "四、减轻小微企业负担。2024年底前，对小微企业免征增值税；各区于2022年6月底前完成政策宣传。"])
    for path in (("一",), ("二",), ("三",)):
        assert read[path] == (None, None)
    assert read[("四",)] == ("2022年6月底前", datetime.date(2022, 6, 30))


@pytest.mark.parametrize("text, deadline", [
    ("2022年6月底前，对全市小微企业开展走访。", "2022年6月底前"),  # work on a group, no relief
    ("2022年底前，实施老旧小区改造支持政策。", "2022年底前"),  # a policy put in place by then, not carried on
])
def test_work_on_a_group_by_a_date_stays_a_deadline(text, deadline):
    assert find_text_deadline(text, _ISSUED) == deadline


_DATES = st.sampled_from(["2025年12月31日前", "到2030年前", "2024年底前", "在2023年12月31日前", "2023年6月30日之前"])
_GROUPS = st.sampled_from(["从事二手车经销的纳税人", "小微企业", "充换电设施用电", "新购新能源汽车的个人"])
_RELIEFS = st.sampled_from(["减按0.5%征收增值税", "减半征收房产税", "免收需量电费", "免征车辆购置税", "暂免征收城镇土地使用税",
                            "给予每辆5000元补贴"])


@given(_DATES, _GROUPS, _RELIEFS, st.sampled_from(["，", ""]))
def test_any_date_before_a_relief_for_a_group_is_no_deadline_and_a_later_office_time_counts(date, group, relief, comma):
    text = f"{date}{comma}对{group}{relief}。"
    assert find_text_deadline(text, _ISSUED) is None
    assert find_text_deadline(f"{text}各地于2022年9月底前完成政策落地。", _ISSUED) == "2022年9月底前"
