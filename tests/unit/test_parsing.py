"""The plan parser, told as what a supervising office sees when it hands the tracker a plan.

Acceptance: seed 003 (重庆市金融去杠杆防风险专项方案) parses exactly as the hand-checked gold file.
Everything here reads tests/corpus/ only (the repository stands alone) and uses no fixture of
tests/conftest.py: run with ``pytest --noconftest tests/unit/test_parsing.py``.
"""

from __future__ import annotations

import datetime
import json

import pytest

from tests.helpers.paths import CORPUS, ROOT, corpus_id, corpus_number
from tests.helpers.word_tables import word_table
from tracker.vocabulary.units import is_vague_collective
from tracker.parsing import (MeasureDraft, PlanDraft, PlanReadError, UnsupportedFileType,
                             decode_plan_bytes, parse_due_date, parse_plan_text, read_plan_bytes,
                             read_plan_file, split_sections)
from tracker.parsing.deadlines import find_text_deadline, recurrence_of
from tracker.vocabulary.numbering import match_number

CHONGQING = CORPUS / "003_617224a5fd120f29.txt"
GOLD = json.loads((CORPUS / "003_617224a5fd120f29.expected.json").read_text(encoding="utf-8"))
# The development documents this file holds the parser to exactly (PARTS.json "dev_exact"); the
# held-out test part and the other development documents are scored by bench/parse_quality.py only.
DEV_EXACT = json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8"))["dev_exact"]
EXPECTED = sorted(CORPUS / name for name in DEV_EXACT)
SEEDS = sorted(CORPUS / json.loads(p.read_text(encoding="utf-8"))["source"] for p in EXPECTED)
# Every gold file not in the held-out test part (bench/parse_quality.load_parts' "dev"), and every
# document of the corpus, both parts (structural checks only: they score nothing).
_TEST_PART = set(json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8"))["test"])
DEVELOPMENT = sorted(p for p in CORPUS.glob("*.expected.json") if p.name not in _TEST_PART)
# Development documents added as a first-run measure by a helper who may not change the parser (PARTS.json
# "dev_awaiting_parser", GOLD-README "The split"): each is held to its gold file as a strict expected failure,
# so the run stays green while the parser misreads it and fails (XPASS) the day it reads it exactly, when the
# name leaves the list. A crash is no expected failure.
_AWAITING = set(json.loads((CORPUS / "PARTS.json").read_text(encoding="utf-8")).get("dev_awaiting_parser", []))
_DEVELOPMENT_PARAMS = [pytest.param(p, id=corpus_id(p.name), marks=pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="PARTS.json dev_awaiting_parser: the parser does not read it yet"))
    if p.name in _AWAITING else pytest.param(p, id=corpus_id(p.name)) for p in DEVELOPMENT]
EVERY_DOCUMENT = sorted(CORPUS / json.loads(p.read_text(encoding="utf-8"))["source"]
                        for p in CORPUS.glob("*.expected.json"))
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

@pytest.mark.parametrize("seed", SEEDS, ids=[corpus_id(p.name) for p in SEEDS])
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


@pytest.mark.parametrize("name", ["方案.wps", "台账.xls", "旧方案.doc", "无扩展名"])
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
    above = ("某区金融风险防控工作方案", "一、总体要求",
             "（一）加强监管。做好监管工作。（牵头单位：区金融办；配合单位：区财政局）", "二、任务分工")
    rows = [["序号", "任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "建立工作台账。", "区金融办", "区财政局、区税务局", "2024年6月底前"],
            ["2", "实施清单管理。", "区发改局", "", "长期坚持"]]
    path = tmp_path / "方案.docx"
    path.write_bytes(word_table(rows, above))

    draft = read_plan_file(path)
    assert draft.title == "某区金融风险防控工作方案"
    # A task table numbers a tree of its own, not under the prose heading above it (CONTRACTS §1).
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"], ["二"], ["1"], ["2"]]
    assert measure(draft, "一", "（一）").supporting_units == ["区财政局"]
    ledger_row = measure(draft, "1")
    assert (ledger_row.lead_units, ledger_row.supporting_units) == (["区金融办"], ["区财政局", "区税务局"])
    assert (ledger_row.deadline, ledger_row.due_date) == ("2024年6月底前", datetime.date(2024, 6, 30))
    assert (measure(draft, "2").deadline, measure(draft, "2").due_date) == ("长期坚持", None)
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


# --- the corpus: every document against its hand-checked expected file ------------------------

# Expected values written before a later rule of the issues changed them; the corpus files are
# re-annotated by their owner. (file prefix, path) -> {field: value under the current rule}.
# (document, path) -> fields a later ruling changed, where a gold file predates the ruling. Empty
# since wave 3: 011's "每年" was fixed in the gold file itself (GOLD-README "Conventions reconciled").
RULED_SINCE: dict = {}


@pytest.mark.parametrize("expected_file", EXPECTED, ids=[corpus_id(p.name) for p in EXPECTED])
def test_parsing_corpus_document_matches_its_expected_file(expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    draft = read_plan_file(CORPUS / expected["source"])
    fields = expected.get("fields", GOLD_FIELDS)
    got = [{f: m.to_dict()[f] for f in fields} for m in draft.measures]
    want = [{f: m[f] for f in fields} for m in expected["measures"]]
    for w in want:
        for field, value in RULED_SINCE.get((corpus_id(expected_file.name), tuple(w["path"])), {}).items():
            if field in w:
                w[field] = value
    assert [g["path"] for g in got] == [w["path"] for w in want]
    for g, w in zip(got, want):
        assert g == w, w["path"]
    assert draft.title == expected["title"]


@pytest.mark.parametrize("expected_file", _DEVELOPMENT_PARAMS)
def test_parsing_every_development_document_reads_as_its_gold_file(expected_file):
    """The bench's fields (GOLD-README ``fields``: paths, units, deadlines, due dates where given) of every
    development document, exactly: what bench/parse_quality.py --part dev scores 1.000, kept so by the
    suite (the title is held only for dev_exact, above). The held-out test part is never read here."""
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    got = read_plan_file(CORPUS / expected["source"]).measures
    fields = [f for f in expected.get("fields", GOLD_FIELDS) if f != "title"]
    assert [m.path for m in got] == [w["path"] for w in expected["measures"]]
    def named(values):  # vague collectives stay in the draft but are never units (GOLD-README)
        return [v for v in values or [] if not is_vague_collective(v)]

    for m, w in zip(got, expected["measures"]):
        read = m.to_dict()
        for f in fields:
            if f in w:
                mine, gold = read[f], w[f]
                if f in ("lead_units", "supporting_units"):
                    mine, gold = named(mine), named(gold)
                assert mine == gold, (w["path"], f)
        if w.get("due_date"):
            assert read["due_date"] == w["due_date"], w["path"]


@pytest.mark.parametrize("seed", EVERY_DOCUMENT, ids=[corpus_id(p.name) for p in EVERY_DOCUMENT])
def test_parsing_every_corpus_document_gives_a_well_formed_tree(seed):
    """Both parts: reading never raises, each measure's level is its path's length, each parent path is
    an earlier measure (what import_plan relies on) and no path repeats. Structure only, no score."""
    seen: set[tuple[str, ...]] = {()}
    for m in read_plan_file(seed).measures:
        assert m.level == len(m.path) and m.text is not None
        assert tuple(m.path[:-1]) in seen, m.path
        assert tuple(m.path) not in seen, m.path
        seen.add(tuple(m.path))


@pytest.mark.parametrize("seed", SEEDS, ids=[corpus_id(p.name) for p in SEEDS])
def test_parsing_every_parent_path_is_an_earlier_measure(seed):
    """What import_plan relies on: each measure's path[:-1] is the path of an earlier measure."""
    seen: set[tuple[str, ...]] = {()}
    for m in read_plan_file(seed).measures:
        assert tuple(m.path[:-1]) in seen, m.path
        seen.add(tuple(m.path))


def test_parsing_corpus_readme_names_every_added_document():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in SEEDS:
        assert path.name in readme
    assert len([p for p in SEEDS if corpus_number(p.name) >= 5]) >= 6


# --- inline numbering -------------------------------------------------------------------------

def test_parsing_inline_首先_其次_第三_under_二要_in_seed_000():
    draft = read_plan_file(CORPUS / "000_733bdf29458dab9f.txt")
    kids = [m.path[-1] for m in draft.measures if m.path[:2] == ["三", "二要"] and len(m.path) == 3]
    assert kids == ["首先", "其次", "第三", "第四"]
    assert measure(draft, "三", "二要", "第三").text.startswith("要严把准入关")
    assert "首先" not in measure(draft, "三", "二要").text


def test_parsing_inline_一是_in_seed_002_五_and_六():
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    assert measure(draft, "一", "(五)", "一是").title == "积极搭建政银企交流平台"
    assert measure(draft, "一", "(五)", "二是").title == "着力解决企业信贷需求与银行供给信息不对称问题"
    assert measure(draft, "一", "(六)", "二是").text.startswith("对照省政府关于创建金融信用县活动")
    assert measure(draft, "一", "(五)").text == "政银企交流渠道进一步畅通。"


@pytest.mark.parametrize("text", [
    "（一）事项。严格实施“五个不准”，即不准开展期货交易，不准高息揽储。",
    "（一）事项。统一是前提，二是否可行。",
    "（一）事项。这里二是一个孤立的词，三是也不成列。",
    "（一）事项。要第一时间交办，第一时间处置。",
    "（一）事项。1，即1条底线;2，即2个中心。",
])
def test_parsing_does_not_take_text_for_inline_numbering(text):
    draft = parse_plan_text("一、任务\n" + text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "（一）"]]


def test_parsing_inline_list_may_go_on_in_the_next_paragraph():
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    kids = [m.path[-1] for m in draft.measures if m.path[:2] == ["【篇四】", "二"] and len(m.path) == 3]
    assert kids[:6] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert "要抓住三中全会之后" in measure(draft, "【篇四】", "二", "三是").text


def test_parsing_a_document_without_numbered_lines_keeps_its_inline_lists():
    draft = read_plan_file(CORPUS / "014_farmland_meeting_news.txt")
    assert [m.path for m in draft.measures][:4] == [["一要"], ["二要"], ["三要"], ["一是"]]
    assert all(m.inline for m in draft.measures)


def test_parsing_word_lists_at_line_starts_only_where_they_enumerate():
    listed = parse_plan_text("一、要求\n首先，统一思想。\n其次，加强领导。\n最后，抓好落实。")
    assert [m.path for m in listed.measures] == [["一"], ["一", "首先"], ["一", "其次"], ["一", "最后"]]
    assert listed.warnings == []
    closing = parse_plan_text("一、要求\n（一）统一思想。内容。\n最后，我再强调一点。")
    assert [m.path for m in closing.measures] == [["一"], ["一", "（一）"]]


def test_parsing_a_style_met_again_under_another_parent_nests_there():
    draft = read_plan_file(CORPUS / "011_lishui_2023_fenjie.txt")
    assert measure(draft, "二", "(一)", "10").level == 3
    assert "编号不从第一项开始：10.（第 46 行）" in draft.warnings


# --- several documents in one file ------------------------------------------------------------

def test_parsing_seed_002_has_four_sections_with_their_own_numbering():
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    assert [(s.marker, s.title) for s in draft.sections] == [
        (None, "关于2023年全国金融工作会议"), ("【篇四】", "2023年全国金融工作会议"),
        ("【篇五】", "2023年全国金融工作会议"), ("【篇六】", "2023年全国金融工作会议")]
    heading = measure(draft, "【篇五】")
    assert (heading.level, heading.section, heading.title) == (1, 2, "2023年全国金融工作会议")
    assert measure(draft, "【篇五】", "一是").section == 2
    assert not any("编号重复或倒退" in w for w in draft.warnings)
    by_section = {}
    for m in draft.measures:
        by_section.setdefault(tuple(m.path), set()).add(m.section)
    assert all(len(sections) == 1 for sections in by_section.values())  # unique across sections
    assert draft.to_dict()["sections"][1]["marker"] == "【篇四】"
    assert draft.measures[draft.sections[1].measures[0]].path == ["【篇四】"]


def test_parsing_split_sections_gives_one_plan_per_document():
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    parts = split_sections(draft)
    assert len(parts) == 4
    five = parts[2]
    assert five.title == "2023年全国金融工作会议"
    assert [m.path for m in five.measures] == [[f"{n}是"] for n in "一二三四五六"]
    assert all(m.level == 1 and m.section is None for m in five.measures)
    assert sum(len(p.measures) for p in parts) == len(draft.measures) - 3  # marker headings dropped
    assert split_sections(read_plan_file(CHONGQING))[0].to_dict() == read_plan_file(CHONGQING).to_dict()


def test_parsing_a_single_document_has_no_sections(chongqing):
    assert chongqing.sections == [] and all(m.section is None for m in chongqing.measures)
    assert "sections" not in chongqing.to_dict()


# --- units named in sentences -----------------------------------------------------------------

def test_parsing_suggests_units_named_in_speeches_but_never_as_lead_or_supporting():
    speech = read_plan_file(CORPUS / "001_a57819c927fa3a01.txt")
    second = measure(speech, "第二")
    assert second.suggested_units[:3] == ["各金融机构", "金融办", "人行"]
    assert {"市商务局", "工信局", "农业农村局", "市场监管局", "市金融办", "市人行"} <= set(second.suggested_units)
    assert second.lead_units == [] and second.supporting_units == []
    assert second.to_dict()["suggested_units"] == second.suggested_units
    seed000 = read_plan_file(CORPUS / "000_733bdf29458dab9f.txt")
    assert measure(seed000, "三", "三要").suggested_units == ["国资委", "各部门", "各县市区", "各经济区（园区）"]
    assert measure(seed000, "二", "二要").suggested_units == []  # no unit is told to act there


def test_parsing_does_not_suggest_people_or_vague_subjects():
    draft = parse_plan_text("一、任务\n（一）事项。各级领导干部要加强学习。有关部门要抓紧落实。大家要认真学习。企业自身要依法经营。")
    assert draft.measures[1].suggested_units == []


# --- deadlines --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, deadline, recurrence", [
    ("2022年10月底前编制并公布清单。", "2022年10月底前", None),
    ("确保2016年底前完成。", "2016年底前", None),
    ("2016年以来，存款增长较快。截至20xx年底，共有9家。", None, None),
    # a period alone names no time by which, as 每年 (issue 13; dev gold 024 "按月安排时序进度"): no deadline
    # in a sentence; a point in the period is one ("每季度末", "每月28日前"), and so is a caption's value
    ("金融部门每季度都要开展一次对接活动。", None, None),
    ("对三项金融指标实行按月排名通报。", None, None),
    ("每季度末报送进展情况。", "每季度末", "quarterly"),
    ("年内完成清理。", "年内", None),
    ("三年内基本建成。", "三年内", None),  # a plan's horizon is its deadline as written (GOLD-README, issue 13)
    ("要持续推进改革，长期坚持下去。", None, None),
])
def test_parsing_finds_deadlines_in_text_only_in_deadline_forms(text, deadline, recurrence):
    assert find_text_deadline(text) == deadline
    assert recurrence_of(deadline) == recurrence


def test_parsing_in_text_deadline_gets_a_due_date_and_年内_takes_the_plan_year():
    text = "某某方案\n2024年3月1日\n一、任务\n（一）甲。年内完成清理。\n（二）乙。2025年6月底前建成平台。\n（三）丙。每季度通报一次。"
    draft = parse_plan_text(text)
    assert [(m.deadline, m.due_date, m.recurrence) for m in draft.measures[1:]] == [
        ("年内", datetime.date(2024, 12, 31), None),
        ("2025年6月底前", datetime.date(2025, 6, 30), None),
        (None, None, None)]  # "每季度通报一次": a period alone is no deadline (issue 13, as 每年)


def test_parsing_caption_deadline_wins_and_gives_the_recurrence():
    draft = parse_plan_text("一、任务\n（一）甲。2023年底前启动。（牵头单位：市金融办；完成时限：长期坚持）")
    assert (draft.measures[1].deadline, draft.measures[1].recurrence) == ("长期坚持", "ongoing")


# --- annotations found in the new corpus ------------------------------------------------------

def test_parsing_reads_由A牵头_B配合_and_分别牵头():
    assert units_of("（一）事项。做好工作。（由市金融办牵头，市财政局配合）") == (["市金融办"], ["市财政局"])
    assert units_of("（一）事项。做好工作。\n责任单位：市人社局、市农业农村局分别牵头") == (["市人社局", "市农业农村局"], [])


def test_parsing_reports_an_annotation_it_cannot_read():
    draft = parse_plan_text("一、任务\n（一）事项。做好工作。（由市金融办牵头研究后报市政府同意再定）")
    assert draft.measures[1].lead_units == []
    assert draft.warnings == ["单位标注无法读取：“由市金融办牵头研究后报市政府同意再定”（第 2 行）"]


def test_parsing_sets_aside_an_unknown_caption_with_one_warning():
    draft = read_plan_file(CORPUS / "012_chengdu_2022_fenjie.txt")
    assert measure(draft, "一", "2").supporting_units == ["市公园城市局"]
    assert [w for w in draft.warnings if "数据提供单位" in w] == ["单位标注中的“数据提供单位”不是牵头或配合单位，已略过（第 8 行）"]


def test_parsing_gives_a_list_annotation_line_to_the_parent_of_unannotated_items():
    draft = read_plan_file(CORPUS / "009_yuncheng_yingji.txt")
    assert measure(draft, "(一)", "1").lead_units == ["市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"]
    assert measure(draft, "(一)", "1", "(4)").lead_units == []


# --- files ------------------------------------------------------------------------------------

def _add_list(document, levels: list[tuple[str, str]]) -> int:
    """Add a list definition (numFmt, lvlText per level) to ``document``; return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    num_id = 100 + len(numbering.findall(qn("w:num")))
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _numbered(document, text: str, num_id: int, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def test_parsing_word_automatic_list_numbering_is_rendered(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("某区金融风险防控工作方案")
    outline = _add_list(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    bullets = _add_list(document, [("bullet", "•")])
    _numbered(document, "总体要求", outline, 0)
    _numbered(document, "加强监管。做好监管工作。（牵头单位：区金融办）", outline, 1)
    _numbered(document, "建立台账。（牵头单位：区财政局）", outline, 2)
    _numbered(document, "实施清单管理。（牵头单位：区发改局）", outline, 2)
    _numbered(document, "这是一个项目符号段落，不是编号。", bullets, 0)
    _numbered(document, "保障措施", outline, 0)
    _numbered(document, "加强领导。（牵头单位：区政府办）", outline, 1)
    path = tmp_path / "列表.docx"
    document.save(path)

    draft = read_plan_file(path)
    assert [m.path for m in draft.measures] == [
        ["一"], ["一", "（一）"], ["一", "（一）", "1"], ["一", "（一）", "2"], ["二"], ["二", "（一）"]]
    assert measure(draft, "一", "（一）", "2").lead_units == ["区发改局"]
    # the bullet numbers nothing: its paragraph is marked as a point (GOLD-README "units30"), never an item
    assert "1.建立台账" in draft.source_text and "•这是一个项目符号段落" in draft.source_text


def test_parsing_word_table_with_序号_任务_牵头_配合_完成时限_and_a_group_column(tmp_path):
    rows = [["重点任务", "序号", "具体措施", "牵头单位", "配合单位", "完成时限"],
            ["一、优化营商环境", "1", "压缩审批时间。", "区行政审批局", "区发改局", "2024年6月底前"],
            ["一、优化营商环境", "2", "推行“一网通办”。", "区数据局", "", "每季度"],
            ["二、防范金融风险", "3", "开展风险排查。", "区金融办", "人行某支行、区公安局", "长期坚持"]]
    path = tmp_path / "分工.docx"
    path.write_bytes(word_table(rows, "某区重点任务分工表"))

    draft = read_plan_file(path)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"], ["二"], ["二", "3"]]
    first = measure(draft, "一", "1")
    assert (first.lead_units, first.supporting_units, first.due_date) == (
        ["区行政审批局"], ["区发改局"], datetime.date(2024, 6, 30))
    assert measure(draft, "一", "2").recurrence == "quarterly"
    assert measure(draft, "二", "3").supporting_units == ["人行某支行", "区公安局"]


def test_parsing_refuses_big5_text_with_a_clear_error():
    text = "國務院辦公廳關於落實政府工作報告重點工作分工的意見。各地區、各部門要精心組織，落實工作責任制。" * 3
    with pytest.raises(PlanReadError, match="Big5"):
        decode_plan_bytes(text.encode("big5"), "繁体.txt")


def test_parsing_refuses_binary_garbage_that_decodes_as_gb18030():
    import random

    rng = random.Random(3)
    garbage = bytes(b for _ in range(4000) for b in (rng.randint(0xB0, 0xF7), rng.randint(0x40, 0x7E)))
    with pytest.raises(PlanReadError, match="乱码.txt"):
        read_plan_bytes(garbage, "乱码.txt")
    plain = "重庆市金融去杠杆防风险专项方案，一、防控金融高杠杆风险。".encode("gb18030")
    assert decode_plan_bytes(plain).startswith("重庆市")


def test_parsing_reads_a_traditional_text_saved_as_gb18030_and_still_refuses_big5():
    """A county office reposts a 繁體 notice and saves it on a Chinese Windows as GB18030 (no Big5): its characters are
    not GB2312's, yet it is text and reads; the same notice in Big5 is still refused with the Big5 sentence (branch
    prose63: 38 development texts copied as GB18030 were refused as garbage)."""
    text = ("某縣關於做好秋冬季農田水利建設工作的通知\n各鄉鎮人民政府，縣直有關單位：\n"
            "一、搶抓農時，完成渠道清淤。各鄉鎮要於11月底前完成轄區內斗渠、農渠清淤。（縣水務局牽頭，各鄉鎮配合）\n"
            "二、整修塘壩，確保蓄水安全。對病險塘壩逐一登記造冊，12月20日前完成整修。（縣水務局負責）\n")
    draft = read_plan_bytes(text.encode("gb18030"), "通知.txt")
    assert [(m.path, m.lead_units, m.deadline) for m in draft.measures] == [
        (["一"], ["縣水務局"], "11月底前"), (["二"], ["縣水務局"], "12月20日前")]
    with pytest.raises(PlanReadError, match="Big5"):
        decode_plan_bytes(text.encode("big5"), "通知.txt")


# --- the benchmark's large plan ----------------------------------------------------------------
# Its speed is measured by bench/parse_benchmark.py (a ratio, printed), never by a timed test.

def test_the_benchmarks_plan_of_2000_measures_parses_into_every_measure():
    import importlib.util

    spec = importlib.util.spec_from_file_location("parse_benchmark", ROOT / "bench" / "parse_benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    plan = bench.build_plan(bench.corpus_items())
    # characters: a plan of the size the bench measures; it cycles through the corpus's items, so its length moves as
    # documents join (257,717 at stop 28, 247,035 after units29's short items, 197,006 after fresh46's 26 table rows of a
    # few words, 1102/1103, sorted among the first plans): the bound leaves room for that
    assert len(plan) > 180_000
    draft = parse_plan_text(plan)
    assert len(draft.measures) > 2000
    paths = [tuple(m.path) for m in draft.measures]
    assert len(paths) == len(set(paths))


# --- unique paths -------------------------------------------------------------------------------

def test_parsing_a_second_inline_list_under_one_item_gets_group_paths_in_seed_002():
    """篇四 一、 lists six achievements (一是…六是), then four problems (一是…四是) in the next paragraph."""
    draft = read_plan_file(CORPUS / "002_a28ebe7e63140b95.txt")
    paths = [tuple(m.path) for m in draft.measures]
    assert len(paths) == len(set(paths))
    kids = [m for m in draft.measures if m.path[:2] == ["【篇四】", "一"] and len(m.path) == 3]
    assert [m.path[-1] for m in kids] == ["一是", "二是", "三是", "四是", "五是", "六是",
                                          "一是（第2组）", "二是（第2组）", "三是（第2组）", "四是（第2组）"]
    assert [m.number for m in kids][6:] == ["一是", "二是", "三是", "四是"]  # as written
    assert measure(draft, "【篇四】", "一", "一是（第2组）").title == "金融资产规模还比较小"
    assert any("一是（第 33 行）" in w and "一是（第2组）" in w for w in draft.warnings)


def test_parsing_a_longer_second_list_is_one_group_and_children_follow_their_parent():
    draft = parse_plan_text("一、任务\n（一）成绩。成绩有：一是甲；二是乙。问题有：一是丙；二是丁；三是戊。\n（二）其他。")
    assert [m.path for m in draft.measures] == [
        ["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"],
        ["一", "（一）", "一是（第2组）"], ["一", "（一）", "二是（第2组）"], ["一", "（一）", "三是（第2组）"],
        ["一", "（二）"]]
    assert all(m.level == len(m.path) for m in draft.measures)


def test_parsing_paths_are_unique_in_every_corpus_document():
    for seed in SEEDS:
        paths = [tuple(m.path) for m in read_plan_file(seed).measures]
        assert len(paths) == len(set(paths)), seed.name
