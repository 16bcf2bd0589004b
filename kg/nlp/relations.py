"""Relations beyond events: a person's position at an organization, an organization's place."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import bare_posts, credit_posts, lexicons, post_bodies, post_lists
from kg.nlp.entities.persons import _title_re
from kg.nlp.records import Location, Mention, Position
from kg.nlp.text import HAN as _HAN, sentences
from kg.nlp.trigger_use import LIST_GAP

_MAX_GAP = 10


@lru_cache(maxsize=1)
def _international() -> tuple[str, ...]:
    return lexicons.word_list("entities/international_org_endings.txt")


def find_positions(text: str, mentions: list[Mention]) -> list[Position]:
    """``ORG [的] [unit] TITLE [的] PERSON``: 青岛工业设计创新中心执行长封昌红 → 封昌红, 执行长. The
    role name is everything between organization and person (运营拓展部负责人) but words of praise
    or time (著名教授: 教授); posts joined by 兼 or 和 are one position each (副总理兼外长, 创办人和
    总经理). A country or administrative unit in the organization's place is a post in its
    government (美国总统克林顿, 郑州市市长王新伟): not where the place is where someone is posted
    (驻贝宁大使, 驻意大利记者), nor where another name comes between (访印的法国总统希拉克 is no post
    in 印) but the place of a posting (伊拉克驻华大使). A ministry read into the title, a generic body
    and a unit that opens the title are read as :mod:`kg.nlp.post_bodies` says (美国财政部长,
    省委书记, 铁道部党组书记). Also the bodies listed before, the people named next with a post of
    the same body and the head of a body named after it (:mod:`kg.nlp.post_lists`), the posts
    listed before (:func:`_earlier_posts`), the people listed after (:func:`_listed_after`), posts
    taken (:func:`_posts_taken`) or stated with 是 (:func:`_posts_stated`), in the later clauses of a sentence the name opens
    (:func:`_carried_posts`), a post in brackets after the name (:func:`_post_in_brackets`), the
    reporters its credits name (:mod:`kg.nlp.credit_posts`), and the posts that name no body (``org``
    None: :func:`_bare_posts`)."""
    found = []
    mentions = post_bodies.split_ministries(text, mentions)
    holders = [m for m in mentions if m.label in ("ORG", "GPE")]
    for sent in sentences(text):
        for person in (m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]):
            for org in holders:
                if not (0 < person.start - org.end <= 2 * _MAX_GAP + 1 and org.start >= sent[0]):
                    continue
                after = _past_short_name(text, org)
                titles = _titles(text, after, person.start)
                others = [m for m in mentions if not (org.end <= m.start and m.end <= after)]
                if not titles or _elsewhere(text, org, person, others, titles[-1]) or _taken_by_another(text, org, person, mentions, sent):
                    continue
                for body in [org, *post_lists.bodies_listed_before(text, org, holders)]:
                    found += post_bodies.positions(person, body, titles, sent)
                found += _earlier_posts(text, person, org.start, holders, mentions, sent)
                for p in _listed_after(text, person, mentions, sent):
                    found += post_bodies.positions(p, org, titles, sent)
                found += post_lists.posts_named_next(text, person, org, mentions, sent)
            found += _posts_after_bare_title(text, person, holders, mentions, sent)
            found += _posts_taken(text, person, holders, mentions, sent)
            found += _posts_stated(text, person, holders, mentions, sent)
            found += _post_in_brackets(text, person, holders, sent)
            found += post_lists.head_of(text, person, holders, sent)
        found += credit_posts.positions(text, mentions, sent)
        found += _carried_posts(text, holders, mentions, sent)
        found += _bare_posts(text, mentions, sent, found)
    return list(dict.fromkeys(found))


_SHORT_NAME = re.compile(r"[（(][^（()）\s，。、；,;]{1,10}[)）]")


def _past_short_name(text: str, org: Mention) -> int:
    """Where the text after ``org`` goes on past the short name given to it in brackets: in
    联合国…特别委员会（特委会）主席张三, 主席 is the committee's post."""
    match = _SHORT_NAME.match(text, org.end)
    return match.end() if match else org.end


def _bare_posts(text: str, mentions: list[Mention], sent, found: list[Position]) -> list[Position]:
    """The posts of the sentence's people that name no body (:mod:`kg.nlp.bare_posts`): a title
    before the name, and the people listed after it (负责人张全景、何勇; 本报通讯员 张少丰 王秀梅),
    one after it (克林顿总统), one taken (多迪克出任总理), one a heading names (主持人：张三); never a
    title the person already holds
    at a body the sentence names."""
    held = [(p.person, p.title, p.org) for p in found]
    posts = []
    for person in (m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]):
        before = bare_posts.titles_before(text, person, mentions, sent)
        listed = [*_listed_after(text, person, mentions, sent), *bare_posts.byline_names(text, person, mentions, sent)]
        posts += [(p, title) for title in before for p in [person, *listed]]
        taken = bare_posts.title_taken(text, person, mentions, sent)
        posts += [(person, title) for title in bare_posts.titles_after(text, person, mentions) or ([taken] if taken else [])]
        heading = bare_posts.title_heading(text, person, mentions, sent)
        posts += [(person, heading)] if heading else []
    return [Position(p, None, title, sent) for p, title in dict.fromkeys(posts)
            if not any(who == p and (t.endswith(title) or title.endswith(t) and org is not None and org.text.endswith(title[: -len(t)]))
                       for who, t, org in held)]


def _titles(text: str, start: int, end: int) -> list[str]:
    """The posts named by ``text[start:end]``, between a body and a person: one, or one per part
    joined by 兼 (副总理兼外长); [] where that is no run of posts. A 的 before or after the post
    (…芭蕾舞团团长的特里克·杜邦) is no part of it."""
    role = text[start:end].strip().removeprefix("的").removesuffix("的")
    role = role[len(next((q for q in _qualifiers() if role.startswith(q)), "")):]
    parts = [title for part in role.split("兼") for title in _joined_posts(part)]
    if not all(0 < len(part) <= _MAX_GAP and part.endswith(lexicons.post_titles()) and re.fullmatch(rf"[{_HAN}A-Z]+", part)
               and bare_posts.is_post(part) for part in parts) or "了" in role:
        return []  # 会见了以国务委员罗干为团长的…: a verb's 了 is in no post
    for part in parts:
        tags = [flag for _, flag in lexicons.pos_tags(_before_title(part))]
        if any(flag.startswith(_NOT_IN_A_POST) for flag in tags) or tags[:1] and tags[0].startswith(_NOT_OPENING_A_POST):
            return []  # 埃弗顿刚刚和主帅莫耶斯, 利库德集团及现农业部长: an adverb, a pronoun, a conjunction … names no post
    return parts


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[str, ...]:
    return lexicons.word_list("entities/title_qualifiers.txt")  # longest first


def _joined_posts(part: str) -> list[str]:
    """The posts of ``part`` joined by 和 or 及 (乐活城创办人和总经理: 创办人, 总经理), where every post
    after the first is a title alone; [] where a post before 和 is followed by another body's (古巴国务
    委员会主席和部长会议主席: a post at each body); ``part`` whole where 和 joins the words of one post
    (外交和合作部长)."""
    pieces = re.split("[和及]", part)
    if len(pieces) == 1:
        return pieces
    if all(bare_posts.is_title(piece) for piece in pieces[1:]):
        return pieces
    return [] if any(piece.endswith(lexicons.post_titles()) for piece in pieces[:-1]) else [part]


def _before_title(part: str) -> str:
    """What stands before the longest title ``part`` ends with, its modifiers with it (刚刚和 of
    刚刚和主帅, 政府 of 政府第一副总理): the title itself is the lexicon's word, whatever tag jieba
    gives it (首相 is tagged an adverb)."""
    return part[: bare_posts.title_start(part)]


_NOT_IN_A_POST = ("d", "r")  # jieba's tags of adverbs and pronouns
_NOT_OPENING_A_POST = ("p", "c", "m", "t", "u")  # prepositions, conjunctions, numerals, times, particles


def _elsewhere(text: str, body: Mention, person: Mention, mentions: list[Mention], title: str) -> bool:
    """True where a body before a post is not the one the post is at: the person is posted there
    (驻贝宁大使, 驻联合国大使), a place's post is no government's (a company's 董事长), or another
    name comes between (访印的法国总统希拉克, 世界卫生大会十三日选举挪威前首相), but for the place of a
    posting (伊拉克驻华大使: a post of 伊拉克) and a place in the post's field (美国中东事务协调员)."""
    if text[body.start - 1:body.start] == "驻" or body.label == "GPE" and not post_bodies.in_government(title):
        return True
    return any(body.end <= m.start and m.end <= person.start and text[m.start - 1:m.start] != "驻"
               and not bare_posts.in_title_field(text, m) for m in mentions)


@lru_cache(maxsize=1)
def _take_words() -> tuple[str, ...]:
    return lexicons.word_list("entities/post_verbs.txt")  # longest first


@lru_cache(maxsize=1)
def _before_take() -> re.Pattern:
    """What may stand between a person and the verb of a post taken: 同志, a title the person
    holds, the name in its own language in brackets, 受聘 (李政道教授受聘担任…), adverbs and a phrase
    of time (塔拉尔将出任…, 将在今后一年里担任, １９８９年出任: :func:`kg.nlp.bare_posts.adverbs_and_time`)."""
    titles = "|".join(map(re.escape, lexicons.person_titles()))
    return re.compile(rf"(?:同志|先生|女士)?(?:{titles})?{bare_posts.NAME_IN_BRACKETS}?{bare_posts.adverbs_and_time()}(?:受聘)?")


_POST_END = re.compile(rf"([{_HAN}]{{1,{2 * _MAX_GAP + 1}}}?)(?:一职|职务)?(?=[，。、；,;）)\s]|等|$)")  # 理事长等职


def _taken_at(text: str, person: Mention, sent, start: int | None = None) -> int | None:
    """Where the post taken by ``person`` starts, right after the verb that takes it (张三担任了…,
    塔拉尔将出任…), or None where no such verb follows the name (or ``start``, where a later clause
    opens with the verb)."""
    before = _before_take().match(text, person.end if start is None else start, sent[1])
    verb = next((w for w in _take_words() if text.startswith(w, before.end())), None)
    if verb is None:
        return None
    at = before.end() + len(verb)
    return at + 1 if text[at:at + 1] in ("了", "过") else at  # 担任了, 担任过


def _taken_by_another(text: str, org: Mention, person: Mention, mentions: list[Mention], sent) -> bool:
    """True where ``org`` opens a post taken by a person named before (孟富林当选安徽省人大常委会主任
    回良玉当选…: the post is 孟富林's, not the next name's)."""
    return any(m.label == "PERSON" and m != person and sent[0] <= m.start and m.end <= org.start
               and _taken_at(text, m, sent) == org.start for m in mentions)


def _posts_taken(text: str, person: Mention, holders: list[Mention], mentions: list[Mention], sent,
                 start: int | None = None) -> list[Position]:
    """``PERSON 任/担任/为 BODY TITLE``, the post named after the person (任命张三为国家统计局局长,
    任命李四为甲国驻乙国大使: :func:`_past_posting`; 当选为新一任…总干事: a word of time first,
    李四出任国家开发银行行长一职, 项英同志担任新四军副军长、中共中央东南分局和东南局书记), each post of a
    list closed by 、 or joined to the next body's by 和 (担任甲学会副理事长和乙学会理事长), and each body
    of one joined by 和 or 、; a kind noun for a body named before (出任俱乐部总经理:
    :func:`kg.nlp.post_bodies.named_before`). The post ends at punctuation, 等 (…理事长等职) or the
    next name (王五当选甲省人大主任赵六当选省长). ``start``: the verb opens a later clause (:func:`_carried_posts`)."""
    at = _taken_at(text, person, sent, start)
    if at is None:
        return []
    if (back := post_bodies.named_before(text, at, holders, sent)) is not None:
        body, title_start = back  # 出任俱乐部总经理: the club named before
        match = _POST_END.match(text, title_start, _next_name(mentions, at, sent))
        return post_bodies.positions(person, body, _titles(text, match.start(1), match.end(1)), sent) if match else []
    found = []
    by_start = {h.start: h for h in holders if sent[0] <= h.start < sent[1]}
    at += len(next((q for q in _qualifiers() if text.startswith(q, at)), ""))  # 当选为新一任…总干事
    while at in by_start:
        bodies = [by_start[at]]
        while text[bodies[-1].end:bodies[-1].end + 1] in ("和", "、", "及") and bodies[-1].end + 1 in by_start:
            bodies.append(by_start[bodies[-1].end + 1])
        stop = min([_next_name(mentions, bodies[-1].end, sent)]
                   + [h.start - 1 for h in holders if bodies[-1].end < h.start - 1 and text[h.start - 1] in "和及"])
        match = _POST_END.match(text, _past_posting(text, bodies[-1], mentions), stop)
        titles = _titles(text, match.start(1), match.end(1)) if match else []
        if not titles or (bodies[-1].label == "GPE" and not post_bodies.in_government(titles[-1])):
            break
        found += [p for body in bodies for p in post_bodies.positions(person, body, titles, sent)]
        at = match.end() + 1 if text[match.end():match.end() + 1] in ("、", "和", "及") else len(text)
    return found


def _next_name(mentions: list[Mention], after: int, sent) -> int:
    """Where the next person after ``after`` is named in the sentence, else where it ends: a post
    taken ends there (王五当选甲省人大主任赵六当选省长)."""
    return min((m.start for m in mentions if m.label == "PERSON" and after < m.start < sent[1]), default=sent[1])


def _past_posting(text: str, body: Mention, mentions: list[Mention]) -> int:
    """Where a post taken at ``body`` is named: after the place of a posting abroad that follows the
    body (甲国驻乙国大使: 大使 of 甲国), else right after the body."""
    if text[body.end:body.end + 1] != "驻":
        return body.end
    place = next((m for m in mentions if m.start == body.end + 1 and m.label in ("GPE", "LOC")), None)
    return place.end if place is not None else body.end


_CLAUSE_MARK = re.compile("[，；,;]")
_CLAUSE_CLOSE = re.compile(r"[，。；：！？,;:!?）)]")


@lru_cache(maxsize=1)
def _is_post_stated() -> re.Pattern:
    """A rank or form of address after the name (将军, 同志), adverbs (也, 还), then 是 or 系."""
    address = "|".join(map(re.escape, lexicons.word_list("entities/not_post_titles.txt")))
    return re.compile(rf"(?:{address})?(?:同时)?[也还就即]?(?:只)?[是系]")


def _posts_stated(text: str, person: Mention, holders: list[Mention], mentions: list[Mention], sent) -> list[Position]:
    """``PERSON 是 [… 的] [BODY] TITLE``, the post a clause says the person holds, its title closing
    the clause: 张某是甲公司董事长 (at 甲公司), 李某将军是…访华的乙国总参谋长 (at 乙国), 王某是前政府的
    司法部长 (no body named); not where another person is named in the clause (张某是李某的秘书)."""
    be = _is_post_stated().match(text, person.end, sent[1])
    close = _CLAUSE_CLOSE.search(text, be.end(), sent[1]) if be else None
    end = close.start() if close else sent[1]
    if be is None or any(m.label == "PERSON" and be.end() <= m.start < end for m in mentions):
        return []
    body = max((h for h in holders if be.end() <= h.start and h.end < end), key=lambda h: h.start, default=None)
    if body is not None and (text[body.start - 1] in "的是系" or body.start == be.end()):
        titles = _titles(text, body.end, end)
        if titles and text[body.start - 1] != "驻" and (body.label == "ORG" or post_bodies.in_government(titles[-1])):
            return post_bodies.positions(person, body, titles, sent)
    bare = bare_posts.title_ending(text, end, mentions, sent)
    if bare is None or bare.start() != be.end() and text[bare.start() - 1] != "的":
        return []
    return [Position(person, None, bare.group(), sent)]


def _carried_posts(text: str, holders: list[Mention], mentions: list[Mention], sent) -> list[Position]:
    """The posts taken in the later clauses of a sentence that a person's name opens, clauses whose
    verb has no subject of its own (张某１９２９年生于甲省，１９８０年担任乙委员会成员，后出任丙法院
    院长): the person's, as a life's account reads; not after another person is named. A clause that
    names nothing may come before the name (数十年来，胡某…)."""
    people = sorted((m for m in mentions if m.label == "PERSON" and sent[0] <= m.start < sent[1]), key=lambda m: m.start)
    if not people or people[0].start != sent[0] and (text[people[0].start - 1] not in "，,"
                                                   or any(sent[0] <= m.start < people[0].start for m in mentions)):
        return []
    subject = people[0]
    limit = min((m.start for m in people if m.name != subject.name), default=sent[1])
    found = []
    for mark in _CLAUSE_MARK.finditer(text, subject.end, limit):
        taken = _posts_taken(text, subject, holders, mentions, sent, start=mark.end())
        title = None if taken else bare_posts.title_taken(text, subject, mentions, sent, start=mark.end())
        found += taken + ([Position(subject, None, title, sent)] if title else [])
    return found


def _post_in_brackets(text: str, person: Mention, holders: list[Mention], sent) -> list[Position]:
    """``PERSON（BODY TITLE）``: 史静寰（北京师范大学教育学系教授）."""
    if text[person.end:person.end + 1] not in "（(" or person.end + 1 >= sent[1]:
        return []
    body = next((h for h in holders if h.start == person.end + 1), None)
    close = min((i for i in (text.find("）", person.end), text.find(")", person.end)) if i > 0), default=-1)
    if body is None or close < body.end:
        return []
    return post_bodies.positions(person, body, _titles(text, body.end, close), sent)


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


def _earlier_posts(text: str, person: Mention, at: int, holders: list[Mention], mentions: list[Mention], sent) -> list[Position]:
    """Posts listed before the one at ``at``, next to the name, each closed by 、 or 兼 (中国工程院院士、
    浙江大学教授李兰娟 → 院士 at 中国工程院 too; 国务委员兼国务院秘书长罗干 → 国务委员, no body named);
    not a name in between (主席张勇、腾讯公司董事会主席马化腾)."""
    posts = []
    while text[at - 1:at] in ("、", "兼"):
        earlier = next((h for h in holders if sent[0] <= h.start and h.end < at - 1 and _titles(text, h.end, at - 1)
                        and not any(h.end <= m.start and m.end < at for m in holders)), None)
        if earlier is None:
            bare = bare_posts.title_ending(text, at - 1, mentions, sent)
            if bare is None:
                break
            posts.append(Position(person, None, bare.group(), sent))
            at = bare.start()
            continue
        if earlier.label != "ORG":
            break
        posts += post_bodies.positions(person, earlier, _titles(text, earlier.end, at - 1), sent)
        at = earlier.start
    return posts


_BARE_TITLE = re.compile(rf"、([{_HAN}]{{1,{_MAX_GAP}}})$")


def _posts_after_bare_title(text: str, person: Mention, holders: list[Mention], mentions: list[Mention], sent) -> list[Position]:
    """The posts listed before a post named with no body, next to the name: in 中共中央政治局委员、
    北京市委书记、市长贾庆林, 委员 of 中共中央政治局 and 书记 of 北京市委 (市长: no body named). After
    the post of a unit of a body, the post is that body's too (铁道部党组书记、副部长: 副部长 of 铁道部)."""
    match = _BARE_TITLE.search(text, max(sent[0], person.start - _MAX_GAP - 1), person.start)
    if match is None or not _titles(text, match.start(1), match.end(1)) or any(h.start >= match.start(1) and h.end <= person.start for h in holders):
        return []
    posts = _earlier_posts(text, person, match.start(1), holders, mentions, sent)
    if posts and posts[0].org is not None and post_bodies.opens_with_unit(posts[0].title):
        posts += [Position(person, posts[0].org, title, sent) for title in _titles(text, match.start(1), match.end(1))]
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
