"""kg serve: the Oxigraph SPARQL endpoint, started as a user starts it, queried over HTTP."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from kg.sparql.ontology import ONTOLOGY
from kg.sparql.serve import server_command, start_server, stop_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def sparql_select(port: int, query: str) -> list[dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/query",
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["results"]["bindings"]


def sparql_update(port: int, update: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/update", data=update.encode("utf-8"), headers={"Content-Type": "application/sparql-update"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def wait_for(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        try:
            sparql_select(port, COUNT)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"kg serve did not answer on port {port} within {timeout} s")


def test_serve_cli_read_only_on_localhost(seed_store, seed_graph, free_port):
    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen(
        [str(kg), "serve", "--store", str(seed_store), "--port", str(free_port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    everything = len(seed_graph) + len(Graph().parse(ONTOLOGY, format="turtle"))  # queries see data and ontology
    try:
        wait_for(free_port, process)
        (row,) = sparql_select(free_port, COUNT)
        assert int(row["n"]["value"]) == everything
        assert sparql_update(free_port, "INSERT DATA { <urn:a> <urn:b> <urn:c> }") >= 400
        (row,) = sparql_select(free_port, COUNT)
        assert int(row["n"]["value"]) == everything
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{free_port}/query (read-only)" in output


def test_serve_writable_accepts_updates(tmp_path, free_port):
    process = start_server(tmp_path / "store", port=free_port, writable=True)
    try:
        assert sparql_update(free_port, "INSERT DATA { <urn:a> <urn:b> <urn:c> }") < 300
        (row,) = sparql_select(free_port, COUNT)
        assert row["n"]["value"] == "1"
    finally:
        stop_server(process)


def test_serve_command_defaults(seed_store):
    command = server_command(seed_store)
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1] == "127.0.0.1:7878"
    assert server_command(seed_store, host="::1", port=9000, writable=True)[-1] == "[::1]:9000"


def test_serve_without_store_says_how_to_make_one(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert "kg build" in result.output


def _ask(port: int, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes, float]:
    """Status, body and seconds of a query over HTTP, errors included."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/query", data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as err:
        return err.code, err.read(), time.monotonic() - started


# Every triple with every triple with every triple: on the seed store (~1,200 triples with the
# ontology) some 2 × 10⁹ rows, many minutes of work for any store.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MILLIONS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


def test_serve_heavy_query_stopped_with_503_and_server_still_answers(seed_store, free_port):
    from kg.sparql.bounds import Limits

    process = start_server(seed_store, port=free_port, limits=Limits(timeout=2, max_results=None))
    try:
        status, body, seconds = _ask(free_port, HEAVY)
        assert status == 503 and seconds < 10
        assert "2 s" in body.decode() and "--timeout" in body.decode()
        (row,) = sparql_select(free_port, COUNT)  # the endpoint goes on answering
        assert int(row["n"]["value"]) > 0
    finally:
        stop_server(process)


def test_serve_too_many_results_refused_with_422(seed_store, free_port):
    from kg.sparql.bounds import Limits

    process = start_server(seed_store, port=free_port, limits=Limits(timeout=60, max_results=1000))
    try:
        status, body, _ = _ask(free_port, MILLIONS)
        assert status == 422 and "1,000" in body.decode() and "--max-results" in body.decode()
        status, body, _ = _ask(free_port, "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "text/turtle")
        assert status == 422
        status, body, _ = _ask(free_port, MILLIONS + " LIMIT 1000")  # exactly the limit
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 1000
    finally:
        stop_server(process)


# fmt: off
FORMATS = [
    ("SELECT ?s ?o WHERE { ?s rdfs:label ?o } ORDER BY ?s ?o", "application/sparql-results+json"),
    ("SELECT ?s ?o WHERE { ?s rdfs:label ?o } ORDER BY ?s ?o", "application/sparql-results+xml"),
    ("SELECT ?s ?o WHERE { ?s rdfs:label ?o } ORDER BY ?s ?o", "text/tab-separated-values"),
    ("SELECT ?s ?o WHERE { ?s rdfs:label ?o } ORDER BY ?s ?o", "text/csv;q=0.9, text/html"),
    ("ASK { ?s a kg:Signing }", "application/sparql-results+json"),
    ("CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }", "text/turtle"),
    ("CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }", "application/n-triples"),
    ("CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }", "*/*"),
]
# fmt: on


@pytest.fixture(scope="module")
def served(seed_store):
    """kg serve on the seed store, with its default limits; its port."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = start_server(seed_store, port=port)
    yield port
    stop_server(process)


@pytest.mark.parametrize("query,accept", FORMATS)
def test_serve_results_in_the_format_asked_same_as_embedded(seed_store, served, query, accept):
    import csv
    import io

    import pyoxigraph

    from kg.sparql.query import QUERY_PREFIXES, run_query

    prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in QUERY_PREFIXES.items())
    request = urllib.request.Request(
        f"http://127.0.0.1:{served}/query?query={urllib.parse.quote(prefixes + query)}", headers={"Accept": accept}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        media, body = response.headers["Content-Type"].split(";")[0], response.read()
    embedded = run_query(query, seed_store)
    if query.startswith("CONSTRUCT"):
        assert media == ("application/n-quads" if accept == "*/*" else accept)  # the Oxigraph server's default
        assert {q.triple for q in pyoxigraph.parse(io.BytesIO(body), pyoxigraph.RdfFormat.from_media_type(media))} == set(embedded)
        return
    assert media == accept.split(";")[0]
    if media == "text/csv":  # values only: lossy, not parsed back by Oxigraph
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        assert rows[1:] == [[t.value for t in row] for row in embedded]
        return
    served_results = pyoxigraph.parse_query_results(io.BytesIO(body), pyoxigraph.QueryResultsFormat.from_media_type(media))
    if isinstance(embedded, pyoxigraph.QueryBoolean):
        assert bool(served_results) is bool(embedded) is True
    else:
        assert [list(row) for row in served_results] == [list(row) for row in embedded]


def test_serve_accept_of_no_results_format_gets_406(served):
    status, body, _ = _ask(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/html")
    assert status == 406 and "application/sparql-results+json" in body.decode()


def test_serve_syntax_error_comes_from_the_store(served):
    status, body, _ = _ask(served, "SELECT * WHERE { ?s ?p ?o LIMIT 1")
    assert status == 400 and "error at" in body.decode()


def test_serve_limits_default_in_cli_as_in_library():
    import inspect

    from kg.cli import serve
    from kg.sparql.bounds import DEFAULT_MAX_RESULTS, DEFAULT_TIMEOUT

    parameters = inspect.signature(serve).parameters
    assert (parameters["timeout"].default, parameters["max_results"].default) == (DEFAULT_TIMEOUT, DEFAULT_MAX_RESULTS)


def test_serve_ends_its_oxigraph_server_when_killed(seed_store, free_port):
    import signal

    import psutil

    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen([str(kg), "serve", "--store", str(seed_store), "--port", str(free_port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(free_port, process)
        (oxigraph,) = psutil.Process(process.pid).children()
        process.send_signal(signal.SIGKILL)
        process.wait()
        oxigraph.wait(timeout=5)  # psutil.TimeoutExpired if it is still running
    finally:
        if process.poll() is None:
            process.kill()
