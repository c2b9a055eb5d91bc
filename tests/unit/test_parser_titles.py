"""The plan's title a user sees when a plan is imported (tracker/parsing/metadata.find_title, branch titles).

Each story is written in invented wording, unlike the corpus documents the rules were found on (239, 243, 246, 326,
327, 346, 348, 166, 359): a title wrapped over lines, the plan's own title after its cover notice, a title glued to the
signature date of a run-on copy, a page's layout label, a title's edition on a line of its own.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.cleaning import Line
from tracker.parsing.metadata import find_title


def header(*texts: str) -> list[Line]:
    return [Line(no, text) for no, text in enumerate(texts, start=1)]


def test_titles_a_notice_title_broken_inside_its_quotes_is_read_whole_not_from_its_second_line():
    lines = header("某某市人民政府关于印发《2031年市《农田水利》",
                   "建设推进方案》的通知",
                   "各县区人民政府：")
    assert find_title(lines, {}) == "2031年市《农田水利》建设推进方案"


def test_titles_a_title_over_three_lines_joins_the_issuer_the_关于_line_and_its_ending():
    lines = header("某某县林业和草原局",
                   "关于做好2031年冬春",
                   "森林防火巡查值守的通知",
                   "各乡镇林业站：")
    assert find_title(lines, {}) == "某某县林业和草原局关于做好2031年冬春森林防火巡查值守的通知"


def test_titles_an_issuer_line_above_a_plan_title_is_not_glued_to_it():
    lines = header("某某县林业和草原局", "护林员队伍建设实施办法")
    assert find_title(lines, {}) == "护林员队伍建设实施办法"


def test_titles_the_plans_own_title_after_the_cover_notice_wins_over_the_notice_title():
    lines = header("某某区人民政府办公室关于印发2031年区重点民生项目",
                   "推进计划的通知",
                   "各街道办事处：",
                   "现将《2031年区重点民生项目推进计划》印发给你们，请抓好落实。",
                   "某某区人民政府办公室",
                   "2031年3月2日",
                   "（此件公开发布）",
                   "区重点民生项目推进安排")
    assert find_title(lines, {}) == "区重点民生项目推进安排"


def test_titles_a_table_caption_after_the_annex_label_is_the_plans_title_not_the_notice():
    lines = header("某某县人民政府关于对2031年十件实事开展专项督查的通知",
                   "各乡镇人民政府：",
                   "为推动十件实事按期完成，现就专项督查通知如下。",
                   "附件1",
                   "2031年十件实事任务清单表")
    assert find_title(lines, {}) == "2031年十件实事任务清单表"


def test_titles_a_wrapped_own_title_after_the_signature_is_joined():
    lines = header("某某市人民政府",
                   "2031年4月9日",
                   "2031年市《营商环境报告》重点事项",
                   "分工方案",
                   "为做好……")
    assert find_title(lines, {}) == "2031年市《营商环境报告》重点事项分工方案"


def test_titles_a_title_glued_to_the_signature_date_of_a_run_on_copy_is_split_off():
    lines = header("某某省供销合作社关于印发《农资储备管理规定》的通知各市供销社：现印发给你们，请遵照执行。"
                   "某某省供销合作社2031年5月6日农资储备管理规定")
    assert find_title(lines, {}) == "农资储备管理规定"


def test_titles_an_annex_caption_glued_after_the_signature_date_is_the_plans_title():
    lines = header("某某县人民政府关于开展夏粮收购督查的通知各乡镇：现将有关事项通知如下。"
                   "某某县人民政府2031年6月3日附件2：夏粮收购进度任务表")
    assert find_title(lines, {}) == "夏粮收购进度任务表"


def test_titles_a_pages_layout_label_is_never_a_title():
    for label in ("文章正文", "【打印本页】", "关闭窗口", "正文"):
        assert find_title(header(label, "附件3", "2031年度窗口服务评议指标表"), {}) == "2031年度窗口服务评议指标表"
    assert find_title(header("文章正文"), {}) is None


def test_titles_an_edition_or_years_on_the_next_line_complete_the_plans_title():
    lines = header("某某县人民政府", "2031年6月1日", "某某县促进民宿发展若干措施", "（2031年修订版）", "为……")
    assert find_title(lines, {}) == "某某县促进民宿发展若干措施（2031年修订版）"
    lines = header("某某县农村道路养护三年行动方案", "(2031—2033年)")
    assert find_title(lines, {}) == "某某县农村道路养护三年行动方案(2031—2033年)"


def test_titles_a_notice_handing_over_a_plan_named_nowhere_else_gives_the_plans_name():
    lines = header("某某镇人民政府关于印发镇容镇貌整治提升方案的", "通知", "各村（社区）：")
    assert find_title(lines, {}) == "镇容镇貌整治提升方案"


def test_titles_an_imported_plan_shows_its_own_title_after_the_cover_notice():
    text = ("某某县人民政府办公室关于印发县域冷链物流建设",
            "工作方案的通知",
            "各乡镇人民政府：",
            "现将《县域冷链物流建设工作方案》印发给你们，请认真贯彻执行。",
            "某某县人民政府办公室",
            "2031年7月8日",
            "县域冷链物流建设工作方案",
            "一、建设产地冷藏库。（县商务局牵头，2031年底前）",
            "二、完善配送网络。（县交通运输局牵头）")
    draft = parse_plan_text("\n".join(text) + "\n")
    assert draft.title == "县域冷链物流建设工作方案"
    assert [m.path for m in draft.measures] == [["一"], ["二"]]


_PIECES = st.sampled_from([
    "某某市人民政府", "关于印发《2031年", "重点工作", "分工方案》的通知", "附件2", "2031年3月2日", "（此件公开发布）",
    "文章正文", "（2031年版）", "工作方案", "各区人民政府：", "任务清单表", "《", "》", "关于", "", "的通", "知",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=4).map("".join), max_size=12))
def test_titles_any_header_gives_a_short_title_or_none_and_never_a_layout_label(texts):
    title = find_title(header(*texts), {})
    assert title is None or (isinstance(title, str) and 0 < len(title) <= 60)
    assert title not in ("文章正文", "正文", "打印本页")


def test_titles_a_sites_index_code_alone_on_its_line_is_no_title_and_the_notice_below_it_is():
    # a saved page: the reader's button, the 索引号 value alone on its line, then the notice's own first words
    lines = header("朗读", "QXZF07-2031-0112", "某某县人民政府关于冬春季节禁止野外用火的通告", "为有效预防火灾，现通告如下：")
    assert find_title(lines, {}) == "某某县人民政府关于冬春季节禁止野外用火的通告"
    assert find_title(header("朗读", "QXZF07-2031-0112"), {}) is None
