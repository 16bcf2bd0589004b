"""How fast are the embedded store and the example queries on a big graph?

    python bench/sparql.py                          # 2,000 corpus sentences, replicated to ≥ 1M triples
    python bench/sparql.py --sentences 5000 --target 2000000 --repeat 5
    python bench/sparql.py --ttl out/graph.ttl      # replicate a graph already built instead of running kg

1. Runs kg's pipeline (kg.load(), the same steps as ``kg build``, without writing the HTML page) over
   sentences of the annotated corpora in ``../shared/corpora/*/*.jsonl`` (their text only), grouped
   20 to an article, one article a file, and over the seed page (so that every example query has
   answers: the corpora are 1998 newswire, with no 平度市 or 张彬); reports characters per second and
   triples made.
2. Makes a graph of at least ``--target`` triples by replicating that graph with distinct IRIs
   (copy k puts every IRI under the base into ``…/id/c{k}/``), because kg's NLP is too slow to make
   1M triples in minutes on a small machine: step 1 prints how long the real run would take.
3. Loads it into a fresh on-disk Oxigraph store (``Store.bulk_load`` of N-Triples, as ``kg build`` does
   with Turtle), then times each query of ``queries/*.rq`` (median of ``--repeat`` runs, all rows
   read) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
BASE = "https://w3id.org/kg-news/id/"
PER_ARTICLE = 20


def write_corpus(corpora: Path, sentences: int, folder: Path) -> int:
    """Write ``sentences`` corpus sentences (taken round-robin from each file) as article files."""
    files = sorted(corpora.glob("*/*.jsonl"))
    if not files:
        raise SystemExit(f"no corpus files under {corpora}")
    handles = [f.open(encoding="utf-8") for f in files]
    texts: list[str] = []
    try:
        while len(texts) < sentences and handles:
            for handle in list(handles):
                line = handle.readline()
                if not line:
                    handles.remove(handle)
                    continue
                texts.append(json.loads(line)["text"])
    finally:
        for handle in handles:
            handle.close()
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(0, len(texts), PER_ARTICLE):
        body = "".join(texts[i:i + PER_ARTICLE])
        chars += len(body)
        (folder / f"{i // PER_ARTICLE:05d}.txt").write_text(body + "\n", encoding="utf-8")
    return chars


def run_kg(folders: list[Path]):
    """kg's build steps over ``folders``; returns the rdflib graph, articles and seconds."""
    import kg
    from kg.build import analyse
    from kg.ingest import read_articles
    from kg.corpus.documents import collect_paths
    from kg.rdf.mapping import GraphBuilder
    from kg.resolve.entities import EntityTable

    started = time.perf_counter()
    nlp = kg.load()
    loaded = time.perf_counter()
    table = EntityTable()
    builder = GraphBuilder(BASE, table)
    articles = 0
    for path, source in collect_paths(folders):
        for result in analyse(nlp, read_articles(path, source), table):
            builder.add_article(result)
            articles += 1
    builder.add_entities()
    return builder.graph, articles, loaded - started, time.perf_counter() - loaded


def replicate(nt: str, triples: int, target: int, path: Path) -> tuple[int, int]:
    """Write ``ceil(target / triples)`` copies of an N-Triples document with distinct IRIs."""
    copies = max(1, math.ceil(target / triples))
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            out.write(nt.replace(f"<{BASE}", f"<{BASE}c{k}/"))
    return copies, copies * triples


def time_queries(store, repeat: int) -> list[tuple[str, int, float, float]]:
    rows = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        query = path.read_text(encoding="utf-8")
        times, count = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            count = sum(1 for _ in store.query(query))
            times.append(time.perf_counter() - started)
        rows.append((path.stem, count, statistics.median(times), min(times)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=2000, help="corpus sentences to run kg over")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--ttl", type=Path, help="replicate this graph instead of running kg")
    parser.add_argument("--target", type=int, default=1_000_000, help="triples in the benchmark graph (at least)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query (the median is shown)")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()

    from pyoxigraph import RdfFormat, Store
    from rdflib import Graph
    from rich.console import Console
    from rich.table import Table

    console = Console()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-sparql-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.ttl:
            graph = Graph().parse(args.ttl)
            console.print(f"graph {args.ttl}: {len(graph):,} triples")
        else:
            chars = write_corpus(args.corpora, args.sentences, work / "corpus")
            chars += sum(len(p.read_text(encoding="utf-8")) for p in (ROOT / "seeds").glob("*.txt"))
            graph, articles, load_s, nlp_s = run_kg([work / "corpus", ROOT / "seeds"])
            rate = chars / nlp_s
            console.print(
                f"kg over {args.sentences:,} corpus sentences and the seed page ({chars:,} chars, {articles} articles): "
                f"{len(graph):,} triples; pipeline load {load_s:.1f} s, analysis {nlp_s:.1f} s = {rate:,.0f} chars/s, "
                f"{len(graph) / chars * 1000:.1f} triples per 1,000 chars → {args.target:,} triples would take "
                f"{args.target / len(graph) * nlp_s / 60:,.0f} min of kg on this machine"
            )
        nt = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        started = time.perf_counter()
        copies, total = replicate(nt, len(graph), args.target, work / "big.nt")
        console.print(f"replicated ×{copies} with distinct IRIs: {total:,} triples, "
                      f"{(work / 'big.nt').stat().st_size / 1e6:,.0f} MB N-Triples ({time.perf_counter() - started:.1f} s)")

        store_dir = work / "store"
        shutil.rmtree(store_dir, ignore_errors=True)
        started = time.perf_counter()
        store = Store(str(store_dir))
        store.bulk_load(path=str(work / "big.nt"), format=RdfFormat.N_TRIPLES)
        store.flush()
        load_s = time.perf_counter() - started
        loaded = len(store)
        size = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file())

        table = Table(title=f"Oxigraph {loaded:,} triples: bulk load {load_s:.1f} s "
                            f"({loaded / load_s:,.0f} triples/s), store {size / 1e6:,.0f} MB")
        for column in ("query", "rows", f"median of {args.repeat} (s)", "best (s)"):
            table.add_column(column, justify="left" if column == "query" else "right")
        for name, count, median, best in time_queries(store, args.repeat):
            table.add_row(name, f"{count:,}", f"{median:.3f}", f"{best:.3f}")
        console.print(table)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
