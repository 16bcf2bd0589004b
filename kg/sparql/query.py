"""Run SPARQL on the embedded store and write the results as a table or a SPARQL results format."""

from __future__ import annotations

import sys
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store

from kg.sparql.store import open_store

#: ``kg query --format`` names → SPARQL 1.1 results formats (CONSTRUCT/DESCRIBE results: RDF formats).
RESULT_FORMATS = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}
GRAPH_FORMATS = {"csv": RdfFormat.N_TRIPLES, "tsv": RdfFormat.N_TRIPLES, "json": RdfFormat.N_TRIPLES}

#: Prefixes for display only (the table), so that IRIs stay readable.
DISPLAY_PREFIXES = {
    "https://w3id.org/kg-news/ontology#": "kg:",
    "https://w3id.org/kg-news/id/": "id:",
    "https://schema.org/": "schema:",
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2005/11/its/rdf#": "itsrdf:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}


#: Prefixes a query may use without declaring them (its own PREFIX lines win): kg's graph's vocabularies.
QUERY_PREFIXES = {short.rstrip(":"): iri for iri, short in DISPLAY_PREFIXES.items()}


def run_query(query: str, store: Store | Path):
    """Evaluate a SPARQL query on a store (an open one, or the folder of one, opened read-only).
    The prefixes of :data:`QUERY_PREFIXES` (kg:, schema:, rdfs: …) need no PREFIX line. The query's
    default graph is the union of the store's graphs: the data and the ontology
    (:mod:`kg.sparql.ontology`), so ``?e a/rdfs:subClassOf* sem:Event`` finds every event.

    Returns:
        pyoxigraph ``QuerySolutions`` (SELECT), ``QueryBoolean`` (ASK) or ``QueryTriples``
        (CONSTRUCT, DESCRIBE).

    Raises:
        kg.sparql.store.StoreError: no store at that folder.
        SyntaxError: the query does not parse (pyoxigraph's message gives line and column).
    """
    if not isinstance(store, Store):
        store = open_store(Path(store))
    try:
        return store.query(query, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as err:
        message = str(err)
        if len(message) > 200:  # pyoxigraph lists every token it expected
            message = message[:200] + " …"
        raise SyntaxError(f"the query does not parse: {message}") from None


def serialize_results(results, fmt: str) -> bytes:
    """Results in a SPARQL 1.1 results format (``csv``, ``tsv``, ``json``); graphs as N-Triples."""
    if isinstance(results, (QuerySolutions, QueryBoolean)):
        return results.serialize(format=RESULT_FORMATS[fmt])
    return results.serialize(format=GRAPH_FORMATS[fmt])


def show_term(term) -> str:
    """A term as a short readable string: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for namespace, prefix in DISPLAY_PREFIXES.items():
            if term.value.startswith(namespace):
                return prefix + term.value[len(namespace):]
        return f"<{term.value}>"
    if isinstance(term, Literal):
        return term.value
    return str(term)


def result_rows(results) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of display strings, whatever the query form."""
    if isinstance(results, QueryBoolean):
        return ["ask"], [["true" if bool(results) else "false"]]
    if isinstance(results, QuerySolutions):
        names = [v.value for v in results.variables]
        return names, [[show_term(solution[name]) for name in names] for solution in results]
    return ["subject", "predicate", "object"], [[show_term(t.subject), show_term(t.predicate), show_term(t.object)] for t in results]


#: The example queries shipped with kg (``queries/`` at the top of the repository, linked into the
#: package as ``kg/resources/queries``).
EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "queries"


def find_query_file(name: str | Path) -> Path:
    """A query file by path, or one of kg's examples by name (``signings`` or ``signings.rq``).

    Raises:
        FileNotFoundError: neither exists; the message lists the examples.
    """
    path = Path(name)
    if path.is_file():
        return path
    example = EXAMPLES / (path.name if path.suffix == ".rq" else f"{path.name}.rq")
    if example.is_file():
        return example
    names = ", ".join(p.stem for p in sorted(EXAMPLES.glob("*.rq")))
    raise FileNotFoundError(f"no query file {name}, and no example of that name (examples: {names})")


def print_query(sparql: str | None, file: str | Path | None, *, store: Path, fmt: str = "table") -> None:
    """Run a query (text, or a file / example name) on a store folder and print the results.

    ``fmt`` is ``table`` (a rich table on stdout) or a SPARQL results format: ``csv``, ``tsv``,
    ``json`` (CONSTRUCT and DESCRIBE results are written as N-Triples in those three).

    Raises:
        ValueError: an unknown format.
        FileNotFoundError: no such query file or example.
        kg.sparql.store.StoreError: no store in that folder.
        SyntaxError: the query does not parse.
    """
    if fmt != "table" and fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use table, {', '.join(RESULT_FORMATS)}")
    if sparql is None:
        sparql = find_query_file(file).read_text(encoding="utf-8")
    results = run_query(sparql, Path(store))
    if fmt != "table":
        sys.stdout.flush()
        sys.stdout.buffer.write(serialize_results(results, fmt))
        sys.stdout.buffer.flush()
        return
    from rich.console import Console
    from rich.table import Table

    names, rows = result_rows(results)
    table = Table(caption=f"{len(rows)} rows")
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(soft_wrap=False).print(table, markup=False, highlight=False)
