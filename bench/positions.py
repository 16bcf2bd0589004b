"""kg's positions (person, title, body) against the positions kg's event corpus annotates.

    python bench/positions.py [--split dev] [--model rules] [--errors N]
    python bench/positions.py --split written   # the examples written by the team (see below)

Runs kg's pipeline (the shipped NER model and the rule layer; ``--model rules``: the rule layer
alone) over a split of ``annotations/events/`` and scores ``doc._.kg_positions`` with kg's scorer
(:class:`kg.evaluate.score.Score`), four ways:

- positions: (sentence, the holder's span, the title as written, the body's span or none) all
  equal, against every annotated position, those that name no body (副区长王五, 克林顿总统) too;
- positions with a body: the same, only the annotated and found positions that name one;
- holder and body: the same without the title;
- holder and title: the same without the body, against every annotated position.

A title matches when it is the annotated title, or the annotated title after the name of a unit
(运营拓展部负责人 for 负责人 of that department). ``--errors N`` lists N missed and
N spurious positions of the first kind. Tune on the dev split only; the test split is for a final
figure. ``train`` scores the train split's corpus sentences; ``written`` the examples of 2020s
regional news the team wrote for training (``origin`` ``written``): kg's rules were not written
from them, so they say how the rules carry over to today's news, though a model trained on the
train split has read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.evaluate.score import Score  # noqa: E402
from kg.nlp.entities.names import org_ending  # noqa: E402
from kg.nlp.event_training import read_corpus  # noqa: E402

CORPUS = ROOT / "annotations" / "events"


def views(positions: set) -> tuple[set, set, set, set]:
    """The four sets scored, from (sentence, holder, title, body or None) tuples: all of them, those
    with a body, the holder–body pairs, the holder–title pairs."""
    return (positions, {p for p in positions if p[3] is not None},
            {(i, person, org) for i, person, _, org in positions if org is not None},
            {(i, person, title) for i, person, title, _ in positions})


def gold_positions(records: list[dict]) -> set:
    """The annotation's positions as comparable tuples; a position's body is None where it names none."""
    found = set()
    for i, r in enumerate(records):
        text = r["text"]
        for p in r["positions"]:
            org = tuple(p["org"]) if p.get("org") else None
            found.add((i, tuple(p["person"]), text[p["title"][0]:p["title"][1]], org))
    return found


def found_positions(docs, gold: set) -> set:
    """The same tuples of what the pipeline found; a title read with its unit (运营拓展部负责人: what
    comes before the annotated title ends as an organization's name does) counts as that title."""
    found = set()
    for i, doc in enumerate(docs):
        for p in doc._.kg_positions or []:
            person = (p.person.start, p.person.end)
            org = (p.org.start, p.org.end) if p.org is not None else None
            title = next((t for j, s, t, _ in gold if (j, s) == (i, person) and p.title.endswith(t)
                          and org_ending(p.title[: -len(t)])), p.title)
            found.add((i, person, title, org))
    return found


def score(found: set, gold: set, show) -> Score:
    return Score(tp=len(found & gold), predicted=len(found), gold=len(gold),
                 missed=sorted(map(show, gold - found)), spurious=sorted(map(show, found - gold)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test", "written"))
    parser.add_argument("--model", default=None, help="'rules': the rule layer without the NER model")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses and spurious positions")
    args = parser.parse_args()
    records = read_corpus([CORPUS / f"{'train' if args.split == 'written' else args.split}.jsonl"])
    if args.split in ("train", "written"):
        records = [r for r in records if (r.get("origin") == "written") == (args.split == "written")]
    texts = [r["text"] for r in records]
    nlp = kg.load(args.model, events="rules")  # the event model decides no positions
    docs = list(nlp.pipe(texts))
    gold = gold_positions(records)
    found = found_positions(docs, gold)

    def show(item: tuple) -> str:
        i, person, *rest = item
        text = texts[i]
        parts = [text[person[0]:person[1]]] + [text[x[0]:x[1]] if isinstance(x, tuple) else x or "(none)" for x in rest]
        return f"{' | '.join(parts)}    ⟨{text[max(0, person[0] - 30):person[1] + 10]}⟩"

    print(f"## positions, {args.split} split of annotations/events ({len(records)} sentences), "
          f"{'rules alone' if args.model == 'rules' else 'NER model + rules'}\n")
    print("| match | P | R | F1 | found | annotated |")
    print("|---|---|---|---|---|---|")
    names = ("positions (holder, title, body or none)", "positions with a body", "holder and body",
             "holder and title")
    scores = [score(f, g, show) for f, g in zip(views(found), views(gold))]
    for name, s in zip(names, scores):
        print(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** | {s.predicted} | {s.gold} |")
    if args.errors:
        print("\nmissed:\n" + "\n".join(scores[0].missed[: args.errors]))
        print("\nspurious:\n" + "\n".join(scores[0].spurious[: args.errors]))


if __name__ == "__main__":
    main()
