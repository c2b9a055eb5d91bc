"""Regulations and plans as offices receive them in PDF (issue 13, branch pdfs).

A 办法 whose copy lost its line ends (the whole regulation one paragraph: "…办法第一章总则第一条为…。第二条…")
still reads chapter by chapter and article by article, as text and as the PDF made from it; a citation of an
article inside a sentence opens nothing. A plan's units survive the wraps of a PDF: duties written as words that
a wrap put on a line of their own, a caption in square brackets left at a line's end, page numbers between.
The wording here is invented (a 协会's 办法, a 街道's plan), not the corpus's."""
from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import read_plan_bytes
from tracker.parsing.parser import parse_plan_text
from tracker.vocabulary.numbering import chinese_numeral

RUN_ON_BANFA = (
    "某某市志愿服务协会关于印发《会员服务管理办法》的通知各分会、各会员单位：《会员服务管理办法》已经理事会审议通过，"
    "现印发给你们，请遵照执行。某某市志愿服务协会2024年3月5日会员服务管理办法第一章总则第一条为做好会员服务，"
    "规范会员管理，制定本办法。第二条本办法所称会员，是指下列单位和个人：（一）登记注册的志愿服务组织；"
    "（二）长期参加服务的志愿者。第二章 会员权利第三条会员享有下列权利：（一）参加协会组织的活动；（二）获得培训。"
    "第四条依照本办法第二条规定入会的会员，可以提出意见。第五条会员退会的，按照第三条规定办理。第三章附则"
    "第六条本办法自印发之日起施行。"
)
RUN_ON_PATHS = [["第一章"], ["第一章", "第一条"], ["第一章", "第二条"], ["第一章", "第二条", "（一）"],
                ["第一章", "第二条", "（二）"], ["第二章"], ["第二章", "第三条"], ["第二章", "第三条", "（一）"],
                ["第二章", "第三条", "（二）"], ["第二章", "第四条"], ["第二章", "第五条"], ["第三章"], ["第三章", "第六条"]]


def _paths(draft) -> list[list[str]]:
    return [m.path for m in draft.measures]


def _wrapped_pdf(lines: list[str], width: int, per_page: int, number_form: str = "— {n} —") -> bytes:
    """``lines`` wrapped at a measure of ``width`` Chinese characters (as src/make_documents.py's ``make_pdf``
    wraps a stored text: by the printed width, so a line of half-width digits holds more characters) and drawn
    line by line at the left margin, ``per_page`` lines a page, a page number at the foot of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    drawn = []
    for line in lines:
        rest = line
        while pdfmetrics.stringWidth(rest, "STSong-Light", 12) > 12 * width:
            cut = width
            while pdfmetrics.stringWidth(rest[:cut + 1], "STSong-Light", 12) <= 12 * width:
                cut += 1
            drawn.append(rest[:cut])
            rest = rest[cut:]
        drawn.append(rest)
    pages = [drawn[k:k + per_page] for k in range(0, len(drawn), per_page)]
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    for number, page in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 12)
        for k, line in enumerate(page):
            pdf.drawString(72, 770 - 20 * k, line)
        pdf.setFont("STSong-Light", 10)
        pdf.drawCentredString(A4[0] / 2, 30, number_form.format(n=number))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


# --- a regulation written as one paragraph ---------------------------------------------------------

def test_banfa_run_on_in_one_paragraph_reads_chapter_by_chapter_and_article_by_article():
    draft = parse_plan_text(RUN_ON_BANFA)
    assert _paths(draft) == RUN_ON_PATHS
    # the articles cited in a sentence stay in it
    assert draft.measures[9].text.startswith("依照本办法第二条规定入会的会员")
    assert draft.measures[10].text.endswith("按照第三条规定办理。")


def test_banfa_run_on_printed_to_pdf_at_the_margin_reads_the_same():
    data = _wrapped_pdf([RUN_ON_BANFA], width=36, per_page=12)
    assert _paths(read_plan_bytes(data, "会员服务管理办法.pdf")) == RUN_ON_PATHS


def test_article_cited_after_a_full_stop_opens_no_article():
    text = ("第一章 总则\n第一条 为规范管理，制定本办法。第二条规定的情形除外。第三条 本办法由协会负责解释。")
    # 第二条 after 。 is followed by 规定: a citation, not the next article; 第三条 does not follow 第一条
    assert _paths(parse_plan_text(text)) == [["第一章"], ["第一章", "第一条"]]


def test_chapter_glued_to_the_title_before_it_opens_only_when_its_first_article_follows():
    assert _paths(parse_plan_text("会员服务管理办法第一章总则第一条为做好服务，制定本办法。第二条本办法自发布之日起施行。")) == [
        ["第一章"], ["第一章", "第一条"], ["第一章", "第二条"]]
    # "本办法第一章规定的…" names a chapter in a sentence: no article follows its "title"
    draft = parse_plan_text("一、总体要求。按照本办法第一章规定的程序，做好会员登记。\n二、工作安排。按季度通报。")
    assert _paths(draft) == [["一"], ["二"]]


def _outline_text(shape: list[list[int]], separator: str) -> tuple[str, list[list[str]]]:
    """A regulation of invented articles: ``shape[c][a]`` list items under article a of chapter c (none, or two and
    more: a lone （一） inside a paragraph is no list); the parts joined
    by ``separator`` ("" for one paragraph). Returns the text and the paths it holds, in order."""
    parts, paths, article = ["某某街道志愿服务站管理办法"], [], 0
    for c, articles in enumerate(shape, start=1):
        chapter = f"第{chinese_numeral(c)}章"
        parts.append(f"{chapter} 服务事项")
        paths.append([chapter])
        for items in articles:
            article += 1
            token = f"第{chinese_numeral(article)}条"
            body = f"{token}服务站按照本办法第{chinese_numeral(max(article - 1, 1))}条的要求开展工作" + ("，包括：" if items else "。")
            body += "；".join(f"（{chinese_numeral(i)}）整理第{i}类服务台账" for i in range(1, items + 1)) + ("。" if items else "")
            parts.append(body)
            paths.append([chapter, token])
            paths += [[chapter, token, f"（{chinese_numeral(i)}）"] for i in range(1, items + 1)]
    return separator.join(parts), paths


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=st.lists(st.lists(st.sampled_from([0, 2, 3]), min_size=1, max_size=4), min_size=1, max_size=4),
       separator=st.sampled_from(["", " ", "\n", "\u3000"]))
def test_regulation_of_any_outline_keeps_every_part_in_order_however_its_lines_were_lost(shape, separator):
    text, expected = _outline_text(shape, separator)
    assert _paths(parse_plan_text(text)) == expected


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=st.lists(st.lists(st.sampled_from([0, 2]), min_size=2, max_size=3), min_size=2, max_size=3),
       width=st.integers(20, 38), per_page=st.integers(6, 30))
def test_run_on_regulation_wrapped_at_any_width_over_pages_reads_like_its_text(shape, width, per_page):
    # a regulation of a few lines at least: the reader tells a wrapped layout by its lines that reach the margin
    text, expected = _outline_text(shape, "")
    notice = "某某街道办事处关于印发《志愿服务站管理办法》的通知各社区居委会：现将办法印发给你们，请认真遵照执行。"
    assert _paths(read_plan_bytes(_wrapped_pdf([notice + text], width, per_page), "办法.pdf")) == expected


# --- a plan's units across a PDF's wraps ----------------------------------------------------------

def test_duties_a_wrap_put_on_a_line_of_their_own_are_the_items_units():
    text = ("一、改造老旧小区。完成加装电梯和管网更新，改善居住条件。\n"
            "由街道城建办牵头，街道财政所、各社区居委会配合。\n"
            "二、办好长者食堂。新建两个助餐点。（街道民政办负责）")
    first, second = parse_plan_text(text).measures
    assert (first.lead_units, first.supporting_units) == (["街道城建办"], ["街道财政所", "各社区居委会"])
    assert second.lead_units == ["街道民政办"]


def test_a_sentence_that_names_a_unit_on_its_own_line_gives_no_units():
    text = ("一、改造老旧小区。完成加装电梯和管网更新。\n"
            "街道城建办负责组织各社区开展摸底，形成清单。\n"
            "二、办好长者食堂。新建两个助餐点。（街道民政办负责）")
    assert parse_plan_text(text).measures[0].lead_units == []


def test_caption_in_square_brackets_left_at_a_line_end_takes_its_units_from_the_next_line():
    for cut in ("【牵头单位】", "【牵头单位】街道城建办【配合单位】"):
        whole = "一、改造老旧小区。完成管网更新。【牵头单位】街道城建办【配合单位】街道财政所、各社区居委会"
        text = whole[:whole.index(cut) + len(cut)] + "\n" + whole[whole.index(cut) + len(cut):] + "\n二、办好长者食堂。（街道民政办负责）"
        first = parse_plan_text(text).measures[0]
        assert (first.lead_units, first.supporting_units) == (["街道城建办"], ["街道财政所", "各社区居委会"]), cut


PLAN = ["某某街道2024年民生实事工作方案",
        "为办好民生实事，结合街道实际，制定本方案。",
        "一、改造老旧小区。完成三个小区加装电梯和雨污管网更新，改善群众居住条件。（牵头单位：街道城建办；配合单位：街道财政所、各社区居委会；完成时限：2024年10月底前）",
        "二、办好长者食堂。新建两个老年助餐点，为高龄独居老人提供送餐服务。【牵头单位】街道民政办【配合单位】街道卫生服务中心",
        "三、扩大托育服务。新增普惠托位六十个，开展育儿指导进社区活动。",
        "由街道社会事务办牵头，街道妇联配合。",
        "四、整治背街小巷。清理乱堆乱放，修补破损路面，补齐照明设施。（责任单位：街道综合执法队、街道城建办）"]


def _units(draft) -> list[tuple]:
    return [(tuple(m.path), tuple(m.lead_units), tuple(m.supporting_units), m.deadline) for m in draft.measures]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(width=st.integers(20, 38), per_page=st.integers(4, 30),
       number_form=st.sampled_from(["— {n} —", "- {n} -", "第 {n} 页", "{n}"]))
def test_plan_wrapped_at_any_width_and_split_over_pages_keeps_its_items_and_units(width, per_page, number_form):
    expected = _units(parse_plan_text("\n".join(PLAN)))
    assert [row[0] for row in expected] == [("一",), ("二",), ("三",), ("四",)]
    assert expected[2][1:3] == (("街道社会事务办",), ("街道妇联",))
    got = _units(read_plan_bytes(_wrapped_pdf(PLAN, width, per_page, number_form), "民生实事方案.pdf"))
    assert got == expected


# --- a plan stored as one paragraph, its line breaks turned into blanks ------------------------------

RUN_ON_PLAN = ("社区养老服务提升方案 一、工作目标 围绕年度重点任务,提升社区养老服务水平。 二、服务对象 辖区内六十周岁以上老年人。 "
               "三、主要措施 (一)建设助餐网络 街道民政办负责统筹,各社区配合落实。 1、新建助餐点. 在三个社区各建一个助餐点,"
               "为独居老人送餐上门。")


def test_plan_run_on_with_blanks_for_its_lost_line_breaks_reads_every_level():
    draft = parse_plan_text(RUN_ON_PLAN)
    assert _paths(draft) == [["一"], ["二"], ["三"], ["三", "(一)"], ["三", "(一)", "1"]]
    assert draft.measures[3].text.startswith("建设助餐网络")


def test_plan_run_on_printed_to_pdf_reads_the_same():
    data = _wrapped_pdf(["社区养老服务提升方案", RUN_ON_PLAN], width=30, per_page=8)
    assert _paths(read_plan_bytes(data, "方案.pdf")) == [["一"], ["二"], ["三"], ["三", "(一)"], ["三", "(一)", "1"]]


def test_a_number_after_a_blank_inside_a_sentence_opens_no_item():
    text = "一、工作目标 全年完成 1、2月份的台账整理,并在 (一)季度末报送。\n二、工作要求 按时报送。"
    assert _paths(parse_plan_text(text)) == [["一"], ["二"]]


# --- a sentence that ends at the margin of a page without indents ---------------------------------

@pytest.mark.parametrize("filler", range(20))
def test_a_speech_list_whose_sentence_ends_at_the_margin_reads_like_its_text(filler):
    """A run-on paragraph drawn without first-line indents: wherever the wrap falls, even right after a full stop
    at the margin, the next line goes on with the paragraph (it opens no item), so 一是 and 二是 stay one list
    under their heading, as in the text."""
    paragraph = ("一、总体要求 按照总量不减标准不降的原则做好帮扶车间巩固提升" + "工" * filler
                 + "。一是坚持车间数量总量都不减。还没有车间的乡镇原则上到年底要创建一个以上车间，持续激发车间活力。"
                   "二是坚持建设标准不降。严格执行建设标准，扩大岗位供给。")
    lines = ["社区帮扶车间专项行动方案", paragraph, "二、工作要求", "按时报送。"]
    expected = [["一"], ["一", "一是"], ["一", "二是"], ["二"]]
    assert _paths(parse_plan_text("\n".join(lines))) == expected
    assert _paths(read_plan_bytes(_wrapped_pdf(lines, width=20, per_page=30), "方案.pdf")) == expected
