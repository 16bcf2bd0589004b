"""Sentences, clauses and time expressions of Chinese text, by punctuation and patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator

HAN = "\u4e00-\u9fff"  # the CJK unified ideographs, for character classes ([{HAN}])
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*[”’」』]?")
_CLAUSE_BREAK = re.compile(r"[,，:：]")
# years, months and days in ASCII or full-width digits (People's Daily prints １９９８年１月７日)
YEAR = r"(?:[1１][9９]|[2２][0０])[0-9０-９]{2}"
MONTH = r"(?:[1１][0-2０-２]|[0０]?[1-9１-９])"
DAY = r"(?:[12１２][0-9０-９]|[3３][01０１]|[0０]?[1-9１-９])"
TIME = re.compile(
    rf"{YEAR}-{MONTH}-{DAY}(?![0-9０-９])"  # 2020-05-28, as web news writes it
    rf"|(?:{YEAR}年)?{MONTH}月(?:{DAY}[日号])?(?:上午|下午|晚)?"  # 5月28号: spoken
    rf"|{YEAR}年(?:上半年|下半年|底|初)?"
    r"|近日|日前|今天|昨天|昨日|今日|当天|本周|上周|今年|去年|明年"
)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, trailing punctuation included, surrounding space excluded."""
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the comma-separated clauses of one sentence."""
    bounds = [start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
