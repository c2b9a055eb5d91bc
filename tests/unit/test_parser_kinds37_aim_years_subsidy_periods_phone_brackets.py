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


_ISSUED = datetime.date(2022, 11, 20)


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


@pytest.mark.parametrize("text, deadline", [
    ("发放消费券。消费券使用时间：2023年1月20日-3月31日，各商户于2023年4月10日前完成核销。", "2023年4月10日前"),
    ("建设污水厂。计划开工时间：2023年3月，2023年12月底前竣工。", "2023年12月底前"),
])
def test_a_refused_periods_value_ends_at_its_clause_and_the_offices_time_after_it_counts(text, deadline):
    assert find_text_deadline(text, _ISSUED) == deadline


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


# ---- kinds 1 and 2: a target year inside the aim's sentence, and a year that names what a figure refers to ----------


def test_a_measures_target_year_inside_its_sentence_is_its_deadline_due_at_the_years_end():
    draft = parse_plan_text("关于进一步促进消费的若干措施\n"
                            "（一）推动场馆开放。鼓励学校体育场馆逐步向社会开放，2022年推动首批30个场馆免费开放。\n"
                            "（二）提升支付便利。力争2022年重点商圈支付便利化改造率达100%。\n"
                            "（三）打造步行街。2023年建成3条省级示范步行街。\n"
                            "（四）培育市场主体。力争2023年底培育限上企业50家。\n"
                            "某市人民政府办公室\n2022年11月20日")
    assert [(m.path, m.deadline, m.due_date) for m in draft.measures] == [
        (["（一）"], "2022年", datetime.date(2022, 12, 31)),
        (["（二）"], "2022年", datetime.date(2022, 12, 31)),
        (["（三）"], "2023年", datetime.date(2023, 12, 31)),
        (["（四）"], "2023年底", datetime.date(2023, 12, 31))]


@pytest.mark.parametrize("text, deadline", [
    # kind 1: the year, then the verb of the aim (or 力争 before it): the aim's deadline as written
    ("鼓励场馆向社会开放，2022年推动首批30个场馆免费开放。", "2022年"),
    ("加快建设，2023年实现城区全覆盖。", "2023年"),
    ("力争2022年重点商圈支付便利化改造率达100%。", "2022年"),
    ("力争2023年底培育10家企业。", "2023年底"),
    ("2023年全区固定资产投资力争完成381亿元。", "2023年"),  # 237: the subject between, the aim in its own clause
    ("2022年计划投资2500万元再建27公里农村道路。", "2022年"),  # a town's work plan: 计划 before the work's verb
    # kind 2: the year names what a figure refers to or what is set: no deadline
    ("2022年本市房价控制目标是：新建住房价格与2021年价格相比保持稳定，力争实现稳中有降。", None),
    ("2022年全市GDP增长6%。", None),
    ("以2020年为基期，单位能耗比2021年提高5%。", None),
    ("新建住房价格与2021年价格相比保持稳定。", None),
    ("确保2022年各项年度目标任务圆满完成。", None),  # 033: the year of the work
    ("争取2023年开工建设。", None),  # a step begun
    ("2022年推动了30个场馆开放。", None),  # a result reported
    ("2022年计划完成情况良好。", None),  # how last year's plan went: a report
    ("2022年计划执行中存在的问题。", None),
])
def test_a_year_is_a_deadline_with_the_verb_of_its_aim_and_none_before_a_noun_of_what_is_measured(text, deadline):
    assert find_text_deadline(text, _ISSUED) == deadline


_VERBS = st.sampled_from(["推动", "实现", "建成", "完成", "达到", "新建", "新增", "培育", "创建"])
_NOUNS = st.sampled_from(["房价控制目标是：", "全市GDP增长", "价格指数为", "目标值为", "基期数据为"])
_OBJECTS = st.sampled_from(["首批30个场馆免费开放", "3条示范步行街", "全覆盖", "改造率100%"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=2022, max_value=2030), _VERBS, _NOUNS, _OBJECTS, st.sampled_from(["", "加快推进，"]))
def test_the_year_before_an_aims_verb_is_the_deadline_and_before_a_measured_noun_none(year, verb, noun, obj, lead):
    """One line between kinds 1 and 2: the year followed by the verb of the aim is the deadline; followed by the noun of
    what is measured or set, with no aim in its own clause, it is none."""
    assert find_text_deadline(f"{lead}{year}年{verb}{obj}。", _ISSUED) == f"{year}年"
    assert find_text_deadline(f"{lead}{year}年{noun}6%。", _ISSUED) is None


# ---- kind 4: a phone number's bracket names who answers the phone -------------------------------------------------

def test_a_phone_numbers_bracket_and_a_contact_line_name_no_unit_of_the_measure():
    draft = parse_plan_text("关于做好购房补贴发放工作的通知\n一、做好补贴审核。审核申请材料。（区住建局牵头，区财政局配合）\n"
                            "二、加强政策宣传。做好政策解读。\n政策咨询电话：0571-12345678（区住建局）、12345679（区商务局）。\n"
                            "三、做好咨询服务。\n联系人：张三（区住建局），电话：0571-12345678。\n"
                            "四、畅通渠道。设立咨询热线（区信访局负责）。")
    assert [(m.path, m.lead_units, m.supporting_units) for m in draft.measures] == [
        (["一"], ["区住建局"], ["区财政局"]), (["二"], [], []), (["三"], [], []), (["四"], ["区信访局"], [])]


_PHONES = st.from_regex(r"(?:0\d{2,3}-)?[1-9]\d{6,7}", fullmatch=True)
_CONTACTS = st.sampled_from(["咨询电话", "政策咨询电话", "联系电话", "服务电话", "电话"])
_UNITS = st.sampled_from(["区住建局", "市商务局", "县财政局", "区人社局"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONTACTS, st.lists(st.tuples(_PHONES, _UNITS), min_size=1, max_size=3), st.booleans())
def test_any_phone_list_with_its_answering_offices_gives_the_measure_no_unit(caption, phones, own_line):
    """However many numbers a contact line lists, each with the office that answers it in brackets, on a line of its own
    or after the measure's words, the measure names no unit."""
    listed = "、".join(f"{phone}（{unit}）" for phone, unit in phones)
    sep = "\n" if own_line else ""
    draft = parse_plan_text(f"关于发放补贴的通知\n一、加强宣传。做好政策解读。{sep}{caption}：{listed}。\n二、做好服务。")
    assert (draft.measures[0].lead_units, draft.measures[0].supporting_units) == ([], [])
