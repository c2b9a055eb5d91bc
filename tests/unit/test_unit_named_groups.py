"""Which names of a plan's units stand for a group that answers as one (组), and which for one unit (部门).

GOLD-README of tests/corpus: named groups that answer as one are units; vague collectives are not units at all. The
unit registry creates the first kind as 组 (services/accounts/units.new_unit) from this one predicate.
"""
from __future__ import annotations

import pytest

from tracker.vocabulary.units import is_named_group, is_vague_collective

GROUPS = ["各区县〔自治县〕人民政府", "各区县（自治县）人民政府", "各省级人民政府", "各乡镇（街道）", "各街道办事处",
          "各县市区", "各县（市、区）", "各区、县级市政府", "国务院各部门", "省政府各部门", "区直各部门", "市直各单位",
          "各直属机构", "区属各重点国企", "市打击非法金融活动领导小组各成员单位", "市打击非法金融活动领导小组有关成员单位",
          "杭州都市圈6市", "各 省级 人民政府",
          # areas of three levels sharing one body word (fresh64)
          "各县、特区、区人民政府"]
SINGLE_UNITS = ["市财政局", "重庆证监局", "渝中区人民政府", "开发区管委会", "市各界妇女联合会", "越秀区",
                "區(qū)財政局"]  # a mirror page's pinyin readings kept in the name (fresh64)
VAGUE = ["各部门", "有关部门", "各有关单位", "各成员单位", "其他成员单位", "各地", "各级政府", "各有关区、县级市政府",
         "市政府各有关部门",
         # unnamed areas without 各, and a mirror page's pinyin readings read as absent (fresh64)
         "相关市、县政府", "各有關(guān)司局"]


@pytest.mark.parametrize("name", GROUPS)
def test_a_name_standing_for_every_one_of_a_kind_or_of_a_named_body_is_a_group(name):
    assert is_named_group(name)


@pytest.mark.parametrize("name", SINGLE_UNITS)
def test_a_single_body_is_no_group(name):
    assert not is_named_group(name)


@pytest.mark.parametrize("name", VAGUE)
def test_a_vague_collective_is_no_group_it_is_no_unit_at_all(name):
    assert is_vague_collective(name) and not is_named_group(name)


@pytest.mark.parametrize("name", ["", "   ", None, 42])
def test_nothing_written_is_no_group(name):
    assert not is_named_group(name)
