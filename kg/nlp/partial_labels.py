"""Mark what a partly annotated corpus leaves unsaid as unknown, not as "no entity", before training
on it::

    python -m kg.nlp.partial_labels TEACHER IN.jsonl OUT.jsonl

CLUENER marks a name only where its annotators chose to: 中国 is an address in 361 of the 650
places its train split says it, 美国 in 208 of 309. Read as complete, every unmarked one teaches the
model that 中国 is no place, against MSRA's and People's Daily's gold beside it. Here a trained
pipeline (the teacher, e.g. kg's model before it saw CLUENER) reads each sentence, and each entity it
finds that overlaps no annotated span of any CLUENER type is written to the record's ``missing``
list; ``kg train`` gives those characters no label at all (spaCy's missing-value annotation), so
neither the teacher's reading nor the corpus's silence is learned there. Everything the corpus
marks is kept as it is, its non-entity types too (a game 王者荣耀 read as a person stays "no entity").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.nlp.teacher_labels import load_teacher


def unmarked(teacher_spans: list[tuple[int, int]], annotated: list[tuple[int, int]]) -> list[list[int]]:
    """The teacher's spans that overlap no annotated span, as [start, end] lists."""
    return [[s, e] for s, e in teacher_spans if not any(s < ae and as_ < e for as_, ae in annotated)]


def label(teacher, source: Path, output: Path) -> tuple[int, int]:
    """Write ``source``'s records with a ``missing`` list each; returns (records, missing spans)."""
    with open(source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    n_missing = 0
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as out:
        texts = (r["text"] for r in records)
        for record, doc in zip(records, teacher.pipe(texts, batch_size=256)):
            annotated = [(int(s), int(e)) for s, e, _ in record.get("spans", [])]
            missing = unmarked([(e.start_char, e.end_char) for e in doc.ents], annotated)
            n_missing += len(missing)
            out.write(json.dumps({**record, "missing": missing}, ensure_ascii=False) + "\n")
    return len(records), n_missing


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.nlp.partial_labels", description=__doc__.split("::")[0])
    parser.add_argument("teacher", type=Path, help="the teacher pipeline's folder")
    parser.add_argument("source", type=Path, help="a partly annotated JSON Lines corpus")
    parser.add_argument("output", type=Path, help="the JSON Lines file written")
    args = parser.parse_args(argv)
    records, missing = label(load_teacher(args.teacher), args.source, args.output)
    print(f"{args.output}: {records} records, {missing} spans the teacher finds and the corpus does not mark",
          file=sys.stderr)


if __name__ == "__main__":
    main()
