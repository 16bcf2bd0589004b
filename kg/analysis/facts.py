"""The facts of a kg graph that the networks, statistics and tables are made of, read in one pass.

A graph is read once, predicate by predicate, keeping only the predicates listed here: from the
store (``out/store``, an index scan per predicate, the default graph only, so not the ontology), from
a graph file (``graph.ttl``, ``.nt``, ``.nq``, ``.trig``: one streaming parse), or from an rdflib
graph. The article texts (``nif:isString``) are read only when asked for (the mention offsets of
the CSV tables need them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from kg.rdf.namespaces import ENTITY_CLASS, KG, MODALITY_CLASS, NIF, ONTOLOGY_IRI, SCHEMA, SEM
from kg.rdf.sameas import canonical_map

#: Entity classes (local names in kg's ontology), in the order tables list them.
ENTITY_CLASSES = tuple(str(iri).removeprefix(ONTOLOGY_IRI) for iri in ENTITY_CLASS.values())
#: Roles of the entities an event involves (agent, partner and representative are ``sem:hasActor``,
#: theme and destination ``sem:eventProperty``), then the event's place.
ACTOR_ROLES = ("agent", "partner", "theme", "destination", "representative")
ROLES = {**{str(KG[r]): r for r in ACTOR_ROLES}, str(SEM.hasPlace): "hasPlace"}
#: Relations between entities.
RELATIONS = {str(SCHEMA.worksFor): "worksFor", str(SCHEMA.location): "location",
             str(SCHEMA.containedInPlace): "containedInPlace"}
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology.ttl"

_TYPE, _LABEL, _ALT, _SAME = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(OWL.sameAs)
_FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                 ".trig": ox.RdfFormat.TRIG}
#: Every predicate :func:`read_facts` looks at (the article text aside).
PREDICATES = [
    _TYPE, _LABEL, _ALT, str(KG.gbCode), *ROLES, *RELATIONS, str(KG.trigger), str(KG.timeText),
    str(SEM.hasTimeStamp), str(SEM.eventType), str(KG.confidence), str(KG.amount), str(SCHEMA.currency),
    str(PROV.wasDerivedFrom), str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf), str(NIF.referenceContext),
    str(SCHEMA.headline), str(SCHEMA.datePublished), str(KG.sourceFile), str(SCHEMA.mentions),
    str(KG.holder), str(KG.organization), str(KG.jurisdiction), str(SCHEMA.roleName), str(OWL.sameAs),
]


@dataclass
class Entity:
    """An organization, place or person."""

    iri: str
    cls: str  # Organization, AdministrativeArea, Location or Person
    label: str = ""
    aliases: list[str] = field(default_factory=list)
    code: str = ""  # GB/T 2260


@dataclass
class Event:
    """An event node (its parties are :attr:`Facts.participants`)."""

    iri: str
    cls: str  # Signing … (the most specific class; a planned or negated event's sem:eventType)
    triggers: list[str] = field(default_factory=list)
    time_text: str = ""
    timestamp: str = ""  # sem:hasTimeStamp: 2020-05-28, 2020-05 or 2020
    modality: str = ""  # planned (kg:PlannedEvent), negated (kg:NegatedEvent); empty when stated as fact
    confidence: float | None = None
    amounts: list[str] = field(default_factory=list)  # as written: 650万元
    sentences: list[str] = field(default_factory=list)  # IRIs of the sentences that tell it


@dataclass
class Position:
    """A post held by a person at an organization (or in a place's government: ``jurisdiction``)."""

    iri: str
    holder: str = ""
    title: str = ""
    organization: str = ""
    jurisdiction: str = ""
    confidence: float | None = None
    sentences: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    """A source sentence: ``text`` is ``article``'s text from ``begin`` to ``end``."""

    iri: str
    article: str = ""
    begin: int | None = None
    end: int | None = None
    text: str = ""


@dataclass
class Article:
    iri: str
    headline: str = ""
    date: str = ""  # schema:datePublished
    source_file: str = ""
    text: str = ""  # nif:isString, read only with read_facts(texts=True)


class Link(NamedTuple):
    """A role (event → entity) or a relation (entity → entity)."""

    subject: str
    name: str  # agent … hasPlace; worksFor, location, containedInPlace
    object: str


@dataclass
class Facts:
    """What :func:`read_facts` found, keyed by IRI; lists in a stable order."""

    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    participants: list[Link] = field(default_factory=list)
    relations: list[Link] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)
    sentences: dict[str, Sentence] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (article, entity)

    def asserted(self) -> Facts:
        """These facts with the events the text asserts alone (not the planned or negated ones, see
        ``kg:PlannedEvent`` in ontology.ttl) and their participants: what counts of what happened use."""
        events = {iri: event for iri, event in self.events.items() if not event.modality}
        return replace(self, events=events, participants=[link for link in self.participants if link.subject in events])

    def article_of(self, sentences: list[str]) -> str:
        """The article of the first of ``sentences`` (an event's or a position's), or ``""``."""
        for iri in sentences:
            sentence = self.sentences.get(iri)
            if sentence is not None and sentence.article:
                return sentence.article
        return ""

    def date_of(self, event: Event) -> str:
        """The event's date: its ``sem:hasTimeStamp``, else its article's ``schema:datePublished``."""
        if event.timestamp:
            return event.timestamp
        article = self.articles.get(self.article_of(event.sentences))
        return article.date if article is not None else ""


@cache
def event_classes() -> dict[str, str]:
    """kg's event classes (local names: ``Signing`` … and ``Event``) and their Chinese labels, read
    from ``ontology.ttl``."""
    kg_event = str(KG.Event)
    subclasses, labels = {kg_event}, {}
    for quad in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE):
        s, p, o = quad.subject.value, quad.predicate.value, quad.object
        if p == str(RDFS.subClassOf) and o.value == kg_event:
            subclasses.add(s)
        elif p == _LABEL and isinstance(o, ox.Literal) and (o.language or "").startswith("zh"):  # zh-hans: Oxigraph writes tags in lower case
            labels[s] = o.value
    return {iri.removeprefix(ONTOLOGY_IRI): labels.get(iri, "") for iri in sorted(subclasses)}


def read_facts(source: ox.Store | Graph | Path | str, *, texts: bool = False) -> Facts:
    """Read the facts of a kg graph.

    Args:
        source: an Oxigraph store (open, or its folder, e.g. ``out/store``), a graph file
            (``.ttl``, ``.nt``, ``.nq``, ``.trig``), or an rdflib graph.
        texts: also read the articles' texts (``nif:isString``).

    Returns:
        The :class:`Facts`, entities and events by IRI.

    Raises:
        ValueError: a file of another kind.
        kg.sparql.store.StoreError: a folder that holds no store.
    """
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    predicates = PREDICATES + ([str(NIF.isString)] if texts else [])
    for p, s, o in _triples(source, predicates):
        rows[p].append((s, o))
    canonical = canonical_map(rows.pop(_SAME, []))  # a merged entity is one, whichever IRI a document names it by
    if canonical:
        for p, pairs in rows.items():
            rows[p] = [(canonical.get(s, s), canonical.get(o, o)) for s, o in pairs]
    return _assemble(rows)


def _triples(source, predicates: list[str]) -> Iterator[tuple[str, str, str]]:
    """(predicate, subject, object) of the triples with one of ``predicates``, terms as strings."""
    if isinstance(source, Graph):
        for p in predicates:
            for s, o in source.subject_objects(URIRef(p)):
                yield p, str(s), str(o)
        return
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            from kg.sparql.store import open_store

            source = open_store(path)
        else:
            fmt = _FILE_FORMATS.get(path.suffix.lower())
            if fmt is None:
                raise ValueError(f"cannot read {path}: give a kg store folder or a {', '.join(_FILE_FORMATS)} file")
            wanted = set(predicates)
            for quad in ox.parse(path=str(path), format=fmt):
                p = quad.predicate.value
                if p in wanted:
                    yield p, quad.subject.value, quad.object.value
            return
    for p in predicates:
        for quad in source.quads_for_pattern(None, ox.NamedNode(p), None, ox.DefaultGraph()):
            yield p, quad.subject.value, quad.object.value


_EVENT, _POSITION, _SENTENCE, _ARTICLE = str(KG.Event), str(KG.Position), str(KG.Sentence), str(SCHEMA.NewsArticle)
_MODALITY = {str(iri): modality for modality, iri in MODALITY_CLASS.items()}


def _assemble(rows: dict[str, list[tuple[str, str]]]) -> Facts:
    """Records from the (subject, object) pairs of each predicate. Repeats are dropped and every
    dictionary and list is sorted, so the facts are the same whatever order the source gave."""
    entity_classes = {str(iri): str(iri).removeprefix(ONTOLOGY_IRI) for iri in ENTITY_CLASS.values()}
    events = {ONTOLOGY_IRI + name for name in event_classes()}
    entities, event_of, modality_of, positions, sentences, articles = {}, {}, {}, {}, {}, {}
    for s, o in rows[_TYPE]:
        if o in entity_classes:
            if s not in entities or o < ONTOLOGY_IRI + entities[s].cls:  # one class each, the same whatever the order
                entities[s] = Entity(s, entity_classes[o])
        elif o in events:
            if s not in event_of or event_of[s] == _EVENT or (o != _EVENT and o < event_of[s]):  # the most specific
                event_of[s] = o
        elif o in _MODALITY:
            modality_of[s] = _MODALITY[o]
        elif o == _POSITION:
            positions[s] = Position(s)
        elif o == _SENTENCE:
            sentences[s] = Sentence(s)
        elif o == _ARTICLE:
            articles[s] = Article(s)
    named = defaultdict(list)  # a planned or negated event is typed by sem:eventType alone
    for s, o in rows[str(SEM.eventType)]:
        if s in modality_of and o in events:
            named[s].append(o)
    for s in modality_of:
        event_of[s] = min(named[s], default=_EVENT)
    evs = {s: Event(s, event_of[s].removeprefix(ONTOLOGY_IRI), modality=modality_of.get(s, ""))
           for s in sorted(event_of) if s not in entities}
    facts = Facts(entities=_sorted(entities), events=evs, positions=_sorted(positions),
                  sentences=_sorted(sentences), articles=_sorted(articles))
    entities, positions, sentences, articles = facts.entities, facts.positions, facts.sentences, facts.articles

    amount_labels = {}
    for s, o in rows[_LABEL]:
        if s in entities:
            entities[s].label = o
        else:
            amount_labels[s] = o
    _fill(rows[_ALT], entities, lambda e, o: e.aliases.append(o))
    _fill(rows[str(KG.gbCode)], entities, lambda e, o: setattr(e, "code", o))
    facts.participants = sorted({Link(s, name, o) for p, name in ROLES.items() for s, o in rows[p] if s in evs})
    facts.relations = sorted({Link(s, name, o) for p, name in RELATIONS.items() for s, o in rows[p]})

    _fill(rows[str(KG.trigger)], evs, lambda e, o: e.triggers.append(o))
    _fill(rows[str(KG.timeText)], evs, lambda e, o: setattr(e, "time_text", o))
    _fill(rows[str(SEM.hasTimeStamp)], evs, lambda e, o: setattr(e, "timestamp", o))
    _fill(rows[str(KG.amount)], evs, lambda e, o: e.amounts.append(amount_labels.get(o, "")))
    for s, o in rows[str(KG.confidence)]:
        if (fact := evs.get(s) or positions.get(s)) is not None:
            fact.confidence = float(o)
    for s, o in rows[str(PROV.wasDerivedFrom)]:
        if (fact := evs.get(s) or positions.get(s)) is not None:
            fact.sentences.append(o)

    _fill(rows[str(KG.holder)], positions, lambda x, o: setattr(x, "holder", o))
    _fill(rows[str(KG.organization)], positions, lambda x, o: setattr(x, "organization", o))
    _fill(rows[str(KG.jurisdiction)], positions, lambda x, o: setattr(x, "jurisdiction", o))
    _fill(rows[str(SCHEMA.roleName)], positions, lambda x, o: setattr(x, "title", o))

    _fill(rows[str(NIF.referenceContext)], sentences, lambda x, o: setattr(x, "article", o))
    _fill(rows[str(NIF.beginIndex)], sentences, lambda x, o: setattr(x, "begin", int(o)))
    _fill(rows[str(NIF.endIndex)], sentences, lambda x, o: setattr(x, "end", int(o)))
    _fill(rows[str(NIF.anchorOf)], sentences, lambda x, o: setattr(x, "text", o))

    _fill(rows[str(SCHEMA.headline)], articles, lambda x, o: setattr(x, "headline", o))
    _fill(rows[str(SCHEMA.datePublished)], articles, lambda x, o: setattr(x, "date", o))
    _fill(rows[str(KG.sourceFile)], articles, lambda x, o: setattr(x, "source_file", o))
    _fill(rows[str(NIF.isString)], articles, lambda x, o: setattr(x, "text", o))
    facts.mentions = sorted(set(rows[str(SCHEMA.mentions)]))

    for entity in entities.values():
        entity.aliases = sorted(set(entity.aliases))
    for fact in [*evs.values(), *positions.values()]:
        fact.sentences = sorted(set(fact.sentences))
    for event in evs.values():
        event.triggers, event.amounts = sorted(set(event.triggers)), sorted(event.amounts)
    return facts


def _fill(pairs, records: dict, put) -> None:
    """Call ``put(record, object)`` for each (subject, object) whose subject is in ``records`` (kg
    gives one value for each single-valued property; lists are sorted after)."""
    for s, o in pairs:
        record = records.get(s)
        if record is not None:
            put(record, o)


def _sorted(records: dict) -> dict:
    return {key: records[key] for key in sorted(records)}
