"""Which event mentions of an article tell the same event (a headline, its lead and the body often
retell one signing three times).

Two mentions are one event when they are of the same class and modality, each names a party, the
parties of one are among the other's (甲与乙签约 … 甲签约的项目 …), and their times do not differ
(5月28日 and 6月3日 are two events; a mention with no time, or 近日, fits any); a place's government
stands for the place. A mention that fits
more than one event told before it (甲 after 甲与乙 and 甲与丙 signed, 分别) stays an event of its own:
kg does not guess which it retells. Measured against the coreference readings of
``annotations/events/coreference.jsonl`` by ``bench/events.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kg.nlp.records import Event, Mention

GOVERNMENT = ("人民政府", "政府")
RELATIVE_TIMES = frozenset(("近日", "日前", "今天", "昨天", "昨日", "今日", "当天", "本周", "上周"))

T = TypeVar("T")


@dataclass(frozen=True)
class Told:
    """What coreference compares of a mention."""

    cls: str
    parties: frozenset[str]
    time: str | None
    modality: str


def party(name: str) -> str:
    """A party as coreference compares it: a place's government is the place (平度市政府, 平度市)."""
    for ending in GOVERNMENT:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def told(event: Event, name: Callable[[Mention], str] = lambda m: m.name) -> Told:
    """What coreference compares of ``event``; ``name`` gives a party's name (the graph passes the
    canonical one: 平度 and 平度市 are one party)."""
    parties = frozenset(party(name(a.mention)) for a in event.arguments if a.role != "representative")
    time = event.time_text if event.time_text not in RELATIVE_TIMES else None
    return Told(event.cls, parties, time, event.modality)


def _fits(mention: Told, group: list[Told]) -> bool:
    parties = frozenset().union(*(g.parties for g in group))
    times = {g.time for g in group if g.time}
    return (
        mention.cls == group[0].cls and mention.modality == group[0].modality
        and bool(mention.parties) and bool(parties)
        and (mention.parties <= parties or parties <= mention.parties)
        and (mention.time is None or not times or mention.time in times)
    )


def clusters(mentions: Sequence[T], key: Callable[[T], Told] = told) -> list[list[T]]:
    """The mentions grouped by the event they tell, in order of first mention."""
    groups: list[list[T]] = []
    described: list[list[Told]] = []
    for mention in mentions:
        seen = key(mention)
        fitting = [i for i, group in enumerate(described) if _fits(seen, group)]
        if len(fitting) == 1:
            groups[fitting[0]].append(mention)
            described[fitting[0]].append(seen)
        else:
            groups.append([mention])
            described.append([seen])
    return groups


def merged(group: list[Event], name: Callable[[Mention], str] = lambda m: m.name) -> Event:
    """One event for a group of mentions: the first mention's trigger, sentence and time where it has
    one, every party of any mention once (the first role and name it is given: 平度市 and a later
    平度市政府 are one party), the highest confidence."""
    first = group[0]
    arguments, seen = [], set()
    for event in group:
        for arg in event.arguments:
            if party(name(arg.mention)) not in seen:
                seen.add(party(name(arg.mention)))
                arguments.append(arg)
    places = {p.name: p for e in group for p in e.places}
    time = next((e.time_text for e in group if e.time_text), None)
    amounts = next((e.amounts for e in group if e.amounts), ())
    return Event(
        cls=first.cls, trigger=first.trigger, trigger_start=first.trigger_start, sentence=first.sentence,
        arguments=tuple(arguments), places=tuple(places.values()), time_text=time, modality=first.modality,
        confidence=max(e.confidence for e in group), amounts=amounts,
    )
