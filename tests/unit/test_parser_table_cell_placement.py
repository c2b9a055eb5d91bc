"""Task tables an office copies one cell per line (branch tables30, issue 13), the kinds the last held-out wave still lost.

1. A 分工表 without a 序号 column, each cell on its own line, the rows opening with their task: an empty cell has no line,
   so counting the header's width of lines per row shifts every row after it and loses the last. The rows are placed by
   the header's columns instead: a line of words opens the next row once the row above has written a unit or a time, a
   line naming units goes in the unit columns (one unit a line included), a time in the time column.
2. A task cell holding its own numbered list (`1.建立…；2.完善…`) in the row whose 序号 is `1`: the row read no measure, its
   line "1、1.建立…" taken for a list of numbers ("1、2月份"). The row is one measure, the list its text (GOLD-README round 8:
   a cell that goes on to its next number is the row's text), with its units and time, however the table is written.
3. A very long table (1,500 rows one cell per line) read 999 measures: a row's number of four figures was no number.
   Every row is read now, up to the upload budget's items (5,000); two years at a line start stay a sentence.
4. Units: a `★` or `*` written after the lead's name in one 责任单位 cell (`县水务局、县住建局★`) marks the lead as the mark
   before it did; a 责任单位 column repeating the lead and `牵头：A` / `配合：B` on two lines read as GOLD-README says; a
   ` | ` row whose unit cells were merged with the row above and lost by the copy keeps its time.

The wording is invented; the property builds such tables from random rows and checks that every row comes back once, in
order, with its own units and time."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import match_number
from tracker.vocabulary.units import is_unit_list, marked_lead

NOTICE = ["青禾县人民政府办公室关于分解落实2026年县政府重点工作的通知", "",
          "各乡镇人民政府，县政府各部门：", "现将2026年县政府重点工作目标任务分解如下，请认真抓好落实。", ""]


def read(lines: list[str]) -> list[tuple[list[str], list[str], list[str], str | None]]:
    document = parse_plan_text("\n".join(NOTICE + lines))
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in document.measures]


# ---- 1. No 序号: rows placed by the header's columns ------------------------------------------------------------------

def test_a_row_whose_supporting_cell_is_empty_loses_no_row_and_lends_no_cell():
    lines = ["重点任务", "牵头单位", "配合单位", "完成时限",
             "完成城区雨污分流改造8公里。", "县住建局", "县水务局", "11月底前",
             "新增城市停车泊位600个。", "县公安局", "12月底前",
             "建成乡村博物馆2家。", "县文旅局", "县财政局", "全年"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局"], "11月底前"),
        (["2"], ["县公安局"], [], "12月底前"),
        (["3"], ["县文旅局"], ["县财政局"], "全年")]


def test_a_table_without_a_time_column_keeps_each_rows_units_when_one_row_names_its_lead_only():
    lines = ["重点任务", "牵头单位", "配合单位",
             "完成城区雨污分流改造8公里。", "县住建局", "县水务局",
             "新增城市停车泊位600个。", "县公安局",
             "建成乡村博物馆2家。", "县文旅局", "县财政局"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局"], None),
        (["2"], ["县公安局"], [], None),
        (["3"], ["县文旅局"], ["县财政局"], None)]


def test_a_supporting_cell_listing_one_unit_a_line_stays_in_its_row_before_the_time():
    lines = ["重点任务", "牵头单位", "配合单位", "完成时限",
             "完成城区雨污分流改造8公里。", "县住建局", "县水务局", "县财政局", "河湾镇人民政府", "11月底前",
             "新增城市停车泊位600个。", "县公安局", "县交通局", "12月底前"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局", "县财政局", "河湾镇人民政府"], "11月底前"),
        (["2"], ["县公安局"], ["县交通局"], "12月底前")]


def test_a_task_wrapped_over_two_lines_is_one_task_and_the_signature_under_the_table_is_no_unit():
    lines = ["重点任务", "牵头单位", "配合单位",
             "完成城区雨污分流改造8公里，", "同步完成管网排查。", "县住建局", "县水务局",
             "新增城市停车泊位600个。", "县公安局", "",
             "青禾县人民政府办公室", "2026年3月1日"]
    document = parse_plan_text("\n".join(NOTICE + lines))
    assert [(m.path, m.text, m.lead_units, m.supporting_units) for m in document.measures] == [
        (["1"], "完成城区雨污分流改造8公里，同步完成管网排查。", ["县住建局"], ["县水务局"]),
        (["2"], "新增城市停车泊位600个。", ["县公安局"], [])]


_TASKS = ["完成城区雨污分流改造8公里。", "新增城市停车泊位600个。", "建成乡村博物馆2家。", "改造老旧小区12个。",
          "新建城市书房5家，提升公共文化服务水平。", "开展职业技能培训3000人次。"]
_UNITS = ["县住建局", "县公安局", "县文旅局", "县人社局", "县水务局", "县财政局", "河湾镇人民政府", "县交通运输局"]
_TIMES = ["11月底前", "12月底前", "全年", "2026年6月底前", "长期坚持"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TASKS), st.sampled_from(_UNITS),
                          st.lists(st.sampled_from(_UNITS), max_size=3, unique=True), st.sampled_from(_TIMES)),
                min_size=1, max_size=6),
       st.booleans(), st.booleans())
def test_every_row_comes_back_once_in_order_with_its_own_units_and_time(rows, timed, one_a_line):
    lines = ["重点任务", "牵头单位", "配合单位"] + (["完成时限"] if timed else [])
    expected = []
    for task, lead, helpers, time in rows:
        helpers = [unit for unit in helpers if unit != lead]
        lines += [task, lead] + (helpers if one_a_line else ["、".join(helpers)] if helpers else [])
        lines += [time] if timed else []
        expected.append((lead, helpers, time if timed else None))
    measures = read(lines)
    assert [path for path, *_ in measures] == [[str(at)] for at in range(1, len(rows) + 1)]
    assert [(lead, helpers, time) for _, lead, helpers, time in measures] == [
        ([lead], helpers, time) for lead, helpers, time in expected]


# ---- 2. A task cell holding its own numbered list ------------------------------------------------------------------------

_LISTED = "1.建立城区雨污分流改造台账；2.完善管网巡查机制；3.开展排水户专项检查。"


def _listed_table(layout: str) -> list[str]:
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", _LISTED, "县住建局", "县水务局", "11月底前"],
            ["2", "新增城市停车泊位600个。", "县公安局", "县交通局", "12月底前"]]
    if layout == "cell lines":
        return [cell for row in rows for cell in row]
    if layout == "list on lines":
        lines = [cell for row in rows for cell in row]
        at = lines.index(_LISTED)
        return lines[:at] + ["1.建立城区雨污分流改造台账；", "2.完善管网巡查机制；", "3.开展排水户专项检查。"] + lines[at + 1:]
    return [(" | " if layout == "pipes" else "\t").join(row) for row in rows]


def test_the_row_whose_task_cell_lists_its_own_steps_is_one_measure_with_its_units_in_every_layout():
    for layout in ("pipes", "tabs", "cell lines", "list on lines"):
        document = parse_plan_text("\n".join(NOTICE + _listed_table(layout)))
        assert [(m.path, m.text, m.lead_units, m.supporting_units, m.deadline) for m in document.measures] == [
            (["1"], _LISTED, ["县住建局"], ["县水务局"], "11月底前"),
            (["2"], "新增城市停车泊位600个。", ["县公安局"], ["县交通局"], "12月底前")], layout
        assert document.warnings == [], layout


def test_a_one_row_table_whose_task_opens_with_its_list_numbered_with_commas_is_read():
    lines = ["序号 | 重点任务 | 牵头单位 | 配合单位", "1 | 1、建立城区雨污分流改造台账；2、完善管网巡查机制。 | 县住建局 | 县水务局"]
    assert read(lines) == [(["1"], ["县住建局"], ["县水务局"], None)]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(["建立工作台账", "完善巡查机制", "开展专项检查", "建成智慧平台"]), min_size=1, max_size=3),
                min_size=1, max_size=5),
       st.sampled_from([".", "、", "．"]))
def test_every_row_comes_back_with_its_own_number_whatever_list_its_task_cell_opens_with(tasks, stop):
    lines = ["序号 | 重点任务 | 牵头单位"]
    for number, steps in enumerate(tasks, start=1):
        cell = "；".join(f"{at}{stop}{step}" for at, step in enumerate(steps, start=1)) + "。"
        lines.append(f"{number} | {cell} | 县住建局")
    assert read(lines) == [([str(number)], ["县住建局"], [], None) for number in range(1, len(tasks) + 1)]


# ---- 3. A very long table ---------------------------------------------------------------------------------------------

def test_a_table_of_1500_rows_one_cell_per_line_reads_every_row_with_its_units():
    lines = ["序号", "重点任务", "牵头单位", "配合单位"]
    for number in range(1, 1501):
        lines += [str(number), f"完成第{number}项重点工作任务。", _UNITS[number % 4], _UNITS[4 + number % 4]]
    document = parse_plan_text("\n".join(NOTICE + lines))
    assert len(document.measures) == 1500
    assert [(m.path, m.lead_units, m.supporting_units) for m in document.measures[998:1001]] == [
        (["999"], [_UNITS[999 % 4]], [_UNITS[4 + 999 % 4]]), (["1000"], [_UNITS[0]], [_UNITS[4]]),
        (["1001"], [_UNITS[1]], [_UNITS[5]])]
    assert document.measures[-1].path == ["1500"] and document.warnings == []


def test_a_number_of_four_figures_opens_an_item_before_words_but_two_years_stay_a_sentence():
    assert match_number("1000、完成第1000项重点工作任务。").ordinal == 1000
    assert match_number("1500.完成验收。").ordinal == 1500
    assert match_number("2023、2024年连续两年完成目标。") is None
    assert match_number("2024.6前完成") is None
    assert match_number("10000、完成") is None


# ---- 4. Units in tables -----------------------------------------------------------------------------------------------

def test_a_star_or_an_asterisk_after_a_units_name_marks_the_lead_of_its_row():
    lines = ["序号 | 重点任务 | 责任单位 | 完成时限",
             "1 | 完成城区雨污分流改造8公里。 | 县水务局、县住建局★、县财政局 | 11月底前",
             "2 | 新增城市停车泊位600个。 | 县公安局*、县交通局 | 12月底前",
             "3 | 建成乡村博物馆2家。 | ★县文旅局、县财政局 | 全年"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局", "县财政局"], "11月底前"),
        (["2"], ["县公安局"], ["县交通局"], "12月底前"),
        (["3"], ["县文旅局"], ["县财政局"], "全年")]


def test_a_marked_lead_on_a_line_of_its_own_stays_in_its_row_without_a_number():
    lines = ["重点任务", "责任单位", "完成时限",
             "完成城区雨污分流改造8公里。", "县水务局", "县住建局★", "11月底前",
             "新增城市停车泊位600个。", "县公安局*", "县交通局", "12月底前"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局"], "11月底前"),
        (["2"], ["县公安局"], ["县交通局"], "12月底前")]


def test_a_responsible_column_repeating_the_lead_and_captions_on_two_lines_give_each_unit_one_role():
    repeated = ["序号 | 重点任务 | 牵头单位 | 责任单位",
                "1 | 完成城区雨污分流改造8公里。 | 县住建局 | 县住建局、县水务局、县财政局",
                "2 | 新增城市停车泊位600个。 | 县公安局 | 县公安局"]
    assert read(repeated) == [(["1"], ["县住建局"], ["县水务局", "县财政局"], None), (["2"], ["县公安局"], [], None)]
    captioned = ["序号", "重点任务", "责任单位",
                 "1", "完成城区雨污分流改造8公里。", "牵头：县住建局", "配合：县水务局、县财政局",
                 "2", "新增城市停车泊位600个。", "牵头：县公安局"]
    assert read(captioned) == [(["1"], ["县住建局"], ["县水务局", "县财政局"], None), (["2"], ["县公安局"], [], None)]


def test_emphasis_of_two_asterisks_marks_no_lead():
    assert marked_lead("**县住建局**、县水务局") is None
    assert is_unit_list("县住建局★") and is_unit_list("县住建局*") and not is_unit_list("★")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["区文旅局", "区体育中心", "各街道", "区城管局（执法大队）", "区团委", "区残联"]),
                          st.sampled_from(["", "★", "▲", "*", "＊"]), st.booleans()), min_size=1, max_size=6, unique_by=lambda u: u[0]),
       st.sampled_from(["、", "，", "；", " "]))
def test_a_mark_before_or_after_a_name_singles_out_exactly_the_marked_units_in_order(units, joint):
    cell = joint.join(f"{name}{mark}" if after else f"{mark}{name}" for name, mark, after in units)
    split = marked_lead(cell)
    if not any(mark for _, mark, _ in units):
        assert split is None
        return
    assert split == ([name for name, mark, _ in units if mark], [name for name, mark, _ in units if not mark])


def test_a_row_whose_merged_unit_cells_the_copy_lost_keeps_its_time_and_names_no_unit():
    lines = ["序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
             "1 | 完成城区雨污分流改造8公里。 | 县住建局 | 县水务局 | 11月底前",
             "2 | 新增城市停车泊位600个。 | 12月底前",
             "3 | 建成乡村博物馆2家。 | 县文旅局 | 县财政局 | 全年"]
    assert read(lines) == [
        (["1"], ["县住建局"], ["县水务局"], "11月底前"),
        (["2"], [], [], "12月底前"),
        (["3"], ["县文旅局"], ["县财政局"], "全年")]
