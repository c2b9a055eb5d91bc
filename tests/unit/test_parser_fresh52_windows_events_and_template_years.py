"""Stories of branch fresh52 (GOLD-README "fresh52"): written times of a prose plan's items the parser did not read.

- a window opened by 起 or 开始 without 自/从 and closed without 止 (`2月13起至5月31日`, an office's slip losing 日;
  `11月下旬开始到12月中旬`; `8月12日开始，至8月底`; `即日起至年底`), under a time heading, opening a campaign's clause,
  in an annotation, a caption's value or a stage's bracket: the whole window as written, due on its last day;
- a window whose end is a festival or season before which (`2026年12月至2027年春节前`): the whole window, no due date;
- a template's year of two marks (`xx年6月1日—30日`, `××年底前`): kept as written, no due date;
- the day a notice fixes for its own event (`会议定于3月5日召开`): the item's time; an event reported stays none;
- a time counted back from an event (`考前10日`, `会议召开前3个工作日`): the deadline as written, no due date;
- a `…前` naming which bodies a rule covers (`2020年1月1日前成立的`, `2019年底前已开工的`): never a deadline.

The plans are invented (a district 文明办's and a 工会's notices); each story fails on main (5b776cc9) but the last,
which guards the distractors the new forms must not read.
"""
from __future__ import annotations

from tests.helpers.time_cells import deadlines_by_path


SIGNED = "\n某区精神文明建设委员会办公室\n2026年1月5日"


def test_a_window_opened_by_qi_or_kaishi_under_a_time_heading_is_read_whole_and_due_at_its_end():
    plan = deadlines_by_path("某区“文明餐桌”行动方案\n一、宣传时间\n2026年2月13起至5月31日。\n二、集中时间\n11月下旬开始到12月中旬。\n"
                 "三、巡查时间\n从8月12日开始，至8月底结束。\n四、整治时间\n即日起至年底。" + SIGNED)
    assert plan[("一",)] == ("2026年2月13起至5月31日", "2026-05-31")
    assert plan[("二",)] == ("11月下旬开始到12月中旬", "2026-12-20")
    assert plan[("三",)] == ("8月12日开始，至8月底", "2026-08-31")
    assert plan[("四",)] == ("即日起至年底", "2026-12-31")


def test_a_window_opened_by_kaishi_or_ending_at_the_years_end_opens_a_campaigns_clause():
    plan = deadlines_by_path("某区“文明餐桌”行动方案\n一、8月12日开始，至8月底，开展餐饮门店巡查。\n"
                 "二、即日起至年底，集中开展“光盘行动”宣传。" + SIGNED)
    assert plan[("一",)] == ("8月12日开始，至8月底", "2026-08-31")
    assert plan[("二",)] == ("即日起至年底", "2026-12-31")


def test_a_window_ending_at_a_festival_is_the_whole_window_with_no_due_date():
    plan = deadlines_by_path("某区迎新春环境整治方案\n一、整治时间\n2026年12月至2027年春节前。\n"
                 "二、清理楼道。2026年12月至2027年春节前，开展楼道杂物清理。\n"
                 "三、清理广告。（区文明办牵头，2026年12月至2027年春节前）" + SIGNED)
    for path in (("一",), ("二",), ("三",)):
        assert plan[path] == ("2026年12月至2027年春节前", None)


def test_the_same_windows_in_an_annotation_a_caption_and_a_stage_bracket():
    plan = deadlines_by_path("某区“最美家庭”评选方案\n一、开展走访。（区妇联牵头，2026年8月12日开始至8月底）\n"
                 "二、发布倡议。（区文明办牵头，即日起至年底）\n三、组织评议。\n完成时限：即日起至年底\n"
                 "四、评选表彰\n（一）推荐阶段（2026年2月13起至5月31日）。各街道推荐候选家庭。" + SIGNED)
    assert plan[("一",)] == ("2026年8月12日开始至8月底", "2026-08-31")
    assert plan[("二",)] == ("即日起至年底", "2026-12-31")
    assert plan[("三",)] == ("即日起至年底", "2026-12-31")
    assert plan[("四", "（一）")] == ("2026年2月13起至5月31日", "2026-05-31")


def test_a_template_year_of_two_marks_is_kept_as_written_and_names_no_year():
    plan = deadlines_by_path("××区文明单位创建工作方案（范本）\n一、申报时间\nxx年6月1日—30日。\n二、完成自评。××年底前完成。\n"
                 "三、报送材料。（区文明办负责，XX年6月底前）" + SIGNED)
    assert plan[("一",)] == ("xx年6月1日—30日", None)
    assert plan[("二",)] == ("××年底前", None)
    assert plan[("三",)] == ("XX年6月底前", None)


def test_the_day_a_notice_fixes_for_its_own_meeting_is_the_items_time():
    plan = deadlines_by_path("关于召开区工会第三次代表大会的通知\n一、会议时间。大会定于3月5日在区行政中心召开。\n"
                 "二、知识竞赛。竞赛拟于4月18日上午9:00举行。" + SIGNED)
    assert plan[("一",)] == ("3月5日", "2026-03-05")
    assert plan[("二",)] == ("4月18日上午9:00", "2026-04-18")


def test_a_time_counted_back_from_an_event_is_the_deadline_with_no_due_date():
    plan = deadlines_by_path("关于组织区工会干部业务考试的通知\n一、报送名单。各基层工会于考前10日报送参考人员名单。\n"
                 "二、报送材料。请于会议召开前3个工作日报送交流材料。\n三、布置会场。（区总工会办公室负责，开班前一周）" + SIGNED)
    assert plan[("一",)] == ("考前10日", None)
    assert plan[("二",)] == ("会议召开前3个工作日", None)
    assert plan[("三",)] == ("开班前一周", None)


def test_a_date_before_which_bodies_were_set_up_or_works_begun_names_the_rules_scope_not_a_time():
    plan = deadlines_by_path("某区工会服务站点补助办法\n一、补助对象。2020年1月1日前成立的基层工会服务站点。\n"
                 "二、续建项目。对2019年底前已开工的项目，按原标准给予补助。\n三、不再重复申报。此前已办理的不再重复申报。\n"
                 "四、大会在2023年5月召开了第二次会议。" + SIGNED)
    assert plan[("一",)] == (None, None)
    assert plan[("二",)] == (None, None)
    assert plan[("三",)] == (None, None)
    assert plan[("四",)] == (None, None)
