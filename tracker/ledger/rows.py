"""Turn the grid rows below a ledger's header into ReadRows and LedgerIssues.

Values are typed per field (texts exact, units split, dates, integer versions); merged cells have
already been spread down by sheet.fill_vertical_merges. A row holding only 序号 and/or its own
重点任务 is a group (heading) row; so is a task-free row (序号 and text only, no units written in it) that
later rows number as their parent ("1" above "1.1"). Every bad cell becomes a LedgerIssue and reading goes on.
"""

from __future__ import annotations

import bisect
import datetime
import re
from typing import Collection

from openpyxl.utils import get_column_letter

from ..parsing.annotations import (find_precedence_rule, resolve_units, split_trailing_annotations,
                                   unit_cell_roles)
from ..parsing.deadlines import parse_due_date
from ..parsing.tables import group_lead, is_total_row
from ..parsing.unitnames import annotation_units
from ..vocabulary.captions import COUNTED_GROUP_END_RE, LEAD, annotation_role, is_caption_text
from ..vocabulary.han import simplified
from ..vocabulary.numbering import match_number, parse_number, without_item_count
from ..vocabulary.units import marked_lead
from ..vocabulary.statuses import is_tick
from .header import HeaderLayout, as_date, score_row
from .hierarchy import PathBuilder
from .results import FORMULA_REASON, LedgerIssue, ReadRow
from .sheet import FORMULA, CellError, SheetGrid

# A note or signature line under the table: 注：, 注1：, 填表说明：, 备注：, 填报人 …
# (a page copied into a sheet ends with where it came from: "来源：…", "資料來源：…")
_FOOTER_RE = re.compile(r"(?:(?:填表|填报|编制|其他)?说明|注[0-9０-９一二三四五]?|备注|附注|(?:资料|資料|数据|數據)?(?:来源|來源))\s*[:：]|"
                        r"(?:单位)?(?:填报人|填表人|审核人|联系人|联系电话|负责人|签发人|制表人)")
# Fields whose text is kept exactly as stored (no strip): what people write, and round-trips.
_FREE_TEXT = ("重点任务", "具体措施", "进展情况", "存在问题", "下步计划", "责任人", "备注")
#: Mapped columns the import reads but does not store: a formula or error value there is ignored
#: with a note instead of refusing the row (issue 15).
NOT_IMPORTED = frozenset({"责任人", "备注", "签发人"})
# A row with values in these fields only is a group (heading) row.
_GROUP_ROW_FIELDS = frozenset({"序号", "重点任务", "备注"})
# A row with values in these fields only may turn out to be a heading (its children show it).
_TASK_FREE_FIELDS = _GROUP_ROW_FIELDS | {"具体措施"}
# The numbering styles of a section written in the task column ("一、…", "（一）…"; ``RowReader._heading_in_task_cell``).
_SECTION_STYLES = frozenset({"cn", "cn_paren"})
#: The styles of a sub-item's number written in its task cell under a section row ("1.文化中心北路", "（1）城南小学").
_ITEM_STYLES = frozenset({"arabic", "arabic_paren"})
#: The unit fields a section row may fill besides its number and title (its lead, over the rows under it).
_UNIT_FIELDS = frozenset({"牵头单位", "配合单位"})
#: The enumerators of a group line in a list without 序号 (``match_number``'s styles: 一是, 一、, （一）).
_GROUP_LINE_STYLES = frozenset({"cn_shi", "cn_comma", "cn", "cn_paren"})


class RowReader:
    """Turns grid rows into ReadRows and LedgerIssues, in sheet order: call ``add(row)`` for
    each data row, then use ``rows``, ``issues`` and ``warnings``."""

    def __init__(self, grid: SheetGrid, layout: HeaderLayout, statuses: Collection[str] | None) -> None:
        self.grid = grid
        self.layout = layout
        self.statuses = None if statuses is None else {s.strip() for s in statuses}
        self.columns = dict(layout.columns)
        self.caption_of = {column: caption for caption, column in self.columns.items()}
        self.unmapped = layout.unmapped
        self.more_supporting = list(layout.more_supporting)  # 牵头单位 | 参与单位 | 责任单位: the third's units
        self.paths = PathBuilder()
        self.rows: list[ReadRow] = []
        self.issues: list[LedgerIssue] = []
        self.warnings: list[str] = []
        self._formula_columns_noted: set[int] = set()
        self._first = layout.last_row + 1
        # The last row holding two cells or more: below it only single lines (a remark, a signature) can stand.
        self._last_wide_row = max((number for number, cells in grid.rows.items() if len(cells) > 1), default=0)
        # Task-free rows by path, until a child shows they are headings ("1" above "1.1").
        self._maybe_headings: dict[tuple[str, ...], ReadRow] = {}
        self._category: str | None = None  # the last category read, where it carries down (``heading_carries_down``)
        # The units a group row names as the lead of the rows under it ("一、县示范区管委会牵头工作(8项)"), by its path.
        self._group_leads: dict[tuple[str, ...], list[str]] = {}
        # The first row a precedence rule ("列第一位的为牵头单位") covers: the row of the unit cell stating it, or the
        # first row for a note or title line stating it (parsing.annotations.find_precedence_rule); None without one.
        self.precedence_from = find_precedence_rule(
            [(number, value) for number in sorted(grid.rows) for _, value in sorted(grid.rows[number].items())
             if isinstance(value, str) and ("牵头" in value or "牽頭" in value)])
        # The lead column's caption as the annotation grammar names it: 牵头单位 for a lead caption, else 责任单位
        # (a 责任单位-like or unknown caption, whose plain list the precedence rule reads).
        lead_column = self.columns.get("牵头单位")
        written = layout.captions.get(lead_column, "").split("/")[-1] if lead_column else ""
        self.lead_caption = "牵头单位" if annotation_role(written) == LEAD else "责任单位"
        # no 牵头单位 / 配合单位 column: a task cell may carry its units itself ("…。责任单位:A、B": units_in_task)
        self.unit_columns = bool({"牵头单位", "配合单位"} & set(self.columns) or self.more_supporting)
        self.merged_items = _merged_items(grid, self.columns)
        self.named_across = _named_across(grid, self.columns)
        self.headings_across = _headings_across(grid, self.columns)
        self._item: tuple[int, str, int] | None = None  # the open merged item: (last row, its 序号, sub-rows so far)
        # the further columns of a caption read in parts or periods ("项目名称" merged over two: its second column)
        self._part_columns = {column for parts in (*layout.parts.values(), *layout.later_periods.values())
                              for column in parts}
        # Rows numbered as sections (一, （一）) that name a lead in their unit columns, by path, until a numbered child
        # shows they head it ("一 | 区城建局 | 道路工程" over "1.文化中心北路"): then a group row whose lead leads the rows under.
        self._maybe_led_headings: dict[tuple[str, ...], ReadRow] = {}

    def add(self, row: int) -> None:
        """Read grid row ``row`` (skipping column-number, repeated-header and footer rows)."""
        cells = self.grid.rows[row]
        own = {column: value for column, value in cells.items() if (row, column) not in self.grid.filled}
        if not any(column in self.caption_of or column in self._part_columns for column in own):
            return  # (a sub-item written in the second column of a task caption merged over two is a row: ledger67)
        if self._is_skipped(row, own):
            return
        values = {caption: cells.get(column) for caption, column in self.columns.items()}
        for caption, later in self.layout.later_periods.items():  # 1月进展 | 2月进展 | 3月进展: the newest filled
            newest = next((cells.get(column) for column in reversed([self.columns[caption], *later])
                           if _as_text(cells.get(column), exact=True) is not None), None)
            values[caption] = newest
        for caption, parts in self.layout.parts.items():  # 本月进展情况 over 前期手续 | 在建形象进度: the filled parts
            values[caption] = self._parts_text(cells, [self.columns[caption], *parts])
        for column, value in own.items():
            self._check_cell(row, column, value)
        text = {caption: _as_text(value, exact=caption in _FREE_TEXT) for caption, value in values.items()}
        if (row in self.named_across and text.get("具体措施") is None
                and any(text.get(caption) is not None for caption in text if caption not in _TASK_FREE_FIELDS)):
            # an item on one row, its 项目名称 merged across the 具体项目 column: the name is the task itself
            values["具体措施"], text["具体措施"] = values.get("重点任务"), text.get("重点任务")
            values["重点任务"] = text["重点任务"] = None
        if row in self.headings_across and text.get("重点任务") is None:
            # a heading written across the table ("（一） | 坚定不移做强增长引擎" merged over the unit columns): its title,
            # in the merge's first cell whichever column that is (the columns may come in any order)
            anchor = self.headings_across[row]
            if anchor == self.columns.get("序号"):  # "一、…" merged over the whole row: the 序号 cell holds the title
                anchor = self.columns["具体措施"]
            values["重点任务"] = cells.get(anchor)
            text["重点任务"] = _as_text(values["重点任务"], exact=False)
            for caption in self.columns:  # the title only: no measure, no unit, whichever column it stands in
                if caption not in ("序号", "重点任务"):
                    values[caption] = text[caption] = None
            if ("序号" in self.columns and text.get("序号") is None
                    and (section := _section(text.get("重点任务"))) is not None):
                # "一、经济发展" merged across from the task column of a table numbering its rows in a 序号 column:
                # numbered as it writes itself, as in that column (a table of no 序号 keeps the title whole)
                values["序号"] = text["序号"] = section[0]
                values["重点任务"] = text["重点任务"] = section[1]
        if (heading := self._heading_in_task_cell(row, text)) is not None:
            # "一、经济发展" written alone in the task column, the 序号 cell blank: a section, numbered as it writes itself
            values["序号"], text["序号"] = heading[0], heading[0]
            values["重点任务"], text["重点任务"] = heading[1], heading[1]
            values["具体措施"] = text["具体措施"] = None
        if (numbered := self._number_in_task_cell(row, text)) is not None:
            # "1.文化中心北路" under a section row, its 序号 cell blank: numbered as it writes itself (GOLD-README 130)
            values["序号"] = text["序号"] = numbered[0]
            values["具体措施"] = text["具体措施"] = numbered[1]
        self._number_sub_row(row, values, text)
        present = {caption for caption, value in text.items() if value is not None}
        read = ReadRow(row)
        read.key, read.version = text.get("任务键"), self._version(row, values)
        read.is_group_row = self._is_group_row(row, read.key, present)
        self._place(read, values.get("序号"), text)
        if read.parent_path and tuple(read.parent_path) in self._maybe_headings:
            parent = self._maybe_headings.pop(tuple(read.parent_path))
            self._promote(parent)
            read.heading = parent.heading
        elif read.parent_path and tuple(read.parent_path) in self._maybe_led_headings:
            parent = self._maybe_led_headings.pop(tuple(read.parent_path))
            self._group_leads[tuple(parent.path)] = parent.lead_units  # its lead leads the rows under it
            parent.lead_units, parent.supporting_units = [], []
            self._promote(parent)
            read.heading = parent.heading
        if read.is_group_row:
            if read.path and (lead := _heading_lead(text.get("序号"), text.get("重点任务"))):
                self._group_leads[tuple(read.path)] = lead
            self.rows.append(read)
            return
        read.measure = text.get("具体措施")
        if text.get("重点任务") is not None:
            read.heading = self._category = text["重点任务"]
        elif self.layout.heading_carries_down and self._category is not None:
            read.heading = self._category  # the category column's blank cell: the category above (header.py)
        precedence = self.precedence_from is not None and row >= self.precedence_from
        read.lead_units, read.supporting_units = unit_columns(
            text.get("牵头单位"), text.get("配合单位"), precedence=precedence, caption=self.lead_caption)
        written_deadline = None
        if not self.unit_columns and read.measure:
            read.measure, read.lead_units, read.supporting_units, written_deadline = units_in_task(read.measure,
                                                                                                  precedence)
        read.supporting_units += [
            unit for column in self.more_supporting for unit in annotation_units(_as_text(cells.get(column), exact=False))]
        read.supporting_units = supporting_besides_leads(read.lead_units, read.supporting_units)
        if not read.lead_units:
            read.lead_units = self._lead_of_group(read.parent_path)
        read.deadline, read.due_date = _deadline(values.get("完成时限"), text.get("完成时限"))
        if read.deadline is None and written_deadline:
            read.deadline, read.due_date = _deadline(written_deadline, written_deadline)  # "…；完成时限：2023年底"
        read.progress, read.problems = text.get("进展情况"), text.get("存在问题")
        read.next_steps, read.responsible = text.get("下步计划"), text.get("责任人")
        read.remarks = text.get("备注")
        read.status = self._status(row, text.get("完成状态") or self._ticked_state(cells))
        read.unit, read.role = text.get("单位"), text.get("角色")
        read.report_date = self._report_date(row, values.get("填报日期"), text.get("填报日期"))
        for column, caption in self.unmapped.items():
            if (row, column) in self.grid.formulas:
                continue  # a formula in a column not imported: noted, not read
            extra = _as_text(cells.get(column), exact=True)
            if extra is not None:
                read.extra[caption] = extra
        if (item := self._item_continued(row, text, read)) is not None:
            _add_continuation(item, read)  # the item's next row: its content and units, not a task of its own
            return
        if read.measure is None and read.key is None:
            self._issue(row, self.columns["具体措施"], "具体措施为空，请填写任务内容")
        if read.path and read.key is None and not present - _TASK_FREE_FIELDS \
                and not (read.lead_units or read.supporting_units):
            # a row naming its units inside its text ("…。(牵头单位:A;责任单位:B)") is a task, never a heading: a section
            # numbered in a new style under it ("(七)…" after task 124: 咸宁 2023, ledger corpus 092) is no child of it
            self._maybe_headings[tuple(read.path)] = read
        elif (read.path and read.key is None and self.unit_columns and read.lead_units
              and not present - _TASK_FREE_FIELDS - _UNIT_FIELDS
              and (tokens := (parse_number(read.number) or ([], ""))[0]) and tokens[-1].style in _SECTION_STYLES):
            # "一 | 区城建局 | 2 | 道路工程": a section numbered as such that names its lead, a heading once a child shows
            self._maybe_led_headings[tuple(read.path)] = read
        self.rows.append(read)

    def _number_in_task_cell(self, row: int, text: dict) -> tuple[str, str] | None:
        """(number, words) of a sub-item written with its number at the head of its task cell, the 序号 cell blank and
        not merged ("1.文化中心北路" under "一 | 区城建局 | 道路工程"; GOLD-README held-out 130: "a 序号 written at the head
        of its own text cell is split off"), when a section row (一, （一）) was read above it: the number as the 序号
        would hold it ("1") and the words after it. None for any other row (a task whose text merely opens with a
        figure, "1.5公里道路", is read by ``parse_number`` as a decimal and stays whole)."""
        number_col, task_col = self.columns.get("序号"), self.columns.get("具体措施")
        task = text.get("具体措施")
        if (number_col is None or task is None or text.get("序号") is not None or (row, number_col) in self.grid.filled
                or not self._maybe_led_headings and not self._group_leads):
            return None
        parsed = parse_number(task)
        if not parsed or len(parsed[0]) != 1 or parsed[0][0].style not in _ITEM_STYLES or not parsed[1].strip():
            return None
        return parsed[0][0].key, parsed[1].strip()

    def _item_continued(self, row: int, text: dict, read: ReadRow) -> ReadRow | None:
        """The task a 分解表's row continues, or None. In a table naming its items in a 项目名称 (重点任务) column beside
        their 主要内容 (具体措施), numbered in a 序号 column, an item may run over several rows: the first holds its 序号
        and name, the next ones leave both blank, unmerged, and hold their own content and units ("" | "" | "改造管网20
        公里" | "县住建局" | "县自然资源局"). Such a row is part of the task above it (GOLD-README, branch ledger67), when
        that task is the last row read and was numbered and named on its own row. A table whose blank category cells
        carry the category down (``heading_carries_down``) or a key column (the tracker's own export) has no such rows."""
        number_col, heading_col = self.columns.get("序号"), self.columns.get("重点任务")
        if (number_col is None or heading_col is None or "具体措施" not in self.columns or "任务键" in self.columns
                or self.layout.heading_carries_down or not self.rows or read.measure is None
                or text.get("序号") is not None or text.get("重点任务") is not None
                or not (read.lead_units or read.supporting_units)):
            return None
        item = self.rows[-1]
        if item.is_group_row or item.measure is None or not item.number or item.heading is None:
            return None
        if (item.row, number_col) in self.grid.filled or (item.row, heading_col) in self.grid.filled:
            return None  # a 序号 or name merged down from above: the sub-row rules (``_number_sub_row``) hold
        return item

    def _lead_of_group(self, parent_path: list[str] | None) -> list[str]:
        """The lead units the nearest group row above a task names for the rows under it (``_heading_lead``), for a task
        that names no lead of its own (GOLD-README "Units": the rows under such a heading take its lead unless they name
        their own; 沁县 2025 任务清单, ledger corpus 207); [] when no enclosing group names one."""
        for depth in range(len(parent_path or ()), 0, -1):
            lead = self._group_leads.get(tuple(parent_path[:depth]))
            if lead:
                return list(lead)
        return []

    def _number_sub_row(self, row: int, values: dict, text: dict) -> None:
        """A 序号 merged down over sub-rows together with its 项目 (重点任务) cell (a 民生实事 table: "1 | 浙有善育" over
        three targets): at the merge's first row, a group row of that 序号 and 项目 is added; each sub-row is then a
        task numbered by its place under it ("1.1", "1.2", "1.3"), GOLD-README (held-out part, stop 30): "one 序号
        merged over sub-rows". ``values``/``text`` (caption -> cell, caption -> text) get the sub-row's number."""
        if row in self.merged_items:
            last, written = self.merged_items[row], text.get("序号")
            group = ReadRow(row)
            group.is_group_row = True
            self._place(group, values.get("序号"), {"序号": written, "重点任务": text.get("重点任务")})
            self.rows.append(group)
            self._item = (last, group.number or written, 0)
        elif self._item is not None and row > self._item[0]:
            self._item = None
        if self._item is not None:
            last, number, count = self._item
            self._item = (last, number, count + 1)
            values["序号"] = text["序号"] = f"{number}.{count + 1}"

    def _promote(self, row: ReadRow) -> None:
        """Make a task-free row a group row: its text becomes its title."""
        row.is_group_row = True
        row.heading = row.measure or row.heading
        row.measure = None
        self.paths.retitle(row.path, row.heading)

    def _heading_in_task_cell(self, row: int, text: dict) -> tuple[str, str] | None:
        """(number, title) of a section heading an office writes in the task column of a table that numbers its rows
        in a 序号 column, its 序号 cell blank and every other cell too: "一、批而未供土地处置" or "（二）闲置土地处置" over
        tasks numbered 1, 2, … (the group-level styles 一、 and （一）, ``_SECTION_STYLES``; an arabic "1.…" may be a task
        written with its number); its number as the 序号 would hold it ("一", "（二）") and the words after it. None
        for any other row, and for a cell a merge above fills (a task's text carried down is no heading)."""
        number_col, task_col = self.columns.get("序号"), self.columns.get("具体措施")
        if (task_col is None or text.get("序号") is not None or text.get("具体措施") is None
                or (row, task_col) in self.grid.filled
                or any(value is not None for caption, value in text.items() if caption != "具体措施")):
            return None
        if number_col is None:
            return _counted_group_line(text["具体措施"])
        return _section(text["具体措施"]) or _counted_group_line(text["具体措施"])

    def _is_group_row(self, row: int, key: str | None, present: set[str]) -> bool:
        """A heading row: only 序号 and/or its own 重点任务 (no measure, units, progress, key)."""
        if key is not None or present - _GROUP_ROW_FIELDS:
            return False
        if "序号" in present:
            return True
        # (a heading written across a table without a 重点任务 column has no cell of its own to be filled from)
        return "重点任务" in present and (row, self.columns.get("重点任务")) not in self.grid.filled

    def _is_skipped(self, row: int, own: dict) -> bool:
        """Column-number rows (1 2 3 …), repeated headers and signature/note lines are not data."""
        values = list(own.values())
        if row == self._first and len(values) >= 3 and all(
                isinstance(v, int) and not isinstance(v, bool) or isinstance(v, str) and v.strip().isdigit()
                for v in values):
            self.warnings.append(f"第 {row} 行是列序号行，已跳过。")
            return True
        exact = sum(1 for v in values if isinstance(v, str) and is_caption_text(v))
        if exact >= 2 and score_row(own) >= 3:
            self.warnings.append(f"第 {row} 行是重复的表头，已跳过。")
            return True
        if is_total_row([_as_text(value, exact=False) or "" for _, value in sorted(own.items())]):
            # the table's sum ("合计 | 1735.6 | 83.6" under a category table): the plan parser's rule of a sum row
            self.warnings.append(f"第 {row} 行是合计行，不是任务，已跳过。")
            return True
        texts = [v for v in values if isinstance(v, str)]
        if texts and len(texts) == len(values) and all(_FOOTER_RE.match(simplified(text.strip())) for text in texts):
            # a note, or a signature line of one or more labels ("填报人：" | "联系电话：", 云南 2017)
            self.warnings.append(f"第 {row} 行（{texts[0].strip()[:20]}）不是任务，已跳过。")
            return True
        if self._is_closing_line(row, own):
            self.warnings.append(f"第 {row} 行（{texts[0].strip()[:20]}）是表格下方的说明、要求或落款，不是任务，已跳过。")
            return True
        return False

    def _is_closing_line(self, row: int, own: dict) -> bool:
        """A line written alone under the table's last row, no 序号 in front of it: the office's closing request
        ("请各相关单位对本次巡查的问题认真整改,整改落实情况及时报县双创办。") or its name signing the table ("县双创办": 平利
        巡查整改台账, ledger corpus 070), not a heading, for a heading heads rows under it and only single lines follow
        this one. A heading keeps its number ("一、…") or has rows under it (咸安's unnumbered "加强基础设施建设", corpus
        055); a text in the task column is a task whose other cells are empty. Constant time (``_last_wide_row``)."""
        if len(own) != 1 or row <= self._last_wide_row:
            return False
        (column, value), = own.items()
        return isinstance(value, str) and column != self.columns.get("具体措施") and parse_number(value) is None

    def _parts_text(self, cells: dict, columns: list[int]):
        """A report text kept in parts under one caption (``HeaderLayout.parts``): the one filled part as written, or
        each filled part after its sub-caption, a line each ("前期手续：已取得用地批复\n在建形象进度：主体封顶"); None when
        none is filled."""
        filled = [(column, cells.get(column)) for column in columns if _as_text(cells.get(column), exact=True) is not None]
        if len(filled) < 2:
            return filled[0][1] if filled else None
        if len({self.layout.captions[column] for column, _ in filled}) == 1:
            # one caption merged over the columns (header.py ``_spanned_field``): the parts are one text, the first a
            # label of the second when it ends so ("精准扶贫：" | "完成易地搬迁200户"), else the two joined by "："
            texts = [_as_text(value, exact=True).strip() for _, value in filled]
            return texts[0] + "".join(text if texts[0].endswith(("：", ":")) else "：" + text for text in texts[1:])
        return "\n".join(f"{self.layout.captions[column].rpartition('/')[2]}：{_as_text(value, exact=True).strip()}"
                         for column, value in filled)

    def _check_cell(self, row: int, column: int, value) -> None:
        """Formulas and error values: an issue in an imported column (E11), a note elsewhere.

        A formula whose value the file cached is read as that value (noted once per column); one
        without (FORMULA) is an issue in an imported column and ignored, with a note, in a column
        the import does not store (unmapped, or NOT_IMPORTED such as 备注).
        """
        imported = column in self.caption_of and self.caption_of[column] not in NOT_IMPORTED
        cached = (row, column) in self.grid.formulas
        if value is FORMULA or cached:
            if value is FORMULA and imported:
                self._issue(row, column, FORMULA_REASON)
            elif column not in self._formula_columns_noted:
                self._formula_columns_noted.add(column)
                label = self.caption_of.get(column) or self.unmapped.get(column, "未命名")
                where = f"{get_column_letter(column)} 列（{label}）"
                if imported:
                    self.warnings.append(f"{where}含公式，已按文件中保存的计算结果导入，公式本身不导入。")
                else:
                    self.warnings.append(f"{where}含公式，未导入该列。")
        elif isinstance(value, CellError) and imported:
            self._issue(row, column, f"单元格是错误值 {value}，请改为文本")

    def _place(self, read: ReadRow, number_value, text: dict) -> None:
        parsed = parse_number(number_value) if text.get("序号") is not None else None
        title = text.get("重点任务")
        if parsed:
            tokens, rest = parsed
            written = text["序号"].strip()
            read.number = written[:len(written) - len(rest)].strip().rstrip("、.．，,：: ") if rest else \
                written.rstrip("、.．，,：: ")
            if read.is_group_row and title is None and rest:
                title = without_item_count(rest)  # "一、优化营商环境（2项）": the group is 优化营商环境
            read.path, read.parent_path, heading = self.paths.place(tokens, read.is_group_row, title)
        else:
            read.number = text.get("序号")
            if read.is_group_row and title is None:
                title = without_item_count(read.number)  # "第一部分 …", "重点任务一：…", "优化营商环境（2项）"
                read.number = None
            read.path, read.parent_path, heading = self.paths.place_unnumbered(read.is_group_row, title)
        read.heading = title if read.is_group_row else heading

    def _version(self, row: int, values: dict) -> int | None:
        if "版本" not in self.columns:
            return None
        value = values.get("版本")
        if value is None or value is FORMULA or isinstance(value, CellError):
            if value is None and values.get("任务键") is not None:
                self._issue(row, self.columns["版本"], "缺少版本，请勿改动隐藏的“版本”列")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            self._issue(row, self.columns["版本"], f"版本“{value}”不是整数，请勿改动隐藏的“版本”列")
            return None
        return value

    def _report_date(self, row: int, value, text: str | None) -> datetime.date | None:
        """The by-unit ledger's 填报日期: a date cell, or a full date as text ("2026-03-05",
        "2026年3月5日"); another text is an issue (the day would be lost)."""
        if text is None:
            return None
        day = as_date(value)
        if day is None:
            self._issue(row, self.columns["填报日期"], f"填报日期“{text[:20]}”不是日期，请写成“2026-03-05”或“2026年3月5日”")
        return day

    def _ticked_state(self, cells) -> str | None:
        """The state whose column holds the row's tick, where the ledger gives each state a column (header.py
        ``_take_status_choices``: "已完成 | 正在推进 | 滞后"); None when no column or none ticked."""
        ticked = [state for column, state in self.layout.status_choices.items() if is_tick(cells.get(column))]
        return ticked[0] if len(ticked) == 1 else None

    def _status(self, row: int, status: str | None) -> str | None:
        if status is None:
            return None
        status = "".join(status.split())
        if self.statuses is not None and status not in self.statuses:
            allowed = "、".join(sorted(self.statuses)) or "（无）"
            self._issue(row, self.columns["完成状态"], f"完成状态“{status}”不是可选的值（可选：{allowed}）")
        return status

    def _issue(self, row: int, column: int, reason: str) -> None:
        self.issues.append(LedgerIssue(self.grid.name, row, get_column_letter(column),
                                       self.caption_of.get(column), reason))


def _merged_items(grid: SheetGrid, columns: dict) -> dict[int, int]:
    """{first row: last row} of the 序号 cells merged down over two rows or more that number an item and its sub-rows
    (``RowReader._number_sub_row``), beside a 具体措施 column of their own: the item's 项目 (重点任务) cell merged over
    the same rows (a 民生实事 table: "1 | 浙有善育" over three targets); or, GOLD-README "Merged 序号 over sub-items",
    a 项目 cell written on the first row only, or no 项目 column at all ("1 | 新增4000张养老床位" over
    "(merged) | 新增800张…床位", 上海 2024), when every sub-row writes its own task (a 具体措施 cell merged over the
    rows too is one task written over several rows, not sub-items)."""
    number, heading, measure = columns.get("序号"), columns.get("重点任务"), columns.get("具体措施")
    if number is None or measure is None:
        return {}
    spans = {(min_row, max_row) for min_row, min_col, max_row, max_col in grid.merges
             if heading is not None and min_col <= heading <= max_col and max_row > min_row}
    items, present = {}, sorted(grid.rows)
    for min_row, min_col, max_row, max_col in grid.merges:
        if not (min_col <= number <= max_col and max_row > min_row):
            continue
        if (min_row, max_row) in spans:
            items[min_row] = max_row
            continue
        if bisect.bisect_right(present, max_row) - bisect.bisect_left(present, min_row) != max_row - min_row + 1:
            continue  # a sub-row without cells writes no task of its own (nor does a crafted merge over empty rows)
        below = range(min_row + 1, max_row + 1)
        if heading is not None and any(_as_text(grid.value(row, heading), exact=False) is not None for row in below):
            continue  # a 项目 written on a sub-row too: not one item's title over its sub-rows
        if all(_as_text(grid.value(row, measure), exact=False) is not None and (row, measure) not in grid.filled
               for row in range(min_row, max_row + 1)):
            items[min_row] = max_row
    return items


def _headings_across(grid: SheetGrid, columns: dict) -> dict[int, int]:
    """Rows whose 具体措施 cell is merged, on that row alone, across every column to its right that the ledger reads (the
    units, the deadline, the progress), or across every column it reads but the 序号 whatever their order: a heading
    written across the table, no task, however the 序号 beside it is numbered (咸安 2023 责任分解, ledger corpus 055:
    "（一） | 坚定不移做强增长引擎" over 牵头单位 … 3月). A task's cell never covers the columns that hold its units and
    progress. Row -> the merge's first column (where its text is)."""
    measure = columns.get("具体措施")
    right = [column for column in columns.values() if measure is not None and column > measure]
    read = [column for caption, column in columns.items() if caption != "序号"]  # the merge leaves 序号 out
    if measure is None or len(read) < 2:
        return {}
    last = max(right) if right else None
    number = columns.get("序号", 0)
    return {min_row: min_col for min_row, min_col, max_row, max_col in grid.merges
            if min_row == max_row and ((last is not None and min_col <= measure < last <= max_col)
                                       or (min_col <= min(read) < max(read) <= max_col
                                           and not min_col <= number <= max_col))}


def _named_across(grid: SheetGrid, columns: dict) -> set[int]:
    """Rows whose 项目 (重点任务) cell is merged across the 具体措施 column (held-out convention "名称 merged over two
    columns on single rows": an item without sub-items writes its name once over both columns)."""
    heading, measure = columns.get("重点任务"), columns.get("具体措施")
    if heading is None or measure is None:
        return set()
    present = sorted(grid.rows)  # only the rows the sheet holds: a crafted merge may span a million empty rows
    return {row for min_row, min_col, max_row, max_col in grid.merges
            if min_col <= heading <= max_col and min_col <= measure <= max_col
            for row in present[bisect.bisect_left(present, min_row):bisect.bisect_right(present, max_row)]}


def _section(text: str | None) -> tuple[str, str] | None:
    """(number, title) of a text opening with a section's number ("一、经济发展" -> ("一", "经济发展"), "（二）社会民生" ->
    ("（二）", "社会民生"): the group-level styles ``_SECTION_STYLES``), the number as a 序号 cell holds it; None for a
    text opening otherwise ("1.推进…", "一是…") or holding no words after its number."""
    parsed = parse_number(text)
    if not parsed or not parsed[1].strip() or any(token.style not in _SECTION_STYLES for token in parsed[0]):
        return None
    return "".join(token.key for token in parsed[0]), parsed[1].strip()


def _counted_group_line(text: str) -> tuple[None, str] | None:
    """(None, ``text``) for a group line of a list of tasks without a 序号 column: opening with an item's enumerator
    (一是, 一、, （一）) and counting the tasks under it at its end ("一是已完成或达到时序进度(91.67%)以上的项目25个";
    vocabulary ``COUNTED_GROUP_END_RE``). The line stays whole, its enumerator part of its words, with no number (the
    list numbers nothing: GOLD-README held-out 173, branch ledgers50); None for any other text (a task)."""
    token = match_number(text.strip())
    if token is None or token.style not in _GROUP_LINE_STYLES or not COUNTED_GROUP_END_RE.search(text.strip()):
        return None
    return None, text.strip()


def _heading_lead(number: str | None, title: str | None) -> list[str]:
    """The units a group row names as the lead of every row under it, read by the plan parser's rule
    (``parsing.tables.group_lead``: "一、县示范区管委会牵头工作(8项)" -> ["县示范区管委会"], "（二）市发改委、市财政局牵头（5项）"
    -> both), its 序号 and title read together ("一" | "县发改局牵头工作"); [] for a group of another kind ("一、经济发展") or
    one naming a leader, a person ("四、卢山副省长牵头重点工作")."""
    written = (title or number or "").strip()
    if title and number and not parse_number(title):
        written = f"{number.strip().rstrip('、.．，,：: ')}、{title.strip()}"
    lead = group_lead(written) if written else None
    return annotation_units(lead) if lead else []


def _add_continuation(item: ReadRow, more: ReadRow) -> None:
    """Add to ``item`` what its continuation row ``more`` holds (``RowReader._item_continued``): its content on a line of
    its own after the item's measure, its lead and supporting units after the item's (each once, a lead no supporting
    unit), its progress on a line after the item's; the item's deadline, else the row's."""
    item.measure = f"{item.measure}\n{more.measure}"
    item.lead_units = list(dict.fromkeys([*item.lead_units, *more.lead_units]))
    item.supporting_units = supporting_besides_leads(item.lead_units, [*item.supporting_units, *more.supporting_units])
    if more.progress:
        item.progress = f"{item.progress}\n{more.progress}" if item.progress else more.progress
    if item.deadline is None:
        item.deadline, item.due_date = more.deadline, more.due_date


def supporting_besides_leads(lead: list[str], supporting: list[str]) -> list[str]:
    """The supporting units of a row (names, in order) less those that lead it and less repeats: a 责任单位 column beside
    牵头单位 often lists every unit answerable, the lead first ("牵头单位 | 责任单位": "市发改委" | "市发改委、市财政局"),
    and the lead is no supporting unit of its own task (branch ledgers51, tests/ledgers/GOLD-README.md)."""
    leading = set(lead)
    return [unit for unit in dict.fromkeys(supporting) if unit not in leading]


def unit_columns(lead_text: str | None, supporting_text: str | None, precedence: bool = False,
                 caption: str = "责任单位") -> tuple[list[str], list[str]]:
    """(lead units, supporting units) of a row's 牵头单位 and 配合单位 cells (texts or None). A cell is a list of
    names whose role its column says, split as a plan's annotation is (``parsing.unitnames.annotation_units``: vocabulary
    ``split_units``, then a list closed by 等 read as the units before it: "A、B等部门,C" -> A, B, C; "A等有关部门" -> A,
    有关部门; 官渡 2016 督办台账, ledger corpus 096), unless it marks roles itself: in words, as a task
    table's cell is read (``parsing.annotations.unit_cell_roles``: "A、B牵头；C、D配合", "A（牵头）、B", "A、B配合落实"),
    or with a mark before the leads ("★A、B": vocabulary ``marked_lead``). With ``precedence`` (the sheet states
    "列第一位的为牵头单位" for this row) the lead cell's list, written under a 责任单位-like ``caption``, gives its
    first unit the lead and the others support (CONTRACTS §1). Units a supporting cell names, whatever their marks,
    support."""
    lead, supporting = (unit_cell_roles(lead_text, precedence, caption) or marked_lead(lead_text)
                        or (annotation_units(lead_text or ""), []))
    marked = unit_cell_roles(supporting_text) or marked_lead(supporting_text)
    return lead, supporting + ([*marked[0], *marked[1]] if marked else annotation_units(supporting_text or ""))


def units_in_task(text: str, precedence: bool = False) -> tuple[str, list[str], list[str], str | None]:
    """(task text, lead units, supporting units, deadline as written or None) of a task cell that carries its units
    itself, in a ledger with no unit column: a captioned tail or a bracket naming the units' duty, read as the plan parser
    reads a measure's annotation (``parsing.annotations.split_trailing_annotations`` and ``resolve_units``:
    "…15%以上。责任单位:市政府办公室、市财政局" -> the text before 责任单位, both units leading; a 完成时限 written in it is
    the deadline; 湖州 2023 半年度完成情况, ledger corpus 049). The text unchanged, no units and no deadline when it
    names no unit ("…示范小区(市级)") or only brackets names without saying their duty ("乡镇污水处理设施建设（八公山乡污水
    处理站）": the project's site, ``Annotation.names_duty``)."""
    rest, annotations = split_trailing_annotations(text)
    annotations = [annotation for annotation in annotations
                   if annotation.entries and not annotation.unreadable and annotation.names_duty]
    if not annotations or not rest.strip():
        return text, [], [], None
    lead, supporting, deadline = resolve_units(annotations, precedence=precedence)
    return rest.strip(), lead, supporting, deadline


def _as_text(value, exact: bool) -> str | None:
    """A cell value as text: free text exactly as stored, other fields stripped; None if blank.

    Numbers become their shortest text (3.0 -> "3"), dates "YYYY-MM-DD" (with " HH:MM" when a
    time is set), booleans TRUE/FALSE as Excel shows them; formulas and error values give None
    (they are reported as issues instead).
    """
    if value is None or value is FORMULA or isinstance(value, CellError):
        return None
    if isinstance(value, str):
        text = value if exact else value.strip()
        return text if text.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat() if isinstance(value, datetime.date) else value.strftime("%H:%M")
    return str(value)


def _deadline(value, text: str | None) -> tuple[str | None, datetime.date | None]:
    """(deadline as written, due date): a date cell gives both; text keeps its words."""
    if isinstance(value, datetime.datetime):
        return text, value.date()
    if isinstance(value, datetime.date):
        return text, value
    return text, parse_due_date(text)
