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
    try:
        wait_for(free_port, process)
        (row,) = sparql_select(free_port, COUNT)
        assert int(row["n"]["value"]) == len(seed_graph)
        assert sparql_update(free_port, "INSERT DATA { <urn:a> <urn:b> <urn:c> }") >= 400
        (row,) = sparql_select(free_port, COUNT)
        assert int(row["n"]["value"]) == len(seed_graph)
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
