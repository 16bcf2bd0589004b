"""Web pages (scraped news, ``.html``) as the page text kg splits into articles: the article's title
as a heading, its main text as lines, and what the page's metadata says (date, author, site name).

The main text is what trafilatura extracts, the date what htmldate finds (``<meta>``, JSON-LD,
``<time>``, then dates printed on the page). trafilatura runs in its precision mode first, which drops
more furniture (a portal's footer), and in its balanced mode where that finds no text (pages laid out
in tables, whose navigation links make precision mode drop the whole table). Tables are left out:
on the pages of the test set they are layout, not data. kg's own block reader
(:mod:`kg.ingest.blocks`) stands in where it measured better on the page tests:

- a page where trafilatura finds under :data:`MIN_TEXT` characters of text (two lines in a bare
  ``<div>`` beside lists of links): kg's reader gives the whole page text;
- the lines between the ``<h1>`` and the text that trafilatura leaves out when they stand outside the
  text's container (an e-paper's subtitles and byline): kg's reader gives the section titles found
  there, and the byline where trafilatura reports it as the page's author, nothing else (an info
  line with 字号 or 浏览次数 stays out). The byline then reads as any byline in a text does.

Offsets in the graph refer to the text built here, which the graph keeps (``nif:isString``); the title
is its first line and is never repeated in the body. Nothing is fetched: the markup is parsed here and
handed to trafilatura and htmldate as a tree (htmldate downloads a *string* that looks like a URL).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from trafilatura import bare_extraction, extract_metadata, load_html

from kg.ingest import blocks

SUFFIXES = (".html", ".htm")  # the files read as web pages
MIN_TEXT = 40  # characters; less main text than this is page furniture, not an article
_DATE_SEARCH = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class WebPage:
    """A web page read: its page text and what its metadata says."""

    text: str  # page text for kg.ingest.split: "# title", then one paragraph a line, blank lines between
    date: date | None  # the publication date
    title: str = ""
    site_name: str = ""  # the site's name in the page's metadata (og:site_name, JSON-LD publisher …)
    authors: tuple[str, ...] = ()  # the author metadata as the page gives it (本报记者 周文涛 通讯员 韩雪)
    reader: str = "trafilatura"  # "kg" where kg's own reader gave the text


def read_page(markup: str) -> WebPage:
    """A web page's article, its title, date, author and site name, read offline.

    Args:
        markup: the page's HTML, decoded.

    Returns:
        The page as kg reads it; ``reader`` says which reader gave the text.
    """
    markup = blocks.unwrap(markup)
    own_text, own_date = blocks.page_text(markup)
    tree = load_html(markup) if markup.strip() else None
    if tree is None:
        return WebPage(own_text, own_date, reader="kg")
    meta = extract_metadata(copy.deepcopy(tree), date_config=dict(_DATE_SEARCH))
    published = _iso_date(meta.date)
    if published is None or (published.day == 1 and not _stated(published, markup)):
        published = own_date
    title = blocks.without_site_name(meta.title or "")
    authors = tuple(a.strip() for a in (meta.author or "").split(";") if a.strip()) or _meta_authors(tree)
    site = (meta.sitename or "").strip()
    lines = _main_lines(tree)
    if sum(len(text) for _, text in lines) < MIN_TEXT:
        own_title = next((line[2:] for line in own_text.split("\n\n") if line.startswith("# ")), title)
        return WebPage(own_text, published, own_title, site, authors, reader="kg")
    if lines and lines[0][1] == title:  # the headline is the page text's first line, not a paragraph too
        lines = lines[1:]
    kept = {text for _, text in lines}
    head = [line for line in _headline_block(own_text, title, authors) if line.lstrip("# ") not in kept]
    body = [f"### {text}" if heading else text for heading, text in lines]
    page = [f"# {title}"] if title else []
    return WebPage("\n\n".join([*page, *head, *body]) + "\n", published, title, site, authors)


def _main_lines(tree) -> list[tuple[bool, str]]:
    """(is a heading, text) of the main text trafilatura finds: in precision mode, else, where
    that finds nothing at all, in balanced mode. Precision mode finds nothing where the page is laid
    out in tables and drops them for their links; where it finds a scrap, the page has no container
    it recognizes and balanced mode takes the whole page, menus and lists of links included."""
    lines: list[tuple[bool, str]] = []
    for focus in ({"favor_precision": True}, {}):
        document = bare_extraction(
            copy.deepcopy(tree), include_comments=False, include_tables=False, with_metadata=False, **focus
        )
        lines = list(_lines(document.body)) if document is not None and document.body is not None else []
        if lines:
            break
    return lines


def _lines(body) -> Iterator[tuple[bool, str]]:
    """The lines of trafilatura's main text (its XML: ``<head>``, ``<p>``, ``<list>``, ``<lb/>`` …)."""
    for element in body:
        heading = element.tag == "head"
        parts = element.findall("item") if element.tag == "list" else [element]
        for part in parts:
            for line in _text(part).split("\n"):
                line = _SPACES.sub(" ", line).strip()
                if line:
                    yield heading, line


def _text(element) -> str:
    for br in element.iter("lb"):
        br.tail = "\n" + (br.tail or "")
    return "".join(element.itertext())


def _headline_block(own_text: str, title: str, authors: tuple[str, ...]) -> list[str]:
    """The section titles right under the title in kg's reader's text, and the byline among them
    that trafilatura took out of the text as the page's author: an e-paper's subtitles and byline,
    which stand above the text's container. Up to the first other line (an info line with 字号 or
    浏览次数 stays out)."""
    lines = own_text.split("\n\n")
    if not title or f"# {title}" not in lines:
        return []
    block = []
    for line in lines[lines.index(f"# {title}") + 1 :]:
        if not (line.startswith("### ") or line in authors):
            break
        block.append(line)
    return block


def _meta_authors(tree) -> tuple[str, ...]:
    """``<meta name="author">`` as written: trafilatura keeps a meta author only when it holds a space
    (a rule for Western names), so it drops every Chinese name (周文涛)."""
    found = tree.xpath("//meta[translate(@name, 'AUTHOR', 'author')='author' or @property='article:author']/@content")
    return tuple(dict.fromkeys(_SPACES.sub(" ", a).strip() for a in found if a.strip()))


def _stated(when: date, markup: str) -> bool:
    """True when the markup writes ``when`` out in full. htmldate's guesses from a year alone (a
    copyright line, ``©1998-2023``) or a year and month fall on the month's first day."""
    y, m, d = when.year, when.month, when.day
    return re.search(rf"(?<!\d)(?:{y}\s*[-/.年]\s*0?{m}\s*[-/.月]\s*0?{d}|{y}{m:02d}{d:02d})(?!\d)", markup) is not None


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
