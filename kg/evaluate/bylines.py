"""Score kg's reading of bylines, datelines and metadata lines against a byline gold set
(``tests/gold/bylines/bylines.jsonl``): precision and recall of the people of each role, accuracy of
the outlet, the dateline's place and the article's date."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.bylines import date_article
from kg.ingest.split import split_page

ROLES = ("authors", "contributors", "editors")
FIELDS = ("outlet", "place", "date")
_BODY = "（正文）"


def load_records(path: Path) -> list[dict]:
    """The records of a byline gold file.

    Raises:
        ValueError: a line that is not a record with ``text`` and the expected fields, naming the file.
    """
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError("no 'text'")
            for key in (*ROLES, *FIELDS):
                if key not in record:
                    raise ValueError(f"no {key!r}")
        except ValueError as err:
            raise ValueError(f"{path}:{number}: not a byline record ({err})") from None
        records.append(record)
    return records


def predict(text: str) -> dict:
    """What kg reads of a record's text, as a gold record: the articles the text splits into,
    their credits put together in order."""
    found: dict = {role: [] for role in ROLES} | {name: None for name in FIELDS}
    articles = split_page(text, doc_id="gold", source="gold.txt")
    if not articles:  # credit lines alone make no article: read them as the head of one
        articles = split_page(f"{text}\n\n{_BODY}", doc_id="gold", source="gold.txt")
    for article in articles:
        date_article(article)
        for role in ROLES:
            found[role] += [n for n in getattr(article, role) if n not in found[role]]
        found["outlet"] = found["outlet"] or article.outlet or None
        found["place"] = found["place"] or article.place or None
        found["date"] = found["date"] or article.date or article.filed
    return found


@dataclass
class RoleScore:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)  # "id: missed / spurious"

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def score(records: list[dict]) -> dict[str, RoleScore | FieldScore]:
    """Per role, precision and recall of the names (a name counts once per record); per field, the
    share of records whose value kg reads right (no value where gold has none counts as right)."""
    scores: dict[str, RoleScore | FieldScore] = {role: RoleScore() for role in ROLES}
    scores |= {name: FieldScore() for name in FIELDS}
    for record in records:
        found = predict(record["text"])
        for role in ROLES:
            gold, got = set(record[role]), set(found[role])
            s = scores[role]
            s.tp, s.predicted, s.gold = s.tp + len(gold & got), s.predicted + len(got), s.gold + len(gold)
            if gold != got:
                s.misses.append(f"{record['id']}: missed {sorted(gold - got)} spurious {sorted(got - gold)}")
        for name in FIELDS:
            s = scores[name]
            s.total += 1
            if found[name] == record[name]:
                s.correct += 1
            else:
                s.misses.append(f"{record['id']}: {found[name]!r} for {record[name]!r}")
    return scores


def table(scores: dict[str, RoleScore | FieldScore], records: int) -> str:
    """The scores as a Markdown table."""
    lines = [f"byline gold set: {records} records", "", "| role | gold | found | precision | recall |",
             "|---|---:|---:|---:|---:|"]
    for role in ROLES:
        s = scores[role]
        lines.append(f"| {role} | {s.gold} | {s.predicted} | {s.precision:.3f} | {s.recall:.3f} |")
    lines += ["", "| field | right | records | accuracy |", "|---|---:|---:|---:|"]
    for name in FIELDS:
        s = scores[name]
        lines.append(f"| {name} | {s.correct} | {s.total} | {s.accuracy:.3f} |")
    return "\n".join(lines)
