"""``kg validate``: check a graph against kg's SHACL shapes (``shapes.ttl``) with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.util import guess_format

from kg.sparql.query import DISPLAY_PREFIXES

#: kg's shapes (``shapes.ttl`` at the top of the repository, linked into the package).
SHAPES = Path(__file__).resolve().parent.parent / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, as display strings."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"


@dataclass
class Report:
    """Whether a graph conforms, and each result that says why not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def validate_graph(graph: Graph | Path, shapes: Path | None = None) -> Report:
    """Validate ``graph`` (an rdflib Graph or a file in any RDF syntax rdflib reads) with SHACL.

    Args:
        graph: the data graph.
        shapes: a shapes file; kg's ``shapes.ttl`` when None.

    Returns:
        A :class:`Report`, its violations sorted by focus node and path.
    """
    import pyshacl

    if not isinstance(graph, Graph):
        path = Path(graph)
        graph = Graph().parse(path, format=guess_format(str(path)) or "turtle")
    shapes_graph = Graph().parse(shapes or SHAPES, format="turtle")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none", advanced=True)
    violations = [
        Violation(
            focus=_show(results.value(r, SH.focusNode)),
            path=_show_path(results, results.value(r, SH.resultPath)),
            message=str(results.value(r, SH.resultMessage) or ""),
            value=_show(results.value(r, SH.value)),
            severity=_show(results.value(r, SH.resultSeverity)).removeprefix("sh:"),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    ]
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(conforms=conforms, violations=violations, triples=len(graph))


def print_report(report: Report, console=None) -> None:
    """Print a report: one block per violation (focus node, path, value, message)."""
    from rich.console import Console

    console = console or Console()
    if report.conforms:
        console.print(f"conforms: the graph ({report.triples} triples) satisfies kg's shapes", markup=False, highlight=False)
        return
    console.print(f"{len(report.violations)} violations:", markup=False, highlight=False)
    for v in report.violations:
        lines = [f"{v.severity}: {v.focus}", f"  path:    {v.path or '(the node itself)'}"]
        if v.value:
            lines.append(f"  value:   {v.value}")
        lines.append(f"  message: {v.message}")
        console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


def _show(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for namespace, prefix in {**DISPLAY_PREFIXES, str(SH): "sh:"}.items():
            if str(term).startswith(namespace):
                return prefix + str(term)[len(namespace):]
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).replace('"', '\\"') + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{_show(term.datatype)}" if term.datatype else text
    return f"_:{term}"


def _show_path(g: Graph, path) -> str:
    """A SHACL property path in SPARQL syntax (kg:agent|kg:partner, ^p, p*, …)."""
    if path is None:
        return ""
    if not isinstance(path, BNode):
        return _show(path)
    if (path, RDF.first, None) in g:
        return "/".join(_show_path(g, p) for p in Collection(g, path))
    for predicate, template in ((SH.alternativePath, "|"), (SH.inversePath, "^{}"), (SH.zeroOrMorePath, "({})*"),
                                (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = g.value(path, predicate)
        if inner is None:
            continue
        if predicate == SH.alternativePath:
            return "|".join(_show_path(g, p) for p in Collection(g, inner))
        return template.format(_show_path(g, inner))
    return _show(path)
