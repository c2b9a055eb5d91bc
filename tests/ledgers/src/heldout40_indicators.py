"""Held-out indicator tables 185–191 (stop 40): figures transcribed by hand from real public pages.

185 and 189 are tables the pages publish, typed cell by cell; 186–188, 190 and 191 give their figures in
sentences, laid out as the office registering them would keep the table (GOLD-README.md, section "Held-out part,
stop 40"). Gold figures are every entity's value of each registered indicator, converted to the registered 计量单位;
totals, rates and unregistered columns are no figures.
"""

from __future__ import annotations

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

# 湘西州 1-9月份州重点项目投资完成情况汇总表 (2021), as published: (隶属, 项目个数, 年投资计划, 完成投资额, 完成率).
XIANGXI_2021_09 = [
    ("吉首市", 57, 82.5, 65.1, "78.9%"),
    ("泸溪县", 27, 42.6, 31.2, "73.2%"),
    ("凤凰县", 34, 78.5, 62.9, "80.1%"),
    ("古丈县", 24, 23.4, 19.0, "81.2%"),
    ("花垣县", 21, 46.0, 37.1, "80.7%"),
    ("保靖县", 24, 41.9, 30.9, "73.7%"),
    ("永顺县", 23, 51.0, 42.3, "82.9%"),
    ("龙山县", 21, 51.7, 40.9, "79.1%"),
    ("湘西高新区", 27, 66.4, 53.1, "80.0%"),
    ("州 直", 58, 156.7, 92.0, "58.8%"),
]


def make_185() -> None:
    """湘西州 2021年1-9月 州重点项目投资完成情况汇总表 by 县市 as published: `隶 属` (a padded caption) as the
    entity column, `单位:个、亿元` over captions without units (money registered in 万元), a rate column, the
    padded `州 直`, no total row (the page gives the whole in its sentences), the year only in the sheet's name."""
    stem = "185_xiangxi_2021_09_xiangmu"
    url = "https://gx-cm.com/www/zwgk/fdxxgknr/zdxm/202110/t20211018_1834042"
    wb = Workbook()
    ws = wb.active
    ws.title = "2021年1-9月"
    title_row(ws, 1, "1-9月份州重点项目投资完成情况汇总表", 5, size=14)
    line(ws, 2, "单位:个、亿元", 2, start=4, align="right")
    header(ws, 3, ["隶 属", "项目个数", "年投资计划", "完成投资额", "年计划投资完成率"])
    figures = []
    for r, row in enumerate(XIANGXI_2021_09, start=4):
        body(ws, r, list(row))
        name = row[0].replace(" ", "")
        figures += [(name, "项目个数", float(row[1])), (name, "年投资计划", round(row[2] * 10000, 2)),
                    (name, "完成投资额", round(row[3] * 10000, 2))]
    widths(ws, [14, 10, 12, 12, 16])
    save_indicators(wb, stem, url, "2021-09",
                    [("项目个数", "个"), ("年投资计划", "万元"), ("完成投资额", "万元")], figures)


def make_186() -> None:
    """甘孜州 2020年1-8月 重点项目 by stage and by kind (甘孜日报's sentences, stored in traditional characters):
    合計 first with the only 項目個數 and 年度計劃投資, two section rows, a rate column, `單位：億元、%` at the right
    (money registered in 万元), the kinds' own parts in a 註 line."""
    stem = "186_ganzi_2020_08_xiangmu"
    url = "http://m.runtun.cn/html/xw/dzyw/65157.html"
    sections = [
        ("按建設階段", [("續建項目", 191.1, "81.75"), ("新開工項目", 19.78, "26.99"),
                   ("竣工投產項目", 47.62, "95.38")]),
        ("按項目類別", [("重大基礎設施項目", 89.86, "64.44"), ("重大產業項目", 103.36, "75.26"),
                   ("改善民生和社會事業項目", 14.13, "61.75"), ("生態環境保護項目", 3.53, "47.81")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-8月"
    title_row(ws, 1, "2020年全州重點項目1-8月完成投資情況", 5, size=14)
    line(ws, 2, "單位：個、億元、%", 2, start=4, align="right")
    header(ws, 3, ["項目類別", "項目個數", "年度計劃投資", "累計完成投資", "完成年度計劃"])
    body(ws, 4, ["合計", 250, 307.05, 210.88, "68.68"])
    r = 5
    figures = []
    for heading, rows in sections:
        body(ws, r, [heading, None, None, None, None])
        merge(ws, r, 1, r, 5)
        r += 1
        for name, invest, rate in rows:
            body(ws, r, [name, None, None, invest, rate])
            figures.append((name, "累计完成投资", round(invest * 10000, 2)))
            r += 1
    line(ws, r, "註:重大基礎設施項目中,交通基礎設施項目累計完成投資82.36億元,水利基礎設施項目累計完成投資3.03億元,"
                "城市基礎設施項目累計完成投資4.47億元;重大產業項目中,生態能源業累計完成投資91.55億元,"
                "生態旅遊業4.26億元,優勢礦產業0.58億元,特色農牧業4.03億元,戰略性新興產業2.45億元,園區項目0.5億元。", 5)
    widths(ws, [26, 10, 14, 14, 14])
    save_indicators(wb, stem, url, "2020-08", [("累计完成投资", "万元")], figures)


def make_187() -> None:
    """镇坪县 (the site zhp.gov.cn) 县政府督查室 2020年 县政府党组会议、常务会议、县长办公会议确定事项完成情况 (the
    督办通报's sentences): CSV in UTF-8 with a BOM, 合计 first, counts in 次 and 项, a rate column, a second section of
    the meetings whose 确定事项 were not all done (the 12th 县长办公会 is cut in the copy), blank cells where the page
    gives no figure."""
    stem = "187_zhenping_2020_huiyi"
    url = "https://www.zhp.gov.cn/Content-2244518.html"
    kinds = [("县政府党组会议", "5", "39", "39", "", "100%"),
             ("县政府常务会议", "9", "405", "385", "20", "95.1%"),
             ("县长办公会议", "13", "135", "126", "9", "93.3%")]
    meetings = [("第六次常务会", "44", "43", "1", "97.7%"), ("第八次常务会", "38", "34", "4", "89.5%"),
                ("第九次常务会", "51", "36", "15", "70.6%"), ("第八次县长办公会", "10", "9", "1", "90%"),
                ("第九次县长办公会", "7", "6", "1", "85.7%"), ("第十一次县长办公会", "21", "19", "2", "90.5%")]
    lines = [
        ["2020年县政府党组会议、常务会议、县长办公会议确定事项完成情况统计表", "", "", "", "", ""],
        ["", "", "", "", "", "单位：次、项"],
        ["会议", "召开次数", "确定事项", "已完成事项", "正在办理事项", "完成率"],
        ["合计", "", "579", "550", "29", "95%"],
    ]
    lines += [list(row) for row in kinds]
    lines.append(["确定事项未全部完成的会议", "", "", "", "", ""])
    lines += [[name, "", total, done, doing, rate] for name, total, done, doing, rate in meetings]
    lines.append(["县政府督查室 督办通报第一期", "", "", "", "", ""])
    write_csv(stem, lines, "utf-8-sig")
    figures = []
    for name, held, total, done, doing, _rate in kinds:
        figures += [(name, "召开次数", float(held)), (name, "确定事项", float(total)), (name, "已完成事项", float(done))]
        if doing:
            figures.append((name, "正在办理事项", float(doing)))
    for name, total, done, doing, _rate in meetings:
        figures += [(name, "确定事项", float(total)), (name, "已完成事项", float(done)),
                    (name, "正在办理事项", float(doing))]
    write_indicator_gold(stem, ".csv", url, "2020-12",
                         [("召开次数", "次"), ("确定事项", "项"), ("已完成事项", "项"), ("正在办理事项", "项")],
                         figures)


def make_188() -> None:
    """连云港 (the page: 我市, 港城; a mirror of the city's portal in traditional characters) 2025年民生实事 截至三季度末:
    省政府民生实事 (the city's share) and 市政府民生实事 side by side, counts of items by how far they went, money in
    億元 (registered in 万元), the share of the year's investment as a rate, an unregistered 類別 column."""
    stem = "188_lianyungang_2025_09_minsheng"
    url = ("http://www.7263355.com/zglygzfmhwz/gzdt_msss2025/content/"
           "2399a463-3ef6-47e4-bed9-614ef9ecfd36.html")
    rows = [("省政府民生實事(涉及我市)", 12, 45, 24, 9, 11, 11.54, "88.76%"),
            ("市政府民生實事", 10, 50, 14, 7, 26, 28.54, "87.7%")]
    wb = Workbook()
    ws = wb.active
    ws.title = "三季度"
    title_row(ws, 1, "2025年民生實事推進情況(截至三季度末)", 8, size=14)
    line(ws, 2, "單位：類、個、億元", 3, start=6, align="right")
    header(ws, 3, ["民生實事", "類別", "事項數", "已提前完成全年任務", "超序時進度", "按序時推進",
                   "已完成投資", "完成年度總投資"])
    figures = []
    for r, row in enumerate(rows, start=4):
        body(ws, r, list(row))
        name, _kinds, items, early, ahead, on_time, invest, _rate = row
        figures += [(name, "事项数", float(items)), (name, "已提前完成全年任务", float(early)),
                    (name, "超序时进度", float(ahead)), (name, "按序时推进", float(on_time)),
                    (name, "已完成投资", round(invest * 10000, 2))]
    widths(ws, [26, 8, 10, 18, 12, 12, 12, 16])
    save_indicators(wb, stem, url, "2025-09",
                    [("事项数", "个"), ("已提前完成全年任务", "个"), ("超序时进度", "个"), ("按序时推进", "个"),
                     ("已完成投资", "万元")], figures)


# 江苏统计年鉴 2007, 13-20 保险业务主要指标, as stored: (指标 as indented, 2000, 2004, 2005, 2006).
JIANGSU_2007 = [
    ("保费收入", 131.93, 418.95, 437.34, 502.83),
    ("  财产险", 40.45, 84.52, 93.64, 120.42),
    ("   #机动车辆保险", 22.53, 56.39, 64.40, 87.71),
    ("  人身意外伤害险", 4.20, 9.42, 10.89, 12.55),
    ("  健康险", 4.00, 20.88, 24.37, 32.03),
    ("  寿险", 83.29, 304.12, 308.43, 337.83),
    ("各项赔款和给付", 34.29, 113.20, 118.83, 159.17),
    ("  财产险", 20.37, 44.16, 53.30, 78.70),
    ("   #机动车辆保险", 12.37, 34.81, 40.76, 62.40),
    ("  人身意外伤害险", 1.39, 2.87, 3.29, 3.70),
    ("  健康险", 1.27, 6.63, 9.04, 12.42),
    ("  寿险", 11.26, 59.55, 53.21, 64.36),
    ("保险公司数(家)", 9, 23, 29, 39),
    ("保险公司分支机构(家)", 755, 5159, 4033, 4636),
    ("从业人员数(万人)", 6.00, 15.75, 14.72, 15.47),
]


def make_189() -> None:
    """江苏统计年鉴 2007, 13-20 保险业务主要指标 as published: years across (2000 | 2004 | 2005 | 2006), the
    indicators down the first column with their kinds indented under them and `#机动车辆保险` deeper, `单位:亿元`
    with counts whose units sit in their names (`保险公司数(家)`), no year in the title."""
    stem = "189_jiangsu_2006_baoxian"
    url = "http://tj.jiangsu.gov.cn/2007/nj13/nj1320.htm"
    wb = Workbook()
    ws = wb.active
    ws.title = "13-20"
    title_row(ws, 1, "13-20 保险业务主要指标", 5, size=14)
    line(ws, 2, "单位:亿元", 2, start=4, align="right")
    header(ws, 3, ["指 标", "2000", "2004", "2005", "2006"])
    for r, row in enumerate(JIANGSU_2007, start=4):
        body(ws, r, list(row))
    kinds = JIANGSU_2007[1:6]
    figures = [(name.strip(), "保费收入", round(v2006 * 10000, 2))
               for name, _a, _b, _c, v2006 in kinds if not name.strip().startswith("#")]
    widths(ws, [24, 10, 10, 10, 10])
    save_indicators(wb, stem, url, "2006-12", [("保费收入", "万元")], figures)


def make_190() -> None:
    """大连 2023年重点民生实事 截至4月底 (大连本地宝's page): the 40 projects counted by how far they went, the
    whole (`15项民生实事40个项目`) first, one count column in 个, the classes named in the page's words."""
    stem = "190_dalian_2023_04_minsheng"
    url = "http://m.dl.bendibao.com/news/78650.shtm"
    rows = [("已提前完成全年目标", 5), ("超额完成节点目标", 7), ("按计划完成节点目标", 25),
            ("报市政府同意后调整节点目标", 3)]
    wb = Workbook()
    ws = wb.active
    ws.title = "4月"
    title_row(ws, 1, "2023年大连市重点民生实事项目进展情况(截至4月底)", 2, size=14)
    header(ws, 2, ["项目进展", "项目数(个)"])
    body(ws, 3, ["15项民生实事40个项目", 40])
    figures = []
    for r, (name, count) in enumerate(rows, start=4):
        body(ws, r, [name, count])
        figures.append((name, "项目数", float(count)))
    widths(ws, [32, 12])
    save_indicators(wb, stem, url, "2023-04", [("项目数", "个")], figures)


def make_191() -> None:
    """眉山 1—4月 30件民生实事 资金 (眉山日报's sentences; the page names no year, its address gives 2021-05): the
    money raised and paid by source of funds, 合计 first, `单位：亿元` (registered in 万元), a 注 line with the
    year's plan and the projects' counts in the page's words."""
    stem = "191_meishan_2021_04_zijin"
    url = "https://m.yybnet.net/meishan/news/202105/11444635.html"
    rows = [("上级补助资金", 15.52), ("市本级资金", 0.56), ("县(区)资金", 11.26), ("其他资金", 8.36)]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-4月"
    title_row(ws, 1, "1—4月全市30件民生实事项目资金筹集拨付情况", 2, size=14)
    line(ws, 2, "单位：亿元", 1, start=2, align="right")
    header(ws, 3, ["资金来源", "累计筹集拨付项目资金"])
    body(ws, 4, ["合计", 35.7])
    figures = []
    for r, (name, money) in enumerate(rows, start=5):
        body(ws, r, [name, money])
        figures.append((name, "累计筹集拨付项目资金", round(money * 10000, 2)))
    line(ws, 9, "注:今年将投入资金103.66亿元;30件民生实事190个项目中,已有35个完成或超额完成年度目标任务,155个推进顺利。", 2)
    widths(ws, [20, 22])
    save_indicators(wb, stem, url, "2021-04", [("累计筹集拨付项目资金", "万元")], figures)
