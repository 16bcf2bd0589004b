"""Node size by PageRank and colour by community: the numbers, the page's data and its toggle."""

import json
import re

import networkx as nx
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from kg.viz.rank import MAX_SIZE, MIN_SIZE, OTHER, PALETTE, rank_nodes


def page_nodes(path):
    text = path.read_text(encoding="utf-8")
    return text, json.loads(re.search(r"^var KG_NODES = (.*);$", text, re.MULTILINE).group(1))


def test_viz_rank_star_centre_is_biggest():
    ranks = rank_nodes(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
    assert ranks.sizes[0] == MAX_SIZE
    assert all(MIN_SIZE <= size < MAX_SIZE for size in ranks.sizes[1:])
    assert len(set(ranks.sizes[1:])) == 1


def test_viz_rank_communities_coloured_largest_first():
    # two triangles joined by one edge, and a node alone
    ranks = rank_nodes(7, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    assert ranks.community[0] == ranks.community[1] == ranks.community[2] != ranks.community[3]
    assert ranks.community[3] == ranks.community[4] == ranks.community[5]
    assert {ranks.colours[0], ranks.colours[3]} == set(PALETTE[:2])
    assert ranks.colours[6] == OTHER  # a community of one takes no colour of its own
    assert ranks.communities == 3
    assert rank_nodes(7, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]) == ranks


def test_viz_rank_seed_page_sizes_by_pagerank(seed_out):
    text, nodes = page_nodes(seed_out / "graph.html")
    edges = json.loads(re.search(r"^var KG_EDGES = (.*);$", text, re.MULTILINE).group(1))
    graph = nx.Graph()
    graph.add_nodes_from(n["id"] for n in nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in edges)
    rank = _pagerank_python(graph)  # networkx's own, unweighted: the seed page repeats no pair
    size = {n["id"]: n["size"] for n in nodes}
    for a in graph:
        for b in graph:
            if rank[a] > rank[b] + 1e-9:
                assert size[a] >= size[b]
    biggest = max(nodes, key=lambda n: n["size"])
    assert biggest["size"] == MAX_SIZE
    organizations = [n for n in nodes if n["kgCat"] == "Organization"]
    assert max(organizations, key=lambda n: n["size"])["kgName"] == "海尔卡奥斯"
    assert all(MIN_SIZE <= n["size"] <= MAX_SIZE for n in nodes)
    assert all(isinstance(n["kgCommunity"], int) and re.fullmatch(r"#[0-9a-f]{6}", n["kgCommunityColor"]) for n in nodes)
    assert 'name="colour-by" value="community"' in text and "节点大小：PageRank" in text


@pytest.mark.browser
def test_viz_rank_browser_colour_toggle(news_html, open_page):
    page, log = open_page(news_html)
    by_type = page.evaluate("kg.nodes.get().map((n) => n.color)")
    page.locator("input[name=colour-by][value=community]").check()
    assert page.evaluate("kg.colourBy()") == "community"
    assert page.evaluate("kg.nodes.get().map((n) => n.color)") == page.evaluate("KG_NODES.map((n) => n.kgCommunityColor)")
    page.locator("input[name=colour-by][value=type]").check()
    assert page.evaluate("kg.nodes.get().map((n) => n.color)") == by_type
    assert log.errors == []
