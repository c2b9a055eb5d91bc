"""What the fresh ledgers and tables of branch ledgers44 (ledger corpus 208–213) showed offices send, each as the office's
story: a 重大项目专班's 台账 with a column of when each project is expected to reach its next stage (`预计完成时间`, 208: a
forecast, kept as written, never the deadline); a 督办室's monthly table whose 推进状态 column says the state in the
report's own words (`全面展开`, `进展加快`, a share `完成阶段目标任务的100%`: 209) and a district's 重大项目 by state
(`新开工建设`: 210); a district 财政局's budget lines down a `项目` column under a title naming the district and its
subject (`巴南区财政收支情况`, `单位：万元`, `其中：` lines, `—` cells: 212). Workbooks are built with openpyxl
(tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

import pytest

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.indicators.workbook import title_place
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.statuses import status_synonym

pytestmark = pytest.mark.unit

PROJECTS = [["1", "城东污水处理厂二期", "主体封顶", "2026年9月底"],
            ["2", "市人民医院门诊楼", "正在进行设备安装", "11月份投入使用"],
            ["3", "生物质热电联产工程", "已签订框架协议,正在办理项目核准", "预计10月末开工建设"]]


def _tasks(rows: list[list], merges: list[str] | None = None, name: str = "台账.xlsx"):
    result = read_ledger(workbook(rows, merges or []), name)
    return result, [row for row in result.rows if not row.is_group_row]


@pytest.mark.parametrize("caption", ["预计完成时间", "预计完成时限", "预计竣工时间", "预计完成时间（月）"])
def test_a_forecast_of_when_a_project_will_be_done_is_kept_as_written_and_never_taken_for_its_deadline(caption):
    # The city's 重大项目专班 sends its July 台账: each project's progress and when its unit expects the next stage. The
    # 督查室 did not set those dates and will not chase the units against them: no task gets a deadline, and each
    # forecast stays with its row as written, so nothing the unit wrote is lost.
    rows = [["重大项目专班7月份工作进展情况表"], ["序号", "项目名称", "7月份进展情况", caption], *PROJECTS]
    result, tasks = _tasks(rows, ["A1:D1"])
    assert [task.measure for task in tasks] == [row[1] for row in PROJECTS]
    assert [task.deadline for task in tasks] == [None, None, None]
    assert [task.due_date for task in tasks] == [None, None, None]
    assert [task.extra for task in tasks] == [{caption: row[3]} for row in PROJECTS]
    assert [task.progress for task in tasks] == [row[2] for row in PROJECTS]
    assert any("预计的完成时间" in warning and "不作为完成时限" in warning for warning in result.warnings)


def test_the_plans_own_date_beside_the_forecast_stays_the_deadline():
    # Another 专班 writes both: 计划完成时间 is the date the plan set (the deadline), 预计完成时间 the unit's forecast.
    rows = [["序号", "项目名称", "计划完成时间", "预计完成时间", "进展情况"],
            ["1", "城东污水处理厂二期", "2026年6月底前", "2026年9月底", "主体封顶"],
            ["2", "市人民医院门诊楼", "2026年10月底前", None, "正在进行设备安装"]]
    _result, tasks = _tasks(rows)
    assert [task.deadline for task in tasks] == ["2026年6月底前", "2026年10月底前"]
    assert [task.extra.get("预计完成时间") for task in tasks] == ["2026年9月底", None]


@pytest.mark.parametrize(("written", "status"), [
    ("全面展开", "in_progress"), ("已全面铺开", "in_progress"), ("进展加快", "in_progress"), ("进展顺利", "in_progress"),
    ("新开工建设", "in_progress"), ("开工建设", "in_progress"), ("未开工建设", "assigned"), ("尚未开工", "assigned"),
    ("✓", "closed"), ("√", "closed"),
    ("100%", "closed"), ("完成年度目标任务的100%", "closed"), ("完成年度目标任务的120%", "closed"), ("60%", "in_progress"), ("0%", "assigned"),
    ("完成阶段目标任务的100%", "in_progress"), ("完成序时进度的110%", "in_progress"), ("已完成年度目标的85%", "in_progress"),
])
def test_a_monthly_report_states_each_item_in_its_own_words_and_each_reads_as_the_trackers_status(written, status):
    # The 市政府督办室's March table of the 十件实事: a 推进状态 column in the report's words, a tick for one done, a
    # share of the work for another. A stage's target met in full is not the item done: the year's work goes on.
    rows = [["3月份“十件实事”进展情况表"], ["序号", "项目名称", "3月份进展情况", "推进状态"],
            ["1", "创业带动就业工程", "共扶持创业206人。", written]]
    _result, tasks = _tasks(rows, ["A1:D1"])
    assert tasks[0].status == written
    assert status_synonym(written) == status


@pytest.mark.parametrize("written", ["开工率80%", "完成率80%", "完成投资3.5亿元", "✗", "1-3月", "120%"])
def test_words_that_state_no_status_stay_unread_rather_than_guessed(written):
    # A rate of something else, an amount, a cross, a bare share above the whole: none says where the item stands.
    assert status_synonym(written) is None


def test_a_column_of_percentages_in_the_offices_own_caption_is_how_far_the_work_went_not_its_state():
    # 余姚's 民生实事 report puts 形象进度(%) beside 进展情况: 28%, 30%, 45%. No caption names a status column, and the
    # reader does not guess one from cells that are percentages.
    rows = [["序号", "目标任务", "责任单位", "进展情况", "形象进度(%)"],
            ["1", "新建公用充电桩350个", "市发改局", "新建公共充电桩99个。", "28%"],
            ["2", "建设电动自行车充电驿站1440个", "市消防大队", "已完成方案制定。", "30%"]]
    _result, tasks = _tasks(rows)
    assert [task.status for task in tasks] == [None, None]
    assert [task.progress for task in tasks] == ["新建公共充电桩99个。", "已完成方案制定。"]



REVENUE = IndicatorColumn("一般公共预算收入", "亿元")
TAX = IndicatorColumn("税收收入", "万元")
SPENDING = IndicatorColumn("一般公共预算支出", "万元")


@pytest.mark.parametrize("caption", ["项目", "指标"])
def test_a_district_budget_down_its_item_column_gives_the_districts_figures_in_the_registered_units(caption):
    # 南岸区's 财政局 sends its budget to the end of March: the lines down a 项目 column, 单位：万元 at the right, a
    # "其中：" line under the revenue, "—" where it gives no growth, the month only in the sheet's name. The 督查室
    # registered the revenue in 亿元 and the tax and the spending in 万元.
    rows = [["南岸区财政收支情况"], [None, None, "单位：万元"], [caption, "累计完成", "增长（%）"],
            ["一般公共预算收入", 126580, 7.2], ["其中：税收收入", 98998, 5.1], ["非税收入", 27582, 15.0],
            ["政府性基金预算收入", 1616, "—"], ["一般公共预算支出", 197641, "—"], ["注：增幅按同口径计算。"]]
    table = read_table(workbook(rows, title="2026年3月"), "财政收支.xlsx", [REVENUE, TAX, SPENDING])
    assert table.period == "2026-03"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("南岸区", {"一般公共预算收入": 12.658, "税收收入": 98998, "一般公共预算支出": 197641})]


def test_an_item_column_naming_no_registered_indicator_is_refused_in_one_chinese_sentence():
    # The same layout, but the 督查室 registered 存款余额: nothing in the table is that, and the reader says so.
    rows = [["南岸区财政收支情况"], [None, None, "单位：万元"], ["项目", "累计完成", "增长（%）"],
            ["一般公共预算收入", 126580, 7.2]]
    with pytest.raises(LedgerRefused) as refused:
        read_table(workbook(rows, title="2026年3月"), "财政收支.xlsx", [IndicatorColumn("各项存款余额", "亿元")])
    assert "财政收支.xlsx" in str(refused.value) and "各项存款余额" in str(refused.value)


@pytest.mark.parametrize(("title", "place"), [
    ("巴南区财政收支情况", "巴南区"), ("南岸区一般公共预算收支情况", "南岸区"), ("某某县税收收入情况", "某某县"),
    ("全区财政收支情况", None), ("社区卫生服务情况", None),
])
def test_a_title_naming_a_place_then_its_subject_names_whose_figures_they_are(title, place):
    assert title_place(title) == place
