import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import evaluate

GRAPH = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix : <https://example.org/> .
:a a schema:NewsArticle ; schema:headline "标题"@zh ; schema:mentions :haier, :pingdu, :wrong .
:haier a kg:Organization ; rdfs:label "海尔卡奥斯"@zh ; skos:altLabel "卡奥斯"@zh .
:pingdu a kg:AdministrativeArea ; rdfs:label "平度市"@zh .
:wrong a kg:Person ; rdfs:label "张三"@zh .
:s nif:referenceContext :a .
:e a kg:Signing ; kg:agent :haier ; kg:partner :pingdu ; prov:wasDerivedFrom :s .
:haier schema:location :pingdu .
"""

GOLD = {
    "entities": [
        {"name": "海尔卡奥斯", "type": "ORG", "aliases": ["卡奥斯"]},
        {"name": "平度市", "type": "GPE", "aliases": ["平度"]},
        {"name": "莱西市", "type": "GPE"},
    ],
    "events": [{"article": "标题", "class": "Signing", "participants": [
        {"name": "卡奥斯", "role": "agent"}, {"name": "平度市", "role": "partner"}]}],
    "relations": [{"type": "location", "subject": "海尔卡奥斯", "object": ["莱西市", "平度市"]}],
}


@pytest.fixture
def files(tmp_path):
    (tmp_path / "g.ttl").write_text(GRAPH, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "g.ttl", tmp_path / "gold.json"


def test_score_entities_events_relations(files):
    graph, gold = files
    scores = evaluate(graph, [gold]).scores
    assert (scores["entities"].precision, scores["entities"].recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert scores["entities"].missed == ["GPE 莱西市"] and scores["entities"].spurious == ["PERSON 张三"]
    # gold names the agent by its alias: it still matches
    assert scores["event participants"].gold == 2 and scores["event participants"].tp == 2
    assert scores["participant pairs"].gold == 1
    assert scores["relations"].f1 == 1.0


def test_score_cli_prints_table_and_misses(files):
    graph, gold = files
    result = CliRunner().invoke(app, ["eval", str(gold), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "event participants" in result.output and "missed   entities: GPE 莱西市" in result.output


def test_score_bad_gold_names_file(tmp_path, files):
    graph, _ = files
    bad = tmp_path / "bad.json"
    bad.write_text('{"entities": [{"type": "ORG"}]}', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(bad), "--graph", str(graph)])
    assert result.exit_code == 2 and "bad.json" in result.output


def test_score_only_what_gold_annotates_and_alternative_names(tmp_path, files):
    graph, _ = files
    gold = tmp_path / "events.json"
    gold.write_text(json.dumps({"events": [{"article": "标题", "class": "Signing", "participants": [
        {"name": ["海尔", "海尔卡奥斯"], "role": "agent"}, {"name": "平度市", "role": "partner"}]}]}, ensure_ascii=False), encoding="utf-8")
    scores = evaluate(graph, [gold]).scores
    assert set(scores) == {"event participants", "participant pairs"}
    assert scores["event participants"].f1 == 1.0


def test_score_participants_by_confidence(tmp_path, files):
    graph, gold = files
    text = graph.read_text(encoding="utf-8").replace(
        ":e a kg:Signing ;", ":e a kg:Signing ; kg:confidence 0.8 ;"
    ) + ':f a kg:Meeting ; kg:confidence 0.6 ; kg:agent :wrong ; prov:wasDerivedFrom :s .\n'
    graph.write_text(text, encoding="utf-8")
    assert evaluate(graph, [gold]).calibration == {0.6: (0, 1), 0.8: (2, 2)}
    result = CliRunner().invoke(app, ["eval", str(gold), "--graph", str(graph), "--no-misses"])
    assert "event participants at confidence 0.80: 2/2 correct" in result.output
