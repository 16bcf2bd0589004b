"""The ontology in the store: kg build loads ontology.ttl into its own named graph, and kg query and
kg serve answer over data and ontology together, so the class and property hierarchy can be used."""

import json
import urllib.request
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.ontology import ONTOLOGY_GRAPH, load_ontology
from kg.sparql.query import result_rows, run_query
from kg.sparql.serve import start_server, stop_server
from kg.sparql.store import open_store

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology.ttl"
EVENTS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* kg:ReportedEvent }"
ACTORS = "SELECT (COUNT(*) AS ?n) WHERE { ?e ?p ?x . ?p rdfs:subPropertyOf* sem:hasActor }"
EVENT_PROPERTIES = "SELECT (COUNT(*) AS ?n) WHERE { ?e ?p ?x . ?p rdfs:subPropertyOf* sem:eventProperty }"
ROLES = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { VALUES ?p { kg:agent kg:partner kg:representative } ?e ?p ?x }"""
ROLES_AND_PLACES = """PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT (COUNT(*) AS ?n) WHERE { VALUES ?p { kg:agent kg:partner kg:theme kg:destination kg:representative sem:hasPlace } ?e ?p ?x }"""


def number(store, query) -> int:
    _, [[n]] = result_rows(run_query(query, store))
    return int(n)


def test_ontology_store_holds_it_in_its_own_graph(seed_store, seed_graph):
    store = open_store(seed_store)
    in_graph = list(store.quads_for_pattern(None, None, None, NamedNode(ONTOLOGY_GRAPH)))
    assert len(in_graph) == len(Graph().parse(ONTOLOGY, format="turtle"))
    assert len(list(store.quads_for_pattern(None, None, None, DefaultGraph()))) == len(seed_graph)


def test_ontology_store_class_hierarchy_finds_every_event(seed_store, seed_graph):
    events = set(seed_graph.subjects(URIRef("https://w3id.org/kg-news/ontology#trigger")))  # every event has one
    assert number(seed_store, EVENTS) == len(events) > 0


def test_ontology_store_property_hierarchy_finds_every_participant(seed_store, seed_graph):
    """Actors (agents, partners, representatives) under sem:hasActor; they, themes, destinations and
    places under sem:eventProperty."""
    (row,) = seed_graph.query(ROLES)
    assert number(seed_store, ACTORS) == int(row.n) > 0
    (row,) = seed_graph.query(ROLES_AND_PLACES)
    assert number(seed_store, EVENT_PROPERTIES) == int(row.n) > number(seed_store, ACTORS)


def test_ontology_store_query_cli_uses_the_hierarchy(seed_store):
    result = CliRunner().invoke(app, [
        "query", "--store", str(seed_store), "--format", "csv",
        "SELECT DISTINCT ?class WHERE { ?e kg:agent/rdfs:label '海尔卡奥斯'@zh-Hans ; a ?class . ?class rdfs:subClassOf+ sem:Event }",
    ])
    assert result.exit_code == 0, result.output
    assert set(result.output.split()) >= {"class", "https://w3id.org/kg-news/ontology#Signing", "https://w3id.org/kg-news/ontology#Cooperation"}


def test_ontology_store_served_with_the_data(seed_store, seed_graph, free_port):
    process = start_server(seed_store, port=free_port)
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{free_port}/query",
            data=("PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                  + EVENTS).encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            (row,) = json.load(response)["results"]["bindings"]
    finally:
        stop_server(process)
    assert int(row["n"]["value"]) == len(set(seed_graph.subjects(URIRef("https://w3id.org/kg-news/ontology#trigger"))))


def test_ontology_store_load_replaces_the_graph(tmp_path):
    from kg.sparql.store import fill_store

    fill_store(Graph(), tmp_path / "store")
    first = load_ontology(tmp_path / "store")
    assert load_ontology(tmp_path / "store") == first == len(Graph().parse(ONTOLOGY, format="turtle"))
