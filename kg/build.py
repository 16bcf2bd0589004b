"""Orchestration: files → articles → spaCy Docs → records → RDF graph → ``out/``."""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import Article, read_articles
from kg.ingest.script import to_simplified
from kg.ingest.decode import InputError
from kg.ingest.read import collect_files
from kg.rdf.mapping import ArticleResult, GraphBuilder
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve.aliases import home_unit
from kg.resolve.entities import EntityTable


@dataclass
class Summary:
    """What a build made, for the closing report."""

    documents: int = 0
    articles: int = 0
    entities: Counter = field(default_factory=Counter)  # by label
    events: Counter = field(default_factory=Counter)  # by class
    triples: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    failed: int = 0  # files that could not be read
    notes: list[str] = field(default_factory=list)  # one line per file skipped, failed or empty


def analyse(nlp, articles: Iterable[Article], table: EntityTable) -> Iterator[ArticleResult]:
    """Run the pipeline over articles; register their entities in ``table``.

    Traditional characters are analysed in simplified form; names are kept simplified (one node for
    臺灣 and 台湾) and the original surface becomes an alias.
    """
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe(to_simplified(a.text) for a in articles)):
        mentions = doc._.kg_mentions or []
        dateline = article.dateline.text if article.dateline else None
        home = home_unit(dateline, (m.name for m in mentions if m.label == "GPE"))
        keys = []
        for mention in mentions:
            original = article.text[mention.start:mention.end]
            if original != mention.text:
                mention = dataclasses.replace(mention, text=original)
            key = table.add(mention, home)
            if key not in keys:
                keys.append(key)
        yield ArticleResult(
            home=home,
            article=article,
            events=doc._.kg_events or [],
            positions=doc._.kg_positions or [],
            locations=doc._.kg_locations or [],
            mention_keys=keys,
        )


def write_outputs(graph, out: Path, *, title: str, formats: Sequence[str] = ()) -> list[Path]:
    """Write ``graph.ttl``, ``graph.html`` and the Oxigraph ``store/`` into a fresh folder and swap it
    in for ``out``.

    The folder is made beside ``out`` and renamed into place only when every file is written, so a
    failed or killed run leaves the previous ``out/`` as it was. ``formats`` adds the graph in more
    syntaxes (:data:`kg.sparql.formats.FORMATS`: nt, nquads, trig, jsonld).
    """
    from kg.sparql.formats import write_formats
    from kg.sparql.store import STORE_DIR, fill_store
    from kg.viz.html import write_html

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        graph.serialize(destination=staging / "graph.ttl", format="turtle", encoding="utf-8")
        fill_store(staging / "graph.ttl", staging / STORE_DIR)  # the embedded SPARQL store
        write_html(graph, staging / "graph.html", title=title)
        extra = write_formats(graph, staging, list(formats))
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / "graph.ttl", out / "graph.html", out / STORE_DIR] + [out / p.name for p in extra if p.name != "graph.ttl"]


def build(
    paths: list[Path],
    out: Path,
    *,
    model: str | None = None,
    base_iri: str = DEFAULT_BASE,
    date: datetime.date | None = None,
    strict: bool = False,
    formats: Sequence[str] = (),
    progress: Callable[[Iterable, int], Iterable] | None = None,
) -> Summary:
    """Build the knowledge graph of the news files under ``paths`` into ``out``.

    Args:
        paths: files or folders of ``.txt``/``.md`` news.
        out: the output folder (replaced as a whole when the build succeeds).
        model: None for kg's own pipeline, or the name/path of another spaCy pipeline.
        base_iri: the IRI under which entities, articles and events are named.
        date: publication date of articles whose file says none (no sidecar, no page header).
        strict: stop at the first file that cannot be read, instead of noting it and going on.
        formats: more syntaxes to write beside graph.ttl: nt, nquads, trig, jsonld.
        progress: wraps the iteration over files, e.g. a progress bar: ``progress(files, total)``.

    Returns:
        A :class:`Summary` of what was made.

    Raises:
        kg.ingest.decode.InputError: an input path is missing, or (with ``strict``) a file cannot
            be read.
    """
    import kg

    started = time.perf_counter()
    files = collect_files(paths)
    nlp = kg.load(model)
    table = EntityTable()
    builder = GraphBuilder(base_iri, table)
    summary = Summary(documents=len(files))
    iterator = progress(files, len(files)) if progress else files
    for path, source in iterator:
        try:
            articles = list(read_articles(path, source, default_date=date))
        except InputError as err:
            if strict:
                raise
            summary.failed += 1
            summary.notes.append(f"failed: {err}")
            continue
        if not articles:
            summary.notes.append(f"skipped: {source}: no text")
        mentioned = 0
        for result in analyse(nlp, articles, table):
            builder.add_article(result)
            summary.articles += 1
            summary.events.update(e.cls for e in result.events)
            mentioned += len(result.mention_keys)
        if articles and not mentioned:
            summary.notes.append(f"note: {source}: no entities found")
    builder.add_entities()
    summary.entities.update(e.label for e in table.entities.values())
    summary.triples = len(builder.graph)
    summary.outputs = write_outputs(builder.graph, out, title=f"kg: {', '.join(p.name for p in paths)}", formats=formats)
    summary.seconds = time.perf_counter() - started
    return summary
