"""Bylines and datelines in the graph: reporters as schema:author, correspondents and photographers as
schema:contributor, editors as schema:editor, the outlet as schema:publisher, the dateline's place
and date; and none of those people a mention or a party of the article's events."""

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from kg.build import analyse
from kg.ingest.records import Article
from kg.ingest.split import split_page
from kg.rdf.mapping import ArticleResult, GraphBuilder
from kg.rdf.namespaces import KG, SCHEMA
from kg.resolve.entities import EntityTable

BASE = "https://example.org/id/"


def _graph(article: Article):
    table = EntityTable()
    builder = GraphBuilder(BASE, table)
    builder.add_article(ArticleResult(article))
    builder.add_entities()
    return builder.graph


def _labels(graph, node, predicate):
    return {str(graph.value(o, RDFS.label)) for o in graph.objects(node, predicate)}


def test_credits_each_role_to_its_property():
    article = Article(
        id="d-0", source="d.txt", title="标题", text="标题\n正文。", authors=["张海"], contributors=["李江", "王河"],
        editors=["赵湖"], outlet="新华社", place="北京", filed="2023-05-12", date="2023-05-13",
    )
    graph = _graph(article)
    node = URIRef(f"{BASE}article/d-0")
    assert _labels(graph, node, SCHEMA.author) == {"张海"}
    assert _labels(graph, node, SCHEMA.contributor) == {"李江", "王河"}
    assert _labels(graph, node, SCHEMA.editor) == {"赵湖"}
    assert all((p, RDF.type, KG.Person) in graph for p in graph.objects(node, SCHEMA.contributor))
    (publisher,) = graph.objects(node, SCHEMA.publisher)
    assert (publisher, RDF.type, KG.Organization) in graph and str(graph.value(publisher, RDFS.label)) == "新华社"
    (place,) = graph.objects(node, SCHEMA.locationCreated)
    assert (place, RDF.type, KG.AdministrativeArea) in graph and str(graph.value(place, RDFS.label)) == "北京市"
    assert (node, SCHEMA.dateCreated, Literal("2023-05-12", datatype=XSD.date)) in graph


def test_credits_no_publisher_where_the_paper_says_benbao_and_no_day_without_a_year():
    article = Article(id="d-0", source="d.txt", title="", text="正文。", outlet="本报", place="青岛", filed="--05-28")
    graph = _graph(article)
    node = URIRef(f"{BASE}article/d-0")
    assert not list(graph.objects(node, SCHEMA.publisher)) and not list(graph.objects(node, SCHEMA.dateCreated))
    assert _labels(graph, node, SCHEMA.locationCreated) == {"青岛市"}


def test_credits_byline_people_are_neither_mentions_nor_parties(kg_nlp):
    page = (
        "# 青岛与上汽集团签署战略合作协议\n\n"
        "本报讯（记者 韩冬青 通讯员 任秋白）3月12日，青岛市人民政府与上汽集团签署战略合作协议。\n\n"
        "双方将在新能源汽车领域开展合作。（记者 柳春生）"
    )
    (article,) = split_page(page, doc_id="d", source="d.txt")
    table = EntityTable()
    builder = GraphBuilder(BASE, table)
    for result in analyse(kg_nlp, [article], table):
        builder.add_article(result)
    builder.add_entities()
    graph = builder.graph
    node = URIRef(f"{BASE}article/d-0")
    people = {"韩冬青", "任秋白", "柳春生"}
    assert _labels(graph, node, SCHEMA.author) | _labels(graph, node, SCHEMA.contributor) == people
    assert not people & _labels(graph, node, SCHEMA.mentions)
    parties = {str(graph.value(o, RDFS.label)) for p in (KG.agent, KG.partner, KG.theme, KG.representative)
               for o in graph.objects(None, p)}
    assert parties and not people & parties
    named = {str(label) for label in graph.objects(None, RDFS.label)}
    assert not any(name.startswith(person) and name != person for name in named for person in people)  # no 韩冬青通
