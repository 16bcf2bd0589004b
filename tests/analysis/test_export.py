"""kg build --format gexf,graphml,csv on seeds/: every export read back (networkx, the csv module) and
counted against the Turtle graph, which is read with rdflib and SPARQL, independently of kg.analysis."""

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

import kg.viz
from kg.analysis.export import write_exports
from kg.analysis.tables import TABLES
from kg.cli import app
from kg.sparql.formats import write_formats

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PREFIXES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
# an entity once, however many IRIs name it: a merged one keeps its IRI, stated owl:sameAs the canonical one
ENTITIES = "VALUES ?class { kg:Organization kg:AdministrativeArea kg:Location kg:Person } ?x a ?class . FILTER NOT EXISTS { ?x owl:sameAs ?same }"
EVENTS = "?x a/rdfs:subClassOf* kg:Event ."
ROLES = "VALUES ?p { kg:agent kg:partner kg:theme kg:destination kg:representative sem:hasPlace } ?x ?p ?y ."
RELATIONS = "VALUES ?p { schema:worksFor schema:location schema:containedInPlace kg:jurisdiction } ?x ?p ?y ."


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "out"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--format", "gexf,graphml", "--format", "csv",
                                      "--quiet", "--events", "rules"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def turtle(exported):
    """The Turtle graph with the ontology beside it (for the class hierarchy)."""
    graph = Graph().parse(exported / "graph.ttl", format="turtle")
    return graph + Graph().parse(ROOT / "ontology.ttl", format="turtle")


def count(graph: Graph, pattern: str) -> int:
    (row,) = graph.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT * WHERE {{ {pattern} }} }}")
    return int(row.n)


def read_table(folder: Path, name: str) -> list[dict]:
    with open(folder / "tables" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name, read", [("graph.gexf", nx.read_gexf), ("graph.graphml", nx.read_graphml)])
def test_export_network_has_every_entity_event_role_and_relation(exported, turtle, name, read):
    graph = read(exported / name)
    kinds = [kind for _, kind in graph.nodes(data="kind")]
    assert kinds.count("entity") == count(turtle, f"SELECT ?x WHERE {{ {ENTITIES} }}") > 0
    assert kinds.count("event") == count(turtle, f"SELECT DISTINCT ?x WHERE {{ {EVENTS} }}") > 0
    roles = count(turtle, ROLES)
    assert graph.number_of_edges() == roles + count(turtle, RELATIONS)
    labels = [label for _, _, label in graph.edges(data="label")]
    assert sum(label in {"agent", "partner", "theme", "destination", "representative", "hasPlace"} for label in labels) == roles


@pytest.mark.parametrize("name, read", [("graph.gexf", nx.read_gexf), ("graph.graphml", nx.read_graphml)])
def test_export_network_nodes_carry_class_label_date_pagerank_community(exported, turtle, name, read):
    graph = read(exported / name)
    nodes = dict(graph.nodes(data=True))
    kaos = nodes["https://w3id.org/kg-news/id/org/海尔卡奥斯"]
    assert (kaos["kind"], kaos["class"], kaos["label"], kaos["aliases"]) == ("entity", "Organization", "海尔卡奥斯", "卡奥斯")
    dated = {str(e): str(t)[:7] for e, t in turtle.query(
        "SELECT ?e ?t WHERE { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?t }")}
    assert dated and {iri: nodes[iri]["date"][:7] for iri in dated} == dated  # every dated event, its date
    labels = json.loads((Path(kg.viz.__file__).parent / "labels.json").read_text(encoding="utf-8"))["events"]
    assert all(a["label"] in set(labels.values()) for a in nodes.values() if a["kind"] == "event")
    assert sum(float(a["pagerank"]) for a in nodes.values()) == pytest.approx(1.0)
    communities = {int(a["community"]) for a in nodes.values()}
    assert communities == set(range(len(communities)))  # numbered from 0, the largest
    linked = max(float(nodes[n]["pagerank"]) for n in graph.nodes if graph.degree(n) > 0)
    alone = [float(nodes[n]["pagerank"]) for n in graph.nodes if graph.degree(n) == 0]
    assert all(p < linked for p in alone)  # taking part raises a node's rank


def test_export_signing_roles_are_edge_labels(exported):
    graph = nx.read_gexf(exported / "graph.gexf")
    kaos = "https://w3id.org/kg-news/id/org/海尔卡奥斯"
    partners = {
        graph.nodes[target]["label"]
        for event, _, role in graph.in_edges(kaos, data="label") if role == "agent" and graph.nodes[event]["class"] == "Signing"
        for _, target, other in graph.out_edges(event, data="label") if other == "partner"
    }
    assert {"平度市政府", "莱西市政府", "征和工业", "青岛乐好集团"} <= partners


def test_export_gexf_and_graphml_agree(exported):
    gexf, graphml = nx.read_gexf(exported / "graph.gexf"), nx.read_graphml(exported / "graph.graphml")
    assert set(gexf.nodes) == set(graphml.nodes)
    for node in gexf:
        a, b = gexf.nodes[node], graphml.nodes[node]
        assert (a["class"], a["label"], int(a["community"])) == (b["class"], b["label"], int(b["community"]))
        assert float(a["pagerank"]) == pytest.approx(float(b["pagerank"]))
    assert sorted((u, v, d) for u, v, d in gexf.edges(data="label")) == sorted((u, v, d) for u, v, d in graphml.edges(data="label"))


# fmt: off
TABLE_COUNTS = [
    ("entities", f"SELECT ?x WHERE {{ {ENTITIES} }}"),
    ("events", f"SELECT DISTINCT ?x WHERE {{ {EVENTS} }}"),
    ("event_participants", ROLES),
    ("positions", "?x a kg:Position ."),
    ("relations", "VALUES ?p { schema:worksFor schema:location schema:containedInPlace } ?x ?p ?y ."),
    ("mentions", "?x schema:mentions ?y ."),
    ("sources", "?x prov:wasDerivedFrom ?y ."),
    ("articles", "?x a schema:NewsArticle ."),
]
# fmt: on


@pytest.mark.parametrize("name, pattern", TABLE_COUNTS)
def test_export_tables_one_row_per_fact(exported, turtle, name, pattern):
    rows = read_table(exported, name)
    assert len(rows) == count(turtle, pattern) > 0


def test_export_tables_are_every_table_with_a_bom(exported):
    assert sorted(p.stem for p in (exported / "tables").glob("*.csv")) == sorted(TABLES)
    for name in TABLES:
        data = (exported / "tables" / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1, name


def test_export_tables_mention_offsets_point_into_the_article(exported, turtle):
    texts = {str(a): str(t) for a, t in turtle.query(PREFIXES + "SELECT ?a ?t WHERE { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }")}
    rows = read_table(exported, "mentions")
    found = [r for r in rows if r["begin"]]
    assert len(found) > 0.8 * len(rows)
    for row in found:
        assert texts[row["article"]][int(row["begin"]):int(row["end"])] == row["name"]
    (pingdu,) = [r for r in rows if r["label"] == "平度市" and r["headline"] == "海尔卡奥斯与平度莱西达成战略合作"]
    assert pingdu["name"] == "平度" and pingdu["class"] == "AdministrativeArea"


def test_export_tables_positions_and_sources_with_offsets(exported):
    (zhang,) = [r for r in read_table(exported, "positions") if r["holder_label"] == "张彬"]
    assert (zhang["title"], zhang["organization_label"]) == ("副教授", "青岛市委党校经济学教研部")
    assert zhang["sentence"].startswith("青岛市委党校经济学教研部副教授张彬认为")
    assert int(zhang["end"]) - int(zhang["begin"]) == len(zhang["sentence"])
    sources = read_table(exported, "sources")
    assert {r["kind"] for r in sources} == {"event", "position"}
    assert all(int(r["end"]) - int(r["begin"]) == len(r["sentence"]) for r in sources)


def test_export_tables_signing_participants(exported):
    rows = read_table(exported, "event_participants")
    signings = {r["event"] for r in rows if r["class"] == "Signing" and r["role"] == "agent" and r["label"] == "海尔卡奥斯"}
    partners = {r["label"] for r in rows if r["event"] in signings and r["role"] == "partner"}
    assert {"平度市政府", "莱西市政府", "国轩电池有限公司"} <= partners


def test_export_same_from_store_turtle_and_rdflib(exported, tmp_path):
    """The store, graph.ttl and an rdflib graph give the same export (same PageRank, same communities)."""
    graph = Graph().parse(exported / "graph.ttl", format="turtle")
    folders = {name: tmp_path / name for name in ("store", "turtle", "rdflib")}
    for folder in folders.values():
        folder.mkdir()
    write_exports(exported / "store", folders["store"], ["graphml", "csv"])
    write_exports(exported / "graph.ttl", folders["turtle"], ["graphml", "csv"])
    write_formats(graph, folders["rdflib"], ["graphml", "csv"])
    reads = {name: nx.read_graphml(folder / "graph.graphml") for name, folder in folders.items()}
    nodes = [dict(g.nodes(data=True)) for g in reads.values()]
    assert nodes[0] == nodes[1] == nodes[2]
    for name in TABLES:
        tables = [(folder / "tables" / f"{name}.csv").read_bytes() for folder in folders.values()]
        assert tables[0] == tables[1] == tables[2], name


def test_export_unknown_format_stops_before_building(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--format", "gexf,xlsx"])
    assert result.exit_code == 2
    assert "unknown --format xlsx" in result.output
    assert not (tmp_path / "out").exists()
