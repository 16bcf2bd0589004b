"""Relations beyond events: a person's position at an organization, an organization's place."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Location, Mention, Position
from kg.nlp.text import sentences

_HAN = "\u4e00-\u9fff"


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    titles = "|".join(map(re.escape, lexicons.word_list("entities/person_titles.txt")))
    # a department may sit between organization and title: 青岛工业设计创新中心 运营拓展部 负责人
    return re.compile(rf"(?:的)?((?:[{_HAN}]{{0,8}}?)(?:{titles}))\s?$")


def find_positions(text: str, mentions: list[Mention]) -> list[Position]:
    """``ORG [的] TITLE PERSON``: 青岛市委党校经济学教研部副教授张彬 → 张彬, 副教授 at the 教研部."""
    found = []
    by_end = {m.end: m for m in mentions if m.label == "ORG"}
    for sent in sentences(text):
        for person in (m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]):
            window = text[max(sent[0], person.start - 16):person.start]
            match = _title_re().search(window)
            if not match:
                continue
            org_end = person.start - len(match.group(0))
            org = by_end.get(org_end)
            if org is None:
                continue
            found.append(Position(person, org, match.group(1), sent))
    return found


def find_locations(text: str, mentions: list[Mention]) -> list[Location]:
    """An organization whose name starts with a place (青岛海诺生物工程有限公司 in 青岛), or that
    follows ``PLACE的`` (平度市的征和工业)."""
    found = []
    places = [m for m in mentions if m.label in ("GPE", "LOC")]
    for sent in sentences(text):
        for org in (m for m in mentions if m.label == "ORG" and sent[0] <= m.start < sent[1]):
            for place in places:
                if place.end == org.start - 1 and text[place.end] == "的" or (
                    place.start == org.start and place.end < org.end
                ):
                    found.append(Location(org, place, sent))
    return found


def place_prefix(name: str, place_names: set[str]) -> str | None:
    """The longest known place that a name starts with (青岛海诺… → 青岛)."""
    for size in range(min(len(name) - 1, 8), 1, -1):
        if name[:size] in place_names:
            return name[:size]
    return None
