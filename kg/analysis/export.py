"""The graph for network and table tools: ``kg build --format gexf|graphml|csv``.

- ``gexf`` → ``graph.gexf`` (Gephi) and ``graphml`` → ``graph.graphml`` (Cytoscape, yEd, igraph, R),
  both written by networkx from the entity–event graph (:func:`kg.analysis.networks.entity_event_graph`):
  every entity and event a node (``kind`` entity/event, ``class`` Organization … Signing …,
  ``label`` the canonical name or the event class in Chinese, ``date``, ``iri`` …), each role and
  relation an edge labelled agent, partner … worksFor. Each node also has ``pagerank`` and
  ``community`` (Louvain, fixed seed), computed over that graph with its edges taken both ways.
- ``csv`` → ``tables/*.csv`` (:mod:`kg.analysis.tables`).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.analysis.centrality import SEED, communities, pagerank
from kg.analysis.facts import Facts, read_facts
from kg.analysis.networks import entity_event_graph
from kg.analysis.tables import write_tables

#: ``--format`` names → what they write in the output folder (``tables`` is a folder).
EXPORT_FILES = {"gexf": ["graph.gexf"], "graphml": ["graph.graphml"], "csv": ["tables"]}


def write_exports(source: Facts | ox.Store | Graph | Path, folder: Path, formats: list[str], *, seed: int = SEED) -> list[Path]:
    """Write the graph into ``folder`` in each of ``formats`` (names of :data:`EXPORT_FILES`).

    Args:
        source: the graph's facts, or what :func:`kg.analysis.facts.read_facts` reads them from
            (a store, an rdflib graph, a store folder or graph file); read once for all formats.
        folder: where the files go.
        formats: gexf, graphml, csv.
        seed: the seed of the Louvain communities.

    Returns:
        The files (and, for csv, the folder) written, in order.

    Raises:
        ValueError: an unknown format name.
    """
    unknown = [f for f in formats if f not in EXPORT_FILES]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}: use {', '.join(EXPORT_FILES)}")
    formats = list(dict.fromkeys(formats))
    if not formats:
        return []
    facts = source if isinstance(source, Facts) else read_facts(source, texts="csv" in formats)
    written: list[Path] = []
    graph = scored_graph(facts, seed=seed) if {"gexf", "graphml"} & set(formats) else None
    for fmt in formats:
        if fmt == "gexf":
            path = folder / "graph.gexf"
            nx.write_gexf(graph, path, encoding="utf-8")
        elif fmt == "graphml":
            path = folder / "graph.graphml"
            nx.write_graphml(graph, path, encoding="utf-8")
        else:
            path = folder / "tables"
            write_tables(facts, path)
        written.append(path)
    return written


def scored_graph(facts: Facts, *, seed: int = SEED) -> nx.MultiDiGraph:
    """The entity–event graph with ``pagerank`` and ``community`` on every node."""
    graph = entity_event_graph(facts)
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v in graph.edges():
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    ranks = pagerank(simple)
    found = {node: i for i, members in enumerate(communities(simple, seed=seed)) for node in members}
    for node, attrs in graph.nodes(data=True):
        attrs["pagerank"] = round(ranks[node], 8)
        attrs["community"] = found[node]
    return graph
