"""The kind development document 1340 showed (branch fresh53; GOLD-README "fresh53"), told as an invented story.

A document site's preview names the previewed file in its head, and the file's name may hold a title of its own in 《》
(``《某市贯彻落实《某省若干措施》实施方案.docx》由会员分享…``). The preview's chunk numbers (``1、``, ``2、``, the site's fixed-length
cut, often inside a word) are layout, never items (fresh47's rule, ``cleaning.join_preview_chunks``), whatever marks the
name holds.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _measures(text: str):
    return parse_plan_text(text).measures


_PREVIEW = "\n".join([
    "《某市贯彻落实《某省促进民营经济发展若干措施》实施方案.docx》由会员分享,可在线阅读,更多相关《某市贯彻落实《某省促进民营经济"
    "发展若干措施》实施方案.docx(9页珍藏版)》请在某文库上搜索。",
    "1、某市贯彻落实某省促进民营经济发展若干措施实施方案为激发民营经济活力,结合我市实际,制定本方案。一、强化要素保障(一)落实减税降费。"
    "全面落实小微企业税费优惠政策,为个体工",
    "2、商户办理退税提供便利。(市税务局、市财政局、市经信局,各县(市、区)政府,列第一位的为牵头单位,下同)(二)加强融资支持。"
    "引导银行扩大民营企业贷款。(市金融办、人行某市中心支行)",
])


def test_a_previewed_files_name_holding_a_title_in_book_marks_still_marks_the_preview():
    """A clerk pastes a 民营经济 实施方案 as a document site previews it: the file's name quotes the province's 若干措施 in
    《》, the site's second chunk cuts "个体工商户". The plan's 一、(一)(二) are its items, the chunk numbers none, and each
    item keeps its own annotation under the precedence rule written in the first (first unit lead, 下同)."""
    measures = _measures(_PREVIEW)
    assert [m.path for m in measures] == [["一"], ["一", "(一)"], ["一", "(二)"]]
    first, second = measures[1], measures[2]
    assert "为个体工商户办理退税" in first.text
    assert first.lead_units == ["市税务局"]
    assert first.supporting_units == ["市财政局", "市经信局", "各县(市、区)政府"]
    assert second.lead_units == ["市金融办"]
    assert second.supporting_units == ["人行某市中心支行"]


def test_a_numbered_list_under_such_a_name_whose_items_end_their_sentences_stays_a_list():
    """The same head above a short list whose items close their sentences: nothing was cut, the numbers are the list's."""
    text = ("《某市贯彻落实《某省若干措施》工作要点.docx》由会员分享,可在线阅读。\n"
            "1、落实减税降费政策。\n2、扩大民营企业贷款。\n3、开展政策宣讲。")
    assert [m.path for m in _measures(text)] == [["1"], ["2"], ["3"]]


def test_a_previews_chunk_numbers_retyped_with_a_dot_are_still_the_sites_chunks():
    """The same preview pasted through an editor that typed each chunk's ``、`` as a dot (``1.``, ``2．``): the chunks are
    still the site's, cut inside "个体工商户", and the plan's own items keep their units."""
    text = _PREVIEW.replace("\n1、", "\n1.").replace("\n2、", "\n2．")
    measures = _measures(text)
    assert [m.path for m in measures] == [["一"], ["一", "(一)"], ["一", "(二)"]]
    assert measures[1].lead_units == ["市税务局"]
