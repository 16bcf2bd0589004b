"""How a trigger word is used in its sentence: as the verb of an event with named parties, or as
part of something else (a kind of agreement, a noun's modifier, a kind of party), which names
near it are no party (a building it is held in, the subject of a pivot verb), and the words that
mark who does it (由, 为, a second trigger of the same event, what a founding founds).

Each rule's words are in a data file of ``kg/resources/events/``; :mod:`kg.nlp.events` asks these
questions of every trigger it finds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention
from kg.nlp.text import TIME


@lru_cache(maxsize=1)
def _agreement_re() -> re.Pattern:
    return re.compile("(?:框架|意向|战略)?(?:" + "|".join(map(re.escape, lexicons.word_list("events/agreement_nouns.txt"))) + ")")


def names_agreement(text: str, at: int) -> bool:
    """True when an agreement noun follows the trigger word ending at ``at`` (签署…合作|框架协议):
    the word names the kind of agreement signed (``agreement_nouns.txt``)."""
    return _agreement_re().match(text, at) is not None


_NAMED_ACCORD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:和平|停火|自由贸易|友好)?")


def names_an_agreement(text: str, at: int) -> bool:
    """True when an agreement noun follows a place ending at ``at`` in one word run (卢萨卡和平协议,
    奥斯陆协议, 京都议定书): the place names the agreement, it takes no part in its signing."""
    run = _NAMED_ACCORD.match(text, at)
    for end in range(at, min(run.end(), at + 4) + 1):
        if _agreement_re().match(text, end) and not lexicons.has_function_word(text[at:end]) and not trigger_re().search(text, at, end):
            return True
    return False


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


_APPOSITION = re.compile(r"(?:之一)?(?:[、：:]|[为是]|分别为|分别是)?|的")
LIST_GAP = re.compile(r"(?:[（(][^（）()]{1,12}[）)])?(?:[、和及与]|以及)")  # between the names of a list: 、, 和, 以及; 罗纳尔多（巴西）、


def apposed(text: str, at: int, mentions: list[Mention]) -> list[Mention]:
    """The names a party noun ending at ``at`` is put beside: 主办单位国家体委, 主办方之一、春兰集团,
    作为主办方的联想, and the names listed after the first (主办单位为A、B和C; 主办单位：A、B)."""
    found = [next((m for m in mentions if m.start >= at and _APPOSITION.fullmatch(text, at, m.start)), None)]
    if found[0] is None:
        return []
    for m in mentions:
        if m.start >= found[-1].end and LIST_GAP.fullmatch(text, found[-1].end, m.start):
            found.append(m)
    return found


_ADVERBS = r"(?:隆重|正式|成功|顺利|盛大|如期|同时|也|还|又|再次|将|已)*"


@lru_cache(maxsize=1)
def _hall_re() -> re.Pattern:
    return re.compile(_ADVERBS + "(?:" + "|".join(map(re.escape, lexicons.word_list("events/venue_verbs.txt"))) + ")")


def is_hall(text: str, m: Mention) -> bool:
    """An organization named as where something happens, not who does it: a building
    (``hall_endings.txt``) in a 在 phrase, whatever follows (在钓鱼台国宾馆会见, 在著名的维也纳金色大厅举行);
    one in a 在 phrase with 前, 门口, 附近 … and a verb after it (在…办事处前举行活动);
    any organization right after 在 and before a verb of gathering (``venue_verbs.txt``: 在人民大会堂举行)
    but where the verb opens a relative clause (在中国银行业协会举行的通气会上: the body hosts it)."""
    if m.label != "ORG":
        return False
    if m.name.endswith(_hall_endings()) and _after_zai(text[max(0, m.start - 12):m.start]):
        return True
    side = _BESIDE.match(text, m.end)
    if side and _after_zai(text[max(0, m.start - 12):m.start]) and verb_follows(text, side.end()):
        return True  # 在…集团办事处前举行活动: in front of it (not 在海尔集团前总裁…)
    at = m.end + (text[m.end:m.end + 1] in "”」\"")  # 在“广东现代国际展览中心”举行
    verb = _hall_re().match(text, at) if text[m.start - 1:m.start] == "在" else None
    return verb is not None and text[verb.end():verb.end() + 1] != "的"


_BESIDE = re.compile(r"门前|门口|门外|大门前|前|附近|旁边|旁|对面|周围")


def _after_zai(lead: str) -> bool:
    """True when ``lead`` (the words before a name) holds 在 with no clause mark after it."""
    at = lead.rfind("在")
    return at >= 0 and not re.search(r"[，,。；;：:！？!?\n]", lead[at:])


def held_at(text: str, place: Mention, lead: str) -> bool:
    """True for a place right before a gathering's verb with 在 a few words before it
    (将在特区旗帜飘扬下的香港举行): where it is held, not who holds it. ``lead`` is the clause up to
    the place with names blanked."""
    return _hall_re().match(text, place.end) is not None and _after_zai(lead[-16:])


def relative_clause_start(text: str, lead: str, clause_start: int, trigger_end: int) -> int:
    """Where the names of a relative clause after 在 begin (建行负责人在|中国银行业协会举行的通气会上说:
    the 协会 holds it, not the sentence's subject), or 0. ``lead`` is the clause up to the trigger
    with names blanked. A place there is where, and leaves the subject its part (欧佩克…在维也纳举行的)."""
    if text[trigger_end:trigger_end + 1] != "的":
        return 0
    at = max(lead.rfind("在"), lead.rfind("从"))  # 记者从昨天召开的…会议上获悉
    return clause_start + at + 1 if at >= 0 else 0


_AT_GATHERING = re.compile(r"[”』」\"]?[上中]")
_AT_ANY_GATHERING = re.compile(r"[赛会][”』」\"]?[上中]")  # …赛中, …会上 of a gathering no noun list names
_ATTEND = re.compile(r"参加|出席|参与|观看|观摩")


def attends(lead: str) -> bool:
    """True when ``lead`` (a clause up to a trigger, names blanked) has a verb of attending before
    its last 在 (参加…在波士顿举行的表演赛): its subject is at the gathering, not holding it."""
    at = lead.rfind("在")
    return at > 0 and _ATTEND.search(lead, 0, at) is not None


def at_the_gathering(text: str, trigger_end: int, clause_end: int) -> int:
    """Where 上 (or 中) ends a relative clause the trigger opens that names the gathering someone is at
    (…在波士顿举行的|国际胚胎移植学会会议上|说, 在珀斯举行的世界游泳锦标赛上|夺得…的科利姆), or 0: the names
    outside attend it; they are not said to hold it."""
    if text[trigger_end:trigger_end + 1] != "的":
        return 0
    ends = [m.end() for _, end in _gathering_nouns(text, trigger_end, clause_end) for m in [_AT_GATHERING.match(text, end)] if m]
    any_kind = _AT_ANY_GATHERING.search(text, trigger_end + 1, min(clause_end, trigger_end + 40))  # …快棋赛中
    return min(ends + ([any_kind.end()] if any_kind else []), default=0)


def _gathering_nouns(text: str, trigger_end: int, clause_end: int) -> list[tuple[int, int]]:
    """The first span of each gathering noun within 40 characters after a trigger, in its clause."""
    stop = min(clause_end, trigger_end + 40)
    return [(at, at + len(noun)) for noun in _gatherings() for at in [text.find(noun, trigger_end + 1, stop)] if at >= 0]


def gathering_named_end(text: str, trigger_end: int, clause_end: int) -> int:
    """Where the first gathering's noun ends in the relative clause a trigger opens (召开的|全国先进典型
    座谈会|的军队代表徐洪刚), or 0: names after it are not in what is held."""
    if text[trigger_end:trigger_end + 1] != "的":
        return 0
    found = _gathering_nouns(text, trigger_end, clause_end)
    return min(found)[1] if found else 0


@lru_cache(maxsize=1)
def _hall_endings() -> tuple[str, ...]:
    return lexicons.word_list("events/hall_endings.txt")


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


@lru_cache(maxsize=1)
def trigger_re() -> re.Pattern:
    """The trigger words of ``triggers.tsv``, longest first."""
    words = sorted(lexicons.table("events/triggers.tsv"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def outside_names(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """``text[start:end]`` with the characters of entity names blanked (有 in 有限公司 is no verb)."""
    chars = list(text[start:end])
    for m in mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return "".join(chars)


_AGENT_MARK = re.compile(r"(?<![自理缘经])由(?![于此衷])")


def after_agent_marker(text: str, before: list[Mention], at: int) -> list[Mention]:
    """With 由 before the trigger, the names after it do it and those before it are what is done
    or where (郑州赛区的比赛由郑州网吧协会和河南中青网络家园共同承办): only the names after it stay."""
    if len(before) < 2:
        return before
    marks = [m.start() for m in _AGENT_MARK.finditer(text, before[0].start, at) if not any(b.start <= m.start() < b.end for b in before)]
    if not marks:
        return before
    kept = [m for m in before if m.start > marks[-1]]
    return kept or before


def co_trigger(text: str, trig: re.Match, cls: str, clause: tuple[int, int], after: list[Mention]) -> tuple[int, int] | None:
    """(how many of ``after`` are its parties, where it ends) when a second trigger of the same class
    follows names right after this one in the clause (由A主办、B承办的…, A签约、B揭牌 is not one):
    those names do the second, which makes the same event, so they join this one's parties."""
    for later in trigger_re().finditer(text, trig.end(), clause[1]):
        if lexicons.table("events/triggers.tsv")[later.group(0)] != cls:
            continue
        count = sum(1 for m in after if m.end <= later.start())
        if count and text[trig.end():trig.end() + 1] in "、，," and len(outside_names(text, after[count - 1].end, later.start(), after)) <= 2:
            return count, later.end()
        return None
    return None


_FOR = re.compile(r"(?<![成作认因以称视改分题列评选定划名更])为(?![了何此止期主])")
DOERS = ("ORG", "PERSON")


def for_mark(text: str, before: list[Mention], at: int) -> int | None:
    """Where 为 ("for") stands right after names (a few characters between: 共同, 一起) and before a
    trigger whose names are what it is done to (揭牌, 开业): the names before it do it (市长王新伟为
    新园区揭牌), those after it are its theme. Not 成为, 作为, 认为, 列为, 题为, 为了 …"""
    for mark in _FOR.finditer(text, before[0].end if before else at, at):
        if any(b.start <= mark.start() < b.end for b in before):
            continue
        last = max((b for b in before if b.end <= mark.start()), key=lambda b: b.end)
        if len(outside_names(text, last.end, mark.start(), before)) <= 4:
            return mark.start()
    return None


def held_for(text: str, before: list[Mention], at: int) -> int | None:
    """Where 为 ("for") stands right before a name and a hosting trigger follows with no clause
    mark between (为胡锦涛一行联合举办欢迎午餐会, 为他们举行招待会): those it is held for are guests,
    not hosts, whoever holds it (named or not). Not with a time or a modal between: then the name
    is the subject of what is held (为香港特区明年举行市政局选举…奠定了基础)."""
    for b in before:
        mark = b.start - 1
        gap = text[b.end:at]
        if mark >= 0 and _FOR.match(text, mark) and not re.search(r"[，,。；;：:！？!?]", gap) and not _OWN_TIME.search(gap):
            return mark
    return None


_OWN_TIME = re.compile(rf"{TIME.pattern}|将|要|即将|正在|今年|明年|后年|本月|下月")


_CEREMONY = re.compile(r"(?:了|了一场|隆重的)?(\w{2,8}?)(?:仪式|典礼)")


_HELD_TALKS = re.compile(r"(?:了)?(?:[一二两三四五六七八九十几多]+(?:轮|次|场))?(?:\w{0,2}?)(?:会谈|会晤|座谈|磋商)")


def holds_a_ceremony_of(text: str, at: int, end: int) -> bool:
    """True when a hosting trigger (举行) is followed by the ceremony of another kind of event
    (签约仪式, 揭牌仪式) or by talks (举行了两轮会谈): that event is what the sentence reports."""
    if _HELD_TALKS.match(text, at, end):
        return True
    match = _CEREMONY.match(text, at, end)
    if match is None:
        return False
    classes = lexicons.table("events/triggers.tsv")
    return any(classes[inner.group(0)] != "Hosting" for inner in trigger_re().finditer(match.group(1)))


@lru_cache(maxsize=1)
def event_nouns() -> tuple[str, ...]:
    """Nouns of gatherings and ceremonies (``event_nouns.txt``: 峰会, 签约仪式, 论坛)."""
    return lexicons.word_list("events/event_nouns.txt")


@lru_cache(maxsize=1)
def _gatherings() -> tuple[str, ...]:
    return event_nouns() + ("庆典",)


def founds_the_next(text: str, trig: re.Match, before: list[Mention], after: list[Mention]) -> bool:
    """True for a name, then the trigger (or 所 and the trigger), then 的 and an organization's name:
    the first founded the second (香港政府所成立的电影基金会, 由海尔集团创办的海尔大学), also with a
    date or 联合 between (西单商场集团和友谊集团于去年９月５日联合组建的北京西单友谊集团). Not with a
    verb between (经国务院批准设立的交易所: 国务院 approves). With 所 or 由 the name founds what follows
    even when that has no name (香港政府所成立的电影基金会, 由市政府设立的专项资金)."""
    if not before or text[trig.end():trig.end() + 1] != "的":
        return False
    gap = unicodedata.normalize("NFKC", text[before[-1].end:trig.start()])
    if not _FOUNDERS_GAP.fullmatch(gap):
        return False
    if after and after[0].start == trig.end() + 1 and after[0].label == "ORG":
        return True
    return gap.endswith("所") or any(text[m.start - 1:m.start] == "由" for m in (before[0], before[-1]) if m.start)


_FOUNDERS_GAP = re.compile(rf"(?:于|在)?(?:{TIME.pattern})*(?:联合|共同|合资|携手)?所?")


_APPROVED = re.compile(r"批准|同意|批复|授权|核准")


def approves(text: str, mention: Mention) -> bool:
    """True for a name between 经 and a verb of approval (经国务院批准设立的交易所, 经市政府同意): it
    allows what the trigger says, it takes no part in it."""
    return text[mention.start - 1:mention.start] == "经" and bool(_APPROVED.match(text, mention.end))


_FRAME = re.compile(
    r"在[^，,。；;！？\n]{0,12}$"  # 在 before the name, 在国务院副总理|李岚清
)
_FRAME_CLOSE = re.compile(
    r"[^，,。；;！？\n]{0,20}?(?:的?(?:共同)?(?:见证|主持|领导|指导|支持|帮助|推动|协调|倡议|关心|关怀|带领|陪同|邀请)下"
    r"|框架(?:内|下)|的?基础上)"
)


def in_a_frame(text: str, mention: Mention) -> bool:
    """True for a name inside an adverbial frame, 在…下, 在…框架内, 在…基础上 (在李岚清的见证下,
    在市政府的支持下, 在安理会有关决议的框架内): it witnesses, supports or sets the terms; it does
    not take part."""
    return bool(_FRAME.search(text, max(0, mention.start - 13), mention.start)) and bool(_FRAME_CLOSE.match(text, mention.end))


_ROUTE_TO = "至到往"


def off_the_route(text: str, after: list[Mention]) -> list[Mention]:
    """The names after an opening trigger less the ends of a route (开通至威海、烟台的航线, 开通北京至
    上海的航班): a place after 至/到/往, or before 至/到 and a name, and the names listed with it, are
    where a line runs, not what is opened."""
    kept: list[Mention] = []
    dropped: Mention | None = None
    for m in after:
        listed = dropped is not None and LIST_GAP.fullmatch(text, dropped.end, m.start)
        starts = text[m.end:m.end + 1] in _ROUTE_TO[:2] and any(n.start == m.end + 1 for n in after)
        if (m.start > 0 and text[m.start - 1] in _ROUTE_TO) or listed or starts:
            dropped = m
        else:
            kept.append(m)
    return kept


_NOT_FOUNDED = ("于", "以", "前", "后", "时", "之", "的", "仪式", "大会", "典礼", "周年", "暨", "初", "伊始", "至今", "当天", "不久", "已", "才", "将", "了", "并", "和", "及", "与", "标志", "表明", "意味")


def names_a_thing(text: str, trig: re.Match, clause: tuple[int, int], bilateral: bool) -> bool:
    """True when the trigger word is part of a noun, not an event: before 地 it names a place
    (双十协定的签订地桂园); one-sided triggers also where they modify the noun after them in one
    compound (投资总监, 投资环境, 房产投资专家): jieba tags them a noun or verbal noun there and the
    next word a common noun of two or more characters, or they open a longer noun (投资银行)
    (投资|10亿元, 投资|建设, 投资|青岛 stay events). A bilateral one before a noun is checked with its partner (建立合作关系)."""
    if _PLACE_OF.match(text, trig.end()):
        return True
    if bilateral or not "\u4e00" <= text[trig.end():trig.end() + 1] <= "\u9fff":
        return False  # no noun after it
    tokens = lexicons.pos_tags(text[trig.start():min(clause[1], trig.end() + 6)])
    if tokens and tokens[0][0] != trig.group(0):  # the trigger opens a longer word: 投资银行, 投资额
        return tokens[0][0].startswith(trig.group(0)) and tokens[0][1] == "n"
    if len(tokens) < 2:
        return False
    (_, flag), (noun, noun_flag) = tokens[0], tokens[1]
    return flag in ("n", "vn") and noun_flag == "n" and len(noun) >= 2


def object_of_a_listed_verb(text: str, m: Mention, trigger_start: int) -> bool:
    """True for a name that a verb right before it takes as object, in a list of verb phrases whose
    next item the trigger opens (修复南京徐悲鸿纪念馆、召开…研讨会: the 纪念馆 is restored, it holds
    nothing)."""
    if text[trigger_start - 1:trigger_start] != "、" or "、" in text[m.end:trigger_start - 1]:
        return False
    lead = lexicons.pos_tags(text[max(0, m.start - 4):m.start])
    return bool(lead) and lead[-1][1] == "v"


def splits_words(text: str, trig: re.Match, clause: tuple[int, int]) -> bool:
    """True when the trigger word neither begins nor ends one of jieba's words (its dictionary cut)
    in its clause: it runs across two (投注|资金 holds 注资) or sits inside one (联合作战 holds 合作),
    and is no word of the text (友好合作, 合作开发 and 在京举行 stay: one of its ends is a word's);
    or when it opens a word that names a kind of body by an organization's ending (合作社)."""
    words = _clause_words(text[clause[0]:clause[1]])  # (start, word) from the clause's start
    start, end = trig.start() - clause[0], trig.end() - clause[0]
    opened = next((word for at, word in words if at == start), None)
    if opened is not None and len(opened) > end - start and opened.endswith(_body_endings()):
        return True
    bounds = {at for at, _ in words} | {clause[1] - clause[0]}
    return start not in bounds and end not in bounds


@lru_cache(maxsize=256)
def _clause_words(clause: str) -> tuple[tuple[int, str], ...]:
    """jieba's dictionary cut of a clause, each word with its offset (cached: a clause can hold
    several triggers)."""
    words, at = [], 0
    for word, _ in lexicons.dictionary_cut().cut(clause):
        words.append((at, word))
        at += len(word)
    return tuple(words)


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(lexicons.table("entities/org_suffixes.tsv"))


_PLACE_OF = re.compile(r"地点|地(?![区方产铁位])")


@lru_cache(maxsize=1)
def launch_verbs() -> frozenset[str]:
    """Opening verbs that can take what is opened as object (``launch_verbs.txt``: 启动, 开通)."""
    return frozenset(lexicons.word_list("events/launch_verbs.txt"))


_QUOTES_OPEN = ("“", "《", "\"", "「", "『")


def founds_something(text: str, at: int) -> bool:
    """True when a founding trigger is followed by what is founded, named or not (成立了合资公司,
    组建专家组, 设立上海分公司): then the names before it found it rather than being founded
    (青岛新金融产业园成立, 协会成立于1998年, 成立大会)."""
    if text.endswith(("的成立", "的组建", "的创办", "的设立"), 0, at):
        return False  # 筹委会的成立标志着…: the founding of the 筹委会
    rest = text[at + 1:] if text[at:at + 1] == "了" else text[at:]
    if rest[:1] in _QUOTES_OPEN or (rest[:1] == "的" and rest[1:2] in _QUOTES_OPEN):
        return True  # 美海军也成立“战争游戏研究实验室”, 我们已经启动的“铱星计划”: a name in quotes is what is made
    phrase = re.split(r"[，,。；;、！？!?\n]", rest, maxsplit=1)[0]
    if phrase.endswith(_gatherings()):
        return False  # 出席了代表团成立新闻发布会: the founding's gathering, not a thing founded
    return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(_NOT_FOUNDED)


def verb_follows(text: str, at: int) -> bool:
    """True when jieba reads the word at ``at`` as a verb, preposition or adverb (大会的召开|使…,
    举办|为…): a trigger made a noun by 的 is then a subject, and the names after it are the next
    verb's, not its own (against 举办|方, 召开|地点)."""
    words = lexicons.pos_tags(text[at:at + 4])
    return bool(words) and words[0][1][:1] in ("v", "p", "d")


_NOUN_TAGS = ("n", "vn", "b", "an", "nz", "ng")
_TOGETHER = ("联手", "携手", "合资", "独资", "共同", "联合")


def investment_in_general(text: str, trig: re.Match, clause: tuple[int, int], mentions: list[Mention]) -> bool:
    """True for an investment trigger read as a noun of a kind or of a topic, not as someone's act:
    after 的 (印度在军事研究方面的投资), after a noun or a noun-like modifier (设备投资, 教育投资,
    公共投资), or listed with a noun (贸易与投资, 储蓄和投资, 投资和竞争). Not right after a name
    (对华投资, 海尔集团投资)."""
    if any(m.end == trig.start() for m in mentions):
        return False
    if text[trig.start() - 1:trig.start()] == "的":
        return True
    words = lexicons.pos_tags(text[max(clause[0], trig.start() - 6):trig.start()])
    if words and words[-1][0] in ("和", "与", "及", "、") and len(words) > 1:
        return words[-2][1] in _NOUN_TAGS
    if words and words[-1][0].endswith(_TOGETHER):
        return False  # 与西营镇结对联手投资建起…, 合资: how they invest
    if words and words[-1][1] in _NOUN_TAGS and words[-1][0] != "总":
        return True
    after = lexicons.pos_tags(text[trig.end():trig.end() + 4])
    return len(after) > 1 and after[0][0] in ("和", "与", "及", "、") and after[1][1] in _NOUN_TAGS


@lru_cache(maxsize=1)
def _order_nouns() -> tuple[str, ...]:
    return lexicons.word_list("events/order_nouns.txt")


@lru_cache(maxsize=1)
def _collective_re() -> re.Pattern:
    words = sorted(lexicons.word_list("events/collective_words.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})(?:之间|间)?的?$")


def after_collective(text: str, at: int) -> bool:
    """True when the parties of a two-sided trigger are named by a word for them together right
    before it (双方签署, 两国的合作, 彼此合作: ``events/collective_words.txt``): the event is theirs,
    and one name alone (the speaker, the subject of the sentence) is not both of them."""
    return _collective_re().search(text, max(0, at - 8), at) is not None


def signs_an_order(text: str, at: int) -> bool:
    """True when a signing trigger is followed by an order, a law or a decree (签署命令, 签署了一项
    法令: ``events/order_nouns.txt``), which one party signs alone."""
    rest = text[at + 1:] if text[at:at + 1] == "了" else text[at:]
    return _COUNTED_ORDER.sub("", rest, count=1).startswith(_order_nouns())


_COUNTED_ORDER = re.compile(r"^(?:一项|一道|一份|一个|第[0-9０-９一二三四五六七八九十百]+号)")
