"""Task tables of the kinds the newest held-out wave lost (issue 13, branch kinds30).

1. A 重点项目 or 重点工作 table whose time column is captioned as a building or doing time (建设时间, traditional 建設時間,
   建设期限, 实施时间, 实施期限, 计划完成时间, 建设年限, 时间安排), its cells a bare year ("2023", "2023年"), a month ("2023.12",
   "2023年12月") or a span ("2023-2024"): each cell is the row's deadline as written, due at the end of the year, the
   month or the span's last year (GOLD-README "Deadlines"); a Word twin of the table reads the same.
2. A header whose captions wrap onto a second line in a text copy ("责任单" / "位", "完成情" / "况", "牵头单位" / "（部门）"):
   the captions are read closed up, so the unit column is known.
3. A unit cell listing a dozen units or more (separated by blanks, 、 or ，, or one a line), possibly with a 牵头 mark on
   one of them: every unit is read in its role, and no row is lost.

The wording is invented, after the 重点项目 and 重点工作 tables of county plans."""
from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.readers import docx_text

NOTICE = ["青禾县人民政府办公室关于印发2023年县级重点项目推进方案的通知", "",
          "各乡镇人民政府，县政府各部门：", "现将2023年县级重点项目任务分解如下，请认真抓好落实。", ""]

PROJECTS = [("城区污水管网改造", "改造城区污水管网12公里。", "县住建局"),
            ("乡村博物馆建设", "建成乡村博物馆2家。", "县文旅局"),
            ("城区停车场建设", "新增城市停车泊位600个。", "县公安局"),
            ("县第二中学扩建", "扩建教学楼2栋。", "县教育局")]
TIMES = [("2023", "2023-12-31"), ("2023.12", "2023-12-31"), ("2023-2024", "2024-12-31"), ("2023年6月", "2023-06-30")]


def read(lines: list[str]):
    document = parse_plan_text("\n".join(NOTICE + lines))
    return [(m.path, m.lead_units, m.supporting_units, m.deadline, m.due_date and m.due_date.isoformat()) for m in document.measures]


def expected_projects():
    return [([str(n)], [unit], [], time, due) for n, ((_, _, unit), (time, due)) in enumerate(zip(PROJECTS, TIMES), 1)]


# ---- 1. Building and doing times --------------------------------------------------------------------------------------

@pytest.mark.parametrize("caption", ["建设时间", "建設時間", "建设期限", "实施时间", "实施期限", "计划完成时间", "建设年限",
                                     "时间安排"])
def test_a_project_tables_building_time_column_gives_each_row_its_deadline(caption):
    lines = [f"序号\t项目名称\t建设内容\t责任单位\t{caption}"] + [
        "\t".join((str(n), name, content, unit, time)) for n, ((name, content, unit), (time, _)) in
        enumerate(zip(PROJECTS, TIMES), 1)]
    assert read(lines) == expected_projects()


def test_a_building_time_column_reads_the_same_in_a_table_pasted_with_pipes_and_one_cell_a_line():
    piped = ["序号 | 项目名称 | 建设内容 | 责任单位 | 建设时间"] + [
        " | ".join((str(n), name, content, unit, time)) for n, ((name, content, unit), (time, _)) in
        enumerate(zip(PROJECTS, TIMES), 1)]
    one_a_line = ["序号", "项目名称", "建设内容", "责任单位", "建设时间"] + [
        cell for n, ((name, content, unit), (time, _)) in enumerate(zip(PROJECTS, TIMES), 1)
        for cell in (str(n), name, content, unit, time)]
    assert read(piped) == read(one_a_line) == expected_projects()


def test_a_word_twin_of_a_building_time_table_reads_the_same():
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    for cell, caption in zip(table.rows[0].cells, ["序号", "项目名称", "建设内容", "责任单位", "建设\n时间"]):
        cell.text = caption  # the caption wrapped inside its narrow cell
    for n, ((name, content, unit), (time, _)) in enumerate(zip(PROJECTS, TIMES), 1):
        for cell, value in zip(table.add_row().cells, (str(n), name, content, unit, time)):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    text = docx_text(buffer.getvalue(), "方案.docx")
    parsed = parse_plan_text(text)
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline, m.due_date and m.due_date.isoformat())
            for m in parsed.measures] == expected_projects()


def test_a_building_time_caption_opening_a_paragraph_stays_a_sentence():
    lines = ["一、项目概况", "（一）建设内容。新建污水处理厂一座。", "建设时间：分两期实施，具体安排另行通知。"]
    assert all(m.deadline is None for m in parse_plan_text("\n".join(NOTICE + lines)).measures)


# ---- 2. Captions wrapped onto a second header row ---------------------------------------------------------------------

WORKS = [("完成城区雨污分流改造8公里。", "县住建局", "县水务局", "11月底前"),
         ("建成乡村博物馆2家。", "县文旅局", "县财政局", "12月底前")]


def test_a_towns_work_table_whose_unit_and_progress_captions_wrap_keeps_its_units():
    lines = ["序号 | 重点工作 | 责任单 | 完成时限 | 完成情", "| | 位 | | 况",
             "1 | 完成城区雨污分流改造8公里。 | 县住建局 | 11月底前 | 已完成5公里",
             "2 | 建成乡村博物馆2家。 | 县文旅局 | 12月底前 | 正在推进"]
    assert read(lines) == [(["1"], ["县住建局"], [], "11月底前", None),
                           (["2"], ["县文旅局"], [], "12月底前", None)]


def test_a_header_known_only_once_its_wrapped_captions_are_closed_up_still_reads_its_rows():
    lines = ["序号\t重点工作\t牵头单\t配合单\t完成时", "\t\t位\t位\t限"] + [
        "\t".join((str(n),) + row) for n, row in enumerate(WORKS, 1)]
    assert read(lines) == [([str(n)], [lead], [supporting], time, None)
                           for n, (_, lead, supporting, time) in enumerate(WORKS, 1)]


def test_a_lead_caption_with_its_remark_on_the_next_row_is_still_the_lead_column():
    lines = ["| 序号 | 重点工作 | 牵头单位 | 配合单位 | 完成时限 |", "| | | （部门） | （部门） | |"] + [
        "| " + " | ".join((str(n),) + row) + " |" for n, row in enumerate(WORKS, 1)]
    assert read(lines) == [([str(n)], [lead], [supporting], time, None)
                           for n, (_, lead, supporting, time) in enumerate(WORKS, 1)]


def test_a_word_table_whose_captions_wrap_inside_their_cells_reads_its_units_and_times():
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    for cell, caption in zip(table.rows[0].cells, ["序号", "重点工作", "牵头单位\n（部门）", "配合单\n位", "完成时\n限"]):
        cell.text = caption
    for n, row in enumerate(WORKS, 1):
        for cell, value in zip(table.add_row().cells, (str(n),) + row):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_plan_text(docx_text(buffer.getvalue(), "方案.docx"))
    assert [(m.lead_units, m.supporting_units, m.deadline) for m in parsed.measures] == [
        ([lead], [supporting], time) for _, lead, supporting, time in WORKS]


CAPTIONS = ["牵头单位", "配合单位", "完成时限"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=0, max_value=3), min_size=3, max_size=3),
       separator=st.sampled_from(["\t", " | "]),
       rows=st.lists(st.tuples(st.sampled_from(["县住建局", "县水务局", "县文旅局", "县教育局"]),
                               st.sampled_from(["县财政局", "县发改局", "县商务局"]),
                               st.sampled_from(["6月底前", "9月底前", "年底前", "2023年12月"])),
                     min_size=1, max_size=5))
def test_any_cut_of_the_unit_and_time_captions_reads_every_row_with_its_own_units_and_time(cuts, separator, rows):
    # each caption cut after 4 - cut characters; a cut of 0 leaves it whole on the first row
    top = [caption[:len(caption) - cut] for caption, cut in zip(CAPTIONS, cuts)]
    rests = [caption[len(caption) - cut:] for caption, cut in zip(CAPTIONS, cuts)]
    lines = [separator.join(["序号", "重点工作"] + top)]
    if any(rests):
        lines.append(separator.join(["", ""] + rests))
    lines += [separator.join([str(n), f"完成第{n}项重点工作。", lead, supporting, time])
              for n, (lead, supporting, time) in enumerate(rows, 1)]
    assert [(lead, supporting, time) for _, lead, supporting, time, _ in read(lines)] == [
        ([lead], [supporting], time) for lead, supporting, time in rows]


# ---- 3. A unit cell listing a dozen units or more ---------------------------------------------------------------------

TOWN = ["镇党政办", "镇党建办", "镇经济发展办", "镇社会事务办", "镇综合执法办", "镇应急办", "镇财政所", "镇自然资源所",
        "镇农业综合服务中心", "镇文化站", "镇卫生院", "镇派出所", "镇市场监管所", "镇司法所"]


@pytest.mark.parametrize("separator", [" ", "、", "，"])
def test_a_supporting_cell_of_fourteen_units_gives_every_one_of_them_its_role(separator):
    lines = ["序号\t重点工作\t牵头单位\t配合单位\t完成时限",
             "1\t推进美丽乡村建设。\t镇经济发展办\t" + separator.join(TOWN[:2] + TOWN[3:]) + "\t12月底前",
             "2\t加强安全生产监管。\t镇应急办\t" + separator.join(TOWN[:5] + TOWN[6:]) + "\t全年"]
    assert read(lines) == [(["1"], ["镇经济发展办"], TOWN[:2] + TOWN[3:], "12月底前", None),
                           (["2"], ["镇应急办"], TOWN[:5] + TOWN[6:], "全年", None)]


def test_a_long_responsible_cell_with_a_lead_mark_gives_the_marked_unit_the_lead_and_the_others_support():
    lines = ["序号\t重点工作\t责任单位\t完成时限",
             "1\t推进美丽乡村建设。\t" + "、".join(TOWN[:2] + ["镇经济发展办（牵头）"] + TOWN[3:]) + "\t12月底前",
             "2\t加强安全生产监管。\t" + "、".join(TOWN) + "\t全年"]
    assert read(lines) == [(["1"], ["镇经济发展办"], TOWN[:2] + TOWN[3:], "12月底前", None),
                           (["2"], TOWN, [], "全年", None)]


@pytest.mark.parametrize("framed", [False, True])
def test_a_two_row_pasted_table_whose_unit_cell_wraps_over_lines_loses_no_row(framed):
    rows = ["序号 | 重点工作 | 责任单位 | 完成时限",
            "1 | 推进美丽乡村建设。 | " + "、".join(TOWN[:5]) + "、",
            "、".join(TOWN[5:10]) + "、",
            "、".join(TOWN[10:]) + " | 12月底前",
            "2 | 加强安全生产监管。 | 镇应急办 | 全年"]
    if framed:
        rows = ["| " + rows[0] + " |", "| " + rows[1], rows[2], rows[3] + " |", "| " + rows[4] + " |"]
    assert read(rows) == [(["1"], TOWN, [], "12月底前", None), (["2"], ["镇应急办"], [], "全年", None)]


def test_a_word_unit_cell_of_one_unit_a_paragraph_reads_every_unit_in_both_rows():
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=4)
    for cell, caption in zip(table.rows[0].cells, ["序号", "重点工作", "责任单位", "完成时限"]):
        cell.text = caption
    for cell, value in zip(table.add_row().cells, ["1", "推进美丽乡村建设。", "\n".join(["镇经济发展办（牵头）"] + TOWN[:2] + TOWN[3:]),
                                                   "12月底前"]):
        cell.text = value
    for cell, value in zip(table.add_row().cells, ["2", "加强安全生产监管。", "\n".join(TOWN), "全年"]):
        cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_plan_text(docx_text(buffer.getvalue(), "方案.docx"))
    assert [(m.lead_units, m.supporting_units, m.deadline) for m in parsed.measures] == [
        (["镇经济发展办"], TOWN[:2] + TOWN[3:], "12月底前"), (TOWN, [], "全年")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists=st.lists(st.lists(st.sampled_from(TOWN), min_size=1, max_size=14, unique=True), min_size=1, max_size=4),
       wrap=st.integers(min_value=1, max_value=13), framed=st.booleans())
def test_any_pasted_table_whose_unit_cells_wrap_reads_every_row_with_all_its_units(lists, wrap, framed):
    lines = ["序号 | 重点工作 | 责任单位 | 完成时限"]
    for n, units in enumerate(lists, 1):
        head, tail = units[:wrap], units[wrap:]
        if tail:
            lines += [f"{n} | 完成第{n}项重点工作。 | " + "、".join(head) + "、", "、".join(tail) + " | 年底前"]
        else:
            lines.append(f"{n} | 完成第{n}项重点工作。 | " + "、".join(head) + " | 年底前")
    if framed:
        lines = [("| " if line[0] in "序0123456789" else "") + line + (" |" if not line.endswith("、") else "")
                 for line in lines]
    assert read(lines) == [([str(n)], units, [], "年底前", None) for n, units in enumerate(lists, 1)]


def test_a_pages_metadata_rows_above_a_table_are_no_title():
    lines = ["索引号 | 000330185/2022-83945 | 公开方式 | 主动公开 |", "公开范围 | 面向社会 | 公开时限 | 长期公开 |",
             "发布单位 | 区政府 | 发文日期 | 2022-07-14 |",
             "序号 | 实事项目 | 责任单位 | 配合单位 |", "1 | 新建成公办幼儿园7所。 | 教育局 | 财政局、住建局 |"]
    document = parse_plan_text("\n".join(lines))
    assert document.title is None
    assert [(m.lead_units, m.supporting_units) for m in document.measures] == [(["教育局"], ["财政局", "住建局"])]
