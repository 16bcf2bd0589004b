"""Shared by the entity rules: candidates, where a name's left edge lies, and choosing among overlapping candidates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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
def _stop_chars() -> frozenset[str]:
    return frozenset("".join(lexicons.word_list("entities/stop_chars.txt")))


@lru_cache(maxsize=1)
def _org_suffixes() -> list[tuple[str, str]]:
    table = lexicons.table("entities/org_suffixes.tsv")
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def org_ending(name: str) -> str:
    """The longest organization ending ``name`` ends with and holds more than (集团 of 上海汽车集团),
    else ""."""
    return max((s for s, _ in _org_suffixes() if name.endswith(s) and len(s) < len(name)), key=len, default="")


@lru_cache(maxsize=1)
def _org_suffix_re() -> re.Pattern:
    return re.compile("|".join(re.escape(s) for s, _ in _org_suffixes()))


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
def _stop_words() -> tuple[str, ...]:
    triggers = lexicons.table("events/triggers.tsv")
    return tuple(sorted(set(lexicons.word_list("entities/stop_words.txt")) | set(triggers), key=len, reverse=True))


@lru_cache(maxsize=1)
def _stop_tokens() -> frozenset[str]:
    return frozenset(lexicons.word_list("entities/stop_tokens.txt"))


_CUT_POS = ("v", "p", "c", "d", "u", "r", "m", "q", "f", "t")


# a preposition, conjunction, pronoun or adverb right before an organization's ending: in the MSRA
# and People's Daily training sets 67 of 76 such suffix-rule spans are no organization's name
_FUNCTION_POS = ("p", "c", "r", "d", "ad")

_DEPARTMENT = "部处办科"  # endings of an organization's departments


def _cut_left(text: str, start: int, end: int, keep: frozenset[int] = frozenset(), verbs: bool = True) -> int:
    """Move ``start`` right past the last verb, preposition or other function word before ``end``
    (发布省级政府 → 省级政府), by jieba's part-of-speech tags and the stop-word list; without
    ``verbs``, verbs and time words stay (青岛市现代服务业联合会). A word that opens a nested
    organization suffix is part of the name (创新 in …创新中心运营拓展部)."""
    suffixes = tuple(s for s, _ in _org_suffixes())
    stops = _stop_words()
    protected = set(keep)
    for core in lexicons.word_list("entities/gov_names.txt"):
        at = text.find(core, start, end)
        if at >= 0:
            protected |= set(range(at, at + len(core)))
    tokens = lexicons.pos_tags(text[start:end])
    offset = end
    department = text[end:end + 1] in _DEPARTMENT  # named by what it does: 运营拓展部, 国际合作处
    for i, (word, flag) in enumerate(reversed(tokens)):
        offset -= len(word)
        if i == 0 and flag.startswith(_FUNCTION_POS) and offset > start:
            return offset + len(word)  # 按照|省委, 某|部, 共同|组织: a function word names no unit
        if i == 0 or offset in protected:
            continue  # the word next to the suffix names the unit: 运营拓展部, 招商局
        after_unit = text.endswith(suffixes, start, offset)  # a unit of an organization
        nested = after_unit or any(text.startswith(x, offset) and len(x) > len(word) for x in suffixes)
        verb = flag.startswith(_CUT_POS) and flag != "vn" and (verbs or not flag.startswith(("v", "t")))
        if flag == "vn" and _line_of_business(text, offset + len(word), end):
            continue  # 上海凯奕|投资咨询管理|有限公司: the company's trade, not a verb before its name
        if not nested and (word.endswith(stops) or word in _stop_tokens() or verb):
            return _past_verbal_noun(tokens, len(tokens) - 1 - i, offset + len(word))
        trigger = word in lexicons.table("events/triggers.tsv") and not department  # 运营拓展部 is a unit's name
        if after_unit and (word in lexicons.word_list("entities/stop_words.txt") or trigger):
            return offset + len(word)  # a news verb right after a name's ending: …研究中心发布省级政府, 浪潮集团合作建设…
    return start


_COMPANY_FORMS = ("有限公司", "股份有限公司", "有限责任公司", "集团", "公司")


def _line_of_business(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, between a word and a company's ending, is everyday nouns of
    a trade (投资|咨询管理|有限公司, 运营|服务|有限公司): the word before it names the company's trade
    too, even one that is an event's trigger. Not with a place among them (投资|青岛…有限公司: who
    invests where)."""
    if not text.startswith(_COMPANY_FORMS, end) or end - start < 2:
        return False
    words = lexicons.pos_tags(text[start:end])
    return all(flag in ("n", "vn") and lexicons.is_common_noun(word) for word, flag in words)


_PROPER_FLAGS = ("ns", "nr", "nz", "nt", "j")
# jieba tags of a name, an abbreviation or a word it does not know: a phrase with one has a proper part
_PROPER_POS = _PROPER_FLAGS + ("x", "eng")


def _past_verbal_noun(tokens, index: int, at: int) -> int:
    """``at``, the end of the verb ``tokens[index]`` a name was cut after, or past a verbal noun
    that follows it and is a verb there, before a proper name (不会|影响|潇湘银行: jieba tags 影响
    a verbal noun, which names keep: 设计院)."""
    if index + 2 < len(tokens) and tokens[index + 1][1] == "vn" and tokens[index + 2][1].startswith(_PROPER_FLAGS):
        return at + len(tokens[index + 1][0])
    return at


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
