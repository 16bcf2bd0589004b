"""Names of the gazetteer that news annotators seldom mark: 来宾 (guests, and a city), 友谊, 兴国,
老城区 (the old town far more often than 洛阳's district), 范县 of 示范县, 海城市 of 沿海城市.

An administrative unit's name matched in running text is a place only as often as the people who
annotate news take it for one. This module counts that over annotated corpora and writes the names
they seldom mark, which :func:`kg.nlp.entities.places.find_places` then leaves to the statistical
model (a model's span on such a name stands)::

    python -m kg.nlp.entities.place_usage ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/seldom_places.txt

A match counts as marked when it lies inside any gold span (a place, or part of an organization's
name). Corpora annotated for a few classes only (CLUENER marks no place outside an address) would
count real places as unmarked, so fully annotated news is what to give it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

MIN_SEEN = 3  # matches of a name before its rate is trusted
MAX_RATE = 0.25  # marked at most this often: a name annotators seldom take for a place


def place_usage(paths: list[Path]) -> tuple[Counter, Counter]:
    """(matches, marked matches) of each name ``find_places`` finds in the texts of JSON Lines
    corpora (``{"text": …, "spans": [[start, end, label], …]}``)."""
    from kg.nlp.entities.places import find_places

    seen: Counter = Counter()
    marked: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                text, spans = record["text"], record["spans"]
                for cand in find_places(text, keep_seldom=True):
                    name = text[cand.start:cand.end]
                    seen[name] += 1
                    if any(s <= cand.start and cand.end <= e for s, e, *_ in spans):
                        marked[name] += 1
    return seen, marked


def seldom_places(seen: Counter, marked: Counter) -> list[tuple[str, int, int]]:
    """(name, matches, marked) for the names seen at least MIN_SEEN times and marked at most
    MAX_RATE of them, most often seen first."""
    rows = [(n, seen[n], marked[n]) for n in seen if seen[n] >= MIN_SEEN and marked[n] <= MAX_RATE * seen[n]]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    rows = seldom_places(*place_usage([Path(p) for p in argv]))
    corpora = ", ".join(Path(p).parent.name + "/" + Path(p).name for p in argv)
    print("# Gazetteer names that news annotators seldom mark (kg/nlp/entities/place_usage.py): matched")
    print(f"# at least {MIN_SEEN} times in {corpora} and inside a gold name at most")
    print(f"# {MAX_RATE:.0%} of them. find_places leaves them to the model. Columns: name, matches, marked.")
    for name, n, k in rows:
        print(f"{name}\t{n}\t{k}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
