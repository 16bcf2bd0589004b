"""People of one name are one node only where the articles give evidence that they are one person."""

import hashlib
import json

import pyoxigraph
from typer.testing import CliRunner

from kg.cli import app
from kg.nlp.records import Mention
from kg.resolve.entities import SCOPE_DIGEST, EntityTable


def _m(label, name):
    return Mention(0, len(name), label, name, name)


def _read(table, scope, names, posts=()):
    """Register a scope that names ``names`` (label, name) and gives people posts (person, org)."""
    keys = [table.add(_m(label, name), scope=scope) for label, name in names]
    table.note(scope, keys, [(table.add(_m("PERSON", p), scope=scope), table.add(_m("ORG", o), scope=scope)) for p, o in posts])
    return keys


def _people(table, name):
    return sorted(k for k, e in table.entities.items() if e.label == "PERSON" and e.name == name)


def _scoped(name, scope):
    return ("PERSON", f"{name}-{hashlib.sha256(scope.encode()).hexdigest()[:SCOPE_DIGEST]}")


def test_people_of_one_name_in_unrelated_scopes_stay_apart():
    table = EntityTable()
    _read(table, "a.jsonl#1", [("PERSON", "王伟"), ("ORG", "青岛啤酒股份有限公司")])
    _read(table, "a.jsonl#2", [("PERSON", "王伟"), ("ORG", "北京大学"), ("GPE", "北京市")])
    table.merge()
    assert _people(table, "王伟") == sorted([_scoped("王伟", "a.jsonl#1"), _scoped("王伟", "a.jsonl#2")])


def test_people_keys_come_from_their_scope_not_from_the_order_of_reading():
    """The 王伟 of a scope has the same key however many other scopes name a 王伟 and in whatever
    order they come (adding a document renames no one); merged people get the same canonical key."""
    scopes = {
        "a.jsonl#1": ([("PERSON", "王伟"), ("ORG", "国务院"), ("PERSON", "李鹏")], []),
        "a.jsonl#2": ([("PERSON", "王伟"), ("ORG", "国务院"), ("PERSON", "李鹏")], []),
        "b.txt": ([("PERSON", "王伟")], [("王伟", "北京大学")]),
    }
    tables = []
    for order in (["a.jsonl#1", "a.jsonl#2", "b.txt"], ["b.txt", "a.jsonl#2", "a.jsonl#1"], ["a.jsonl#2", "b.txt"]):
        table = EntityTable()
        keys = {scope: _read(table, scope, *scopes[scope])[0] for scope in order}
        table.merge()
        tables.append({scope: (key, table.resolve(key)) for scope, key in keys.items()})
    first, reversed_, fewer = tables
    assert first == reversed_
    assert fewer["b.txt"] == first["b.txt"] and fewer["a.jsonl#2"][0] == first["a.jsonl#2"][0]
    assert first["a.jsonl#1"][1] == first["a.jsonl#2"][1] == min(first["a.jsonl#1"][0], first["a.jsonl#2"][0])


def test_people_with_a_post_at_one_organization_merge():
    table = EntityTable()
    first = _read(table, "a.jsonl#1", [("PERSON", "王伟")], posts=[("王伟", "青岛啤酒股份有限公司")])[0]
    second = _read(table, "a.jsonl#2", [("PERSON", "王伟")], posts=[("王伟", "青岛啤酒股份有限公司")])[0]
    third = _read(table, "a.jsonl#3", [("PERSON", "王伟")], posts=[("王伟", "北京大学")])[0]
    table.merge()
    assert table.resolve(second) == table.resolve(first) == min(first, second)
    assert _people(table, "王伟") == sorted([min(first, second), third])


def test_people_in_scopes_naming_two_same_others_merge_transitively():
    table = EntityTable()
    shared = [("ORG", "国务院"), ("PERSON", "李鹏")]
    first = _read(table, "a.jsonl#1", [("PERSON", "王伟"), *shared])[0]
    second = _read(table, "a.jsonl#2", [("PERSON", "王伟"), *shared, ("ORG", "新华社"), ("ORG", "人民日报社")])[0]
    third = _read(table, "a.jsonl#3", [("PERSON", "王伟"), ("ORG", "新华社"), ("ORG", "人民日报社")])[0]
    one_shared = _read(table, "a.jsonl#4", [("PERSON", "王伟"), ("ORG", "国务院")])[0]
    table.merge()
    assert table.resolve(first) == table.resolve(second) == table.resolve(third) == min(first, second, third)
    assert table.resolve(one_shared) == one_shared  # one organization in common is not evidence enough


def test_people_named_again_in_one_scope_are_one_and_keep_their_key_after_merging():
    table = EntityTable()
    _read(table, "page1.txt", [("PERSON", "王伟")])
    key = table.add(_m("PERSON", "王伟"), scope="page2.txt")
    assert table.add(_m("PERSON", "王伟"), scope="page2.txt") == key
    table.merge()
    assert table.add(_m("PERSON", "王伟"), scope="page2.txt") == key  # unmerged: still its own


def test_people_bylines_of_one_name_are_one_reporter():
    table = EntityTable()
    first = table.add_name("PERSON", "肖芳", "page1.txt")
    table.note("page1.txt", authors=[first])
    second = table.add_name("PERSON", "肖芳", "page2.txt")
    table.note("page2.txt", authors=[second])
    table.merge()
    assert first != second and table.resolve(first) == table.resolve(second)


def test_people_build_keeps_namesakes_of_unrelated_articles_apart(tmp_path):
    """End to end, with the shipped model: two JSON Lines articles about different things that name a
    张建国 give two people labelled 张建国; the two that name him at the same company, one (each
    article's IRI for him kept, one stated owl:sameAs the other)."""
    articles = [
        ("1", "北京大学教授张建国在会上介绍了新的研究成果。"),
        ("2", "青岛啤酒股份有限公司总经理张建国表示，公司将扩大生产。"),
        ("3", "青岛啤酒股份有限公司总经理张建国出席了签约仪式。"),
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "title": "", "date": "2020-05-01", "text": t}, ensure_ascii=False) + "\n" for i, t in articles), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?p (COUNT(DISTINCT ?a) AS ?n) (COUNT(DISTINCT ?m) AS ?iris) WHERE {
          ?m rdfs:label ?label . FILTER (STR(?label) = "张建国")
          ?a schema:mentions ?m .
          OPTIONAL { ?m owl:sameAs ?same }
          BIND (COALESCE(?same, ?m) AS ?p)
        } GROUP BY ?p""")
    assert sorted((int(row["n"].value), int(row["iris"].value)) for row in rows) == [(1, 1), (2, 2)]
