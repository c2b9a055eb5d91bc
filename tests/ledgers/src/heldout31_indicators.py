"""Held-out indicator tables 140–159 (stop 31): figures transcribed by hand from real public tables.

Gold figures are every entity's value of each registered indicator, converted to the registered
计量单位 (tests/ledgers/GOLD-README.md, sections "Held-out part, stop 30" and "stop 31"); totals,
rates and columns the office has not registered are not figures.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from heldout30_common import (
    body,
    header,
    line,
    merge,
    save_indicators,
    title_row,
    widths,
    write_csv,
    write_indicator_gold,
)


def _counts(rows, names, columns):
    """Figures ``(entity, indicator, value)`` for the registered ``names`` read from ``columns`` of each row."""
    return [(row[0], name, float(row[col])) for row in rows for name, col in zip(names, columns)]


def make_140() -> None:
    """黑龙江 中央环保督察组交办问题线索办理情况统计表 (第一批至第九批), 截至2016年8月2日: CSV in GB18030."""
    stem = "140_heilongjiang_duchajiaoban_2016_08"
    url = ("https://haerbin.baogaosu.com/xinwen/%25E4%25B8%25AD%25E5%25A4%25AE%25E7%258E%25AF%25E5%25A2%2583"
           "%25E4%25BF%259D%25E6%258A%25A4%25E7%259D%25A3%25E5%25AF%259F%25E7%25BB%2584%25E8%25BD%25AC%25E5"
           "%258A%259E%25E9%2597%25AE%25E9%25A2%2598%25E7%25BA%25BF%25E7%25B4%25A2/49199943")
    rows = [
        ("哈尔滨", 188, 87), ("大庆", 43, 35), ("齐齐哈尔", 25, 17), ("绥化", 25, 19), ("佳木斯", 16, 13),
        ("牡丹江", 14, 11), ("省森工总局", 14, 9), ("鹤岗", 12, 11), ("双鸭山", 11, 11), ("省农垦总局", 10, 9),
        ("黑河", 7, 7), ("鸡西", 6, 6), ("伊春", 3, 3), ("七台河", 3, 3), ("哈铁分局", 3, 2), ("大兴安岭", 2, 2),
        ("省水利厅", 1, 1), ("抚远", 1, 0),
    ]
    lines = [
        ["中央环保督察组交办问题线索", "", ""],
        ["办理情况统计表", "", ""],
        ["（第一批至第九批）", "", ""],
        ["截至8月2日", "", "单位：件"],
        ["市地", "已办件数", "办结件数"],
    ]
    lines += [[name, str(done), str(closed)] for name, done, closed in rows]
    lines.append(["合计", "384", "246"])
    write_csv(stem, lines, "gb18030")
    indicators = [("已办件数", "件"), ("办结件数", "件")]
    write_indicator_gold(stem, ".csv", url, "2016-08", indicators, _counts(rows, ["已办件数", "办结件数"], [1, 2]))


def make_141() -> None:
    """铜梁区 2024年重点建设项目年度计划投资分类完成情况表 (1-9月), 亿元: 完成投资 registered in 万元."""
    stem = "141_tongliang_zhongdianxiangmu_2024_09"
    url = "https://m.bidcenter.com.cn/news-17-313882037.html"
    total = ("合计", 211, 405.34, 297, 0.7327)
    rows = [
        ("产业高地项目", 94, 254.35, 202.55, 0.7963),
        ("文旅胜地项目", 16, 21.48, 11.12, 0.5177),
        ("宜居美地项目", 72, 108.10, 72.06, 0.6666),
        ("民生福地项目", 29, 21.41, 11.27, 0.5264),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "分类完成情况"
    title_row(ws, 1, "2024年重点建设项目年度计划投资分类完成情况表", 5, size=14)
    line(ws, 2, "单位：亿元", 2, start=4, align="right")
    header(ws, 3, ["项目类别", "项目数量", "2024年年度\n计划投资", "1-9月\n完成投资", "投资计划\n完成率"])
    ws.row_dimensions[3].height = 32
    r = 4
    for values in [total, *rows]:
        body(ws, r, list(values))
        ws.cell(row=r, column=3).number_format = "0.00"
        ws.cell(row=r, column=4).number_format = "0.00"
        ws.cell(row=r, column=5).number_format = "0.00%"
        r += 1
    widths(ws, [16, 10, 13, 12, 11])
    indicators = [("项目数量", "个"), ("年度计划投资", "亿元"), ("完成投资", "万元")]
    figures = []
    for name, count, plan, done, _rate in rows:
        figures += [(name, "项目数量", float(count)), (name, "年度计划投资", plan),
                    (name, "完成投资", round(done * 10000, 2))]
    save_indicators(wb, stem, url, "2024-09", indicators, figures)


def make_142() -> None:
    """汉中市 2022年8月各承办单位（市长信箱）信件办理情况统计表: institutions by name, two of four columns registered."""
    stem = "142_hanzhong_xinxiang_2022_08"
    url = "http://www.hanzhong.gov.cn/hzszf/hdjl/12345rx/202209/db3890416aa44c41b840ba54464d9375.shtml"
    rows = [
        ("汉台区人民政府", 96, 91, 5, 0), ("南郑区人民政府", 43, 34, 9, 0), ("城固县人民政府", 25, 22, 3, 0),
        ("洋  县人民政府", 12, 10, 2, 0), ("  县人民政府", 12, 11, 1, 0), ("西乡县人民政府", 4, 4, 0, 0),
        ("略阳县人民政府", 3, 3, 0, 0), ("镇巴县人民政府", 6, 6, 0, 0), ("宁强县人民政府", 7, 5, 1, 1),
        ("兴汉新区管委会", 8, 2, 4, 2), ("滨江新区发展服务中心", 2, 2, 0, 0), ("市公安局", 14, 12, 2, 0),
        ("市教育局", 28, 27, 1, 0), ("市民政局", 2, 2, 0, 0), ("市水利局", 1, 1, 0, 0), ("市税务局", 2, 2, 0, 0),
        ("市司法局", 3, 3, 0, 0), ("市体育局", 1, 0, 0, 1), ("市气象局", 1, 1, 0, 0), ("市消防支队", 1, 1, 0, 0),
        ("市交通运输局", 7, 7, 0, 0), ("市经济合作局", 1, 1, 0, 0), ("市农业农村局", 1, 1, 0, 0),
        ("市生态环境局", 1, 1, 0, 0), ("市医疗保障局", 3, 3, 0, 0), ("市自然资源局", 3, 2, 1, 0),
        ("市城市管理局", 28, 27, 1, 0), ("市路灯管理处", 1, 1, 0, 0), ("市自来水公司", 1, 1, 0, 0),
        ("市智慧城市建设局", 55, 55, 0, 0), ("市行政审批服务局", 1, 1, 0, 0), ("劳动保障监察支队", 1, 1, 0, 0),
        ("市卫生健康委员会", 6, 4, 0, 2), ("市住房和城乡建设局", 9, 8, 1, 0), ("市发展和改革委员会", 4, 4, 0, 0),
        ("中国电信汉中分公司", 1, 1, 0, 0), ("市住房公积金管理中心", 2, 0, 0, 2),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "2022年8月"
    title_row(ws, 1, "2022年8月各承办单位信件办理情况统计表", 5, size=14)
    header(ws, 2, ["承办单位", "承办件数", "办结数", "在办数", "超时未办数"])
    for k, values in enumerate(rows, start=3):
        body(ws, k, list(values))
    widths(ws, [24, 10, 9, 9, 11])
    ws.freeze_panes = "B3"
    names = ["承办件数", "办结数"]
    figures = [("".join(name.split()), indicator, value)  # padding spaces are layout
               for name, indicator, value in _counts(rows, names, [1, 2])]
    save_indicators(wb, stem, url, "2022-08", [(n, "件") for n in names], figures)


def make_143() -> None:
    """渭南市 2024年第二季度各县市区办理“市长信箱”市民来信情况: a 总计 row last, a rate column."""
    stem = "143_weinan_xinxiang_2024_q2"
    url = "http://www.xinyangjiang.com/jdhy/lysl/1815216001309138946.html"
    rows = [
        ("临渭区", 52, 0, 52), ("富平县", 29, 0, 29), ("渭南高新区", 28, 0, 28), ("蒲城县", 21, 0, 21),
        ("大荔县", 17, 0, 17), ("华州区", 8, 0, 8), ("合阳县", 8, 0, 8), ("潼关县", 8, 0, 8), ("澄城县", 8, 0, 8),
        ("韩城市", 4, 0, 4), ("华阴市", 3, 0, 3), ("白水县", 3, 0, 3),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "县市区"
    title_row(ws, 1, "各县市区办理“市长信箱”市民来信情况", 5, size=14)
    line(ws, 2, "2024年第二季度", 5, align="center")
    header(ws, 3, ["承办县区", "总件数", "处理中", "已办结", "办结率"])
    r = 4
    for name, total, pending, closed in [*rows, ("总计", 189, 0, 189)]:
        body(ws, r, [name, total, pending, closed, 1.0])
        ws.cell(row=r, column=5).number_format = "0%"
        r += 1
    widths(ws, [14, 9, 9, 9, 9])
    names = ["总件数", "已办结"]
    save_indicators(wb, stem, url, "2024-06", [(n, "件") for n in names], _counts(rows, names, [1, 3]))


def make_144() -> None:
    """渭南市 2021年第4季度各縣市區市長信箱來信辦理情況, in the page's traditional characters."""
    stem = "144_weinan_xinxiang_2021_q4"
    url = "http://wfqyp.cn/jdhy/lysl/1629008674418622466.html"
    rows = [
        ("臨渭區", 212, 4, 208, "98%"), ("蒲城縣", 127, 1, 126, "99%"), ("富平縣", 114, 1, 113, "99%"),
        ("渭南高新區", 99, 0, 99, "100%"), ("合陽縣", 90, 0, 90, "100%"), ("大荔縣", 79, 0, 79, "100%"),
        ("華州區", 56, 1, 55, "98%"), ("澄城縣", 53, 0, 53, "100%"), ("白水縣", 45, 0, 45, "100%"),
        ("韓城市", 36, 2, 34, "94%"), ("華陰市", 27, 1, 26, "96%"), ("潼關縣", 25, 0, 25, "100%"),
        ("渭南經開區", 16, 0, 16, "100%"), ("渭南鹵管委", 4, 0, 4, "100%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "第4季度"
    title_row(ws, 1, "2021年第4季度各縣市區市長信箱來信辦理情況", 5, size=14)
    header(ws, 2, ["承辦縣區", "總件數", "處理中", "已辦結", "辦結率"])
    r = 3
    for values in [*rows, ("總計", 983, 10, 973, "98%")]:
        body(ws, r, list(values))
        r += 1
    widths(ws, [14, 9, 9, 9, 9])
    # a second sheet the office keeps beside the table: the quarter's letters by kind (page's own sentence)
    kinds = wb.create_sheet("訴求類型")
    kinds.cell(row=1, column=1, value="從訴求類型來看，投訴類826件，占總量的52.84%；咨詢類211件，占總量13.5%；"
                                      "求助類415件，占總量26.56%；建議類47件，占總量的3%；舉報類50件，占比量3.2%；"
                                      "其他類14件，占比量0.9%。")
    names = ["总件数", "处理中", "已办结"]
    save_indicators(wb, stem, url, "2021-12", [(n, "件") for n in names], _counts(rows, names, [1, 2, 3]))


def make_145() -> None:
    """沁水县 2021年省市县重点工程 1-12月份完成情况 (the page's sentences as a table): 当年计划投资 in 万元."""
    stem = "145_qinshui_zhongdiangongcheng_2021_12"
    url = "http://xxgk.qinshui.gov.cn/xzf/qsfgj/fdzdgknr/zdxmjsly/zdxmxx/202201/t20220121_1543736.shtml"
    total = ("合计", 30, 519.86, 63.27, 77.57, "122.6%")
    rows = [
        ("省级", 6, 140.16, 19, 28.78, "151.47%"),
        ("市级", 5, 221.76, 22.67, 26.4, "116.45%"),
        ("县级", 16, 108.72, 21.6, 22.39, "103.66%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "重点工程"
    title_row(ws, 1, "2021年省市县重点工程项目1-12月份完成投资情况", 6, size=14)
    line(ws, 2, "金额单位：亿元", 2, start=5, align="right")
    header(ws, 3, ["级别", "项目数（项）", "概算投资", "当年计划投资", "1-12月份完成投资", "投资完成率"])
    for k, values in enumerate([total, *rows], start=4):
        body(ws, k, list(values))
    widths(ws, [9, 12, 11, 13, 16, 11])
    indicators = [("项目数", "项"), ("概算投资", "亿元"), ("当年计划投资", "万元"), ("完成投资", "亿元")]
    figures = []
    for name, count, budget, plan, done, _rate in rows:
        figures += [(name, "项目数", float(count)), (name, "概算投资", budget),
                    (name, "当年计划投资", round(plan * 10000, 2)), (name, "完成投资", done)]
    save_indicators(wb, stem, url, "2021-12", indicators, figures)


def make_146() -> None:
    """闽侯县 2023年县级重点项目 1-6月 (the page's sentence as a table): a 合计 row first, rates as text."""
    stem = "146_minhou_zhongdianxiangmu_2023_06"
    url = "http://minhou.gov.cn/xjwz/zwgk/zdlyxxgk/zdxm/xmjz/202307/t20230712_4636205.htm"
    total = ("合计", 530, 2944.74, 561.86, 362.32, "64.49%")
    rows = [
        ("在建项目", 185, 1330.5, 327.53, 235.8, "72%"),
        ("计划新开工项目", 157, 506.08, 194.54, 101.97, "52.42%"),
        ("预备项目", 188, 1108.16, 39.78, 24.56, "61.73%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月"
    title_row(ws, 1, "2023年县级重点项目1-6月完成投资情况", 6, size=14)
    header(ws, 2, ["项目类型", "项数", "总投资（亿元）", "年度计划投资（亿元）", "1-6月累计完成投资（亿元）",
                   "占年计划投资"])
    ws.row_dimensions[2].height = 30
    for k, values in enumerate([total, *rows], start=3):
        body(ws, k, list(values))
    widths(ws, [16, 8, 13, 15, 18, 12])
    indicators = [("项数", "项"), ("年度计划投资", "亿元"), ("累计完成投资", "亿元")]
    figures = []
    for name, count, _total, plan, done, _rate in rows:
        figures += [(name, "项数", float(count)), (name, "年度计划投资", plan), (name, "累计完成投资", done)]
    save_indicators(wb, stem, url, "2023-06", indicators, figures)


def make_147() -> None:
    """珠海市 2011年 分区域地区生产总值 (统计公报 in traditional characters): registered in 万元."""
    stem = "147_zhuhai_fenqu_gdp_2011"
    url = "http://xiaomonv0755.com/tjgb/19gd/24000.html"
    rows = [("香洲", 863.48, "10.8"), ("金灣", 351.27, "14.2"), ("斗門", 188.49, "9.0")]
    wb = Workbook()
    ws = wb.active
    ws.title = "分區域"
    title_row(ws, 1, "2011年分區域地區生產總值", 3, size=14)
    line(ws, 2, "單位：億元、%", 3, align="right")
    header(ws, 3, ["區域", "地區生產總值", "比上年增長"])
    body(ws, 4, ["全市", 1403.24, "11.3"])
    for k, values in enumerate(rows, start=5):
        body(ws, k, list(values))
    line(ws, 9, "珠海市統計局　國家統計局珠海調查隊", 3, align="right")
    widths(ws, [10, 14, 12])
    figures = [(name, "地区生产总值", round(gdp * 10000, 2)) for name, gdp, _growth in rows]
    save_indicators(wb, stem, url, "2011-12", [("地区生产总值", "万元")], figures)


def make_148() -> None:
    """渭南市 2023年第二季度 市长信箱: 县市区 and 市直部门 as two tables on one sheet, traditional characters."""
    stem = "148_weinan_xinxiang_2023_q2"
    url = "http://wfqyp.cn/jdhy/lysl/1686636513693192194.html"
    counties = [
        ("臨渭區", 74), ("高新區", 40), ("富平縣", 38), ("蒲城縣", 37), ("大荔縣", 23), ("合陽縣", 21),
        ("白水縣", 14), ("華陰市", 13), ("華州區", 10), ("澄城縣", 10), ("潼關縣", 7), ("韓城市", 5),
    ]
    departments = [
        ("市住房城鄉建設局", 17), ("市公安局", 13), ("市交通運輸局", 5), ("市人力資源社會保障局", 5),
        ("國網渭南供電公司", 4), ("市統計局", 4), ("市自來水公司", 4), ("渭南銀保監分局", 4),
        ("市住房公積金管理中心", 3), ("市商務局", 2),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "2023年第二季度"
    title_row(ws, 1, "2023年第二季度“市長信箱”市民來信辦理情況", 5, size=14)
    line(ws, 2, "1.各縣市區辦理“市長信箱”市民來信情況：", 5)
    header(ws, 3, ["承辦縣區", "總件數", "處理中", "已辦結", "辦結率"])
    r = 4
    for name, count in [*counties, ("總計", 292)]:
        body(ws, r, [name, count, 0, count, "100%"])
        r += 1
    r += 1
    line(ws, r, "2.市直部門辦理“市長信箱”市民來信情況：", 5)
    header(ws, r + 1, ["承辦部門", "總件數", "處理中", "已辦結", "辦結率"])
    r += 2
    for name, count in departments:
        body(ws, r, [name, count, 0, count, "100%"])
        r += 1
    widths(ws, [22, 9, 9, 9, 9])
    names = ["总件数", "已办结"]
    figures = [(name, indicator, float(count)) for name, count in [*counties, *departments] for indicator in names]
    save_indicators(wb, stem, url, "2023-06", [(n, "件") for n in names], figures)


def make_149() -> None:
    """A county (page: 我縣, projects counted in 宗) 2024年1-4月重点项目, traditional: two breakdowns in one table."""
    stem = "149_xian_zhongdianxiangmu_2024_04"
    url = "http://yhser.com/hdxwz/zwgk/wgk/jggk/lsqkgk/content/post_5263735.html"
    # (类别, 项目数（宗）, 年度投资计划（亿元）or None, 完成投资（亿元）, 完成年度计划投资的)
    rows = [
        ("續建項目", 35, None, 47.7, "24.3%"),
        ("計劃投產項目", 17, None, 16.1, "39.9%"),
        ("新開工項目", 39, None, 32.6, "48.1%"),
        ("省、市重點項目", 36, 236.2, 88.6, "37.5%"),
        ("縣重點項目", 55, 67.9, 7.7, "11.4%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-4月"
    title_row(ws, 1, "2024年重點項目1-4月完成投資情況", 5, size=14)
    line(ws, 2, "單位：宗、億元", 5, align="right")
    header(ws, 3, ["項目類別", "項目數", "年度投資計劃", "完成投資", "完成年度計劃投資的"])
    body(ws, 4, ["全縣", 91, 304, 96.4, "31.7%"])
    for k, values in enumerate(rows, start=5):
        body(ws, k, list(values))
    line(ws, 5 + len(rows), "註：39宗新開工項目中已開工8宗。", 5)
    widths(ws, [16, 9, 13, 10, 18])
    indicators = [("项目数", "宗"), ("年度投资计划", "亿元"), ("完成投资", "亿元")]
    figures = []
    for name, count, plan, done, _rate in rows:
        figures.append((name, "项目数", float(count)))
        if plan is not None:
            figures.append((name, "年度投资计划", plan))
        figures.append((name, "完成投资", done))
    save_indicators(wb, stem, url, "2024-04", indicators, figures)


def make_150() -> None:
    """一县（市）2020年1-6月份千万元以上重点建设项目 (the page's sentences as a table): a total row first."""
    stem = "150_zhongdianjianshe_2020_06"
    url = "http://120.194.211.226/contents/1033/15493.html"
    total = ("千万元以上重点建设项目", 71, 337.13, 56.21, 35.9, "63.88%")
    rows = [
        ("亿元以上项目", 46, 326.37, 49.19, 32.43, None),
        ("省重点项目", 2, 20, 9, 7.9, "87.78%"),
        ("市重点项目", 7, 33.9, 9.7, 8.15, "84.02%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月份"
    title_row(ws, 1, "2020年重点建设项目1-6月份完成投资情况", 6, size=14)
    line(ws, 2, "单位：个、亿元", 6, align="right")
    header(ws, 3, ["项目", "个数", "总投资", "年度计划完成投资", "1-6月份累计完成投资", "占年度目标"])
    for k, values in enumerate([total, *rows], start=4):
        body(ws, k, list(values))
    widths(ws, [24, 7, 10, 16, 18, 11])
    indicators = [("项目个数", "个"), ("年度计划完成投资", "亿元"), ("累计完成投资", "亿元")]
    figures = []
    for name, count, _total, plan, done, _rate in rows:
        figures += [(name, "项目个数", float(count)), (name, "年度计划完成投资", float(plan)),
                    (name, "累计完成投资", float(done))]
    save_indicators(wb, stem, url, "2020-06", indicators, figures)
