"""What a new user met on a phone (390 × 844, headless Chromium) on the demo, and no longer does.

A liaison who presses 提交进展 with nothing typed lands at the red field, not at the top of a page three screens
long; the office's 报送情况与催办 page lists each unit's missing reports as cards, not as a table wider than the
screen whose task names stood one character a line under 角色, each unit's cards folded under one line; a liaison's
ledger upload previews each row as a card, its broken row saying what may be written instead; the office uploading a
plan is told it is being read, its button disabled, until the preview comes; the office opening 督办总览 on a phone
finds the task list on its first screen, the filter form folded under a summary saying which filters are on (it was
about 600 px of fields before the figures, the list nine screens down), while a desktop keeps the form open and the
figures first; the financial office splits its task to its districts by touch (the list of units said to hold Ctrl).
"""
from __future__ import annotations

import openpyxl
from playwright.sync_api import expect

from tests.helpers.browser import press, shot, sign_in
from tests.helpers.reports import task_id

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def test_browser_phone_an_empty_report_lands_the_liaison_at_the_field_to_fill(live_server, browser, seeded_template,
                                                                              app):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "zjj", seeded_template.passwords["zjj"])
    page.goto(f"{live_server}/tasks/{task_id(app, ['一', '（三）'])}")
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    field = page.get_by_label("进展情况")
    expect(field).to_be_focused()
    # the browser scrolls to the focused field once the page is laid out: look for up to 5 s
    for _ in range(50):
        box = field.bounding_box()
        if 0 <= box["y"] < PHONE["height"]:
            break
        page.wait_for_timeout(100)
    assert 0 <= box["y"] < PHONE["height"], box  # on the screen, without scrolling
    expect(page.get_by_text("请填写“进展情况”。")).to_be_visible()
    shot(page, "phone-empty-report")


def test_browser_phone_the_offices_reporting_page_fits_the_screen(live_server, browser, seeded_template, app):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/plans/1/reporting")
    units = page.locator(".owing-unit")
    expect(units.first).to_be_visible()
    # each unit's tasks are folded under one line, so the units and their 催办 buttons follow each other: the page
    # was 51 task cards long (12,600 px on the demo)
    expect(page.locator(".owing-table").first).to_be_hidden()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 250 * units.count() + 800, f"{height} px for {units.count()} units"
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{width} px wide on a {inner} px screen"
    first = units.first
    first.locator("summary").click()
    link = first.locator(".owing-table a").first.bounding_box()
    assert link["height"] < 60 and link["x"] + link["width"] <= PHONE["width"], link  # a line, not a character a line
    shot(page, "phone-reporting")
    desk = browser.new_page(viewport=DESKTOP)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    desk.goto(f"{live_server}/plans/1/reporting")
    expect(desk.locator(".owing-table").last).to_be_visible()  # a desktop lists every unit's tasks, as it did
    expect(desk.locator(".owing-tasks > summary").first).to_be_hidden()


def test_browser_phone_the_admins_user_and_unit_lists_are_one_card_each(live_server, browser, seeded_template):
    # 用户管理 and 单位管理 were six- and seven-column tables squeezed to a few characters a column at 390 px
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "guanli", seeded_template.passwords["guanli"])
    for path, table in (("/admin/users", "#user-list"), ("/admin/units", "#unit-list")):
        page.goto(f"{live_server}{path}")
        assert page.locator(f"{table} thead").is_hidden()
        first = page.locator(f"{table} tbody tr").first.bounding_box()
        assert first["width"] > PHONE["width"] * 0.8, first  # a card as wide as the screen, not a squeezed row
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, f"{path}: {width} px wide on a {inner} px screen"
        shot(page, f"phone-admin-{path.rsplit('/', 1)[1]}")


def test_browser_phone_a_liaisons_ledger_with_one_broken_row_previews_as_cards_that_fit_the_screen(
        live_server, browser, seeded_template, tmp_path):
    # The preview's row table was six columns squeezed to a few characters each, its 将写入 column off the screen,
    # and the count tiles wrote 读取行数 one character a line.
    page = browser.new_page(viewport=PHONE, accept_downloads=True)
    sign_in(page, live_server, "yjj", seeded_template.passwords["yjj"])
    page.goto(f"{live_server}/my-tasks")
    with page.expect_download() as download:
        page.get_by_role("link", name="导出本单位台账（Excel）").click()
    exported = tmp_path / "银监局台账.xlsx"
    download.value.save_as(exported)
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    top = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    column = {sheet.cell(top, c).value: c for c in range(1, sheet.max_column + 1)}
    rows = {sheet.cell(r, 1).value: r for r in range(top + 1, sheet.max_row + 1)}
    sheet.cell(rows["一（一）"], column["进展情况"]).value = "已排查银行业机构 40 家，整改问题 12 个。"
    sheet.cell(rows["一（二）"], column["完成状态"]).value = "基本搞定"
    book.save(tmp_path / "填报.xlsx")
    page.goto(f"{live_server}/imports/new")
    page.locator("input[type=file]").set_input_files(str(tmp_path / "填报.xlsx"))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{width} px wide on a {inner} px screen"
    broken = page.locator("#outcomes tr.outcome-error")
    expect(broken).to_contain_text("未知的完成状态“基本搞定”：此行可填写“已交办”、“推进中”、“申请办结”")
    card = broken.bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"], card  # a card as wide as the screen
    update = page.locator("#outcomes tr.outcome-update")
    expect(update).to_contain_text("已排查银行业机构 40 家")
    assert update.locator("td.written").bounding_box()["x"] + 10 < PHONE["width"]  # what it writes is on the screen
    tile = page.get_by_text("读取行数", exact=True).bounding_box()
    assert tile["height"] < 30, tile  # one line, not one character a line
    shot(page, "phone-ledger-import-preview")


def test_browser_the_office_uploading_a_plan_sees_it_is_being_read_until_the_preview_comes(live_server, browser,
                                                                                           seeded_template):
    # A long plan takes seconds to read; the button used to stay as it was, inviting a second click.
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/plans/import")
    page.get_by_label("或者粘贴方案全文").fill("某区工作方案\n一、强化基层治理\n（一）推进网格化管理。（牵头单位：区民政局）")
    # hold the form where the browser would leave the page, to look at it while the server is still reading
    page.evaluate("document.querySelector('form[data-busy]').addEventListener('submit', e => e.preventDefault())")
    button = page.get_by_role("button", name="读取并预览")
    button.click()
    expect(page.locator(".busy-note")).to_have_text("正在读取方案并识别各条目，请稍候（长文件需数秒）……")
    expect(button).to_be_disabled()
    with page.expect_navigation():
        page.evaluate("document.querySelector('form[data-busy]').submit()")
    expect(page.get_by_role("heading", name="核对预览：粘贴的文本")).to_be_visible()


def test_browser_phone_the_office_finds_the_task_list_under_folded_filters_and_the_desktop_keeps_its_form(
        live_server, browser, seeded_template):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    summary = page.locator("#filter-fold > summary")
    expect(summary).to_have_text("筛选：无（全部任务）")
    unit = page.get_by_label("单位（牵头或配合）")
    expect(unit).to_be_hidden()
    first = page.locator("#task-table tbody tr:not(.plan-group)").first.bounding_box()
    assert first["y"] + 100 < PHONE["height"], first  # the first task is on the first screen, no scrolling
    summary.click()
    unit.select_option(label="重庆证监局")
    press(page, "筛选")
    expect(summary).to_have_text("筛选：单位=重庆证监局")
    rows = page.locator("#task-table tbody tr:not(.plan-group)")  # the tasks, not the plan's heading over them
    expect(rows.first).to_be_visible()
    assert rows.count() < 16  # of the demo's 16 tasks, those the unit leads or supports
    for row in rows.all():
        expect(row).to_contain_text("重庆证监局")
    assert rows.first.bounding_box()["y"] < PHONE["height"]  # still the first thing after the folded form
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{width} px wide on a {inner} px screen"
    shot(page, "phone-dashboard-filtered")

    desk = browser.new_page(viewport=DESKTOP)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    expect(desk.get_by_label("单位（牵头或配合）")).to_be_visible()  # the form as it always was, nothing to unfold
    expect(desk.locator("#filter-fold > summary")).to_be_hidden()
    chart = desk.get_by_role("heading", name="灯色分布").bounding_box()
    assert chart["y"] < desk.locator("#task-list").bounding_box()["y"]  # the figures first, then the list
    assert desk.locator("#task-table thead").is_visible()  # a table, not cards
    shot(desk, "desktop-dashboard")


def test_browser_phone_the_financial_office_splits_its_task_to_its_three_districts_by_touch(live_server, browser,
                                                                                          seeded_template, app):
    # The units were a <select multiple> whose hint said to hold Ctrl; a phone has none. Now each district is a
    # checkbox named by the unit, and 全选 ticks them all.
    page = browser.new_page(viewport=PHONE, has_touch=True)
    sign_in(page, live_server, "jrb", seeded_template.passwords["jrb"])
    page.goto(f"{live_server}/tasks/{task_id(app, ['二', '（一）'])}#split-form")
    card = page.locator("#split-form")
    expect(card).not_to_contain_text("Ctrl")
    districts = [card.get_by_label(name) for name in ("万州区金融办", "江北区金融办", "渝中区金融办")]
    card.get_by_label("江北区金融办").tap()
    expect(card.get_by_label("江北区金融办")).to_be_checked()
    everything = card.get_by_role("button", name="全选")
    everything.tap()
    for box in districts:
        expect(box).to_be_checked()
    expect(card.get_by_role("button", name="全不选")).to_be_visible()  # a second tap would clear them
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{width} px wide on a {inner} px screen"
    shot(page, "phone-split-districts")
    with page.expect_navigation():
        card.get_by_role("button", name="分解", exact=True).tap()
    expect(page.get_by_text("已分解为 3 项子任务")).to_be_visible()
    for name in ("万州区金融办", "江北区金融办", "渝中区金融办"):
        expect(page.locator("#subtasks")).to_contain_text(name)
