"""The rule layer for entities: gazetteer places, organization suffixes, titled names, enumerations.

It works on characters of ``doc.text`` and so serves any tokenizer. Each finder yields
:class:`Candidate` records; :func:`find_entities` keeps the longest non-overlapping ones. The lexicons
describe Chinese news in general (suffixes, titles, administrative units) and live in
``kg/resources/entities/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from kg.nlp import lexicons
from kg.resolve import gazetteer

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_NAME_CHAR = re.compile(rf"[{HAN}A-Za-zＡ-Ｚａ-ｚ·•]")
_MAX_ORG = 24


@dataclass(frozen=True)
class Candidate:
    """A proposed entity: ``text[start:end]`` with a label, the rule that found it, and optionally
    the name it stands for when that differs from its surface (平度市 in 平度市、莱西市政府 stands for
    平度市政府)."""

    start: int
    end: int
    label: str
    rule: str
    name: str | None = None


@lru_cache(maxsize=1)
def _place_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name in gazetteer.names():
        auto.add_word(name, (name, "GPE"))
    for name in lexicons.word_list("entities/countries.txt"):
        auto.add_word(name, (name, "GPE"))
    auto.make_automaton()
    return auto


@lru_cache(maxsize=1)
def _org_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name in lexicons.organization_words():
        auto.add_word(name, name)
    auto.make_automaton()
    return auto


def find_known_orgs(text: str) -> Iterator[Candidate]:
    """Organizations jieba's dictionary knows by name (外交部, 世界银行, 上海证券交易所)."""
    for end, name in _org_automaton().iter_long(text):
        yield Candidate(end - len(name) + 1, end + 1, "ORG", "lexicon")


@lru_cache(maxsize=1)
def _stop_chars() -> frozenset[str]:
    return frozenset("".join(lexicons.word_list("entities/stop_chars.txt")))


def _is_short_form(name: str) -> bool:
    return all(gazetteer.units()[code].name != name for code in gazetteer.names().get(name, ()))


def find_places(text: str) -> Iterator[Candidate]:
    """Administrative units (full and short names) and countries, longest match first.

    A match that shares a character with an everyday word running across its edge is dropped
    (和政 in 和政府, 新和 in 创新和).
    """
    auto = _place_automaton()
    for end, (name, label) in auto.iter_long(text):
        start, end = end - len(name) + 1, end + 1
        if _is_short_form(name) and (
            (start and lexicons.is_word(text[start - 1:start + 1])) or lexicons.is_word(text[end - 1:end + 1])
        ):
            continue
        yield Candidate(start, end, label, "gazetteer")


def _left_edge(text: str, end: int, limit: int, floor: int = 0) -> int:
    """Walk left from ``end`` over name characters until a stop character or punctuation.

    A balanced (…) group inside a name is kept: 中央党校(国家行政学院)电子政务研究中心.
    Government cores that hold 和 (工业和信息化) are crossed as a whole.
    """
    stops = _stop_chars()
    cores = lexicons.word_list("entities/gov_names.txt")
    i = end
    while i > max(floor, end - limit):
        ch = text[i - 1]
        if ch in ")）":
            open_at = max(text.rfind("(", floor, i - 1), text.rfind("（", floor, i - 1))
            inner = text[open_at + 1:i - 1]
            if open_at > floor and _NAME_CHAR.match(text[open_at - 1]) and text[open_at - 1] not in stops and (
                inner in gazetteer.names() or inner.endswith(tuple(s for s, _ in _org_suffixes()))
            ):
                i = open_at
                continue
            break
        core = next((c for c in cores if text.endswith(c, floor, i)), None)
        if core:
            i -= len(core)
            continue
        if not _NAME_CHAR.match(ch) or ch in stops:
            break
        i -= 1
    return i


@lru_cache(maxsize=1)
def _org_suffixes() -> list[tuple[str, str]]:
    table = lexicons.table("entities/org_suffixes.tsv")
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1)
def _org_suffix_re() -> re.Pattern:
    return re.compile("|".join(re.escape(s) for s, _ in _org_suffixes()))


@lru_cache(maxsize=1)
def _scope_prefixes() -> tuple[str, ...]:
    return lexicons.word_list("entities/org_scope_prefixes.txt")


def _suffix_is_word_part(text: str, start: int, end: int) -> bool:
    """True when the suffix is really part of another word: 社 in 社区, 委 in 委托, 办 in 主办."""
    if lexicons.is_word(text[end - 1:end + 1]):
        return True
    return end - start == 1 and lexicons.is_word(text[start - 1:end])


@lru_cache(maxsize=1)
def _stop_words() -> tuple[str, ...]:
    triggers = lexicons.table("events/triggers.tsv")
    return tuple(sorted(set(lexicons.word_list("entities/stop_words.txt")) | set(triggers), key=len, reverse=True))


_CUT_POS = ("v", "p", "c", "d", "u", "r", "m", "q", "f", "t")


def _cut_left(text: str, start: int, end: int, keep: frozenset[int] = frozenset(), verbs: bool = True) -> int:
    """Move ``start`` right past the last verb, preposition or other function word before ``end``
    (发布省级政府 → 省级政府), by jieba's part-of-speech tags and the stop-word list. A word that opens
    a nested organization suffix is part of the name (创新 in …创新中心运营拓展部)."""
    suffixes = tuple(s for s, _ in _org_suffixes())
    stops = _stop_words()
    protected = set(keep)
    for core in lexicons.word_list("entities/gov_names.txt"):
        at = text.find(core, start, end)
        if at >= 0:
            protected |= set(range(at, at + len(core)))
    tokens = lexicons.pos_tags(text[start:end])
    offset = end
    for i, (word, flag) in enumerate(reversed(tokens)):
        offset -= len(word)
        if i == 0 or offset in protected:
            continue  # the word next to the suffix names the unit: 运营拓展部, 招商局
        nested = any(text.startswith(x, offset) and len(x) > len(word) for x in suffixes)
        nested = nested or text.endswith(suffixes, start, offset)  # a unit of an organization
        verb = flag.startswith(_CUT_POS) and flag != "vn" and (verbs or not flag.startswith("v"))
        if not nested and (word.endswith(stops) or verb):
            return offset + len(word)
    return start


def find_orgs(text: str, places: list[Candidate]) -> Iterator[Candidate]:
    """Organizations by their name endings: 青岛海诺生物工程有限公司, 国务院办公厅电子政务办公室.

    The name runs left from the suffix to a stop character, then back to the last verb or function
    word before the suffix (推动青岛市政府 → 青岛市政府). What is left must have a proper part: a place
    or scope word at its start (青岛市…, 中央…, 市…), or words that are not everyday vocabulary (海诺,
    国务院). A weak suffix (公司, 局, 中心 …) needs the place or scope word.
    """
    strength = dict(_org_suffixes())
    place_starts = {p.start: p.end for p in places}
    inside_places = frozenset(i for p in places for i in range(p.start, p.end))
    for match in _org_suffix_re().finditer(text):
        suffix, end = match.group(0), match.end()
        if _suffix_is_word_part(text, match.start(), end):
            continue
        start = _left_edge(text, match.start(), _MAX_ORG)
        scoped_run = start in place_starts or text.startswith(_scope_prefixes(), start)
        start = _cut_left(text, start, match.start(), inside_places, verbs=not scoped_run)
        if match.start() - start < 2:
            continue
        scope = next((w for w in _scope_prefixes() if text.startswith(w, start)), "")
        scoped = start in place_starts or (scope and (len(scope) > 1 or match.start() - start - len(scope) >= 2))
        proper = text[place_starts.get(start, start):match.start()]
        if proper and not scoped and lexicons.is_generic(proper):
            continue
        if strength[suffix] == "weak" and not scoped:
            continue
        yield Candidate(start, end, "ORG", "org_suffix")


@lru_cache(maxsize=1)
def _place_suffix_re() -> re.Pattern:
    table = lexicons.table("entities/place_suffixes.tsv")
    alternatives = "|".join(re.escape(s) for s in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})")


def find_suffixed_places(text: str, places: list[Candidate]) -> Iterator[Candidate]:
    """Zones, towns and streets: 上合示范区, 东寨子村, 馆陶路 (without the house number). The name is two to four characters
    before the suffix, not an everyday word, and not a known place plus a suffix (为青岛 …)."""
    table = lexicons.table("entities/place_suffixes.tsv")
    place_ends = {p.end for p in places}
    for match in _place_suffix_re().finditer(text):
        suffix = match.group(0)
        start = _cut_left(text, _left_edge(text, match.start(), 4), match.start())
        name = text[start:match.start()]
        if len(name) < 2 or match.start() in place_ends and start not in {p.start for p in places}:
            continue
        if lexicons.is_word(name + suffix, 50) or lexicons.is_common_noun(name + suffix) or lexicons.has_function_word(name):
            continue
        yield Candidate(start, match.end(), table[suffix], "place_suffix")


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    titles = "|".join(map(re.escape, lexicons.word_list("entities/person_titles.txt")))
    return re.compile(titles)


def _name_at(text: str, start: int) -> int | None:
    """End of a person's name starting at ``start`` (surname + one or two characters), or None."""
    single, compound = lexicons.surnames()
    if text[start:start + 2] in compound:
        given_from = start + 2
    elif text[start:start + 1] in single:
        given_from = start + 1
    else:
        return None
    titles = _title_re()
    verbs = lexicons.word_list("entities/person_verbs.txt")
    stops = _stop_chars()

    def boundary(i: int) -> bool:
        return i >= len(text) or not re.match(rf"[{HAN}]", text[i]) or bool(titles.match(text, i)) or text.startswith(verbs, i)

    options = [given_from + 1, given_from + 2]
    options = [e for e in options if e <= len(text) and re.fullmatch(rf"[{HAN}]+", text[given_from:e])]
    for end in options:
        if boundary(end):
            return end
    if len(options) == 2 and text[given_from + 1] not in stops:
        return options[1]
    return None


_FOREIGN = re.compile(rf"[{HAN}]{{1,6}}(?:[·•][{HAN}]{{1,8}})+")


def _foreign_end(text: str, start: int, end: int) -> int:
    """Where a transliterated name ends: before a title, verb or function word that the pattern ran
    into (威廉·佩里一行, 托马斯·萨维为团长)."""
    last = max(text.rfind("·", start, end), text.rfind("•", start, end)) + 1
    words = lexicons.word_list("entities/person_verbs.txt") + lexicons.word_list("entities/person_titles.txt")
    stops = _stop_chars()
    for i in range(last + 1, end):
        if text[i] in stops or text.startswith(words, i):
            return i
    return end


def find_persons(text: str) -> Iterator[Candidate]:
    """People named next to a title: 执行长封昌红, 副教授张彬认为, 习近平总书记, and transliterated
    names after a title (部长阿莱科斯·帕帕佐普洛斯)."""
    for match in _title_re().finditer(text):
        after = match.end() + (1 if text[match.end():match.end() + 1] == " " else 0)
        foreign = _FOREIGN.match(text, after)
        end = _foreign_end(text, after, foreign.end()) if foreign else _name_at(text, after)
        if end:
            yield Candidate(after, end, "PERSON", "person_title")
        for length in (3, 2):  # the name before the title: 习近平总书记
            start = match.start() - length
            if start >= 0 and _name_at(text, start) == match.start():
                before = text[start - 1] if start else "\n"
                if not re.match(rf"[{HAN}]", before) or before in _stop_chars():
                    yield Candidate(start, match.start(), "PERSON", "person_title")
                    break


_ENUM_HEAD = re.compile(r"(?:等)?[0-9一二两三四五六七八九十]+(?:家|个)(?:企业|公司|单位|机构|园区|项目)")


def find_enumerations(text: str) -> Iterator[Candidate]:
    """Items of a list closed by a count of organizations: 征和工业、众地家纺、花帝食品四家企业."""
    for head in _ENUM_HEAD.finditer(text):
        start = head.start()
        while start > 0 and (text[start - 1] == "、" or _NAME_CHAR.match(text[start - 1])) and text[start - 1] not in "的是为与":
            start -= 1
        items = text[start:head.start()].split("、")
        if len(items) < 2:
            continue
        offset = start
        for item in items:
            if 2 <= len(item) <= 12:
                yield Candidate(offset, offset + len(item), "ORG", "enumeration")
            offset += len(item) + 1


def _choose(candidates: Iterable[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    taken: set[int] = set()
    # longest first; on a tie a rule beats the same name spread through the document, which beats
    # the statistical model (a document names one thing one way)
    rank = {"propagation": 1, "model": 2}
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), rank.get(c.rule, 0), c.start, c.label)):
        span = set(range(cand.start, cand.end))
        if not span & taken:
            chosen.append(cand)
            taken |= span
    return sorted(chosen, key=lambda c: c.start)


def find_coordinated_heads(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """A place coordinated with an organization shares its head: in 平度市、莱西市政府 the first place
    stands for 平度市政府."""
    by_end = {c.end: c for c in chosen}
    for cand in chosen:
        if cand.label != "ORG" or cand.rule != "org_suffix":
            continue
        head = _org_suffix_re().search(text, cand.start, cand.end)
        left = by_end.get(cand.start - 1)
        if left and left.label == "GPE" and text[cand.start - 1] in "、和与及" and head:
            suffix = text[head.start():cand.end]
            yield Candidate(left.start, left.end, "ORG", "coordination", text[left.start:left.end] + suffix)


@lru_cache(maxsize=1)
def _bilateral_re() -> re.Pattern:
    triggers = lexicons.table("events/triggers.tsv")
    bilateral = {"Signing", "Cooperation", "Meeting"}
    words = sorted((w for w, c in triggers.items() if c in bilateral), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


_SLOT = re.compile(rf"(?:^|(?<=[\s,，。:：;；、“]))([{HAN}A-Za-z·]{{2,10}}?)(?=[与同跟])")


def find_slot_fillers(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The party named first in ``X 与 Y … 签约/合作/会见`` where Y is a known entity: X is an
    organization too (海尔卡奥斯与平度市…签署). Only in clauses that hold such a trigger."""
    starts = {c.start for c in chosen}
    # names found by rules stand; a statistical model's pieces inside the run do not (海尔 + 卡奥斯)
    taken = {i for c in chosen if c.label in ("ORG", "PERSON") and c.rule != "model" for i in range(c.start, c.end)}
    for trig in _bilateral_re().finditer(text):
        clause_start = max(text.rfind(p, 0, trig.start()) for p in "，,。；;\n") + 1
        clause = text[clause_start:trig.start()]
        clause = TIME_PREFIX.sub(lambda m: " " * len(m.group(0)), clause)
        for match in _SLOT.finditer(clause):
            start, end = clause_start + match.start(1), clause_start + match.end(1)
            if end + 1 in starts and not taken & set(range(start, end)) and not lexicons.has_function_word(match.group(1)):
                if not lexicons.is_word(match.group(1), 50):
                    yield Candidate(start, end, "ORG", "slot")


TIME_PREFIX = re.compile(r"^\s*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午)?")


def propagate(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Every other occurrence of a name found once in the document (the model or a rule may have
    seen only the first). An organization named without a suffix (a brand: 海尔卡奥斯) is also
    found by its tail after the first two characters (卡奥斯), as news shortens such names."""
    names = {text[c.start:c.end]: (c.label, c.name) for c in chosen if c.end - c.start >= 2}
    for c in chosen:
        name = text[c.start:c.end]
        if c.label == "ORG" and c.rule in ("slot", "model") and 5 <= len(name) <= 8 and not _org_suffix_re().search(name):
            names.setdefault(name[2:], ("ORG", c.name or name))
    if not names:
        return
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    for match in pattern.finditer(text):
        label, name = names[match.group(0)]
        yield Candidate(match.start(), match.end(), label, "propagation", name)


def find_entities(text: str, known: Iterable[Candidate] = ()) -> list[Candidate]:
    """All rule entities of a text, non-overlapping, longest first.

    Args:
        text: the document text.
        known: entities found before (by the statistical model); rules fill around them and
            replace one only with a longer span that contains it.
    """
    known = list(known)
    places = list(find_places(text))
    places += list(find_suffixed_places(text, places))
    found = places + list(find_orgs(text, places)) + list(find_known_orgs(text))
    found += list(find_persons(text)) + list(find_enumerations(text))
    chosen = _choose(known + found)
    heads = {(c.start, c.end): c for c in find_coordinated_heads(text, chosen)}
    chosen = [heads.get((c.start, c.end), c) for c in chosen]
    chosen = _choose(chosen + list(find_slot_fillers(text, chosen)))
    return _choose(chosen + list(propagate(text, chosen)))
