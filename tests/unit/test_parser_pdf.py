"""PDF plans (issue 13): a PDF with a text layer is read with its tables into the same draft as
the document's text; a scanned PDF without text gets a clear Chinese error saying so."""
from __future__ import annotations

import pytest

from tracker.parsing import PlanReadError, read_plan_bytes
from tracker.parsing.pdf import pdf_text

from tests.helpers.pdf import NOTICE, SIGNATURE, TABLE, scanned_pdf, text_pdf

def test_pdf_task_table_gives_one_measure_per_row_with_units_and_deadlines():
    draft = read_plan_bytes(text_pdf(NOTICE, TABLE, SIGNATURE), "分工方案.pdf")
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    first = draft.measures[0]
    assert first.text == "建立健全政务数据共享协调机制，编制共享责任清单，推动数据按需共享。"
    assert (first.lead_units, first.supporting_units) == (["市大数据局"], ["市发展改革委", "市财政局"])
    assert str(first.due_date) == "2024-06-30"  # "6月底前" in the year of issue
    assert draft.doc_number == "某府办发〔2024〕3号"


def test_pdf_prose_plan_reads_its_numbered_items_and_drops_page_numbers():
    lines = NOTICE[:3] + ["一、总体要求", "（一）加强组织领导。建立工作专班，定期调度。（牵头单位：市发展改革委；配合单位：市财政局）",
                          "（二）强化督促检查。按季度通报进展。（牵头单位：市政府督查室）"] + SIGNATURE
    text = pdf_text(text_pdf(lines), "方案.pdf")
    assert "— 1 —" not in text
    draft = read_plan_bytes(text_pdf(lines), "方案.pdf")
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"], ["一", "（二）"]]
    assert draft.measures[1].supporting_units == ["市财政局"]


def test_pdf_scanned_without_text_is_refused_with_a_sentence_saying_so():
    with pytest.raises(PlanReadError, match="扫描件.*没有可以读取的文字层"):
        read_plan_bytes(scanned_pdf(), "扫描件.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])
def test_pdf_damaged_is_refused_in_one_chinese_sentence(data):
    with pytest.raises(PlanReadError, match="不是有效的 PDF 文件"):
        read_plan_bytes(data, "坏文件.pdf")


def test_pdf_table_spanning_several_pages_keeps_every_row():
    long_rows = [TABLE[0]] + [[str(n), f"第{n}项重点任务，" + "加强统筹协调，压实工作责任，" * 6, "市财政局", "市审计局", "2024年底前"]
                              for n in range(1, 16)]
    draft = read_plan_bytes(text_pdf(NOTICE, long_rows, SIGNATURE), "长表格.pdf")
    assert [m.path for m in draft.measures] == [[str(n)] for n in range(1, 16)]
    assert all(m.lead_units == ["市财政局"] for m in draft.measures)


def test_pdf_table_row_broken_by_a_page_end_is_joined_again():
    from tracker.parsing.pdf import _continues_row, _merge_rows

    previous, following = "3\t推进政务数据\t市大数据局\t\t", "\t共享。\t\t市财政局\t年底前"
    assert _continues_row(previous, following)
    assert _merge_rows(previous, following) == "3\t推进政务数据共享。\t市大数据局\t市财政局\t年底前"
    assert not _continues_row(previous, "4\t下一项任务。\t市财政局\t\t")


# --- wave 4: page furniture and wrapped lines between the items -------------------------------

def _paged_pdf(lines: list[str], header: str, footer: str) -> bytes:
    """A PDF drawn line by line as an office prints it: ``header`` at the top of every page and
    ``footer`` ("第 {page} 页 共 {pages} 页") at its foot."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    per_page = 30
    pages = (len(lines) + per_page - 1) // per_page
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    for page in range(pages):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, 800, header)
        pdf.drawString(250, 30, footer.format(page=page + 1, pages=pages))
        pdf.setFont("STSong-Light", 12)
        for k, line in enumerate(lines[page * per_page:(page + 1) * per_page]):
            pdf.drawString(72, 770 - 22 * k, line)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_pdf_running_header_and_page_of_pages_footer_do_not_split_a_wrapped_item():
    lines = ["某县人民政府办公室关于印发重点工作方案的通知", "一、总体要求"]
    for n in range(1, 25):
        lines += [f"{n}.加强第{n}项重点工作，各部门要切实抓好落实，确保取得", "实效，按时完成目标任务。"]
    data = _paged_pdf(lines, "某县人民政府公报 2023年第5期", "第 {page} 页 共 {pages} 页")
    text = pdf_text(data, "方案.pdf")
    assert "公报" not in text and "共 2 页" not in text and "共2页" not in text
    draft = read_plan_bytes(data, "方案.pdf")
    assert [m.path for m in draft.measures] == [["一"]] + [["一", str(n)] for n in range(1, 25)]
    assert all(m.text.endswith("按时完成目标任务。") for m in draft.measures[1:])
    assert not [w for w in draft.warnings if "没有编号" in w]


def test_pdf_of_a_speech_wrapped_at_the_margin_gives_its_inline_list():
    lines = ["在全县经济工作会议上的讲话", "同志们：", "今天的会议，主要有三点考虑：一是再擂战鼓。市委的四大",
             "定位，每一个都是一场大战硬战，今天就是再传战令，推动决", "策部署落实落地，不折不扣抓好执行。二是",
             "任务分解。今天就是拿出施工图，下达任务书，明确责任人，", "确保人人挑担子、个个勇争先。三是加压奋进。一季度是全年",
             "的首战，今天就是吹响集结号、打响冲锋枪，确保开门红。"]
    draft = read_plan_bytes(_paged_pdf(lines, "", "— {page} —"), "讲话.pdf")
    assert [m.path for m in draft.measures] == [["一是"], ["二是"], ["三是"]]
    assert draft.measures[1].text.startswith("任务分解。")


def test_pdf_page_of_pages_footers_are_page_numbers():
    from tracker.parsing.pdf import _PAGE_NUMBER_RE

    for footer in ("第 2 页 共 3 页", "共3页 第2页", "第3页", "— 3 —", "-3-", "3/10"):
        assert _PAGE_NUMBER_RE.match(footer), footer
    for text in ("第3条", "2023年", "3.加强领导"):
        assert not _PAGE_NUMBER_RE.match(text), text


# --- wave 5 (issue 13): the issue date on the last page, annotations over wraps and pages ----------

def test_pdf_signature_on_the_last_page_dates_year_less_deadlines_across_headers_and_footers():
    """As a planner, a PDF notice whose annotations wrap ("完成时限：2023年" / "6月底前）") and whose
    signature stands on its last page, with a running header and footer on every page."""
    import datetime

    lines = ["某县人民政府办公室关于做好重点工作的通知"]
    for n in range(1, 21):
        lines += [f"{n}.抓好第{n}项重点工作，各部门要切实抓好落实。（牵头单位：县财政局；完成时限：",
                  "6月底前）"]
    lines += ["某县人民政府办公室", "2023年3月5日", "（此件公开发布）"]
    data = _paged_pdf(lines, "某县人民政府公报 2023年第5期", "第 {page} 页 共 {pages} 页")
    draft = read_plan_bytes(data, "通知.pdf")
    assert draft.issued_on == datetime.date(2023, 3, 5)
    assert len(draft.measures) == 20
    assert {(m.deadline, m.due_date) for m in draft.measures} == {("6月底前", datetime.date(2023, 6, 30))}
    assert {tuple(m.lead_units) for m in draft.measures} == {("县财政局",)}


# --- wave 6: regulations (第一章 … 第一条 …) as offices receive them in PDF ------------------------

_REGULATION = ["某市公共数据管理办法", "第一章 总 则",
               "第一条 为了加强公共数据管理，根据有关法律法规，结合本市实际，制定",
               "本办法。",
               "第二条 市大数据局负责本办法的组织实施，有关部门按照职责做好",
               "公共数据管理工作。", "第二章 数据共享",
               "第三条 公共数据按照下列方式共享：",
               "（一）通过市政务数据共享平台网站www.sj.example.gov.cn/1233",
               "9.html申请；",
               "（二）通过书面函件申请。",
               "第四条 共享申请的办理时限，依照本办法第二条、第三条规定的分工和",
               "第三条第（一）、（二）项规定的方式执行，并在本年度内完成清理。"]


def _typeset_pdf(paragraphs: list[str]) -> bytes:
    """A PDF typeset as Word sets a 公文: each paragraph indented two characters, wrapped at the
    right margin (26 characters of 15 pt) and justified to it, the title and headings (第X章)
    centred; a page number "- N -" at the foot."""
    import io
    import re

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size, left, width = 15, 80, 26 * 15
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    y = 760
    for paragraph in paragraphs:
        if re.match(r"^第.{1,3}章", paragraph) or paragraph == paragraphs[0]:
            pdf.setFont("STSong-Light", size)
            pdf.drawCentredString(A4[0] / 2, y, paragraph)
            y -= 26
            continue
        pieces, rest, room = [], paragraph, width - 2 * size
        while rest:
            cut = len(rest)
            while pdfmetrics.stringWidth(rest[:cut], "STSong-Light", size) > room:
                cut -= 1
            pieces.append(rest[:cut])
            rest, room = rest[cut:], width
        for k, piece in enumerate(pieces):
            x = left + (2 * size if k == 0 else 0)
            text = pdf.beginText(x, y)
            text.setFont("STSong-Light", size)
            if k < len(pieces) - 1:  # justified: the line ends at the right margin
                spare = left + width - x - pdfmetrics.stringWidth(piece, "STSong-Light", size)
                text.setCharSpace(spare / max(len(piece) - 1, 1))
            text.textOut(piece)
            pdf.drawText(text)
            y -= 26
            if y < 80:
                pdf.setFont("STSong-Light", 12)
                pdf.drawCentredString(A4[0] / 2, 40, f"- {pdf.getPageNumber()} -")
                pdf.showPage()
                y = 760
    pdf.save()
    return out.getvalue()


def test_pdf_regulation_printed_from_a_browser_with_radical_look_alikes_reads_its_articles():
    # Chromium's "print to PDF" with Noto fonts writes 一 as the Kangxi radical ⼀ and 门 as ⻔:
    # the text looks right and matched no 第一条 (16 of 56 articles of a real 办法)
    looks_alike = [line.replace("一", "\u2f00").replace("二", "\u2f06").replace("门", "\u2ed4") for line in _REGULATION]
    header = "12/2/26, 7:59 PM 某市公共数据管理办法_某市人民政府"
    draft = read_plan_bytes(_paged_pdf(looks_alike * 6, header, "file:///C:/Users/办公室/Desktop/办法.html {page}/{pages}"),
                            "办法.pdf")
    assert ["第一章"] in [m.path for m in draft.measures]
    assert ["第一章", "第一条"] in [m.path for m in draft.measures]
    assert all("file:" not in m.text and "PM" not in m.text for m in draft.measures)
    assert "有关部门" in next(m.text for m in draft.measures if m.path == ["第一章", "第二条"])


def test_pdf_browser_header_and_address_footer_are_dropped_on_every_page():
    header = "12/2/26, 7:59 PM 某市公共数据管理办法_某市人民政府"
    text = pdf_text(_paged_pdf(_REGULATION * 6, header, "file:///C:/Users/办公室/Desktop/办法.html {page}/{pages}"),
                    "办法.pdf")
    assert "PM" not in text and "file:" not in text
    assert text.count("第一条 为了加强公共数据管理") == 6  # the text itself, repeated, stays


def test_pdf_regulation_wrapped_at_the_margin_keeps_a_number_or_article_cited_at_a_line_start_in_its_sentence():
    # typeset 26 characters a line, the wrap leaves "9.html申请；", "第二条第（一）、（二）项…", "一是…" and
    # "二是…" at line starts, and cuts paragraphs after a full stop: each goes on with its paragraph
    paragraphs = ["某市公共数据管理办法", "第一章 总 则", "第一条 为了加强公共数据管理，制定本办法。",
                  "第二章 数据共享", "第二条 公共数据按照下列方式共享：",
                  "（一）通过市政务共享平台网站www.sj.example.gov.cn/19.html申请；",
                  "（二）通过书面函件申请。",
                  "第三条 共享申请的办理时限和办理方式，依照本办法第二条第（一）、（二）项规定执行。并在本年度内完成清理。",
                  "第四条 市大数据局要做好两项工作，压实各方责任。一是要完善制度，建立健全全市公共数据目录和共享规则。"
                  "二是要加强考核。"]
    data = _typeset_pdf(paragraphs)
    lines = pdf_text(data, "办法.pdf").split("\n")
    assert "9.html申请；" not in lines and "二是要加强考核。" not in lines  # the wrap is undone
    draft = read_plan_bytes(data, "办法.pdf")
    assert [m.path for m in draft.measures] == [
        ["第一章"], ["第一章", "第一条"], ["第二章"], ["第二章", "第二条"],
        ["第二章", "第二条", "（一）"], ["第二章", "第二条", "（二）"], ["第二章", "第三条"], ["第二章", "第四条"],
        ["第二章", "第四条", "一是"], ["第二章", "第四条", "二是"]]
    assert draft.measures[4].text.endswith("www.sj.example.gov.cn/19.html申请；")
    assert "依照本办法第二条第（一）、（二）项规定执行。并在本年度内完成清理。" in draft.measures[6].text
    assert draft.measures[6].deadline == "本年度内"


def test_pdf_plan_of_short_items_keeps_a_unit_list_the_margin_cut_inside_a_name():
    from tracker.parsing import read_plan_text

    # a 分解 of one-line items, each with its 责任单位 line; one list runs over two lines, cut after "市"
    lines = ["一、主要预期目标", "1.生产总值增长6%以上。", "责任单位：市发改委", "2.规上工业增加值增长8%。", "责任单位：市经信局",
             "3.固定资产投资增长10%。",
             "责任单位：市发改委、市经信局、市科技局、市财政局、市",
             "自然资源局、市生态环境局、市建设局、市交通运输局、市水利",
             "局、市农业农村局（列第一位为牵头单位，下同）",
             "4.研发投入强度达到2.3%。", "责任单位：市科技局"]
    draft = read_plan_text("\n".join(lines))
    third = next(m for m in draft.measures if m.path == ["一", "3"])
    assert third.lead_units == ["市发改委"]
    assert third.supporting_units[-3:] == ["市交通运输局", "市水利局", "市农业农村局"]
    assert "市自然资源局" in third.supporting_units


def test_pdf_speech_list_whose_next_item_the_wrap_put_at_a_line_start_keeps_its_first_item():
    from tracker.parsing import read_plan_text

    lines = ["一、形成过程", "分解表经市政府常务会议审议通过后下发。", "二、主要内容", "分解表共分10个方面、193项工作任务。",
             "三、具体要求",
             "会议就完成各项任务提出明确要求：全市政府系统要全面贯彻会议精",
             "神，以只争朝夕的奋斗姿态施展新作为。一是要进一步细化任务分",
             "解，逐级压实工作责任，确保完成各项目标任务。",
             "二是要强化组织推进，坚持条抓块保、市区联动、部门协同，确保各",
             "项工作有序推进。"]
    draft = read_plan_text("\n".join(lines))
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["三"], ["三", "一是"], ["三", "二是"]]


def test_printed_speech_whose_paragraph_fills_a_whole_page_keeps_its_inline_list():
    # a speech typeset as a 公文 (paragraphs indented, justified to the margin, 26 characters a line);
    # one part's paragraph runs over a whole page, whose lines each end a sentence at the margin, so
    # that page shows no paragraph indent of its own: its lines are the paragraph's all the same, and
    # its 一是…三是, cut over them, are the part's items (issue 13: a printed speech compilation read 94
    # of its 102 measures)
    sentence = "金融机构要适应稳健货币政策，围绕中心工作开展好服务。"  # one line of 26 characters
    filler = "全县各金融机构要主动适应稳健货币政策这个大环境，紧紧围绕县委、县政府中心工作，充分发挥金融的血液功能作用。"
    paragraphs = ["在全县金融工作会议上的讲话", "同志们：", "今天召开全县金融工作会议，总结去年工作，安排今年任务。",
                  "一、去年工作成绩来之不易", filler * 2, filler * 2, filler, filler * 3,
                  "（一）交流渠道畅通。一是积极搭建政银企交流平台。" + sentence * 20
                  + "二是着力解决企业信贷需求与银行供给信息不对称的问题。" + sentence * 20
                  + "三是完善政银企联席会议制度，按季通报金融运行的情况。" + sentence * 2,
                  "（二）金融生态环境不断改善。" + filler, "二、今年工作的主要任务", "（一）发挥信贷融资主渠道作用。" + filler,
                  "（二）推进农村金融服务全覆盖。" + filler * 2, "（三）强化金融生态环境建设。" + filler * 2]
    draft = read_plan_bytes(_typeset_pdf(paragraphs), "讲话.pdf")
    assert [m.path for m in draft.measures] == [
        ["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"], ["一", "（一）", "三是"],
        ["一", "（二）"], ["二"], ["二", "（一）"], ["二", "（二）"], ["二", "（三）"]]
    assert draft.measures[3].text.startswith("着力解决企业信贷需求与银行供给信息不对称的问题。" + sentence)
    assert not [w for w in draft.warnings if "没有编号" in w]  # no paragraph left outside every item
