"""Task tables whose unit columns name the issuing body's own departments (issue 13, branch fresh50).

A ministry's 重点工作分工 table captions its unit columns by its departments, 司局 ("牵头司局 | 配合司局", "牵头负责司局",
"责任司局"), as a province's 厅 writes 处室 and a 党委's office 部室; main knew 处室 and 科室 but no 司局, so such a table read
every row with no unit at all, and the same captions in an item's bracket ("（牵头司局：…；配合司局：…）") were read as
nothing. A 配合司局 cell of "各司局" or "相关处室" names none of the body's departments: a vague collective, never a unit.
The stories below tell each kind with invented bodies, departments and dates (GOLD-README "fresh50")."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.units import is_vague_collective


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


_MINISTRY = ("某部2025年重点工作任务分工方案\n\n"
             "序号\t重点任务\t{lead}\t{supporting}\t完成时限\n"
             "1\t修订统计调查项目管理办法，健全审批备案制度。\t办公厅、法规司\t规划司\t2025年6月底前\n"
             "2\t开展年度数据质量专项核查。\t执法监督局\t综合司、财务司\t2025年12月底前\n")


@pytest.mark.parametrize(("lead", "supporting"), [("牵头司局", "配合司局"), ("牵头负责司局", "参加司局"),
                                                   ("主办司局", "协办司局"), ("牵头厅局", "配合厅局")])
def test_a_ministry_table_captioned_by_its_departments_reads_each_rows_departments(lead, supporting):
    """A ministry's 分工方案, pasted from its Word table, names each row's departments under 牵头司局 and 配合司局 (or the
    other words of the same roles): each row's lead and supporting units are the departments written in its cells."""
    assert _read(_MINISTRY.format(lead=lead, supporting=supporting)) == {
        ("1",): (["办公厅", "法规司"], ["规划司"], "2025年6月底前"),
        ("2",): (["执法监督局"], ["综合司", "财务司"], "2025年12月底前"),
    }


def test_a_responsible_department_column_alone_names_the_lead_and_beside_a_lead_column_the_others():
    """责任司局 alone names who leads the row, as 责任单位 does; beside a 牵头司局 column it names those who carry the
    work out with the lead, supporting units."""
    alone = _MINISTRY.replace("\t{supporting}", "").replace("\t规划司", "").replace("\t综合司、财务司", "")
    assert _read(alone.format(lead="责任司局")) == {
        ("1",): (["办公厅", "法规司"], [], "2025年6月底前"),
        ("2",): (["执法监督局"], [], "2025年12月底前"),
    }
    assert _read(_MINISTRY.format(lead="牵头司局", supporting="责任司局")) == {
        ("1",): (["办公厅", "法规司"], ["规划司"], "2025年6月底前"),
        ("2",): (["执法监督局"], ["综合司", "财务司"], "2025年12月底前"),
    }


def test_an_items_bracket_captioned_by_departments_names_its_units():
    """A ministry's 工作要点 written as prose closes an item with its departments in a bracket: the captions 牵头司局 and
    配合司局 give the lead and supporting units, as 牵头单位 and 配合单位 would."""
    text = ("某部2025年工作要点\n\n一、健全统计调查制度\n"
            "1.修订年度报表制度，健全调查体系。（牵头司局：综合司；配合司局：法规司、规划司；完成时限：2025年6月底前）\n"
            "2.推进数据质量提升。（责任司局：执法监督局）\n")
    read = _read(text)
    assert read[("一", "1")] == (["综合司"], ["法规司", "规划司"], "2025年6月底前")
    assert read[("一", "2")] == (["执法监督局"], [], None)


@pytest.mark.parametrize("name", ["相关处室", "有关司局", "部内有关司局", "其他处室", "其他有关科室", "机关各有关处室"])
def test_the_bodys_departments_concerned_named_by_no_name_are_a_vague_collective(name):
    """"相关处室", "有关司局" in a 配合司局 cell point at no department in particular: like 各有关部门, never a unit."""
    assert is_vague_collective(name)


@pytest.mark.parametrize("name", ["各司局", "机关各处室", "局机关各科室", "部内各司局", "各科室", "局各股室", "厅机关各处室"])
def test_every_department_of_the_body_is_a_named_group(name):
    """"机关各处室配合" gives the work to every division of the body, each of which answers: a named group like 区直各部门
    (audit27's 各科室, fresh43's 各股室, wave 28's 厅机关各处室), not a vague collective."""
    assert not is_vague_collective(name)


@pytest.mark.parametrize("name", ["办公厅", "法规司", "规划处", "人事处", "执法监督局", "综合科"])
def test_a_named_department_is_no_vague_collective(name):
    assert not is_vague_collective(name)


def test_the_ledger_reader_knows_the_department_captions_too():
    """The caption vocabulary is shared: a 工作台账 exported by a ministry with 牵头司局 | 配合司局 columns maps them to the
    lead and supporting units, as the plan parser does."""
    assert match_caption("牵头司局") == ("牵头单位", "牵头司局")
    assert match_caption("配合司局") == ("配合单位", "配合司局")
    assert match_caption("责任司局（单位）")[0] == "牵头单位"
