"""The graph as CSV tables, one row per fact, for pandas, R or a spreadsheet (``--format csv``).

Files are UTF-8 with a byte-order mark (``utf-8-sig``), which Excel needs to open Chinese correctly
and pandas (``encoding="utf-8-sig"``) and R (``fileEncoding = "UTF-8-BOM"``) read as well; rows end
with CRLF as RFC 4180 has it. Entities and events are named by IRI, with their label beside.

- ``entities.csv``: one row per entity: IRI, class, canonical name, aliases (joined by ``；``), GB/T 2260 code.
- ``events.csv``: one row per event: class, its Chinese name, triggers, time as written,
  ``sem:hasTimeStamp``, date (the time stamp, else the article's publication date), modality,
  confidence, amounts as written, the article of its first sentence.
- ``event_participants.csv``: one row per role of an event: agent, partner, theme, destination,
  representative, and hasPlace (the event's place).
- ``positions.csv``: one row per post: holder, title, organization or jurisdiction, and the sentence
  that states it with its offsets.
- ``relations.csv``: one row per relation between entities: worksFor, location, containedInPlace.
- ``mentions.csv``: one row per entity an article mentions (``schema:mentions``), with where in the
  article's text (``nif:isString``; offsets in characters) the first of the entity's names
  (canonical name or alias) occurs; empty where the article names it otherwise (该公司, a short form).
- ``sources.csv``: one row per source sentence of an event or position (``prov:wasDerivedFrom``),
  with its article, offsets and text.
- ``articles.csv``: one row per article: headline, publication date, source file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from kg.analysis.facts import Facts, event_classes

TABLES = ("entities", "events", "event_participants", "positions", "relations", "mentions", "sources", "articles")
ENCODING = "utf-8-sig"


def write_tables(facts: Facts, folder: Path) -> list[Path]:
    """Write :data:`TABLES` as ``folder/NAME.csv`` (the folder is made if needed).

    Returns:
        The files written, in the order of :data:`TABLES`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        header, rows = _TABLES[name](facts)
        path = folder / f"{name}.csv"
        with open(path, "w", encoding=ENCODING, newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def _entities(facts: Facts):
    header = ["entity", "class", "label", "aliases", "gb_code"]
    return header, ([e.iri, e.cls, e.label, "；".join(e.aliases), e.code] for e in facts.entities.values())


def _events(facts: Facts):
    zh = event_classes()
    header = ["event", "class", "class_zh", "trigger", "time_text", "timestamp", "date", "modality", "confidence",
              "amount", "article", "headline"]

    def rows():
        for e in facts.events.values():
            article = facts.article_of(e.sentences)
            yield [e.iri, e.cls, zh.get(e.cls, ""), "；".join(e.triggers), e.time_text, e.timestamp, facts.date_of(e),
                   e.modality, _number(e.confidence), "；".join(e.amounts), article, _headline(facts, article)]

    return header, rows()


def _participants(facts: Facts):
    header = ["event", "class", "role", "entity", "label", "entity_class"]

    def rows():
        for link in facts.participants:
            entity = facts.entities.get(link.object)
            yield [link.subject, facts.events[link.subject].cls, link.name, link.object,
                   entity.label if entity else "", entity.cls if entity else ""]

    return header, rows()


def _positions(facts: Facts):
    header = ["position", "holder", "holder_label", "title", "organization", "organization_label", "jurisdiction",
              "jurisdiction_label", "confidence", "article", "begin", "end", "sentence"]

    def rows():
        for p in facts.positions.values():
            sentence = facts.sentences.get(p.sentences[0]) if p.sentences else None
            yield [p.iri, p.holder, _label(facts, p.holder), p.title, p.organization, _label(facts, p.organization),
                   p.jurisdiction, _label(facts, p.jurisdiction), _number(p.confidence),
                   sentence.article if sentence else "", *(_offsets(sentence) if sentence else ["", ""]),
                   sentence.text if sentence else ""]

    return header, rows()


def _relations(facts: Facts):
    header = ["subject", "subject_label", "relation", "object", "object_label"]
    return header, ([r.subject, _label(facts, r.subject), r.name, r.object, _label(facts, r.object)] for r in facts.relations)


def _mentions(facts: Facts):
    header = ["article", "headline", "entity", "label", "class", "begin", "end", "name"]

    def rows():
        for article_iri, iri in facts.mentions:
            entity = facts.entities.get(iri)
            article = facts.articles.get(article_iri)
            names = [entity.label, *entity.aliases] if entity else []
            begin, name = first_occurrence(article.text if article else "", names)
            yield [article_iri, article.headline if article else "", iri, entity.label if entity else "",
                   entity.cls if entity else "", begin if name else "", begin + len(name) if name else "", name]

    return header, rows()


def _sources(facts: Facts):
    header = ["fact", "kind", "article", "headline", "begin", "end", "sentence"]

    def rows():
        for kind, records in (("event", facts.events), ("position", facts.positions)):
            for record in records.values():
                for iri in record.sentences:
                    s = facts.sentences.get(iri)
                    if s is not None:
                        yield [record.iri, kind, s.article, _headline(facts, s.article), *_offsets(s), s.text]

    return header, rows()


def _articles(facts: Facts):
    header = ["article", "headline", "date", "source_file"]
    return header, ([a.iri, a.headline, a.date, a.source_file] for a in facts.articles.values())


_TABLES = {
    "entities": _entities, "events": _events, "event_participants": _participants, "positions": _positions,
    "relations": _relations, "mentions": _mentions, "sources": _sources, "articles": _articles,
}


def first_occurrence(text: str, names: Iterable[str]) -> tuple[int, str]:
    """Where the first of ``names`` occurs in ``text`` (the longest name where two start at the same
    place), or ``(-1, "")``."""
    best = (-1, "")
    for name in names:
        if not name:
            continue
        at = text.find(name)
        if at >= 0 and (best[0] < 0 or at < best[0] or (at == best[0] and len(name) > len(best[1]))):
            best = (at, name)
    return best


def _label(facts: Facts, iri: str) -> str:
    entity = facts.entities.get(iri)
    return entity.label if entity else ""


def _headline(facts: Facts, iri: str) -> str:
    article = facts.articles.get(iri)
    return article.headline if article else ""


def _offsets(sentence) -> list:
    return ["" if sentence.begin is None else sentence.begin, "" if sentence.end is None else sentence.end]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
