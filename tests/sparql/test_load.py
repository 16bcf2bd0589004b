"""kg load: a store updated from a new build graph by graph through the SPARQL 1.1 Graph Store
Protocol, against real servers started as users start them: kg serve --writable, and the Oxigraph
server (the ``oxigraph`` command of the PyPI package kg depends on)."""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.load import changes, load_build
from kg.sparql.serve import find_oxigraph, start_server, stop_server

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BASE = "https://w3id.org/kg-news/id/doc/"
# fmt: off
PAGES = {
    "extra.txt": "# 上合组织代表团访问平度\n\n本报讯（记者 肖芳）5月30日，上合组织秘书长张彬率代表团到平度市考察，与海尔卡奥斯签署合作协议。\n",
    "gone.txt": "# 签约\n\n青岛啤酒股份有限公司与平度市政府签署战略合作协议。\n",
}
CHANGED = {
    "extra.txt": PAGES["extra.txt"] + "青岛市委党校经济学教研部张彬参加了座谈。\n",
    "new.txt": "# 揭牌\n\n山东省港口集团在青岛揭牌。四川大学与青岛市政府签约。\n",
}
# fmt: on


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _build(corpus: Path, out: Path) -> Path:
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--events", "rules", "--format", "nquads", "--no-cache"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two builds of a corpus: the seed page and two more; then one of them changed, one removed, one added."""
    folder = tmp_path_factory.mktemp("load")
    corpus = folder / "corpus"
    shutil.copytree(SEEDS, corpus)
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    first = _build(corpus, folder / "first")
    (corpus / "gone.txt").unlink()
    for name, text in CHANGED.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return first, _build(corpus, folder / "second")


def _wait(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"no answer at {url}")


@pytest.fixture(params=["kg serve", "oxigraph serve"])
def graph_store(request, tmp_path):
    """An empty writable store behind a real server: its Graph Store Protocol URL."""
    port = _free_port()
    if request.param == "kg serve":
        process = start_server(tmp_path / "store", port=port, writable=True)
    else:
        process = subprocess.Popen([find_oxigraph(), "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
    try:
        yield f"http://127.0.0.1:{port}/store"
    finally:
        stop_server(process)


def _graph_in_store(url: str, iri: str) -> set | None:
    """The triples of a named graph, as the store gives them back (GET); None when it has no such graph."""
    request = urllib.request.Request(f"{url}?graph={urllib.parse.quote(iri, safe='')}", headers={"Accept": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return None
        raise
    return {_normal(quad.triple) for quad in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}


def _graphs_of_build(out: Path) -> dict[str, set]:
    graphs: dict[str, set] = {}
    for quad in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, set()).add(_normal(quad.triple))
    return graphs


XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {f"{XSD}nonNegativeInteger": f"{XSD}integer", f"{XSD}integer": f"{XSD}integer", f"{XSD}decimal": f"{XSD}decimal"}


def _normal(triple: ox.Triple) -> ox.Triple:
    """A number as its value: Oxigraph stores an xsd:nonNegativeInteger as the xsd:integer of that
    value (shapes.ttl notes it too) and gives decimals back in their canonical form (6500000.0 as
    6500000)."""
    o = triple.object
    if isinstance(o, ox.Literal) and o.datatype.value in NUMBERS:
        value = str(Decimal(o.value).normalize())
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(value, datatype=ox.NamedNode(NUMBERS[o.datatype.value])))
    return triple


def _store_holds(url: str, out: Path, gone=()) -> None:
    for iri, triples in _graphs_of_build(out).items():
        assert _graph_in_store(url, iri) == triples, iri
    for iri in gone:
        assert not _graph_in_store(url, iri)


def test_load_then_update_sends_only_what_changed(builds, graph_store):
    first, second = builds
    done = load_build(first, graph_store)
    assert sorted(done.put) == [f"{BASE}000_670865fa253c924e.txt", f"{BASE}entities", f"{BASE}extra.txt", f"{BASE}gone.txt"]
    assert done.delete == [] and done.unchanged == 0
    _store_holds(graph_store, first)

    result = CliRunner().invoke(app, ["load", graph_store, "--out", str(second), "--since", str(first / "manifest.json")])
    assert result.exit_code == 0, result.output
    assert "3 graphs put, 1 deleted, 1 unchanged" in result.output
    _store_holds(graph_store, second, gone=[f"{BASE}gone.txt"])


def test_load_changes_follow_the_digests(builds):
    old, new = (json.loads((out / "manifest.json").read_text(encoding="utf-8")) for out in builds)
    found = changes(old, new)
    assert sorted(found.put) == [f"{BASE}entities", f"{BASE}extra.txt", f"{BASE}new.txt"]
    assert found.delete == [f"{BASE}gone.txt"] and found.unchanged == 1
    assert changes(new, new).put == [] and changes(new, new).unchanged == len(new["graphs"]) == 4


def test_load_needs_the_named_graphs_of_nquads(seed_out):
    with pytest.raises(ValueError, match="--format nquads"):
        load_build(seed_out, "http://127.0.0.1:9/store")


def test_load_refuses_a_graph_file_that_is_not_the_manifests(builds, tmp_path):
    first, second = builds
    mixed = tmp_path / "mixed"
    shutil.copytree(second, mixed)
    shutil.copy(first / "graph.nq", mixed / "graph.nq")  # the first build's graphs beside the second's manifest
    with pytest.raises(ValueError, match="not the one the manifest"):
        load_build(mixed, "http://127.0.0.1:9/store")


def test_load_kg_serve_read_only_refuses_graph_store_writes(seed_out, tmp_path):
    port = _free_port()
    process = start_server(seed_out / "store", port=port)
    url = f"http://127.0.0.1:{port}/store?graph={urllib.parse.quote(BASE + 'x.txt', safe='')}"
    try:
        request = urllib.request.Request(url, data=b"<urn:a> <urn:b> <urn:c> .\n", method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code >= 400
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url, timeout=30)
        assert missing.value.code == 404
    finally:
        stop_server(process)
