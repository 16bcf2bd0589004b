"""kg's own reader of web pages, block by block: the page's article as page text (the title as a
heading, paragraphs as lines) and its publication date. :mod:`kg.ingest.webpage` reads pages through
trafilatura and falls back on this reader where trafilatura finds (next to) no text.

What is read: the first ``<article>`` element where the page has one, else the ``<body>``, without
scripts, styles, navigation, forms, ``<header>``, ``<footer>`` and ``<aside>``; block elements (``<p>``,
``<div>``, ``<li>``, ``<br>`` …) end paragraphs, and a paragraph that is mostly links (a menu, a list
of other stories) is left out; ``<h1>`` is the title (else the page's ``<title>``
without a site name after ``_``, ``|`` or `` - ``), ``<h2>``–``<h6>`` are section titles. The date is
the first of ``article:published_time``, ``pubdate``, ``publishdate``, ``datePublished`` … in
``<meta>``, or a ``<time datetime>``.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe",
            "button", "select", "textarea", "head"}
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article", "main",
           "blockquote", "pre", "figure", "figcaption", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
_DATE_KEYS = ("article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date",
              "publication_date", "datepublished", "dc.date.issued", "dc.date", "date")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SITE_NAME = re.compile(r"\s*(?:[_|｜]| - | — |-{2,}).*$")  # 标题_频道_网站, 标题--某某县人民政府
_SPACES = re.compile(r"\s+")
_WIDE = r"[^\x00-\x7f]"
# a line break of the page's source between two Chinese characters is no space in the text (the
# source wraps lines, Chinese writes none); spaces typed between them stay (记者 王明 通讯员 李华)
_WRAPPED = re.compile(rf"(?<={_WIDE})[ \t\u3000\xa0]*\n\s*(?={_WIDE})")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0  # depth inside skipped elements
        self.in_title = False
        self.title = ""
        self.article_depth = 0  # depth inside the first <article>
        self.article_seen = False
        self.blocks: list[tuple[bool, int, str]] = []  # (inside <article>, heading level, text)
        self.parts: list[str] = []
        self.linked = 0  # characters of the current block inside links
        self.in_link = 0
        self.level = 0
        self.dates: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key in _DATE_KEYS and values.get("content"):
                self.dates.setdefault(key, values["content"])
            return
        if tag == "time" and values.get("datetime"):
            self.dates.setdefault("time", values["datetime"])
        if tag == "title":
            self.in_title = True
        if tag == "a":
            self.in_link += 1
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag == "article" and not self.article_seen:
            self.article_seen = True
            self.article_depth = 1
        elif tag == "article" and self.article_depth:
            self.article_depth += 1
        if tag in _BLOCKS:
            self._end_block()
            self.level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in _BLOCKS:
            self._end_block()
            self.level = 0
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self.parts.append(data)
            if self.in_link:
                self.linked += len(data.strip())

    def _end_block(self) -> None:
        text = _SPACES.sub(" ", unwrap("".join(self.parts))).strip()
        linked, self.parts, self.linked = self.linked, [], 0
        if text and linked <= len(text) / 2:  # mostly links: a menu or a list of other stories
            self.blocks.append((self.article_depth > 0, self.level, text))


def page_text(markup: str) -> tuple[str, date | None]:
    """A web page's article as page text (``# title`` and paragraphs) and its publication date."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader._end_block()
    blocks = reader.blocks
    if any(inside for inside, _, _ in blocks):
        blocks = [b for b in blocks if b[0]]
    lines = []
    if not any(level == 1 for _, level, _ in blocks):
        title = without_site_name(reader.title)
        if title:
            lines.append(f"# {title}")
    for _, level, text in blocks:
        lines.append(f"{'#' if level == 1 else '###'} {text}" if level else text)
    return "\n\n".join(lines) + "\n", _published(reader.dates)


def unwrap(text: str) -> str:
    """``text`` without the line breaks of the page's source between two Chinese characters."""
    return _WRAPPED.sub("", text)


def without_site_name(title: str) -> str:
    """A page's ``<title>`` without the site name after ``_``, ``|``, `` - `` or ``--``, spaces collapsed."""
    return _SITE_NAME.sub("", _SPACES.sub(" ", title).strip())


def _published(dates: dict[str, str]) -> date | None:
    for key in (*_DATE_KEYS, "time"):
        match = _DATE.search(dates.get(key, ""))
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                continue
    return None
