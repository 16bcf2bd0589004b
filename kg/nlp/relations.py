"""Relations beyond events: a person's position at an organization, an organization's place."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Location, Mention, Position
from kg.nlp.text import sentences

_HAN = "\u4e00-\u9fff"


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return lexicons.word_list("entities/person_titles.txt")


_MAX_GAP = 10


def find_positions(text: str, mentions: list[Mention]) -> list[Position]:
    """``ORG [的] [unit] TITLE PERSON``: 青岛工业设计创新中心执行长封昌红 → 封昌红, 执行长. The role
    name is everything between organization and person (运营拓展部负责人)."""
    found = []
    orgs = [m for m in mentions if m.label == "ORG"]
    for sent in sentences(text):
        for person in (m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]):
            for org in orgs:
                gap = text[org.end:person.start].strip()
                if not (0 < person.start - org.end <= _MAX_GAP and org.start >= sent[0]):
                    continue
                role = gap[1:] if gap.startswith("的") else gap
                if role.endswith(_titles()) and re.fullmatch(rf"[{_HAN}]+", role):
                    found.append(Position(person, org, role, sent))
    return found


def find_locations(text: str, mentions: list[Mention]) -> list[Location]:
    """An organization whose name starts with a place (青岛海诺生物工程有限公司 in 青岛), or that
    follows ``PLACE的`` (平度市的征和工业)."""
    from kg.resolve.gazetteer import names

    found = []
    places = [m for m in mentions if m.label in ("GPE", "LOC")]
    orgs = [m for m in mentions if m.label == "ORG"]
    for sent in sentences(text):
        listed: Mention | None = None  # the place of a list: 平度市的 A、B、C
        previous: Mention | None = None
        for org in (m for m in orgs if sent[0] <= m.start < sent[1]):
            before = next((p for p in places if p.end == org.start - 1 and text[p.end] == "的"), None)
            if before is None and listed and previous and text[previous.end:org.start] == "、":
                before = listed
            listed, previous = before, org
            prefix = place_prefix(org.name, names())
            if before is not None:
                found.append(Location(org, before, sent))
            elif prefix and org.text.startswith(prefix):
                place = Mention(org.start, org.start + len(prefix), "GPE", prefix, prefix)
                found.append(Location(org, place, sent))
    return found


def place_prefix(name: str, place_names) -> str | None:
    """The longest known place that a name starts with (青岛海诺… → 青岛)."""
    for size in range(min(len(name) - 1, 8), 1, -1):
        if name[:size] in place_names:
            return name[:size]
    return None
