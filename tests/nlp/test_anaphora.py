import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from kg.nlp.anaphora import references
from kg.nlp.records import Mention


def _names(text, *named):
    return [Mention(text.index(n), text.index(n) + len(n), label, n, n) for n, label in named]


def test_anaphora_a_kind_after_gai_stands_for_the_nearest_name_of_that_kind():
    text = "海尔集团与青岛银行座谈。该行与平度市签约，该集团也到场。"
    names = _names(text, ("海尔集团", "ORG"), ("青岛银行", "ORG"), ("平度市", "GPE"))
    refs = {(text[r.start:r.end], r.name, r.label, r.alias) for r in references(text, names)}
    assert refs == {("该行", "青岛银行", "ORG", False), ("该集团", "海尔集团", "ORG", False)}


def test_anaphora_a_city_by_its_short_name_and_a_country():
    text = "大会在青岛召开，该市与法国签约。法国总统出席，该国代表团随行。"
    names = _names(text, ("青岛", "GPE"), ("法国", "GPE"))
    assert [(text[r.start:r.end], r.name) for r in references(text, names)] == [("该市", "青岛"), ("该国", "法国")]


@pytest.mark.parametrize("text", [
    "海尔集团成立。该行业发展很快。",  # 该|行业
    "海尔集团成立。该市场很大。",  # 该|市场, and no city before
    "海尔公司成立。我们应该公司化运作。",  # 应该
    "该公司成立。海尔公司也成立。",  # nothing named before it
])
def test_anaphora_no_reference_inside_another_word_or_before_any_name(text):
    assert references(text, _names(text, ("海尔公司" if "海尔公司" in text else "海尔集团", "ORG"))) == []


def test_anaphora_the_referred_party_takes_part_in_the_event_and_the_graph_holds_no_new_node(kg_nlp, graph_of):
    from kg.rdf.namespaces import KG

    text = "记者昨日从招商银行获悉，该行与武汉钢铁集团签署了现金管理合作协议。"
    (event,) = [e for e in kg_nlp(text)._.kg_events if e.cls == "Signing"]
    assert {a.mention.name for a in event.arguments} == {"招商银行", "武汉钢铁集团"}
    g = graph_of(text)
    names = [str(o) for p in (RDFS.label, SKOS.altLabel) for o in g.objects(None, p)]
    assert "招商银行" in names and not any("该行" in n for n in names)
    (signing,) = g.subjects(RDF.type, KG.Signing)
    parties = {str(g.value(p, RDFS.label)) for role in (KG.agent, KG.partner) for p in g.objects(signing, role)}
    assert parties == {"招商银行", "武汉钢铁集团"}


def test_anaphora_a_post_at_the_referred_party(kg_nlp):
    doc = kg_nlp("海尔集团昨天发布新品。该集团总裁周云杰表示，该公司将与平度市政府合作。")
    assert [(p.person.name, p.title, p.org.name) for p in doc._.kg_positions] == [("周云杰", "总裁", "海尔集团")]
    [event] = [e for e in doc._.kg_events if e.cls == "Cooperation"]
    assert {a.mention.name for a in event.arguments} == {"海尔集团", "平度市政府"}
