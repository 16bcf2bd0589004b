"""Gold annotation files: what a reader says a page holds (format in docs/quality.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Gold:
    entities: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # name → (type, all names)
    participants: set[tuple[str, str, str, str]] = field(default_factory=set)  # article, class, role, name
    pairs: set[tuple[str, str, frozenset[str]]] = field(default_factory=set)  # article, class, {a, b}
    relations: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # type, subject, objects
    alternatives: dict[str, str] = field(default_factory=dict)  # an acceptable name → the first one given
    scored: set[str] = field(default_factory=set)  # what the files annotate: entities, events, relations

    def canonical(self, names: set[str]) -> str | None:
        """The gold entity that any of ``names`` names."""
        for name, (_, known) in self.entities.items():
            if known & names:
                return name
        for name in sorted(names):
            if name in self.alternatives:
                return self.alternatives[name]
        return None


def load_gold(paths: list[Path]) -> Gold:
    """Read and merge gold files.

    Raises:
        ValueError: a file that is not valid gold, naming the file and the problem.
    """
    gold = Gold()
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            gold.scored |= {k for k in ("entities", "events", "relations") if k in data}
            for ent in data.get("entities", []):
                gold.entities[ent["name"]] = (ent["type"], frozenset([ent["name"], *ent.get("aliases", [])]))
            for event in data.get("events", []):
                for p in event["participants"]:
                    if isinstance(p["name"], list):
                        gold.alternatives.update({alt: p["name"][0] for alt in p["name"]})
                        p["name"] = p["name"][0]
                names = [p["name"] for p in event["participants"]]
                for p in event["participants"]:
                    gold.participants.add((event["article"], event["class"], p["role"], p["name"]))
                for i, a in enumerate(names):
                    for b in names[i + 1:]:
                        gold.pairs.add((event["article"], event["class"], frozenset((a, b))))
            for rel in data.get("relations", []):
                objects = rel["object"] if isinstance(rel["object"], list) else [rel["object"]]
                gold.relations.append((rel["type"], rel["subject"], tuple(objects)))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{path}: not a kg gold file ({err.__class__.__name__}: {err})") from None
    # events and relations may name an entity by any of its names: use the canonical one
    name = lambda n: gold.canonical({n}) or n  # noqa: E731
    gold.participants = {(a, c, r, name(n)) for a, c, r, n in gold.participants}
    gold.pairs = {(a, c, frozenset(map(name, pair))) for a, c, pair in gold.pairs}
    gold.relations = [(t, name(s), tuple(map(name, objects))) for t, s, objects in gold.relations]
    return gold
