"""kg build --format: N-Triples, N-Quads and TriG (a named graph per document), JSON-LD with a context file."""

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.formats import split_by_document, write_formats

RAPPER = shutil.which("rapper")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DOC = URIRef("https://w3id.org/kg-news/id/doc/000_670865fa253c924e.txt")
ENTITIES = URIRef("https://w3id.org/kg-news/id/doc/entities")


@pytest.fixture(scope="module")
def written(seed_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    write_formats(seed_graph, folder, ["nt", "nquads", "trig", "jsonld"])
    return folder


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("name, fmt", [("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_formats_graph_files_hold_the_graph(written, seed_graph, name, fmt):
    assert isomorphic(Graph().parse(written / name, format=fmt), seed_graph)


def test_formats_jsonld_uses_the_context_file(written):
    assert '"@context": "context.jsonld"' in (written / "graph.jsonld").read_text(encoding="utf-8")
    assert '"kg": "https://w3id.org/kg-news/ontology#"' in (written / "context.jsonld").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, fmt", [("graph.nq", "nquads"), ("graph.trig", "trig")])
def test_formats_datasets_have_a_graph_per_document(written, seed_graph, name, fmt):
    dataset = Dataset()
    dataset.parse(written / name, format=fmt)
    assert isomorphic(union(dataset), seed_graph)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {DOC, ENTITIES}


def test_formats_dropping_a_document_leaves_only_entities(seed_graph):
    dataset = split_by_document(seed_graph)
    dataset.remove_graph(dataset.graph(DOC))
    rest = union(dataset)
    assert not list(rest.subjects(URIRef("https://w3id.org/kg-news/ontology#trigger"), None))
    assert not list(rest.subjects(URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"), None))
    assert list(rest.subjects(URIRef("https://w3id.org/kg-news/ontology#gbCode"), None))


@pytest.mark.skipif(RAPPER is None, reason="rapper not installed: apt-get install raptor2-utils (.ci/run does)")
@pytest.mark.parametrize("name, fmt", [("graph.nt", "ntriples"), ("graph.nq", "nquads"), ("graph.trig", "trig")])
def test_formats_rapper_reads_them(written, seed_graph, name, fmt):
    result = subprocess.run([RAPPER, "--count", "--input", fmt, str(written / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"returned {len(seed_graph)} triples" in result.stderr


def test_formats_build_cli_writes_them(tmp_path):
    out = tmp_path / "out"
    args = ["build", str(SEEDS), "--out", str(out), "--quiet"]
    for fmt in ("nt", "trig", "nquads", "jsonld"):
        args += ["--format", fmt]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"graph.ttl", "graph.nt", "graph.trig", "graph.nq", "graph.jsonld", "context.jsonld", "store"} <= names
    assert ".work" not in names  # the spool and sorted runs are gone
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    for name, fmt in [("graph.nt", "nt"), ("graph.jsonld", "json-ld")]:
        assert isomorphic(Graph().parse(out / name, format=fmt), graph)
    expected = split_by_document(graph)
    for name, fmt in [("graph.nq", "nquads"), ("graph.trig", "trig")]:
        dataset = Dataset()
        dataset.parse(out / name, format=fmt)
        assert {g.identifier for g in dataset.graphs() if len(g)} == {DOC, ENTITIES}
        for doc in (DOC, ENTITIES):  # streamed per document as split_by_document splits it
            assert isomorphic(dataset.graph(doc), expected.graph(doc))


def test_formats_build_cli_rejects_unknown_format(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown --format xml" in result.output
    assert not (tmp_path / "out").exists()
