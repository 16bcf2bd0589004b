"""Posts that name no body: a title right before or after a person's name where no organization or
place is named for it (副区长王五, 克林顿总统, 本报记者 李媛), or taken with a verb (多迪克出任总理)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons, post_bodies
from kg.nlp.records import Mention
from kg.nlp.text import HAN as _HAN

_PUNCT_AFTER = "，。、；：！？,.;:!?）)”」』\"' \u3000"  # what may follow a post taken (多迪克出任总理。)
_AFTER_TAKEN = ("后", "时", "以来", "期间")  # 哈塔米当选总统后: the clause goes on after the post


@lru_cache(maxsize=1)
def _not_posts() -> frozenset[str]:
    return frozenset(lexicons.word_list("entities/not_post_titles.txt"))


@lru_cache(maxsize=1)
def _verbs_too() -> frozenset[str]:
    return frozenset(lexicons.word_list("entities/verb_titles.txt"))


@lru_cache(maxsize=1)
def _field_words() -> str:
    return "|".join(map(re.escape, lexicons.word_list("entities/title_fields.txt")))


@lru_cache(maxsize=1)
def _bare_title() -> re.Pattern:
    """A title with the field it covers and the modifiers that open it (常务副市长, 代理执行官,
    战略事务顾问), matched from the left; the field is group ``field``."""
    modifiers = "|".join(map(re.escape, lexicons.word_list("entities/title_modifiers.txt")))
    titles = "|".join(map(re.escape, lexicons.post_titles()))
    field = rf"(?:(?!的)[{_HAN}]){{1,6}}?(?:{_field_words()})"
    return re.compile(rf"(?P<field>{field})?(?:{modifiers})*(?:{titles})")


def in_title_field(text: str, mention: Mention) -> bool:
    """True for a place named in the field of a post (中东 of 中东事务协调员): no body of it."""
    return re.match(rf"[{_HAN}]{{0,2}}(?:{_field_words()})", text[mention.end:mention.end + 6]) is not None


@lru_cache(maxsize=1)
def _ending_title() -> re.Pattern:
    """The same, ending where the searched text ends: the leftmost match is the longest title. A
    generic body named with its level before it is part of it (省纪委书记: no body named)."""
    return re.compile(rf"{post_bodies.level_generic()}?" + _bare_title().pattern + r"$")


def is_post(title: str) -> bool:
    """False for a word that stands next to a name like a title but names no post (同志, 博士, 专家)."""
    return not title.endswith(tuple(_not_posts()))


def is_title(words: str) -> bool:
    """True where ``words`` are a post's title alone, its modifiers with it (总经理, 常务副市长)."""
    return bool(_bare_title().fullmatch(words)) and is_post(words)


def title_start(words: str) -> int:
    """Where the longest title ``words`` end with starts, its modifiers with it; ``len(words)``
    where they end with none."""
    match = _ending_title().search(words)
    return match.start() if match else len(words)


# jieba's tags of the words after which a title opens a phrase of its own: verbs, prepositions,
# conjunctions, particles, adverbs, pronouns, numerals, times, places' 方位词 and punctuation
# (会见了主持人, 由局长, 和外长).
_OPENING_TAGS = ("v", "p", "c", "u", "d", "r", "m", "t", "f", "x")
_BYLINE = ("讯", "电")  # 本报北京５月３日电记者魏崴, 本报讯记者刘亮明: a byline's dateline
_JOINING = re.compile("[和及与、]")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（）()《》“”\s]")


def _opens(text: str, at: int, sent: tuple[int, int], bodies: list[Mention], listed: bool = False) -> bool:
    """True where a title starting at ``at`` opens a phrase: at the sentence's start, after
    punctuation or a space, after a dateline, or after a word that is no noun. After a noun, only
    where the clause names no body: a generic one (有关部门负责人, 政府副市长) is no name, but with a
    body before (挪威石油与能源大臣, 韶关市某旅游公司的部门经理) the title is the end of a longer post
    of that body. A post listed after another (``listed``: 、副部长) opens after no noun at all
    (铁道部党组书记、副部长: 书记 is the end of 党组书记)."""
    before = text[max(sent[0], at - 8):at]
    if not before or not re.match(rf"[{_HAN}A-Za-z0-9]", before[-1]) or before.endswith(_BYLINE):
        return True
    if lexicons.pos_tags(before)[-1][1].startswith(_OPENING_TAGS):
        return True
    if listed:
        return False
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, sent[0], at)), default=sent[0])
    return not any(clause <= m.start and m.end <= at for m in bodies)


def titles_before(text: str, person: Mention, mentions: list[Mention], sent: tuple[int, int]) -> list[str]:
    """The posts named right before ``person`` with no body before them: 副区长王五 → [副区长];
    国务委员兼国防部长迟浩田 → [国防部长, 国务委员] (each post of a run joined by 兼 or 、); a byline's
    记者 before a space (本报记者 李媛). A post with an organization or place right before it is
    read with that body (:func:`kg.nlp.relations.find_positions`), so the run stops there."""
    end = person.start - (1 if text[person.start - 1:person.start] in (" ", "\u3000") else 0)
    found = []
    while end > sent[0]:
        match = title_ending(text, end, mentions, sent, listed=bool(found))
        if match is None:
            break
        found.append(match.group())
        if text[match.start() - 1:match.start()] not in ("兼", "、"):
            break
        end = match.start() - 1
    return found


def title_ending(text: str, end: int, mentions: list[Mention], sent: tuple[int, int], listed: bool = False) -> re.Match | None:
    """The post named with no body that ends at ``end`` and opens a phrase (:func:`_opens`;
    ``listed``: one listed after another), or None: 国务委员 of 国务委员、国家科委主任宋健, not 市长 of
    平度市市长 (a body right before it) nor 部长 of 国防部长 (the title keeps its 国防部)."""
    bodies = [m for m in mentions if m.label in ("ORG", "GPE", "LOC") and text[m.start - 1:m.start] != "驻"]  # 驻罗马尼亚记者: no body
    start = max(sent[0], end - 12)
    while (match := _ending_title().search(text, start, end)) is not None and match.group("field"):
        # the field opens a word (not 塔尔外交事务 of 卡塔尔…), and a name or a country in it away from
        # its field word (美国 of 美国中东事务协调员) is no part of it
        lo = max(sent[0], match.start() - 6)
        if match.start() > lo and match.start() - lo not in lexicons.word_ends(text[lo:end]):
            start = match.start() + 1
            continue
        inside = [m.end for m in bodies if match.start() <= m.start and m.end < match.end("field") and not in_title_field(text, m)]
        country = next((c for c in lexicons.countries() if match.group("field").startswith(c)), None)
        if country and not re.fullmatch(_field_words(), match.group("field")[len(country):]):
            inside.append(match.start() + len(country))  # 美国 of 美国亚洲事务协调员: the body, unnamed by the model
        if not inside:
            break
        start = max(inside)
    if match is None or any(m.start < match.start() and match.start() - 2 <= m.end <= match.end()
                            and not _JOINING.search(text, m.end, match.start()) for m in bodies):
        return None  # a body right before (平度市市长), not one joined to another (利库德集团及现农业部长)
    if not is_post(match.group()) or not _opens(text, match.start(), sent, bodies, listed=listed):
        return None
    return match


def title_heading(text: str, person: Mention, mentions: list[Mention], sent: tuple[int, int]) -> str | None:
    """The post a heading names before a colon, for the one person the line after it ends with
    (主持人：某网编辑张三, 此次活动主持人：李四); None where the line goes on after the name."""
    if text[person.end:sent[1]].strip("。.，, \u3000") or person.start <= sent[0]:
        return None
    colon = max(text.rfind("：", sent[0], person.start), text.rfind(":", sent[0], person.start))
    if colon < 0 or _CLAUSE_END.search(text, colon + 1, person.start) or "、" in text[colon + 1:person.start] \
            or any(m.label == "PERSON" and colon < m.start < person.start for m in mentions):
        return None
    match = title_ending(text, colon, mentions, sent)
    return match.group() if match else None


def title_at(text: str, at: int, end: int) -> re.Match | None:
    """The post's title (its modifiers with it) that starts at ``at`` and ends by ``end``, or None."""
    match = _bare_title().match(text, at, end)
    return match if match is not None and is_post(match.group()) else None


def titles_after(text: str, person: Mention, mentions: list[Mention]) -> list[str]:
    """The posts written right after ``person`` (克林顿总统, 饶贵民主任说), each of a run joined by 兼
    (钱某副总理兼外长); [] where another name follows them (that title is the next person's: 张三副市长
    李四 reads 副市长 of 李四)."""
    found, end = [], person.end
    while (match := title_at(text, end + bool(found), len(text))) is not None and match.group() not in _verbs_too():
        found.append(match.group())
        end = match.end()
        if text[end:end + 1] != "兼":
            break
    return [] if any(m.start == end for m in mentions) else found


# a date of years, months and days in figures (１９８９年１２月１３日, 20日), 起 after a year (1985年起)
_DATE = r"(?:[0-9０-９一二三四五六七八九十〇]{1,4}[年月日](?:[0-9０-９一二三四五六七八九十〇]{1,2}[月日])*起?)"


@lru_cache(maxsize=1)
def time_phrase() -> str:
    """A pattern of the phrase of time that may stand before the verb of a post taken: 在 or 于, a
    few words, a closing word of ``entities/post_time_phrase_ends.txt`` (在今后一年里, 在他任总统期间);
    or a date (哈韦尔２０日再次当选为…, １９８０年担任…)."""
    ends = "|".join(map(re.escape, lexicons.word_list("entities/post_time_phrase_ends.txt")))
    return rf"(?:[在于][^，。；：、,;:\s]{{1,8}}?(?:{ends})|{_DATE})"


@lru_cache(maxsize=1)
def _take() -> re.Pattern:
    """同志, the name as written in its own language in brackets (格林（green）), adverbs of
    time (将, 曾, 同时曾) and a phrase of time (:func:`time_phrase`) in either order, a verb of a post
    taken (``entities/post_verbs.txt``: 出任, 当选, 被聘为), then 了 or 过."""
    verbs = "|".join(map(re.escape, lexicons.word_list("entities/post_verbs.txt")))
    return re.compile(rf"(?:同志)?{NAME_IN_BRACKETS}?{adverbs_and_time()}(?:{verbs})[了过]?")


# the name again in brackets after a name, as its own language writes it: no clause, no punctuation
NAME_IN_BRACKETS = r"(?:[（(][A-Za-z .·\-]{1,40}[)）])"


@lru_cache(maxsize=1)
def adverbs_and_time() -> str:
    """A pattern of what may stand between a subject and the verb of a post taken: adverbs of time
    (``entities/post_verb_adverbs.txt``: 将, 曾, 先后) and a phrase of time before or after them
    (２０日再次当选为…, 曾在他任总统期间出任…)."""
    adverbs = "|".join(map(re.escape, lexicons.word_list("entities/post_verb_adverbs.txt")))
    return rf"{time_phrase()}?(?:{adverbs})*{time_phrase()}?"


def title_taken(text: str, person: Mention, mentions: list[Mention], sent: tuple[int, int], start: int | None = None) -> str | None:
    """A post taken with no body named: 多迪克出任总理, 哈塔米当选总统后, 黛博拉·莫柔被聘为代理执行官 —
    the title closes the clause (punctuation, the sentence's end, or 后/时). ``start``: where a later
    clause whose subject ``person`` is opens with the verb."""
    start = person.end if start is None else start
    take = _take().match(text, start, sent[1])
    if take is None or take.end() == start:
        return None
    match = title_at(text, take.end(), sent[1])
    if match is None or any(m.start == take.end() for m in mentions):
        return None
    rest = text[match.end():sent[1]]
    if rest and rest[0] not in _PUNCT_AFTER and not rest.startswith(_AFTER_TAKEN):
        return None  # 担任经理已有一年: no clear end of the post; 任总理府秘书: a longer word
    return match.group()


def byline_names(text: str, person: Mention, mentions: list[Mention], sent: tuple[int, int]) -> list[Mention]:
    """The names a byline lists after ``person`` with spaces or nothing between (本报通讯员 张少丰 王秀梅,
    记者张三李四)."""
    people = sorted((m for m in mentions if m.label == "PERSON" and person.end <= m.start < sent[1]), key=lambda m: m.start)
    listed, last = [], person
    for m in people:
        if not re.fullmatch(r"[ \u3000]*", text[last.end:m.start]):
            break
        listed.append(m)
        last = m
    return listed
