"""Cut ``sample.jsonl`` into reading batches, with a tenth of the sentences given to a second reader.

    python annotations/events/batches.py [--readers 8] [--double 0.1] [--seed 2027]

Writes ``batches/reader-K.jsonl`` (what reader K reads: id, text, the corpus's suggested entities as
names, the candidate words) and ``double.json`` (each doubly read id → its first and second reader).
A second reading is mixed among the reader's own sentences and looks like them.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
LABELS = {"nr": "PERSON", "name": "PERSON", "nt": "ORG", "company": "ORG", "government": "ORG",
          "organization": "ORG", "ns": "PLACE", "address": "PLACE"}


def reading_item(item: dict) -> dict:
    text = item["text"]
    suggested = [[text[s:e], LABELS[label]] for s, e, label in item["suggested"] if label in LABELS]
    return {"id": item["id"], "text": text, "suggested": suggested, "words": item["words"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--double", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--supplement", type=int, metavar="READERS", default=0,
                    help="instead: cut sample-2.jsonl into READERS batches, numbered after the first ones, read once")
    args = ap.parse_args()
    if args.supplement:
        items = [json.loads(line) for line in (HERE / "sample-2.jsonl").read_text(encoding="utf-8").splitlines()]
        for k in range(args.supplement):
            with open(HERE / "batches" / f"reader-{args.readers + k}.jsonl", "w", encoding="utf-8") as out:
                for item in items[k :: args.supplement]:
                    out.write(json.dumps(reading_item(item), ensure_ascii=False) + "\n")
        print(f"{len(items)} more sentences in {args.supplement} batches")
        return
    rng = random.Random(args.seed)
    items = [json.loads(line) for line in (HERE / "sample.jsonl").read_text(encoding="utf-8").splitlines()]
    batches: list[list[dict]] = [[] for _ in range(args.readers)]
    first = {}
    for i, item in enumerate(items):
        batches[i % args.readers].append(reading_item(item))
        first[item["id"]] = i % args.readers
    double = {}
    for item in rng.sample(items, round(len(items) * args.double)):
        second = (first[item["id"]] + 1 + rng.randrange(args.readers - 1)) % args.readers
        batches[second].append(reading_item(item))
        double[item["id"]] = [first[item["id"]], second]
    (HERE / "batches").mkdir(exist_ok=True)
    for k, batch in enumerate(batches):
        rng.shuffle(batch)
        with open(HERE / "batches" / f"reader-{k}.jsonl", "w", encoding="utf-8") as out:
            for item in batch:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    (HERE / "double.json").write_text(json.dumps(double, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(items)} sentences in {args.readers} batches of {[len(b) for b in batches]}; {len(double)} read twice")


if __name__ == "__main__":
    main()
