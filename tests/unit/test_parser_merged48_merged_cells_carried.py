"""Cells merged down a table, written once (issue 13, branch merged48).

A county bureau's task table copied one cell per line wrote its merged 指标, 完成时限, 责任领导 and unit cells only on the
first row they span, so the rows under it read no time and no unit (fresh43's 787). The stories below tell the kind in
invented words (GOLD-README "fresh43", "merged48"). The branch's second rule (a last item cut mid-sentence by the copy's end
is no measure) was reverted at the merge: GOLD-README's standing rule keeps such an item."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


_HEADER = "序号\n类别\n工作内容\n完成时间\n分管领导\n责任科室\n(单位)\n备注\n"


# --- a table one cell per line whose merged cells are written on their first row only ---

def test_rows_under_a_merged_time_leader_and_unit_cell_take_them_until_a_row_writes_its_own():
    read = _read("某区农业农村局年度重点工作任务表\n" + _HEADER
                 + "1\n种植业\n新建高标准农田2万亩。\n11月底前\n张明\n农田建设科\n农技站\n"
                   "2\n推广绿色防控技术。\n"
                   "3\n开展耕地质量监测。\n土肥站\n"
                   "4\n畜牧业\n完成生猪出栏10万头。\n9月底前\n李华\n畜牧科\n"
                   "5\n抓好动物防疫工作。\n")
    assert read[("1",)] == (["农田建设科", "农技站"], [], "11月底前")
    assert read[("2",)] == (["农田建设科", "农技站"], [], "11月底前")
    assert read[("3",)] == (["土肥站"], [], "11月底前")
    assert read[("4",)] == (["畜牧科"], [], "9月底前")
    assert read[("5",)] == (["畜牧科"], [], "9月底前")


def test_a_row_whose_first_line_reads_like_a_unit_keeps_it_as_its_category_and_its_third_line_is_its_unit():
    read = _read("某县文旅局工作任务\n" + _HEADER
                 + "1\n文物\n完成文物普查。\n12月底前\n王强\n文物科\n"
                   "2\n广电\n建成应急广播平台。\n广播电视股\n"
                   "3\n完成村村通维护。\n")
    assert read[("2",)] == (["广播电视股"], [], "12月底前")
    assert read[("3",)] == (["广播电视股"], [], "12月底前")


def test_a_row_writing_its_own_time_but_no_unit_left_its_unit_cell_empty_so_no_unit_is_carried_to_it():
    read = _read("某局工作任务\n" + _HEADER
                 + "1\n综合\n完成年度总结。\n12月底前\n赵刚\n办公室\n"
                   "2\n做好信息报送。\n6月底前\n赵刚\n"
                   "3\n规范档案管理。\n")
    assert read[("1",)][0] == ["办公室"]
    assert ("2",) in read and all(not units for path, (units, _, _) in read.items() if path != ("1",))
