"""kg build under a job scheduler: stopped by SIGTERM (a stop, like Ctrl-C) or killed by
SIGKILL at any moment, it leaves no process behind and out/ as it was, keeps whole cache entries,
and the next run resumes from them to the same graph as a build never stopped."""

import importlib.util
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import Future
from pathlib import Path

import psutil
import pytest

from kg.build import READ, _Runner
from kg.corpus.cache import ResultCache
from kg.corpus.documents import Document
from kg.corpus.engines import end_with
from kg.corpus.extract import DocumentResult, Options
from kg.stop import Stopped, sigterm_stops

ROOT = Path(__file__).resolve().parents[2]
MARK = "KG_TEST_BUILD"  # set in the environment of a build under test: its workers, forkserver and tracker inherit it
BUILD = ["--workers", "2", "--model", "rules"]


def _make_corpus(folder: Path, megabytes: float) -> int:
    """bench/throughput.py's corpus maker over the annotated news sentences kept in the repository."""
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "bench" / "throughput.py")
    throughput = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(throughput)
    texts, _ = throughput.make_corpus(ROOT / "annotations", folder, megabytes)  # annotations/events/train.jsonl
    return len(texts)


def _kg_build(corpus: Path, out: Path, mark: str, *, quiet: bool = True) -> subprocess.Popen:
    env = {**os.environ, MARK: mark}
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), *BUILD, *(["--quiet"] if quiet else [])]
    # a session of its own: a signal to its process group reaches the build and its workers, not pytest
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _processes(mark: str) -> list[psutil.Process]:
    """Every live process of the build marked ``mark`` (zombies hold nothing and are not counted)."""
    found = []
    for process in psutil.process_iter():
        try:
            if process.status() != psutil.STATUS_ZOMBIE and process.environ().get(MARK) == mark:
                found.append(process)
        except psutil.Error:
            pass
    return found


def _entries(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (out / ".cache").glob("*/*.json")}


def _graph_files(out: Path) -> dict[str, bytes]:
    """Every file of an output folder but the cache, with its bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts}


@pytest.fixture(scope="module")
def scale(tmp_path_factory):
    """A corpus of three batches (~165 articles), its build never stopped, and an older output."""
    root = tmp_path_factory.mktemp("stop")
    documents = _make_corpus(root / "corpus", 0.4)
    reference = _kg_build(root / "corpus", root / "reference", "reference")
    output, _ = reference.communicate(timeout=600)
    assert reference.returncode == 0, output
    (root / "page").mkdir()
    (root / "page" / "a.txt").write_text("# 签约\n\n本报青岛讯 5月28日，海尔卡奥斯与平度市政府签署了战略合作框架协议。\n", encoding="utf-8")
    older = _kg_build(root / "page", root / "older", "older")
    output, _ = older.communicate(timeout=600)
    assert older.returncode == 0, output
    return root, documents


def _moment(name: str, process: psutil.Process, out: Path, before: int, documents: int) -> bool:
    """Whether the build has reached the moment ``name``."""
    made = len(list((out / ".cache").glob("*/*.json"))) - before
    if name == "loading":  # workers started, no result yet
        return len(process.children(recursive=True)) >= 3 and made == 0  # tracker, forkserver, a worker
    if name == "extracting":  # a batch done, others running
        return 0 < made < documents
    return made == documents  # "writing": every result in, the outputs being made


# fmt: off
STOPS = [
    ("SIGTERM", "loading", "parent"),
    ("SIGTERM", "extracting", "parent"),
    ("SIGTERM", "extracting", "group"),    # timeout(1), Slurm, systemd signal every process of the job
    ("SIGTERM", "writing", "parent"),
    ("SIGTERM", "extracting", "twice"),    # a second SIGTERM during the clean-up ends it at once
    ("SIGKILL", "extracting", "parent"),   # the OOM killer, or the grace period over
    ("SIGKILL", "writing", "parent"),
]
# fmt: on


@pytest.mark.parametrize("name,moment,how", STOPS)
def test_stop_leaves_no_process_and_resumes_to_same_graph(scale, tmp_path, name, moment, how):
    root, documents = scale
    out = tmp_path / "out"
    shutil.copytree(root / "older", out)
    older, older_entries = _graph_files(out), _entries(out)
    before = len(older_entries)
    mark = uuid.uuid4().hex
    build = _kg_build(root / "corpus", out, mark)
    process, deadline = psutil.Process(build.pid), time.monotonic() + 300
    while not _moment(moment, process, out, before, documents):
        assert build.poll() is None, f"the build ended before the moment {moment}: {build.communicate()[0]}"
        assert time.monotonic() < deadline, f"no moment {moment} in 300 s"
        time.sleep(0.02)
    sig = getattr(signal, name)
    if how == "group":
        os.killpg(build.pid, sig)
    else:
        build.send_signal(sig)
    if how == "twice":
        time.sleep(0.05)
        if build.poll() is None:
            build.send_signal(sig)
    output, _ = build.communicate(timeout=60)
    gone = time.monotonic() + 5
    while _processes(mark) and time.monotonic() < gone:
        time.sleep(0.05)
    assert not [" ".join(p.cmdline())[:120] for p in _processes(mark)], "processes of the build are left"
    if name == "SIGKILL":
        assert build.returncode == -signal.SIGKILL
    elif how == "twice":
        assert build.returncode in (143, -signal.SIGTERM), output  # clean-up done, or ended by the second
    else:
        assert build.returncode == 143, output
        assert "stopped (SIGTERM)" in output
        assert not list(tmp_path.glob(".out.*")), "the staging folder is left"
    assert _graph_files(out) == older  # out/ as it was
    reference = _entries(root / "reference")
    kept = {name: data for name, data in _entries(out).items() if name not in older_entries}
    assert all(reference.get(name) == data for name, data in kept.items())  # whole, and what a full build makes
    if moment == "writing":
        assert len(kept) == documents

    rerun = _kg_build(root / "corpus", out, mark, quiet=False)
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output
    assert f"{documents} documents ({documents - len(kept)} analysed, {len(kept)} from the cache)" in output
    assert (out / "graph.ttl").read_bytes() == (root / "reference" / "graph.ttl").read_bytes()
    assert _entries(out) == reference  # the older build's entries pruned
    assert not list(tmp_path.glob(".out.*"))
    assert not _processes(mark)


def _watched(lifeline) -> None:
    end_with(lifeline)
    time.sleep(60)


def test_stop_worker_ends_when_lifeline_closes():
    context = multiprocessing.get_context("forkserver")
    end, lifeline = context.Pipe(duplex=False)
    worker = context.Process(target=_watched, args=(end,))
    worker.start()
    end.close()
    time.sleep(0.5)
    assert worker.is_alive()
    started = time.monotonic()
    lifeline.close()
    worker.join(timeout=10)
    assert worker.exitcode is not None and time.monotonic() - started < 5


def test_stop_sigterm_raises_stopped_then_restores_the_handler():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Stopped) as stopped:
        with sigterm_stops():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    assert stopped.value.code == 143 and isinstance(stopped.value, SystemExit)
    assert signal.getsignal(signal.SIGTERM) == before


def test_stop_read_marks_results_of_documents_read():
    assert DocumentResult("a.txt").to_json().endswith(READ)
    assert not DocumentResult("a.txt", error="a.txt: not UTF-8").to_json().endswith(READ)


class _Engine:
    """Batches whose futures the test finishes: the first when it likes, the others at once."""

    workers = 1

    def __init__(self):
        self.futures = []

    def submit(self, documents, options):
        future = Future()
        if self.futures:
            future.set_result([DocumentResult(d.source).to_json() for d in documents])
        self.futures.append(future)
        return future

    def close(self):
        pass


def test_stop_runner_keeps_later_batches_when_the_first_never_finishes(tmp_path):
    """A batch that finished while an earlier one still runs is cached before the build reaches it
    in input order, so a build stopped meanwhile keeps it."""
    engine = _Engine()
    runner = _Runner(lambda: engine, Options())
    cache = ResultCache(tmp_path / ".cache")
    documents = [Document(f"{i}.txt", f"{i}".encode(), f"{i}.txt") for i in range(64 * 3)]
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM))
    with pytest.raises(Stopped), sigterm_stops():
        timer.start()  # the runner is waiting for the first batch by then
        try:
            for _ in runner.results(iter(documents), cache):
                pass
        finally:
            runner.close()
    assert len(engine.futures) == 3 and not engine.futures[0].done()
    assert len(list(cache.root.glob("*/*.json"))) == 128  # the second and third batches
