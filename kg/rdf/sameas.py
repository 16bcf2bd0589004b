"""One node per entity again, for readers that count: merged entities keep their IRIs in kg's graph
(quads written before the merge name them so), each stated ``owl:sameAs`` its canonical IRI
(:meth:`kg.rdf.mapping.Mapping.entity_quads`). Networks, statistics and the page read the graph
with every such IRI replaced by its canonical one ("smushed"), so a merged entity is one node.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import OWL


def canonical_map(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """IRI → the canonical IRI it is the same as, from ``owl:sameAs`` (subject, object) pairs; chains
    (a → b → c) lead to their end, and a cycle to its smallest IRI."""
    same = dict(pairs)
    canonical: dict[str, str] = {}
    for start in same:
        seen, iri = [start], same[start]
        while iri in same and iri not in seen:
            seen.append(iri)
            iri = same[iri]
        end = min(seen) if iri in seen else iri
        for node in seen:
            if node != end:
                canonical[node] = end
    return canonical


def smush(graph: Graph) -> Graph:
    """``graph`` with each IRI that is ``owl:sameAs`` another replaced by its canonical IRI, and the
    ``owl:sameAs`` triples left out; the graph itself when it has none."""
    canonical = {URIRef(a): URIRef(b) for a, b in canonical_map((str(s), str(o)) for s, o in graph.subject_objects(OWL.sameAs)).items()}
    if not canonical:
        return graph
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for s, p, o in graph:
        if p != OWL.sameAs:
            out.add((canonical.get(s, s), p, canonical.get(o, o)))
    return out
