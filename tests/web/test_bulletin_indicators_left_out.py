"""The office imports its first month of indicator figures and opens that month's 通报: it is told why they are not in it.

Found doing the supervising office's month on a fresh demo: the office imported last month's 存贷款情况表 and opened
last month's 通报, which has a "金融指标综合排名" ranked by 同比增速; with no figures of the same month a year before
nobody can be ranked, so the 通报 said nothing of the figures at all, and the office could not tell whether its import
had reached the 通报. The preview page now says so beside 发布通报, naming the month to import
(services/figures/bulletin.indicators_left_out); the document the units read is unchanged.
"""
from __future__ import annotations

import io
import re
from io import BytesIO

from bs4 import BeautifulSoup
from docx import Document

from tests.helpers.forms import csrf_token
from tests.helpers.xlsx import xlsx_bytes
from tracker import clock


def last_month() -> tuple[int, int]:
    first = clock.beijing_today().replace(day=1)
    return (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)


def month_table(year: int, month: int, deposits: tuple[float, float]) -> bytes:
    return xlsx_bytes([[f"{year}年{month}月末全市主要金融机构存贷款情况表"], ["单位：亿元"],
                       ["机构名称", "人民币存款余额", "人民币贷款余额"], ["工商银行重庆市分行", deposits[0], 5870.2],
                       ["重庆银行", deposits[1], 2510.2]])


def import_table(client, data: bytes) -> None:
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(data), "存贷款情况表.xlsx")},
                          content_type="multipart/form-data")
    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    done = client.post("/indicators/import", data={"csrf_token": csrf_token(preview.text), "token": token, "period": ""})
    assert done.status_code == 302, done.text


def left_out(page: str):
    return BeautifulSoup(page, "html.parser").select_one("#bulletin-indicators-left-out")


def test_the_first_month_of_figures_is_said_to_be_left_out_of_the_bulletin_and_what_to_import(app, client, auth):
    year, month = last_month()
    period = f"{year}-{month:02d}"
    auth.login("duban")
    assert left_out(client.get(f"/bulletin?period={period}").text) is None  # no figures: nothing to say
    import_table(client, month_table(year, month, (6123.5, 3120.4)))

    page = client.get(f"/bulletin?period={period}").text
    said = left_out(page)
    assert said.get_text(" ", strip=True).startswith(
        f"本通报不含“金融指标综合排名”：{year}年{month}月已有 2 家机构的指标数据，但综合排名按同比增速计算，"
        f"要用上年同月（{year - 1}年{month}月）的数据，系统中还没有。导入{year - 1}年{month}月的指标数据表后重新打开本页即可列入")
    assert said.select_one("a")["href"] == "/indicators/import"
    docx = Document(BytesIO(client.get(f"/bulletin.docx?period={period}").data))
    assert not any("本通报不含" in p.text for p in docx.paragraphs)  # said to the office, not to the units

    import_table(client, month_table(year - 1, month, (5800.0, 2900.0)))  # as it says: the same month a year before
    page = client.get(f"/bulletin?period={period}").text
    assert left_out(page) is None and "金融指标综合排名" in page
