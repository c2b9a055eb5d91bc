"""The field's vocabulary, written once (pure Python: no Flask, no database).

What Chinese plans, work ledgers (工作台账) and the people filling them write, and what it means:

- ``numbering``: numerals (Chinese both ways, Arabic, circled, Roman), the numbering tokens that
  open a plan's line ("一、", "（一）", "1.", "①", "第一，", …) and the 序号 cells of a ledger
  ("一（一）", "1.2"), as ``NumberToken``.
- ``units``: ``split_units``, a list of unit names written in one text ("A、B（含下属单位，各分局）").
- ``captions``: caption synonyms per field (牵头单位/主办单位/责任单位 …) and header matching.
- ``persons``: person and contact words (责任人, 联系人, 分管领导, 电话 …): the 责任人 field's captions,
  the persons written beside units in a cell, an annotation's person and contact captions.
- ``statuses``: how other offices write a task's 完成状态 (未启动, 已完成, …), as status codes.
- ``figures``: how a figure is written in a cell or a field (``read_figure``: a thousands comma only between
  groups of three, "5890,1" refused; —, /, 无 as no figure), for the indicator tables and the forms' numbers.
- ``han``: the range of Han characters (汉字) the patterns write, ``HAN`` / ``HAN_CLASS`` / ``HAN_RE``.

Read by the plan parser (tracker/parsing), the ledger reader and writer (tracker/ledger) and the
import preview (services/draft_editing). Extend the vocabulary here and nowhere else.
"""
