"""kg's ontology in the store, in a named graph of its own, so that queries can use the class and
property hierarchy (``?e a/rdfs:subClassOf* sem:Event``, ``?p rdfs:subPropertyOf* sem:hasActor``).

The data stays in the store's default graph (what the page reads, what ``graph.ttl`` holds); ``kg
query`` and ``kg serve`` answer over the union of all graphs, so data and ontology together.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

#: ``ontology.ttl``, the one the package reads (the repository's, linked into ``kg/``).
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology.ttl"
#: The named graph that holds it: the ontology's own IRI.
ONTOLOGY_GRAPH = "https://w3id.org/kg-news/ontology"


def load_ontology(directory: Path, ontology: Path = ONTOLOGY) -> int:
    """Load ``ontology`` into the named graph :data:`ONTOLOGY_GRAPH` of the store at ``directory``,
    replacing what that graph held.

    Returns:
        The number of triples in that graph.
    """
    graph = NamedNode(ONTOLOGY_GRAPH)
    store = Store(str(directory))
    store.remove_graph(graph)
    store.bulk_load(path=str(ontology), format=RdfFormat.TURTLE, to_graph=graph)
    store.flush()
    count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    del store  # closed before the build moves the folder
    return count
