"""Deadlines and items as fresh notices and plans write them (issue 13, branch fresh37).

Fresh development documents 886–894 (济南's 科技局 notice copied from a site that inserts pinyin after its traditional
characters, 黄岩's 申报 notice run on in one line, a 津南 town's 重点工作安排 …) lost their deadlines and items where:
a site wrote a character's pinyin reading inside the caption of a closing time (`截止時(shí)間為2022年8月5日24:00`); a
caption in traditional characters wrote 為 (`截止時間為`); a notice run on in one line opened its first item after
its lead-in's colon (`…通知如下: 一、申报要求 (一)… 二、申报方式 (一)…`); an item's words opened with 项目 (`(三)项目申报
材料…`, which a bare 项 after a number would count); and a place opened by a day (`力争2021年7月1日正式开馆`). The
stories below say each in a few lines; the wording is invented after those documents (GOLD-README "fresh37")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline
from tracker.vocabulary.han import without_readings
from tracker.vocabulary.numbering import opens_word_not_count


def _read(text):
    return {tuple(m.path): (m.deadline, m.due_date and m.due_date.isoformat()) for m in parse_plan_text(text).measures}


def test_a_sites_pinyin_inside_a_closing_times_caption_is_read_through():
    read = _read("各區縣科技管理部門:\n1.企業(yè)網(wǎng)上申報(bào)截止時(shí)間為2022年8月5日24:00,逾期系統(tǒng)將自動(dòng)關(guān)閉。\n"
                 "2.在線提交截止時(shí)間為2022年8月7日17:00,逾期不再受理。")
    assert read[("1",)] == ("2022年8月5日24:00", "2022-08-05")
    assert read[("2",)] == ("2022年8月7日17:00", "2022-08-07")


def test_a_closing_time_captioned_with_traditional_wei_is_the_deadline():
    assert find_text_deadline("報名截止時間為2023年7月20日17:00,逾期不予受理。") == "2023年7月20日17:00"


def test_readings_go_and_other_brackets_stay():
    assert without_readings("區(qū)縣(功能區(qū))科技管理部門(mén)") == "區縣(功能區)科技管理部門"
    # a bracket without a tone mark is text: a list's letter, a file kind, a remark, a reading after a Latin letter
    kept = "材料一式二份(A4纸,加盖公章)(a)(PDF)F(xiàn)"
    assert without_readings(kept) == kept


_TONED_SYLLABLES = ["shí", "jiān", "qū", "fā", "zhèn", "yíng", "guān", "lǜ"]


@given(st.lists(st.tuples(st.sampled_from("時間區縣發鎮營關報業"), st.sampled_from(_TONED_SYLLABLES)), max_size=12),
       st.text(alphabet="截止为2022年8月5日:,。 ()abcPDF", max_size=20))
def test_readings_inserted_after_characters_come_out_and_nothing_else_changes(pairs, tail):
    plain = "".join(char for char, _ in pairs) + tail
    annotated = "".join(f"{char}({reading})" for char, reading in pairs) + tail
    assert without_readings(annotated) == plain
    assert without_readings(plain) == plain


def test_a_notice_run_on_in_one_line_opens_its_items_after_its_lead_ins_colon():
    draft = parse_plan_text("各乡镇人民政府: 为加强科技创新,现将申报工作通知如下: 一、申报要求 (一)申报单位必须在本区注册。 "
                            "(二)项目应具备创新性。 (三)项目申报材料必须真实。 二、申报方式 (一)采用纸质申报方式进行。 "
                            "(二)项目申报受理截止时间:2022年4月1日。")
    assert [m.path for m in draft.measures] == [["一"], ["一", "(一)"], ["一", "(二)"], ["一", "(三)"],
                                                ["二"], ["二", "(一)"], ["二", "(二)"]]
    assert draft.measures[-1].deadline == "2022年4月1日"


def test_a_word_opening_with_a_counter_opens_an_items_words():
    assert opens_word_not_count("(三)项目申报材料", 3)
    assert opens_word_not_count("(一)条件成熟的", 3)
    assert not opens_word_not_count("（一）至（三）项规定", 9)  # 项 alone counts the items cited
    draft = parse_plan_text("一、工作要求 按照（一）至（三）项的规定办理。")
    assert [m.path for m in draft.measures] == [["一"]]


def test_a_place_opened_by_a_day_is_due_that_day_but_a_start_is_not():
    read = _read("（三）完成纪念馆建设。项目选址定在镇中心,力争2021年7月1日正式开馆。\n"
                 "（四）推进产业园建设。力争2021年7月1日开工建设。")
    assert read[("（三）",)] == ("2021年7月1日", "2021-07-01")
    assert read[("（四）",)] == (None, None)

