"""Kinds a held-out wave of saved pages lost, told as a user's stories (issue 13, branch kinds37).

A measure's aim may write its target year inside the sentence without 到 (`…，2022年推动首批30个场馆免费开放`,
`力争2022年重点商圈…改造率达100%`): the year is the deadline, as `到2022年，…` is. A year that names what a figure refers to
(`2013年本市房价控制目标是：…`, `以2020年为基期`, `比2021年提高`) is none. A subsidy's or a promotion's period (`活动时间`,
`消费券使用时间`, `申领时间`, `补贴期限`) says when people may act, not when the office must finish: no deadline. A phone
number's bracket (`0571-12345678（区住建局）`) names who answers the phone, not a unit of the measure. Wording invented after
the forms the brief names and development documents 872–873 (GOLD-README "kinds37")."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline


def _read(text: str) -> dict[tuple[str, ...], tuple[str | None, object]]:
    return {tuple(m.path): (m.deadline, m.due_date) for m in parse_plan_text(text).measures}


# ---- kind 3: a subsidy's or a promotion's period ---------------------------------------------------------------

def test_a_coupon_notices_use_and_claim_periods_are_no_deadlines():
    read = _read("关于发放文旅消费券的通知\n一、发放消费券。向市民发放文旅消费券500万元。\n消费券使用时间：2023年1月20日-3月31日。\n"
                 "二、申领方式。市民通过云闪付申领，申领时间为2023年1月18日至1月31日。\n"
                 "三、做好兑付。各银行于2023年4月15日前完成资金兑付。")
    assert read[("一",)] == (None, None)
    assert read[("二",)] == (None, None)
    assert read[("三",)][0] == "2023年4月15日前"  # the office's own time stays a deadline


def test_a_housing_subsidys_activity_period_under_its_measure_is_no_deadline():
    read = _read("关于促进房地产市场平稳健康发展的通知\n一、发放购房补贴。在本区购买新建商品住房的，按合同价款的1%给予补贴。\n"
                 "活动时间：2022年10月1日-12月31日。\n二、补贴期限\n2022年10月1日至2023年3月31日\n"
                 "三、加强宣传。各街道于2022年10月15日前完成政策解读。")
    assert read[("一",)] == (None, None)
    assert read[("二",)] == (None, None)
    assert read[("三",)][0] == "2022年10月15日前"


def test_a_heading_naming_a_coupons_issuing_time_gives_its_body_no_deadline():
    read = _read("关于开展烧烤季消费券发放活动的公告\n一、消费券的发放时间\n2023年5月份每周五、周六中午12:30发放。\n"
                 "二、消费券发放金额\n每天发放30000元。")
    assert read[("一",)] == (None, None)


def test_an_offices_own_campaign_keeps_its_activity_time_as_the_deadline():
    """A 村庄清洁 campaign's `活动时间` names no subsidy: the office's campaign, due at its end (855)."""
    read = _read("关于开展村庄清洁行动的通知\n一、活动时间\n2021年5月-7月。\n二、重点任务\n全面清理村内垃圾。")
    assert read[("一",)][0] == "2021年5月-7月"


_SUBSIDY_CAPTIONS = st.sampled_from(["消费券使用时间", "申领时间", "领券时间", "补贴期限", "补贴申领时间", "购房活动时间",
                                     "抢券时间", "兑换时间", "优惠期限"])
_MONTHS = st.integers(min_value=1, max_value=11)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SUBSIDY_CAPTIONS, _MONTHS, st.sampled_from(["：", ":", "为"]), st.booleans())
def test_any_period_captioned_as_when_people_act_is_no_deadline(caption, month, colon, own_line):
    """Whatever the caption of a subsidy's period, its colon, and whether it stands on its own line or after the
    measure's words, the measure has no deadline."""
    period = f"2023年{month}月1日至{month + 1}月15日"
    sep = "。\n" if own_line else "。"
    draft = parse_plan_text(f"关于发放补贴的通知\n一、发放补贴。对符合条件的市民给予补贴{sep}{caption}{colon}{period}。\n"
                            "二、加强宣传。做好政策解读。")
    assert draft.measures[0].deadline is None
