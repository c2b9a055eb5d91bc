"""Deadlines as a saved page writes them (issue 13, deadlines round 4): an office saves the page of a plan
whose text reads fine as .txt, but the page's markup writes one date in several <span>s on source lines of
their own (Word's HTML), breaks an item's paragraph with a <br> before the sentence that says by when, or
writes its task table's time cells so. The deadline stays the one a reader sees on the page. Also: a table's
time column captioned in the office's own words (工作时限), a 进度 list whose items open with their date after
、 (1、6月底前…), and the stage list of a 时间节点. The wording here is invented, not the corpus's."""
from __future__ import annotations

import datetime
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.deadlines import splits_written_date
from tracker.parsing.webpage import page_text
from tests.helpers.word_tables import word_table

OPENING = ("<p>某街道背街小巷环境提升工作方案</p><p>为改善辖区居民生活环境，结合街道实际，制定本方案。本方案所列事项由各责任科室"
           "对照落实，街道党工委将定期听取进展情况汇报，对工作不力的予以通报，各社区要积极配合，确保按期完成各项任务。</p>"
           "<p>一、主要任务</p>")


def _page(body: str) -> bytes:
    return (f"<html><head><title>某街道背街小巷环境提升工作方案_通知公告</title></head><body>"
            f"<div class=\"nav\"><a href=\"/\">首页</a></div><div id=\"zoom\">{OPENING}{body}</div>"
            f"<div class=\"footer\">版权所有</div></body></html>").encode("utf-8")


def _measures(body: str) -> dict[tuple, object]:
    return {tuple(m.path): m for m in read_plan_bytes(_page(body), "方案.html").measures}


@pytest.mark.parametrize("date_markup, deadline", [
    # Word's HTML: figures and words in runs of their own, one per source line
    ('<span lang="EN-US">2024</span>\n<span>年</span>\n<span lang="EN-US">9</span>\n<span>月底前</span>', "2024年9月底前"),
    ('<span>2024年</span>\n<span>9月底前</span>', "2024年9月底前"),
    ('<span>2024年9月底</span>\n<span>前</span>', "2024年9月底前"),
    ('<font face="仿宋">11</font>\n<font face="仿宋">月上旬前</font>', "11月上旬前"),
    ('<span>每月</span>\n<span>10</span>\n<span>日前</span>', "每月10日前"),
    ('<span>每个季度第1个月的</span>\n<span>15</span>\n<span>日前</span>', "每个季度第1个月的15日前"),
    ('<span>2024年3月1日-</span>\n<span>2024年5月底</span>', "2024年3月1日-2024年5月底"),
    ('<span>4月1日至</span>\n<span>6</span>\n<span>月30日</span>', "4月1日至6月30日"),
    ('<span>即日起至</span>\n<span lang="EN-US">2024</span>\n<span>年5月31日</span>', "即日起至2024年5月31日"),
])
def test_a_date_the_page_writes_in_spans_on_source_lines_is_read_as_the_page_shows_it(date_markup, deadline):
    measures = _measures(f"<p>（一）清理楼道堆放杂物，摸清各小区底数。（牵头科室：街道城管科；完成时限：{date_markup}）</p>"
                         "<p>（二）规范非机动车停放。</p>")
    assert measures[("一", "（一）")].deadline == deadline
    assert measures[("一", "（一）")].lead_units == ["街道城管科"]


def test_a_blank_typed_inside_the_date_of_a_page_stays_as_written():
    # a blank the editor typed (no line of the source between two tags) is part of the text, as in a .txt
    measures = _measures("<p>（一）清理楼道堆放杂物。（牵头科室：街道城管科；完成时限：2024年 9月底前）</p>")
    assert measures[("一", "（一）")].deadline == "2024年 9月底前"


def test_source_lines_between_words_that_are_no_date_still_separate_them():
    text = page_text(_page("<p>（一）清理楼道堆放杂物。（责任科室：<span>街道城管科</span>\n<span>街道综治办</span>）</p>"))
    assert "街道城管科 街道综治办" in text


def test_the_sentence_after_a_br_inside_an_items_paragraph_still_gives_the_items_deadline():
    measures = _measures("<p>（一）清理楼道堆放杂物，摸清各小区底数，逐栋建立问题清单。<br>各社区于2024年10月底前完成清理。</p>"
                         "<p>（二）规范非机动车停放，施划停车位，设置充电设施。<br>此项工作<span>12</span>\n<span>月底前</span>完成。</p>"
                         "<p>（三）加强宣传引导。</p>")
    assert measures[("一", "（一）")].deadline == "2024年10月底前"
    assert measures[("一", "（二）")].deadline == "12月底前"
    assert measures[("一", "（三）")].deadline is None


def test_a_br_before_an_indented_paragraph_or_a_new_item_still_ends_the_line():
    text = page_text(_page("<p>（一）清理楼道堆放杂物，摸清底数。<br>（二）规范非机动车停放。<br>"
                           "\u3000\u3000街道每季度通报一次进展情况。</p>"))
    lines = text.split("\n")
    assert "（一）清理楼道堆放杂物，摸清底数。" in lines
    assert "（二）规范非机动车停放。" in lines
    assert "街道每季度通报一次进展情况。" in lines


def test_a_page_table_whose_time_cells_are_spans_on_source_lines_gives_every_row_its_time():
    rows = [("1", "改造老旧楼道照明", "街道城管科", '<span lang="EN-US">6</span>\n<span>月底前</span>'),
            ("2", "增设垃圾分类亭", "街道环卫所<br />\n各社区", '<span>2024</span>\n<span>年</span>\n<span>全年</span>'),
            ("3", "修缮小区围墙", "街道建设办", '<span lang="EN-US">2024</span>\n<span>年</span><span lang="EN-US">11</span>\n<span>月前</span>')]
    cells = "".join(f"<tr><td>{n}</td><td>{task}</td><td>{units}</td><td><p>{time}</p></td></tr>" for n, task, units, time in rows)
    table = ("<table border=\"1\"><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
             f"{cells}</table>")
    measures = {tuple(m.path): m for m in read_plan_bytes(_page(table), "清单.html").measures}
    assert [measures[(n,)].deadline for n in ("1", "2", "3")] == ["6月底前", "2024年全年", "2024年11月前"]
    assert measures[("2",)].lead_units == ["街道环卫所", "各社区"]


@pytest.mark.parametrize("caption", ["工作时限", "任务完成时限", "落实期限", "计划竣工时间", "整改完成日期"])
def test_a_word_tables_time_column_captioned_in_the_offices_own_words_gives_each_row_its_time(caption):
    rows = [("1", "修缮镇文化站", "镇文化站", "2024年"), ("2", "开展河道保洁", "镇农业办", "全年"),
            ("3", "建设农贸市场", "镇建设办", "12月底"), ("4", "落实林长制", "镇林业站", "持续推进"),
            ("5", "完成村级道路硬化", "镇交通办", "2024年11月前")]
    draft = read_plan_bytes(word_table([["序号", "工作任务", "责任单位", caption], *rows], "某镇2024年重点工作任务清单"), "清单.docx")
    assert [m.deadline for m in draft.measures] == ["2024年", "全年", "12月底", "持续推进", "2024年11月前"]


@pytest.mark.parametrize("caption", ["开工时间", "公开时限", "有效期限"])
def test_a_start_or_a_pages_publication_term_is_no_time_column(caption):
    rows = [("1", "修缮镇文化站", "镇文化站", "2024年3月")]
    draft = read_plan_bytes(word_table([["序号", "工作任务", "责任单位", caption], *rows], "某镇2024年重点工作任务清单"), "清单.docx")
    assert [m.deadline for m in draft.measures] == [None]


HEADER = "某镇2024年人居环境整治实施方案\n2024年2月1日\n一、进度安排\n"


def test_items_of_a_progress_list_that_open_with_their_date_after_the_enumeration_comma_are_items():
    draft = parse_plan_text(HEADER + "1、3月底前完成各村摸底排查，建立台账。\n2、8月底前完成集中整治。\n"
                                     "3、11月20日前完成考核验收。\n二、保障措施\n")
    measures = {tuple(m.path): m for m in draft.measures}
    assert [(m.path[-1], m.deadline) for m in draft.measures if m.path[0] == "一" and len(m.path) == 2] == [
        ("1", "3月底前"), ("2", "8月底前"), ("3", "11月20日前")]
    assert measures[("一", "3")].due_date == datetime.date(2024, 11, 20)


@pytest.mark.parametrize("line", ["1、2月份全镇新增市场主体120户。", "3、4月全镇开展春季植树。"])
def test_two_months_listed_with_the_enumeration_comma_open_a_sentence_not_an_item(line):
    draft = parse_plan_text(HEADER + line + "\n二、保障措施\n")
    assert [m.path for m in draft.measures] == [["一"], ["二"]]


def test_a_time_node_written_as_a_stage_list_gives_its_first_stage():
    draft = parse_plan_text(HEADER + "（一）建设村级污水处理站。（责任单位：镇建设办；时间节点：2024年5月底前完成选址；"
                                     "2024年10月底前建成投用）\n（二）整治村内沟渠。\n")
    assert draft.measures[1].deadline == "2024年5月底前"


@pytest.mark.parametrize("value, deadline", [("每季度", "每季度"), ("每月", "每月"), ("长期", "长期")])
def test_a_recurring_or_standing_time_in_an_annotation_is_its_deadline_without_a_due_date(value, deadline):
    draft = parse_plan_text(HEADER + f"（一）巡查村内河道。（责任单位：镇农业办；完成时限：{value}）\n（二）整治村内沟渠。\n")
    assert (draft.measures[1].deadline, draft.measures[1].due_date) == (deadline, None)


def test_the_whole_year_in_an_annotation_is_due_at_the_end_of_the_plans_year():
    # 全年 is dated as 年内 and 年底前 are: the end of the year the plan is signed in (GOLD-README "kinds46")
    draft = parse_plan_text(HEADER + "（一）巡查村内河道。（责任单位：镇农业办；完成时限：全年）\n（二）整治村内沟渠。\n")
    assert draft.measures[1].deadline == "全年"
    assert draft.measures[1].due_date == datetime.date(2024, 12, 31)


# -- invariants ------------------------------------------------------------------------------------------

_pieces = st.lists(st.sampled_from(["2024", "年", "9", "月", "底", "前", "每月", "10", "日", "街道", "城管科", "，", "。", " "]),
                   max_size=8)


@settings(max_examples=200, deadline=None)
@given(_pieces, _pieces)
def test_splits_written_date_never_raises_and_answers_a_bool(left, right):
    assert splits_written_date("".join(left), "".join(right)) in (True, False)


_words = st.sampled_from(["（一）清理杂物。", "（二）规范停放，", "街道城管科", "2024", "年", "9月底前", "每月", "10日前",
                          "完成。", "一、主要任务", "各社区于", "摸清底数。"])
_glue = st.sampled_from(["", "\n", " ", "<br>", "<br>\u3000\u3000", "</p><p>", "</span>\n<span>"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_words, _glue), min_size=1, max_size=14))
def test_a_page_loses_no_characters_and_keeps_their_order_whatever_its_breaks(pieces):
    markup = "<p>" + "".join(f"<span>{word}</span>{glue}" for word, glue in pieces) + "</p>"
    text = page_text(f"<html><body><div id=\"zoom\">{markup}</div></body></html>")
    visible = "".join(word for word, _ in pieces).replace(" ", "")
    assert "".join(text.split()) == visible


def test_a_caption_line_whose_date_the_next_paragraph_finishes_gives_the_whole_date():
    # a page's paragraphs, a PDF's wrap: "完成时限：2024年" then "6月底前" is one date (a line end inside it is layout)
    measures = _measures("<p>（一）清理楼道堆放杂物，摸清各小区底数。</p><p>责任科室：街道城管科</p>"
                         "<p>完成时限：2024年</p><p>6月底前</p><p>（二）规范非机动车停放。</p><p>完成时限：2024年9月</p>"
                         "<p>底前完成</p>")
    assert measures[("一", "（一）")].deadline == "2024年6月底前"
    assert measures[("一", "（一）")].lead_units == ["街道城管科"]
    assert measures[("一", "（二）")].deadline == "2024年9月底前"


def test_a_full_width_space_typed_inside_a_pages_date_stays_as_written_as_in_its_txt_copy():
    measures = _measures("<p>（一）清理楼道堆放杂物。（牵头科室：街道城管科；完成时限：2024年\u30009月底前）</p>")
    assert measures[("一", "（一）")].deadline == "2024年\u30009月底前"
    table = ("<table border=\"1\"><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
             "<tr><td>1</td><td>改造老旧楼道照明</td><td>街道城管科</td><td>2024年\u30006月底前</td></tr></table>")
    rows = {tuple(m.path): m for m in read_plan_bytes(_page(table), "清单.html").measures}
    assert rows[("1",)].deadline == "2024年\u30006月底前"


def test_a_line_break_inside_a_word_cells_date_is_layout_and_between_units_a_separator():
    import docx

    document = docx.Document()
    document.add_paragraph("某镇2024年重点工作任务清单")
    table = document.add_table(rows=0, cols=4)
    for number, task, units, (year, rest) in [("1", "修缮镇文化站", ("镇文化站", "镇财政所"), ("2024年", "6月底前")),
                                              ("2", "开展河道保洁", ("镇农业办",), ("2024年9月", "底前"))]:
        header = table.rows[0].cells if table.rows else None
        if header is None:
            for cell, caption in zip(table.add_row().cells, ["序号", "工作任务", "责任单位", "完成时限"]):
                cell.text = caption
        cells = table.add_row().cells
        cells[0].text, cells[1].text = number, task
        unit_run = cells[2].paragraphs[0].add_run(units[0])
        for unit in units[1:]:
            unit_run.add_break()  # Word's <w:br/>: one unit a line in the cell
            unit_run = cells[2].paragraphs[0].add_run(unit)
        cells[3].paragraphs[0].add_run(year).add_break()
        cells[3].paragraphs[0].add_run(rest)
    data = io.BytesIO()
    document.save(data)
    rows = read_plan_bytes(data.getvalue(), "清单.docx").measures
    assert [(m.lead_units, m.deadline) for m in rows] == [(["镇文化站", "镇财政所"], "2024年6月底前"),
                                                          (["镇农业办"], "2024年9月底前")]


def test_a_line_break_inside_a_word_paragraph_reads_as_a_pages_br():
    import docx

    document = docx.Document()
    document.add_paragraph("某镇2024年人居环境整治实施方案")
    document.add_paragraph("一、重点任务")
    for first, second in [("（一）清理村内沟渠，全面排查各村卫生死角，建立问题清单。", "各村于2024年5月底前完成清理。"),
                          ("（二）加强宣传引导。", "（三）强化考核督导。"),
                          # (two sentences: no title sentence, whose body runs to the end after a last item since fresh58)
                          ("（四）落实长效管护。明确各村保洁人员职责。", "\u3000\u3000镇农业办每季度通报一次。")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(first).add_break()  # Shift+Enter: Word's <w:br/>
        paragraph.add_run(second)
    data = io.BytesIO()
    document.save(data)
    measures = {tuple(m.path): m for m in read_plan_bytes(data.getvalue(), "方案.docx").measures}
    assert measures[("一", "（一）")].deadline == "2024年5月底前"
    assert ("一", "（三）") in measures  # an item after the break is an item of its own
    assert "通报" not in measures[("一", "（四）")].text  # an indented paragraph after the break is no part of it


@pytest.mark.parametrize("annotation", [
    "（牵头科室：街道城管科；完成 时限：2024年9月底前）",  # a blank typed inside the caption
    "（牵头科室：街道城管科；完成时\n限：2024年9月底前）",  # Word's HTML wraps its source line inside the caption
    "（牵头科室：街道城管科；<span>完成</span>\n<span>时限</span>：2024年9月底前）",
])
def test_blanks_inside_a_caption_leave_its_units_and_its_deadline_as_written(annotation):
    measures = _measures(f"<p>（一）清理楼道堆放杂物，摸清各小区底数。{annotation}</p>")
    assert (measures[("一", "（一）")].lead_units, measures[("一", "（一）")].deadline) == (["街道城管科"], "2024年9月底前")


def test_blanks_between_a_unit_and_the_next_caption_still_separate_them():
    draft = parse_plan_text(HEADER + "（一）巡查村内河道。（牵头单位：镇农业办 配合单位：镇财政所 完成时限：全年）\n")
    assert (draft.measures[1].lead_units, draft.measures[1].supporting_units, draft.measures[1].deadline) == (
        ["镇农业办"], ["镇财政所"], "全年")
