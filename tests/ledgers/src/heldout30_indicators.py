"""Held-out indicator tables 120–125 (stop 30): figures transcribed by hand from real public tables.

Gold figures are every entity's value of each registered indicator, converted to the registered
计量单位 (tests/ledgers/GOLD-README.md, stop-30 section); totals, ranks and derived columns are not
figures.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Font

from heldout30_common import (
    CENTER,
    body,
    header,
    line,
    merge,
    save_indicators,
    title_row,
    widths,
)


def make_120() -> None:
    """小额贷款公司分地区情况统计表 2016-12-31 (人民银行): captions over a units row, a 全国 row, a note."""
    stem = "120_xiaodai_diqu_2016_12"
    url = "https://cd-cma.com/doc/0db1caba-b551-448a-af09-c65e243cfb39?dirId=71abcaf0-ea72-4966-b30e-4fa7cc1a411e"
    total = ("全国", 8673, 108881, 8233.9, 9272.8)
    rows = [
        ("北京市", 87, 1131, 123.5, 142.0), ("天津市", 110, 1455, 130.7, 131.7),
        ("河北省", 450, 6134, 255.4, 254.7), ("山西省", 311, 3624, 194.6, 183.3),
        ("内蒙古自治区", 400, 3777, 282.4, 287.8), ("辽宁省", 559, 5196, 366.4, 317.0),
        ("吉林省", 440, 4032, 107.2, 75.3), ("黑龙江省", 266, 2308, 137.7, 116.7),
        ("上海市", 119, 1562, 187.0, 196.1), ("江苏省", 629, 5941, 832.1, 958.7),
        ("浙江省", 332, 3697, 620.2, 700.4), ("安徽省", 445, 5183, 372.1, 443.4),
        ("福建省", 118, 1591, 262.8, 295.2), ("江西省", 209, 2756, 213.2, 234.2),
        ("山东省", 335, 4317, 441.2, 481.3), ("河南省", 296, 4237, 216.5, 226.3),
        ("湖北省", 283, 4049, 313.7, 311.7), ("湖南省", 128, 1903, 101.0, 104.1),
        ("广东省", 440, 9070, 604.4, 676.2), ("广西壮族自治区", 309, 4256, 250.0, 501.4),
        ("海南省", 55, 729, 52.6, 60.0), ("重庆市", 259, 6095, 623.5, 991.4),
        ("四川省", 341, 6800, 578.9, 645.7), ("贵州省", 283, 2884, 88.8, 83.2),
        ("云南省", 338, 3758, 163.0, 161.7), ("西藏自治区", 16, 143, 13.3, 9.0),
        ("陕西省", 273, 3065, 253.4, 246.7), ("甘肃省", 334, 3600, 146.4, 120.7),
        ("青海省", 77, 881, 48.2, 45.0), ("宁夏回族自治区", 147, 1903, 71.0, 63.8),
        ("新疆维吾尔自治区", 284, 2804, 182.7, 208.3),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "分地区"
    title_row(ws, 1, "小额贷款公司分地区情况统计表", 5)
    ws.cell(row=2, column=5, value=dt.date(2016, 12, 31)).number_format = "yyyy-mm-dd"
    header(ws, 3, ["地区名称", "机构数量", "从业人员数", "实收资本", "贷款余额"])
    header(ws, 4, [None, "（家）", "（人）", "（亿元）", "（亿元）"], bold=False)
    merge(ws, 3, 1, 4, 1)
    r = 5
    for values in [total, *rows]:
        body(ws, r, list(values))
        for col in (4, 5):
            ws.cell(row=r, column=col).number_format = "0.0"
        r += 1
    line(ws, r, "注：由于批准设立与正式营业并具备报数条件之间存在时滞，统计口径小额贷款公司数量与各地公布的小额贷款公司"
         "批准设立数量有差别。", 5)
    ws.row_dimensions[r].height = 32
    widths(ws, [20, 11, 12, 11, 11])
    indicators = [("机构数量", "家"), ("从业人员数", "人"), ("实收资本", "亿元"), ("贷款余额", "亿元")]
    figures = []
    for name, count, staff, capital, loans in rows:
        figures += [(name, "机构数量", float(count)), (name, "从业人员数", float(staff)),
                    (name, "实收资本", capital), (name, "贷款余额", loans)]
    save_indicators(wb, stem, url, "2016-12", indicators, figures)


def make_121() -> None:
    """小额贷款公司 2018年3月末 by region, ranked: a 排名 column, money without a unit in its caption."""
    stem = "121_xiaodai_paiming_2018_03"
    url = "https://free.chinabaogao.com/gonggongfuwu/201811/11213R1252018.html"
    total = ("-", "全国", 8471, 101197, 8381.57, 9629.67)
    rows = [
        ("江苏", 632, 5827, 802.03, 916.86), ("辽宁", 528, 4947, 356.24, 303.98),
        ("吉林", 520, 4748, 143.66, 110.75), ("广东", 463, 9512, 676.79, 814.87),
        ("安徽", 438, 4856, 362.3, 438.38), ("河北", 436, 5759, 247.84, 245.68),
        ("内蒙", 361, 3210, 257.14, 259.41), ("甘肃", 330, 3560, 164.24, 129.17),
        ("山东", 327, 4209, 441.27, 489.15), ("浙江", 327, 3322, 581.56, 668.54),
        ("四川", 316, 5603, 519.05, 579.48), ("广西", 305, 3826, 268.93, 476.94),
        ("山西", 291, 3161, 184.15, 169.26), ("贵州", 282, 2639, 89.02, 80.83),
        ("新疆", 281, 2598, 179.31, 202.73), ("湖北", 279, 3538, 304.68, 307.18),
        ("陕西", 269, 2857, 244.81, 240.23), ("重庆", 265, 4846, 839.78, 1394.61),
        ("云南", 264, 2847, 125.7, 123.75), ("河南", 261, 3501, 209.98, 233.62),
        ("黑龙江", 253, 1976, 132.47, 110.91), ("江西", 202, 2508, 236.83, 242.99),
        ("湖南", 126, 1874, 103.2, 103.68), ("上海", 126, 1697, 208.5, 219.54),
        ("宁夏", 125, 1642, 58.08, 52.98), ("福建", 118, 1415, 258.79, 299.09),
        ("北京", 99, 1403, 136.07, 143.09),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    title_row(ws, 1, "截至2018年3月末全国小额贷款公司分地区情况", 6, size=14)
    line(ws, 2, "金额单位：亿元", 6, align="right")
    header(ws, 3, ["排名", "地区", "机构数量（家）", "从业人员数（人）", "实收资本", "贷款余额"])
    body(ws, 4, list(total))
    for k, values in enumerate(rows, start=1):
        body(ws, 4 + k, [k, *values])
    widths(ws, [6, 10, 14, 16, 12, 12])
    # The office registers 贷款余额 in 万元: every 亿元 figure is multiplied by 10000.
    indicators = [("机构数量", "家"), ("贷款余额", "万元")]
    figures = []
    for name, count, _staff, _capital, loans in rows:
        figures += [(name, "机构数量", float(count)), (name, "贷款余额", round(loans * 10000, 2))]
    save_indicators(wb, stem, url, "2018-03", indicators, figures)


def make_123() -> None:
    """2023年1-7月 provinces' 原保险保费收入: 累计 and 当月 column pairs under merged captions, 同比 beside."""
    stem = "123_baofei_sheng_2023_07"
    url = "https://xtrasounds.com/tag/baoxian/10.html"
    rows = [
        ("湖北省", 1520, 13.35, 133, 12.79),
        ("河南省", 1706, 3.21, 173, 11.39),
        ("山东省（不含青岛市）", 2153, 10.18, 216, 13.07),
        ("江西省", 718, 6.53, 60, 10.74),
        ("福建省（不含厦门市）", 834, 12.4, 81, 15.76),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "7月"
    title_row(ws, 1, "2023年1-7月部分省份原保险保费收入情况表", 5, size=14)
    line(ws, 2, "单位：亿元、%", 5, align="right")
    header(ws, 3, ["地区", "1-7月累计", None, "7月当月", None])
    header(ws, 4, [None, "原保险保费收入", "同比增长", "原保险保费收入", "同比增长"])
    merge(ws, 3, 1, 4, 1)
    merge(ws, 3, 2, 3, 3)
    merge(ws, 3, 4, 3, 5)
    for k, values in enumerate(rows, start=5):
        body(ws, k, list(values))
    line(ws, 11, "注：原保险保费收入为本年累计数；大连、宁波、厦门、青岛、深圳5个市级单位的原保险保费收入均已累计统计进其对应省市。", 5)
    ws.row_dimensions[11].height = 32
    widths(ws, [24, 16, 10, 16, 10])
    figures = [(name, "原保险保费收入", float(ytd)) for name, ytd, *_rest in rows]
    save_indicators(wb, stem, url, "2023-07", [("原保险保费收入", "亿元")], figures)


def make_125() -> None:
    """眉山市 2019年十大民生工程项目完成情况表 (就业): four caption rows, a units-of-charge row, 目标|进度|比例."""
    stem = "125_meishan_jiuye_2019"
    url = "https://www.ms.gov.cn/info/5565/1083570.htm"
    groups = ["城镇新增就业(人)", "城镇失业人员再就业(人)", "就业困难人员就业(人)", "城镇登记失业率低于(%)",
              "下岗失业人员再就业(人)"]
    names = ["城镇新增就业", "城镇失业人员再就业", "就业困难人员就业", "城镇登记失业率", "下岗失业人员再就业"]
    units = ["人", "人", "人", "%", "人"]
    # (目标任务, 进度, 完成比例) per indicator, None where the page leaves the cell empty
    rows = [
        ("全市", [(27800, 52242, 187.9), (4400, 5358, 121.8), (2000, 2464, 123.2), (4.3, 3.57, None), (400, 1089, 272.3)]),
        ("市本级", [None, None, None, None, (60, 577, 961.7)]),
        ("眉山天府新区", [None, None, None, None, None]),
        ("东坡区", [(8000, 22921, 286.5), (1200, 1444, 120.3), (500, 616, 123.2), (4.3, 3.48, None), (80, 160, 200)]),
        ("彭山区", [(3800, 6138, 161.5), (660, 709, 107.4), (300, 346, 115.3), (4.3, 3.54, None), (80, 121, 151.3)]),
        ("仁寿县", [(8600, 12244, 142.4), (1200, 1442, 120.2), (500, 607, 121.4), (4.3, 3.67, None), (60, 70, 116.7)]),
        ("洪雅县", [(3600, 3889, 108), (620, 807, 130.2), (300, 369, 123), (4.3, 3.8, None), (60, 100, 166.7)]),
        ("丹棱县", [(1900, 3029, 159.4), (360, 516, 143.3), (200, 293, 146.5), (4.3, 3.7, None), (30, 31, 103.3)]),
        ("青神县", [(1900, 4021, 211.6), (360, 440, 122.2), (200, 233, 116.5), (4.3, 3.5, None), (30, 30, 100)]),
    ]
    ncols = 1 + 3 * len(groups)
    wb = Workbook()
    ws = wb.active
    ws.title = "就业促进工程"
    title_row(ws, 1, "2019年十大民生工程项目完成情况表", ncols)
    ws.cell(row=2, column=1, value="地区")
    ws.cell(row=2, column=2, value="就业促进工程")
    ws.cell(row=3, column=2, value="促进城乡劳动者就业创业")
    for g, caption in enumerate(groups):
        ws.cell(row=4, column=2 + 3 * g, value=caption)
        for k, sub in enumerate(["目标任务", "进度", "完成比例(%)"]):
            ws.cell(row=6, column=2 + 3 * g + k, value=sub)
    ws.cell(row=5, column=2, value="市人力资源社会保障局")
    ws.cell(row=5, column=2 + 3 * 4, value="市总工会")
    for r in range(2, 7):
        for c in range(1, ncols + 1):
            ws.cell(row=r, column=c).alignment = CENTER
            ws.cell(row=r, column=c).font = Font(name="黑体", bold=True)
    merge(ws, 2, 1, 6, 1)
    merge(ws, 2, 2, 2, ncols)
    merge(ws, 3, 2, 3, ncols)
    for g in range(len(groups)):
        merge(ws, 4, 2 + 3 * g, 4, 4 + 3 * g)
    merge(ws, 5, 2, 5, 1 + 3 * 4)
    merge(ws, 5, 2 + 3 * 4, 5, ncols)
    for k, (entity, cells) in enumerate(rows, start=7):
        values = [entity]
        for triple in cells:
            values += list(triple) if triple else [None, None, None]
        body(ws, k, values)
    widths(ws, [14] + [9] * (ncols - 1))
    figures = []
    for entity, cells in rows:
        if entity == "全市":
            continue
        for name, triple in zip(names, cells):
            if triple is not None:
                figures.append((entity, name, float(triple[1])))
    save_indicators(wb, stem, url, "2019-12", list(zip(names, units)), figures)


def make_126() -> None:
    """2024年3月末各省市本外币存款余额: 万亿元 registered in 亿元, a 全国 row, 同比 beside, names as the page writes them."""
    stem = "126_cunkuan_sheng_2024_03"
    url = "https://wanbiaoku.com/new/991d3c7b468a4a218be615b3a9240ba2"
    total = ("", "全国31省市区", 290.81, 7.9)
    rows = [("1", "广东省", 36.38, 6.7), ("2", "江苏省", 26.42, 9.9), ("3", "北京市", 24.89, 11.2),
            ("4", "浙江", 23.19, None), ("5", "上海", 20.89, None)]
    wb = Workbook()
    ws = wb.active
    ws.title = "3月末"
    title_row(ws, 1, "2024年3月末各省市金融机构本外币存款余额", 4, size=14)
    line(ws, 2, "单位：万亿元、%", 4, align="right")
    header(ws, 3, ["排名", "地区", "金融机构本外币存款余额", "同比增长"])
    for k, values in enumerate([total, *rows], start=4):
        body(ws, k, list(values))
    widths(ws, [6, 16, 24, 10])
    figures = [(name, "本外币存款余额", float(round(value * 10000, 2))) for _n, name, value, _g in rows]
    save_indicators(wb, stem, url, "2024-03", [("本外币存款余额", "亿元")], figures)


def make_127() -> None:
    """2022年8月末各省市人民币存贷款: 万亿元 registered in 亿元, empty cells where the page gives no figure."""
    stem = "127_cundaikuan_sheng_2022_08"
    url = "https://www.kuaish.com/car/at_15571.html"
    # (地区, 人民币存款余额, 存款同比增长, 人民币贷款余额); None where the page gives no exact figure
    rows = [
        ("广东省", None, 10.7, 23.3),
        ("北京", 21.1, None, None),
        ("江苏省", 21, None, 19.73),
        ("浙江省", 18.5, None, 18.3),
        ("上海", 17.9, 15.6, None),
        ("山东省", 14.12, None, 11.81),
        ("四川省", 10.8, None, None),
        ("内蒙古", None, 16.2, None),
        ("山西", None, 16.1, None),
        ("福建省", None, 15.6, None),
        ("青海", None, 3.9, None),
        ("西藏", None, -4.4, None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "8月末"
    title_row(ws, 1, "2022年8月末各省市人民币存贷款余额", 4, size=14)
    line(ws, 2, "单位：万亿元、%", 4, align="right")
    header(ws, 3, ["地区", "人民币存款余额", "存款余额同比增长", "人民币贷款余额"])
    body(ws, 4, ["全国", 252.38, 11.3, 208.28])
    for k, values in enumerate(rows, start=5):
        body(ws, k, list(values))
    line(ws, 5 + len(rows), "注：广东省人民币存款余额超过30万亿元。", 4)
    widths(ws, [12, 16, 18, 16])
    figures = []
    for name, deposits, _growth, loans in rows:
        if deposits is not None:
            figures.append((name, "人民币存款余额", float(round(deposits * 10000, 2))))
        if loans is not None:
            figures.append((name, "人民币贷款余额", float(round(loans * 10000, 2))))
    save_indicators(wb, stem, url, "2022-08",
                         [("人民币存款余额", "亿元"), ("人民币贷款余额", "亿元")], figures)
