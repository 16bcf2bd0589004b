"""How a trigger word is used in its sentence: as the verb of an event with named parties, or as
part of something else (a kind of agreement, a noun's modifier, a kind of party), and which names
near it are no party (a building it is held in, the subject of a pivot verb).

Each rule's words are in a data file of ``kg/resources/events/``; :mod:`kg.nlp.events` asks these
questions of every trigger it finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention


@lru_cache(maxsize=1)
def _agreement_re() -> re.Pattern:
    return re.compile("(?:框架|意向|战略)?(?:" + "|".join(map(re.escape, lexicons.word_list("events/agreement_nouns.txt"))) + ")")


def names_agreement(text: str, at: int) -> bool:
    """True when an agreement noun follows the trigger word ending at ``at`` (签署…合作|框架协议):
    the word names the kind of agreement signed (``agreement_nouns.txt``)."""
    return _agreement_re().match(text, at) is not None


@lru_cache(maxsize=1)
def _nominal_re() -> re.Pattern:
    heads = "|".join(map(re.escape, lexicons.word_list("events/nominal_heads.txt")))
    return re.compile(rf"(?:[及和、][\u4e00-\u9fff]{{1,4}})?(?:{heads})")


def modifies_noun(text: str, at: int) -> bool:
    """True when the trigger word ending at ``at`` modifies a noun (合作|平台, 合作|及创业平台;
    ``nominal_heads.txt``)."""
    return _nominal_re().match(text, at) is not None


@lru_cache(maxsize=1)
def _actor_nouns() -> tuple[str, ...]:
    return lexicons.word_list("events/actor_nouns.txt")


def actor_noun(text: str, trig: re.Match) -> str | None:
    """The noun after a trigger word that makes them the name of a kind of party (投资|者, 入驻|企业,
    主办|单位; ``actor_nouns.txt``), else None. Not where the noun begins another word (签约方式 is
    no 签约方)."""
    noun = next((n for n in _actor_nouns() if text.startswith(n, trig.end())), None)
    if noun is None or (len(noun) == 1 and lexicons.is_word(text[trig.end():trig.end() + 2], 50)):
        return None
    return noun


_APPOSITION = re.compile(r"(?:之一)?[、：:]?|的")


def apposed(text: str, at: int, mentions: list[Mention]) -> Mention | None:
    """The name a party noun ending at ``at`` is put beside: 主办单位国家体委, 主办方之一、春兰集团,
    作为主办方的联想."""
    return next((m for m in mentions if m.start >= at and _APPOSITION.fullmatch(text, at, m.start)), None)


_ADVERBS = r"(?:隆重|正式|成功|顺利|盛大|如期|同时|也|还|又|再次|将|已)*"


@lru_cache(maxsize=1)
def _hall_re() -> re.Pattern:
    return re.compile(_ADVERBS + "(?:" + "|".join(map(re.escape, lexicons.word_list("events/venue_verbs.txt"))) + ")")


def is_hall(text: str, m: Mention) -> bool:
    """An organization a gathering is held in (在人民大会堂举行; ``venue_verbs.txt``): a building,
    not a party."""
    return m.label == "ORG" and text[m.start - 1:m.start] == "在" and _hall_re().match(text, m.end) is not None


@lru_cache(maxsize=1)
def _pivot_verbs() -> frozenset[str]:
    return frozenset(lexicons.word_list("events/pivot_verbs.txt"))


def pivot_end(lead: str) -> int:
    """Where, in ``lead`` (a clause up to its trigger, names blanked), the object of the last pivot
    verb begins (青岛市将指导|行业协会举办: names before it take no part; ``pivot_verbs.txt``), or 0.
    The verb must be used as one (not 组织 in 科研组织, 支持 in 在X的支持下) and have an object
    before the trigger (推动与Y合作 has none: its subject cooperates) with no 的 (要求…独立的新芬党
    modifies a name)."""
    if not any(verb in lead for verb in _pivot_verbs()):
        return 0
    end, offset, previous = 0, 0, "x"
    for word, flag in lexicons.pos_tags(lead):
        offset += len(word)
        rest = lead[offset:]
        # jieba tags 指导 a noun even in 将指导: after an adverb, a name or nothing it is the verb
        verb = flag.startswith("v") or (flag == "n" and (previous.startswith(("d", "x")) or previous in ("ns", "nr", "nt")))
        if word in _pivot_verbs() and verb and rest.strip() and rest[0] not in "与同跟和及、，,的下" and "的" not in rest:
            end = offset
        previous = flag
    return end
