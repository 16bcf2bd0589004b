"""A place's name and the noun of a kind of body or group (中国公司, 日本金融机构, 温州企业): the noun
says where such bodies are from and names none, so the place is the entity. A statistical model
reads these as organizations, and so does the organization suffix rule (公司 ends names)."""

from __future__ import annotations

from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.model_spans import group_nouns
from kg.nlp.entities.names import Candidate
from kg.nlp.entities.organizations import is_place_name
from kg.nlp.train import place_label


@lru_cache(maxsize=1)
def _kind_nouns() -> tuple[str, ...]:
    return lexicons.word_list("entities/kind_nouns.txt")


def _place_before(name: str, nouns: tuple[str, ...]) -> str | None:
    noun = next((n for n in nouns if name.endswith(n) and len(name) > len(n)), None)
    return name[: -len(noun)] if noun else None


def place_of_kind(text: str, cand: Candidate) -> Candidate:
    """An organization that is a country's name and the noun of a kind of body (中国公司, 日本金融机构,
    台湾上市公司: ``entities/kind_nouns.txt``), or any place's name and a group noun (温州企业, 香港各界:
    ``events/group_nouns.txt``), as that place; any other candidate as it is.

    Only a country's name before a kind noun: a county's or a town's and 公司 is often a company's
    short name (兴平公司, 13 of the corpora's gold organizations). Of their ~39,000 gold organizations
    5 are read so (新西兰公司, a shipping group's unit; 中国作家, a magazine), while 87 gold countries
    stand right before a kind noun and 801 gold places before a group noun, each marked alone.
    """
    if cand.label != "ORG":
        return cand
    name = text[cand.start:cand.end]
    place = _place_before(name, _kind_nouns())
    if place not in lexicons.countries():
        place = _place_before(name, group_nouns())
        if place is None or not is_place_name(place):
            return cand
    return Candidate(cand.start, cand.start + len(place), place_label(place), cand.rule, None)
