"""kg's output in other implementations: the Oxigraph server loaded over the SPARQL 1.1 Graph Store
Protocol answers the example queries as the embedded store does, and Raptor's rapper (Debian
raptor2-utils, independent of rdflib and Oxigraph) reads graph.ttl as the same graph."""

import json
import shutil
import subprocess
import urllib.request

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from kg.sparql.query import EXAMPLES, run_query, serialize_results
from kg.sparql.serve import start_server, stop_server

RAPPER = shutil.which("rapper")
needs_rapper = pytest.mark.skipif(RAPPER is None, reason="rapper not installed: apt-get install raptor2-utils (.ci/run does)")


def bindings(results_json: bytes) -> list:
    """SPARQL JSON results as a sorted list of rows, each a sorted tuple of (variable, term)."""
    rows = json.loads(results_json)["results"]["bindings"]
    return sorted(tuple(sorted((k, tuple(sorted(v.items()))) for k, v in row.items())) for row in rows)


@pytest.fixture(scope="module")
def loaded_server(seed_out, tmp_path_factory):
    """A writable Oxigraph server on an empty folder, graph.ttl PUT into its default graph."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = start_server(tmp_path_factory.mktemp("gsp") / "store", port=port, writable=True)
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/store?default",
            data=(seed_out / "graph.ttl").read_bytes(),
            headers={"Content-Type": "text/turtle"},
            method="PUT",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status in (200, 201, 204)
        yield port
    finally:
        stop_server(process)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.rq")))
def test_interop_examples_over_http_match_embedded(loaded_server, seed_store, name):
    query = (EXAMPLES / f"{name}.rq").read_text(encoding="utf-8")
    request = urllib.request.Request(
        f"http://127.0.0.1:{loaded_server}/query",
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        over_http = bindings(response.read())
    embedded = bindings(serialize_results(run_query(query, seed_store), "json"))
    assert over_http == embedded
    assert over_http, f"{name} has no answer on the seed graph"


def test_interop_graph_store_get_returns_what_was_put(loaded_server, seed_graph):
    request = urllib.request.Request(
        f"http://127.0.0.1:{loaded_server}/store?default", headers={"Accept": "application/n-triples"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        served = Graph().parse(data=response.read().decode("utf-8"), format="nt")
    assert len(served) == len(seed_graph)


@needs_rapper
def test_interop_rapper_reads_the_same_graph(seed_out, seed_graph):
    result = subprocess.run(
        [RAPPER, "--quiet", "--input", "turtle", "--output", "ntriples", str(seed_out / "graph.ttl")],
        capture_output=True, check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    by_rapper = Graph().parse(data=result.stdout.decode("utf-8"), format="nt")
    if not isomorphic(by_rapper, seed_graph):
        _, only_rapper, only_rdflib = graph_diff(by_rapper, seed_graph)
        pytest.fail(f"rapper and rdflib read graph.ttl differently:\nonly rapper:\n{only_rapper.serialize(format='nt')}\n"
                    f"only rdflib:\n{only_rdflib.serialize(format='nt')}")


@needs_rapper
def test_interop_rapper_counts_the_triples(seed_out, seed_graph):
    result = subprocess.run(
        [RAPPER, "--count", "--input", "turtle", str(seed_out / "graph.ttl")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"returned {len(seed_graph)} triples" in result.stderr
