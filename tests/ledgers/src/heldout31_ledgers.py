"""Held-out ledgers 130–139 (stop 31): rows transcribed by hand from real public documents.

Each ``make_NNN`` writes ``tests/ledgers/NNN_name.(xlsx|csv)`` laid out as an office's Excel would
hold the document's rows, and its gold typed by hand (tests/ledgers/GOLD-README.md, sections
"Held-out part, stop 30" and "Held-out part, stop 31", for the conventions). The layout helpers are
the stop-30 ones (heldout30_common.py); nothing here reads a ledger back.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Font

from heldout30_common import (
    CENTER,
    Row,
    body,
    header,
    line,
    merge,
    save_ledger,
    title_row,
    widths,
    write_csv,
    write_ledger_gold,
)


def make_130() -> None:
    """南昌新建区 2024年度区政府民生实事人大票决项目进度表: a 序号 tree merged down, a two-row header."""
    stem = "130_xinjian_minsheng_piaojue_2024"
    url = "http://www.pc28forum.com/xjqrmzf/msss/202412/80436a1e5df84a3ea912087b118f9118.shtml"
    title = "2024年度区政府民生实事人大票决项目进度表"
    done = "已完工"
    # (序号, 牵头单位, 区民生实事项目数量, [(project number, project, [(sub number, sub, 业主单位)] or 业主单位)])
    sections = [
        ("一", "区住建局", "区政府民生实事项目（1个）", [
            ("（一）", "“打通断头路 畅通微循环”攻坚专项行动（6条路）", [
                ("1.", "文化中心北路", "区城投"),
                ("2.", "乐业路", "区城管局"),
                ("3.", "新坊路西接兴国路工程", "长堎街道"),
            ]),
        ]),
        ("二", "区城管局", "区政府民生实事项目（3个）", [
            ("（一）", "城区居民户内燃气安全装置、非居瓶改管、气改电项目", "区城管局"),
            ("（二）", "“城镇老旧小区改造”建设项目（老前进花园小区改造项目）", "区城管局"),
            ("（三）", "井盖整治项目", "区城管局 区水投"),
        ]),
        ("三", "区教体局", "区政府民生实事项目（2个）", [
            ("（一）", "公共场所全民健身 器材更换项目", "区教体局"),
            ("（二）", "中小学幼儿园网点建设补短板项目", [
                ("1.", "市政公用城学校", "南昌市政大道房地产有限公司（开发商配建学校项目）"),
                ("2.", "新建四小教学 综合楼", "区教体局（区国资公司代建）"),
                ("3.", "省庄花园小区 配套幼儿园", "区城投公司"),
            ]),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "12月进度"
    ncols = 8
    title_row(ws, 1, title, ncols)
    line(ws, 2, "填报单位（盖章）：", 4)
    line(ws, 2, "填报时间：", 4, start=5, align="left")
    header(ws, 3, ["序号", "牵头单位", "区民生实事项目数量", "项目名称", None, "业主单位", "本月进展情况", None])
    header(ws, 4, [None, None, None, None, None, None, "前期手续", "在建形象进度"])
    for c1, c2 in ((1, 1), (2, 2), (3, 3), (6, 6)):
        merge(ws, 3, c1, 4, c2)
    merge(ws, 3, 4, 4, 5)
    merge(ws, 3, 7, 3, 8)
    gold: list[Row] = []
    r = 5
    for number, lead, count, projects in sections:
        first = r
        gold.append(Row(number, count, group=True))
        for p_number, project, owner in projects:
            if isinstance(owner, str):
                body(ws, r, [number, lead, count, p_number + project, None, owner, done, None])
                merge(ws, r, 4, r, 5)
                merge(ws, r, 7, r, 8)
                gold.append(Row(p_number, project, lead=[lead], progress=done))
                r += 1
                continue
            p_first = r
            gold.append(Row(p_number, project, group=True))
            for s_number, sub, sub_owner in owner:
                body(ws, r, [number, lead, count, p_number + project, s_number + sub, sub_owner, done, None])
                merge(ws, r, 7, r, 8)
                gold.append(Row(s_number.rstrip("."), sub, lead=[lead], progress=done))
                r += 1
            merge(ws, p_first, 4, r - 1, 4)
        for col in (1, 2, 3):
            merge(ws, first, col, r - 1, col)
    for row in ws.iter_rows(min_row=5, max_row=r - 1, min_col=1, max_col=3):
        for cell in row:
            cell.alignment = CENTER
    widths(ws, [6, 11, 16, 34, 22, 26, 10, 12])
    ws.freeze_panes = "A5"
    save_ledger(wb, stem, url, title, gold)


def make_131() -> None:
    """黔东南州 2023年度十件民生实事1-3月推进情况, in the page's traditional characters: two sections."""
    stem = "131_qiandongnan_minsheng_2023_03"
    url = "http://www.dg-xinl.com/html/2023/qdnnews_0508/206668.shtml"
    title = "黔東南州2023年度十件民生實事1-3月推進情況"
    sections = [
        ("（一）", "已完成任務共2項", [
            ("1", "城鎮公益性崗位安置就業困難人員6100人。", "州人力資源社會保障局",
             "目前累計完成城鎮公益性崗位安置就業困難人員6415人，完成年度任務的105.16%。"),
            ("2", "新開工棚戶區改造1666套。", "州住房城鄉建設局",
             "已完成新開工棚戶區改造1666套，完成年度任務的100%。後續將積極推進各棚戶區改造項目建設進度，確保年底全面完成。"),
        ]),
        ("（二）", "已開工建設任務共15項", [
            ("1", "實現30戶以上自然村寨垃圾收運設施覆蓋率達95%以上。", "州住房城鄉建設局",
             "該指標為動態指標（如果垃圾收運車輛超過一定天數未去自然村寨收運垃圾，則該自然村寨不納入覆蓋率計算），"
             "截取3月30日當日數據，已完成9546個自然村寨覆蓋，覆蓋率達97.5%。"),
            ("2", "新開工老舊小區改造221個3萬戶。", "州住房城鄉建設局",
             "目前已完成新開工老舊小區改造16466戶，完成年度任務的54.89%。"),
            ("3", "完成5550畝歷史遺留礦山生態修復。", "州自然資源局",
             "目前累計完成2362畝歷史遺留礦山生態修復，完成年度任務的42.56%。"),
            ("4", "新進改造城鎮供排水管網265公里。", "州水務局",
             "目前已完成新進改造城鎮供排水管網111.68公里，完成年度任務的42.14%。"),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-3月"
    ncols = 4
    title_row(ws, 1, title, ncols, size=14)
    header(ws, 2, ["序號", "民生實事", "推進情況", "責任單位"])
    gold: list[Row] = []
    r = 3
    for number, heading, items in sections:
        body(ws, r, [number + heading, None, None, None])
        merge(ws, r, 1, r, ncols)
        ws.cell(row=r, column=1).font = Font(bold=True)
        gold.append(Row(number, heading, group=True))
        r += 1
        for n, task, unit, progress in items:
            body(ws, r, [f"{n}.", task, progress, unit])
            gold.append(Row(n, task, lead=[unit], progress=progress))
            r += 1
    widths(ws, [7, 34, 60, 20])
    save_ledger(wb, stem, url, title, gold)


def make_132() -> None:
    """湘潭市 2019年1-10月省、市重点民生实事 进展偏慢的项目: a status column only, two sections."""
    stem = "132_xiangtan_minsheng_pianman_2019"
    url = "http://www.hunan.gov.cn/hnszf/hnyw/szdt/201910/t20191025_10490632.html"
    title = "2019年1-10月省、市重点民生实事项目进展偏慢项目"
    sections = [
        ("一、", "省实事11件15项", "进度偏慢", [
            "改（新）建农村户用厕所", "4座台站开展省级节目数字化覆盖", "新增直播卫星用户",
        ]),
        ("二、", "市实事10件17项", "进展偏慢", [
            "新建农村公办幼儿园", "改（新）建农村户用厕所", "城区老旧小区改造", "农村敬老院防雷工程改造",
            "农村中小学防雷工程改造",
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "进展偏慢"
    ncols = 3
    title_row(ws, 1, title, ncols, size=14)
    line(ws, 2, "截至10月20日", ncols, align="right")
    header(ws, 3, ["序号", "项目", "进展状态"])
    gold: list[Row] = []
    r = 4
    for number, heading, state, items in sections:
        body(ws, r, [number, heading, None])
        merge(ws, r, 2, r, ncols)
        ws.cell(row=r, column=2).font = Font(bold=True)
        gold.append(Row(number.rstrip("、"), heading, group=True))
        r += 1
        for k, item in enumerate(items, start=1):
            body(ws, r, [k, item, state])
            gold.append(Row(str(k), item, status="in_progress"))
            r += 1
    widths(ws, [8, 36, 12])
    save_ledger(wb, stem, url, title, gold)


def make_133() -> None:
    """铁东区 中央生态环境保护督察“回头看”反馈问题整改任务（序号十）整改情况公示: a one-row 整改台账."""
    stem = "133_tiedong_zhenggai_2019"
    url = "http://tdq.siping.gov.cn/zw/tzgg/201912/t20191213_341203.html"
    title = "铁东区中央生态环境保护督察“回头看”反馈问题整改任务（序号十）整改情况"
    task = "在一些具体整改任务中，一些地方仍然存在不作为、慢作为，甚至敷衍应对等突出问题。"
    goal = "压实责任落实，健全机制体制。"
    progress = ("1、区委区政府及各乡镇针对环保整改问题不定期召开任务推进会议，压实责任。\n"
                "2、每月调度预警，强化督查督办，及时召开任务推进会议解决问题难题。\n"
                "3、对于弄虚作假，虚假整改的，由纪委给予通报批评，更严重者追究法律责任。")
    wb = Workbook()
    ws = wb.active
    ws.title = "公示表"
    ncols = 4
    title_row(ws, 1, title, ncols, size=14, height=40)
    header(ws, 2, ["序号", "整改任务", "整改目标", "整改完成情况"])
    body(ws, 3, ["十", task, goal, progress])
    ws.row_dimensions[3].height = 96
    line(ws, 5, "公示时间：2019年12月13日至2019年12月19日，共7天。公示期间如有异议，请联系铁东区河湖管理中心", ncols)
    line(ws, 6, "联系电话：0434-3515228", ncols)
    line(ws, 7, "四平市铁东区河湖管理中心", ncols, align="right")
    ws.cell(row=8, column=ncols, value=dt.date(2019, 12, 13)).number_format = "yyyy年m月d日"
    widths(ws, [6, 40, 22, 60])
    save_ledger(wb, stem, url, title, [Row("十", task, progress=progress)])


def make_134() -> None:
    """肃南县 (红湾寺镇) 2009 城镇化建设续建工程进展 (县城乡建设局汇报): CSV in GB18030, a section line."""
    stem = "134_sunan_chengzhenhua_2009"
    url = "https://chaoshi.m.zjtcn.com/classifydetails/1473175.html"
    title = "城镇化建设工作进展情况"
    items = [
        ("1", "城镇经济适用住宅楼三期工程", "正在进行室内粉刷和水、电、暖等设施安装。"),
        ("2", "大河乡牧民集中定居住宅楼二期工程", "正在进行室内粉刷和水、电、暖等设施安装。"),
        ("3", "红湾寺镇老年人公寓二期工程", "正在进行水、电、暖等设施安装。"),
        ("4", "红湾小学寄宿楼工程", "正在进行外墙刷灰。"),
        ("5", "隆畅河大桥工程", "正在进行桥墩护锥砌筑和护栏安装。"),
    ]
    lines = [
        [title, "", ""],
        ["填报单位：县城乡建设局", "", "二〇〇九年五月十二日"],
        ["序号", "工程名称", "进展情况"],
        ["（一）", "续建工程", ""],
    ]
    lines += [[f"{n}、", name, text] for n, name, text in items]
    lines.append(["说明：今年我县计划投资8500万元，重点抓好30项工程建设，其中续建工程5项，均已复工建设；"
                  "新建工程25项，现已开工建设9项，占计划任务的36%。", "", ""])
    write_csv(stem, lines, "gb18030")
    gold = [Row("（一）", "续建工程", group=True)]
    gold += [Row(n, name, progress=text) for n, name, text in items]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_135() -> None:
    """正宁县周家镇 项目建设进展: a 项目类别 column merged down over its projects (no 序号, no unit)."""
    stem = "135_zhengning_zhoujia_xiangmu"
    url = "https://zgqingyang.gov.cn/zw/xqdt/content_61630"
    title = "正宁县周家镇项目建设进展情况"
    groups = [
        ("新建项目", [
            ("年产50万吨建筑垃圾资源化再利用和聚辉建材石料加工项目", "正在进行设备安装"),
            ("西庄五保家园建设", "已完成主体建设"),
            ("燕家综合服务中心", "已完成放线，即将开工建设"),
            ("惠家塬四组广场、西庄村广场", "正在进行前期设计，年内完成建设"),
            ("南街翌景嘉园商住楼开发和民俗文化一条街项目", "正在进行棚改协议最后签订工作，完成后尽快组织开工建设"),
            ("车家沟村苗林结合点道路", "已经拓宽，栽植任务已经完成80%以上"),
            ("芦堡村康家湾780亩花椒树栽植基地", "栽植任务已全面完成"),
        ]),
        ("续建项目", [
            ("核桃峪养殖小区", "预计6月份建成投用"),
            ("周家街区公立幼儿园", "预计9月份开园"),
            ("基层政权（五小工程）建设", "已完成主体验收，预计11月底前建成投用"),
            ("卧牛湾养驴场", "毛驴存栏量已达到40多头"),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "项目进展"
    ncols = 3
    title_row(ws, 1, title, ncols, size=14)
    line(ws, 2, "填报单位（盖章）：周家镇", ncols)
    header(ws, 3, ["项目类别", "项目名称", "进展情况"])
    gold: list[Row] = []
    r = 4
    for kind, projects in groups:
        first = r
        for name, progress in projects:
            body(ws, r, [kind, name, progress])
            gold.append(Row(None, name, progress=progress))
            r += 1
        merge(ws, first, 1, r - 1, 1)
        ws.cell(row=first, column=1).alignment = CENTER
    line(ws, r, "注：续建项目均已复工建设。", ncols)
    widths(ws, [11, 44, 44])
    save_ledger(wb, stem, url, title, gold)


def make_136() -> None:
    """寿县 2020年1-9月份民生工程 实施进度较慢的项目: 序号 一…五, a status column, a second sheet of 乡镇."""
    stem = "136_shouxian_minsheng_2020_09"
    url = "https://www.shouxianinfo.com/News/show/33767.html"
    title = "2020年1-9月份民生工程实施进度较慢项目"
    items = [
        ("一", "乡镇污水处理设施建设（八公山乡污水处理站）"),
        ("二", "基层防汛预报预警体系建设"),
        ("三", "城镇老旧小区改造"),
        ("四", "免费婚检"),
        ("五", "出生缺陷防治"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "进度较慢项目"
    title_row(ws, 1, title, 3, size=14)
    line(ws, 2, "填报单位：县民生办", 3)
    header(ws, 3, ["序号", "民生工程项目", "状态"])
    for k, (number, item) in enumerate(items, start=4):
        body(ws, k, [number, item, "进度较慢"])
        ws.cell(row=k, column=1).alignment = CENTER
    widths(ws, [7, 44, 12])
    towns = wb.create_sheet("乡镇考评")
    header(towns, 1, ["9月份乡镇考评"])
    towns.cell(row=2, column=1, value="陶店乡、寿春镇、茶庵镇位居全县前三名，隐贤镇、瓦埠镇镇、小甸镇位居全县后三名。")
    towns.column_dimensions["A"].width = 70
    gold = [Row(number, item, status="in_progress") for number, item in items]
    save_ledger(wb, stem, url, title, gold)


def make_137() -> None:
    """沅陵县 2015年保障性安居房建设任务划分到单位及进展: 责任单位 first, the task cell a count of 套."""
    stem = "137_yuanling_anjufang_2015"
    url = "https://hn.rednet.cn/c/2015/04/17/4055441.htm"
    title = "2015年保障性安居房建设目标任务分解及进展情况"
    items = [
        ("1", "房产局", "100套", "已建成66套，另34套已开工建设"),
        ("2", "住建局", "200套", "完成了任务建房前期相关手续和三通一平工程"),
        ("3", "教育局", "985套（其中：改建408套，新建577套）", "预计5月启动项目建设"),
        ("4", "卫生局", "262套", "已建成5个卫生院，7个卫生院已开工修建，其余13个卫生院已完成前期准备工作，预计5月份动工"),
        ("5", "组织部", "乡镇公住房169套", "除麻溪铺镇完成建设外，其余乡镇已做完前期手续报批，预计5月份全部开始修建"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "安居房"
    ncols = 4
    title_row(ws, 1, title, ncols, size=14)
    line(ws, 2, "目标总任务数：1716套", ncols)
    header(ws, 3, ["序号", "责任单位", "建设任务", "进展情况"])
    for k, values in enumerate(items, start=4):
        body(ws, k, [int(values[0]), *values[1:]])
    line(ws, 4 + len(items), "注：乡镇公住房由组织部牵头。", ncols)
    widths(ws, [6, 11, 34, 60])
    gold = [Row(n, task, lead=[unit], progress=progress) for n, unit, task, progress in items]
    save_ledger(wb, stem, url, title, gold)


def make_138() -> None:
    """巴中市 2017年市自选“十件民生实事”1—9月 推进缓慢的项目: CSV in UTF-8 with BOM, a 状态 column."""
    stem = "138_bazhong_minsheng_2017_09"
    url = "https://sthjj.cnbz.gov.cn/ztzl/msgc/14460961.html"
    title = "巴中市2017年市自选“十件民生实事”1—9月进度公示"
    items = ["城区公办幼儿园建设", "乡镇污水处理站建设", "乡镇加油站建设"]
    lines = [
        [title, "", ""],
        ["填报单位：巴中市人民政府民生工作办公室", "", ""],
        ["序号", "推进缓慢的项目", "状态"],
    ]
    lines += [[str(k), item, "推进缓慢"] for k, item in enumerate(items, start=1)]
    lines.append(["注：截至9月底，已提前完成或超额完成年度目标任务的有3项，正常推进的有4项，推进缓慢的有3项。", "", ""])
    write_csv(stem, lines, "utf-8-sig")
    gold = [Row(str(k), item, status="in_progress") for k, item in enumerate(items, start=1)]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_139() -> None:
    """天门市 2019年市政府十件实事单项工作完成情况 (as 人大视察 reported it): a 完成状态 column, 13 items."""
    stem = "139_tianmen_shijianshishi_2019"
    url = "https://bm6606.com/hn6/201910/t211403.html"
    title = "市政府2019年十件实事单项工作完成情况"
    done = "已完成或超额完成"
    ahead = "超过倒排工期计划进度"
    items = [
        ("乡镇中心戒毒社区建设", done), ("农村公路建设", done), ("城区停车场建设", done), ("小游园建设", done),
        ("城区绿化", done), ("母婴室建设", done), ("城乡公厕无障碍设施改造", done), ("残疾人家居无障碍改造", done),
        ("残疾儿童康复治疗", done), ("养殖污染治理", ahead), ("污水管网建设", ahead), ("农村危房改造", ahead),
        ("文化下乡", ahead),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "单项工作"
    title_row(ws, 1, title, 3, size=14)
    line(ws, 2, "十件实事涉及27项单项工作，其余13项工作正在按照计划推进。", 3)
    header(ws, 3, ["序号", "单项工作", "完成状态"])
    for k, (item, state) in enumerate(items, start=1):
        body(ws, k + 3, [k, item, state])
    widths(ws, [6, 28, 22])
    gold = [Row(str(k), item, status="closed" if state == done else "in_progress")
            for k, (item, state) in enumerate(items, start=1)]
    save_ledger(wb, stem, url, title, gold)


def make_151() -> None:
    """广州南沙区万顷沙镇 2021年十件民生实事项目 (人大代表视察): every item 已完成, a blank 备注 column."""
    stem = "151_wanqingsha_minsheng_2021"
    url = "https://nansha.wsqejt.com/content/2021-12/25/content_177092.html"
    title = "万顷沙镇2021年十件民生实事项目完成情况"
    items = [
        "完善医疗服务保障体系建设", "完善养老服务基础设施建设", "强化基层党建群众服务功能", "加强河涌整治和水环境治理",
        "加强食品安全管理", "加强劳动就业扶持", "改善乡村环境卫生", "提升教育资源配置供给", "推动农业产业振兴",
        "提高政务服务效率",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "十件民生实事"
    title_row(ws, 1, title, 4, size=14)
    line(ws, 2, "（万顷沙镇三届人大十次会议票决，2021年3月）", 4, align="center")
    header(ws, 3, ["序号", "民生实事项目", "完成状态", "备注"])
    for k, item in enumerate(items, start=1):
        body(ws, k + 3, [k, item, "已完成", None])
    widths(ws, [6, 30, 10, 20])
    save_ledger(wb, stem, url, title, [Row(str(k), item, status="closed") for k, item in enumerate(items, start=1)])


def make_152() -> None:
    """荥经县烈太乡 2019年政府为民办实事项目 (人大代表票决): two items, 完成状态 已完成, CSV in GB18030."""
    stem = "152_lietai_weimin_2019"
    url = "http://kaisongmc.com/news/QXRD/2019416/194166700511480.html"
    title = "烈太乡2019年政府为民办实事项目"
    items = ["东升村新建组路基维修治理工程", "堡子村、太平村路灯安装工程"]
    lines = [
        [title, "", ""],
        ["2018年12月24日烈太乡第十六届人民代表大会第五次大会票决", "", ""],
        ["序号", "项目名称", "完成状态"],
    ]
    lines += [[str(k), item, "已完成"] for k, item in enumerate(items, start=1)]
    write_csv(stem, lines, "gb18030")
    gold = [Row(str(k), item, status="closed") for k, item in enumerate(items, start=1)]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_153() -> None:
    """南阳市 2014 “一改双优”城区重大项目、重点工作督查 (traditional): a 督办台账 with 完成时限 and 督查结果."""
    stem = "153_nanyang_duban_2014_06"
    url = "http://www.simfy.cn/nanyang/focus/2014-07-08/074415771.html"
    title = "城區重大項目、重點工作推進落實情況督查結果"
    # (序號, 項目及節點要求, 責任單位, 督查結果, 推進情況)
    items = [
        ("1", "中關村南陽科技園項目（一期），要求6月底完成物探、地探及地面附屬物清理。", "高新區", "任務完成較好",
         "已完成項目的物探、地探及地面附屬物清理任務，并圈建起圍墻。"),
        ("2", "南陽水科技產業園項目，要求6月底完成物探、地探及地面附屬物清理。", "高新區", "工作推進緩慢",
         "物探、地探未做。"),
        ("3", "樂凱華光綠色印刷和環保柔印版材產業化項目，要求6月底完成廠房主體框架和內外部施工。", "宛城區", "工作推進中",
         "任務分東、中、西三段工程，目前中、西段已完工，東段工程正在施工。"),
        ("4", "商務中心區及特色商業區建設項目，要求6月底姜營社區一期開工建設。", "市城鄉一體化示范區", "工作推進緩慢",
         "該區域房屋拆遷已經完成，但未開工建設。"),
        ("5", "南陽中商農產品中心批發市場項目，要求6月底完成市場道路硬化。", "高新區", "任務完成較好",
         "道路硬化任務提前完成。"),
    ]
    status = {"任務完成較好": "closed", "工作推進緩慢": "in_progress", "工作推進中": "in_progress"}
    wb = Workbook()
    ws = wb.active
    ws.title = "督查結果"
    ncols = 6
    title_row(ws, 1, title, ncols, size=14)
    line(ws, 2, "督查時間：7月1日至4日", 3)
    header(ws, 3, ["序號", "重大項目、重點工作", "完成時限", "責任單位", "督查結果", "推進情況"])
    for k, (n, task, unit, result, progress) in enumerate(items, start=4):
        body(ws, k, [n, task, "6月底", unit, result, progress])
    line(ws, 4 + len(items), "市“一改雙優”活動辦公室", ncols, align="right")
    widths(ws, [6, 46, 9, 16, 13, 44])
    gold = [Row(n, task, lead=[unit], deadline="6月底", status=status[result], progress=progress)
            for n, task, unit, result, progress in items]
    save_ledger(wb, stem, url, title, gold)


def make_154() -> None:
    """覃塘区樟木镇 2024年民生实事项目 (人大票决): a ledger sent out, quarterly 进展 columns still empty."""
    stem = "154_zhangmu_minsheng_2024"
    url = "http://www.luolaoshi.cn/bmsj/032024/1673475.html"
    title = "樟木镇2024年民生实事项目"
    items = [
        "樟木镇邓保村谭宝屯屯内道路建设项目", "那柳村韦柳屯生活污水生态净化项目", "马班水库除险加固工程",
        "元金村元村屯至汉世伟猪场道路硬化工程",
    ]
    unit = "镇人民政府"
    wb = Workbook()
    ws = wb.active
    ws.title = "2024年"
    ncols = 7
    title_row(ws, 1, title, ncols, size=14)
    line(ws, 2, "（樟木镇第三届人民代表大会第七次会议票决，总投资1100多万元）", ncols, align="center")
    header(ws, 3, ["序号", "项目名称", "责任单位", "进展情况", None, None, None])
    header(ws, 4, [None, None, None, "一季度", "二季度", "三季度", "四季度"])
    for c in (1, 2, 3):
        merge(ws, 3, c, 4, c)
    merge(ws, 3, 4, 3, 7)
    for k, item in enumerate(items, start=1):
        body(ws, k + 4, [k, item, unit, None, None, None, None])
    widths(ws, [6, 38, 13, 12, 12, 12, 12])
    save_ledger(wb, stem, url, title, [Row(str(k), item, lead=[unit]) for k, item in enumerate(items, start=1)])


def make_155() -> None:
    """莆田城厢区 为民办实事项目1-9月份 慢序时项目 (区政府督查室): a 状态 column, the 按序时 rest unnamed."""
    stem = "155_chengxiang_manxushi_09"
    url = "https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm"
    title = "为民办实事项目1-9月份慢序时项目"
    items = ["老旧小区改造", "职业技能提升工程", "扶残助残工程", "设立灵川镇中心卫生院东海分院"]
    wb = Workbook()
    ws = wb.active
    ws.title = "附件1 慢序时项目"
    title_row(ws, 1, title, 3, size=14)
    line(ws, 2, "附件1", 3)
    header(ws, 3, ["序号", "惠民实事项目", "状态"])
    for k, item in enumerate(items, start=1):
        body(ws, k + 3, [k, item, "进度相对缓慢"])
    line(ws, 4 + len(items), "注：区委区政府共兴办17件惠民实事项目（含25个子项目），其他项目正按序时推进。", 3)
    widths(ws, [6, 34, 14])
    save_ledger(wb, stem, url, title,
                [Row(str(k), item, status="in_progress") for k, item in enumerate(items, start=1)])
