"""``kg stats``: the numbers of a built graph, as one JSON-ready dictionary.

What it holds (``OUT/stats.json``): counts of entities by type, events, positions, articles,
mentions; events per class, per month and per year (the date is ``sem:hasTimeStamp``, else the
article's ``schema:datePublished``; events whose date gives no month are ``undated_events``); for the
organization and person–organization networks (:mod:`kg.analysis.networks`) their size, every
node's degree, weighted degree, PageRank, betweenness and community, and the communities; and the
entities of each type that take part in most events.

Events are those the text asserts (typed with their class, ``?e a kg:Signing``): the counts, dates,
networks and rankings are of what the news says happened. Planned and negated events
(``kg:PlannedEvent``, ``kg:NegatedEvent``) are counted apart, by class (``events_not_asserted``).
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.analysis.centrality import SEED, score_network
from kg.analysis.facts import ENTITY_CLASSES, Facts, read_facts
from kg.analysis.networks import organization_network, person_organization_network
from kg.rdf.namespaces import MODALITY_CLASS

STATS_FILE = "stats.json"
NETWORKS = {
    "organizations": ("organization network: bodies linked by the events they share", organization_network),
    "people_organizations": ("person–organization network: people linked to bodies by shared events and posts",
                             person_organization_network),
}
#: Members listed with each community in stats.json (those of highest PageRank first); every node
#: carries its community's number.
COMMUNITY_MEMBERS = 10


@dataclass
class StatsRun:
    """What :func:`run_stats` read, computed and wrote."""

    stats: dict
    source: Path  # the store folder or graph file read
    path: Path  # stats.json
    seconds: float


def find_graph(out: Path) -> Path:
    """The built graph in ``out``: ``graph.nt`` where ``--format nt`` wrote it, else ``graph.ttl``,
    else the store (``out/store``). The files come first: parsing one is several times faster than
    reading the same triples out of the on-disk store.

    Raises:
        FileNotFoundError: none is there; the message says how to make them.
    """
    from kg.sparql.store import STORE_DIR

    for path in (out / "graph.nt", out / "graph.ttl"):
        if path.is_file():
            return path
    if (out / STORE_DIR / "CURRENT").is_file():
        return out / STORE_DIR
    raise FileNotFoundError(f"no graph in {out} (no graph.ttl, no {STORE_DIR}/): build one with `kg build --out {out}`")


def run_stats(out: Path, *, seed: int = SEED, top: int = 20, sources: int | None = None) -> StatsRun:
    """Compute the statistics of the graph built in ``out`` and write ``out/stats.json``.

    Args:
        out: the output folder of ``kg build``.
        seed: the seed of Louvain and of the betweenness sample.
        top: entities listed per type under ``most_connected``.
        sources: nodes betweenness is estimated from (0: none); None to let the network's size
            decide (:func:`kg.analysis.centrality.betweenness_sources`).

    Returns:
        A :class:`StatsRun`: the statistics, what was read, the file written and the time taken.

    Raises:
        FileNotFoundError: ``out`` holds no graph.
    """
    started = time.perf_counter()
    source = find_graph(out)
    stats = compute_stats(read_facts(source), seed=seed, top=top, sources=sources)
    path = out / STATS_FILE
    path.write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return StatsRun(stats=stats, source=source, path=path, seconds=time.perf_counter() - started)


def compute_stats(facts: Facts, *, seed: int = SEED, top: int = 20, sources: int | None = None) -> dict:
    """The statistics of a graph's facts (see the module's docstring), JSON-ready."""
    not_asserted = {modality: Counter(e.cls for e in facts.events.values() if e.modality == modality)
                    for modality in MODALITY_CLASS}
    facts = facts.asserted()
    months: Counter = Counter()
    years: Counter = Counter()
    for event in facts.events.values():
        date = facts.date_of(event)  # 2020-05-28, 2020-05, 2020 or empty
        months[date[:7] if len(date) >= 7 else ""] += 1
        years[date[:4]] += 1
    undated = months.pop("", 0)
    years.pop("", None)
    return {
        "counts": {
            "entities": {cls: sum(e.cls == cls for e in facts.entities.values()) for cls in ENTITY_CLASSES},
            "events": len(facts.events),
            **{f"{modality}_events": sum(counts.values()) for modality, counts in not_asserted.items()},
            "event_participants": sum(link.name != "hasPlace" for link in facts.participants),
            "positions": len(facts.positions),
            "articles": len(facts.articles),
            "mentions": len(facts.mentions),
        },
        "events_per_class": _by_count(Counter(e.cls for e in facts.events.values())),
        "events_not_asserted": {modality: _by_count(counts) for modality, counts in not_asserted.items()},
        "events_per_month": dict(sorted(months.items())),
        "undated_events": undated,  # no month: a year at most
        "events_per_year": dict(sorted(years.items())),
        "networks": {name: network_stats(make(facts), description, seed=seed, sources=sources) for name, (description, make) in NETWORKS.items()},
        "most_connected": most_connected(facts, top=top),
    }


def network_stats(graph: nx.Graph, description: str, *, seed: int = SEED, sources: int | None = None) -> dict:
    """A network's size, its nodes' measures (highest PageRank first, then weighted degree) and its
    communities."""
    scores = score_network(graph, seed=seed, sources=sources)
    rank = {n: (-round(scores.pagerank[n], 6), -scores.weighted_degree[n], -scores.degree[n], n) for n in graph}
    nodes = sorted(graph, key=rank.get)
    return {
        "description": description,
        "nodes": len(graph),
        "edges": graph.number_of_edges(),
        "components": nx.number_connected_components(graph) if len(graph) else 0,
        "betweenness_sample": scores.betweenness_sample,
        "seed": seed,
        "communities": [
            {"id": i, "size": len(members),
             "members": [graph.nodes[n]["label"] for n in sorted(members, key=rank.get)[:COMMUNITY_MEMBERS]]}
            for i, members in enumerate(scores.communities)
        ],
        "ranking": [
            {"iri": n, "label": graph.nodes[n]["label"], "class": graph.nodes[n]["class"],
             "degree": scores.degree[n], "weighted_degree": scores.weighted_degree[n],
             "pagerank": round(scores.pagerank[n], 6), "betweenness": round(scores.betweenness.get(n, 0.0), 6),
             "community": scores.community[n]}
            for n in nodes
        ],
    }


def most_connected(facts: Facts, *, top: int = 20) -> dict[str, list[dict]]:
    """The ``top`` entities of each type that take part in most events (any role, and as an
    event's place), then hold most posts, then are mentioned in most articles."""
    events: dict[str, set[str]] = defaultdict(set)
    for link in facts.participants:
        events[link.object].add(link.subject)
    posts: Counter = Counter()
    for position in facts.positions.values():
        for who in {position.holder, position.organization, position.jurisdiction} - {""}:
            posts[who] += 1
    articles: Counter = Counter(entity for _, entity in facts.mentions)
    ranked: dict[str, list[dict]] = {cls: [] for cls in ENTITY_CLASSES}
    order = sorted(facts.entities.values(), key=lambda e: (-len(events[e.iri]), -posts[e.iri], -articles[e.iri], e.iri))
    for entity in order:
        if len(ranked[entity.cls]) < top:
            ranked[entity.cls].append({"iri": entity.iri, "label": entity.label, "events": len(events[entity.iri]),
                                       "positions": posts[entity.iri], "articles": articles[entity.iri]})
    return ranked


def _by_count(counter: Counter) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
