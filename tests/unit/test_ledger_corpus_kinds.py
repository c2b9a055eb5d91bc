"""What the development part of the ledger corpus (tests/ledgers, stop 30) showed the readers missing, each as the
office's story: a 责任单位 cell that says who leads in its own words, a signature line under the table, a province's
lead column beside a city's units, a 整改台账 of fed-back problems, and a supervising office's table by area for a
quarter. Workbooks are built here with openpyxl, as the offices' own tools write them; no app, no database."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tracker.indicators import IndicatorColumn, period_from_title, read_table
from tracker.ledger import read_ledger
from tracker.ledger.rows import unit_columns
from tracker.vocabulary.captions import CAPTION_SYNONYMS, match_caption
from tracker.vocabulary.statuses import status_synonym

UNITS = ["市发改委", "市财政局", "市商务局", "市科技局", "团市委", "市地方金融监管局", "省农业农村厅", "国家开发银行云南省分行"]


def workbook(rows, merges=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()



def test_a_unit_cell_that_says_who_leads_reads_as_the_plan_parser_reads_it():
    # 云南 2017: the office copied each measure's annotation into one 责任单位 cell, roles in words.
    data = workbook([
        ["促进全省经济持续平稳发展重点任务落实台账"],
        ["序号", "具体措施", "责任单位", "完成时限"],
        ["一", "推进重大项目建设。", "省发展改革委、财政厅牵头；省工业和信息化委、国土资源厅，各州、市人民政府配合", None],
        ["二", "加强城市基础设施投入。", "市发改委（牵头）、市财政局", None],
        ["三", "推进人才综合体建设。", "市发改委、市科技局、团市委配合落实", None],
        ["四", "落实总体要求。", "国务院各部门分别负责", "年内持续推进"],
        ["五", "压减审批时限。", "★市商务局、市财政局", None],
        ["六", "加快金融港湾建设。", "市地方金融监管局、市财政局", None],
    ])
    rows = read_ledger(data, "云南台账.xlsx").rows
    assert [(r.lead_units, r.supporting_units) for r in rows] == [
        (["省发展改革委", "财政厅"], ["省工业和信息化委", "国土资源厅", "各州、市人民政府"]),
        (["市发改委"], ["市财政局"]),
        ([], ["市发改委", "市科技局", "团市委"]),  # the marked clause's units all support (GOLD-README, round 3)
        (["国务院各部门"], []),
        (["市商务局"], ["市财政局"]),
        (["市地方金融监管局", "市财政局"], []),  # a plain list: its column says they lead
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(UNITS), min_size=2, max_size=6, unique=True), st.data())
def test_a_cell_naming_its_leads_and_supporters_reads_them_apart_and_a_plain_list_keeps_its_column(names, data):
    cut = data.draw(st.integers(min_value=1, max_value=len(names) - 1))
    leads, supporters = names[:cut], names[cut:]
    assert unit_columns(f"{'、'.join(leads)}牵头；{'、'.join(supporters)}配合", None) == (leads, supporters)
    assert unit_columns(f"{'、'.join(leads)}牵头，{'、'.join(supporters)}", None) == (leads, supporters)
    assert unit_columns("、".join(names), None) == (names, [])
    assert unit_columns(None, "、".join(names)) == ([], names)


def test_a_signature_line_of_several_labels_under_the_table_is_no_task():
    data = workbook([
        ["序号", "具体措施", "责任单位", "进展情况"],
        [1, "推进重大项目建设。", "省发展改革委", "已下达前期经费。"],
        [],
        ["填报人：", None, "联系电话：", None],
    ])
    read = read_ledger(data, "台账.xlsx")
    assert [row.measure for row in read.rows] == ["推进重大项目建设。"] and read.ok
    assert any("填报人" in warning for warning in read.warnings)
