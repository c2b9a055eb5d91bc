"""A county's 实施意见 copied out of a PDF's text layer, whose figures came out letter-spaced (branch numbers67): articles
`第 1 条 …` to `第 1 1 条 …` beside a `第19条` typed closed up, under `一、` headings typed `二 、` or `三、 `. Every article is read
as the article it is (`第10条`, GOLD-README "heldout36"), under its heading; articles cited inside a sentence open none. A blank
inside figures is closed up only where a mark closes the number (条, a bracket, the item's stop or 、): a row of figures or a
score column stays text (GOLD-README "numbers67"). The plan is invented.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import match_number

PLAN = """某县关于支持小微企业健康发展的实施意见
为支持小微企业健康发展，结合我县实际，提出如下实施意见。
一、加大财税支持
第 1 条 设立小微企业发展专项资金，县财政每年安排3000万元。（县财政局牵头）
第 2 条 对新办小微企业给予一年房租补贴。（县商务局负责）
第 3 条 在第2条基础上，对入驻孵化基地的企业再给予水电补贴。
二 、强化融资服务
第 4 条 按第2、3条执行的企业，可申请创业担保贷款贴息。
第 5 条 建立小微企业信用信息共享平台。（县发展改革局牵头）
第 6 条 享受第5条政策的企业应按季度报送经营数据。
第 7 条 鼓励融资担保机构降低担保费率。
第 8 条 扩大应收账款和知识产权质押融资。
第 9 条 推动小额贷款公司规范发展。
三、 优化公共服务
第 1 0 条 鼓励建设小微企业创业基地，对认定的基地给予一次性奖励。
第 1 1 条 完善小微企业公共服务平台网络。
第19条 落实首问负责制和限时办结制。
某县人民政府
2025年3月1日
"""


def _paths(plan):
    return [tuple(m.path) for m in plan.measures]


def test_every_letter_spaced_article_is_read_under_its_heading_and_cited_articles_open_none():
    """The office reads the copied 实施意见: eleven articles and 第19条, each under the heading it stands in, numbered as the
    document numbers them; 在第2条基础上, 按第2、3条执行 and 享受第5条政策 stay words of their articles."""
    plan = parse_plan_text(PLAN)
    assert _paths(plan) == [
        ("一",), ("一", "第1条"), ("一", "第2条"), ("一", "第3条"),
        ("二",), *[("二", f"第{n}条") for n in range(4, 10)],
        ("三",), ("三", "第10条"), ("三", "第11条"), ("三", "第19条"),
    ]
    read = {tuple(m.path): m for m in plan.measures}
    assert read[("一", "第3条")].text.startswith("在第2条基础上")
    assert read[("三", "第10条")].text.startswith("鼓励建设小微企业创业基地")
    assert read[("一", "第1条")].lead_units == ["县财政局"]


def test_letter_spaced_item_numbers_close_up_only_where_a_mark_closes_them():
    """The same copy's lists: `1 0 .`, `1 2、` and `（ 1 2 ）` are items 10, 12 and （12）; a decimal `1 0 . 5分`, a row of three
    figures `2 3 5` and a year `2 0 2 5 年` are no item numbers."""
    assert [(t.key, t.ordinal, t.style) for t in (match_number("1 0 .加强组织领导", spaced=True),
                                                 match_number("1 2、完善考核机制", spaced=True),
                                                 match_number("（ 1 2 ）建立工作台账", spaced=True),
                                                 match_number("第 1 0 条 鼓励建设", spaced=True))] == [
        ("10", 10, "arabic"), ("12", 12, "arabic"), ("（12）", 12, "arabic_paren"), ("第10条", 10, "article")]
    for text in ("1 0 . 5分", "2 3 5", "2 3 5 分", "2 0 2 5 年", "1 0 加强领导", "第 2 0 2 5 条"):
        assert match_number(text, spaced=True) is None, text


def test_a_list_of_letter_spaced_numbers_runs_on_past_nine():
    """A 工作方案 copied out of a PDF numbers its tasks `1 .` … `1 1 .`: all eleven are tasks of one list, and the
    scores table row under it (`9 8 5`) is nobody's item."""
    tasks = [f"{' '.join(str(n))} .开展第{n}项专项整治行动。" for n in range(1, 12)]
    text = "\n".join(["某镇环境整治工作方案", "一、重点任务", *tasks, "二、考核评分", "考核得分如下：", "9 8 5",
                      "某镇人民政府", "2025年4月2日"])
    plan = parse_plan_text(text)
    assert _paths(plan) == [("一",), *[("一", str(n)) for n in range(1, 12)], ("二",)]
