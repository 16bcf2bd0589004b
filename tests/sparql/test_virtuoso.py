"""OpenLink Virtuoso 7 (Debian virtuoso-opensource-7-bin) loads graph.ttl and answers the example
queries as the embedded Oxigraph store does. Skipped where virtuoso-t is not installed."""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.sparql.query import EXAMPLES, run_query, serialize_results

VIRTUOSO, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")
pytestmark = pytest.mark.skipif(
    VIRTUOSO is None or ISQL is None,
    reason="Virtuoso not installed: apt-get install virtuoso-opensource-7-bin (.ci/run does)",
)
GRAPH = "urn:kg:seed"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def values(results_json: bytes) -> list:
    """Rows of SPARQL JSON results as sorted (variable, value) tuples. Virtuoso writes booleans as
    1/0 integers, so booleans are compared as 1/0."""
    rows = []
    for row in json.loads(results_json)["results"]["bindings"]:
        cells = []
        for name, term in row.items():
            value = term["value"]
            if term.get("datatype") == XSD_BOOLEAN:
                value = {"true": "1", "false": "0"}.get(value, value)
            cells.append((name, value))
        rows.append(tuple(sorted(cells)))
    return sorted(rows)


@pytest.fixture(scope="module")
def virtuoso(seed_out, tmp_path_factory):
    """A Virtuoso server in a temporary folder with graph.ttl loaded into <urn:kg:seed>; its HTTP port."""
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        f"""[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {seed_out}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
[SPARQL]
ResultSetMaxRows = 1000000
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [VIRTUOSO, "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    isql = [ISQL, f"127.0.0.1:{sql_port}", "dba", "dba"]
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log = folder / "virtuoso.log"
                    pytest.fail(f"Virtuoso did not start: {log.read_text() if log.exists() else 'no log'}")
                time.sleep(0.5)
        load = f"DB.DBA.TTLP_MT(file_to_string_output('{seed_out / 'graph.ttl'}'), '', '{GRAPH}', 0);"
        done = subprocess.run([*isql, f"exec={load}"], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        yield http_port
    finally:
        subprocess.run([*isql, "exec=shutdown;"], capture_output=True, timeout=60)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def virtuoso_select(port: int, query: str) -> bytes:
    data = urllib.parse.urlencode({"query": query, "default-graph-uri": GRAPH}).encode("utf-8")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/sparql", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def test_virtuoso_loads_every_triple(virtuoso, seed_graph):
    (row,) = values(virtuoso_select(virtuoso, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert row == (("n", str(len(seed_graph))),)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.rq")))
def test_virtuoso_answers_examples_as_oxigraph(virtuoso, seed_store, name):
    query = (EXAMPLES / f"{name}.rq").read_text(encoding="utf-8")
    expected = values(serialize_results(run_query(query, seed_store), "json"))
    assert values(virtuoso_select(virtuoso, query)) == expected
    assert expected
