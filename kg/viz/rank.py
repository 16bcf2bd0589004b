"""What the page sizes and colours nodes by: PageRank and Louvain communities of the page's own graph.

The graph is the one the page draws (entities and events, roles and relations, taken both ways),
so a node's size and community say how it sits among what the reader sees. Both come from
:mod:`kg.analysis.centrality` (fixed seed: the same page for the same graph).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from kg.analysis.centrality import communities, pagerank

MIN_SIZE, MAX_SIZE = 10.0, 48.0
#: Colours of the largest communities (Tableau 10, then two more); the rest share :data:`OTHER`.
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#8cd17d", "#86bcb6"]
OTHER = "#d3d3d3"


@dataclass
class PageRanks:
    """Per node (by index): its size, its community (0 the largest) and that community's colour."""

    sizes: list[float]
    community: list[int]
    colours: list[str]
    communities: int


def rank_nodes(count: int, edges: list[tuple[int, int]]) -> PageRanks:
    """Sizes by PageRank (the square root of its share of the highest, from :data:`MIN_SIZE` to
    :data:`MAX_SIZE`) and Louvain communities of ``count`` nodes joined by ``edges``."""
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    for u, v in edges:
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += 1
        else:
            graph.add_edge(u, v, weight=1)
    ranks = pagerank(graph)
    top = max(ranks.values(), default=0.0) or 1.0
    sizes = [round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(ranks[i] / top), 1) for i in range(count)]
    found = communities(graph)
    community = [0] * count
    for number, members in enumerate(found):
        for node in members:
            community[node] = number
    colours = [PALETTE[c] if c < len(PALETTE) and len(found[c]) > 1 else OTHER for c in community]
    return PageRanks(sizes=sizes, community=community, colours=colours, communities=len(found))
