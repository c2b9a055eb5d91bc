"""Task tables whose copies lose the cells merged down their rows (issue 13, branch fresh46).

Fresh development documents 1100–1103 (a county's 乡村振兴 任务清单 laid out as a 考核 table: 考核项目 | 序号 | 考核指标 |
考核内容 | 单位 | 年度目标 | 责任部门 | 评分部门, copied one cell a line, as Word with merged cells, as ` | ` rows and as a tab
copy) lost on their first run where: a ` | ` copy writes a cell merged down its rows on the group's first row only, and
the merged cells stand on BOTH sides of the 序号 (the 考核项目 before it, the 考核指标 after it); the rows after the first were
read with their cells moved left, so the 年度目标 took the units and the 责任部门 the city's scoring departments, and a row whose
单位 cell was a dash lost its task. The stories below tell each kind in a few lines; names and words are invented
(GOLD-README "fresh46")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# --- a row that lost the cells merged down just after its 序号 ---

_PIPED = ("某区2025年数字经济任务清单\n"
          "| 板块 | 序号 | 分项 | 工作任务 | 计量单位 | 年度目标 | 责任部门 | 评分部门 |\n"
          "| 产业数字化 | 1 | 企业上云 | 新增上云企业 | 家 | 120 | 区经信局 区科技局 | 市经信局 |\n"
          "| 2 | 新建智能工厂 | 个 | 3 | 区经信局 | 市经信局 |\n"
          "| 3 | 开展诊断服务 | - | 全区统筹 | 区发改局 | 市发改委 |\n"
          "| 数字基础设施 | 4 | 网络建设 | 新建基站 | 个 | 200 | 区数据局 | 市数据局 |\n"
          "| 5 | 千兆小区覆盖 |  | 80% | 区数据局 区住建局 | 市数据局 |\n")


def test_a_piped_row_that_lost_a_merged_cell_after_its_number_keeps_its_units_in_their_column():
    """A district copies its 任务清单 with pipes; the 板块 and the 分项 are merged down their rows, so the rows after each
    group's first write neither. Each row still reads its 序号 and its 责任部门, never the 评分部门 beside it (the city's
    scoring departments: no unit of the district's row), and a row whose 计量单位 is a dash or empty keeps its task."""
    read = _read(_PIPED)
    assert sorted(read) == [("1",), ("2",), ("3",), ("4",), ("5",)]
    assert read[("1",)] == (["区经信局", "区科技局"], [], None)
    assert read[("2",)] == (["区经信局"], [], None)
    assert read[("3",)] == (["区发改局"], [], None)
    assert read[("5",)] == (["区数据局", "区住建局"], [], None)


@given(st.sampled_from(["\t", " | "]))
def test_a_row_opening_with_its_number_whose_last_cells_are_empty_still_reads_in_place(separator):
    """A row that writes its 序号, task and units and leaves its last cells (the time, a remark) empty is read in place as
    before: its units are under the unit column already, nothing after its 序号 was lost."""
    header = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "备注"]
    rows = [["1", "整治背街小巷。", "区城管局", "区住建局", "9月底前", "无"], ["2", "更新路灯照明。", "区城管局", "区财政局"]]
    text = "\n".join(separator.join(cells) for cells in [header, *rows])
    read = _read(text)
    assert read[("2",)] == (["区城管局"], ["区财政局"], None)


# --- one cell a line: a unit cell of two lines in a row that lost the cell merged after its 序号 ---

_CELL_LINES = ["某县2025年农业农村任务清单", "序号", "指标", "工作任务", "年度目标", "责任单位", "评分部门",
               "1", "稳定粮食生产", "粮食播种面积", "2.1万亩", "县农业农村局", "市农业农村局",
               "2", "新建高标准农田", "0.5万亩", "县农业农村局", "县自然资源局", "市农业农村局",
               "3", "推广测土配方施肥", "全县统筹", "县农技中心", "市农业农村局",
               "4", "建设数字农业", "发展智慧农场", "2个", "县农业农村局", "市农业农村局"]


def test_a_row_one_cell_a_line_with_two_unit_lines_and_its_merged_indicator_lost_reads_both_units():
    """A county copies its 任务清单 one cell a line; the 指标 is merged down its rows and written on the group's first row
    only. Row 2's 责任单位 lists two units, one a line, so its lines count as many as the header's columns, yet one of
    them is the unit cell's second line, not the 年度目标: both units lead, the city's 评分部门 names none; row 3, a line
    short, keeps its unit in its column."""
    read = _read("\n".join(_CELL_LINES))
    assert read[("2",)] == (["县农业农村局", "县自然资源局"], [], None)
    assert read[("3",)] == (["县农技中心"], [], None)
    assert read[("1",)] == (["县农业农村局"], [], None)
