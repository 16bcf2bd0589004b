"""Files and folders in, articles out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kg.ingest.decode import InputError, read_text
from kg.ingest.records import Article
from kg.ingest.split import split_page
from kg.ingest.webpage import SUFFIXES, WebPage, read_page
from kg.ingest.bylines import date_article, find_page_date



def read_metadata(path: Path) -> dict:
    """The sidecar metadata of a news file: ``page.meta.json`` beside ``page.txt``, e.g.
    ``{"date": "2020-05-29"}``; an empty dict where there is none.

    Raises:
        InputError: a sidecar that is not a JSON object with an ISO ``date``.
    """
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if "date" in meta:
            date.fromisoformat(meta["date"])
        return meta
    except (ValueError, TypeError, AttributeError) as err:
        raise InputError(f"{sidecar}: not a metadata file with an ISO date ({err})") from None


def read_articles(path: Path, source: str, *, default_date: date | None = None) -> Iterator[Article]:
    """The articles of one file (see :func:`kg.ingest.split.split_page`).

    The publication date comes from the sidecar metadata file, else from a web page's metadata
    (:mod:`kg.ingest.webpage`), else from a date the article prints (发布时间：…), else from a date
    printed at the top of the page, else from the dateline's month and day in the year of
    ``default_date`` (``kg build --date``), else from ``default_date``
    (:func:`kg.ingest.bylines.date_article`).
    """
    page, web = read_text(path), None
    if path.suffix.lower() in SUFFIXES:
        web = read_page(page)
        page = web.text
    meta = read_metadata(path)
    published = web.date if web else None
    given = date.fromisoformat(meta["date"]) if "date" in meta else published
    page_date = find_page_date(page)
    doc_id = Path(source).with_suffix("").as_posix()  # "/" kept: a/b.txt and a_b.txt are two articles
    for article in split_page(page, doc_id=doc_id, source=source):
        date_article(article, given=given, page=page_date, default=default_date)
        add_page_metadata(article, web)
        yield article


def add_page_metadata(article: Article, web: WebPage | None) -> None:
    """Give an article of a web page the site name and author metadata of its page."""
    if web is not None:
        article.site_name = web.site_name
        article.authors_meta = list(web.authors)
