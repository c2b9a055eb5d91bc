"""Han characters (汉字), as the parser's and the ledger reader's patterns write them: one range, one name.

``HAN`` is the CJK Unified Ideographs block (U+4E00–U+9FFF), where the characters of Chinese plans and ledgers
are, simplified and traditional, written as a range for a character class that also holds other characters
(``f"[{HAN}、（）()]"``); ``HAN_CLASS`` is one such character (``f"{HAN_CLASS}{{2,4}}"``); ``HAN_RE`` finds one.

Patterns that mean something else keep their own, named where they are used: the CJK letters, punctuation and
full-width forms of the whitespace rule (parsing/cleaning.py ``_CJK_RANGES``) and the block with Extension A
(U+3400–U+9FFF) that tells a title from a line of codes (parsing/metadata.py ``_HAN_RE``). ``simplified`` reads the
traditional characters of captions and unit names as their simplified forms, for the captions (captions.py) and the unit
lists (units.py), the deadline words (parsing/deadlines.py) and the person words (persons.py, through units.py's
``drop_persons``) alike: one mapping (units32). Pure Python.
"""
from __future__ import annotations

import re

HAN = "\u4e00-\u9fff"
HAN_CLASS = f"[{HAN}]"
HAN_RE = re.compile(HAN_CLASS)


#: Traditional characters of the captions and unit names, read as their simplified forms (a 分工表 copied
#: from a site in traditional characters: "序號 | 重點任務 | 牽頭單位 | 配合單位 | 完成時限"; a unit cell
#: "縣直相關部門", a vague collective like 县直相关部门).
_TRADITIONAL = str.maketrans("號點務牽頭單責協辦參與時節間進況內舉標門關導領備註計劃態狀題問體項總況結擔負類詳當設規稱實級"
                             "產業區縣鎮際達準檢層職獎懲據報執稱週實現狀圍範幫扶織組構"
                             # an indicator table's captions and units ("單位：萬元", "原保險保費收入", "存款餘額")
                             "萬億餘額險費國資貸機銀壽財長幣"
                             # the other captions' characters ("責任處室", "評分標準", "說明", "考核細則", "發文", "審核")
                             # and the unit names' ("各鄉鎮", "屬地", "成員單位"; branch units31)
                             "會則別動發堅處審編細聯視議評說難預饋鍵確鄉屬員"
                             # 負債總額, the 資料來源 line under a table, 農村商業銀行 (ledgers32, ledger corpus 039)
                             "債來農"
                             # the status words of slow work (進度較慢, 推進緩慢, 進度相對緩慢, 超過…; branch ledgers33)
                             "較緩對過"
                             # a table of projects by kind in traditional characters ("已開工項目（個）", "項目個數", "合計")
                             "開個數"
                             # the deadline words of a plan in traditional characters ("今後五年", "爭取於", "持續推進",
                             # "臺賬", "啟動", "兩個月", "淩晨", "農曆臘月", "禁燒"), read by parsing/deadlines.py (units32)
                             "後爭於續條決佈臺見啟啓減從須應兩幾簽義淩曆臘陰燒"
                             # the parks of a unit list ("相關園區") and the contact of a person ("聯繫人", "聯係人"; units32)
                             "園繫係"
                             # a table by kind of insurance or loan ("險種", "貸款種類"; ledger corpus 065–067, ledgers36)
                             "種"
                             # a caption's value written after 為 ("截止時間為2022年8月5日24:00", "時限為", "排名第一位的為牽頭
                             # 單位"; branch fresh37)
                             "為"
                             # a deposit's breakdown in traditional characters ("其中：住戶存款餘額": 湖南 2016, ledger
                             # corpus 217; branch ledgers45)
                             "戶"
                             # a stage's words in a plan in traditional characters ("動員部署階段（5月）", "檢查驗收階段", a
                             # converter's copy; branch variants64)
                             "階驗"
                             # the duty words of an annotation in traditional characters ("爲牽頭單位", "彙總報送"; read by
                             # parsing/annotations.py's probe, which had its own table beside this one)
                             "爲彙"
                             # a hotline's, a 信访 office's or a 发改局's table copied in traditional characters ("12345熱線",
                             # "隸屬", "統計表", "信訪", "轉辦", "來電", "電話", "不滿意數", "響應", "恢復", "經濟", "營商",
                             # "稅收", "價格", "環境", "產權", "質量", "歸集", "簽約", "市場", "外貿"; branch indicators49)
                             "熱線隸統訪轉電話滿響復經濟營稅價環權質歸約場貿"
                             # a project's stage in a 形象进度 column ("主體封頂", "投入運營"; units.is_progress_text, stop 51)
                             "頂運",
                             "号点务牵头单责协办参与时节间进况内举标门关导领备注计划态状题问体项总况结担负类详当设规称实级"
                             "产业区县镇际达准检层职奖惩据报执称周实现状围范帮扶织组构"
                             "万亿余额险费国资贷机银寿财长币"
                             "会则别动发坚处审编细联视议评说难预馈键确乡属员"
                             "债来农"
                             "较缓对过"
                             "开个数"
                             "后争于续条决布台见启启减从须应两几签义凌历腊阴烧"
                             "园系系"
                             "种"
                             "为"
                             "户"
                             "阶验"
                             "为汇"
                             "热线隶统访转电话满响复经济营税价环权质归约场贸"
                             "顶运")


# A site's pinyin reading inserted after a character ("截止時(shí)間為", "濟(jì)南", "區(qū)縣"): one syllable in lowercase
# Latin letters carrying its tone mark, in ASCII brackets right after a Han character. A bracket without a tone mark
# ("(a)", "(PDF)", "(A4纸,加盖公章)") is text.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING_RE = re.compile(rf"(?<={HAN_CLASS})\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


def without_readings(text: str) -> str:
    """``text`` without the pinyin readings a site inserted after its characters ("企業(yè)網(wǎng)上申報(bào)截止時(shí)間為2022年8月5日
    24:00" -> "企業網上申報截止時間為2022年8月5日24:00"): layout, read as if absent where the words are read for their
    meaning (a deadline's caption and date, GOLD-README "fresh37"); unit names keep them as written. Shorter than
    ``text`` when readings are dropped."""
    return _READING_RE.sub("", text) if "(" in text else text


def simplified(text: str) -> str:
    """``text`` with the traditional characters of captions and unit names in their simplified forms ("單位：萬元" ->
    "单位：万元", "原保險保費收入" -> "原保险保费收入", "縣直相關部門" -> "县直相关部门"); other characters unchanged,
    so the length is kept (a match in the result is a match at the same place in ``text``). Used by captions.py
    ``normalize_caption``, units.py ``is_vague_collective`` and ``drop_persons``, parsing/deadlines.py's probe and the
    indicator tables' reader (tracker/indicators/workbook.py, through captions.py)."""
    return text.translate(_TRADITIONAL)
