"""A position that names no body (副区长王五) in the graph: a kg:Position with its holder and title
and neither kg:organization nor kg:jurisdiction, no schema:worksFor; it conforms to the shapes, the
page shows its title on the holder, and the record survives the codec."""

from rdflib import RDF, Graph, URIRef

from kg import codec
from kg.ingest.records import Article
from kg.nlp.records import Mention, Position
from kg.rdf.mapping import ArticleResult, GraphBuilder
from kg.rdf.namespaces import KG, SCHEMA
from kg.resolve.entities import EntityTable
from kg.sparql.validate import validate_graph
from kg.viz.model import read_graph

TEXT = "副区长王五昨天调研了道路工程。"


def _bare_post() -> Position:
    start = TEXT.index("王五")
    return Position(Mention(start, start + 2, "PERSON", "王五", "王五"), None, "副区长", (0, len(TEXT)))


def _graph() -> Graph:
    builder = GraphBuilder("https://example.org/id/", EntityTable())
    article = Article(id="a-0", source="a.txt", title="", text=TEXT)
    builder.add_article(ArticleResult(article, positions=[_bare_post()]))
    builder.add_entities()
    return builder.graph


def test_bare_position_has_holder_and_title_and_no_body():
    graph = _graph()
    (position,) = graph.subjects(RDF.type, KG.Position)
    holder = graph.value(position, KG.holder)
    assert holder is not None and (holder, RDF.type, KG.Person) in graph
    assert str(graph.value(position, SCHEMA.roleName)) == "副区长"
    assert graph.value(position, KG.organization) is None and graph.value(position, KG.jurisdiction) is None
    assert not list(graph.subject_objects(SCHEMA.worksFor))
    assert str(position).endswith("-none")


def test_bare_position_conforms_to_the_shapes_but_not_without_its_title():
    graph = _graph()
    assert validate_graph(graph).conforms
    (position,) = graph.subjects(RDF.type, KG.Position)
    graph.remove((position, SCHEMA.roleName, None))
    assert not validate_graph(graph).conforms


def test_bare_position_title_shown_on_its_holder():
    viz = read_graph(_graph())
    (wang,) = [n for n in viz.nodes if n.name == "王五"]
    assert ("职务", "副区长") in wang.facts


def test_bare_position_survives_the_codec():
    post = _bare_post()
    assert codec.loads(Position, codec.dumps(post)) == post


def test_position_with_both_bodies_does_not_conform():
    graph = _graph()
    (position,) = graph.subjects(RDF.type, KG.Position)
    org, place = URIRef("https://example.org/id/org/x"), URIRef("https://example.org/id/place/y")
    graph.add((org, RDF.type, KG.Organization))
    graph.add((place, RDF.type, KG.AdministrativeArea))
    graph.add((position, KG.organization, org))
    graph.add((position, KG.jurisdiction, place))
    assert not validate_graph(graph).conforms
