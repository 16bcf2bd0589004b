"""Readers that count see a merged entity once: its IRIs smushed into the canonical one."""

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from kg.rdf.namespaces import KG
from kg.rdf.sameas import canonical_map, smush
from kg.viz.model import read_graph

ID = "https://example.org/id/"


def test_sameas_chains_lead_to_their_end():
    assert canonical_map([("a", "b"), ("b", "c"), ("d", "c")]) == {"a": "c", "b": "c", "d": "c"}
    assert canonical_map([]) == {}


def test_sameas_merged_entity_is_one_node_on_the_page():
    short, full, event = URIRef(f"{ID}org/上合组织"), URIRef(f"{ID}org/上海合作组织"), URIRef(f"{ID}event/a-0/1a2b3c4d-5")
    graph = Graph()
    for node in (short, full):
        graph.add((node, RDF.type, KG.Organization))
        graph.add((node, RDFS.label, Literal("上海合作组织", lang="zh-hans")))
    graph.add((short, OWL.sameAs, full))
    graph.add((event, RDF.type, KG.Signing))
    graph.add((event, KG.agent, short))
    smushed = smush(graph)
    assert (event, KG.agent, full) in smushed and not set(smushed.subjects(OWL.sameAs)) and short not in set(smushed.subjects())
    entities = [node for node in read_graph(graph).nodes if node.kind == "entity"]
    assert [node.iri for node in entities] == [str(full)]
