"""Numbering as plans write it (issue 13): look-alike punctuation after digits, a list numbered
afresh inside an annex, speech parts (第一项) with 一是 and 第一， nested under them, and items whose
later lines end in their annotation."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import match_number


@pytest.mark.parametrize("line, key", [
    ("1﹒加强领导。", "1"), ("2﹑完善机制。", "2"), ("3・强化督查。", "3"), ("１．统筹推进。", "１"),
    ("一﹑总体要求", "一"),
])
def test_numbering_look_alike_punctuation_after_the_number(line, key):
    token = match_number(line)
    assert token is not None and token.key == key


def test_numbering_look_alike_items_are_measures_with_plain_paths():
    draft = parse_plan_text("一、重点任务\n1﹒加强领导。建立专班。\n2﹒完善机制。定期调度。\n")
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"]]
    assert draft.measures[1].number == "1﹒"


def test_numbering_list_restarting_inside_an_annex_is_a_tree_of_its_own():
    text = ("一、总体要求\n（一）工作目标。到2025年全面完成。\n二、保障措施\n（二）加强督查。按季度通报。\n"
            "附件\n重点工作清单\n1.建立工作台账。\n2.开展专项检查。\n")
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures][-2:] == [["1"], ["2"]]
    assert not [w for w in draft.warnings if "重复或倒退" in w or "不从第一项开始" in w]


SPEECH = """在全县经济工作会议上的讲话
同志们：
今天召开会议，主要任务是部署今年的经济工作。下面，我讲三点意见。
第一项，关于去年工作的回顾。
去年全县经济运行总体平稳，主要指标好于预期。
第二项，关于今年的重点工作。
今年要重点抓好以下工作：
一是抓项目建设。全年实施重点项目100个。
二是抓产业发展。壮大主导产业。
三是抓改革创新。
第一，深化“放管服”改革，优化营商环境。
第二，推进国企改革，增强发展活力。
第三项，关于工作要求。
要加强领导，狠抓落实。
"""


def test_numbering_speech_parts_with_enumerations_nested_under_them():
    paths = [m.path for m in parse_plan_text(SPEECH).measures]
    assert paths == [["第一项"], ["第二项"], ["第二项", "一是"], ["第二项", "二是"], ["第二项", "三是"],
                     ["第二项", "三是", "第一"], ["第二项", "三是", "第二"], ["第三项"]]


def test_numbering_later_line_of_an_item_ending_in_its_annotation_belongs_to_it():
    draft = parse_plan_text("一、重点任务\n（一）加强组织领导。\n建立工作专班，定期调度。（牵头单位：市发展改革委；配合单位：市财政局）\n"
                            "（二）强化督查。按季度通报。（牵头单位：市政府督查室）\n")
    first = draft.measures[1]
    assert (first.lead_units, first.supporting_units) == (["市发展改革委"], ["市财政局"])
    assert first.text == "加强组织领导。\n建立工作专班，定期调度。"
    assert not [w for w in draft.warnings if "没有编号" in w]


def test_numbering_action_parts_of_an_action_plan_head_their_measures():
    draft = parse_plan_text("某市数字经济行动计划\n行动一：数字基础设施提升行动\n1.建设5G基站1000个。（牵头单位：市通信管理局）\n"
                            "2.推进千兆光网。（牵头单位：市经信局）\n行动二：数字产业培育行动\n3.培育数字企业。（牵头单位：市发展改革委）\n")
    assert [m.path for m in draft.measures] == [["行动一"], ["行动一", "1"], ["行动一", "2"], ["行动二"], ["行动二", "3"]]
    assert not draft.warnings


# --- wave 3: newspaper layouts (a numeral and a space, bullets before 一是) ----------------------

def test_numbering_numeral_and_space_before_a_short_heading_with_bulleted_enumerations():
    text = ("2025年工作重点\n"
            "一 打造营商环境新高地\n●一是优化审批服务\n●二是强化要素保障\n"
            "二 打造产业发展新引擎\n●一是壮大产业集群\n"
            "三打造城市更新新样板\n●一是推进片区开发\n")
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths == [["一"], ["一", "一是"], ["一", "二是"], ["二"], ["二", "一是"], ["三"], ["三", "一是"]]


def test_numbering_numeral_glued_to_a_word_is_no_item_without_the_list_before_it():
    text = "一、总体要求\n三农工作要抓实。\n一带一路建设稳步推进。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["一"]]


def test_numbering_numeral_and_space_in_a_sentence_is_no_item():
    assert match_number("一 是要加强领导，二是要落实责任。") is None
    assert match_number("一 打造营商环境新高地").key == "一"


def test_numbering_attachment_list_of_a_notice_gives_no_items():
    text = ("关于做好重点工作的通知\n一、落实责任\n各单位要明确分工。\n二、加强督查\n定期通报进展。\n"
            "附件：1.2024年重点工作分解表\n2.2024年民生实事分解表\n3.重点项目清单\n某区人民政府办公室\n2024年3月1日\n")
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["二"]]


def test_numbering_cover_notice_requirements_are_not_the_plans_measures():
    text = ("某区人民政府办公室关于印发重点任务分解方案的通知\n各街道办事处、区直各部门：\n"
            "《重点任务分解方案》已经区政府同意，现印发给你们，并就有关事项通知如下：\n"
            "一、各责任单位要制订工作方案，于1月15日前报区政府办公室。\n二、区考评办要纳入绩效考核。\n"
            "某区人民政府办公室\n2024年1月3日\n重点任务分解方案\n"
            "一、主要预期目标\n(一)地区生产总值增长6%\n责任单位：区发展和改革局\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "(一)"]]
    assert measures[0].text == "主要预期目标" and measures[1].lead_units == ["区发展和改革局"]


def test_numbering_paragraph_ending_in_a_colon_opens_the_list_below_the_item():
    text = ("一、主要内容\n(一)任务构成。方案分解为三个方面。\n三个方面分别是：\n1.扩大开放。\n2.优化环境。\n"
            "(二)工作要求。\n1.压实责任。\n")
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths == [["一"], ["一", "(一)"], ["一", "(一)", "1"], ["一", "(一)", "2"], ["一", "(二)"],
                     ["一", "(二)", "1"]]


def test_numbering_inline_yao_list_whose_item_opens_with_yaoqiu_keeps_its_place():
    text = "会议强调，要做好工作。一要加强领导，抓好落实。二要通力协作。三要求真务实，开拓进取。四要健全问责。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["一要"], ["二要"], ["三要"], ["四要"]]


def test_numbering_inline_lone_yaoqiu_opens_no_list():
    text = "会议提出一要求：抓好落实。二要加强督查。\n"
    assert parse_plan_text(text).measures == []


def test_numbering_inline_list_after_a_bracketed_subject():
    text = "他强调，各乡（镇）一要善于谋划。二要培育亮点。三要统筹兼顾。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["一要"], ["二要"], ["三要"]]


def test_numbering_first_item_after_a_colon_and_the_next_ones_at_line_starts():
    text = "会议共有三项议题：一是听取财政工作汇报；听取教育工作汇报。\n二是研究部署项目建设。\n三是研究安全生产。\n"
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一是"], ["二是"], ["三是"]]
    assert measures[0].text.startswith("听取财政工作汇报")


def test_numbering_parts_bracket_closed_and_font_bracketed_numbers_nest_as_written():
    text = ("第一部分 重点任务\n一、扩大投资\n（一）实施项目。建成项目10个。\n1）谋划储备。建立项目库。\n"
            "2）加快建设。按月调度。\n⑴开工。\n⑵竣工。\n第二部分 保障措施\n㈠加强领导。\n㈡强化督查。\n")
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths == [["第一部分"], ["第一部分", "一"], ["第一部分", "一", "（一）"],
                     ["第一部分", "一", "（一）", "1）"], ["第一部分", "一", "（一）", "2）"],
                     ["第一部分", "一", "（一）", "2）", "⑴"], ["第一部分", "一", "（一）", "2）", "⑵"],
                     ["第二部分"], ["第二部分", "㈠"], ["第二部分", "㈡"]]


def test_numbering_short_plan_signed_then_annexed_keeps_its_own_items():
    text = ("关于印发某方案的通知\n现将《数据平台建设方案》印发给你们，请认真贯彻执行。\n2024年3月1日\n数据平台建设方案\n"
            "一、总体要求\n（一）目标。建成平台。\n二、重点任务\n（一）建设平台。（市大数据局负责）\n"
            "某市人民政府办公室\n2024年3月1日\n重点任务清单\n1.建立台账。\n2.定期调度。\n")
    paths = [m.path for m in parse_plan_text(text).measures]
    assert paths[:4] == [["一"], ["一", "（一）"], ["二"], ["二", "（一）"]]


def test_numbering_dotted_number_needs_a_space_so_amounts_are_no_items():
    assert match_number("1.1 建立专班。").key == "1.1"
    assert match_number("1.1.2 明确分工。").key == "1.1.2"
    assert match_number("1.5亿元用于补助。") is None


# --- wave 4: speeches and meeting reports (issue 13: one speech read 1 of its 4 items, another 0) --

def test_speech_paragraph_opening_with_yishi_gives_every_item_of_its_list():
    # The office pastes a speech whose list is written in one paragraph: all four items are tasks.
    text = "同志们：\n今年要抓好四个方面。\n一是稳增长，抓投资。二是调结构，发展产业。三是惠民生。四是保安全，守底线。\n"
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一是"], ["二是"], ["三是"], ["四是"]]
    assert measures[0].text == "稳增长，抓投资。"


def test_speech_list_going_on_from_a_paragraph_opening_with_its_second_item():
    text = "同志们：\n一是稳增长。抓投资。\n二是调结构。三是惠民生。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["一是"], ["二是"], ["三是"]]


def test_speech_list_of_diyi_written_in_one_paragraph_under_a_numbered_part():
    text = "一、关于经济工作\n第一，要提高认识，统一思想。第二，要突出重点。\n第三，要强化保障。\n二、关于作风建设\n"
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一"], ["一", "第一"], ["一", "第二"], ["一", "第三"], ["二"]]


def test_speech_second_list_in_the_same_paragraph_restarts_under_the_same_part():
    text = "一、工作回顾\n一是经济增长。二是结构优化。\n二、下步安排\n一是稳增长。二是调结构。一是加强领导。二是强化考核。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一"], ["一", "一是"], ["一", "二是"], ["二"], ["二", "一是"], ["二", "二是"],
        ["二", "一是（第2组）"], ["二", "二是（第2组）"]]


def test_speech_list_in_a_later_paragraph_of_a_numbered_part_belongs_to_that_part():
    # "一、…。" ends a sentence, so the paragraphs after it are no wrapped lines of it; the one that
    # holds a list still belongs to the part (GOLD-README: children of the item holding the paragraph).
    text = ("一、关于成绩。过去一年成绩很大。\n这些成绩来之不易。\n"
            "下步要抓好：一是稳增长；二是调结构；三是惠民生；四是保安全。\n二、关于问题。\n")
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一"], ["一", "一是"], ["一", "二是"], ["一", "三是"], ["一", "四是"], ["二"]]


def test_speech_list_before_its_first_numbered_part_gives_top_level_items():
    text = ("同志们：\n今天的会议主要有三点考虑：一是再擂战鼓；二是任务分解；三是加压奋进。\n"
            "一、认清形势\n要看到成绩。\n二、明确任务\n要抓好落实。\n")
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一是"], ["二是"], ["三是"], ["一"], ["二"]]


def test_speech_cover_notice_list_before_the_plan_it_hands_over_is_not_read():
    text = ("关于印发重点工作方案的通知\n现将方案印发给你们，请一是抓紧部署；二是按时报送。\n"
            "一、总体要求\n（一）目标。建成平台。\n")
    assert [m.path for m in parse_plan_text(text).measures] == [["一"], ["一", "（一）"]]


def test_speech_enumerations_after_a_dash_a_colon_of_their_own_and_a_no_break_space():
    assert [m.path for m in parse_plan_text(
        "会议要求，重点抓好四项工作——一是稳增长；二是调结构；三是惠民生；四是保安全。\n").measures] == [
        ["一是"], ["二是"], ["三是"], ["四是"]]
    measures = parse_plan_text("会议要求：\u00a0一是：稳增长；\u00a0二是：调结构。\n").measures
    assert [(m.path, m.text) for m in measures] == [(["一是"], "稳增长；"), (["二是"], "调结构。")]


def test_speech_qiyi_and_diyishi_lists():
    measures = parse_plan_text("同志们：\n其一，提高认识。其二，加强领导。\n").measures
    assert [(m.path, m.text) for m in measures] == [(["其一"], "提高认识。"), (["其二"], "加强领导。")]
    assert [m.path for m in parse_plan_text("重点做好：第一是稳增长；第二是调结构；第三是惠民生。\n").measures] == [
        ["第一是"], ["第二是"], ["第三是"]]


def test_speech_shouxian_qici_run_is_a_list_as_in_seed_000():
    # GOLD-README is silent on 首先/其次; seed 000's gold counts such a run as items, so do we.
    text = "一、安全生产必须警钟长鸣\n为什么？首先，这是上级的要求。其次，是形势的要求。再次，是群众的要求。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [
        ["一"], ["一", "首先"], ["一", "其次"], ["一", "再次"]]


def test_speech_copied_from_a_pdf_with_lines_wrapped_inside_its_items():
    text = ("在市政府全会上的讲话\n同志们：\n"
            "开局就加速、起步就起势。今天我们召开市政府六届三\n次全会，主要目的是树立鲜明导向，释放强烈信号，号召全\n"
            "市上下锚定全年目标，一往无前全力拼、只争朝夕抓紧干。\n"
            "今天的会议，主要有三点考虑：一是再擂战鼓。市委的四\n大定位，每一个都是一场大战硬战，今天就是再传战令，推\n"
            "动市委决策部署落实落地，不折不扣抓好执行。二是\n任务分解。今天就是拿出施工图，下达任务书，明确责任人\n"
            "，确保人人挑担子、个个勇争先。三是加压奋进。一季\n度是全年的首战，今天就是吹响集结号、打响冲锋枪。\n")
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一是"], ["二是"], ["三是"]]
    assert measures[1].text.startswith("任务分解。")


# --- wave 4: numbering forms ------------------------------------------------------------------

def test_numbering_number_followed_by_a_space_numbers_items_in_its_list():
    # A Word list saved as a web page keeps the number and the tab after it ("3\t加强督查").
    draft = parse_plan_text("一、总体要求\n1 加强领导，落实责任。\n2 完善机制，强化考核。\n3 加强督查，定期通报。\n")
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"], ["一", "3"]]


def test_numbering_number_and_space_before_a_counter_word_or_out_of_sequence_is_text():
    assert match_number("12 月底前完成") is None and match_number("3 家企业") is None
    text = "一、总体要求\n1 加强领导，全年新建污水处理厂\n5 处，完善管网。\n2 完善机制。\n"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"]]
    assert "5 处" in draft.measures[1].text or "5处" in draft.measures[1].text


def test_numbering_number_left_at_a_line_start_by_a_wrap_is_part_of_the_sentence():
    text = "一、主要目标\n1.扩大有效投资。全年争取列入省级以上重点项目\n15.加快项目前期工作。\n2.优化营商环境。\n"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"]]
    assert not [w for w in draft.warnings if "编号不连续" in w]


def test_speech_parts_diyixiang_written_inline_in_one_paragraph():
    text = "同志们：\n今天的会议有三项议程：第一项，听取汇报；第二项，研究部署；第三项，领导讲话。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["第一项"], ["第二项"], ["第三项"]]
    text = "第一项，听取汇报。第二项，研究部署。\n第三项，领导讲话。\n"
    assert [m.path for m in parse_plan_text(text).measures] == [["第一项"], ["第二项"], ["第三项"]]


def test_speech_numbered_part_after_a_list_of_yishi_paragraphs_is_top_level():
    text = "同志们：\n去年成绩很大：\n一是经济增长。\n二是结构优化。\n一、下步工作\n（一）稳增长\n要抓好投资。\n二、保障措施\n"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一是"], ["二是"], ["一"], ["一", "（一）"], ["二"]]
    assert not draft.warnings


def test_speech_enumerations_copied_with_a_space_or_inside_quotes():
    assert [(m.path, m.number) for m in parse_plan_text("同志们：\n一 是稳增长。二 是调结构。\n").measures] == [
        (["一是"], "一是"), (["二是"], "二是")]
    assert [m.path for m in parse_plan_text("会议要求：“一是稳增长；二是调结构。”\n").measures] == [["一是"], ["二是"]]


def test_numbering_font_numbers_with_a_full_stop_are_the_level_of_arabic_items():
    draft = parse_plan_text("一、重点任务\n⒈加强领导。建立专班。\n⒉完善机制。定期调度。\n二、保障措施\n")
    assert [m.path for m in draft.measures] == [["一"], ["一", "⒈"], ["一", "⒉"], ["二"]]
    assert not draft.warnings


def test_regulation_with_sections_nests_articles_under_their_section_and_numbers_them_through():
    from tracker.parsing import read_plan_text

    text = "\n".join(["某市市场主体登记实施细则", "第一章 总则", "第一条 为了规范登记，制定本细则。", "第二章 登记",
                      "第一节 一般规定", "第二条 登记应当依法进行。", "第三条 登记机关应当公开办事指南。",
                      "第二节 设立登记", "第四条 申请设立登记，应当提交下列材料：", "（一）申请书；", "（二）章程。",
                      "第三章 附则", "第五条 本细则自公布之日起施行。"])
    draft = read_plan_text(text)
    # 第一节 is a part of its chapter, not a new document of the file as 【篇四】 is
    assert [m.path for m in draft.measures] == [
        ["第一章"], ["第一章", "第一条"], ["第二章"], ["第二章", "第一节"], ["第二章", "第一节", "第二条"],
        ["第二章", "第一节", "第三条"], ["第二章", "第二节"], ["第二章", "第二节", "第四条"],
        ["第二章", "第二节", "第四条", "（一）"], ["第二章", "第二节", "第四条", "（二）"], ["第三章"], ["第三章", "第五条"]]
    assert draft.warnings == []  # articles number on through chapters and sections: no gap reported
