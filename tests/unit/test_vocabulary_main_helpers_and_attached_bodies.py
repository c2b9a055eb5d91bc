"""A county's 任务分解 names its helpers under a caption with 主要 before the role ("主要协作单位", "主要配合单位": the main
ones among those who help, still supporting units), and closes some lists with "有关直属单位", the directly attached
bodies concerned, none named — never a unit of the registry or the ranking (GOLD-README "fresh41", corpus 793)."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.units import is_named_group, is_vague_collective

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("caption", ["主要协作单位", "主要配合单位", "主要协办部门", "主要参与单位"])
def test_a_supporting_caption_with_main_before_its_role_still_names_supporting_units(caption):
    assert match_caption(caption)[0] == "配合单位"


def test_the_main_helpers_line_under_an_item_gives_its_units_as_supporting():
    plan = parse_plan_text("1.建成县级养老服务指导中心。\n牵头责任单位：县民政局\n主要协作单位：县财政局、县住建局\n"
                      "2.推进医养结合试点。\n牵头责任单位：县卫健委\n主要协作单位：县医保局")
    assert [(m.lead_units, m.supporting_units) for m in plan.measures] == [
        (["县民政局"], ["县财政局", "县住建局"]), (["县卫健委"], ["县医保局"])]


@pytest.mark.parametrize("name", ["有关直属单位", "相关直属部门", "有关直属机构"])
def test_the_attached_bodies_concerned_name_nobody(name):
    assert is_vague_collective(name) and not is_named_group(name)


@pytest.mark.parametrize("name", ["市直属机关工委", "县财政局", "市直单位"])
def test_a_named_body_with_direct_in_its_name_is_not_vague(name):
    assert not is_vague_collective(name)
