"""Files and folders in, articles out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kg.ingest.decode import InputError, read_text
from kg.ingest.records import Article
from kg.ingest.split import split_page
from kg.ingest.webpage import SUFFIXES, page_text
from kg.ingest.bylines import find_page_date



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
    (:mod:`kg.ingest.webpage`), else from a date printed at the top of the page, else from
    ``default_date`` (``kg build --date``).
    """
    page, published = read_text(path), None
    if path.suffix.lower() in SUFFIXES:
        page, published = page_text(page)
    meta = read_metadata(path)
    when = date.fromisoformat(meta["date"]) if "date" in meta else published or find_page_date(page) or default_date
    doc_id = Path(source).with_suffix("").as_posix().replace("/", "_")
    for article in split_page(page, doc_id=doc_id, source=source):
        article.date = when.isoformat() if when else None
        yield article
