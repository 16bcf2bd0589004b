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

    id: str  # stable: "<path below the corpus root, less its suffix>-<index on the page>" (or -<JSON Lines id>)
    source: str  # the file it came from, relative to the input root
    title: str  # "" for an untitled item (a photo with its caption)
    text: str
    subtitles: list[str] = field(default_factory=list)
    kicker: str = ""  # the lead-in line above a title (引题)
    authors: list[str] = field(default_factory=list)  # reporters and writers (记者, 文)
    contributors: list[str] = field(default_factory=list)  # correspondents, interns, photographers
    editors: list[str] = field(default_factory=list)  # 编辑, 责任编辑, 审核, 校对
    outlet: str = ""  # the outlet its credits name: 新华社, 本报, 某某日报
    place: str = ""  # where it was filed: 北京 of 新华社北京5月28日电, 本报青岛讯, 北京报道
    filed: str | None = None  # the dateline's date: ISO where the year is known, else --MM-DD
    dateline: Span | None = None  # 本报青岛讯, 新华社北京5月28日电
    captions: list[Span] = field(default_factory=list)  # 图为…
    date: str | None = None  # ISO date of publication when known (YYYY-MM-DD)
    # a web page's metadata, as the page gives it (kg.ingest.webpage); not yet in the graph
    site_name: str = ""  # og:site_name, JSON-LD publisher …
    authors_meta: list[str] = field(default_factory=list)  # <meta name="author">, a byline element's text
