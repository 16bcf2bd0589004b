"""Repair what page layout does to text: paragraphs cut in the middle of a word by a column break."""

from __future__ import annotations

import re

_SENTENCE_END = set("。！？!?；;…”」』）)】——:：")
_OPENERS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z０-９“‘《（(「]")
_MIN_CUT_LINE = 15  # a line cut by a column break is a full column of body text, never a short one


def is_cut(line: str, following: str) -> bool:
    """True when ``line`` breaks off mid-word and ``following`` carries on (及时调 | 整基层…)."""
    if len(line) < _MIN_CUT_LINE or line[-1] in _SENTENCE_END:
        return False
    return bool(_OPENERS.match(following))


def normalize_line(line: str) -> str:
    """Strip the trailing spaces of markdown hard breaks and stray edge whitespace."""
    return line.strip(" \t\u3000\xa0")
