"""Unit lists the parser once cut short, split wrongly or invented (branch units28; GOLD-README "units28").

A county office receives its city's 重点工作分解: each item is followed by the units that answer for it, in brackets, on a
line of their own or closing the item's words. The names after the first are often written short, without the city's
市 (`经委`, `农办`, `人社局`), and the groups of areas carry brackets of their own (`各县（市、区）政府`, `各乡镇(街道)`,
`各开发区（园区）`). A provincial list of a dozen bodies names a bank's branch, a group of cities of a region, a railway
bureau, a company and cities beside the departments. A zone's party committee and its administrative committee answer
together (`高新区党工委和管委会`), while two departments joined by 和 are two. And brackets that hold no units — a trial
version, a period, a short name, an annex, a list of projects — must never become units. Each story is what the office
expects on the plan's page, told in words of its own, not those of the corpus documents.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import answers_as_one, is_area_unit, split_units

HEADER = "某市人民政府办公室关于分解落实2012年市政府工作报告目标任务的通知\n某政办发〔2012〕7号\n2012年3月1日\n"


def units_of(body: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(HEADER + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. a bracketed list whose names carry brackets of their own, names after the first written short -----------

@pytest.mark.parametrize("layout", [
    # on a line of its own, half-width brackets inside half-width ones, a comma between the groups
    "一、稳定农业生产\n1.新建高标准农田2万亩。\n(市农业局、经委、农办,各县(市)、区政府)\n2.完善农村水利设施。\n",
    # closing the item's words, full-width throughout
    "一、稳定农业生产\n1.新建高标准农田2万亩（市农业局、经委、农办，各县（市）、区政府）。\n2.完善农村水利设施。\n",
    # after the item's full stop, the closing 。 lost, full-width outside and half-width inside
    "一、稳定农业生产\n1.新建高标准农田2万亩。（市农业局、经委、农办,各县(市)、区政府)\n2.完善农村水利设施。\n",
])
def test_a_list_with_short_names_and_a_bracketed_group_gives_every_unit(layout):
    lead, supporting = units_of(layout)[("一", "1")]
    assert lead[:3] == ["市农业局", "经委", "农办"] and lead[3].startswith("各县") and len(lead) == 4
    assert supporting == []


@pytest.mark.parametrize("bracket, expected", [
    # the group with its brackets first, then the department
    ("（各区县（开发区），市人社局）", ["各区县（开发区）", "市人社局"]),
    # the group in the middle of the list
    ("(市人社局,各乡镇(街道),市财政局)", ["市人社局", "各乡镇(街道)", "市财政局"]),
    # two groups at the end, a zone's remark in brackets too
    ("（市人社局、各县（市、区）人民政府、各开发区（园区））", ["市人社局", "各县（市、区）人民政府", "各开发区（园区）"]),
    # a department with its second name in brackets
    ("(市人社局(市就业局)、财政局)", ["市人社局(市就业局)", "财政局"]),
])
def test_inner_brackets_anywhere_in_the_list_keep_each_unit_whole(bracket, expected):
    body = f"二、促进就业创业\n（一）开展职业技能培训3万人次。\n{bracket}\n（二）扶持创业带动就业。\n"
    assert units_of(body)[("二", "（一）")] == (expected, [])


def test_a_short_word_alone_in_brackets_is_still_no_unit():
    # "暂行" ends like a bank (行) and is two characters, as "经委" is: alone it names nobody
    by_path = units_of("一、制度建设\n1.出台村级财务管理办法(暂行)。\n2.修订采购目录（试行）。\n")
    assert by_path[("一", "1")] == ([], []) and by_path[("一", "2")] == ([], [])


# ---- 2. a long list whose names do not all end like a department -------------------------------------------------

LONG = ("省发展改革委、省财政厅、人民银行沈阳分行、辽宁银保监局、沈阳经济区8市、沈阳铁路局、辽港集团公司、大连市、"
        "鞍山市、省交通运输厅、省住房城乡建设厅、省商务厅、省国资委")


@pytest.mark.parametrize("layout", [
    "一、推进区域协同\n1.共建轨道交通网，推进城际铁路建设。\n（{l}）\n",
    "一、推进区域协同\n1.共建轨道交通网，推进城际铁路建设({l})。\n",
    "一、推进区域协同\n1.共建轨道交通网，推进城际铁路建设。（{l}）\n",
])
def test_a_long_list_naming_a_bank_a_group_of_cities_a_company_and_cities_is_kept_whole(layout):
    lead, supporting = units_of(layout.format(l=LONG))[("一", "1")]
    assert lead == LONG.split("、") and supporting == []


def test_a_long_list_with_duties_keeps_every_supporting_unit():
    body = ("一、推进区域协同\n1.共建物流枢纽（省发展改革委牵头，人民银行沈阳分行、沈阳经济区8市、沈阳铁路局、"
            "辽港集团公司、大连市、营口市配合）。\n")
    assert units_of(body)[("一", "1")] == (
        ["省发展改革委"], ["人民银行沈阳分行", "沈阳经济区8市", "沈阳铁路局", "辽港集团公司", "大连市", "营口市"])


def test_a_body_named_without_a_departments_ending_goes_with_the_departments_around_it():
    body = "一、开放合作\n1.拓展海铁联运航线。(省交通运输厅、省商务厅、宁波舟山港、省海港集团)\n"
    assert units_of(body)[("一", "1")] == (["省交通运输厅", "省商务厅", "宁波舟山港", "省海港集团"], [])


def test_counted_groups_of_a_region_are_areas_but_figures_in_words_are_not():
    assert is_area_unit("杭州都市圈6市") and is_area_unit("环杭州湾6市") and is_area_unit("各市(县)、区")
    assert not is_area_unit("全市12个县") and not is_area_unit("新建5个区")


# ---- 3. one unit joined by 和, two units joined by 和 --------------------------------------------------------------

@pytest.mark.parametrize("name", ["经开区党工委和管委会", "各县（市、区）党委和人民政府", "城关镇党委和政府", "各旗县区党委和政府"])
def test_a_body_and_the_government_of_the_same_place_are_one_unit(name):
    body = f"一、基层治理\n1.完善网格化管理（{name}，市委政法委）。\n"
    assert units_of(body)[("一", "1")] == ([name, "市委政法委"], [])
    assert split_units(f"{name}、市委政法委") == [name, "市委政法委"]  # the ledger reader and the preview read it so too


def test_two_full_names_joined_by_he_stay_two_units():
    assert split_units("市民政局和市卫健委") == ["市民政局", "市卫健委"]
    assert split_units("经开区管委会和市自然资源局") == ["经开区管委会", "市自然资源局"]
    assert split_units("市人力资源和社会保障局") == ["市人力资源和社会保障局"]  # one department's name


def test_a_government_written_alone_after_its_party_committee_shares_its_place():
    assert split_units("城关镇党委、政府，县民政局") == ["城关镇党委、政府", "县民政局"]
    assert answers_as_one(["高新区党工委", "管委会"]) and not answers_as_one(["市财政局", "市税务局"])


# ---- 4. brackets that hold no units --------------------------------------------------------------------------------

NOT_UNITS = ["（试行）", "(暂行)", "（修订）", "（第二批）", "（2021—2025年）", "(2023-2027年)", "（含下属单位）",
             "（以下简称“产投集团”）", "（见附件2）", "（PPP）", "(EPC)", "（城东污水厂、城西污水厂）",
             "（一期工程、二期工程）", "（5个乡镇、12个村）", "（东区项目、西区项目、北区项目）"]


@pytest.mark.parametrize("bracket", NOT_UNITS)
@pytest.mark.parametrize("layout", ["一、重点项目\n1.编制实施方案{b}\n2.推进项目建设。\n",
                                    "一、重点项目\n1.编制实施方案{b}。\n2.推进项目建设。\n",
                                    "一、重点项目\n1.编制实施方案。\n{b}\n2.推进项目建设。\n"])
def test_a_bracket_that_names_no_organisation_gives_no_unit(bracket, layout):
    by_path = units_of(layout.format(b=bracket))
    assert by_path[("一", "1")] == ([], [])
    assert set(by_path) == {("一",), ("一", "1"), ("一", "2")}


@settings(max_examples=60, deadline=None)
@given(bracket=st.sampled_from(NOT_UNITS),
       words=st.text(alphabet="加快建设完善制度推进改革提升服务水平", min_size=2, max_size=20),
       own_line=st.booleans())
def test_property_no_bracket_of_that_kind_ever_gives_units(bracket, words, own_line):
    body = f"一、重点项目\n1.{words}。{chr(10) if own_line else ''}{bracket}\n2.{words}。\n"
    draft = parse_plan_text(HEADER + body)
    assert all(not m.lead_units and not m.supporting_units for m in draft.measures)
    assert [m.path for m in draft.measures][-2:] == [["一", "1"], ["一", "2"]]


PLACES = ["市", "县", "区"]
BODIES = ["财政局", "发改委", "人社局", "商务局", "农业农村局", "经信委", "卫健委", "统计局", "自然资源局", "应急管理局"]
GROUPS = ["各县（市、区）人民政府", "各乡镇(街道)", "各开发区（园区）", "高新区党工委和管委会", "沈阳经济区8市",
          "人民银行大连中心支行", "大连港集团公司", "盘锦市"]


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.one_of(st.builds(lambda p, b: p + b, st.sampled_from(PLACES), st.sampled_from(BODIES)),
                                st.sampled_from(GROUPS)), min_size=1, max_size=14, unique=True),
       separators=st.lists(st.sampled_from(["、", "，", ","]), min_size=14, max_size=14),
       full_width=st.booleans(), own_line=st.booleans())
def test_property_every_unit_of_a_list_is_kept_in_order(names, separators, full_width, own_line):
    listed = names[0] + "".join(sep + name for sep, name in zip(separators, names[1:]))
    bracket = f"（{listed}）" if full_width else f"({listed})"
    body = f"一、重点工作\n1.落实年度目标任务。{chr(10) if own_line else ''}{bracket}\n2.加强督查考核。\n"
    draft = parse_plan_text(HEADER + body)
    first = next(m for m in draft.measures if m.path == ["一", "1"])
    assert first.lead_units == names and first.supporting_units == []
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"]]


@pytest.mark.parametrize("item", [
    "1.组建市产业投资集团（产投集团），统筹全市国有资本运营。\n",
    "1.设立县城市更新基金(更新基金)。\n",
    "1.推动上海证券交易所（上交所）与本市企业对接。\n",
    "1.挂牌成立市大数据发展中心（“数据中心”）。\n",
])
def test_the_short_name_of_what_the_words_just_named_is_no_unit(item):
    assert units_of("一、国资改革\n" + item)[("一", "1")] == ([], [])


def test_a_unit_in_brackets_after_other_words_is_still_read():
    # the words name the company too, but the bracket does not close its name: it is the item's unit
    assert units_of("一、国资改革\n1.深化市城投集团改革（市城投集团）。\n")[("一", "1")] == (["市城投集团"], [])


def test_the_districts_governments_and_the_zones_committees_stay_two_units():
    assert split_units("各区政府、管委会") == ["各区政府", "管委会"]
    assert split_units("各县（市、区）委、政府") == ["各县（市、区）委、政府"]


@pytest.mark.parametrize("odd", ["社会各界", "广大群众", "加快建设", "3个项目", "一期工程"])
def test_a_list_whose_odd_piece_is_people_work_or_a_thing_gives_no_units(odd):
    body = f"一、共建共治\n1.完善社区治理，由市民政局、市司法局、{odd}参与。\n2.加强宣传引导(市委宣传部、市文明办、{odd})。\n"
    by_path = units_of(body)
    assert by_path[("一", "1")] == ([], []) and by_path[("一", "2")] == ([], [])
