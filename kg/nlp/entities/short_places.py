"""One-character short forms of places (中美两国, 巴以双方, 来华投资, 京津冀): the name each stands for,
from ``entities/place_abbreviations.tsv``, so that 中 and 中国 are one node of the graph. A short form
of several places (巴: 巴西, 巴基斯坦, 巴勒斯坦) stands for the one the article writes out in full."""

from __future__ import annotations

from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.records import Mention


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return {short: tuple(names.split()) for short, names in lexicons.table("entities/place_abbreviations.tsv").items()}


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


def expanded(mention: Mention, text: str) -> Mention:
    """``mention`` named by the place its one-character short form stands for (中 → 中国; labelled
    as that name is, 欧 → 欧洲 a LOC), or unchanged. The short form is no alias of the place."""
    if mention.label not in ("GPE", "LOC") or len(mention.text) != 1:
        return mention
    name = full_name(mention.text, text)
    if name is None:
        return mention
    from kg.nlp.train import place_label

    return Mention(mention.start, mention.end, place_label(name), mention.text, name, alias=False)
