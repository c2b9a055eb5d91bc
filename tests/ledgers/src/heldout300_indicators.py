"""Held-out indicator tables 306–311 (stop 40, branch heldledger): figures transcribed by hand from real public pages.

Gold figures are every entity's value of each registered indicator, in the registered 计量单位 (tests/ledgers/
GOLD-README.md: the held-out sections and "Held-out stop 40 (300–315)"); totals, section rows, rates and unregistered
columns give none. Nothing here reads a table back.
"""

from __future__ import annotations

from openpyxl import Workbook

from heldout30_common import body, header, line, merge, save_indicators, title_row, widths, write_csv, \
    write_indicator_gold


def make_306() -> None:
    """2023年全国城镇老旧小区改造进展情况 (截至2023年6月末), the 住建部 table as a mirror stores it in traditional
    characters: 32 省份 by 新开工小区数, 開工率 as text (`全部開工`, `99%`), 合計 last."""
    stem = "306_laojiu_2023_06_shengfen"
    url = "http://www.bari-btp.com/20/4062.html"
    rows = [
        ("貴州", 1071, "全部開工"), ("河北", 1816, "全部開工"), ("湖北", 4284, "99%"), ("江蘇", 1498, "99%"),
        ("江西", 1232, "99%"), ("湖南", 4258, "98%"), ("山東", 3818, "97%"), ("重慶", 1988, "96%"),
        ("浙江", 358, "95%"), ("遼寧", 1366, "95%"), ("內蒙古", 1532, "95%"), ("新疆", 1086, "94%"),
        ("寧夏", 175, "93%"), ("安徽", 1129, "90%"), ("福建", 2228, "86%"), ("北京", 237, "79%"),
        ("四川", 4049, "76%"), ("河南", 2522, "75%"), ("上海", 143, "71%"), ("陜西", 1419, "70%"),
        ("黑龍江", 1048, "68%"), ("云南", 1269, "65%"), ("甘肅", 707, "57%"), ("廣東", 815, "51%"),
        ("山西", 920, "50%"), ("青海", 161, "49%"), ("兵團", 45, "48%"), ("天津", 128, "47%"),
        ("吉林", 383, "46%"), ("廣西", 802, "44%"), ("海南", 124, "30%"), ("西藏", 10, "29%"),
    ]
    assert sum(count for _, count, _ in rows) == 42621  # the page's 合計
    wb = Workbook()
    ws = wb.active
    ws.title = "6月末"
    title_row(ws, 1, "2023年全國城鎮老舊小區改造進展情況", 4)
    line(ws, 2, "(截至2023年6月末)", 4, align="center")
    header(ws, 3, ["序號", "省份", "新開工小區數(個)", "開工率"])
    r = 4
    for i, (name, count, rate) in enumerate(rows, start=1):
        body(ws, r, [i, name, count, rate])
        r += 1
    body(ws, r, ["合計", None, 42621, "80.4%"])
    merge(ws, r, 1, r, 2)
    widths(ws, [8, 12, 18, 12])
    save_indicators(wb, stem, url, "2023-06", [("新开工小区数", "个")],
                    [(name, "新开工小区数", float(count)) for name, count, _ in rows])


def make_307() -> None:
    """2011年上半年各省市保障性住房建设进展情况 (a news site's plain-text table, kept as CSV): 全国 first, 计划开工 and
    已开工 in 万套, 开工率 as text, `暂未公布` where a province had not published, 备注 lines under it."""
    stem = "307_baozhangfang_2011_h1_shengshi"
    url = "http://chinaccm.com/24/20110713/Sub/150780_106701.txt"
    rows = [
        ("北京", "20", "9.6", "48%"), ("天津", "23", "13.01", "56.60%"), ("辽宁", "34.88", "31.78", "91.10%"),
        ("上海", "22", "8.58", "39%"), ("江苏", "45", "18", "40%"), ("浙江", "18.5", "9.25", "50%"),
        ("福建", "18.81", "8.27", "43.96%"), ("广东", "31", "12.4", "40%"), ("河北", "38", "24.4", "69.70%"),
        ("山西", "31.39", "26.57", "88.50%"), ("吉林", "48.11", "30.11", "62.60%"), ("安徽", "38.13", "29.7", "77.90%"),
        ("河南", "42.09", "6.72", "16%"), ("湖北", "32.86", "22.4", "65.50%"), ("湖南", "44.72", "22.21", "49.67%"),
        ("海南", "9.46", "5.38", "58%"), ("内蒙古", "44.64", "27.39", "61.50%"), ("重庆", "49.45", "20.68", "41.82%"),
        ("广西", "29", "11.9", "41%"), ("四川", "35.78", "25.04", "70%"), ("贵州", "19.11", "5.98", "31%"),
        ("甘肃", "15.32", "10.46", "67.98%"), ("青海", "18.82", "8.98", "50.90%"), ("宁夏", "9.1", "6.52", "71.70%"),
        ("兵团", "18", "5.37", "29.83%"), ("新疆", "23", "20.7", "90%"), ("陕西", "47.43", "47.9", "101.10%"),
        ("山东", "32.82", "15.3", "66.2%"), ("黑龙江", "83", "39.43", "14%"),
        ("江西", "33.1", "暂未公布", ""), ("云南", "40", "暂未公布", ""), ("西藏", "0.89", "暂未公布", ""),
    ]
    lines = [
        ["2011年上半年各省市保障性住房建设进展情况"],
        ["省份", "计划开工(万套)", "已开工(万套)", "开工率"],
        ["全国", "1000", "566", "56.60%"],
        *[list(row) for row in rows],
        ["备注: 1、以上数据根据住建部及各地住建厅发布整理。"],
        ["2、本表中河南、兵团开工率数据统计截止时间为4月底,贵州、重庆、北京、上海开工率数据统计截止时间为5月底,"
         "其他省市开工率数据统计截止时间为6月底。"],
        ["3、截止7月13日,云南、西藏、江西等暂未公布保障房开工情况。"],
    ]
    write_csv(stem, lines, "gb18030")
    figures = []
    for name, planned, started, _rate in rows:
        figures.append((name, "计划开工", float(planned)))
        if started != "暂未公布":
            figures.append((name, "已开工", float(started)))
    write_indicator_gold(stem, ".csv", url, "2011-06", [("计划开工", "万套"), ("已开工", "万套")], figures)


def make_308() -> None:
    """攀枝花 2006年1-10月招商引资情况, laid out from the page's sentences as the 投资促进局's table: 合计 first, the
    three sources of the money, a 分产业 section row and its three trades; 履约项目 in 个, 到位资金 in 万元 (registered
    in 亿元), two rate columns; the 亿元以上 projects in a 注 line."""
    stem = "308_panzhihua_2006_10_zhaoshang"
    url = "http://tz.panzhihua.gov.cn/tzfw/zwgk/tzsj/512937.shtml"
    sources = [("国内省外", 113, 412678, 165.07, 41.06), ("市外省内", 79, 176031, 70.41, 17.51),
               ("市内县际间", 230, 416427, 138.81, 41.43)]
    trades = [("农业", 21, 32824, 82.06, 3.27), ("工业", 227, 657465, 131.49, 65.41),
              ("第三产业", 174, 314847, 121.10, 31.32)]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-10月"
    title_row(ws, 1, "我市2006年1-10月招商引资情况", 5)
    header(ws, 2, ["类别", "履约项目(个)", "到位资金(万元)", "完成目标任务(%)", "占总到位资金(%)"])
    body(ws, 3, ["合计", 422, 1005136, 125.64, None])
    r = 4
    for row in sources:
        body(ws, r, list(row))
        r += 1
    body(ws, r, ["分产业", None, None, None, None])
    merge(ws, r, 1, r, 5)
    r += 1
    for row in trades:
        body(ws, r, list(row))
        r += 1
    line(ws, r, "注:投资总额在一亿元以上的履约项目80个,到位金额626207万元,占总到位资金的62.3%。", 5)
    widths(ws, [14, 14, 16, 16, 16])
    figures = []
    for name, projects, money, _done, _share in sources + trades:
        figures.append((name, "履约项目", float(projects)))
        figures.append((name, "到位资金", round(money / 10000, 4)))
    save_indicators(wb, stem, url, "2006-10", [("履约项目", "个"), ("到位资金", "亿元")], figures)


def make_309() -> None:
    """A 州's 开发区 2018年1-10月 招商引资到位资金 (the 开发区招商局's news item) laid out as its table: 州外 first with its
    parts under `其中:` (省外, 产业项目), the 州政府下达任务数 beside what came in, rates as text."""
    stem = "309_kaifaqu_2018_10_daowei"
    url = "http://cxztzcjw.cn/info/1003/1169.htm"
    wb = Workbook()
    ws = wb.active
    ws.title = "2018年1-10月"
    title_row(ws, 1, "开发区2018年1-10月招商引资到位资金完成情况", 5)
    line(ws, 2, "单位:亿元、%", 5, align="right")
    header(ws, 3, ["类别", "州政府下达任务数", "1-10月到位资金", "完成任务数", "同比增长"])
    body(ws, 4, ["州外", 132.63, 120.44, "90.8%", "29%"])
    body(ws, 5, ["其中:省外", 65.85, 60.4, "91.7%", "36.7%"])
    body(ws, 6, ["      产业项目", 69.75, 87.88, "126%", "78.2%"])
    line(ws, 7, "开发区招商局", 5, align="right")
    widths(ws, [16, 18, 16, 12, 12])
    save_indicators(wb, stem, url, "2018-10", [("州政府下达任务数", "万元"), ("到位资金", "亿元")], [
        ("省外", "州政府下达任务数", 658500.0), ("省外", "到位资金", 60.4),
        ("产业项目", "州政府下达任务数", 697500.0), ("产业项目", "到位资金", 87.88),
    ])


def make_310() -> None:
    """A 重庆 county's 2018 上半年 重点项目 (the page says 我县; its projects, 红池坝 and 巫镇高速, are 巫溪's), laid out
    from the 重点项目办's figures as the table it reports: 全县 first, 续建 and 新建 by count, the money for the whole only."""
    stem = "310_wuxi_2018_06_xiangmu"
    url = "https://cqcb.com/dyh/government/dyh1442/2018-07-20/974195.html"
    wb = Workbook()
    ws = wb.active
    ws.title = "上半年"
    title_row(ws, 1, "2018年半年重点项目推进情况", 3)
    line(ws, 2, "截止6月底", 3, align="right")
    header(ws, 3, ["类别", "项目个数(个)", "累计完成实物量投资(亿元)"])
    body(ws, 4, ["全县重点项目", 51, 11.01])
    body(ws, 5, ["续建项目", 31, None])
    body(ws, 6, ["新建项目", 20, None])
    widths(ws, [16, 14, 24])
    save_indicators(wb, stem, url, "2018-06", [("项目个数", "个"), ("累计完成实物量投资", "万元")],
                    [("续建项目", "项目个数", 31.0), ("新建项目", "项目个数", 20.0)])


def make_311() -> None:
    """新密 a 局's 2020年人大建议、政协提案办理工作完成情况说明, laid out as the count it reports to the 市政府办: the two
    kinds of 建议/提案 by 承办, 主办 and 协办 件数, 办理情况 as text, the date under it."""
    stem = "311_xinmi_2020_jianyi_tian"
    url = "https://public.xinmi.gov.cn/D49Y/4606450.jhtml"
    wb = Workbook()
    ws = wb.active
    ws.title = "2020"
    title_row(ws, 1, "2020年人大建议、政协提案办理工作完成情况", 5)
    line(ws, 2, "单位:件", 5, align="right")
    header(ws, 3, ["类别", "承办件数", "主办件数", "协办件数", "办理情况"])
    body(ws, 4, ["市五届人大五次会议议案建议", 17, 12, 5, "全部办理完毕"])
    body(ws, 5, ["市政协五届四次会议提案", 13, 10, 3, "全部办理完毕"])
    line(ws, 6, "2020年11月5日", 5, align="right")
    widths(ws, [28, 10, 10, 10, 14])
    kinds = [("市五届人大五次会议议案建议", 17, 12, 5), ("市政协五届四次会议提案", 13, 10, 3)]
    figures = []
    for name, total, lead, help_ in kinds:
        figures += [(name, "承办件数", float(total)), (name, "主办件数", float(lead)), (name, "协办件数", float(help_))]
    save_indicators(wb, stem, url, "2020-11", [("承办件数", "件"), ("主办件数", "件"), ("协办件数", "件")], figures)
