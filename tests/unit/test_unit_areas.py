"""Jurisdictions in names (issue 18, tracker/vocabulary/units.py): the area a plan's issuer or title
names, and the local unit names that do not say theirs."""
from __future__ import annotations

import pytest

from tracker.vocabulary.captions import match_unit_list_header
from tracker.vocabulary.units import area_of, is_local_unit_name, same_area


@pytest.mark.parametrize("text,area", [
    ("广州市人民政府办公厅", "广州市"), ("关于印发重庆市金融去杠杆防风险专项方案的通知", "重庆市"),
    ("潍坊市推进方案", "潍坊市"), ("广东省人民政府", "广东省"), ("国务院办公厅", None),
    ("市发展改革委", None), ("中国人民银行重庆营业管理部", None), (None, None), ("", None)])
def test_area_of_reads_the_area_an_issuer_or_title_starts_with(text, area):
    assert area_of(text) == area


@pytest.mark.parametrize("name,local", [
    ("市发展改革委", True), ("区财政局", True), ("省教育厅", True), ("市场监管局", False),
    ("重庆市财政局", False), ("人行重庆营管部", False), ("各区县〔自治县〕人民政府", False)])
def test_local_unit_names_are_those_that_do_not_say_their_area(name, local):
    assert is_local_unit_name(name) is local


def test_same_area_holds_for_an_area_within_another_and_for_an_unknown_one():
    assert same_area("重庆市", "重庆市渝中区") and same_area(None, "广州市")
    assert not same_area("广州市", "重庆市")


def test_unit_list_header_takes_synonyms_and_needs_a_name_column():
    assert match_unit_list_header(["序号", "单位 名称", "上级", "单位类型", "所属地区"]) == {
        "单位名称": 1, "上级单位": 2, "类别": 3, "辖区": 4}
    assert match_unit_list_header(["序号", "上级单位"]) is None
