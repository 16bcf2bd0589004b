"""The body of a post read before a name, where the organization found there is not that body as
the name gives it: a ministry whose 部 opens the title (美国财政部长: 财政部长 of 美国), a generic body
that names no one body (省委书记, 人大副主任: a post with no body), a unit of the body that opens the
title (铁道部党组书记: 党组书记 of 铁道部)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention, Position
from kg.nlp.text import HAN as _HAN

_LEVELS = "省市区县镇乡村州"  # 省委, 市人大, 县政府: the level of the place, no place named


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(lexicons.word_list("entities/generic_bodies.txt"))


@lru_cache(maxsize=1)
def _non_government() -> tuple[str, ...]:
    return lexicons.word_list("entities/non_government_titles.txt")


@lru_cache(maxsize=1)
def _units() -> tuple[str, ...]:
    return lexicons.word_list("entities/title_units.txt")  # longest first


def is_generic(name: str) -> bool:
    """True for a body's name that names no one body (省委, 县人大, 政府, 书记处): the annotation
    gives it no entity, and a post at it no body."""
    return name in _generic() or (len(name) > 1 and name[0] in _LEVELS and name[1:] in _generic())


@lru_cache(maxsize=1)
def level_generic() -> str:
    """A pattern of a generic body named with its level (省纪委, 市政协, 县人大常委会)."""
    return rf"(?:[{_LEVELS}](?:{'|'.join(map(re.escape, sorted(_generic(), key=len, reverse=True)))}))"


def in_government(title: str) -> bool:
    """False for a post that a place before it does not give (美国助理教授, 驻意大利记者: scholars,
    the press, a company's 董事长 hold no post in a place's government)."""
    return not title.endswith(_non_government())


def positions(person: Mention, org: Mention, titles: list[str], sent: tuple[int, int]) -> list[Position]:
    """The positions of ``titles`` read right after ``org``, each at the body :func:`post_at` gives."""
    return [Position(person, *post_at(org, title), sent) for title in titles]


@lru_cache(maxsize=1)
def _kind_nouns() -> tuple[str, ...]:
    """The nouns an organization's name ends with (委员会, 俱乐部, 公司) that stand for it alone
    once it is named; one-character ones (部, 团) are too short to tell."""
    return tuple(sorted((s for s in lexicons.table("entities/org_suffixes.tsv") if len(s) > 1), key=len, reverse=True))


def named_before(text: str, at: int, holders: list[Mention], sent: tuple[int, int]) -> tuple[Mention, int] | None:
    """The organization a kind noun at ``at`` stands for, named earlier in the sentence (天津某某足球
    俱乐部正式挂牌，张三出任俱乐部总经理; …有限公司开业，李四担任了公司的董事长), and where the post
    after the noun (and its 的) starts; None where no such noun stands there, or where it opens a
    longer name (俱乐部联合会)."""
    noun = next((k for k in _kind_nouns() if text.startswith(k, at)), None)
    if noun is None or any(h.start == at and h.end > at + len(noun) for h in holders):
        return None
    named = [h for h in holders if sent[0] <= h.start and h.end <= at and h.label == "ORG"
             and h.text.endswith(noun) and len(h.text) > len(noun)]
    if not named:
        return None
    after = at + len(noun)
    return max(named, key=lambda h: h.start), after + (text[after:after + 1] == "的")


def title_opening_units() -> tuple[str, ...]:
    """Units of a body that open the title of a post in them: those of ``entities/title_units.txt``
    (党组书记 of 铁道部) and a body's party committee, which the entity rules cut off the body's name
    before a party post (甲集团党委书记: 党委书记 of 甲集团)."""
    return (*_units(), "党委")


def opens_with_unit(title: str) -> bool:
    """True for a title that a unit of its body opens (党组书记, 党委书记)."""
    return title.startswith(title_opening_units())


def post_at(org: Mention, title: str) -> tuple[Mention | None, str]:
    """(body, title) of ``title`` read right after ``org``: a generic body goes into the title and
    leaves none (省委 + 书记 → 省委书记, no body); a unit ending the name opens the title
    (铁道部党组 + 书记 → 党组书记 of 铁道部); else ``org`` and ``title`` as they are."""
    if is_generic(org.name):
        return None, org.text + title
    unit = next((u for u in _units() if org.text.endswith(u) and len(org.text) > len(u) + 1), None)
    if unit is None:
        return org, title
    body = org.text[: -len(unit)]
    if is_generic(body):
        return None, org.text + title
    return replace(org, end=org.end - len(unit), text=body, name=body), unit + title


def split_ministries(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each organization named as far as the 部 of a minister's title read
    apart (美国财政部 + 长保尔森: the title is 财政部长): the country or place its name opens
    with stays as a place (美国, a GPE), and with none the mention goes (国防部长迟浩田: no body). A
    name that no title's words could make stays whole (印尼经济、财政和工业统筹部 + 长)."""
    places = {m.name for m in mentions if m.label == "GPE"} | lexicons.countries()
    kept = []
    for m in mentions:
        if m.label != "ORG" or not m.text.endswith("部") or text[m.end:m.end + 1] != "长":
            kept.append(m)
            continue
        place = _place_opening(m.text, places)
        if not re.fullmatch(rf"[{_HAN}]{{1,10}}", m.text[len(place or ""):]):
            kept.append(m)
        elif place is not None:
            kept.append(Mention(m.start, m.start + len(place), "GPE", place, place))
    return kept


def _place_opening(name: str, places: set[str]) -> str | None:
    """The place a ministry's name opens with (美国 of 美国财政部, 美 of 美国防部, 斐济共和国 of 斐济
    共和国外交外贸部): one whose rest makes a minister's title of the lexicon (国防部长, not 防部长),
    else the longest that ends where a word does; None where none does."""
    words = lexicons.pos_tags(name)
    places = places | set(lexicons.table("entities/place_abbreviations.tsv")) | {w for w, flag in words[:1] if flag == "ns"}
    opening = sorted((p for p in places if name.startswith(p) and len(name) > len(p) + 1), key=len, reverse=True)
    titles = set(lexicons.post_titles())
    ends = lexicons.word_ends(name)
    return next((p for p in opening if name[len(p):] + "长" in titles), None) or next((p for p in opening if len(p) in ends), None)
