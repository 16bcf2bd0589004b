"""Mentions and triggers as NIF phrases in the seed graph: from an entity or an event to the
characters that name it, and ``kg build --no-mentions`` without them."""

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.script import to_simplified
from kg.rdf.namespaces import ITSRDF, KG, NIF, SCHEMA
from kg.sparql.query import find_query_file, result_rows, run_query

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# 5月28日,海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议 (the seed page)
SIGNED = "海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议"


def _select(store, query: str) -> list[dict[str, str]]:
    names, rows = result_rows(run_query(query, store))
    return [dict(zip(names, row)) for row in rows]


def _mentions(store, name: str) -> list[dict[str, str]]:
    text = find_query_file("mentions").read_text(encoding="utf-8")
    assert '"海尔卡奥斯"' in text
    return _select(store, text.replace('"海尔卡奥斯"', f'"{name}"'))


def test_mentions_entity_to_its_characters_and_sentence(seed_store):
    rows = _mentions(seed_store, "海尔卡奥斯")
    assert any(SIGNED in r["sentence"] for r in rows if r["characters"] == "海尔卡奥斯")
    for row in rows:
        assert row["characters"] in row["sentence"]
        assert int(row["end"]) - int(row["begin"]) == len(row["characters"])


def test_mentions_a_merged_name_is_found_under_the_entity(seed_store):
    # 上合组织 (the seed page's short form) names 上海合作组织
    assert {"上海合作组织", "上合组织"} <= {r["characters"] for r in _mentions(seed_store, "上海合作组织")}


def test_mentions_event_to_its_trigger_characters(seed_store):
    rows = _select(seed_store, """
        SELECT ?event ?trigger ?characters ?sentence WHERE {
          ?event kg:trigger ?trigger ; kg:triggerPhrase ?phrase ; prov:wasDerivedFrom ?source .
          ?phrase nif:anchorOf ?characters ; nif:sentence ?source .
          ?source nif:anchorOf ?sentence }""")
    events = {r["event"] for r in _select(seed_store, "SELECT DISTINCT ?event WHERE { ?event kg:trigger ?t }")}
    assert {r["event"] for r in rows} == events  # every event, by a phrase in the sentence it was read from
    assert {"签署", "签约", "揭牌"} <= {r["characters"] for r in rows}
    triggers = {}
    for row in rows:
        triggers.setdefault(row["event"], set()).add(row["trigger"])
        assert row["characters"] in row["sentence"]
    assert all(to_simplified(r["characters"]) in triggers[r["event"]] for r in rows)


def test_mentions_every_phrase_gives_back_its_characters(seed_graph):
    phrases = set(seed_graph.subjects(RDF.type, NIF.Phrase))
    assert len(phrases) > 100
    for phrase in phrases:
        begin, end = int(seed_graph.value(phrase, NIF.beginIndex)), int(seed_graph.value(phrase, NIF.endIndex))
        article = seed_graph.value(phrase, NIF.referenceContext)
        assert str(phrase) == f"{article}#char={begin},{end}"
        assert str(seed_graph.value(article, NIF.isString))[begin:end] == str(seed_graph.value(phrase, NIF.anchorOf))


def test_mentions_every_mentioned_entity_and_participant_is_traced(seed_graph):
    """Each entity an article mentions, and each party to an event, is named by a phrase of the article."""
    named = {(seed_graph.value(p, NIF.referenceContext), e) for p, e in seed_graph.subject_objects(ITSRDF.taIdentRef)}
    mentioned = set(seed_graph.subject_objects(SCHEMA.mentions))
    assert mentioned and mentioned <= named
    for role in (KG.agent, KG.partner, KG.theme, KG.destination):
        for event, entity in seed_graph.subject_objects(role):
            article = seed_graph.value(seed_graph.value(event, KG.triggerPhrase), NIF.referenceContext)
            assert (article, entity) in named, (event, role, entity)



@pytest.fixture(scope="module")
def without_mentions(seed_out, tmp_path_factory):
    """The seed build again with --no-mentions over a copy of the seed build's output: its cache
    spares the analysis, and its manifest must not pass the old output off as unchanged."""
    out = tmp_path_factory.mktemp("no-mentions") / "out"
    shutil.copytree(seed_out, out)
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet", "--events", "rules", "--no-mentions"])
    assert result.exit_code == 0, result.output
    return out


def test_mentions_no_mentions_leaves_them_out(seed_graph, without_mentions):
    graph = Graph().parse(without_mentions / "graph.ttl")
    assert not list(graph.subjects(RDF.type, NIF.Phrase))
    assert not list(graph.triples((None, ITSRDF.taIdentRef, None)))
    assert not list(graph.triples((None, KG.triggerPhrase, None)))
    assert set(graph) < set(seed_graph)
    assert set(graph.subjects(KG.trigger)) == set(seed_graph.subjects(KG.trigger))
    assert _mentions(without_mentions / "store", "海尔卡奥斯") == []
