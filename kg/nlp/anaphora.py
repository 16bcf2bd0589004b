"""Names by reference: 该 and a kind noun (该公司, 该行, 该市, 该国) stands for the nearest name of
that kind before it in the article (记者从招商银行获悉，该行与武汉钢铁集团签署了协议: 该行 is
招商银行). Each such reference becomes a :class:`~kg.nlp.records.Mention` of the name it stands for,
so events and posts read it as that party (``alias=False``: 该行 is not one of the bank's names).
The kinds and the name endings each accepts are data (``entities/anaphors.tsv``)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention
from kg.resolve import gazetteer

# how far back (characters) a reference looks for its name: a paragraph of news
_REACH = 300
# 该 inside another word: 应该, 活该, 不该
_NOT_THIS = "应活不"


@lru_cache(maxsize=1)
def _kinds() -> dict[str, tuple[str, tuple[str, ...]]]:
    """kind noun → (label, name endings)."""
    return {kind: (label, tuple(endings.split())) for kind, label, endings in lexicons.rows("entities/anaphors.tsv")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("该(" + "|".join(sorted(map(re.escape, _kinds()), key=len, reverse=True)) + ")")


def references(text: str, mentions: list[Mention]) -> list[Mention]:
    """A mention for each 该 + kind noun of ``text`` whose name can be found before it."""
    found = []
    for m in _pattern().finditer(text):
        if m.start() > 0 and text[m.start() - 1] in _NOT_THIS:
            continue
        kind = m.group(1)
        if not _is_word(text, m.start(), kind):
            continue  # 该行业, 该市场, 该部门: 该 and another word
        label, endings = _kinds()[kind]
        named = _nearest(text, m.start(), mentions, label, endings)
        if named is not None:
            found.append(Mention(m.start(), m.end(), named.label, m.group(0), named.name, alias=False))
    return found


def _is_word(text: str, at: int, kind: str) -> bool:
    """True when jieba reads the kind noun after 该 as a word of its own (该|行|与, 该行|与), not as
    the start of a longer one (该|行业)."""
    words = [w for w, _ in lexicons.pos_tags(text[at:at + len(kind) + 4])]
    if words[0] == "该" + kind:
        return True
    return words[0] == "该" and len(words) > 1 and words[1] == kind


def _nearest(text: str, at: int, mentions: list[Mention], label: str, endings: tuple[str, ...]) -> Mention | None:
    """The nearest name before ``at`` within :data:`_REACH` with ``label`` that ends as ``endings``
    say."""
    for mention in sorted((m for m in mentions if m.end <= at and at - m.end <= _REACH), key=lambda m: -m.end):
        if mention.label == label and _ends(mention.name, label, endings):
            return mention
    return None


def _ends(name: str, label: str, endings: tuple[str, ...]) -> bool:
    if endings == ("country",):
        return name in lexicons.countries()
    if name.endswith(endings):
        return True
    if label == "GPE":
        return any(gazetteer.units()[code].name.endswith(endings) for code in gazetteer.names().get(name, ()))
    return False
