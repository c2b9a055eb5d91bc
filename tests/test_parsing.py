"""The plan parser, told as what a supervising office sees when it hands the tracker a plan.

Acceptance: seed 003 (重庆市金融去杠杆防风险专项方案) parses exactly as the hand-checked gold file.
Everything here reads tests/corpus/ only (the repository stands alone) and uses no fixture of
tests/conftest.py: run with ``pytest --noconftest tests/test_parsing.py``.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest

from tracker.parsing import (MeasureDraft, PlanDraft, PlanReadError, UnsupportedFileType,
                             decode_plan_bytes, parse_due_date, parse_plan_text, read_plan_bytes,
                             read_plan_file)
from tracker.parsing.numbering import match_number

CORPUS = Path(__file__).parent / "corpus"
CHONGQING = CORPUS / "003_617224a5fd120f29.txt"
GOLD = json.loads((CORPUS / "003_617224a5fd120f29.expected.json").read_text(encoding="utf-8"))
SEEDS = sorted(CORPUS.glob("*.txt"))
GOLD_FIELDS = ("path", "title", "lead_units", "supporting_units", "deadline")


@pytest.fixture(scope="module")
def chongqing() -> PlanDraft:
    return read_plan_file(CHONGQING)


def measure(draft: PlanDraft, *path: str) -> MeasureDraft:
    found = [m for m in draft.measures if m.path == list(path)]
    assert len(found) == 1, (path, [m.path for m in draft.measures])
    return found[0]


# --- seed 003 against the gold file -----------------------------------------------------------

def test_parsing_chongqing_plan_reads_title_doc_number_and_issuer_as_in_the_gold_file(chongqing):
    assert chongqing.title == GOLD["title"] == "重庆市金融去杠杆防风险专项方案"
    assert chongqing.doc_number == GOLD["doc_number"] == "渝府办发〔2016〕110号"
    assert chongqing.issuer == GOLD["issuer"] == "重庆市人民政府办公厅"


def test_parsing_chongqing_plan_is_dated_by_its_signature_not_by_the_web_page(chongqing):
    assert chongqing.issued_on == datetime.date(2016, 6, 20)  # not 发布日期 2016-06-23


def test_parsing_chongqing_plan_has_four_headings_and_sixteen_measures(chongqing):
    assert len(chongqing.measures) == len(GOLD["measures"]) == 20
    assert [m.path for m in chongqing.measures if m.level == 1] == [["一"], ["二"], ["三"], ["四"]]
    assert sum(1 for m in chongqing.measures if m.level == 2) == 16


@pytest.mark.parametrize("index", range(len(GOLD["measures"])),
                         ids=["-".join(m["path"]) for m in GOLD["measures"]])
def test_parsing_chongqing_measure_matches_the_gold_entry(chongqing, index):
    got, want = chongqing.measures[index].to_dict(), GOLD["measures"][index]
    for field in GOLD_FIELDS:
        assert got[field] == want[field], (want["path"], field)
    assert got["due_date"] is None
    assert got["level"] == len(want["path"])


def test_parsing_chongqing_round_trips_through_json_like_the_parse_plan_command(chongqing):
    parsed = json.loads(json.dumps(chongqing.to_dict(), ensure_ascii=False))
    assert set(parsed) == {"title", "doc_number", "issuer", "issued_on", "measures", "warnings"}
    for field in ("title", "doc_number", "issuer"):
        assert parsed[field] == GOLD[field]
    assert parsed["issued_on"] == "2016-06-20"
    assert len(parsed["measures"]) == len(GOLD["measures"])
    for got, want in zip(parsed["measures"], GOLD["measures"]):
        for field in GOLD_FIELDS:
            assert got[field] == want[field], (want["path"], field)
        assert {"number", "level", "text", "due_date", "line"} <= set(got)


def test_parsing_chongqing_measures_know_their_number_and_source_line(chongqing):
    first = measure(chongqing, "一", "（一）")
    assert (first.number, first.level, first.line) == ("（一）", 2, 14)
    assert (measure(chongqing, "四").number, measure(chongqing, "四").line) == ("四、", 29)


# --- seed 003: the traps of the text ----------------------------------------------------------

def test_parsing_joins_the_measure_wrapped_over_two_lines(chongqing):
    wrapped = measure(chongqing, "一", "（三）")
    assert "完善客户分类制度和动态评估机制" in wrapped.text
    assert wrapped.line == 16
    assert wrapped.lead_units == ["重庆证监局"]


def test_parsing_keeps_a_mid_sentence_parenthesis_in_the_text(chongqing):
    # The brief says 二（二）; in the seed the "（ OTC）" sits in 四（二）, line 31.
    otc = measure(chongqing, "四", "（二）")
    assert "重庆股份转让中心公司（OTC）争取新三板" in otc.text
    assert otc.lead_units == ["市金融办"]
    assert otc.supporting_units == ["市财政局", "市国资委", "人行重庆营管部", "重庆证监局"]
    assert "牵头单位" not in otc.text


def test_parsing_does_not_split_a_measure_at_3家以上(chongqing):
    item = measure(chongqing, "三", "（一）")
    assert "3家以上债权银行或5家以上债权小贷公司" in item.text
    assert [m.path for m in chongqing.measures if m.path[0] == "三"] == [
        ["三"], ["三", "（一）"], ["三", "（二）"], ["三", "（三）"]]


def test_parsing_leaves_the_closing_paragraph_out_of_every_measure(chongqing):
    assert all("工作台账" not in m.text for m in chongqing.measures)
    assert measure(chongqing, "四", "（四）").text.endswith("支持要素市场降低交易手续费用。")


def test_parsing_removes_stray_spaces_inside_quotes(chongqing):
    assert "“名股实债”、“抽屉协议”" in measure(chongqing, "一", "（一）").text
    assert "按照“透明、隔离、可控”的原则" in measure(chongqing, "一", "（五）").text


def test_parsing_keeps_header_lines_and_the_annotation_out_of_measure_text(chongqing):
    assert chongqing.measures[0].line == 13
    assert all("（牵头单位" not in m.text and "配合单位" not in m.text for m in chongqing.measures)
    assert chongqing.warnings == []
    assert "工作台账" in chongqing.source_text


# --- the other seeds --------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_parsing_every_seed_in_the_corpus_parses_without_error(seed):
    draft = read_plan_file(seed)
    assert isinstance(draft.to_dict(), dict)
    for m in draft.measures:
        assert m.level == len(m.path) and m.text is not None


def test_parsing_speech_with_a_numbering_gap_warns_about_四_and_六():
    draft = read_plan_file(CORPUS / "000_733bdf29458dab9f.txt")
    gap = [w for w in draft.warnings if "四" in w and "六" in w]
    assert gap == ["编号不连续：四、之后是六、（第 23 行）"]
    assert [m.path for m in draft.measures if m.level == 1] == [["一"], ["二"], ["三"], ["四"], ["六"]]
    assert measure(draft, "二", "一要").title == "支持供给侧结构性改革"


def test_parsing_speech_numbered_第一_第二_第三_gives_three_items_and_the_inline_一是():
    draft = read_plan_file(CORPUS / "001_a57819c927fa3a01.txt")
    assert [m.path for m in draft.measures] == [
        ["第一"], ["第一", "一是"], ["第一", "二是"], ["第一", "三是"], ["第二"], ["第三"]]
    assert draft.title == "在金融座谈会议上的讲话"
    assert measure(draft, "第一", "一是").title == "保费增速差距较大"
    assert measure(draft, "第一", "三是").inline and not measure(draft, "第一").inline
    assert measure(draft, "第一").text.endswith("还存在着一些短板问题：")


def test_parsing_drops_the_paid_content_markers_of_seed_002():
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    assert draft.measures
    assert all("##" not in m.text and "paid" not in m.text for m in draft.measures)
    assert measure(draft, "一", "(三)").text.startswith("农信社成功组建农商行")


def test_parsing_news_article_without_numbering_gives_no_measures_and_a_warning():
    draft = read_plan_file(CORPUS / "004_5ab0f34fada107f1.txt")
    assert draft.measures == []
    assert any(w.startswith("未识别到编号条目") for w in draft.warnings)
    assert draft.title == "银保监局划重点：精准服务地方重大战略"  # from the front matter


def test_parsing_an_empty_document_is_not_an_error():
    draft = parse_plan_text("")
    assert draft.measures == [] and draft.warnings[0].startswith("未识别到编号条目")


# --- file formats -----------------------------------------------------------------------------

def test_parsing_gb18030_bytes_give_the_same_plan_as_utf8():
    text = CHONGQING.read_text(encoding="utf-8")
    assert decode_plan_bytes(text.encode("gb18030"), "方案.txt") == text
    assert read_plan_bytes(text.encode("gb18030"), "方案.txt").to_dict() == read_plan_file(CHONGQING).to_dict()
    assert decode_plan_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


def test_parsing_undecodable_bytes_raise_an_error_naming_the_file():
    with pytest.raises(PlanReadError, match="坏文件.txt"):
        read_plan_bytes(b"\x00\x01\x02\xff\xfe\x80" * 20, "坏文件.txt")


@pytest.mark.parametrize("name", ["方案.pdf", "台账.xls", "旧方案.doc", "无扩展名"])
def test_parsing_refuses_other_file_types(name, tmp_path):
    with pytest.raises(UnsupportedFileType, match=name):
        read_plan_bytes(b"%PDF-1.4", name)
    (tmp_path / name).write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsupportedFileType):
        read_plan_file(tmp_path / name)


def test_parsing_a_missing_file_raises_plan_read_error(tmp_path):
    with pytest.raises(PlanReadError, match="不存在.txt"):
        read_plan_file(tmp_path / "不存在.txt")


def test_parsing_a_word_document_with_numbered_paragraphs_and_a_task_table(tmp_path):
    from docx import Document

    document = Document()
    for text in ("某区金融风险防控工作方案", "一、总体要求",
                 "（一）加强监管。做好监管工作。（牵头单位：区金融办；配合单位：区财政局）", "二、任务分工"):
        document.add_paragraph(text)
    rows = [["序号", "任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "建立工作台账。", "区金融办", "区财政局、区税务局", "2024年6月底前"],
            ["2", "实施清单管理。", "区发改局", "", "长期坚持"]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    path = tmp_path / "方案.docx"
    document.save(path)

    draft = read_plan_file(path)
    assert draft.title == "某区金融风险防控工作方案"
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"], ["二"], ["二", "1"], ["二", "2"]]
    assert measure(draft, "一", "（一）").supporting_units == ["区财政局"]
    ledger_row = measure(draft, "二", "1")
    assert (ledger_row.lead_units, ledger_row.supporting_units) == (["区金融办"], ["区财政局", "区税务局"])
    assert (ledger_row.deadline, ledger_row.due_date) == ("2024年6月底前", datetime.date(2024, 6, 30))
    assert (measure(draft, "二", "2").deadline, measure(draft, "二", "2").due_date) == ("长期坚持", None)
    assert "1\t建立工作台账。" in draft.source_text


def test_parsing_an_html_page_of_the_chongqing_plan(chongqing):
    lines = CHONGQING.read_text(encoding="utf-8").split("\n")
    page = ("<html><head><title>重庆</title><script>var x = '一、不是正文';</script></head><body>"
            + "".join(f"<p>{line.replace('“', '&ldquo;')}</p>\n" for line in lines if line)
            + "</body></html>")
    draft = read_plan_bytes(page.encode("utf-8"), "方案.html")
    assert (draft.title, draft.doc_number, draft.issuer, draft.issued_on) == (
        chongqing.title, chongqing.doc_number, chongqing.issuer, chongqing.issued_on)
    for got, want in zip(draft.measures, GOLD["measures"], strict=True):
        assert [got.to_dict()[f] for f in GOLD_FIELDS] == [want[f] for f in GOLD_FIELDS]


def test_parsing_strips_html_markdown_and_link_noise():
    text = ("---\ntitle: \"测试\"\n---\n<p>某某实施方案</p>\n<p>一、总体&nbsp;要求</p>\n"
            "<p>（一）做好工作。在 New York 开会。（牵头单位：市金融办）</p>\n"
            "https://example.com/page\n[返回](//a.b/c)｜[首页](//a.b/)\n")
    draft = parse_plan_text(text)
    assert draft.title == "某某实施方案"
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"]]
    assert measure(draft, "一").title == "总体要求"
    assert measure(draft, "一", "（一）").text == "做好工作。在New York开会。"


# --- numbering --------------------------------------------------------------------------------

def test_parsing_infers_levels_from_the_order_styles_first_appear():
    text = "\n".join([
        "1.第一部分", "（一）甲事项。内容。", "①子项一。", "②子项二。", "（二）乙事项。内容。",
        "2.第二部分", "（一）丙事项。内容。", "(二)丁事项。半角括号。",
    ])
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [
        ["1"], ["1", "（一）"], ["1", "（一）", "①"], ["1", "（一）", "②"], ["1", "（二）"],
        ["2"], ["2", "（一）"], ["2", "(二)"]]
    assert draft.warnings == []


@pytest.mark.parametrize("line, number, key", [
    ("一、总体要求", "一、", "一"), ("（十一）第十一项。", "（十一）", "（十一）"),
    ("(二十)半角。", "(二十)", "(二十)"), ("1.点号。", "1.", "1"), ("1、顿号。", "1、", "1"),
    ("1．全角点。", "1．", "1"), ("（1）括号。", "（1）", "（1）"), ("(1)半角。", "(1)", "(1)"),
    ("①圈号。", "①", "①"), ("⑳圈二十。", "⑳", "⑳"), ("第一，讲话。", "第一，", "第一"),
    ("一是要点。", "一是", "一是"), ("一要要求。", "一要", "一要"), ("九十九、最后。", "九十九、", "九十九"),
])
def test_parsing_recognises_each_numbering_style(line, number, key):
    token = match_number(line)
    assert token is not None and (token.written, token.key) == (number, key)
    # In a document, the body starts at the first item numbered 1 of a style.
    first = parse_plan_text(line) if token.ordinal == 1 else parse_plan_text(f"一、开头\n{line}")
    assert (first.measures[-1].number, first.measures[-1].path[-1]) == (number, key)


@pytest.mark.parametrize("line", [
    "3家以上债权银行参与。", "20xx年，全县金融机构存款增长。", "1-10月份各项贷款增长。",
    "2016年6月20日", "1.5亿元用于补充资本。", "（此件公开发布）", "（ OTC）争取挂牌。", "各区县（自治县）人民政府：",
])
def test_parsing_does_not_take_numbers_in_text_for_numbering(line):
    assert parse_plan_text(line).measures == []


def test_parsing_counts_chinese_numerals_past_ten_without_false_gaps():
    text = "\n".join(f"{n}、第{n}项。" for n in ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"])
    draft = parse_plan_text(text)
    assert [m.path[0] for m in draft.measures][-3:] == ["十", "十一", "十二"]
    assert draft.warnings == []


def test_parsing_heading_keeps_its_intro_paragraph_and_a_stray_paragraph_is_reported():
    text = "一、总体要求\n引言段落。\n（一）甲。内容。\n这段没有编号。\n（二）乙。内容。\n"
    draft = parse_plan_text(text)
    assert measure(draft, "一").text == "总体要求\n引言段落。"
    assert measure(draft, "一").title == "总体要求"
    assert "这段没有编号" not in measure(draft, "一", "（一）").text
    assert draft.warnings == ["第 4 行的段落没有编号，未归入任何条目，请核对是否属于上一条"]


# --- annotations ------------------------------------------------------------------------------

def units_of(text: str) -> tuple[list[str], list[str]]:
    draft = parse_plan_text("一、任务\n" + text)
    item = draft.measures[-1]
    return item.lead_units, item.supporting_units


@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（牵头单位：A局、B委；配合单位：C办、D厅）", ["A局", "B委"], ["C办", "D厅"]),
    ("（牵头部门：A局；配合部门：C办）", ["A局"], ["C办"]),
    ("（牵头单位：A局；协办单位：C办；参与单位：D厅）", ["A局"], ["C办", "D厅"]),
    ("（责任单位：A局、B委）", ["A局", "B委"], []),
    ("（牵头单位：区发改局 责任单位：区财政局、区金融办）", ["区发改局"], ["区财政局", "区金融办"]),
    ("（市金融办、市财政局牵头，人行某支行、某监管分局按职责分工负责）",
     ["市金融办", "市财政局"], ["人行某支行", "某监管分局"]),
    ("（市发展改革委会同市财政局负责）", ["市发展改革委"], ["市财政局"]),
    ("（市国资委、市财政局负责）", ["市国资委", "市财政局"], []),
    ("（牵头单位：市金融办；配合单位：市打击非法金融活动领导小组各成员单位、各区县〔自治县〕人民政府）",
     ["市金融办"], ["市打击非法金融活动领导小组各成员单位", "各区县〔自治县〕人民政府"]),
])
def test_parsing_reads_each_annotation_form(annotation, lead, supporting):
    assert units_of(f"（一）事项。做好工作。{annotation}") == (lead, supporting)


def test_parsing_reads_an_annotation_standing_on_its_own_lines():
    text = "（一）事项。做好工作。\n牵头单位：市金融办\n配合单位：市财政局、市税务局\n完成时限：2024年6月底前\n（二）下一项。内容。"
    draft = parse_plan_text("一、任务\n" + text)
    item = measure(draft, "一", "（一）")
    assert (item.lead_units, item.supporting_units) == (["市金融办"], ["市财政局", "市税务局"])
    assert (item.deadline, item.due_date) == ("2024年6月底前", datetime.date(2024, 6, 30))
    assert item.text == "事项。做好工作。"
    assert draft.warnings == []


def test_parsing_applies_the_first_listed_is_lead_rule_once_the_document_states_it():
    text = "\n".join([
        "一、任务",
        "（一）甲。做好甲（市国资委、市财政局负责）",
        "（二）乙。做好乙（国家发展改革委、财政部负责，排在第一位的部门为牵头部门，下同）",
        "（三）丙。做好丙（商务部、人民银行、海关总署负责）",
        "（四）丁。做好丁（工业和信息化部牵头，各有关部门按职责分工负责）",
    ])
    draft = parse_plan_text(text)
    got = [(m.lead_units, m.supporting_units) for m in draft.measures[1:]]
    assert got == [
        (["市国资委", "市财政局"], []),               # before the rule: all lead
        (["国家发展改革委"], ["财政部"]),             # the annotation stating the rule
        (["商务部"], ["人民银行", "海关总署"]),        # every later one
        (["工业和信息化部"], ["各有关部门"]),
    ]
    assert all("第一位" not in m.text for m in draft.measures)


def test_parsing_reads_deadlines_from_the_annotation():
    lead, _ = units_of("（一）事项。做好工作。（牵头单位：市金融办；完成时限：2016年底前）")
    assert lead == ["市金融办"]
    draft = parse_plan_text("一、任务\n（一）事项。做好工作。（牵头单位：市金融办；时间节点：长期坚持）")
    assert (draft.measures[1].deadline, draft.measures[1].due_date) == ("长期坚持", None)
    draft = parse_plan_text("一、任务\n（一）事项。做好工作。（牵头单位：市金融办；完成时间：2016年底前）")
    assert draft.measures[1].to_dict()["due_date"] == "2016-12-31"


@pytest.mark.parametrize("deadline, due", [
    ("2016年底前", datetime.date(2016, 12, 31)),
    ("2024年6月底前", datetime.date(2024, 6, 30)),
    ("2024年6月15日前", datetime.date(2024, 6, 15)),
    ("2024年2月底前", datetime.date(2024, 2, 29)),
    ("2024年第三季度", datetime.date(2024, 9, 30)),
    ("2024年上半年", datetime.date(2024, 6, 30)),
    ("二〇二四年六月底前", datetime.date(2024, 6, 30)),
    ("2016年6月启动，2017年底前完成", datetime.date(2017, 12, 31)),
    ("长期坚持", None),
    ("持续推进", None),
    ("6月底前", None),
    (None, None),
])
def test_parsing_derives_due_dates_from_deadlines_as_written(deadline, due):
    assert parse_due_date(deadline) == due


def test_parsing_completes_a_deadline_without_year_from_the_signing_date():
    assert parse_due_date("6月底前", default_year=2024) == datetime.date(2024, 6, 30)
    text = "某某方案\n2024年3月1日\n一、任务\n（一）事项。内容。（牵头单位：市金融办；完成时限：6月底前）"
    assert parse_plan_text(text).measures[1].due_date == datetime.date(2024, 6, 30)


def test_parsing_heading_with_years_in_brackets_keeps_its_intro_paragraph():
    draft = parse_plan_text("一、规划期限（2016—2020年）\n本规划期限为五年。\n二、加强监管（牵头单位：市金融办）\n")
    assert measure(draft, "一").title == "规划期限（2016—2020年）"
    assert measure(draft, "一").text.endswith("本规划期限为五年。")
    assert (measure(draft, "二").title, measure(draft, "二").lead_units) == ("加强监管", ["市金融办"])
