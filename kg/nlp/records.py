"""What the pipeline finds, as small typed records (offsets are into the article text)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Mention:
    """An entity as the text names it; ``name`` is the name it stands for (usually ``text``)."""

    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC
    text: str
    name: str
    alias: bool = True  # the text is itself a name of the entity (卡奥斯); False for 平度市 in 平度市、莱西市政府


@dataclass(frozen=True)
class Argument:
    role: str  # agent, partner, theme, destination; representative (a person acting for a party)
    mention: Mention


@dataclass(frozen=True)
class Event:
    cls: str  # an event class of ontology.ttl: Signing, Unveiling …
    trigger: str
    trigger_start: int
    sentence: tuple[int, int]
    arguments: tuple[Argument, ...]
    places: tuple[Mention, ...] = ()
    time_text: str | None = None
    modality: str = "asserted"  # asserted, planned, negated
    confidence: float = 0.8
    amounts: tuple[tuple[str, Decimal], ...] = ()  # (text, value in its currency): 总投资10亿元, 3.5亿美元

    @property
    def trigger_span(self) -> tuple[int, int]:
        """(start, end) of the trigger in the article text."""
        return self.trigger_start, self.trigger_start + len(self.trigger)


@dataclass(frozen=True)
class Position:
    """A person's post at an organization (青岛工业设计创新中心执行长封昌红), in a place's
    government when ``org`` is a GPE (美国总统克林顿), or a post whose body the text does not name
    when ``org`` is None (副区长王五, 克林顿总统)."""

    person: Mention
    org: Mention | None
    title: str
    sentence: tuple[int, int]
    confidence: float = 0.8


@dataclass(frozen=True)
class Location:
    """An organization's place: 平度市的征和工业, 青岛海诺生物工程有限公司."""

    org: Mention
    place: Mention
    sentence: tuple[int, int]
    confidence: float = 0.7

