"""Count the verbs inside gold organization names and write ``org_name_verbs.txt``.

    python bench/org_name_verbs.py [--corpora DIR] [--min-count 2]

jieba tags some words of organizations' names as verbs (开发区, 促进会, 保护协会). kg's rule layer
keeps such verbs inside a name that starts with a place and cuts at any other (湖南|尚无|分支机构). This
script reads the gold organization names of MSRA's and People's Daily 1998's training sets and
CLUENER's training set (company, government, organization), prints how many names and verbs it
found, and writes every verb of two or more characters seen at least ``--min-count`` times.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp import lexicons  # noqa: E402

OUT = ROOT / "kg" / "resources" / "entities" / "org_name_verbs.txt"
SOURCES = ("msra/train.jsonl", "pd1998/train.jsonl", "cluener/train.jsonl")
ORG_LABELS = ("nt", "company", "government", "organization")
HEADER = """\
# Verbs that jieba tags as verbs inside organizations' names (开发, 促进, 保护 …): every word so
# tagged two or more times inside the ~37,000 gold organization names of MSRA's and People's Daily
# 1998's training sets and CLUENER's training set (company, government, organization), made by
# bench/org_name_verbs.py. In a name that starts with a place, a verb not listed here ends what
# comes before the name (湖南|尚无|分支机构): no name holds it.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    verbs: Counter[str] = Counter()
    names = 0
    for source in SOURCES:
        with open(args.corpora / source, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                for start, end, label in record["spans"]:
                    if label in ORG_LABELS:
                        names += 1
                        verbs.update(w for w, flag in lexicons.pos_tags(record["text"][start:end]) if flag == "v")
    kept = sorted(w for w, n in verbs.items() if n >= args.min_count and len(w) >= 2)
    OUT.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{names:,} organization names, {len(verbs):,} verbs inside them, {len(kept):,} written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
