"""Relations beyond events: a person's position at an organization, an organization's place."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.persons import _title_re
from kg.nlp.records import Location, Mention, Position
from kg.nlp.text import sentences
from kg.nlp.trigger_use import LIST_GAP

_HAN = "\u4e00-\u9fff"


_MAX_GAP = 10


@lru_cache(maxsize=1)
def _international() -> tuple[str, ...]:
    return lexicons.word_list("entities/international_org_endings.txt")


@lru_cache(maxsize=1)
def _non_government() -> tuple[str, ...]:
    return lexicons.word_list("entities/non_government_titles.txt")


def find_positions(text: str, mentions: list[Mention]) -> list[Position]:
    """``ORG [的] [unit] TITLE PERSON``: 青岛工业设计创新中心执行长封昌红 → 封昌红, 执行长. The role
    name is everything between organization and person (运营拓展部负责人). A country or
    administrative unit in the organization's place is a post in its government (美国总统克林顿,
    郑州市市长王新伟): not where the place is where someone is posted (驻贝宁大使, 驻意大利记者), nor
    where another name comes between (访印的法国总统希拉克 is no post in 印)."""
    found = []
    holders = [m for m in mentions if m.label in ("ORG", "GPE")]
    for sent in sentences(text):
        for person in (m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]):
            for org in holders:
                gap = text[org.end:person.start].strip()
                if not (0 < person.start - org.end <= _MAX_GAP and org.start >= sent[0]):
                    continue
                role = gap[1:] if gap.startswith("的") else gap
                if not (role.endswith(lexicons.person_titles()) and re.fullmatch(rf"[{_HAN}]+", role)):
                    continue
                if org.label == "GPE" and (
                    text[org.start - 1:org.start] == "驻" or role.endswith(_non_government())
                    or any(org.end <= m.start and m.end <= person.start for m in mentions)
                ):
                    continue
                found.append(Position(person, org, role, sent))
                found += _earlier_posts(text, person, org, holders, sent)
                found += [Position(p, org, role, sent) for p in _listed_after(text, person, mentions, sent)]
            found += _posts_taken(text, person, holders, sent)
    return found


_TAKES = ("为", "任", "担任", "出任", "兼任", "升任", "接任", "改任", "调任")
_POST_END = re.compile(rf"([{_HAN}]{{1,{_MAX_GAP}}}?)(?:一职|职务)?(?=[，。、；,;）)\s]|$)")


def _posts_taken(text: str, person: Mention, holders: list[Mention], sent) -> list[Position]:
    """``PERSON 任/担任/为 ORG TITLE``, the post named after the person (任命张三为国家统计局局长,
    李四出任国家开发银行行长一职)."""
    for org in holders:
        if org.label != "ORG" or org.start <= person.end or text[person.end:org.start] not in _TAKES:
            continue
        match = _POST_END.match(text, org.end, sent[1])
        if match and match.group(1).endswith(lexicons.person_titles()) and "兼" not in match.group(1):
            return [Position(person, org, match.group(1), sent)]
    return []


def _listed_after(text: str, person: Mention, mentions: list[Mention], sent) -> list[Mention]:
    """The people listed right after the one next to a post, who hold it too (全国政协副主席叶选平、
    吴学谦、杨汝岱出席: all three are 副主席); the list ends at anything but a list mark between
    names (市委书记李清林、市长曹广亮: 曹广亮 is 市长)."""
    people = sorted((m for m in mentions if m.label == "PERSON" and person.end <= m.start < sent[1]), key=lambda m: m.start)
    if text[person.end:person.end + 1] != "、":
        return []  # 中央军委主席江泽民和乔石、朱镕基: 和 after the first joins others, not its holders
    listed, last = [], person
    for m in people:
        if not LIST_GAP.fullmatch(text, last.end, m.start) or _title_re().match(text, m.end):
            break  # 、苏丹总统巴希尔: the next post's country, misread as a person
        listed.append(m)
        last = m
    return listed


def _earlier_posts(text: str, person: Mention, org: Mention, holders: list[Mention], sent) -> list[Position]:
    """Posts listed before the one next to the name, each closed by 、 (中国工程院院士、浙江大学教授
    李兰娟 → 院士 at 中国工程院 too); not a name in between (主席张勇、腾讯公司董事会主席马化腾)."""
    posts = []
    at = org.start
    while text[at - 1:at] == "、":
        earlier = next((h for h in holders if sent[0] <= h.start and h.end < at - 1 and text[h.end:at - 1].endswith(lexicons.person_titles())
                        and re.fullmatch(rf"[{_HAN}]{{1,{_MAX_GAP}}}", text[h.end:at - 1])), None)
        if earlier is None or earlier.label != "ORG":
            break
        posts.append(Position(person, earlier, text[earlier.end:at - 1], sent))
        at = earlier.start
    return posts


# the items of a list after 平度市的: names without punctuation, 的 or 与 (which open another phrase)
_LIST = re.compile(r"[^，。；！？,;:：、\s的与同跟和及]{1,30}(?:(?:、|和|及)[^，。；！？,;:：、\s的与同跟和及]{1,30})*")


def find_locations(text: str, mentions: list[Mention]) -> list[Location]:
    """An organization that follows ``PLACE的`` (平度市的征和工业, and every other organization of
    that list, named or not: 莱西市的医疗防疫物资产业园区、…、国轩电池有限公司), or whose name holds
    an administrative unit: the most local one it names (青岛海诺生物工程有限公司 in 青岛;
    青岛市…平度东寨子基地 in 平度, a county of 青岛), or opens with a place the text names
    (上合示范区管委会 in 上合示范区; the longest such place). An intergovernmental organization's
    name says nothing of its place (上海合作组织)."""
    found = []
    places = [m for m in mentions if m.label in ("GPE", "LOC")]
    orgs = [m for m in mentions if m.label == "ORG"]
    named = {m.name: m for m in places if len(m.name) >= 2}  # not 中 (of 中尼) in 中医药大学
    for sent in sentences(text):
        lists = []  # (start, end, place) of the list after each PLACE的
        for place in (p for p in places if sent[0] <= p.start < sent[1] and text[p.end:p.end + 1] == "的"):
            items = _LIST.match(text, place.end + 1, sent[1])
            if items:
                lists.append((items.start(), items.end(), place))
        for org in (m for m in orgs if sent[0] <= m.start < sent[1]):
            listed = next((p for a, b, p in lists if a <= org.start and org.end <= b), None)
            if listed is not None:
                found.append(Location(org, listed, sent))
                continue
            if org.name.endswith(_international()):
                continue
            inner = innermost_place(org.name)
            if inner is None:
                prefixes = [m for name, m in named.items() if org.name.startswith(name) and len(org.name) > len(name) + 1]
                prefix = max(prefixes, key=lambda m: len(m.name), default=None)
                inner = (0, prefix.name) if prefix is not None and prefix.start != org.start else _country_prefix(org.name)
            if inner is not None:
                at, name = inner
                found.append(Location(org, Mention(org.start + at, org.start + at + len(name), "GPE", name, name), sent))
    return found


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    return tuple(sorted(lexicons.word_list("entities/countries.txt"), key=len, reverse=True))


def _country_prefix(name: str) -> tuple[int, str] | None:
    """(0, country) for an organization named after its country (中国勘察院, 日本索尼公司), not for
    a mission abroad (日本驻华大使馆)."""
    if "驻" in name:
        return None
    country = next((c for c in _countries() if name.startswith(c) and len(name) > len(c) + 1), None)
    return (0, country) if country else None


def innermost_place(name: str) -> tuple[int, str] | None:
    """(offset, name) of the most local administrative unit named inside ``name``, if one is."""
    from kg.nlp.entities import find_places
    from kg.resolve.gazetteer import names, units

    best = None
    for cand in find_places(name, keep_seldom=True):  # a name's first part names a place
        codes = names().get(name[cand.start:cand.end], ())
        if len(codes) == 1 and cand.end < len(name):
            level = units()[codes[0]].level
            if best is None or level > best[0]:
                best = (level, cand.start, name[cand.start:cand.end])
    return (best[1], best[2]) if best else None
