"""Records to triples, following the alignment contract of ``ontology.ttl``.

IRIs are stable: an entity's IRI is made of its type and canonical name, an article's of its file
and position on the page, a sentence's of the article and its character offsets (RFC 5147 style
``#char=begin,end``), an event's of the article and its order there. No blank nodes, so the same
input always gives the same graph and the same Turtle.

Every triple is stated in a named graph: that of the source document (``<base>doc/<file>``) for
what the document says (its articles, sentences, events, positions and the ``schema:worksFor``
a position implies), ``<base>doc/entities`` for what several documents share (``schema:location``
of organizations, the entities' own descriptions). :class:`Mapping` makes the quads of one article
at a time, which is what lets ``kg build`` stream them to disk (:mod:`kg.rdf.spool`);
:class:`GraphBuilder` collects them into one in-memory graph, for a handful of articles in hand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from kg.ingest.records import Article
from kg.nlp import event_coref
from kg.nlp.amounts import currency_of
from kg.nlp.dates import resolve
from kg.nlp.records import Event, Location, Mention, Position
from kg.rdf.namespaces import ENTITY_CLASS, ENTITY_PATH, KG, NIF, SCHEMA, SEM
from kg.resolve.entities import EntityTable, scope_of
from kg.resolve.gazetteer import Unit

ROLE = {"agent": KG.agent, "partner": KG.partner, "theme": KG.theme, "destination": KG.destination,
        "representative": KG.representative}
#: The prefixes kg binds in every graph it writes.
PREFIXES = {
    "kg": str(KG._NS), "schema": str(SCHEMA), "sem": str(SEM), "nif": str(NIF), "prov": str(PROV),
    "skos": str(SKOS), "owl": str(OWL),
}

Quad = tuple[URIRef, URIRef, Node, URIRef]  # subject, predicate, object, named graph


def iri_segment(name: str) -> str:
    """A name as one IRI path segment: letters and digits of any script stay readable (平度市),
    everything else is percent-encoded, so any name gives a valid IRI."""
    out = []
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in "-._~"):
            out.append(ch)
        elif not ch.isascii() and unicodedata.category(ch)[0] in "LN":
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out) or "_"


def decimal_literal(value: Decimal | float) -> Literal:
    """An ``xsd:decimal`` whose lexical form always has a point (``6500000.0``): the form Turtle
    gives a decimal, so the graph reads back the same from any of kg's files."""
    text = format(Decimal(str(value)) if isinstance(value, float) else Decimal(value), "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph


@dataclass
class ArticleResult:
    """What the pipeline found in one article, ready for the graph."""

    article: Article
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    mention_keys: list[tuple[str, str]] = field(default_factory=list)  # entities the article mentions
    home: Unit | None = None  # the place the article is about (local names refer to it)
    event_classes: list[str] = field(default_factory=list)  # set by Mapping.article_quads: one per event, mentions merged


class Mapping:
    """kg's IRIs under one base, and the quads of an article or of the entity table.

    An article's quads name each entity by the key :class:`EntityTable` gives it at that moment.
    Names seen later in the corpus can still merge entities (上合组织 into 上海合作组织, people of one
    name read in related articles: :meth:`EntityTable.merge`), so quads made before the merge may
    name an entity by a key that no longer exists: :meth:`redirects` says which IRIs to rewrite
    into which.
    """

    def __init__(self, base: str, entities: EntityTable):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.entities = entities
        self.shared = URIRef(f"{self.base}doc/entities")  # the graph of what documents share

    def entity_iri(self, key: tuple[str, str]) -> URIRef:
        label, name = key
        return URIRef(f"{self.base}{ENTITY_PATH[label]}/{iri_segment(name)}")

    def article_iri(self, article: Article) -> URIRef:
        return URIRef(f"{self.base}article/{iri_segment(article.id)}")

    def document_iri(self, article: Article) -> URIRef:
        """The named graph of the document an article comes from (its ``kg:sourceFile``)."""
        return URIRef(f"{self.base}doc/{iri_segment(article.source)}")

    def redirects(self) -> dict[URIRef, URIRef]:
        """IRIs of merged entities → the IRIs of the entities they were merged into."""
        return {self.entity_iri(old): self.entity_iri(self.entities.resolve(old)) for old in self.entities.redirects}

    def _key(self, mention, home: Unit | None, scope: str) -> tuple[str, str]:
        return self.entities.add(mention, home, scope)  # registers the mention; the key after any merging

    def article_quads(self, result: ArticleResult) -> list[Quad]:
        """Register an article's entities in the table and return its quads."""
        article, home = result.article, result.home
        doc = self.document_iri(article)
        node = self.article_iri(article)
        quads: list[Quad] = [(node, RDF.type, SCHEMA.NewsArticle, doc), (node, RDF.type, NIF.Context, doc)]
        if article.title:
            quads.append((node, SCHEMA.headline, Literal(article.title, lang="zh"), doc))
        quads.append((node, NIF.isString, Literal(article.text), doc))
        quads.append((node, KG.sourceFile, Literal(article.source), doc))
        if article.dateline:
            quads.append((node, KG.dateline, Literal(article.dateline.text), doc))
        for caption in article.captions:
            quads.append((node, KG.caption, Literal(caption.text), doc))
        if article.date:
            quads.append((node, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date), doc))
        scope = scope_of(article)
        for author in article.authors:
            key = self.entities.add_name("PERSON", author, scope)
            self.entities.note(scope, authors=[key])
            quads.append((node, SCHEMA.author, self.entity_iri(key), doc))
        for key in result.mention_keys:
            quads.append((node, SCHEMA.mentions, self.entity_iri(self.entities.resolve(key)), doc))
        keys: dict[Mention, tuple[str, str]] = {}  # each event mention's entity, registered once

        def key_of(mention: Mention) -> tuple[str, str]:
            if mention not in keys:
                keys[mention] = self._key(mention, home, scope)
            return keys[mention]

        canonical = lambda m: key_of(m)[1]  # noqa: E731
        key = lambda e: event_coref.told(e, canonical)  # noqa: E731
        result.event_classes = []
        for index, told in enumerate(event_coref.clusters(result.events, key=key)):  # one node per event, however often told
            quads.extend(self._event(article, index, told, doc, key_of))
            result.event_classes.append(told[0].cls)
        for index, position in enumerate(result.positions):
            quads.extend(self._position(article, index, position, home, doc))
        mentioned = {self.entities.resolve(key) for key in result.mention_keys}
        for location in result.locations:
            org = self.entity_iri(self._key(location.org, home, scope))
            place = self._key(location.place, home, scope)
            quads.append((org, SCHEMA.location, self.entity_iri(place), self.shared))
            if place not in mentioned:  # named inside the organization's name: 李沧区 of 李沧区汇益港湾…创新园
                mentioned.add(place)
                quads.append((node, SCHEMA.mentions, self.entity_iri(place), doc))
        return quads

    def _sentence(self, article: Article, span: tuple[int, int], doc: URIRef) -> tuple[URIRef, list[Quad]]:
        begin, end = span
        node = URIRef(f"{self.article_iri(article)}#char={begin},{end}")
        return node, [
            (node, RDF.type, KG.Sentence, doc),
            (node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger), doc),
            (node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger), doc),
            (node, NIF.anchorOf, Literal(article.text[begin:end]), doc),
            (node, NIF.referenceContext, self.article_iri(article), doc),
        ]

    def _event(self, article: Article, index: int, told: list[Event], doc: URIRef,
               key_of: Callable[[Mention], tuple[str, str]]) -> list[Quad]:
        """One event node for the mentions that tell it: the parties, places and time of all of them,
        each mention's trigger and sentence."""
        event = event_coref.merged(told, lambda m: key_of(m)[1])
        node = URIRef(f"{self.base}event/{iri_segment(article.id)}-{index}")
        quads: list[Quad] = [(node, RDF.type, KG[event.cls], doc)]
        for trigger in dict.fromkeys(e.trigger for e in told):
            quads.append((node, KG.trigger, Literal(trigger, lang="zh"), doc))
        for arg in event.arguments:
            quads.append((node, ROLE[arg.role], self.entity_iri(key_of(arg.mention)), doc))
        for place in event.places:
            quads.append((node, SEM.hasPlace, self.entity_iri(key_of(place)), doc))
        if event.time_text:
            quads.append((node, KG.timeText, Literal(event.time_text, lang="zh"), doc))
            when = resolve(event.time_text, date.fromisoformat(article.date) if article.date else None)
            if when and when.value:
                quads.append((node, SEM.hasTimeStamp, Literal(when.value, datatype=XSD[when.datatype]), doc))
            elif when and when.before:
                quads.append((node, SEM.hasLatestEndTimeStamp, Literal(when.before, datatype=XSD.date), doc))
        for i, (text, value) in enumerate(event.amounts):
            amount = URIRef(f"{node}/amount-{i}")
            quads += [
                (node, KG.amount, amount, doc),
                (amount, RDF.type, SCHEMA.MonetaryAmount, doc),
                (amount, SCHEMA.value, decimal_literal(value), doc),
                (amount, SCHEMA.currency, Literal(currency_of(text)), doc),
                (amount, RDFS.label, Literal(text, lang="zh"), doc),
            ]
        if event.modality != "asserted":
            quads.append((node, KG.modality, Literal(event.modality), doc))
        quads.append((node, KG.confidence, decimal_literal(event.confidence), doc))
        for span in dict.fromkeys(e.sentence for e in told):
            sentence, described = self._sentence(article, span, doc)
            quads.append((node, PROV.wasDerivedFrom, sentence, doc))
            quads += described
        return quads

    def _position(self, article: Article, index: int, position: Position, home: Unit | None, doc: URIRef) -> list[Quad]:
        node = URIRef(f"{self.base}position/{iri_segment(article.id)}-{index}")
        scope = scope_of(article)
        person_key, org_key = self._key(position.person, home, scope), self._key(position.org, home, scope)
        self.entities.note(scope, posts=[(person_key, org_key)])
        person, org = self.entity_iri(person_key), self.entity_iri(org_key)
        sentence, described = self._sentence(article, position.sentence, doc)
        at_org = position.org.label == "ORG"  # else a post in a place's government: 美国总统克林顿
        return [
            (node, RDF.type, KG.Position, doc),
            (node, KG.holder, person, doc),
            (node, KG.organization if at_org else KG.jurisdiction, org, doc),
            (node, SCHEMA.roleName, Literal(position.title, lang="zh"), doc),
            (node, KG.confidence, decimal_literal(position.confidence), doc),
            (node, PROV.wasDerivedFrom, sentence, doc),
            *described,
            *([(person, SCHEMA.worksFor, org, doc)] if at_org else []),
        ]

    def entity_quads(self) -> Iterator[Quad]:
        """Every entity's type, label, aliases, code, containing place and the place its local name was
        read as (市发展改革委 in a 青岛 article: ``schema:location`` 青岛市), in key order (after
        :meth:`EntityTable.merge`, so they name each entity by its final key)."""
        g = self.shared
        for key, entity in sorted(self.entities.entities.items(), key=lambda kv: kv[0]):
            node = self.entity_iri(key)
            yield node, RDF.type, ENTITY_CLASS[entity.label], g
            yield node, RDFS.label, Literal(entity.name, lang="zh"), g
            for alias in sorted(entity.aliases):
                yield node, SKOS.altLabel, Literal(alias, lang="zh"), g
            if entity.code:
                yield node, KG.gbCode, Literal(entity.code), g
            if entity.parent:
                yield node, SCHEMA.containedInPlace, self.entity_iri(self.entities.resolve(entity.parent)), g
            if entity.seat:
                yield node, SCHEMA.location, self.entity_iri(self.entities.resolve(entity.seat)), g


class GraphBuilder:
    """Collects articles, then writes them and their entities into one in-memory rdflib graph.

    For a handful of articles in hand (tests, benchmarks, :func:`kg.build.analyse`); ``kg build``
    streams its quads to disk instead (:mod:`kg.rdf.spool`), since this graph grows with the corpus.
    Writing waits for :meth:`add_entities`, so that every triple names entities by their final IRI.
    """

    def __init__(self, base: str, entities: EntityTable):
        self.mapping = Mapping(base, entities)
        self.base, self.entities = self.mapping.base, entities
        self.graph = new_graph()
        self._results: list[ArticleResult] = []

    def entity_iri(self, key: tuple[str, str]) -> URIRef:
        return self.mapping.entity_iri(key)

    def article_iri(self, article: Article) -> URIRef:
        return self.mapping.article_iri(article)

    def add_article(self, result: ArticleResult) -> None:
        """Register an article's entities; its triples are written by :meth:`add_entities`."""
        self.mapping.article_quads(result)  # registers; the quads are made again once merged
        self._results.append(result)

    def add_entities(self) -> None:
        """Merge entities across the corpus, then write every article and every entity's type,
        label, aliases, code and containing place (call once, after all articles)."""
        self.entities.merge()
        g = self.graph
        for result in self._results:
            for s, p, o, _ in self.mapping.article_quads(result):
                g.add((s, p, o))
        self._results = []
        for s, p, o, _ in self.mapping.entity_quads():
            g.add((s, p, o))
