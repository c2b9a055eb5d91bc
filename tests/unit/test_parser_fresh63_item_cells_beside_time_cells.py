"""Stories of branch fresh63 (GOLD-README "fresh63"): a schedule (工作规划, 工作时间表) whose task cell writes a group line and
several numbered items, one a line (`一、物资准备` / `1、清点仓库物资` / `2、补充沙袋`), beside a time cell writing one time a
line (`2026.3—4` / `2026.4—5`), in a Word table, a saved page's table, a spreadsheet's quoted tab copy or a copy one
cell a line. Each item is a measure under its group, given the time line of the same rank; the group
writes no time of its own. Before, the copy one cell a line was no table (its item lines read as prose, the times falling
into the last item), the Word table and the quoted tab copy kept the item lines inside the group's cell.

The schedules are invented (a county's flood-season preparations); each story fails on main (9f65fcd8).
"""
from __future__ import annotations

import io

import docx
import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.readers import read_plan_bytes
from tracker.parsing.tables import split_item_cells

ROWS = [(["一、物资准备", "1、清点仓库物资", "2、补充沙袋和编织袋"], ["2026.3—4", "2026.4—5"]),
        (["二、队伍建设", "3、组建抢险队伍", "4、开展抢险演练"], ["2026.4—5", "2026.5—2027.1"])]
EXPECTED = {("一",): (None, None),
            ("一", "1"): ("2026.3—4", "2026-04-30"),
            ("一", "2"): ("2026.4—5", "2026-05-31"),
            ("二",): (None, None),
            ("二", "3"): ("2026.4—5", "2026-05-31"),
            ("二", "4"): ("2026.5—2027.1", "2027-01-31")}


def _paths(measures) -> dict[tuple[str, ...], tuple[str | None, str | None]]:
    """Path -> (deadline as written, due date as ISO) of every measure read."""
    return {tuple(m.path): (m.deadline, m.due_date.isoformat() if m.due_date else None) for m in measures}


def test_a_schedule_copied_one_cell_a_line_reads_each_item_with_the_time_line_of_its_rank():
    lines = ["某县防汛准备工作规划", "工 作 项 目 |", "起 止 时 间 |"]
    for items, times in ROWS:
        lines += items[:-1] + [items[-1] + " |"] + times[:-1] + [times[-1] + " |"]
    assert _paths(parse_plan_text("\n".join(lines)).measures) == EXPECTED


def test_the_same_schedule_as_a_word_table_splits_the_cell_paragraphs_into_items():
    document = docx.Document()
    document.add_paragraph("某县防汛准备工作规划")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "工作项目", "起止时间"
    for items, times in ROWS:
        cells = table.add_row().cells
        cells[0].text = items[0]
        for item in items[1:]:
            cells[0].add_paragraph(item)
        cells[1].text = times[0]
        for time in times[1:]:
            cells[1].add_paragraph(time)
    buffer = io.BytesIO()
    document.save(buffer)
    assert _paths(read_plan_bytes(buffer.getvalue(), "规划.docx").measures) == EXPECTED


def test_a_spreadsheet_copy_with_quoted_cells_and_a_unit_column_gives_every_item_the_rows_unit():
    rows = ["某县防汛准备工作时间表", "工作项目\t责任单位\t起止时间"]
    for (items, times), unit in zip(ROWS, ("县应急管理局", "县水利局")):
        rows.append('"' + "\n".join(items) + '"\t' + unit + '\t"' + "\n".join(times) + '"')
    draft = parse_plan_text("\n".join(rows))
    assert _paths(draft.measures) == EXPECTED
    units = {tuple(m.path): m.lead_units for m in draft.measures}
    assert units[("一", "2")] == ["县应急管理局"] and units[("二", "3")] == ["县水利局"]
    assert units[("一",)] == []


def test_only_a_cell_of_numbered_items_beside_as_many_time_lines_splits():
    items, times = ROWS[0]
    assert split_item_cells([items, times]) == [["一、物资准备", ""], ["1、清点仓库物资", "2026.3—4"],
                                                ["2、补充沙袋和编织袋", "2026.4—5"]]
    assert split_item_cells([items, times[:1]]) is None  # one time for two items: no rank to give
    assert split_item_cells([items, ["县水利局", "县应急管理局"]]) is None  # unit lines, not times
    assert split_item_cells([["1、清点仓库物资", "3、补充沙袋"], times]) is None  # not the next number
    assert split_item_cells([["清点仓库物资", "补充沙袋"], times]) is None  # no numbers


TIME_FORMS = {"2026.3—4": "2026-04-30", "2026年3月—4月": "2026-04-30", "2026年4月底前": "2026-04-30",
              "2026年4月30日": "2026-04-30"}


def _one_cell_a_line(items: list[str], times: list[str]) -> str:
    return "\n".join(["某县工作时间表", "工作项目 |", "完成时间 |"] + items[:-1] + [items[-1] + " |"]
                     + times[:-1] + [times[-1] + " |"])


def _quoted(items: list[str], times: list[str]) -> str:
    return "\n".join(["某县工作时间表", "工作项目\t完成时间", '"' + "\n".join(items) + '"\t"' + "\n".join(times) + '"'])


def _word(items: list[str], times: list[str]) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "工作项目", "完成时间"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = items[0], times[0]
    for item in items[1:]:
        table.rows[1].cells[0].add_paragraph(item)
    for time in times[1:]:
        table.rows[1].cells[1].add_paragraph(time)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(items: list[str], times: list[str]) -> bytes:
    return ("<html><body><p>某县工作时间表</p><table><tr><td>工作项目</td><td>完成时间</td></tr><tr><td>"
            + "<br>".join(items) + "</td><td>" + "<br>".join(times) + "</td></tr></table></body></html>").encode()


@pytest.mark.parametrize("medium", ["one cell a line", "quoted", "word", "page"])
@pytest.mark.parametrize("time", sorted(TIME_FORMS))
@pytest.mark.parametrize("group", [True, False])
def test_every_medium_and_time_form_gives_each_item_its_own_time(medium, time, group):
    """The matrix of this branch: each layout, each way of writing a time line, with and without the group line."""
    items = (["一、宣传发动"] if group else []) + ["1、印发宣传资料", "2、召开动员大会"]
    times = [time, "2026年5月底前"]
    if medium == "word":
        measures = read_plan_bytes(_word(items, times), "表.docx").measures
    elif medium == "page":
        measures = read_plan_bytes(_page(items, times), "表.html").measures
    else:
        measures = parse_plan_text((_one_cell_a_line if medium == "one cell a line" else _quoted)(items, times)).measures
    prefix = ("一",) if group else ()
    read = _paths(measures)
    assert read[prefix + ("1",)] == (time, TIME_FORMS[time])
    assert read[prefix + ("2",)] == ("2026年5月底前", "2026-05-31")
    assert len(read) == 2 + group
