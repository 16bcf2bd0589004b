"""The written page, read as text: self-contained, UTF-8, deterministic, and inert data."""

import json
import re

import pytest
from rdflib import Graph
from viz_graphs import HOSTILE, NEWS_COUNTS, build_news_graph

from kg.viz.html import dumps_script_json, render_html


def test_viz_page_is_utf8_with_legend_and_title(news_html):
    text = news_html.read_bytes().decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    assert 'id="legend"' in text
    for label in ("组织机构", "行政区域", "地点", "人物", "签约", "揭牌", "主体", "对方", "客体", "目的地", "任职"):
        assert label in text
    # the title is text, escaped by the template
    assert "<title>测试 &lt;i&gt;图&lt;/i&gt;</title>" in text


def test_viz_page_loads_nothing_from_the_network(news_html):
    text = news_html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.IGNORECASE)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", text, re.IGNORECASE)
    assert not re.search(r"@import", text, re.IGNORECASE)
    assert "<link" not in text
    assert "default-src 'none'" in text


def test_viz_page_inlines_vis_network(news_html):
    text = news_html.read_text(encoding="utf-8")
    assert "vis-network" in text and ".vis-network" in text  # the library and its stylesheet
    assert text.count("</script>") == 2  # ours; vis-network's own copy is written "</" + "script>"


def test_viz_page_keeps_hostile_text_out_of_markup(news_html):
    text = news_html.read_text(encoding="utf-8")
    assert HOSTILE not in text
    assert "<img" not in text
    assert "<!--" not in text
    assert "\u2028" not in text and "\u2029" not in text
    # the text is there, escaped inside the JSON
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in text


def test_viz_page_embeds_one_node_per_entity_and_event(news_html):
    text = news_html.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"^var KG_NODES = (.*);$", text, re.MULTILINE).group(1))
    assert len(nodes) == sum(NEWS_COUNTS.values())
    assert {n["kgCat"] for n in nodes} == set(NEWS_COUNTS)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    options = json.loads(re.search(r"^var KG_OPTIONS = (.*);$", text, re.MULTILINE).group(1))
    assert options["physics"]["enabled"] is False


def test_viz_page_is_deterministic(news_graph):
    shuffled = Graph()
    for triple in sorted(news_graph, reverse=True):
        shuffled.add(triple)
    assert render_html(news_graph).encode() == render_html(shuffled).encode()


def test_viz_write_html_creates_folder(tmp_path):
    from kg.viz.html import write_html

    path = tmp_path / "out" / "graph.html"
    write_html(build_news_graph(), path)
    assert path.read_bytes() == render_html(build_news_graph()).encode("utf-8")


def test_viz_page_of_empty_graph(tmp_path):
    text = render_html(Graph())
    assert "var KG_NODES = [];" in text


@pytest.mark.parametrize("value,expected", [
    ("</script>", '"\\u003c/script\\u003e"'),
    ("<!--", '"\\u003c!--"'),
    ("a&b", '"a\\u0026b"'),
    ("行\u2028分\u2029段", '"行\\u2028分\\u2029段"'),
    ("中文", '"中文"'),
    ({"b": 1, "a": [1, 2]}, '{"a":[1,2],"b":1}'),
])  # fmt: skip
def test_viz_dumps_script_json(value, expected):
    out = dumps_script_json(value)
    assert str(out) == expected
    assert json.loads(str(out)) == value


def test_viz_dumps_script_json_parses_json_text():
    assert str(dumps_script_json('{"x": "<b>"}', parse=True)) == '{"x":"\\u003cb\\u003e"}'



def test_viz_page_draws_planned_events_pale_and_named_so(news_graph):
    from rdflib import RDF, URIRef

    from kg.rdf.namespaces import KG, SEM
    from kg.viz.model import load_labels

    planned = URIRef("https://w3id.org/kg-news/id/event/plan")
    news_graph.add((planned, RDF.type, KG.PlannedEvent))
    news_graph.add((planned, SEM.eventType, KG.Signing))
    text = render_html(news_graph)
    nodes = json.loads(re.search(r"^var KG_NODES = (.*);$", text, re.MULTILINE).group(1))
    colours = {n["kgName"]: n["color"] for n in nodes if n["kgKind"] == "event"}
    labels = load_labels()
    assert colours["签约（计划）"] == labels["unasserted_event_color"] != labels["event_color"] == colours["签约"]
