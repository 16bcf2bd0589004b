"""Whatever text comes in, kg's graph parses in two RDF implementations and stays literal."""

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.build import analyse
from kg.ingest.split import split_page
from kg.rdf.mapping import GraphBuilder
from kg.resolve.entities import EntityTable

NEWS = "本报青岛讯 5月28日,海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议。"
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\\"""\'\'\' @prefix', "}{|^`\\u0000"]

chinese = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=30)
anything = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
documents = st.lists(st.one_of(anything, chinese, st.sampled_from(HOSTILE + [NEWS, "\n\n", "# ", "、", "与"])), max_size=12).map("".join)


def _graph(nlp, page):
    table = EntityTable()
    builder = GraphBuilder("https://example.org/id/", table)
    for result in analyse(nlp, split_page(page, doc_id="d", source="d <x>.txt"), table):
        builder.add_article(result)
    builder.add_entities()
    return builder.graph


@pytest.fixture(scope="module")
def nlp():
    import kg

    return kg.load()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=documents)
def test_robust_any_document_gives_a_graph_both_parsers_read(nlp, page):
    turtle = _graph(nlp, page).serialize(format="turtle")
    assert len(Graph().parse(data=turtle, format="turtle")) >= 0
    store = pyoxigraph.Store()
    store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    nt = _graph(nlp, page).serialize(format="nt")
    assert len(store) == len(Graph().parse(data=nt, format="nt"))


def test_robust_hostile_text_comes_back_literally(nlp):
    page = "# " + HOSTILE[0] + "\n\n" + NEWS + "".join(HOSTILE)
    turtle = _graph(nlp, page).serialize(format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    texts = [s["t"].value for s in store.query("SELECT ?t WHERE { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }")]
    assert any(HOSTILE[1] in t and HOSTILE[3] in t for t in texts)
    headlines = [s["h"].value for s in store.query("SELECT ?h WHERE { ?a <https://schema.org/headline> ?h }")]
    assert headlines == [HOSTILE[0]]
