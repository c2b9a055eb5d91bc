"""An annotation on its own line under a heading belongs to the heading (issue 13, branch kinds31).

`一、就业创业` then a line `（由市人社局牵头实施）` then the heading's body paragraph: the lead unit is the heading's and the
body's time is its deadline, whether the heading is a short title or a long sentence, with or without children below the
body. Main read these already; the tests keep it so while wave 15's failures of this kind could not be rebuilt from
development documents. The wording is invented."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _rows(text: str) -> list[tuple[list[str], list[str], list[str], str | None]]:
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures]


def test_a_heading_with_its_annotation_line_then_its_body_gets_units_and_deadline():
    plan = ("某市2023年为民办实事项目\n"
            "一、就业创业\n"
            "（由市人社局牵头实施）\n"
            "全年城镇新增就业1.5万人，10月底前完成年度目标任务。\n"
            "（一）开展职业技能培训5000人次。\n"
            "二、推进老旧小区改造，改善居民居住条件，提升城市品质和群众生活质量\n"
            "（由市住建局牵头实施，各区配合）\n"
            "改造老旧小区12个，11月底前完工。\n")
    assert _rows(plan) == [(["一"], ["市人社局"], [], "10月底前"),
                           (["一", "（一）"], [], [], None),
                           (["二"], ["市住建局"], ["各区"], "11月底前")]
