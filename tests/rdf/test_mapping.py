import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.ingest.records import Article
from kg.nlp.records import Argument, Event, Mention
from kg.rdf.mapping import ArticleResult, GraphBuilder, iri_segment
from kg.rdf.namespaces import KG, SCHEMA, SEM
from kg.resolve.entities import EntityTable


# fmt: off
@pytest.mark.parametrize("name", [
    "平度市", "a b", '<>"{}|^`\\', "tab\there", "\x00\x1f", "😀𠀀", "100%", "#?/&=", "",
])
# fmt: on
def test_mapping_iri_segment_gives_valid_iris(name):
    iri = f"https://example.org/id/org/{iri_segment(name)}"
    pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
    turtle = f"<{iri}> <https://example.org/p> 1 ."
    assert len(Graph().parse(data=turtle, format="turtle")) == 1


def test_mapping_iri_segment_is_injective_on_reserved_characters():
    assert iri_segment("a/b") != iri_segment("a%2Fb")
    assert iri_segment("平度市") == "平度市"


def _one_article(text="海尔卡奥斯与平度市签约。", title='标题 "<script>alert(1)</script>"', authors=("肖芳",),
                 modality="asserted", surface="海尔卡奥斯"):
    """An article of one signing; ``surface`` is how the text prints the agent."""
    article = Article(id="doc-0", source="doc.txt", title=title, text=text, authors=list(authors))
    agent = Mention(0, 5, "ORG", surface, "海尔卡奥斯")
    partner = Mention(6, 9, "GPE", "平度市", "平度市")
    event = Event("Signing", "签约", 9, (0, 12), (Argument("agent", agent), Argument("partner", partner)), modality=modality)
    table = EntityTable()
    keys = [table.add(agent), table.add(partner)]
    builder = GraphBuilder("https://example.org/id/", table)
    builder.add_article(ArticleResult(article, events=[event], mention_keys=keys))
    builder.add_entities()
    return builder.graph


def test_mapping_event_with_provenance_and_hierarchy():
    graph = _one_article()
    rows = list(graph.query("""
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?a ?code ?b ?e ?anchor WHERE {
          ?ev a kg:Signing ; kg:agent/rdfs:label ?a ; kg:partner ?p ; prov:wasDerivedFrom ?s .
          ?p kg:gbCode ?code ; schema:containedInPlace+/rdfs:label "山东省"@zh-Hans .
          ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
        }"""))
    assert [tuple(map(str, r)) for r in rows] == [("海尔卡奥斯", "370283", "0", "12", "海尔卡奥斯与平度市签约。")]


def test_mapping_is_deterministic_and_has_no_blank_nodes():
    first = _one_article().serialize(format="turtle")
    second = _one_article().serialize(format="turtle")
    assert first == second
    assert "_:" not in first
    assert all(isinstance(t, URIRef) for t in Graph().parse(data=first, format="turtle").subjects())


def test_mapping_hostile_text_stays_literal():
    graph = _one_article()
    turtle = graph.serialize(format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    headlines = [s["h"].value for s in store.query("SELECT ?h WHERE { ?a <https://schema.org/headline> ?h }")]
    assert headlines == ['标题 "<script>alert(1)</script>"']


def _dated_graph(time_text, article_date):
    article = Article(id="d-0", source="d.txt", title="", text="5月28日,甲公司与乙公司签约。", date=article_date)
    a = Mention(6, 9, "ORG", "甲公司", "甲公司")
    b = Mention(10, 13, "ORG", "乙公司", "乙公司")
    event = Event("Signing", "签约", 13, (0, 16), (Argument("agent", a), Argument("partner", b)), time_text=time_text)
    table = EntityTable()
    builder = GraphBuilder("https://example.org/id/", table)
    builder.add_article(ArticleResult(article, events=[event], mention_keys=[table.add(a), table.add(b)]))
    builder.add_entities()
    return builder.graph


# fmt: off
@pytest.mark.parametrize("time_text, article_date, prop, literal", [
    ("5月28日", "2020-05-29", "hasTimeStamp", '"2020-05-28"^^xsd:date'),
    ("2019年3月", None, "hasTimeStamp", '"2019-03"^^xsd:gYearMonth'),
    ("近日", "2020-05-29", "hasLatestEndTimeStamp", '"2020-05-29"^^xsd:date'),
])
# fmt: on
def test_mapping_event_dates_resolved_against_article_date(time_text, article_date, prop, literal):
    ask = f"""PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
              PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
              ASK {{ ?e sem:{prop} {literal} }}"""
    assert _dated_graph(time_text, article_date).query(ask).askAnswer


def test_mapping_event_date_left_unresolved_without_a_year():
    graph = _dated_graph("5月28日", None)
    assert not graph.query("ASK { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?t }").askAnswer


def test_mapping_amount_keeps_its_currency():
    from decimal import Decimal

    text = "新加坡丰树集团投资3.5亿美元。"
    article = Article(id="m-0", source="m.txt", title="", text=text)
    investor = Mention(0, 7, "ORG", "新加坡丰树集团", "新加坡丰树集团")
    event = Event("Investment", "投资", 7, (0, len(text)), (Argument("agent", investor),),
                  amounts=(("3.5亿美元", Decimal("350000000")),))
    table = EntityTable()
    builder = GraphBuilder("https://example.org/id/", table)
    builder.add_article(ArticleResult(article, events=[event], mention_keys=[table.add(investor)]))
    builder.add_entities()
    rows = list(builder.graph.query("""
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT ?v ?c WHERE { ?e kg:amount ?a . ?a schema:value ?v ; schema:currency ?c }"""))
    assert [(v.toPython(), str(c)) for v, c in rows] == [(Decimal("350000000"), "USD")]


def test_mapping_a_place_named_inside_an_organizations_name_is_mentioned():
    from kg.nlp.records import Location

    text = "李沧区汇益港湾社会组织创新园开园。"
    article = Article(id="doc-0", source="doc.txt", title="", text=text)
    org = Mention(0, 14, "ORG", "李沧区汇益港湾社会组织创新园", "李沧区汇益港湾社会组织创新园")
    place = Mention(0, 3, "GPE", "李沧区", "李沧区")
    table = EntityTable()
    builder = GraphBuilder("https://example.org/id/", table)
    builder.add_article(ArticleResult(article, locations=[Location(org, place, (0, len(text)))], mention_keys=[table.add(org)]))
    builder.add_entities()
    mentioned = {str(label) for (label,) in builder.graph.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?label WHERE { ?a schema:mentions ?e . ?e rdfs:label ?label }""")}
    assert mentioned == {"李沧区汇益港湾社会组织创新园", "李沧区"}


def _signing(modality: str, text="海尔卡奥斯与平度市签约。", surface="海尔卡奥斯"):
    """An article of one signing with the given modality and no byline."""
    return _one_article(text, title=text[:5], authors=(), modality=modality, surface=surface)


# fmt: off
@pytest.mark.parametrize("modality, typed", [
    ("asserted", KG.Signing),
    ("planned", KG.PlannedEvent),   # 将签约
    ("negated", KG.NegatedEvent),   # 未签约
])
# fmt: on
def test_mapping_only_asserted_events_typed_with_their_class(modality, typed):
    graph = _signing(modality)
    (event,) = graph.subjects(SEM.eventType, KG.Signing)  # every event names its class
    assert set(graph.objects(event, RDF.type)) == {typed}
    signings = list(graph.query("SELECT ?e WHERE { ?e a <https://w3id.org/kg-news/ontology#Signing> }"))
    assert len(signings) == (modality == "asserted")
    assert graph.value(event, KG.agent) is not None and graph.value(event, KG.confidence) is not None


def test_mapping_language_tags_by_script():
    """Names kg normalises are simplified (zh-Hans); text copied from a traditional article is zh-Hant."""
    graph = _signing("asserted", text="海爾卡奧斯與平度市簽約。", surface="海爾卡奧斯")
    org = URIRef("https://example.org/id/org/海尔卡奥斯")
    assert {(str(v), v.language) for v in graph.objects(org, RDFS.label)} == {("海尔卡奥斯", "zh-hans")}
    assert ("海爾卡奧斯", "zh-hant") in {(str(v), v.language) for v in graph.objects(org, SKOS.altLabel)}
    assert {v.language for v in graph.objects(None, SCHEMA.headline)} == {"zh-hant"}
    assert {v.language for v in graph.objects(None, KG.trigger)} == {"zh-hans"}
    simplified = _signing("asserted")
    assert {v.language for v in simplified.objects(None, SCHEMA.headline)} == {"zh-hans"}
