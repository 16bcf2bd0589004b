"""Mentions and triggers as NIF phrases: every entity and event traced to the characters naming it."""

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.ingest.records import Article, Span
from kg.nlp.records import Argument, Event, Mention, Position
from kg.rdf.mapping import ArticleResult, GraphBuilder
from kg.rdf.namespaces import ITSRDF, KG, NIF
from kg.resolve.entities import EntityTable
from kg.sparql.validate import validate_graph

BASE = "https://example.org/id/"
DATELINE = "本报讯（记者 肖芳）"
TEXT = DATELINE + "海尔卡奥斯与平度市签约。该公司总裁张三到平度市考察。"


def _at(word: str, nth: int = 1) -> int:
    at = -1
    for _ in range(nth):
        at = TEXT.index(word, at + 1)
    return at


def _mention(word: str, label: str, nth: int = 1, name: str | None = None, alias: bool = True) -> Mention:
    start = _at(word, nth)
    return Mention(start, start + len(word), label, word, name or word, alias)


def _graph(*, phrases: bool = True, text: str = TEXT) -> Graph:
    """One article: a dateline with its reporter, a signing, an anaphor (该公司), a post, and 平度市
    named twice in one span (as the place, and as 平度市政府 read from it)."""
    first = text.index("。") + 1
    article = Article(id="doc-0", source="doc.txt", title="", text=text, authors=["肖芳"],
                      dateline=Span(0, len(DATELINE), text[:len(DATELINE)]))
    haier, pingdu = _mention("海尔卡奥斯", "ORG"), _mention("平度市", "GPE")
    government = _mention("平度市", "ORG", name="平度市政府", alias=False)
    anaphor = _mention("该公司", "ORG", name="海尔卡奥斯", alias=False)
    person, place = _mention("张三", "PERSON"), _mention("平度市", "GPE", nth=2)
    sign = Event("Signing", "签约", _at("签约"), (len(DATELINE), first),
                 (Argument("agent", haier), Argument("partner", government)))
    post = Position(person, anaphor, "总裁", (first, len(text)))
    table = EntityTable()
    mentions = [(m, table.add(m)) for m in (haier, pingdu, government, anaphor, person, place)]
    keys = list(dict.fromkeys(key for _, key in mentions))
    builder = GraphBuilder(BASE, table, phrases=phrases)
    builder.add_article(ArticleResult(article, events=[sign], positions=[post], mention_keys=keys, mentions=mentions))
    builder.add_entities()
    return builder.graph


def _rows(graph: Graph, query: str) -> set[tuple[str, ...]]:
    prefixes = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
    """
    return {tuple(map(str, row)) for row in graph.query(prefixes + query)}


def test_phrases_name_their_entities_with_characters_and_sentence():
    rows = _rows(_graph(), """
        SELECT ?name ?anchor ?begin ?sentence WHERE {
          ?p a nif:Phrase ; itsrdf:taIdentRef/rdfs:label ?name ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ;
             nif:sentence/nif:anchorOf ?sentence }""")
    first, second = "海尔卡奥斯与平度市签约。", "该公司总裁张三到平度市考察。"
    assert rows == {
        ("肖芳", "肖芳", str(_at("肖芳")), DATELINE + first),  # the reporter named in the dateline
        ("海尔卡奥斯", "海尔卡奥斯", str(_at("海尔卡奥斯")), DATELINE + first),
        ("平度市", "平度市", str(_at("平度市")), DATELINE + first),
        ("平度市政府", "平度市", str(_at("平度市")), DATELINE + first),
        ("海尔卡奥斯", "该公司", str(_at("该公司")), second),  # an anaphor names the entity it stands for
        ("张三", "张三", str(_at("张三")), second),
        ("平度市", "平度市", str(_at("平度市", 2)), second),
    }


def test_phrases_one_phrase_per_span_named_by_several_mentions():
    graph = _graph()
    start = _at("平度市")
    phrase = URIRef(f"{BASE}article/doc-0#char={start},{start + 3}")
    assert (phrase, RDF.type, NIF.Phrase) in graph
    assert {str(e).rsplit("/", 1)[-1] for e in graph.objects(phrase, ITSRDF.taIdentRef)} == {"平度市", "平度市政府"}
    assert len(list(graph.objects(phrase, NIF.anchorOf))) == 1


def test_phrases_offsets_give_back_the_characters():
    graph = _graph()
    phrases = set(graph.subjects(RDF.type, NIF.Phrase))
    assert len(phrases) == 7  # 5 spans of mentions (two name 平度市政府 and 平度市), the reporter, the trigger
    for phrase in phrases:
        begin, end = int(graph.value(phrase, NIF.beginIndex)), int(graph.value(phrase, NIF.endIndex))
        context = graph.value(phrase, NIF.referenceContext)
        assert str(phrase) == f"{context}#char={begin},{end}"
        assert str(graph.value(context, NIF.isString))[begin:end] == str(graph.value(phrase, NIF.anchorOf))


def test_phrases_event_points_to_its_trigger():
    graph = _graph()
    rows = _rows(graph, """
        SELECT ?trigger ?anchor ?begin ?same WHERE {
          ?e a kg:Signing ; kg:trigger ?trigger ; kg:triggerPhrase ?p ; prov:wasDerivedFrom ?s .
          ?p a nif:Phrase ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:sentence ?in .
          BIND (?in = ?s AS ?same) }""")
    assert rows == {("签约", "签约", str(_at("签约")), "true")}
    (trigger,) = graph.objects(None, KG.triggerPhrase)
    assert graph.value(graph.value(trigger, NIF.sentence), RDF.type) == KG.Sentence


def test_phrases_keep_the_characters_as_printed():
    """Traditional text is analysed in simplified form: the phrase holds the printed characters."""
    traditional = TEXT.replace("该公司", "該公司").replace("签约", "簽約")
    rows = _rows(_graph(text=traditional), "SELECT ?anchor WHERE { ?p nif:anchorOf ?anchor ; a nif:Phrase }")
    assert {("該公司",), ("簽約",)} <= rows
    assert ("签约",) not in rows


def test_phrases_off_leaves_the_rest_of_the_graph_as_it_was():
    on, off = _graph(), _graph(phrases=False)
    assert not list(off.subjects(RDF.type, NIF.Phrase))
    assert not list(off.triples((None, ITSRDF.taIdentRef, None)))
    assert not list(off.triples((None, KG.triggerPhrase, None)))
    assert set(off) < set(on)
    phrases = set(on.subjects(RDF.type, NIF.Phrase))
    sources = set(on.objects(None, PROV.wasDerivedFrom))
    for s, p, o in set(on) - set(off):  # only phrases, and the sentences they stand in
        assert s in phrases or p == KG.triggerPhrase or (s not in sources and (s, RDF.type, KG.Sentence) in on), (s, p, o)


def test_phrases_conform_to_the_shapes_and_a_wrong_offset_fails():
    graph = _graph()
    assert validate_graph(graph).conforms
    phrase = URIRef(f"{BASE}article/doc-0#char={_at('张三')},{_at('张三') + 2}")
    graph.set((phrase, NIF.anchorOf, Literal("李四")))
    violations = validate_graph(graph).violations
    assert [v.message for v in violations if str(phrase).rsplit("/", 1)[-1] in v.focus] == [
        "the offsets do not point at the phrase: nif:isString of the article, from nif:beginIndex to nif:endIndex, is not nif:anchorOf"]


@pytest.mark.parametrize("span", [(0, 0), (5, 3), (len(TEXT), len(TEXT) + 3)])
def test_phrases_spans_outside_the_text_make_none(span):
    """A place a local name was read as (市发展改革委 → 青岛市) has no characters of its own."""
    article = Article(id="doc-0", source="doc.txt", title="", text=TEXT)
    table = EntityTable()
    mention = Mention(span[0], span[1], "GPE", "青岛市", "青岛市", alias=False)
    builder = GraphBuilder(BASE, table)
    builder.add_article(ArticleResult(article, mention_keys=[table.add(mention)], mentions=[(mention, table.add(mention))]))
    builder.add_entities()
    assert not list(builder.graph.subjects(RDF.type, NIF.Phrase))


def test_phrases_trace_what_a_dateline_names():
    """The outlet, the place and the reporter of 新华社北京5月28日电（记者 李四）: in the graph, and
    traced to the dateline's characters."""
    dateline = "新华社北京5月28日电（记者 李四）"
    text = dateline + "甲公司与乙公司签约。"
    article = Article(id="doc-0", source="doc.txt", title="", text=text, authors=["李四"], outlet="新华社",
                      place="北京", dateline=Span(0, len(dateline), dateline))
    builder = GraphBuilder(BASE, EntityTable())
    builder.add_article(ArticleResult(article))
    builder.add_entities()
    rows = _rows(builder.graph, """
        SELECT ?p ?name ?anchor WHERE {
          ?a ?p ?e . ?x itsrdf:taIdentRef ?e ; nif:anchorOf ?anchor ; nif:referenceContext ?a . ?e rdfs:label ?name }""")
    assert rows == {
        ("https://schema.org/publisher", "新华社", "新华社"),
        ("https://schema.org/locationCreated", "北京市", "北京"),  # the place's canonical name, the characters printed
        ("https://schema.org/author", "李四", "李四"),
    }
