"""Amounts of money in Chinese news (总投资10亿元, 投入650万元, 3.5亿美元), in their currency."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.nlp import lexicons

_UNITS = {"": 1, "万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "千": 1_000}


@lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    return lexicons.table("events/currencies.tsv")


@lru_cache(maxsize=1)
def _amount_re() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, _currencies()), key=len, reverse=True))
    # ３．４亿: full-width forms; 三千五百万, 二十六点六万: Chinese numerals
    number = rf"\d+(?:[.．]\d+)?|[{_CN_DIGITS}十][{_CN_DIGITS}十百千]*(?:点[{_CN_DIGITS}]+)?"
    return re.compile(
        rf"(?<![几数万亿{_CN_DIGITS}十百千点\d.．])(?:([近上逾超])(?=千万|百万|万|亿|千)|({number}))?"
        rf"\s*[多余]?\s*(千万|百万|万|亿|千)?\s*[多余]?\s*({words})"
    )


_CN_DIGITS = "零〇○一二两三四五六七八九"  # ○: the zero of People's Daily's typesetting (五十点○七亿元)
_CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _chinese_number(digits: str) -> Decimal | None:
    """三千五百 → 3500, 十二 → 12, 两 → 2, 二十六点六 → 26.6; None for what is no plain number (一二)."""
    whole, _, fraction = digits.partition("点")
    number = _chinese_integer(whole)
    if number is None or not all(ch in _CN_VALUES for ch in fraction):
        return None
    return Decimal(f"{number}.{''.join(str(_CN_VALUES[ch]) for ch in fraction)}") if fraction else Decimal(number)


def _chinese_integer(digits: str) -> int | None:
    total, current = 0, None
    for ch in digits:
        if ch in _CN_VALUES:
            if current is not None:
                return None  # 一二: a list, no number
            current = _CN_VALUES[ch]
        else:
            total += (1 if current is None else current) * _CN_UNITS[ch]
            current = None
    return total + (current or 0)


def currency_of(amount: str) -> str:
    """The ISO 4217 code of an amount found by :func:`find_amounts` (3.5亿美元 → USD, 10亿元 → CNY)."""
    match = _amount_re().search(amount)
    return _currencies()[match.group(4)] if match else "CNY"


def find_amounts(text: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """(start, end, value in its currency, see :func:`currency_of`) of each amount of money between
    ``start`` and ``end``. An amount written as at least or about one (３万多元, ４０余万元, 近千万元,
    上亿元) has the number it states as its value: a lower bound, or a round one; its text, which
    the graph keeps as the amount's label, says which. Vague ones (几十万元, 数千万元) are none."""
    found = []
    for match in _amount_re().finditer(text, start, end):
        before, digits, unit = match.group(1), match.group(2), match.group(3) or ""
        if digits is None:
            if not (before and unit):
                continue  # a unit with no number is one only after 近, 上, 逾, 超 (近千万元, 上亿元), not 每千元
            number = Decimal(1)
        elif digits[0].isdigit():
            number = Decimal(digits.replace("．", "."))
        else:
            number = _chinese_number(digits)
            if not number or (number < 10 and not unit and match.group(4) == "元"):
                continue  # 一元化, 二元结构, 三元里: no money
        value = number * _UNITS[unit]
        found.append((match.start(), match.end(), value.normalize() if value % 1 else Decimal(int(value))))
    return found
