import re, openpyxl
from io import BytesIO
from docx import Document
from tests.helpers.browser import sign_in
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from sqlalchemy import select
from tracker.models import Plan, Task
from tracker.services.seed import assign_office_deadlines
from tracker.vocabulary.numbering import render_number

def test_walk(app, live_server, browser, seeded_template, tmp_path):
    with app.app_context():
        plan = db.session.scalar(select(Plan))
        assign_office_deadlines(plan.id, "duban", {"一（一）": -10, "一（二）": -3, "一（三）": 3})
        tasks = {render_number(t.path): t.id for t in db.session.scalars(select(Task).where(Task.plan_id == plan.id))}
    table = write_rows(tmp_path / "t.xlsx", [["2026年11月末全市各金融机构存款余额情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额", "人民币贷款余额"],
                                            ["甲银行重庆分行", 1200, 900], ["乙银行重庆分行", 800, 700], ["合计", 2000, 1600]])
    for vp in ({"width": 360, "height": 740}, {"width": 1366, "height": 900}):
        page = browser.new_page(viewport=vp, accept_downloads=True)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        def report(tag):
            w = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            alerts = [a.inner_text() for a in page.locator(".alert").all() if a.is_visible()]
            print(vp["width"], tag, page.url.removeprefix(live_server), "width", w, "alerts", alerts)
        page.goto(live_server + "/indicators/import"); report("import")
        if vp["width"] == 360:
            page.set_input_files("input[type=file]", str(table)); page.click("text=上传并预览"); report("preview")
            page.screenshot(path=f"/tmp/wf55_preview_{vp['width']}.png", full_page=True)
            page.click("text=确认导入"); report("imported")
            page.screenshot(path=f"/tmp/wf55_ranking_{vp['width']}.png", full_page=True)
        page.goto(live_server + f"/tasks/{tasks['一（一）']}"); report("task")
        page.click("#reminder-form button[type=submit]"); report("urged")
        page.screenshot(path=f"/tmp/wf55_urged_{vp['width']}.png")
        page.goto(live_server + "/bulletin"); report("bulletin")
        page.screenshot(path=f"/tmp/wf55_bulletin_{vp['width']}.png", full_page=True)
        if vp["width"] == 360:
            page.click("#publish-bulletin"); report("published")
        for ext in ("xlsx", "docx"):
            link = page.locator(f"a[href*='.{ext}']").first
            print("link", link.inner_text(), link.get_attribute("href"))
            with page.expect_download() as d: link.click()
            dl = d.value; print("download name", dl.suggested_filename)
            dl.save_as(f"/tmp/wf55_b.{ext}")
    wb = openpyxl.load_workbook("/tmp/wf55_b.xlsx")
    for ws in wb:
        print("SHEET", ws.title)
        for row in ws.iter_rows(max_row=8, values_only=True): print("  ", row)
    doc = Document("/tmp/wf55_b.docx")
    for p in doc.paragraphs[:25]: print("P", p.text)
