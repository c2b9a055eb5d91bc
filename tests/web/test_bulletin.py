"""The monthly and quarterly bulletin (通报): figures, tables, summary, .docx/.xlsx files, page and command.

Expected values are worked out by hand from tests/helpers/small_world.py (see its table).
"""
from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

import openpyxl
import pytest
from docx import Document
from sqlalchemy import select

import tracker.clock
from tests.helpers import small_world
from tests.helpers.small_world import sign_in
from tracker.bulletin import write_docx, write_xlsx
from tracker.extensions import db
from tracker.models import User
from tracker.periods import parse_period
from tracker.services.figures.bulletin import build_bulletin
from tracker.services.errors import InvalidInput, PermissionDenied

TODAY = small_world.TODAY

#: October's reports (P1, due 10-25): T1, closed 10-20 before the report day, owes none (ranking.owes_report); T2
#: 甲局 10-20 on time, T4 甲局 10-26 late, T3 and T4 乙局 and T5 丙局 (closed 11-05, after the report day) missing.
OCTOBER_RANKING = [
    [1, "甲局", 2, 1, "100.0%", 2, 1, 1, 0, "50.0%", 0, ""],
    [2, "丙局", 2, 0, "0.0%", 1, 0, 0, 1, "0.0%", 1, ""],
    [3, "乙局", 2, 0, "—", 2, 0, 0, 2, "0.0%", 0, ""],
]
OCTOBER_SUMMARY = (
    "截至2026年10月31日，纳入督办的任务共6项，已办结1项，其中2026年10月办结1项；逾期未办结1项；按期办结率50.0%。"
    "2026年10月应报送进展5次，按时报送1次，迟报1次，未报3次，报送及时率20.0%。排名第一的单位：甲局。"
    "未按要求报送进展的单位：乙局、丙局，请于收到通报后及时补报。逾期任务的牵头单位：丙局，请加快推进，尽快办结。"
)


@pytest.fixture
def world(empty_app, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: TODAY)
    return small_world.build(empty_app)


def october(app):
    with app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "sup"))
        return build_bulletin(supervisor, parse_period("2026-10"), TODAY, "督查室")


def test_bulletin_october_figures_tables_and_summary(empty_app, world):
    bulletin = october(empty_app)
    assert bulletin.title == "关于2026年10月重点任务督办情况的通报"
    assert bulletin.number == "督查室督办通报〔2026〕10号"
    assert bulletin.as_of == date(2026, 10, 31) and bulletin.issued_on == TODAY
    assert {h.caption: h.value for h in bulletin.headlines} == {
        "纳入督办的任务": "6 项", "累计已办结": "1 项", "2026年10月办结": "1 项", "逾期未办结": "1 项",
        "按期办结率": "50.0%（1/2）", "应报送进展": "5 次", "按时 / 迟报 / 未报": "1 / 1 / 3 次", "报送及时率": "20.0%"}
    assert bulletin.ranking_rows() == OCTOBER_RANKING
    assert bulletin.missing_rows() == [["乙局", 2, 2, "一（三） 完善监测预警；一（四） 加强宣传教育"],
                                       ["丙局", 1, 1, "一（五） 清理违规担保"]]
    assert bulletin.overdue_rows() == [["一（五）", "清理违规担保", "示范工作方案", "丙局", "2026年9月30日", 31]]
    assert bulletin.closed_rows() == [["一（一）", "建立风险台账", "示范工作方案", "甲局", "2026年10月31日", "2026年10月20日"]]
    assert bulletin.summary == OCTOBER_SUMMARY


def test_bulletin_of_a_quarter_still_running_counts_up_to_today(empty_app, world):
    with empty_app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "sup"))
        bulletin = build_bulletin(supervisor, parse_period("2026-Q4"), TODAY, "督查室")
    assert bulletin.number == "督查室督办通报〔2026〕季4号" and bulletin.as_of == TODAY
    headlines = {h.caption: h.value for h in bulletin.headlines}
    # closed in Q4: T1 (10-20), T5 (11-05); overdue on 11-21: T2; due or closed: T1, T2, T5, on time: T1
    assert headlines["2026年第四季度办结"] == "2 项"
    assert headlines["逾期未办结"] == "1 项" and headlines["按期办结率"] == "33.3%（1/3）"
    # November's reports are due 11-25 and Q4's on 12-25: October's 5 are owed so far (T1, closed 10-20 before
    # October's report day, owes none); November's and Q4's 5 are due but their day has not come (the summary's
    # "共应报送5次"; T5, closed 11-05 before November's report day, owes none); December has not begun
    assert headlines["应报送进展"] == "10 次（其中 5 次报送日2026年11月25日未到，不计迟报、未报）"
    assert "共应报送5次" in bulletin.summary
    assert [row[0] for row in bulletin.closed_rows()] == ["一（一）", "一（五）"]
    assert bulletin.overdue_rows() == [["一（二）", "开展专项排查", "示范工作方案", "甲局", "2026年11月10日", 11]]


def test_bulletin_refuses_liaisons_and_periods_not_begun(empty_app, world):
    with empty_app.app_context():
        liaison = db.session.scalar(select(User).where(User.username == "la"))
        supervisor = db.session.scalar(select(User).where(User.username == "sup"))
        with pytest.raises(PermissionDenied):
            build_bulletin(liaison, parse_period("2026-10"), TODAY, "督查室")
        with pytest.raises(InvalidInput, match="尚未开始"):
            build_bulletin(supervisor, parse_period("2026-12"), TODAY, "督查室")


def test_bulletin_docx_opens_with_title_number_summary_and_tables(empty_app, world):
    document = Document(BytesIO(write_docx(october(empty_app))))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["督查室督办通报〔2026〕10号", "关于2026年10月重点任务督办情况的通报",
                         "2026年11月21日（统计截至2026年10月31日）"]  # the page's date line
    assert OCTOBER_SUMMARY in texts
    assert texts[-2:] == ["督查室", "2026年11月21日"]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    ranking = next(t for t in tables if t[0][0] == "排名")
    assert ranking[1:] == [[str(v) for v in row] for row in OCTOBER_RANKING]
    missing = next(t for t in tables if t[0][0] == "单位")
    assert [row[0] for row in missing[1:]] == ["乙局", "丙局"]
    overdue = next(t for t in tables if t[0][:2] == ["序号", "任务"] and t[0][-1] == "逾期天数")
    assert overdue[1] == ["一（五）", "清理违规担保", "示范工作方案", "丙局", "2026年9月30日", "31"]


def test_bulletin_xlsx_opens_with_one_sheet_per_table(empty_app, world):
    workbook = openpyxl.load_workbook(BytesIO(write_xlsx(october(empty_app))))
    assert workbook.sheetnames == ["通报", "排名", "未报送单位", "逾期任务", "本期办结", "统计口径"]
    front = workbook["通报"]
    assert front["A1"].value == "关于2026年10月重点任务督办情况的通报"
    assert front["A2"].value == "督查室督办通报〔2026〕10号"
    assert front["A4"].value == OCTOBER_SUMMARY
    ranking = [list(row) for row in workbook["排名"].iter_rows(values_only=True)]
    assert ranking[0][:2] == ["排名", "单位"]
    assert ranking[1:] == [[cell if cell != "" else None for cell in row] for row in OCTOBER_RANKING]
    assert [r[0] for r in workbook["未报送单位"].iter_rows(min_row=2, values_only=True)] == ["乙局", "丙局"]
    assert [r[3] for r in workbook["逾期任务"].iter_rows(min_row=2, values_only=True)] == ["丙局"]


def test_bulletin_page_and_downloads(empty_app, world):
    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "关于2026年10月重点任务督办情况的通报" in page and OCTOBER_SUMMARY in page
    assert 'id="bulletin-ranking"' in page and 'id="bulletin-missing"' in page and 'id="bulletin-overdue"' in page
    docx = client.get("/bulletin.docx?period=2026-10")
    assert docx.status_code == 200 and docx.mimetype.endswith("wordprocessingml.document")
    assert "attachment" in docx.headers["Content-Disposition"]
    Document(BytesIO(docx.data))
    xlsx = client.get("/bulletin.xlsx?period=2026-Q4")
    assert xlsx.status_code == 200 and openpyxl.load_workbook(BytesIO(xlsx.data)).sheetnames[0] == "通报"
    bad = client.get("/bulletin?period=2026年10月")
    assert bad.status_code == 400 and "请写成 2026-10" in bad.get_data(as_text=True)
    future = client.get("/bulletin?period=2027-01")
    assert future.status_code == 400 and "尚未开始" in future.get_data(as_text=True)
    liaison = empty_app.test_client()
    sign_in(liaison, "la")
    assert liaison.get("/bulletin?period=2026-10").status_code == 403
    assert liaison.get("/bulletin.docx?period=2026-10").status_code == 403


def test_bulletin_command_writes_docx_and_xlsx(empty_app, world, tmp_path):
    runner = empty_app.test_cli_runner()
    docx_path = tmp_path / "通报.docx"
    result = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(docx_path)])
    assert result.exit_code == 0, result.output
    assert "关于2026年10月重点任务督办情况的通报" in [p.text for p in Document(str(docx_path)).paragraphs]
    xlsx_path = tmp_path / "通报.xlsx"
    assert runner.invoke(args=["bulletin", "--period", "2026-Q4", "-o", str(xlsx_path)]).exit_code == 0
    assert openpyxl.load_workbook(xlsx_path)["通报"]["A1"].value == "关于2026年第四季度重点任务督办情况的通报"
    wrong_type = runner.invoke(args=["bulletin", "--period", "2026-10", "-o", str(tmp_path / "通报.pdf")])
    assert wrong_type.exit_code == 2 and ".docx 或 .xlsx" in wrong_type.output
    wrong_period = runner.invoke(args=["bulletin", "--period", "十月", "-o", str(tmp_path / "x.docx")])
    assert wrong_period.exit_code == 2 and "2026-10" in wrong_period.output
    assert not (tmp_path / "x.docx").exists()


def bulletin_of(app, period_key, today):
    with app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "sup"))
        return build_bulletin(supervisor, parse_period(period_key), today, "督查室")


def test_bulletin_before_the_report_day_says_who_has_reported_and_that_the_day_has_not_come(empty_app, world):
    # November 21st, P1 takes reports by the 25th: nothing is owed yet, so nobody is late, but only
    # 乙局 has reported on both its tasks (T3 11-05, T4 11-03); 甲局 (T2, T4) has not. 丙局's T5, closed
    # 11-05 before the report day, owes no November report: 丙局 is not among the units expected.
    bulletin = bulletin_of(empty_app, "2026-11", TODAY)
    assert "各单位均已" not in bulletin.summary and "没有到期的进展报送" not in bulletin.summary
    assert ("2026年11月进展报送日为2026年11月25日，截至2026年11月21日尚未到报送日：应报送进展的2个单位中"
            "已有1个单位报送齐全（已报送2次，共应报送4次）。") in bulletin.summary
    assert bulletin.not_reported == []
    assert bulletin.missing_note == ("本期进展报送日（2026年11月25日）尚未到，暂无逾期未报送的单位；"
                                     "已有1个单位报送齐全，共2个单位应报送。")
    texts = [p.text for p in Document(BytesIO(write_docx(bulletin))).paragraphs]
    assert bulletin.missing_note in texts and "各单位均已按要求报送进展。" not in texts
    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get("/bulletin?period=2026-11").get_data(as_text=True)
    assert bulletin.missing_note in page and "各单位均已" not in page


def test_bulletin_after_the_report_day_names_the_late_units(empty_app, world, monkeypatch):
    after = date(2026, 11, 26)
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: after)
    bulletin = bulletin_of(empty_app, "2026-11", after)
    assert "尚未到报送日" not in bulletin.summary and "各单位均已" not in bulletin.summary
    # 丙局's T5 was closed 11-05, before the report day: it owes no November report, so 丙局 is not late
    assert "2026年11月应报送进展4次，按时报送2次，迟报0次，未报2次" in bulletin.summary
    assert "未按要求报送进展的单位：甲局，请于收到通报后及时补报。" in bulletin.summary
    assert [row[:3] for row in bulletin.missing_rows()] == [["甲局", 2, 2]]


def test_bulletin_ranks_only_units_with_something_to_rank(empty_app, world):
    # In November (as of the 21st) 乙局's tasks are not due and no report is owed yet: it is named
    # apart, not printed as a tie for the last place with "—".
    bulletin = bulletin_of(empty_app, "2026-11", TODAY)
    assert [(row[0], row[1]) for row in bulletin.ranking_rows()] == [(1, "甲局"), (2, "丙局")]
    assert bulletin.unranked == ["乙局"]
    assert "不参加排名：乙局。" in bulletin.unranked_note
    texts = [p.text for p in Document(BytesIO(write_docx(bulletin))).paragraphs]
    assert bulletin.unranked_note in texts


def test_bulletin_docx_has_the_official_a4_page_margins_and_page_numbers(empty_app, world):
    document = Document(BytesIO(write_docx(october(empty_app))))
    section = document.sections[0]
    millimetres = [round(v.mm) for v in (section.page_width, section.page_height, section.top_margin,
                                         section.bottom_margin, section.left_margin, section.right_margin)]
    assert millimetres == [210, 297, 37, 35, 28, 26]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, alignment in ((section.footer, "RIGHT"), (section.even_page_footer, "LEFT")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert paragraph.alignment.name == alignment
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert all(run.font.size.pt == 14 for run in paragraph.runs)  # 4号


def test_bulletin_xlsx_summary_row_is_high_enough_for_every_sentence(empty_app, world):
    from tracker.bulletin.writers import XLSX_LINE_POINTS, text_width
    bulletin = october(empty_app)
    bulletin.summary = bulletin.summary * 6  # a long summary: many units named
    front = openpyxl.load_workbook(BytesIO(write_xlsx(bulletin)))["通报"]
    assert front["A4"].value == bulletin.summary and front["A4"].alignment.wrap_text
    chars_per_line = front.column_dimensions["A"].width + front.column_dimensions["B"].width - 2
    lines = -(-text_width(bulletin.summary) // chars_per_line)
    assert front.row_dimensions[4].height >= lines * XLSX_LINE_POINTS
    assert front.row_dimensions[4].height <= 409


def test_bulletin_kept_between_requests_equals_the_bulletin_computed_from_nothing_after_each_change(empty_app, world):
    """The bulletin's task part is kept with the data it was computed at (services/figures/bulletin.py): a report
    filed or a task closed today leaves October's bulletin as it was (the very same one is returned), and after
    every change, for October, the running November and the quarter, the kept bulletin equals the one computed
    from nothing; on the page, a renamed task and a new due date show at once."""
    from tracker.models import JournalField, ProgressReport, Task, TaskStatus
    from tracker.services import journal
    from tracker.services.figures.cache import figures_cache
    from tracker.services.plans.task_editing import TaskEdit, edit_task
    from tracker.services.workflow.progress import add_report

    periods = ("2026-10", "2026-11", "2026-Q4")

    def sup() -> User:
        return db.session.scalar(select(User).where(User.username == "sup"))

    def bulletins() -> dict:
        return {key: build_bulletin(sup(), parse_period(key), TODAY, "督查室") for key in periods}

    def same() -> dict:
        kept = bulletins()
        figures_cache().clear()
        assert kept == bulletins()
        return kept

    def edit(task: str, **changes) -> None:
        current = db.session.get(Task, world.tasks[task])
        fields = dict(title=current.title, text=current.text, deadline=current.deadline or "",
                      due_date=current.due_date, lead_unit_ids=[unit.id for unit in current.lead_units],
                      supporting_unit_ids=[unit.id for unit in current.supporting_units])
        assert edit_task(current.id, sup(), TaskEdit(**{**fields, **changes}), current.version)

    def status(task: str, value: TaskStatus) -> None:
        changed = db.session.get(Task, world.tasks[task])
        journal.record(changed, JournalField.STATUS, changed.status, value, sup(), reported_on=TODAY)
        changed.status = value
        db.session.commit()

    with empty_app.app_context():
        first = same()
        add_report(db.session.get(Task, world.tasks["T2"]), db.session.get(User, world.users["la"]), "通过表单报送")
        db.session.add(ProgressReport(task_id=world.tasks["T4"], unit_id=world.units["A"], author_id=world.users["la"],
                                      created_at=datetime(2026, 11, 21, 1), progress="今日进展"))  # today
        db.session.commit()
        after_report = same()
        assert after_report["2026-10"] == first["2026-10"]
        assert after_report["2026-11"] != first["2026-11"]  # 甲局 has now reported on T4 this month
        october = bulletins()["2026-10"]
        status("T3", TaskStatus.CLOSED)  # closed today: October's figures stay
        assert bulletins()["2026-10"] is october
        same()
        db.session.add(ProgressReport(task_id=world.tasks["T3"], unit_id=world.units["B"], author_id=world.users["lb"],
                                      created_at=datetime(2026, 10, 20, 1), progress="补录十月进展"))  # backdated
        db.session.commit()
        backdated = same()
        assert backdated["2026-10"].ranking_rows() != after_report["2026-10"].ranking_rows()
        edit("T5", title="清理违规担保事项")  # named among October's overdue tasks
        assert bulletins()["2026-10"].overdue_rows()[0][1] == "清理违规担保事项"
        same()
        # named among 乙局's missing reports in October, and given a due date after October: no October figure moves
        edit("T4", title="加强宣传教育工作", due_date=date(2026, 12, 31))
        assert any("一（四） 加强宣传教育工作" in row[3] for row in bulletins()["2026-10"].missing_rows())
        same()
        edit("T2", due_date=date(2026, 10, 15))  # into October: overdue there
        assert [row[0] for row in bulletins()["2026-10"].overdue_rows()] == ["一（五）", "一（二）"]
        same()
        status("T1", TaskStatus.IN_PROGRESS)  # reopened: no longer closed in October
        assert same()["2026-10"].closed == []

    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "清理违规担保事项" in page and "2026年10月15日" in page
    with empty_app.app_context():
        edit("T5", title="清理违规担保问题")
    page = client.get("/bulletin?period=2026-10").get_data(as_text=True)
    assert "清理违规担保问题" in page and "清理违规担保事项" not in page


def test_bulletin_headline_and_summary_count_the_same_reports_due(empty_app, world):
    # The supervising office reads "共应报送4次" in the summary on November 21st (report day the 25th):
    # the headline's 应报送进展 must give the same 4, saying their day has not come, not "0 次".
    import re

    def headline(bulletin, caption):
        return next(h.value for h in bulletin.headlines if h.caption == caption)

    before = bulletin_of(empty_app, "2026-11", TODAY)
    in_summary = int(re.search(r"共应报送(\d+)次", before.summary).group(1))
    assert headline(before, "应报送进展") == f"{in_summary} 次（其中 {in_summary} 次报送日2026年11月25日未到，不计迟报、未报）"
    after = bulletin_of(empty_app, "2026-11", date(2026, 11, 26))
    in_summary = int(re.search(r"应报送进展(\d+)次", after.summary).group(1))
    assert headline(after, "应报送进展") == f"{in_summary} 次" and in_summary == 4
