"""Stories of branch fresh51 (GOLD-README "fresh51"): written times a prose plan's items use that the parser did not read.

- a campaign's window whose start is closed by 起 and whose end by 止 (`自2026年7月1日起至9月30日止，开展…`): the deadline as
  written keeps 起 and drops 自/从 and 止, as a window standing under a time heading does (GOLD-README deadlines round 5),
  due on its last day; the same window as an annotation's clause or a stage's bracket;
- a month without its year opening an item or a clause and run on into the work it opens (`11月开展…`, `3月中旬组织…`,
  `11月份开展…`), as `2026年11月开展…` reads (kinds39's ``run_on_time``); a month run on into a report (`于1月9日编制完成`,
  `8月份督查暗访发现…`) stays none;
- two parts of a month run together (`9月中下旬`, `12月上中旬`) wherever a time stands: due at the end of the later part
  (中下旬: the month's end, GOLD-README wave 5 round 2; 上中旬: the 20th), and `1.9月中下旬，…` is item 1, not a decimal.

The plans are invented (a county statistics bureau's notices); each story fails on main (d1debb74).
"""
from __future__ import annotations

from tests.helpers.time_cells import deadlines_by_path


SIGNED = "\n某县统计局\n2026年3月2日"


def test_a_campaign_window_opened_by_zi_and_qi_and_closed_by_zhi_is_the_items_deadline_due_at_its_end():
    plan = deadlines_by_path("某县统计执法专项行动方案\n为提高统计数据质量，制定本方案。\n"
                 "一、自2026年7月1日起至9月30日止，开展统计执法专项检查。\n"
                 "二、从8月1日起至8月31日，集中开展统计造假线索核查。\n"
                 "三、即日起至6月30日止，组织各乡镇开展统计台账自查。" + SIGNED)
    assert plan[("一",)] == ("2026年7月1日起至9月30日", "2026-09-30")
    assert plan[("二",)] == ("8月1日起至8月31日", "2026-08-31")
    assert plan[("三",)] == ("即日起至6月30日", "2026-06-30")


def test_a_window_with_qi_in_an_annotation_or_a_stage_bracket_is_the_deadline():
    plan = deadlines_by_path("某县统计数据质量提升行动方案\n一、重点任务\n"
                 "（一）清理统计调查项目。全面清理部门统计调查项目。（县统计局牵头，2026年7月1日起至9月30日）\n"
                 "二、时间安排\n（一）自查整改阶段（2026年4月1日起至5月31日）。各乡镇对照问题清单开展自查。" + SIGNED)
    assert plan[("一", "（一）")] == ("2026年7月1日起至9月30日", "2026-09-30")
    assert plan[("二", "（一）")] == ("2026年4月1日起至5月31日", "2026-05-31")


def test_a_window_closed_by_zhi_as_an_annotations_clause_drops_zi_and_zhi():
    plan = deadlines_by_path("某县统计执法检查工作方案\n"
                 "一、开展执法检查。（县统计局牵头，自2026年7月1日起至9月30日止）\n"
                 "二、核查统计台账。（县统计局牵头，即日起至2026年6月30日止）" + SIGNED)
    assert plan[("一",)] == ("2026年7月1日起至9月30日", "2026-09-30")
    assert plan[("二",)] == ("即日起至2026年6月30日", "2026-06-30")


def test_a_month_without_its_year_run_on_into_the_work_it_opens_is_the_deadline():
    plan = deadlines_by_path("某县2026年统计工作要点\n"
                 "（一）11月开展全县统计执法检查，督促整改发现的问题。\n"
                 "（二）3月中旬组织开展统计业务培训。\n"
                 "（三）各乡镇于11月份开展统计台账自查。" + SIGNED)
    assert plan[("（一）",)] == ("11月", "2026-11-30")
    assert plan[("（二）",)] == ("3月中旬", "2026-03-20")
    assert plan[("（三）",)] == ("11月份", "2026-11-30")


def test_a_month_without_its_year_run_on_into_a_report_of_what_was_done_is_no_deadline():
    plan = deadlines_by_path("关于某县统计工作要点的解读\n"
                 "一、起草过程\n按照县政府安排，《要点》于1月9日编制完成，经县政府常务会议审议通过。\n"
                 "二、督查情况\n8月份督查暗访发现问题整改不到位的为某镇。" + SIGNED)
    assert plan[("一",)] == (None, None)
    assert plan[("二",)] == (None, None)


def test_two_parts_of_a_month_run_together_are_one_time_due_at_the_end_of_the_later_part():
    plan = deadlines_by_path("某县统计年报工作方案\n"
                 "1.9月中下旬，完成经济普查数据审核。\n"
                 "2.布置年报工作。（县统计局负责，12月上中旬）\n"
                 "3.开展数据质量抽查。\n完成时限：11月中下旬" + SIGNED)
    assert plan[("1",)] == ("9月中下旬", "2026-09-30")
    assert plan[("2",)] == ("12月上中旬", "2026-12-20")
    assert plan[("3",)] == ("11月中下旬", "2026-11-30")
