"""The supervisor's month end (workflow55): the 通报 and the rankings write a rank one way everywhere.

She downloads the month's 通报 before anyone has closed a task or reported on time: nobody is ranked. Each unit's
排名 cell printed "—", a dash an office reads as a rank of its own and that Excel sorts among the numbers' text; now the
cell is empty and the 并列/说明 column says why ("暂不排名（原因见表下说明）", the sentence under the table giving the
reason), in the .xlsx, the .docx and on the page. Later two units stand equal: the dashboard printed "1（并列）", text the
通报 had stopped writing; now it writes 1 and 并列 apart, as the 通报 does. On the indicator ranking a bank without last
year's figure has no 同比增速 rank: an empty cell, and why. One rule: indicators/ranking.rank_number and rank_note.
"""
from __future__ import annotations

import re
from io import BytesIO

import openpyxl
from docx import Document

from tests.helpers.workflow import close_on_time, current_month, with_office_deadlines
from tests.helpers.xlsx import write_rows

def _rows(table_html: str) -> list[list[str]]:
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table_html, re.S)
            if "<td" in row]


def test_a_bulletin_ranking_nobody_leaves_the_rank_cells_empty_and_says_why_beside_them(app, signed_in):
    with_office_deadlines(app)
    office = signed_in("duban")
    month = current_month()

    sheet = openpyxl.load_workbook(BytesIO(office.get(f"/bulletin.xlsx?period={month}").data))["排名"]
    assert [c.value for c in sheet[1]][-1] == "并列/说明"
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1]]
    units = [r for r in rows if r[1] in ("人行重庆营管部", "重庆银监局")]
    assert units and all(r[0] is None and r[-1] == "暂不排名（原因见表下说明）" for r in units)
    assert not any(r[0] == "—" for r in rows)

    table = next(t for t in Document(BytesIO(office.get(f"/bulletin.docx?period={month}").data)).tables
                 if t.rows[0].cells[0].text == "排名")
    assert {(r.cells[0].text, r.cells[-1].text) for r in table.rows[1:]} == {("", "暂不排名（原因见表下说明）")}

    page = office.get(f"/bulletin?period={month}").text
    body = page.split('id="bulletin-ranking"', 1)[1].split("</table>", 1)[0]
    assert {(r[0], r[-1]) for r in _rows(body)} == {("", "暂不排名（原因见表下说明）")}
    assert "各单位暂不排名" in page  # the note under the table says the reason in full

    board = office.get("/").text.split('id="ranking-table"', 1)[1].split("</table>", 1)[0]
    assert "—</td>" not in board.split("</thead>", 1)[1].split("<td", 2)[1]  # the first cell of the first row
    assert {(r[0], r[-1]) for r in _rows(board.split("</thead>", 1)[1])} == {("", "暂不排名（原因见表下说明）")}


def test_two_units_standing_equal_read_1_and_tied_apart_on_the_dashboard(app, signed_in):
    tasks = with_office_deadlines(app)
    office = signed_in("duban")
    close_on_time(signed_in, office, tasks)

    board = office.get("/").text.split('id="ranking-table"', 1)[1].split("</table>", 1)[0]
    assert "（并列）" not in board and ">并列/说明</th>" in board
    rows = _rows(board.split("</thead>", 1)[1])
    firsts = [(r[0], re.sub("<[^>]+>", "", r[1]), r[-1]) for r in rows if r[0] == "1"]
    assert sorted(firsts) == [("1", "人行重庆营管部", "并列"), ("1", "重庆证监局", "并列")]


def test_an_indicator_ranking_leaves_a_bank_without_last_years_figure_unranked_and_says_why(
        app, runner, auth, client, tmp_path):
    for period, rows in (("2025年11月", [("甲银行", 100.0)]),
                         ("2026年11月", [("甲银行", 110.0), ("乙银行", 90.0)])):
        path = write_rows(tmp_path / f"{period}.xlsx", [[f"{period}末全市各金融机构存款余额"], ["单位：亿元"],
                                                       ["机构名称", "人民币存款余额"], *map(list, rows)])
        assert runner.invoke(args=["import-indicators", str(path)]).exit_code == 0
    auth.login("duban")
    page = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    body = page.split('id="ranking"', 1)[1].split("</table>", 1)[0]
    assert ">并列/说明</th>" in body
    lines = {re.sub("<[^>]+>", "", r[1]): (r[0], r[-1]) for r in _rows(body)}
    assert lines == {"甲银行": ("1", ""), "乙银行": ("", "缺少排名所依据的数字，不排名")}
