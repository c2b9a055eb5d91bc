"""Branch fresh58: times counted back from a meeting as a city government's meeting rules write them (GOLD-README "fresh58").

A 会务 rule says by when the office does its part before each meeting: in minutes or hours (`须于会前10分钟在会议室签到`,
`会议召开前2小时`), or with the count written before 之前/以前 (`在每次常务会议召开2个工作日之前，提出…议程`). Each is the item's
deadline as written, with no due date (the meeting's day is not the grammar's), as fresh52's `考前10日` and fresh54's any event.
The documents are invented; each story fails on main (9e1c660d), whose counts were days, working days and weeks after 前 only.
"""

from tracker.parsing import parse_plan_text


def _deadlines(text: str) -> dict[tuple[str, ...], str | None]:
    return {tuple(m.path): m.deadline for m in parse_plan_text(text).measures}


def test_an_office_sees_the_minutes_and_hours_before_a_meeting_as_the_items_times():
    plan = ("某市政府专题会议规则\n"
            "一、会议签到。出席会议的人员，须于会前15分钟在会议室签到，领取会议材料。\n"
            "二、会场布置。会务人员应在会议召开前2小时完成会场布置。\n"
            "三、会议纪要。会议纪要一般在会后3天内印发。\n")
    assert _deadlines(plan) == {("一",): "会前15分钟", ("二",): "会议召开前2小时", ("三",): None}


def test_a_count_written_before_zhiqian_is_the_items_time_and_leaves_recurring_days_alone():
    plan = ("某市政府常务会议工作规则\n"
            "第一条 办公室在每次常务会议召开3个工作日之前，提出会议议程，报秘书长审核。\n"
            "第二条 主办单位应于评审会召开5天以前报送汇报材料。\n"
            "第三条 各部门于每季度末10日以前报送议题建议。\n"
            "第四条 各部门每月5日以前报送上月工作情况。\n")
    assert _deadlines(plan) == {("第一条",): "每次常务会议召开3个工作日之前", ("第二条",): "评审会召开5天以前",
                                ("第三条",): "每季度末", ("第四条",): "每月5日"}


def test_a_counted_back_time_has_no_due_date():
    draft = parse_plan_text("某市会议规则\n一、会议签到。与会人员须于会前10分钟签到。\n\n某市人民政府办公室\n2026年3月1日\n")
    (measure,) = draft.measures
    assert (measure.deadline, measure.due_date) == ("会前10分钟", None)


def test_the_last_titled_item_keeps_the_paragraph_that_ends_the_rules():
    """A rule's last item titled by one short sentence (`（二）会议通知。`) over the paragraph that ends the stored copy
    (`会议通知应在会议召开前1天发出。`): the paragraph is its body and gives its time, as before a next item (1347's
    `四、(二)`; on main it stayed no item's)."""
    plan = ("某市会议会务工作规范\n"
            "一、会务准备\n"
            "（一）落实会场。\n"
            "会场一般安排在三楼会议室，秘书应在会议召开前1天通知办公室。\n"
            "（二）会议通知。\n"
            "会议通知应在会议召开前2天发出。\n")
    assert _deadlines(plan) == {("一",): None, ("一", "（一）"): "会议召开前1天", ("一", "（二）"): "会议召开前2天"}



def test_a_meeting_notices_time_heading_over_the_opening_day_gives_that_day():
    """`一、会议时间` over the sentence that opens with the day the meeting opens (its weekday, part of the day and hour),
    then where it opens (1346's 政协 notice): the day as written, due then; a heading over a day that reports what happened
    (no event held at it) stays none."""
    notice = ("关于召开某市政协全体会议的通知\n"
              "一、会议时间\n"
              "2026年3月8日(周日)上午9:00在市会议中心开幕,3月10日上午闭幕。\n"
              "二、会议地点\n"
              "市会议中心。\n"
              "某市政协办公室\n"
              "2026年3月1日\n")
    draft = parse_plan_text(notice)
    assert [(m.path, m.deadline, str(m.due_date)) for m in draft.measures] == [
        (["一"], "2026年3月8日(周日)上午9:00", "2026-03-08"), (["二"], None, "None")]
