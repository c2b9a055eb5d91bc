"""The one reader of a table copied from a page one cell a line with pipes (tables._pipe_cells, _pipe_rows): each
form's rule for which cell of which row a line is, told with invented wording; each test fails when its rule is lost
(branch onecell: the three pipe gatherers made one reader, the forms its input)."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def read(lines: list[str]):
    return parse_plan_text("\n".join(lines))

def test_cells_closed_by_a_pipe_whose_row_ends_with_two_pipes_end_a_row_at_the_headers_width_too():
    lines = ["序号 |", "重点工作 |", "牵头单位 |", "配合单位 ||",
             "1 |", "建成城市书房10家。 |", "市文广旅局 |", "市财政局 ||",
             "2 |", "改造老旧小区12个。 |", "市住建局 |", "各区人民政府 |",  # the row's end written with one pipe
             "3 |", "新建养老服务中心3个。 |", "市民政局 |", "市卫健委 ||"]
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.supporting_units) for m in measures] == [
        (["1"], ["市文广旅局"], ["市财政局"]), (["2"], ["市住建局"], ["各区人民政府"]), (["3"], ["市民政局"], ["市卫健委"])]


def test_cells_closed_by_a_pipe_in_rows_cut_by_lines_of_pipes_keep_a_narrow_columns_wrap_as_one_cell():
    lines = ["|", "序号 |", "重点工作 |", "牵头单位 |", "配合单位 |",
             "|", "1 |", "建成城市书房10家。 |", "市文 |", "市财政局 |",  # "市文" closed by its pipe: a cell of its own
             "|", "2 |", "新增公共停车泊位2000个。 |", "市", "住", "建局 |", "市公安局 |"]  # a lead wrapped a character a line
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.supporting_units) for m in measures] == [
        (["1"], ["市文"], ["市财政局"]), (["2"], ["市住建局"], ["市公安局"])]


def test_a_cell_before_its_pipe_line_holds_a_few_lines_and_a_narrow_wrap_more():
    lines = ["序号", "|", "重点工作", "|", "牵头单位", "|", "配合单位", "|",
             "一、公共服务", "||||",  # a group row: its empty cells a pipe each
             "1", "|", "建成城市书房10家。", "|", "市", "文", "广", "旅", "局", "|", "市财政局", "|",  # five lines of one
             "2", "|", "新增公共停车泊位2000个。", "|", "市住建局", "|", "市公安局", "|"]
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.supporting_units) for m in measures] == [
        (["一"], [], []), (["一", "1"], ["市文广旅局"], ["市财政局"]), (["一", "2"], ["市住建局"], ["市公安局"])]


PIPED = ["序号", "|", "重点工作", "|", "牵头单位", "|", "配合单位", "|",
         "一、公共服务", "||||",
         "1", "|", "建成城市书房10家。", "|", "市文广旅局", "|", "市财政局", "|"]


def test_the_lines_after_a_table_with_a_pipe_line_after_each_cell_are_the_plans_text_again():
    measures = read(PIPED + ["二、保障措施", "（一）加强组织领导。"]).measures
    assert [m.path[0] for m in measures] == ["一", "一", "二", "二"]
    assert measures[-1].text.startswith("加强组织领导")  # the line after the heading is no cell of the table


def test_an_extra_pipe_under_the_header_writes_no_row():
    lines = PIPED[:6] + ["配合单位", "||"] + PIPED[8:]  # the header's last caption closed by two pipes
    measures = read(lines).measures
    assert [(m.path, m.lead_units, m.supporting_units) for m in measures] == [
        (["一"], [], []), (["一", "1"], ["市文广旅局"], ["市财政局"])]
