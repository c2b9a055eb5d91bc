"""Han characters (汉字), as the parser's and the ledger reader's patterns write them: one range, one name.

``HAN`` is the CJK Unified Ideographs block (U+4E00–U+9FFF), where the characters of Chinese plans and ledgers
are, simplified and traditional, written as a range for a character class that also holds other characters
(``f"[{HAN}、（）()]"``); ``HAN_CLASS`` is one such character (``f"{HAN_CLASS}{{2,4}}"``); ``HAN_RE`` finds one.

Patterns that mean something else keep their own, named where they are used: the CJK letters, punctuation and
full-width forms of the whitespace rule (parsing/cleaning.py ``_CJK_RANGES``) and the block with Extension A
(U+3400–U+9FFF) that tells a title from a line of codes (parsing/metadata.py ``_HAN_RE``). Pure Python.
"""
from __future__ import annotations

import re

HAN = "\u4e00-\u9fff"
HAN_CLASS = f"[{HAN}]"
HAN_RE = re.compile(HAN_CLASS)
