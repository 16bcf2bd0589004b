"""Engines that run :func:`kg.corpus.extract.extract` over batches of documents: in this process,
in a pool of worker processes (one per core), or on a Dask cluster. Each returns results as JSON
text, the form they are cached in, so all engines hand the build the same thing. The pipeline is
loaded once per process, and only when a batch first needs it: a build that finds every document in
the cache never loads spaCy.

A worker is one core: its numpy BLAS (the NER encoder's matrix products) runs one thread, so
``--workers N`` takes N cores whatever the machine has (a job given 4 cores of a 64-core node
does not start 64 threads per worker). Only the in-process engine of a build that chose it by
itself, for a corpus of one batch, leaves BLAS its threads: there it is the whole build."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import Future
from contextlib import nullcontext
from typing import Protocol

from kg.corpus.documents import Document
from kg.corpus.extract import Options, extract

_PIPELINES: dict[tuple, object] = {}


def pipeline(model: str | None, resources: str | None = None, events: str | None = None):
    """kg's pipeline for ``model`` (with the user's data files in ``resources``, events by
    ``events``: see :func:`kg.nlp.pipeline.load`), loaded once per process."""
    key = (model, resources, events)
    if key not in _PIPELINES:
        import kg

        _PIPELINES[key] = kg.load(model, resources=resources, events=events)
    return _PIPELINES[key]


def extract_json(documents: list[Document], options: Options) -> list[str]:
    """Extract a batch in this process (loading the pipeline on first use); results as JSON."""
    return [result.to_json() for result in extract(pipeline(options.model, options.resources, options.events), documents, options)]


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity: a container's or a job's share), not
    every core of the machine as ``os.cpu_count()`` says."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def blas_threads(threads: int | None):
    """A context in which numpy's BLAS runs ``threads`` threads (None: as it is)."""
    if threads is None:
        return nullcontext()
    import numpy  # noqa: F401  (loaded first: threadpoolctl limits only the libraries already loaded)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=threads, user_api="blas")


def extract_json_one_core(documents: list[Document], options: Options) -> list[str]:
    """:func:`extract_json` with numpy's BLAS held to one thread (a task on a Dask worker)."""
    with blas_threads(1):
        return extract_json(documents, options)


_BLAS_LIMIT = []  # the limiter, kept for the worker's life


def end_with(lifeline) -> threading.Thread:
    """End this process (``os._exit``) as soon as ``lifeline``, the receiving end of a pipe whose
    only sending end the parent holds, reports end of file: when the parent closes it, or when the
    parent is gone, however it ended (SIGTERM, SIGKILL, the OOM killer); the kernel closes a dead
    process's pipes. Watched by a thread that waits in the kernel, so it costs nothing meanwhile.

    A worker of a forkserver pool is the forkserver's child, not the build's, so
    ``prctl(PR_SET_PDEATHSIG)`` in it fires only when the forkserver ends, and the forkserver ends
    only when every worker has (measured: both workers, the forkserver and the resource tracker
    stayed; with the lifeline all four were gone 30–55 ms after a SIGKILL of the parent)."""

    def wait() -> None:
        multiprocessing.connection.wait([lifeline])  # no data is ever sent: only end of file wakes it
        os._exit(1)

    watch = threading.Thread(target=wait, name="kg-lifeline", daemon=True)
    watch.start()
    return watch


def _init_worker(model: str | None, resources: str | None = None, events: str | None = None, lifeline=None) -> None:
    """Watch the parent (the worker ends when the build is gone: :func:`end_with`), load the
    pipeline and hold numpy's BLAS to one thread: the worker is one core (N workers each running a
    thread per core would run N × cores threads on N cores)."""
    if lifeline is not None:
        end_with(lifeline)
    pipeline(model, resources, events)
    _BLAS_LIMIT.append(blas_threads(1))


class Engine(Protocol):
    def submit(self, documents: list[Document], options: Options) -> Future: ...
    def close(self) -> None: ...


class LocalEngine:
    """Extraction in this process, at once when a batch is submitted, with numpy's BLAS held to
    ``threads`` threads meanwhile (None: as it is, every core)."""

    def __init__(self, threads: int | None = None):
        self.threads = threads

    def submit(self, documents: list[Document], options: Options) -> Future:
        future: Future = Future()
        try:
            with blas_threads(self.threads):
                future.set_result(extract_json(documents, options))
        except BaseException as err:  # handed on to whoever asks for the result
            future.set_exception(err)
        return future

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of ``workers`` processes, started on the first batch; each loads the pipeline once
    and is one core (numpy's BLAS in one thread).

    No worker outlives this process: each watches a lifeline, a pipe only this process can write
    to (:func:`end_with`), so the workers, and with them multiprocessing's forkserver and resource
    tracker, end within milliseconds of the build however it ends. Closing the engine while
    batches still run (a build stopped by Ctrl-C or SIGTERM, or failed) closes the lifeline: the
    workers end at once rather than finish batches whose results nobody will read."""

    def __init__(self, workers: int, model: str | None, resources: str | None = None, events: str | None = None):
        self.workers, self._pool, self._lifeline = workers, None, None
        self.model, self.resources, self.events = model, resources, events
        self._unfinished: set[Future] = set()

    def submit(self, documents: list[Document], options: Options) -> Future:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            # not fork: workers start from a clean interpreter, safe whatever threads the parent runs
            context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            end, self._lifeline = context.Pipe(duplex=False)  # workers get the receiving end; this process keeps the other
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                             initargs=(self.model, self.resources, self.events, end))
        future = self._pool.submit(extract_json, documents, options)
        self._unfinished.add(future)
        future.add_done_callback(self._unfinished.discard)
        return future

    def close(self) -> None:
        """Shut the pool down: at once if batches are still running (their workers end without
        finishing them), else letting idle workers exit as usual. Returns when the workers are gone."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if any(not f.done() for f in list(self._unfinished)):
            self._lifeline.close()
        pool.shutdown(cancel_futures=True)
        self._lifeline.close()


class DaskEngine:
    """Batches as tasks on a ``dask.distributed`` cluster, one core each (numpy's BLAS in one
    thread: run one worker process per core, ``--nthreads 1``). Documents travel as bytes (workers
    need kg installed, not the input files) and results come back as JSON text."""

    def __init__(self, scheduler: str | object):
        try:
            from distributed import Client
        except ImportError:
            msg = "--engine dask needs dask.distributed: pip install 'kg[dask]'"
            raise ImportError(msg) from None
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
        self._own = not isinstance(scheduler, Client)
        self._unfinished: set = set()

    def submit(self, documents: list[Document], options: Options) -> Future:
        future = self.client.submit(extract_json_one_core, documents, options, pure=False)
        self._unfinished.add(future)
        future.add_done_callback(self._unfinished.discard)
        return future

    def close(self) -> None:
        """Cancel the batches not finished (a stopped build leaves the cluster no work), and
        disconnect if this engine connected."""
        unfinished = [f for f in list(self._unfinished) if not f.done()]
        if unfinished:
            self.client.cancel(unfinished)
        if self._own:
            self.client.close()


def make_engine(engine: str, *, workers: int | None = None, model: str | None = None, resources: str | None = None,
                events: str | None = None, scheduler=None, every_core: bool = False) -> Engine:
    """The engine ``local`` (``workers`` processes, one core each, None for one per usable core;
    1 runs in this process) or ``dask`` (on the cluster whose scheduler is at ``scheduler``, an
    address or a ``distributed.Client``). ``every_core``: a single in-process worker leaves numpy's
    BLAS all its threads (for a build that is that one worker and nothing else)."""
    if engine == "dask":
        if scheduler is None:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    workers = workers or usable_cores()
    if workers == 1:
        return LocalEngine(threads=None if every_core else 1)
    return ProcessEngine(workers, model, resources, events)
