"""Places: administrative units and countries from the gazetteer, and zones, towns and streets by their suffixes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from kg.nlp import lexicons
from kg.nlp.entities.names import Candidate, _PROPER_POS, _cut_left, _left_edge
from kg.resolve import gazetteer


@lru_cache(maxsize=1)
def _place_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name in gazetteer.names():
        auto.add_word(name, (name, "GPE"))
    for name in lexicons.word_list("entities/countries.txt"):
        auto.add_word(name, (name, "GPE"))
    auto.make_automaton()
    return auto


def _is_short_form(name: str) -> bool:
    return all(gazetteer.units()[code].name != name for code in gazetteer.names().get(name, ()))


def find_places(text: str, keep_seldom: bool = False) -> Iterator[Candidate]:
    """Administrative units (full and short names) and countries, longest match first.

    A short form that shares a character with an everyday word running across its edge is dropped
    (和政 in 和政府, 新和 in 创新和), and so is one that is itself an everyday word (新兴, 清水, 通道:
    counties whose short names are common words; their full names, 新兴县, still match). Names that
    news annotators seldom mark as places (来宾, 老城区: :mod:`kg.nlp.entities.name_usage`) are
    dropped too, and a full name whose last character opens an everyday word where they seldom end
    a place is cut to its short form (北京市民 → 北京), unless ``keep_seldom`` (inside a name already
    known to be one).
    """
    auto = _place_automaton()
    seldom, cuts = (), ()
    if not keep_seldom:
        seldom = lexicons.first_column("entities/seldom_places.txt")
        cuts = lexicons.first_column("entities/place_cut_words.txt")
    for end, (name, label) in auto.iter_long(text):
        start, end = end - len(name) + 1, end + 1
        if name in seldom:
            continue
        if text[end - 1:end + 1] in cuts:  # 北京市|民: the people of 北京
            end -= 1
            name = name[:-1]
            if name not in gazetteer.names():
                continue
        if _is_short_form(name) and (
            lexicons.is_word(name, 300)
            or (start and lexicons.is_word(text[start - 1:start + 1]) and not _cut_at(text, start))
            or (lexicons.is_word(text[end - 1:end + 1]) and not _cut_at(text, end))
        ):
            continue
        yield Candidate(start, end, label, "gazetteer")


def _cut_at(text: str, at: int) -> bool:
    """True when jieba's dictionary cut of the three characters either side of ``at`` ends a word
    there (德国|宝马, though 国宝 is a word; not 和|政府 at 和政|府)."""
    return lexicons.cut_ends_word(text, max(0, at - 3), at, at + 3)


@lru_cache(maxsize=1)
def _place_suffix_re() -> re.Pattern:
    table = lexicons.table("entities/place_suffixes.tsv")
    alternatives = "|".join(re.escape(s) for s in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})")


def find_suffixed_places(text: str, places: list[Candidate]) -> Iterator[Candidate]:
    """Zones, towns and streets: 上合示范区, 东寨子村, 馆陶路 (without the house number). The name is two to four characters
    before the suffix, not an everyday word, and not a known place plus a suffix (为青岛 …); the
    suffix is not the end of an everyday word (贫困乡村, 世界上铁路)."""
    table = lexicons.table("entities/place_suffixes.tsv")
    place_ends = {p.end for p in places}
    place_starts = {p.start for p in places}
    for match in _place_suffix_re().finditer(text):
        suffix = match.group(0)
        start = _cut_left(text, _left_edge(text, match.start(), 4), match.start())
        start += _after_unit(text[start:match.start()])
        if text[start - 1:start] == "该" and text[start:start + 1] in _UNIT_CHARS:
            start += 1  # 该镇|王桥村: 该镇 refers back (kg.nlp.anaphora), the village is 王桥村
        name = text[start:match.start()]
        if len(name) < 2 or match.start() in place_ends and start not in place_starts:
            continue
        if name in gazetteer.names() and not _is_short_form(name):
            continue  # 江苏省乡: a whole unit's name takes no town suffix (中山路 does: 中山 is a short form)
        last = lexicons.pos_tags(text[start:match.end()])[-1][0]
        if len(last) > len(suffix) and lexicons.is_word(last, 50):  # 贫困|乡村, 世界上|铁路 (not 中山路)
            continue
        if not _ends_word(text, start, match.end()):
            continue  # the suffix opens the next word: 深入|乡村, 副社长|河村
        if lexicons.is_word(name + suffix, 50) or lexicons.is_common_noun(name + suffix) or _not_a_name(name):
            continue
        yield Candidate(start, match.end(), table[suffix], "place_suffix")


_UNIT_CHARS = "省市县区镇乡村"


def _after_unit(name: str) -> int:
    """Where a town's or street's own name starts in the four characters read before its suffix:
    after the last unit character inside them (阳县|城关镇, 南镇|三角村, 市|百里洲镇), which ends the
    name of the place it lies in. One at the start (市府大道) or at the end (罗镇乡) is its own."""
    for i in range(len(name) - 2, 0, -1):
        if name[i] in _UNIT_CHARS:
            return i + 1
    return 0


def _ends_word(text: str, start: int, end: int) -> bool:
    """True when jieba, reading on two characters past ``end``, ends a word at ``end``."""
    at = start
    for word, _ in lexicons.pos_tags(text[start:end + 2]):
        at += len(word)
        if at >= end:
            return at == end
    return True


def _not_a_name(name: str) -> bool:
    """True for what cannot name a street or town: a function word (为青岛), a verb (改善村, 携带村),
    a count alone (三个, 几个), or two or more everyday words with no name among them (偏僻|山村,
    农村|小|镇: in the MSRA and People's Daily training sets 184 of 205 such suffix-rule spans lie
    in no gold name). Numerals inside a name stay: 四方路, 五四广场, 八一路."""
    if lexicons.has_function_word(name, numerals=False) or _COUNT.fullmatch(name):
        return True
    tags = lexicons.pos_tags(name)
    if len(tags) > 1 and all(not flag.startswith(_PROPER_POS) and lexicons.is_word(word, 100) for word, flag in tags):
        return True
    return any(flag.startswith("q") for _, flag in tags) or (len(tags) == 1 and tags[0][1] == "v" and lexicons.is_word(name, 200))


_COUNT = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万两几数]+[个些多余]?")
