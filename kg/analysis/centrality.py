"""Who is central and who clusters: degree, weighted degree, PageRank, betweenness and Louvain
communities of a network, the same for the same graph (fixed seeds).

PageRank is computed here with numpy, by the power iteration networkx's ``pagerank`` documents
(same damping, tolerance, and the rank of nodes without edges spread over all nodes), because
networkx's own implementation needs SciPy, which kg does not otherwise use. Betweenness counts
shortest paths in hops (weights are counts of shared events, not distances). networkx computes it
in pure Python, one breadth-first search per source node (about 2 µs per node and edge visited),
so it is exact where that takes a few seconds (:data:`BETWEENNESS_BUDGET`) and beyond that
estimated from as many source nodes as fit in that time, at least :data:`MIN_SOURCES`, drawn with
the seed (networkx's ``k``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np

SEED = 0
#: Breadth-first work allowed for betweenness, in sources × (nodes + edges): a few seconds.
BETWEENNESS_BUDGET = 2_000_000
MIN_SOURCES = 50  # sources sampled at least, however big the network


@dataclass
class Scores:
    """The measures of each node of a network, and its communities."""

    degree: dict[str, int] = field(default_factory=dict)
    weighted_degree: dict[str, float] = field(default_factory=dict)
    pagerank: dict[str, float] = field(default_factory=dict)
    betweenness: dict[str, float] = field(default_factory=dict)
    community: dict[str, int] = field(default_factory=dict)  # 0 is the largest community
    communities: list[list[str]] = field(default_factory=list)  # members, largest first
    betweenness_sample: int | None = None  # source nodes sampled for betweenness; None: all (exact); 0: not computed


def score_network(graph: nx.Graph, *, seed: int = SEED, sources: int | None = None) -> Scores:
    """Degree, weighted degree (``weight``), PageRank, betweenness and Louvain communities.

    Args:
        graph: an undirected network with ``weight`` on its edges.
        seed: the seed of Louvain and of the betweenness sample.
        sources: nodes to estimate betweenness from (all of them when there are fewer; 0 leaves
            betweenness out); None to choose by :func:`betweenness_sources`.

    Returns:
        The :class:`Scores` of every node.
    """
    scores = Scores()
    scores.degree = dict(graph.degree())
    scores.weighted_degree = dict(graph.degree(weight="weight"))
    scores.pagerank = pagerank(graph)
    if sources is None:
        sources = betweenness_sources(len(graph), graph.number_of_edges())
    if sources and len(graph):
        k = sources if sources < len(graph) else None
        scores.betweenness = nx.betweenness_centrality(graph, k=k, seed=seed if k else None)
        scores.betweenness_sample = k
    else:
        scores.betweenness_sample = 0
    scores.communities = communities(graph, seed=seed)
    scores.community = {node: i for i, members in enumerate(scores.communities) for node in members}
    return scores


def betweenness_sources(nodes: int, edges: int, *, budget: int = BETWEENNESS_BUDGET) -> int:
    """How many source nodes betweenness is computed from: all where that fits in ``budget``,
    else as many as fit, at least :data:`MIN_SOURCES` (and never more than there are nodes)."""
    if nodes * (nodes + edges) <= budget:
        return nodes
    return min(nodes, max(MIN_SOURCES, budget // (nodes + edges)))


def communities(graph: nx.Graph, *, seed: int = SEED) -> list[list[str]]:
    """Louvain communities (networkx, ``weight``, fixed seed), largest first, members sorted.

    A node without edges is a community of its own (as Louvain would find); Louvain runs on the
    others only, which in a news graph (most entities take part in no event) is several times faster.
    """
    linked = [node for node in graph if graph.degree(node)]
    found = [{node} for node in graph if not graph.degree(node)]
    if linked:
        found += nx.community.louvain_communities(graph.subgraph(linked), weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100, weight: str = "weight") -> dict:
    """PageRank of every node, as ``networkx.pagerank(graph, alpha, weight=weight)`` computes it.

    An undirected graph's edges count both ways; a node without edges spreads its rank over all
    nodes. Edges without ``weight`` weigh 1.

    Raises:
        networkx.PowerIterationFailedConvergence: no convergence within ``max_iter`` iterations.
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v], float(d.get(weight, 1))) for u, v, d in graph.edges(data=True)]
    if not graph.is_directed():
        edges += [(v, u, w) for u, v, w in edges if u != v]
    src = np.fromiter((e[0] for e in edges), dtype=np.int64, count=len(edges))
    dst = np.fromiter((e[1] for e in edges), dtype=np.int64, count=len(edges))
    w = np.fromiter((e[2] for e in edges), dtype=float, count=len(edges))
    out = np.bincount(src, weights=w, minlength=n)
    share = np.divide(w, out[src], out=np.zeros_like(w), where=out[src] != 0)
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, weights=last[src] * share, minlength=n)
        x += (alpha * last[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            return {node: float(x[i]) for i, node in enumerate(nodes)}
    raise nx.PowerIterationFailedConvergence(max_iter)
