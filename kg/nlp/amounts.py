"""Amounts of money in Chinese news (总投资10亿元, 投入650万元), in yuan."""

from __future__ import annotations

import re
from decimal import Decimal

_UNITS = {"": 1, "万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "千": 1_000}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(千万|百万|万|亿|千)?\s*(元|人民币)")


def find_amounts(text: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """(start, end, value in yuan) of each amount of money between ``start`` and ``end``."""
    found = []
    for match in _AMOUNT.finditer(text, start, end):
        value = Decimal(match.group(1)) * _UNITS[match.group(2) or ""]
        found.append((match.start(), match.end(), value.normalize() if value % 1 else Decimal(int(value))))
    return found
