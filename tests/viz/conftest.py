"""Graphs built by hand with rdflib (no kg build), and a headless Chromium for the browser tests."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as rdfns
from rdflib.namespace import PROV, SKOS

from kg.rdf.namespaces import KG, NIF, SCHEMA, SEM

BASE = "https://w3id.org/kg-news/id/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync",
]
HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> 'single' \"double\" </script><!--"
HOSTILE_NAME = "恶意<b>公司</b>\"'"


# rdflib's XSD is not imported by name here: pytest probes a conftest's globals for
# attributes such as _mock_name, and XSD warns on every unknown term


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs /usr/bin/chromium and playwright")


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
    g.add((node, NIF.beginIndex, Literal(begin, datatype=rdfns.XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(begin + len(text), datatype=rdfns.XSD.nonNegativeInteger)))
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
    g.add((event, SEM.hasTimeStamp, Literal("2020-05-28", datatype=rdfns.XSD.date)))
    g.add((event, KG.confidence, Literal(Decimal("0.8"), datatype=rdfns.XSD.decimal)))
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


@pytest.fixture
def news_graph() -> Graph:
    return build_news_graph()


@pytest.fixture(scope="module")
def news_html(tmp_path_factory) -> Path:
    from kg.viz.html import write_html

    path = tmp_path_factory.mktemp("viz") / "graph.html"
    write_html(build_news_graph(), path, title="测试 <i>图</i>")
    return path


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    """A persistent headless Chromium with a fresh profile; skips where there is none."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is missing: pip install playwright==1.65.2"
    )
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


class PageLog:
    """What a page did that it should not: console errors, requests off file:, dialogs."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.requests.append(r.url))

        def dismiss(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)


@pytest.fixture
def open_page(browser_context):
    """Open an HTML file and wait until the page says it is ready; returns (page, log)."""
    pages = []

    def _open(path: Path):
        page = browser_context.new_page()
        pages.append(page)
        log = PageLog(page)
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=30_000)
        return page, log

    yield _open
    for page in pages:
        page.close()
