"""IRIs are made of what they name, not of the order things were read in or of how the command was
typed: the same corpus gives the same graph from any working folder and path spelling, and a
document added to a corpus renames nothing of the others (so a store can be updated graph by graph)."""

import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import OWL
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.records import Article
from kg.nlp.records import Argument, Event, Mention, Position
from kg.rdf.mapping import ArticleResult, GraphBuilder
from kg.rdf.namespaces import KG
from kg.resolve.entities import EntityTable

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BASE = "https://example.org/id/"
FAST = ["--quiet", "--events", "rules", "--format", "nquads", "--no-cache"]


def _m(text, name, label="ORG"):
    start = text.index(name)
    return Mention(start, start + len(name), label, name, name)


def _nodes(text):
    """The events and positions of an article made by hand: a signing with two partners (one
    trigger, two events), a cooperation, and a post; IRI → class."""
    sentences = [(m, m + len(s)) for m, s in _sentences(text)]
    sign_at = text.index("签约")
    sign_sentence = next(s for s in sentences if s[0] <= sign_at < s[1])
    signings = [Event("Signing", "签约", sign_at, sign_sentence, (Argument("agent", _m(text, "甲公司")), Argument("partner", _m(text, partner))))
                for partner in ("乙公司", "丙公司")]
    work_at = text.index("合作")
    work = Event("Cooperation", "合作", work_at, next(s for s in sentences if s[0] <= work_at < s[1]),
                 (Argument("agent", _m(text, "丁公司")), Argument("partner", _m(text, "戊公司"))))
    post = Position(_m(text, "王伟", "PERSON"), _m(text, "戊公司"), "总经理", next(s for s in sentences if "王伟" in text[s[0]:s[1]]))
    table = EntityTable()
    builder = GraphBuilder(BASE, table)
    builder.add_article(ArticleResult(Article(id="a-0", source="a.txt", title="", text=text), events=[*signings, work], positions=[post]))
    builder.add_entities()
    graph = builder.graph
    return {str(s): str(o) for s, o in graph.subject_objects(RDF.type) if o in (KG.Signing, KG.Cooperation, KG.Position)}


def _sentences(text):
    at = 0
    for part in text.split("。"):
        if part:
            yield at, part + "。"
            at += len(part) + 1


def test_iris_of_events_and_positions_survive_a_sentence_added_before_them():
    text = "甲公司与乙公司、丙公司签约。丁公司与戊公司合作。戊公司总经理王伟出席。"
    before = _nodes(text)
    after = _nodes("会议在青岛举行，来宾众多。" + text)
    assert len(before) == 4 and before == after


def test_iris_events_of_one_trigger_numbered_in_the_order_of_the_text():
    nodes = _nodes("甲公司与乙公司、丙公司签约。丁公司与戊公司合作。戊公司总经理王伟出席。")
    signings = sorted(iri for iri, cls in nodes.items() if cls == str(KG.Signing))
    assert len(signings) == 2 and signings[1] == signings[0] + "-2"
    assert all(iri.startswith(f"{BASE}event/a-0/") for iri in signings)


def _build(args, cwd=None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, ["build", *args, *FAST])
    assert result.exit_code == 0, result.output
    return result


def _same(found: Graph, expected: Graph) -> None:
    if not isomorphic(found, expected):
        _, only_found, only_expected = graph_diff(found, expected)
        pytest.fail(f"only in one:\n{only_found.serialize(format='nt')}\nonly in the other:\n{only_expected.serialize(format='nt')}")


def test_iris_same_corpus_same_graph_from_any_working_folder_or_path_spelling(tmp_path, monkeypatch):
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "seeds")
    (project / "elsewhere").mkdir()
    spellings = [
        (["seeds", "--out", str(tmp_path / "plain")], project),
        (["./seeds/", "--out", str(tmp_path / "dotted")], project),
        ([str(project / "seeds"), "--out", str(tmp_path / "absolute")], tmp_path),
        (["../seeds", "--out", str(tmp_path / "other-cwd")], project / "elsewhere"),
    ]
    for args, cwd in spellings:
        _build(args, cwd, monkeypatch)
    outs = [tmp_path / name for name in ("plain", "dotted", "absolute", "other-cwd")]
    first = Graph().parse(outs[0] / "graph.ttl")
    manifests = [json.loads((out / "manifest.json").read_text(encoding="utf-8"))["graphs"] for out in outs]
    for out, manifest in zip(outs[1:], manifests[1:]):
        _same(Graph().parse(out / "graph.ttl"), first)
        assert manifest == manifests[0]  # every named graph alike, digest for digest
    (seed,) = SEEDS.glob("*.txt")
    assert set(manifests[0]) == {"https://w3id.org/kg-news/id/doc/entities", f"https://w3id.org/kg-news/id/doc/{seed.name}"}


EXTRA = """# 上合组织代表团访问平度

本报讯（记者 肖芳）5月30日，上合组织秘书长张彬率代表团到平度市考察，与海尔卡奥斯签署合作协议。
青岛市委党校经济学教研部张彬参加了座谈。
"""


def _iris(graph: Graph) -> set[str]:
    return {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}


def test_iris_adding_a_document_renames_nothing_of_the_others(tmp_path, monkeypatch):
    """A new article that sorts first and names people and bodies of the seed page (肖芳, 张彬,
    上合组织) leaves the seed page's named graph as it was, and every entity IRI of the first build
    is still described in the second (merged ones owl:sameAs their canonical IRI)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    _build([str(corpus), "--out", str(tmp_path / "one")])
    (corpus / "000_000_extra.txt").write_text(EXTRA, encoding="utf-8")
    _build([str(corpus), "--out", str(tmp_path / "two")])
    (seed,) = SEEDS.glob("*.txt")
    doc = URIRef(f"https://w3id.org/kg-news/id/doc/{seed.name}")
    graphs = []
    for name in ("one", "two"):
        dataset = Dataset()
        dataset.parse(tmp_path / name / "graph.nq", format="nquads")
        graphs.append(dataset)
    first, second = (dataset.graph(doc) for dataset in graphs)
    assert len(first) > 100
    assert _iris(first) == _iris(second)
    _same(second, first)
    manifests = [json.loads((tmp_path / name / "manifest.json").read_text(encoding="utf-8"))["graphs"] for name in ("one", "two")]
    assert manifests[0][str(doc)] == manifests[1][str(doc)]
    assert len(manifests[1]) == 3  # the new document has its own graph
    entities = URIRef("https://w3id.org/kg-news/id/doc/entities")
    before, after = graphs[0].graph(entities), graphs[1].graph(entities)
    described = set(before.subjects(RDF.type))
    assert described <= set(after.subjects(RDF.type))
    merged = {s for s in after.subjects(OWL.sameAs)}
    assert all((s, RDF.type, None) in after for s in merged)


def test_iris_root_keeps_the_names_of_a_corpus_that_grows_by_folders(tmp_path):
    """2019/ built alone, then 2019/ and 2020/ together: with --root the documents of 2019/ keep
    their names, and so their graphs (without it, the first build would name them below 2019/)."""
    corpus = tmp_path / "news"
    for year, text in (("2019", EXTRA), ("2020", "# 揭牌\n\n山东省港口集团在青岛揭牌。\n")):
        (corpus / year).mkdir(parents=True)
        (corpus / year / "page1.txt").write_text(text, encoding="utf-8")
    _build([str(corpus / "2019"), "--root", str(corpus), "--out", str(tmp_path / "one")])
    _build([str(corpus / "2019"), str(corpus / "2020"), "--root", str(corpus), "--out", str(tmp_path / "two")])
    one, two = (json.loads((tmp_path / name / "manifest.json").read_text(encoding="utf-8"))["graphs"] for name in ("one", "two"))
    doc = "https://w3id.org/kg-news/id/doc/2019%2Fpage1.txt"
    assert doc in one and one[doc] == two[doc]
    assert "https://w3id.org/kg-news/id/doc/2020%2Fpage1.txt" in two
