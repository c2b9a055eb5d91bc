"""Prose plans, notices and speeches as fresh documents write them (issue 13, branch fresh45).

Fresh development documents 502–505, 514, 517–519, 558–559 (a 山东 city's notice of 道路交通 duties and its office-printed PDF,
南宁's 2007 经济适用住房 方案, 锦州's 2008 房地产 意见, 鲅鱼圈's 2023 健康 方案 saved as a page, 南京's 2006 十一五 分解 notice,
苍溪's 2019 notice handing down a plan, three speeches with 一是/第一 lists) read nearly exactly on their first run. What they
showed: a year's target stated with its figure (`2007年经济适用住房建设目标任务是开工100万平方米`) gave no deadline; a saved page whose
``<title>`` spells its heading with the edition line under it (`…实施方案(征求意见稿)`) had its title read twice over (and a
title's span of years, `(2024—2026年)`, was cut at its dash as if a site's name followed); a
compilation's part label before a speech's title (`第一篇:…的講話`) made the template's own heading (`…講話范文`) the title.
502's `(交通運輸部門負責)` was read; its kind written as a list of trades before one shared 部门 (`(公安、交通运输部门负责)`, the
README's rule for a suffix written once) gave no unit at all. The stories below tell each in a few lines; the wording is invented after those documents (GOLD-README "fresh45")."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_text
from tracker.parsing.webpage import page_text


def _read(text):
    return {tuple(m.path): (m.deadline, m.due_date) for m in parse_plan_text(text).measures}


# --- a year's target stated with its figure ---

@given(st.sampled_from(["目标任务是", "目标是", "目标为", "目标任务为"]),
       st.sampled_from(["新改建农村公路80公里", "改造120户", "种植3000亩"]))
def test_a_year_whose_target_is_stated_with_its_figure_is_the_deadline_as_written(target, figure):
    read = _read("某县2019年民生工程实施方案\n某县人民政府\n2019年3月1日\n一、年度任务\n"
                 f"2019年全县农村民生工程建设{target}{figure},其中山区乡镇占一半。")
    assert read[("一",)] == ("2019年", datetime.date(2019, 12, 31))


def test_a_target_whose_figures_follow_a_colon_names_no_year_of_its_own_clause():
    read = _read("某县2019年民生工程实施方案\n某县人民政府\n2019年3月1日\n一、年度任务\n"
                 "2019年全县农村民生工程建设目标是:一批道路完工,一批水厂通水。")
    assert read[("一",)] == (None, None)


def test_a_year_naming_a_task_without_a_figure_stays_no_deadline():
    read = _read("某县2019年民生工程实施方案\n某县人民政府\n2019年3月1日\n一、年度任务\n"
                 "2019年全县农村民生工程建设目标任务是改善群众出行条件。")
    assert read[("一",)] == (None, None)


# --- a saved page whose <title> spells its heading over two lines ---

@given(st.sampled_from(["(征求意见稿)", "（试行）", "(2024—2026年)"]))
def test_a_page_title_spelled_by_the_heading_and_its_edition_line_is_read_once(edition):
    page = (f"<html><head><title>某区养老服务提升行动方案{edition}</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div><div id='zoom'>"
            f"<p align='center'>某区养老服务提升行动方案</p><p align='center'>{edition}</p>"
            "<p>为提升养老服务水平,制定本方案。</p><p>一、工作目标</p><p>到2025年底,建成一批社区养老服务站。</p>"
            + "".join(f"<p>{n}、完善服务网络。各街道要统筹辖区资源,建设社区养老服务站,提供助餐、助浴、助医等服务。</p>"
                      for n in "二三四五六七八"))
    page += "</div></body></html>"
    text = page_text(page)
    assert text.count("某区养老服务提升行动方案") == 1
    assert read_plan_text(text).title == f"某区养老服务提升行动方案{edition}"


def test_a_page_title_the_opening_lines_do_not_spell_still_stands_above_the_text():
    body = "".join(f"<p>{n}、压实防汛责任。各乡镇要落实防汛责任人,汛前完成隐患排查整治,确保安全度汛。</p>" for n in "一二三四五六七八")
    page = ("<html><head><title>某县人民政府办公室关于做好防汛工作的通知</title></head><body><div id='zoom'>"
            f"<p>各乡镇人民政府:</p><p>为做好今年防汛工作,现将有关事项通知如下:</p>{body}</div></body></html>")
    assert page_text(page).split("\n")[0] == "某县人民政府办公室关于做好防汛工作的通知"


def test_a_page_title_quoted_inside_an_opening_sentence_still_stands_above_the_text():
    body = "".join(f"<p>{n}、压实防汛责任。各乡镇要落实防汛责任人,汛前完成隐患排查整治,确保安全度汛。</p>" for n in "一二三四五六七八")
    page = ("<html><head><title>某县防汛工作方案</title></head><body><div id='zoom'>"
            f"<p>现将《某县防汛工作方案》印发给你们,请认真贯彻执行。</p>{body}</div></body></html>")
    assert page_text(page).split("\n")[0] == "某县防汛工作方案"


# --- a compilation's part label before a speech's title ---

@given(st.sampled_from(["第二篇:", "第2篇 ", "篇二：", "第十二篇："]))
def test_a_compilations_part_label_is_no_part_of_the_speechs_title(label):
    draft = read_plan_text(f"{label}在全区安全生产工作会议上的讲话\n在全区安全生产工作会议上的讲话范文\n同志们:\n"
                           "下面,我讲两点意见。\n一、提高认识\n一是压实属地责任。二是压实部门责任。")
    assert draft.title == "在全区安全生产工作会议上的讲话"
    assert [m.path for m in draft.measures][:1] == [["一"]]


# --- trades listed before the body's word written once (502's kind: a trade's departments named without their level) ---

def _units(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


@given(st.sampled_from([("(民政、财政部门负责)", ["民政", "财政部门"], []),
                        ("(卫生健康、市场监管部门牵头,公安部门配合)", ["卫生健康", "市场监管部门"], ["公安部门"]),
                        ("(發展改革、財政部門按職責分工負責)", ["發展改革", "財政部門"], []),
                        ("(农业农村、水利、自然资源部门按职责分工负责)", ["农业农村", "水利", "自然资源部门"], [])]))
def test_trades_listed_before_one_shared_department_word_are_units_as_written(case):
    bracket, lead, supporting = case
    read = _units("关于做好秋冬季安全工作的通知\n各县区人民政府:\n现通知如下:\n一、强化源头管理\n"
                  f"1.排查养老机构消防隐患,年底前完成整改。{bracket}")
    assert read[("一", "1")] == (lead, supporting)


@given(st.sampled_from(["(居民、物业部门负责)", "(项目、财政部门负责)", "(深化改革、有关部门负责)", "(群众、主管部门负责)"]))
def test_people_things_or_a_vague_department_after_them_make_no_trade_list(bracket):
    read = _units(f"某区工作方案\n一、强化源头管理\n1.排查隐患。{bracket}")
    assert read[("一", "1")] == ([], [])
