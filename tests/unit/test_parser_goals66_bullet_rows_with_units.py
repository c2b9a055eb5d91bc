"""目标责任分解书 goals tables whose goal cell is merged over several target rows, each row a "——" bullet cell with units
of its own (branch goals66): copied one cell a line, as the office's Word table, and as a tab copy. Every story is
invented (no document's wording); GOLD-README "wave 33 (second half)" and "goals66" state the convention."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text, read_plan_bytes
from tests.helpers.word_tables import word_table

pytestmark = pytest.mark.unit

_TITLE = "某省老龄事业发展规划目标责任分解书"
_HEADER = ["领域", "主要目标", "主要责任单位", "责任单位"]


def _rows(measures) -> list[tuple[tuple[str, ...], list[str], list[str]]]:
    """Every measure's (path, lead units, supporting units)."""
    return [(tuple(m.path), m.lead_units, m.supporting_units) for m in measures]


# The province's goals, its first 领域 cell and its second lost in the copy: goal 2's cell stands over three target
# rows, each with its own lead and supporting units; goal 3 has no bullet; the second group restarts at 1.
_CELLS = ["1.老年人健康服务水平明显提升。", "——老年人健康管理率达到70%。", "——二级以上综合医院设老年医学科比例达到60%。",
          "省卫健委", "省民政厅", "省医保局",
          "2.完善养老服务体系。", "——每千名老年人拥有养老床位35张。", "省民政厅", "省发改委", "省财政厅",
          "——街道综合养老服务中心覆盖率达到80%。", "——农村互助养老设施覆盖率达到60%。", "省民政厅", "省住建厅",
          "——护理型床位占比达到55%。", "省民政厅", "省卫健委",
          "3.老年人社会参与渠道不断拓宽。", "省老龄办", "省文旅厅",
          "1.老年人合法权益得到保障。", "——老年法律援助应援尽援。", "省司法厅", "省公安厅",
          "2.老年友好型社会建设加快。", "省住建厅", "省交通厅"]
_WANTED = [(("1",), ["省卫健委"], ["省民政厅", "省医保局"]),
           (("2",), [], []),
           (("2", "2.1"), ["省民政厅"], ["省发改委", "省财政厅"]),
           (("2", "2.2"), ["省民政厅"], ["省住建厅"]),
           (("2", "2.3"), ["省民政厅"], ["省卫健委"]),
           (("3",), ["省老龄办"], ["省文旅厅"]),
           (("1（第2组）",), ["省司法厅"], ["省公安厅"]),
           (("2（第2组）",), ["省住建厅"], ["省交通厅"])]


@pytest.mark.parametrize("blank_lines", [True, False], ids=["blank_after_every_line", "no_blank_line"])
def test_a_goal_whose_bullets_are_interleaved_with_units_is_a_merged_goal_over_its_target_rows(blank_lines):
    """A 老龄办 pastes the province's 目标责任分解书 from its site one cell a line, the 领域 cells lost: goal 2's bullets
    come in three runs, each closed by its own units. Goal 2 is the merged cell over three target rows: a measure
    without units, and each row a measure below it (2.1–2.3) with its own lead (first unit) and supporting units.
    Goal 1's bullets, closed by one run of units, stay text of the goal; goal 3 with no bullet is one row; the second
    领域's list restarting at 1. is a second group."""
    lines = [_TITLE, ""]
    for cell in _HEADER + _CELLS:
        lines += [cell, ""] if blank_lines else [cell]
    measures = parse_plan_text("\n".join(lines)).measures
    assert _rows(measures) == _WANTED
    assert "老年人健康管理率达到70%" in measures[0].text and "每千名老年人" not in measures[1].text
    assert "每千名老年人拥有养老床位35张" in measures[2].text
    assert "农村互助养老设施" in measures[3].text and "护理型床位" in measures[4].text


def test_the_first_groups_category_line_is_still_no_measure_when_bullet_rows_follow():
    """The same paste keeping the first 领域 cell ("养老服务"): it groups the rows, no measure, and the merged goal's
    target rows read as before."""
    lines = [_TITLE, *_HEADER, "养老服务", *_CELLS]
    measures = parse_plan_text("\n".join(lines)).measures
    assert _rows(measures) == _WANTED
    assert "养老服务" not in [m.text for m in measures]


def _word_rows() -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The province's own Word table of the same goals: 主要目标 over two columns (the goal cell, then a target cell of
    "——" bullets), goal 2's cell merged down its three target rows, units one a paragraph, the 领域 cells left empty."""
    rows = [["领域", "主要目标", "", "主要责任单位", "责任单位"],
            ["", "1.老年人健康服务水平明显提升。", "——老年人健康管理率达到70%。\n——二级以上综合医院设老年医学科比例达到60%。",
             "省卫健委", "省民政厅\n省医保局"],
            ["", "2.完善养老服务体系。", "——每千名老年人拥有养老床位35张。", "省民政厅", "省发改委\n省财政厅"],
            ["", "", "——街道综合养老服务中心覆盖率达到80%。\n——农村互助养老设施覆盖率达到60%。", "省民政厅", "省住建厅"],
            ["", "", "——护理型床位占比达到55%。", "省民政厅", "省卫健委"],
            ["", "3.老年人社会参与渠道不断拓宽。", "", "省老龄办", "省文旅厅"],
            ["", "1.老年人合法权益得到保障。", "——老年法律援助应援尽援。", "省司法厅", "省公安厅"],
            ["", "2.老年友好型社会建设加快。", "", "省住建厅", "省交通厅"]]
    return rows, [(0, 1, 0, 2), (2, 1, 4, 1), (5, 1, 5, 2), (7, 1, 7, 2)]


def test_the_word_table_whose_goal_cell_is_merged_over_its_target_rows_reads_as_the_copy():
    """The office's Word table: the bullets stand in a cell of their own beside the goal, goal 2's cell merged down
    three rows. The bullets are no goals numbered again: goal 2 is the merged goal without units, its three rows
    2.1–2.3 below it with their own units, as the copy one cell a line reads."""
    rows, merges = _word_rows()
    measures = read_plan_bytes(word_table(rows, _TITLE, merges=merges, paragraphs=True), "分解书.docx").measures
    assert _rows(measures) == _WANTED
    assert "二级以上综合医院" in measures[0].text and "护理型床位" in measures[4].text


@pytest.mark.parametrize("repeated", [False, True], ids=["merged_cells_empty", "merged_cells_repeated"])
def test_the_tab_copy_of_the_word_table_whose_rows_lost_their_empty_first_cell_reads_alike(repeated):
    """The same table copied from a spreadsheet with tabs, the goal written again on each row it spans, every row's
    empty 领域 cell lost with the line's leading tab (and, from another spreadsheet, each cell merged across the two
    主要目标 columns written in both): the rows keep their columns, nothing of a unit goes to the text."""
    rows, _ = _word_rows()
    goal = ""
    header = rows[0][:2] + [rows[0][1] if repeated else ""] + rows[0][3:]
    lines = [_TITLE, "\t".join(header)]
    for row in rows[1:]:
        goal = row[1] or goal
        target = row[2].replace("\n", "") or (goal if repeated else "")
        lines.append("\t".join([goal, target] + [cell.replace("\n", "、") for cell in row[3:]]))
    measures = parse_plan_text("\n".join(lines)).measures
    assert _rows(measures) == _WANTED
    assert not any("省" in m.text for m in measures)
    assert measures[5].text.count("老年人社会参与") == 1


@pytest.mark.parametrize("medium", ["word", "tabs", "one_cell_a_line"])
def test_a_decimal_goal_number_glued_to_its_words_keeps_its_number_in_a_table(medium):
    """A city's goals table writes "2.1促进…" with no blank after the number, as its prose does: the goal is 2.1 under 2,
    in the Word table, in its tab copy and copied one cell a line, as the body of a plan reads it, never a list
    restarting at 1."""
    rows = [_HEADER,
            ["就业", "1.城镇新增就业2万人。", "市人社局", "市财政局\n市总工会"],
            ["", "2.稳定重点群体就业。", "市人社局", "市教育局"],
            ["", "2.1促进高校毕业生就业。", "市人社局", "市教育局\n团市委"],
            ["", "3.加强就业困难人员帮扶。", "市人社局", "市民政局"]]
    if medium == "word":
        data = word_table(rows, "某市2026年就业工作目标责任分解书", merges=[(1, 0, 4, 0)], paragraphs=True)
        measures = read_plan_bytes(data, "分解书.docx").measures
    elif medium == "tabs":
        text = "\n".join(["某市2026年就业工作目标责任分解书"] + ["\t".join(c.replace("\n", "、") for c in r) for r in rows])
        measures = parse_plan_text(text).measures
    else:
        cells = [line for row in rows for cell in row if cell for line in cell.split("\n")]
        measures = parse_plan_text("\n".join(["某市2026年就业工作目标责任分解书"] + cells)).measures
    assert _rows(measures) == [(("1",), ["市人社局"], ["市财政局", "市总工会"]),
                               (("2",), ["市人社局"], ["市教育局"]),
                               (("2", "2.1"), ["市人社局"], ["市教育局", "团市委"]),
                               (("3",), ["市人社局"], ["市民政局"])]
    assert measures[2].text.startswith("促进高校毕业生就业")


@pytest.mark.parametrize("text, number", [("2.1降低孕产妇死亡率。", "2.1"), ("2.1 降低孕产妇死亡率。", "2.1"),
                                          ("1.妇女就业权益得到保障。", "1"), ("3、提高保障水平。", "3"),
                                          ("——女性人均预期寿命延长。", None), ("5G基站覆盖全部乡镇。", None),
                                          ("2.5%以上的增长。", None), ("一、主要目标", None)])
def test_a_goal_cells_number_is_the_vocabularys_numbering(text, number):
    """The goal cell's number is read by the vocabulary's numbering (no second rule): a glued decimal number is one,
    a bullet, a figure glued to words, a decimal figure and a section heading are none."""
    from tracker.parsing.tables import goal_number  # the goals tables' reading of a cell's number (branch goals66)

    token = goal_number(text)
    assert (token.key if token else None) == number


def test_a_unit_the_vocabulary_does_not_know_stays_a_unit_of_its_goal_row():
    """A 妇联's copy names offices in its own short words ("人口计生", "省新闻出版"), one a line among known units: they
    are the goal row's units (the first one the lead), never text of a bullet, and the rows after them keep reading."""
    lines = ["某省妇女发展规划目标责任分解书", *_HEADER,
             "1.妇女健康水平持续提高。", "——妇女常见病定期筛查率达到80%。", "人口计生", "省卫健委", "省民政厅",
             "2.妇女受教育水平不断提高。", "——女性平均受教育年限达到11年。", "省教育厅", "省新闻出版", "省妇联",
             "——妇女终身学习服务体系更加完善。", "省教育厅", "省妇联",
             "3.妇女参与经济发展的程度提高。", "省人社厅", "省妇联"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert _rows(measures) == [(("1",), ["人口计生"], ["省卫健委", "省民政厅"]),
                               (("2",), [], []),
                               (("2", "2.1"), ["省教育厅"], ["省新闻出版", "省妇联"]),
                               (("2", "2.2"), ["省教育厅"], ["省妇联"]),
                               (("3",), ["省人社厅"], ["省妇联"])]
    assert not any("人口计生" in m.text or "新闻出版" in m.text for m in measures)


def test_in_a_copy_without_any_field_cell_an_unknown_unit_before_the_next_goal_is_still_a_unit():
    """The copy lost every 领域 cell (its body opens with goal 1), so a short name closing a goal's units right before
    the next goal ("省新闻出版" then "2.…") is that goal's supporting unit, not a 领域 grouping the next goals."""
    lines = ["某省妇女发展规划目标责任分解书", *_HEADER,
             "1.妇女平等获取文化资源。", "——公共文化场馆向妇女免费开放。", "省文旅厅", "省广电局", "省新闻出版",
             "2.妇女参与决策管理的程度提高。", "省委组织部", "人口计生",
             "3.妇女社会保障水平提高。", "——女职工生育保险参保率达到90%。", "省医保局", "省人社厅"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert _rows(measures) == [(("1",), ["省文旅厅"], ["省广电局", "省新闻出版"]),
                               (("2",), ["省委组织部"], ["人口计生"]),
                               (("3",), ["省医保局"], ["省人社厅"])]
