"""Deadlines as held-out copies write them, told as a user's stories (issue 13, branch deadlines67).

1. A date typed with a blank inside, as a fixed-width copy or a PDF's text layer gives it (`于2025 年6 月底前完成`,
   `6 月30 日前`, `2025年 9月底前`, a step list's `2.6 月底前完成摸底`): the same deadline as the date without the blank, kept
   as written with its blanks, with the same due date; a figure and a year (`第3 2025年`) stay two numbers.
2. A budget year (`2025年，市级财政预算安排13.06亿元，其中支持…`, `2024年省财政安排专项资金2亿元`): the year whose budget pays,
   no deadline; kinds38's planned figure (`2025年面向…居民发放5000万元消费券`) still makes its year the deadline.
3. Report dates listed with one 前 at the end (`于2019年4月15日、7月15日、10月15日及2020年1月15日前，将…报送`,
   `3月、6月、9月底前`): the first date is the deadline as written, due on its day (GOLD-README 806, `分别于6月底和7月底` →
   `6月底`).
Wording invented (GOLD-README "heldout36b" and "deadlines67")."""
from __future__ import annotations

import datetime

from tests.helpers.signed_plans import deadlines_of_signed_plan
from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, parse_due_date

_SIGNED = "某市人民政府办公室\n2025年2月10日"


def _read(title: str, items: list[str]) -> dict[tuple[str, ...], tuple[str | None, object]]:
    """Each measure's deadline and due date of a plan signed 2025-02-10 with numbered ``items`` under ``title``."""
    return deadlines_of_signed_plan(title, items, _SIGNED)


# ---- kind 1: a blank typed inside a written date -----------------------------------------------------------------

def test_a_measures_words_copied_from_a_pdf_with_blanks_inside_the_date_give_the_date_as_written_never_joining_two_numbers():
    # an office reads one measure's sentence out of a PDF's text layer, blanks between the figures and 年/月/日
    assert find_text_deadline("各区县于2025 年6 月底前完成排查整治。") == "2025 年6 月底前"
    assert find_text_deadline("开展隐患排查，6 月30 日前完成销号。") == "6 月30 日前"
    assert find_text_deadline("建立工作台账，2025 年 9 月 15 日前报送市应急局。") == "2025 年 9 月 15 日前"
    assert find_text_deadline("到2026 年，全市建成示范社区20个。") == "2026 年"
    assert parse_due_date("2025 年 9 月 15 日前", 2025) == datetime.date(2025, 9, 15)
    # a figure and a year apart by a blank stay two numbers
    assert find_text_deadline("按照第3 2025年版标准执行，逐步推进。") is None
    assert find_text_deadline("共12 6月底前完成") == "6月底前"


def test_a_step_list_copied_with_a_blank_before_its_month_keeps_its_steps_and_their_deadlines():
    draft = parse_plan_text("某县农村人居环境整治实施方案\n一、实施步骤\n1.3 月底前完成摸底调查。\n2.6 月底前完成整治任务。\n"
                            "3.10 月15 日前完成验收总结。\n\n某县人民政府\n2025年2月10日")
    read = {tuple(m.path): (m.deadline, m.due_date) for m in draft.measures}
    assert read[("一", "1")] == ("3 月底前", datetime.date(2025, 3, 31))
    assert read[("一", "2")] == ("6 月底前", datetime.date(2025, 6, 30))
    assert read[("一", "3")] == ("10 月15 日前", datetime.date(2025, 10, 15))
    assert ("一", "2.6") not in read


# ---- kind 2: the year of a budget is no deadline -----------------------------------------------------------------

def test_the_year_of_a_finance_appropriation_is_no_deadline_while_a_planned_figure_keeps_its_year():
    read = _read("关于加大财政支持力度促进高质量发展的若干措施", [
        "一、强化资金保障。2025年，市级财政预算安排13.06亿元，其中支持科技创新4.26亿元。",
        "二、支持乡村振兴。2024年省财政安排专项资金2亿元，支持农村公路建设。",
        "三、支持园区建设。2025年，市财政统筹安排5000万元，用于园区基础设施建设。",
        "四、发放消费券。2025年面向在本市消费的居民发放5000万元消费券。",
        "五、推进改造。2025年市财政安排资金3亿元，年底前完成老旧小区改造30个。",
    ])
    assert read[("一",)] == (None, None)
    assert read[("二",)] == (None, None)
    assert read[("三",)] == (None, None)
    assert read[("四",)] == ("2025年", datetime.date(2025, 12, 31))  # kinds38 stays
    assert read[("五",)] == ("年底前", datetime.date(2025, 12, 31))  # the work's own time is still read


def test_a_budget_year_whose_shares_are_listed_after_it_is_no_deadline_in_either_script():
    """The appropriation opens the sentence after its year and each share follows a comma (lead, after wave 36's 1773)."""
    read = _read("关于推动经济高质量发展的若干政策", [
        "一、推进教育科技人才一体发展。2025年，市级财政预算安排13.06亿元，其中，支持科创平台建设4.26亿元，支持高水平大学建设6.49亿元。",
        "二、推進教育科技人才一體發展。2025年,市級財政預算安排13.06億元,其中,支持科創平臺建設4.26億元,支持高水平大學建設6.49億元。",
        "三、加快新基建。2025年，全市新建5G基站3000个，支持企业上云500家。",
    ])
    assert read[("一",)] == (None, None)
    assert read[("二",)] == (None, None)
    assert read[("三",)] == ("2025年", datetime.date(2025, 12, 31))  # a year's aim, not a budget: kinds38 stays


# ---- kind 3: report dates listed with one 前 ----------------------------------------------------------------------

def test_a_list_of_report_dates_with_one_before_gives_the_first_date_as_written_each_date_its_own_when_it_has_one():
    read = _read("关于做好重点工作任务督办的通知", [
        "一、按时报送进展。各牵头单位要于2025年4月15日、7月15日、10月15日及2026年1月15日前，将工作进展情况报送市政府办公室。",
        "二、季度报告。各县区于3月、6月、9月底前报送推进情况。",
        "三、半年总结。各单位于6月30日和12月20日前报送总结。",
        "四、月度调度。请于5月10日与8月10日之前报送调度表。",
    ])
    assert read[("一",)] == ("2025年4月15日", datetime.date(2025, 4, 15))
    assert read[("二",)] == ("3月", datetime.date(2025, 3, 31))
    assert read[("三",)] == ("6月30日", datetime.date(2025, 6, 30))
    assert read[("四",)] == ("5月10日", datetime.date(2025, 5, 10))
    # months sharing one month end stay none (GOLD-README "Left"); a first date with its own 前 stays the whole date
    assert find_text_deadline("于2025年4、6、8月底报送进展情况") is None  # GOLD-README "Left" (shared suffix)
    assert find_text_deadline("2025年10月底前完成初验，2025年底前完成终验") == "2025年10月底前"


def test_a_policy_in_force_until_a_date_written_with_dao_is_no_deadline_as_with_zhi():
    """"有效期到…" and "执行到…" say how long the policy holds, like "有效期至…" (lead, after wave 37's 附则 items)."""
    read = _read("关于促进工业经济高质量发展的若干政策意见", [
        "一、关于政策期限。本政策自印发之日起施行，有效期到2021年12月31日，相关实施细则另行制定。",
        "二、关于执行期限。本政策执行到2021年12月31日，由区经信局负责解释。",
        "三、关于政策兑现。各有关部门到2020年6月底前完成资金兑现。",
    ])
    assert read[("一",)] == (None, None)
    assert read[("二",)] == (None, None)
    assert read[("三",)] == ("2020年6月底前", datetime.date(2020, 6, 30))
