"""A 目标任务分解表 copied from a page one cell a line, with no 序号 column, as an office pastes it (branch onecell):
牵头单位 | 目标任务 | 责任单位, the lead written once per group in a narrow cell (so a line or two characters at a
time: "市政" / "府办" / "公厅") and left empty on the group's later rows. The page's cell borders come out as pipes in
three ways: opening each cell's first line ("| 强化…", a lone "|" closing the row or writing an empty cell), on lines
of their own after each cell, or closing each cell's last line. The header's captions may be spaced out
("| 目 标 任 务"). The wording is invented; the property tests build such tables from random groups and check that no
row is lost and each row gets exactly its group's lead."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def read(lines: list[str]):
    return parse_plan_text("\n".join(lines))


def wrapped(name: str, width: int) -> list[str]:
    return [name[at:at + width] for at in range(0, len(name), width)]


def opening(groups, width: int = 2, pipe: str = "|", spaced: bool = True) -> list[str]:
    """The table with each cell opened by a pipe, a lone pipe ending the row or writing an empty cell."""
    captions = ["牵 头 单 位", "目 标 任 务", "责 任 单 位"] if spaced else ["牵头单位", "目标任务", "责任单位"]
    lines = [f"{pipe} {caption}" for caption in captions] + [pipe]
    for lead, rows in groups:
        for place, (task, units) in enumerate(rows):
            if place == 0:
                pieces = wrapped(lead, width)
                lines += [f"{pipe} {pieces[0]}"] + pieces[1:]
            else:
                lines.append(pipe)  # the lead's cell, merged over the group: empty
            lines += [f"{pipe} {task}", f"{pipe} {units}" if units else pipe, pipe]
    return lines


def own_lines(groups, width: int = 2) -> list[str]:
    """The same table with a line of pipes after each cell (the form the copy of 424 takes)."""
    lines = ["牵头单位", "|", "目标任务", "|", "责任单位", "|"]
    for lead, rows in groups:
        for place, (task, units) in enumerate(rows):
            lines += (wrapped(lead, width) if place == 0 else []) + ["|", task, "|"] + ([units, "|"] if units else ["|"])
    return lines


NOTICE = ["某某市人民政府办公室关于印发2025年政府工作报告目标任务分解的通知",
          "各区、县（市）人民政府，市政府各部门：",
          "现将2025年政府工作报告目标任务分解印发给你们，请认真抓好落实。",
          "某某市人民政府办公室", "2025年2月18日", "2025年政府工作报告目标任务分解"]

GROUPS = [("市政府办公室", [("强化行政监督，推进政务公开标准化建设。", "市司法局、市大数据局"),
                         ("深化“放管服”改革，政务服务事项全部网上可办。", "市大数据局")]),
          ("市发改委", [("地区生产总值增长6%左右。", "市统计局、各区县（市）人民政府")])]


def reading(lines):
    return [(m.path, m.text.split("（")[0], m.lead_units, m.supporting_units) for m in read(lines).measures]


EXPECTED = [(["1"], "强化行政监督，推进政务公开标准化建设。", ["市政府办公室"], ["市司法局", "市大数据局"]),
            (["2"], "深化“放管服”改革，政务服务事项全部网上可办。", ["市政府办公室"], ["市大数据局"]),
            (["3"], "地区生产总值增长6%左右。", ["市发改委"], ["市统计局", "各区县（市）人民政府"])]


def test_a_table_whose_pipes_open_its_cells_reads_every_row_with_its_groups_lead():
    assert reading(NOTICE + opening(GROUPS)) == EXPECTED


def test_the_same_table_with_its_pipes_on_lines_of_their_own_reads_the_same():
    assert reading(NOTICE + own_lines(GROUPS)) == EXPECTED


def test_full_width_pipes_and_captions_written_without_spaces_read_the_same():
    assert reading(NOTICE + opening(GROUPS, pipe="｜", spaced=False)) == EXPECTED


def test_a_lead_wrapped_one_two_or_three_characters_a_line_is_one_unit():
    for width in (1, 2, 3):
        assert reading(NOTICE + opening(GROUPS, width=width)) == EXPECTED, width


def test_a_district_or_a_zones_committee_leads_its_group():
    groups = [("高新区管委会", [("新增规模以上工业企业20家。", "市经信局"), ("建成孵化器2个。", "")]),
              ("城东区", [("完成老旧小区改造8个。", "市住建局")])]
    assert reading(opening(groups, width=3)) == [
        (["1"], "新增规模以上工业企业20家。", ["高新区管委会"], ["市经信局"]),
        (["2"], "建成孵化器2个。", ["高新区管委会"], []),  # its 责任单位 cell empty: a lone pipe
        (["3"], "完成老旧小区改造8个。", ["城东区"], ["市住建局"])]


def test_a_line_opening_with_a_pipe_outside_a_table_is_plain_text():
    lines = ["某某县2025年重点工作安排", "| 来源：县政府办公室", "一、稳住经济大盘", "(一)地区生产总值增长6%。",
             "| 打印本页"]
    draft = read(lines)
    assert [m.path for m in draft.measures] == [["一"], ["一", "(一)"]]
    assert all(m.lead_units == [] for m in draft.measures)


_LEADS = ["市政府办公室", "市发改委", "区农业农村局", "经开区管委会", "市市场监管局"]
_UNITS = ["市财政局", "市统计局、市税务局", "各区县（市）人民政府", ""]

groups_strategy = st.lists(
    st.tuples(st.sampled_from(_LEADS),
              st.lists(st.sampled_from(_UNITS), min_size=1, max_size=4)),
    min_size=1, max_size=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups_strategy, st.sampled_from([1, 2, 3]), st.sampled_from(["opening", "own lines"]))
def test_property_no_row_is_lost_and_each_row_gets_exactly_its_groups_lead(drawn, width, form):
    groups, expected = [], []
    for group, (lead, units) in enumerate(drawn):
        rows = [(f"完成第{group + 1}组第{place + 1}项任务。", unit) for place, unit in enumerate(units)]
        groups.append((lead, rows))
        expected += [(task, lead) for task, _ in rows]
    lines = opening(groups, width=width) if form == "opening" else own_lines(groups, width=width)
    measures = read(lines).measures
    assert [m.path for m in measures] == [[str(n)] for n in range(1, len(expected) + 1)]
    assert [(m.text.split("（")[0], m.lead_units) for m in measures] == [(task, [lead]) for task, lead in expected]

