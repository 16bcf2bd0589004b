"""Records the ingest stage hands to the rest of kg."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """One article of a page, with everything later stages need.

    ``text`` is the cleaned article (title lines first, then the body); every offset that kg stores
    (entity mentions, sentences, captions) points into it.
    """

    id: str  # stable: "<file stem>-<index on the page>"
    source: str  # the file it came from, relative to the input root
    title: str  # "" for an untitled item (a photo with its caption)
    text: str
    subtitles: list[str] = field(default_factory=list)
    kicker: str = ""  # the lead-in line above a title (引题)
    authors: list[str] = field(default_factory=list)  # reporters, correspondents, photographers
    dateline: Span | None = None  # 本报青岛讯, 新华社北京5月28日电
    captions: list[Span] = field(default_factory=list)  # 图为…
    date: str | None = None  # ISO date of publication when known (YYYY-MM-DD)
