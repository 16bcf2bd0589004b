"""Names from kg's lists that news annotators seldom mark: gazetteer places such as 来宾 (guests, and a
city), 友谊, 老城区 (the old town far more often than 洛阳's district), 范县 of 示范县; organizations
jieba's dictionary knows such as 上市公司, 加油站, 党和政府, 科研院所.

A name from a list, matched in running text, is an entity only as often as the people who annotate
news take it for one. This module counts that over annotated corpora and writes the names they
seldom mark, which the place and organization finders then leave to the statistical model (a
model's span on such a name stands)::

    python -m kg.nlp.entities.name_usage places ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/seldom_places.txt
    python -m kg.nlp.entities.name_usage orgs ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/seldom_orgs.txt
    python -m kg.nlp.entities.name_usage org-cuts ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/org_cut_words.txt
    python -m kg.nlp.entities.name_usage place-cuts ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/place_cut_words.txt
    python -m kg.nlp.entities.name_usage org-suffixes ../shared/corpora/msra/train.jsonl \\
        ../shared/corpora/pd1998/train.jsonl > kg/resources/entities/seldom_org_suffixes.txt

The cuts count, for the known organizations and places whose last character opens an everyday
word with the next (卫生部|门, 外交部|长, 北京市|民), how often the name is marked there: seldom
before 部门 or 部队 (卫生部门 is a kind of body), often before 部长 (外交部长); 北京市民 are the
people of 北京.

The suffixes count, for the organizations the rule layer keeps from the suffix rule (with every
ending read), how often a name so read lies inside a gold name, by its ending: 基地 (湖南省反季节蔬菜
基地), 组织 (mostly the verb: 国家测绘局组织专家), 证券 (日本证券) seldom; the rule then reads no
name by them alone.

A match counts as marked when it lies inside any gold span (a place, or part of an organization's
name). Corpora annotated for a few classes only (CLUENER marks no place outside an address) would
count real names as unmarked, so fully annotated news is what to give it. A government (美国政府,
湖北省政府) is an organization in kg's graph, though MSRA marks only its place: names ending so are
not listed where they say whose government it is (not 党和政府, 联合政府).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from kg.nlp import lexicons
from kg.nlp.entities.document import find_entities
from kg.nlp.entities.names import _org_suffixes
from kg.nlp.entities.organizations import _scope_prefixes, find_known_orgs, is_place_name
from kg.nlp.entities.places import find_places

MIN_SEEN = 3  # matches of a name before its rate is trusted
MAX_RATE = 0.25  # marked at most this often: a name annotators seldom take for one
KEPT_ENDINGS = {"places": (), "place-cuts": (), "orgs": ("政府",), "org-cuts": (), "org-suffixes": ("政府",)}


def _keyed_matches(kind: str):
    """A function of a text that yields (key, start, end) for each match to count: the matched name,
    for "org-cuts" and "place-cuts" the everyday word that a known organization's or place's last
    character opens (部门 of 卫生部门, 市民 of 北京市民), whose rate says whether a name ends inside
    such a word, and for "org-suffixes" the ending by which the suffix rule read an organization
    that the rule layer kept (基地 of 湖南省反季节蔬菜基地)."""
    if kind == "org-suffixes":
        return _suffixed_orgs
    find = find_known_orgs if kind.startswith("org") else find_places

    def matches(text: str):
        for c in find(text, keep_seldom=True):
            if not kind.endswith("cuts"):
                yield text[c.start:c.end], c.start, c.end
                continue
            word = text[c.end - 1:c.end + 1]
            if len(word) == 2 and lexicons.is_word(word):
                yield word, c.start, c.end

    return matches


def _suffixed_orgs(text: str):
    endings = [suffix for suffix, _ in _org_suffixes()]  # longest first
    for c in find_entities(text, keep_seldom_suffixes=True):
        if c.rule == "org_suffix":
            name = _BRACKETED_TAIL.sub("", text[c.start:c.end])  # 孵化器（青岛）
            yield next((e for e in endings if name.endswith(e)), name), c.start, c.end


_BRACKETED_TAIL = re.compile(r"[（(][^（()）]*[)）]$")


def name_usage(kind: str, paths: list[Path]) -> tuple[Counter, Counter]:
    """(matches, marked matches) of each key (see ``_keyed_matches``: "places", "place-cuts",
    "orgs" or "org-cuts") in the texts of JSON Lines corpora (``{"text": …, "spans": [[start, end, label], …]}``)."""
    find = _keyed_matches(kind)
    seen: Counter = Counter()
    marked: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                text, spans = record["text"], record["spans"]
                for key, start, end in find(text):
                    seen[key] += 1
                    if any(s <= start and end <= e for s, e, *_ in spans):
                        marked[key] += 1
    return seen, marked


def seldom_names(kind: str, seen: Counter, marked: Counter) -> list[tuple[str, int, int]]:
    """(name, matches, marked) for the names seen at least MIN_SEEN times and marked at most
    MAX_RATE of them, most often seen first."""
    rows = [
        (n, seen[n], marked[n])
        for n in seen
        if seen[n] >= MIN_SEEN and marked[n] <= MAX_RATE * seen[n] and not _names_whose(n, KEPT_ENDINGS[kind])
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def _names_whose(name: str, endings: tuple[str, ...]) -> bool:
    """True for a name with one of ``endings`` (政府) that says whose it is: a place's (美国政府),
    a scope word's (中央政府) or a name's (克林顿政府), or the ending alone; not a kind made of
    everyday words (党和政府, 联合政府, 合法政府), which is listed like any other name."""
    ending = next((e for e in endings if name.endswith(e)), None)
    if ending is None:
        return False
    owner = name[:-len(ending)]
    return not owner or owner in _scope_prefixes() or is_place_name(owner) or not lexicons.is_generic(owner)


_HEADERS = {
    "names": ("names", "left to the model"),
    "org-cuts": ("words a name's last character opens", "no name runs into them"),
    "place-cuts": ("words a name's last character opens", "no name runs into them"),
    "org-suffixes": ("endings of the organizations the suffix rule reads", "it reads none by them alone"),
}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in KEPT_ENDINGS:
        print(__doc__, file=sys.stderr)
        return 2
    kind, paths = argv[0], [Path(p) for p in argv[1:]]
    rows = seldom_names(kind, *name_usage(kind, paths))
    corpora = ", ".join(p.parent.name + "/" + p.name for p in paths)
    what, then = _HEADERS.get(kind, _HEADERS["names"])
    print(f"# {kind}: {what} that news annotators seldom mark (kg/nlp/entities/name_usage.py):")
    print(f"# matched at least {MIN_SEEN} times in {corpora} and inside a gold name at most")
    print(f"# {MAX_RATE:.0%} of them; {then}. Columns: name or word, matches, marked.")
    for name, n, k in rows:
        print(f"{name}\t{n}\t{k}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
