"""One node per body within an article: short forms, one type per name, parts of bodies, to RDF.

Names are made up (瑞禾, 岚峰, 明澜 …), none from the seed page or a gold set."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.build import register
from kg.corpus.extract import ArticleRecord
from kg.ingest.records import Article
from kg.nlp.records import Argument, Event, Location, Mention, Position
from kg.rdf.mapping import GraphBuilder
from kg.rdf.namespaces import KG, SCHEMA
from kg.resolve.bodies import body_of, bracketed_short_form, short_forms
from kg.resolve.entities import EntityTable
from kg.resolve.within_article import settle_names
from kg.sparql.validate import validate_graph

BASE = "https://example.org/id/"


def _mentions(text, *spans):
    """A mention of each (label, surface) in ``text``, each found after the one before."""
    found, at = [], 0
    for label, surface in spans:
        start = text.index(surface, at)
        at = start + len(surface)
        found.append(Mention(start, at, label, surface, surface))
    return found


def _graph(text, mentions, events=(), positions=(), locations=(), table=None, article_id="a-0"):
    table = table or EntityTable()
    record = ArticleRecord(Article(id=article_id, source=f"{article_id}.txt", title="", text=text),
                           mentions=list(mentions), events=list(events), positions=list(positions),
                           locations=list(locations))
    builder = GraphBuilder(BASE, table)
    builder.add_article(register(table, record))
    builder.add_entities()
    return builder.graph


def org(name):
    return URIRef(f"{BASE}org/{name}")


# fmt: off
@pytest.mark.parametrize("full, short", [
    ("中国瑞禾银行", "瑞禾银行"),                   # less the country
    ("中国岚峰建设集团有限公司", "岚峰建设集团"),    # less the country and the legal form
    ("中国岚峰建设集团有限公司", "岚峰建设"),        # less 集团有限公司
    ("浙江省明澜科技股份有限公司", "明澜科技"),      # less the province and the legal form
    ("杭州明澜科技有限公司", "明澜科技"),            # a city's short form as the prefix
])
# fmt: on
def test_bodies_short_forms_drop_place_and_legal_form(full, short):
    assert short in short_forms(full)


@pytest.mark.parametrize("full, wrong", [("中国瑞禾银行", "银行"), ("浙江省明澜科技股份有限公司", "省明澜科技"), ("杭州大学", "大学")])
def test_bodies_short_forms_keep_a_name_beside_the_kind(full, wrong):
    assert wrong not in short_forms(full)


def test_bodies_bracketed_short_form_and_part_of_a_body():
    assert bracketed_short_form("中国瑞禾银行（以下简称“瑞禾”）", 6) == "瑞禾"
    assert bracketed_short_form("中国瑞禾银行发布", 6) is None
    bodies = {"明澜科技", "栖霞市委", "岚峰集团"}.__contains__
    assert body_of("明澜科技董事会", bodies) == "明澜科技"
    assert body_of("栖霞市委宣传部", bodies) == "栖霞市委"
    assert body_of("岚峰集团党委", bodies) == "岚峰集团"
    assert body_of("岚峰集团研究院", bodies) is None  # not a part's ending
    assert body_of("明澜科技", bodies) is None


def test_within_article_short_form_after_full_name_is_one_node():
    text = "中国瑞禾银行与岚峰集团签约。瑞禾银行行长出席。"
    g = _graph(text, _mentions(text, ("ORG", "中国瑞禾银行"), ("ORG", "岚峰集团"), ("ORG", "瑞禾银行")))
    article = URIRef(f"{BASE}article/a-0")
    assert set(g.objects(article, SCHEMA.mentions)) == {org("中国瑞禾银行"), org("岚峰集团")}
    assert (org("中国瑞禾银行"), SKOS.altLabel, Literal("瑞禾银行", lang="zh-hans")) in g
    assert (org("瑞禾银行"), None, None) not in g  # named by no quad: no sameAs needed
    assert not list(g.subject_objects(OWL.sameAs))


def test_within_article_short_form_before_the_full_name_or_in_another_article_stays():
    text = "瑞禾银行行长出席。中国瑞禾银行与岚峰集团签约。"
    assert settle_names(text, _mentions(text, ("ORG", "瑞禾银行"), ("ORG", "中国瑞禾银行"))) == {}
    table = EntityTable()
    _graph("中国瑞禾银行发布年报。", _mentions("中国瑞禾银行发布年报。", ("ORG", "中国瑞禾银行")), table=table)
    g = _graph("瑞禾银行发布年报。", _mentions("瑞禾银行发布年报。", ("ORG", "瑞禾银行")), table=table, article_id="b-0")
    assert (org("瑞禾银行"), RDF.type, KG.Organization) in g and (org("瑞禾银行"), OWL.sameAs, None) not in g


def test_within_article_short_form_of_two_full_names_stays_its_own():
    text = "中国瑞禾银行与香港瑞禾银行签约。瑞禾银行表示。"
    found = _mentions(text, ("ORG", "中国瑞禾银行"), ("ORG", "香港瑞禾银行"), ("ORG", "瑞禾银行"))
    assert ("ORG", "瑞禾银行") not in settle_names(text, found)


def test_within_article_bracketed_short_form_ties_even_a_person_reading():
    text = "浙江省明澜科技股份有限公司（明澜）发布公告。明澜表示。"
    found = _mentions(text, ("ORG", "浙江省明澜科技股份有限公司"), ("PERSON", "明澜"), ("PERSON", "明澜"))
    assert settle_names(text, found) == {("PERSON", "明澜"): ("ORG", "浙江省明澜科技股份有限公司")}


# fmt: off
@pytest.mark.parametrize("labels, expected", [
    (["ORG", "PERSON", "ORG"], "ORG"),       # the majority
    (["PERSON", "PERSON", "ORG"], "PERSON"),
    (["PERSON", "ORG"], "ORG"),              # a tie, and the name has an organization's ending
])
# fmt: on
def test_within_article_one_type_per_name(labels, expected):
    name = "岚峰集团"
    text = "，".join([name] * len(labels)) + "。"
    found = [Mention(i * (len(name) + 1), i * (len(name) + 1) + len(name), label, name, name) for i, label in enumerate(labels)]
    settled = settle_names(text, found)
    assert {settled.get((m.label, m.name), (m.label, m.name)) for m in found} == {(expected, name)}


def test_within_article_tie_without_an_ending_keeps_the_first_reading():
    text = "岚峰，岚峰。"
    found = _mentions(text, ("GPE", "岚峰"), ("LOC", "岚峰"))
    assert settle_names(text, found) == {("LOC", "岚峰"): ("GPE", "岚峰")}


def test_within_article_retyping_reaches_events_and_drops_a_post_it_breaks():
    text = "岚峰集团与瑞禾签约。岚峰集团董事长岚峰集团出席。"
    agent, partner, other, holder = _mentions(text, ("ORG", "岚峰集团"), ("ORG", "瑞禾"), ("ORG", "岚峰集团"), ("PERSON", "岚峰集团"))
    event = Event("Signing", "签约", 7, (0, 10), (Argument("agent", agent), Argument("partner", partner)))
    post = Position(holder, other, "董事长", (10, len(text)))
    g = _graph(text, [agent, partner, other, holder], events=[event], positions=[post])
    assert not list(g.subjects(RDF.type, KG.Person))
    assert not list(g.subjects(RDF.type, KG.Position))  # its holder is an organization in this article
    assert validate_graph(g).conforms


def test_within_article_parts_link_to_their_body_in_rdf_and_conform():
    text = "浙江省明澜科技股份有限公司（以下简称“明澜科技”）公告。明澜科技董事会决定，明澜科技党委支持。栖霞市委宣传部与栖霞市委发文。"
    found = _mentions(text, ("ORG", "浙江省明澜科技股份有限公司"), ("ORG", "明澜科技"), ("ORG", "明澜科技董事会"),
                      ("ORG", "明澜科技党委"), ("ORG", "栖霞市委宣传部"), ("ORG", "栖霞市委"))
    found[1] = Mention(found[1].start, found[1].end, "ORG", "明澜科技", "浙江省明澜科技股份有限公司")  # the NER's short form
    place = Mention(found[5].start, found[5].start + 3, "GPE", "栖霞市", "栖霞市", alias=False)
    seat = Location(found[5], place, (0, len(text)))
    g = _graph(text, found, locations=[seat])
    company = org("浙江省明澜科技股份有限公司")
    assert (org("明澜科技董事会"), SCHEMA.parentOrganization, company) in g
    assert (org("明澜科技党委"), SCHEMA.parentOrganization, company) in g
    assert (org("栖霞市委宣传部"), SCHEMA.parentOrganization, org("栖霞市委")) in g
    assert (org("栖霞市委"), SCHEMA.parentOrganization, None) not in g  # a place's body is not a part of the place
    assert (org("栖霞市委"), SCHEMA.location, URIRef(f"{BASE}place/栖霞市")) in g
    assert validate_graph(g).conforms


def test_within_article_part_named_in_one_article_links_to_a_body_named_in_another():
    table = EntityTable()
    _graph("岚峰集团发布年报。", _mentions("岚峰集团发布年报。", ("ORG", "岚峰集团")), table=table)
    g = _graph("岚峰集团党委召开会议。", _mentions("岚峰集团党委召开会议。", ("ORG", "岚峰集团党委")), table=table, article_id="b-0")
    assert (org("岚峰集团党委"), SCHEMA.parentOrganization, org("岚峰集团")) in g


def test_within_article_part_of_a_body_merged_later_names_the_canonical_body():
    """The merge policy of the corpus stays: a name merged after its quads were written keeps its
    IRI, ``owl:sameAs`` the canonical one, and a part's parent is the canonical body."""
    table = EntityTable()
    _graph("岚山合作组织成立。", _mentions("岚山合作组织成立。", ("ORG", "岚山合作组织")), table=table)
    g = _graph("岚合组织秘书处发文。岚合组织表态。", _mentions("岚合组织秘书处发文。岚合组织表态。", ("ORG", "岚合组织秘书处"), ("ORG", "岚合组织")),
               table=table, article_id="b-0")
    assert (org("岚合组织"), OWL.sameAs, org("岚山合作组织")) in g
    assert (org("岚合组织秘书处"), SCHEMA.parentOrganization, org("岚山合作组织")) in g
    assert (org("岚山合作组织"), RDFS.label, Literal("岚山合作组织", lang="zh-hans")) in g
