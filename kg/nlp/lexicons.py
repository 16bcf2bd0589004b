"""The data files of kg's rule layer, read once (``kg/resources/entities/*``)."""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("kg").joinpath(f"resources/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _table(name: str) -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in _lines(name))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A one-entry-a-line data file, longest entry first."""
    return tuple(sorted(set(_lines(name)), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column tab-separated data file as a dict."""
    return _table(name)


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single-character and compound surnames."""
    entries = _lines("entities/surnames.txt")
    single = frozenset(ch for line in entries if len(line) > 2 for ch in line)
    compound = frozenset(line for line in entries if len(line) == 2)
    return single, compound


@lru_cache(maxsize=1)
def common_words(min_freq: int = 3000) -> frozenset[str]:
    """Frequent words of jieba's dictionary that are not place names (POS other than ns)."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=" "):
            if len(row) == 3 and row[2] != "ns" and int(row[1]) >= min_freq:
                words.add(row[0])
    return frozenset(words)
