"""Sentences, clauses and time expressions of Chinese text, by punctuation and patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*[”’」』]?")
_CLAUSE_BREAK = re.compile(r"[,，:：]")
TIME = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9])月(?:(?:[12]\d|3[01]|0?[1-9])日)?(?:上午|下午|晚)?"
    r"|(?:19|20)\d{2}年(?:上半年|下半年|底|初)?"
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
