"""How fast is the graph page? Writes it for a kg-shaped graph and times it in headless Chromium.

    python bench/page.py                      # synthetic graph: 5,000 nodes, 10,000 edges
    python bench/page.py --ttl out/graph.ttl  # a real one
    python bench/page.py --nodes 1000 --edges 2000 --screenshot /tmp/page.png

Prints the seconds kg.viz spent writing the page, the page's seconds to interactive in headless
Chromium (navigation start to the page's ``window.kgReady``, set after vis-network's first
drawing), the file size and the node and edge counts. Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script, this file's folder comes first on sys.path and its name would shadow the
# standard library's html module, which networkx (through pyvis) imports
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from decimal import Decimal  # noqa: E402

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import PROV, SKOS  # noqa: E402

from kg.rdf.namespaces import KG, NIF, SCHEMA, SEM  # noqa: E402
from kg.viz.html import write_html  # noqa: E402

BASE = "https://w3id.org/kg-news/id/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync",
]
EVENT_CLASSES = ["Signing", "Unveiling", "Cooperation", "Hosting", "Opening", "Founding", "MoveIn",
                 "Investment", "Appointment", "Meeting", "Commission", "Acquisition"]
SYLLABLES = "海尔卡奥斯青岛平度莱西即墨黄岛崂山城阳胶州市南北东西新区科技集团股份有限公司大学研究院中心银行港口航空能源智能制造"


def synthetic_graph(n_nodes: int = 5000, n_edges: int = 10000, *, seed: int = 0) -> Graph:
    """A kg-shaped graph: 60 % entities (popularity skewed, as in news), 40 % events with role
    edges, positions, places in a hierarchy, and one sentence and article behind each event."""
    rng = random.Random(seed)
    g = Graph()
    n_events = n_nodes * 2 // 5
    n_entities = n_nodes - n_events
    kinds = (["Organization"] * 40 + ["AdministrativeArea"] * 20 + ["Location"] * 10 + ["Person"] * 30)
    paths = {"Organization": "org", "AdministrativeArea": "place", "Location": "location", "Person": "person"}
    entities: dict[str, list[URIRef]] = {k: [] for k in paths}
    names: set[str] = set()
    for i in range(n_entities):
        kind = kinds[i % len(kinds)]
        name = _name(rng, names)
        iri = URIRef(f"{BASE}{paths[kind]}/{name}")
        entities[kind].append(iri)
        g.add((iri, RDF.type, KG[kind]))
        g.add((iri, RDFS.label, Literal(name, lang="zh")))
        if rng.random() < 0.4:
            g.add((iri, SKOS.altLabel, Literal(name[: max(2, len(name) - 2)], lang="zh")))
        if kind == "AdministrativeArea":
            g.add((iri, KG.gbCode, Literal(f"37{rng.randrange(10000):04d}")))
    everyone = [e for k in paths for e in entities[k]]
    actors = entities["Organization"] + entities["Person"] + entities["AdministrativeArea"]
    places = entities["AdministrativeArea"] + entities["Location"]

    def pick(pool: list[URIRef]) -> URIRef:  # a few entities are in most of the news
        return pool[min(int(rng.paretovariate(0.9)) - 1, len(pool) - 1) if rng.random() < 0.5 else rng.randrange(len(pool))]

    edges = 0
    n_articles = max(1, n_events // 4)
    for a in range(n_articles):
        article = URIRef(f"{BASE}article/{a:04d}_page-{a % 7}")
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.headline, Literal(f"{_name(rng, set())}与{_name(rng, set())}签署战略合作协议", lang="zh")))
        g.add((article, KG.sourceFile, Literal(f"{a:04d}_page.txt")))
    for e in range(n_events):
        cls = EVENT_CLASSES[e % len(EVENT_CLASSES)]
        a = e % n_articles
        event = URIRef(f"{BASE}event/{a:04d}_page-{a % 7}-{e}")
        sentence = URIRef(f"{BASE}article/{a:04d}_page-{a % 7}#char={e * 10},{e * 10 + 60}")
        g.add((event, RDF.type, KG[cls]))
        agent, partner, place = pick(actors), pick(actors), pick(places)
        g.add((event, KG.agent, agent))
        g.add((event, KG.partner if e % 3 else KG.theme, partner))
        g.add((event, SEM.hasPlace, place))
        edges += 3
        g.add((event, KG.trigger, Literal("签署", lang="zh")))
        g.add((event, KG.timeText, Literal("5月28日", lang="zh")))
        g.add((event, SEM.hasTimeStamp, Literal("2020-05-28", datatype=XSD.date)))
        g.add((event, KG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
        g.add((event, PROV.wasDerivedFrom, sentence))
        g.add((sentence, RDF.type, KG.Sentence))
        g.add((sentence, NIF.anchorOf, Literal(f"5月28日,{agent.split('/')[-1]}与{partner.split('/')[-1]}在{place.split('/')[-1]}签署了战略合作框架协议。")))
        g.add((sentence, NIF.referenceContext, URIRef(f"{BASE}article/{a:04d}_page-{a % 7}")))
        g.add((URIRef(f"{BASE}article/{a:04d}_page-{a % 7}"), SCHEMA.mentions, agent))
    positions = 0
    relations: set[tuple] = set()
    while edges + len(relations) < n_edges:
        kind = rng.random()
        if kind < 0.4 and entities["Person"] and entities["Organization"]:
            person, org = rng.choice(entities["Person"]), pick(entities["Organization"])
            g.add((person, SCHEMA.worksFor, org))
            relations.add((person, SCHEMA.worksFor, org))
            pos = URIRef(f"{BASE}position/p-{positions}")
            positions += 1
            g.add((pos, RDF.type, KG.Position))
            g.add((pos, KG.holder, person))
            g.add((pos, KG.organization, org))
            g.add((pos, SCHEMA.roleName, Literal(rng.choice(["董事长", "总经理", "副教授", "书记"]), lang="zh")))
        elif kind < 0.7:
            triple = (rng.choice(entities["Organization"]), SCHEMA.location, pick(places))
            g.add(triple)
            relations.add(triple)
        else:
            triple = (rng.choice(places), SCHEMA.containedInPlace, pick(entities["AdministrativeArea"]))
            g.add(triple)
            relations.add(triple)
    assert len(everyone) == n_entities
    return g


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 6)))
        if name not in taken:
            taken.add(name)
            return name


def time_page(
    html: Path, *, screenshot: Path | None = None, select: str | None = None, size: tuple[int, int] = (1280, 800)
) -> float:
    """Seconds from navigation start to ``window.kgReady`` in headless Chromium; optionally a
    screenshot, after searching for ``select`` and showing it with its tooltip."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": size[0], "height": size[1]},
        )
        page = context.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=120_000)
        ready = page.evaluate("window.kgReadyAt") / 1000
        if screenshot:
            if select:
                page.locator("#search").fill(select)
                page.locator("#search").press("Enter")
                page.evaluate("kg.network.moveTo({scale: 0.9}); kg.network.redraw()")
                node = page.evaluate("kg.network.getSelectedNodes()[0]")
                at = page.evaluate("(id) => kg.network.canvasToDOM(kg.network.getPositions([id])[id])", node)
                box = page.locator("#mynetwork").bounding_box()
                page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
            page.wait_for_timeout(800)
            page.screenshot(path=str(screenshot), type="png")
        context.close()
    return ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttl", type=Path, help="a kg graph in Turtle instead of the synthetic one")
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--out", type=Path, help="where to write the page (default: a temporary file)")
    parser.add_argument("--runs", type=int, default=3, help="browser runs; the median is printed")
    parser.add_argument("--screenshot", type=Path, help="PNG of the page after the first run")
    parser.add_argument("--select", help="for the screenshot: search this name and show its node")
    parser.add_argument("--size", default="1280x800", help="browser window, WIDTHxHEIGHT")
    args = parser.parse_args()

    graph = Graph().parse(args.ttl) if args.ttl else synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "graph.html"
        start = time.perf_counter()
        write_html(graph, out, title=args.ttl.name if args.ttl else "kg bench")
        written = time.perf_counter() - start
        from kg.viz.model import read_graph

        viz = read_graph(graph)
        size = tuple(int(v) for v in args.size.split("x"))
        runs = sorted(
            time_page(out, screenshot=args.screenshot if i == 0 else None, select=args.select, size=size)
            for i in range(args.runs)
        )
        print(f"nodes {len(viz.nodes)}  edges {len(viz.edges)}  triples {len(graph)}")
        print(f"write_html {written:.2f} s  file {out.stat().st_size / 1e6:.2f} MB")
        print(f"interactive in Chromium {runs[len(runs) // 2]:.2f} s (median of {len(runs)}: "
              + ", ".join(f"{r:.2f}" for r in runs) + ")")


if __name__ == "__main__":
    main()
