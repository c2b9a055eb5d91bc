"""Units the parser lost in Word 分工表 and in traditional-character plans with bulleted lists (branch units30; GOLD-README
"units30").

A supervising office receives the same split of work in several shapes. A Word 分工表 writes a 牵头单位 column and, beside it,
a 责任单位 column that repeats the lead and adds the others; a colleague pastes the same table as text, and another office
writes it as a plan, the two captions on lines under each item. Whatever the shape, the ledger must show one lead and the
others as supporting, never the lead twice. A page copied from a site that shows plans in traditional characters
(繁體) writes an item's title and lead-in, then its points on lines whose bullet the site's encoding turned into `?` (or kept
as `•`, `▪`), and closes the block with a half-width annotation `(A牽頭,B、C配合)`: those units are the item's. Each story is
what the office expects on the plan's page, told in words of its own, not those of the corpus documents.
"""
from __future__ import annotations

import io

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.cleaning import BULLETS

HEADER = "某市2023年重点工作任务分工方案\n某政办发〔2023〕5号\n2023年2月1日\n"
TRADITIONAL_HEADER = "某市推進都市圈建設三年行動計劃\n某政辦發〔2019〕8號\n2019年4月2日\n"


def units_of(draft) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


def word_table(rows: list[list[str]], above: tuple[str, ...] = ("某市2023年重点工作任务分工表",)) -> bytes:
    document = Document()
    for paragraph in above:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---- 1. a 责任单位 that repeats the lead beside a 牵头单位: one lead, the others supporting, in every shape ----------

SPLIT = [["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
         ["1", "加快重大项目前期工作，年内开工10个项目。", "市发改委", "市发改委、市财政局、各区县政府", "2023年底前"],
         ["2", "推行企业开办一日办结。", "市行政审批局", "市行政审批局、市市场监管局", "2023年6月底前"],
         ["3", "盘活存量建设用地。", "市自然资源局", "市财政局、市住建局", "长期坚持"]]
EXPECTED = {("1",): (["市发改委"], ["市财政局", "各区县政府"]),
            ("2",): (["市行政审批局"], ["市市场监管局"]),
            ("3",): (["市自然资源局"], ["市财政局", "市住建局"])}


def test_a_word_split_table_whose_responsible_column_repeats_the_lead_gives_one_lead_and_the_others_supporting():
    draft = read_plan_bytes(word_table(SPLIT), "分工表.docx")
    assert units_of(draft) == EXPECTED
    assert [m.deadline for m in draft.measures] == ["2023年底前", "2023年6月底前", "长期坚持"]


def test_the_same_table_pasted_as_text_reads_the_same():
    text = HEADER + "\n".join("\t".join(row) for row in SPLIT) + "\n"
    assert units_of(parse_plan_text(text)) == EXPECTED


def test_the_same_split_written_as_caption_lines_under_each_item_reads_the_same():
    body = "".join(f"{row[0]}.{row[1]}\n牵头单位: {row[2]}\n责任单位: {row[3]}\n" for row in SPLIT[1:])
    assert units_of(parse_plan_text(HEADER + body)) == EXPECTED


def test_a_word_table_whose_unit_cell_holds_both_caption_lines_reads_them_as_their_captions():
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "加快重大项目前期工作。", "牵头单位: 市发改委。\n责任单位: 市发改委、市财政局、市统计局等。"]]
    assert units_of(read_plan_bytes(word_table(rows), "分工表.docx")) == {("1",): (["市发改委"], ["市财政局", "市统计局"])}


@pytest.mark.parametrize("caption", ["负责单位", "负责部门", "負責單位"])
def test_a_unit_column_captioned_with_who_does_the_work_supports_beside_a_lead_column_and_leads_alone(caption):
    # "负责单位" is said like "责任单位": those who carry the work out (the vocabulary's responsible roles)
    beside = [["序号", "工作任务", "牵头单位", caption], ["1", "盘活存量建设用地。", "市自然资源局", "市自然资源局、市财政局"]]
    alone = [["序号", "工作任务", caption], ["1", "盘活存量建设用地。", "市自然资源局、市财政局"]]
    assert units_of(read_plan_bytes(word_table(beside), "a.docx")) == {("1",): (["市自然资源局"], ["市财政局"])}
    assert units_of(read_plan_bytes(word_table(alone), "b.docx")) == {("1",): (["市自然资源局", "市财政局"], [])}


def merged_row(document_rows: list[list[str]], merged: list[int]) -> bytes:
    """A Word table whose rows ``merged`` are one cell spanning the table (python-docx merges them)."""
    document = Document()
    document.add_paragraph("某市2023年重点工作任务分工表")
    width = len(document_rows[0])
    table = document.add_table(rows=len(document_rows), cols=width)
    for r, row in enumerate(document_rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for r in merged:
        table.cell(r, 0).merge(table.cell(r, width - 1))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_responsible_line_written_as_a_row_of_its_own_under_each_task_gives_that_tasks_units():
    # the office writes "责任单位：…" on a row merged across the table under each task row
    rows = [["序号", "工作任务", "牵头单位"],
            ["1", "加快重大项目前期工作。", "市发改委"], ["责任单位：市发改委、市财政局、各区县政府", "", ""],
            ["2", "推行企业开办一日办结。", "市行政审批局"], ["责任单位：市行政审批局、市市场监管局", "", ""],
            ["3", "盘活存量建设用地。", "市自然资源局"], ["责任单位：市财政局、市住建局", "", ""]]
    draft = read_plan_bytes(merged_row(rows, [2, 4, 6]), "分工表.docx")
    assert units_of(draft) == EXPECTED
    # pasted as text the row keeps its one cell, in the first column or under the task, its tabs lost
    pasted = HEADER + "\n".join("\t".join(["", row[0], ""] if row[0].startswith("责任") else row) for row in rows)
    assert units_of(parse_plan_text(pasted)) == EXPECTED


def test_a_leader_line_between_two_rows_of_a_table_does_not_end_the_table():
    rows = [["序号", "工作任务", "牵头单位", "责任单位"],
            ["1", "加快重大项目前期工作。", "市发改委", "市发改委、市财政局"], ["", "责任领导：张三", "", ""],
            ["2", "推行企业开办一日办结。", "市行政审批局", "市市场监管局"]]
    draft = read_plan_bytes(word_table(rows), "分工表.docx")
    assert units_of(draft) == {("1",): (["市发改委"], ["市财政局"]), ("2",): (["市行政审批局"], ["市市场监管局"])}


def test_a_group_row_without_number_merged_across_the_table_titles_the_next_row_and_keeps_the_table():
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["产业发展类", "", "", ""],
            ["1", "加快重大项目前期工作。", "市发改委", "市发改委、市财政局、各区县政府"],
            ["2", "推行企业开办一日办结。", "市行政审批局", "市行政审批局、市市场监管局"], ["要素保障类", "", "", ""],
            ["3", "盘活存量建设用地。", "市自然资源局", "市财政局、市住建局"]]
    for draft in (read_plan_bytes(merged_row(rows, [1, 4]), "分工表.docx"),
                  parse_plan_text(HEADER + "\n".join("\t".join(row) for row in rows))):
        assert units_of(draft) == EXPECTED  # the group rows are no measures: they number nothing
        assert [m.title for m in draft.measures][::2] == ["产业发展类", "要素保障类"]


def test_a_group_row_named_like_a_task_caption_is_a_group_row_under_a_tab_header():
    # "发展目标" is also a task column's caption; between a tab header and its rows it can only be the group's name
    rows = [["序号", "事项", "牵头单位"], ["发展目标"], ["1", "地区生产总值增长6.5%以上。", "区发改局"],
            ["责任单位：区农业农村局、区发改局、区统计局"], ["2", "区本级固定资产投资增长25%。", "区发改局"]]
    draft = parse_plan_text(HEADER + "\n".join("\t".join(row) for row in rows))
    assert units_of(draft) == {("1",): (["区发改局"], ["区农业农村局", "区统计局"]), ("2",): (["区发改局"], [])}


@settings(max_examples=30, deadline=None)
@given(others=st.lists(st.sampled_from(["市财政局", "市商务局", "市科技局", "市住建局", "各区县政府", "市统计局"]),
                       min_size=1, max_size=4, unique=True),
       lead=st.sampled_from(["市发改委", "市经信局", "市农业农村局"]), at=st.integers(min_value=0, max_value=4))
def test_wherever_the_responsible_list_names_the_lead_the_lead_leads_only(others, lead, at):
    listed = others[:at] + [lead] + others[at:]
    body = f"1.推进项目建设。\n牵头单位：{lead}\n责任单位：{'、'.join(listed)}\n"
    assert units_of(parse_plan_text(HEADER + body))[("1",)] == ([lead], others)


# ---- 2. a traditional plan whose item closes a bulleted block with a half-width annotation ----------------------

BULLETED = ("一、重點任務\n"
            "(一)道路暢通工程。加快建設都市圈快速交通體系。\n"
            "全面規劃都市圈快速通道路網,\n"
            "{b}2019年建成環城快速路;\n"
            "{b}2020年建成濱河大道改造工程;\n"
            "進一步規范交通秩序,確保道路暢通。(市交通運輸局牽頭,市公安局、市住房城鄉建設局、市財政局配合)\n"
            "(二)公交優先工程。推進公交一體化。\n"
            "{b}開通城際公交線路5條;\n"
            "{b}推進公交卡互聯互通。(市交通運輸局牽頭,市財政局配合)\n"
            "(三)環境共治工程。建立聯防聯控機制。\n")


@pytest.mark.parametrize("bullet", ["?", "•", "▪"], ids=["lost bullet", "bullet", "small square"])
def test_the_annotation_closing_a_bulleted_block_gives_its_item_the_units_and_the_first_aimed_year(bullet):
    draft = parse_plan_text(TRADITIONAL_HEADER + BULLETED.format(b=bullet))
    units = units_of(draft)
    assert units[("一", "(一)")] == (["市交通運輸局"], ["市公安局", "市住房城鄉建設局", "市財政局"])
    assert units[("一", "(二)")] == (["市交通運輸局"], ["市財政局"])
    assert units[("一", "(三)")] == ([], [])  # the next item keeps nothing of them
    first = next(m for m in draft.measures if m.path == ["一", "(一)"])
    assert first.deadline == "2019年" and "2020年建成濱河大道改造工程" in first.text
    assert not any("未归入任何条目" in w for w in draft.warnings)
    assert len(draft.measures) == 4  # the bulleted lines are the items' words, no measures of their own


def test_the_same_block_in_simplified_characters_reads_the_same():
    simplified = ("一、重点任务\n(一)公交优先工程。推进公交一体化。\n?开通城际公交线路5条;\n?推进公交卡互联互通。"
                  "(市交通运输局牵头,市财政局配合)\n")
    assert units_of(parse_plan_text(HEADER + simplified))[("一", "(一)")] == (["市交通运输局"], ["市财政局"])


def test_paragraphs_that_open_no_list_after_a_longer_item_stay_no_items_even_when_the_last_is_annotated():
    # seed 003's rule: whole sentences after an item that closed its own words belong to no item
    body = ("一、重点任务\n(一)扩大有效投资。全年完成投资500亿元。\n新开工项目100个。\n加快项目建设进度。(市发改委牵头)\n"
            "(二)优化营商环境。\n")
    draft = parse_plan_text(HEADER + body)
    assert units_of(draft)[("一", "(一)")] == ([], [])
    assert any("未归入任何条目" in w for w in draft.warnings)


def test_a_lost_bullet_before_an_enumerator_is_layout():
    body = "一、重点任务\n(一)推进项目建设。\n?一是加快前期工作;\n?二是强化要素保障。\n"
    paths = [m.path for m in parse_plan_text(HEADER + body).measures]
    assert ["一", "(一)", "一是"] in paths and ["一", "(一)", "二是"] in paths


@settings(max_examples=40, deadline=None)
@given(bullet=st.sampled_from(list(BULLETS)), points=st.integers(min_value=1, max_value=12),
       lead_in=st.booleans())
def test_any_bulleted_list_under_an_item_closed_by_an_annotation_is_the_items(bullet, points, lead_in):
    lines = (["主要抓好以下工作:"] if lead_in else []) + [f"{bullet}完成第{n}批项目验收;" for n in range(1, points + 1)]
    body = ("一、重点任务\n(一)推进项目建设。加快项目进度。\n" + "\n".join(lines)
            + "\n做好项目档案管理。(市发改委牵头,市财政局、市审计局配合)\n(二)优化营商环境。\n")
    draft = parse_plan_text(HEADER + body)
    assert units_of(draft)[("一", "(一)")] == (["市发改委"], ["市财政局", "市审计局"])
    assert units_of(draft)[("一", "(二)")] == ([], [])


# ---- 3. how units share a duty: by their remits and respectively, in either order or both ---------------------------

@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（市市场监管局、市发改委按职责分别负责）", ["市市场监管局", "市发改委"], []),
    ("（市市场监管局、市发改委按照各自职责负责）", ["市市场监管局", "市发改委"], []),
    ("（市市场监管局牵头，市公安局、市商务局按职责分别负责）", ["市市场监管局"], ["市公安局", "市商务局"]),
    ("(市市場監管局牽頭,市公安局、市商務局按職責分別負責)", ["市市場監管局"], ["市公安局", "市商務局"]),
    ("（市市场监管局、市发改委按职责分工分别牵头，市公安局配合）", ["市市场监管局", "市发改委"], ["市公安局"]),
], ids=["remit then respectively", "each by its own remit", "after a lead", "traditional, half-width", "both before 牵头"])
def test_units_sharing_a_duty_by_remit_and_respectively_read_like_按职责分工负责(annotation, lead, supporting):
    draft = parse_plan_text(HEADER + "一、重点任务\n1.开展专项检查和信用监管。" + annotation + "\n")
    assert units_of(draft)[("一", "1")] == (lead, supporting)
    assert not draft.warnings  # no "单位标注无法读取"


def test_a_word_bulleted_list_under_an_item_closed_by_an_annotation_is_the_items():
    # Word draws the bullets itself (a list style): the reader marks such paragraphs as bulleted, as a page's "•"
    document = Document()
    for text, style in [("某市推進都市圈建設三年行動計劃", None), ("一、重點任務", None),
                        ("(一)公交優先工程。推進公交一體化。", None), ("開通城際公交線路5條;", "List Bullet"),
                        ("2020年建成公交樞紐2個;", "List Bullet"),
                        ("推進公交卡互聯互通。(市交通運輸局牽頭,市財政局配合)", "List Bullet"),
                        ("(二)環境共治工程。建立聯防聯控機制。", None)]:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    draft = read_plan_bytes(buffer.getvalue(), "行動計劃.docx")
    assert units_of(draft)[("一", "(一)")] == (["市交通運輸局"], ["市財政局"])
    assert units_of(draft)[("一", "(二)")] == ([], [])
    assert next(m for m in draft.measures if m.path == ["一", "(一)"]).deadline == "2020年"


@pytest.mark.parametrize("body, other", [("1.推进城市更新。（市住建局会同市财政局牵头）\n", "市财政局"),
                                         ("1.推进城市更新。(市住建局會同市財政局牽頭)\n", "市財政局"),
                                         ("1.推进城市更新，由市住建局会同市财政局牵头。\n", "市财政局"),
                                         ("1.推进城市更新。市住建局会同市财政局负责。\n", "市财政局")],
                         ids=["bracket", "traditional", "closing clause with 由", "closing sentence"])
def test_a_unit_leading_together_with_another_leads_and_the_other_supports(body, other):
    draft = parse_plan_text(HEADER + "一、重点任务\n" + body)
    assert units_of(draft)[("一", "1")] == (["市住建局"], [other])  # names as written
    assert not draft.warnings


def test_an_annotation_on_a_line_of_its_own_after_a_long_bulleted_list_is_the_items():
    points = "".join(f"?{year}年建成第{n}條快速路;\n" for n, year in enumerate(range(2019, 2025), 1))
    body = ("一、重點任務\n(一)道路暢通工程。加快建設都市圈快速交通體系。\n全面規劃都市圈快速通道路網,\n" + points
            + "(市交通運輸局牽頭,市公安局、市財政局配合)\n(二)公交優先工程。\n")
    draft = parse_plan_text(TRADITIONAL_HEADER + body)
    assert units_of(draft)[("一", "(一)")] == (["市交通運輸局"], ["市公安局", "市財政局"])
    assert units_of(draft)[("一", "(二)")] == ([], [])
    assert not draft.warnings


def test_an_annotation_line_after_many_whole_paragraphs_still_takes_back_a_few_only():
    # five sentences after an item are no list of it: the annotation line under them is not the item's (a few at most)
    body = ("一、重点任务\n(一)扩大有效投资。全年完成投资500亿元。\n" + "".join(f"新开工第{n}批项目。\n" for n in range(1, 6))
            + "（市发改委牵头）\n(二)优化营商环境。\n")
    assert units_of(parse_plan_text(HEADER + body))[("一", "(一)")] == ([], [])
