"""Run-together lists of people's names (记者程世来孟晓阳叶水茂, 江泽民李鹏朱镕基…等, 名单 printed with
no mark between names), which a statistical model reads as one long name or a few: split into one
name each where the run reads as Chinese names, each a surname and one or two characters.

A transliterated name also opens with a character that is a surname (苏巴吉亚, 安德雷斯), so a
reading whose given names hold characters of transliteration (``entities/transliteration_chars.txt``:
those far more frequent in foreign names than in Chinese given names of annotated news) is not
taken. That file is made by::

    python -m kg.nlp.entities.name_lists ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/transliteration_chars.txt

On the gold names of MSRA's and People's Daily's training sets the split reads 16 of 2,447 names of
four characters or more as lists (麦克马洪, 田岛宁子; 3 of them runs the annotators left whole), and 285
of their 332 runs of names of two characters or more as they are annotated.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.names import Candidate

_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _transliteration_chars() -> frozenset[str]:
    return frozenset("".join(lexicons.word_list("entities/transliteration_chars.txt")))


def _readings(run: str) -> Iterator[list[str]]:
    """Every reading of ``run`` as names of a surname (single or compound) and one or two characters."""
    single, compound = lexicons.surnames()
    if not run:
        yield []
        return
    for size in (2, 1):
        if (run[:2] in compound) if size == 2 else (run[0] in single):
            for given in (2, 1):
                if size + given <= len(run):
                    for rest in _readings(run[size + given:]):
                        yield [run[: size + given], *rest]


def _score(name: str) -> int:
    """How well ``name`` reads as a Chinese name: a name jieba's dictionary knows +2, another word of
    it −3 (no name), three characters (the commonest length) +1, each character of transliteration
    in the given name −2."""
    _, compound = lexicons.surnames()
    given = name[2:] if name[:2] in compound else name[1:]
    pos = lexicons.dictionary_pos(name)
    score = (2 if pos.startswith("nr") else -3) if pos else 0
    return score + (len(name) == 3) - 2 * sum(ch in _transliteration_chars() for ch in given)


def split_names(run: str) -> list[str] | None:
    """The names of a run-together list (张金明孙刚 → 张金明, 孙刚), None where ``run`` (four Chinese
    characters or more) does not read as two names or more, each reading no worse than a plain name."""
    if len(run) < 4 or not _HAN.fullmatch(run):
        return None
    readings = [r for r in _readings(run) if len(r) >= 2]
    if not readings:
        return None
    best = max(readings, key=lambda r: (sum(map(_score, r)), -len(r)))
    return best if min(map(_score, best)) >= 0 else None


def split_lists(text: str, spans: list[Candidate]) -> list[Candidate]:
    """``spans`` with each run of people's names that touch one another (one long PERSON span, or
    several) split into one span a name where :func:`split_names` reads them so, and a PERSON span
    over names a blank separates (记者 贺一鸣 易思琪) split at the blanks first."""
    out, i = [], 0
    spans = sorted((part for c in spans for part in _spaced(text, c)), key=lambda c: c.start)
    while i < len(spans):
        j = i + 1
        if spans[i].label == "PERSON":
            while j < len(spans) and spans[j].label == "PERSON" and spans[j].start == spans[j - 1].end:
                j += 1
        names = split_names(text[spans[i].start:spans[j - 1].end]) if spans[i].label == "PERSON" else None
        if names is None:
            out += spans[i:j]
        else:
            at = spans[i].start
            for name in names:
                out.append(Candidate(at, at + len(name), "PERSON", spans[i].rule))
                at += len(name)
        i = j
    return out


def _spaced(text: str, cand: Candidate) -> list[Candidate]:
    """A PERSON span over Chinese names of two characters or more with blanks between, one span a
    name. None of the 39,470 people's names the corpora's train splits mark (MSRA, People's Daily,
    CLUENER) holds a blank; a name of one character on either side (王 五, a two-character name
    spaced out to the width of three) stays whole."""
    if cand.label != "PERSON":
        return [cand]
    parts = list(re.finditer(r"[^\s\u3000]+", text[cand.start:cand.end]))
    if len(parts) < 2 or not all(len(m.group()) >= 2 and _HAN.fullmatch(m.group()) for m in parts):
        return [cand]
    return [Candidate(cand.start + m.start(), cand.start + m.end(), "PERSON", cand.rule) for m in parts]


def transliteration_chars(paths: list[str]) -> str:
    """The characters of people's names (``nr``) in annotated corpora that stand in foreign names (with
    a dot, or of four characters or more not opening with a compound surname) three times or more,
    and at least twice as often as in Chinese given names, most frequent first."""
    single, compound = lexicons.surnames()
    foreign, chinese = Counter(), Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                for start, end, label in record["spans"]:
                    name = record["text"][start:end]
                    if label != "nr" or not re.fullmatch(r"[\u4e00-\u9fff·•]+", name):
                        continue
                    if "·" in name or "•" in name or (len(name) >= 4 and name[:2] not in compound):
                        foreign.update(ch for ch in name if ch not in "·•")
                    elif 2 <= len(name) <= 3 and name[0] in single:
                        chinese.update(name[1:])
                    elif len(name) in (3, 4) and name[:2] in compound:
                        chinese.update(name[2:])
    chars = [ch for ch, n in foreign.items() if n >= 3 and n >= 2 * chinese[ch]]
    return "".join(sorted(chars, key=lambda ch: (-foreign[ch], ch)))


if __name__ == "__main__":
    print("# Characters of transliterated names (python -m kg.nlp.entities.name_lists; see there).")
    print(transliteration_chars(sys.argv[1:]))
