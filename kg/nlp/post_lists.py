"""Posts read across a list: the bodies listed before a title (甲、乙主任张三: 主任 of both), the
people named next with a post of the same body (阿总理乌叶海亚和外长阿塔夫), and the head of a body
named after it (以张三为团长的代表团)."""

from __future__ import annotations

import re

from kg.nlp import bare_posts, post_bodies
from kg.nlp.records import Mention, Position
from kg.nlp.text import HAN as _HAN

_MAX_GAP = 10


def bodies_listed_before(text: str, org: Mention, holders: list[Mention]) -> list[Mention]:
    """The organizations listed right before ``org`` and closed by 、, whose post the title after
    ``org`` names too (中共中央台湾工作办公室、国务院台湾事务办公室主任陈云林: 主任 of both)."""
    bodies, first = [], org
    while org.label == "ORG" and text[first.start - 1:first.start] == "、":
        first = next((h for h in holders if h.end == first.start - 1 and h.label == "ORG"), None)
        if first is None:
            break
        bodies.append(first)
    return bodies


_NEXT_NAME = re.compile(r"(?:、|和|及|以及)")


def posts_named_next(text: str, person: Mention, org: Mention, mentions: list[Mention], sent) -> list[Position]:
    """The posts of the people named next, each after a title with no body of its own, at the body of
    the first (阿总理乌叶海亚和外长阿塔夫: 外长 of 阿; 甲公司董事长张三、总经理李四: 总经理 of 甲公司); not
    a place's post that is no government's."""
    people = {m.start: m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]}
    found, last = [], person
    while (joint := _NEXT_NAME.match(text, last.end, sent[1])) is not None:
        title = bare_posts.title_at(text, joint.end(), sent[1])
        following = people.get(title.end()) if title else None
        if following is None or org.label == "GPE" and not post_bodies.in_government(title.group()):
            break
        found += post_bodies.positions(following, org, [title.group()], sent)
        last = following
    return found


_HEAD_OF = re.compile(rf"为([{_HAN}]{{1,{_MAX_GAP}}}?)的")


def head_of(text: str, person: Mention, holders: list[Mention], sent) -> list[Position]:
    """``以/由 PERSON 为 TITLE 的 BODY``, the body named after its head: 以国务委员张三为团长的中国政府代表团
    → 张三, 团长 of 中国政府代表团."""
    match = _HEAD_OF.match(text, person.end, sent[1])
    clause = max((i for i in (text.rfind(c, sent[0], person.start) for c in "，。；：,;:") if i >= 0), default=sent[0])
    if match is None or not bare_posts.is_title(match.group(1)) or not re.search("[以由]", text[clause:person.start]):
        return []
    body = next((h for h in holders if h.start == match.end() and h.label == "ORG"), None)
    return [Position(person, body, match.group(1), sent)] if body is not None else []
