"""Records to triples, following the alignment contract of ``ontology.ttl``.

IRIs are stable: an entity's IRI is made of its type and canonical name, an article's of its file
and position on the page, a sentence's of the article and its character offsets (RFC 5147 style
``#char=begin,end``), an event's of the article and its order there. No blank nodes, so the same
input always gives the same graph and the same Turtle.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from kg.ingest.records import Article
from kg.nlp.dates import resolve
from kg.nlp.records import Event, Location, Position
from kg.rdf.namespaces import ENTITY_CLASS, ENTITY_PATH, KG, NIF, SCHEMA, SEM
from kg.resolve.entities import EntityTable
from kg.resolve.gazetteer import Unit

ROLE = {"agent": KG.agent, "partner": KG.partner, "theme": KG.theme, "destination": KG.destination}


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


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    graph = Graph()
    for prefix, ns in {
        "kg": KG._NS, "schema": SCHEMA, "sem": SEM, "nif": NIF, "prov": PROV, "skos": SKOS, "owl": OWL,
    }.items():
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


class GraphBuilder:
    """Collects articles, then writes them and their entities into an rdflib graph under one base
    IRI. Writing waits for :meth:`add_entities`, because names seen later in the corpus can merge
    entities seen earlier (上合组织 into 上海合作组织)."""

    def __init__(self, base: str, entities: EntityTable):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.entities = entities
        self.graph = new_graph()
        self._results: list[ArticleResult] = []
        self._home: Unit | None = None

    def _key(self, mention) -> tuple[str, str]:
        return self.entities.add(mention, self._home)  # the key after merging

    def entity_iri(self, key: tuple[str, str]) -> URIRef:
        label, name = key
        return URIRef(f"{self.base}{ENTITY_PATH[label]}/{iri_segment(name)}")

    def article_iri(self, article: Article) -> URIRef:
        return URIRef(f"{self.base}article/{iri_segment(article.id)}")

    def sentence_iri(self, article: Article, span: tuple[int, int]) -> URIRef:
        begin, end = span
        node = URIRef(f"{self.article_iri(article)}#char={begin},{end}")
        g = self.graph
        g.add((node, RDF.type, KG.Sentence))
        g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(article.text[begin:end])))
        g.add((node, NIF.referenceContext, self.article_iri(article)))
        return node

    def add_article(self, result: ArticleResult) -> None:
        """Register an article's entities; its triples are written by :meth:`add_entities`."""
        self._home = result.home
        for author in result.article.authors:
            self.entities.add_name("PERSON", author)
        for event in result.events:
            for mention in [a.mention for a in event.arguments] + list(event.places):
                self._key(mention)
        for position in result.positions:
            self._key(position.person), self._key(position.org)
        for location in result.locations:
            self._key(location.org), self._key(location.place)
        self._results.append(result)

    def _write_article(self, result: ArticleResult) -> None:
        g, article = self.graph, result.article
        self._home = result.home
        node = self.article_iri(article)
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, RDF.type, NIF.Context))
        if article.title:
            g.add((node, SCHEMA.headline, Literal(article.title, lang="zh")))
        g.add((node, NIF.isString, Literal(article.text)))
        g.add((node, KG.sourceFile, Literal(article.source)))
        if article.dateline:
            g.add((node, KG.dateline, Literal(article.dateline.text)))
        for caption in article.captions:
            g.add((node, KG.caption, Literal(caption.text)))
        if article.date:
            g.add((node, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date)))
        for author in article.authors:
            key = self.entities.add_name("PERSON", author)
            g.add((node, SCHEMA.author, self.entity_iri(key)))
        for key in result.mention_keys:
            g.add((node, SCHEMA.mentions, self.entity_iri(self.entities.resolve(key))))
        for index, event in enumerate(result.events):
            self._add_event(article, index, event)
        for index, position in enumerate(result.positions):
            self._add_position(article, index, position)
        for location in result.locations:
            org = self.entity_iri(self._key(location.org))
            g.add((org, SCHEMA.location, self.entity_iri(self._key(location.place))))

    def _add_event(self, article: Article, index: int, event: Event) -> None:
        g = self.graph
        node = URIRef(f"{self.base}event/{iri_segment(article.id)}-{index}")
        g.add((node, RDF.type, KG[event.cls]))
        g.add((node, KG.trigger, Literal(event.trigger, lang="zh")))
        for arg in event.arguments:
            g.add((node, ROLE[arg.role], self.entity_iri(self._key(arg.mention))))
        for place in event.places:
            g.add((node, SEM.hasPlace, self.entity_iri(self._key(place))))
        if event.time_text:
            g.add((node, KG.timeText, Literal(event.time_text, lang="zh")))
            when = resolve(event.time_text, date.fromisoformat(article.date) if article.date else None)
            if when and when.value:
                g.add((node, SEM.hasTimeStamp, Literal(when.value, datatype=XSD[when.datatype])))
            elif when and when.before:
                g.add((node, SEM.hasLatestEndTimeStamp, Literal(when.before, datatype=XSD.date)))
        for i, (text, value) in enumerate(event.amounts):
            amount = URIRef(f"{node}/amount-{i}")
            g.add((node, KG.amount, amount))
            g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
            g.add((amount, SCHEMA.value, Literal(value, datatype=XSD.decimal)))
            g.add((amount, SCHEMA.currency, Literal("CNY")))
            g.add((amount, RDFS.label, Literal(text, lang="zh")))
        if event.modality != "asserted":
            g.add((node, KG.modality, Literal(event.modality)))
        g.add((node, KG.confidence, Literal(Decimal(str(event.confidence)), datatype=XSD.decimal)))
        g.add((node, PROV.wasDerivedFrom, self.sentence_iri(article, event.sentence)))

    def _add_position(self, article: Article, index: int, position: Position) -> None:
        g = self.graph
        node = URIRef(f"{self.base}position/{iri_segment(article.id)}-{index}")
        person = self.entity_iri(self._key(position.person))
        org = self.entity_iri(self._key(position.org))
        g.add((node, RDF.type, KG.Position))
        g.add((node, KG.holder, person))
        g.add((node, KG.organization, org))
        g.add((node, SCHEMA.roleName, Literal(position.title, lang="zh")))
        g.add((node, KG.confidence, Literal(Decimal(str(position.confidence)), datatype=XSD.decimal)))
        g.add((node, PROV.wasDerivedFrom, self.sentence_iri(article, position.sentence)))
        g.add((person, SCHEMA.worksFor, org))

    def add_entities(self) -> None:
        """Merge entities across the corpus, then write every article and every entity's type,
        label, aliases, code and containing place (call once, after all articles)."""
        self.entities.merge_abbreviations()
        for result in self._results:
            self._write_article(result)
        self._results = []
        g = self.graph
        for key, entity in sorted(self.entities.entities.items(), key=lambda kv: kv[0]):
            node = self.entity_iri(key)
            g.add((node, RDF.type, ENTITY_CLASS[entity.label]))
            g.add((node, RDFS.label, Literal(entity.name, lang="zh")))
            for alias in sorted(entity.aliases):
                g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
            if entity.code:
                g.add((node, KG.gbCode, Literal(entity.code)))
            if entity.parent:
                g.add((node, SCHEMA.containedInPlace, self.entity_iri(entity.parent)))
