"""Fixtures of the SPARQL tests: the seed store, small hand-made graphs, free ports."""

import socket
from pathlib import Path

import pytest
from rdflib import Graph


@pytest.fixture(scope="session")
def seed_store(seed_out):
    return seed_out / "store"


@pytest.fixture(scope="session")
def seed_graph(seed_out):
    return Graph().parse(seed_out / "graph.ttl", format="turtle")


@pytest.fixture
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def make_store(tmp_path):
    """A store filled from Turtle text written in a test (prefixes of kg added)."""
    from kg.sparql.store import fill_store

    prefixes = """
        @prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix id: <https://w3id.org/kg-news/id/> .
        @prefix schema: <https://schema.org/> . @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
    """

    def make(turtle: str) -> Path:
        ttl = tmp_path / "graph.ttl"
        ttl.write_text(prefixes + turtle, encoding="utf-8")
        fill_store(ttl, tmp_path / "store")
        return tmp_path / "store"

    return make
