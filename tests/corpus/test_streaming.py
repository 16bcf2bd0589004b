"""kg build streams its RDF: quads spooled per document, assembled at the end into the same graph
the in-memory builder makes, without a graph of the corpus in memory."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL
from rdflib.compare import graph_diff, isomorphic

import kg.rdf.sort as sort
from kg.ingest.records import Article
from kg.nlp.records import Argument, Event, Location, Mention, Position
from kg.rdf.assemble import assemble
from kg.rdf.mapping import ArticleResult, GraphBuilder, Mapping
from kg.rdf.namespaces import KG, SCHEMA
from kg.rdf.sort import LineSorter
from kg.rdf.spool import QuadSpool, nt_term, quad_line
from kg.resolve.entities import EntityTable
from kg.sparql.formats import CONTEXT, split_by_document

BASE = "https://example.org/id/"
HOSTILE = 'tab\there "quoted" back\\slash\nnew line\r\x00\x1f\x7f <b>&amp;</b> 😀'


def _mention(start, label, name):
    return Mention(start, start + len(name), label, name, name)


def _results() -> list[ArticleResult]:
    """Three articles of two documents; the first names 上合组织, which a later article's
    上海合作组织 absorbs, so the first document's quads are spooled under an IRI merged later."""
    short = _mention(0, "ORG", "上合组织")
    pingdu = _mention(5, "GPE", "平度市")
    first = Article(id="a-0", source="a.txt", title=HOSTILE, text="上合组织与平度市签约。", authors=["肖芳"])
    sign = Event("Signing", "签约", 8, (0, 11), (Argument("agent", short), Argument("partner", pingdu)),
                 time_text="5月28日", amounts=(("10亿元", Decimal("1000000000.0")),))
    full = _mention(0, "ORG", "上海合作组织")
    person = _mention(6, "PERSON", "张彬")
    second = Article(id="a-1", source="a.txt", title="", text="上海合作组织秘书长张彬到平度市。", date="2020-05-29")
    post = Position(person, full, "秘书长", (0, 16))
    third = Article(id="b-0", source="b <x>.txt", title="合作", text="上合组织在平度市设立中心。")
    where = Location(_mention(0, "ORG", "上合组织"), _mention(5, "GPE", "平度市"), (0, 13))
    return [
        ArticleResult(first, events=[sign], mention_keys=[("ORG", "上合组织"), ("GPE", "平度市")]),
        ArticleResult(second, positions=[post], mention_keys=[("ORG", "上海合作组织"), ("PERSON", "张彬")]),
        ArticleResult(third, locations=[where], mention_keys=[("ORG", "上合组织")]),
    ]


def _in_memory() -> Graph:
    table = EntityTable()
    builder = GraphBuilder(BASE, table)
    for result in _results():
        for key in result.mention_keys:
            table.add(Mention(0, 0, key[0], key[1], key[1]))
        builder.add_article(result)
    builder.add_entities()
    return builder.graph


@pytest.fixture(scope="module")
def streamed(tmp_path_factory) -> tuple[Path, Mapping, int]:
    folder = tmp_path_factory.mktemp("streamed")
    table = EntityTable()
    mapping = Mapping(BASE, table)
    with QuadSpool(folder / "work" / "spool.nq") as spool:
        for result in _results():
            for key in result.mention_keys:
                table.add(Mention(0, 0, key[0], key[1], key[1]))
            spool.write(mapping.article_quads(result))
        table.merge_abbreviations()
        spool.write(mapping.entity_quads())
    made = assemble(folder / "work" / "spool.nq", folder, work=folder / "work",
                    formats=["nt", "nquads", "trig", "jsonld"], context=CONTEXT)
    return folder, mapping, made


def _same(found: Graph, expected: Graph) -> None:
    if not isomorphic(found, expected):
        _, only_found, only_expected = graph_diff(found, expected)
        pytest.fail(f"only in the streamed graph:\n{only_found.serialize(format='nt')}\n"
                    f"only in the in-memory graph:\n{only_expected.serialize(format='nt')}")


def test_streaming_keeps_the_iri_of_an_entity_merged_after_it_was_spooled(streamed):
    """上合组织 was spooled (an event's agent, a location) before 上海合作组织 absorbed it: the
    quads keep its IRI, which is stated owl:sameAs the canonical one, with its type and name."""
    folder, mapping, _ = streamed
    short, full = URIRef(f"{BASE}org/上合组织"), URIRef(f"{BASE}org/上海合作组织")
    assert mapping.redirects() == {short: full}
    graph = Graph().parse(folder / "graph.nt", format="nt")
    assert set(graph.objects(short, OWL.sameAs)) == {full}
    assert set(graph.objects(short, RDF.type)) == set(graph.objects(full, RDF.type)) == {KG.Organization}
    assert set(graph.objects(short, RDFS.label)) == set(graph.objects(full, RDFS.label))
    assert (None, KG.agent, short) in graph and (short, SCHEMA.location, None) in graph
    assert (None, KG.agent, full) not in graph


def test_streaming_digests_each_named_graph_as_its_lines_in_nquads(streamed):
    folder, _, made = streamed
    lines: dict[str, list[bytes]] = {}
    for line in (folder / "graph.nq").read_bytes().splitlines(keepends=True):
        head, graph, _ = line.rstrip(b"\n").rsplit(b" ", 2)
        lines.setdefault(graph[1:-1].decode(), []).append(head + b" .\n")
    assert set(made.graphs) == set(lines) == {f"{BASE}doc/a.txt", f"{BASE}doc/b%20%3Cx%3E.txt", f"{BASE}doc/entities"}
    for iri, graph in made.graphs.items():
        assert graph == {"sha256": hashlib.sha256(b"".join(lines[iri])).hexdigest(), "triples": len(lines[iri])}


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_streaming_files_hold_the_in_memory_graph(streamed, name, fmt):
    folder, _, made = streamed
    expected = _in_memory()
    found = Graph().parse(folder / name, format=fmt)
    _same(found, expected)
    assert made.triples == len(expected)


@pytest.mark.parametrize("name, fmt", [("graph.nq", "nquads"), ("graph.trig", "trig")])
def test_streaming_datasets_split_as_split_by_document(streamed, name, fmt):
    folder, _, _ = streamed
    expected = split_by_document(_in_memory())
    found = Dataset()
    found.parse(folder / name, format=fmt)
    names = {g.identifier for g in expected.graphs() if len(g)}
    assert names == {g.identifier for g in found.graphs() if len(g)} == {
        URIRef(f"{BASE}doc/a.txt"), URIRef(f"{BASE}doc/b%20%3Cx%3E.txt"), URIRef(f"{BASE}doc/entities")}
    for name in names:
        _same(found.graph(name), expected.graph(name))


def test_streaming_nt_is_sorted_without_repeats(streamed):
    folder, _, made = streamed
    lines = (folder / "graph.nt").read_bytes().splitlines()
    assert lines == sorted(set(lines), key=lambda line: line.replace(b" ", b"\t")) and len(lines) == made.triples


def test_streaming_mapping_keeps_no_article_state():
    """What grows with the corpus goes to the spool: the mapping holds the table and names only."""
    mapping = Mapping(BASE, EntityTable())
    for result in _results():
        mapping.article_quads(result)
    assert set(vars(mapping)) == {"base", "entities", "shared", "phrases"}


# fmt: off
@pytest.mark.parametrize("term", [
    Literal(HOSTILE), Literal(HOSTILE, lang="zh"), Literal("6500000.0", datatype=rdflib.XSD.decimal),
    Literal(92, datatype=rdflib.XSD.nonNegativeInteger), URIRef(f"{BASE}org/平度市%2F"),
])
# fmt: on
def test_streaming_nt_term_round_trips_in_oxigraph(term):
    line = quad_line((URIRef(f"{BASE}s"), URIRef(f"{BASE}p"), term, URIRef(f"{BASE}g")))
    assert line.count("\t") == 4 and line.count("\n") == 1
    (quad,) = pyoxigraph.parse(line.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    assert quad.object.value == str(term)
    if isinstance(term, Literal):
        assert quad.object.language == term.language
        assert (quad.object.datatype.value if not term.language else None) == (str(term.datatype) if term.datatype else None if term.language else str(rdflib.XSD.string))


def test_streaming_nt_term_refuses_blank_nodes_and_bad_iris():
    with pytest.raises(TypeError, match="blank nodes"):
        nt_term(BNode())
    with pytest.raises(ValueError, match="not a valid IRI"):
        nt_term(URIRef("https://example.org/a b"))


def test_streaming_sorter_spills_runs_and_merges_in_stages(tmp_path, monkeypatch):
    monkeypatch.setattr(sort, "MAX_RUNS", 3)
    lines = [f"{(i * 7919) % 500:05d} line\n".encode() for i in range(2000)]  # every line 4 times
    sorter = LineSorter(tmp_path / "runs", run_bytes=200)
    sorter.extend(lines)
    assert len(list((tmp_path / "runs").iterdir())) <= 4  # merged in stages, not 100 open runs
    assert list(sorter.sorted_unique()) == sorted(set(lines))
    assert not list((tmp_path / "runs").iterdir())  # run files removed


def test_streaming_build_holds_no_graph_of_the_corpus(corpus, tmp_path, monkeypatch):
    """The only rdflib graph a build fills is the page's part of the graph (here cut to one
    entity and one event): the corpus's triples go through the spool on disk."""
    import kg.viz.select as select
    from kg.build import build

    added = []
    original = Graph.add
    monkeypatch.setattr(Graph, "add", lambda self, triple: (added.append(triple), original(self, triple))[1])
    monkeypatch.setattr(select, "MAX_NODES", 0)
    monkeypatch.setattr(select, "MAX_ENTITIES", 1)
    monkeypatch.setattr(select, "MAX_EVENTS", 1)
    summary = build([corpus], tmp_path / "out", workers=1, cache=False)
    assert summary.triples > 100
    assert 0 < len(added) < summary.triples / 3
    assert len(Graph().parse(tmp_path / "out" / "graph.ttl")) == summary.triples
