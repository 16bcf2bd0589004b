"""Kill ``kg build`` at random moments, rerun it each time, and check that it resumes: the final
graph byte-identical to a build never stopped, how many documents were analysed twice, peak RSS.

    python bench/resume.py [--mb 100] [--kills 5] [--workers 2] [--model NAME] [--seed 0] [--workdir /tmp/kg-resume]

The corpus is ``bench/throughput.py``'s (sentences of ``../shared/corpora/*/train.jsonl`` grouped
into articles, JSON Lines, in ``--workdir``). First a build never stopped; then builds into another
folder, each stopped at a random moment of what is left to do (once a random number of the
documents not yet cached are, then 0 to 5 s more: within a batch, or while the outputs are
written), by SIGKILL and SIGTERM in turn, and a last build left to finish.

A document counts as analysed once its batch's analysis is done: this script logs it from inside
the workers, by wrapping ``kg.corpus.engines.extract`` (the workers import this module first, as
the script that started the build). One analysed again in a later run was lost with the run
stopped; one whose batch had begun when the run was stopped counts as cut short (work begun and
lost, done again later). Peak RSS is the largest sum of the resident memory of a build and its
processes (workers, forkserver, resource tracker), sampled every 0.1 s. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

LOG = "KG_RESUME_LOG"  # where a build run by this script logs the documents it analysed


def _log_documents(path: str) -> None:
    """Wrap extraction so that every document is logged (its origin, a line each) as its batch
    starts (``> origin``) and once it is analysed (``origin``)."""
    import kg.corpus.engines as engines

    extract = engines.extract

    def logged(nlp, documents, options):
        with open(path, "a", encoding="utf-8") as log:  # one write per batch, appended
            log.write("".join(f"> {document.origin}\n" for document in documents))
        results = extract(nlp, documents, options)
        with open(path, "a", encoding="utf-8") as log:
            log.write("".join(f"{document.origin}\n" for document in documents))
        return results

    engines.extract = logged


if os.environ.get(LOG):  # in a build run by this script, and in its workers (the forkserver imports this module)
    _log_documents(os.environ[LOG])


def read_log(path: Path) -> tuple[list[str], int]:
    """The documents a run analysed, and how many it started on but did not finish (cut short)."""
    if not path.exists():
        return [], 0
    lines = path.read_text(encoding="utf-8").splitlines()
    done = [line for line in lines if not line.startswith("> ")]
    return done, len(lines) - 2 * len(done)


def run(arguments: list[str], log: Path, kill_when=None, sig: int = signal.SIGKILL) -> dict:
    """One ``kg build`` (through this script, so that it logs what it analyses), sent ``sig`` as
    soon as ``kill_when()`` is true unless it ends first: seconds, exit code, when it was signalled,
    peak RSS in MB, and the processes of the build still alive 5 s after it ended."""
    command = [sys.executable, __file__, "--child", "--", "build", *arguments]
    started = time.perf_counter()
    said = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # not a pipe: a build's notes fill a pipe's buffer, and it would wait
    proc = subprocess.Popen(command, stdout=said, stderr=subprocess.STDOUT, text=True, env={**os.environ, LOG: str(log)})
    parent, peak, family, signalled = psutil.Process(proc.pid), 0, {proc.pid: psutil.Process(proc.pid)}, None
    while proc.poll() is None:
        try:
            for child in parent.children(recursive=True):
                family.setdefault(child.pid, child)
            peak = max(peak, sum(p.memory_info().rss for p in family.values() if p.is_running()))
        except psutil.Error:
            pass
        if kill_when is not None and kill_when():
            proc.send_signal(sig)
            kill_when, signalled = None, time.perf_counter() - started
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    said.seek(0)
    output = said.read()
    said.close()
    deadline = time.monotonic() + 5
    alive = lambda: [p for p in family.values() if p.pid != proc.pid and p.is_running() and p.status() != psutil.STATUS_ZOMBIE]  # noqa: E731
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    left = alive()
    for process in left:
        process.kill()
    return {"seconds": seconds, "code": proc.returncode, "at": signalled, "peak": peak / 1e6, "left": len(left), "output": output}


def main() -> None:
    from throughput import CORPORA, make_corpus

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100.0, help="corpus size in MB of JSON Lines (default 100)")
    parser.add_argument("--kills", type=int, default=5, help="builds killed before the one left to finish (default 5)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default=None, help="kg build --model (default: kg's own pipeline)")
    parser.add_argument("--seed", type=int, default=0, help="for the moments of the kills")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-resume"))
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()

    corpus = args.workdir / "corpus"
    texts, _ = make_corpus(args.corpora, corpus, args.mb)
    options = ["--workers", str(args.workers), "--quiet", *(["--model", args.model] if args.model else [])]
    rng = random.Random(args.seed)
    for name in ("reference", "out", "logs"):
        shutil.rmtree(args.workdir / name, ignore_errors=True)
    (args.workdir / "logs").mkdir()

    reference = run([str(corpus), "--out", str(args.workdir / "reference"), *options], args.workdir / "logs" / "reference")
    if reference["code"] != 0:
        raise SystemExit(f"the reference build failed ({reference['code']}):\n{reference['output']}")
    documents = len(texts)
    once = len(read_log(args.workdir / "logs" / "reference")[0])
    print(f"  never stopped: {reference['seconds']:.1f} s, {once:,} analysed, peak RSS {reference['peak']:.0f} MB", flush=True)

    out, rows, logs = args.workdir / "out", [], []
    cached = lambda: len(list((out / ".cache").glob("*/*.json")))  # noqa: E731
    for number in range(args.kills + 1):
        kept = cached()
        kill_when = None
        if number < args.kills:  # a random moment of what is left: once a random share of it is analysed, then 0-5 s more
            target, extra = rng.randint(min(kept + 1, documents), documents), rng.uniform(0, 5)  # all cached: while writing
            reached = []

            def kill_when(target=target, extra=extra, reached=reached):
                if not reached and cached() >= target:
                    reached.append(time.monotonic())
                return bool(reached) and time.monotonic() - reached[0] >= extra

        sig = signal.SIGKILL if number % 2 == 0 else signal.SIGTERM  # the OOM killer, a scheduler's stop, in turn
        log = args.workdir / "logs" / f"run{number}"
        result = run([str(corpus), "--out", str(out), *options], log, kill_when=kill_when, sig=sig)
        done, cut = read_log(log)
        analysed = len(done)
        logs.append(log)
        if result["at"] is None:
            how = f"finished (exit {result['code']})"
        else:
            how = f"{signal.Signals(sig).name} at {result['at']:.1f} s: {target - kept:,} more cached, then {extra:.1f} s (exit {result['code']})"
        rows.append((number + 1, how, result["seconds"], kept, analysed, cut, result["peak"], result["left"]))
        print(f"  run {number + 1}: {how}, {result['seconds']:.1f} s, {kept:,} cached before, {analysed:,} analysed, {cut:,} cut short, "
              f"peak RSS {result['peak']:.0f} MB, {result['left']} processes left", flush=True)
        if result["at"] is None:
            if result["code"] != 0:
                raise SystemExit(f"run {number + 1} failed ({result['code']}):\n{result['output']}")
            break
        if result["code"] not in (-signal.SIGKILL, 143, -signal.SIGTERM):
            raise SystemExit(f"run {number + 1} failed ({result['code']}):\n{result['output']}")

    same = (out / "graph.ttl").read_bytes() == (args.workdir / "reference" / "graph.ttl").read_bytes()
    counts = Counter(line for log in logs for line in read_log(log)[0])
    twice = sum(n - 1 for n in counts.values() if n > 1)
    print("\n| run | how it ended | seconds | cached before | analysed | cut short | peak RSS MB | processes left |\n|---|---|---|---|---|---|---|---|")
    print(f"| never stopped | finished | {reference['seconds']:.1f} | 0 | {once:,} | 0 | {reference['peak']:.0f} | {reference['left']} |")
    for number, how, seconds, kept, analysed, cut, peak, left in rows:
        print(f"| {number} | {how} | {seconds:.1f} | {kept:,} | {analysed:,} | {cut:,} | {peak:.0f} | {left} |")
    print(f"\nfinal graph.ttl byte-identical to the build never stopped: {'yes' if same else 'NO'}")
    print(f"documents analysed twice: {twice:,} of {documents:,} ({sum(counts.values()):,} analyses in all, against {once:,} for the "
          f"build never stopped); in batches cut short by a stop, their analysis begun and lost: {sum(r[5] for r in rows):,}")
    print(f"peak RSS: {max(reference['peak'], *(r[6] for r in rows)):.0f} MB; processes left after a stop: {sum(r[7] for r in rows)}")
    if not same or len(counts) != documents:
        raise SystemExit(1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:  # a build, as the kg command runs it, logging what it analyses
        from kg.cli import app

        app(args=sys.argv[3:], prog_name="kg")
    else:
        main()
