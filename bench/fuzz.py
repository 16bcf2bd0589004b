"""Fuzz kg's whole pipeline: generated documents in, a graph that parses out, no crash.

Documents are mutations of real news sentences from ../shared/corpora (cut, spliced, characters
swapped for random Unicode, markup and hostile strings inserted) and plain random Unicode. Each goes
through page splitting, the NLP pipeline, the graph builder and Turtle serialization, and the Turtle
is parsed back with Oxigraph.

    python bench/fuzz.py --docs 10000 [--corpus ../shared/corpora/msra/dev.jsonl] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import traceback
from pathlib import Path

import pyoxigraph

from kg.build import analyse
from kg.ingest.split import split_page
from kg.rdf.mapping import GraphBuilder
from kg.resolve.entities import EntityTable

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', '"""', "'''", "\\", "\x00", "\ufeff",
           "\u2028", "# ", "\n\n\n", "□ 记者 ", "本报北京讯 ", "、", "与", "签约", "😀", "\U00020000", "\u202e"]


def mutate(rng: random.Random, sentences: list[str]) -> str:
    parts = rng.sample(sentences, k=rng.randint(1, 6))
    text = "\n\n".join(parts)
    for _ in range(rng.randint(0, 8)):
        i = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.4:
            text = text[:i] + rng.choice(HOSTILE) + text[i:]
        elif choice < 0.7:
            text = text[:i] + chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0x4E00, 0x9FFF), rng.randint(0x80, 0x10FFFF)])) + text[i + 1:]
        else:
            j = rng.randrange(len(text) + 1)
            text = text[:min(i, j)] + text[max(i, j):]
    return "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)


def random_unicode(rng: random.Random) -> str:
    return "".join(chr(c) for c in (rng.randint(0, 0x10FFFF) for _ in range(rng.randint(0, 300))) if not 0xD800 <= c <= 0xDFFF)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpora/msra/dev.jsonl")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import kg

    nlp = kg.load()
    with args.corpus.open(encoding="utf-8") as f:
        sentences = [json.loads(line)["text"] for line in f]
    rng = random.Random(args.seed)
    crashes: list[tuple[int, str, str]] = []
    chars = 0
    started = time.perf_counter()
    for n in range(args.docs):
        page = mutate(rng, sentences) if n % 4 else random_unicode(rng)
        chars += len(page)
        try:
            table = EntityTable()
            builder = GraphBuilder("https://example.org/id/", table)
            for result in analyse(nlp, split_page(page, doc_id=f"fuzz-{n}", source=f"fuzz-{n}.txt"), table):
                builder.add_article(result)
            builder.add_entities()
            turtle = builder.graph.serialize(format="turtle").encode("utf-8")
            pyoxigraph.Store().load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
        except Exception as err:  # noqa: BLE001 - a fuzzer records every crash
            crashes.append((n, repr(page[:80]), "".join(traceback.format_exception_only(err)).strip()))
    seconds = time.perf_counter() - started
    print("| documents | characters | crashes | seconds | docs/s |")
    print("|---|---|---|---|---|")
    print(f"| {args.docs} | {chars} | {len(crashes)} | {seconds:.1f} | {args.docs / seconds:.0f} |")
    for n, page, err in crashes[:20]:
        print(f"crash in document {n}: {err}\n  {page}")


if __name__ == "__main__":
    main()
