"""Orchestration: files → articles → spaCy Docs → records → quads on disk → ``out/``.

Memory does not grow with the corpus: documents are extracted a bounded number of batches at a
time, each document's quads are spooled to disk as its result arrives (:mod:`kg.rdf.spool`), and
the graph's files, the store and the page are made from the spool at the end
(:mod:`kg.rdf.assemble`, :mod:`kg.viz.select`). What stays in memory is the entity table.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import queue
import shutil
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.atomic import remove_stale, replace_dir
from kg.corpus.cache import CACHE_DIR, ResultCache, document_key, pipeline_version
from kg.corpus.documents import DEFAULT_INCLUDE, Document, collect_inputs, read_documents
from kg.corpus.engines import Engine, make_engine
from kg.corpus.extract import ArticleRecord, DocumentResult, Options, article_record
from kg.ingest import Article
from kg.ingest.decode import InputError
from kg.ingest.script import to_simplified
from kg.nlp.lexicons import check_resources
from kg.rdf.mapping import ArticleResult, Mapping
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.spool import QuadSpool
from kg.resolve import gazetteer
from kg.resolve.entities import EntityTable, scope_of
from kg.resolve.within_article import all_mentions, settle_names, settle_record


@dataclass
class Summary:
    """What a build made, for the closing report."""

    documents: int = 0
    articles: int = 0
    entities: Counter = field(default_factory=Counter)  # by label
    events: Counter = field(default_factory=Counter)  # events the text asserts, by class
    unasserted: Counter = field(default_factory=Counter)  # planned and negated events, by modality
    triples: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    failed: int = 0  # files (or JSON lines) that could not be read
    analysed: int = 0  # documents that went through the pipeline (the rest came from the cache)
    notes: list[str] = field(default_factory=list)  # one line per file skipped, failed or empty


def analyse(nlp, articles: Iterable[Article], table: EntityTable) -> Iterator[ArticleResult]:
    """Run the pipeline over articles in this process and register their entities in ``table``
    (what :func:`build` does through :mod:`kg.corpus`, for a handful of articles in hand)."""
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe(to_simplified(a.text) for a in articles)):
        yield register(table, article_record(article, doc))


def register(table: EntityTable, record: ArticleRecord) -> ArticleResult:
    """Register an article's mentions in ``table``, in the order the pipeline found them, once the
    article's names are settled (one type per name, short forms to full names:
    :mod:`kg.resolve.within_article`), and link the parts of bodies it names to their bodies."""
    record = settle_record(record, settle_names(record.article.text, all_mentions(record)))
    keys, mentions, scope = [], [], scope_of(record.article)
    named: dict[str, tuple[str, str]] = {}  # the article's names and surface forms → their keys
    for mention in record.mentions:
        key = table.add(mention, record.home, scope)
        mentions.append((mention, key))
        if key not in keys:
            keys.append(key)
        named.setdefault(mention.name, key)
        if mention.alias:
            named.setdefault(mention.text, key)
    table.note(scope, keys)
    table.link_bodies(named)
    return ArticleResult(
        article=record.article, events=record.events, positions=record.positions,
        locations=record.locations, mention_keys=keys, mentions=mentions, home=record.home,
    )


WORK = ".work"  # in the staging folder: the spool and sorted runs, removed before the swap
SPOOL = "spool.nq"


def stage(out: Path) -> Path:
    """A fresh staging folder beside ``out`` (``.out.XXXX``), where a build writes everything
    before :func:`write_outputs` swaps it in; staging folders that killed runs left are removed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; out/ is an ordinary folder
    return staging


def write_outputs(
    staging: Path, out: Path, *, title: str, base_iri: str = DEFAULT_BASE, formats: Sequence[str] = (), keep: Sequence[str] = (),
) -> tuple[list[Path], int]:
    """Make ``graph.ttl``, the Oxigraph ``store/`` and ``graph.html`` from the spool in ``staging``
    (:func:`stage`, ``.work/spool.nq``) and swap the folder in for ``out``.

    The folder is swapped into place (:func:`kg.atomic.replace_dir`) only when every file is
    written, so a failed or killed run leaves the previous ``out/`` as it was. ``formats`` adds the
    graph in more syntaxes (:data:`kg.sparql.formats.FORMATS`: nt, nquads, trig, jsonld) and for
    network and table tools (gexf, graphml, csv: :mod:`kg.analysis.export`).
    The store also holds ``ontology.ttl`` in a named graph (:mod:`kg.sparql.ontology`).
    ``manifest.json`` says what made the output (``base_iri``) and gives each named graph's digest
    with nquads or trig (:mod:`kg.manifest`). ``keep`` names entries of the old ``out`` (the cache,
    ``.cache``) moved into the new folder just before the swap, and moved back if it fails.

    Returns:
        The files and folders made, and the number of distinct triples in the graph.
    """
    from kg.analysis.export import EXPORT_FILES, write_exports
    from kg.manifest import write_manifest
    from kg.rdf.assemble import assemble
    from kg.sparql.formats import CONTEXT
    from kg.sparql.ontology import load_ontology
    from kg.sparql.store import STORE_DIR, fill_store, open_store
    from kg.viz.html import write_html
    from kg.viz.select import read_store

    out = out.resolve()
    work = staging / WORK
    rdf_formats = [f for f in formats if f not in EXPORT_FILES]
    try:
        made = assemble(work / SPOOL, staging, work=work, formats=rdf_formats, context=CONTEXT)
        fill_store(made.ntriples, staging / STORE_DIR)  # the embedded SPARQL store
        load_ontology(staging / STORE_DIR)  # in its own named graph; kg query and kg serve see both
        store = open_store(staging / STORE_DIR)
        page = read_store(store)
        exports = write_exports(made.ntriples, staging, [f for f in formats if f in EXPORT_FILES])  # gexf, graphml, csv
        del store  # closed before the folder is moved
        write_html(page, staging / "graph.html", title=title)
        manifest = write_manifest(staging, base=base_iri, graphs=made.graphs)
        shutil.rmtree(work)
        for name in keep:
            if (out / name).exists():
                os.replace(out / name, staging / name)
        replace_dir(staging, out)  # one atomic exchange on Linux
    except BaseException:
        for name in keep:
            if (staging / name).exists() and out.is_dir() and not (out / name).exists():
                os.replace(staging / name, out / name)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    extra = [out / p.name for p in [*made.files, *exports] if p.name != "graph.ttl"]
    return [out / "graph.ttl", out / "graph.html", out / STORE_DIR, out / manifest.name] + extra, made.triples


def build(
    paths: list[Path],
    out: Path,
    *,
    model: str | None = None,
    resources: Path | None = None,
    events: str | None = None,
    base_iri: str = DEFAULT_BASE,
    date: datetime.date | None = None,
    strict: bool = False,
    formats: Sequence[str] = (),
    progress: Callable[[Iterable, int], Iterable] | None = None,
    include: Sequence[str] = DEFAULT_INCLUDE,
    workers: int | None = None,
    engine: str = "local",
    scheduler: object = None,
    cache: bool = True,
    mentions: bool = True,
    root: Path | None = None,
) -> Summary:
    """Build the knowledge graph of the news under ``paths`` into ``out``.

    Documents are extracted one batch at a time (:mod:`kg.corpus.engines`), each result is cached
    in ``out/.cache/`` as soon as it is made, and the corpus-level steps (entity table, alias
    merging, the graph) run here over the results in input order, so the output is the same for
    any number of workers and any engine. Each document's quads go to a spool file as its result
    arrives; the outputs are assembled from the spool at the end, so memory does not grow with
    the corpus (the entity table aside).

    Args:
        paths: files or folders of news (``.txt``/``.md`` pages, ``.jsonl`` corpora).
        out: the output folder (replaced as a whole when the build succeeds).
        model: None for kg's own pipeline, or the name/path of another spaCy pipeline.
        resources: a folder of your own data files for the rule layer (``events/triggers.tsv`` …),
            read beside kg's (:func:`kg.nlp.lexicons.use_resources`).
        events: ``"model"`` (the trained event component over the rules), ``"rules"`` (the rule
            layer's events alone) or a component's folder; None for the pipeline's default
            (:func:`kg.nlp.pipeline.load`).
        base_iri: the IRI under which entities, articles and events are named.
        date: publication date of articles whose file says none (no sidecar, no page header).
        strict: stop at the first file that cannot be read, instead of noting it and going on.
        formats: more syntaxes to write beside graph.ttl: nt, nquads, trig, jsonld; and gexf,
            graphml, csv (``tables/``) for network and table tools.
        progress: wraps the iteration over files, e.g. a progress bar: ``progress(files, total)``.
        include: globs of the files to take from folders.
        workers: processes for extraction, one core each; None for one per core (for a corpus of one
            batch, this process, its matrix products on every core).
        engine: ``local`` (``workers`` processes on this machine) or ``dask``.
        scheduler: the Dask scheduler's address (or a ``distributed.Client``) for ``engine="dask"``.
        cache: reuse and keep per-document results in ``out/.cache/``.
        mentions: write each entity mention and event trigger as a ``nif:Phrase`` (offsets,
            characters, sentence, the entity it names); False leaves provenance at the sentence.
        root: the corpus root that documents are named below (their IRIs are made of these
            names); None: the folder given, or the deepest one holding all inputs
            (:func:`kg.corpus.documents.collect_inputs`).

    Returns:
        A :class:`Summary` of what was made.

    Raises:
        kg.ingest.decode.InputError: an input path is missing, or (with ``strict``) a file cannot
            be read.
    """
    started = time.perf_counter()
    if resources is not None:
        try:
            check_resources(resources)
        except FileNotFoundError as err:
            raise InputError(f"--resources: {err}") from None
    inputs = collect_inputs(paths, include, root=root)
    files = inputs.files
    options = Options(model=model, date=date.isoformat() if date else None,
                      resources=str(Path(resources).resolve()) if resources is not None else None,
                      events=events if events in (None, "model", "rules") else str(Path(events).resolve()))
    title = f"kg: {', '.join(p.name for p in paths)}"
    results = ResultCache(out.resolve() / CACHE_DIR) if cache else None
    fingerprint = hashlib.sha256(json.dumps([base_iri, list(formats), title, mentions]).encode())
    skipped = [f"skipped: {folder}: an output of kg build ({marker}), not news" for folder, marker in inputs.skipped]
    if results is not None:
        summary = _unchanged(files, options, fingerprint.copy(), results, out)
        if summary is not None:
            summary.notes = skipped + [note for note in summary.notes if note not in skipped]
            summary.seconds = time.perf_counter() - started
            return summary
    if results is not None:
        (results.root / MANIFEST).unlink(missing_ok=True)  # written again once the new output is in place
    every_core = False
    if workers is None and engine == "local":  # one per core, or one with every core for one batch
        every_core = sum(p.stat().st_size for p, _ in files) <= BATCH_BYTES
        workers = 1 if every_core else None
    table = EntityTable()
    mapping = Mapping(base_iri, table, phrases=mentions)
    summary = Summary()
    summary.notes += skipped
    iterator = progress(files, len(files)) if progress else files
    documents = (doc for path, source in iterator for doc in read_documents(path, source))
    runner = _Runner(lambda: make_engine(engine, workers=workers, model=model, resources=options.resources, events=options.events, scheduler=scheduler, every_core=every_core), options, warm=gazetteer.names)
    staging = stage(out)
    try:
        with QuadSpool(staging / WORK / SPOOL) as spool:
            try:
                for key, text, fresh in runner.results(documents, results):
                    result = DocumentResult.from_json(text)
                    summary.documents += 1
                    summary.analysed += fresh
                    fingerprint.update(f"{key}\n".encode())
                    if result.error:
                        if strict:
                            raise InputError(result.error)
                        summary.failed += 1
                        summary.notes.append(f"failed: {result.error}")
                        continue
                    _add_document(spool, mapping, table, result, summary)  # the runner cached it as its batch finished
            finally:
                runner.close()
            if results is not None:
                results.prune()
            table.merge()
            spool.write(mapping.entity_quads())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary.entities.update(e.label for e in table.entities.values())
    summary.outputs, summary.triples = write_outputs(
        staging, out, title=title, base_iri=mapping.base, formats=formats,
        keep=[CACHE_DIR] if cache else [],
    )
    if results is not None and not summary.failed:
        _write_manifest(out.resolve() / CACHE_DIR / MANIFEST, fingerprint.hexdigest(), summary)
    summary.seconds = time.perf_counter() - started
    return summary


MANIFEST = "manifest.json"  # in the cache: what the output in OUT/ was built from, and its summary


def _write_manifest(path: Path, fingerprint: str, summary: Summary) -> None:
    out = path.parent.parent
    record = {
        "fingerprint": fingerprint, "documents": summary.documents, "articles": summary.articles,
        "entities": dict(summary.entities), "events": dict(summary.events), "triples": summary.triples,
        "notes": summary.notes, "outputs": [str(p.relative_to(out)) for p in summary.outputs],
    }
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _unchanged(files, options: Options, fingerprint, results: ResultCache, out: Path) -> Summary | None:
    """The summary of the build already in ``out`` when it was made from exactly these documents
    with these options and this pipeline (every document a cache hit): a no-change rerun then
    hashes the inputs and stops, leaving ``out`` as it is. None otherwise."""
    out = out.resolve()
    try:
        record = json.loads((out / CACHE_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = pipeline_version(options.model, options.resources, options.events)
    keys = []
    for path, source in files:
        for document in read_documents(path, source):
            if document.error:
                return None
            key = document_key(document, options, version)
            if not results.has(key):
                return None
            keys.append(key)
            fingerprint.update(f"{key}\n".encode())
    outputs = [out / name for name in record["outputs"]]
    if fingerprint.hexdigest() != record["fingerprint"] or not all(p.exists() for p in outputs):
        return None
    results.used.update(keys)
    return Summary(
        documents=record["documents"], articles=record["articles"], entities=Counter(record["entities"]),
        events=Counter(record["events"]), triples=record["triples"], outputs=outputs, notes=record["notes"],
    )


def _add_document(spool: QuadSpool, mapping: Mapping, table: EntityTable, result: DocumentResult, summary: Summary) -> None:
    """Register one document's mentions and articles, in the order the pipeline found them, and
    spool their quads."""
    if not result.articles:
        summary.notes.append(f"skipped: {result.source}: no text")
        return
    mentioned = 0
    for record in result.articles:
        article = register(table, record)
        spool.write(mapping.article_quads(article))
        summary.articles += 1
        summary.events.update(article.event_classes)  # events, not their mentions
        summary.unasserted.update(article.unasserted)
        mentioned += len(article.mention_keys)
    if not mentioned:
        name = result.source
        if name.endswith(".jsonl"):  # one article per line: say which
            name = f"{name} ({result.articles[0].article.id})"
        summary.notes.append(f"note: {name}: no entities found")


BATCH_DOCUMENTS = 64  # documents per extraction task
BATCH_BYTES = 256_000  # or fewer, when they are long


@dataclass
class _Slot:
    document: Document
    key: str | None
    text: str | None = None
    batch: list | None = None  # the slots submitted with it, once it is submitted
    fresh: bool = False


READ = ',"error":null}'  # how the JSON of a document that was read ends (error is DocumentResult's last field)


class _Runner:
    """Feeds cache misses to an engine in batches and yields every document's result (cached or
    fresh) in input order, with a bounded number of batches in flight.

    Each batch's results are cached as soon as the batch finishes, in whatever order batches
    finish, not when the build reaches them in input order: a build stopped or killed while an
    earlier batch still runs keeps the later ones (only documents that were read are cached)."""

    def __init__(self, make: Callable[[], Engine], options: Options, warm: Callable[[], object] | None = None):
        self.make, self.options, self.engine, self.warm = make, options, None, warm
        self.inflight: dict[int, object] = {}  # batches submitted and not yet yielded
        self.finished: queue.SimpleQueue = queue.SimpleQueue()  # batches as their futures finish
        self.cache: ResultCache | None = None

    def results(self, documents: Iterable[Document], cache: ResultCache | None) -> Iterator[tuple[str | None, str, bool]]:
        """(cache key, result JSON, whether it was extracted now) per document, in order; fresh
        results are cached (in ``cache``) by the time they are yielded."""
        self.cache = cache
        version = pipeline_version(self.options.model, self.options.resources, self.options.events) if cache is not None else ""
        window: deque[_Slot] = deque()
        pending: list[_Slot] = []
        size = 0
        for document in documents:
            key = document_key(document, self.options, version) if cache is not None and not document.error else None
            slot = _Slot(document, key, cache.get(key) if key else None)
            window.append(slot)
            if slot.text is None:
                pending.append(slot)
                size += len(document.data)
                if len(pending) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
                    self._submit(pending)
                    pending, size = [], 0
            yield from self._ready(window, limit=self._limit())
        self._submit(pending)
        yield from self._ready(window, limit=0)

    def _limit(self) -> int:
        workers = getattr(self.engine, "workers", None) or 8
        return 2 * workers

    def _submit(self, slots: list[_Slot]) -> None:
        if not slots:
            return
        if self.engine is None:
            self.engine = self.make()
        future = self.engine.submit([s.document for s in slots], self.options)
        for slot in slots:
            slot.batch = slots
        self.inflight[id(slots)] = future
        future.add_done_callback(lambda _, slots=slots: self.finished.put(slots))  # in the engine's thread: only queued here
        if self.warm is not None:  # while the workers load their pipelines
            self.warm()
            self.warm = None

    def _ready(self, window: deque[_Slot], limit: int) -> Iterator[tuple[str | None, str, bool]]:
        self._collect_finished()
        while window:
            front = window[0]
            if front.text is None:
                if front.batch is None:
                    return
                if len(self.inflight) <= limit and not self.inflight[id(front.batch)].done():
                    return
                while front.text is None:  # wait, caching every batch that finishes meanwhile
                    done = self.inflight[id(front.batch)].done()
                    self._collect(front.batch if done else self.finished.get())
            if front.batch is not None:
                self.inflight.pop(id(front.batch), None)
            window.popleft()
            yield front.key, front.text, front.fresh

    def _collect(self, slots: list[_Slot]) -> None:
        """Take a finished batch's results (raising its error) and cache them."""
        if slots[0].fresh:  # collected already
            return
        texts = self.inflight[id(slots)].result()
        for slot, text in zip(slots, texts):
            slot.text, slot.fresh = text, True
            if self.cache is not None and slot.key is not None and text.endswith(READ):
                self.cache.put(slot.key, text)

    def _collect_finished(self, *, skip_failed: bool = False) -> None:
        """Collect the batches that finished since last asked, without waiting."""
        while True:
            try:
                slots = self.finished.get_nowait()
            except queue.Empty:
                return
            future = self.inflight.get(id(slots))
            if future is None or (skip_failed and (future.cancelled() or future.exception() is not None)):
                continue
            self._collect(slots)

    def close(self) -> None:
        """Cache what finished batches hold (a build stopped before it read them keeps them), then
        close the engine: workers still running a batch end at once."""
        try:
            self._collect_finished(skip_failed=True)
        finally:
            if self.engine is not None:
                self.engine.close()
