"""Text tables the parser read wrongly, by kind (branch cells66; GOLD-README "cells66").

Three ways a text copy of a Word table reaches the tracker: a 落实情况 report copied one cell a line, each cell closed
by `` |``, its rows numbered by the 政府工作报告's tasks (145, 249, not 1…N) and its unit cells mixing 、 and blanks; a
project table whose header spans two rows (parent captions over their sub-columns), its rows wider than its first
header row; and a table whose cells are cut by ``|`` on lines of their own, a group row over its numbered rows. Each
story is what the office expects on the plan's page: each row its own units, the progress words never a unit, the rows
under their group. The texts are invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit

HEADER = "某市2024年政府工作报告重点任务落实情况\n某政办发〔2024〕9号\n2024年3月1日\n"


def units_of(body: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(HEADER + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. a 落实情况 report one cell a line, rows numbered by the report's tasks -----------------------------------------

REPORT_LINES = """序号 |
重点任务 |
牵头单位 |
落实情况 |
{first} |
推进城市更新行动，完善社区养老托育设施。 |
市住建局、市民政局、市卫健委 市教育局、市财政局 |
全年改造老旧小区41个，新建社区养老服务站9个，
托育机构备案23家。 |
{second} |
加强基层应急能力建设，提升灾害预报预警水平。 |
市委政法委 市气象局 市应急管理局 |
完成预警信息发布平台升级，
组织开展综合演练6次
"""


@pytest.mark.parametrize("first,second", [("37", "212"), ("145", "249"), ("8", "90")])
def test_a_report_numbered_by_the_work_reports_tasks_gives_each_row_its_own_units(first, second):
    units = units_of(REPORT_LINES.format(first=first, second=second))
    assert set(units) == {(first,), (second,)}
    assert units[(first,)] == (["市住建局", "市民政局", "市卫健委", "市教育局", "市财政局"], [])
    assert units[(second,)] == (["市委政法委", "市气象局", "市应急管理局"], [])


def test_the_same_report_with_each_row_on_one_line_reads_the_same():
    body = ("序号 | 重点任务 | 牵头单位 | 落实情况 |\n"
            "37 | 推进城市更新行动，完善社区养老托育设施。 | 市住建局、市民政局、市卫健委 市教育局、市财政局 | 改造老旧小区41个。 |\n"
            "212 | 加强基层应急能力建设，提升灾害预报预警水平。 | 市委政法委 市气象局 市应急管理局 | 完成平台升级。 |\n")
    units = units_of(body)
    assert units[("37",)] == (["市住建局", "市民政局", "市卫健委", "市教育局", "市财政局"], [])
    assert units[("212",)] == (["市委政法委", "市气象局", "市应急管理局"], [])


def test_a_report_whose_tasks_run_in_order_still_reads_row_by_row():
    body = REPORT_LINES.format(first="1", second="2")
    units = units_of(body)
    assert units[("1",)][0][0] == "市住建局" and units[("2",)] == (["市委政法委", "市气象局", "市应急管理局"], [])


# ---- 2. a project table whose header spans two rows, its rows wider than the first header row -----------------------

PROJECTS = """序號 | 項目名稱 | 建設內容 | 總投資 | 建設年限 | 至2023年底累計完成投資 | 2024年計劃 | 1-9月進展 | 責任單位 | 配套保障 單位 | |||
投資 | 主要形象進度 | 完成投資 | % | 主要形象進度 | ||||||||
1 | 北山公園提升工程 | 新建步道5公里 | 2600 | 2024 | 0 | 2600 | 建成 | 2100 | 81 | 投入使用 | 縣城管局 | ||
2 | 第二實驗幼兒園 | 新建園舍6000平方米 | 4200 | 2023-2025 | 1500 | 2000 | 主體封頂 | 1800 | 90 | 基本完工 | 縣教育局 | 城南街道 ||
3 | 農貿市場改造 | 改造攤位300個 | 900 | 2024 | 0 | 900 | 完工 | 900 | 100 | 完成 | 縣市場監管局 | ||
"""


def test_a_project_table_with_a_two_row_header_gives_each_row_its_own_responsible_unit():
    units = units_of(PROJECTS)
    assert units[("1",)] == (["縣城管局"], [])
    assert units[("2",)] == (["縣教育局"], [])
    assert units[("3",)] == (["縣市場監管局"], [])


def test_a_projects_stage_is_never_read_as_its_unit():
    draft = parse_plan_text(HEADER + PROJECTS)
    named = {unit for m in draft.measures for unit in m.lead_units + m.supporting_units}
    assert not named & {"建成", "投入使用", "基本完工", "主體封頂", "完工", "完成"}


@pytest.mark.parametrize("stage", ["建成", "投入使用", "基本完工", "主體封頂", "竣工验收", "开工建设", "交付使用"])
def test_a_stage_word_is_progress_and_no_unit_list(stage):
    from tracker.vocabulary.units import is_progress_text, is_unit_list
    assert is_progress_text(stage) and not is_unit_list(stage)


@pytest.mark.parametrize("unit", ["縣教育局", "市建设局", "县住建局", "市投资促进局", "市交通运输局"])
def test_a_unit_is_no_progress_word(unit):
    from tracker.vocabulary.units import is_progress_text, is_unit_list
    assert not is_progress_text(unit) and is_unit_list(unit)


# ---- 3. a table whose cells are cut by "|" on lines of their own, a group row over its rows --------------------------

CAPTIONS = ["序号", "工作任务", "阶段目标", "牵头责任\n单位", "协同单位", "2025年度", "2026年度", "2027年度"]
ROWS = [["一", "城乡供水安全保障方面"],
        ["1", "实施农村供水管网改造。", "改造管网80公里", "改造管网160公里", "全面完成", "市水利局", "市财政局、市住建局"],
        ["2", "建设城区应急备用水源。", "完成选址", "开工建设", "建成投用", "市水务集团", "市自然资源局"],
        ["二", "食品药品安全保障方面"],
        ["3", "推进农贸市场快检室建设。", "建成20个", "建成40个", "全覆盖", "市市场监管局", "市商务局 市农业农村局"]]

EXPECTED_ROWS = {
    ("一",): ([], []),
    ("一", "1"): (["市水利局"], ["市财政局", "市住建局"]),
    ("一", "2"): (["市水务集团"], ["市自然资源局"]),
    ("二",): ([], []),
    ("二", "3"): (["市市场监管局"], ["市商务局", "市农业农村局"]),
}


def pipe_lines(last_closed: bool) -> str:
    """The table a line of its own per cell and per "|"; a row's last cell closed by its "|" or not."""
    out: list[str] = []
    for caption in CAPTIONS:
        out += [caption, "|"]
    for row in ROWS:
        for at, cell in enumerate(row):
            out.append(cell)
            if at < len(row) - 1 or last_closed or len(row) == 2:
                out.append("|")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("last_closed", [False, True])
def test_rows_cut_by_pipes_on_lines_of_their_own_stay_under_their_group_with_their_units(last_closed):
    assert units_of(pipe_lines(last_closed)) == EXPECTED_ROWS


def test_the_same_table_with_each_cell_closed_on_its_line_reads_the_same():
    body = "\n".join([caption.replace("\n", "") + " |" for caption in CAPTIONS]
                     + [cell + " |" for row in ROWS for cell in row]) + "\n"
    assert units_of(body) == EXPECTED_ROWS


def test_the_same_table_a_row_a_line_reads_the_same():
    body = "\n".join([" | ".join(c.replace("\n", "") for c in CAPTIONS) + " |"]
                     + [" | ".join(row) + " |" for row in ROWS]) + "\n"
    assert units_of(body) == EXPECTED_ROWS


def test_the_plans_text_after_the_table_is_no_cell_of_its_last_row():
    draft = parse_plan_text(HEADER + pipe_lines(False) + "三、保障措施\n各单位要加强协调配合。\n")
    units = {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}
    assert units[("二", "3")] == (["市市场监管局"], ["市商务局", "市农业农村局"])
    assert ("三",) in units


@pytest.mark.parametrize("words, progress", [
    ("累計完成投資1800萬元", True), ("投入運營", True), ("主體封頂", True), ("基本完工", True),
    ("縣教育局", False), ("開發區管委會", False), ("縣城投集團", False)])
def test_a_progress_cell_in_traditional_characters_reads_as_its_simplified_twin(words, progress):
    """A 形象进度 column copied in traditional characters is progress as its simplified twin is (one mapping, han.py
    ``simplified``, stop 51); the units beside it stay units."""
    from tracker.vocabulary.units import is_progress_text
    assert is_progress_text(words) is progress
