"""Four shapes an office's plan takes that the parser met only when told of them (branch deadlines28).

A 民生实事 or 重点项目 table without a time column writes each project's goal in a 任务目标 cell that opens with the
plan's year ("2025年计划…", "2025年度新建…"): that year is the row's time. A span of years is typed with whatever dash
the office's keyboard gives (~ ～ 〜 – ― —— …): it is the deadline as written, due at its end. A news page draws its
list's numbers as badges, so a copy has each number alone on a line above the item's paragraph: those are items, while
a lone page number, a count or a date's piece is not. A 整改清单 captions each item's 整改时限 before a step of the work
with a date of its own: the caption's time is the deadline. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.cleaning import Line
from tracker.parsing.deadlines import captioned_deadline, goal_opening_year, opening_time, parse_due_date
from tracker.parsing.numbering import badge_items

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers.word_tables import word_table  # noqa: E402


# ---- 1. A goal cell's opening year in a table without a time column ---------------------------------------------

PROJECTS = [
    ["序号", "项目名称", "牵头领导", "牵头单位", "责任单位", "任务目标"],
    ["1", "背街小巷整治", "赵六", "区城管局", "各街道", "2025年计划整治背街小巷40条，同步更新路灯200盏。"],
    ["2", "社区嵌入式托育", "钱七", "区卫健局", "区教育局", "2025年度新建普惠托育点6个，新增托位300个。"],
    ["3", "河道清淤", "孙八", "区水利局", "各镇", "河道清淤总量较2024年增加1万立方米。"],
]


def _rows(rows: list[list[str]], sep: str) -> str:
    return "\n".join(sep.join(cells) for cells in rows) + "\n"


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_goal_cell_opening_with_the_plans_year_gives_the_row_that_year(sep):
    measures = parse_plan_text("某区2025年民生实事项目分解表\n" + _rows(PROJECTS, sep)).measures
    assert [(m.path, m.deadline) for m in measures] == [(["1"], "2025年"), (["2"], "2025年度"), (["3"], None)]
    assert measures[0].due_date == datetime.date(2025, 12, 31)
    assert (measures[1].lead_units, measures[1].supporting_units) == (["区卫健局"], ["区教育局"])


def test_the_same_table_in_word_reads_the_same():
    plan = read_plan_bytes(word_table(PROJECTS, "某区2025年民生实事项目分解表"), "实事.docx")
    assert [m.deadline for m in plan.measures] == ["2025年", "2025年度", None]


def test_a_goal_captioned_as_the_years_target_reads_the_same():
    rows = [["序号", "项目", "牵头单位", "年度目标"],
            ["1", "公交站台改造", "市交通局", "2026年拟改造公交站台120个。"],
            ["2", "口袋公园", "市园林局", "建成口袋公园15个。"]]
    measures = parse_plan_text(_rows(rows, "\t")).measures
    assert [m.deadline for m in measures] == ["2026年", None]


@pytest.mark.parametrize("goal", [
    "污水收集率较2023年提高3个百分点。",       # a baseline year inside the goal
    "2023年以来已改造老旧管网12公里，继续推进。",  # a period begun in the past
    "2024年已完成主体工程，今年投入使用。",       # a fact reported
    "到2027年实现城乡供水一体化。",             # a target year inside the goal (round 3): no time of the row
    "全年开展义诊活动不少于20场。",             # a quota over the year
    "2025年，全区上下形成合力。",              # a year closed by a comma, nothing aimed at
])
def test_a_year_that_is_no_goals_opening_time_gives_no_deadline(goal):
    rows = [PROJECTS[0], ["1", "某项目", "赵六", "区城管局", "各街道", goal]]
    assert parse_plan_text(_rows(rows, "\t")).measures[0].deadline is None


def test_an_indicator_tables_target_year_names_the_targets_year_only():
    rows = [["序号", "指标名称", "目标", "责任单位"], ["1", "森林覆盖率", "2025年达到62%", "市林业局"]]
    assert parse_plan_text(_rows(rows, "\t")).measures[0].deadline is None


def test_a_time_column_goes_ahead_of_the_goals_year():
    rows = [["序号", "项目名称", "牵头单位", "任务目标", "完成时限"],
            ["1", "智慧停车", "市城管局", "2025年计划新增泊位3000个。", "9月底前"]]
    assert parse_plan_text(_rows(rows, "\t")).measures[0].deadline == "9月底前"


_YEARS = st.integers(min_value=1990, max_value=2035)
_CJK_TEXT = st.text(alphabet="新建改造完成计划推进全市个公里社区已了较以来，。", max_size=30)


@settings(max_examples=200, deadline=None)
@given(_CJK_TEXT)
def test_a_goal_that_does_not_open_with_a_year_has_no_opening_year(text):
    assert goal_opening_year(text) is None


@settings(max_examples=200, deadline=None)
@given(_YEARS, st.sampled_from(["年", "年度"]), _CJK_TEXT)
def test_an_opening_year_is_always_the_year_as_written_or_none(year, suffix, rest):
    found = goal_opening_year(f"{year}{suffix}{rest}")
    assert found in (None, f"{year}{suffix}")
    if found and "已" not in rest.split("。")[0] and "了" not in rest.split("。")[0]:
        assert parse_due_date(found) == datetime.date(year, 12, 31)


# ---- 2. A span of years, whatever the dash ----------------------------------------------------------------------

DASHES = ["~", "～", "〜", "∼", "—", "–", "―", "－", "−", "-", "——", "至"]


@pytest.mark.parametrize("dash", DASHES)
def test_a_span_of_years_in_an_annotation_is_its_deadline_due_at_its_end(dash):
    measure = parse_plan_text(f"一、推进河湖生态修复，完成岸线整治30公里（市水务局牵头，2023{dash}2025年）。\n"
                              "二、加强宣传引导。\n").measures[0]
    assert (measure.deadline, measure.due_date) == (f"2023{dash}2025年", datetime.date(2025, 12, 31))
    assert measure.lead_units == ["市水务局"]


@pytest.mark.parametrize("span", ["2024〜2026年", "2024–2026年", "2024年～2026年", "2024~2026"])
def test_a_span_of_years_in_a_time_cell_is_the_rows_deadline(span):
    rows = [["序号", "建设内容", "责任单位", "建设年限"], ["1", "改造供水管网80公里", "县住建局", span]]
    measure = parse_plan_text(_rows(rows, "\t")).measures[0]
    assert (measure.deadline, measure.due_date) == (span, datetime.date(2026, 12, 31))


def test_a_span_of_years_opening_an_aim_with_blanks_round_its_dash_keeps_them():
    measure = parse_plan_text("一、美丽乡村建设。2023 ~ 2025年，全县新建示范村15个以上。\n二、其他。\n").measures[0]
    assert measure.deadline == "2023 ~ 2025年"


def test_a_span_of_years_that_reports_the_past_is_no_deadline():
    measure = parse_plan_text("一、回顾。2019～2021年，全县累计建成示范村12个，取得了明显成效。\n二、其他。\n").measures[0]
    assert measure.deadline is None


@settings(max_examples=200, deadline=None)
@given(_YEARS, st.integers(min_value=1, max_value=10), st.sampled_from(DASHES))
def test_a_span_of_years_as_a_caption_value_is_due_at_its_last_year(start, length, dash):
    span = f"{start}{dash}{start + length}年"
    assert captioned_deadline(span) == span
    assert parse_due_date(span) == datetime.date(start + length, 12, 31)


# ---- 3. Numbers a news page drew as badges -----------------------------------------------------------------------

BADGES = ("县里公布今年为民办实事清单\n本报讯 日前，县政府公布了今年为民办实事项目。\n\n{a}\n\n"
          "新建乡镇综合文化站3个，年底前全部投入使用。（县文旅局负责）\n\n{b}\n\n"
          "为全县60岁以上老人免费体检一次。（县卫健局负责）\n\n{c}\n\n"
          "改造农村危房150户，惠及困难群众。（县住建局负责）\n")


@pytest.mark.parametrize("a, b, c", [("1", "2", "3"), ("01", "02", "03"), ("１", "２", "３")])
def test_numbers_alone_on_their_lines_above_sentences_are_a_list(a, b, c):
    measures = parse_plan_text(BADGES.format(a=a, b=b, c=c)).measures
    assert [m.path for m in measures] == [[a], [b], [c]]
    assert [m.lead_units for m in measures] == [["县文旅局"], ["县卫健局"], ["县住建局"]]
    assert measures[0].deadline == "年底前"


def test_badges_without_blank_lines_between_read_the_same():
    measures = parse_plan_text(BADGES.format(a="1", b="2", c="3").replace("\n\n", "\n")).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]


def test_page_numbers_inside_running_paragraphs_open_no_items():
    body = "为进一步改善人居环境，全县持续推进村庄清洁行动，各乡镇要压实责任，"
    text = "关于村庄清洁行动的情况通报\n" + "".join(
        f"{body}\n{'细化措施，加强督导检查' * 3}\n{page}\n{body}\n" for page in ("1", "2", "3"))
    assert parse_plan_text(text).measures == []


@pytest.mark.parametrize("numbers", [("1", "2"), ("2", "3", "4"), ("1", "3", "2")])
def test_lone_numbers_that_make_no_run_from_one_open_no_items(numbers):
    text = "县里公布清单\n" + "".join(f"{n}\n新建乡镇综合文化站若干个。\n" for n in numbers)
    assert parse_plan_text(text).measures == []


def test_a_count_or_a_dates_piece_under_a_number_opens_no_item():
    counts = "统计表\n1\n25\n2\n30\n3\n41\n"
    pieces = "通知\n1\n月\n2\n日\n3\n号\n"
    assert parse_plan_text(counts).measures == [] and parse_plan_text(pieces).measures == []


_LINES = st.lists(st.one_of(st.sampled_from(["1", "2", "3", "4", "01", "12"]),
                            st.sampled_from(["新建公园五个。", "改造道路三条，", "月", "25", "推进老旧小区改造工作"])),
                  max_size=25)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_badges_found_always_count_from_one_in_order_above_words(texts):
    lines = [Line(no, text) for no, text in enumerate(texts, start=1)]
    found = badge_items(lines)
    indexes = sorted(found)
    for index in indexes:
        assert int(lines[index].text) == found[index]
        assert index + 1 < len(lines) and not lines[index + 1].text.isdigit()
    # runs start at 1 and go on one by one
    previous = 0
    for index in indexes:
        assert found[index] in (1, previous + 1)
        previous = found[index]


# ---- 4. A 整改清单's captioned time ahead of a step's date in its words --------------------------------------------

RECTIFY = "某县巡察反馈问题整改清单\n"


@pytest.mark.parametrize("item", [
    "1.会议记录不规范。整改时限：2024年3月。整改措施：统一记录格式，9月底前完成全面自查。",
    "1.会议记录不规范。整改责任人：李四；整改时限：2024年3月；整改措施：统一记录格式，9月底前完成全面自查。",
    "1.会议记录不规范。整改时限：2024年3月，长期坚持。整改措施：9月底前完成全面自查。",
    "1.会议记录不规范。\n整改时限：2024年3月，长期坚持\n整改措施：统一记录格式，9月底前完成全面自查。",
])
def test_the_captioned_time_is_the_deadline_not_a_date_in_the_steps(item):
    measure = parse_plan_text(RECTIFY + item + "\n2.台账不完整。\n").measures[0]
    assert (measure.path, measure.deadline) == (["1"], "2024年3月")


def test_a_time_cell_opening_with_a_month_then_a_standing_word_gives_the_month():
    rows = [["序号", "问题", "整改措施", "责任单位", "整改时限"],
            ["1", "台账不完整", "补齐台账，9月底前完成核查", "县委办", "2024年3月，长期坚持"]]
    assert parse_plan_text(_rows(rows, "\t")).measures[0].deadline == "2024年3月"


def test_without_a_caption_the_first_date_of_the_words_stays_the_deadline():
    measure = parse_plan_text(RECTIFY + "1.会议记录不规范。统一记录格式，9月底前完成全面自查。\n2.台账不完整。\n").measures[0]
    assert measure.deadline == "9月底前"


def test_a_caption_value_that_opens_with_no_time_is_read_as_before():
    assert opening_time("按上级要求完成，9月底前报送") is None
    assert captioned_deadline("按上级要求完成，9月底前报送") == "9月底前"


_MONTHS = st.integers(min_value=1, max_value=12)


@settings(max_examples=200, deadline=None)
@given(_YEARS, _MONTHS, st.sampled_from(["。", "，", "；"]),
       st.text(alphabet="整改措施完成前底月日年0123456789，。", max_size=30))
def test_a_value_opening_with_a_month_gives_that_month_whatever_follows(year, month, end, rest):
    assert opening_time(f"{year}年{month}月{end}{rest}") == f"{year}年{month}月"
