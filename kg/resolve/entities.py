"""One node per entity: canonical names, aliases, and places in their administrative hierarchy."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.nlp.records import Mention
from kg.resolve import gazetteer
from kg.resolve.aliases import abbreviations, expand_local


@dataclass
class Entity:
    """A canonical entity of the corpus."""

    label: str  # PERSON, ORG, GPE, LOC
    name: str  # canonical name
    aliases: set[str] = field(default_factory=set)  # other surface forms
    code: str | None = None  # GB/T 2260 code of an administrative area
    parent: tuple[str, str] | None = None  # key of the containing unit

    @property
    def key(self) -> tuple[str, str]:
        return (self.label, self.name)


def place_unit(name: str) -> gazetteer.Unit | None:
    """The administrative unit a place name stands for, when it stands for exactly one."""
    codes = gazetteer.names().get(name, ())
    return gazetteer.units()[codes[0]] if len(codes) == 1 else None


class EntityTable:
    """Collects mentions across the corpus and gives each the key of its canonical entity."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self.redirects: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, mention: Mention, home: gazetteer.Unit | None = None) -> tuple[str, str]:
        """Register a mention; returns its entity's key.

        Args:
            mention: the mention.
            home: the place the article is about, which local names refer to (市发展改革委).
        """
        label, name = mention.label, mention.name
        if label == "ORG":
            name = expand_local(name, home)
        unit = place_unit(name) if label == "GPE" else None
        if unit is not None:
            name = unit.name
        entity = self.entities.get(self.resolve((label, name)))  # merged names lead to the survivor
        if entity is None:
            entity = self.entities[(label, name)] = Entity(label, name)
            if unit is not None:
                entity.code = unit.code
                self._add_ancestors(entity, unit)
        for surface in (mention.text, mention.name) if mention.alias else (mention.name,):
            if surface != entity.name:
                entity.aliases.add(surface)
        return self.resolve(entity.key)

    def resolve(self, key: tuple[str, str]) -> tuple[str, str]:
        """The key an entity has after merging (itself if it was not merged)."""
        while key in self.redirects:
            key = self.redirects[key]
        return key

    def merge_abbreviations(self) -> None:
        """Merge an organization named by an abbreviation of another's name into that one
        (上合组织 into 上海合作组织), where exactly one organization has that abbreviation."""
        owners: dict[str, list[tuple[str, str]]] = {}
        for key, entity in self.entities.items():
            if entity.label == "ORG":
                for short in abbreviations(entity.name):
                    owners.setdefault(short, []).append(key)
        for key in sorted(self.entities):
            entity = self.entities[key]
            candidates = owners.get(entity.name, []) if entity.label == "ORG" else []
            if len(candidates) == 1 and candidates[0] != key:
                target = self.entities[candidates[0]]
                target.aliases |= entity.aliases | {entity.name}
                self.redirects[key] = candidates[0]
        for key in self.redirects:
            self.entities.pop(key, None)

    def add_name(self, label: str, name: str) -> tuple[str, str]:
        """Register an entity known by name alone (a byline author)."""
        return self.add(Mention(0, 0, label, name, name))

    def _add_ancestors(self, entity: Entity, unit: gazetteer.Unit) -> None:
        child = entity
        for parent in gazetteer.ancestors(unit.code):
            child.parent = ("GPE", parent.name)
            if child.parent in self.entities:
                break
            key = child.parent
            child = Entity("GPE", parent.name, code=parent.code)
            self.entities[key] = child
            short = gazetteer.short_form(parent.name)
            if short and short in gazetteer.names():
                child.aliases.add(short)
