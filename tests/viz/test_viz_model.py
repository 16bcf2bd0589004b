"""Nodes, edges and sources read from a kg graph."""

from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS
from viz_graphs import HOSTILE, NEWS_COUNTS, iri

from kg.rdf.namespaces import KG, SCHEMA, SEM
from kg.viz.model import load_labels, read_graph

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology.ttl"


def test_viz_model_nodes_are_entities_and_events(news_graph):
    viz = read_graph(news_graph)
    counts = {}
    for node in viz.nodes:
        counts[node.category] = counts.get(node.category, 0) + 1
    assert counts == NEWS_COUNTS
    names = [n.name for n in viz.nodes]
    assert "签约" in names and "揭牌" in names


def test_viz_model_edges_carry_roles_in_chinese(news_graph):
    viz = read_graph(news_graph)
    by_name = {n.name: i for i, n in enumerate(viz.nodes) if n.kind == "entity"}
    edges = {(viz.nodes[e.source].name, viz.nodes[e.target].name, e.label) for e in viz.edges}
    assert ("签约", "海尔卡奥斯", "主体") in edges
    assert ("签约", "平度市政府", "对方") in edges
    assert ("签约", "青岛市", "地点") in edges
    assert ("揭牌", "平度市", "目的地") in edges
    assert ("张彬", "青岛市委党校", "副教授") in edges  # worksFor, titled by the kg:Position
    assert ("海尔卡奥斯", "青岛市", "位于") in edges
    assert ("平度市", "青岛市", "隶属") in edges
    assert len(edges) == len(viz.edges) == 8
    assert by_name


def test_viz_model_sources_are_sentences_with_headlines(news_graph):
    viz = read_graph(news_graph)
    node = next(n for n in viz.nodes if n.name == "张彬")
    (i,) = node.sentences
    text, article = viz.sentences[i]
    assert text.startswith("5月28日,海尔卡奥斯")
    assert viz.articles[article] == "海尔卡奥斯与平度莱西达成战略合作"
    evil_event = next(n for n in viz.nodes if n.name == "揭牌")
    text, article = viz.sentences[evil_event.sentences[0]]
    assert HOSTILE in text and HOSTILE in viz.articles[article]
    # an entity in no event still shows the articles that mention it
    laoshan = next(n for n in viz.nodes if n.name == "崂山")
    assert laoshan.sentences == [] and [viz.articles[a] for a in laoshan.articles] == ["海尔卡奥斯与平度莱西达成战略合作"]


def test_viz_model_facts(news_graph):
    viz = read_graph(news_graph)
    pingdu = dict(next(n for n in viz.nodes if n.name == "平度市").facts)
    assert pingdu["别名"] == "平度" and pingdu["行政区划代码"] == "370283" and pingdu["隶属"] == "青岛市"
    signing = dict(next(n for n in viz.nodes if n.name == "签约").facts)
    assert signing["时间"] == "5月28日 / 2020-05-28" and signing["置信度"] == "0.8"


def test_viz_model_planned_and_negated_events_shown_marked(news_graph):
    """Events the text plans or denies are drawn too, under their class, but marked as such."""
    haier = next(n.iri for n in read_graph(news_graph).nodes if n.name == "海尔卡奥斯")
    for name, cls in (("plan", KG.PlannedEvent), ("no", KG.NegatedEvent)):
        news_graph.add((iri(f"event/{name}"), RDF.type, cls))
        news_graph.add((iri(f"event/{name}"), SEM.eventType, KG.Signing))
        news_graph.add((iri(f"event/{name}"), KG.agent, iri(haier.rsplit("/id/", 1)[-1])))
    viz = read_graph(news_graph)
    marked = {n.iri.rsplit("/", 1)[-1]: n for n in viz.nodes if n.kind == "event" and n.modality}
    assert {k: (n.category, n.modality, n.name) for k, n in marked.items()} == {
        "plan": ("Signing", "planned", "签约（计划）"), "no": ("Signing", "negated", "签约（未发生）")}
    assert ("情态", "计划") in marked["plan"].facts
    assert sum(n.name == "签约" and not n.modality for n in viz.nodes) == 1  # the signing that happened
    assert {(viz.nodes[e.source].name, viz.nodes[e.target].name) for e in viz.edges} >= {("签约（计划）", "海尔卡奥斯")}


def test_viz_model_event_label_from_graph_first(news_graph):
    news_graph.add((KG.Signing, RDFS.label, Literal("签署协议", lang="zh")))
    news_graph.add((KG.Signing, RDFS.label, Literal("signing", lang="en")))
    names = {n.name for n in read_graph(news_graph).nodes if n.kind == "event"}
    assert names == {"签署协议", "揭牌"}


def test_viz_model_event_subclass_declared_in_graph(news_graph):
    strike = KG._NS["Strike"]
    news_graph.add((strike, RDFS.subClassOf, KG.Event))
    news_graph.add((strike, RDFS.label, Literal("罢工", lang="zh")))
    news_graph.add((iri("event/x"), RDFS.label, Literal("x")))
    news_graph.add((iri("event/x"), SKOS.note, Literal("x")))
    from rdflib import RDF

    news_graph.add((iri("event/x"), RDF.type, strike))
    events = {n.name for n in read_graph(news_graph).nodes if n.kind == "event"}
    assert "罢工" in events


def test_viz_labels_agree_with_ontology():
    ontology = Graph().parse(ONTOLOGY)
    labels = load_labels()

    def zh(term):
        return {str(v) for v in ontology.objects(term, RDFS.label) if v.language == "zh-Hans"}

    for name, value in labels["entities"].items():
        assert zh(KG._NS[name]) == {value["label"]}, name
    for name, label in labels["events"].items():
        assert zh(KG._NS[name]) == {label}, name
    for name in ("agent", "partner", "theme", "destination"):
        assert zh(KG._NS[name]) == {labels["roles"][name]}, name
    declared = {str(s).split("#")[-1] for s in ontology.subjects(RDFS.subClassOf, KG.Event)}
    assert declared <= set(labels["events"])


def test_viz_model_post_in_a_places_government_is_an_edge_to_the_place(news_graph):
    wang = iri("person/王新伟")
    news_graph.add((wang, RDF.type, KG.Person))
    news_graph.add((wang, RDFS.label, Literal("王新伟", lang="zh")))
    post = iri("position/000_abc-3-1")
    news_graph.add((post, RDF.type, KG.Position))
    news_graph.add((post, KG.holder, wang))
    news_graph.add((post, KG.jurisdiction, iri("place/平度市")))
    news_graph.add((post, SCHEMA.roleName, Literal("副市长", lang="zh")))
    viz = read_graph(news_graph)
    edges = {(viz.nodes[e.source].name, viz.nodes[e.target].name, e.role, e.label) for e in viz.edges}
    assert ("王新伟", "平度市", "jurisdiction", "副市长") in edges
