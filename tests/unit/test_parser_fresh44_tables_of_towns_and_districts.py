"""Task tables as towns and districts copy them (issue 13, branch fresh44).

Fresh development documents 881–885 and 896–897 (a district's 乡村振兴 task table copied one cell a line with `|` lines and
as Word, a town's 安全生产 plan holding a ` | ` table with no 序号 and its printed PDF, a 督查 notice whose list runs on one line,
a development zone's 责任清单 one cell a line) lost on their first run where: the town's table was no table, its first caption
being the office's own words (`专项整治行业名称 | 时间安排 | 责任单位 |`), so its twelve rows, units and months were lost; once read,
the plan's `二、工作要求` after the table was taken for a section row of the table, which then nested the table under the
heading above it; the district's `责任街镇` column was no unit column. The stories below tell each in a few lines; the wording
is invented after those documents (GOLD-README "fresh44")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# --- a piped table without 序号 whose first caption is the office's own words ---

_TOWN_PLAN = ("某镇2019年度消防安全排查工作计划\n"
              "一、排查安排表\n"
              "{caption} | 时间安排 | 责任单位 |\n"
              "餐饮场所 | 3月份 | 安监站 市场所 |\n"
              "出租房屋 | 4月份 | 派出所 |\n"
              "仓储物流 | 5月份 | 安监站 交管站 |\n"
              "二、工作要求\n"
              "(一)各责任单位要按月制定排查方案。\n"
              "(二)每月25日前,向镇安委会报送排查情况。\n"
              "三、考核办法\n"
              "镇安委会办公室负责考核。")


@given(st.sampled_from(["排查行业名称", "排查场所类别", "整治对象"]))
def test_a_piped_table_whose_first_caption_is_the_office_own_words_reads_its_rows_counted(caption):
    read = _read(_TOWN_PLAN.format(caption=caption))
    assert read[("1",)] == (["安监站", "市场所"], [], "3月份")
    assert read[("2",)] == (["派出所"], [], "4月份")
    assert read[("3",)] == (["安监站", "交管站"], [], "5月份")


def test_the_plan_heading_after_the_table_goes_on_with_the_plan_list_not_under_the_table():
    read = _read(_TOWN_PLAN.format(caption="排查行业名称"))
    assert list(read) == [("一",), ("1",), ("2",), ("3",), ("二",), ("二", "(一)"), ("二", "(二)"), ("三",)]
    assert read[("二", "(二)")][2] == "每月25日前"


def test_a_sentence_before_known_captions_is_no_header():
    read = _read("工作安排\n一、各村要对照下表自查,按月上报 | 时间安排 | 责任单位 |\n二、加强督查。")
    assert list(read) == [("一",), ("二",)]


def test_a_section_row_inside_a_piped_table_still_groups_the_rows_below_it():
    read = _read("整治计划\n"
                 "整治对象 | 时间安排 | 责任单位 |\n"
                 "一、城区\n"
                 "背街小巷 | 3月份 | 城管所 |\n"
                 "二、农村\n"
                 "河道沟渠 | 4月份 | 水利站 |\n")
    assert read[("一", "1")] == (["城管所"], [], "3月份")
    assert read[("二", "2")] == (["水利站"], [], "4月份")


# --- a column of the towns and streets that carry a district's row ---

@given(st.sampled_from(["责任街镇", "责任镇街", "责任乡镇"]))
def test_the_towns_column_beside_a_department_column_names_supporting_units(caption):
    read = _read("某区2024年河道整治任务分工表\n"
                 f"序号\t任务名称\t责任部门(加*号为牵头部门)\t{caption}\t完成时间节点\n"
                 "1\t清理河道淤泥\t区水务局*、区财政局\t梅镇、竹街道\t10月底\n")
    assert read[("1",)] == (["区水务局"], ["区财政局", "梅镇", "竹街道"], "10月底")


def test_the_towns_column_alone_names_the_lead_units():
    read = _read("某区2024年河道整治任务分工表\n"
                 "序号\t任务名称\t责任街镇\t完成时间节点\n"
                 "1\t清理河道淤泥\t梅镇、竹街道\t10月底\n")
    assert read[("1",)] == (["梅镇", "竹街道"], [], "10月底")


# --- a table copied one cell a line, a line of a pipe after each cell, its captions and cells wrapped ---

def _cells_a_line(rows):
    """The text of a table copied from a page one cell a line, each cell followed by a line holding a pipe."""
    return "\n".join(f"{line}" for row in rows for cell in row for line in (*cell.split("/"), "|"))


_HEADER = ["类别", "序号", "任务名称", "责任部门/(带*号的牵头,/其余参与)", "责任街镇", "完成时间"]
_ROWS = [["(一)/治理/河道", "1", "清淤/疏浚", "区水务局*", "梅镇", "6月底"],
         ["2", "护岸/修复", "区水务局*、/区财政局", "梅镇、竹街道、/兰镇", "9月底"],
         ["(二)/整治/农房", "3", "危房/改造", "区住建局*", "竹街道", "12月底"]]


def test_a_table_one_cell_a_line_with_a_pipe_line_after_each_cell_reads_its_wrapped_captions_and_cells():
    read = _read("某区2024年村庄整治任务表\n" + _cells_a_line([_HEADER] + _ROWS))
    assert read[("(一)",)] == ([], [], None)
    assert read[("(一)", "1")] == (["区水务局"], ["梅镇"], "6月底")
    assert read[("(二)", "3")] == (["区住建局"], ["竹街道"], "12月底")


def test_a_row_under_a_merged_group_cell_keeps_its_cells_in_their_columns_and_its_unit_lines_join_once():
    read = _read("某区2024年村庄整治任务表\n" + _cells_a_line([_HEADER] + _ROWS))
    assert read[("(一)", "2")] == (["区水务局"], ["区财政局", "梅镇", "竹街道", "兰镇"], "9月底")


def test_a_last_row_the_end_of_the_copy_cut_inside_its_unit_list_is_no_row_and_is_reported():
    text = "某区2024年村庄整治任务表\n" + _cells_a_line([_HEADER] + _ROWS) + "\n4\n|\n路灯/安装\n|\n区城管局*\n|\n梅镇、竹街道、\n兰镇、"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures][-1] == ["(二)", "3"]
    assert any("中途结束" in w for w in draft.warnings)


def test_a_last_row_whose_cells_are_all_closed_stays():
    text = "某区2024年村庄整治任务表\n" + _cells_a_line([_HEADER] + _ROWS + [["4", "路灯/安装", "区城管局*", "梅镇", "12月底"]])
    assert _read(text)[("(二)", "4")] == (["区城管局"], ["梅镇"], "12月底")


# --- a 督查 notice's list: a caption typed with a semicolon, a day's end of work ---

@given(st.sampled_from(["；", ";"]))
def test_a_unit_caption_typed_with_a_semicolon_for_its_colon_still_captions_its_units(mark):
    read = _read(f"督查通知\n一、督办事项\n1.清理沟渠垃圾。(责任单位{mark}水务局、各乡镇)\n2.修补村道坑槽。(责任单位:交通局)")
    assert read[("一", "1")] == (["水务局", "各乡镇"], [], None)


def test_a_semicolon_after_a_caption_with_nothing_after_it_names_no_unit_caption():
    read = _read("督查通知\n一、督办事项\n1.清理沟渠垃圾。(水务局牵头;交通局配合)")
    assert read[("一", "1")] == (["水务局"], ["交通局"], None)


@given(st.sampled_from(["下班前", "下午5时前", "17:00前"]))
def test_a_day_and_the_end_of_its_working_hours_is_the_deadline_as_written(end):
    read = _read(f"督查通知\n一、工作要求\n1.各乡镇于3月8日{end}将整改报告报县督查室。")
    assert read[("一", "1")][2] == f"3月8日{end}"
