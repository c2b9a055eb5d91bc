"""Stories of copies that open partway into a plan (issue 13, branch excerpt61; GOLD-README "excerpt61").

A copy whose first line is an item below the top level of the plan keeps its first items at the top, and a later
heading of a higher rank of the usual outline (一、 > （一） > 1. > （1）) is no child of them: that held when the copy
opened past the first item of its list ("3、", stages58); these stories open at the first item ("1、", "（一）"), where
a page or a forwarded message cut a plan just as often. Names and sentences are invented.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _read(text: str) -> list[tuple[list[str], str | None]]:
    return [(m.path, m.deadline) for m in parse_plan_text(text).measures]


def test_a_page_opening_at_the_first_arabic_item_keeps_the_next_sections_and_their_items_at_their_own_level():
    # a district site's second page of a 城区更新 plan: section (一)'s items on it, then (二) with items of its own
    text = "\n".join([
        "1、完成老旧小区屋面防水改造12个,2027年6月底前完成。",
        "2、新建口袋公园5处,2027年9月底前完成。",
        "3、整治背街小巷20条,2027年底前完成。",
        "(二)提升公共服务",
        "1、新增社区食堂8家,2027年8月底前完成。",
        "2、改造街道便民服务中心3个,2027年10月底前完成。",
    ])
    assert _read(text) == [
        (["1"], "2027年6月底前"), (["2"], "2027年9月底前"), (["3"], "2027年底前"),
        (["(二)"], None), (["(二)", "1"], "2027年8月底前"), (["(二)", "2"], "2027年10月底前"),
    ]


def test_a_forwarded_excerpt_opening_at_a_sections_first_bracketed_item_keeps_the_next_part_at_the_top():
    # a chat message quoting a 文明城市 plan from part 三's first item (一) on; part 四 and its items follow
    text = "\n".join([
        "（一）开展窗口单位文明服务评比。每季度评选一次，2027年12月底前完成全年评比。",
        "（二）组织志愿服务进社区活动。2027年11月底前覆盖全部社区。",
        "四、保障措施",
        "（一）加强组织领导。成立工作专班，2027年3月底前建立周调度制度。",
        "（二）强化督查考核。",
    ])
    assert _read(text) == [
        (["（一）"], "2027年12月底前"), (["（二）"], "2027年11月底前"),
        (["四"], None), (["四", "（一）"], "2027年3月底前"), (["四", "（二）"], None),
    ]


def test_a_copy_opening_at_a_first_arabic_item_two_levels_down_climbs_both_levels_above_it():
    # a news page quoting a 营商环境 plan from 一、(一)'s item 1. on: then (二) with its 1., then part 二、 with its (一)
    text = "\n".join([
        "1.推行企业开办一日办结。2027年5月底前实现全程网办。",
        "2.压缩工程建设项目审批时限。",
        "（二）提升监管效能",
        "1.推行跨部门联合抽查。2027年7月底前制定抽查事项清单。",
        "二、强化要素保障",
        "（一）盘活存量低效用地。2027年底前完成处置300亩。",
    ])
    assert _read(text) == [
        (["1"], "2027年5月底前"), (["2"], None), (["（二）"], None), (["（二）", "1"], "2027年7月底前"),
        (["二"], None), (["二", "（一）"], "2027年底前"),
    ]


def test_a_whole_plan_opening_at_its_first_part_reads_as_before():
    # the usual outline from its first part: nothing outranks 一、, so nothing moves
    text = "\n".join([
        "某区2027年城区更新工作方案",
        "一、改善居住环境",
        "（一）改造老旧小区",
        "1.完成屋面防水改造12个。",
        "二、提升公共服务",
        "（一）新增社区食堂8家。",
    ])
    assert [p for p, _ in _read(text)] == [["一"], ["一", "（一）"], ["一", "（一）", "1"], ["二"], ["二", "（一）"]]


def test_a_regulations_page_opening_inside_an_article_keeps_the_next_article_and_chapter_at_the_top():
    # the second page of an invented 停车场管理办法: article 第九条's items (三)–(四), then 第十条, then 第三章 with its article
    text = "\n".join([
        "（三）占用消防通道停放车辆的；",
        "（四）擅自改变停车场用途的。",
        "第十条 停车场经营者应当在入口处公示收费标准。",
        "第三章 监督管理",
        "第十一条 区城管部门应当每季度组织一次停车场检查。",
    ])
    assert [p for p, _ in _read(text)] == [["（三）"], ["（四）"], ["第十条"], ["第三章"], ["第三章", "第十一条"]]


def test_a_regulations_page_opening_at_an_article_inside_a_chapter_keeps_the_next_chapter_at_the_top():
    # a page opening at 第六条 of chapter 二, 第七条 with its items, then chapter 三
    text = "\n".join([
        "第六条 新建住宅小区应当按规定配建停车泊位。",
        "第七条 有下列情形之一的，不予备案：",
        "（一）未取得规划许可的；",
        "（二）消防设施未经验收的。",
        "第三章 经营服务",
        "第八条 经营者应当明码标价。",
    ])
    assert [p for p, _ in _read(text)] == [["第六条"], ["第七条"], ["第七条", "（一）"], ["第七条", "（二）"], ["第三章"],
                                           ["第三章", "第八条"]]
