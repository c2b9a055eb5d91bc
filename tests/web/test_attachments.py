"""佐证材料 on progress reports: type-checked by name and content, size-limited, stored under generated
names, downloaded only by users who may see the task (SECURITY-TESTS E1, E7, E8, A2)."""
from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import docx
import openpyxl
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import PDF, post_report, report_with_files, task_id
from tests.helpers.workflow import snapshot
from tracker.extensions import db
from tracker.models import Attachment

MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("排查工作总结")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "机构名称"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def stored_files(app) -> list[Path]:
    folder = Path(app.instance_path) / "attachments"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_attachments_four_kinds_are_stored_under_generated_names(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    files = [("../../检查报告.pdf", PDF), ("总结.docx", docx_bytes()), ("机构清单.xlsx", xlsx_bytes()), ("现场.png", PNG)]
    assert report_with_files(client, tid, files).status_code == 302
    with app.app_context():
        rows = db.session.scalars(select(Attachment).order_by(Attachment.id)).all()
        assert [(a.original_name, a.kind) for a in rows] == [
            ("检查报告.pdf", "pdf"), ("总结.docx", "docx"), ("机构清单.xlsx", "xlsx"), ("现场.png", "png")]
        assert all(re.fullmatch(r"[0-9a-f]{32}", a.stored_name) for a in rows)
        ids = [a.id for a in rows]
    assert [p.name for p in stored_files(app)] == sorted(a.stored_name for a in rows)
    assert all(p.parent == Path(app.instance_path) / "attachments" for p in stored_files(app))
    html = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert "检查报告.pdf" in html and f"/attachments/{ids[0]}" in html


def test_attachments_download_as_attachment_only_for_those_who_see_the_task(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    report_with_files(client, tid, [("检查报告.pdf", PDF)])
    with app.app_context():
        attachment_id = db.session.scalar(select(Attachment.id))
    for username in ("zjj", "fgw", "duban"):  # lead, supporting unit, supervising office
        auth.logout()
        auth.login(username)
        response = client.get(f"/attachments/{attachment_id}")
        assert response.status_code == 200, username
        assert response.data == PDF
        assert response.mimetype == "application/pdf"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment;") and "filename*=UTF-8''" in disposition
    auth.logout()
    auth.login("bjj")  # 重庆保监局 has no part in 一（三）
    response = client.get(f"/attachments/{attachment_id}")
    assert response.status_code == 403 and PDF not in response.data
    auth.logout()
    assert client.get(f"/attachments/{attachment_id}").status_code == 302  # anonymous: to the login page


@pytest.mark.parametrize("name, content, message", [
    ("检查报告.pdf", b"<html><script>alert(1)</script></html>", "内容与扩展名不符"),
    ("照片.png", PDF, "内容与扩展名不符"),
    ("总结.docx", xlsx_bytes(), "内容与扩展名不符"),
    ("清单.xlsx", docx_bytes(), "内容与扩展名不符"),
    ("病毒.exe", b"MZ\x90\x00", "类型不支持"),
    ("宏.xlsm", xlsx_bytes(), "类型不支持"),
    # an iPhone's photo: the liaison is told how to send it instead
    ("IMG_0412.HEIC", b"\x00\x00\x00\x18ftypheic" + bytes(64), "请另存为其中一种（手机照片可截屏，或在相册中以 JPG 格式分享）后重新选择"),
    ("空.pdf", b"", "是空的"),
])
def test_attachments_wrong_types_are_refused_and_nothing_is_written(app, client, auth, name, content, message):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = snapshot(app, tid)
    response = report_with_files(client, tid, [("好的.pdf", PDF), (name, content)])
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and name.split("/")[-1] in html
    assert "完成排查，附检查报告。" in html  # the report text is kept in the form
    assert snapshot(app, tid) == before
    with app.app_context():
        assert db.session.scalar(select(func.count(Attachment.id))) == 0
    assert stored_files(app) == []


@pytest.mark.parametrize("setting, limit, extra, code, message", [
    ("ATTACHMENT_MAX_BYTES", 1024, 2048, 422, "超过"),  # one file over the attachment limit
    ("MAX_CONTENT_LENGTH", 4096, 8192, 413, "文件太大"),  # the whole request over the upload limit: a Chinese 413
])
def test_attachments_over_a_configured_size_are_refused_and_nothing_is_stored(
        app, client, auth, setting, limit, extra, code, message):
    app.config[setting] = limit
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = report_with_files(client, tid, [("大文件.pdf", PDF + b"0" * extra)])
    assert response.status_code == code and message in response.get_data(as_text=True)
    assert stored_files(app) == []


def test_attachments_six_files_at_once_are_refused_with_how_to_send_them(app, client, auth):
    # a liaison picks six scans of one inspection: refused whole, told to merge them or report twice
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    before = snapshot(app, tid)
    response = report_with_files(client, tid, [(f"第{n}页.pdf", PDF) for n in range(1, 7)])
    assert response.status_code == 422
    assert "每次报送最多上传 5 个佐证材料文件：请把多份材料合并为一个 PDF，或分次报送。" in response.get_data(as_text=True)
    assert snapshot(app, tid) == before and stored_files(app) == []


def test_a_refused_file_is_said_beside_the_file_field_where_the_page_opens_not_at_the_top(app, client, auth):
    # On a phone the report form is 1,900 px below the top: the refusal is said under 佐证材料, which the page
    # opens at (autofocus), in Chinese with what to do; the words typed stay, the top of the page says nothing.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = report_with_files(client, tid, [("照片.heic", b"ftypheic")]).get_data(as_text=True)
    field = html.split('<label class="form-label" for="attachments">')[1].split('<div class="form-text">')[0]
    assert 'class="form-control is-invalid"' in field and "autofocus" in field
    assert 'aria-describedby="attachments-error"' in field
    assert "文件“照片.heic”的类型不支持。佐证材料只接受 PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG 文件" in field
    assert "请重新选择要上传的文件（没有问题的文件也要重新选择）后再按“提交进展”" in field
    top = html.split('id="task-jump"')[0]
    assert "类型不支持" not in top and 'class="alert alert-danger"' not in top
    assert "完成排查，附检查报告。" in html


def test_a_report_whose_photos_exceed_the_upload_limit_says_her_words_wait_on_the_task_page(app, client, auth):
    # The whole request is over the server's limit (several phone photos): Flask refuses it before the page sees it;
    # the answer says the report was not sent and where her words are (kept in her browser by report-draft.js).
    app.config["MAX_CONTENT_LENGTH"] = 4096
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = report_with_files(client, tid, [("现场照片.jpg", b"\xff\xd8\xff" + b"0" * 8192)])
    text = response.get_data(as_text=True)
    assert response.status_code == 413 and "上传的文件超过" in text
    assert "进展没有报送，填写的文字已保留在本浏览器：返回任务页面即可看到，少选或压缩附件后再提交。" in text
    assert stored_files(app) == []


def file_field(html: str):
    """The report form's 佐证材料 input of a task page."""
    return BeautifulSoup(html, "html.parser").find("input", attrs={"name": "attachments"})


def test_the_report_form_tells_the_browser_the_configured_limits_in_the_servers_own_words(app, client, auth):
    # The office set 佐证材料 to at most 2 MB each and uploads to 6 MB. Her phone learns both from the page, with the
    # sentences the server answers with, so it can refuse a photo before sending it (static/js/attachment-check.js);
    # the server still refuses the same photo, in exactly those words, when it comes another way.
    app.config["ATTACHMENT_MAX_BYTES"] = 2 * MB
    app.config["MAX_CONTENT_LENGTH"] = 6 * MB
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = client.get(f"/tasks/{tid}").get_data(as_text=True)
    field = file_field(html)
    assert field["data-max-bytes"] == str(2 * MB) and field["data-max-files"] == "5"
    assert field["data-max-total"] == str(6 * MB)
    assert field["data-extensions"].split() == ["pdf", "docx", "xlsx", "jpg", "jpeg", "png"]
    assert field["accept"] == ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
    assert "每个不超过 2 MB，最多 5 个" in html
    assert field["data-too-large-total"] == "上传的文件超过 6 MB 的大小限制。请删去图片等无关内容，或拆分成几个文件后重新上传。"
    assert "请重新选择要上传的文件后再按“提交进展”" in field["data-unsent"]

    photo = "现场照片.jpg"
    refused = report_with_files(client, tid, [(photo, b"\xff\xd8\xff" + b"0" * (2 * MB))]).get_data(as_text=True)
    assert field["data-too-large"].replace("{name}", photo) == "文件“现场照片.jpg”超过 2 MB，请压缩或拆分后再上传。"
    assert field["data-too-large"].replace("{name}", photo) in refused
    refused = report_with_files(client, tid, [("照片.heic", b"ftypheic")]).get_data(as_text=True)
    assert field["data-wrong-type"].replace("{name}", "照片.heic") in refused
    refused = report_with_files(client, tid, [("空白.pdf", b"")]).get_data(as_text=True)
    assert field["data-empty"].replace("{name}", "空白.pdf") in refused
    refused = report_with_files(client, tid, [(f"第{n}页.pdf", PDF) for n in range(1, 7)]).get_data(as_text=True)
    assert field["data-too-many"] in refused
    assert stored_files(app) == []


def test_a_limit_under_one_mb_is_said_as_it_is_not_as_zero_mb(app, client, auth):
    # A county office on a slow line sets 佐证材料 to 512 KB each. The hint and the refusal said "不超过 0 MB" and
    # "超过 0 MB" (whole MB, rounded down): she could not tell what would pass. They say 0.5 MB, in one conversion
    # (archives.size_text) that the 413 page and the ledger's refusals use too.
    app.config["ATTACHMENT_MAX_BYTES"] = 512 * 1024
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert "每个不超过 0.5 MB，最多 5 个" in html and " 0 MB" not in html
    refused = report_with_files(client, tid, [("现场照片.jpg", b"\xff\xd8\xff" + b"0" * (600 * 1024))])
    assert "文件“现场照片.jpg”超过 0.5 MB，请压缩或拆分后再上传。" in refused.get_data(as_text=True)


def test_the_conflict_page_asks_for_the_files_again_with_the_report_forms_checks(app, client, auth):
    # 重庆证监局's liaison opened the task in the evening; a colleague reported on it before she sent hers with a photo.
    # The conflict page asks her to choose the photo again: its file field takes what the report form takes and
    # checks it in the browser in the same words (it had its own hand-written list of kinds, and no check at all).
    app.config["ATTACHMENT_MAX_BYTES"] = 2 * MB
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    report_form_field = file_field(page)
    assert post_report(client, tid, progress="同事先报送的进展。").status_code == 302
    stale = {"csrf_token": csrf_token(page), "version": form_version(page), "progress": "晚上补报的进展。", "problems": "",
             "next_steps": "", "status": "", "attachments": [(BytesIO(PDF), "检查报告.pdf")]}
    conflict = client.post(f"/tasks/{tid}", data=stale, content_type="multipart/form-data")
    assert conflict.status_code == 409
    html = conflict.get_data(as_text=True)
    again = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "attachments"})
    assert {name: again[name] for name in report_form_field.attrs if name.startswith(("data-", "accept"))} == \
        {name: value for name, value in report_form_field.attrs.items() if name.startswith(("data-", "accept"))}
    assert "超过 2 MB" in again["data-too-large"] and "js/attachment-check.js" in html
