"""The ``kg`` command line: parse arguments, call the library, report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import track

from kg.rdf.namespaces import DEFAULT_BASE

app = typer.Typer(
    help="Build knowledge graphs from Chinese news.\n\nExample: kg build seeds/ --out out/",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True, soft_wrap=True)


def _print_version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print kg's version and exit.")
    ] = False,
) -> None:
    """kg turns folders of Chinese news into an RDF knowledge graph (out/graph.ttl) and an
    interactive offline graph (out/graph.html)."""


@app.command()
def build(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="News files (.txt, .md, .html web pages, .jsonl corpora) or folders of them. [default: seeds/]")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder, replaced as a whole on success.")] = Path("out"),
    model: Annotated[
        Optional[str], typer.Option(help="Another installed spaCy pipeline (name or path) to tag entities, e.g. zh_core_web_trf; 'rules' for kg's rules without the NER model.")
    ] = None,
    resources: Annotated[
        Optional[Path], typer.Option(exists=True, file_okay=False, help="A folder of your own rule-layer data files, laid out as kg's (events/triggers.tsv, entities/person_titles.txt …): each adds its lines to kg's file, or replaces it if its first line is '# replace'.")
    ] = None,
    events: Annotated[
        Optional[str], typer.Option(help="model: events decided by kg's trained event component over the rules' (with kg's own NER model); rules: the rule layer's alone; or the folder of a component kg train-events made. [default: model where it is shipped]")
    ] = None,
    base_iri: Annotated[str, typer.Option(help="Base IRI of the entities, articles and events the graph names.")] = DEFAULT_BASE,
    date: Annotated[
        Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Publication date of articles whose file gives none (no PAGE.meta.json sidecar, no web page metadata, no date atop the page); resolves 5月28日 to a full date.")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first file that cannot be read (default: note it, go on, exit 1 at the end).")] = False,
    fmt: Annotated[
        Optional[list[str]], typer.Option("--format", help="Also write the graph as nt, nquads or trig (a named graph per document), jsonld (+ context.jsonld), gexf (Gephi), graphml (Cytoscape, yEd), csv (tables/*.csv); repeatable or comma-separated (--format gexf,csv). graph.ttl is always written.")
    ] = None,
    include: Annotated[
        Optional[list[str]], typer.Option("--include", help="Glob of the files to take from folders; repeatable. [default: *.txt *.md *.markdown *.jsonl *.html *.htm]")
    ] = None,
    workers: Annotated[
        Optional[int], typer.Option(min=1, help="Processes for extraction, one core each. [default: one per core]")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (this machine's cores) or dask (a dask.distributed cluster, see --scheduler).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="With --engine dask: the scheduler's address, e.g. tcp://10.0.0.5:8786.")] = None,
    cache: Annotated[bool, typer.Option(help="Reuse per-document results kept in OUT/.cache/ (only changed documents are analysed).")] = True,
    mentions: Annotated[bool, typer.Option(help="Write every entity mention and event trigger as a nif:Phrase (offsets, characters, sentence, the entity it names); --no-mentions keeps provenance at the sentence, for a smaller graph.")] = True,
    root: Annotated[
        Optional[Path], typer.Option(file_okay=False, help="The corpus root: documents are named by their path below it, and their IRIs made of these names. [default: the folder given, or the deepest one holding all inputs]")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Read news, extract entities, events and relations, write out/graph.ttl and out/graph.html.

    Exit codes: 0 all read; 1 some files could not be read (noted, the rest is in the graph);
    2 bad arguments, a missing path, or with --strict the first unreadable file; 143 stopped by
    SIGTERM, 130 by Ctrl-C (out/ as it was, what was analysed kept in the cache, no process left).

    Example: kg build seeds/ --out out/ --date 2020-05-29 --base-iri https://example.org/kg/
    """
    from kg.build import build as run_build
    from kg.corpus import DEFAULT_INCLUDE
    from kg.ingest.decode import InputError
    from kg.ingest.script import prepare as prepare_scripts
    from kg.stop import Stopped, sigterm_stops

    paths = paths or [Path("seeds")]
    from kg.sparql.formats import FORMATS

    if engine not in ("local", "dask") or (engine == "dask") != (scheduler is not None):
        console.print("[red]error:[/red] use --engine local, or --engine dask with --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        raise typer.Exit(code=2)
    if events not in (None, "model", "rules") and not (Path(events) / "cfg").is_file():
        console.print(f"[red]error:[/red] --events {events}: use model, rules, or a folder made by kg train-events")
        raise typer.Exit(code=2)
    fmt = [name.strip() for value in fmt or [] for name in value.split(",") if name.strip()]
    for name in fmt:
        if name not in FORMATS:
            console.print(f"[red]error:[/red] unknown --format {name}: use {', '.join(FORMATS)}")
            raise typer.Exit(code=2)

    def progress(files, total):
        return track(files, total=total, description="Reading documents", console=console, disable=quiet)

    prepare_scripts()  # before SIGTERM is a stop (kg.ingest.script.prepare says why)
    try:
        with sigterm_stops():
            summary = run_build(
                paths, out, model=model, resources=resources, events=events, base_iri=base_iri, date=date.date() if date else None, strict=strict,
                formats=fmt or [], progress=progress, include=include or DEFAULT_INCLUDE, workers=workers,
                engine=engine, scheduler=scheduler, cache=cache, mentions=mentions, root=root,
            )
    except Stopped as stop:
        kept = f"; what was analysed is kept in {out / '.cache'} for the next run" if cache else ""
        console.print(f"stopped (SIGTERM): {out} is as it was{kept}", markup=False, highlight=False)
        raise typer.Exit(code=stop.code) from None
    except InputError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(code=2) from None
    except ImportError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(code=2) from None
    except OSError as err:
        if model is None:
            raise
        console.print(f"[red]error:[/red] cannot load spaCy pipeline {model!r}: {err}")
        raise typer.Exit(code=2) from None
    if not quiet:
        console.print(
            f"{summary.documents} documents ({summary.analysed} analysed, {summary.documents - summary.analysed} from the cache), {summary.articles} articles, "
            f"{sum(summary.entities.values())} entities ({_counts(summary.entities)}), "
            f"{sum(summary.events.values())} events ({_counts(summary.events)}"
            f"{'; not asserted: ' + _counts(summary.unasserted) if summary.unasserted else ''}), "
            f"{summary.triples} triples in {summary.seconds:.1f} s → {', '.join(map(_shown, summary.outputs))}"
        )
    for note in summary.notes:
        console.print(note, markup=False, highlight=False)
    if summary.failed:
        console.print(f"[red]{summary.failed} file(s) could not be read[/red]; the graph holds the rest.")
        raise typer.Exit(code=1)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Gold annotation files (JSON, format in docs/quality.md).")],
    graph: Annotated[Path, typer.Option(exists=True, dir_okay=False, help="The graph to score.")] = Path("out/graph.ttl"),
    misses: Annotated[bool, typer.Option(help="List what was missed and what was found beyond gold.")] = True,
) -> None:
    """Score a built graph against gold: precision, recall and F1 of entities, event participants,
    participant pairs and relations, and the list of misses.

    Example: kg build seeds/ && kg eval tests/gold/seed.json --graph out/graph.ttl
    """
    from rich.table import Table

    from kg.evaluate import evaluate as run_eval

    try:
        report = run_eval(graph, gold)
    except ValueError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(code=2) from None
    out = Console(soft_wrap=True)
    table = Table("", "precision", "recall", "F1", "gold", "found")
    for name, score in report.scores.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.gold), str(score.predicted))
    out.print(table)
    for conf, (correct, found) in report.calibration.items():
        out.print(f"event participants at confidence {conf:.2f}: {correct}/{found} correct ({correct / found:.2f})", highlight=False)
    if misses:
        for name, score in report.scores.items():
            for line in score.missed:
                out.print(f"missed   {name}: {line}", markup=False, highlight=False)
            for line in score.spurious:
                out.print(f"spurious {name}: {line}", markup=False, highlight=False)


@app.command()
def train(
    corpus: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Training corpora: JSON Lines, each line a text and its spans as (start, end, label) (MSRA, People's Daily or CLUENER labels).")],
    dev: Annotated[list[Path], typer.Option(exists=True, dir_okay=False, help="Held-out corpora that pick the best model (repeatable).")],
    output: Annotated[Path, typer.Option(help="Folder for the converted corpora, checkpoints and the trained pipeline.")] = Path("training"),
    max_steps: Annotated[Optional[int], typer.Option(help="Stop after this many steps (default: the config's).")] = None,
    config: Annotated[Optional[Path], typer.Option(exists=True, dir_okay=False, help="spaCy training config (default: kg/resources/ner/mish.cfg, the first step of the shipped model's recipe in docs/model.md).")] = None,
    init: Annotated[
        Optional[Path],
        typer.Option(exists=True, file_okay=False, help="Go on training from this pipeline's weights (e.g. kg/resources/model with --config kg/resources/ner/mish_finetune.cfg)."),
    ] = None,
    exclude: Annotated[
        Optional[list[Path]],
        typer.Option(exists=True, dir_okay=False, help="Corpora or text files kept out of training: a training sentence that shares 20 characters with one (or with a --dev corpus) is left out (repeatable)."),
    ] = None,
    pretrained: Annotated[
        Optional[Path],
        typer.Option(exists=True, dir_okay=False, help="Encoder weights from python -m kg.nlp.pretrain to start from (the config's encoder must match)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Train kg's NER model (character tokens, tok2vec + ner on the CPU) and print where the best
    pipeline is; copy it to kg/resources/model/ to ship it.

    Example: kg train ../shared/corpora/msra/train.jsonl --dev ../shared/corpora/msra/dev.jsonl --output training/
    """
    from kg.nlp.train import train as run_train

    best = run_train(list(corpus), list(dev), output, max_steps=max_steps, config=config, init=init,
                     exclude=list(exclude or []), pretrained=pretrained, quiet=quiet)
    console.print(f"best pipeline: {best}")


@app.command("train-events")
def train_events(
    corpus: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Annotated sentences, JSON Lines in the format of docs/annotation.md (annotations/events/train.jsonl).")],
    dev: Annotated[list[Path], typer.Option(exists=True, dir_okay=False, help="Annotated sentences that pick the best epoch (annotations/events/dev.jsonl); repeatable.")],
    output: Annotated[Path, typer.Option(help="Folder for the trained component (kg/resources/model/kg_event_model ships it).")] = Path("training/kg_event_model"),
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the training sentences.")] = 30,
    hidden: Annotated[int, typer.Option(min=8, help="Units in each of the networks' two hidden layers.")] = 128,
    members: Annotated[int, typer.Option(min=1, help="Sets of networks trained from different seeds, their probabilities averaged.")] = 3,
    rules: Annotated[bool, typer.Option(help="Give the networks the rule layer's decisions as features.")] = True,
    seed: Annotated[int, typer.Option(help="Random seed (weights, order of examples).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Train kg's event component (trigger, modality and role networks over kg's encoder and rules)
    on annotated news, on the CPU; keep the epoch best on --dev and save it to --output.

    Example: kg train-events annotations/events/train.jsonl --dev annotations/events/dev.jsonl --output kg/resources/model/kg_event_model
    """
    from kg.nlp.event_training import train_component

    try:
        scores = train_component(list(corpus), list(dev), output, epochs=epochs, hidden=hidden, members=members, use_rules=rules,
                                 seed=seed, log=None if quiet else console.print)
    except ValueError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(code=2) from None
    p, r, f = scores["participants"]
    console.print(f"dev event participants P {p:.3f} R {r:.3f} F1 {f:.3f} (epochs kept {scores['epochs']}) → {output}")


def _shown(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder where it lies below it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _counts(counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


@app.command()
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="The SPARQL query (or give a file with -f).")] = None,
    file: Annotated[
        Optional[str], typer.Option("--file", "-f", help="A .rq file, or the name of a shipped example: signings, positions …")
    ] = None,
    store: Annotated[Path, typer.Option(help="The Oxigraph store that kg build made.")] = Path("out/store"),
    fmt: Annotated[str, typer.Option("--format", help="table, or a SPARQL results format: csv, tsv, json.")] = "table",
) -> None:
    """Run a SPARQL query on the store that kg build filled (out/store) and print the results.
    kg's prefixes (kg:, schema:, rdfs:, prov:, nif:, itsrdf:, skos:, sem:, xsd:, id:) need no PREFIX line.

    Example: kg query -f queries/signings.rq --format csv
    """
    from kg.sparql.query import print_query

    if sparql is not None and file is None and "\n" not in sparql and Path(sparql).is_file():
        sparql, file = None, sparql  # kg query my.rq: a file's path, not a query
    if (sparql is None) == (file is None):
        console.print("[red]error:[/red] give a query or a file, e.g. kg query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' or kg query -f signings")
        raise typer.Exit(code=2)
    try:
        print_query(sparql, file, store=store, fmt=fmt)
    except (ValueError, FileNotFoundError, SyntaxError, OSError) as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None


@app.command()
def serve(
    store: Annotated[Path, typer.Option(help="The Oxigraph store that kg build made.")] = Path("out/store"),
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 opens the endpoint to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates and Graph Store writes.")] = False,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds a query may run; then it is stopped and the client gets 503 with a message (0: no limit).")] = 30.0,
    max_results: Annotated[int, typer.Option(min=0, help="Results a query may give (rows; triples of CONSTRUCT and DESCRIBE); past them the client gets 422 with a message (0: no limit).")] = 100_000,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint (Oxigraph server), read-only by default;
    each query is bounded in time and in results, so no query can take the endpoint down.

    Example: kg serve --port 7878 --timeout 60, then query http://127.0.0.1:7878/query
    """
    from kg.sparql.bounds import Limits
    from kg.sparql.serve import serve as run_serve

    try:
        code = run_serve(store, host=host, port=port, writable=writable, limits=Limits(timeout or None, max_results or None), log=console.print)
    except (ValueError, OSError, RuntimeError) as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None
    raise typer.Exit(code=code)


@app.command()
def load(
    graph_store: Annotated[str, typer.Argument(help="The store's SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (kg serve --writable, oxigraph serve).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The output folder of kg build --format nquads: its manifest.json and graph.nq.")] = Path("out"),
    since: Annotated[
        Optional[Path], typer.Option(exists=True, help="The manifest.json of the build the store holds (keep a copy after each load): only graphs that changed are sent, and those of removed documents deleted. [default: put every graph]")
    ] = None,
) -> None:
    """Update a SPARQL store from a build, one named graph per document: PUT the graphs that are new
    or changed since --since, DELETE those of documents no longer in the corpus.

    Example: kg build news/ --format nquads && kg load http://127.0.0.1:7878/store --since loaded.json && cp out/manifest.json loaded.json
    """
    from kg.sparql.load import LoadError, load_build

    try:
        done = load_build(out, graph_store, since)
    except ValueError as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None
    except LoadError as err:  # graphs sent before it stay sent: run it again with the same --since
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(code=1) from None
    console.print(f"{len(done.put)} graphs put, {len(done.delete)} deleted, {done.unchanged} unchanged → {graph_store}; "
                  f"keep {out / 'manifest.json'} for the next --since", markup=False, highlight=False)


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The graph to check (Turtle, N-Triples, …).")] = Path("out/graph.ttl"),
    shapes: Annotated[Optional[Path], typer.Option(exists=True, dir_okay=False, help="SHACL shapes [default: kg's shapes.ttl]")] = None,
) -> None:
    """Check a graph against kg's SHACL shapes (shapes.ttl); list each violation, exit 1 if any.

    Example: kg validate out/graph.ttl
    """
    from kg.sparql.validate import print_report, validate_graph

    report = validate_graph(graph, shapes)
    print_report(report)
    if not report.conforms:
        raise typer.Exit(code=1)


@app.command()
def stats(
    out: Annotated[Path, typer.Option("--out", "-o", help="The output folder of kg build (its store, else its graph.ttl); stats.json is written there.")] = Path("out"),
    top: Annotated[int, typer.Option(min=1, help="Rows printed per table.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the Louvain communities and of the betweenness sample.")] = 0,
    betweenness_sources: Annotated[
        Optional[int], typer.Option(min=0, help="Nodes to estimate betweenness from (0: leave it out). [default: all where that takes seconds, else as many as do, at least 50]")
    ] = None,
) -> None:
    """Networks of the built graph (organizations linked by shared events; people and organizations):
    degree, PageRank, betweenness, Louvain communities; events per class and month; the most
    connected entities of each type. Prints tables and writes OUT/stats.json.

    Example: kg build seeds/ && kg stats --out out/
    """
    from kg.analysis.report import print_stats
    from kg.analysis.stats import run_stats

    try:
        run = run_stats(out, seed=seed, top=max(top, 20), sources=betweenness_sources)
    except (FileNotFoundError, ValueError) as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None
    print_stats(run.stats, top=top)
    console.print(f"statistics of {run.source} in {run.seconds:.2f} s → {run.path}", highlight=False)
