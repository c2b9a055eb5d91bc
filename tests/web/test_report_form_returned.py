"""The report form the server refused comes back marked as the server's copy, and says a chosen file must be chosen again.

Left by workflow41: after a refusal (进展情况 left empty), static/js/report-draft.js put the browser's copy of her words
back over the server's and said "已填回您…在本浏览器中填写、尚未报送的内容", though the server had kept them. The form
sent back now carries data-draft-returned (the script leaves it alone: tests/system/test_browser_report_draft.py), and
when she had chosen files, which no copy keeps, the page says plainly under the file field to choose them again.
"""
from __future__ import annotations

import io

from bs4 import BeautifulSoup

from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import report_count, task_id
from tests.helpers.workflow import act, page


def post(client, tid: int, files=(), **fields):
    html = page(client, tid)
    data = {"csrf_token": csrf_token(html), "version": form_version(html), "progress": "", **fields,
            "attachments": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(f"/tasks/{tid}", data=data, content_type="multipart/form-data")


def report_form(html: str):
    return BeautifulSoup(html, "html.parser").select_one("form[data-draft-key]")


def test_a_refused_report_with_a_photo_comes_back_as_the_servers_copy_and_asks_for_the_photo_again(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert not report_form(page(client, tid)).has_attr("data-draft-returned")  # a fresh form: the browser may fill it

    photo = ("现场照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    refused = post(client, tid, files=[photo], problems="个别机构报送数据口径不一。")
    form = report_form(refused.get_data(as_text=True))
    assert form.has_attr("data-draft-returned")
    assert form.select_one("#problems").get_text().strip() == "个别机构报送数据口径不一。"  # kept by the server
    assert form.select_one("#files-dropped").get_text(strip=True) == (
        "进展没有报送，上面填写的文字都已保留；您选择的照片或文件没有保留，请重新选择后再按“提交进展”。")
    assert "之前选择的照片或文件没有保留" in form.select_one("#draft-restored").get_text()  # the browser's notice says it too
    assert report_count(app) == 0


def test_a_refused_report_without_files_says_nothing_of_files(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    form = report_form(post(client, tid, problems="个别机构报送数据口径不一。").get_data(as_text=True))
    assert form.has_attr("data-draft-returned") and form.select_one("#files-dropped") is None


def test_another_forms_refusal_leaves_the_report_form_to_the_browsers_copy(app, client, auth):
    # 申请延期 refused: the report form on that page is blank, not sent; words she typed there may be put back.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    refused = act(client, tid, "extension-request", extension_date="2001-01-01", extension_reason="太忙")
    assert refused.status_code == 422
    assert not report_form(refused.get_data(as_text=True)).has_attr("data-draft-returned")


def test_a_refused_report_answers_422_so_a_script_sees_the_refusal(app, client, auth):
    # A script posting the form (or a test) read 200 for a report refused by the form's own checks, as for a page
    # shown: now 422, the page as before, the reason beside 进展情况; a report stored still answers with a redirect.
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    refused = post(client, tid, problems="个别机构报送数据口径不一。")
    assert refused.status_code == 422
    form = report_form(refused.get_data(as_text=True))
    assert form.select_one("#progress").find_next(class_="invalid-feedback").get_text(strip=True) == "请填写“进展情况”。"
    assert report_count(app) == 0
    assert post(client, tid, progress="完成辖区排查。").status_code == 302 and report_count(app) == 1
