"""Draw the sentences and documents of kg's event corpus from the annotated corpora's training splits.

    python annotations/events/sample.py [--corpora ../shared/corpora] [--size 3000] [--seed 2027]

Writes, beside this file:
- ``sample.jsonl``: the sentences to read, each with its document, split and the source corpus's
  entity spans as suggestions (``suggested``: ``[start, end, label]``, labels as the corpus has them);
- ``documents.jsonl``: whole People's Daily articles to read for event coreference.

Sentences hold a word of kg's trigger table or of ``draw_words.tsv``; every such sentence of
CLUENER's train split is taken (the only 2000s web news here), then People's Daily 1998 and MSRA
sentences until each event class has ``--per-class`` candidates where the corpora hold that many,
then at random. Never a dev split, never a sentence of ``tests/gold/``. Splits go by document
(70/10/20 train/dev/test), from a hash of the document's id, so they do not depend on the draw.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SOURCES = ("cluener/train", "pd1998/train", "msra/train")
SENTENCE_END = tuple("。！？”」』…）)!?")
SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*[”’」』]?")
MAX_BLOCK = 60  # MSRA's articles run together; a block of consecutive lines stands for one


def read_triggers() -> dict[str, str]:
    """Candidate words and the class each may signal."""
    words = {}
    for path in (ROOT / "kg/resources/events/triggers.tsv", HERE / "draw_words.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, cls = line.split("\t")[:2]
                words.setdefault(word, cls.strip())
    return words


def gold_texts() -> list[str]:
    """Text of every gold set's sentences and of the seed page: none of it may be drawn."""
    paths = [*ROOT.glob("tests/gold/*/sentences.md"), *ROOT.glob("seeds/*")]
    return [unicodedata.normalize("NFKC", p.read_text(encoding="utf-8")) for p in paths]


def split_of(doc: str) -> str:
    bucket = int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 10
    return "train" if bucket < 7 else "dev" if bucket == 7 else "test"


def documents(corpora: Path, source: str) -> list[tuple[str, int, dict]]:
    """(document id, line number, record) for every line; CLUENER's lines are documents of their
    own, People's Daily's and MSRA's are grouped into articles where a headline (a line with no
    sentence-final mark after one that has one) starts the next."""
    rows, doc, prev_end, block = [], 0, True, 0
    tag = source.replace("/", "-")
    for i, line in enumerate((corpora / f"{source}.jsonl").read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        if source.startswith("cluener"):
            rows.append((f"{tag}-{i}", i, rec))
            continue
        ends = rec["text"].strip().endswith(SENTENCE_END)
        if (not ends and prev_end and block) or block >= MAX_BLOCK:
            doc, block = doc + 1, 0
        rows.append((f"{tag}-d{doc}", i, rec))
        prev_end, block = ends, block + 1
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared/corpora")
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--per-class", type=int, default=180)
    ap.add_argument("--documents", type=int, default=39, help="People's Daily articles for coreference")
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--supplement", metavar="CLASS=N", nargs="*", default=None,
                    help="instead: draw N more sentences holding a word of CLASS, none already in sample.jsonl, "
                         "into sample-2.jsonl (for classes the first draw holds too few events of)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    triggers = read_triggers()
    gold = gold_texts()
    seen: set[str] = set()
    pool: dict[str, list[dict]] = {s: [] for s in SOURCES}
    by_doc: dict[str, list[dict]] = {}
    for source in SOURCES:
        for doc, line, rec in documents(args.corpora, source):
            text = rec["text"].strip()
            norm = unicodedata.normalize("NFKC", text)
            words = sorted({w for w in triggers if w in text}, key=lambda w: (text.find(w), -len(w), w))
            item = {"id": f"{source.replace('/', '-')}-{line}", "doc": doc, "source": source, "line": line,
                    "split": split_of(doc), "text": text, "suggested": rec["spans"], "words": words}
            by_doc.setdefault(doc, []).append(item)
            if not words or norm in seen or (len(norm) >= 8 and any(norm in g for g in gold)):
                continue
            seen.add(norm)
            pool[source].append(item)

    # whole articles for coreference: People's Daily, 8-40 lines, three or more with a trigger word
    articles = [d for d, items in by_doc.items() if d.startswith("pd1998")
                and 8 <= len(items) <= 40 and sum(bool(i["words"]) for i in items) >= 3]
    chosen_docs = set(rng.sample(sorted(articles), args.documents))

    if args.supplement is not None:
        write_supplement(pool, chosen_docs, triggers, args.supplement, random.Random(args.seed + 1))
        return
    picked = [i for i in pool["cluener/train"]]
    rest = [i for s in SOURCES[1:] for i in pool[s] if i["doc"] not in chosen_docs]
    rng.shuffle(rest)
    counts = Counter(triggers[w] for i in picked for w in i["words"])
    taken = set()
    for cls in sorted(set(triggers.values()), key=lambda c: (sum(triggers[w] == c for i in rest for w in i["words"]), c)):
        for item in rest:
            if counts[cls] >= args.per_class or len(picked) >= args.size:
                break
            if item["id"] not in taken and any(triggers[w] == cls for w in item["words"]):
                picked.append(item)
                taken.add(item["id"])
                counts.update(triggers[w] for w in item["words"])
    for item in rest:
        if len(picked) >= args.size:
            break
        if item["id"] not in taken:
            picked.append(item)
            taken.add(item["id"])
    rng.shuffle(picked)

    with open(HERE / "sample.jsonl", "w", encoding="utf-8") as out:
        for item in picked:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    with open(HERE / "documents.jsonl", "w", encoding="utf-8") as out:
        for doc in sorted(chosen_docs):
            items = by_doc[doc]
            out.write(json.dumps({"doc": doc, "source": "pd1998/train", "split": split_of(doc),
                                  "lines": [i["line"] for i in items], "sentences": [i["text"] for i in items],
                                  "suggested": [i["suggested"] for i in items]}, ensure_ascii=False) + "\n")
        for page in sorted((ROOT / "seeds").glob("*.txt")):  # read for coreference only: kg was tuned on it
            lines = [line.strip() for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
            parts = [part for line in lines for part in SENTENCE.findall(line) if part.strip()]
            out.write(json.dumps({"doc": f"seed-{page.stem}", "source": f"seeds/{page.name}", "split": "seed",
                                  "lines": [], "sentences": parts, "suggested": [[] for _ in parts]},
                                 ensure_ascii=False) + "\n")
    by_source = Counter(i["source"] for i in picked)
    by_split = Counter(i["split"] for i in picked)
    classes = Counter(triggers[w] for i in picked for w in i["words"])
    print(f"{len(picked)} sentences: {dict(by_source)}; splits {dict(by_split)}")
    print("sentences holding a word of each class:", dict(classes.most_common()))
    print(f"{len(chosen_docs)} documents for coreference")


def write_supplement(pool: dict, chosen_docs: set, triggers: dict, wants: list[str], rng: random.Random) -> None:
    drawn = {json.loads(line)["id"] for line in (HERE / "sample.jsonl").read_text(encoding="utf-8").splitlines()}
    rest = sorted((i for items in pool.values() for i in items if i["id"] not in drawn and i["doc"] not in chosen_docs),
                  key=lambda i: i["id"])
    rng.shuffle(rest)
    picked, taken = [], set()
    for want in wants:
        cls, n = want.split("=")
        having = [i for i in rest if i["id"] not in taken and any(triggers[w] == cls for w in i["words"])][: int(n)]
        picked += having
        taken |= {i["id"] for i in having}
        print(f"{cls}: {len(having)} sentences")
    rng.shuffle(picked)
    with open(HERE / "sample-2.jsonl", "w", encoding="utf-8") as out:
        for item in picked:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(picked)} sentences: {dict(Counter(i['source'] for i in picked))}; "
          f"splits {dict(Counter(i['split'] for i in picked))}")


if __name__ == "__main__":
    main()
