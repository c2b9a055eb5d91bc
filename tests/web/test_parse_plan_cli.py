"""The parse-plan command on files it can read only in part, or not at all (issue 13): it prints
what it read, and exits 1 with one Chinese sentence only when nothing at all could be read."""
from __future__ import annotations

import json


def test_parse_plan_exits_1_with_one_sentence_when_nothing_can_be_read(empty_app, tmp_path):
    note = tmp_path / "通知.txt"
    note.write_text("关于召开会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(note)])
    assert result.exit_code == 1
    assert "未识别到编号条目" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_parse_plan_of_a_task_table_prints_its_rows(empty_app, tmp_path):
    table = tmp_path / "分工表.txt"
    table.write_text("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t建立工作台账。\t区金融办\t区财政局\t2024年6月底前\n",
                     encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(table)])
    assert result.exit_code == 0, result.output
    measures = json.loads(result.stdout)["measures"]
    assert [(m["path"], m["lead_units"]) for m in measures] == [(["1"], ["区金融办"])]


def test_parse_plan_of_a_huge_list_is_capped_with_a_clear_warning(empty_app, tmp_path):
    big = tmp_path / "大文件.txt"
    big.write_text("".join(f"{i % 50 + 1}. 第{i}项任务。\n" for i in range(6000)), encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["parse-plan", str(big)])
    assert result.exit_code == 0
    parsed = json.loads(result.stdout)
    assert len(parsed["measures"]) == 5000
    assert parsed["warnings"][0].startswith("条目过多：一份方案最多读取 5000 个编号条目")


def test_import_plan_never_makes_a_unit_of_a_vague_collective(empty_app, tmp_path):
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import Unit

    plan = tmp_path / "方案.txt"
    plan.write_text("某市保障工作方案\n一、做好保障工作。（市发展改革委等有关部门和单位）\n"
                    "二、抓好落实。（各有关单位、各省级人民政府负责）\n", encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(plan)])
    assert result.exit_code == 0, result.output
    with empty_app.app_context():
        names = set(db.session.scalars(select(Unit.name)))
    assert {"市发展改革委", "各省级人民政府"} <= names
    assert not names & {"有关部门和单位", "各有关单位"}
