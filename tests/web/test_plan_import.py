"""The supervising office imports the 重庆 plan: every measure becomes a task with its units."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from tests.helpers.paths import CHONGQING, CHONGQING_GOLD
from tracker.extensions import db
from tracker.models import Plan, Task, Unit
from tracker.parsing import read_plan_file
from tracker.services.plans.store import import_plan

GOLD = json.loads(CHONGQING_GOLD.read_text(encoding="utf-8"))


def names(units):
    return [u.name for u in units]


def test_import_plan_creates_twenty_tasks_with_the_gold_units(empty_app):
    with empty_app.app_context():
        result = import_plan(read_plan_file(CHONGQING), source_name=CHONGQING.name)
        tasks = db.session.scalars(select(Task).where(Task.plan_id == result.plan.id).order_by(Task.position)).all()
        assert result.task_count == 20
        assert [t.path for t in tasks] == [m["path"] for m in GOLD["measures"]]
        for task, measure in zip(tasks, GOLD["measures"]):
            assert task.title == measure["title"], task.path
            assert names(task.lead_units) == measure["lead_units"], task.path
            assert names(task.supporting_units) == measure["supporting_units"], task.path
            assert task.deadline == measure["deadline"]


def test_import_plan_links_each_measure_to_its_heading(empty_app):
    with empty_app.app_context():
        plan = import_plan(read_plan_file(CHONGQING)).plan
        tasks = {tuple(t.path): t for t in plan.tasks}
        assert tasks[("一", "（三）")].parent is tasks[("一",)]
        assert tasks[("四", "（四）")].parent is tasks[("四",)]
        assert all(tasks[(h,)].parent is None for h in "一二三四")
        assert len(tasks[("二",)].children) == 4


def test_import_plan_stores_the_header_metadata(empty_app):
    with empty_app.app_context():
        plan = import_plan(read_plan_file(CHONGQING)).plan
        assert (plan.title, plan.doc_number, plan.issuer) == (GOLD["title"], GOLD["doc_number"], GOLD["issuer"])
        assert plan.issued_on.isoformat() == "2016-06-20"
        assert "工作台账" in plan.source_text


def test_import_plan_creates_unknown_units_once_and_reuses_them(empty_app):
    with empty_app.app_context():
        first = import_plan(read_plan_file(CHONGQING))
        expected = {u for m in GOLD["measures"] for u in m["lead_units"] + m["supporting_units"]}
        assert set(first.new_units) == expected
        assert len(first.new_units) == len(expected)  # each new unit listed once
        second = import_plan(read_plan_file(CHONGQING))
        assert second.new_units == []
        assert db.session.scalar(select(func.count(Unit.id))) == len(expected)
        assert db.session.scalar(select(func.count(Plan.id))) == 2


def test_import_plan_matches_units_by_alias(app):
    """The seeded registry knows 人行重庆营管部 also as 中国人民银行重庆营业管理部."""
    text = "一、测试\n（一）测试条目。内容。（牵头单位：中国人民银行重庆营业管理部；配合单位：新设单位甲）\n"
    from tracker.parsing import parse_plan_text

    with app.app_context():
        result = import_plan(parse_plan_text(text), title="别名测试方案")
        task = [t for t in result.plan.tasks if t.level == 2][0]
        assert names(task.lead_units) == ["人行重庆营管部"]
        assert result.new_units == ["新设单位甲"]


def test_cli_import_plan_prints_the_plan_id_and_measure_count(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(CHONGQING)])
    assert result.exit_code == 0, result.output
    assert "plan_id=1 measures=20" in result.output
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Task.id))) == 20


def test_cli_parse_plan_prints_json_equal_to_the_gold_file(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(CHONGQING)])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    for field in ("title", "doc_number", "issuer"):
        assert parsed[field] == GOLD[field]
    assert len(parsed["measures"]) == len(GOLD["measures"])
    for got, want in zip(parsed["measures"], GOLD["measures"]):
        for field in ("path", "title", "lead_units", "supporting_units", "deadline"):
            assert got[field] == want[field], (want["path"], field)
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0  # parse-plan writes nothing


def test_cli_parse_plan_refuses_other_file_types_with_status_2(empty_app, tmp_path):
    sheet = tmp_path / "方案.wps"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0")
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(sheet)])
    assert result.exit_code == 2
    assert "方案.wps" in result.output  # the message names the file


def test_cli_parse_plan_of_a_damaged_pdf_exits_1_with_one_sentence(empty_app, tmp_path):
    broken = tmp_path / "方案.pdf"
    broken.write_bytes(b"%PDF-1.4\n")  # .pdf is read now (CONTRACTS §1); this one is damaged
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(broken)])
    assert result.exit_code == 1
    assert "不是有效的 PDF 文件" in result.output and "Traceback" not in result.output


def test_cli_import_plan_without_measures_fails_and_writes_nothing(empty_app, tmp_path):
    note = tmp_path / "通知.txt"
    note.write_text("关于召开会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(note)])
    assert result.exit_code == 1
    assert "通知.txt" in result.output
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0
