"""One-character short forms of places (中美两国, 巴以双方, 来华投资, 京津冀): the name each stands for,
from ``entities/place_abbreviations.tsv``, so that 中 and 中国 are one node of the graph. A short form
of several places (巴: 巴西, 巴基斯坦, 巴勒斯坦) stands for the one the article writes out in full.
Only where it is written as a place (see :func:`expanded`): the model also marks 奥 of 奥运会 (as
MSRA's annotators do) and, in web text, 中 of brand names (中彩中心)."""

from __future__ import annotations

from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention
from kg.nlp.train import place_label


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return {short: tuple(names.split()) for short, names in lexicons.table("entities/place_abbreviations.tsv").items()}


def short_forms() -> frozenset[str]:
    """The one-character short forms the table knows."""
    return frozenset(_table())


def full_name(short: str, text: str) -> str | None:
    """The place the one-character ``short`` stands for in an article ``text``, None where the
    table has no such short form or the article does not say which of its places it is."""
    names = _table().get(short)
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    written = [name for name in names if name in text]
    return written[0] if len(written) == 1 else None


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[str, ...]]:
    cues = {side: words.split() for side, words in lexicons.table("entities/place_abbreviation_cues.tsv").items()}
    return frozenset(cues["before"]), tuple(cues["after"])


def written_as_place(text: str, m: Mention, names: list[Mention]) -> bool:
    """True for a one-character place written as a place: beside another one (中美, 巴以) or with a
    cue before or after it (访华, 对俄, 中方, 美军, 中法两国: ``entities/place_abbreviation_cues.tsv``);
    not 奥 of 奥运会 or 中 of 中彩中心."""
    before, after = _cues()
    singles = {n.start for n in names if n.label in ("GPE", "LOC") and len(n.text) == 1 and n.text in _table()}
    paired = m.start - 1 in singles or m.end in singles
    return paired or text[m.start - 1:m.start] in before or text.startswith(after, m.end)


def expanded(names: list[Mention], text: str) -> list[Mention]:
    """``names`` with each one-character place :func:`written_as_place` named by the place it
    stands for (中 → 中国, labelled as that name is: 欧 → 欧洲 a LOC) where the table or the article
    says which; the short form is one of its names (an altLabel in the graph). Elsewhere it stays
    as written."""
    out = []
    for m in names:
        name = full_name(m.text, text) if m.label in ("GPE", "LOC") and len(m.text) == 1 else None
        if name is None or not written_as_place(text, m, names):
            out.append(m)
            continue
        out.append(Mention(m.start, m.end, place_label(name), m.text, name))
    return out
