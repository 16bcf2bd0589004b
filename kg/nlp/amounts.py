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
    return re.compile(rf"(\d+(?:[.．]\d+)?)\s*(千万|百万|万|亿|千)?\s*({words})")  # ３．４亿: full-width forms


def currency_of(amount: str) -> str:
    """The ISO 4217 code of an amount found by :func:`find_amounts` (3.5亿美元 → USD, 10亿元 → CNY)."""
    match = _amount_re().search(amount)
    return _currencies()[match.group(3)] if match else "CNY"


def find_amounts(text: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """(start, end, value in its currency, see :func:`currency_of`) of each amount of money between
    ``start`` and ``end``."""
    found = []
    for match in _amount_re().finditer(text, start, end):
        value = Decimal(match.group(1).replace("．", ".")) * _UNITS[match.group(2) or ""]
        found.append((match.start(), match.end(), value.normalize() if value % 1 else Decimal(int(value))))
    return found
