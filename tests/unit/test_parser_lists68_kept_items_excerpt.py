"""Stories of an excerpt that kept only some items of a plan (branch lists68; GOLD-README "heldout37b", "lists68").

A site copies two prose paragraphs of a 设备更新 plan, then only the items it reports on, "（二）开展…专项行动，制定行动方案" and
"（八）开展…专项行动", each a heading line with its 责任单位 line under it. The items do not start at one and skip, but two or
more heading lines of one style whose numbers rise are the copy's items, with their numbers as written. A 责任单位 line
under an item gives its units, every one leading (a comma after the first marks no role). Names and sentences are
invented.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit

_PROSE = [
    "为深入贯彻落实大规模设备更新工作部署，结合我市实际，制定本方案。",
    "全市上下要提高认识，压实责任，扎实推进各项工作。",
]


def test_two_kept_items_after_prose_are_read_with_their_numbers_and_units():
    result = parse_plan_text("\n".join(_PROSE + [
        "（二）开展建筑和市政基础设施领域设备更新专项行动，制定行动方案及政策措施",
        "责任单位：市住建局，市经信局、市财政局",
        "（八）开展消费品以旧换新专项行动，制定实施细则",
        "责任单位：市商务局，市发改委、市市场监管局",
    ]))
    assert [(m.path, m.lead_units, m.supporting_units) for m in result.measures] == [
        (["（二）"], ["市住建局", "市经信局", "市财政局"], []),
        (["（八）"], ["市商务局", "市发改委", "市市场监管局"], []),
    ]
    # the prose before them is no item
    assert not any("贯彻落实" in m.text for m in result.measures)


def test_three_kept_arabic_items_with_short_title_sentences_are_items():
    result = parse_plan_text("\n".join([
        "某县2027年农村人居环境整治重点任务摘编",
        "以下为与乡镇相关的部分任务。各乡镇要对照抓好落实。",
        "3.推进农村厕所改造。",
        "责任单位：县农业农村局",
        "5.开展村庄清洁行动。",
        "9.建立长效管护机制。",
    ]))
    assert [m.path for m in result.measures] == [["3"], ["5"], ["9"]]
    assert result.measures[0].lead_units == ["县农业农村局"]


def test_numbered_sentences_inside_prose_are_no_kept_items():
    # "（二）" and "（五）" open long sentences, not heading lines: the file holds no list
    result = parse_plan_text("\n".join(_PROSE + [
        "（二）各地要加大投入力度，确保资金及时足额到位。对工作推进不力的，要严肃追责问责，切实形成工作合力。",
        "（五）各部门要加强信息报送，每月5日前报送上月工作进展情况，确保各项工作按期完成。",
    ]))
    assert result.measures == []


def test_numbers_that_fall_back_keep_no_list():
    result = parse_plan_text("\n".join(_PROSE + [
        "（八）开展消费品以旧换新专项行动",
        "（二）开展建筑领域设备更新专项行动",
    ]))
    assert result.measures == []
