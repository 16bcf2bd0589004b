"""Graphs built by hand with rdflib for the viz tests (no kg build)."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.rdf.namespaces import KG, NIF, SCHEMA, SEM

BASE = "https://w3id.org/kg-news/id/"
HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> 'single' \"double\" </script><!--"
HOSTILE_NAME = "恶意<b>公司</b>\"'"


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def add_entity(g: Graph, path: str, cls, name: str, *alt: str, code: str | None = None) -> URIRef:
    node = iri(path)
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(name, lang="zh")))
    for a in alt:
        g.add((node, SKOS.altLabel, Literal(a, lang="zh")))
    if code:
        g.add((node, KG.gbCode, Literal(code)))
    return node


def add_sentence(g: Graph, article: URIRef, begin: int, text: str) -> URIRef:
    node = URIRef(f"{article}#char={begin},{begin + len(text)}")
    g.add((node, RDF.type, KG.Sentence))
    g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(begin + len(text), datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.anchorOf, Literal(text)))
    g.add((node, NIF.referenceContext, article))
    return node


def add_article(g: Graph, name: str, headline: str, text: str) -> URIRef:
    node = iri(f"article/{name}")
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, RDF.type, NIF.Context))
    g.add((node, SCHEMA.headline, Literal(headline, lang="zh")))
    g.add((node, NIF.isString, Literal(text)))
    g.add((node, KG.sourceFile, Literal(f"{name}.txt")))
    return node


def build_news_graph() -> Graph:
    """The example of the brief: a signing in Qingdao, a position, places with codes, plus one
    article whose headline, sentence and an entity name are hostile HTML."""
    g = Graph()
    haier = add_entity(g, "org/海尔卡奥斯", KG.Organization, "海尔卡奥斯", "卡奥斯")
    gov = add_entity(g, "org/平度市政府", KG.Organization, "平度市政府")
    school = add_entity(g, "org/青岛市委党校", KG.Organization, "青岛市委党校")
    qingdao = add_entity(g, "place/青岛市", KG.AdministrativeArea, "青岛市", "青岛", code="370200")
    pingdu = add_entity(g, "place/平度市", KG.AdministrativeArea, "平度市", "平度", code="370283")
    laoshan = add_entity(g, "location/崂山", KG.Location, "崂山")
    zhang = add_entity(g, "person/张彬", KG.Person, "张彬")
    g.add((haier, SCHEMA.location, qingdao))
    g.add((pingdu, SCHEMA.containedInPlace, qingdao))

    text = "5月28日,海尔卡奥斯与平度市政府签署了战略合作框架协议,青岛市委党校副教授张彬出席。"
    article = add_article(g, "000_abc-3", "海尔卡奥斯与平度莱西达成战略合作", text)
    g.add((article, SCHEMA.mentions, haier))
    g.add((article, SCHEMA.mentions, laoshan))
    sentence = add_sentence(g, article, 0, text)
    event = iri("event/000_abc-3-0")
    g.add((event, RDF.type, KG.Signing))
    g.add((event, KG.agent, haier))
    g.add((event, KG.partner, gov))
    g.add((event, SEM.hasPlace, qingdao))
    g.add((event, KG.trigger, Literal("签署", lang="zh")))
    g.add((event, KG.timeText, Literal("5月28日", lang="zh")))
    g.add((event, SEM.hasTimeStamp, Literal("2020-05-28", datatype=XSD.date)))
    g.add((event, KG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
    g.add((event, PROV.wasDerivedFrom, sentence))
    position = iri("position/000_abc-3-0")
    g.add((position, RDF.type, KG.Position))
    g.add((position, KG.holder, zhang))
    g.add((position, KG.organization, school))
    g.add((position, SCHEMA.roleName, Literal("副教授", lang="zh")))
    g.add((position, PROV.wasDerivedFrom, sentence))
    g.add((zhang, SCHEMA.worksFor, school))

    evil = add_entity(g, "org/evil", KG.Organization, HOSTILE_NAME, "坏人\u2028公司")
    bad = add_article(g, "001_evil-0", "标题" + HOSTILE, "正文" + HOSTILE)
    bad_sentence = add_sentence(g, bad, 2, HOSTILE + "\u2029")
    bad_event = iri("event/001_evil-0-0")
    g.add((bad_event, RDF.type, KG.Unveiling))
    g.add((bad_event, KG.theme, evil))
    g.add((bad_event, KG.destination, pingdu))
    g.add((bad_event, KG.trigger, Literal(HOSTILE)))
    g.add((bad_event, PROV.wasDerivedFrom, bad_sentence))
    return g


# fmt: off
NEWS_COUNTS = {"Organization": 4, "AdministrativeArea": 2, "Location": 1, "Person": 1, "Signing": 1, "Unveiling": 1}
# fmt: on
