from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, RdfFormat
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.sparql.store import StoreError, fill_store, open_store


XSD = rdflib.XSD._NS  # a plain Namespace: pytest probes module attributes, which a DefinedNamespace warns about
NUMBERS = {XSD.integer: XSD.integer, XSD.nonNegativeInteger: XSD.integer, XSD.decimal: XSD.decimal}


def numbers_by_value(graph: Graph) -> Graph:
    """Oxigraph 0.5.13 keeps the value of a number, not its lexical form or derived datatype:
    "6500000.0"^^xsd:decimal comes back as "6500000", "92"^^xsd:nonNegativeInteger as
    "92"^^xsd:integer. Compare numbers by value."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in NUMBERS:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=NUMBERS[o.datatype])
        out.add((s, p, o))
    return out


def test_store_build_fills_store_with_the_graph(seed_out, seed_graph):
    store = open_store(seed_out / "store")
    assert len(list(store.quads_for_pattern(None, None, None, DefaultGraph()))) == len(seed_graph)  # the ontology has a graph of its own
    data = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()).decode("utf-8")
    in_store = numbers_by_value(Graph().parse(data=data, format="nt"))
    expected = numbers_by_value(seed_graph)
    if not isomorphic(in_store, expected):
        _, only_store, only_ttl = graph_diff(in_store, expected)
        pytest.fail(f"store and graph.ttl differ:\nonly in store:\n{only_store.serialize(format='nt')}\n"
                    f"only in graph.ttl:\n{only_ttl.serialize(format='nt')}")


def test_store_fill_from_rdflib_graph_replaces_old_store(tmp_path):
    graph = Graph()
    graph.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("平度市", lang="zh")))
    assert fill_store(graph, tmp_path / "store") == 1
    graph.add((URIRef("https://example.org/b"), URIRef("https://example.org/p"), Literal(1)))
    assert fill_store(graph, tmp_path / "store") == 2
    assert len(open_store(tmp_path / "store")) == 2


def test_store_open_missing_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path / "store")


def test_store_fill_rejects_unknown_file_type(tmp_path):
    path = tmp_path / "graph.xml"
    path.write_text("<rdf/>")
    with pytest.raises(ValueError, match=".ttl"):
        fill_store(Path(path), tmp_path / "store")


def test_store_fill_from_ntriples_in_parts(tmp_path, monkeypatch):
    import kg.sparql.store as store_module

    monkeypatch.setattr(store_module, "LOAD_LINES", 3)
    lines = [f'<https://example.org/s{i}> <https://example.org/p> "{i}"@zh .\n' for i in range(10)]
    path = tmp_path / "graph.nt"
    path.write_text("".join(lines), encoding="utf-8")
    assert fill_store(path, tmp_path / "store") == 10  # four loads of 3, 3, 3 and 1 lines
    store = open_store(tmp_path / "store")
    assert {q.object.value for q in store} == {str(i) for i in range(10)}
