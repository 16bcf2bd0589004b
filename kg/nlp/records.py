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


@dataclass(frozen=True)
class Position:
    """A person's post at an organization (青岛工业设计创新中心执行长封昌红), or in a place's
    government when ``org`` is a GPE (美国总统克林顿)."""

    person: Mention
    org: Mention
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


# --- plain data ------------------------------------------------------------------------------
# What the components put on a Doc is kept as plain lists, strings and numbers, so that
# ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=…)`` carry it; the
# ``doc._.kg_*`` attributes give it back as the records above.


def mention_data(m: Mention) -> list:
    return [m.start, m.end, m.label, m.text, m.name, m.alias]


def mention_of(data: list) -> Mention:
    return Mention(*data)


def event_data(e: Event) -> dict:
    return {
        "cls": e.cls, "trigger": e.trigger, "trigger_start": e.trigger_start, "sentence": list(e.sentence),
        "arguments": [[a.role, mention_data(a.mention)] for a in e.arguments],
        "places": [mention_data(p) for p in e.places], "time_text": e.time_text, "modality": e.modality,
        "confidence": e.confidence, "amounts": [[text, str(value)] for text, value in e.amounts],
    }


def event_of(data: dict) -> Event:
    return Event(
        cls=data["cls"], trigger=data["trigger"], trigger_start=data["trigger_start"],
        sentence=tuple(data["sentence"]),
        arguments=tuple(Argument(role, mention_of(m)) for role, m in data["arguments"]),
        places=tuple(mention_of(p) for p in data["places"]), time_text=data["time_text"],
        modality=data["modality"], confidence=data["confidence"],
        amounts=tuple((text, Decimal(value)) for text, value in data["amounts"]),
    )


def position_data(p: Position) -> list:
    return [mention_data(p.person), mention_data(p.org), p.title, list(p.sentence), p.confidence]


def position_of(data: list) -> Position:
    person, org, title, sentence, confidence = data
    return Position(mention_of(person), mention_of(org), title, tuple(sentence), confidence)


def location_data(loc: Location) -> list:
    return [mention_data(loc.org), mention_data(loc.place), list(loc.sentence), loc.confidence]


def location_of(data: list) -> Location:
    org, place, sentence, confidence = data
    return Location(mention_of(org), mention_of(place), tuple(sentence), confidence)


# Doc attribute → (what a record becomes, how it comes back)
CODECS = {
    "kg_mentions": (mention_data, mention_of),
    "kg_events": (event_data, event_of),
    "kg_positions": (position_data, position_of),
    "kg_locations": (location_data, location_of),
}
