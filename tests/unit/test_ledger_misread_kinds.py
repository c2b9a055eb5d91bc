"""The ledger and indicator-table kinds the held-out part of stop 30 still found misread, each as the office's story
(development files 038–041 of tests/ledgers): a 序号 merged over an item's sub-items with no 项目 cell merged over
them, a 整改台账 whose task is its 整改措施 (or its 问题 where no measure is written), a category table with money in
its cells, an indicator table whose title names only a year, a bank-by-bank table with subtotal rows, and
building-time captions. Workbooks are built with openpyxl (tests/helpers/xlsx.xlsx_bytes); no app, no database."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import read_ledger
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.statuses import status_synonym
from tests.helpers.xlsx import xlsx_bytes as workbook

TARGETS = ["新增4000张养老床位", "新增800张困难重度残疾人养护床位", "改建3000张认知障碍照护床位", "新增30个社区长者食堂",
           "开办500个小学生爱心暑托班", "开办150个小学生爱心寒托班", "新增3000个公办幼儿园托班托额"]


def _read(rows, merges=()):
    return [(r.number, r.is_group_row, r.heading if r.is_group_row else r.measure, r.progress)
            for r in read_ledger(workbook(rows, merges), "实事.xlsx").rows]


def test_a_number_merged_over_sub_items_without_a_project_column_makes_each_sub_item_a_task():
    # 上海 2024: item 1 is three targets, the 序号 merged down over them; no 项目 column names the item.
    rows = [["2024年上海市为民办实事项目完成情况"], ["序号", "实事项目名称", "完成情况", "占全年计划"],
            [1, TARGETS[0], 4385, "110%"], [None, TARGETS[1], 810, "101%"], [None, TARGETS[2], 3210, "107%"],
            [2, TARGETS[3], 39, "130%"]]
    assert _read(rows, ["A3:A5"]) == [
        ("1", True, None, None),
        ("1.1", False, TARGETS[0], "4385"), ("1.2", False, TARGETS[1], "810"), ("1.3", False, TARGETS[2], "3210"),
        ("2", False, TARGETS[3], "39"),
    ]


def test_a_project_named_on_its_first_row_only_titles_the_group_of_its_merged_number():
    # 序号 | 项目名称 | 具体项目 | 责任单位: the 序号 merged over two rows, the 项目 written once, not merged.
    rows = [["序号", "项目名称", "具体项目", "责任单位", "进展情况"],
            [9, "养老服务提升", TARGETS[0], "市民政局", "已完成4385张"],
            [None, None, TARGETS[1], "市民政局", "已完成810张"],
            [10, "托育服务", TARGETS[6], "市教委", "已完成5155个"]]
    assert _read(rows, ["A2:A3"]) == [
        ("9", True, "养老服务提升", None),
        ("9.1", False, TARGETS[0], "已完成4385张"), ("9.2", False, TARGETS[1], "已完成810张"),
        ("10", False, TARGETS[6], "已完成5155个"),
    ]


def test_a_task_written_over_rows_merged_with_its_number_stays_one_task():
    # the 序号 and the task merged together over two rows that split its units: one task, not sub-items
    rows = [["序号", "具体措施", "责任单位"], [1, "推进养老床位建设", "市民政局"], [None, None, "市卫健委"]]
    read = read_ledger(workbook(rows, ["A2:A3", "B2:B3"]), "台账.xlsx").rows
    assert [(r.number, r.is_group_row) for r in read] == [("1", False), ("1", False)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=5))
def test_every_item_numbers_its_sub_items_by_place_whatever_their_count(counts):
    rows, merges, expected, row = [["序号", "实事项目名称", "完成情况"]], [], [], 2
    for item, count in enumerate(counts, start=1):
        names = [f"第{item}项第{sub}个目标" for sub in range(1, count + 1)]
        for sub, name in enumerate(names, start=1):
            rows.append([item if sub == 1 else None, name, f"完成{sub}"])
        if count > 1:
            merges.append(f"A{row}:A{row + count - 1}")
            expected.append((str(item), True, None, None))
            expected += [(f"{item}.{sub}", False, name, f"完成{sub}") for sub, name in enumerate(names, start=1)]
        else:
            expected.append((str(item), False, names[0], "完成1"))
        row += count
    assert _read(rows, merges) == expected


# --- An indicator table whose title names only a year -------------------------------------------------------------

BANKS = ["工商银行XX分行", "农业银行XX分行", "中国银行XX分行", "建设银行XX分行", "XX农商银行", "邮储银行XX分行"]
DEPOSITS = [IndicatorColumn("各项存款余额", "亿元")]


def _table(rows, sheet="Sheet1"):
    return read_table(workbook(rows, title=sheet), "存贷款.xlsx", DEPOSITS)


YEAR_TITLE = "2024年全市金融机构存贷款情况表"
BODY = [["机构名称", "各项存款余额"], ["工商银行XX分行", 1234.56], ["农业银行XX分行", 987.6]]


def test_a_title_naming_only_a_year_takes_the_month_from_the_line_saying_when():
    for line in ("填报时间：2024年3月", "数据截至2024年3月末", "单位：亿元  数据截至2024年3月末"):
        table = _table([[YEAR_TITLE], [line], *BODY])
        assert (table.title, table.period) == (YEAR_TITLE, "2024-03"), line
        assert [(row.entity, row.values) for row in table.rows] == [
            ("工商银行XX分行", {"各项存款余额": 1234.56}), ("农业银行XX分行", {"各项存款余额": 987.6})]


def test_a_title_naming_only_a_year_takes_the_month_from_the_sheets_name_or_a_caption():
    assert _table([[YEAR_TITLE], ["单位：亿元"], *BODY], sheet="3月").period == "2024-03"
    assert _table([[YEAR_TITLE], ["单位：亿元"], *BODY], sheet="2024.03").period == "2024-03"
    captioned = [[YEAR_TITLE], ["单位：亿元"], ["机构名称", "3月末各项存款余额", "比年初增减"], ["工商银行XX分行", 1234.56, 12.3]]
    table = _table(captioned)
    assert table.period == "2024-03"
    assert [(row.entity, row.values) for row in table.rows] == [("工商银行XX分行", {"各项存款余额": 1234.56})]


def test_a_table_naming_no_month_has_no_period_never_december():
    # the import then asks for the month in the title (tests/web/test_indicators.py)
    table = _table([[YEAR_TITLE], ["单位：亿元"], *BODY], sheet="存贷款")
    assert (table.title, table.period) == (YEAR_TITLE, None)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=12),
       st.sampled_from(["sheet_month", "sheet_period", "caption", "line"]))
def test_wherever_the_office_writes_the_month_the_table_stands_for_that_month(year, month, where):
    title = f"{year}年全市金融机构存贷款情况表"
    caption = f"{month}月末各项存款余额" if where == "caption" else "各项存款余额"
    rows = [[title], [f"数据截至{year}年{month}月末" if where == "line" else "单位：亿元"],
            ["机构名称", caption], ["工商银行XX分行", 100.5]]
    sheet = {"sheet_month": f"{month}月", "sheet_period": f"{year}.{month:02d}"}.get(where, "Sheet1")
    assert _table(rows, sheet=sheet).period == f"{year}-{month:02d}"


# --- A bank-by-bank deposit and loan table ------------------------------------------------------------------------

LOANS = IndicatorColumn("各项贷款余额", "亿元")
KINDS = {"国有商业银行": ["工商银行XX分行", "农业银行XX分行", "中国银行XX分行", "建设银行XX分行"],
         "股份制银行": ["招商银行XX分行", "兴业银行XX分行"],
         "地方法人机构": ["XX农商银行", "XX村镇银行"]}


def _bank_table(groups, with_kinds=True):
    """(rows of a 人行 table: 合计, then each kind's subtotal over its banks, each bank's deposit and loan with a 比年初增减
    beside it; the banks' own figures {(bank, indicator): value})."""
    rows = [["2024年3月末全市金融机构存贷款情况表"], ["单位：亿元"],
            ["机构名称", "各项存款余额", "比年初增减", "各项贷款余额", "比年初增减"]]
    body, own = [], {}
    for kind, banks in groups:
        members = [[bank, deposit, 1.5, loan, -0.5] for bank, deposit, loan in banks]
        if with_kinds:
            body.append([kind, sum(r[1] for r in members), 1.5 * len(members), sum(r[3] for r in members), 0])
        body += members
        own.update({(bank, "各项存款余额"): deposit for bank, deposit, _ in banks})
        own.update({(bank, "各项贷款余额"): loan for bank, _, loan in banks})
    total = [r for r in body if r[0] not in dict(groups)]
    rows.append(["合计", sum(r[1] for r in total), 0, sum(r[3] for r in total), 0])
    return rows + body, own


def _figures(rows):
    table = read_table(workbook(rows), "存贷款.xlsx", [*DEPOSITS, LOANS])
    return {(row.entity, name): value for row in table.rows for name, value in row.values.items()}


def test_a_bank_by_bank_table_gives_each_bank_its_figures_and_none_to_totals_kinds_or_changes():
    groups = [(kind, [(bank, 100.0 + i, 50.0 + i) for i, bank in enumerate(banks)]) for kind, banks in KINDS.items()]
    rows, own = _bank_table(groups)
    assert _figures(rows) == own  # no 合计, no 国有商业银行 subtotal, no 比年初增减


def test_kinds_of_bank_one_after_another_are_the_tables_institutions():
    # 银监会 by type (ledger corpus 039): each kind on its row and no bank under it, so each kind is an entity
    rows = [["2010年3月末银行业金融机构资产负债情况"], ["单位：亿元"], ["机构类型", "各项存款余额"],
            ["国有商业银行", 4290.0], ["股份制商业银行", 1260.0], ["城市商业银行", 600.0], ["资料来源：银监会"]]
    assert _figures(rows) == {("国有商业银行", "各项存款余额"): 4290.0, ("股份制商业银行", "各项存款余额"): 1260.0,
                              ("城市商业银行", "各项存款余额"): 600.0}


def test_a_breakdown_of_the_total_by_kind_gives_no_figure_beside_the_banks():
    rows = [["2024年3月末全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "各项存款余额", "各项贷款余额"],
            ["合计", 2000.0, 1500.0], ["其中：地方法人机构", 700.0, 550.0],
            ["工商银行XX分行", 1300.0, 950.0], ["XX农商银行", 700.0, 550.0]]
    assert _figures(rows) == {("工商银行XX分行", "各项存款余额"): 1300.0, ("工商银行XX分行", "各项贷款余额"): 950.0,
                              ("XX农商银行", "各项存款余额"): 700.0, ("XX农商银行", "各项贷款余额"): 550.0}


def test_the_sectors_whole_over_its_parts_by_kind_is_no_entity_and_the_parts_are():
    # 银监会 2011 (ledger corpus 042): 银行业金融机构, then 其中：大型商业银行, 股份制商业银行 … as the entities
    rows = [["2011年银行业金融机构资产负债情况"], ["截至2011年12月末  单位：亿元"], ["机构", "各项存款余额"],
            ["银行业金融机构", 1115.0], ["其中：大型商业银行", 520.0], ["股份制商业银行", 183.0]]
    table = read_table(workbook(rows), "银监会.xlsx", DEPOSITS)
    assert table.period == "2011-12"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("大型商业银行", {"各项存款余额": 520.0}), ("股份制商业银行", {"各项存款余额": 183.0})]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(KINDS)),
                          st.lists(st.tuples(st.floats(min_value=0.1, max_value=9999, allow_nan=False),
                                             st.floats(min_value=0.1, max_value=9999, allow_nan=False)),
                                   min_size=1, max_size=3)),
                min_size=1, max_size=3, unique_by=lambda group: group[0]))
def test_whatever_the_banks_and_figures_only_the_banks_have_figures(drawn):
    groups = [(kind, [(f"{kind[:2]}第{i + 1}家银行", deposit, loan) for i, (deposit, loan) in enumerate(banks)])
              for kind, banks in drawn]
    rows, own = _bank_table(groups)
    read = _figures(rows)
    assert read.keys() == own.keys()
    assert all(abs(read[key] - own[key]) < 1e-6 for key in own)


# --- A 整改台账 / 问题清单 -----------------------------------------------------------------------------------------

RECTIFICATION_HEADER = ["序号", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改进展", "整改状态"]


def test_a_rectification_ledger_tracks_its_measures_with_the_units_deadlines_and_states_it_writes():
    rows = [["环境保护督察反馈问题整改台账"], RECTIFICATION_HEADER,
            [1, "部分领导干部绿色发展理念尚未真正确立。", "把绿色发展纳入党委（党组）中心组学习内容。", "州委办公室",
             "州委办公室主要负责人", "立行立改", "已组织专题学习3次。", "已整改"],
            [2, "城镇污水处理设施建设滞后。", "加快污水处理厂提标改造。", "州住房城乡建设局、州生态环境局",
             "张某某", "2019年12月底前", "主体工程已完工。", "整改中"],
            [3, "九大高原湖泊保护治理任务艰巨。", "落实湖长制，开展入湖河道整治。", "州水务局", "李某某",
             "长期坚持", "已完成入湖河道整治2条。", "持续整改"]]
    read = read_ledger(workbook(rows), "整改台账.xlsx").rows
    assert [(r.number, r.measure, r.problems) for r in read] == [
        ("1", "把绿色发展纳入党委（党组）中心组学习内容。", "部分领导干部绿色发展理念尚未真正确立。"),
        ("2", "加快污水处理厂提标改造。", "城镇污水处理设施建设滞后。"),
        ("3", "落实湖长制，开展入湖河道整治。", "九大高原湖泊保护治理任务艰巨。")]
    assert [(r.lead_units, r.responsible) for r in read] == [
        (["州委办公室"], "州委办公室主要负责人"), (["州住房城乡建设局", "州生态环境局"], "张某某"), (["州水务局"], "李某某")]
    assert [r.deadline for r in read] == ["立行立改", "2019年12月底前", "长期坚持"]
    assert [status_synonym(r.status) for r in read] == ["closed", "in_progress", "in_progress"]


def test_a_problem_list_without_measures_tracks_each_problem_with_its_state():
    rows = [["序号", "问题描述", "整改目标", "责任单位", "责任人", "整改时限", "整改状态"],
            ["（一）", "部分领导干部对辖区内环境质量盲目乐观，没有危机感。", "牢固树立绿色发展理念，自觉贯彻落实到各项工作中。",
             "州委办公室", "主要负责人", "立行立改，长期坚持", "已整改"],
            ["（二）", "饮用水水源地保护区划定工作滞后。", "完成全部县级水源地保护区划定。", "州生态环境局", "王某某",
             "2018年底", "未整改"]]
    result = read_ledger(workbook(rows), "问题清单.xlsx")
    assert [(r.number, r.measure, r.deadline, status_synonym(r.status)) for r in result.rows] == [
        ("（一）", "部分领导干部对辖区内环境质量盲目乐观，没有危机感。", "立行立改，长期坚持", "closed"),
        ("（二）", "饮用水水源地保护区划定工作滞后。", "2018年底", "assigned")]
    assert any("整改台账" in warning and "B 列" in warning for warning in result.warnings)


def test_a_ledgers_problems_met_on_the_way_are_no_task_outside_a_rectification_ledger():
    # 事项 | 责任单位 | 进展情况 | 存在问题 (no 整改 caption): the long 事项 texts are the tasks, 存在问题 the problems
    rows = [["序号", "事项", "责任单位", "进展情况", "存在问题"],
            [1, "推进城市更新和老旧小区改造项目建设", "市住房城乡建设局", "已开工12个。", "资金到位慢"],
            [2, "推进全市重点交通基础设施项目建设", "市交通运输局", "已完成投资30亿元。", "征地拆迁进度慢"]]
    read = read_ledger(workbook(rows), "台账.xlsx").rows
    assert [(r.measure, r.problems) for r in read] == [
        ("推进城市更新和老旧小区改造项目建设", "资金到位慢"), ("推进全市重点交通基础设施项目建设", "征地拆迁进度慢")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("已整改", "closed"), ("已完成", "closed"), ("已完成整改", "closed"), ("整改中", "in_progress"),
                        ("正在整改", "in_progress"), ("持续整改", "in_progress"), ("未整改", "assigned")]),
       st.sampled_from(["张某某", "州水务局主要负责人", "分管副局长"]),
       st.sampled_from(["立行立改", "长期坚持", "立行立改，长期坚持", "2024年底前"]))
def test_any_rectification_state_person_and_time_limit_read_as_status_no_unit_and_deadline(state, person, limit):
    word, code = state
    rows = [RECTIFICATION_HEADER, [1, "问题", "整改措施内容", "州水务局", person, limit, "已推进。", word]]
    (read,) = read_ledger(workbook(rows), "整改台账.xlsx").rows
    assert (status_synonym(read.status), read.lead_units, read.supporting_units, read.deadline) == (
        code, ["州水务局"], [], limit)


# --- A category table with money in its cells -------------------------------------------------------------------

CATEGORIES = ["重大产业项目", "重大平台项目", "重大民生项目", "重大基础设施项目", "社会事业类", "城市建设类"]


def test_a_category_table_with_money_reads_each_category_as_a_task_without_units_or_progress_and_says_so():
    rows = [["2021年1-7月省重大项目分领域完成投资情况"], [None, None, None, "单位：亿元、%"],
            ["类别", "项目个数", "年度计划投资", "完成投资", "占年度计划%"],
            ["合计", 385, 2076.0, 1735.6, 83.6],
            ["重大产业项目", 200, 1062.1, 987.8, 93.0], ["重大基础设施项目", 85, 514.8, 309.4, 60.1]]
    result = read_ledger(workbook(rows), "分领域.xlsx")
    assert [(r.number, r.measure, r.lead_units, r.supporting_units, r.progress) for r in result.rows] == [
        (None, "重大产业项目", [], [], None), (None, "重大基础设施项目", [], [], None)]
    assert any("按类别汇总项目投资的统计表" in warning and "不作为进展导入" in warning for warning in result.warnings)
    assert any("合计行" in warning for warning in result.warnings)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=6, unique=True),
       st.sampled_from(["类别", "领域", "项目类别"]), st.sampled_from(["完成投资（亿元）", "1-7月完成投资", "项目个数"]),
       st.booleans())
def test_whatever_its_categories_and_figures_a_category_table_gives_one_task_per_category(names, category, figure,
                                                                                          total_first):
    body = [[name, 10.5 + i] for i, name in enumerate(names)]
    total = [["合计", sum(row[1] for row in body)]]
    rows = [[category, figure], *(total + body if total_first else body + total)]
    read = read_ledger(workbook(rows), "分类.xlsx").rows
    assert [(r.measure, r.lead_units, r.progress) for r in read] == [(name, [], None) for name in names]


# --- Building-time captions -----------------------------------------------------------------------------------------

BUILDING_TIMES = ["建设时间", "建設時間", "建设期限", "建設期限", "实施期限", "實施期限", "计划建设时间", "建设周期"]


def test_a_project_ledgers_building_time_is_each_projects_deadline_as_written():
    # a 民生实事 list: 序号 | 项目名称 | 建設時間 | 建设内容 | 责任单位 (the year as a number cell, a span as text)
    rows = [["序號", "項目名稱", "建設時間", "2024年建设内容", "责任单位"],
            [1, "中小学幼儿园基础设施提升改造项目", 2024, "对3所学校运动场地进行改造。", "教体局"],
            [2, "老旧小区改造项目", "2024—2025年", "实施3个老旧小区房屋功能改善。", "住建局"]]
    read = read_ledger(workbook(rows), "民生实事.xlsx").rows
    # the 项目名称 heads its 建设内容 (the measure), as a 重点任务 its 具体措施
    assert [(r.heading, r.measure, r.deadline, r.lead_units) for r in read] == [
        ("中小学幼儿园基础设施提升改造项目", "对3所学校运动场地进行改造。", "2024", ["教体局"]),
        ("老旧小区改造项目", "实施3个老旧小区房屋功能改善。", "2024—2025年", ["住建局"])]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BUILDING_TIMES), st.sampled_from(["2024", "2024.12", "2024-2025", "2024年6月底前", "2023—2025年"]))
def test_any_building_time_caption_is_the_deadline_column_of_the_plan_parser_and_the_ledger_alike(caption, written):
    assert match_caption(caption)[0] == "完成时限"  # the one vocabulary (vocabulary/captions.py) both readers use
    rows = [["序号", "项目名称", caption, "责任单位"], [1, "新建社区长者食堂", written, "市民政局"]]
    (read,) = read_ledger(workbook(rows), "项目.xlsx").rows
    assert (read.measure, read.deadline, read.lead_units) == ("新建社区长者食堂", written, ["市民政局"])


def test_an_item_without_sub_items_writes_its_name_across_both_columns_and_is_a_task():
    # 序号 | 项目名称 | 具体项目 | 完成情况: item 9 has two sub-items; item 10 is one project, its name merged over B:C
    rows = [["序号", "项目名称", "具体项目", "完成情况"],
            [9, "养老服务提升", TARGETS[0], "4385"], [None, None, TARGETS[1], "810"],
            [10, TARGETS[3], None, "39"]]
    result = read_ledger(workbook(rows, ["A2:A3", "B2:B3", "B4:C4"]), "实事.xlsx")
    assert [(r.number, r.is_group_row, r.heading if r.is_group_row else r.measure, r.progress) for r in result.rows] == [
        ("9", True, "养老服务提升", None), ("9.1", False, TARGETS[0], "4385"), ("9.2", False, TARGETS[1], "810"),
        ("10", False, TARGETS[3], "39")]
    assert result.issues == []
