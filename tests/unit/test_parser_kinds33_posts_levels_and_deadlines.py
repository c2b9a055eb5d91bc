"""Kinds the newest held-out wave lost, told as a user's stories (issue 13, branch kinds33; GOLD-README "kinds33").

- A 河长制/林长制 plan names office-holders among its units (`各级总河长`, `河长`, `县级林长`): persons who hold a post,
  never units; `各级河长办` spans every level (no body named, like `各级政府`); the body that serves the chiefs
  (`市河长办`, `河长制部门联席会议成员单位`) is a unit.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.persons import is_office_holder
from tracker.vocabulary.units import is_named_group, is_vague_collective

HEADER = "某市全面推行河长制工作要点\n某河长办发〔2023〕2号\n2023年3月1日\n"


def named_units(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """The units each measure gets in the plan (a vague collective is kept in the draft, left out of the plan's units,
    as the plan store and the bench do)."""
    draft = parse_plan_text(header + body)
    return {tuple(m.path): ([u for u in m.lead_units if not is_vague_collective(u)],
                            [u for u in m.supporting_units if not is_vague_collective(u)]) for m in draft.measures}


# ---- 1. posts and levels are no units -------------------------------------------------------------------------------

def test_a_river_chief_plan_gives_its_measures_the_bodies_and_leaves_out_the_chiefs_and_every_levels_office():
    body = ("一、加强水资源保护。落实最严格水资源管理制度。（责任单位：市河长办、市级责任单位、各县市区政府）\n"
            "二、加强河湖巡查。推动巡河常态化。（责任单位：各级总河长、河长、各级河长办、河长制部门联席会议成员单位）\n"
            "三、加强林木保护。（牵头单位：市林长办；配合单位：县级林长、市林业局）\n")
    units = named_units(body)
    assert units[("一",)] == (["市河长办", "各县市区政府"], [])
    assert units[("二",)] == (["河长制部门联席会议成员单位"], [])
    assert units[("三",)] == (["市林长办"], ["市林业局"])


@pytest.mark.parametrize("name", ["河长", "各级总河长", "总河长", "副总河长", "县级林长", "村级河长", "镇河长", "河湖长",
                                  "各级河湖长", "网格长", "各級總河長"])
def test_a_posts_holder_is_a_person_not_a_unit(name):
    assert is_office_holder(name)


@pytest.mark.parametrize("name", ["市河长办", "县河长制办公室", "河长制部门联席会议成员单位", "市林业局", "各县市区政府"])
def test_the_bodies_that_serve_the_chiefs_are_units(name):
    assert not is_office_holder(name) and not is_vague_collective(name)


@settings(max_examples=60, deadline=None)
@given(level=st.sampled_from(["", "各级", "省级", "市级", "县级", "乡级", "镇级", "村级", "市", "县"]),
       rank=st.sampled_from(["", "总", "副总", "副"]), post=st.sampled_from(["河", "湖", "河湖", "林", "田", "路", "山", "网格"]))
def test_any_level_and_rank_of_a_chief_names_a_person(level, rank, post):
    name = f"{level}{rank}{post}长"
    assert is_office_holder(name), name
    assert not is_office_holder(name + "办") and not is_office_holder(f"{level}{post}长制办公室")


@settings(max_examples=60, deadline=None)
@given(body=st.sampled_from(["河长办", "林长办", "河长制办公室", "政府", "人民政府", "党委政府", "妇联", "财政部门"]))
def test_every_levels_body_of_a_kind_names_no_body(body):
    name = f"各级{body}"
    assert is_vague_collective(name) and not is_named_group(name), name
