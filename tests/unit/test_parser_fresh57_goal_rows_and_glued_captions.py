"""Stories of branch fresh57 (GOLD-README "fresh57"): units lost in a target-responsibility table and in captions glued
to one another.

1. A county's 目标任务责任分解表 copied out of Word one cell a line, without cell bars: its goal rows write their 序号 cell
   as a bare numeral on a line of its own (`二`, no 、) and their goal on the next (`民生保障目标`). The first goal row
   read, but a later one, after a whole row, went on that row: its lead unit became `二` and the goal's rows lost their
   parent. A bare numeral after a whole row, followed by a short title and a row's 序号, is a goal row of its own.
2. A town's plan writes each item's captions after a comma inside its sentence, the units glued to the next caption
   (`…抓好落实，牵头单位：镇城建办完成时限：2025年10月底前。`): the time was read, the lead unit not; with a 配合单位
   glued too, the composed caption `服务中心配合单位` swallowed the lead's name. A run of captions closing the sentence
   after a comma gives its units, and a listed caption glued to the value before it is that caption.
3. The same table's header copied from narrow Word cells: `主要` / `责任单位` (the lead column's caption wrapped) before
   the column `责任单位`; the header run stopped at the second `责任单位`, as a header names each column once. A wrapped
   caption is named once as the whole caption it makes.

The documents are invented; every story but the guards fails on main (9e1c660d).
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _units(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str], str | None]]:
    """Path -> (lead units, supporting units, deadline as written) of every measure of the plan ``text``."""
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


_GOAL_TABLE = """某县2025年目标任务责任分解表
序号
目标任务
工作措施
主要责任单位
责任单位
完成时限
一
产业发展目标
1
规模以上工业增加值增长8%
1.加快技改项目建设。
2.推动企业扩产增效。
县工信局
县发改局、县财政局
2025年12月底前
2
新增规上企业10家
建立企业培育库
县工信局
县统计局
2025年11月底前
二
民生保障目标
{first}
新增城镇就业2000人
落实创业担保贷款政策
县人社局
县财政局、县就业服务中心
全年
三
安全稳定目标
{second}
生产安全事故起数下降10%
开展隐患排查整治
县应急管理局
各乡镇
2025年12月底前
"""


def test_a_later_goal_row_written_as_a_bare_numeral_a_line_is_a_row_of_its_own_with_its_rows_below():
    plan = _units(_GOAL_TABLE.format(first="3", second="4"))
    assert plan[("一", "2")] == (["县工信局"], ["县统计局"], "2025年11月底前")
    assert plan[("二",)] == ([], [], None)
    assert plan[("二", "3")] == (["县人社局"], ["县财政局", "县就业服务中心"], "全年")
    assert plan[("三", "4")] == (["县应急管理局"], ["各乡镇"], "2025年12月底前")


def test_numbering_that_restarts_under_each_goal_row_reads_the_same():
    plan = _units(_GOAL_TABLE.format(first="1", second="1"))
    assert list(plan) == [("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "1"), ("三",), ("三", "1")]
    assert plan[("二", "1")][0] == ["县人社局"]


def test_a_bare_numeral_inside_a_row_is_still_no_goal_row():
    # guard: a numeral line that no short title and 序号 follow stays a cell of the row (its words)
    text = ("某县重点任务分解表\n序号\n工作任务\n牵头单位\n完成时限\n1\n建设污水处理厂\n县住建局\n2025年12月底前\n"
            "2\n二\n县水利局\n2025年10月底前\n")
    plan = _units(text)
    assert plan[("2",)][0] == ["县水利局"]


def test_a_caption_after_a_comma_glued_to_the_time_caption_gives_the_lead():
    plan = _units("某镇2025年人居环境整治工作方案\n一、工作任务\n"
                  "（一）开展村庄清洁行动。组织各村集中清理垃圾，抓好落实，牵头单位：镇城建办完成时限：2025年10月底前。\n"
                  "（二）推进厕所改造。完成户厕改造100户，牵头单位：镇农业服务中心配合单位：各村委会完成时限：2025年11月底前。\n"
                  "（三）整治农村道路。修复破损路面，牵头单位：镇交通办，完成时限：2025年9月底前。\n")
    assert plan[("一", "（一）")] == (["镇城建办"], [], "2025年10月底前")
    assert plan[("一", "（二）")] == (["镇农业服务中心"], ["各村委会"], "2025年11月底前")
    assert plan[("一", "（三）")] == (["镇交通办"], [], "2025年9月底前")


def test_a_caption_after_a_comma_followed_by_work_still_gives_no_unit():
    # guard: the words after the units are work, not captions (GOLD-README "Units": a duty followed by another clause)
    plan = _units("某镇2025年人居环境整治工作方案\n一、工作任务\n"
                  "（一）开展村庄清洁行动。组织各村集中清理垃圾，牵头单位：镇城建办，加强督导检查。\n")
    assert plan[("一", "（一）")][:2] == ([], [])


def test_a_lead_caption_wrapped_in_its_narrow_cell_beside_a_column_of_the_same_last_words_is_one_caption():
    # 3. The same table's header copied one cell a line from a narrow Word cell: `主要` / `责任单位`, then the next column
    # `责任单位`. The header stopped at the second `责任单位` (a header names each column once), and no unit was read.
    text = ("某县2025年目标任务责任分解表\n序号\n目标任务\n工作措施\n主要\n责任单位\n责任单位\n完成\n时限\n"
            "1\n规模以上工业增加值增长8%\n加快技改项目建设\n县工信局\n县发改局、县财政局\n2025年12月底前\n"
            "2\n新增规上企业10家\n建立企业培育库\n县工信局\n县统计局\n2025年11月底前\n")
    plan = _units(text)
    assert plan[("1",)] == (["县工信局"], ["县发改局", "县财政局"], "2025年12月底前")
    assert plan[("2",)] == (["县工信局"], ["县统计局"], "2025年11月底前")


def test_a_caption_run_after_a_comma_goes_on_past_semicolons_and_to_an_item_without_a_stop():
    # the same captions apart by semicolons gave the lead alone (the run was cut at the first ；), and an item that ends
    # without its stop gave none
    plan = _units("某县2025年城乡环境整治工作方案\n一、工作任务\n"
                  "（一）清理河道垃圾。组织沿河乡镇集中清理，抓好落实，牵头单位：县水利局；配合单位：县财政局；"
                  "完成时限：2025年10月底前。\n"
                  "（二）整治农村道路。修复破损路面，牵头单位：县交通运输局完成时限：2025年9月底前\n")
    assert plan[("一", "（一）")] == (["县水利局"], ["县财政局"], "2025年10月底前")
    assert plan[("一", "（二）")] == (["县交通运输局"], [], "2025年9月底前")
