"""Deadlines and annotations the last stops noticed and left, told as a user's stories (issue 13, branch kinds41).

An office writes the time of its annotation after the words of an aim (`（区林业局负责，力争2024年春季前完成）`,
`（市住建局牵头，确保2023年底前建成）`): the unit is the annotation's as without them, and the time is the annotation's
deadline as written. A season of a year and its 前 is the season in prose and in an annotation alike, a comma after the 前
or not (`2024年春季前，完成补植2000亩` → `2024年春季`); a term's opening keeps its year (`2023年秋季学期开学前`); a time
before the review of its work (`2023年第一季度完成情况`) is none (GOLD-README "kinds41")."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.signed_plans import read_signed_plan
from tracker.parsing.annotations import parse_annotation_body

_SIGNED = "区人民政府办公室\n2023年1月10日"


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    return read_signed_plan("关于印发某区2023年重点工作方案的通知", items, _SIGNED)


# ---- kind 1: the words of an aim opening an annotation's time clause ------------------------------------------

def test_an_annotation_whose_time_opens_with_an_aim_keeps_its_unit_and_its_time():
    read = _plan([
        "一、新建城市书房。新建城市书房10个。（市住建局牵头，确保2023年底前建成）",
        "二、完善配套管网。改造老旧管网20公里。（区城管局负责，争取2023年6月底前完成）",
        "三、推进道路绿化。补植行道树1000株。（区园林局牵头，区财政局配合，力争2023年底完成）",
    ])
    assert read[("一",)] == (["市住建局"], [], "2023年底前", datetime.date(2023, 12, 31))
    assert read[("二",)] == (["区城管局"], [], "2023年6月底前", datetime.date(2023, 6, 30))
    assert read[("三",)] == (["区园林局"], ["区财政局"], "2023年底", datetime.date(2023, 12, 31))


_AIM_WORDS = st.sampled_from(["力争", "争取", "确保", "力争在", "确保于"])
_TIMES = st.sampled_from(["{y}年底前", "{y}年6月底前", "{y}年9月30日前", "{y}年底", "{y}年上半年"])
_UNITS = st.sampled_from(["区林业局负责", "市住建局牵头", "县交通运输局牵头，县财政局配合"])
_VERBS = st.sampled_from(["完成", ""])


@given(aim=_AIM_WORDS, time=_TIMES, year=st.integers(2023, 2030), units=_UNITS, verb=_VERBS)
def test_the_words_of_an_aim_before_an_annotations_time_change_nothing_it_reads(aim, time, year, units, verb):
    when = time.format(y=year)
    plain = parse_annotation_body(f"{units}，{when}{verb}")
    aimed = parse_annotation_body(f"{units}，{aim}{when}{verb}")
    assert plain is not None and aimed is not None
    assert (aimed.entries, aimed.deadline) == (plain.entries, plain.deadline)
    assert aimed.deadline is not None and aimed.deadline.startswith(f"{year}年")


def test_an_aim_without_a_time_in_an_annotation_is_no_deadline():
    assert parse_annotation_body("区林业局负责，长期").deadline == "长期"  # a standing word alone is a deadline (round 3)
    for body in ("区林业局负责，确保长期", "区林业局负责，力争持续"):
        annotation = parse_annotation_body(body)
        assert annotation is None or annotation.deadline is None, body  # the aim's words open no time here


# ---- kind 4: a review's heading or a report's caption after a time is no deadline -------------------------------

def test_a_review_heading_naming_a_quarter_gives_no_deadline_while_the_work_under_it_does():
    read = _plan([
        "一、2023年第一季度完成情况",
        "（一）项目建设。全区新开工项目12个。",
        "二、下步工作打算",
        "（一）加快项目建设。2023年第二季度完成竣工验收5个。",
    ])
    assert read[("一",)][2] is None
    assert read[("二", "（一）")][2:] == ("2023年第二季度", datetime.date(2023, 6, 30))


_REVIEW_TIMES = st.sampled_from(["{y}年第一季度", "{y}年上半年", "{y}年6月底", "{y}年", "{y}年3月"])
_REVIEW_WORDS = st.sampled_from(["完成情况", "完成情况如下：", "完成情况及下步打算", "推进情况", "工作完成情况", "工作回顾", "落实情况"])


@given(time=_REVIEW_TIMES, year=st.integers(2020, 2030), words=_REVIEW_WORDS)
def test_a_time_before_the_review_of_its_work_is_never_a_deadline_the_same_time_before_the_work_is(time, year, words):
    from tracker.parsing.deadlines import find_text_deadline
    when = time.format(y=year)
    assert find_text_deadline(f"{when}{words}") is None
    assert find_text_deadline(f"{when}完成验收。") == when


# ---- kind 3: a school term's opening named with its term keeps its year -----------------------------------------

def test_a_school_terms_opening_named_with_its_term_keeps_its_year():
    read = _plan([
        "一、新建学校。实验小学新校区确保2023年秋季学期开学前投入使用。",
        "二、校舍维修。2024年春季学期开学前，完成全区中小学校舍维修。",
        "三、食堂改造。完成10所学校食堂改造。（区教育局负责，2023年秋季学期开学前完成）",
    ])
    assert read[("一",)][2:] == ("2023年秋季学期开学前", None)  # a season names no calendar day (round 2)
    assert read[("二",)][2:] == ("2024年春季学期开学前", None)
    assert read[("三",)] == (["区教育局"], [], "2023年秋季学期开学前", None)


@given(year=st.integers(2020, 2030), term=st.sampled_from(["秋季学期", "春季学期", "秋季", "春季", "秋学期"]),
       aim=st.sampled_from(["确保", "力争", ""]), work=st.sampled_from(["投入使用", "完成改造", "全部完工"]))
def test_any_terms_opening_after_its_year_is_read_whole(year, term, aim, work):
    from tracker.parsing.deadlines import find_text_deadline
    assert find_text_deadline(f"新校区{aim}{year}年{term}开学前{work}。") == f"{year}年{term}开学前"


# ---- kinds 2 and 5: a season with its 前, a comma after it, and the same words in prose and in an annotation -----

def test_a_season_with_its_before_reads_the_same_with_a_comma_and_in_an_annotation():
    read = _plan([
        "一、补植补造。2024年春季前，完成补植2000亩。",
        "二、道路绿化。力争在2024年春季前完成补植。",
        "三、苗木管护。完成苗木补植。（区林业局负责，2024年春季前完成）",
        "四、林地抚育。完成林地抚育500亩。（区林业局负责，力争2024年春季前完成）",
        "五、河道清淤。2023年汛期前，完成河道清淤。",
        "六、防汛检查。开展防汛检查。（区水利局负责，2023年汛期前完成）",
    ])
    for path in (("一",), ("二",), ("三",), ("四",)):
        assert read[path][2:] == ("2024年春季", None), path  # the season itself (GOLD-README kinds39, kinds41)
    assert read[("三",)][:2] == read[("四",)][:2] == (["区林业局"], [])
    assert read[("五",)][2:] == read[("六",)][2:] == ("2023年汛期前", None)  # 汛期前 keeps its 前 (round 2)


def test_a_season_with_its_before_then_an_event_a_result_or_a_step_begun_stays_none():
    from tracker.parsing.deadlines import find_text_deadline
    assert find_text_deadline("2024年春季前，省政府召开推进会。") is None
    assert find_text_deadline("2024年春季前，已完成补植2000亩。") is None
    assert find_text_deadline("2024年春季前，启动补植。") is None


_SEASONS = st.sampled_from(["春季", "夏季", "秋季", "冬季"])
_WORK = st.sampled_from(["完成补植2000亩", "全面完成改造任务", "各地要完成清理整治", "发放取暖补贴", "全市新建绿道50公里以上"])


@given(year=st.integers(2023, 2030), season=_SEASONS, before=st.sampled_from(["前", "之前"]),
       comma=st.sampled_from(["，", ",", ""]), work=_WORK)
def test_a_seasons_deadline_is_the_season_whatever_the_comma_and_the_reader(year, season, before, comma, work):
    from tracker.parsing.deadlines import find_text_deadline
    when = f"{year}年{season}"
    assert find_text_deadline(f"{when}{before}{comma}{work}。") == when
    annotation = parse_annotation_body(f"区林业局负责，{when}{before}完成")
    assert annotation is not None and annotation.deadline == when


# ---- the rest of a time's sentence found once per text, however many times the sentence names ----------------------

_PIECES = st.sampled_from(["2023年", "底前", "完成", "情况", "，", "。", "；", "：", "\n", "已", "力争", "到2025年", "全市", "a"])


@given(pieces=st.lists(_PIECES, max_size=40), start=st.integers(0, 200))
def test_the_clause_ends_found_once_give_the_same_words_as_splitting_the_rest(pieces, start):
    import re

    from tracker.parsing import deadlines
    text = "".join(pieces)
    start = min(start, len(text))
    ends = deadlines._ClauseEnds(text)
    assert ends.sentence(start) == re.split(r"[。；;\n]", text[start:], maxsplit=1)[0]
    assert ends.own_clause(start) == deadlines._own_clause(text, start)


def test_a_long_sentence_naming_many_times_finds_its_ends_once(monkeypatch):
    from tracker.parsing import deadlines
    made, passes, reads = [], [], []

    class Counted(deadlines._ClauseEnds):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            made.append(text)

        def _span(self, pattern, start):  # (where each rest is bounded; kinds42 asks it for the clause's checks too)
            if pattern not in self._ends:
                passes.append(pattern.pattern)
            reads.append(start)
            return super()._span(pattern, start)

    monkeypatch.setattr(deadlines, "_ClauseEnds", Counted)
    sentence = "，".join(f"{2000 + i % 20}年完成了改造" for i in range(400)) + "。"
    assert deadlines.find_text_deadline(sentence) is None  # results reported, no deadline
    assert len(made) == 1 and len(reads) >= 400  # every time read took the rest of its sentence ...
    assert len(passes) == len(set(passes)) <= 2  # ... from ends found by one pass a kind of end
