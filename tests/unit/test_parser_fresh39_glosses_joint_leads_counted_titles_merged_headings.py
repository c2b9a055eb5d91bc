"""Units and items as fresh district, city and town documents write them (issue 13, branch fresh39).

Fresh development documents 756–769 (海曙's and 舟山's 责任分解, 大兴's 分工方案, 青岛's 2023 重点工作任务 on a mirror site,
静安's and 长宁's 2020–2021 plans, 拱墅's quarterly 执行情况 copied one cell a line and as a Word table, two town meetings, a
梁平 notice printed as PDF, a 城管局 notice) lost on their first run where: a mirror site glossed characters with pinyin in
brackets inside a heading's number (`一(yī)、實施…`), so the heading 一 and its children's path were lost; a 责任单位 line named two
leads joined by 和 before `分别牵头` and a supporting unit after it; a plan's title carried its count of items in brackets
(`…分工方案(共计121项)`), so the cover notice's own 一、二、三 were read as measures; a page copied one cell a line left a
merged 序号 and 重点任务 out of the rows after the first, so six rows ran into one. The stories below tell each in a few
lines; the wording is invented after those documents (GOLD-README "fresh39")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


def test_a_mirror_sites_pinyin_reading_inside_a_heading_number_is_layout_and_the_heading_is_the_item():
    read = _read("某市2024年重點工(gōng)作安排\n一(yī)、推進產業升級\n"
                 "1.建設智造園區。加快標準廠房建設(shè)。(牽頭單位:市工信局,配合單位:市藍(lán)天辦)\n"
                 "2.培育龍頭企業。(牽頭單位:市商務局)\n二(èr)、優化營商環境\n1.推行一網通辦。(牽頭單位:市數據局)")
    assert list(read) == [("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "1")]
    assert read[("一", "1")] == (["市工信局"], ["市藍(lán)天辦"])  # a unit's name keeps the reading as written (fresh37)


@given(st.sampled_from(["一", "二", "三", "十", "十二"]), st.sampled_from(["yī", "èr", "sān", "shí"]),
       st.sampled_from(["、", "．", "."]))
def test_a_glossed_heading_number_reads_as_the_same_number_written_plainly(numeral, reading, mark):
    glossed = _read(f"工作安排\n{numeral}({reading}){mark}加強組織領導\n1.建立工作專班。(牽頭單位:市政府辦)")
    plain = _read(f"工作安排\n{numeral}{mark}加強組織領導\n1.建立工作專班。(牽頭單位:市政府辦)")
    assert glossed == plain


def test_a_bracket_after_a_number_that_is_no_reading_stays_text():
    read = _read("工作安排\n一、加強組織領導\n1.建立工作專班。\n二(A)、備用條款")
    assert ("二",) not in read  # "(A)" carries no tone mark: no reading, so "二(A)、" is no heading number


def test_two_leads_joined_by_and_before_their_shared_duty_lead_and_the_unit_after_them_supports():
    read = _read("一、区长牵头重点工作\n1.建设冷链物流中心。\n责任单位:区商务局和区交通局分别牵头、区农业农村局\n"
                 "2.改造农贸市场。\n责任单位:区住房和城乡建设局牵头、区市场监管局")
    assert read[("一", "1")] == (["区商务局", "区交通局"], ["区农业农村局"])
    assert read[("一", "2")] == (["区住房和城乡建设局"], ["区市场监管局"])  # a name with 和 inside stays whole


def test_a_plan_title_with_its_count_of_items_is_still_the_plan_the_cover_notice_hands_over():
    read = _read("关于印发《2022年县政府重点工作分工方案》的通知\n各乡镇人民政府，县政府各部门：\n"
                 "《2022年县政府重点工作分工方案》已经县政府同意，现印发给你们，并就有关事项通知如下：\n"
                 "一、提高认识。各部门要把重点工作作为重要任务。\n二、加强调度。各部门要按月报送进展。\n"
                 "某县人民政府办公室\n2022年5月6日\n2022年县政府重点工作分工方案(共计45项)\n"
                 "一、经济发展主要目标\n1.地区生产总值增长6%左右。\n牵头领导：副县长\n主要责任单位：县发展改革委")
    assert read == {("一",): ([], []), ("一", "1"): (["县发展改革委"], [])}


def test_a_page_copied_one_cell_a_line_that_left_a_merged_number_and_heading_out_of_the_later_rows_keeps_each_row():
    cells = ["项目名称", "项目内容", "责任单位", "进展情况",
             "(一)", "城乡建设品质提升", "新建口袋公园3座", "区建设局、各街道", "正常推进",
             "改造老旧小区12个", "区住建局、区财政局、各街道", "已完成招标",
             "新增停车泊位500个", "区交警大队、各街道", "正常推进"]
    read = _read("2021年第二季度重点任务执行情况\n\n" + "\n\n".join(cells))
    assert read == {("(一)",): ([], []),
                    ("(一)", "1"): (["区建设局", "各街道"], []),
                    ("(一)", "2"): (["区住建局", "区财政局", "各街道"], []),
                    ("(一)", "3"): (["区交警大队", "各街道"], [])}


def test_a_pages_metadata_rows_above_a_table_are_no_wrapped_paragraph_and_the_tables_caption_is_its_title():
    cells = ["项目名称", "项目内容", "责任单位", "进展情况",
             "(一)", "城乡建设品质提升", "新建口袋公园3座", "区建设局、各街道", "正常推进",
             "改造老旧小区12个", "区住建局、各街道", "已完成招标"]
    draft = parse_plan_text("信息索引号 A1234567-8/2021-00012 公开方式 主动公开\n发布机构 区府办 公开范围 面向全社会\n"
                            "备注/文号 公开时限 长期公开\n生成日期 2021-07-15 发布日期 2021-07-15\n附件\n"
                            "2021年第二季度重点任务执行情况\n\n" + "\n\n".join(cells))
    assert draft.title == "2021年第二季度重点任务执行情况"
    assert [m.path for m in draft.measures] == [["(一)"], ["(一)", "1"], ["(一)", "2"]]


def test_a_title_handing_a_plan_over_centred_on_three_lines_ends_with_the_notices_word_not_the_plans():
    draft = parse_plan_text("某县人民政府办公室\n关于印发2022年县政府工作报告\n重点任务分工方案的通知\n"
                            "各乡镇人民政府，县政府各部门：\n《2022年县政府工作报告重点任务分工方案》已经县政府同意，现印发给你们，"
                            "并提出以下要求。\n一、高度重视。各部门要切实抓好落实。\n二、加强督查。县政府督查室要定期通报。")
    assert draft.title == "2022年县政府工作报告重点任务分工方案"  # the plan the notice hands over (GOLD-README "Titles")
    assert [m.path for m in draft.measures] == [["一"], ["二"]]
