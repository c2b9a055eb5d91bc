"""Kinds a held-out wave lost, told as a user's stories (issue 13, branch kinds36).

A school's or office's weekly 工作安排表 has no 序号: its rows are counted, and a task cell may hold numbered lines of its own
(`1.整理档案` / `2.准备物资`, a <br> or a quoted cell's line break); those lines are the row's text, never a list that restarts
the count (GOLD-README "Paths": numbered notes inside a cell are not items). Notices write their deadlines inside a heading's
body (`征稿截止日期为…`, `集中培训于…至…在党校举行`, `今年年内`), and a paragraph may open with a list of numbers
(`一、二等奖获得者…`), which is no item. Wording invented after development documents 870–871 (GOLD-README "kinds36")."""
from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def test_a_weekly_schedules_numbered_lines_inside_a_cell_stay_the_rows_text():
    draft = parse_plan_text("日期\t工作内容\t负责部门\n3月6日\t召开周例会\t办公室\n"
                            "3月7日\t\"1.整理档案\n2.准备物资\"\t综合科\n3月8日\t开展安全检查\t安监科")
    assert [(m.path, m.lead_units) for m in draft.measures] == [
        (["1"], ["办公室"]), (["2"], ["综合科"]), (["3"], ["安监科"])]
    assert "准备物资" in draft.measures[1].text


def test_a_markdown_rows_br_lines_are_one_cells_list_and_the_rows_go_on_counting():
    draft = parse_plan_text("| 日期 | 工作内容 | 负责部门 |\n|---|---|---|\n| 周一 | 召开周例会 | 办公室 |\n"
                            "| 周二 | 1.整理档案<br>2.准备物资<br>3.清点设备 | 综合科 |\n| 周三 | 开展安全检查 | 安监科 |")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert draft.measures[2].lead_units == ["安监科"]


_TASKS = st.text(alphabet="整理档案准备物资召开会议检查学习", min_size=2, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TASKS, st.integers(min_value=0, max_value=3)), min_size=1, max_size=6), st.booleans())
def test_any_cells_inner_numbering_leaves_the_rows_paths_one_to_n(rows, markdown):
    """However many numbered lines a row's task cell holds (none, or 2–3 counted from 1), the rows read 1..n."""
    def cell(task: str, lines: int) -> str:
        if lines < 2:
            return f"{task}工作"
        return ("<br>" if markdown else "\n").join(f"{i}.{task}{i}" for i in range(1, lines + 1))
    if markdown:
        body = "\n".join(f"| 周{i} | {cell(task, n)} | 办公室 |" for i, (task, n) in enumerate(rows, start=1))
        text = "| 日期 | 工作内容 | 负责部门 |\n|---|---|---|\n" + body
    else:
        body = "\n".join(f"周{i}\t\"{cell(task, n)}\"\t办公室" for i, (task, n) in enumerate(rows, start=1))
        text = "日期\t工作内容\t负责部门\n" + body
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [[str(i)] for i in range(1, len(rows) + 1)]


def _read(text: str) -> dict[tuple[str, ...], tuple[str | None, object]]:
    return {tuple(m.path): (m.deadline, m.due_date) for m in parse_plan_text(text).measures}


def test_a_closing_date_captioned_in_a_notices_sentence_is_the_items_deadline():
    read = _read("关于举办征文活动的通知\n一、征稿时间\n征稿截止日期为2022年8月10日（以邮戳为准），9月1日前公布结果。\n"
                 "二、报名\n报名截止时间：2022年7月20日。请于8月1日前提交材料。")
    assert read[("一",)] == ("2022年8月10日", datetime.date(2022, 8, 10))
    assert read[("二",)] == ("2022年7月20日", datetime.date(2022, 7, 20))


def test_a_span_inside_a_sentence_is_a_window_due_at_its_end_and_a_later_weekday_does_not_replace_it():
    read = _read("关于开展培训的通知\n一、培训安排\n集中培训于2021年3月1日至4月15日在党校举行，每周一下午集中学习。\n"
                 "二、考试安排\n考试时间：2021年6月28日——7月2日，每周一公布安排。\n三、征稿时间\n2023年4月1日起至2023年9月30日止截稿。")
    assert read[("一",)] == ("2021年3月1日至4月15日", datetime.date(2021, 4, 15))
    assert read[("二",)] == ("2021年6月28日——7月2日", datetime.date(2021, 7, 2))
    assert read[("三",)] == ("2023年4月1日起至2023年9月30日", datetime.date(2023, 9, 30))


def test_this_years_end_is_read_whole_and_due_at_the_end_of_the_year_of_issue():
    draft = parse_plan_text("关于加强管理的通知\n一、完善制度\n各单位要在今年年内完成制度修订。\n二、清理台账\n今年内完成清理。\n\n"
                            "某某县人民政府办公室\n2021年3月5日")
    assert [(m.deadline, m.due_date) for m in draft.measures] == [
        ("今年年内", datetime.date(2021, 12, 31)), ("今年内", datetime.date(2021, 12, 31))]


def test_a_regulations_yearly_duty_is_a_periodic_deadline_without_a_due_date():
    draft = parse_plan_text("管理办法\n第一条 各单位应当于每年年度终了编制年度报告。\n第二条 各单位每年3月31日前报送上年度统计数据。")
    assert [(m.deadline, m.due_date, m.recurrence) for m in draft.measures] == [
        ("每年年度终了", None, "yearly"), ("每年3月31日前", None, "yearly")]


def test_a_policys_term_in_a_sentence_is_still_no_deadline():
    draft = parse_plan_text("一、减费降负\n2021年5月1日至2022年4月30日实施阶段性下调失业保险费率政策。")
    assert draft.measures[0].deadline is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["至", "——", "—", "－", "~"]), st.integers(min_value=1, max_value=6),
       st.integers(min_value=1, max_value=28), st.integers(min_value=1, max_value=28), st.booleans())
def test_any_span_held_in_a_sentence_is_its_window_whatever_its_dash(dash, month, first, last, caption):
    """A span written in a heading's body, after 于 and before where it is held or after a time caption, is the
    heading's deadline as written, due on its last day, whatever dash joins it; a later 每周一 does not replace it."""
    span = f"2021年{month}月{first}日{dash}{month + 6}月{last}日"
    body = f"考试时间：{span}，每周一公布安排。" if caption else f"集中培训于{span}在党校举行，每周一集中学习。"
    assert _read(f"一、工作安排\n{body}")[("一",)] == (span, datetime.date(2021, month + 6, last))


def test_a_paragraph_opening_with_numbers_joined_by_a_comma_is_no_item():
    draft = parse_plan_text("表彰办法\n一、奖励对象\n一、二等奖获得者须在10月底前提交材料。\n一、二年级学生不参加。\n"
                            "二、三产业融合项目优先。\n二、其他\n本办法自印发之日起施行。")
    assert [m.path for m in draft.measures] == [["一"], ["二"]]
    assert draft.measures[0].deadline == "10月底前"  # the paragraph is the heading's body


def test_a_heading_whose_next_numeral_makes_a_word_is_still_an_item():
    draft = parse_plan_text("一、加强领导\n说明。\n二、三农工作\n说明。\n三、一级建造师管理\n说明。")
    assert [(m.path, m.title) for m in draft.measures] == [
        (["一"], "加强领导"), (["二"], "三农工作"), (["三"], "一级建造师管理")]


def test_a_markdown_copys_heading_numeral_on_a_line_of_its_own_is_the_item():
    draft = parse_plan_text("# 工作方案\n## 一\n加强组织领导。\n## 二\n强化督促检查（县督查室负责）。\n## 三\n做好宣传引导。")
    assert [(m.path, m.title) for m in draft.measures] == [
        (["一"], "加强组织领导"), (["二"], "强化督促检查"), (["三"], "做好宣传引导")]
    assert draft.measures[1].lead_units == ["县督查室"]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=8), st.sampled_from(["等奖获得者须按时报到", "年级学生自愿参加", "、三产业融合项目优先",
                                                            "类项目另行通知"]))
def test_any_list_of_numbers_opening_a_paragraph_leaves_the_headings_alone(ordinal, rest):
    """Whatever numeral opens the list (一、二…, 三、四…), a paragraph under a heading that opens with two numbers
    joined by 、 adds no item: the headings 一 and 二 stay the document's only items."""
    from tracker.vocabulary.numbering import chinese_numeral
    line = f"{chinese_numeral(ordinal)}、{chinese_numeral(ordinal + 1)}{rest}。"
    draft = parse_plan_text(f"一、工作安排\n{line}\n二、工作要求\n按时完成。")
    assert [m.path for m in draft.measures] == [["一"], ["二"]]


def test_an_other_name_in_brackets_after_a_bodys_name_names_no_unit():
    draft = parse_plan_text("议事规则\n一、合伙人会议（股东大会）\n合伙人会议是本企业的权力机构。\n"
                            "二、重大事项报合伙人会议（股东大会）\n三、加强财政监管（市财政局）")
    assert [(m.path, m.lead_units) for m in draft.measures] == [
        (["一"], []), (["二"], []), (["三"], ["市财政局"])]  # a bracket of units after words of work still names them


def test_a_bracket_of_conditions_names_no_unit():
    draft = parse_plan_text("关于举办考试的通知\n一、住宿统一安排（外地考生的自行负责）\n"
                            "二、培训费用由各单位负责（已自行安排的自行负责）。\n三、开展专项检查（市市场监管局、市公安局负责）")
    assert [m.lead_units for m in draft.measures] == [[], [], ["市市场监管局", "市公安局"]]


def test_a_unit_whose_name_holds_a_de_is_still_a_unit():
    """A body the registry does not know yet, named with 的 inside ("新成立的处置办"), is no condition: the office's
    annotation keeps both its lead units (the import page then offers it as a 新单位)."""
    draft = parse_plan_text("测试方案\n一、强化处置\n（一）依法处置非法集资。（牵头单位：市工商局、新成立的处置办）")
    assert draft.measures[-1].lead_units == ["市工商局", "新成立的处置办"] and not draft.warnings


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["合伙人会议", "理事会", "股东会", "管理委员会", "职工代表大会"]),
       st.sampled_from(["股东大会", "董事会", "监事会", "管委会"]), st.sampled_from(["", "。"]))
def test_any_bodys_other_name_in_brackets_closing_an_item_names_no_unit(name, other, stop):
    """However the body and its other name read, "…报X（Y）" closing an item gives the item no unit."""
    draft = parse_plan_text(f"规则\n一、重大事项报{name}（{other}）{stop}\n二、其他事项\n按章程办理。")
    assert draft.measures[0].lead_units == [] and draft.measures[0].supporting_units == []
