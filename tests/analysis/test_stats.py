"""kg stats on the seed build (through the CLI, as a user runs it), checked against the Turtle graph."""

import json
import shutil

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.analysis.facts import read_facts
from kg.analysis.stats import compute_stats
from kg.cli import app

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
KAOS = "https://w3id.org/kg-news/id/org/海尔卡奥斯"


@pytest.fixture(scope="module")
def stats_out(seed_out, tmp_path_factory):
    """A copy of the seed build (the session's own is shared), with kg stats run on it."""
    out = tmp_path_factory.mktemp("stats") / "out"
    shutil.copytree(seed_out, out, ignore=shutil.ignore_patterns(".cache"))
    result = CliRunner().invoke(app, ["stats", "--out", str(out), "--top", "5"])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def seed_graph(seed_out):
    return Graph().parse(seed_out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def stats(stats_out):
    return json.loads((stats_out[0] / "stats.json").read_text(encoding="utf-8"))


def count(graph: Graph, pattern: str) -> int:
    (row,) = graph.query(PREFIXES + f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
    return int(row.n)


def test_stats_counts_match_the_turtle_graph(stats, seed_graph):
    counts = stats["counts"]
    for cls, n in counts["entities"].items():
        assert n == count(seed_graph, f"?x a kg:{cls} FILTER NOT EXISTS {{ ?x owl:sameAs ?same }}"), cls  # merged: one entity, two IRIs
    assert counts["positions"] == count(seed_graph, "?x a kg:Position")
    assert counts["articles"] == count(seed_graph, "?x a schema:NewsArticle")
    assert counts["events"] == sum(stats["events_per_class"].values()) == count(seed_graph, "?x kg:trigger ?t") > 0
    assert stats["events_per_class"]["Signing"] == count(seed_graph, "?x a kg:Signing") > 0
    assert sum(stats["events_per_month"].values()) + stats["undated_events"] == counts["events"]
    assert stats["events_per_month"]["2018-06"] == 1  # 2018年6月,上海合作组织青岛峰会成功举办


def test_stats_organization_network(stats):
    network = stats["networks"]["organizations"]
    ranking = network["ranking"]
    assert len(ranking) == network["nodes"] == sum(c["size"] for c in network["communities"])
    top = ranking[0]
    assert (top["iri"], top["label"]) == (KAOS, "海尔卡奥斯")
    assert top["pagerank"] == max(r["pagerank"] for r in ranking)
    assert top["betweenness"] == max(r["betweenness"] for r in ranking) > 0
    assert top["weighted_degree"] >= top["degree"] >= 11  # 平度市政府, 莱西市政府, the nine of the first batch …
    assert network["betweenness_sample"] is None  # a small network: exact
    assert network["communities"][0]["members"][0] == "海尔卡奥斯"
    community = {r["label"]: r["community"] for r in ranking}
    assert community["海尔卡奥斯"] == community["平度市政府"] == community["征和工业"] == 0


def test_stats_person_organization_network_has_posts(stats):
    ranking = stats["networks"]["people_organizations"]["ranking"]
    by_label = {r["label"]: r for r in ranking}
    assert by_label["张彬"]["community"] == by_label["青岛市委党校经济学教研部"]["community"]
    assert {"Person", "Organization"} <= {r["class"] for r in ranking}


def test_stats_most_connected_per_type(stats, seed_graph):
    connected = stats["most_connected"]
    assert connected["Organization"][0]["label"] == "海尔卡奥斯"
    (row,) = seed_graph.query(PREFIXES + f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e ?role <{KAOS}> ; kg:trigger ?t }}")
    assert connected["Organization"][0]["events"] == int(row.n) > 10
    assert connected["AdministrativeArea"][0]["label"] == "青岛市"
    assert all(len(rows) <= 20 for rows in connected.values())


def test_stats_prints_tables(stats_out):
    out, output = stats_out
    for title in ("Events per class", "Organization network", "Person–organization network", "Most connected: Person"):
        assert title in output
    assert "海尔卡奥斯" in output and f"→ {out / 'stats.json'}" in output


def test_stats_same_from_store_and_turtle(seed_out):
    from_store = compute_stats(read_facts(seed_out / "store"))
    from_turtle = compute_stats(read_facts(seed_out / "graph.ttl"))
    assert from_store == from_turtle


def test_stats_deterministic(stats_out, stats):
    out, _ = stats_out
    result = CliRunner().invoke(app, ["stats", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "stats.json").read_text(encoding="utf-8")) == stats


def test_stats_without_a_graph_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(app, ["stats", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "kg build --out" in result.output
    assert not (tmp_path / "stats.json").exists()
