"""shapes.ttl and kg validate: the seed graph conforms, a broken one fails with readable messages."""

import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.validate import SHAPES, validate_graph

KG = rdflib.Namespace("https://w3id.org/kg-news/ontology#")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
ONTOLOGY = SHAPES.parent / "ontology.ttl"


def test_shapes_seed_graph_conforms(seed_out):
    result = CliRunner().invoke(app, ["validate", str(seed_out / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_shapes_name_every_event_class_of_the_ontology():
    ontology = Graph().parse(ONTOLOGY)
    shapes = Graph().parse(SHAPES)
    events = set(ontology.transitive_subjects(RDFS.subClassOf, KG.ReportedEvent))  # asserted, planned, negated
    assert set(shapes.objects(URIRef("https://w3id.org/kg-news/shapes#Event"), SH.targetClass)) == events
    classes = set(ontology.transitive_subjects(RDFS.subClassOf, KG.Event)) - {KG.Event}
    assert set(shapes.objects(URIRef("https://w3id.org/kg-news/shapes#AssertedEvent"), SH.targetClass)) == classes


def broken(seed_graph: Graph) -> tuple[Graph, dict]:
    """The seed graph with one error of each kind; returns it and the nodes broken."""
    g = Graph()
    for triple in seed_graph:
        g.add(triple)
    signing = sorted(g.subjects(RDF.type, KG.Signing))[0]
    g.remove((signing, KG.trigger, None))
    g.set((signing, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    position = sorted(g.subjects(RDF.type, KG.Position))[0]
    for role in (KG.holder,):
        g.remove((position, role, None))
    place = URIRef("https://w3id.org/kg-news/id/place/平度市")
    g.set((place, KG.gbCode, Literal("37028")))
    g.add((place, RDFS.label, Literal("Pingdu", lang="en")))
    sentence = sorted(g.subjects(RDF.type, KG.Sentence))[0]
    begin = int(g.value(sentence, NIF.beginIndex))
    g.set((sentence, NIF.beginIndex, Literal(begin + 1, datatype=XSD.nonNegativeInteger)))
    return g, {"signing": signing, "position": position, "place": place, "sentence": sentence}


def test_shapes_broken_graph_fails_with_each_error(seed_graph):
    graph, nodes = broken(seed_graph)
    report = validate_graph(graph)
    assert not report.conforms
    found = {(v.focus.rsplit("/", 1)[-1], v.path) for v in report.violations}
    short = {k: str(v).rsplit("/", 1)[-1] for k, v in nodes.items()}
    assert (short["signing"], "kg:trigger") in found
    assert (short["signing"], "kg:confidence") in found
    assert (short["position"], "kg:holder") in found
    assert ("平度市", "kg:gbCode") in found
    assert ("平度市", "rdfs:label") in found
    assert (short["sentence"], "") in found  # the offsets do not give back the sentence


def test_shapes_cli_prints_violations_readably(seed_graph, tmp_path):
    graph, nodes = broken(seed_graph)
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    out = result.output
    assert "violations:" in out
    assert "Violation: id:place/平度市\n  path:    kg:gbCode\n  value:   \"37028\"\n" in out
    assert "message: kg:gbCode is one six-digit GB/T 2260 code" in out
    assert "path:    kg:trigger" in out and "exactly one kg:trigger" in out
    assert "value:   \"1.5\"^^xsd:decimal" in out and "in [0, 1]" in out
    assert "the offsets do not point at the sentence" in out


def test_shapes_event_without_participant(tmp_path):
    graph = Graph()
    event = URIRef("https://w3id.org/kg-news/id/event/x-0")
    graph.add((event, RDF.type, KG.Opening))
    graph.add((event, KG.trigger, Literal("开业", lang="zh-Hans")))
    report = validate_graph(graph)
    paths = {v.path for v in report.violations}
    assert "kg:agent|kg:partner|kg:theme|kg:destination|sem:hasPlace" in paths
    assert "kg:confidence" in paths and "prov:wasDerivedFrom" in paths


def test_shapes_post_in_a_place_conforms_and_takes_at_most_one_of_org_or_jurisdiction(graph_of):
    """美国总统克林顿: a kg:Position with kg:jurisdiction (no kg:organization, no schema:worksFor)
    conforms; one with both does not; one with neither (a post that names no body) does."""
    g = graph_of("美国总统克林顿今天会见了日本首相桥本龙太郎。")
    positions = sorted(g.subjects(RDF.type, KG.Position))
    assert {str(g.value(g.value(p, KG.jurisdiction), RDFS.label)) for p in positions} == {"美国", "日本"}
    assert not list(g.subject_objects(URIRef("https://schema.org/worksFor")))
    assert validate_graph(g).conforms
    org = URIRef("https://w3id.org/kg-news/id/org/x")
    g.add((org, RDF.type, KG.Organization))
    g.add((positions[0], KG.organization, org))
    g.remove((positions[1], KG.jurisdiction, None))
    focus = {v.focus.rsplit("/", 1)[-1] for v in validate_graph(g).violations}
    assert str(positions[0]).rsplit("/", 1)[-1] in focus
    assert str(positions[1]).rsplit("/", 1)[-1] not in focus


def _planned_signing() -> tuple[Graph, URIRef]:
    """A planned signing, as kg writes one (将签约): kg:PlannedEvent with sem:eventType kg:Signing."""
    sem = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    graph = Graph()
    event = URIRef("https://w3id.org/kg-news/id/event/x-0/9")
    org = URIRef("https://w3id.org/kg-news/id/org/甲公司")
    graph.add((org, RDF.type, KG.Organization))
    graph.add((org, RDFS.label, Literal("甲公司", lang="zh-Hans")))
    graph.add((event, RDF.type, KG.PlannedEvent))
    graph.add((event, sem.eventType, KG.Signing))
    graph.add((event, KG.trigger, Literal("签约", lang="zh-Hans")))
    graph.add((event, KG.agent, org))
    return graph, event


def test_shapes_planned_event_checked_as_an_event():
    graph, event = _planned_signing()
    paths = {v.path for v in validate_graph(graph).violations if v.focus.endswith("event/x-0/9")}
    assert "kg:confidence" in paths and "prov:wasDerivedFrom" in paths  # what every event carries
    assert "sem:eventType" not in paths and "kg:trigger" not in paths


def test_shapes_planned_event_typed_with_its_class_fails():
    """`?e a kg:Signing` must count only signings that happened."""
    graph, event = _planned_signing()
    graph.add((event, RDF.type, KG.Signing))
    messages = {v.message for v in validate_graph(graph).violations if v.focus.endswith("event/x-0/9")}
    assert any("not typed with its class" in m for m in messages), messages
    assert any("no kg:PlannedEvent or kg:NegatedEvent" in m for m in messages), messages


def test_shapes_asserted_event_needs_its_class_as_event_type():
    graph, event = _planned_signing()
    graph.remove((event, RDF.type, KG.PlannedEvent))
    graph.add((event, RDF.type, KG.Hosting))  # typed Hosting, sem:eventType Signing
    messages = {v.message for v in validate_graph(graph).violations if v.focus.endswith("event/x-0/9")}
    assert any("that class is its sem:eventType" in m for m in messages), messages


def test_shapes_labels_tagged_by_script():
    graph, _ = _planned_signing()
    org = URIRef("https://w3id.org/kg-news/id/org/甲公司")
    graph.add((org, rdflib.namespace.SKOS.altLabel, Literal("甲公司", lang="zh-Hant")))
    assert not [v for v in validate_graph(graph).violations if v.focus.endswith("org/甲公司")]
    graph.set((org, RDFS.label, Literal("甲公司", lang="ja")))
    assert [v for v in validate_graph(graph).violations if v.focus.endswith("org/甲公司") and v.path == "rdfs:label"]
