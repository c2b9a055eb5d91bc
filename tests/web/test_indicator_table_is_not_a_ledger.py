"""An indicator table previewed on 导入指标数据表 is not a ledger waiting in 待办.

Found doing the supervising office's month on a fresh demo: the office uploaded its month's 存贷款情况表, saw a bad cell
in the preview, uploaded the corrected table and imported it. 待办 (and the count beside it in the top bar) then listed
both tables under "已上传未提交的台账", and its 核对并提交 opened the ledger import's preview of an indicator table:
"没有找到表头（应含“序号、具体措施、牵头单位…”）". Both kinds of upload are kept in one folder; each is now kept as its
kind (services/ledger/uploads.KINDS) and opened and listed only as that kind.
"""
from __future__ import annotations

import io
import re

from bs4 import BeautifulSoup

from tests.helpers.forms import csrf_token
from tests.helpers.ledger import upload
from tests.helpers.paths import ROOT
from tests.helpers.xlsx import xlsx_bytes


def table(loan: object) -> bytes:
    """The office's month table of two banks, 人民币贷款余额 of the second as given (a mistake, or a number)."""
    return xlsx_bytes([["2026年11月末全市主要金融机构存贷款情况表"], ["单位：亿元"],
                       ["机构名称", "人民币存款余额", "人民币贷款余额"], ["工商银行重庆市分行", 6123.5, 5870.2], ["重庆银行", 3120.4, loan]])


def preview(client, data: bytes, name: str):
    page = client.get("/indicators/import").text
    return client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                   "file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def token_of(response) -> str:
    return re.search(r'name="token" value="([0-9a-f]{32})"', response.text).group(1)


def uploads_waiting(client) -> list[str]:
    section = BeautifulSoup(client.get("/inbox").text, "html.parser").select_one("#inbox-uploads")
    return [item.get_text(" ", strip=True) for item in section.select("li")] if section else []


def test_an_indicator_table_previewed_is_not_listed_as_a_ledger_not_yet_submitted(app, client, auth):
    auth.login("duban")
    first = preview(client, table("4,510.2亿"), "2026年11月存贷款情况表.xlsx")
    assert "“4,510.2亿”不是数字" in first.text  # the mistake, said in the preview: she corrects the file
    second = preview(client, table(4510.2), "2026年11月存贷款情况表（改正）.xlsx")
    assert "预览：2026年11月，2 家机构，4 项数据" in second.text

    assert not any("存贷款情况表" in line for line in uploads_waiting(client))
    assert "没有未提交的台账。" in client.get("/inbox").text
    # the ledger import's pages do not open it as a ledger
    assert client.get(f"/imports/pending/{token_of(second)}").status_code == 404

    done = client.post("/indicators/import", data={"csrf_token": csrf_token(second.text), "token": token_of(second),
                                                   "period": ""})
    assert done.status_code == 302 and "/indicators/ranking" in done.headers["Location"]
    assert "没有未提交的台账。" in client.get("/inbox").text


def test_a_ledger_token_is_not_confirmed_as_an_indicator_table(app, client, auth):
    auth.login("duban")
    ledger = upload(client, ROOT / "tests" / "ledgers" / "001_shaoxing_2020_jidu.xlsx", "绍兴台账.xlsx")
    token = re.search(r"/imports/pending/([0-9a-f]{32})", ledger.headers["Location"]).group(1)
    assert any("绍兴台账.xlsx" in line for line in uploads_waiting(client))  # a ledger is listed, as before
    page = client.get("/indicators/import").text
    refused = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "token": token, "period": ""})
    assert refused.status_code == 404 and "上传的指标数据表不存在或已处理，请重新上传。" in refused.text
