"""Kinds of writing fresh41's documents (795-798) showed and the parser lost (issue 13, branch kinds46).

1. A table copied as text whose merged cells (工作目标, 工作内容, written once on a group's first row) were dropped from
   the rows after the first, their separators left at the row's end: the row's cells are the header's last ones.
2. A standing clause after a dated time (`2024年6月底前，并长期坚持`) is the time's second clause, never a unit.
3. A table whose cells lost every separator on a document site (`序号工作内容目标任务责任单位备注1…`), cut into preview
   chunks that open a line with their own number: rows at the glued 序号, units and time read from each row's end, and a
   row whose end names no unit gets none.
4. A Word task cell opening with a date closed by 前 (`2024年6月底前,建成…`) in a table without a time column: the row's time.
5. `全年` (a time cell, an annotation's clause) is due at the end of the plan's year, as `年内` and `年底前` are; `全年推进`
   stays open, and without a year known there is no due date.
6. A unit cell `同上，县财政局`: the units of the row above in its column, then the one more.
Wording invented (GOLD-README "kinds46")."""
from __future__ import annotations

import datetime
import time

from tests.helpers.signed_plans import UNITS_AND_DEADLINE, read_signed_plan
from tests.helpers.word_tables import word_table
from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.annotations import parse_annotation_body
from tracker.vocabulary.units import is_area_unit, same_as_above_and


def _read(text: str) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) by path, of a pasted text."""
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline, m.due_date)
            for m in parse_plan_text(text).measures}


def _word(rows: list[list[str]], title: str = "某县2024年城乡建设重点任务分工表") -> dict[tuple[str, ...], tuple]:
    """The same fields of a .docx holding ``title`` and the table ``rows`` (header first)."""
    draft = read_plan_bytes(word_table(rows, title), "分工表.docx")
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline, m.due_date) for m in draft.measures}


# ---- kind 1 (and 2): rows that lost their merged leading cells, their pipes left at the end ------------------------

WATER_TABLE = """某县2024年城乡供水保障重点工作清单
| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |
| 一、提升城乡供水保障水平 | (一)改造老旧管网 | 1.更新城区老旧供水管网20公里。 | 县水务局 | 2024年10月底前 |
| 2.新建加压泵站两座,解决高层住户水压不足。 | 县住建局 | 2024年12月底前 | ||
| (二)保障农村饮水安全 | 3.开展农村集中供水工程水质抽检全覆盖。 | 县卫健局、县水务局按职责分工负责 | 2024年9月底前,并长期坚持 | |
| 4.建立农村供水工程管护台账。 | 各乡镇人民政府 | 2024年11月底前 | ||
"""


def test_a_row_that_lost_its_merged_cells_reads_its_cells_as_the_headers_last_ones():
    read = _read(WATER_TABLE)
    assert list(read) == [("一",), ("一", "(一)"), ("一", "(一)", "1"), ("一", "(一)", "2"),
                          ("一", "(二)"), ("一", "(二)", "3"), ("一", "(二)", "4")]
    assert read[("一", "(一)", "2")] == (["县住建局"], [], "2024年12月底前", datetime.date(2024, 12, 31))
    # a new 工作内容 cell opens the next group under the same 工作目标; its row's time keeps its first clause only
    assert read[("一", "(二)", "3")] == (["县卫健局", "县水务局"], [], "2024年9月底前", datetime.date(2024, 9, 30))
    assert read[("一", "(二)", "4")] == (["各乡镇人民政府"], [], "2024年11月底前", datetime.date(2024, 11, 30))
    assert read[("一", "(二)")] == ([], [], None, None)  # a heading: no unit, no time


def test_a_row_whose_empty_last_cells_are_its_own_stays_in_place():
    # a Word table's row with an empty 备注 and an empty time: its cells are where it writes them
    read = _read("某县2024年重点工作清单\n| 序号 | 重点任务 | 责任单位 | 完成时限 | 备注 |\n"
                 "| 1 | 建成县城污水处理厂二期。 | 县住建局 | | |\n"
                 "| 2 | 开展河道清淤。 | | | |\n")
    assert read[("1",)] == (["县住建局"], [], None, None)
    assert read[("2",)] == ([], [], None, None)


def test_a_standing_clause_after_a_dated_time_is_never_a_unit():
    read = read_signed_plan("某县2024年防汛工作方案", [
        "一、排查全县病险水库。（责任单位：县水利局，2024年6月底前，并长期坚持）",
        "二、清理城区排水河道。（县水务局负责，2024年5月底前，长期坚持）",
    ], "某县人民政府办公室\n2024年3月1日", UNITS_AND_DEADLINE)
    assert read[("一",)] == (["县水利局"], [], "2024年6月底前", datetime.date(2024, 6, 30))
    assert read[("二",)] == (["县水务局"], [], "2024年5月底前", datetime.date(2024, 5, 31))
    annotation = parse_annotation_body("配合单位：县财政局；2024年底前，并持续推进")
    assert annotation is not None and annotation.entries == [("supporting", "县财政局")]
    assert annotation.deadline == "2024年底前"


# ---- kind 3: a table whose cells lost every separator ---------------------------------------------------------------

GLUED_TABLE = """某县农村人居环境整治任务分工表.docx
《某县农村人居环境整治任务分工表.docx》由会员分享,可在线阅读,更多相关《某县农村人居环境整治任务分工表.docx(5页珍藏版)》请在某文库上搜索。
1、某县农村人居环境整治任务分工表序号工作内容目标任务责任单位备注1开展村庄清洁行动,清理房前屋后杂物。2024年5月底前,完成全部行政村清理。县农业农村局、县住建局,各乡镇人民政府2推进农村厕所改造,完善后续管护机制。2024年8月底前,新改户厕300户。县农业农村局,县卫
2、健局3加强宣传引导,营造全民参与氛围
"""


def test_a_table_whose_cells_lost_every_separator_reads_its_rows_units_and_times():
    draft = parse_plan_text(GLUED_TABLE)
    assert draft.title == "某县农村人居环境整治任务分工表"  # the file's name, its extension no word of it
    read = {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline, m.due_date) for m in draft.measures}
    assert list(read) == [("1",), ("2",), ("3",)]  # the chunk marks (1、 2、) are no items
    assert read[("1",)] == (["县农业农村局", "县住建局", "各乡镇人民政府"], [], "2024年5月底前", datetime.date(2024, 5, 31))
    # a name a chunk mark cut ("县卫" / "2、健局") reads closed up; "300户" is a figure, no row 3
    assert read[("2",)] == (["县农业农村局", "县卫健局"], [], "2024年8月底前", datetime.date(2024, 8, 31))
    # a row whose end names no unit gets none: no unit is made of its words
    assert read[("3",)] == ([], [], None, None)


def test_a_glued_row_reads_its_time_then_its_units_from_its_end():
    text = ("某街道2024年垃圾分类工作任务清单.docx\n"
            "1、某街道2024年垃圾分类工作任务清单序号任务名称目标内容主要责任单位完成期限1源头减量推行净菜上市,减少厨余垃圾产生。"
            "社区(村)、街道城管科等按职责分工负责全年2设施提升新建垃圾分类投放点12个。街道城管科2024年10月底前\n")
    read = _read(text)
    # 全年 is the deadline as written; no year is known (no signature), so it has no due date
    assert read[("1",)] == (["社区(村)", "街道城管科"], [], "全年", None)
    assert read[("2",)] == (["街道城管科"], [], "2024年10月底前", datetime.date(2024, 10, 31))


def test_a_level_with_its_kinds_in_brackets_is_a_named_group_without_its_ge():
    assert is_area_unit("镇(街道)") and is_area_unit("乡镇（街道）") and is_area_unit("社区(村)")
    assert not is_area_unit("镇") and not is_area_unit("街道")  # a bare level stays no unit
    read = _read("某区2024年重点任务清单\n| 序号 | 重点任务 | 主要责任单位 | 完成期限 |\n"
                 "| 1 | 开展垃圾分类入户宣传。 | 镇(街道)、区委宣传部等按职责分工负责 | 2024年6月底前 |\n")
    assert read[("1",)] == (["镇(街道)", "区委宣传部"], [], "2024年6月底前", datetime.date(2024, 6, 30))


def test_reading_a_long_glued_table_stays_linear():
    row = "开展巡查,整改发现的问题{}处。2024年{}月底前,完成整改。县城管局、县住建局"
    def text(rows: int) -> str:
        body = "".join(f"{n}{row.format(n * 7, n % 12 + 1)}" for n in range(1, rows + 1))
        return "某县整治任务分工表\n某县整治任务分工表序号工作内容目标任务责任单位备注" + body + "\n"
    started = time.perf_counter()
    small = parse_plan_text(text(40))
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    large = parse_plan_text(text(400))
    large_time = time.perf_counter() - started
    assert len(small.measures) == 40 and len(large.measures) == 400
    assert large.measures[-1].lead_units == ["县城管局", "县住建局"]
    assert large_time < 40 * max(small_time, 0.05)  # ten times the rows: far less than a hundred times the time


# ---- kind 5: the whole year, dated as 年内 and 年底前 ----------------------------------------------------------------

def test_the_whole_year_is_due_at_the_end_of_the_plans_year_and_work_through_it_stays_open():
    read = read_signed_plan("某区2024年爱国卫生工作要点", [
        "一、开展病媒生物防制。（区卫健委负责，全年）",
        "二、巩固国家卫生城市成果。（区爱卫办牵头，全年推进）",
        "三、整治农贸市场环境卫生。（区市场监管局负责，年内完成）",
    ], "某区人民政府办公室\n2024年2月20日", UNITS_AND_DEADLINE)
    assert read[("一",)] == (["区卫健委"], [], "全年", datetime.date(2024, 12, 31))
    assert read[("二",)] == (["区爱卫办"], [], "全年推进", None)  # work through the year: open (kinds43)
    assert read[("三",)][2:] == ("年内", datetime.date(2024, 12, 31))  # the rule 全年 now follows


# ---- kind 4: a Word task cell opening with its time -----------------------------------------------------------------

def test_a_word_goal_cell_opening_with_a_date_closed_by_qian_gives_the_row_its_time():
    read = _word([["序号", "工作内容", "目标任务", "责任单位"],
                  ["1", "建设城市口袋公园。", "2024年6月底前,建成口袋公园5个。", "县住建局"],
                  ["2", "扩大城区绿地。", "到2025年,城区绿地率达40%以上。", "县林业局"],
                  ["3", "整治背街小巷。", "完成背街小巷整治20条,2024年底前全部验收。", "县城管局"]])
    assert read[("1",)] == (["县住建局"], [], "2024年6月底前", datetime.date(2024, 6, 30))
    assert read[("2",)] == (["县林业局"], [], None, None)  # a year the goal aims at is a target, not the row's time
    assert read[("3",)] == (["县城管局"], [], None, None)  # a date inside the goal's words is none either


# ---- kind 6: a unit cell that says 同上 and names one more -----------------------------------------------------------

def test_a_unit_cell_saying_same_as_above_and_one_more_takes_both():
    assert same_as_above_and("同上，县财政局") == "县财政局"
    assert same_as_above_and("同上一项、县审计局、县统计局") == "县审计局、县统计局"
    assert same_as_above_and("同上") is None and same_as_above_and("同上级要求") is None
    read = _word([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                  ["1", "建立城乡低保动态调整机制。", "县民政局", "县人社局", "2024年6月底前"],
                  ["2", "落实困难群众救助资金。", "同上", "同上，县财政局", "2024年9月底前"],
                  ["3", "开展救助政策宣传。", "县民政局", "同上", "2024年12月底前"]])
    assert read[("2",)][:2] == (["县民政局"], ["县人社局", "县财政局"])
    assert read[("3",)][:2] == (["县民政局"], ["县人社局", "县财政局"])  # 同上 again: the row above's, as read
