"""Task tables of the kinds the held-out part still lost (issue 13, branch tables31).

1. A city's 目标任务 table grouped by the unit that leads (``牵头单位 | 目 标 任 务 | 责 任 单 位``, captions written spaced):
   the lead cell is merged over its group's rows, and a text copy wraps it in its narrow column over several lines
   (``市政`` / ``府办`` / ``公厅``), on lines of its own or in the first cell of the rows it spans, one cell per line or
   with tabs or pipes; its tasks may open with their own numbers ("1.…"). Every row is a measure whose lead is the
   group's whole name and whose 责任单位 are its supporting units; a row that writes its task only (its other cells
   empty, their tabs lost) is still a row of the group.
2. A Word 分工表 whose group rows (``一、…``, ``（一）…``, ``1.约束性指标。``) are merged across every cell: read once each
   whether the reader gives the text once (Word's gridSpan, the other cells empty, their tabs lost when the text is
   cleaned) or in every cell (a merge python-docx does not see, or a paste of such a reading), three levels one under
   another included; the item rows under them keep their 牵头单位 and 责任单位.
3. A table laid out one cell per line with no 序号 and two columns of words (``项目名称 | 建设内容 | 建设时间 | 责任单位``,
   ``实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位``): rows are read by the header's columns and what each line holds (a
   year is a time, a unit's name a unit), an empty cell having no line; a row whose lines cannot be told apart gives a
   Chinese warning naming its line instead of a wrong row.

The wording is invented, after the 目标任务 tables of city and county offices."""
from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.readers import docx_text
from tracker.parsing.tables import UNPLACED_ROW_WARNING

TITLE = ["青禾市2023年目标任务分解表", ""]
HEADER = ["牵头单位", "目 标 任 务", "责 任 单 位"]

# (the lead's pieces as the narrow column wraps them, the group's rows: (task, supporting units))
GROUPS = [(["市政", "府办", "公厅"], [("深化政务公开，完成年度政务公开考核。", ["各县区政府"]),
                                  ("提升12345热线接通率至95%以上。", ["市大数据局", "各县区政府"]),
                                  ("推进“一网通办”，全程网办率达到80%。", ["市大数据局"])]),
          (["市发", "改委"], [("全市地区生产总值增长6%左右。", ["各县区政府", "市统计局"]),
                            ("固定资产投资增长8%。", ["各县区政府"])])]


def read(lines: list[str]):
    document = parse_plan_text("\n".join(TITLE + lines))
    return [(m.path, m.lead_units, m.supporting_units) for m in document.measures]


def expected():
    rows = [("".join(pieces), units) for pieces, group in GROUPS for _, units in group]
    return [([str(n)], [lead], units) for n, (lead, units) in enumerate(rows, 1)]


def numbered_tasks():
    """The tasks of GROUPS numbered through the table as the office numbered them ("1.深化…")."""
    numbered, n = [], 0
    for pieces, group in GROUPS:
        rows = []
        for task, units in group:
            n += 1
            rows.append((f"{n}.{task}", units))
        numbered.append((pieces, rows))
    return numbered


def one_cell_a_line(groups) -> list[str]:
    lines = list(HEADER)
    for pieces, group in groups:
        lines += pieces
        for task, units in group:
            lines += [task, "、".join(units)]
    return lines


@pytest.mark.parametrize("numbered", [False, True], ids=["tasks_unnumbered", "tasks_numbered"])
def test_a_lead_first_table_copied_one_cell_a_line_gives_every_row_its_groups_whole_lead(numbered):
    assert read(one_cell_a_line(numbered_tasks() if numbered else GROUPS)) == expected()


def test_numbered_items_after_a_lead_first_table_stay_the_plans_own():
    lines = one_cell_a_line(numbered_tasks()) + ["二、工作要求", "1.各牵头单位要加强统筹。"]
    paths = [path for path, _, _ in read(lines)]
    assert paths[:5] == [["1"], ["2"], ["3"], ["4"], ["5"]]
    assert paths[5:] == [["二"], ["二", "1"]]


def test_a_lead_wrapped_beside_the_rows_it_spans_is_one_name_for_all_of_them():
    # a text copy of the merged cell: its lines fall beside the rows it spans, the third row's cell left empty
    for joint in ("\t", " | "):
        lines = [joint.join(HEADER)]
        for pieces, group in GROUPS:
            for at, (task, units) in enumerate(group):
                lines.append(joint.join([pieces[at] if at < len(pieces) else "", task, "、".join(units)]))
        assert read(lines) == expected(), joint


def test_a_row_writing_its_task_only_stays_a_row_of_its_group():
    lines = ["\t".join(HEADER), "市发改委\t甲项工作推进。\t", "\t乙项工作推进。\t", "市财政局\t丙项工作推进。\t",
             "\t丁项工作推进。\t市税务局", "\t戊项工作推进。\t"]
    assert read(lines) == [(["1"], ["市发改委"], []), (["2"], ["市发改委"], []), (["3"], ["市财政局"], []),
                           (["4"], ["市财政局"], ["市税务局"]), (["5"], ["市财政局"], [])]


def test_a_remark_closing_the_file_after_a_groups_first_row_stays_the_remark():
    lines = ["\t".join(HEADER), "市发改委\t甲项工作推进。\t市财政局", "市财政局\t乙项工作推进。\t", "以上任务请各单位认真落实。"]
    assert read(lines) == [(["1"], ["市发改委"], ["市财政局"]), (["2"], ["市财政局"], [])]


def test_a_county_lead_two_characters_a_line_is_one_name_though_each_piece_reads_as_a_unit():
    lines = list(HEADER) + ["县发", "改局", "1.全县生产总值增长7.5%左右。", "县财政局、县税务局",
                            "县财", "政局", "2.严控“三公”经费。", "县司", "法局", "3.坚持县政府常务会议集体学法。"]
    assert read(lines) == [(["1"], ["县发改局"], ["县财政局", "县税务局"]), (["2"], ["县财政局"], []),
                           (["3"], ["县司法局"], [])]


_NAMES = ["市教育局", "市民政局", "市财政局", "市商务局", "市文旅局", "市卫健委", "市应急局", "市审计局"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.integers(1, 3), st.sampled_from([1, 2, 4])),
                min_size=1, max_size=4, unique_by=lambda group: group[0]), st.booleans())
def test_any_lead_wrapped_at_any_width_leads_each_row_of_its_group(groups, numbered):
    lines = list(HEADER)
    want = []
    for name, rows, width in groups:
        lines += [name[at:at + width] for at in range(0, len(name), width)]
        for row in range(rows):
            want.append((name, f"完成{name}第{row + 1}项任务。"))
            lines += [f"{len(want)}.{want[-1][1]}" if numbered else want[-1][1], "各县区政府"]
    assert read(lines) == [([str(n)], [lead], ["各县区政府"]) for n, (lead, _) in enumerate(want, 1)]


# ---- 2. A Word 分工表's group rows merged across every cell ----------------------------------------------------------------

FENGONG_HEADER = ["序号", "主要目标和任务", "牵头单位", "责任单位"]
# (group rows above the item, or None; the item's 序号, task, lead, supporting units)
FENGONG = [(["一、主要目标和任务分工", "（一）经济发展目标", "1.约束性指标。"],
            "（1）", "单位地区生产总值能耗降低完成省下达任务。", "市发改委", "市工信局、市统计局"),
           (None, "（2）", "单位地区生产总值二氧化碳排放降低完成省下达任务。", "市生态环境局", "市发改委"),
           (["2.预期性指标。"], "（1）", "地区生产总值年均增长6%左右。", "市发改委", "市统计局"),
           (["（二）民生福祉目标"], "（1）", "城镇新增就业完成省下达任务。", "市人力社保局", "各县区政府")]
FENGONG_READ = [(["一"], [], []), (["一", "（一）"], [], []), (["一", "（一）", "1"], [], []),
                (["一", "（一）", "1", "（1）"], ["市发改委"], ["市工信局", "市统计局"]),
                (["一", "（一）", "1", "（2）"], ["市生态环境局"], ["市发改委"]),
                (["一", "（一）", "2"], [], []), (["一", "（一）", "2", "（1）"], ["市发改委"], ["市统计局"]),
                (["一", "（二）"], [], []), (["一", "（二）", "（1）"], ["市人力社保局"], ["各县区政府"])]


def fengong_docx(every_cell: bool) -> str:
    """The 分工表 as a Word file read by the .docx reader: each group row one cell merged across the table (gridSpan),
    or, ``every_cell``, its text in each cell with Word's horizontal merge marks, which python-docx does not read."""
    document = docx.Document()
    document.add_paragraph("某市“十四五”规划纲要主要目标和任务分工方案")
    table = document.add_table(rows=1, cols=4)
    for cell, caption in zip(table.rows[0].cells, FENGONG_HEADER):
        cell.text = caption
    for groups, number, task, lead, units in FENGONG:
        for group in groups or []:
            row = table.add_row()
            if every_cell:
                for at, cell in enumerate(row.cells):
                    cell.text = group
                    mark = OxmlElement("w:hMerge")
                    if at == 0:
                        mark.set(qn("w:val"), "restart")
                    cell._tc.get_or_add_tcPr().append(mark)
            else:
                row.cells[0].merge(row.cells[3]).text = group
        for cell, value in zip(table.add_row().cells, (number, task, lead, units)):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return docx_text(buffer.getvalue(), "分工方案.docx")


def read_text(text: str):
    return [(m.path, m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures]


@pytest.mark.parametrize("every_cell", [False, True], ids=["merged_read_once", "merged_read_in_every_cell"])
def test_a_word_fengong_tables_group_rows_merged_across_are_headings_read_once(every_cell):
    text = fengong_docx(every_cell)
    if every_cell:
        assert "\t".join(["一、主要目标和任务分工"] * 4) in text  # what python-docx gives for such a row
    assert read_text(text) == FENGONG_READ


def test_a_pasted_fengong_table_whose_group_rows_repeat_in_every_cell_reads_the_same():
    lines = ["某市“十四五”规划纲要主要目标和任务分工方案", "\t".join(FENGONG_HEADER)]
    for groups, number, task, lead, units in FENGONG:
        lines += [" | ".join([group] * 4) for group in groups or []]
        lines.append(" | ".join((number, task, lead, units)))
    lines[1] = " | ".join(FENGONG_HEADER)
    assert read_text("\n".join(lines)) == FENGONG_READ


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=4), st.booleans())
def test_any_chain_of_group_rows_merged_across_keeps_the_items_units(levels, every_cell):
    """However many group rows of the levels above an item (``一、``, ``（一）``, ``1.``: none to three, one under another)
    stand before each item row (``（1）``), copied out of Word as text (their empty cells' tabs lost, or their text in
    every cell), every item keeps its units."""
    numerals = "一二三四五"
    lines = ["某市分工方案", "\t".join(FENGONG_HEADER)]
    for n, depth in enumerate(levels, 1):
        chain = [f"{numerals[n - 1]}、主要目标", f"（{numerals[n - 1]}）发展目标", f"{n}.约束性指标。"]
        for group in chain[3 - depth:]:
            lines.append("\t".join([group] * 4) if every_cell else group)
        lines.append("\t".join((f"（{n}）", f"完成第{n}项指标任务。", "市发改委", f"市统计局、市{numerals[n - 1]}局")))
    units = [(lead, supporting) for _, lead, supporting in read_text("\n".join(lines)) if lead]
    assert units == [(["市发改委"], ["市统计局", f"市{numerals[n]}局"]) for n in range(len(levels))]


# ---- 3. One cell per line, no 序号, two columns of words ----------------------------------------------------------------

PROJECT_HEADER = ["项目名称", "建设内容", "建设时间", "责任单位"]
# (name, content, time, units one a line)
PROJECT_ROWS = [("城区污水管网改造", "改造城区污水管网12公里。", "2023", ["县住建局"]),
                ("乡村博物馆建设", "建成乡村博物馆2家。", "2023-2024", ["县文旅局", "县财政局"]),
                ("城区停车场建设", "新增城市停车泊位600个。", "2023年6月", ["县公安局"])]


def project_lines(rows) -> list[str]:
    return [line for name, content, time, units in rows for line in [name, content, time] + units if line]


def read_projects(lines: list[str]):
    document = parse_plan_text("\n".join(["青禾县2023年重点项目计划", ""] + lines))
    return [(m.path, m.lead_units, m.deadline, m.text) for m in document.measures], document.warnings


def expected_projects(rows):
    return [([str(n)], units, time or None, f"{name}。{content}" if name and content else name or content)
            for n, (name, content, time, units) in enumerate(rows, 1)]


@pytest.mark.parametrize("one_line_header", [False, True], ids=["captions_one_a_line", "header_on_one_line"])
def test_a_project_table_one_cell_a_line_without_numbers_reads_each_row_by_its_cells_kinds(one_line_header):
    header = [" | ".join(PROJECT_HEADER)] if one_line_header else PROJECT_HEADER
    measures, warnings = read_projects(header + project_lines(PROJECT_ROWS))
    assert measures == expected_projects(PROJECT_ROWS)
    assert warnings == []


@pytest.mark.parametrize("empty", [1, 2, 3], ids=["no_content", "no_time", "no_unit"])
def test_a_row_whose_empty_cell_has_no_line_keeps_its_other_cells_in_their_columns(empty):
    rows = [list(row) for row in PROJECT_ROWS]
    rows[1][empty] = [] if empty == 3 else ""
    rows = [tuple(row) for row in rows]
    measures, warnings = read_projects(PROJECT_HEADER + project_lines(rows))
    assert measures == expected_projects(rows)
    assert warnings == []


def test_a_row_with_more_lines_of_words_than_columns_gives_a_warning_not_a_wrong_row():
    lines = PROJECT_HEADER + project_lines(PROJECT_ROWS[:1]) + [
        "乡村博物馆建设", "建成乡村博物馆2家。", "另建游客服务中心。", "2023-2024", "县文旅局"] + project_lines(PROJECT_ROWS[2:])
    measures, warnings = read_projects(lines)
    assert measures == [expected_projects(PROJECT_ROWS)[0], expected_projects(PROJECT_ROWS)[2]]
    placed = [warning for warning in warnings if warning.startswith(UNPLACED_ROW_WARNING)]
    assert len(placed) == 1 and "第 11 行" in placed[0] and "改正后重新上传" in placed[0]  # the title and a blank line first


def test_a_task_cell_opening_with_its_own_list_beside_the_rows_title_is_counted_as_the_row():
    lines = ["实事项目", "工作举措及实施计划", "责任单位", "配合单位",
             "新建成幼儿园2所。", "1.4月底前主体完工。 2.8月底前竣工交付。", "教育局", "住建局、财政局",
             "新增托位500个。", "1.6月底前新增200个托位。 2.9月底前完成500个托位。", "卫生健康局", "财政局"]
    document = parse_plan_text("\n".join(lines))
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in document.measures] == [
        (["1"], ["教育局"], ["住建局", "财政局"], "4月底前"), (["2"], ["卫生健康局"], ["财政局"], "6月底前")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["城区道路改造", "体育公园建设", "污水处理厂扩建", "学校食堂改造"]),
                          st.sampled_from(["", "新建道路3公里。", "建成公园1座，", "扩建教学楼2栋。"]),
                          st.sampled_from(["", "2023", "2023-2024", "2023年12月", "2024年6月"]),
                          st.lists(st.sampled_from(["县住建局", "县财政局", "县教育局", "县交通运输局"]),
                                   max_size=3, unique=True)),
                min_size=1, max_size=5))
def test_any_project_row_with_any_cells_left_empty_is_read_in_its_place(rows):
    """Any row that writes its time or a unit (what closes its words: a row of words only runs into the next row's
    words, which no reading can tell apart) is read in its place, its empty cells having no line."""
    assume(all(time or units for _, _, time, units in rows))
    rows = [(name, content.rstrip("，") + ("。" if content.endswith("，") else ""), time, units)
            for name, content, time, units in rows]
    measures, warnings = read_projects(PROJECT_HEADER + project_lines(rows))
    assert [(path, lead, deadline) for path, lead, deadline, _ in measures] == [
        (path, lead, deadline) for path, lead, deadline, _ in expected_projects(rows)]
    assert not [warning for warning in warnings if warning.startswith(UNPLACED_ROW_WARNING)]
