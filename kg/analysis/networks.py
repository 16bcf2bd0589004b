"""The graph's facts as networkx graphs.

- The **organization network**: organizations, and administrative areas that act as parties (a
  government named by its place: 海尔卡奥斯 signs with 平度市), linked by each event both take part in
  (any of kg's roles: agent, partner, theme, destination, representative); ``weight`` is the number
  of such events. :func:`kg.analysis.stats.compute_stats` builds both networks of the events the text
  asserts; the entity–event graph holds planned and negated ones too, marked by ``modality``.
- The **person–organization network**: people and those bodies, a person linked to a body by each
  event both take part in and each post the person holds there (``kg:holder`` with
  ``kg:organization`` or ``kg:jurisdiction``); ``weight`` is ``events + positions``.
- The **entity–event graph** (what ``--format gexf`` and ``graphml`` write): every entity and event
  as a node, each role an edge from the event to its party, each relation an edge between entities.

Nodes and edges are added in sorted order, so what is computed over them (Louvain with its seed)
is the same for the same graph, whether it was read from the store or from a file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from kg.analysis.facts import ACTOR_ROLES, Facts, Link, event_classes

#: Entity classes that count as bodies in the organization networks.
BODIES = ("Organization", "AdministrativeArea")


def event_parties(facts: Facts) -> dict[str, list[str]]:
    """Each event's parties (entities in an actor role), sorted, each once."""
    parties: dict[str, set[str]] = defaultdict(set)
    for link in facts.participants:
        if link.name in ACTOR_ROLES and link.object in facts.entities:
            parties[link.subject].add(link.object)
    return {event: sorted(found) for event, found in sorted(parties.items())}


def organization_network(facts: Facts) -> nx.Graph:
    """Bodies linked by the events they share (``weight``: how many)."""
    weights: Counter = Counter()
    nodes: set[str] = set()
    for parties in event_parties(facts).values():
        bodies = [p for p in parties if facts.entities[p].cls in BODIES]
        nodes.update(bodies)
        weights.update(combinations(bodies, 2))
    return _network(facts, nodes, {pair: {"weight": n, "events": n} for pair, n in weights.items()})


def person_organization_network(facts: Facts) -> nx.Graph:
    """People linked to bodies by the events they share and the posts they hold there (``weight``:
    events + positions, each also kept on its own)."""
    events: Counter = Counter()
    for parties in event_parties(facts).values():
        people = [p for p in parties if facts.entities[p].cls == "Person"]
        bodies = [p for p in parties if facts.entities[p].cls in BODIES]
        events.update((person, body) for person in people for body in bodies)
    posts: Counter = Counter()
    for position in facts.positions.values():
        body = position.organization or position.jurisdiction
        if position.holder in facts.entities and body in facts.entities:
            posts[position.holder, body] += 1
    edges = {pair: {"weight": events[pair] + posts[pair], "events": events[pair], "positions": posts[pair]}
             for pair in events.keys() | posts.keys()}
    return _network(facts, {n for pair in edges for n in pair}, edges)


def entity_event_graph(facts: Facts) -> nx.MultiDiGraph:
    """Entities and events as nodes (``kind``, ``class``, ``label``; events also ``date``,
    ``trigger``, ``time``, ``modality``, ``confidence``, ``amount``, ``article``), roles and relations
    as edges (``label``: agent … hasPlace, worksFor, location, containedInPlace, jurisdiction)."""
    zh = event_classes()
    graph = nx.MultiDiGraph()
    for iri in sorted(facts.entities):
        entity = facts.entities[iri]
        attrs = {"kind": "entity", "class": entity.cls, "label": entity.label, "iri": iri}
        if entity.aliases:
            attrs["aliases"] = "；".join(entity.aliases)
        if entity.code:
            attrs["gbCode"] = entity.code
        graph.add_node(iri, **attrs)
    for iri in sorted(facts.events):
        event = facts.events[iri]
        attrs = {"kind": "event", "class": event.cls, "label": zh.get(event.cls) or event.cls, "iri": iri}
        optional = {
            "date": facts.date_of(event), "trigger": "；".join(event.triggers), "time": event.time_text,
            "modality": event.modality, "amount": "；".join(event.amounts), "article": facts.article_of(event.sentences),
        }
        attrs.update({k: v for k, v in optional.items() if v})
        if event.confidence is not None:
            attrs["confidence"] = event.confidence
        graph.add_node(iri, **attrs)
    for link in [*facts.participants, *facts.relations, *_jurisdictions(facts)]:
        if link.subject in graph and link.object in graph:
            graph.add_edge(link.subject, link.object, label=link.name)
    return graph


def _jurisdictions(facts: Facts) -> list[Link]:
    """Posts in a place's government as links person → place (郑州市市长王新伟)."""
    found = {Link(p.holder, "jurisdiction", p.jurisdiction) for p in facts.positions.values() if p.jurisdiction}
    return sorted(found, key=lambda link: (link.subject, link.object))


def _network(facts: Facts, nodes: set[str], edges: dict[tuple[str, str], dict]) -> nx.Graph:
    graph = nx.Graph()
    for iri in sorted(nodes):
        entity = facts.entities[iri]
        graph.add_node(iri, label=entity.label, **{"class": entity.cls})
    for (a, b), attrs in sorted(edges.items()):
        graph.add_edge(a, b, **attrs)
    return graph
