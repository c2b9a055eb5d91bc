"""A 整改方案 written as caption lines (GOLD-README wave 9): each problem is a section whose lines caption
its goal, its list of measures, its time and its units. A user importing such a plan expects the
section's `整改时限` and `责任单位` on the section (the problem being put right), each numbered 措施
under it, and no unit or time stolen by the section's last 措施."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

HEADER = "某街道关于市委督查反馈问题的整改方案\n2025年2月20日\n"


def _rows(text: str) -> list[tuple[list[str], list[str], list[str], str | None]]:
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(HEADER + text).measures]


def test_section_time_and_unit_written_after_its_measures_are_the_sections():
    text = ("一、垃圾分类投放点设置不足问题\n"
            "整改目标：2025年底前每个小区设置分类投放点。\n"
            "整改措施：\n"
            "1.摸排各小区投放点现状。\n"
            "2.增设分类垃圾桶并张贴指引。\n"
            "整改时限：2025年6月30日前\n"
            "责任单位：街道城管办\n"
            "配合单位：各社区居委会\n"
            "二、老旧楼道照明损坏问题\n"
            "整改措施：\n"
            "1.逐栋检修楼道灯具。\n"
            "整改时限：即知即改\n"
            "责任领导：孙某某\n"
            "责任单位：街道物业科\n")
    assert _rows(text) == [
        (["一"], ["街道城管办"], ["各社区居委会"], "2025年6月30日前"),  # the caption's time, not the goal's year
        (["一", "1"], [], [], None),
        (["一", "2"], [], [], None),
        (["二"], ["街道物业科"], [], "即知即改"),  # the leader is a person, no unit
        (["二", "1"], [], [], None),
    ]


def test_a_problem_heading_then_its_goal_line_is_no_wrapped_sentence():
    # the heading line does not end a sentence; its 整改目标 line is still a paragraph of its own, so the
    # 整改措施 caption below is seen and the time after the list is the section's
    text = ("（一）关于街道食堂采购台账登记缺漏较多且长期未按月核对的问题\n"
            "整改目标：采购台账登记完整，做到账物相符。\n"
            "整改措施：\n"
            "1.补登2024年度缺漏的采购记录并由专人复核。\n"
            "2.建立每月台账核对及签字确认制度。\n"
            "整改时限：2025年4月底前\n"
            "牵头单位：街道综合办\n")
    rows = _rows(text)
    assert rows[0] == (["（一）"], ["街道综合办"], [], "2025年4月底前")
    assert [r[0] for r in rows[1:]] == [["（一）", "1"], ["（一）", "2"]]
    assert all(r[1:] == ([], [], None) for r in rows[1:])


def test_measures_each_with_their_own_unit_lines_keep_them():
    # when every 措施 carries its own 责任单位 line, the lines are the measures', the section names none
    text = ("一、社区活动场地不足问题\n"
            "整改措施：\n"
            "1.盘活闲置用房改作活动室。\n"
            "责任单位：街道资产办\n"
            "2.协调辖区学校错时开放操场。\n"
            "责任单位：街道社会事务科\n")
    assert _rows(text) == [
        (["一"], [], [], None),
        (["一", "1"], ["街道资产办"], [], None),
        (["一", "2"], ["街道社会事务科"], [], None),
    ]


def test_a_list_without_a_measures_caption_keeps_the_old_reading():
    # a plan's ordinary item whose last child is followed by a unit line: that line stays the child's
    text = ("一、加强巡查。\n"
            "1.每周巡查一次。\n"
            "2.每月通报一次。\n"
            "责任单位：街道安监站\n")
    rows = _rows(text)
    assert rows[0][1] == [] and rows[-1][1] == ["街道安监站"]


_MEASURE = st.text(alphabet="清理排查建立制度台账开展检查宣传培训", min_size=2, max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(_MEASURE, min_size=1, max_size=4), st.booleans(), st.booleans()),
                min_size=1, max_size=5))
def test_rectification_sections_never_lose_a_measure_and_keep_their_order(sections):
    """Whatever the sections hold, every section and every 措施 is read, in the written order, and the
    captioned unit of a section never lands on one of its 措施."""
    numerals = "一二三四五"
    lines, expected = [], []
    for index, (measures, timed, unit) in enumerate(sections):
        section = numerals[index]
        lines += [f"{section}、第{index + 1}项反馈问题", "整改措施："]
        expected.append([section])
        for number, words in enumerate(measures, start=1):
            lines.append(f"{number}.{words}。")
            expected.append([section, str(number)])
        if timed:
            lines.append("整改时限：2025年9月底前")
        if unit:
            lines.append("责任单位：街道党政办")
    measures = parse_plan_text(HEADER + "\n".join(lines) + "\n").measures
    assert [m.path for m in measures] == expected
    for measure in measures:
        if len(measure.path) == 2:
            assert measure.lead_units == [] and measure.deadline is None
    heads = [m for m in measures if len(m.path) == 1]
    for head, (_, timed, unit) in zip(heads, sections):
        assert head.lead_units == (["街道党政办"] if unit else [])
        assert head.deadline == ("2025年9月底前" if timed else None)


def test_a_measure_due_at_listed_dates_each_is_due_at_the_first():
    # "于3月和9月底前各上报一次": each date a time, the first the deadline (as 分别于6月底和7月底报送)
    text = ("一、居民议事会议记录不全问题\n"
            "整改措施：\n"
            "1.补齐议事记录，于2025年3月和9月底前各上报一次整理情况。\n"
            "整改时限：2025年10月底前\n")
    rows = _rows(text)
    assert rows[1] == (["一", "1"], [], [], "2025年3月")
    assert rows[0][3] == "2025年10月底前"
