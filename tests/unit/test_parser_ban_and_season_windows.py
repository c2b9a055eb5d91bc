"""Branch deadlines30, kind 1: the dated windows of ban and season notices (禁火令, 森林防火, 禁放烟花爆竹, 禁渔, 禁牧, 秸秆禁烧).

A notice sets the window its ban holds in, and the supervisor tracks the item by that window, due on its last day
(GOLD-README "notices27", "periods27" and "deadlines30"):

- a sentence naming the window as the ban's term: "自2023年3月2日至4月15日为禁火期，…" (温州 2023, document 588),
  "每年10月1日至次年5月31日为全县森林防火期" (periodic: no due date), "在…至…防火期内，…";
- the term captioned inside a sentence: "禁牧时间为2023年4月15日至11月15日";
- a window opening an item with 自 before what it bans: "自2023年1月21日至2月5日，全县范围内禁止燃放烟花爆竹";
- a yearly window with its hours on the line under a heading: "每年5月16日12時至7月31日12時" (农业农村部 2019, 589);
- a window whose remark in brackets holds brackets of its own (a site's reading aid, 牡丹区 2023, 590).

A policy's or a notice's own term ("…为政策执行期", "有效期为…") stays no deadline: a wrong deadline is worse than none.
The wording here is invented (a county's notices), not the corpus's.
"""
from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, parse_due_date


def _notice(*items: str, signed: str = "2022年12月30日") -> list:
    body = "\n".join(items)
    text = (f"某县人民政府关于森林防火和禁止燃放烟花爆竹的通告\n为切实做好森林防火工作，现将有关事项通告如下：\n{body}\n"
            f"某县人民政府\n{signed}\n")
    return parse_plan_text(text).measures


@pytest.mark.parametrize("item, deadline, due", [
    # the term a sentence names: the window, 自 dropped, due on its last day
    ("一、自2023年3月2日至4月15日为禁火期，全县林地为禁火区域。", "2023年3月2日至4月15日", datetime.date(2023, 4, 15)),
    ("一、2023年10月1日至2024年5月31日为全县森林防火期，其中2024年1月1日至4月30日为高火险期。",
     "2023年10月1日至2024年5月31日", datetime.date(2024, 5, 31)),
    ("一、县政府决定：自2023年1月20日至2023年2月12日为全县森林防火禁令期。", "2023年1月20日至2023年2月12日",
     datetime.date(2023, 2, 12)),
    ("一、在2023年10月1日至2024年5月31日防火期内，禁止一切野外用火。", "2023年10月1日至2024年5月31日",
     datetime.date(2024, 5, 31)),
    # the term captioned inside the sentence
    ("一、禁牧区为全县所有草原，禁牧时间为2023年4月15日至11月15日。", "2023年4月15日至11月15日", datetime.date(2023, 11, 15)),
    # a window opening the item with 自, then what it bans (hours kept)
    ("一、自2023年1月21日至2月5日，全县范围内禁止燃放烟花爆竹。", "2023年1月21日至2月5日", datetime.date(2023, 2, 5)),
    ("一、自2023年5月1日0时至6月30日24时，全面禁止露天焚烧秸秆。", "2023年5月1日0时至6月30日24时", datetime.date(2023, 6, 30)),
    # a festival beside a date inside the window is kept, after the window's end it is a remark left out
    ("一、禁放时间：2023年1月21日（除夕）至2月5日（元宵节）。", "2023年1月21日（除夕）至2月5日", datetime.date(2023, 2, 5)),
    ("一、自2023年1月21日（农历除夕）0时起至2月5日（农历正月十五）24时止，城区范围内禁止燃放烟花爆竹。",
     "2023年1月21日（农历除夕）0时起至2月5日（农历正月十五）24时", datetime.date(2023, 2, 5)),
    # the term captioned as 期限 inside the sentence; the window closed by 期间 before its ban; after a caption, then the ban
    ("一、本通告禁放期限为2023年1月1日至12月31日。", "2023年1月1日至12月31日", datetime.date(2023, 12, 31)),
    ("一、2023年1月21日至2月5日期间，全县范围内禁止燃放烟花爆竹。", "2023年1月21日至2月5日", datetime.date(2023, 2, 5)),
    ("一、禁渔期：2023年3月1日12时至6月30日12时，禁止一切捕捞作业。", "2023年3月1日12时至6月30日12时",
     datetime.date(2023, 6, 30)),
    # a season every year: the whole window, periodic (no due date)
    ("一、每年10月1日至次年5月31日为全县森林防火期。", "每年10月1日至次年5月31日", None),
    ("一、禁渔期为每年3月1日0时至6月30日24时。", "每年3月1日0时至6月30日24时", None),
])
def test_a_ban_notices_window_is_the_deadline_of_the_item_that_sets_it(item, deadline, due):
    """As a supervisor, the item that sets a ban's window shows that window and falls due on its last day."""
    measure = _notice(item)[0]
    assert (measure.path, measure.deadline, measure.due_date) == (["一"], deadline, due)


def test_a_yearly_window_with_its_hours_under_a_heading_is_read_whole_not_its_first_day():
    """A ministry's 禁渔期 notice writes each basin's term on the line under `(二)禁渔期`: the whole window, periodic."""
    text = ("农业农村部关于实行某流域禁渔期制度的通告\n一、某河流域禁渔期制度\n(一)禁渔区\n某河干流及其支流。\n(二)禁渔期\n"
            "每年5月16日12時至7月31日12時。\n(三)禁止作业类型\n除钓具之外的所有作业方式。\n")
    measures = parse_plan_text(text).measures
    assert [(m.path, m.deadline, m.due_date) for m in measures] == [
        (["一"], None, None), (["一", "(一)"], None, None),
        (["一", "(二)"], "每年5月16日12時至7月31日12時", None), (["一", "(三)"], None, None)]


def test_a_window_whose_remark_holds_brackets_of_its_own_is_still_the_headings_deadline():
    """A reposting site writes a reading aid inside the lunar remark: the remark is left out, the window read."""
    measures = _notice("一、禁燃時間", "2023年1月13日零時起至2月22日24時(農(nóng)歷臘月二十二至二月初三)。", "二、禁燃区域",
                       "全县城区。")
    assert [(m.path, m.deadline, m.due_date) for m in measures] == [
        (["一"], "2023年1月13日零時起至2月22日24時", datetime.date(2023, 2, 22)), (["二"], None, None)]


def test_the_items_the_window_governs_keep_no_deadline_of_their_own():
    """Only the item that writes the window has it: `禁火期间，禁止…` names the term without its dates (GOLD-README)."""
    measures = _notice("一、自2023年3月2日至4月15日为禁火期。", "二、禁火区域内在禁火期间，禁止以下行为：吸烟、野炊。",
                       "三、发现火情立即报警。")
    assert [(m.path, m.deadline) for m in measures] == [(["一"], "2023年3月2日至4月15日"), (["二"], None), (["三"], None)]


@pytest.mark.parametrize("sentence", [
    "2021年5月1日至2022年4月30日为政策执行期，实施阶段性下调。",  # a policy's term (108)
    "有效期为2023年1月1日至2027年12月31日。",  # the notice's own term
    "本通告有效期自2023年1月1日至2027年12月31日止。",
    "2023年6月1日至6月30日为安全生产月，开展宣传。",  # a month named for a campaign's theme, no ban's term
    "全县禁止燃放烟花爆竹，自2023年1月1日至12月31日，各乡镇开展巡查。",  # a window inside the sentence, after the ban
    "检查时间：2023年1月1日至12月31日期间，各乡镇开展自查。",  # a caption's value that is more than the period, no ban
])
def test_terms_that_are_no_ban_window_stay_no_deadline(sentence):
    assert find_text_deadline(sentence) is None


# ---- invariants ----------------------------------------------------------------------------------------------------

_DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2039, 12, 31))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DAYS, _DAYS, st.sampled_from(["禁火期", "全县森林防火期", "禁渔期", "休牧期", "秸秆禁烧时段"]),
       st.sampled_from(["自", "从", ""]))
def test_a_term_named_by_its_sentence_is_its_window_due_on_the_later_day(first, second, term, opening):
    start, end = sorted((first, second))
    window = f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    assert find_text_deadline(f"{opening}{window}为{term}，禁止一切野外用火。") == window
    assert parse_due_date(window) == end
