"""Held-out work ledgers 300–305 (stop 40, branch heldledger): rows transcribed by hand from real public pages.

Each ``make_3NN`` writes one ledger of tests/ledgers and its gold, typed by hand from the page named in
``made_from`` (its stored copy, cut at the last complete row; conventions: tests/ledgers/GOLD-README.md,
sections of the held-out parts and "Held-out stop 40 (300–315)"). Nothing here reads a ledger back.
"""

from __future__ import annotations

from openpyxl import Workbook

from heldout30_common import Row, body, group_row, header, line, merge, save_ledger, title_row, widths


def make_300() -> None:
    """泰顺 2024年4月 省政府民生实事项目进展情况汇总表: 牵头单位 merged down over the rows it leads (the stored copy
    lost the merged cells, its later cells shifted left), 月度工作计划 before it, 落实情况 last."""
    stem = "300_taishun_2024_04_minsheng"
    url = "http://www.ts.gov.cn/art/2024/5/11/art_1229751394_59134247.html"
    title = "2024年4月省政府民生实事项目进展情况汇总表"
    done = "已完成。\n"
    rows = [
        ("1", "为全县60岁以上老年人免费接种流感疫苗24723人。", "4月:制定并下发老年名免费接种流感疫苗工作方案。",
         done + "已制定并下发老年名免费接种流感疫苗工作方案。"),
        ("2", "为全县重点人群免费开展结直肠癌筛查,2024年重点筛查60岁以上人群7400人。", "4月:完成筛查人数1480人(20%)。",
         done + "完成筛查人数3495人,完成率47.23%。"),
        ("3", "在公共场所新增配置自动体外除颤仪47台。", "4月:公布采购意向公告。申请资产配置。制定AED点位安排表。",
         done + "3月11日公开意向采购公告;4月27日向县财政局申请资产配置;完成全县47个点位设置。"),
        ("4", "培训应急救护人员235人。", "4月:明确点位培训人员对象,完成应急救护人员培训65人。",
         done + "已确定点位,培训188人,完成进度80%。"),
        ("5", "实行全县医保参保人员一地签约、全县共享基层门诊签约报销比例,全省基层医疗机构门诊报销比=50%。",
         "根据省市局要求,数据采集只到市级。8月底前时时与省市主管部门对接并确保完成年度任务及民生实事系统销号。",
         done + "数据采集只到市级,本月已完成省市统一部署工作。"),
        ("6", "实行全县医保参保人员一地签约、全县共享基层门诊签约报销比例,全县异地结算定点医院开通率达100%。",
         "根据省市局要求,数据采集只到市级。8月底前时时与省市主管部门对接并确保完成年度任务及民生实事系统销号。",
         done + "数据采集只到市级,本月已完成省市统一部署工作。"),
    ]
    # 牵头单位 as the office's sheet merges it: rows 1-3, row 4, rows 5-6 (the stored copy writes it once a block).
    leads = [("县卫生健康局", 0, 2), ("县红十字会", 3, 3), ("县医疗保障局", 4, 5)]
    wb = Workbook()
    ws = wb.active
    ws.title = "4月"
    title_row(ws, 1, title, 5)
    header(ws, 2, ["序号", "项目内容", "月度工作计划", "牵头单位", "落实情况"])
    first = 3
    for i, (number, measure, plan, progress) in enumerate(rows):
        body(ws, first + i, [int(number), measure, plan, None, progress])
    gold = []
    for unit, start, end in leads:
        ws.cell(row=first + start, column=4, value=unit)
        if end > start:
            merge(ws, first + start, 4, first + end, 4)
        for i in range(start, end + 1):
            number, measure, _plan, progress = rows[i]
            gold.append(Row(number, measure, lead=[unit], progress=progress))
    widths(ws, [6, 40, 36, 14, 40])
    save_ledger(wb, stem, url, title, gold)


def make_301() -> None:
    """乐清 2022年度省政府民生实事项目完成情况 (附件1 of the 市府办's 通报, as a 乐清 forum reposts it): a 完成成效 status
    column (完成任务, 超额完成), 责任单位 alone, 责任人 (persons); rows 1–2 (row 3 is cut in the stored copy)."""
    stem = "301_yueqing_2022_minsheng_wancheng"
    url = "http://bbs.21yq.com/forum.php?action=printable&mod=viewthread&tid=1183855"
    title = "2022年度省政府民生实事项目完成情况"
    rows = [
        ("1", "新增2个乡镇(街道)建有托育机构", "完成新增智仁乡和岭底乡建有托育机构。", "完成任务", "市卫健局", "仇永亲"),
        ("2", "新增托位1140个,普惠托位685个", "新增托位1155个,其中新增普惠托位1155个。", "超额完成", "市卫健局", "黄李虎"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "省政府民生实事"
    line(ws, 1, "附件1", 6)
    title_row(ws, 2, title, 6)
    header(ws, 3, ["序号", "项 目 内 容", "年度完成情况", "完成成效", "责任单位", "责任人"])
    gold = []
    for r, (number, measure, result, outcome, unit, person) in enumerate(rows, start=4):
        body(ws, r, [int(number), measure, result, outcome, unit, person])
        gold.append(Row(number, measure, lead=[unit], status="closed", progress=result))
    widths(ws, [6, 32, 40, 12, 12, 10])
    save_ledger(wb, stem, url, title, gold)


def make_302() -> None:
    """宿松 50项民生实事 1-7月实施情况 (2024, a mirror in traditional characters) laid out as the 民生办's ledger: two
    kinds of 民生实事 as group rows, the page's classes (已完成年度目標任務, 進展較快, 正在抓緊實施, 正在開展前期工作,
    率先完成年度目標任務) in a 推進狀態 column, each item's figures as its progress; the second kind's 5项进展较快
    are cut in the stored copy and left out."""
    stem = "302_susong_2024_07_minsheng"
    url = "http://www.www-06633.com/hot/bm/202408/t20240814_7765336.html"
    title = "宿松縣50項民生實事1-7月實施情況"
    ahead = "已完成年度目標任務"
    fast = "進展較快"
    busy = "正在抓緊實施"
    prep = "正在開展前期工作"
    first = "率先完成年度目標任務"
    seventy = "完成率超70%"
    groups = [
        ("一、", "工程類民生實事", [
            ("實施風電鄉村振興工程", ahead, None),
            ("推進農村敬老院運營服務能力提升", ahead, None),
            ("城鄉公益性公墓建設", fast, seventy),
            ("持續優化無障礙環境", fast, seventy),
            ("實施農村電網鞏固提升工程", fast, seventy),
            ("加強對戶外勞動者的關心關愛", fast, seventy),
            ("安心托幼行動", busy, "新增托位完成率達145%,3所改擴建幼兒園均已開工建設"),
            ("“四好農村路”建設", busy, "路基完成率100%、路面完成率54.7%"),
            ("便民停車行動", busy, "完成部分老舊小區停車資源供給,完成率60%"),
            ("城市危舊房和城鎮老舊小區改造", busy, "完成率30%"),
            ("農村供水保障提升工程", busy, "完成率44.5%"),
            ("農村黑臭水體治理", busy, "完成率50%"),
            ("大力推進社區居家養老服務", busy,
             "完成特殊困難老年人家庭適老化改造53戶,完成率31.17%,建設社區嵌入式養老服務機構(綜合體)正在建設中"),
            ("實施“教育光環境達標工程”", prep, "第一批13所學校改造已經掛網招標"),
            ("公共文化空間工程", prep, "已明確6個建設點位"),
            ("充換電基礎設施建設", prep, "正在編制規劃"),
        ]),
        ("二、", "保障類民生實事", [
            ("深入推進餐飲油煙、噪聲及惡臭異味擾民問題整治行動", first, None),
            ("放心家政行動", first, None),
            ("放心滿意消費創建示範活動", first, None),
            ("健康口腔", first, None),
            ("送戲進萬村", first, None),
            ("食安名坊", first, None),
        ]),
    ]
    status = {ahead: "closed", first: "closed", fast: "in_progress", busy: "in_progress", prep: "in_progress"}
    wb = Workbook()
    ws = wb.active
    ws.title = "1-7月"
    title_row(ws, 1, title, 4)
    line(ws, 2, "截至7月底", 4, align="right")
    header(ws, 3, ["序號", "民生實事", "推進狀態", "進展情況"])
    gold: list[Row] = []
    r = 4
    for number, text, items in groups:
        r = group_row(ws, r, number, text, 4, gold)
        for i, (measure, state, progress) in enumerate(items, start=1):
            body(ws, r, [i, measure, state, progress])
            gold.append(Row(str(i), measure, status=status[state], progress=progress))
            r += 1
    widths(ws, [6, 40, 22, 50])
    save_ledger(wb, stem, url, title, gold)


def make_303() -> None:
    """萧县 9月份民生工程进展情况 (2025): the 8 民生实事 not yet done (10 targets as the page lists them) laid out as the
    民生办's ledger of open items: each target and how far it went (`已完成1个(50%)`), the month the page expects it
    done (预计完成时间: a forecast, no deadline). The 10 items done beyond their targets are not laid out."""
    stem = "303_xiaoxian_2025_09_minsheng"
    url = "https://www.ahxx.gov.cn/xxdt/ztzl/xxmsgc/gggs/163042521.html"
    title = "萧县9月份民生工程进展情况"
    october, november = "10月底前", "11月底前"
    rows = [
        ("2个嵌入式养老机构建设", "已完成1个(50%)", october),
        ("15个农村幸福院建设", "已完成8个(53%)", october),
        ("126条农村黑臭水体治理", "已完成120条(95%)", october),
        ("263场送戏进万村", "已送230场(87%)", october),
        ("4个公共文化空间建设", "已完成2个(50%)", october),
        ("皖北地区群众喝上引调水工程", "正在施工中(93%)", october),
        ("农村供水保障提升工程", "正在施工中(75%)", october),
        ("1170件困难群体法律援助", "已完成948件(81%)", november),
        ("为七至九年级适龄女生提供国产二价人乳头瘤病毒(HPV)疫苗免费接种服务(自愿接种)", "已完成4769人(51.2%)", november),
        ("6个老旧小区改造", "正在施工中(90%)", november),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "9月"
    title_row(ws, 1, title, 4)
    line(ws, 2, "其余27项中,截至9月底已完成19项。", 4)
    header(ws, 3, ["序号", "民生实事", "进展情况", "预计完成时间"])
    gold = []
    for r, (measure, progress, expected) in enumerate(rows, start=4):
        body(ws, r, [r - 3, measure, progress, expected])
        gold.append(Row(str(r - 3), measure, progress=progress))
    line(ws, 4 + len(rows), "信息来源:民生办", 4)
    widths(ws, [6, 48, 22, 14])
    save_ledger(wb, stem, url, title, gold)


def make_304() -> None:
    """越城年鉴(2022) 表1 “十三五”规划主要指标完成情况 (绍兴越城区, 2020): targets with the year's target value, the
    estimate reached and a 完成情况 column (`完成`); rows 1–3 (row 4 is cut in the stored copy)."""
    stem = "304_yuecheng_2020_shisanwu"
    url = "https://dfz.zj.gov.cn/zlyz/ossfs/h5/NJ-K-330602-2022-001-0101/files/basic-html/page30.html"
    title = "“十三五”规划主要指标完成情况"
    rows = [
        ("1", "全区生产总值(亿元)", 1000, 1008.5),
        ("2", "人均生产总值(元)", 130000, 130913),
        ("3", "公共财政预算收入(亿元)", 72.69, 72.69),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "表1"
    line(ws, 1, "表1", 5)
    title_row(ws, 2, title, 5)
    header(ws, 3, ["序号", "指标名称", "2020 年目标值", "2020 年预计值", "完成情况"])
    gold = []
    for r, (number, measure, target, reached) in enumerate(rows, start=4):
        body(ws, r, [int(number), measure, target, reached, "完成"])
        gold.append(Row(number, measure, status="closed", progress=str(reached)))
    widths(ws, [6, 28, 14, 14, 10])
    save_ledger(wb, stem, url, title, gold)


def make_305() -> None:
    """苍南 2023年省政府民生实事项目实施计划(截至4月10日) (a mirror in traditional characters): a quarter-by-quarter
    工作進度安排 (a schedule, no progress), 目前實施情況, 牽頭單位 last; row 1 (row 2 is cut in the stored copy)."""
    stem = "305_cangnan_2023_04_shishi"
    url = "https://239539.com/art/2023/4/10/art_1229774266_59064204.html"
    title = "2023年省政府民生實事項目實施計劃(截至4月10日)"
    schedule = ("第一季度:受援地,、支援地的學校舉行跨地區教共體學校結對儀式; "
                "第二季度:組織安排優秀教師按1:3比例與受援校教師建立師徒結對關系,; "
                "第三季度:支援校向受援校開展同步課堂或送教下鄉示范課,; "
                "第四季度(11月份):組織開展教師集體網絡研修或教師線下集體教研活動。")
    measure = "完成“縣中崛起” (蒼南中學結對瑞安中學)。"
    progress = "已完成第一季度結對儀式,,簽訂結對幫扶協議,。"
    wb = Workbook()
    ws = wb.active
    ws.title = "省民生實事"
    title_row(ws, 1, title, 5)
    header(ws, 2, ["序號", "項目內容", "工作進度安排", "目前實施情況", "牽頭單位"])
    body(ws, 3, [1, measure, schedule, progress, "縣教育局"])
    widths(ws, [6, 30, 60, 30, 12])
    save_ledger(wb, stem, url, title, [Row("1", measure, lead=["縣教育局"], progress=progress)])
