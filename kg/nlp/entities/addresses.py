"""A statistical model's span over an address with a house number (滨海路8号, 滨海路8号星光大厦),
as the places it names: kg's annotation splits an address into its places and marks no house
number (docs/annotation.md)."""

from __future__ import annotations

import re

from kg.nlp import lexicons
from kg.nlp.entities.names import HAN, Candidate

# a street's or a lane's ending, then the number of a house on it
_NUMBERED = re.compile(r"(?:路|街|大道|巷|弄|里|胡同)([0-9０-９]+号)")
# what can follow the number as a building's or a compound's name: Chinese characters, not a floor
# or a room (二楼, 8层, 301室) and not a clause (的南京银行…, 之8…)
_BUILDING = re.compile(rf"(?![的之])[{HAN}]{{2,}}(?<![楼层室])")


def split_address(text: str, cand: Candidate) -> list[Candidate]:
    """The places of a span that holds a street's name and a house number: the part up to the street
    (its own label for a place's span, LOC for an organization's: 滨海路8号 read as an organization
    is the street 滨海路) and what follows the number, where that is a building's or a compound's
    name, as a LOC (滨海路8号|星光大厦; not an everyday word: 福山路３８号大院). People's names and
    spans with no house number stay.

    Of the corpora's ~141,000 gold names 22 places hold a house number, all at their end and none of
    them by kg's guideline (MSRA 5: 金台西路２号; CLUENER 17, whose addresses run whole: 文汇路716号);
    no organization and no person holds one.
    """
    match = _NUMBERED.search(text, cand.start, cand.end) if cand.label != "PERSON" else None
    if match is None or match.start(1) - cand.start < 3:
        return [cand]
    label = "LOC" if cand.label == "ORG" else cand.label
    parts = [Candidate(cand.start, match.start(1), label, cand.rule, None)]
    rest = text[match.end(1):cand.end]
    if _BUILDING.fullmatch(rest) and not lexicons.is_word(rest, 50):
        parts.append(Candidate(match.end(1), cand.end, "LOC", cand.rule, None))
    return parts
