"""Saved web pages (issue 13): a page saved from a government site — layout tables, the
索引号/主题分类 metadata table, 【打印】【关闭】 links, iframes, navigation and footer — is read by its
article body first and gives the same measures as the document's text."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.webpage import page_text

PAGE = (Path(__file__).parent / "fixtures" / "gov_page_layout_tables.html").read_bytes()


def plain_text_of_the_same_document() -> str:
    body = re.search(r'<div class="pages_content".*?</div>', PAGE.decode("utf-8"), re.S).group(0)
    return "\n".join(re.sub(r"<[^>]+>", "", line).strip() for line in body.split("\n"))


def test_web_page_of_a_government_site_gives_the_measures_of_its_text():
    page = read_plan_bytes(PAGE, "意见.html")
    text = parse_plan_text(plain_text_of_the_same_document())
    assert [m.path for m in page.measures] == [m.path for m in text.measures]
    assert len(page.measures) == 6
    assert [(m.lead_units, m.supporting_units) for m in page.measures] == \
        [(m.lead_units, m.supporting_units) for m in text.measures]
    assert (page.title, page.doc_number, str(page.issued_on)) == \
        ("国务院办公厅关于进一步优化营商环境的意见", "国办发〔2023〕5号", "2023-03-01")
    assert not any("运行维护单位" in w for w in page.warnings)


def test_web_page_navigation_buttons_and_footer_are_left_out():
    text = page_text(PAGE.decode("utf-8"))
    for noise in ("首页", "打印", "关闭", "版权所有", "索引号", "主题分类", "国务院文件", "var nav"):
        assert noise not in text


def test_web_page_metadata_table_gives_the_header_when_the_body_lacks_it():
    page = PAGE.decode("utf-8").replace('<p style="text-align:center">国办发〔2023〕5号</p>', "")
    draft = read_plan_bytes(page.encode("utf-8"), "意见.html")
    assert draft.doc_number == "国办发〔2023〕5号"


def test_web_page_without_known_container_is_read_by_its_densest_block():
    page = PAGE.decode("utf-8").replace('class="pages_content" id="UCAP-CONTENT"', 'class="c1"')
    assert len(read_plan_bytes(page.encode("utf-8"), "意见.html").measures) == 6


def test_web_page_whose_body_is_a_task_table_keeps_its_rows():
    rows = "".join(f"<tr><td>{n}</td><td>第{n}项重点任务，抓好落实。</td><td>市财政局</td><td>市审计局</td><td>2024年底前</td></tr>"
                   for n in range(1, 4))
    page = ("<html><body><div class='nav'><a>首页</a></div><table>"
            "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"
            f"{rows}</table></body></html>")
    draft = read_plan_bytes(page.encode("utf-8"), "分工表.html")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert draft.measures[0].supporting_units == ["市审计局"]


def test_web_page_body_split_into_sibling_blocks_is_read_whole():
    page = PAGE.decode("utf-8").replace('class="pages_content" id="UCAP-CONTENT"', 'class="c1"')
    page = page.replace("<p>　　<strong>二、优化市场准入</strong></p>", '</div><div class="c2"><p>　　<strong>二、优化市场准入</strong></p>')
    page = page.replace("（四）完善退出机制。健全企业退出制度。", "（四）完善退出机制。健全企业退出制度，畅通市场主体退出渠道，降低退出成本。")
    draft = read_plan_bytes(page.encode("utf-8"), "意见.html")
    assert [m.path for m in draft.measures][-3:] == [["二"], ["二", "（三）"], ["二", "（四）"]]
    assert len(draft.measures) == 6


def test_web_page_footer_naming_the_site_owner_gives_no_unit_to_the_last_row():
    page = ("<html><body><div>某区重点任务分工</div>"
            "<table border='1'><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
            "<tr><td>1</td><td>发放消费券。</td><td>区商务局</td><td></td></tr></table>"
            "<div class='footer'><p>主办单位：某区人民政府办公室</p><p>网站标识码：0000000000</p></div>"
            "</body></html>")
    measure = read_plan_bytes(page.encode("utf-8"), "page.html").measures[-1]
    assert (measure.lead_units, measure.supporting_units) == (["区商务局"], [])


def test_web_page_table_cell_spanning_rows_leads_every_row_it_spans():
    page = ("<html><body><table border='1'>"
            "<tr><td>序号</td><td>具体措施</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>"
            "<tr><td>1</td><td>实施重大项目。</td><td rowspan='2'>区发改局</td><td>区财政局</td><td>年底前</td></tr>"
            "<tr><td>2</td><td>争取专项债券。</td><td>区财政局</td><td>6月底前</td></tr>"
            "</table></body></html>")
    measures = read_plan_bytes(page.encode("utf-8"), "page.html").measures
    assert [(m.lead_units, m.supporting_units, m.deadline) for m in measures] == [
        (["区发改局"], ["区财政局"], "年底前"), (["区发改局"], ["区财政局"], "6月底前")]


# --- wave 4 (issue 13: a saved page gave 6 of its 17 items) ------------------------------------

def _page(body: str, charset: str = "utf-8") -> str:
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            '<title>某县重点工作方案_政府信息公开</title></head><body>'
            '<div class="nav"><a href="/">首页</a><a href="/xxgk">信息公开</a></div>'
            f'{body}<div class="footer">主办单位：某县人民政府办公室</div></body></html>')


FILLER = "各部门要切实抓好落实，确保取得实效，全面提升工作水平，推动高质量发展。"


def test_web_page_items_of_an_ordered_list_get_the_numbers_the_browser_shows():
    page = _page('<div id="zoom"><p>一、总体要求</p><ol><li>加强领导，落实责任。</li><li>完善机制，<b>强化</b>考核。</li></ol>'
                 '<p>二、保障措施</p><ol style="list-style-type:none"><li>1.加强督查，定期通报。</li></ol>'
                 f'<ul><li>{FILLER}</li></ul>' + f"<p>{FILLER}</p>" * 3 + "</div>")
    draft = read_plan_bytes(page.encode("utf-8"), "方案.html")
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"], ["二"], ["二", "1"]]
    assert draft.measures[2].text == "完善机制，强化考核。"


def test_web_page_whose_body_is_one_column_of_a_layout_table_keeps_its_br_lines():
    page = _page('<table><tr><td>某县重点工作方案</td></tr><tr><td>一、总体要求<br>1.加强领导，落实责任。<br>'
                 '2.完善机制，强化考核。</td></tr></table>')
    assert [m.path for m in read_plan_bytes(page.encode("utf-8"), "方案.html").measures] == [
        ["一"], ["一", "1"], ["一", "2"]]


def test_web_page_saved_as_gb2312_with_its_body_in_a_layout_table():
    lines = ["一、主要任务", "(一)稳定经济增长", "1.扩大有效投资，全年实施重点项目100个。", "<span>2</span><span>.</span>促进消费增长。",
             "(二)推进改革开放", FILLER, FILLER, FILLER]
    page = _page('<table width="1000"><tr><td class="nav">首页 | 信息公开</td></tr><tr><td><table><tr>'
                 f'<td class="bt_content">{"<br>".join(lines)}</td></tr><tr><td>【打印本页】【关闭窗口】</td></tr>'
                 '</table></td></tr></table>', charset="gb2312")
    draft = read_plan_bytes(page.encode("gb2312"), "通报.html")
    assert [m.path for m in draft.measures] == [["一"], ["一", "(一)"], ["一", "(一)", "1"], ["一", "(一)", "2"],
                                                ["一", "(二)"]]


def test_web_page_numbers_and_texts_in_separate_paragraphs_and_spans_make_one_item():
    page = _page('<div class="TRS_Editor"><p>一、总体要求</p>' + f"<p>{FILLER}</p>" * 3 + '<p><span>二、</span></p><p><span>主要任务</span></p>'
                 + "".join(f"<p><span>{n}.</span><span>加强第{n}项工作，</span></p><p><span>按时完成任务。</span></p>"
                           for n in (1, 2, 3)) + "</div>")
    draft = read_plan_bytes(page.encode("utf-8"), "方案.html")
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["二", "1"], ["二", "2"], ["二", "3"]]
    assert draft.measures[1].title == "主要任务" and draft.measures[2].text == "加强第1项工作，按时完成任务。"


def test_web_page_notice_and_plan_in_two_body_blocks_give_the_plans_items_too():
    page = _page('<div class="con"><div class="TRS_Editor"><p>某县人民政府关于印发方案的通知</p>' + f"<p>{FILLER * 7}</p>"
                 '<p>一、总体要求</p><p>二、保障措施</p></div><div class="fj">附件</div><div class="TRS_Editor">'
                 '<p>重点任务清单</p><p>1.加强领导，落实责任，确保各项工作按时完成。</p><p>2.完善机制，强化考核，定期通报工作进展。</p>'
                 '</div></div>')
    assert [m.path for m in read_plan_bytes(page.encode("utf-8"), "方案.html").measures] == [
        ["一"], ["二"], ["1"], ["2"]]


def test_web_page_related_links_and_previous_next_links_are_no_items():
    page = _page('<div class="main"><h1>某县方案</h1><div class="text"><p>一、总体要求</p>'
                 f'<p>1.加强领导。{FILLER}</p><p>2.完善机制。{FILLER}</p><p>{FILLER}</p></div>'
                 '<div class="xglj"><h3>相关链接</h3><ul><li>1.关于印发某某实施方案的通知</li><li>2.关于做好某项工作的通知</li></ul></div>'
                 '<div class="page"><a href="/a">上一篇：关于做好春耕工作的通知</a></div></div>')
    text = page_text(page)
    assert "相关链接" not in text and "上一篇" not in text
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["一", "1"], ["一", "2"]]


# --- wave 5 (issue 13): deadlines and issue dates of saved pages -----------------------------------

_WAVE5_FILLER = ("<p>为进一步加强工作，推动各项任务落地见效，结合我市实际，制定本方案。各单位要高度重视，认真组织实施，"
           "切实加强组织领导，确保各项工作顺利推进，按期完成各项目标任务，全面提升工作水平和群众满意度。</p>") * 2


def _saved_page(body: str, meta: str = "") -> bytes:
    return (f'<html><body><div class="nav">首页 &gt; 政务公开</div>{meta}<div id="zoom"><p>关于做好某项工作的通知</p>'
            f'{_WAVE5_FILLER}{body}</div><div class="footer">主办单位：某市人民政府办公室</div></body></html>').encode()


def test_webpage_deadlines_split_over_spans_brs_and_paragraphs_are_read_with_due_dates():
    """As a planner importing a saved page, the deadlines its markup splits are read as written."""
    page = _saved_page("<p>一、<span>加强领导。</span><span>5月</span><span>底前完成。</span>（牵头单位：<span>市财政局</span>）</p>"
                 "<p>二、强化督查。<br>年底前完成。</p>"
                 "<p>三、推进改革。（牵头单位：市审计局；<br>完成时限：2023年<br>6月底前）</p>"
                 "<p>四、完善制度。</p><p>（牵头单位：市司法局；完成时限：２０２３年１０月底前）</p>"
                 "<p>五、开展评估。（牵头单位：市统计局；完成时限：4月18 日前）</p>"
                 '<p style="text-align:right">某市人民政府办公室</p><p style="text-align:right">2023年3月5日</p>'
                 "<p>（此件公开发布）</p>")
    draft = read_plan_bytes(page, "通知.html")
    assert draft.issued_on == datetime.date(2023, 3, 5)
    assert [(m.deadline, m.due_date) for m in draft.measures] == [
        ("5月底前", datetime.date(2023, 5, 31)), ("年底前", datetime.date(2023, 12, 31)),
        ("2023年6月底前", datetime.date(2023, 6, 30)), ("２０２３年１０月底前", datetime.date(2023, 10, 31)),
        ("4月18 日前", datetime.date(2023, 4, 18))]
    assert [m.lead_units for m in draft.measures] == [["市财政局"], [], ["市审计局"], ["市司法局"], ["市统计局"]]


def test_webpage_deadline_cells_of_an_annexed_table_join_their_inline_markup_as_written():
    page = _saved_page("<p>附件</p><p>任务分解表</p><table border='1'><tr><td>序号</td><td>工作任务</td><td>牵头单位</td>"
                 "<td>完成时限</td></tr><tr><td>1</td><td><p>完成设计</p></td><td>市财政局</td>"
                 "<td><span>2023年</span><span>6月底前</span></td></tr>"
                 "<tr><td>2</td><td>完成施工</td><td>市住建局<br>市交通局</td><td>2023年9月底<br>前</td></tr></table>")
    draft = read_plan_bytes(page, "通知.html")
    assert [(m.path, m.lead_units, m.deadline) for m in draft.measures] == [
        (["1"], ["市财政局"], "2023年6月底前"), (["2"], ["市住建局", "市交通局"], "2023年9月底前")]


@pytest.mark.parametrize("meta, issued", [
    ("<table><tr><td>发文字号：</td><td>某政办发〔2023〕5号</td><td>成文日期：</td><td>2023年03月05日</td></tr>"
     "<tr><td>发布日期：</td><td>2023年03月09日</td></tr></table>", datetime.date(2023, 3, 5)),
    ("<table><tr><td>发布日期：</td><td>2023年03月09日</td><td>来源：</td><td>某市</td></tr></table>", None),
    # a county site's metadata as a list, label and value in one entry or in two
    ("<ul class='xxgk'><li>索引号:</li><li>6107280000/2023-001005</li><li>发文字号:</li><li>某政发〔2023〕7号</li>"
     "<li>成文日期: 2023年03月05日 16:40</li><li>发布日期:</li><li>2023年03月09日 16:34</li></ul>", datetime.date(2023, 3, 5)),
    ("<dl><dt>索引号</dt><dd>001/2023-01</dd><dt>成文日期：</dt><dd>2023-03-05</dd></dl>", datetime.date(2023, 3, 5)),
])
def test_webpage_issue_date_is_the_cheng_wen_date_never_the_publication_date(meta, issued):
    """GOLD-README: 成文日期 is the issue date; 发布日期 alone gives none (year-less deadlines stay without a due date)."""
    draft = read_plan_bytes(_saved_page("<p>一、加强领导。5月底前完成。</p><p>二、强化督查。年底前完成。</p>", meta), "通知.html")
    assert draft.issued_on == issued
    assert draft.measures[0].due_date == (datetime.date(2023, 5, 31) if issued else None)


def _excerpt_page(title: str) -> bytes:
    """A site's page of an excerpt that opens at item 6, its <title> as the site wrote it."""
    more = "各地要结合实际细化工作措施，明确时间节点和责任人，确保各项工作落到实处、取得实效。" * 2
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="article">'
            f'<div class="TRS_Editor" id="zoom"><p>6.在主要道路醒目位置设立文明交通宣传牌，提升城市文明形象。{more}（由各区政府负责）</p>'
            f"<p>7.组织开展“让座日”活动。{more}（由团市委负责）</p>"
            f"<p>8.开展青年志愿者维护交通秩序活动。{more}（由团市委负责，市公安局配合）</p></div></div></body></html>"
            ).encode("utf-8")


def test_a_page_title_the_site_cut_from_the_first_item_is_not_read_as_an_item_again():
    """A city's page of a task list excerpt: the site cut its <title> from the article's first words
    ("6.在主要道路醒目位置设立文明交通宣传牌，提_某市人民政府"). The liaison who imports it gets items 6–8 once, with their
    units, not a second list "（第2组）" under a title that is item 6 again (stop 47, the development copies of 1271)."""
    draft = read_plan_bytes(_excerpt_page("6.在主要道路醒目位置设立文明交通宣传牌，提_某市人民政府门户网站"), "任务.html")
    assert [m.path for m in draft.measures] == [["6"], ["7"], ["8"]]
    assert draft.measures[0].lead_units == ["各区政府"]
    assert (draft.measures[2].lead_units, draft.measures[2].supporting_units) == (["团市委"], ["市公安局"])


def test_a_real_page_title_the_first_line_does_not_begin_with_stays_the_title():
    """The same page titled as the document it is keeps that title above the items."""
    draft = read_plan_bytes(_excerpt_page("文明交通整治工作任务_某市人民政府门户网站"), "任务.html")
    assert [m.path for m in draft.measures] == [["6"], ["7"], ["8"]]
    assert draft.title == "文明交通整治工作任务"
