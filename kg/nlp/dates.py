"""Time expressions of Chinese news resolved against the article's date.

``5月28日`` (or ``5月28号``) in an article of 2020-05-29 is ``2020-05-28`` (``xsd:date``), as is
``2020-05-28`` written so; a date that would fall after the article belongs to the year before.
``2019年3月`` is an ``xsd:gYearMonth``, ``2019年`` and ``今年`` an ``xsd:gYear``. Relative
expressions (近日, 日前 …) keep their text and are bounded by the article date: they happened on or
before it. Digits may be full-width (１９９８年１月７日, as People's Daily prints them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.nlp.text import DAY, MONTH, YEAR

_FULL = re.compile(
    rf"(?:(?P<y>{YEAR})年)?(?:(?P<m>{MONTH})月)?(?:(?P<d>{DAY})[日号])?"
    rf"|(?P<iy>{YEAR})-(?P<im>{MONTH})-(?P<id>{DAY})"
)
_YEAR_WORDS = {"今年": 0, "去年": -1, "明年": 1}
_DAY_WORDS = {"今天": 0, "今日": 0, "当天": 0, "昨天": -1, "昨日": -1}
RELATIVE = ("近日", "日前", "本周", "上周", "近期", "此前")


@dataclass(frozen=True)
class Resolved:
    value: str  # ISO form: 2020-05-28, 2020-05, 2020
    datatype: str  # date, gYearMonth, gYear
    before: str | None = None  # for relative expressions: the latest date it can be (xsd:date)


def resolve(text: str, article_date: date | None) -> Resolved | None:
    """The value of a time expression, or None where it cannot be pinned down."""
    if text in RELATIVE:
        return Resolved("", "", article_date.isoformat()) if article_date else None
    if text in _DAY_WORDS and article_date:
        day = date.fromordinal(article_date.toordinal() + _DAY_WORDS[text])
        return Resolved(day.isoformat(), "date")
    if text in _YEAR_WORDS and article_date:
        return Resolved(str(article_date.year + _YEAR_WORDS[text]), "gYear")
    match = _FULL.fullmatch(re.sub(r"(上午|下午|晚|上半年|下半年|底|初)$", "", text))
    if not match or not any(match.groupdict().values()):
        return None
    parts = (match["iy"], match["im"], match["id"]) if match["iy"] else (match["y"], match["m"], match["d"])
    y, m, d = (int(v) if v else None for v in parts)
    if y is None:
        if article_date is None or m is None:
            return None
        y = article_date.year
        if (m, d or 1) > (article_date.month, article_date.day):
            y -= 1  # news tells of the past: 12月30日 in a January article is last year's
    if m is None:
        return Resolved(f"{y:04d}", "gYear")
    if d is None:
        return Resolved(f"{y:04d}-{m:02d}", "gYearMonth")
    try:
        return Resolved(date(y, m, d).isoformat(), "date")
    except ValueError:
        return None
