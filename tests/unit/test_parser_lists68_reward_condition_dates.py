"""Stories of a reward policy whose dates say which applicants qualify (branch lists68; GOLD-README "heldout37c" on a reward
policy's times, "lists68").

A district's 科技 or 产业 policy writes "对…2019年4月30日前（含4月30日）获得国内发明专利授权的，每件给予资助1万元": the date is in
the condition (who qualifies), and what follows the comma is what is given. That is no deadline of the office, as a policy's
term before its relief is none (kinds38). Work the office must finish by a date ("各区于2022年6月底前完成摸底调查") stays a
deadline. Names and sentences are invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit


def _deadlines(items: list[str]) -> list[str | None]:
    text = "\n".join(["某区促进科技创新若干政策", "一、支持措施"] + [f"（{n}）{item}" for n, item in zip("一二三四五六", items)])
    return [m.deadline for m in parse_plan_text(text).measures][1:]


def test_a_patent_granted_before_a_date_with_its_bracket_is_a_condition_not_a_deadline():
    assert _deadlines(["对本区企业2019年4月30日前（含4月30日）获得国内发明专利授权的，每件给予资助1万元。"]) == [None]


def test_a_firm_certified_by_a_years_end_that_is_given_a_reward_has_no_deadline():
    assert _deadlines(["2020年底前通过认定的企业，给予奖励10万元。"]) == [None]


def test_a_condition_after_a_date_and_a_one_off_reward_has_no_deadline():
    assert _deadlines([
        "对2021年1月1日以后首次入选国家级专精特新“小巨人”的企业，一次性奖励50万元。",
        "2023年6月30日前竣工验收的改造项目，区财政按投资额的10%给予补助。",
    ]) == [None, None]


def test_work_the_offices_must_finish_by_a_date_stays_a_deadline_beside_a_reward():
    assert _deadlines([
        "各区于2022年6月底前完成摸底调查。",
        "2025年9月底前完成全部补助资金拨付，对按期完成的区给予通报表扬。",
        "对本区企业2019年4月30日前获得发明专利授权的，每件给予资助1万元；区科技局于2019年12月底前完成审核。",
    ]) == ["2022年6月底前", "2025年9月底前", "2019年12月底前"]
