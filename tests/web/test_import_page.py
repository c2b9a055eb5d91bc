"""The supervising office imports a plan through the preview page: upload, check, correct, confirm."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tests.helpers.paths import ROOT
from tests.helpers.plans import PLAN_TEXT, make_docx, plan_tree, preview_fields, upload
from tracker.extensions import db
from tracker.models import ImportDraft, JournalEntry, Plan, Task, Unit

def login_and_upload(client, auth, data: bytes, filename: str) -> str:
    """Sign in as the supervising office, upload, and return the preview's URL."""
    auth.login("duban")
    response = upload(client, data, filename)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def submit(client, url: str, action: str, **changes) -> str:
    """Submit the preview at ``url`` as shown, with ``changes`` (field -> list of values) and ``action``."""
    fields = preview_fields(client.get(url).get_data(as_text=True))
    fields.update(changes)
    fields["action"] = [action]
    response = client.post(url, data=fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def item_id(client, url: str, path: str) -> int:
    """The preview's id of the item whose full 序号 is ``path`` (e.g. "一（二）")."""
    page = client.get(url).get_data(as_text=True)
    for match in re.finditer(r'<tr id="item-(\d+)".*?title="完整序号">([^<]*)</div>', page, re.S):
        if match.group(2) == path:
            return int(match.group(1))
    raise AssertionError(f"no item {path} in the preview")


def counts(app) -> tuple[int, int, int, int]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count(m.id))) for m in (Plan, Task, ImportDraft, JournalEntry))


def test_import_page_supervisor_corrects_a_word_plan_and_gets_exactly_the_corrected_tree(app, client, auth):
    lines = PLAN_TEXT.splitlines() + ["（二）做好舆情应对。"]
    url = login_and_upload(client, auth, make_docx(lines), "测试方案.docx")
    page = client.get(url).get_data(as_text=True)
    assert "核对预览" in page and "新单位" in page  # 新成立的处置办 is not in the registry
    before = counts(app)

    # Fix a title, change a unit and a deadline, drop an item, merge one, split one.
    url = submit(client, url, "save", **{f"title-{item_id(client, url, '一（一）')}": ["建立金融风险台账"]})
    second = item_id(client, url, "一（二）")
    url = submit(client, url, "save", **{f"lead-{second}": ["重庆证监局", ""], f"supporting-{second}": ["市财政局"],
                                         f"deadline-{second}": ["2024年9月底前"]})
    url = submit(client, url, f"drop-{item_id(client, url, '一（三）')}")
    url = submit(client, url, f"merge-{item_id(client, url, '二（二）')}")
    first = item_id(client, url, "一（一）")
    url = submit(client, url, f"split-{first}", **{f"text-{first}": ["建立风险台账。\n全面摸清各类金融风险底数，按月更新。"]})
    assert counts(app) == before  # nothing stored before confirming

    done = submit(client, url, "confirm")
    plan_id = int(done.rsplit("/", 1)[1])
    assert plan_tree(app, plan_id) == [
        ("一", "加强风险监测", [], [], None, None, None),
        ("一（一）", "建立金融风险台账", ["市金融办"], ["人行重庆营管部"], None, None, "一"),
        ("一（一）-2", "全面摸清各类金融风险底数，按月更新", ["市金融办"], ["人行重庆营管部"], None, None, "一"),
        ("一（二）", "开展专项排查", ["重庆证监局"], ["市财政局"], "2024年9月底前", "2024-09-30", "一"),
        ("二", "强化处置", [], [], None, None, None),
        ("二（一）", "依法处置非法集资", ["市工商局", "新成立的处置办"], [], None, None, "二"),
    ]
    with app.app_context():
        merged = db.session.scalar(select(Task).where(Task.plan_id == plan_id, Task.title == "依法处置非法集资"))
        assert merged.text == "依法处置非法集资。\n做好舆情应对。"
        assert db.session.scalar(select(Unit).where(Unit.name == "新成立的处置办")) is not None
        assert db.session.scalar(select(func.count(ImportDraft.id))) == 0
        entries = db.session.scalars(select(JournalEntry).where(JournalEntry.plan_id == plan_id)).all()
        assert len([e for e in entries if e.field == "created"]) == 6
        assert {e.batch for e in entries} != {None} and len({e.batch for e in entries}) == 1
        assert {e.user.username for e in entries} == {"duban"} and {e.channel.value for e in entries} == {"form"}
    plan_page = client.get(done).get_data(as_text=True)
    assert "已导入方案《测试市金融风险防控工作方案》，共 6 个条目。新建单位：新成立的处置办。" in plan_page


def test_import_page_suggested_units_are_stored_only_when_chosen(app, client, auth):
    text = "一、下步工作\n（一）强化协同。市财政局、市国资委要加强资金监管，形成合力。\n（二）抓好落实。\n"
    auth.login("duban")
    page = client.get("/plans/import").get_data(as_text=True)
    url = client.post("/plans/import", data={"csrf_token": csrf_token(page), "text": text}).headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert "建议" in page and "市财政局" in page and "不采纳" in page
    first = item_id(client, url, "一（一）")
    done = submit(client, url, "confirm", **{f"suggest-{first}-0": ["lead"], f"suggest-{first}-1": [""]})
    tree = plan_tree(app, int(done.rsplit("/", 1)[1]))
    assert tree[1][:4] == ("一（一）", "强化协同", ["市财政局"], [])


def test_import_page_a_file_of_several_documents_becomes_one_plan_or_separate_plans(app, client, auth):
    from tests.helpers.paths import CORPUS

    data = (CORPUS / "002_a28ebe7e63140b95.txt").read_bytes()
    url = login_and_upload(client, auth, data, "讲话汇编.txt")
    assert "这个文件包含 4 篇文件" in client.get(url).get_data(as_text=True)
    before = counts(app)[0]
    submit(client, url, "confirm", split=["1"])
    with app.app_context():
        plans = db.session.scalars(select(Plan).order_by(Plan.id)).all()[before:]
        assert len(plans) == 4
        assert [len(p.tasks) for p in plans] == [31, 35, 6, 27]
        assert plans[1].tasks[0].path == ["一"]  # the 【篇四】 marker is not part of a separate plan's paths

    url = upload(client, data, "讲话汇编.txt").headers["Location"]
    submit(client, url, "confirm", split=["0"])
    with app.app_context():
        plan = db.session.scalars(select(Plan).order_by(Plan.id.desc())).first()
        assert len(plan.tasks) == 102


def test_import_page_bad_input_gets_a_chinese_error_and_nothing_is_kept(app, client, auth):
    auth.login("duban")
    before = counts(app)
    cases = [
        (b"%PDF-1.4", "方案.pdf", "不是有效的 PDF 文件"),
        (b"\xd0\xcf\x11\xe0 old word", "方案.doc", "不支持的文件类型"),
        # a ledger brought to the plan page is sent to the page that reads it, not to a server command
        (b"PK\x03\x04 a workbook", "工作台账.xlsx", "Excel 工作台账请在“台账”菜单的“导入台账”中上传（命令行用 import-ledger）"),
        ("一、加強監管。二、測試".encode("big5") * 20, "方案.txt", "Big5"),
        (make_docx(["关于开展调研的通知", "请各单位认真做好调研工作。"]), "通知.docx", "没有找到“一、”“（一）”"),
        (make_docx([]), "空白.docx", "文件中没有文字"),
        (b"", "empty.txt", "是空的"),
        (b"PK\x03\x04 broken", "坏文件.docx", "不是有效的 Word"),
    ]
    for data, name, message in cases:
        response = upload(client, data, name)
        body = response.get_data(as_text=True)
        assert response.status_code == 400, name
        assert 'id="upload-error"' in body, name
        if message:
            assert message in body, (name, body[body.index('id="upload-error"'):][:300])
    page = client.get("/plans/import").get_data(as_text=True)
    response = client.post("/plans/import", data={"csrf_token": csrf_token(page), "text": "  "})
    assert "请选择要上传的方案文件，或把方案全文粘贴到文本框中。" in response.get_data(as_text=True)
    assert counts(app) == before


def test_import_page_liaison_gets_403_everywhere_and_cannot_open_a_draft(app, client, auth):
    url = login_and_upload(client, auth, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    token_page = client.get(url).get_data(as_text=True)
    auth.logout()
    auth.login("zjj")
    page = client.get("/").get_data(as_text=True)
    assert "导入方案" not in page
    token = csrf_token(page)
    before = counts(app)
    for path in ("/plans/import", url, f"{url}/changes", "/plans/1/revise"):
        assert client.get(path).status_code == 403, path
        assert client.post(path, data={"csrf_token": token, "action": "confirm"}).status_code == 403, path
    assert counts(app) == before
    assert "测试市金融风险防控工作方案" in token_page


def test_import_page_every_post_needs_the_csrf_token(app, client, auth):
    url = login_and_upload(client, auth, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    fields = preview_fields(client.get(url).get_data(as_text=True))
    del fields["csrf_token"]
    before = counts(app)
    posts = [("/plans/import", {"text": PLAN_TEXT}), ("/plans/1/revise", {"text": PLAN_TEXT}),
             (url, {**fields, "action": ["confirm"]}), (url, {**fields, "action": ["cancel"]}),
             (f"{url}/changes", {})]
    for path, data in posts:
        assert client.post(path, data=data).status_code == 400, path
    assert counts(app) == before


def test_import_page_cancel_deletes_the_draft_and_stores_nothing(app, client, auth):
    before = counts(app)
    url = login_and_upload(client, auth, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    submit(client, url, "cancel")
    assert counts(app) == before
    assert client.get(url).status_code == 404


def test_import_page_saving_the_preview_keeps_a_unit_whose_brackets_hold_a_comma(app, client, auth):
    # The preview's own splitter once broke 市财政局（含下属单位，各分局） in two on every save.
    text = "一、清理拖欠企业账款。（牵头单位：市财政局（含下属单位，各分局）；配合单位：市审计局）\n"
    url = login_and_upload(client, auth, text.encode("utf-8"), "清欠方案.txt")
    url = submit(client, url, "save")
    page = client.get(url).get_data(as_text=True)
    assert "市财政局（含下属单位，各分局）" in html.unescape(page)
    done = submit(client, url, "confirm")
    plan_id = int(done.rsplit("/", 1)[1])
    assert plan_tree(app, plan_id) == [
        ("一", "清理拖欠企业账款", ["市财政局（含下属单位，各分局）"], ["市审计局"], None, None, None)]


def test_import_page_a_dropped_paragraph_is_added_back_as_an_item_of_its_own(app, client, auth):
    # issue 13: a paragraph the parser dropped could only be recovered by pasting it into the item above.
    url = login_and_upload(client, auth, make_docx(PLAN_TEXT.splitlines()), "补条方案.docx")
    first = item_id(client, url, "一（一）")
    url = submit(client, url, f"add-{first}")
    added = item_id(client, url, "一补1")
    with app.app_context():
        before = counts(app)
    refused = submit(client, url, "confirm")  # an empty added item is not stored
    assert "还没有填写标题或内容" in client.get(refused).get_data(as_text=True)
    assert counts(app) == before
    url = submit(client, refused, "save", **{f"title-{added}": ["做好舆情应对"], f"text-{added}": ["做好舆情应对，及时回应关切。"],
                                             f"lead-{added}": ["市委宣传部"], f"deadline-{added}": ["2024年底前"]})
    done = submit(client, url, "confirm")
    tree = plan_tree(app, int(done.rsplit("/", 1)[1]))
    position = [row[0] for row in tree].index("一补1")
    assert tree[position] == ("一补1", "做好舆情应对", ["市委宣传部"], [], "2024年底前", "2024-12-31", "一")
    assert tree[position - 1][0].startswith("一（一）")


def test_import_page_asks_before_discarding_the_import(app, client, auth):
    url = login_and_upload(client, auth, make_docx(PLAN_TEXT.splitlines()), "方案.docx")
    page = client.get(url).get_data(as_text=True)
    cancel = re.search(r'<button[^>]*value="cancel"[^>]*>', page).group(0)
    assert 'data-confirm="确定放弃导入吗？' in cancel
    script = (ROOT / "tracker" / "static" / "js" / "import-preview.js").read_text(encoding="utf-8")
    assert "button[data-confirm]" in script and "window.confirm" in script
