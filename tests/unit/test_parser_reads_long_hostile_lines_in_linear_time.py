"""A plan pasted from a page can carry what no office wrote: a line padded with thousands of blanks, or a 问题清单 of
thousands of points each closed by a semicolon and followed by its captioned units. The parser reads each in time
proportional to its length (issue 14: every hostile input is answered in bounded time), and reads it as before."""
from __future__ import annotations

from tests.helpers.budget import cpu_seconds_under
from tracker.parsing import walker
from tracker.parsing.deadlines import find_text_deadline
from tracker.parsing.parser import parse_plan_text
from tracker.parsing.tables import one_cell_text
from tracker.vocabulary.units import names_other_name


def test_a_time_caption_padded_with_blanks_is_read_at_once():
    # "考试时间" then 20,000 blanks: the span after a time caption (branch kinds36) is looked for once, not from each blank
    with cpu_seconds_under(3):
        assert find_text_deadline("1.组织考试，考试时间" + " " * 20000 + "另行通知。") is None


def test_a_time_caption_and_its_span_are_still_read_after_a_few_blanks():
    assert find_text_deadline("考试时间：  2021年6月28日——7月2日，请考生按时参加。") == "2021年6月28日——7月2日"
    assert find_text_deadline("考试时间  2021年6月28日——7月2日，请考生按时参加。") == "2021年6月28日——7月2日"


def test_an_item_padded_with_blanks_is_read_at_once_and_keeps_its_words():
    with cpu_seconds_under(3):
        draft = parse_plan_text("一、开展考试\n1.组织考试，考试时间" + "\u3000" * 20000 + "另行通知。\n")
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"]]
    assert draft.measures[1].text.startswith("组织考试") and draft.measures[1].text.endswith("另行通知。")


def test_a_speech_list_after_blanks_is_still_read():
    draft = parse_plan_text("一、抓好落实\n会议要求：   一是压实责任；二是加强督查；三是严格考核。\n")
    assert [m.text for m in draft.measures[1:]] == ["压实责任；", "加强督查；", "严格考核。"]


def _points(count: int) -> str:
    return "一、总体要求\n" + "".join(f"{n}.做好第{n}项工作;\n问题整改责任单位:市财政局 整改时限:3天\n"
                                   for n in range(1, count + 1))


def test_a_long_list_of_points_with_captioned_units_asks_each_point_once(monkeypatch):
    # whether the points are one enumerated sentence (fresh35) is noted as each is read, not asked of all before it
    calls = []
    real = walker.ends_in
    monkeypatch.setattr(walker, "ends_in", lambda *args: calls.append(1) or real(*args))
    counted = []
    for count in (500, 1000):
        calls.clear()
        parse_plan_text(_points(count))
        counted.append(len(calls))
    assert counted[1] < 2.5 * counted[0]


def test_points_closed_by_semicolons_give_their_captioned_units_to_the_point_they_enumerate():
    draft = parse_plan_text("一、检查发现的问题\n（一）院内秩序问题\n(1)院内电动车未按指定区域停放;\n(2)消防通道堆放杂物;\n"
                            "(3)垃圾未分类投放。\n问题整改责任单位:市机关事务中心 整改时限:3天\n")
    heading = next(m for m in draft.measures if m.path == ["一", "（一）"])
    assert heading.lead_units == ["市机关事务中心"]


def test_a_point_closed_by_a_full_stop_among_them_keeps_the_units_its_own():
    draft = parse_plan_text("一、检查发现的问题\n（一）院内秩序问题\n(1)院内电动车未按指定区域停放。\n(2)消防通道堆放杂物;\n"
                            "(3)垃圾未分类投放。\n问题整改责任单位:市机关事务中心 整改时限:3天\n")
    heading = next(m for m in draft.measures if m.path == ["一", "（一）"])
    assert heading.lead_units == []
    assert draft.measures[-1].lead_units == ["市机关事务中心"]


def test_a_line_of_one_cell_between_border_pipes_padded_with_blanks_is_read_at_once():
    # a page's layout table saved as text (kinds35: one cell between pipes is the plan's line), padded by a hostile copy
    with cpu_seconds_under(2):
        assert one_cell_text("| 1.推进县医院建设" + " " * 30000 + "|" + " " * 30000 + "x") is None
        assert one_cell_text("|" + " " * 30000) is None
        assert one_cell_text("|甲" + "\t" * 30000 + "乙") is None


def test_a_line_of_one_cell_between_border_pipes_is_still_the_plans_line():
    assert one_cell_text("| 1.推进县医院建设（县卫健局牵头） |") == "1.推进县医院建设（县卫健局牵头）"
    assert one_cell_text("  ｜ 一、加快项目建设") == "一、加快项目建设"
    assert one_cell_text("| 1.推进 | 县卫健局 |") is None


def test_a_cell_opened_by_its_pipe_and_padded_with_blanks_is_read_at_once():
    # "| 目 标 任 务" cells (a page's copy writing each cell's left border): the cell's end found once, not per blank
    with cpu_seconds_under(3):
        draft = parse_plan_text("一、总体要求\n|甲" + "\u3000" * 40000 + "乙\n")
    assert draft.measures[0].path == ["一"]


def test_a_line_of_thousands_of_target_years_without_an_aim_is_read_in_about_the_time_it_was_before_kinds38():
    # "，2022年全市" 2,500 times in one sentence: each year asks whether its clause plans a figure (kinds38); the question
    # looks where a verb of provision starts, not at every character (2.4 → 0.8 CPU s on the review machine)
    with cpu_seconds_under(1.6):
        assert find_text_deadline("，2022年全市" * 2500) is None


def test_a_target_year_still_plans_a_figure_after_a_verb_that_overlaps_another():
    # "新开设": 新开 and 开设 are both verbs of provision; the figure follows the second
    assert find_text_deadline("2022年全市新开设3家门店。") == "2022年"
    assert find_text_deadline("2022年面向居民发放5000万元消费券，提供10万张门票。") == "2022年"
    assert find_text_deadline("2022年全市累计发放5000万元消费券。") is None


def test_a_line_of_thousands_of_bracketed_units_is_read_at_once_and_each_bracket_still_names_its_unit():
    # "推进（区住建局）。" 2,222 times on one line: whether each bracket is another name of the words before it (kinds36)
    # reads the last few characters of those words, not all of them again (3.9 → 0.1 CPU s; 100,000 characters: 96 → 0.7)
    with cpu_seconds_under(1.5):
        draft = parse_plan_text("一、总体要求\n1." + "推进（区住建局）。" * 2222 + "\n")
    assert draft.measures[1].lead_units == ["区住建局"]


def test_a_bracket_after_a_body_spaced_out_is_still_its_other_name():
    # the last words read through their blanks: "合伙人  会议 " still ends like a body
    assert names_other_name("经合伙人  会议 ", "股东大会") and not names_other_name("…财政监管", "市财政局")
    assert not names_other_name("   ", "股东大会")
