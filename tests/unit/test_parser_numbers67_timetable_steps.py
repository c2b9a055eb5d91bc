"""A statistics bureau's "工作时间表" page laid out as steps (branch numbers67): a bullet holding only a zero-padded step number
(`• 01`, or `01` where the copy lost the bullet), the step's title on the next line, its window on the line after, then the
step's items `1.` `2.` … numbered afresh under every step, each closing with its own time, and a closing paragraph that
numbers nothing. The steps are the top-level measures `01`, `02`, … as written, their window their deadline; the items nest
under them, due in the step's year (GOLD-README "numbers67"). A lone `01` that is a page number or a figure of a table laid out
one cell a line is no step. The timetable is invented.
"""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text, read_plan_file

STEPS = [
    ("编制清查方案", "2025年2月-4月", ["成立县经济普查领导小组及办公室。(2月底前)", "制定全县经济普查清查实施方案。(3月底前)",
                                      "落实普查经费、场地和人员。(4月底前)"]),
    ("单位清查", "2025年5月-8月", ["开展清查摸底，编制单位名录。(6月底前)", "选聘普查指导员和普查员。(7月中旬前)"]),
    ("入户登记", "2026年1月-3月", ["开展普查登记和数据采集。(2月底前)", "开展数据审核验收。(3月底前)"]),
]
CLOSING = "具体按照《某县第五次全国经济普查工作细则》组织实施。"

EXPECTED = {
    ("01",): ("2025年2月-4月", datetime.date(2025, 4, 30)),
    ("01", "1"): ("2月底前", datetime.date(2025, 2, 28)),
    ("01", "2"): ("3月底前", datetime.date(2025, 3, 31)),
    ("01", "3"): ("4月底前", datetime.date(2025, 4, 30)),
    ("02",): ("2025年5月-8月", datetime.date(2025, 8, 31)),
    ("02", "1"): ("6月底前", datetime.date(2025, 6, 30)),
    ("02", "2"): ("7月中旬前", datetime.date(2025, 7, 20)),
    ("03",): ("2026年1月-3月", datetime.date(2026, 3, 31)),
    ("03", "1"): ("2月底前", datetime.date(2026, 2, 28)),
    ("03", "2"): ("3月底前", datetime.date(2026, 3, 31)),
}


def _timetable(bullet: str) -> str:
    lines = ["某县第五次全国经济普查工作时间表", "根据国家和省、市统一部署，我县经济普查工作按以下步骤进行。"]
    for n, (title, window, items) in enumerate(STEPS, 1):
        lines += [f"{bullet}{n:02d}", title, window, *[f"{k}. {item}" for k, item in enumerate(items, 1)]]
    return "\n".join([*lines, CLOSING])


def _read(measures):
    return {tuple(m.path): (m.deadline, m.due_date) for m in measures}


@pytest.mark.parametrize("bullet", ["• ", "●", ""])
def test_a_timetable_copied_as_text_gives_its_steps_with_their_items_under_them(bullet):
    """The office pastes the page's text: three steps, each due at its window's end, each holding its own items, due in the
    step's year; the steps' titles are theirs and the closing 按照细则 line is no item."""
    plan = parse_plan_text(_timetable(bullet))
    assert _read(plan.measures) == EXPECTED
    read = {tuple(m.path): m for m in plan.measures}
    assert read[("02",)].text.startswith("单位清查")
    assert read[("01", "1")].text == "成立县经济普查领导小组及办公室。"


def test_the_saved_page_with_its_steps_in_li_bullets_reads_the_same(tmp_path):
    """The same timetable saved from the site: every step number sits in a <li> of its own, the title in an <h4>, the
    window and the items in paragraphs."""
    body = "".join(
        f"<ul class='step-no'><li><span>{n:02d}</span></li></ul><h4>{title}</h4><p class='time'>{window}</p>"
        + "".join(f"<p>{k}. {item}</p>" for k, item in enumerate(items, 1))
        for n, (title, window, items) in enumerate(STEPS, 1))
    page = tmp_path / "timetable.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>工作时间表_某县统计局</title></head><body>"
        "<div class='nav'>首页 &gt; 普查专栏</div><div class='article-content'><h2>某县第五次全国经济普查工作时间表</h2>"
        f"{body}<p>{CLOSING}</p></div></body></html>", encoding="utf-8")
    plan = read_plan_file(page)
    assert _read(plan.measures) == EXPECTED


def test_a_lone_01_that_is_a_page_number_or_a_table_figure_opens_no_step():
    """A plan printed with page numbers `01`, `02` between its items, and a table laid out one cell a line whose 序号 cells
    are `01`, `02`: the items stay where they are, and no number of a page or a cell becomes a measure."""
    text = "\n".join([
        "某镇人居环境整治工作方案", "一、重点任务",
        "1.开展村庄清洁行动，集中清理生活垃圾和河塘沟渠。", "01",
        "2.推进农村厕所改造，今年完成改厕300户。", "02",
        "3.加强村庄规划管理。",
        "二、资金安排", "序号", "项目", "金额（万元）", "01", "道路硬化", "120", "02", "河塘清淤", "80",
    ])
    plan = parse_plan_text(text)
    assert [tuple(m.path) for m in plan.measures] == [("一",), ("一", "1"), ("一", "2"), ("一", "3"), ("二",)]
