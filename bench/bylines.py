"""How well does kg read bylines, datelines and metadata lines? Scores the byline gold set.

    python bench/bylines.py                    # tests/gold/bylines/bylines.jsonl
    python bench/bylines.py --misses           # and every record kg reads differently
    python bench/bylines.py --gold other.jsonl

Prints precision and recall of authors, contributors and editors, and the accuracy of the outlet,
the dateline's place and the article's date, as a Markdown table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.evaluate.bylines import load_records, score, table

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "bylines" / "bylines.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--misses", action="store_true", help="list the records read differently")
    args = parser.parse_args()
    records = load_records(args.gold)
    start = time.perf_counter()
    scores = score(records)
    seconds = time.perf_counter() - start
    print(table(scores, len(records)))
    print(f"\n{seconds:.2f} s")
    if args.misses:
        for name, s in scores.items():
            for miss in s.misses:
                print(f"{name}\t{miss}")


if __name__ == "__main__":
    main()
