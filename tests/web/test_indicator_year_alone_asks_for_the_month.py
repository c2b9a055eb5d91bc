"""The supervising office uploads "2025年全市金融机构存贷款情况表": the title names the year and no month, the sheet's name,
the captions and the lines under the table none either. The preview said only that the table names no month and to
write it in the title; the office did not know that the page's own 期间 field takes it, nor how to say the figures are
the whole year's. It now says in one Chinese sentence that the title names 2025 alone, that a whole year's table says
全年 or 年度 (or 1-12月 in a caption), and that the month may be written in the 期间 field; filled in, the same file
previews for that month (branch ledgers51).
"""
from __future__ import annotations

import io

from openpyxl import Workbook

from tests.helpers.forms import csrf_token


def _year_alone() -> bytes:
    book = Workbook()
    book.active.title = "存贷款"
    for values in (["2025年全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额", "人民币贷款余额"],
                   ["工商银行", 110.0, 88.0], ["农业银行", 60.0, 40.0]):
        book.active.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _preview(client, period: str) -> str:
    page = client.get("/indicators/import").text
    return client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": period,
                                                   "file": (io.BytesIO(_year_alone()), "存贷款.xlsx")},
                       content_type="multipart/form-data").text


def test_indicator_a_title_naming_its_year_alone_asks_for_the_month_and_says_where_to_write_it(app, client, auth):
    auth.login("duban")
    asked = _preview(client, "")
    assert "标题“2025年全市金融机构存贷款情况表”只写了2025年，没有写明月份" in asked
    assert "“全年”或“2025年度”" in asked and "“期间”一栏" in asked
    given = _preview(client, "2025-06")
    assert "只写了2025年" not in given and "2025-06" in given and "工商银行" in given
