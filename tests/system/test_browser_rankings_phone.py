"""The supervising office (市金融办) reads the month's rankings on her phone and at her desk (headless Chromium).

On the way to the monthly meeting she opens the indicator ranking and the 通报 on a phone held upright (390 × 844):
every institution's or unit's rank, name and the figure it is ranked on are on the screen without scrolling sideways,
and a line says where the other columns are; the dashboard's ranking of units too. Turned sideways, and at her desk
(1366 × 900), every column is there as before. (tracker.css .phone-fold; the columns a phone keeps: Ranking.ranked_key and
dashboard/routes.PHONE_FOLDED_CAPTIONS.)
"""
from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.helpers.browser import no_horizontal_scroll, shot, sign_in
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Indicator, IndicatorFigure, Plan, Unit, UnitKind
from tracker.services.seed import assign_office_deadlines

PHONE = {"width": 390, "height": 844}
PHONE_SIDEWAYS = {"width": 844, "height": 390}
DESK = {"width": 1366, "height": 900}
# 存款余额 (亿元) in 2023-07, 2023-12 and 2024-07: the long name is the one a phone would push off the screen.
DEPOSITS = {"中国农业发展银行重庆市分行": (900.0, 950.0, 1020.0), "重庆农村商业银行": (1200.0, 1230.0, 1290.0),
            "重庆银行": (600.0, 640.0, 630.0)}
RANKING = "/indicators/ranking?period=2024-07&indicator=人民币存款余额"


def add_deposits(app) -> None:
    """Three institutions' 人民币存款余额 of 2023-07, 2023-12 and 2024-07, so that 2024-07 ranks by each key."""
    with app.app_context():
        deposit = db.session.query(Indicator).filter_by(name="人民币存款余额").one()
        for name, values in DEPOSITS.items():
            bank = Unit(name=name, kind=UnitKind.INSTITUTION)
            db.session.add(bank)
            db.session.flush()
            for period, value in zip(("2023-07", "2023-12", "2024-07"), values):
                db.session.add(IndicatorFigure(unit_id=bank.id, indicator_id=deposit.id, period=period, value=value))
        db.session.commit()


def on_screen(cell: Locator, width: int) -> bool:
    """Whether ``cell`` is shown and lies within the screen's width."""
    box = cell.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def shown_captions(table: Locator) -> list[str]:
    """The captions of ``table``'s visible header cells, in order."""
    return [th.inner_text().strip() for th in table.locator("thead th").all() if th.is_visible()]


def fits(table: Locator) -> bool:
    """Whether ``table`` shows all it holds without being scrolled sideways (in its own box or the page's)."""
    return table.evaluate("t => t.scrollWidth <= t.clientWidth && t.parentElement.scrollWidth <= t.parentElement.clientWidth")


def rows_read_on_screen(page: Page, table: Locator, columns: list[int]) -> None:
    """Every body row of ``table`` shows its cells at ``columns`` (0-based, among the shown cells) on the screen."""
    width = page.viewport_size["width"]
    rows = table.locator("tbody tr")
    assert rows.count() > 0
    for row in rows.all():
        cells = [cell for cell in row.locator("td").all() if cell.is_visible()]
        for index in columns:
            assert on_screen(cells[index], width), f"{cells[index].inner_text()!r} is off the {width} px screen"


def test_the_indicator_ranking_on_a_phone_shows_rank_name_and_the_figure_ranked(
        app, seeded_template, live_server, browser):
    add_deposits(app)
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}{RANKING}")

    # By 同比增速 (the default): 重庆银行 5.00 %, 农业发展银行 13.33 %, 农商行 7.50 %.
    ranking = page.locator("#ranking")
    assert shown_captions(ranking) == ["名次", "机构", "同比增速（%）"]
    first = ranking.locator("tbody tr").first
    expect(first).to_contain_text("中国农业发展银行重庆市分行")
    expect(first).to_contain_text("13.33")
    rows_read_on_screen(page, ranking, [0, 1, 2])
    assert fits(ranking) and no_horizontal_scroll(page)
    expect(page.locator("#ranking-phone-note")).to_contain_text("请把手机横过来或在电脑上查看")
    overall = page.locator("#overall")
    assert shown_captions(overall) == ["名次", "机构", "综合得分"]
    rows_read_on_screen(page, overall, [0, 1, 2])
    assert fits(overall)
    shot(page, "rankings-phone-indicator-yoy")

    # She ranks by 比年初增减 instead: that figure is the one kept on the screen.
    page.get_by_label("排名依据").select_option(label="比年初增减")
    with page.expect_navigation():
        page.get_by_role("button", name="查看").click()
    assert shown_captions(ranking) == ["名次", "机构", "比年初增减（亿元）"]
    expect(ranking.locator("tbody tr").first).to_contain_text("70.00")  # 1020 − 950
    rows_read_on_screen(page, ranking, [0, 1, 2])
    assert fits(ranking)

    # Turned sideways, the phone shows every column again, and the note is gone.
    page.set_viewport_size(PHONE_SIDEWAYS)
    assert len(shown_captions(ranking)) == 11  # with 并列/说明 (workflow55)
    expect(page.locator("#ranking-phone-note")).to_be_hidden()


def test_the_indicator_ranking_at_a_desk_keeps_every_column(app, seeded_template, live_server, browser):
    add_deposits(app)
    page = browser.new_page(viewport=DESK)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}{RANKING}")
    assert shown_captions(page.locator("#ranking")) == [
        "名次", "机构", "本月数（亿元）", "同比增速（%）", "比年初增减（亿元）", "年度目标（亿元）", "序时目标（亿元）",
        "序时完成率（%）", "欠账（亿元）", "序时状态", "并列/说明"]
    assert len(shown_captions(page.locator("#overall"))) == 7  # 名次, 机构, 综合得分, the three indicators' scores, 并列/说明
    expect(page.locator("#ranking-phone-note")).to_be_hidden()
    shot(page, "rankings-desk-indicator")


def test_the_bulletin_and_the_dashboards_ranking_on_a_phone_show_each_units_rank_and_rates_all_at_a_desk(
        app, seeded_template, live_server, browser):
    with app.app_context():  # the deadlines a first start gives the demo: 一（一）、一（二） overdue
        assign_office_deadlines(db.session.scalar(select(Plan)).id, "duban", {"一（一）": -10, "一（二）": -3, "一（三）": 3})
    phone = browser.new_page(viewport=PHONE)
    sign_in(phone, live_server, "duban", seeded_template.passwords["duban"])
    phone.goto(f"{live_server}/bulletin")
    ranking = phone.locator("#bulletin-ranking")
    assert shown_captions(ranking) == ["排名", "单位", "按期办结率", "报送及时率"]  # equal ranks read as equal numbers
    rows_read_on_screen(phone, ranking, [0, 1, 2, 3])
    overdue = phone.locator("#bulletin-overdue")
    assert shown_captions(overdue) == ["序号", "任务", "牵头单位", "逾期天数"]
    rows_read_on_screen(phone, overdue, [0, 1, 2, 3])
    for table in (ranking, overdue):
        assert fits(table)
    assert no_horizontal_scroll(phone)
    expect(phone.locator("#bulletin-phone-note")).to_contain_text("请把手机横过来，或下载 Word、Excel 查看")
    shot(phone, "rankings-phone-bulletin")

    # The dashboard's ranking of the same units keeps the three figures it can be sorted by.
    phone.goto(f"{live_server}/dashboard")
    board = phone.locator("#ranking-table")
    assert shown_captions(board) == ["排名", "单位", "按期办结率 ▼", "报送及时率", "逾期任务"]
    rows_read_on_screen(phone, board, [0, 1, 2, 3, 4])
    assert fits(board)

    desk = browser.new_page(viewport=DESK)
    sign_in(desk, live_server, "duban", seeded_template.passwords["duban"])
    desk.goto(f"{live_server}/bulletin")
    assert shown_captions(desk.locator("#bulletin-ranking")) == [
        "排名", "单位", "牵头任务", "已办结", "按期办结率", "应报送", "按时", "迟报", "未报", "报送及时率", "逾期任务", "并列/说明"]
    assert shown_captions(desk.locator("#bulletin-overdue")) == ["序号", "任务", "所属方案", "牵头单位", "完成时限", "逾期天数"]
    expect(desk.locator("#bulletin-phone-note")).to_be_hidden()
    desk.goto(f"{live_server}/dashboard")
    assert len(shown_captions(desk.locator("#ranking-table"))) == 12
