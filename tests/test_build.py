"""``kg build`` end to end on seeds/, checked with two independent RDF implementations."""

import re
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.namespaces import KG

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _store(out):
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def _rows(store, query):
    return [tuple(term.value for term in solution) for solution in store.query(PREFIXES + query)]


def test_build_seed_signing_with_counterpart_and_sentence(seed_out):
    rows = _rows(_store(seed_out), """
        SELECT ?partner ?anchor WHERE {
          ?e a kg:Signing ; kg:agent/rdfs:label "海尔卡奥斯"@zh-Hans ; kg:partner/rdfs:label ?partner ;
             prov:wasDerivedFrom ?s .
          ?s nif:anchorOf ?anchor .
        }""")
    partners = {p for p, _ in rows}
    assert {"平度市政府", "莱西市政府"} <= partners
    assert all("签署" in a or "签约" in a for _, a in rows)


def test_build_seed_unveiling_and_bylines(seed_out):
    store = _store(seed_out)
    assert _rows(store, 'SELECT ?a WHERE { ?a schema:headline "海尔卡奥斯与平度莱西达成战略合作"@zh-Hans ; schema:author/rdfs:label "肖芳"@zh-Hans }')
    unveiled = {r[0] for r in _rows(store, "SELECT ?n WHERE { ?e a kg:Unveiling ; kg:theme/rdfs:label ?n }")}
    assert "山东省港口集团" in unveiled


def test_build_seed_places_in_hierarchy_with_codes(seed_out):
    rows = _rows(_store(seed_out), """
        SELECT ?code WHERE { ?p rdfs:label "平度市"@zh-Hans ; kg:gbCode ?code ;
                             schema:containedInPlace/rdfs:label "青岛市"@zh-Hans }""")
    assert rows == [("370283",)]


def test_build_seed_offsets_point_into_article_text(seed_out):
    rows = _rows(_store(seed_out), """
        SELECT ?text ?b ?e ?anchor WHERE {
          ?s a kg:Sentence ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ;
             nif:referenceContext/nif:isString ?text }""")
    assert rows
    for text, begin, end, anchor in rows:
        assert text[int(begin):int(end)] == anchor


def test_build_seed_parses_in_rdflib_with_same_size(seed_out):
    graph = Graph().parse(seed_out / "graph.ttl", format="turtle")
    assert len(graph) == len(_store(seed_out)) > 300


def test_build_seed_html_is_offline(seed_out):
    html = (seed_out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "海尔卡奥斯" in html


def test_build_is_byte_identical_across_runs(seed_out, tmp_path):
    again = tmp_path / "again"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(again), "--quiet", "--events", "rules"])
    assert result.exit_code == 0, result.output
    assert (again / "graph.ttl").read_bytes() == (seed_out / "graph.ttl").read_bytes()


def test_build_with_the_event_model_is_the_same_whatever_shares_its_batch(tmp_path):
    """The encoder pads each document on its own: an article's events (confidences included) do
    not depend on the articles processed beside it, so cached and fresh results agree."""
    (page,) = sorted(SEEDS.glob("*.txt"))
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / page.name).write_bytes(page.read_bytes())
    beside = tmp_path / "beside"
    beside.mkdir()
    (beside / page.name).write_bytes(page.read_bytes())
    (beside / "0_first.txt").write_text("山东省港口集团在青岛揭牌。四川大学与青岛市政府签约。\n", encoding="utf-8")
    graphs = []
    for folder in (alone, beside):
        result = CliRunner().invoke(app, ["build", str(folder), "--out", str(tmp_path / f"{folder.name}-out"), "--quiet", "--workers", "1"])
        assert result.exit_code == 0, result.output
        graph = Graph().parse(tmp_path / f"{folder.name}-out" / "graph.ttl")
        graphs.append({(str(e), str(c)) for e, c in graph.subject_objects(KG.confidence) if page.stem in str(e)})
    assert graphs[0] and graphs[0] == graphs[1]


def test_build_bad_file_is_noted_the_rest_built_exit_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "good.txt").write_text("# 签约\n\n青岛市政府与四川大学签约。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(docs), "--out", str(out)])
    assert result.exit_code == 1
    assert "failed: " in result.output and "bad.txt" in result.output and "binary" in result.output
    assert "skipped: empty.txt: no text" in result.output
    assert "四川大学" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_build_strict_stops_at_bad_file_exits_2_and_keeps_out(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    result = CliRunner().invoke(app, ["build", str(bad), "--out", str(out), "--quiet", "--strict"])
    assert result.exit_code == 2
    assert "bad.txt" in result.output and "binary" in result.output
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"
    assert {p.name for p in tmp_path.iterdir()} == {"bad.txt", "out"}  # no staging folder left behind


def test_build_missing_path_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_help_explains_with_example():
    for args in (["--help"], ["build", "--help"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0
        assert "Example" in result.output


def test_build_traditional_big5_analysed_simplified_keeps_original(tmp_path):
    page = tmp_path / "tw.txt"
    text = "# 合作簽約\n\n本報訊 5月28日,海爾卡奧斯與平度市、萊西市政府分別簽署了戰略合作框架協議。\n"
    page.write_bytes(text.encode("big5"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(page), "--out", str(out), "--quiet", "--date", "2020-05-29"])
    assert result.exit_code == 0, result.output
    store = _store(out)
    rows = _rows(store, """
        SELECT ?alt ?tag ?when WHERE {
          ?e a kg:Signing ; kg:agent ?a ; sem:hasTimeStamp ?when .
          ?a rdfs:label "海尔卡奥斯"@zh-Hans ; skos:altLabel ?alt . BIND (LCASE(LANG(?alt)) AS ?tag) }""")
    assert ("海爾卡奧斯", "zh-hant", "2020-05-28") in rows  # the name as printed, tagged by its script
    assert _rows(store, "SELECT (LCASE(LANG(?h)) AS ?tag) WHERE { ?a schema:headline ?h }") == [("zh-hant",)]
    contexts = _rows(store, "SELECT ?t WHERE { ?a nif:isString ?t }")
    assert contexts == [("合作簽約\n本報訊 5月28日,海爾卡奧斯與平度市、萊西市政府分別簽署了戰略合作框架協議。",)]


def test_build_of_a_project_folder_never_reads_its_own_output(tmp_path, monkeypatch):
    """``kg build .`` in a folder that holds the output of an earlier build leaves that output out
    (its graph.html is no news article) and says so; built again, the same documents."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(SEEDS, project)
    monkeypatch.chdir(project)
    runs = []
    for _ in range(2):
        result = CliRunner().invoke(app, ["build", ".", "--out", "out", "--events", "rules"])
        assert result.exit_code == 0, result.output
        runs.append(result.output)
    documents = [re.search(r"(\d+) documents", output).group(1) for output in runs]
    assert documents == ["1", "1"]
    assert "skipped" not in runs[0]
    assert "skipped: out: an output of kg build (manifest.json), not news" in runs[1]
    result = CliRunner().invoke(app, ["build", ".", "--out", str(tmp_path / "elsewhere"), "--events", "rules", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "skipped: out: an output of kg build" in result.output
    assert "out/graph.html" not in result.output  # once read as an article: "note: out/graph.html: no entities found"
