"""Which names of a sentence can take part in an event, and which only say where, whose, what kind
or who reports it: names in datelines and reporters' brackets; places that modify a name (平度市的…),
come before a group (仙游古典家具企业, 一家法国大饭店), come after 来自 or before 驻; a place before
the name of a gathering (青岛峰会: where it is held); buildings something happens in (在人民大会堂);
words inside a quoted name; the organization of a post (国防部|长, 中央军委委员…王克); modifiers of the
next name in a noun phrase (美国前国防部长威廉·佩里); the parent of the next name (中国平安旗下的平安银行).
:mod:`kg.nlp.events` asks :func:`participants` for each sentence before it reads roles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons, trigger_use
from kg.nlp.entities.model_spans import PARENT_OF
from kg.nlp.entities.organizations import is_place_name
from kg.nlp.entities.persons import _title_re
from kg.nlp.entities.short_places import short_forms, written_as_place
from kg.nlp.records import Mention
from kg.resolve import gazetteer

COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百千万两几多]+(?:余|多)?[个家所名位支座批]")  # ３００名, 两家, 几个
_COUNT_BEFORE = re.compile(COUNTED.pattern + "$")
_PARENT = re.compile("(?:" + "|".join(PARENT_OF) + ")的?")
_NP_BREAK = re.compile(r"[\s,，。；;:：、与和及同跟对向在于被把将从为“”《》()（）的]")
_BRACKETS = re.compile(r"[（(][^（）()]{1,80}[）)]")
_REPORTERS = re.compile(r"记者|编辑|通讯员|实习生|摄影|撰稿")  # （实习编辑张跃）, （通讯员李颖慧）: who writes it
_REPORTED_BY = re.compile(r"记者[^，,。；;：:（）()]{1,30}?报道[：:]")
_QUOTED = re.compile(r"“[^”]{1,40}”|《[^》]{1,60}》|「[^」]{1,40}」|『[^』]{1,40}』")


def quoted_spans(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of the quoted names and titles of a sentence, marks included (“…”, 《…》, 「…」, 『…』)."""
    return [m.span() for m in _QUOTED.finditer(text, *sent)]


def participants(text: str, mentions: list[Mention], sent: tuple[int, int], datelines) -> list[Mention]:
    """Mentions that can take part in an event. Not: a name in a dateline (新华社北京电（记者…）); a
    place that only modifies a name (平度市的征和工业) or a kind of party (香港投资者), or where
    someone is stationed or lives (驻澳使馆, 旅日摄影家); a word inside a quoted name (“青岛·云展日”);
    a modifier of the next name in the same noun phrase (美国前国防部长威廉·佩里: the person takes
    part, not 美国); the parent of the next name (中国平安旗下的平安银行)."""
    quoted = quoted_spans(text, sent)
    reporters = [(b.start(), b.end()) for b in _BRACKETS.finditer(text, *sent) if _REPORTERS.search(b.group(0))]
    reporters += [r.span() for r in _REPORTED_BY.finditer(text, *sent)]  # 讯记者陈特安、孙秀艳报道：
    inside = [m for m in mentions if sent[0] <= m.start and m.end <= sent[1]]
    kept = []
    for i, m in enumerate(inside):
        if any(a <= m.start < b for a, b in datelines):
            continue
        if m.label in ("GPE", "LOC") and text[m.end:m.end + 1] in ("的", "人", "侨") and not _of_event(text, m.end):
            continue  # 平度市的征和工业; 南非华人, 华侨 (a people, not the place); not 同中国的合作
        if m.label in ("GPE", "LOC") and (_COUNT_BEFORE.search(text, max(0, m.start - 6), m.start) or _list_before_de(text, inside, i)):
            continue  # 一家法国大饭店, ３００名中国留学人员: what kind; 江苏、山东、上海的艺术团体: whose
        if is_venue(text, m):
            continue  # 青岛峰会: where, not who
        if m.label in ("GPE", "LOC") and trigger_use.names_an_agreement(text, m.end):
            continue  # 签署了卢萨卡和平协议: the agreement's name, not a party
        if m.label in ("GPE", "LOC") and len(m.text) == 1 and not written_as_place(text, m, inside):
            continue  # 亚 of 亚运会, 藏 of 藏医学: a place's short form not written as a place
        stationed = text[m.start - 1:m.start] in ("驻", "旅") and text[m.start - 2:m.start] not in ("进驻", "入驻")
        if m.label in ("GPE", "LOC") and (_names_a_kind_of_party(text, m.end) or stationed or _before_a_group(text, m.end)):
            continue  # 香港投资者, 仙游古典家具企业: where they are from; 驻澳使馆, 旅日摄影家: where they are
        if m.label != "PERSON" and _title_re().match(text, m.end) and any(n.label == "PERSON" for n in inside[i + 1:]):
            continue  # 中央军委委员、…王克: the organization of a person's title, not a party
        post = _title_re().match(text, m.end - 1) if m.label == "ORG" else None
        if post is not None and post.end() > m.end:
            continue  # 会见美国前国防部长: a post (部|长), not the ministry
        if m.label in ("GPE", "LOC") and (_come_from(text, inside, i) or text.startswith(("驻", "常驻"), m.end)):
            continue  # 来自中国、法国…的技术专家: where they come from; 美国驻华大使尚慕杰: whose envoy
        if any(a <= m.start and m.end <= b and (b - a - 2) > len(m.text) for a, b in quoted):
            continue
        if trigger_use.is_hall(text, m):
            continue  # 在人民大会堂举行, 在钓鱼台国宾馆会见: where, not who
        if any(a < m.start and m.end <= b for a, b in reporters):
            continue  # （中央人民广播电台记者李涛，新华社记者王言彬）: who reports it
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if nxt is not None and _modifies(text, m, nxt):
            continue
        parent = _PARENT.match(text, m.end)
        if nxt is not None and parent and nxt.start == parent.end():
            continue  # 中国平安旗下的平安银行: the subsidiary takes part, not its parent
        kept.append(m)
    return kept


def _place_list(text: str, inside: list[Mention], i: int) -> tuple[int, int]:
    """The indices of the first and last place of the list of places (joined by 、, 和 …) that
    ``inside[i]`` stands in; ``(i, i)`` where it stands alone."""
    first = last = i
    while first > 0 and inside[first - 1].label in ("GPE", "LOC") and trigger_use.LIST_GAP.fullmatch(text, inside[first - 1].end, inside[first].start):
        first -= 1
    while last + 1 < len(inside) and inside[last + 1].label in ("GPE", "LOC") and trigger_use.LIST_GAP.fullmatch(text, inside[last].end, inside[last + 1].start):
        last += 1
    return first, last


def _list_before_de(text: str, inside: list[Mention], i: int) -> bool:
    """True when ``inside[i]`` is a place in a list of places whose last is followed by 的 and no
    trigger (江苏、山东、上海的艺术团体): they all say whose, as the last does."""
    last = _place_list(text, inside, i)[1]
    return last > i and text[inside[last].end:inside[last].end + 1] == "的" and not _of_event(text, inside[last].end)


def _come_from(text: str, inside: list[Mention], i: int) -> bool:
    """True when ``inside[i]`` is a place after 来自, alone or in a list of places
    (来自中国、法国和美国的专家)."""
    return text.endswith("来自", 0, inside[_place_list(text, inside, i)[0]].start)


def _of_event(text: str, at: int) -> bool:
    """True where 的 at ``at`` is followed by a trigger word: the name before it is a party to that
    event (同中国的合作), not a modifier of another name (平度市的征和工业)."""
    return text[at:at + 1] == "的" and trigger_use.trigger_re().match(text, at + 1) is not None


@lru_cache(maxsize=1)
def _group_re() -> re.Pattern:
    nouns = "|".join(map(re.escape, lexicons.word_list("events/group_nouns.txt")))
    return re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{nouns})")


def _before_a_group(text: str, at: int) -> bool:
    """True where a group noun (``group_nouns.txt``) ends a short run of Chinese starting at ``at``
    with no name, function word or trigger in it (仙游|古典家具企业, 香港|各界人士)."""
    found = _group_re().match(text, at)
    if found is None:
        return False
    words = text[at:found.end()]
    return not trigger_use.trigger_re().search(words) and not lexicons.has_function_word(words, numerals=False)


def _names_a_kind_of_party(text: str, at: int) -> bool:
    """True where a trigger word and a party noun begin at ``at`` (投资|者, 入驻|企业)."""
    trig = trigger_use.trigger_re().match(text, at)
    return trig is not None and trigger_use.actor_noun(text, trig) is not None


def _modifies(text: str, m: Mention, nxt: Mention) -> bool:
    """True when ``m`` only modifies the name after it in one noun phrase (美国前国防部长威廉·佩里):
    close, with no break, trigger, verb, preposition or date between (not 姜春云１月２４日到河北省)."""
    if nxt.start == m.end:
        return not (_sibling_places(m.text, nxt.text) or is_pair(m, nxt))
    if nxt.label == "PERSON" and m.label in ("GPE", "LOC") and _titles_person(text, m.end, nxt.start):
        return True
    if nxt.label == "PERSON" and text[m.end:m.end + 1] == "的" and _titles_person(text, m.end + 1, nxt.start):
        return True  # 叶利钦的特使波苏瓦柳克: whose envoy, not a party
    if nxt.start - m.end > 12 or _NP_BREAK.search(text, m.end, nxt.start) or trigger_use.trigger_re().search(text, m.end, nxt.start):
        return False
    return not any(flag.startswith(("v", "p", "m", "t")) for _, flag in lexicons.pos_tags(text[m.end:nxt.start]))


def _titles_person(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a post alone, however long (希腊|内政、公共管理和权力下放部长|
    阿莱科斯·帕帕佐普洛斯): it ends with a title and holds no verb, clause mark or other name."""
    gap = text[start:end]
    if not 2 <= len(gap) <= 24 or re.search(r"[\s,，。；;:：“”《》]", gap):
        return False
    title = max((t.end() for t in _title_re().finditer(gap)), default=0)
    if title != len(gap):
        return False
    return not any(flag.startswith(("v", "p", "m", "t")) and flag != "vn" for _, flag in lexicons.pos_tags(gap))


def _sibling_places(first: str, second: str) -> bool:
    """True for two administrative units side by side where neither holds the other: a headline's
    list without its 、 (平度莱西), not a place and the unit inside it (山东青岛)."""
    codes = gazetteer.names()
    a, b = codes.get(first, ()), codes.get(second, ())
    if not a or not b:
        return False
    lineage = {u.code for code in b for u in gazetteer.ancestors(code)} | {u.code for code in a for u in gazetteer.ancestors(code)}
    return not (set(a) & lineage or set(b) & lineage)


def is_pair(first: Mention, second: Mention) -> bool:
    """True for two places by their one-character short forms side by side (中葡两国, 巴以双方, 闽宁两省区,
    中南两国 where the article does not say which 南): a pair, not one modifying the other (not
    南非|华人)."""
    if not all(m.label in ("GPE", "LOC") and m.text in short_forms() for m in (first, second)):
        return False
    return not is_place_name(first.text + second.text)  # 波黑, 中山: one place


def is_venue(text: str, m: Mention) -> bool:
    """A place right before a gathering's name (青岛峰会): where it is held."""
    return m.label in ("GPE", "LOC") and text.startswith(trigger_use.event_nouns(), m.end)
