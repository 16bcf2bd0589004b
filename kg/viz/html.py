"""A kg graph -> one self-contained HTML page (pyvis + vis-network, every byte inline).

pyvis builds the network and renders it, with kg's own template (template.html, page.js,
page.css beside this file) instead of pyvis's, which pulls Bootstrap from a CDN and shows
tooltips as HTML. The layout is computed here (layout.py) and frozen: physics is off, so the
page draws at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from kg.viz.layout import compute_layout
from kg.viz.model import VizGraph, load_labels, read_graph
from kg.viz.rank import rank_nodes

TEMPLATE_DIR = Path(__file__).parent
PYVIS_TEMPLATE_DIR = Path(pyvis.__file__).parent / "templates"
EVENT_SHAPE = "diamond"
ENTITY_SHAPE = "dot"

# vis-network options; physics off because the positions come from compute_layout
OPTIONS = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {
        "hover": False,
        "tooltipDelay": 150,
        "hideEdgesOnDrag": True,
        "hideEdgesOnZoom": True,
        "navigationButtons": False,
        "keyboard": False,
    },
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 16, "face": "sans-serif", "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False, "drawThreshold": 5}},
    },
    "edges": {
        "smooth": False,
        "color": {"color": "#a0a0a0", "highlight": "#333333", "inherit": False},
        "width": 1,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 10, "face": "sans-serif", "color": "#555555", "strokeWidth": 2, "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
        "selectionWidth": 2,
    },
}
RELATION_ROLES = {"worksFor", "location", "containedInPlace", "jurisdiction"}
# entity-entity relations are told from event roles by colour: dashed lines draw far slower
RELATION_COLOR = {"color": "#86a6cf", "highlight": "#1f4e8c", "inherit": False}


def write_html(graph: Graph | VizGraph, path: Path, *, title: str = "kg") -> None:
    """Write the graph as one offline HTML page.

    Args:
        graph: A kg graph (see ontology.ttl); articles are not drawn, their sentences show
            in the tooltips of the entities and events they support. Or what the page shows,
            already read (:func:`kg.viz.model.read_graph`, :func:`kg.viz.select.read_store`).
        path: Where to write the page (UTF-8); the folder is created if missing.
        title: Page title and heading.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_html(graph, title=title).encode("utf-8"))


def render_html(graph: Graph | VizGraph, *, title: str = "kg") -> str:
    """The page :func:`write_html` writes, as a string; the same graph gives the same string."""
    viz = graph if isinstance(graph, VizGraph) else read_graph(graph)
    net = build_network(viz, title=title)
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(TEMPLATE_DIR), FileSystemLoader(PYVIS_TEMPLATE_DIR)]),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.filters["kgjson"] = dumps_script_json
    env.globals["kg"] = _page_data(viz)
    # pyvis's own Network.generate_html renders, with our loader in place of its template folder
    net.set_template_dir(str(TEMPLATE_DIR), "template.html")
    net.templateEnv = env
    return net.generate_html(name="graph.html")


def build_network(viz: VizGraph, *, title: str) -> Network:
    """A pyvis Network of the page's nodes (with frozen positions) and edges."""
    labels = load_labels()
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    positions = compute_layout(len(viz.nodes), [(e.source, e.target) for e in viz.edges])
    # pyvis checks every new node and every edge's ends against a list of node ids, O(nodes)
    # each; a list with set-speed membership keeps its behaviour at O(1)
    net.node_ids = _IdList()
    ranks = rank_nodes(len(viz.nodes), [(e.source, e.target) for e in viz.edges])  # size by PageRank, communities
    for i, node in enumerate(viz.nodes):
        if node.kind == "event":  # planned and negated events drawn pale, beside those that happened
            shape, color = EVENT_SHAPE, labels["unasserted_event_color" if node.modality else "event_color"]
        else:
            shape, color = ENTITY_SHAPE, labels["entities"][node.category]["color"]
        x, y = positions[i]
        net.add_node(
            i,
            label=node.name,
            shape=shape,
            color=color,
            size=ranks.sizes[i],
            x=round(float(x), 1),
            y=round(float(y), 1),
            kgKind=node.kind,
            kgCat=node.category,
            kgName=node.name,
            kgAlt=node.alt,
            kgFacts=[list(f) for f in node.facts],
            kgSents=node.sentences,
            kgSentTotal=node.sentence_total,
            kgArts=node.articles,
            kgArtTotal=node.article_total,
            kgCommunity=ranks.community[i],
            kgCommunityColor=ranks.colours[i],
        )
    for e in viz.edges:
        net.add_edge(e.source, e.target, label=e.label, kgRole=e.role)
    net.node_ids = list(net.node_ids)
    net.set_options(json.dumps(OPTIONS))
    return net


class _IdList(list):
    """A list with set-speed membership tests."""

    def __init__(self):
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def _page_data(viz: VizGraph) -> dict:
    labels = load_labels()
    counts: dict[str, int] = {}
    for node in viz.nodes:
        counts[node.category] = counts.get(node.category, 0) + 1
    entity_cats = [
        {"key": k, "label": viz.category_labels[k], "color": v["color"], "count": counts.get(k, 0)}
        for k, v in labels["entities"].items()
    ]
    event_keys = sorted(
        {n.category for n in viz.nodes if n.kind == "event"},
        key=lambda k: (list(labels["events"]).index(k) if k in labels["events"] else len(labels["events"]), k),
    )
    event_cats = [
        {"key": k, "label": viz.category_labels[k], "color": labels["event_color"], "count": counts[k]}
        for k in event_keys
    ]
    roles = [{"key": k, "label": v} for k, v in {**labels["roles"], **labels["relations"]}.items()]
    return {
        "entity_categories": entity_cats,
        "event_categories": event_cats,
        "roles": roles,
        "node_count": len(viz.nodes),
        "edge_count": len(viz.edges),
        "data": {
            "sentences": [list(s) for s in viz.sentences],
            "articles": viz.articles,
            "categories": {c["key"]: c["label"] for c in entity_cats + event_cats},
            "relationRoles": sorted(RELATION_ROLES),
            "relationColor": RELATION_COLOR,
        },
    }


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps_script_json(value, *, parse: bool = False) -> Markup:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--`` or line separators.

    Args:
        value: Any JSON-able value.
        parse: ``value`` is JSON text to parse first (pyvis hands its options over so).
    """
    if parse:
        value = json.loads(value)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)
