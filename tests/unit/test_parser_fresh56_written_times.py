"""Written times the parser missed (branch fresh56): the year's end and the year of issue as a party's or a mass
organisation's plan writes them (年终, 本年12月底, 本年度末), and the year's end opening a clause before the work done then.
Each story is an invented plan an office might send; GOLD-README "fresh56" gives the rules.
"""
from __future__ import annotations

import datetime

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, recurrence_of

SIGNATURE = ["某县总工会", "2026年2月10日"]


def _deadlines(*lines: str) -> dict[tuple[str, ...], tuple[str | None, datetime.date | None]]:
    plan = parse_plan_text("\n".join(["某县总工会2026年职工之家建设工作方案", "为做好职工之家建设，制定本方案。", *lines,
                                      *SIGNATURE]))
    return {tuple(m.path): (m.deadline, m.due_date) for m in plan.measures}


def test_the_years_end_written_nianzhong_or_as_this_years_december_is_read_like_niandi():
    """A union's plan writes the year's end as 年终 and the year of issue as 本年 or 本年度: each is the deadline as
    written, due on the last day of the year of issue, as 年底前 and 今年12月底前 are."""
    read = _deadlines("一、重点任务",
                      "1.组织开展职工技能培训，本年12月底前完成。",
                      "2.年终前完成基层工会经费审计。",
                      "3.各基层工会在本年12月底完成会员信息采集。",
                      "4.本年度末前，完成职工书屋达标验收。",
                      "5.完善职工之家台账。")
    assert read[("一", "1")] == ("本年12月底前", datetime.date(2026, 12, 31))
    assert read[("一", "2")] == ("年终前", datetime.date(2026, 12, 31))
    assert read[("一", "3")] == ("本年12月底", datetime.date(2026, 12, 31))
    assert read[("一", "4")] == ("本年度末前", datetime.date(2026, 12, 31))
    assert read[("一", "5")] == (None, None)


def test_the_years_end_opening_a_clause_before_the_work_done_then_is_its_time():
    """A party committee assesses its branches at the year's end: 年终/年底 opening the item, then the work (对…进行,
    召开, 组织), is the item's time, due at the end of the year of issue; 年终 naming an award (年终评优) or a year's end
    before a figure stays none."""
    read = _deadlines("一、工作安排",
                      "1.年终对各支部进行考核，考核结果纳入年度评先。",
                      "2.加强日常督导，年底召开总结表彰会。",
                      "3.做好年终评优推荐工作。",
                      "4.年底全县会员入会率达到90%以上。")
    assert read[("一", "1")] == ("年终", datetime.date(2026, 12, 31))
    assert read[("一", "2")] == ("年底", datetime.date(2026, 12, 31))
    assert read[("一", "3")] == (None, None)
    assert read[("一", "4")] == (None, None)


def test_a_years_close_and_an_account_are_not_read_as_the_years_end():
    """年终了 (每年终了: the close of every year, kinds36) stays a recurring time; 年终结算 names an account, no time."""
    assert find_text_deadline("应当于每年终了前报送年度报告。") == "每年终了前"
    assert find_text_deadline("做好年终结算工作。") is None


def test_a_month_of_every_year_written_with_de_or_fen_in_a_standing_rule_is_recurring_with_no_due_date():
    """A 民主评议 制度 writes its standing rule as 每年的12月份, 每年的年底, 每月的25日前: each is a recurring time kept as
    written (的 and 份 too), with no due date, as 每年12月 and 每月25日前 are; never the month alone with a due date."""
    read = _deadlines("一、评议制度",
                      "1.每年的12月份开展民主评议党员工作。",
                      "2.每年的年底召开组织生活会。",
                      "3.各支部每月的25日前报送党费收缴情况。",
                      "4.健全党员档案。（牵头单位：县总工会组织部；每年的6月底前）",
                      "5.评议结果报县总工会备案。（县总工会组织部负责，每年12月份）")
    assert read[("一", "1")] == ("每年的12月份", None)
    assert read[("一", "2")] == ("每年的年底", None)
    assert read[("一", "3")] == ("每月的25日前", None)
    assert read[("一", "4")] == ("每年的6月底前", None)
    assert read[("一", "5")] == ("每年12月份", None)
    assert recurrence_of("每年的12月份") == "yearly" and recurrence_of("每月的25日前") == "monthly"


def test_a_single_time_on_the_line_under_an_activity_time_heading_is_that_headings_time():
    """A league committee's 学雷锋 plan puts its time under `二、活动时间` on a line of its own, a part of a month with a
    remark in brackets: the heading's deadline as written, as a span there already is; a date under a heading that is no
    time caption (`开展活动`) or under a publication caption (`发布时间`) stays none."""
    plan = parse_plan_text("\n".join(["某县学雷锋志愿服务月活动方案", "为弘扬雷锋精神，制定本方案。",
                                      "一、活动主题", "学雷锋，树新风。", "二、活动时间", "2026年3月上旬（集中活动在3月5日前后）",
                                      "三、活动内容", "1.开展志愿宣讲。", *SIGNATURE]))
    read = {tuple(m.path): m.deadline for m in plan.measures}
    assert read[("二",)] == "2026年3月上旬"
    assert read[("三", "1")] is None
    assert find_text_deadline("开展活动\n2026年3月5日") is None
    assert find_text_deadline("发布时间\n2026年3月5日") is None


def test_a_span_of_years_to_do_the_work_written_with_liyong_or_de_is_the_horizon_as_written():
    """A 商务局 plan gives itself three years: 利用3年时间, 利用3年左右的时间, or a start year then a comma and 利用…: the
    horizon as written (利用 dropped like 用, 的 and 左右 kept), no due date; the start year cut off by a comma is no part of it."""
    read = _deadlines("一、重点任务",
                      "1.利用3年时间，全力打造县域商业示范区。",
                      "2.利用3年左右的时间，建成一批便民生活圈。",
                      "3.自2026年起，利用3年左右时间，完成乡镇商贸中心改造。",
                      "4.充分利用现有场地开展培训。")
    assert read[("一", "1")] == ("3年时间", None)
    assert read[("一", "2")] == ("3年左右的时间", None)
    assert read[("一", "3")] == ("3年左右时间", None)
    assert read[("一", "4")] == (None, None)
