"""Made-up figures for trying the 指标监测 pages on the demo (示例数据: never real institutions' figures). Pure.

The demo seeds no 金融机构 and no figures, so a new user downloads a sample table from the import page and
imports it like any office's table (services/indicators/figures.sample_table writes it with
``workbook.write_template``, the layout ``workbook.read_table`` reads). Every name carries "示例" and the title
says the figures are made up, so neither the registry nor a ranking can pass them for real ones.
"""
from __future__ import annotations

from .workbook import IndicatorColumn

#: The made-up institutions: name, size (a balance indicator's figure in January 2020, in its 计量单位) and
#: monthly growth; different growths give the rankings something to order.
SAMPLE_ENTITIES = (
    ("示例银行甲", 2400.0, 0.004),
    ("示例银行乙", 1800.0, 0.009),
    ("示例银行丙", 1500.0, 0.006),
    ("示例农商行", 900.0, 0.012),
    ("示例村镇银行", 160.0, 0.002),
)

#: What the title of a sample table ends with (after "YYYY年M月末全市各金融机构金融指标情况表").
SAMPLE_NOTE = "（示例数据：机构和数字均为虚构，仅供试用）"


def sample_values(period: str, indicators: list[IndicatorColumn],
                  cumulative: set[str]) -> dict[tuple[str, str], float]:
    """Return ``{(institution, indicator name): value}`` of every SAMPLE_ENTITIES institution for ``period``
    ("YYYY-MM"), in each indicator's 计量单位, rounded to 2 decimals.

    A balance (余额) grows from the institution's size by its monthly growth since January 2020, each indicator
    scaled by its place in ``indicators`` (the second 0.8 of the first, …); an indicator named in ``cumulative``
    (累计, summed from January) is a twentieth of that balance per month elapsed in the year. The same period
    always gives the same figures, so tables of several months agree (同比, 比年初 can be computed)."""
    year, month = int(period[:4]), int(period[5:7])
    months = (year - 2020) * 12 + month - 1
    values = {}
    for name, size, growth in SAMPLE_ENTITIES:
        balance = size * (1 + growth) ** months
        for position, indicator in enumerate(indicators):
            value = balance * 0.8 ** position
            if indicator.name in cumulative:
                value = value / 20 * month
            values[(name, indicator.name)] = round(value, 2)
    return values
