"""Held-out ledgers 156–161 (stop 38): rows transcribed by hand from real public documents.

Each ``make_NNN`` writes ``tests/ledgers/NNN_name.(xlsx|csv)`` laid out as an office's Excel would hold
the document's rows, and its gold typed by hand before any reader ran on the file (tests/ledgers/
GOLD-README.md, section "Held-out part, stop 38", for the conventions). Rows are quoted from the stored
copy of the page named in ``made_from`` (found with the ``search`` tool, corpus "pages"), cut at the last
complete row, with the copy's ASCII punctuation kept as stored. The layout helpers are the stop-30 ones
(heldout30_common.py); nothing here reads a ledger back.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from heldout30_common import (
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


def _split(cell: str) -> list[str]:
    """The units of a plain 责任单位 list cell as typed for the gold: split at 、, padding spaces dropped."""
    return [part.strip() for part in cell.split("、") if part.strip()]


# 嘉兴 2024年政府工作报告重点工作责任分解: rows 1–15 of the stored copy (row 16 is cut in its unit cell).
JIAXING_2024 = [
    ("1", "地区生产总值增长6%左右。", "市发展改革委"),
    ("2", "规上工业增加值增长6%以上。", "市经信局"),
    ("3", "服务业增加值增长6%以上。", "市发展改革委"),
    ("4", "固定资产投资增长6%以上。", "市发展改革委"),
    ("5", "社会消费品零售总额增长5.5%以上。", "市商务局"),
    ("6", "研发投入强度达到3.55%。", "市科技局"),
    ("7", "一般公共预算收入增长6%左右。", "市财政局"),
    ("8", "城乡居民收入与经济增长同步。", "市发展改革委"),
    ("9", "居民消费价格指数涨幅3%左右。", "市发展改革委"),
    ("10", "城镇新增就业11万人,调查失业率控制在5%以内。", "市人力社保局"),
    ("11", "持续加大科技创新投入力度,加快提升创新策源能力,争创科技创新鼎。", "市科技局、市财政局"),
    ("12", "完善区域创新布局,扎实推进G60科创走廊建设,积极推动国家高新区提质发展,加快建设亚太路科创带,"
     "打造浙大国际合作教育样板区,构建功能互补、多点支撑、联动发展的创新共同体。",
     "市科技局、市教育局、南湖区政府、 秀洲区政府、海宁市政府"),
    ("13", "完善科技创新激励机制,营造鼓励创新、支持创新、参与创新的社会氛围。", "市科技局、市财政局、市科协"),
    ("14", "强化清华长三角研究院引领作用,支持北理工长三角研究院打造教育、科研、孵化一体的创新载体,"
     "推动南湖实验室和中电科南湖研究院提档升级。",
     "市科技局、市教育局、市经信局、 南湖区政府、秀洲区政府"),
    ("15", "支持嘉兴大学、嘉兴南湖学院等高校提升科技创新能力,深化科教融合、产教协同、校地合作,"
     "更好促进产业创新、助力高质量发展。",
     "市教育局、市科技局、市经信局、 市人力社保局"),
]

# 嘉兴 2023年政府工作报告重点工作责任分解 (嘉政办发〔2023〕7号): rows 1–15 of the stored copy (row 16 is cut).
JIAXING_2023 = [
    ("1", "地区生产总值增长6%左右。", "市发展改革委"),
    ("2", "研发投入强度达到3.5%。", "市科技局"),
    ("3", "一般公共预算收入增长5%左右。", "市财政局"),
    ("4", "固定资产投资增长10%。", "市发展改革委"),
    ("5", "规上工业增加值增长7%。", "市经信局"),
    ("6", "城乡居民人均可支配收入与经济增长基本同步。", "市发展改革委"),
    ("7", "居民消费价格指数涨幅控制在3%以内。", "市发展改革委"),
    ("8", "城镇调查失业率控制在5%以内。", "市人力社保局"),
    ("9", "完成省下达的环境和能源计划目标。", "市发展改革委、市生态环境局"),
    ("10", "扎实推动国家、省减税降费政策直达快享,优化惠企政策直通车平台,推出一批精准有效的专项扶持措施,"
     "最大限度挖掘降本减负空间,全年为企业减负200亿元以上。", "市经信局、市税务局"),
    ("11", "加大中小微企业支持力度,政府采购项目预留给中小企业比例不低于40%,给予小微企业10%以上价格扣除评审优惠。",
     "市财政局、市经信局、市税务局"),
    ("12", "扎实开展服务企业专项行动,及时解决企业问题诉求,做到企业办事无忧、政府无事不扰。", "市经信局"),
    ("13", "深化减证便企服务,推进电子营业执照和电子证照互通应用,实现企业年报“多报合一”。",
     "市市场监管局、市政务数据办"),
    ("14", "加强金融服务保障,扩大首贷、信用贷、无还本续贷规模,普惠型小微企业贷款增速高于各项贷款增速。",
     "市金融办、人行嘉兴市中心支行、 嘉兴银保监分局"),
    ("15", "实施营商环境优化提升“一号改革工程”,全面提升政务环境、法治环境、市场环境、经济生态环境、人文环境,"
     "打造“浙里最‘嘉’”营商环境品牌。", "市委改革办、市发展改革委"),
]


def make_156() -> None:
    """嘉兴 2024年政府工作报告重点工作责任分解: one 责任单位 column, lists with a stray space after 、."""
    stem = "156_jiaxing_2024_fenjie"
    url = "https://www.jiaxing.gov.cn/art/2024/2/5/art_1229567743_2512348.html"
    title = "2024年政府工作报告重点工作责任分解"
    wb = Workbook()
    ws = wb.active
    ws.title = "重点工作"
    title_row(ws, 1, title, 3)
    header(ws, 2, ["序号", "主 要 工 作 任 务", "责任单位"])
    gold: list[Row] = []
    for r, (number, task, units) in enumerate(JIAXING_2024, start=3):
        body(ws, r, [int(number), task, units])
        gold.append(Row(number, task, lead=_split(units)))
    widths(ws, [6, 70, 32])
    save_ledger(wb, stem, url, title, gold)


def make_157() -> None:
    """嘉兴 2023年政府工作报告重点工作责任分解: CSV in GB18030 with a title line and a 文号 line."""
    stem = "157_jiaxing_2023_fenjie"
    url = "https://zygysb.com/www/art/2023/3/art_1229567743_2459907"
    title = "2023年政府工作报告重点工作责任分解"
    lines = [
        [title, "", ""],
        ["嘉政办发〔2023〕7号", "", ""],
        ["序号", "主 要 工 作 任 务", "责任单位"],
    ]
    lines += [[number, task, units] for number, task, units in JIAXING_2023]
    write_csv(stem, lines, "gb18030")
    gold = [Row(number, task, lead=_split(units)) for number, task, units in JIAXING_2023]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_158() -> None:
    """嘉兴 2016年民生实事项目, item 一 (item 二's 责任单位 is cut): 分管领导, 牵头单位 and 责任单位 side by side."""
    stem = "158_jiaxing_2016_minsheng"
    url = "https://www.jiaxing.gov.cn/art/2022/12/1/art_1229701247_674.html"
    title = "2016年民生实事项目"
    content = ("开工建设三元路(东升路-城北路)和纺工路下穿铁路、拓宽周安路(城东路-徐王路)等联网路工程,"
               "完成中心城区中山路与环城东路交叉口立体化改造主体工程。完成钧儒小学地下人防主体工程建设,"
               "开工建设望吴门广场地下人防工程。完成中山路与越秀路交叉口人行天桥和火车站地下人行过街设施建设。"
               "新建公交专用道10公里,新建幸福家园、平安家园公交首末站2个,新建公交停靠站55个。"
               "完成商务大道(中环南路-三环南路)快速通道建设1条。")
    supporting = ("南湖区政府、秀洲区政府、市教育局、市公安局、市建委、市交通运输局、市综合执法局、市人防办、"
                  "嘉兴经济技术开发区(国际商务区)、嘉服集团、嘉城集团、嘉通集团")
    wb = Workbook()
    ws = wb.active
    ws.title = "民生实事"
    title_row(ws, 1, title, 7)
    line(ws, 2, "嘉兴市人民政府 2016年4月12日", 7, align="right")
    header(ws, 3, ["序号", "实事项目", "主要内容", "分管领导", "牵头单位", "责任单位", "进展情况"])
    body(ws, 4, ["一", "加大城市治堵力度", content, "张仁贵", "市治堵办", supporting, None])
    widths(ws, [6, 16, 60, 10, 12, 40, 20])
    gold = [Row("一", "加大城市治堵力度", lead=["市治堵办"], supporting=_split(supporting))]
    save_ledger(wb, stem, url, title, gold)


def make_159() -> None:
    """数字威海2021行动方案, 一、 (its (三) is cut before its annotation): roles written in one 责任单位 cell."""
    stem = "159_weihai_2021_xingdong"
    url = "http://www.wendeng.gov.cn/art/2021/7/27/art_77908_8846.html"
    title = "数字威海2021行动方案"
    tasks = [
        ("(一)", "加快建设新一代通信基础设施。加快推动5G基站建设,年内新建基站1500个以上,全市5G基站数量达到3500个以上,"
         "实现5G网络连片优质覆盖。推动5G在重点企业、产业园区、商务楼宇等场所深度覆盖和县级以上城区、"
         "重点中心镇及国家级开发区功能性覆盖,5G室分系统覆盖楼宇累计达到150个以上,建成5G示范应用场景10个以上。"
         "加快发展新一代光纤网络,县级以上城市住宅小区普遍具备千兆光纤接入能力。",
         "市工业和信息化局牵头,市住房城乡建设局配合", ["市工业和信息化局"], ["市住房城乡建设局"]),
        ("(二)", "加快发展创新性基础设施。围绕集成电路、基础软件、大数据等领域,实施一批产业链协同创新项目,"
         "推动大数据AI模拟训练平台建设及运营。加强科技创新平台载体建设,支持在云计算、大数据、人工智能、"
         "物联网等领域,建设重点实验室、工程研究中心、企业技术中心、产业创新中心、制造业创新中心等创新载体。"
         "鼓励骨干企业、科研院所等开展“产学研用”协同创新,搭建新型研发平台、创新联合体等新型研发机构,"
         "不断完善“1+4+N”创新平台体系,推动数字产业快速发展。",
         "市工业和信息化局、市科技局、市发展改革委牵头,各区市政府、开发区管委配合",
         ["市工业和信息化局", "市科技局", "市发展改革委"], ["各区市政府", "开发区管委"]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分工"
    title_row(ws, 1, title, 4)
    header(ws, 2, ["序号", "工作任务", "责任单位", "进展情况"])
    body(ws, 3, ["一", "建设融合创新的基础设施", None, None])
    merge(ws, 3, 2, 3, 4)
    ws.cell(row=3, column=2).font = Font(bold=True)
    gold = [Row("一", "建设融合创新的基础设施", group=True)]
    for r, (number, task, units, lead, supporting) in enumerate(tasks, start=4):
        body(ws, r, [number, task, units, None])
        gold.append(Row(number, task, lead=lead, supporting=supporting))
    widths(ws, [7, 70, 30, 16])
    save_ledger(wb, stem, url, title, gold)


def make_160() -> None:
    """数字威海建设2023年工作要点, 一、(一) task 1 (task 2 is cut): a rule for the rows below in the unit cell."""
    stem = "160_weihai_2023_yaodian"
    url = "http://www.e-gov.org.cn/article-186199.html"
    title = "数字威海建设2023年工作要点"
    task = ("深化政务服务“网上办”。全面深化“双全双百”提升工程,持续推进政务服务标准化、规范化、便利化、数字化改革,"
            "明确政务服务事项范围,规范办理要素和业务流程,实现政务服务事项“同要素管理、同标准办理”。"
            "全面提升线上线下融合服务能力,不断丰富服务供给,持续优化办事流程,深化“一次办好”改革,"
            "年底前基本实现群众企业在线办事“进一个网、办全市事”,建设“24小时不打烊”网上办事大厅。")
    units = "市直有关部门、单位,各区市政府、开发区管委。以下任务均需各区市政府、开发区管委落实,不再一一列出"
    wb = Workbook()
    ws = wb.active
    ws.title = "工作要点"
    title_row(ws, 1, title, 5)
    line(ws, 2, "威海市人民政府办公室 2023年8月19日印发", 5, align="right")
    header(ws, 3, ["序号", "工作任务", "牵头单位", "责任单位", "完成情况"])
    gold: list[Row] = []
    for r, (number, text) in enumerate([("一、", "着力构建高效协同的数字政府"), ("(一)", "提升政务服务效能")], start=4):
        body(ws, r, [number, text, None, None, None])
        merge(ws, r, 2, r, 5)
        ws.cell(row=r, column=2).font = Font(bold=True)
        gold.append(Row(number.rstrip("、"), text, group=True))
    body(ws, 6, ["1.", task, "市行政审批服务局", units, None])
    gold.append(Row("1", task, lead=["市行政审批服务局"],
                    supporting=["市直有关部门、单位", "各区市政府", "开发区管委"]))
    widths(ws, [7, 70, 18, 34, 16])
    save_ledger(wb, stem, url, title, gold)


def make_161() -> None:
    """威海 威政辦發〔2025〕9號, 一、 tasks 1–2 (task 3 is cut), as stored in traditional characters."""
    stem = "161_weihai_2025_shuju"
    url = "http://qinrenba.com/news/92067.html"
    title = "關于深化新型智慧城市建設推進城市全域數字化轉型的實施意見"
    tasks = [
        ("1", "提高數據供給質量。加強數據產權保護,探索建立數據產權登記機制,構建數據登記服務體系。"
         "加強數據資源管理,開展數據資源調查,摸清“數據家底”,推進數據規范深度治理,健全糾錯響應機制,"
         "完善數據“一數一源一標”,形成統一目錄。加強數據質量管理,鼓勵企事業單位牽頭或參與制定數據領域標準規范。"
         "加快高質量數據集建設,每年支持打造一批高質量數據集。加強數據資產管理,穩步推進企業數據資產入表。",
         "市財政局、市大數據局", "市直各部門"),
        ("2", "深化數據共享開放。健全數據開放機制,加快推進市場監管、醫療健康、交通運輸、生態環境、"
         "地理空間等高價值數據資源安全合規開放。發揮省數據開放創新應用實驗室作用,加強數據開放技術攻關與創新應用研究,"
         "形成一批標志性創新成果。", "市大數據局", "市直各部門"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "任務清單"
    title_row(ws, 1, title, 5, size=14)
    line(ws, 2, "威政辦發〔2025〕9號", 5, align="center")
    header(ws, 3, ["序號", "任務", "牽頭單位", "責任單位", "推進情況"])
    body(ws, 4, ["一、", "全鏈條培育數據產業", None, None, None])
    merge(ws, 4, 2, 4, 5)
    ws.cell(row=4, column=2).font = Font(bold=True)
    gold = [Row("一", "全鏈條培育數據產業", group=True)]
    for r, (number, task, lead, supporting) in enumerate(tasks, start=5):
        body(ws, r, [f"{number}.", task, lead, supporting, None])
        gold.append(Row(number, task, lead=_split(lead), supporting=_split(supporting)))
    widths(ws, [7, 70, 22, 16, 16])
    save_ledger(wb, stem, url, title, gold)
