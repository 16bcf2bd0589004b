"""Per-document extraction as a pure function: a :class:`Document` and the build's options in, a
:class:`DocumentResult` out — records only, no entity table, no graph. Whatever runs it (this
process, a worker process, a Dask worker) gives the same result, which is why the graph the parent
assembles from the results is the same for any number of workers."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg import codec
from kg.corpus.documents import Document
from kg.ingest import bylines
from kg.ingest.bylines import date_article, find_page_date
from kg.ingest import webpage
from kg.ingest.decode import InputError, decode_bytes
from kg.ingest.read import add_page_metadata
from kg.ingest.records import Article
from kg.ingest.script import to_simplified
from kg.ingest.split import split_page
from kg.nlp.records import Event, Location, Mention, Position
from kg.resolve.aliases import home_unit
from kg.resolve.gazetteer import Unit


@dataclass(frozen=True)
class Options:
    """The build options extraction depends on (they are part of the cache key)."""

    model: str | None = None  # None: kg's own pipeline
    date: str | None = None  # ISO publication date of articles whose file gives none
    resources: str | None = None  # a folder of the user's data files for the rule layer (absolute)
    events: str | None = None  # "rules" or "model"; None: the pipeline's default


@dataclass
class ArticleRecord:
    """What the pipeline found in one article; ``mentions`` carry the article's original surface
    (traditional characters stay traditional), in the order the pipeline found them."""

    article: Article
    home: Unit | None = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)


@dataclass
class DocumentResult:
    """The articles of one document, or why it could not be read (``error``)."""

    source: str
    articles: list[ArticleRecord] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> str:
        return codec.dumps(self)

    @classmethod
    def from_json(cls, text: str) -> DocumentResult:
        return codec.loads(cls, text)


def read_articles(document: Document, default_date: date | None = None) -> list[Article]:
    """The articles of a document (no NLP).

    Raises:
        InputError: undecodable bytes, a bad sidecar, a JSON line that is not an article.
    """
    if document.error:
        raise InputError(document.error)
    if document.kind == "jsonl":
        return [_jsonl_article(document, default_date)]
    page, web = decode_bytes(document.data, document.origin), None
    if document.kind == "html":
        web = webpage.read_page(page)
        page = web.text
    meta = _metadata(document)
    published = web.date if web else None
    given = date.fromisoformat(meta["date"]) if "date" in meta else published
    page_date = find_page_date(page)
    doc_id = Path(document.source).with_suffix("").as_posix()  # "/" kept: a/b.txt and a_b.txt are two articles
    articles = split_page(page, doc_id=doc_id, source=document.source)
    for article in articles:
        date_article(article, given=given, page=page_date, default=default_date)
        add_page_metadata(article, web)
    return articles


def _metadata(document: Document) -> dict:
    if document.meta is None:
        return {}
    sidecar = Path(document.origin).with_suffix(".meta.json")
    try:
        meta = json.loads(document.meta.decode("utf-8"))
        if "date" in meta:
            date.fromisoformat(meta["date"])
        return meta
    except (ValueError, TypeError, AttributeError) as err:
        raise InputError(f"{sidecar}: not a metadata file with an ISO date ({err})") from None


def _jsonl_article(document: Document, default_date: date | None) -> Article:
    """One JSON object (``id``, ``title``, ``date``, ``text``, optional ``source``) as an article.

    Its id is the corpus file's stem and the object's ``id`` (``paper2020-000123``), so two corpora
    may reuse ids."""
    try:
        obj = json.loads(document.data.decode("utf-8"))
        if not isinstance(obj, dict):
            raise ValueError("not a JSON object")
        for key in ("id", "text"):
            if key not in obj:
                raise ValueError(f"no {key!r}")
        title, text = str(obj.get("title") or ""), obj["text"]
        if not isinstance(text, str):
            raise ValueError("'text' is not a string")
        given = date.fromisoformat(obj["date"]) if obj.get("date") else None
    except (ValueError, TypeError, UnicodeDecodeError) as err:
        raise InputError(f"{document.origin}: not an article line ({err})") from None
    title = " ".join(title.split())
    body = "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip())
    offset = len(title) + 1 if title else 0
    stem = Path(document.source).with_suffix("").as_posix()
    credits = bylines.body_credits(body)
    article = Article(
        id=f"{stem}-{obj['id']}",
        source=str(obj.get("source") or document.source),
        title=title,
        text=f"{title}\n{body}" if title else body,
        dateline=bylines.find_dateline(body, offset) if body else None,
        captions=list(bylines.find_captions(body, offset)) if body else [],
        **credits.article_fields(),
    )
    date_article(article, given=given, default=default_date)
    return article


def extract(nlp, documents: list[Document], options: Options) -> list[DocumentResult]:
    """Read and analyse a batch of documents; the articles of all of them go through ``nlp.pipe``
    together.

    Args:
        nlp: kg's pipeline (:func:`kg.load` with ``options.model``).
        documents: the batch.
        options: the build's options.

    Returns:
        One result per document, in order.
    """
    default_date = date.fromisoformat(options.date) if options.date else None
    results, articles = [], []
    for document in documents:
        result = DocumentResult(document.source)
        try:
            found = read_articles(document, default_date)
        except InputError as err:
            result.error = str(err)
            found = []
        results.append(result)
        articles.extend((result, article) for article in found)
    texts = (to_simplified(article.text) for _, article in articles)
    for (result, article), doc in zip(articles, nlp.pipe(texts)):
        result.articles.append(article_record(article, doc))
    return results


def article_record(article: Article, doc) -> ArticleRecord:
    """Traditional characters are analysed in simplified form; names are kept simplified (one node
    for 臺灣 and 台湾) and the original surface becomes an alias."""
    mentions = []
    credited = bylines.credit_spans(article.text)
    for mention in doc._.kg_mentions or []:
        if mention.label == "PERSON" and any(a <= mention.start < b for a, b in credited):
            continue  # a reporter in a dateline or a closing bracket: a byline (schema:author), no mention
        original = article.text[mention.start:mention.end]
        mentions.append(dataclasses.replace(mention, text=original) if original != mention.text else mention)
    dateline = article.dateline.text if article.dateline else None
    return ArticleRecord(
        article=article,
        home=home_unit(dateline, (m.name for m in mentions if m.label == "GPE")),
        mentions=mentions,
        events=list(doc._.kg_events or []),
        positions=[p for p in doc._.kg_positions or [] if not any(a <= p.person.start < b for a, b in credited)],
        locations=list(doc._.kg_locations or []),
    )
