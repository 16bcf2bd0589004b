"""End-to-end throughput of ``kg build`` at corpus scale, beside the speed of its NER pipeline alone
and of a jieba part-of-speech pass over the same text, all measured in one run.

    python bench/throughput.py [--mb 20] [--workdir /tmp/kg-throughput] [--corpora DIR]

The corpus is made of the sentences of ``../shared/corpora/*/train.jsonl`` grouped into articles
(8 to 24 sentences, the first one the title), as JSON Lines files of about 1 MB, written to
``--workdir`` (never to the repository). Where the corpora hold fewer than ``--mb`` megabytes the
sentences are used again in other groupings, so no two articles are the same.

Each ``kg build`` runs as its own process; peak RSS is the largest sum of the resident memory of
the build and its worker processes, sampled every 0.1 s. A worker is one core (numpy's BLAS in one
thread), and so are the ``nlp.pipe`` and jieba rows. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def make_corpus(corpora: Path, folder: Path, megabytes: float) -> tuple[list[str], int]:
    """Write the corpus and say what it holds; returns the article texts and the number of characters."""
    sentences = []
    for path in sorted(corpora.glob("*/train.jsonl")):
        with open(path, encoding="utf-8") as f:
            sentences.extend(json.loads(line)["text"] for line in f if line.strip())
    rng = random.Random(0)
    target = int(megabytes * 1_000_000)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts, written, part, handle, number, i = [], 0, 0, None, 0, 0
    while written < target:
        if handle is None or handle.tell() > 1_000_000:
            if handle:
                handle.close()
            handle = open(folder / f"part{part:04d}.jsonl", "w", encoding="utf-8")
            part += 1
        size = rng.randint(8, 24)
        start = i + i // len(sentences)  # each pass over the sentences starts one later
        group = [sentences[(start + k) % len(sentences)] for k in range(size)]
        i += size
        title, body = group[0][:40], "".join(group[1:])
        line = json.dumps({"id": str(number), "title": title, "date": "1998-01-01", "text": body}, ensure_ascii=False)
        handle.write(line + "\n")
        written += len(line.encode("utf-8")) + 1
        texts.append(f"{title}\n{body}")
        number += 1
    handle.close()
    chars = sum(len(t) for t in texts)
    on_disk = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"corpus: {len(texts):,} articles, {chars:,} characters, {on_disk:.1f} MB in {folder}; {os.cpu_count()} cores", flush=True)
    return texts, chars


def run_build(corpus: Path, out: Path, workers: int) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of the process tree, and the summary line of one ``kg build``."""
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            procs = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    output = proc.stdout.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kg build failed ({proc.returncode}):\n{output}")
    summary = next((line for line in output.splitlines() if " documents (" in line), output[-300:])
    return seconds, peak / 1e6, summary


def pipeline_speed(texts: list[str], rules: bool) -> tuple[float, str]:
    """Seconds of ``nlp.pipe`` over the texts (load excluded) on one core, as a worker of ``kg build``
    runs it (numpy's BLAS in one thread), and what the pipeline holds."""
    import kg
    from kg.corpus.engines import blas_threads

    nlp = kg.load(rules=rules)
    with blas_threads(1):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        return time.perf_counter() - started, "+".join(nlp.pipe_names) or "tokenizer"


def jieba_speed(texts: list[str]) -> float:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.posseg.cut(text):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of JSON Lines (default 20)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-throughput"))
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()

    corpus = args.workdir / "corpus"
    texts, chars = make_corpus(args.corpora, corpus, args.mb)
    rows = []

    def row(name, seconds, peak=None, note=""):
        rows.append((name, seconds, chars / seconds, peak, note))
        print(f"  {name}: {seconds:.1f} s, {chars / seconds:,.0f} chars/s" + (f", peak RSS {peak:.0f} MB" if peak else "") + f" {note}", flush=True)

    for workers in (1, 2):
        out = args.workdir / f"out{workers}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, summary = run_build(corpus, out, workers)
        row(f"kg build --workers {workers}", seconds, peak, summary.split(" in ")[0])
    seconds, peak, summary = run_build(corpus, args.workdir / "out2", 2)
    row("kg build, no change (rerun of --workers 2)", seconds, peak, summary.split(",")[0])
    seconds, names = pipeline_speed(texts, rules=True)
    row(f"kg.load() nlp.pipe only ({names})", seconds)
    seconds, names = pipeline_speed(texts, rules=False)
    row(f"kg.load(rules=False) nlp.pipe only ({names})", seconds)
    row("jieba.posseg.cut", jieba_speed(texts))

    print("\n| run | seconds | chars/s | peak RSS MB |\n|---|---|---|---|")
    for name, seconds, speed, peak, _ in rows:
        print(f"| {name} | {seconds:.1f} | {speed:,.0f} | {f'{peak:.0f}' if peak else '—'} |")


if __name__ == "__main__":
    main()
