"""The ``kg`` command line: parse arguments, call the library, report."""

from __future__ import annotations

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
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """kg turns folders of Chinese news into an RDF knowledge graph (out/graph.ttl) and an
    interactive offline graph (out/graph.html)."""


@app.command()
def build(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="News files (.txt, .md) or folders of them. [default: seeds/]")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder, replaced as a whole on success.")] = Path("out"),
    model: Annotated[
        Optional[str], typer.Option(help="Another installed spaCy pipeline (name or path) to tag entities, e.g. zh_core_web_trf.")
    ] = None,
    base_iri: Annotated[str, typer.Option(help="Base IRI of the entities, articles and events the graph names.")] = DEFAULT_BASE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Read news, extract entities, events and relations, write out/graph.ttl and out/graph.html.

    Example: kg build seeds/ --out out/ --base-iri https://example.org/kg/
    """
    from kg.build import build as run_build
    from kg.ingest.decode import InputError

    paths = paths or [Path("seeds")]

    def progress(files, total):
        return track(files, total=total, description="Reading documents", console=console, disable=quiet)

    try:
        summary = run_build(paths, out, model=model, base_iri=base_iri, progress=progress)
    except InputError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(code=2) from None
    except OSError as err:
        if model is None:
            raise
        console.print(f"[red]error:[/red] cannot load spaCy pipeline {model!r}: {err}")
        raise typer.Exit(code=2) from None
    if not quiet:
        console.print(
            f"{summary.documents} documents, {summary.articles} articles, "
            f"{sum(summary.entities.values())} entities ({_counts(summary.entities)}), "
            f"{sum(summary.events.values())} events ({_counts(summary.events)}), "
            f"{summary.triples} triples in {summary.seconds:.1f} s → {', '.join(map(str, summary.outputs))}"
        )


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Gold annotation files (JSON, format in the README).")],
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
    if misses:
        for name, score in report.scores.items():
            for line in score.missed:
                out.print(f"missed   {name}: {line}", markup=False, highlight=False)
            for line in score.spurious:
                out.print(f"spurious {name}: {line}", markup=False, highlight=False)


def _counts(counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"
