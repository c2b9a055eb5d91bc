"""Plans to import: a small Word plan, the import page's upload and preview form, the revised 重庆 plan."""
from __future__ import annotations

import html
import re
from io import BytesIO

import docx
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.paths import CHONGQING
from tracker.extensions import db
from tracker.models import Task

# A small plan as an office writes it: a notice line, the title, two headings and four measures.
PLAN_TEXT = """关于印发测试市金融风险防控工作方案的通知
测试市金融风险防控工作方案
一、加强风险监测
（一）建立风险台账。全面摸清各类金融风险底数。（牵头单位：市金融办；配合单位：人行重庆营管部）
（二）开展专项排查。2024年6月底前完成排查。（牵头单位：重庆银监局）
（三）加强信息共享。建立部门间信息通报机制。
二、强化处置
（一）依法处置非法集资。（牵头单位：市工商局、新成立的处置办）
"""


def make_docx(paragraphs: list[str]) -> bytes:
    """A Word file (.docx) with one paragraph per item of ``paragraphs``."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, data: bytes, filename: str):
    """Post ``data`` as ``filename`` to the plan import page; return the response (not followed)."""
    page = client.get("/plans/import").get_data(as_text=True)
    return client.post("/plans/import", data={"csrf_token": csrf_token(page), "file": (BytesIO(data), filename)},
                       content_type="multipart/form-data")


def preview_fields(page: str) -> dict[str, list[str]]:
    """The preview form's fields as a browser would submit them (inputs, textareas, selected options)."""
    form = page[page.index('id="preview-form"'):]
    fields: dict[str, list[str]] = {}
    for tag in re.finditer(r"<input([^>]*)>", form):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(1)))
        if "name" not in attrs or attrs.get("type") in ("radio",) and "checked" not in tag.group(1):
            continue
        fields.setdefault(attrs["name"], []).append(html.unescape(attrs.get("value", "")))
    for tag in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields.setdefault(tag.group(1), []).append(html.unescape(tag.group(2)))
    for tag in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', tag.group(2)) or re.search(r'<option value="([^"]*)"', tag.group(2))
        fields.setdefault(tag.group(1), []).append(chosen.group(1))
    return fields


def plan_tree(app, plan_id: int) -> list[tuple]:
    """The stored tasks of plan ``plan_id`` in order: (序号, title, lead, supporting, deadline, due, parent)."""
    with app.app_context():
        tasks = db.session.scalars(select(Task).where(Task.plan_id == plan_id).order_by(Task.position)).all()
        return [("".join(t.path), t.title, [u.name for u in t.lead_units], [u.name for u in t.supporting_units],
                 t.deadline, t.due_date.isoformat() if t.due_date else None,
                 t.parent.number_display if t.parent else None) for t in tasks]


ORIGINAL = CHONGQING.read_text(encoding="utf-8")
NEW_MEASURE = "（五）加强融资担保行业风险防范。督促融资担保机构落实代偿准备金制度。（牵头单位：市金融办）"


def revised_text() -> str:
    """The 重庆 plan revised: 一（五） replaced by NEW_MEASURE, 四（四） removed, one measure reworded."""
    lines = ORIGINAL.split("\n")
    out = []
    for line in lines:
        if line.startswith("（五）建立高杠杆风险监测预警机制") or line.startswith("（四）发挥要素市场平台降成本功能"):
            if line.startswith("（五）"):
                out.append(NEW_MEASURE)  # 一（五） replaced by a different measure
            continue  # 四（四） removed
        out.append(line.replace("加强对小贷、担保机构的现场检查", "加强对小贷、担保、典当机构的现场检查"))
    return "\n".join(out)


# A three-row 分工表 (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限), as pasted or in Word.
TABLE_HEADER = "序号\t重点任务\t牵头单位\t配合单位\t完成时限"
TABLE_ROWS = [
    ("1", "建立健全政务数据共享协调机制，编制共享责任清单。", "市大数据局", "市发展改革委、市财政局", "2024年6月底前"),
    ("2", "推进政务服务事项“一网通办”。", "市政务服务中心", "各区县人民政府", "2024年底前"),
    ("3", "开展营商环境评价。", "市发展改革委", "", ""),
]



def make_table_docx(auto_numbered: bool) -> bytes:
    """A .docx notice with a 分工表 of TABLE_ROWS; ``auto_numbered``: Word numbers the 序号 column itself."""
    document = docx.Document()
    document.add_paragraph("关于印发政务服务改革任务分工方案的通知")
    document.add_paragraph("各区县人民政府，市政府各部门：现将任务分工印发给你们，请认真贯彻落实。")
    table = document.add_table(rows=1 + len(TABLE_ROWS), cols=5)
    for index, caption in enumerate(TABLE_HEADER.split("\t")):
        table.cell(0, index).text = caption
    for row_index, row in enumerate(TABLE_ROWS, start=1):
        for index, value in enumerate(row):
            cell = table.cell(row_index, index)
            if index == 0 and auto_numbered:
                cell.paragraphs[0].style = document.styles["List Number"]  # Word numbers the column
            else:
                cell.text = value
    out = BytesIO()
    document.save(out)
    return out.getvalue()
