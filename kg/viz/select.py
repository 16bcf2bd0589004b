"""What the page shows, read from the Oxigraph store that ``kg build`` fills, in bounded memory.

The page lays out a few thousand nodes at most (layout.py), and a corpus's graph does not fit in
memory as an rdflib graph; the store holds it on disk. A graph of up to :data:`MAX_NODES` entities
and events is read whole (only the predicates the page uses, so not the article texts) and gives
the same page as :func:`kg.viz.model.read_graph` of the full graph. A bigger one is cut down to the
:data:`MAX_ENTITIES` entities that take part in most events and relations and the
:data:`MAX_EVENTS` events with most participants among them; each entity's counts of sentences
and articles still count the whole graph, its listed sources come from what the page holds.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from kg.rdf.namespaces import KG, MODALITY_CLASS, NIF, SCHEMA, SEM
from kg.viz.model import ENTITY_CLASSES, MAX_SOURCES, RELATION_PREDICATES, ROLE_PREDICATES, VizGraph, load_labels, read_graph

MAX_NODES = 5000  # entities and events drawn in full; above this, the page shows a part
MAX_ENTITIES = 2000
MAX_EVENTS = 3000
MAX_POSITIONS = 20  # positions per entity read for the page (titles on worksFor edges, sources)

#: The predicates read_graph looks at; the rest (article texts, offsets, bylines) stays on disk.
PAGE_PREDICATES = [
    RDF.type, RDFS.label, SKOS.altLabel, KG.gbCode, *ROLE_PREDICATES, *RELATION_PREDICATES, KG.trigger, KG.timeText,
    SEM.hasTimeStamp, SEM.eventType, KG.amount, KG.confidence,
    PROV.wasDerivedFrom, NIF.anchorOf, NIF.referenceContext, SCHEMA.headline, KG.sourceFile, SCHEMA.mentions,
    KG.holder, KG.organization, KG.jurisdiction, SCHEMA.roleName, OWL.sameAs,
]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def read_store(store: ox.Store, *, max_nodes: int | None = None, max_entities: int | None = None, max_events: int | None = None) -> VizGraph:
    """The page's nodes, edges and sources, from the default graph of ``store``.

    Args:
        store: an Oxigraph store holding a kg graph (``kg build``'s ``out/store``).
        max_nodes: entities and events drawn in full; above this, the page shows a part.
        max_entities: entities of that part, those with most events and relations.
        max_events: events of that part, those with most participants among those entities.
        (Each defaults to the module's constant of that name, read at call time.)
    """
    max_nodes = MAX_NODES if max_nodes is None else max_nodes
    max_entities = MAX_ENTITIES if max_entities is None else max_entities
    max_events = MAX_EVENTS if max_events is None else max_events
    entity_classes = [KG[name] for name in ENTITY_CLASSES]
    event_classes = [KG[name] for name in load_labels()["events"]] + list(MODALITY_CLASS.values())
    nodes = _count(store, entity_classes + event_classes)
    if nodes <= max_nodes:
        graph = Graph()
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {_values(PAGE_PREDICATES)} }} ?s ?p ?o }}"
        _add(graph, store.query(query))
        return read_graph(graph)
    entities = _top_entities(store, entity_classes, max_entities)
    events = _top_events(store, entities, max_events) if entities else []
    part = _Part(store)
    for event in events:
        part.event(event)
    totals = {entity: part.entity(entity) for entity in entities}
    viz = read_graph(part.graph)
    for node in viz.nodes:
        if node.kind == "entity" and URIRef(node.iri) in totals:
            node.sentence_total, node.article_total = totals[URIRef(node.iri)]
    return viz


class _Part:
    """The triples the page needs about chosen nodes, gathered one node at a time."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.graph = Graph()
        self._page = {ox.NamedNode(str(p)) for p in PAGE_PREDICATES}
        self._seen: dict[tuple, list[ox.Quad]] = {}  # what about() read, by node and predicates (the page's size)

    def about(self, node: URIRef, predicates: Iterable[URIRef] | None = None) -> list[ox.Quad]:
        """Add what the page reads about ``node`` (or only ``predicates``); returns those quads."""
        asked = (node, None if predicates is None else tuple(predicates))
        quads = self._seen.get(asked)
        if quads is not None:  # read before: the store has not changed, the graph holds them
            return quads
        subject, default = ox.NamedNode(str(node)), ox.DefaultGraph()
        if predicates is None:
            quads = [q for q in self.store.quads_for_pattern(subject, None, None, default) if q.predicate in self._page]
        else:  # one look-up per predicate: an article's other triples (its text) are not read
            quads = [q for p in asked[1] for q in self.store.quads_for_pattern(subject, _named(p), None, default)]
        _add(self.graph, quads)
        self._seen[asked] = quads
        return quads

    def sources(self, node: URIRef) -> list[URIRef]:
        """The sentences ``node`` was derived from, with their text and article's headline."""
        sentences = [URIRef(q.object.value) for q in self.about(node, [PROV.wasDerivedFrom])]
        for sentence in sentences:
            for quad in self.about(sentence, [NIF.anchorOf, NIF.referenceContext]):
                if quad.predicate.value == str(NIF.referenceContext):
                    self.about(URIRef(quad.object.value), [SCHEMA.headline, KG.sourceFile])
        return sentences

    def event(self, event: URIRef) -> None:
        for quad in self.about(event):
            if isinstance(quad.object, ox.NamedNode) and quad.predicate.value != str(RDF.type):
                self.about(URIRef(quad.object.value), [RDFS.label, OWL.sameAs])  # participants' and amounts' names; merged entities' canonical IRI
        self.sources(event)

    def entity(self, entity: URIRef) -> tuple[int, int]:
        """Add the entity, the names of what it relates to, a few of its positions and the first
        articles that mention it; returns its numbers of sentences and articles in the whole graph."""
        for quad in self.about(entity):
            if isinstance(quad.object, ox.NamedNode) and quad.predicate.value != str(RDF.type):
                self.about(URIRef(quad.object.value), [RDFS.label])
        node = ox.NamedNode(str(entity))
        sentences: set[str] = set()
        for predicate in ROLE_PREDICATES:
            for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(predicate)), node, ox.DefaultGraph()):
                sentences.update(self._derived_from(quad.subject))
        positions: list[str] = []
        for predicate in (KG.holder, KG.organization, KG.jurisdiction):
            for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(predicate)), node, ox.DefaultGraph()):
                positions.append(quad.subject.value)
                sentences.update(self._derived_from(quad.subject))
        for position in sorted(set(positions))[:MAX_POSITIONS]:
            self.about(URIRef(position), [RDF.type, KG.holder, KG.organization, KG.jurisdiction, SCHEMA.roleName])
            self.sources(URIRef(position))
        mentions = (q.subject.value for q in self.store.quads_for_pattern(None, ox.NamedNode(str(SCHEMA.mentions)), node, ox.DefaultGraph()))
        count = _Counted(mentions)
        for article in heapq.nsmallest(MAX_SOURCES, count):
            self.graph.add((URIRef(article), SCHEMA.mentions, entity))
            self.about(URIRef(article), [SCHEMA.headline, KG.sourceFile])
        return len(sentences), count.n

    def _derived_from(self, node: ox.NamedNode) -> Iterable[str]:
        return (q.object.value for q in self.store.quads_for_pattern(node, ox.NamedNode(str(PROV.wasDerivedFrom)), None, ox.DefaultGraph()))


class _Counted:
    """An iterator that counts what went through it."""

    def __init__(self, items: Iterable):
        self.items, self.n = iter(items), 0

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self.items)
        self.n += 1
        return item


def _values(terms: Iterable) -> str:
    return " ".join(f"<{t}>" for t in terms)


def _count(store: ox.Store, classes: list[URIRef]) -> int:
    query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {_values(classes)} }} ?s a ?c }}"
    (row,) = list(store.query(query))
    return int(row["n"].value)


def _ranked(counts: dict, limit: int) -> list[URIRef]:
    """The ``limit`` nodes with the highest counts, ties in IRI order (SPARQL's ``ORDER BY DESC(?n) ?x``)."""
    return [URIRef(iri) for _, iri in heapq.nsmallest(limit, ((-n, node.value) for node, n in counts.items()))]


def _top_entities(store: ox.Store, classes: list[URIRef], limit: int) -> list[URIRef]:
    """The entities (nodes of ``classes``) in most event roles and relations, read predicate by
    predicate: what ``SELECT ?x (COUNT(*) AS ?n) WHERE { VALUES ?class {…} ?x a ?class . { ?other
    ?role ?x } UNION { ?x ?relation ?other } } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT n`` gives,
    a count per entity instead of a join over every role triple and type."""
    default, links = ox.DefaultGraph(), Counter()
    for predicate in [*ROLE_PREDICATES, *RELATION_PREDICATES]:
        links.update(q.object for q in store.quads_for_pattern(None, _named(predicate), None, default))
    for predicate in RELATION_PREDICATES:
        links.update(q.subject for q in store.quads_for_pattern(None, _named(predicate), None, default))
    typed: Counter = Counter()  # classes per entity: the join counts each (class, triple) pair
    for cls in classes:
        typed.update(q.subject for q in store.quads_for_pattern(None, _named(RDF.type), _named(cls), default) if q.subject in links)
    return _ranked({node: n * links[node] for node, n in typed.items()}, limit)


def _top_events(store: ox.Store, entities: list[URIRef], limit: int) -> list[URIRef]:
    """The nodes with most role triples pointing at ``entities`` (``?x ?role ?entity``), as
    ``SELECT ?x (COUNT(*) AS ?n) … GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT n`` ranks them."""
    default, counts = ox.DefaultGraph(), Counter()
    wanted = {ox.NamedNode(str(e)) for e in entities}
    for predicate in ROLE_PREDICATES:
        counts.update(q.subject for q in store.quads_for_pattern(None, _named(predicate), None, default) if q.object in wanted)
    return _ranked(counts, limit)


_NAMED: dict[str, ox.NamedNode] = {}
_IRIS: dict[str, URIRef] = {}


def _named(iri: URIRef) -> ox.NamedNode:
    """The Oxigraph node of a predicate (made once)."""
    node = _NAMED.get(iri)
    if node is None:
        node = _NAMED[iri] = ox.NamedNode(str(iri))
    return node


def _term(term):
    if isinstance(term, ox.NamedNode):
        value = term.value
        iri = _IRIS.get(value)
        if iri is None:
            iri = URIRef(value)
            if len(_IRIS) < 10_000:  # predicates, classes and the nodes met again; bounded
                _IRIS[value] = iri
        return iri
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"no blank nodes in a kg graph: {term!r}")


def _add(graph: Graph, quads: Iterable) -> None:
    for q in quads:
        graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
