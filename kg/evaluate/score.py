"""Precision, recall and F1 of a graph's entities, event participants, participant pairs and
relations against gold, with the misses listed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.evaluate.gold import Gold, load_gold

_PREFIXES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""
_TYPES = {"Organization": "ORG", "AdministrativeArea": "GPE", "Location": "LOC", "Person": "PERSON"}


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)  # in gold, not in the graph
    spurious: list[str] = field(default_factory=list)  # in the graph, not in gold
    correct: int | None = None  # predictions that match gold, where that differs from tp

    @property
    def precision(self) -> float:
        correct = self.tp if self.correct is None else self.correct
        return correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score]
    # event participants by the kg:confidence of their event: confidence → (correct, found)
    calibration: dict[float, tuple[int, int]] = field(default_factory=dict)


def _set_score(predicted: set, gold: set, show) -> Score:
    return Score(
        tp=len(predicted & gold), predicted=len(predicted), gold=len(gold),
        missed=sorted(map(show, gold - predicted)), spurious=sorted(map(show, predicted - gold)),
    )


def _entity_names(graph: Graph) -> dict[str, tuple[str, set[str]]]:
    """Entities the articles mention or are written by (their bylines' people): IRI → (type, names)."""
    found: dict[str, tuple[str, set[str]]] = {}
    rows = graph.query(_PREFIXES + """
        SELECT ?e ?cls ?name WHERE {
          { ?a schema:mentions ?e } UNION { ?a schema:author|schema:contributor|schema:editor ?e }
          ?e a ?cls . { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
          FILTER(STRSTARTS(STR(?cls), STR(kg:)))
        }""")
    for e, cls, name in rows:
        kind = _TYPES.get(str(cls).rsplit("#", 1)[-1])
        if kind:
            found.setdefault(str(e), (kind, set()))[1].add(str(name))
    return found


def _label_map(graph: Graph, gold: Gold) -> dict[str, str]:
    """Each entity IRI → the gold name it matches, else its own label."""
    names: dict[str, set[str]] = {}
    rows = graph.query(_PREFIXES + "SELECT ?e ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }")
    for e, n in rows:
        names.setdefault(str(e), set()).add(str(n))
    labels = {str(e): str(n) for e, n in graph.query("SELECT ?e ?n WHERE { ?e rdfs:label ?n }")}
    return {e: gold.canonical({labels.get(e, "")}) or gold.canonical(ns) or labels.get(e, e) for e, ns in names.items()}


def evaluate(graph_path: Path, gold_paths: list[Path]) -> Report:
    """Score ``graph_path`` (Turtle) against the gold files."""
    gold = load_gold(gold_paths)
    graph = Graph().parse(graph_path, format="turtle")
    scores: dict[str, Score] = {}

    entities = _entity_names(graph)
    matched_gold, matched_pred = set(), set()
    for iri, (kind, names) in entities.items():
        for name, (gkind, gnames) in gold.entities.items():
            if kind == gkind and names & gnames:
                matched_gold.add(name)
                matched_pred.add(iri)
    scores["entities"] = Score(
        tp=len(matched_gold), predicted=len(entities), gold=len(gold.entities), correct=len(matched_pred),
        missed=sorted(f"{gold.entities[n][0]} {n}" for n in set(gold.entities) - matched_gold),
        spurious=sorted(f"{entities[i][0]} {min(entities[i][1], key=len)}" for i in set(entities) - matched_pred),
    )

    label = _label_map(graph, gold)
    participants, pairs = set(), set()
    rows = graph.query(_PREFIXES + """
        SELECT ?ev ?cls ?role ?p ?title ?conf WHERE {
          ?ev sem:eventType|a ?cls ; ?role ?p ; prov:wasDerivedFrom/nif:referenceContext ?a .
          FILTER(STRSTARTS(STR(?cls), STR(kg:)) && ?cls NOT IN (kg:PlannedEvent, kg:NegatedEvent))  # scored by class, whatever the modality
          OPTIONAL { ?a schema:headline ?t } BIND(COALESCE(?t, "") AS ?title)
          OPTIONAL { ?ev kg:confidence ?conf }
          FILTER(?role IN (kg:agent, kg:partner, kg:theme, kg:destination))
        }""")
    by_event: dict[str, list] = {}
    confidence: dict[tuple, float] = {}
    for ev, cls, role, p, title, conf in rows:
        cls_name, role_name = str(cls).rsplit("#", 1)[-1], str(role).rsplit("#", 1)[-1]
        item = (str(title), cls_name, role_name, label.get(str(p), str(p)))
        participants.add(item)
        by_event.setdefault(str(ev), []).append(item)
        if conf is not None:
            confidence[item] = max(confidence.get(item, 0.0), float(conf))
    for items in by_event.values():
        names = sorted({i[3] for i in items})
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pairs.add((items[0][0], items[0][1], frozenset((a, b))))
    scores["event participants"] = _set_score(participants, gold.participants, lambda t: " | ".join(t))
    scores["participant pairs"] = _set_score(
        pairs, gold.pairs, lambda t: f"{t[0]} | {t[1]} | {' + '.join(sorted(t[2]))}"
    )

    relations = set()
    for s, o in graph.query(_PREFIXES + "SELECT ?s ?o WHERE { ?s schema:worksFor ?o }"):
        relations.add(("worksFor", label.get(str(s)), label.get(str(o))))
    for s, o in graph.query(_PREFIXES + "SELECT ?s ?o WHERE { ?s schema:location ?o }"):
        relations.add(("location", label.get(str(s)), label.get(str(o))))
    matched = {(t, s, o) for t, s, o in relations for gt, gs, gos in gold.relations if (t, s) == (gt, gs) and o in gos}
    hits = [r for r in gold.relations if any((r[0], r[1], o) in relations for o in r[2])]
    scores["relations"] = Score(
        tp=len(hits), predicted=len(relations), gold=len(gold.relations), correct=len(matched),
        missed=sorted(f"{t} {s} → {'/'.join(os)}" for t, s, os in gold.relations if (t, s, os) not in hits),
        spurious=sorted(f"{t} {s} → {o}" for t, s, o in relations - matched),
    )
    names = {"entities": ["entities"], "events": ["event participants", "participant pairs"], "relations": ["relations"]}
    kept = {n for kind, ns in names.items() if kind in gold.scored for n in ns}
    calibration: dict[float, tuple[int, int]] = {}
    if "events" in gold.scored:
        for item, conf in confidence.items():
            correct, found = calibration.get(conf, (0, 0))
            calibration[conf] = (correct + (item in gold.participants), found + 1)
    return Report({name: score for name, score in scores.items() if name in kept}, dict(sorted(calibration.items())))
