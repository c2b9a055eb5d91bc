"""Make the corpus's PDF and Word documents from the real texts kept beside this script.

Offices receive many plans as PDF or as Word tables; the stored public copies of these documents
are text, so the files are made here with real writers (reportlab for PDF, with a text layer;
python-docx for Word), from the published text as stored:

- ``NNN_name.pdf``  from ``src/NNN_name.txt``: every line of the text, as written (spaces kept),
  long lines wrapped at the right margin as in a printed document;
- ``NNN_name.docx`` from another document's ``src/MMM_name.txt`` (``WORD_TWINS``): its paragraphs as
  Word paragraphs, headings centred, 第X条 in bold;
- ``NNN_name.docx`` from ``src/NNN_name.table.tsv``: the header line and rows of a task table,
  tab-separated, one table row per line; lines before the header (title, issuer) become
  paragraphs above the table.

- ``NNN_name.pdf`` from ``src/NNN_name.txt`` laid out as an office prints a 公文 (``OFFICE_LAYOUTS``,
  ``make_office_pdf``): GB/T 9704 margins and 28 characters a line, paragraphs indented two
  characters and justified, the title and the chapter headings (第一章 总则) centred, a running
  header and page numbers ("- 3 -", "— 3 —", "第 3 页 共 5 页"), optionally a hanging indent (the
  article or item number standing in a column of its own);
- ``NNN_name.txt`` (``PDF_TEXT_COPIES``, ``copy_pdf_text``): the text a PDF reader copies out of a made PDF, one line
  per printed line, its header and page numbers in place (a plan pasted from a PDF, its lists broken where lines ended);
- ``NNN_name.pdf`` from ``src/NNN_name.html`` printed by Chromium (``--headless --print-to-pdf``,
  ``CHROMIUM_PRINTS``): a page printed from a browser, with the browser's own header (date, title)
  and footer (address, "2/5") on every page and its own fonts embedded.

Run from the repository root:  python tests/corpus/src/make_documents.py [NNN_name ...]
(without names every document is made again). Needs reportlab and python-docx (requirements-dev.txt). The outputs are committed; running the
script again writes the same PDF bytes (reportlab's invariant mode); .docx files differ only in
their zip timestamps.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
FONT = "STSong-Light"


def make_pdf(source: Path, target: Path) -> None:
    """A4 pages with ``source``'s lines (UTF-8 text) in 12 pt, one line after another; a line
    longer than the page is wrapped at the margin, as a printed document wraps it.

    The font is Adobe's STSong-Light CID font (Adobe-GB1, UniGB-UCS2-H encoding; it covers the
    traditional characters of GBK too), referenced and not embedded, as many Chinese office
    PDFs do; every character is in the text layer, so a PDF reader gets the text back as written.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    margin, size, leading = 72, 12, 20
    pdf = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    pdf.setTitle(source.stem)
    y = height - margin

    def put(text: str) -> None:
        nonlocal y
        if y < margin:
            pdf.showPage()
            y = height - margin
        pdf.setFont(FONT, size)
        pdf.drawString(margin, y, text)
        y -= leading

    for line in source.read_text(encoding="utf-8").split("\n"):
        rest = line
        while pdfmetrics.stringWidth(rest, FONT, size) > width - 2 * margin:
            cut = len(rest)
            while pdfmetrics.stringWidth(rest[:cut], FONT, size) > width - 2 * margin:
                cut -= 1
            put(rest[:cut])
            rest = rest[cut:]
        put(rest)
    pdf.save()


# Layouts of the office-printed PDFs (issue 13, wave 6 development documents 094-114): stem -> options.
# header: the running header on every page (None: none); number: the page number's form ("- {n} -",
# "— {n} —", "第 {n} 页 共 {total} 页"); alternate: page numbers right on odd pages, left on even ones
# (GB/T 9704); hanging: continuation lines of an article or item start under its text, not at the margin
# (the number stands in a column); size: font size in points (15.75 = 三号, 28 characters a line); untitled: the
# stored text has no title line (000 opens with its first paragraph), so every line is a body paragraph;
# full_width_after_article: see make_office_pdf. A layout names only what differs from OFFICE_DEFAULTS.
OFFICE_DEFAULTS: dict = {"header": None, "number": "- {n} -", "alternate": False, "hanging": False, "size": 15.75,
                         "untitled": False, "full_width_after_article": False}
OFFICE_LAYOUTS: dict[str, dict] = {
    "094_guoanbu_2022_jubao_jiangli_banfa": {
        "header": "公民举报危害国家安全行为奖励办法", "alternate": True, "full_width_after_article": True},
    "104_shichang_jianguan_2022_zhuti_dengji_xize": {
        "header": "中华人民共和国市场主体登记管理条例实施细则", "number": "{n}", "size": 12},
    "105_renshebu_2008_daixin_nianxiujia_banfa": {"number": "第 {n} 页 共 {total} 页", "hanging": True, "size": 14},
    "106_shanghai_2020_renda_zhuanmen_weiyuanhui_tiaoli": {
        "header": "上海市人民代表大会专门委员会工作条例", "number": "— {n} —", "alternate": True, "hanging": True,
        "full_width_after_article": True},
    "114_lishui_2023_fenjie": {},
    # branch fresh45 (development): 502's 山东 city notice of 道路交通 duties (its 主送 line first, no title in the stored
    # copy) printed as an office prints it, "- N -": 一、 over (一) over 1.-4. closing with (X部門負責)
    "519_shandong_city_2013_daolu_jiaotong_zeren_fengong_printed": {"untitled": True},
    # issue 13, speeches as printed PDFs (development): 002's compilation of speeches
    "184_dawu_jinrong_speech_printed": {"number": "— {n} —", "alternate": True},
    # 000's speech at a 金融工作会议 (首先/其次 and 一是 lists inside long paragraphs)
    "186_city_jinrong_speech_printed": {"header": "在全市金融工作会议上的讲话", "untitled": True},
    # 013's county speech (一要…四要 inside paragraphs), printed 16 pt with "第 N 页 共 M 页"
    "188_county_economy_speech_printed": {"number": "第 {n} 页 共 {total} 页", "size": 16},
    # 117's county speech (第一项/第二项 parts, 三是 with 第一，第二， under it), printed 14 pt
    "189_county_anquan_dianshi_speech_printed": {"alternate": True, "size": 14},
    # issue 13, notices as printed PDFs (development, branch notices3): standalone notices whose numbered
    # paragraphs are their measures (340: a 民政部 notice, its 一、 after the opening sentence on one line; 341: a
    # 成都 notice as a site stored it), and a cover notice with the beginning of its plan (343); each title is
    # long enough to be centred on two lines, the 主送 line and the signature stand short under it
    "340_minzhengbu_zaiqu_jiuji_tongzhi": {"number": "— {n} —", "alternate": True},
    "341_chengdu_2001_luoshi_baogao_tongzhi": {"number": "-{n}-"},
    "343_dongyang_2023_canjiren_jiuye_fangan": {"number": "— {n} —", "alternate": True},
    # issue 13, branch pdfs (development): 344's 公安部 办法 (第一章 → 第一条 → （一）) printed as an office prints it, the
    # chapter headings centred, a running header, "— N —" page numbers alternating sides, 第X条 followed by an ideographic space
    "345_gonganbu_2021_jifen_guanli_banfa_printed": {
        "header": "道路交通安全违法行为记分管理办法", "number": "— {n} —", "alternate": True,
        "full_width_after_article": True},
    # 浙江 2019 重点工作责任分解 (its beginning): the 牵头单位 line of five units wraps at 28 characters a line
    "348_zhejiang_2019_zhongdian_fenjie_printed": {},
    # wave 13 (held out): 534's 沈阳 整改方案 (its title and body, the site's navigation left out) printed as an office prints it
    "545_shenyang_2020_huitoukan_zhenggai_fangan_printed": {"number": "— {n} —", "alternate": True},
    # wave 14 (held out): 化州 2024 禁火通告 as printed (its only copy in the corpus), and 606's 尉犁 政府工作报告 printed
    "604_huazhou_2024_senlin_fanghuo_jinhuo_tonggao": {"number": "— {n} —", "alternate": True},
    "618_yuli_2025_zhengfu_gongzuo_baogao_printed": {"number": "- {n} -"},
    # branch fresh51 (development): 1260's 政协 督办 plan (its 二、督办时间 heading over the paragraph that writes the
    # time) and 1264's notice (its 办理期限 among 3个工作日内 and 3个月内) printed as offices print them
    "1265_jilin_2017_zhengxie_duban_zhongdian_tian_printed": {"number": "— {n} —", "alternate": True},
    "1266_city_jianyi_tian_banli_qixian_printed": {"untitled": True},
    # branch fresh53: 1341's item with three annotations, printed as an office prints it (its lines wrapped inside the brackets)
    "1344_wuhu_minying_jingji_shishi_yijian_several_annotations_printed": {"untitled": True},
    # branch fresh58: 1347's 会务 rules (times counted back from the meeting) printed as an office prints it
    "1351_city_shizhang_tongbao_huiyi_huiwu_guifan_counted_back_days_printed": {"number": "- {n} -"},
    # wave 15 (held out): a 2025 责任分解 notice (no title in the stored copy) and 东丽区's 2024 计划草案 report printed
    "659_wuhan_2025_gongzuo_baogao_zeren_fenjie_tongzhi_printed": {"untitled": True},
    "661_dongli_2024_jihua_caoan_baogao_printed": {"number": "— {n} —", "alternate": True, "untitled": True},
    # wave 15: 东乡区's 2025 计划草案 report (traditional; the page's title line, then the title wrapped over three lines)
    "667_dongxiang_2025_jihua_caoan_baogao_printed": {"number": "- {n} -"},
    # wave 15: 663's 宜宾 征集通告 printed (676, 668's 内江 公告, is a plain PDF: not listed)
    "672_yibin_2024_minsheng_shishi_zhengji_tonggao_printed": {"number": "— {n} —", "alternate": True},
    # wave 16 (held out): 704's 上海 食品安全 责任清单 printed (the stored copy opens with its 主送 line: untitled)
    "708_shanghai_2024_shipin_anquan_zeren_qingdan_printed": {"number": "— {n} —", "alternate": True, "untitled": True},
    # wave 16: 713's 橫峰 征集公告 (traditional; its title wrapped over three lines) printed
    "729_hengfeng_2025_minsheng_shishi_zhengji_gonggao_printed": {"number": "- {n} -"},
    # issue 13, branch kinds32 (development): 云南's 2022 政务公开工作要点 with its cover notice (title over two lines, the
    # 发文字号 and 主送 lines, the signature), printed as an office prints it; the annotation closing (一) wraps at 28 characters
    "751_yunnan_2022_zhengwu_gongkai_yaodian_printed": {"number": "—{n}—", "alternate": True},
    # wave 18 (held out by source, GitHub files): 900's 国办发〔1996〕25号 notice (a gov.cn page in an SQL dump) printed
    # as an office prints it, its title over two lines, the 文号 and 主送 lines, the signature
    "907_guoban_1996_yiqi_huaxue_wuqi_tongzhi_printed": {"number": "— {n} —", "alternate": True},
    # wave 18: 文旅非遗发〔2024〕25号 (its text held in a React component of a GitHub site) printed, 16 pt, "- N -"
    "908_wenlvbu_2024_feiyi_shengchanxing_baohu_shifan_jidi_tongzhi_printed": {"number": "- {n} -", "size": 16},
    # wave 18: 902's 财政部 notice and 办法 (the JSP page's visible text) printed, 第X条 in a hanging column, "第 N 页 共 M 页"
    "912_caizhengbu_2010_kuaiji_shiwusuo_caiwu_guanli_banfa_printed": {
        "header": "会计师事务所财务管理暂行办法", "number": "第 {n} 页 共 {total} 页", "hanging": True, "size": 14},
    # wave 18: 916's 深圳 university notice (a campus app's record) printed as an office prints it: items 一、 and （一）, the
    # ten 第N期 session lines, the 附件 line; no signature (the record has none)
    "919_shenzhen_2020_gaoxiao_chuji_ganbu_peixun_tongzhi_printed": {"number": "- {n} -", "alternate": True},
    # wave 20 (held out by source, GitHub files): 942's 广东 若干措施 (a gd.gov.cn page saved in a GitHub repository) printed as
    # an office prints it: the cover notice (title, 文号, 主送, signature), the measures' title, 一、 and （一） with their annotations
    "944_guangdong_2023_tizhen_kuoda_xiaofei_ruogan_cuoshi_printed": {"number": "— {n} —", "alternate": True},
    # wave 20: 945's 北京 实施方案 (京政发〔2023〕14号) printed, 16 pt, "- N -": the cover notice, then 一、–四、 with （一） and the
    # tasks 1.–16. numbered across the sections of 三、
    "953_beijing_2023_rengong_zhineng_celuedi_shishi_fangan_printed": {"number": "- {n} -", "size": 16},
    # wave 21 (held out by place): 957's 兴平 分工方案 (a 陕西 county-level city's page) printed as an office prints a 公文: the
    # cover notice (title, 文号, 主送, signature), the plan's title, 一、 over 1.–3. closing with (牵头部门:…,配合部门:…)
    "964_xingping_2022_shisiwu_gangyao_renwu_fengong_fangan_printed": {"number": "- {n} -", "alternate": True},
    # wave 21: 956's 佳木斯 实施方案 (a 黑龙江 credit site's page) printed, 16 pt, "— N —": the cover notice, 一、工作目标 (2018年底前…),
    # 二、 over (一) over 1. closing with [市水务局牵头,…配合,…负责落实。…)]
    "962_jiamusi_2018_shui_wuran_fangzhi_shishi_fangan_printed": {"number": "— {n} —", "size": 16},
    # wave 22 (held out by place): 976's 九江 行动方案 (a 江西 city's page: the stored copy opens with its 主送 line, no notice
    # title) printed as an office prints it, "— N —": the 主送 line, the signature date, the plan's title, 一、 over 1.–3. closing
    # with (责任单位:…), 二、 whose items the store cut
    "981_jiujiang_2019_da_nanchang_dushiquan_xingdong_fangan_printed": {"number": "— {n} —", "alternate": True,
                                                                         "untitled": True},
    # wave 23 (held out by place): 992's 连云港 通告 (the 市人大社会建设委员会's call for opinions, its title over two lines, the
    # signature, then its 附件 of 民生实事 items closing with (牵头单位:…;共同责任单位:…)) printed as an office prints it, "— N —"
    "921_lianyungang_2023_minsheng_shishi_tonggao_printed": {"number": "— {n} —", "alternate": True},
    # wave 23: 989's 德州 工作方案 with its cover notice (the site's author and source lines left out; the signature date lost
    # its 年月日 in the stored copy) printed, 16 pt, "- N -": 一、 over (一) over 1. closing with (责任单位:…)
    "923_dezhou_2020_shenghui_jingjiquan_gongzuo_fangan_printed": {"number": "- {n} -", "size": 16},
    # wave 24 (held out by year: issued 2023-2026): 925's 铜川 意见 (a 陕西 city's page: the metadata lines, the site's source line
    # and the signature the store cut left out) printed as an office prints it, 16 pt, "- N -": the title, the 文号, the 主送 line,
    # 一、 over 1.-9. closing with (X负责), 二、 over (一) over 10.-11. (numbering running on across the headings)
    "875_tongchuan_2025_zhengfu_gongzuo_baogao_zhongdian_gongzuo_fengong_yijian_printed": {"number": "- {n} -", "size": 16},
    # wave 25 (held out by subject: education, culture, tourism, sport): 633's 陕西 若干措施 with its cover notice (陕政办发〔2023〕29号)
    # printed as an office prints it, 16 pt, "- N -": the 文号, the 主送 line, the signature, the title, 一、 over 1. closing with
    # 〔A、B牵头,C配合〕 (the annotation wrapping over lines), 2. cut where the store cut it
    "694_shaanxi_2023_wenlv_chanye_fazhan_ruogan_cuoshi_printed": {"number": "- {n} -", "size": 16},
    # wave 26 (held out by subject: environment and rectification): 124's 蓝天保卫战 2018 实施计划 of a county-level city
    # of 金华 (traditional characters; the stored copy opens with its preamble, no title line: untitled) printed, 16 pt,
    # "- N -": 一、 over its goal paragraph, 二、 over (一) over 1.-3. each followed by its 牽頭單位:…;責任單位:… line, 4. cut
    "197_jinhua_shuxia_2018_lantian_baoweizhan_shishi_jihua_printed": {"number": "- {n} -", "size": 16, "untitled": True},
    # wave 27 (held out by subject: health, medical care, elderly care, civil affairs): 1000's 全国爱国卫生运动2021年工作要点
    # with its cover notice (the stored copy opens with the 主送 line: untitled) printed, "— N —" alternating: the signature,
    # the title, 一、 over (一)-(七) each closing with its (X牵头,Y参与) / (X负责) annotation, (八) cut where the store cut it
    "1016_quanguo_2021_aiguo_weisheng_gongzuo_yaodian_printed": {"number": "— {n} —", "alternate": True, "untitled": True},
    # wave 28 (held out by subject: transport, housing and urban construction, emergency management, work safety):
    # 1200's 临沂 2020 政府工作报告责任分工 of the 市交通运输局 without the page's frame (its title, then each item followed by
    # its 牵头单位/实施单位/配合单位 lines; the last line cut where the store cut it) printed as an office prints it, 16 pt, "- N -"
    "1215_linyi_2020_zhengfu_gongzuo_baogao_zeren_fengong_jiaotong_printed": {"number": "- {n} -", "size": 16},
    # wave 29 (held out by subject: agriculture and rural affairs, rural revitalization, water, forestry, grain): 1300's 株洲
    # 株发〔2020〕1号 意见 without the page's 发布日期 line (the title, the 文件 head, the 文号, the date in brackets, the preamble,
    # 一、 over 1. closing with (责任单位:…) and 2. cut where the store cut it) printed as an office prints it, "— N —" alternating
    "1312_zhuzhou_2020_sannong_lingyu_zhongdian_gongzuo_yijian_printed": {"number": "— {n} —", "alternate": True},
    # wave 30 (held out by subject: industry, science and technology, the digital economy, market regulation, the business
    # environment, government services): 1406's 普陀 行动方案 without the mirror's mis-decoded indents (`??`; the stored copy opens
    # with the 主送 line: untitled) printed as an office prints it, 16 pt, "- N -": the signature, the title, 一、 over (一) over
    # 1.-4. each closing with (責任單位:…), 5. cut where the store cut it
    "1411_putuo_2021_yiliu_yingshang_huanjing_jianshe_xingdong_fangan_printed": {"number": "- {n} -", "size": 16, "untitled": True},
    # wave 31 (held out, branch heldout31): 1442's 济宁 就业创业 意见 without the site's frame lines, its items on lines of
    # their own (the stored copy runs them on in one line), printed as an office prints it
    "1454_jining_jiuye_chuangye_yijian_printed": {"number": "— {n} —", "alternate": True},
    # branch captions60 (issue 13): development texts whose items end with caption lines, printed so that the 28-character
    # lines break their unit lists after a separator or inside a unit's name
    "1085_zhoushan_2022_zhongdian_gongzuo_zeren_fenjie_printed": {"number": "— {n} —", "alternate": True},
    "1087_lishan_2023_zhongdian_gongzuo_fengong_printed": {"number": "- {n} -"},
    "1089_shengsi_2023_zhongdian_fenjie_printed": {"number": "第 {n} 页 共 {total} 页", "size": 16},
    "1091_haishu_2023_zhongdian_gongzuo_zeren_fenjie_printed": {"number": "-{n}-", "alternate": True},
    "1093_zhejiang_2020_zhongdian_gongzuo_zeren_fenjie_printed": {"header": "政府工作报告重点工作责任分解",
                                                                   "number": "— {n} —"},
}
# Pages printed by Chromium from src/NNN_name.html: stem -> nothing to set (the browser's defaults).
CHROMIUM_PRINTS: tuple[str, ...] = ("096_shichang_jianguan_2022_tousu_jubao_banfa",
                                     # wave 15 (held out): 662's 杭州 民生实事 考核 page printed from the browser
                                     "679_hangzhou_2024_minsheng_shishi_kaohe_tongzhi_browser_printed")

def _office_paragraphs(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each non-empty line of a stored text: "title" for the first line, "chapter"
    for 第X章/第X节 headings and 附件 lines, "body" for the rest."""
    import re

    out = []
    for index, line in enumerate(l.strip() for l in text.split("\n")):
        if not line:
            continue
        if not out:
            out.append(("title", line))
        elif re.match(r"^第[一二三四五六七八九十百零〇]{1,4}[章节]\s", line) and len(line) <= 30:
            out.append(("chapter", line))
        elif re.match(r"^附\s*件\s*[0-9一二三四五六七八九十]{0,2}\s*[：:]?$", line):
            out.append(("annex", line))
        elif len(line) <= 40 and index <= 4 and not re.search(r"[。；]", line):
            out.append(("subtitle", line))
        else:
            out.append(("body", line))
    return out


def make_office_pdf(source: Path, target: Path, layout: dict) -> None:
    """A4 pages of ``source``'s paragraphs laid out as an office prints a 公文 (see ``OFFICE_LAYOUTS``):
    margins 37/35/28/26 mm, ``layout["size"]``-point text, 22 lines a page; the title (first line,
    larger) and chapter headings centred; a body paragraph indented two characters, wrapped at the
    right margin and justified (character spacing), its continuation lines at the left margin or,
    with ``hanging``, under its text; the running header above a rule and the page number below the
    text on every page. With ``full_width_after_article`` the blank after 第X条 is typed as the
    ideographic space offices use (第一条　为了…). Same STSong-Light CID font as ``make_pdf``."""
    import re

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    layout = {**OFFICE_DEFAULTS, **layout}
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    left, right, top, bottom = 28 * mm, 26 * mm, 37 * mm, 35 * mm
    size = layout["size"]
    leading = (height - top - bottom) / 22
    text_width = width - left - right
    paragraphs = _office_paragraphs(source.read_text(encoding="utf-8"))
    if layout.get("untitled"):  # the stored text opens with its body (a speech without its title line)
        paragraphs = [("body", text) for _, text in paragraphs]
    lines: list[tuple[str, str, float, bool]] = []  # (kind, text, x offset, justify)

    def wrap(text: str, first: float, rest: float, font_size: float) -> list[tuple[str, float, bool]]:
        out, offset = [], first
        while text:
            cut = len(text)
            while pdfmetrics.stringWidth(text[:cut], FONT, font_size) > text_width - offset:
                cut -= 1
            # a closing punctuation mark never opens a line (it goes back to the line above)
            while cut < len(text) and text[cut] in "，。；：、）》”！？" and cut > 1:
                cut -= 1
            out.append((text[:cut], offset, cut < len(text)))
            text, offset = text[cut:], rest
        return out

    for kind, text in paragraphs:
        if kind == "body" and layout.get("full_width_after_article"):
            text = re.sub(r"^(第[一二三四五六七八九十百零〇]{1,4}条) ", "\\1\u3000", text)
        if kind in ("title", "subtitle", "chapter", "annex"):
            font_size = 21.75 if kind == "title" else size
            for piece, _, _ in wrap(text, 0, 0, font_size):
                lines.append((kind, piece, 0.0, False))
            continue
        indent = 2 * size
        hang = 0.0
        if layout.get("hanging"):
            m = re.match(r"^(第[一二三四五六七八九十百零〇]{1,4}条[ \u3000]|（[一二三四五六七八九十]{1,3}）)", text)
            if m:
                hang = indent + pdfmetrics.stringWidth(m.group(0), FONT, size)
        for piece, offset, justify in wrap(text, indent, hang, size):
            lines.append((kind, piece, offset, justify))

    per_page = 22
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    pdf = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    pdf.setTitle(source.stem)
    for number, page in enumerate(pages, start=1):
        if layout.get("header"):
            pdf.setFont(FONT, 10.5)
            pdf.drawCentredString(width / 2, height - top + 16 * mm, layout["header"])
            pdf.setLineWidth(0.5)
            pdf.line(left, height - top + 14 * mm, width - right, height - top + 14 * mm)
        y = height - top
        for kind, text, offset, justify in page:
            font_size = 21.75 if kind == "title" else size
            pdf.setFont(FONT, font_size)
            if kind in ("title", "subtitle", "chapter"):
                pdf.drawCentredString(width / 2, y, text)
            else:
                spare = text_width - offset - pdfmetrics.stringWidth(text, FONT, font_size)
                gaps = max(len(text) - 1, 1)
                chars = pdf.beginText(left + offset, y)
                chars.setFont(FONT, font_size)
                chars.setCharSpace(spare / gaps if justify and spare > 0 else 0)
                chars.textOut(text)
                pdf.drawText(chars)
            y -= leading * (1.3 if kind == "title" else 1)
        label = layout["number"].format(n=number, total=len(pages))
        pdf.setFont(FONT, 14)
        footer_y = bottom - 12 * mm
        if layout.get("alternate"):
            if number % 2:
                pdf.drawRightString(width - right - size, footer_y, label)
            else:
                pdf.drawString(left + size, footer_y, label)
        else:
            pdf.drawCentredString(width / 2, footer_y, label)
        pdf.showPage()
    pdf.save()


def print_with_chromium(source: Path, target: Path) -> None:
    """Print the page ``source`` (.html) to ``target`` with headless Chromium, as an office prints a
    page from its browser: the browser's header (date, page title) and footer (file address, "2/5")
    on every page. Needs ``chromium`` on the PATH."""
    import shutil
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("chromium not found: needed to print " + source.name)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                        f"--print-to-pdf={target}", source.resolve().as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


# Word twins of a text (issue 13, wave 6 development documents): stem of the .docx -> stem of src/NNN.txt.
WORD_TWINS: dict[str, str] = {"109_guoanbu_2022_jubao_jiangli_banfa": "094_guoanbu_2022_jubao_jiangli_banfa",
                               # held-out wave 34, second half (branch heldout34b): 1641's duties closing its items as Word paragraphs
                               "1647_heilongjiang_2009_shida_gongcheng_tuijin_gongzuo_fangan_word": "1641_heilongjiang_2009_shida_gongcheng_tuijin_gongzuo_fangan",
                               # branch fresh53: 1342's 责任单位 caption lines as Word paragraphs
                               "1343_xuchang_2020_zhengfu_gongzuo_baogao_fenjie_caption_lines_word": "1342_xuchang_2020_zhengfu_gongzuo_baogao_fenjie_caption_lines",
                               # branch fresh58: 1346's 政协 meeting notice (its time headings over sentences) as Word paragraphs
                               "1350_wuhu_2025_zhengxie_huiyi_tongzhi_meeting_times_word": "1346_wuhu_2025_zhengxie_huiyi_tongzhi_meeting_times",
                               # speeches as Word files (issue 13): 002's compilation and 000's speech
                               "185_dawu_jinrong_speech_word": "184_dawu_jinrong_speech_printed",
                               "187_city_jinrong_speech_word": "186_city_jinrong_speech_printed",
                               # wave 14 (held out): 604's 化州 禁火通告 as a Word document
                               "619_huazhou_2024_jinhuo_tonggao_word": "604_huazhou_2024_senlin_fanghuo_jinhuo_tonggao",
                               # wave 15 (held out): 663's 宜宾 征集通告 as a Word document
                               "677_yibin_2024_minsheng_shishi_zhengji_tonggao_word": "672_yibin_2024_minsheng_shishi_zhengji_tonggao_printed",
                               # wave 18 (held out by source): 905's 征稿启事 (主办/承办/协办单位 items) as a Word document
                               "909_shaoxing_2019_lianjie_shufa_zhenggao_qishi_word": "905_shaoxing_2019_lianjie_shufa_yaoqingsai_zhenggao_qishi",
                               # wave 18: 902's notice and 办法 as a Word document (第X条 in bold)
                               "913_caizhengbu_2010_kuaiji_shiwusuo_caiwu_guanli_banfa_word": "912_caizhengbu_2010_kuaiji_shiwusuo_caiwu_guanli_banfa_printed",
                               # wave 18: 916's notice as a Word document (the 第N期 session lines as paragraphs)
                               "920_shenzhen_2020_gaoxiao_chuji_ganbu_peixun_tongzhi_word": "919_shenzhen_2020_gaoxiao_chuji_ganbu_peixun_tongzhi_printed",
                               # wave 26 (held out by subject: environment and rectification): 124's 金华 2018 实施计划 as a Word
                               # document, every paragraph a body paragraph (the stored copy has no title line)
                               "777_jinhua_shuxia_2018_lantian_baoweizhan_shishi_jihua_word": "197_jinhua_shuxia_2018_lantian_baoweizhan_shishi_jihua_printed",
                               # wave 34 (fourth part, held out): 1649's 吴泾镇 工作方案 as a Word document
                               "1653_minhang_wujing_zhen_2021_chengzhen_fangwu_anquan_yinhuan_paicha_zhengzhi_gongzuo_fangan_word": "1652_minhang_wujing_zhen_2021_chengzhen_fangwu_anquan_yinhuan_paicha_zhengzhi_gongzuo_fangan_printed",
                               "1683_guangzhou_2025_shengyu_jintie_zhijie_fafang_geren_zhiyin_word": "1682_guangzhou_2025_shengyu_jintie_zhijie_fafang_geren_zhiyin_printed"}
# Word twins whose text opens with its body (no title line): every paragraph is a body paragraph, none centred.
WORD_UNTITLED: frozenset[str] = frozenset({"777_jinhua_shuxia_2018_lantian_baoweizhan_shishi_jihua_word"})


# Texts a PDF reader copies out of a printed twin (select all, copy; branch captions60): stem -> the printed PDF's stem.
# The copy keeps the printed lines: a caption's list of units breaks where the line ended, after a separator or inside a
# name ("市发展改" / "革委"), and the running header and page numbers stand between the lines of a page break.
PDF_TEXT_COPIES: dict[str, str] = {
    "1086_zhoushan_2022_zhongdian_gongzuo_zeren_fenjie_pdf_text_copy": "1085_zhoushan_2022_zhongdian_gongzuo_zeren_fenjie_printed",
    "1088_lishan_2023_zhongdian_gongzuo_fengong_pdf_text_copy": "1087_lishan_2023_zhongdian_gongzuo_fengong_printed",
    "1090_shengsi_2023_zhongdian_fenjie_pdf_text_copy": "1089_shengsi_2023_zhongdian_fenjie_printed",
    "1092_haishu_2023_zhongdian_gongzuo_zeren_fenjie_pdf_text_copy": "1091_haishu_2023_zhongdian_gongzuo_zeren_fenjie_printed",
    "1094_zhejiang_2020_zhongdian_gongzuo_zeren_fenjie_pdf_text_copy": "1093_zhejiang_2020_zhongdian_gongzuo_zeren_fenjie_printed",
}


def copy_pdf_text(source: Path, target: Path) -> None:
    """Write to ``target`` the text a PDF reader copies out of ``source`` (a made PDF): each page's text as pdfplumber
    lays out its characters (``extract_text``), one line per printed line, the pages one after another. Nothing is
    joined or dropped: what the layout wrapped stays wrapped, the page's header and number stay where they were."""
    import pdfplumber

    with pdfplumber.open(str(source)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    target.write_text("\n".join(pages) + "\n", encoding="utf-8")


def make_docx_paragraphs(source: Path, target: Path, untitled: bool = False) -> None:
    """A Word document of ``source``'s paragraphs as an office types a 公文: the title and the chapter
    headings centred (the title in bold), 第X条 in bold followed by an ideographic space, every body
    paragraph with a first-line indent of two characters (``_office_paragraphs`` sorts the lines);
    ``untitled`` (a text that opens with its body, ``WORD_UNTITLED``) makes every line a body paragraph."""
    import re

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    for kind, text in _office_paragraphs(source.read_text(encoding="utf-8")):
        if untitled:
            kind = "body"
        paragraph = document.add_paragraph()
        if kind in ("title", "subtitle", "chapter"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(text).bold = kind == "title"
            continue
        paragraph.paragraph_format.first_line_indent = Pt(32)
        m = re.match(r"^(第[一二三四五六七八九十百零〇]{1,4}条) ", text)
        if m:
            paragraph.add_run(m.group(1)).bold = True
            paragraph.add_run("\u3000" + text[m.end():])
        else:
            paragraph.add_run(text)
    document.save(str(target))


def make_docx(source: Path, target: Path) -> None:
    """A Word document with the table of ``source`` (.table.tsv): lines before the header line
    (the first line containing a tab) are paragraphs, then one table row per line.

    Merged cells, as offices draw them: a line opening with ``@`` is a row of one cell merged
    across the table (a title row just above the header, a group heading such as 一、… between
    rows); a cell written ``^`` is merged with the cell above it (one 序号 or 重点任务 over several
    rows, which python-docx then reads on every row it spans); a cell written ``<`` is merged with
    the cell on its left (a caption such as 责任单位 spanning 牵头单位 and 配合单位 in a header of two
    rows: Word's gridSpan); ``\\n`` inside a cell is a line break in the cell (units one per line).
    A line opening with ``@@`` is a row merged across the table with Word's horizontal merge marks
    (``w:hMerge``, as converters and older files write a merge) whose text stands in every cell it
    spans: python-docx, which does not read those marks, gives the text once per column (a group row
    of a 分工表 such as 一、主要目标和任务分工, branch tables31).
    """
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lines = source.read_text(encoding="utf-8").rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if "\t" in line)
    while start and lines[start - 1].startswith("@"):
        start -= 1  # a title row inside the table, above its header
    document = docx.Document()
    for line in lines[:start]:
        document.add_paragraph(line)
    repeated = {r for r, line in enumerate(lines[start:]) if line.startswith("@@")}
    rows = [[line.lstrip("@")] if line.startswith("@") else line.split("\t") for line in lines[start:]]
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        if r in repeated:
            for c in range(width):
                cell = table.cell(r, c)
                cell.text = cells[0]
                mark = OxmlElement("w:hMerge")
                if c == 0:
                    mark.set(qn("w:val"), "restart")
                cell._tc.get_or_add_tcPr().append(mark)
            continue
        for c, text in enumerate(cells):
            if text not in ("^", "<"):
                table.cell(r, c).text = text.replace("\\n", "\n")
        if len(cells) == 1 and width > 1:
            table.cell(r, 0).merge(table.cell(r, width - 1))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text == "<" and c:
                left = c - 1
                while left and cells[left] == "<":
                    left -= 1
                table.cell(r, left).merge(table.cell(r, c))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text == "^" and r:
                top = r - 1
                while top and rows[top][c:c + 1] == ["^"]:
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))
    document.save(str(target))


def main(names: list[str]) -> int:
    def wanted(stem: str) -> bool:
        return not names or stem in names

    for source in sorted(HERE.glob("*.txt")):
        if not wanted(source.stem):
            continue
        if source.stem in OFFICE_LAYOUTS:
            make_office_pdf(source, CORPUS / f"{source.stem}.pdf", OFFICE_LAYOUTS[source.stem])
        else:
            make_pdf(source, CORPUS / f"{source.stem}.pdf")
        print(f"{source.stem}.pdf")
    for stem in CHROMIUM_PRINTS:
        if wanted(stem):
            print_with_chromium(HERE / f"{stem}.html", CORPUS / f"{stem}.pdf")
            print(f"{stem}.pdf")
    for stem, printed in PDF_TEXT_COPIES.items():
        if wanted(stem) or wanted(printed):
            copy_pdf_text(CORPUS / f"{printed}.pdf", CORPUS / f"{stem}.txt")
            print(f"{stem}.txt")
    for stem, text_stem in WORD_TWINS.items():
        if wanted(stem):
            make_docx_paragraphs(HERE / f"{text_stem}.txt", CORPUS / f"{stem}.docx", stem in WORD_UNTITLED)
            print(f"{stem}.docx")
    for source in sorted(HERE.glob("*.table.tsv")):
        stem = source.name[: -len(".table.tsv")]
        if not wanted(stem):
            continue
        make_docx(source, CORPUS / f"{stem}.docx")
        print(f"{stem}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
