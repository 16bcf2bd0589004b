"""The networks and their measures on small hand-made graphs, where the right answer is known."""

import networkx as nx
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
from rdflib import Graph

from kg.analysis.centrality import MIN_SOURCES, betweenness_sources, communities, pagerank, score_network
from kg.analysis.facts import read_facts
from kg.analysis.networks import entity_event_graph, organization_network, person_organization_network
from kg.analysis.stats import compute_stats

TURTLE = """
@base <https://w3id.org/kg-news/id/> . @prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix schema: <https://schema.org/> . @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .

<org/A> a kg:Organization ; rdfs:label "甲公司"@zh .
<org/B> a kg:Organization ; rdfs:label "乙公司"@zh .
<org/C> a kg:Organization ; rdfs:label "丙公司"@zh .
<place/P> a kg:AdministrativeArea ; rdfs:label "平度市"@zh .
<person/X> a kg:Person ; rdfs:label "张三"@zh .
<article/a-0> a schema:NewsArticle ; schema:datePublished "2020-05-29"^^xsd:date ; nif:isString "甲公司与乙公司签约。" .
<article/a-0#char=0,10> a kg:Sentence ; nif:referenceContext <article/a-0> ; nif:beginIndex 0 ; nif:endIndex 10 .

<event/e1> a kg:Signing ; kg:trigger "签约"@zh ; kg:agent <org/A> ; kg:partner <org/B> ;
    prov:wasDerivedFrom <article/a-0#char=0,10> .
<event/e2> a kg:Cooperation ; kg:trigger "合作"@zh ; kg:agent <org/A> ; kg:partner <org/B>, <place/P> ;
    sem:hasTimeStamp "2019-03"^^xsd:gYearMonth .
<event/e3> a kg:Signing ; kg:trigger "签约"@zh ; kg:agent <org/A> ; kg:partner <org/C> ; kg:representative <person/X> ;
    sem:hasPlace <place/P> ; sem:hasTimeStamp "2019"^^xsd:gYear ; prov:wasDerivedFrom <article/a-0#char=0,10> .
<event/e4> a kg:Hosting ; kg:trigger "主办"@zh ; kg:agent <org/C> .
<position/p1> a kg:Position ; kg:holder <person/X> ; kg:organization <org/C> ; schema:roleName "总经理"@zh .
"""
A, B, C = (f"https://w3id.org/kg-news/id/org/{x}" for x in "ABC")
P, X = "https://w3id.org/kg-news/id/place/P", "https://w3id.org/kg-news/id/person/X"


@pytest.fixture(scope="module")
def facts():
    return read_facts(Graph().parse(data=TURTLE, format="turtle"))


def test_networks_organizations_weighted_by_shared_events(facts):
    graph = organization_network(facts)
    assert set(graph) == {A, B, C, P}
    assert graph[A][B]["weight"] == 2  # e1 and e2
    assert graph[A][P]["weight"] == graph[B][P]["weight"] == graph[A][C]["weight"] == 1
    assert not graph.has_edge(C, P)  # 平度市 is only e3's place, not a party


def test_networks_people_and_organizations_by_events_and_posts(facts):
    graph = person_organization_network(facts)
    assert {frozenset(edge) for edge in graph.edges} == {frozenset((A, X)), frozenset((C, X))}
    assert graph[X][C] == {"weight": 2, "events": 1, "positions": 1}
    assert graph[X][A] == {"weight": 1, "events": 1, "positions": 0}


def test_networks_entity_event_graph_roles_as_edges(facts):
    graph = entity_event_graph(facts)
    assert len(graph) == 5 + 4
    e3 = "https://w3id.org/kg-news/id/event/e3"
    assert sorted(label for _, _, label in graph.out_edges(e3, data="label")) == ["agent", "hasPlace", "partner", "representative"]
    assert graph.nodes[e3]["label"] == "签约" and graph.nodes[e3]["date"] == "2019"
    assert graph.nodes["https://w3id.org/kg-news/id/event/e1"]["date"] == "2020-05-29"  # the article's date


def test_networks_events_per_month_from_stamp_else_article(facts):
    stats = compute_stats(facts)
    # e1: its article's date (2020-05-29); e2: its stamp; e3: its stamp, a year only; e4: none
    assert stats["events_per_month"] == {"2019-03": 1, "2020-05": 1}
    assert stats["undated_events"] == 2
    assert stats["events_per_year"] == {"2019": 2, "2020": 1}
    assert stats["events_per_class"] == {"Signing": 2, "Cooperation": 1, "Hosting": 1}
    assert stats["most_connected"]["Organization"][0]["label"] == "甲公司"


def test_centrality_pagerank_as_networkx_computes_it():
    graph = nx.gnm_random_graph(200, 500, seed=3)
    for i, (u, v) in enumerate(graph.edges):
        graph[u][v]["weight"] = 1 + i % 4
    graph.add_node("alone")
    ours, theirs = pagerank(graph), _pagerank_python(graph)
    assert ours == pytest.approx(theirs, abs=1e-9)
    directed = nx.gnm_random_graph(60, 200, seed=4, directed=True)
    assert pagerank(directed) == pytest.approx(_pagerank_python(directed), abs=1e-9)


def test_centrality_communities_deterministic_largest_first():
    graph = nx.Graph()
    nx.add_path(graph, ["a1", "a2", "a3", "a4", "a1"])
    nx.add_path(graph, ["b1", "b2", "b3", "b1"])
    graph.add_edge("a1", "b1")
    found = communities(graph)
    assert found == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"]]
    assert all(communities(graph) == found for _ in range(3))


@pytest.mark.parametrize("nodes, edges, expected", [
    (100, 300, 100), (400, 2_000, 400),  # exact: every node a source
    (1_000, 1_000, 500), (5_000, 15_000, 50), (10_000, 90_000, MIN_SOURCES),  # as many as fit, at least MIN_SOURCES
])
def test_centrality_betweenness_sources_by_size(nodes, edges, expected):
    assert betweenness_sources(nodes, edges, budget=1_000_000) == expected


def test_centrality_betweenness_sampled_with_seed_beyond_the_budget():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    nx.set_edge_attributes(graph, 1, "weight")
    exact = score_network(graph)
    assert exact.betweenness_sample is None
    assert exact.betweenness == pytest.approx(nx.betweenness_centrality(graph))
    sampled = score_network(graph, sources=60)
    assert sampled.betweenness_sample == 60
    assert sampled.betweenness == score_network(graph, sources=60).betweenness  # the same sample each time
    hub = max(exact.betweenness, key=exact.betweenness.get)
    assert hub in sorted(sampled.betweenness, key=sampled.betweenness.get)[-5:]
    assert score_network(graph, sources=0).betweenness == {}


PLANNED = TURTLE + """
<event/e5> a kg:PlannedEvent ; sem:eventType kg:Signing ; kg:trigger "签约"@zh-Hans ; kg:agent <org/B> ; kg:partner <org/C> ;
    sem:hasTimeStamp "2020-06"^^xsd:gYearMonth .
<event/e6> a kg:NegatedEvent ; sem:eventType kg:Cooperation ; kg:trigger "合作"@zh-Hans ; kg:agent <org/A> ; kg:partner <org/C> .
"""


def test_networks_stats_count_planned_and_negated_events_apart():
    """Counts, dates and networks are of what the text asserts: 乙公司 will sign with 丙公司 (e5)
    and 甲公司 did not cooperate with 丙公司 (e6), so neither links them; both stay in the facts."""
    facts = read_facts(Graph().parse(data=PLANNED, format="turtle"))
    e5, e6 = (f"https://w3id.org/kg-news/id/event/{e}" for e in ("e5", "e6"))
    assert (facts.events[e5].cls, facts.events[e5].modality) == ("Signing", "planned")
    assert (facts.events[e6].cls, facts.events[e6].modality) == ("Cooperation", "negated")
    stats = compute_stats(facts)
    assert stats["counts"]["events"] == 4 and stats["counts"]["planned_events"] == stats["counts"]["negated_events"] == 1
    assert stats["events_per_class"] == {"Signing": 2, "Cooperation": 1, "Hosting": 1}
    assert stats["events_not_asserted"] == {"planned": {"Signing": 1}, "negated": {"Cooperation": 1}}
    assert stats["events_per_month"] == {"2019-03": 1, "2020-05": 1}  # not e5's 2020-06
    assert stats["networks"]["organizations"]["edges"] == organization_network(read_facts(Graph().parse(data=TURTLE))).number_of_edges()
    assert not organization_network(facts.asserted()).has_edge(B, C)
    assert organization_network(facts).has_edge(B, C)  # all the facts, planned ones too, when asked
    graph = entity_event_graph(facts)
    assert graph.nodes[e5]["modality"] == "planned" and graph.nodes[e6]["label"] == "合作"
