"""Engines that run :func:`kg.corpus.extract.extract` over batches of documents: in this process,
in a pool of worker processes (every core), or on a Dask cluster. Each returns results as JSON
text, the form they are cached in, so all engines hand the build the same thing. The pipeline is
loaded once per process, and only when a batch first needs it: a build that finds every document in
the cache never loads spaCy."""

from __future__ import annotations

import os
from concurrent.futures import Future
from typing import Protocol

from kg.corpus.documents import Document
from kg.corpus.extract import Options, extract

_PIPELINES: dict[str | None, object] = {}


def pipeline(model: str | None):
    """kg's pipeline for ``model``, loaded once per process."""
    if model not in _PIPELINES:
        import kg

        _PIPELINES[model] = kg.load(model)
    return _PIPELINES[model]


def extract_json(documents: list[Document], options: Options) -> list[str]:
    """Extract a batch in this process (loading the pipeline on first use); results as JSON."""
    return [result.to_json() for result in extract(pipeline(options.model), documents, options)]


_BLAS_LIMIT = []  # the limiter, kept for the worker's life


def _init_worker(model: str | None, workers: int) -> None:
    """Load the pipeline, and share the cores among the workers: numpy's BLAS would otherwise start
    a thread per core in every worker, so that N workers run N × cores threads on N cores."""
    from threadpoolctl import threadpool_limits

    pipeline(model)  # first: threadpoolctl limits only the libraries already loaded
    _BLAS_LIMIT.append(threadpool_limits(limits=max(1, (os.cpu_count() or 1) // workers), user_api="blas"))


class Engine(Protocol):
    def submit(self, documents: list[Document], options: Options) -> Future: ...
    def close(self) -> None: ...


class LocalEngine:
    """Extraction in this process, at once when a batch is submitted."""

    def submit(self, documents: list[Document], options: Options) -> Future:
        future: Future = Future()
        try:
            future.set_result(extract_json(documents, options))
        except BaseException as err:  # handed on to whoever asks for the result
            future.set_exception(err)
        return future

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of ``workers`` processes, started on the first batch; each loads the pipeline once."""

    def __init__(self, workers: int, model: str | None):
        self.workers, self.model, self._pool = workers, model, None

    def submit(self, documents: list[Document], options: Options) -> Future:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # not fork: workers start from a clean interpreter, safe whatever threads the parent runs
            context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker, initargs=(self.model, self.workers))
        return self._pool.submit(extract_json, documents, options)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """Batches as tasks on a ``dask.distributed`` cluster. Documents travel as bytes (workers need
    kg installed, not the input files) and results come back as JSON text."""

    def __init__(self, scheduler: str | object):
        try:
            from distributed import Client
        except ImportError:
            msg = "--engine dask needs dask.distributed: pip install 'kg[dask]'"
            raise ImportError(msg) from None
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
        self._own = not isinstance(scheduler, Client)

    def submit(self, documents: list[Document], options: Options) -> Future:
        return self.client.submit(extract_json, documents, options, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()


def make_engine(engine: str, *, workers: int | None = None, model: str | None = None, scheduler=None) -> Engine:
    """The engine ``local`` (``workers`` processes; 1 runs in this process) or ``dask`` (on the
    cluster whose scheduler is at ``scheduler``, an address or a ``distributed.Client``)."""
    if engine == "dask":
        if scheduler is None:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    workers = workers or os.cpu_count() or 1
    return LocalEngine() if workers == 1 else ProcessEngine(workers, model)
