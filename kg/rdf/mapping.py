"""Records to triples, following the alignment contract of ``ontology.ttl``.

IRIs are made of what they name, never of the order things were read in, so a second build of a
grown corpus gives every node of the first the IRI it had (and a store can be updated graph by
graph, :mod:`kg.sparql.load`):

- an article's of its document's name (less its suffix; ``2019/a.txt`` gives ``2019%2Fa``) and its
  place there: ``article/<name>-<n>``, the n-th article of a page, or ``article/<name>-<id>`` for the
  record ``id`` of a JSON Lines corpus.
  A document's name is its path below the corpus root (:func:`kg.corpus.documents.collect_inputs`:
  the folder named on the command line, resolved, so ``kg build seeds``, ``kg build ./seeds/``, an
  absolute path and another working folder give one name; or ``--root``). A path, rather than a
  hash of the content, so that a corrected article keeps its IRI and its named graph is replaced;
- a document's named graph likewise: ``doc/<file>``;
- a sentence's (and a phrase's) of the article and its character offsets, RFC 5147 style
  (``<article>#char=begin,end``);
- an event's of the article and where its trigger stands: the sentence (a digest of its text) and
  the trigger's offset in it (``event/<article>/<digest>-<offset>``; the events one trigger names,
  one per partner of 与A、B签约, add ``-2``, ``-3`` … in the order of the text). Not the offset in
  the article: a sentence added or removed elsewhere in the article renames none of them;
- a position's likewise, of the sentence and the offsets of its holder and organization there
  (``position/<article>/<digest>-<person>-<org>``, ``-2`` … for more titles of one pair: 董事长兼总经理);
- an entity's of its type and canonical name (people and local bodies of one name: the name and a
  digest of the document that names them, :mod:`kg.resolve.entities`).

When names read later merge two entities (上合组织 into 上海合作组织, namesakes of related articles),
both IRIs stay: quads already written keep the IRI they name, and the merged one is stated
``owl:sameAs`` the canonical one (with the type and label they share), so IRIs of an earlier build
stay dereferenceable and a document's graph never changes because another document was added.
No blank nodes, so the same input always gives the same graph and the same Turtle.

Every triple is stated in a named graph: that of the source document (``<base>doc/<file>``) for
what the document says (its articles, sentences, events, positions and the ``schema:worksFor``
a position implies), ``<base>doc/entities`` for what several documents share (``schema:location``
of organizations, the entities' own descriptions). :class:`Mapping` makes the quads of one article
at a time, which is what lets ``kg build`` stream them to disk (:mod:`kg.rdf.spool`);
:class:`GraphBuilder` collects them into one in-memory graph, for a handful of articles in hand.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from kg.ingest.credits import is_named_outlet
from kg.ingest.records import Article
from kg.ingest.script import language_tag
from kg.nlp import event_coref
from kg.nlp.amounts import currency_of
from kg.nlp.dates import resolve
from kg.nlp.records import Event, Location, Mention, Position
from kg.rdf import nif
from kg.rdf.namespaces import ENTITY_CLASS, ENTITY_PATH, ITSRDF, KG, MODALITY_CLASS, NIF, SCHEMA, SEM
from kg.resolve.entities import EntityTable, scope_of
from kg.resolve.gazetteer import Unit

ROLE = {"agent": KG.agent, "partner": KG.partner, "theme": KG.theme, "destination": KG.destination,
        "representative": KG.representative}
#: The prefixes kg binds in every graph it writes.
PREFIXES = {
    "kg": str(KG._NS), "schema": str(SCHEMA), "sem": str(SEM), "nif": str(NIF), "prov": str(PROV),
    "skos": str(SKOS), "owl": str(OWL), "itsrdf": str(ITSRDF._NS),
}

Quad = tuple[URIRef, URIRef, Node, URIRef]  # subject, predicate, object, named graph
#: The language tag of what kg writes from its analysis (canonical names, triggers, times, titles):
#: simplified, since traditional text is analysed in simplified form (:mod:`kg.ingest.script`). Text
#: copied from the article (headlines, the surface forms in skos:altLabel) is tagged by its script
#: (:func:`script_tag`). Tags are written in lower case, the form RDF 1.1 allows them to be normalized
#: to and Oxigraph keeps them in, so that graph.nt, graph.ttl and the store hold the same literals
#: (zh-hans is zh-Hans: tags are matched without regard to case).
HANS = "zh-hans"


def script_tag(text: str) -> str:
    """The language tag of Chinese text by its script: ``zh-hans`` or ``zh-hant``."""
    return language_tag(text).lower()


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


def _anchor(article: Article, sentence: tuple[int, int], offset: int) -> str:
    """Where ``offset`` stands, told by the sentence that holds it (the first 8 hex digits of the
    sha256 of its text) and the offset in that sentence: the same when sentences are added or removed
    elsewhere in the article."""
    begin, end = sentence
    digest = hashlib.sha256(article.text[begin:end].encode("utf-8")).hexdigest()[:8]
    return f"{digest}-{offset - begin}"


@dataclass
class ArticleResult:
    """What the pipeline found in one article, ready for the graph."""

    article: Article
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    mention_keys: list[tuple[str, str]] = field(default_factory=list)  # entities the article mentions
    mentions: list[tuple[Mention, tuple[str, str]]] = field(default_factory=list)  # each with the key it was registered under
    home: Unit | None = None  # the place the article is about (local names refer to it)
    event_classes: list[str] = field(default_factory=list)  # set by Mapping.article_quads: one per asserted event, mentions merged
    unasserted: list[str] = field(default_factory=list)  # likewise, the modality of each planned or negated event


class Mapping:
    """kg's IRIs under one base, and the quads of an article or of the entity table.

    An article's quads name each entity by the key :class:`EntityTable` gives it at that moment.
    Names seen later in the corpus can still merge entities (上合组织 into 上海合作组织, people of one
    name read in related articles: :meth:`EntityTable.merge`), so quads made before the merge may
    name an entity by a key that is no longer canonical; they are kept as they are, and
    :meth:`entity_quads` states each merged IRI ``owl:sameAs`` its canonical one (:meth:`redirects`).

    With ``phrases`` (the default), every span of the article text that names an entity, and every
    event trigger, is a ``nif:Phrase`` (``<article>#char=begin,end``, like the sentences) with its
    offsets, its characters, its sentence, and ``itsrdf:taIdentRef`` the entity it names (an event
    points to its trigger's phrase with ``kg:triggerPhrase``): each node traced to the characters
    that name it. Spans named by several mentions are one phrase.
    """

    def __init__(self, base: str, entities: EntityTable, *, phrases: bool = True):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.entities = entities
        self.phrases = phrases
        self.shared = URIRef(f"{self.base}doc/entities")  # the graph of what documents share

    def entity_iri(self, key: tuple[str, str]) -> URIRef:
        label, name = key
        return URIRef(f"{self.base}{ENTITY_PATH[label]}/{iri_segment(name)}")

    def article_iri(self, article: Article) -> URIRef:
        return URIRef(f"{self.base}article/{iri_segment(article.id)}")

    def document_iri(self, article: Article) -> URIRef:
        """The named graph of the document an article comes from (its ``kg:sourceFile``)."""
        return URIRef(f"{self.base}doc/{iri_segment(article.source)}")

    def event_iri(self, article: Article, sentence: tuple[int, int], offset: int) -> URIRef:
        """The event named by the trigger at ``offset`` in the article text, in ``sentence``
        (``event/<article>/<sentence digest>-<trigger's offset in the sentence>``; more events of
        one trigger add ``-2``, ``-3`` … in :meth:`article_quads`)."""
        return URIRef(f"{self.base}event/{iri_segment(article.id)}/{_anchor(article, sentence, offset)}")

    def position_iri(self, article: Article, position: Position) -> URIRef:
        """The post of the holder and organization named at these offsets
        (``position/<article>/<sentence digest>-<holder's offset>-<organization's>``, in the sentence;
        ``-<holder's offset>-none`` for a post that names no body; more titles of one pair add
        ``-2``, ``-3`` …)."""
        org = "none" if position.org is None else position.org.start - position.sentence[0]
        where = f"{_anchor(article, position.sentence, position.person.start)}-{org}"
        return URIRef(f"{self.base}position/{iri_segment(article.id)}/{where}")

    def redirects(self) -> dict[URIRef, URIRef]:
        """IRIs of merged entities → the IRIs of the canonical entities they were merged into
        (stated ``owl:sameAs`` by :meth:`entity_quads`)."""
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
            quads.append((node, SCHEMA.headline, Literal(article.title, lang=script_tag(article.text)), doc))
        quads.append((node, NIF.isString, Literal(article.text), doc))
        quads.append((node, KG.sourceFile, Literal(article.source), doc))
        if article.dateline:
            quads.append((node, KG.dateline, Literal(article.dateline.text), doc))
        for caption in article.captions:
            quads.append((node, KG.caption, Literal(caption.text), doc))
        if article.date:
            quads.append((node, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date), doc))
        scope = scope_of(article)
        named: dict[tuple[int, int], set[URIRef]] = {}  # span → the entities it names (nif:Phrase)
        credited = ((SCHEMA.author, article.authors), (SCHEMA.contributor, article.contributors),
                    (SCHEMA.editor, article.editors))
        for predicate, people in credited:
            for person in people:
                key = self.entities.add_name("PERSON", person, scope)
                self.entities.note(scope, authors=[key])  # the outlet's people, whatever their part
                quads.append((node, predicate, self.entity_iri(key), doc))
                if self.phrases and (span := nif.in_dateline(article, person)) is not None:  # 本报讯（记者 张三）; other bylines are not in the text
                    named.setdefault(span, set()).add(self.entity_iri(key))
        filing = self._filing(article, node, doc, scope)
        quads.extend(filing)
        for key in result.mention_keys:
            quads.append((node, SCHEMA.mentions, self.entity_iri(self.entities.resolve(key)), doc))
        keys: dict[Mention, tuple[str, str]] = {}  # each event mention's entity, registered once

        def key_of(mention: Mention) -> tuple[str, str]:
            if mention not in keys:
                keys[mention] = self._key(mention, home, scope)
            return keys[mention]

        canonical = lambda m: key_of(m)[1]  # noqa: E731
        key = lambda e: event_coref.told(e, canonical)  # noqa: E731
        result.event_classes, result.unasserted = [], []
        given: Counter = Counter()  # IRIs given so far: more events of one trigger, posts of one pair get -2, -3 …

        def numbered(iri: URIRef) -> URIRef:
            given[iri] += 1
            return iri if given[iri] == 1 else URIRef(f"{iri}-{given[iri]}")

        for told in event_coref.clusters(result.events, key=key):  # one node per event, however often told
            first = min(told, key=lambda e: e.trigger_start)
            event_node = numbered(self.event_iri(article, first.sentence, first.trigger_start))  # node stays the article's
            quads.extend(self._event(article, event_node, told, doc, key_of))
            modality = told[0].modality  # the merged event's, as _event types it (event_coref.merged keeps the first's)
            if modality == "asserted":
                result.event_classes.append(told[0].cls)
            else:
                result.unasserted.append(modality)
        for position in result.positions:
            quads.extend(self._position(article, numbered(self.position_iri(article, position)), position, home, doc))
        mentioned = {self.entities.resolve(key) for key in result.mention_keys}
        for location in result.locations:
            org = self.entity_iri(self._key(location.org, home, scope))
            place = self._key(location.place, home, scope)
            quads.append((org, SCHEMA.location, self.entity_iri(place), self.shared))
            if place not in mentioned:  # named inside the organization's name: 李沧区 of 李沧区汇益港湾…创新园
                mentioned.add(place)
                quads.append((node, SCHEMA.mentions, self.entity_iri(place), doc))
        if self.phrases:
            for _, predicate, entity, _ in filing:  # the outlet and place of a dateline: 新华社北京5月28日电
                name = {SCHEMA.publisher: article.outlet, SCHEMA.locationCreated: article.place}.get(predicate)
                if name and (span := nif.in_dateline(article, name)) is not None:
                    named.setdefault(span, set()).add(entity)
            for mention, key in result.mentions:
                named.setdefault((mention.start, mention.end), set()).add(self.entity_iri(self.entities.resolve(key)))
            told = [m for e in result.events for m in (*(a.mention for a in e.arguments), *e.places)]
            posts = [m for p in result.positions for m in (p.person, p.org) if m is not None]
            seats = [m for x in result.locations for m in (x.org, x.place)]
            for mention in (*told, *posts, *seats):
                named.setdefault((mention.start, mention.end), set()).add(self.entity_iri(key_of(mention)))
            quads.extend(nif.mention_quads(article.text, node, {span: sorted(iris) for span, iris in named.items()}, doc))
        return quads

    def _filing(self, article: Article, node: URIRef, doc: URIRef, scope: str) -> list[Quad]:
        """The outlet its credits name (schema:publisher; not where the paper says 本报 of itself), and
        where and when its dateline says it was filed (schema:locationCreated, schema:dateCreated)."""
        quads: list[Quad] = []
        if article.outlet and is_named_outlet(article.outlet):
            key = self.entities.add_name("ORG", article.outlet, scope)
            quads.append((node, SCHEMA.publisher, self.entity_iri(key), doc))
        if article.place:
            key = self.entities.add_name("GPE", article.place, scope)
            quads.append((node, SCHEMA.locationCreated, self.entity_iri(key), doc))
        if article.filed and not article.filed.startswith("--"):  # --05-12: a day of no known year
            quads.append((node, SCHEMA.dateCreated, Literal(article.filed, datatype=XSD.date), doc))
        return quads

    def _sentence(self, article: Article, span: tuple[int, int], doc: URIRef) -> tuple[URIRef, list[Quad]]:
        return nif.string_quads(article.text, self.article_iri(article), span, KG.Sentence, doc)

    def _event(self, article: Article, node: URIRef, told: list[Event], doc: URIRef,
               key_of: Callable[[Mention], tuple[str, str]]) -> list[Quad]:
        """One event node for the mentions that tell it: the parties, places and time of all of them,
        each mention's trigger and sentence."""
        event = event_coref.merged(told, lambda m: key_of(m)[1])
        # only an event the text asserts is typed with its class; a planned or negated one is a
        # kg:PlannedEvent or kg:NegatedEvent (ontology.ttl), and every one names its class by sem:eventType
        cls = KG[event.cls]
        typed = cls if event.modality == "asserted" else MODALITY_CLASS[event.modality]
        quads: list[Quad] = [(node, RDF.type, typed, doc), (node, SEM.eventType, cls, doc)]
        for trigger in dict.fromkeys(e.trigger for e in told):
            quads.append((node, KG.trigger, Literal(trigger, lang=HANS), doc))
        for arg in event.arguments:
            quads.append((node, ROLE[arg.role], self.entity_iri(key_of(arg.mention)), doc))
        for place in event.places:
            quads.append((node, SEM.hasPlace, self.entity_iri(key_of(place)), doc))
        if event.time_text:
            quads.append((node, KG.timeText, Literal(event.time_text, lang=HANS), doc))
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
                (amount, RDFS.label, Literal(text, lang=HANS), doc),
            ]
        quads.append((node, KG.confidence, decimal_literal(event.confidence), doc))
        for span in dict.fromkeys(e.sentence for e in told):
            sentence, described = self._sentence(article, span, doc)
            quads.append((node, PROV.wasDerivedFrom, sentence, doc))
            quads += described
        if self.phrases:
            for e in told:  # each telling's trigger; kg:trigger keeps the words themselves
                phrase, about = nif.phrase_quads(article.text, self.article_iri(article), e.trigger_span, e.sentence, doc)
                if phrase is not None:
                    quads.append((node, KG.triggerPhrase, phrase, doc))
                    quads += about
        return quads

    def _position(self, article: Article, node: URIRef, position: Position, home: Unit | None, doc: URIRef) -> list[Quad]:
        scope = scope_of(article)
        person_key = self._key(position.person, home, scope)
        person = self.entity_iri(person_key)
        sentence, described = self._sentence(article, position.sentence, doc)
        quads = [
            (node, RDF.type, KG.Position, doc),
            (node, KG.holder, person, doc),
            (node, SCHEMA.roleName, Literal(position.title, lang=HANS), doc),
            (node, KG.confidence, decimal_literal(position.confidence), doc),
            (node, PROV.wasDerivedFrom, sentence, doc),
            *described,
        ]
        if position.org is None:  # 副区长王五: the title alone, at no body the text names
            return quads
        org_key = self._key(position.org, home, scope)
        self.entities.note(scope, posts=[(person_key, org_key)])
        org = self.entity_iri(org_key)
        at_org = position.org.label == "ORG"  # else a post in a place's government: 美国总统克林顿
        quads.append((node, KG.organization if at_org else KG.jurisdiction, org, doc))
        if at_org:
            quads.append((person, SCHEMA.worksFor, org, doc))
        return quads

    def entity_quads(self) -> Iterator[Quad]:
        """Every entity's type, label, aliases, code, containing place and the place its local name was
        read as (市发展改革委 in a 青岛 article: ``schema:location`` 青岛市), the body an organization
        is a part of (``schema:parentOrganization``: 甲集团党委 → 甲集团), in key order (after
        :meth:`EntityTable.merge`, so they name each entity by its final key); then each merged
        entity's IRI, which earlier quads may name: ``owl:sameAs`` its canonical IRI, with the type and
        label they share (so shapes and label queries hold for it too)."""
        g = self.shared
        for key, entity in sorted(self.entities.entities.items(), key=lambda kv: kv[0]):
            node = self.entity_iri(key)
            yield from self._named(node, entity)
            for alias in sorted(entity.aliases):
                yield node, SKOS.altLabel, Literal(alias, lang=script_tag(alias)), g
            if entity.code:
                yield node, KG.gbCode, Literal(entity.code), g
            if entity.parent:
                yield node, SCHEMA.containedInPlace, self.entity_iri(self.entities.resolve(entity.parent)), g
            if entity.seat:
                yield node, SCHEMA.location, self.entity_iri(self.entities.resolve(entity.seat)), g
            if entity.body and (body := self.entities.resolve(entity.body)) != key and body in self.entities.entities:
                yield node, SCHEMA.parentOrganization, self.entity_iri(body), g  # 甲集团党委 → 甲集团
        for old in sorted(self.entities.redirects):
            key = self.entities.resolve(old)
            entity = self.entities.entities.get(key)
            if entity is not None:
                node = self.entity_iri(old)
                yield from self._named(node, entity)
                yield node, OWL.sameAs, self.entity_iri(key), g

    def _named(self, node: URIRef, entity) -> Iterator[Quad]:
        """An entity's type and canonical name."""
        yield node, RDF.type, ENTITY_CLASS[entity.label], self.shared
        yield node, RDFS.label, Literal(entity.name, lang=HANS), self.shared


class GraphBuilder:
    """Collects articles, then writes them and their entities into one in-memory rdflib graph.

    For a handful of articles in hand (tests, benchmarks, :func:`kg.build.analyse`); ``kg build``
    streams its quads to disk instead (:mod:`kg.rdf.spool`), since this graph grows with the corpus.
    The graph is the one ``kg build`` writes: an article's triples as they are made, the entities'
    (and the ``owl:sameAs`` of merged ones) once :meth:`add_entities` has merged them.
    """

    def __init__(self, base: str, entities: EntityTable, *, phrases: bool = True):
        self.mapping = Mapping(base, entities, phrases=phrases)
        self.base, self.entities = self.mapping.base, entities
        self.graph = new_graph()

    def entity_iri(self, key: tuple[str, str]) -> URIRef:
        return self.mapping.entity_iri(key)

    def article_iri(self, article: Article) -> URIRef:
        return self.mapping.article_iri(article)

    def add_article(self, result: ArticleResult) -> None:
        """Register an article's entities and write its triples."""
        g = self.graph
        for s, p, o, _ in self.mapping.article_quads(result):
            g.add((s, p, o))

    def add_entities(self) -> None:
        """Merge entities across the corpus, then write every entity's type, label, aliases, code
        and containing place (call once, after all articles)."""
        self.entities.merge()
        g = self.graph
        for s, p, o, _ in self.mapping.entity_quads():
            g.add((s, p, o))
