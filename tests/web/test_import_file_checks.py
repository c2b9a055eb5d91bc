"""The import forms tell the browser their limits and kinds, in the server's own words (services/file_fields).

市金融办's supervisor imports from a county office on a slow network. The plan import (导入方案), the work ledger import
(导入台账) and the indicator table import each carry, on their file field, the limit the server checks, the kinds the
import reads and the sentences it refuses with, so that static/js/attachment-check.js refuses a 25 MB file or a file of
another kind before the upload. The server still refuses the same file, in exactly those words, when it comes anyway.
"""
from __future__ import annotations

import re
from io import BytesIO

from bs4 import BeautifulSoup

from tests.helpers import ledger, plans
from tests.helpers.forms import csrf_token

MB = 1024 * 1024


def file_field(html: str):
    """The page's file input (the one a user chooses her file with)."""
    return BeautifulSoup(html, "html.parser").find("input", attrs={"type": "file"})


def test_the_plan_import_refuses_in_the_browser_what_the_server_would_refuse_after_the_upload(app, client, auth):
    app.config["MAX_CONTENT_LENGTH"] = 2 * MB
    auth.login("duban")
    field = file_field(client.get("/plans/import").get_data(as_text=True))
    assert field["data-max-bytes"] == str(2 * MB) and field["data-max-files"] == "1"
    assert field["data-extensions"].split() == ["txt", "md", "markdown", "docx", "html", "htm", "pdf"]
    assert field["accept"] == ".txt,.md,.markdown,.docx,.html,.htm,.pdf"
    assert "请重新选择方案文件" in field["data-unsent"] and field["data-error-id"] == "file-check"

    too_large = client.post("/plans/import", data={"csrf_token": csrf_token(client.get("/plans/import").text),
                                                   "file": (BytesIO(b"x" * (3 * MB)), "方案.docx")},
                            content_type="multipart/form-data")
    assert too_large.status_code == 413 and field["data-too-large"] in too_large.get_data(as_text=True)

    old_word = plans.upload(client, b"PK-not-really", "实施方案.doc").get_data(as_text=True)
    assert field["data-wrong-type-doc"].replace("{name}", "实施方案.doc") in old_word  # save it as .docx
    spreadsheet = plans.upload(client, b"PK", "任务表.xlsx").get_data(as_text=True)
    assert field["data-wrong-type-xlsx"].replace("{name}", "任务表.xlsx") in spreadsheet  # the ledger import
    assert "导入台账" in field["data-wrong-type-xlsx"]
    other = plans.upload(client, b"GIF89a", "扫描件.gif").get_data(as_text=True)
    assert field["data-wrong-type"].replace("{name}", "扫描件.gif").rstrip("。").split("；")[1] in other
    empty = plans.upload(client, b"", "空白.txt").get_data(as_text=True)
    assert field["data-empty"].replace("{name}", "空白.txt") in empty


def test_the_ledger_import_refuses_in_the_browser_what_the_server_would_refuse_after_the_upload(app, client, auth):
    app.config["LEDGER_MAX_BYTES"] = 1 * MB
    app.config["MAX_CONTENT_LENGTH"] = 4 * MB
    auth.login("duban")
    field = file_field(client.get("/imports/new").get_data(as_text=True))
    assert field["data-max-bytes"] == str(1 * MB) and field["data-max-total"] == str(4 * MB)
    assert field["accept"] == ".xlsx,.xls,.ods,.csv,.txt" and field["data-extensions"] == "xlsx xls ods csv txt"
    assert "请重新选择台账文件" in field["data-unsent"]

    too_large = ledger.upload(client, b"PK" + b"0" * (2 * MB), "台账.xlsx")
    assert too_large.status_code == 413
    # the same sentence as the browser's: an upload read only to the limit is not measured (it said "约 1.0 MB" of 2 MB)
    assert field["data-too-large"].replace("{name}", "台账.xlsx") in too_large.get_data(as_text=True)
    assert "（约 " not in too_large.get_data(as_text=True)
    empty = ledger.upload(client, b"", "空台账.csv").get_data(as_text=True)
    assert field["data-empty"].replace("{name}", "空台账.csv") in empty
    assert field["data-wrong-type"].replace("{name}", "台账.pdf") == (
        "台账.pdf 不是可读取的台账文件。系统读取 .xlsx、.xls、.ods、.csv、.txt 文件，请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再上传。")


def test_the_indicator_import_refuses_in_the_browser_what_the_server_would_refuse_after_the_upload(app, client, auth):
    app.config["LEDGER_MAX_BYTES"] = 1 * MB
    auth.login("duban")
    page = client.get("/indicators/import").get_data(as_text=True)
    field = file_field(page)
    assert field["data-max-bytes"] == str(1 * MB) and field["accept"] == ".xlsx,.csv"
    assert field["data-extensions"] == "xlsx csv" and "请重新选择指标数据表" in field["data-unsent"]
    assert "只接受 Excel 工作簿（.xlsx）或 CSV（.csv）" in field["data-wrong-type"]

    too_large = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                        "file": (BytesIO(b"0" * (2 * MB)), "11月.csv")},
                            content_type="multipart/form-data")
    assert too_large.status_code == 413
    # the same sentence as the browser's: an upload read only to the limit is not measured (it said "约 1.0 MB" of 2 MB)
    assert field["data-too-large"].replace("{name}", "11月.csv") in too_large.get_data(as_text=True)
    assert "（约 " not in too_large.get_data(as_text=True)


def test_a_csv_ledger_saved_as_txt_is_taken_by_the_form_and_read_by_the_server_alike(app, client, auth):
    # 江北区金融办 saves its ledger from WPS as "文本文件" (台账.txt): comma-separated text. The server always read it by its
    # bytes, while the form refused it in the browser as "不是可读取的台账文件". The form's kinds are the import's
    # (ledger/sources.ACCEPTED_SUFFIXES), so both take it, and the page's notes say so.
    auth.login("duban")
    page = client.get("/imports/new").get_data(as_text=True)
    field = file_field(page)
    assert "txt" in field["data-extensions"].split() and ".txt" in field["accept"].split(",")
    assert "另存为文本的 .txt" in page and "大小不超过 20 MB" in page
    text = "序号,具体措施,牵头单位,完成时限,进展情况\r\n1,开展非法集资风险排查,江北区金融办,2026年12月底前,已排查 30 家\r\n"
    preview = client.get(ledger.preview_url(ledger.upload(client, text.encode("utf-8"), "台账.txt")))
    assert preview.status_code == 200 and "开展非法集资风险排查" in preview.get_data(as_text=True)


def test_the_plan_upload_hint_names_every_kind_the_field_takes_and_no_other(app, client, auth):
    # The hint under 导入方案's file field was written by hand and named neither .markdown nor what the field's accept
    # took; it is built from the import's own list (parsing/readers.SUPPORTED_EXTENSIONS), as the field is.
    auth.login("duban")
    page = BeautifulSoup(client.get("/plans/import").get_data(as_text=True), "html.parser")
    field = page.find("input", attrs={"type": "file"})
    hint = field.find_next("div", class_="form-text").get_text()
    named = re.findall(r"\.[a-z]+", hint)
    assert set(named) - {".doc"} == set(field["accept"].split(","))  # .doc: "旧版 Word（.doc）文件请先另存为 .docx"
    assert "扫描件不行" in hint and "WPS 文件请先另存为 .docx" in hint
