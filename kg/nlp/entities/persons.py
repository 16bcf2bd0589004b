"""People named next to a title or rank (执行长封昌红, 习近平总书记, 部长阿莱科斯·帕帕佐普洛斯)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.names import Candidate, HAN, _stop_chars


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    titles = "|".join(map(re.escape, lexicons.person_titles()))
    return re.compile(titles)


# particles no given name holds (单位的专家 names no 单 called 位的); 其, 再, 之 … do (钱其琛, 刘再复)
_PARTICLES = frozenset("的地得了着过吗呢吧")


def _name_at(text: str, start: int) -> int | None:
    """End of a person's name starting at ``start`` (surname + one or two characters), or None."""
    single, compound = lexicons.surnames()
    if text[start:start + 2] in compound:
        given_from = start + 2
    elif text[start:start + 1] in single:
        given_from = start + 1
    else:
        return None
    rest = text[given_from:given_from + 2]
    if given_from == start + 1 and lexicons.has_function_word(text[start]) and (lexicons.is_word(rest, 50) or lexicons.has_function_word(rest)):
        return None  # an adverb or preposition that is also a surname, then a word: 部长曾批评, 于近日
    titles = _title_re()
    verbs = lexicons.word_list("entities/person_verbs.txt")
    stops = _stop_chars()

    def boundary(i: int) -> bool:
        return i >= len(text) or not re.match(rf"[{HAN}]", text[i]) or bool(titles.match(text, i)) or text.startswith(verbs, i)

    options = [given_from + 1, given_from + 2]
    options = [e for e in options if e <= len(text) and re.fullmatch(rf"[{HAN}]+", text[given_from:e]) and not _PARTICLES & set(text[given_from:e])]
    for end in options:
        if boundary(end):
            return end
    if len(options) == 2 and text[given_from + 1] not in stops:
        return options[1]
    return None


_FOREIGN = re.compile(rf"[{HAN}]{{1,6}}(?:[·•][{HAN}]{{1,8}})+")


def _foreign_end(text: str, start: int, end: int) -> int:
    """Where a transliterated name ends: before a title, verb or function word that the pattern ran
    into (威廉·佩里一行, 托马斯·萨维为团长), and before 时 in front of a verb (会见于贝尔·韦德里纳时说)."""
    last = max(text.rfind("·", start, end), text.rfind("•", start, end)) + 1
    words = lexicons.word_list("entities/person_verbs.txt") + lexicons.person_titles()
    stops = _stop_chars()
    for i in range(last + 1, end):
        if text[i] in stops or text.startswith(words, i):
            return i - 1 if text[i - 1] == "时" and i - 1 > last + 1 else i  # …韦德里纳|时说: when he said
    return end


def _ends_in_a_word(text: str, start: int, end: int) -> bool:
    """True when jieba's dictionary cut of a name read after a title and the two characters after it
    puts a word across the name's end (总理高度评|价, 陈震六|次给). Such a name is read one character
    shorter where that ends a word (陈震), else not at all: on the MSRA and People's Daily training
    sets the title rule's names that are gold went from 6,250 to 6,333, the others from 724 to 527."""
    return not lexicons.cut_ends_word(text, start, end, end + 2)


# jieba's dictionary words that no title-rule name is: verbs, prepositions, conjunctions, adverbs,
# non-predicate adjectives and abbreviations (记者查询, 关于, 于是, 曾经, 高级, 欧盟): on the MSRA and
# People's Daily training sets 130 such names, 7 of them gold (夏珺, which jieba lists as a verb)
_NOT_NAME_POS = ("v", "p", "c", "d", "b", "j")


def _is_function_word(name: str) -> bool:
    return (lexicons.dictionary_pos(name) or "x").startswith(_NOT_NAME_POS)


def find_persons(text: str) -> Iterator[Candidate]:
    """People named next to a title: 执行长封昌红, 副教授张彬认为, 习近平总书记, and transliterated
    names after a title (部长阿莱科斯·帕帕佐普洛斯)."""
    for match in _title_re().finditer(text):
        after = match.end() + (1 if text[match.end():match.end() + 1] == " " else 0)
        foreign = _FOREIGN.match(text, after)
        end = _foreign_end(text, after, foreign.end()) if foreign else _name_at(text, after)
        if end and not foreign and _ends_in_a_word(text, after, end):
            end = end - 1 if end - 1 - after >= 2 and not _ends_in_a_word(text, after, end - 1) else None
        if end and not foreign and _is_function_word(text[after:end]):
            end = None
        if end:
            yield Candidate(after, end, "PERSON", "person_title")
        for length in (3, 2):  # the name before the title: 习近平总书记
            start = match.start() - length
            if start >= 0 and _name_at(text, start) == match.start():
                before = text[start - 1] if start else "\n"
                starts = not re.match(rf"[{HAN}]", before) or before in _stop_chars()
                if starts and not _is_function_word(text[start:match.start()]):
                    yield Candidate(start, match.start(), "PERSON", "person_title")
                    break
