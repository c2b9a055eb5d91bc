"""A new user tries 指标监测 on the demo, which has no 金融机构 and no figures, with the import page's 示例表.

The samples are made-up (titled 示例数据, every institution named 示例…), written in the layout the import reads
(workbook.write_template), and imported like any office's table; with the three months the page offers, the
ranking by 同比增速 has figures and ranks.
"""
from __future__ import annotations

import io
import re

from bs4 import BeautifulSoup
from openpyxl import load_workbook
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tracker import clock
from tracker.extensions import db
from tracker.models import Unit, UnitKind
from tracker.periods import period_label


def _last_month() -> str:
    today = clock.beijing_today()
    return f"{today.year}-{today.month - 1:02d}" if today.month > 1 else f"{today.year - 1}-12"


def _import(client, content: bytes, name: str) -> str:
    """Upload ``content`` on the import page, confirm its preview, return the preview's HTML."""
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(content), name)},
                          content_type="multipart/form-data")
    assert preview.status_code == 200, preview.text
    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    period = re.search(r'name="period" value="([0-9-]+)"', preview.text).group(1)
    done = client.post("/indicators/import", data={"csrf_token": csrf_token(preview.text), "token": token,
                                                   "period": period})
    assert done.status_code == 302, done.text
    return preview.text


def test_the_office_tries_the_indicator_pages_with_the_sample_tables_the_import_page_offers(app, client, auth):
    auth.login("duban")
    month = _last_month()
    empty = client.get(f"/indicators/ranking?period={month}").text  # what the demo shows first: where to go next
    assert "还没有“人民币存款余额”的数据。请" in empty and 'href="/indicators/import"' in empty and "示例表" in empty
    page = client.get("/indicators/import").text
    # the 期间 field shows last month as its example, the month the office most likely imports (not a fixed year)
    assert BeautifulSoup(page, "html.parser").find("input", attrs={"name": "period"})["placeholder"] == month
    offer = page.split('id="indicator-samples"', 1)[1]
    assert "虚构数据" in offer and "示例银行甲" in offer
    links = [href.replace("&amp;", "&") for href in re.findall(r'href="(/indicators/sample\.xlsx\?period=[0-9-]+)"', offer)]
    year = int(month[:4])
    assert [link.rsplit("=", 1)[1] for link in links] == (
        [f"{year - 1}-12", month] if month.endswith("-12") else [f"{year - 1}{month[4:]}", f"{year - 1}-12", month])

    for link in links:
        sample = client.get(link)
        assert sample.status_code == 200
        assert "虚构数据" in sample.headers["Content-Disposition"] or "%E8%99%9A%E6%9E%84" in sample.headers["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(sample.data)).active
        assert "示例数据：机构和数字均为虚构" in sheet["A1"].value
        names = [sheet.cell(row=r, column=1).value for r in range(4, sheet.max_row + 1)]
        assert names and all(name.startswith("示例") for name in names)
        preview = _import(client, sample.data, f"示例表-{link.rsplit('=', 1)[1]}.xlsx")
        assert "预览：" + period_label(link.rsplit("=", 1)[1]) in preview  # as people write it

    with app.app_context():
        institutions = db.session.scalars(select(Unit.name).where(Unit.kind == UnitKind.INSTITUTION)).all()
    assert institutions and all(name.startswith("示例") for name in institutions)
    ranking = client.get(f"/indicators/ranking?period={month}&indicator=人民币存款余额&by=yoy").text
    assert "还没有" not in ranking
    table = ranking.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    # 示例农商行 grows fastest, 示例村镇银行 slowest: ranked 1 and 5 by 同比增速
    rows = re.findall(r"<tr><td>(\d+)</td><td><a [^>]*>(示例[^<]+)</a>", table)
    assert rows[0] == ("1", "示例农商行") and rows[-1] == ("5", "示例村镇银行"), rows


def test_a_liaison_gets_no_sample_table_and_a_wrong_month_is_answered_in_chinese(app, client, auth):
    auth.login("zjj")
    assert client.get("/indicators/sample.xlsx").status_code == 403
    auth.logout()
    auth.login("duban")
    wrong = client.get("/indicators/sample.xlsx?period=2024-13")
    assert wrong.status_code == 400 and "请写成 YYYY-MM" in wrong.text


def test_the_month_fields_show_a_month_as_it_is_typed_not_a_format_in_english(app, client, auth):
    # The office's clerk met "期间（YYYY-MM…）" above the month field of the import and of 填报: letters, not a month.
    # Both labels show one (如 2026-11), as the refusal of a month written otherwise gives its example.
    with app.app_context():  # 填报 shows its form once there is an institution to file for (a new office: none)
        db.session.add(Unit(name="工商银行", kind=UnitKind.INSTITUTION))
        db.session.commit()
    auth.login("duban")
    for page in ("/indicators/import", "/indicators/figures"):
        label = BeautifulSoup(client.get(page).get_data(as_text=True), "html.parser").find("label", attrs={"for": "period"})
        assert "如 2026-11" in label.get_text() and "YYYY" not in label.get_text(), page
