"""The supervising office uploads the November table of thirteen banks, the last of which wrote "—" in its only
figure. The preview said "12 家机构" in its heading and listed 13 new institutions under it, so the office could not
tell which bank would be left out. The count and the list now agree, and the row set aside is named with its reason;
confirming creates the twelve banks the heading counted and not the thirteenth.
"""
from __future__ import annotations

import io
import re

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import Unit

BANKS = [f"第{n}村镇银行" for n in "一二三四五六七八九十"] + ["甲商业银行", "乙商业银行"]


def november(path) -> str:
    """Twelve banks with their deposits, and 丙信托公司 with "—" for its one figure."""
    return str(write_rows(path, [["2026年11月末全市各金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额"],
                                 *([name, 10.0 + index] for index, name in enumerate(BANKS)), ["丙信托公司", "—"]]))


def test_the_preview_counts_the_institutions_it_lists_and_names_the_row_set_aside(app, client, auth, tmp_path):
    path = november(tmp_path / "11月.xlsx")
    auth.login("duban")
    page = client.get("/indicators/import").text
    with open(path, "rb") as handle:
        preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                          "file": (io.BytesIO(handle.read()), "11月.xlsx")},
                              content_type="multipart/form-data").text
    heading = re.search(r"(\d+) 家机构", preview)
    listed = preview.split("导入时新建为金融机构")[1].split("</p>")[0]
    assert heading and int(heading.group(1)) == 12
    assert "丙信托公司" not in listed and all(bank in listed for bank in BANKS)
    assert "共 12 家" in listed
    assert "第 16 行，“机构名称”列：“丙信托公司”" in preview and "本次不导入该行，也不新建该机构" in preview
    token = re.search(r'name="token" value="([^"]+)"', preview).group(1)
    client.post("/indicators/import", data={"csrf_token": csrf_token(preview), "token": token, "period": "2026-11"})
    with app.app_context():
        names = set(db.session.scalars(select(Unit.name)))
    assert set(BANKS) <= names and "丙信托公司" not in names
