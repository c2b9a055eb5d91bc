"""The supervising office downloads the month's 通报 as .xlsx to sort the units by 排名 before a meeting. Two units
stood equal and were written "1（并列）": text among numbers, so Excel sorted them after 3 and the 并列 units fell to
the bottom. The rank is now a number in every row, and 并列 has a column of its own, written the same on the page and
in the .docx (indicators/ranking.rank_number and tie_label, the one rule).
"""
from __future__ import annotations

from io import BytesIO

import openpyxl
from docx import Document

from tests.helpers.workflow import close_on_time, current_month, with_office_deadlines


def test_tied_units_keep_a_numeric_rank_and_say_tied_in_a_column_of_its_own(app, signed_in):
    tasks = with_office_deadlines(app)
    office = signed_in("duban")
    # both close on time: equal, first
    close_on_time(signed_in, office, tasks)
    month = current_month()

    sheet = openpyxl.load_workbook(BytesIO(office.get(f"/bulletin.xlsx?period={month}").data))["排名"]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "排名" and header[-1] == "并列/说明"
    rows = [row for row in sheet.iter_rows(min_row=2, max_row=4)]
    assert all(row[0].data_type == "n" for row in rows), "Excel sorts the 排名 column as numbers"
    assert [(row[0].value, row[-1].value or "") for row in rows] == [(1, "并列"), (1, "并列"), (3, "")]

    tables = Document(BytesIO(office.get(f"/bulletin.docx?period={month}").data)).tables
    table = next(t for t in tables if t.rows[0].cells[0].text == "排名")
    assert table.rows[0].cells[-1].text == "并列/说明"
    assert [(r.cells[0].text, r.cells[-1].text) for r in table.rows[1:4]] == [("1", "并列"), ("1", "并列"), ("3", "")]

    page = office.get(f"/bulletin?period={month}").text
    assert "1（并列）" not in page.split('id="bulletin-ranking"', 1)[1].split("</table>", 1)[0]
