"""Plans received again in another medium read as before (issue 13, branch prose63).

The guard test_parser_dev_prose_in_every_medium.py copies the development prose into every medium. The text copied out
of an office's printed PDF lost items' time-limit lines and read items the store cut, because the printed page's number
("— 1 —", "第 1 页 共 2 页") stood between an item and its caption line, or after the last words: the page's number is
layout. A Word file, a page or a print drops the blank lines between a text's lines, and a caption line of units was
joined with the labelled line under it. These stories are invented, one a kind.
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _read(lines: list[str]) -> list[tuple]:
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text("\n".join(lines)).measures]


def test_a_page_number_between_an_item_and_its_time_limit_line_leaves_the_time_limit_to_the_item():
    """A 水利局 pastes its flood-season plan out of the printed PDF, its lines cut at the page's width: the page broke
    after the first item's unit line, so the page's number stands between it and the item's 完成时限 line."""
    for mark, last in (("第 1 页 共 2 页", "第 2 页 共 2 页"), ("— 1 —", "— 2 —"), ("- 1 -", "- 2 -")):
        lines = ["某县2024年防汛准备工作方案", "为切实做好今年防汛准备工作,保障人民群众生命财产安全,根据上级",
                 "有关要求,结合我县实际,制定本方案,请各单位认真组织实施,确保各项", "措施落到实处。", "一、排查整治河道行洪障碍",
                 "(一)全面清除河道内违章建筑和各类堆放物,恢复河道行洪断面,对", "重点河段逐段登记,建立问题台账,逐项销号。",
                 "责任单位:县水利局、各乡镇人民政府", mark, "完成时限:2024年5月底前",
                 "(二)检修县城排涝泵站,备足防汛物资,组织开展防汛应急演练,提高", "应急处置能力。", "责任单位:县城管局",
                 "完成时限:2024年4月底前", last]
        assert _read(lines) == [
            (["一"], [], [], None),
            (["一", "(一)"], ["县水利局", "各乡镇人民政府"], [], "2024年5月底前"),
            (["一", "(二)"], ["县城管局"], [], "2024年4月底前")], mark


def test_an_item_the_store_cut_inside_its_annotation_is_no_measure_when_the_last_page_number_follows():
    """The copy of a 整改 list ends inside its last item's bracket ("(责任单位:"), and the PDF's last page number is the
    text's last line: the item is cut off the file all the same."""
    lines = ["某街道环境卫生问题整改清单", "1.农贸市场门口垃圾未及时清运。(责任单位:街道城管科)",
             "2.老旧小区楼道堆放杂物。(责任单位:街道社区办)", "3.河堤步道路灯损坏未修复。(责任单位:", "", "— 2 —", ""]
    assert [path for path, *_ in _read(lines)] == [["1"], ["2"]]


def test_caption_lines_one_under_another_without_blank_lines_keep_their_supporting_units():
    """A county typed its task list with a blank line between every line; received as a Word file (or a saved page, or a
    print) the blank lines are gone, and each item's 主要协作单位 line stands right above its 监督电话 line: the supporting
    units are the item's all the same, and the telephone line is no unit."""
    lines = ["某县2023年养老服务提升任务分解", "1.新建农村互助养老服务点20个。", "牵头责任单位:县民政局",
             "主要协作单位:各乡镇人民政府、县财政局、县自然资源局、县住建局", "监督电话:0551-1234567",
             "2.支持乡镇卫生院开设养老床位。", "牵头责任单位:县卫健委",
             "主要协作单位:县医保局、县民政局、各乡镇人民政府、有关直属单位", "监督电话:0551-7654321"]
    assert _read(lines) == [(["1"], ["县民政局"], ["各乡镇人民政府", "县财政局", "县自然资源局", "县住建局"], None),
                            (["2"], ["县卫健委"], ["县医保局", "县民政局", "各乡镇人民政府", "有关直属单位"], None)]
