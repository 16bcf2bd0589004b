"""Posts that reporters' credits give, read with the credit grammar of :mod:`kg.ingest.credits`
where :mod:`kg.ingest.bylines` finds credits (a dateline with its reporters, a bracket that closes
a paragraph): each name a reporter's role word stands before (记者, 特约记者, 通讯员), and the names
listed after it, hold that post at the outlet named right before the role word (新华社记者张三,
中央人民广播电台记者李四), else at the agency or paper that opens the dateline (新华社北京5月1日电
（记者张三、李四）: both 记者 of 新华社) or the bracket of credits (（榆林日报社 记者 张三 通讯员 李四）:
both of 榆林日报社). A paper that speaks of itself (本报记者, 本报讯 记者张三) names no body."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest import bylines
from kg.ingest import credits as grammar
from kg.nlp import bare_posts, lexicons
from kg.nlp.records import Mention, Position

_GLUED_HEAD = 30  # characters: a headline printed before the dateline, no punctuation between
_LIST = " \u3000、，,"  # what stands between the names one role word credits
_SEGMENT = "电讯（(、，, \u3000"  # where the words before a role word may open with an outlet's name
_PLACE_OUTLET_REST = 6  # characters: the most an outlet named by its place writes after the place (融媒体中心)


@lru_cache(maxsize=1)
def _post_roles() -> tuple[str, ...]:
    """The role words of the credit grammar that are posts (记者, 特约记者, 通讯员), longest first;
    credits such as 摄影, 文, 作者 and editors' roles are none."""
    roles = grammar.grammar().prefix
    titles = lexicons.post_titles()
    posts = {w for w, kind in roles.items() if kind != "editor" and w.endswith(titles) and bare_posts.is_post(w)}
    return tuple(sorted(posts, key=len, reverse=True))


def positions(text: str, mentions: list[Mention], sent: tuple[int, int]) -> list[Position]:
    """The posts the credits of sentence ``sent`` give their people."""
    people = sorted((m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]), key=lambda m: m.start)
    found = []
    for start, end, opening in _credit_runs(text, mentions, sent):
        for person in (p for p in people if start <= p.start and p.end <= end):
            role = _role_before(text, person, people, start)
            if role is None:
                continue
            body = _outlet_before(text, role[0], mentions, start)
            if body is False:
                body = opening
            elif opening is None and body is not None and re.fullmatch(r"[（(\s\u3000]*", text[start:body.start]):
                opening = body  # the outlet that opens a bracket of credits is every role word's there
            found.append(Position(person, body, text[role[0]:role[1]], sent))
    return found


def _credit_runs(text: str, mentions: list[Mention], sent: tuple[int, int]) -> list[tuple[int, int, Mention | None]]:
    """The stretches of the sentence that are credits, each with the outlet its dateline names (None
    where it names none or one that is the paper itself): the dateline that opens it (after a
    headline printed before it, too) and the credits in a bracket that close it."""
    runs = []
    starts = [sent[0]] + sorted(
        m.start - (text[m.start - 1:m.start] == "据")
        for m in mentions
        if m.label == "ORG" and sent[0] < m.start < sent[0] + _GLUED_HEAD and not re.search(r"[^\w]", text[sent[0]:m.start])
    )
    for start in starts:
        opening = bylines.dateline_credits(text[start:sent[1]])
        if opening and opening[0]:
            runs.append((start, start + opening[0], _dateline_outlet(text, start, opening[1], mentions)))
            break
    closing = bylines.closing_credits(text[sent[0]:sent[1]])
    if closing:
        runs.append((sent[0] + closing[0], sent[1], None))
    return runs


def _dateline_outlet(text: str, start: int, credits: grammar.Credits, mentions: list[Mention]) -> Mention | None:
    """The outlet that opens the dateline at ``start`` (新华社 of 据新华社北京1月6日电), as the
    mention that names it, or one made for it (:func:`_made_for`)."""
    if credits.outlet_rank != grammar.OUTLET_RANKS["dateline"] or not grammar.is_named_outlet(credits.outlet):
        return None
    at = start + (text[start:start + 1] == "据")
    if not text.startswith(credits.outlet, at):
        return None
    end = at + len(credits.outlet)
    named = next((m for m in mentions if m.label == "ORG" and (m.start, m.end) == (at, end)), None)
    return named or _made_for(credits.outlet, at)


def _role_before(text: str, person: Mention, people: list[Mention], start: int) -> tuple[int, int] | None:
    """The span of the reporter's role word that credits ``person``: right before the name, or
    before the names listed ahead of it (记者张三、李四; 记者 张三 李四)."""
    at = person.start
    while at > start:
        role = next((w for w in _post_roles() if text.endswith(w, start, at)), None)
        if role is not None:
            return at - len(role), at
        before = next((p for p in people if p.end == at and p.start >= start), None)
        if before is not None:
            at = before.start
        elif text[at - 1] in _LIST and at - 1 > start:
            at -= 1
        else:
            return None
    return None


def _outlet_before(text: str, role: int, mentions: list[Mention], start: int) -> Mention | None | bool:
    """The outlet named right before a role word (新华社记者, 解放军报记者): its mention, or one made
    for it (:func:`_made_for`); None for a paper that speaks of itself (本报记者) or a name the
    grammar does not know; False where no outlet stands there."""
    while role > start and text[role - 1] in " \t\u3000":  # 榆林日报社 记者
        role -= 1
    named = next((m for m in mentions if m.label == "ORG" and m.end == role and m.start >= start), None)
    if named is not None:
        return named if grammar.is_named_outlet(named.text) else None
    segment = max([text.rfind(c, start, role) for c in _SEGMENT] + [start - 1]) + 1
    match = re.compile(grammar.outlet_pattern()).fullmatch(text, segment, role)
    if match is None:
        return False
    name = match.group()
    return _made_for(name, segment) if grammar.is_named_outlet(name) else None


def _made_for(outlet: str, start: int) -> Mention | None:
    """A mention for an outlet the model did not name, where the grammar knows it by name (新华社,
    解放军报) or it is named by its place (:func:`_place_led`): any other name it reads as an outlet may
    run into a headline printed before the dateline (…开馆本报厦门5月30日电)."""
    if outlet not in grammar.lexicon()["outlets"] and not _place_led(outlet):
        return None
    return Mention(start, start + len(outlet), "ORG", outlet, outlet)


def _place_led(outlet: str) -> bool:
    """An outlet named by one or two administrative places and a few characters that end as an
    outlet's name does (酒泉日报, 沂水县融媒体中心, 武汉市黄陂区融媒体中心), which a headline run into
    the dateline does not read as."""
    admin = lexicons.first_column("ner/gpe_admin.txt")
    rest = outlet
    for _ in range(2):
        head = next((n for n in range(min(len(rest) - 1, 8), 1, -1) if rest[:n] in admin), None)
        if head is None:
            break
        rest = rest[head:]
    return (rest != outlet and len(rest) <= _PLACE_OUTLET_REST
            and rest.endswith(tuple(grammar.lexicon()["outlet_endings"])))
