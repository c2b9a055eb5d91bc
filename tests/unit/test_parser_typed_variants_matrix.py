"""Prose as other hands type it: typed variants of the development part (issue 13, branch variants64).

Offices retype, paste and convert plans. Every development document of kind plan, speech or webpage (tables have their
own matrix, PDFs are prose63's media) that reads exactly, and whose text (``draft.source_text``: a page's text as the
reader gives it) read again reads exactly, is copied once per variant, one axis at a time and in a few seeded
combinations:

- ``halfwidth``: full-width punctuation typed half-width (`，；：（）！？` → `,;:()!?`, `1、`/`1．` → `1.`);
- ``fullwidth``: the reverse (`,;:()` → `，；：（）`, `1.` → `1．`);
- ``spaces``: a blank after every mark of punctuation and around brackets, and between an item's number and its words;
- ``ideographic``: lines indented with two ideographic spaces (`　　`) and one after every `、` `，` `；` `：`;
- ``wrap``: a hard wrap every 20–40 characters (drawn per document), anywhere in a line: inside a unit name, an
  annotation, a date, between a mark and its words (text copied out of a printed page or a narrow viewer);
- ``blank_lines``: a blank line between every two lines; ``no_blanks``: no blank line anywhere;
- ``dots``: the marks `一、` `1、` `1.` written with look-alike dots (`一．`, `1．`, `1﹒`, drawn per document);
- ``traditional``: the text through a simplified → traditional converter (``TRADITIONAL``, the characters of plans'
  words, unit names and times; a Hong Kong / Taiwan converter's output).
- ``oneline`` (branch oneline67): every line break lost, the lines joined with nothing, one blank, an ideographic blank or
  two blanks (drawn per document, ``JOINERS``): text taken from a page or a chat message;
- ``markdown`` (branch oneline67): the page saved by a reader or converter as Markdown (``_markdown``): ``## 一、…`` or
  ``**一、…**``, a bracketed item's first sentence bold, the arabic items escaped (``1\\.``), behind ``- `` / ``* `` or as
  an ordered list repeating its first number (``1. … 1. …``), unit names as links ``[name](url)``.

The copy's expected reading is the original's gold by one rule (GOLD-README "variants64"): the same measures; a path's
tokens as the copy writes them (the original's with the variant's brackets and characters, GOLD-README "Paths": `(一)` and
`（一）` are different tokens, traditional characters kept); units and deadlines as the original writes them once the
variant is undone: both sides are compared without blanks, with half-width `,;:()` read as their full-width forms, and in
the traditional copy as the converter writes them (units kept as written in traditional characters, GOLD-README
"Traditional characters"). The one-line and Markdown copies keep the original's gold as it is (GOLD-README "oneline67":
a Markdown list repeating one number is numbered as Markdown shows it, so its paths are the original's).
``bench.parse_quality.score_document`` scores the copy; a copy is right when every field is 1.000.

Run as a script it reads every copy and prints copies right / copies per variant and the failures by kind (variant ×
what is lost: path, units, deadline): ``.venv/bin/python -m tests.unit.test_parser_typed_variants_matrix``.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bench.parse_quality import CORPUS, load_parts, score_document
from tests.helpers.copies import drawn, wrapped
from tracker.parsing import parse_plan_text, read_plan_file

KINDS = ("plan", "speech", "webpage")
AXES = ("halfwidth", "fullwidth", "spaces", "ideographic", "wrap", "blank_lines", "no_blanks", "dots", "traditional",
        "oneline", "markdown")
#: seeded combinations: what a retyped copy does at once
COMBINATIONS = (("halfwidth", "spaces"), ("traditional", "halfwidth"), ("wrap", "blank_lines"), ("fullwidth", "dots"),
                ("traditional", "ideographic"))
SEED = 64
#: the pytest sample: this share of the documents, drawn with SEED, on every axis and combination (0.4 before branch
#: oneline67 added two axes; 0.35 keeps the sample's copies, and its time, under the 1,624 it had)
SAMPLE_SHARE = 0.33

# Simplified → traditional, character by character, as a converter writes the words of plans, units and times
# (a character with two traditional forms by sense — 干, 台, 里, 准, 制, 系, 征 — is left alone, as converters
# without a phrase table do when unsure).
_PAIRS = (
    "发發 厅廳 县縣 经經 办辦 务務 财財 农農 业業 监監 资資 会會 关關 场場 开開 庆慶 国國 济濟 乡鄉 镇鎮 门門 环環 "
    "税稅 计計 单單 设設 银銀 态態 卫衛 双雙 范範 执執 营營 运運 组組 数數 据據 园園 时時 领領 导導 续續 进進 "
    "输輸 队隊 证證 专專 审審 广廣 丽麗 内內 党黨 药藥 与與 渔漁 间間 军軍 总總 机機 级級 团團 电電 属屬 规規 "
    "划劃 联聯 网網 击擊 动動 应應 铁鐵 兴興 绿綠 挥揮 沟溝 贸貿 风風 险險 项項 粮糧 储儲 备備 销銷 织織 宁寧 "
    "温溫 结結 长長 标標 牵牽 头頭 岛島 蓝藍 议議 云雲 统統 员員 体體 产產 区區 华華 东東 讯訊 质質 检檢 测測 "
    "医醫 疗療 学學 习習 职職 责責 负負 协協 调調 处處 传傳 纪紀 纲綱 题題 问問 决決 报報 实實 现現 并並 对對 "
    "于於 后後 为為 这這 个個 们們 来來 样樣 点點 说說 让讓 边邊 两兩 认認 识識 将將 从從 达達 过過 还還 选選 "
    "连連 远遠 适適 确確 严嚴 举舉 亲親 观觀 见見 视視 讲講 论論 评評 详詳 语語 请請 诉訴 试試 话話 该該 谈談 "
    "谋謀 贯貫 费費 购購 贫貧 贷貸 货貨 账賬 车車 转轉 较較 辖轄 违違 递遞 钢鋼 钱錢 锁鎖 错錯 键鍵 闭閉 阶階 "
    "际際 陆陸 随隨 难難 须須 顺順 预預 频頻 额額 飞飛 马馬 验驗 鱼魚 龙龍 厂廠 历歷 压壓 参參 变變 号號 员員 "
    "围圍 图圖 块塊 坚堅 坝壩 垦墾 复復 够夠 奋奮 妇婦 宝寶 宪憲 寻尋 层層 岁歲 岭嶺 巩鞏 币幣 师師 带帶 帮幫 "
    "库庫 废廢 异異 弃棄 张張 归歸 当當 录錄 彻徹 径徑 恶惡 惩懲 扩擴 扫掃 扬揚 扰擾 抚撫 护護 担擔 拟擬 择擇 "
    "损損 换換 揽攬 摊攤 携攜 断斷 无無 旧舊 显顯 晓曉 暂暫 术術 杂雜 权權 条條 极極 构構 栏欄 树樹 档檔 桥橋 "
    "楼樓 欢歡 残殘 气氣 汇匯 汤湯 没沒 泽澤 洁潔 浅淺 润潤 涨漲 渐漸 湾灣 湿濕 满滿 滤濾 滥濫 灾災 灭滅 灯燈 "
    "炼煉 热熱 爱愛 狱獄 独獨 献獻 画畫 畅暢 盐鹽 盖蓋 盘盤 矿礦 码碼 础礎 碍礙 礼禮 种種 积積 称稱 稳穩 穷窮 "
    "竞競 笔筆 节節 筑築 简簡 类類 紧緊 纠糾 红紅 约約 纳納 纵縱 线線 练練 细細 终終 绍紹 绕繞 给給 络絡 继繼 "
    "绩績 绪緒 维維 综綜 缓緩 编編 缴繳 罚罰 罗羅 肃肅 胁脅 脑腦 脱脫 舆輿 艺藝 苏蘇 荣榮 获獲 虑慮 补補 装裝 "
    "览覽 订訂 讨討 训訓 记記 许許 访訪 诊診 词詞 询詢 诚誠 误誤 诺諾 读讀 谢謝 贝貝 贡貢 赋賦 赛賽 赶趕 跃躍 "
    "踪蹤 轨軌 软軟 轻輕 载載 辆輛 迁遷 迹跡 遗遺 邮郵 邻鄰 释釋 钟鐘 链鏈 锦錦 闻聞 阅閱 隶隸 韩韓 页頁 顾顧 "
    "饰飾 馆館 驱驅 鲜鮮 鸿鴻 黄黃 齐齊 届屆 启啟 务務 县縣 乐樂 亿億 优優 伤傷 众眾 伟偉 传傳 价價 仪儀 侧側 "
    "储儲 儿兒 兰蘭 养養 兽獸 冲衝 况況 净淨 凤鳳 击擊 创創 剧劇 劝勸 势勢 劳勞 勋勳 区區 协協 卖賣 卢盧 卫衛 "
    "厌厭 县縣 叙敘 吗嗎 启啟 员員 问問 哗嘩 园園 圆圓 执執 坏壞 垄壟 垒壘 报報 场場 尘塵 尽盡 岗崗 峡峽 币幣 "
    "帅帥 庄莊 庆慶 库庫 库庫 废廢 忧憂 怀懷 态態 戏戲 户戶 扑撲 执執 扶扶 抢搶 挂掛 挡擋 挣掙 挤擠 据據 掳擄 "
    "摄攝 摆擺 敌敵 旷曠 昼晝 晒曬 朴樸 杀殺 杨楊 杰傑 松鬆 枪槍 柜櫃 标標 栋棟 栈棧 梦夢 检檢 棂欞 欧歐 毁毀 "
    "毕畢 汉漢 沈瀋 泪淚 泼潑 泞濘 洒灑 浇澆 浊濁 测測 济濟 浏瀏 浑渾 浓濃 涂塗 涡渦 涣渙 渊淵 渍漬 渗滲 游遊 "
    "湾灣 滚滾 滞滯 滨濱 灵靈 灿燦 炉爐 烂爛 烛燭 烟煙 烦煩 烧燒 烫燙 焕煥 爷爺 牍牘 犹猶 狭狹 猎獵 环環 玛瑪 "
    "琼瓊 电電 畴疇 疟瘧 疮瘡 疯瘋 痒癢 瘫癱 监監 盗盜 盏盞 眯瞇 着著 矫矯 矶磯 矿礦 码碼 砖磚 础礎 硕碩 确確 "
    "碱鹼 祸禍 离離 秃禿 秆稈 税稅 稣穌 窃竊 窍竅 窑窯 竖豎 笋筍 笼籠 筛篩 签簽 简簡 粤粵 紧緊 纤纖 纬緯 纯純 "
    "纱紗 纷紛 纸紙 纹紋 纺紡 绅紳 织織 绒絨 绘繪 绝絕 绞絞 统統 绢絹 绣繡 绳繩 绵綿 绸綢 缆纜 缔締 缘緣 缝縫 "
    "缩縮 缺缺 罢罷 职職 聋聾 聪聰 肠腸 肤膚 肾腎 肿腫 胀脹 胆膽 胜勝 胶膠 脏臟 脐臍 舰艦 舱艙 艰艱 芦蘆 苍蒼 "
    "苹蘋 茧繭 荐薦 荡蕩 莲蓮 获獲 莹瑩 营營 萝蘿 蓝藍 蔼藹 蕴蘊 虏虜 虚虛 虫蟲 虽雖 蚀蝕 蚁蟻 蛮蠻 补補 衔銜 "
    "袄襖 袜襪 袭襲 装裝 览覽 觉覺 触觸 誉譽 计計 订訂 讣訃 认認 讥譏 讨討 让讓 训訓 议議 讯訊 记記 讲講 讳諱 "
    "讶訝 许許 论論 讼訟 讽諷 设設 访訪 诀訣 证證 评評 诅詛 识識 诈詐 诉訴 诊診 词詞 译譯 试試 诗詩 诚誠 话話 "
    "诞誕 诡詭 询詢 该該 详詳 诫誡 诬誣 语語 误誤 诱誘 说說 请請 诸諸 诺諾 读讀 课課 谁誰 调調 谅諒 谈談 谊誼 "
    "谋謀 谍諜 谎謊 谐諧 谓謂 谜謎 谢謝 谣謠 谦謙 谨謹 谬謬 谱譜 谴譴 贝貝 贞貞 负負 贡貢 财財 责責 贤賢 败敗 "
    "账賬 货貨 质質 贩販 贪貪 贫貧 贬貶 购購 贮貯 贯貫 贱賤 贴貼 贵貴 贷貸 贸貿 费費 贺賀 贼賊 贾賈 资資 赋賦 "
    "赌賭 赎贖 赏賞 赐賜 赔賠 赖賴 赚賺 赛賽 赞贊 赠贈 赵趙 趋趨 跃躍 践踐 轧軋 轨軌 轩軒 转轉 轮輪 软軟 轰轟 "
    "轴軸 轻輕 载載 轿轎 较較 辅輔 辆輛 辈輩 辉輝 辐輻 辑輯 输輸 辞辭 辩辯 边邊 辽遼 达達 迁遷 过過 迈邁 运運 "
    "还還 这這 进進 远遠 违違 连連 迟遲 迹跡 适適 选選 逊遜 递遞 逻邏 遗遺 邓鄧 邮郵 邻鄰 郑鄭 酱醬 酿釀 释釋 "
    "钉釘 钓釣 钙鈣 钞鈔 钟鐘 钢鋼 钥鑰 钦欽 钩鉤 钮鈕 钱錢 钻鑽 铁鐵 铃鈴 铅鉛 铜銅 铝鋁 铭銘 铲鏟 银銀 铺鋪 "
    "链鏈 销銷 锁鎖 锅鍋 锈鏽 锋鋒 锐銳 错錯 锡錫 锣鑼 锤錘 锦錦 键鍵 锯鋸 锻鍛 镇鎮 镜鏡 长長 门門 闪閃 闭閉 "
    "问問 闯闖 闲閒 间間 闷悶 闸閘 闹鬧 闻聞 阀閥 阁閣 阅閱 阔闊 队隊 阳陽 阴陰 阵陣 阶階 际際 陆陸 陈陳 陕陝 "
    "险險 随隨 隐隱 隶隸 难難 雏雛 雾霧 静靜 靥靨 鞑韃 韦韋 韧韌 页頁 顶頂 项項 顺順 须須 顽頑 顾顧 顿頓 颁頒 "
    "颂頌 预預 领領 颇頗 频頻 颗顆 题題 额額 颜顏 风風 飘飄 飞飛 饥飢 饭飯 饮飲 饰飾 饱飽 饲飼 馆館 馈饋 马馬 "
    "驰馳 驱驅 驳駁 驶駛 驻駐 驾駕 骂罵 验驗 骑騎 骗騙 骤驟 鱼魚 鲁魯 鲜鮮 鸟鳥 鸡雞 鸭鴨 鸿鴻 鹅鵝 麦麥 黄黃 "
    "齐齊 齿齒 龄齡 龙龍 龟龜 湖湖 养養 扰擾 状狀 类類 义義 乌烏 亚亞 产產 亩畝 亲親 亏虧 仓倉 从從 仑侖 们們 "
    "伦倫 伪偽 体體 佣傭 侠俠 侣侶 侥僥 侦偵 侨僑 俭儉 债債 倾傾 偿償 兑兌 党黨 兰蘭 关關 兴興 农農 冈岡 册冊 "
    "写寫 军軍 冻凍 凉涼 减減 凑湊 凭憑 凯凱 刘劉 则則 刚剛 划劃 刹剎 剂劑 剑劍 办辦 务務 动動 励勵 劲勁 劳勞 "
    "医醫 华華 单單 卖賣 卢盧 卤滷 卧臥 厅廳 历歷 压壓 厦廈 厨廚 县縣 叁參 参參 双雙 发發 变變 叠疊 号號 叹嘆 "
    "吁籲 后後 吓嚇 吕呂 吴吳 吨噸 听聽 启啟 吴吳 呐吶 员員 呛嗆 呜嗚 咏詠 咙嚨 响響 哑啞 唤喚 啧嘖 啸嘯 喷噴 "
    "嘱囑 团團 园園 围圍 国國 图圖 圆圓 圣聖 场場 坛壇 坞塢 坟墳 坠墜 垫墊 埘塒 堑塹 墙牆 壮壯 声聲 壳殼 壶壺 "
    "处處 备備 复復 头頭 夸誇 夹夾 夺奪 奖獎 奥奧 妆妝 妇婦 妈媽 娱娛 婴嬰 学學 宁寧 宝寶 实實 宠寵 审審 宪憲 "
    "宫宮 宽寬 宾賓 对對 寻尋 导導 寿壽 将將 尔爾 尝嘗 尧堯 层層 属屬 屿嶼 岂豈 岗崗 岚嵐 岳嶽 峦巒 崭嶄 巩鞏 "
    "币幣 帅帥 师師 帐帳 帜幟 带帶 帧幀 帮幫 广廣 庄莊 应應 庙廟 庞龐 废廢 开開 异異 弃棄 张張 弥彌 弯彎 弹彈 "
    "强強 归歸 当當 录錄 彦彥 征征 径徑 忆憶 志志 态態 怜憐 总總 恋戀 恳懇 恶惡 恼惱 悦悅 惊驚 惧懼 惨慘 惩懲 "
    "惯慣 愤憤 愿願 戏戲 战戰 户戶 扩擴 扫掃 扬揚 执執 扩擴 护護 报報 抚撫 抛拋 抢搶 担擔 拟擬 拢攏 拥擁 拦攔 "
    "择擇 挂掛 挥揮 损損 捡撿 换換 捣搗 据據 掷擲 揽攬 搀攙 携攜 摄攝 摊攤 撑撐 敌敵 数數 斋齋 斗鬥 断斷 无無 "
    "旧舊 时時 旷曠 显顯 晋晉 晓曉 晕暈 暂暫 术術 机機 杀殺 杂雜 权權 条條 来來 杨楊 极極 构構 枢樞 枣棗 柠檸 "
    "样樣 档檔 桥橋 桩樁 梦夢 检檢 椭橢 楼樓 榄欖 横橫 欢歡 欧歐 歼殲 残殘 毁毀 毙斃 气氣 汇匯 汤湯 沟溝 没沒 "
    "沣灃 沥瀝 沦淪 沧滄 泸瀘 泽澤 洁潔 洼窪 浅淺 浆漿 浙浙 涌湧 涛濤 涝澇 润潤 涨漲 渐漸 渔漁 湾灣 湿濕 溃潰 "
    "滩灘 满滿 滤濾 滥濫 潜潛 澜瀾 灭滅 灯燈 灾災 炼煉 点點 炼煉 热熱 爱愛 牵牽 犊犢 独獨 狮獅 献獻 玑璣 现現 "
    "琐瑣 画畫 畅暢 疗療 盐鹽 盖蓋 盘盤 矿礦 礼禮 种種 积積 称稱 稳穩 穷窮 竞競 笔筆 节節 筑築 类類 粮糧 纠糾 "
    "红紅 约約 级級 纪紀 纳納 纲綱 纵縱 线線 练練 组組 细細 终終 经經 绍紹 结結 绕繞 给給 络絡 继繼 绩績 绪緒 "
    "续續 维維 综綜 绿綠 缓緩 编編 缴繳 网網 罚罰 罗羅 肃肅 胁脅 脑腦 脱脫 舆輿 艺藝 苏蘇 荣榮 虑慮 见見 规規 "
    "视視 观觀 评評 轨軌 阶階 韩韓 颁頒 馆館 驻駐 鸣鳴 麦麥 黾黽 齐齊 汛汛 涉涉 扶扶 岸岸 库庫 渠渠 闸閘 蓄蓄"
)
TRADITIONAL = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split() if pair[0] != pair[1]})

_TO_HALF = str.maketrans("，；：（）！？", ",;:()!?")
_TO_FULL = str.maketrans(",;:()!?", "，；：（）！？")
_BLANKS_RE = re.compile(r"[\s\u3000]+")
_CN_MARK_RE = re.compile(r"^(\s*[一二三四五六七八九十百]+)、", re.M)
_AR_MARK_RE = re.compile(r"^(\s*\d{1,3})[、.．](?!\d)", re.M)
_AR_DOT_RE = re.compile(r"^(\s*\d{1,3})[.．](?!\d)", re.M)
_ITEM_MARK_RE = re.compile(r"^(\s*(?:[一二三四五六七八九十百]+、|\d{1,3}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]))",
                           re.M)


@dataclass(frozen=True)
class Copy:
    """One typed copy: ``document`` (a gold file name of the development part) with ``variant``, the axes applied in
    order ("halfwidth+spaces")."""

    document: str
    variant: str


def _wrap(text: str, rng: random.Random) -> str:
    return wrapped(text, rng.randint(20, 40))


def _dots(text: str, rng: random.Random) -> str:
    dot = rng.choice(("．", "﹒"))
    return _AR_MARK_RE.sub(lambda m: m.group(1) + dot, _CN_MARK_RE.sub(lambda m: m.group(1) + "．", text))


def _spaces(text: str) -> str:
    text = _ITEM_MARK_RE.sub(lambda m: m.group(1) + " ", text)
    text = re.sub(r"([、，；：。,;:])(?=\S)", r"\1 ", text)
    return re.sub(r"(?<=\S)([（(])", r" \1", text)


def _ideographic(text: str) -> str:
    text = re.sub(r"([、，；：])(?=\S)", "\\1\u3000", text)
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n"))


#: what a copy that lost its line breaks puts between two lines (drawn per document): nothing, a blank, an ideographic
#: blank, two blanks
JOINERS = ("", " ", "\u3000", "  ")


def _oneline(text: str, rng: random.Random) -> str:
    joiner = rng.choice(JOINERS)
    return joiner.join(line.strip() for line in text.split("\n") if line.strip())


_HEADING_LINE_RE = re.compile(r"^[一二三四五六七八九十百]+[、．.]")
_BRACKET_ITEM_RE = re.compile(r"^([（(][一二三四五六七八九十]{1,3}[)）][^。；！？\n]{0,60}?[。；！？])(?=.)")
_ARABIC_LINE_RE = re.compile(r"^(\d{1,3})[、.．](?!\d)\s*")
_LINK = "[{}](http://www.gov.cn/)"


def _markdown(text: str, rng: random.Random, units: tuple[str, ...] = ()) -> str:
    """``text`` as a reader or converter saves a page in Markdown, line by line (its lines kept): a heading ``一、…`` as
    ``## 一、…`` or ``**一、…**`` (drawn per document), a bracketed item's first sentence bold (``**（一）…。**…``), the
    arabic items (``1.`` ``1、``) drawn as escaped (``1\\.``), behind a list marker (``- 1.`` / ``* 1.``) or as a Markdown
    ordered list whose every item repeats the list's first number (``1. … 1. … 1. …``; a list is a run of numbers each one
    more than the last, a heading between ends it); the first writing of each of ``units`` on a line a link ``[name](url)``; a ``*`` of the text
    escaped (``\\*``)."""
    heading = rng.choice(("##", "**"))
    arabic = rng.choice(("escaped", "marker", "ones"))
    marker = rng.choice(("-", "*"))
    linked = sorted({u for u in units if u}, key=len, reverse=True)
    out = []
    first = last = None
    for line in text.split("\n"):
        s = line.strip().replace("*", "\\*")
        for unit in linked:
            at = s.find(unit)
            if at >= 0 and not s[max(0, at - 1):at] == "[" and "](" not in s[at:at + len(unit) + 2] \
                    and not re.search(r"\[[^\]]*$", s[:at]):
                s = s[:at] + _LINK.format(unit) + s[at + len(unit):]
        if _HEADING_LINE_RE.match(s) or _BRACKET_ITEM_RE.match(s) or re.match(r"^[（(][一二三四五六七八九十]{1,3}[)）]", s):
            last = None  # a heading ends the list: the next list opens with its own first number
        if _HEADING_LINE_RE.match(s):
            s = "## " + s if heading == "##" else f"**{s}**"
        elif _BRACKET_ITEM_RE.match(s):
            s = _BRACKET_ITEM_RE.sub(lambda m: f"**{m.group(1)}**", s)
        elif m := _ARABIC_LINE_RE.match(s):
            number = int(m.group(1))
            if last is None or number != last + 1:
                first = number
            last = number
            if arabic == "escaped":
                s = m.group(1) + "\\." + s[m.end():]
            elif arabic == "marker":
                s = f"{marker} {m.group(1)}. " + s[m.end():]
            else:
                s = f"{first}. " + s[m.end():]
        out.append(s)
    return "\n".join(out)


def apply(axis: str, text: str, rng: random.Random, units: tuple[str, ...] = ()) -> str:
    """``text`` typed with one ``axis`` of the module docstring (``rng`` draws the wrap's width, the dot, the joiner and
    the Markdown's forms; ``units``: the unit names the Markdown copy links)."""
    if axis == "halfwidth":
        return _AR_MARK_RE.sub(lambda m: m.group(1) + ".", text.translate(_TO_HALF))
    if axis == "fullwidth":
        return _AR_DOT_RE.sub(lambda m: m.group(1) + "．", text.translate(_TO_FULL))
    if axis == "spaces":
        return _spaces(text)
    if axis == "ideographic":
        return _ideographic(text)
    if axis == "wrap":
        return _wrap(text, rng)
    if axis == "blank_lines":
        return "\n\n".join(line for line in text.split("\n") if line.strip())
    if axis == "no_blanks":
        return "\n".join(line for line in text.split("\n") if line.strip())
    if axis == "dots":
        return _dots(text, rng)
    if axis == "traditional":
        return text.translate(TRADITIONAL)
    if axis == "oneline":
        return _oneline(text, rng)
    if axis == "markdown":
        return _markdown(text, rng, units)
    raise ValueError(axis)


_GROUP_RE = re.compile(r"（第\d+组）$")


def _token(axis: str, token: str) -> str:
    """A path token as the copy writes it (GOLD-README "Paths": brackets and characters as written, no blanks); the
    suffix ``（第2组）`` of a list restarting under the same parent is the gold's, not the copy's, and stays."""
    group = _GROUP_RE.search(token)
    if group:
        return _token(axis, token[:group.start()]) + group.group()
    if axis == "halfwidth":
        return token.translate(_TO_HALF)
    if axis == "fullwidth":
        return token.translate(_TO_FULL)
    if axis == "traditional":
        return token.translate(TRADITIONAL)
    return token


def undone(value: str | None) -> str | None:
    """A unit name or a deadline with the variants undone: no blanks, half-width `,;:()!?` read full-width."""
    return _BLANKS_RE.sub("", value).translate(_TO_FULL) if value else value


@lru_cache(maxsize=None)
def _original(gold_name: str):
    """(gold, text) of one development prose document whose text reads exactly as its gold says, or None."""
    gold = json.loads((CORPUS / gold_name).read_text(encoding="utf-8"))
    if gold.get("kind", "plan") not in KINDS:
        return None
    text = read_plan_file(CORPUS / gold["source"]).source_text
    scored = score_document(gold, lambda: [m.to_dict() for m in parse_plan_text(text).measures])
    if scored["error"] or any(right != expected or found != expected
                              for right, found, expected in scored["counts"].values()):
        return None
    return gold, text


def development_documents() -> list[str]:
    """The development part's prose documents this matrix copies (``bench.parse_quality.load_parts()["dev"]``; never
    the test part), in name order."""
    return [name for name in load_parts()["dev"] if _original(name)]


def variants() -> list[str]:
    """Every variant: each axis alone, then the combinations."""
    return list(AXES) + ["+".join(c) for c in COMBINATIONS]


def draw_copies(share: float = 1.0, seed: int = SEED) -> list[Copy]:
    """The matrix: every variant of ``share`` of the documents, drawn with ``seed`` (1.0: all of them)."""
    names = development_documents()
    if share < 1.0:
        names = drawn(names, share, seed)
    return [Copy(name, variant) for name in names for variant in variants()]


def copy_text(copy: Copy) -> str:
    """The copy's text: the document's text with the variant's axes applied in order (seeded by document)."""
    gold, text = _original(copy.document)
    rng = random.Random(f"{SEED}:{copy.document}")
    units = tuple(u for m in gold["measures"] for u in (m.get("lead_units") or []) + (m.get("supporting_units") or []))
    for axis in copy.variant.split("+"):
        text = apply(axis, text, rng, units)
    return text


def expected_gold(copy: Copy) -> dict:
    """The copy's gold by the rule of the module docstring: paths as the copy writes them, units and deadlines
    undone (in the traditional copy, as the converter writes them)."""
    gold, _ = _original(copy.document)
    axes = copy.variant.split("+")
    traditional = "traditional" in axes

    def path(tokens):
        for axis in axes:
            tokens = [_token(axis, t) for t in tokens]
        return tokens

    def value(v):
        return undone(v.translate(TRADITIONAL) if traditional and v else v)

    measures = [dict(m, path=path(m["path"]), lead_units=[value(u) for u in m.get("lead_units") or []],
                     supporting_units=[value(u) for u in m.get("supporting_units") or []],
                     deadline=value(m.get("deadline")))
                for m in gold["measures"]]
    return dict(gold, measures=measures)


def score(copy: Copy) -> dict:
    """``bench.parse_quality.score_document`` of the copy's reading against ``expected_gold``: units and deadlines
    read undone."""
    def read():
        return [dict(d, lead_units=[undone(u) for u in d["lead_units"]],
                     supporting_units=[undone(u) for u in d["supporting_units"]], deadline=undone(d["deadline"]))
                for d in (m.to_dict() for m in parse_plan_text(copy_text(copy)).measures)]
    return score_document(expected_gold(copy), read)


_LOST = {"measures": "path", "units": "units", "deadlines": "deadline", "deadline_precision": "deadline",
         "due_dates": "due date"}


def lost(copy: Copy) -> str | None:
    """What the copy's reading loses against its gold ("path", "units", "deadline", joined by "+"), or None."""
    scored = score(copy)
    if scored["error"]:
        return "error"
    wrong = {_LOST[field] for field, (right, found, expected) in scored["counts"].items()
             if right != expected or found != expected}
    return "+".join(sorted(wrong, key=list(_LOST.values()).index)) if wrong else None


def failing_by_kind(copies: list[Copy]) -> dict[tuple[str, str], list[Copy]]:
    """The failing copies grouped by (variant, what is lost)."""
    out: dict[tuple[str, str], list[Copy]] = {}
    for copy in copies:
        what = lost(copy)
        if what:
            out.setdefault((copy.variant, what), []).append(copy)
    return out


#: copies of the pytest sample failing at this branch's head, by (variant, what is lost), each a named known limit (update
#: the count when a kind is fixed; on main at fdf57b94 79 of the 1,624 sampled copies failed, docs/benchmarks.md "Typed
#: variants, branch variants64"; branch oneline67 drew 0.35 of the documents, 101, on 16 variants: 76 of 1,616 fail, 25 of
#: them one-line copies, 1 a Markdown copy; on d1debb74 the same sample's one-line and Markdown copies failed 30 and 36 of 101;
#: stop 44 draws each document by the hash of its name, tests/helpers/copies.drawn, so that a document added to the
#: development part changes no other's draw: 0.33 of 294 documents, 99, on 16 variants: 82 of 1,584 fail, the same
#: copies as fail in the whole matrix)
KNOWN_FAILURES: dict[tuple[str, str], int] = {
    # blanks typed around marks: a list's pieces spaced apart (see docs/benchmarks.md "Typed variants")
    # ideographic spaces indenting every line and after every mark
    # a hard wrap every 20-40 characters: a cut right after a full stop inside a paragraph (462: the item's second
    # sentence and its annotation become a paragraph of their own), inside a bracketed mark (1124: "(" / "一)…") or a
    # table's cell (740); with a blank line after every line, a copy whose lines are mostly short (few cut at the width)
    # keeps its blank lines as paragraph ends (parser._join_wrapped_lines)
    ('wrap', 'path'): 4,  # 013 1124 246 749
    ('wrap', 'path+units'): 4,  # 190 359 516 1340
    ('wrap', 'units'): 3,  # 093 462 740
    ('wrap', 'path+deadline+due date'): 2,  # 1116 888
    ('wrap', 'path+units+deadline'): 1,  # 010
    # the traditional copy: a stage named apart from its window (1057 "（三）整改提高階段。9月13日至10月16日"), a
    # notice's time read where the simplified one gives none (563); 010's closing duties in a table cell ("負責落實") and
    # 852's read since the annotation reader's duty words go through the one table of traditional characters
    # (vocabulary/han.simplified, stop 45)
    ('traditional', 'deadline'): 1,  # 560
    ('traditional', 'path'): 1,  # 557
    ('traditional', 'units'): 3,  # 783 880 1340
    # the one-line copy (GOLD-README "oneline67"): what only a line's start told — a speech's word lists (一要, 一是) and
    # part marks (【篇四】) restarting under a new part (000, 002), a list opening past its first glued straight onto a
    # part's title ("…乡村振兴战略(二十四)健全…", 008), a unit line standing after an item's sub-items that names the
    # item's units (009 in the full matrix), a stage's window on its own line, a heading glued onto a page's head
    # ("…的通知各区县人民政府,…", 050), a table's rows (740); the failures left by kind
    ('oneline', 'deadline'): 1,  # 1119
    ('oneline', 'deadline+due date'): 2,  # 1118 1346
    ('oneline', 'due date'): 4,  # 060 170 460 469
    ('oneline', 'path'): 4,  # 000 039 421 749
    ('oneline', 'path+deadline'): 2,  # 1264 1348
    ('oneline', 'path+deadline+due date'): 2,  # 099 1116
    ('oneline', 'path+units'): 13,  # 046 093 190 359 461 500 516 557 731 740 773 887 1340
    ('oneline', 'units'): 2,  # 102 142
    ('oneline', 'path+units+deadline'): 2,  # 010 1277
    # the Markdown copy: a list repeating one number whose original restarts its numbering under no new heading (1111)
    ('traditional+halfwidth', 'deadline'): 1,  # 560
    ('traditional+halfwidth', 'path'): 1,  # 557
    ('traditional+halfwidth', 'units'): 3,  # 783 880 1340
    ('wrap+blank_lines', 'path'): 4,  # 013 1124 246 749
    ('wrap+blank_lines', 'path+units'): 4,  # 190 359 516 1340
    ('wrap+blank_lines', 'units'): 3,  # 093 462 740
    ('wrap+blank_lines', 'path+deadline+due date'): 2,  # 1116 888
    ('wrap+blank_lines', 'path+units+deadline'): 1,  # 010
    ('traditional+ideographic', 'deadline'): 1,  # 560
    ('traditional+ideographic', 'path'): 1,  # 557
    ('traditional+ideographic', 'units'): 3,  # 783 880 1340
    # drawn since stop 44's stable sample (copies.drawn); the same copies fail in the whole matrix on oneline67's head:
    # 1116 and 888 lose a date's reading once their punctuation or blanks are retyped, in whichever typed form
    ('fullwidth', 'deadline+due date'): 1,  # 888
    ('fullwidth+dots', 'deadline+due date'): 1,  # 888
    ('halfwidth+spaces', 'deadline'): 1,  # 888
    ('spaces', 'deadline'): 1,  # 888
    # 1116 (fresh47's preview) no longer fails once its chunk marks are retyped (`1.`, `1．`, `1﹒`): fresh53 reads them as
    # chunk numbers too (cleaning._PREVIEW_CHUNK_RE), so its six copies left the list
    # a document site's preview saved as Markdown (branch fresh53): its chunk numbers escaped or listed (`1\\.`, `- 1、`,
    # `1. … 1. …`) are no longer seen as the preview's chunks (cleaning.join_preview_chunks), so they read as items; 1340
    # also fails wrapped (a chunk cut again at the width), run into one line and in traditional characters (its precedence
    # note's units), counted above
    ('markdown', 'path+units'): 1,  # 1340
    # stop 47's new development documents (fresh58, fresh59): a meeting's opening day under a time caption
    # ("一、会议时间" / "2025年1月12日（周日）上午9：00在…开幕", 1346) is not read once blanks are typed inside its brackets
    # and hour ("（ 周日 ）上午 9 ： 00"), and in traditional characters the notice's year of issue is not found, so
    # the second meeting's year-less day ("1月11日（周六）…") loses its due date; run into one line, 1346's and 1348's
    # time captions and 1277's closing duty lines ("以上工作由…负责") lose the line's start they are read by (one-line
    # copies above)
    ('spaces', 'deadline+due date'): 1,  # 1346
    ('halfwidth+spaces', 'deadline+due date'): 1,  # 1346
    ('traditional', 'due date'): 1,  # 1346
    ('traditional+halfwidth', 'due date'): 1,  # 1346
    ('traditional+ideographic', 'due date'): 1,  # 1346
}


def test_the_matrix_copies_most_development_prose():
    """The matrix is not empty: most development plans, speeches and pages read exactly from their text."""
    names = development_documents()
    assert len(names) >= 120
    assert all(name not in set(load_parts()["test"]) for name in names)


def test_a_typed_copy_keeps_the_gold_reading_outside_the_known_limits():
    """Each sampled copy reads as the original's gold says, the variant undone; the known limits fail as counted."""
    failing = failing_by_kind(draw_copies(SAMPLE_SHARE))
    counts = {k: len(v) for k, v in failing.items()}
    unknown = {k: [c.document for c in v[:3]] for k, v in failing.items() if k not in KNOWN_FAILURES}
    assert not unknown, unknown
    assert counts == KNOWN_FAILURES


#: A task list one cell a line whose 任务类型, 推进单位 and 完成时限 cells are merged over runs of rows, written once on the
#: first row they span, between group rows across the list (invented; branch fresh60, GOLD-README "fresh60"): the new
#: table form typed on every axis but ``oneline`` (a list of cells run into one line is no list one cell a line).
MERGED_LIST = ["某县2025年城市更新重点任务清单", "任务类型", "序号", "工作任务", "推进单位", "完成时限",
               "行动一：提升居住品质行动",
               "旧区改造", "1", "完成老旧小区改造30个。", "县住建局、县财政局", "2025年6月底前",
               "2", "改造背街小巷20条。",
               "3", "新增停车泊位500个。", "县公安局",
               "行动二：完善公共服务行动",
               "养老服务", "4", "新建社区食堂5处。", "县民政局", "2025年12月底前",
               "5", "新增养老床位100张。"]
MERGED_LIST_READING = [(("行动一",), [], None), (("行动一", "1"), ["县住建局", "县财政局"], "2025年6月底前"),
                       (("行动一", "2"), ["县住建局", "县财政局"], "2025年6月底前"),
                       (("行动一", "3"), ["县公安局"], "2025年6月底前"), (("行动二",), [], None),
                       (("行动二", "4"), ["县民政局"], "2025年12月底前"), (("行动二", "5"), ["县民政局"], "2025年12月底前")]


def test_a_task_list_with_cells_merged_over_rows_typed_on_every_axis_reads_its_merged_cells_down():
    """Each axis but ``oneline`` (and a combination of each) types the merged list; every copy reads each row with the
    units and time of the cell it lies under, paths, units and times as the copy writes them (the rule of the module
    docstring). On main (e6d1ec62) the rows under a merged cell read no unit; typed in traditional characters, the
    group rows ``行動一：…`` were no group rows either."""
    wrong = []
    for variant in [axis for axis in AXES if axis != "oneline"] + ["+".join(pair) for pair in COMBINATIONS]:
        axes = variant.split("+")
        text = "\n".join(MERGED_LIST)
        for axis in axes:
            text = apply(axis, text, random.Random(SEED))
        traditional = "traditional" in axes

        def value(v):
            return undone(v.translate(TRADITIONAL) if traditional and v else v)

        def path(tokens):
            for axis in axes:
                tokens = tuple(_token(axis, t) for t in tokens)
            return tokens

        expected = [(path(p), [value(u) for u in units], value(d)) for p, units, d in MERGED_LIST_READING]
        got = [(tuple(m.path), [undone(u) for u in m.lead_units], undone(m.deadline))
               for m in parse_plan_text(text).measures]
        if got != expected:
            wrong.append(variant)
    assert wrong == []


if __name__ == "__main__":  # pragma: no cover - the figures for docs/benchmarks.md
    share = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    copies = draw_copies(share)
    failing = failing_by_kind(copies)
    per_variant = Counter(c.variant for c in copies)
    wrong = Counter()
    for (variant, _), rows in failing.items():
        wrong[variant] += len(rows)
    print(f"{sum(wrong.values())} of {len(copies)} copies fail ({len({c.document for c in copies})} documents)")
    for variant in variants():
        print(f"{per_variant[variant] - wrong[variant]:4d}/{per_variant[variant]:4d} right  {variant}")
    print("-- failures by kind (variant, lost) --")
    for k, rows in sorted(failing.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(rows):4d}  {k}  {' '.join(c.document.split('.')[0] for c in rows[:6])}")
