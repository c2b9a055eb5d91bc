"""What the fresh development files of branch ledgers35 showed offices send, each as the office's story: a 责任分解
ledger whose headings (`一`, `（一）`, an unnumbered sub-heading) are written across the table over the unit and
progress columns (咸安 2023, ledger corpus 055), and indicator tables whose registered names are written over the
columns rather than in them: the indicator on a line above captions naming only its measure (`規模以上工業增加值` over
`增速`, 西部 2015, corpus 058), or an upper caption over a sub-caption the office registered as such (`各项存款` over
`比年初增加`, 四川 2013, corpus 059), with the province's row `全省金融机构` as the total. Workbooks are built with
openpyxl; no app, no database."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.helpers.xlsx import xlsx_bytes as workbook
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger

pytestmark = pytest.mark.unit

HEADER = ["序号", "重点工作任务", "责任领导", "牵头单位", "责任单位", "进展情况"]


def _ledger(rows: list[list], across: list[int]) -> bytes:
    """A 责任分解 sheet: a title, the header, then ``rows``; rows whose (0-based) index is in ``across`` are headings
    whose title in 重点工作任务 is merged across to the last column."""
    book = Workbook()
    sheet = book.active
    sheet.append(["2023年区《政府工作报告》确定的重点工作任务责任分解方案"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for index, row in enumerate(rows):
        sheet.append(row)
        if index in across:
            sheet.merge_cells(start_row=3 + index, start_column=2, end_row=3 + index, end_column=len(HEADER))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_heading_written_across_the_unit_columns_before_an_unnumbered_sub_heading_is_no_task():
    data = _ledger([["二", "2023年七个方面主要工作安排"], ["（一）", "坚定不移做强增长引擎"],
                    ["加强基础设施建设"],
                    [12, "启动南外环高速公路、全域公交项目建设。", "洪声耀", "区交通运输局", "区发改局、区林业局"]],
                   across=[0, 1])
    data_sheet = read_ledger(data, "责任分解.xlsx")
    assert [(row.number, row.is_group_row, row.heading if row.is_group_row else row.measure)
            for row in data_sheet.rows] == [
        ("二", True, "2023年七个方面主要工作安排"), ("（一）", True, "坚定不移做强增长引擎"),
        (None, True, "加强基础设施建设"), ("12", False, "启动南外环高速公路、全域公交项目建设。")]
    task = data_sheet.rows[-1]
    assert (task.lead_units, task.supporting_units) == (["区交通运输局"], ["区发改局", "区林业局"])


def test_a_task_merged_only_over_its_own_columns_stays_a_task():
    # the task text merged over 重点工作任务 and 责任领导 only: the units beside it are its own
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([1, "地区生产总值增长8%以上。", None, "区发改局", None, None])
    sheet.merge_cells("B2:C2")
    out = io.BytesIO()
    book.save(out)
    rows = read_ledger(out.getvalue(), "责任分解.xlsx").rows
    assert [(row.is_group_row, row.measure, row.lead_units) for row in rows] == [
        (False, "地区生产总值增长8%以上。", ["区发改局"])]


# headings as the 责任分解 of stop 35's pages title their parts (咸安, 立山, 蔡甸, 下陆)
_TITLES = ["坚定不移做强增长引擎", "2023年全区经济社会发展主要预期目标", "经济社会发展的主要预期目标",
           "坚定不移推进融圈入群，构建“四园”并进发展格局", "抓机遇、引龙头，加快建设老鹳庙临空跨境电商产业园",
           "2023年七个方面主要工作安排"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["一", "（一）", "（三）", "四"]), st.sampled_from(_TITLES), st.integers(min_value=1, max_value=4))
def test_any_heading_written_across_the_table_is_a_group_over_the_tasks_under_it(number, title, tasks):
    data = _ledger([[number, title], ["加强基础设施建设"],
                    *[[task, f"推进第{task}条道路建设。", "张三", "区交通运输局", None] for task in range(1, tasks + 1)]],
                   across=[0])
    rows = read_ledger(data, "责任分解.xlsx").rows
    assert [(row.number, row.is_group_row) for row in rows] == [
        (number, True), (None, True), *[(str(task), False) for task in range(1, tasks + 1)]]
    assert rows[0].heading == title and all(row.lead_units == ["区交通运输局"] for row in rows[2:])


GROWTH = [IndicatorColumn("规模以上工业增加值增速", "%")]


def test_a_rate_named_on_the_line_over_its_caption_is_read_and_its_change_is_not():
    data = workbook([["2015年1-7月西部地區規模以上工業增加值增速"], ["規模以上工業增加值 (億元、%、%)"],
                     ["省市", "增速", "增速比1-6月"], ["西藏", 15.1, 0.1], ["重慶", 10.9, -0.3], ["全國", 6.3, 0]])
    table = read_table(data, "西部.xlsx", GROWTH)
    assert table.period == "2015-07"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("西藏", {"规模以上工业增加值增速": 15.1}), ("重慶", {"规模以上工业增加值增速": 10.9})]


def _deposits(registered: list[IndicatorColumn]):
    data = workbook([["2013年2月末四川省金融机构本外币存贷款情况表"], [None, None, None, None, "单位：亿元"],
                     ["机构类别", "各项存款", None, "各项贷款", None], [None, "余额", "比年初增加", "余额", "比年初增加"],
                     ["全省金融机构", 43463.67, 1876.09, 26931.30, 736.44],
                     ["中资全国性四家大型银行", None, 717.27, None, None],
                     ["中资区域性中小型银行", None, 339.84, None, None]])
    return read_table(data, "存贷款.xlsx", registered)


def test_an_increase_since_january_the_office_registered_is_read_under_its_upper_caption():
    table = _deposits([IndicatorColumn("各项存款余额", "亿元"), IndicatorColumn("各项存款比年初增加", "亿元")])
    assert table.period == "2013-02"
    assert [(row.entity, row.values) for row in table.rows] == [
        ("中资全国性四家大型银行", {"各项存款比年初增加": 717.27}), ("中资区域性中小型银行", {"各项存款比年初增加": 339.84})]


def test_an_increase_since_january_nobody_registered_stays_a_derived_column():
    table = _deposits([IndicatorColumn("各项存款余额", "亿元"), IndicatorColumn("各项贷款余额", "万元")])
    assert [(row.entity, row.values) for row in table.rows] == [("中资全国性四家大型银行", {}), ("中资区域性中小型银行", {})]


@pytest.mark.parametrize("name", ["全省金融机构", "全市银行业金融机构", "全省", "全市合计"])
def test_the_whole_areas_row_is_a_total_not_an_institution(name):
    data = workbook([["2024年3月末各银行存款情况"], ["机构名称", "各项存款余额"], [name, 300], ["工商银行", 100],
                     ["农业银行", 200]])
    assert [row.entity for row in read_table(data, "存款.xlsx", [IndicatorColumn("各项存款余额", "亿元")]).rows] == [
        "工商银行", "农业银行"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("各项存款", "亿元"), ("原保险保费收入", "万元"), ("一般公共预算收入", "万元")]),
       st.sampled_from(["比年初增加", "同比增长", "增速"]),
       st.lists(st.floats(min_value=-1000, max_value=100000, allow_nan=False).map(lambda x: round(x, 2)),
                min_size=3, max_size=3))
def test_a_measure_registered_by_name_is_read_from_under_its_indicators_caption(stem_unit, measure, values):
    stem, unit = stem_unit
    registered = [IndicatorColumn(stem + measure, unit)]
    data = workbook([["2024年5月各县区情况表"], ["县（市、区）", stem, None], [None, "累计", measure],
                     *[[name, 1.0, value] for name, value in zip(["甲县", "乙县", "丙区"], values)]])
    table = read_table(data, "表.xlsx", registered)
    assert [(row.entity, row.values) for row in table.rows] == [
        (name, {stem + measure: value}) for name, value in zip(["甲县", "乙县", "丙区"], values)]


def test_a_table_naming_no_registered_indicator_is_refused_with_both_ways_to_write_its_name():
    # (the title names no indicator: a title naming 規模以上工業增加值 around the caption 增速 is that rate's table,
    # ledger corpus 088)
    data = workbook([["2015年1-7月西部地區工業生產情況"], ["省市", "增速"], ["西藏", 15.1]])
    with pytest.raises(LedgerRefused) as refused:
        read_table(data, "西部.xlsx", GROWTH)
    message = str(refused.value)
    assert all(words in message for words in ("找不到表头", "县（市、区）", "规模以上工业增加值增速", "列名上方一行",
                                              "按模板填写后再导入"))
