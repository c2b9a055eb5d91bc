"""Two kinds of document that lost their units on a held-out wave (issue 13, branch chengban): a 方案 whose
sections open their body with who handles the project ("由A承办，B、C协办。"), and a 民生实事 progress table whose
rows leave out a column of the header. The wording here is invented, not the held-out documents'."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import match_header
from tracker.vocabulary.units import is_progress_text, is_unit_list


def measure(text: str, path: list[str]):
    return next(m for m in parse_plan_text(text).measures if m.path == path)


# ---- 1. A section that opens its body with who handles it ---------------------------------------------

HANDLED = """青川县城乡环境综合治理方案
一、北门河黑臭水体整治
由县住建局承办，县生态环境局、县水利局、县财政局协办。治理工作目标：年内消除黑臭水体，河道水质稳定达标。
二、农贸市场周边秩序整治
由县市场监管局主办，县城管局、城关镇人民政府协办。治理工作目标：市场周边无占道经营。
三、工业园区雨污分流改造
由县发展改革局负责，县生态环境局配合，加快推进园区雨污管网建设。
四、背街小巷路灯补缺
县城管局牵头，县供电公司参与。治理工作目标：背街小巷亮灯率达到100%。
"""


def test_the_unit_that_handles_a_project_leads_and_the_helping_units_support():
    first = measure(HANDLED, ["一"])
    assert first.lead_units == ["县住建局"]
    assert first.supporting_units == ["县生态环境局", "县水利局", "县财政局"]


@pytest.mark.parametrize("path, lead, supporting", [
    (["二"], ["县市场监管局"], ["县城管局", "城关镇人民政府"]),   # 主办 / 协办
    (["四"], ["县城管局"], ["县供电公司"]),                       # 牵头 / 参与
])
def test_the_sibling_duty_words_read_the_same_at_the_body_s_opening(path, lead, supporting):
    section = measure(HANDLED, path)
    assert (section.lead_units, section.supporting_units) == (lead, supporting)


def test_a_duty_sentence_that_goes_on_with_the_work_gives_no_units():
    section = measure(HANDLED, ["三"])
    assert section.lead_units == [] and section.supporting_units == []


def test_handled_and_helped_read_the_same_when_they_close_an_item():
    text = "一、整治河道。\n（一）清理河道垃圾，恢复水面整洁，由县水利局承办，县城管局协办。\n"
    item = measure(text, ["一", "（一）"])
    assert (item.lead_units, item.supporting_units) == (["县水利局"], ["县城管局"])


def test_a_body_opening_with_work_done_by_a_unit_is_no_annotation():
    text = "一、整治河道\n由县水利局承办全县河道清淤工作，县城管局协办沿岸保洁。工作目标：水面整洁。\n"
    section = measure(text, ["一"])
    assert section.lead_units == [] and section.supporting_units == []


# ---- 2. A progress table whose rows leave out a column of the header -------------------------------------

HEADER = ("序号 | 主要任务 | 全年目标任务 | 分管领导 | 牵头单位 | 责任主体与协同单位 | 1-10月推进情况 | 1-11月推进情况"
          " | 是否达序 | 说明")
PROGRESS = f"""石桥区2025年民生实事项目推进情况表
{HEADER}
1 | 新建社区养老服务站6个，新增床位300张 | 周明 | 区民政局 | 区卫健局、区财政局 | 已选址5个，完成40%。 | 已建成4个，完成70%。 | 否 | 部分站点装修滞后
2 | 改造城区积水点15处 | 陈晓燕 | 区住建局 | 区城管局、各街道办事处 | 已完工9处。 | 已完工15处。 | 是 | 
3 | 新增公共充电桩500个 | 刘涛 | 区发展改革局 | 区供电公司 | 完成320个。 | 完成500个。 | 是 | 
"""


def test_a_row_without_its_target_cell_reads_its_units_where_they_are_written():
    rows = [measure(PROGRESS, [str(n)]) for n in (1, 2, 3)]
    assert [r.lead_units for r in rows] == [["区民政局"], ["区住建局"], ["区发展改革局"]]
    assert [r.supporting_units for r in rows] == [["区卫健局", "区财政局"], ["区城管局", "各街道办事处"], ["区供电公司"]]


def test_the_responsible_and_helping_column_beside_a_lead_column_supports():
    fields, _ = match_header(HEADER.split(" | "))
    assert fields["牵头单位"] == 4
    table = f"{HEADER}\n1 | 新建口袋公园3个 | 全年建成3个 | 周明 | 区园林局 | 区住建局、区城管局 | 已开工2个。 | 已建成1个。 | 否 | \n"
    row = measure(table, ["1"])
    assert (row.lead_units, row.supporting_units) == (["区园林局"], ["区住建局", "区城管局"])


def test_a_row_that_cannot_be_aligned_leaves_its_unit_columns_empty():
    # the row leaves out two cells and names no unit at all: nothing of it is a unit
    table = f"{HEADER}\n1 | 新建口袋公园3个 | 周明 | 已开工2个。 | 已建成1个，完成40%。 | 否 | 是 | 受天气影响\n"
    row = measure(table, ["1"])
    assert row.lead_units == [] and row.supporting_units == []


@pytest.mark.parametrize("words", ["是", "否", "已进场施工", "已开工10个。", "完成60%", "累计完成投资2.3亿元", "正在招标"])
def test_progress_words_are_never_a_unit(words):
    assert is_progress_text(words)
    assert not is_unit_list(words)


@pytest.mark.parametrize("unit", ["区住建局", "各街道办事处", "未央区人民政府", "区供电公司"])
def test_unit_names_are_no_progress_words(unit):
    assert not is_progress_text(unit)


_CELL = st.sampled_from(["区教育局", "区住建局、区财政局", "王强", "已开工3个。", "完成60%", "否", "是", "",
                         "新建幼儿园2所", "2025年底前", "各街道办事处"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CELL, min_size=3, max_size=9))
def test_a_narrow_progress_row_never_crashes_and_never_gives_progress_text_as_a_unit(cells):
    table = f"{HEADER}\n1 | {' | '.join(cells)}\n"
    for m in parse_plan_text(table).measures:
        assert not any(is_progress_text(u) for u in m.lead_units + m.supporting_units)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(["区民政局", "区卫健局、区财政局"]), st.integers(min_value=0, max_value=2))
def test_an_aligned_row_keeps_its_cells_in_their_order(units, dropped_progress):
    progress = ["已选址5个。", "完成70%。", "否"][:3 - dropped_progress]
    table = f"{HEADER}\n1 | 新建养老服务站6个 | 周明 | {units[0]} | {units[1]} | {' | '.join(progress)}\n"
    row = measure(table, ["1"])
    written = [u for cell in units for u in cell.split("、")]
    assert row.lead_units + row.supporting_units == written
