"""Notices as offices receive them (branch notices3): a standalone 通知 whose numbered paragraphs are its
measures, printed as a PDF (a title centred over two lines, the 文号 and 主送 lines under it, the first item
run on after the opening sentence, 附件 and 抄送 lines at the end), and the lists of a plan's targets whose
items open with their year ("1.2025年：…"). The wording is invented for these tests."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.cleaning import Line
from tracker.parsing.metadata import find_title
from tracker.parsing.parser import _split_list_openers
from tracker.vocabulary.numbering import match_number

from tests.helpers.pdf import text_pdf

NOTICE_HEAD = ["某某县人民政府办公室关于切实做好汛前河道清障工作的通知", "某县政办函〔2025〕9号",
               "各镇人民政府，县直有关单位："]
NOTICE_END = ["特此通知。", "附件：1.河道清障任务清单", "2.各镇清障联络员名单", "某某县人民政府办公室", "2025年4月2日",
              "抄送：县委办公室，县人大常委会办公室。", "某某县人民政府办公室 2025年4月3日印发"]


def test_notice_pdf_first_item_run_on_after_the_opening_sentence_is_the_first_measure():
    lines = NOTICE_HEAD + [
        "今年主汛期将至，部分河段阻水设施尚未清除。经县政府同意，现就有关事项通知如下。 一、全面摸清阻水障碍。",
        "各镇要逐段排查河道内的违章建筑、围堰和堆积物，建立台账，4月20日前报县水利局。",
        "二、限期完成清障任务。对排查出的阻水障碍，由所在镇组织清除，入汛前全部清理到位。",
        "三、强化督查问效。县水利局会同县农业农村局每半月通报一次进度。",
    ] + NOTICE_END
    draft = read_plan_bytes(text_pdf(lines), "清障通知.pdf")
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["三"]]
    first, second, _ = draft.measures
    assert first.text.startswith("全面摸清阻水障碍。") and first.deadline == "4月20日前"
    assert str(first.due_date) == "2025-04-20"
    assert second.deadline == "入汛前" and second.due_date is None  # a season by its onset: no calendar day
    assert draft.issued_on is not None and str(draft.issued_on) == "2025-04-02"


def test_notice_first_item_with_children_before_its_second_item():
    text = ("某某街道办事处关于开展楼道堆物清理的通知\n各社区居委会：\n为消除消防隐患，特通知如下：一、清理范围\n"
            "（一）楼道、疏散通道内的杂物。\n（二）电动自行车违规停放点。\n二、时间安排\n5月31日前完成。\n")
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一"], ["一", "（一）"], ["一", "（二）"], ["二"]]


def test_notice_first_item_after_a_sentence_without_its_second_stays_in_the_sentence():
    text = "某某局关于停电检修的通知\n各科室：\n因线路检修，停电一天。一、二楼照常办公。\n特此通知。\n"
    assert parse_plan_text(text).measures == []


def test_notice_attachment_list_with_entries_on_lines_of_their_own_gives_no_items():
    text = ("某某市交通运输局关于加强校车安全管理的通知\n各区交通运输局：\n现将有关要求通知如下：\n"
            "一、严格车辆审验。\n二、加强驾驶人培训。\n附件：1.校车安全检查表\n2.驾驶人培训计划\n"
            "某某市交通运输局\n2024年8月20日\n")
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["二"]]


@pytest.mark.parametrize("line, key", [("1.2025年：建成示范村10个。", "1"), ("2、2026—2027年，全面推开。", "2"),
                                       ("3. 2028年，实现全覆盖。", "3"), ("４．２０２６年：完成验收。", "４"),
                                       ("1.6月底前完成摸底。", "1"), ("2.10月15日前报送台账。", "2")])
def test_notice_a_number_followed_by_a_year_or_a_date_opens_an_item(line, key):
    assert match_number(line).key == key


@pytest.mark.parametrize("line", ["1.5亿元用于补助", "2.35万人次参加培训", "1、2月份全县完成投资", "1.2025",
                                  "1.5个月内办结", "3.5月"])
def test_notice_a_decimal_or_a_pair_of_months_opens_no_item(line):
    assert match_number(line) is None


def test_notice_target_list_whose_items_open_with_their_year():
    text = ("一、工作目标\n到2027年，全县污水收集率达到75%以上。具体目标：\n1.2025年：完成12个建制村污水管网改造。\n"
            "2.2026年：再完成15个建制村改造，收集率达到70%。\n3.2027年，全面完成剩余村改造。\n二、保障措施\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "2"], ["一", "3"], ["二"]]
    assert [m.deadline for m in measures[1:4]] == ["2025年", "2026年", "2027年"]


def test_notice_period_heading_with_its_list_after_the_colon_is_no_deadline():
    text = "（一）2025年：\n1.6月底前完成摸底。\n2.9月底前完成整改。\n"
    measures = parse_plan_text(text).measures
    assert measures[0].deadline is None
    assert [m.deadline for m in measures[1:]] == ["6月底前", "9月底前"]


def test_notice_centred_title_with_its_last_words_alone_on_the_second_line():
    header = [Line(1, "某某市人民政府关于印发某某市养老服务设施布局专项规划的"), Line(2, "通知"),
              Line(3, "各区人民政府，市政府各部门：")]
    assert find_title(header, {}) == "某某市养老服务设施布局专项规划"
    header = [Line(1, "某某县人民政府关于开展消防安全隐患排查整治的通"), Line(2, "知")]
    assert find_title(header, {}) == "某某县人民政府关于开展消防安全隐患排查整治的通知"


# --- properties ------------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_BODY = st.text(alphabet="各单位要加强领导落实责任推进工作完成任务年月底前", min_size=2, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BODY, min_size=2, max_size=9), st.sampled_from(["。", "：", "。 "]),
       st.lists(st.booleans(), min_size=9, max_size=9))
def test_notice_every_item_is_kept_in_order_whether_or_not_the_first_runs_on(bodies, closer, paragraphs):
    """However a notice's items are written (the first run on after the opening sentence or on a line of its
    own, paragraphs under some of them), each item is one measure, in the order written."""
    lines = ["某某单位关于做好有关工作的通知", "各部门："]
    for index, body in enumerate(bodies):
        item = f"{_CN[index]}、{body}。"
        if index == 0:
            lines.append("为做好有关工作，现通知如下" + closer + item)
        else:
            lines.append(item)
        if paragraphs[index]:
            lines.append("具体工作由各单位结合实际安排。")
    paths = [m.path for m in parse_plan_text("\n".join(lines)).measures]
    assert paths == [[_CN[index]] for index in range(len(bodies))]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="一二1.、。：；（）是要工作附件： ", max_size=40), max_size=12))
def test_notice_splitting_a_run_on_first_item_never_loses_text(texts):
    """The split of a first item off its paragraph keeps every character of every line, in order."""
    lines = [Line(no, text.strip()) for no, text in enumerate(texts, start=1) if text.strip()]
    out = _split_list_openers(lines, words=False)
    for line in lines:
        pieces = [piece.text for piece in out if piece.no == line.no]
        assert "".join(pieces).replace(" ", "") == line.text.replace(" ", "")


def test_notice_pasted_pdf_text_keeps_its_title_line_out_of_the_opening_paragraph():
    """A PDF's text as a reader gives it (blank lines between lines, hard breaks at the margin): the title line,
    longer than the body's lines, is complete, so it is not run on into the plan's title and opening paragraph."""
    text = "\n\n".join([
        "某某市人民政府 关于印发某某市城乡环境卫生整洁行动实施方案的通知",
        "某某市城乡环境卫生整洁行动实施方案",
        "为改善城乡人居环境，提升群众生活品质，根据省里",
        "有关部署，结合本市实际，制定本方案。",
        "一、工作目标",
        "（一）近期目标。2026年底前，城区主次干道保洁",
        "覆盖率达到百分之百。",
    ])
    draft = parse_plan_text(text)
    assert draft.title == "某某市城乡环境卫生整洁行动实施方案"
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"]]
    assert draft.measures[1].deadline == "2026年底前"


def test_notice_title_quoted_whole_in_book_marks_over_two_lines():
    header = [Line(1, "《某某区人民政府办公室关于建立重点项目周调度制度"), Line(2, "的通知》"),
              Line(3, "各街道办事处：")]
    assert find_title(header, {}) == "某某区人民政府办公室关于建立重点项目周调度制度的通知"


def test_notice_with_requirements_then_its_plan_as_annex_counts_the_plans_items_only():
    """A cover notice with numbered requirements of its own, signed, then "附件" and the plan it names: the
    measures are the plan's (GOLD-README), numbered from 一 without a suffix."""
    text = ("某某区人民政府办公室关于印发某某区夜间经济提升行动方案的通知\n各街道办事处，区政府各部门：\n"
            "《某某区夜间经济提升行动方案》已经区政府同意，现印发给你们，并就有关事项通知如下：\n"
            "一、各街道要明确一名分管负责同志，5月10日前报区商务局。\n二、区商务局要每季度通报推进情况。\n"
            "某某区人民政府办公室\n2025年4月28日\n附件1\n某某区夜间经济提升行动方案\n"
            "一、培育夜间消费街区\n（一）打造特色街区。年内建成2条夜间特色街区。（牵头单位：区商务局）\n"
            "二、丰富夜间文旅活动\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "（一）"], ["二"]]
    assert measures[1].lead_units == ["区商务局"]


def test_notice_signed_then_an_annex_of_tables_keeps_the_notices_own_items():
    text = ("某某市财政局关于报送年度预算执行情况的通知\n各区财政局：\n现就有关事项通知如下：\n"
            "一、报送内容。预算执行情况表和分析报告。\n二、报送时间。请于7月15日前报送。\n"
            "某某市财政局\n2025年7月1日\n附件\n预算执行情况表\n1.一般公共预算收支表\n2.政府性基金收支表\n")
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths[:2] == [["一"], ["二"]]


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1990, max_value=2099),
       st.sampled_from([".", "．", "、", ". "]), st.sampled_from(["年：完成", "年，推进", "—2030年，实施"]))
def test_notice_a_number_then_a_year_is_always_that_item(number, year, separator, rest):
    token = match_number(f"{number}{separator}{year}{rest}")
    assert token is not None and token.ordinal == number


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=999),
       st.sampled_from(["亿元", "万人", "个百分点", "倍", "个月", "%"]))
def test_notice_a_decimal_quantity_is_never_an_item(whole, decimals, unit):
    assert match_number(f"{whole}.{decimals}{unit}用于补助") is None


def _printed(paragraphs: list[tuple[str, bool]]) -> bytes:
    """An A4 page of ``paragraphs`` (text, indented) at 15.75 pt, 28 characters a line, wrapped at the right
    margin: body paragraphs indented two characters, items set flush left, as some offices print notices."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size, left = 15.75, 28 * mm
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = A4[1] - 37 * mm
    for text, indented in paragraphs:
        offset = 2 * size if indented else 0.0
        while text:
            take = 28 - round(offset / size)
            page.setFont("STSong-Light", size)
            page.drawString(left + offset, y, text[:take])
            text, offset, y = text[take:], 0.0, y - 28
    page.showPage()
    page.save()
    return out.getvalue()


def test_notice_pdf_items_set_flush_left_stay_apart_when_the_item_above_fills_its_last_line():
    first = "一、摸清校舍底数。各校要对教学楼、宿舍楼和食堂逐栋开展安全鉴定，建立一校一档，9月底前完成鉴定并报县教育局"
    first += "审" * (-(len(first) + 1) % 28) + "。"  # its last line, closed by its full stop, reaches the margin
    paragraphs = [("为做好秋季开学校舍安全工作，经县政府同意，现就有关事项通知如下：", True), (first, False),
                  ("二、及时消除隐患。鉴定为危房的校舍要立即停用，落实过渡安置措施。", False),
                  ("三、压实各方责任。县教育局负责督促检查，按月通报进展情况。", False),
                  ("某某县人民政府办公室", True)]
    draft = read_plan_bytes(_printed(paragraphs), "校舍通知.pdf")
    assert [m.path for m in draft.measures] == [["一"], ["二"], ["三"]]
    assert draft.measures[1].text.startswith("及时消除隐患。")


def test_notice_spaced_out_character_by_character_reads_its_units_and_deadlines():
    """A PDF reader's text of a letter-spaced notice (a blank between every two characters): the blanks are
    layout, so the annotation gives its unit and the date its deadline."""
    text = "\n".join([
        "关 于 开 展 燃 气 安 全 专 项 检 查 的 通 知",
        "各 街 道 办 事 处 ：",
        "一 、 全 面 检 查 餐 饮 场 所 。 各 街 道 要 于 6 月 1 5 日 前 完 成 检 查 。",
        "二 、 建 立 问 题 台 账 。 （ 牵 头 单 位 ： 区 城 管 局 ； 配 合 单 位 ： 区 市 场 监 管 局 ）",
    ])
    draft = parse_plan_text(text)
    assert draft.title == "关于开展燃气安全专项检查的通知"
    first, second = draft.measures
    assert first.deadline == "6月15日前"
    assert (second.lead_units, second.supporting_units) == (["区城管局"], ["区市场监管局"])


@pytest.mark.parametrize("line", ["财  政  局", "市发改委 市财政局 市商务局 市住建局 市水务局 市交通局 市农业局 市林业局",
                                  "Made in China 2025 plan for new industry of the city", "1\t加强领导\t市财政局"])
def test_notice_lines_with_blanks_that_are_not_letter_spacing_stay_as_written(line):
    from tracker.parsing.cleaning import unspace_letter_spaced

    assert unspace_letter_spaced(line) == line


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="一二、。年月日前市局 12\t（）：", max_size=60))
def test_notice_closing_up_letter_spacing_only_ever_removes_blanks(line):
    from tracker.parsing.cleaning import unspace_letter_spaced

    closed = unspace_letter_spaced(line)
    assert closed.replace(" ", "") == line.replace(" ", "")
    assert unspace_letter_spaced(closed) == closed
