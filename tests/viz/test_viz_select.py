"""The page read from kg build's store: the whole graph when small, a bounded part when big."""

import pytest
from rdflib import Graph

from kg.sparql.store import open_store
from kg.viz.model import read_graph
from kg.viz.select import read_store


@pytest.fixture(scope="module")
def seed(seed_out):
    return open_store(seed_out / "store"), read_graph(Graph().parse(seed_out / "graph.ttl"))


def test_viz_select_small_graph_is_read_whole(seed):
    store, expected = seed
    assert read_store(store) == expected  # the same page as from the whole graph in memory


def test_viz_select_big_graph_keeps_the_most_connected(seed):
    store, full = seed
    part = read_store(store, max_nodes=10, max_entities=5, max_events=5)
    entities = [n for n in part.nodes if n.kind == "entity"]
    events = [n for n in part.nodes if n.kind == "event"]
    assert len(entities) == 5 and 0 < len(events) <= 5
    degree = {n.iri: 0 for n in full.nodes}
    for e in full.edges:
        degree[full.nodes[e.source].iri] += 1
        degree[full.nodes[e.target].iri] += 1
    chosen = min(degree[n.iri] for n in entities)
    left_out = [n for n in full.nodes if n.kind == "entity" and n.iri not in {m.iri for m in entities}]
    assert all(degree[n.iri] <= chosen for n in left_out)
    totals = {n.iri: (n.sentence_total, n.article_total) for n in full.nodes}
    for node in entities:  # counted over the whole graph, not the part
        assert (node.sentence_total, node.article_total) == totals[node.iri]
        assert len(node.articles) == min(node.article_total, 5)
    assert {(part.nodes[e.source].iri, part.nodes[e.target].iri) for e in part.edges} <= {
        (full.nodes[e.source].iri, full.nodes[e.target].iri) for e in full.edges}
