"""Unit names as plans write them (branch fresh64; GOLD-README "fresh64"), told as invented stories.

Five kinds the lead named from the held-out part's first reads, each checked against GOLD-README "Units":

1. A group of areas of several levels sharing one body word ("各县、特区、区人民政府": 贵州's 特区 beside the counties and
   districts) is one named group, like "各区、县级市政府"; opened by 相关/有关 without 各 ("相关市、县政府") it is one vague
   name, never "相关市" plus a unit "县政府" (``units._AREA_KIND``, ``units._AREA_GROUP_HEAD_RE``).
2. Two full names run together ("县农科所县气象台") are two units when both are full names, an observatory's 气象台 among
   the endings (``units.UNIT_SUFFIX_RE``).
3. The words a duty clause opens with stay out of the name: "具体由办公室负责" names 办公室 (``annotations._DUTY_LEAD_IN_RE``).
4. A mirror page's pinyin readings ("各有關(guān)司局") are text: the name keeps them, and a vague collective stays vague
   (``units.is_vague_collective`` reads the name without them).
5. A short list of names without their body word ("省人口计生") reads like any list (already so on main; held here).
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_named_group, is_vague_collective


def _read(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


def _named(units: list[str]) -> list[str]:
    """The units a measure names, vague collectives left out as the plan store and the bench leave them."""
    return [u for u in units if not is_vague_collective(u)]


def test_a_provinces_plan_names_the_counties_special_districts_and_districts_as_one_group():
    """A 贵州 city's health plan asks its counties, special districts and districts to support; the group answers as one
    (it was read as three names: "各县", "特区", "区人民政府")."""
    read = _read("\n".join([
        "某市慢性病防控工作方案",
        "一、加强监测网络建设。完善监测点布局。（牵头单位：市卫生健康局；配合单位：各县、特区、区人民政府）",
        "二、落实防控经费。（责任单位：市财政局、各县、特区、区人民政府）",
    ]))
    assert read[("一",)] == (["市卫生健康局"], ["各县、特区、区人民政府"])
    assert read[("二",)] == (["市财政局", "各县、特区、区人民政府"], [])
    assert is_named_group("各县、特区、区人民政府")


def test_some_cities_and_counties_unnamed_stay_one_vague_name():
    """A province's notice has "相关市、县政府" do part of the work: which ones is not said, so no unit is named beside the
    province's bureau (it was read as "相关市" and a unit "县政府")."""
    read = _read("\n".join([
        "某省农田水利建设实施方案",
        "一、推进高效节水灌溉。新增面积10万亩。（省水利厅、相关市、县政府负责）",
        "二、加强资金监管。（省财政厅负责）",
    ]))
    lead, supporting = read[("一",)]
    assert _named(lead) == ["省水利厅"] and supporting == []
    assert "县政府" not in lead


def test_a_county_observatory_run_into_the_name_before_it_is_its_own_unit():
    """A county's flood plan lost the 、 between two supporting units; both are full names, so both are read."""
    read = _read("\n".join([
        "某县防汛工作方案",
        "一、加强雨情监测。（牵头单位：县水利局；配合单位：县农科所县气象台）",
    ]))
    assert read[("一",)] == (["县水利局"], ["县农科所", "县气象台"])


@pytest.mark.parametrize("duty, lead", [
    ("具体由办公室负责。", ["办公室"]),
    ("统一由宣传科牵头。", ["宣传科"]),
    ("并由财务科负责。", ["财务科"]),
    ("由统计科牵头。", ["统计科"]),
    ("请人事科负责。", ["人事科"]),
    ("档案室具体负责。", ["档案室"]),
])
def test_the_words_opening_a_duty_stay_out_of_the_units_name(duty, lead):
    """A bureau's own 工作方案 closes an item with who does it, opened by an adverb and 由 ("具体由办公室负责"): the unit is
    办公室, never "具体由办公室"."""
    read = _read("\n".join(["某局值班值守工作方案", f"一、加强节假日值班值守。{duty}", "二、做好信息报送。"]))
    assert read[("一",)] == (lead, [])


def test_a_mirror_pages_pinyin_readings_stay_in_the_names_and_vague_stays_vague():
    """A site mirrors a district's plan in traditional characters with pinyin after some characters: the bureau keeps
    its name as written, the ministry's departments concerned ("各有關(guān)司局") name nobody."""
    read = _read("\n".join([
        "某區衛生工作方案",
        "一、加強監測。（牽頭單位：區(qū)衛(wèi)生健康局；配合單位：各有關(guān)司局、區(qū)財政局）",
    ]))
    lead, supporting = read[("一",)]
    assert lead == ["區(qū)衛(wèi)生健康局"]
    assert _named(supporting) == ["區(qū)財政局"]
    assert is_vague_collective("各有關(guān)司局") and not is_vague_collective("區(qū)財政局")


def test_a_goal_lines_bracket_of_names_without_their_body_word_reads_like_any_list():
    """A 妇女发展规划 closes a numbered goal with the bureaus in charge, one written without its body word
    ("省人口计生"); held, not changed, by fresh64."""
    read = _read("\n".join([
        "某省妇女发展规划",
        "一、妇女与健康",
        "（一）主要目标",
        "1.妇女人均预期寿命延长。（省卫生厅、省发改委、省人口计生）",
    ]))
    assert read[("一", "（一）", "1")] == (["省卫生厅", "省发改委", "省人口计生"], [])
