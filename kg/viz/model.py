"""What the page shows, read from a kg graph: entity and event nodes, role and relation edges,
and the source sentences (with their article's headline) behind each node."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.rdf.namespaces import KG, MODALITY_CLASS, NIF, SCHEMA, SEM
from kg.rdf.sameas import smush

LABELS_PATH = Path(__file__).parent / "labels.json"
ENTITY_CLASSES = ("Organization", "AdministrativeArea", "Location", "Person")
ROLE_PREDICATES = {
    KG.agent: "agent", KG.partner: "partner", KG.theme: "theme",
    KG.destination: "destination", KG.representative: "representative", SEM.hasPlace: "hasPlace",
}
RELATION_PREDICATES = {
    SCHEMA.worksFor: "worksFor", SCHEMA.location: "location", SCHEMA.containedInPlace: "containedInPlace",
}
MAX_SOURCES = 5  # sentences and articles kept per node; the page says how many there are in all


@dataclass
class VizNode:
    """An entity or event as the page shows it."""

    iri: str
    kind: str  # "entity" or "event"
    category: str  # ontology class name: Organization … or Signing …
    name: str  # canonical name, or the event class in Chinese (marked 计划, 未发生 when not asserted)
    alt: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)  # indexes into VizGraph.sentences
    sentence_total: int = 0
    articles: list[int] = field(default_factory=list)  # indexes into VizGraph.articles
    article_total: int = 0
    modality: str = ""  # an event's: planned, negated; empty when the text asserts it


@dataclass
class VizEdge:
    source: int
    target: int
    role: str  # agent … hasPlace, worksFor, location, containedInPlace, jurisdiction
    label: str


@dataclass
class VizGraph:
    nodes: list[VizNode]
    edges: list[VizEdge]
    sentences: list[tuple[str, int]]  # text, index into articles
    articles: list[str]  # headlines
    category_labels: dict[str, str]


@cache
def load_labels() -> dict:
    """The page's Chinese labels and colours (kg/viz/labels.json)."""
    return json.loads(LABELS_PATH.read_text(encoding="utf-8"))


def read_graph(graph: Graph) -> VizGraph:
    """Collect the nodes, edges and sources of a kg graph, sorted so the result is deterministic.

    Args:
        graph: A graph following ontology.ttl (instance data, optionally with the ontology merged in).

    Returns:
        A :class:`VizGraph`; node ``i`` is ``nodes[i]``, edges refer to nodes by index.
    """
    graph = smush(graph)  # a merged entity is one node, whichever IRI a document names it by
    labels = load_labels()
    categories: dict[URIRef, str] = {}
    for name in ENTITY_CLASSES:
        for s in graph.subjects(RDF.type, KG[name]):
            if isinstance(s, URIRef) and s not in categories:
                categories[s] = name
    event_classes = _event_classes(graph, labels)
    category_labels = {name: labels["entities"][name]["label"] for name in ENTITY_CLASSES}
    for cls, name in sorted(event_classes.items()):
        category_labels[name] = _zh_label(graph, cls) or labels["events"].get(name) or name
    events: dict[URIRef, str] = {}
    for cls, name in event_classes.items():
        for s in graph.subjects(RDF.type, cls):
            # the most specific class wins over kg:Event
            if isinstance(s, URIRef) and s not in categories and (s not in events or events[s] == "Event"):
                events[s] = name
    modality: dict[URIRef, str] = {}  # planned and negated events: their class is their sem:eventType
    for name, cls in MODALITY_CLASS.items():
        for s in graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and s not in categories:
                modality[s] = name
                named = sorted(event_classes[c] for c in graph.objects(s, SEM.eventType) if c in event_classes)
                events[s] = named[0] if named else "Event"

    iris = sorted(categories) + sorted(events)
    index = {iri: i for i, iri in enumerate(iris)}
    sources = _Sources(graph)
    nodes = [_entity(graph, iri, categories[iri], category_labels, labels) for iri in sorted(categories)]
    nodes += [_event(graph, iri, events[iri], category_labels, labels, modality.get(iri, "")) for iri in sorted(events)]

    edges: set[tuple[int, int, str, str]] = set()
    for pred, role in ROLE_PREDICATES.items():
        for s, o in graph.subject_objects(pred):
            if s in events and o in categories:
                edges.add((index[s], index[o], role, labels["roles"][role]))
    role_names = _role_names(graph)
    for pred, role in RELATION_PREDICATES.items():
        for s, o in graph.subject_objects(pred):
            if s in categories and o in categories:
                label = "、".join(role_names.get((s, o), [])) if role == "worksFor" else ""
                edges.add((index[s], index[o], role, label or labels["relations"][role]))
    for (person, place), titles in _role_names(graph, KG.jurisdiction).items():  # 郑州市市长王新伟
        if person in categories and place in categories:
            edges.add((index[person], index[place], "jurisdiction", "、".join(titles) or labels["relations"]["jurisdiction"]))

    # sources: an event's own sentence; an entity's are those of its events and positions
    node_sentences: dict[int, set[URIRef]] = defaultdict(set)
    for iri in events:
        node_sentences[index[iri]].update(sources.of(iri))
    for s, t, role, _ in edges:
        if role in ROLE_PREDICATES.values():
            node_sentences[t].update(sources.of(iris[s]))
    for position in graph.subjects(RDF.type, KG.Position):
        for pred in (KG.holder, KG.organization, KG.jurisdiction):
            for who in graph.objects(position, pred):
                if who in index:
                    node_sentences[index[who]].update(sources.of(position))
    node_articles: dict[int, set[URIRef]] = defaultdict(set)
    for article, entity in graph.subject_objects(SCHEMA.mentions):
        if entity in categories:
            node_articles[index[entity]].add(article)
    for i, node in enumerate(nodes):
        found = sorted(node_sentences.get(i, ()))
        node.sentences = [sources.sentence(s) for s in found[:MAX_SOURCES]]
        node.sentence_total = len(found)
        mentioned = sorted(node_articles.get(i, ()))
        node.articles = [sources.article(a) for a in mentioned[:MAX_SOURCES]]
        node.article_total = len(mentioned)
    return VizGraph(
        nodes=nodes,
        edges=[VizEdge(*e) for e in sorted(edges)],
        sentences=sources.sentences,
        articles=sources.articles,
        category_labels=category_labels,
    )


class _Sources:
    """Numbers sentences and articles in the order they are first asked for."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.sentences: list[tuple[str, int]] = []
        self.articles: list[str] = []
        self._sentence_index: dict[URIRef, int] = {}
        self._article_index: dict[URIRef, int] = {}

    def of(self, node: URIRef) -> list[URIRef]:
        return [s for s in self.graph.objects(node, PROV.wasDerivedFrom) if isinstance(s, URIRef)]

    def sentence(self, iri: URIRef) -> int:
        if iri not in self._sentence_index:
            text = str(self.graph.value(iri, NIF.anchorOf) or "")
            article = self.graph.value(iri, NIF.referenceContext)
            self._sentence_index[iri] = len(self.sentences)
            self.sentences.append((text, self.article(article) if article is not None else -1))
        return self._sentence_index[iri]

    def article(self, iri) -> int:
        if iri not in self._article_index:
            g = self.graph
            title = _zh_value(g, iri, SCHEMA.headline) or str(g.value(iri, KG.sourceFile) or iri)
            self._article_index[iri] = len(self.articles)
            self.articles.append(title)
        return self._article_index[iri]


def _event_classes(graph: Graph, labels: dict) -> dict[URIRef, str]:
    """Event classes: those labels.json knows, and any the graph declares under kg:Event."""
    classes = {KG._NS[name]: name for name in labels["events"]}
    frontier = [KG.Event]
    while frontier:
        for sub in graph.subjects(RDFS.subClassOf, frontier.pop()):
            if isinstance(sub, URIRef) and sub not in classes:
                classes[sub] = sub.split("#")[-1].split("/")[-1]
                frontier.append(sub)
    return classes


def _zh_label(graph: Graph, node) -> str | None:
    return _zh_value(graph, node, RDFS.label)


def _zh_value(graph: Graph, node, pred) -> str | None:
    """The value in Chinese if there is one, else any value; sorted, so always the same one."""
    values = sorted(graph.objects(node, pred), key=lambda v: (not _is_zh(v), str(v)))
    return str(values[0]) if values else None


def _is_zh(value) -> bool:
    return isinstance(value, Literal) and (value.language or "").lower().startswith("zh")


def _names(graph: Graph, iris) -> str:
    return "、".join(sorted(_zh_label(graph, i) or str(i) for i in iris))


def _entity(graph: Graph, iri: URIRef, category: str, category_labels: dict, labels: dict) -> VizNode:
    f = labels["fields"]
    name = _zh_label(graph, iri) or iri.split("/")[-1]
    alt = sorted({str(a) for a in graph.objects(iri, SKOS.altLabel)} - {name})
    facts = [(f["type"], category_labels[category])]
    if alt:
        facts.append((f["alt"], "、".join(alt)))
    code = graph.value(iri, KG.gbCode)
    if code is not None:
        facts.append((f["code"], str(code)))
    for pred, role in RELATION_PREDICATES.items():
        targets = list(graph.objects(iri, pred))
        if targets:
            facts.append((labels["relations"][role], _names(graph, targets)))
    bare = _bare_titles(graph, iri)
    if bare:  # posts at no body the text names (副区长王五): no edge shows them, so the node does
        facts.append((f["posts"], "、".join(bare)))
    facts.append((f["iri"], str(iri)))
    return VizNode(iri=str(iri), kind="entity", category=category, name=name, alt=alt, facts=facts)


def _bare_titles(graph: Graph, person: URIRef) -> list[str]:
    """The titles of the kg:Position nodes of ``person`` that name neither an organization nor a
    jurisdiction (克林顿总统)."""
    return sorted({str(t) for position in graph.subjects(KG.holder, person)
                   if graph.value(position, KG.organization) is None and graph.value(position, KG.jurisdiction) is None
                   for t in graph.objects(position, SCHEMA.roleName)})


def _event(graph: Graph, iri: URIRef, category: str, category_labels: dict, labels: dict, modality: str = "") -> VizNode:
    f = labels["fields"]
    facts = [(f["type"], category_labels[category])]
    if modality:
        facts.append((f["modality"], labels["modalities"][modality]))
    for pred, role in ROLE_PREDICATES.items():
        targets = list(graph.objects(iri, pred))
        if targets:
            facts.append((labels["roles"][role], _names(graph, targets)))
    trigger = _zh_value(graph, iri, KG.trigger)
    if trigger:
        facts.append((f["trigger"], trigger))
    when = [str(v) for v in (graph.value(iri, KG.timeText), graph.value(iri, SEM.hasTimeStamp)) if v is not None]
    if when:
        facts.append((f["time"], " / ".join(dict.fromkeys(when))))
    amounts = [_zh_label(graph, a) or str(a) for a in graph.objects(iri, KG.amount)]
    if amounts:
        facts.append((f["amount"], "、".join(sorted(amounts))))
    confidence = graph.value(iri, KG.confidence)
    if confidence is not None:
        facts.append((f["confidence"], str(confidence)))
    facts.append((f["iri"], str(iri)))
    name = category_labels[category] + (f"（{labels['modalities'][modality]}）" if modality else "")
    return VizNode(iri=str(iri), kind="event", category=category, name=name, facts=facts, modality=modality)


def _role_names(graph: Graph, where: URIRef = KG.organization) -> dict[tuple[URIRef, URIRef], list[str]]:
    """Titles that kg:Position nodes give to each (person, organization) pair, or with ``where``
    kg:jurisdiction to each (person, place) pair of posts in a place's government."""
    names: dict[tuple[URIRef, URIRef], set[str]] = defaultdict(set)
    for position in graph.subjects(RDF.type, KG.Position):
        for person in graph.objects(position, KG.holder):
            for org in graph.objects(position, where):
                names[(person, org)].update(str(r) for r in graph.objects(position, SCHEMA.roleName))
    return {pair: sorted(titles) for pair, titles in names.items()}
