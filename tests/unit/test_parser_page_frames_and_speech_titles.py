"""A saved page's frame is no title, a speech's occasion closes its title, and blank lines end paragraphs (issue 13,
branch kinds32).

County and district sites open their pages with the frame: reading modes ("无障碍浏览", "长者模式", "进入老年版"), services
("收藏本站 官方微博"), a compilation site's banner holding its address ("SUCAI198.COM——专注…范文") and its page counter
("(第94/122页)"); the document's title is the first line after them. A 政府工作报告 copied from a local-history site writes
its title, its occasion in brackets and the speaker on one line: the title is the words before the bracket. A news site's
copy of a report sets every short line apart with a blank line ("政府工作报告" / blank / "2022年1月17日在…会议上"): such
lines are paragraphs of their own, never a wrap to be joined. The wording here is invented."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

_MEETING_PAGE = ("无障碍浏览\n"
                 "长者模式 某县人民政府\n"
                 "首页 >> 公开信息内容\n"
                 "\n"
                 "县人民政府第25次常务会议召开\n"
                 "\n"
                 "6月1日,县长主持召开县人民政府第25次常务会议。\n"
                 "会议要求,一是要充分认识条例的重要意义。二是要加强条例的学习宣传。三是要用好用活条例。\n")

_LOCAL_HISTORY_PAGE = ("收藏本站 官方微博 欢迎浏览某市党史与地方志\n"
                       "\n"
                       "政府工作报告 (2019年1月21日在某市第十三届人民代表大会第四次会议上) 某市人民政府市长 张三\n"
                       "\n"
                       "各位代表:\n"
                       "\n"
                       "一、2018年工作回顾\n"
                       "\n"
                       "一年来,市政府主要做了以下工作:\n"
                       "\n"
                       "(一)聚焦重点改革,市场主体活力有效激发。以改革为引领,重点领域关键环节改革不断深化。\n")

_NEWS_COPY = ("您当前的位置 : 国企 >  要闻动态 正文\n"
              "\n"
              "2022年某省政府工作报告(全文)\n"
              "\n"
              "发布时间: 2022-01-24 08:51:31 来源: 某新闻客户端\n"
              "\n"
              "W020220124302983108207.jpg\n"
              "\n"
              "政府工作报告\n"
              "\n"
              "2022年1月17日在某省第十三届人民代表大会第六次会议上\n"
              "\n"
              "某省代省长 李四\n"
              "\n"
              "  一、2021年主要工作和成效\n"
              "\n"
              "  (一)共同富裕示范区建设扎实开局\n"
              "\n"
              "  (二)高质量发展水平有效提升\n")


def test_a_county_pages_reading_modes_are_no_title():
    draft = parse_plan_text(_MEETING_PAGE)
    assert draft.title == "县人民政府第25次常务会议召开"
    assert [m.path for m in draft.measures] == [["一是"], ["二是"], ["三是"]]


def test_a_reports_occasion_in_brackets_closes_its_title():
    draft = parse_plan_text(_LOCAL_HISTORY_PAGE)
    assert draft.title == "政府工作报告"
    assert [m.path for m in draft.measures] == [["一"], ["一", "(一)"]]


def test_short_lines_set_apart_by_blank_lines_are_no_wrap():
    draft = parse_plan_text(_NEWS_COPY)
    assert draft.title == "政府工作报告"
    assert [m.path for m in draft.measures] == [["一"], ["一", "(一)"], ["一", "(二)"]]


def test_a_compilation_pages_banner_and_counter_are_no_title():
    page = ("SUCAI198.COM —— 专注公文写作范文\n\n镇2023年政府工作报告-42篇(第94/122页)\n\n"
            "过去一年,成绩来之不易。\n存在的不足:一是产业结构仍需优化;二是财力不足。\n二、2023年主要工作\n")
    assert parse_plan_text(page).title is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["无障碍浏览", "长者模式", "进入老年版", "关怀版", "收藏本站 设为首页", "www.example.gov.cn"]),
       st.text(alphabet="县区乡镇安全生产环境整治", min_size=2, max_size=16))
def test_any_frame_line_above_a_title_leaves_the_title(frame, words):
    title = f"{words}工作方案"
    draft = parse_plan_text(f"{frame}\n{title}\n一、加强领导。\n二、压实责任。\n")
    assert draft.title == title


_INTERPRETATION_PAGE = ("公务邮 无障碍浏览 长者模式 手机版 微信\n"
                        "微博\n"
                        "登录 | 注册\n"
                        "您所在的位置: 首页 >> 政务公开 >> 政策解读 >> 文字解读 >> 正文\n"
                        "\n"
                        "文字解读┃关于对某县《<政府工作报告>重点工作分工方案》的解读\n"
                        "\n"
                        "一、《方案》出台背景\n"
                        "\n"
                        "2023年1月19日,县人民代表大会会议召开,审议并批准了《政府工作报告》。\n"
                        "\n"
                        "二、《方案》出台过程\n"
                        "\n"
                        "2月8日编制完成《方案》初稿,2月22日形成征求意见稿。\n")


def test_a_county_interpretation_page_is_titled_after_its_column_label_and_frame():
    draft = parse_plan_text(_INTERPRETATION_PAGE)
    assert draft.title == "关于对某县《<政府工作报告>重点工作分工方案》的解读"
    # the dates report how the plan was made: no deadline
    assert [(m.path, m.deadline) for m in draft.measures] == [(["一"], None), (["二"], None)]
