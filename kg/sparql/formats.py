"""The graph in more RDF syntaxes: N-Triples, N-Quads and TriG (a named graph per source document),
JSON-LD with a context file.

``kg build`` always writes ``graph.ttl``; ``--format`` adds these files beside it, and the exports
for network and table tools (gexf, graphml, csv: :mod:`kg.analysis.export`). ``kg build``
writes them from its spool without holding the graph (:func:`kg.rdf.assemble.assemble`);
:func:`write_formats` and :func:`split_by_document` do the same for an rdflib graph in memory.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV

from kg.analysis.export import EXPORT_FILES, write_exports
from kg.rdf.assemble import FORMAT_FILES
from kg.rdf.mapping import iri_segment
from kg.rdf.namespaces import KG, NIF, SCHEMA

#: ``--format`` names → the files they write (RDF syntaxes, then the network and table exports).
FORMATS = {**FORMAT_FILES, **EXPORT_FILES}
#: The JSON-LD context kg ships (prefixes of kg's vocabularies, Chinese as the default language).
CONTEXT = Path(__file__).resolve().parent / "context.jsonld"


def write_formats(graph: Graph, folder: Path, formats: list[str]) -> list[Path]:
    """Write ``graph`` into ``folder`` in each of ``formats`` (names of :data:`FORMATS`).

    Returns:
        The files written, in order.

    Raises:
        ValueError: an unknown format name.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}: use {', '.join(FORMATS)}")
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):  # once each, in the order given
        if fmt == "turtle":
            path = folder / "graph.ttl"
            if not path.exists():
                graph.serialize(destination=path, format="turtle", encoding="utf-8")
        elif fmt == "nt":
            path = folder / "graph.nt"
            path.write_text(_sorted_lines(graph.serialize(format="nt", encoding="utf-8")), encoding="utf-8")
        elif fmt == "nquads":
            path = folder / "graph.nq"
            data = split_by_document(graph).serialize(format="nquads", encoding="utf-8")
            path.write_text(_sorted_lines(data), encoding="utf-8")
        elif fmt == "trig":
            path = folder / "graph.trig"
            split_by_document(graph).serialize(destination=path, format="trig", encoding="utf-8")
        elif fmt in EXPORT_FILES:  # gexf, graphml, csv
            written += write_exports(graph, folder, [fmt])
            continue
        else:
            path = folder / "graph.jsonld"
            context = json.loads(CONTEXT.read_text(encoding="utf-8"))
            document = json.loads(graph.serialize(format="json-ld", context=context["@context"], auto_compact=True))
            document["@context"] = "context.jsonld"  # resolved against the document's own location
            path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            (folder / "context.jsonld").write_text(CONTEXT.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(path)
            path = folder / "context.jsonld"
        written.append(path)
    return written


def split_by_document(graph: Graph) -> Dataset:
    """The graph as a dataset with one named graph per source document.

    A document's graph (``<base>doc/<file>``) holds its articles, their sentences, and the events and
    positions read from them (with their amounts, and the ``schema:worksFor`` a position implies).
    What several documents share, the entities (types, labels, codes, containing places,
    ``schema:location``), is in ``<base>doc/entities``. Dropping a document's graph removes all
    that the document said except the shared entity descriptions.
    """
    article_doc: dict[URIRef, URIRef] = {}
    for article, source in graph.subject_objects(KG.sourceFile):
        base = str(article).rsplit("article/", 1)[0]
        article_doc[article] = URIRef(f"{base}doc/{iri_segment(str(source))}")
    if not article_doc:
        dataset = Dataset()
        for triple in graph:
            dataset.add(triple)
        return dataset
    base = str(next(iter(article_doc))).rsplit("article/", 1)[0]
    entities = URIRef(f"{base}doc/entities")

    def doc_of_sentence(sentence) -> URIRef | None:
        return article_doc.get(graph.value(sentence, NIF.referenceContext))

    statement_doc: dict[URIRef, URIRef] = {}
    for statement, sentence in graph.subject_objects(PROV.wasDerivedFrom):
        doc = doc_of_sentence(sentence)
        if doc is not None:
            statement_doc[statement] = doc
    worksfor_docs: dict[tuple, set[URIRef]] = {}
    for position, doc in statement_doc.items():
        holder, org = graph.value(position, KG.holder), graph.value(position, KG.organization)
        if holder is not None and org is not None:
            worksfor_docs.setdefault((holder, org), set()).add(doc)

    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace)
    for s, p, o in graph:
        docs: set[URIRef] = set()
        if s in article_doc:
            docs = {article_doc[s]}
        elif s in statement_doc:
            docs = {statement_doc[s]}
        elif "#char=" in str(s):
            doc = doc_of_sentence(s)
            docs = {doc} if doc is not None else set()
        elif "/amount-" in str(s):
            doc = statement_doc.get(URIRef(str(s).rsplit("/amount-", 1)[0]))
            docs = {doc} if doc is not None else set()
        elif p == SCHEMA.worksFor:
            docs = worksfor_docs.get((s, o), set())
        for doc in docs or {entities}:
            dataset.add((s, p, o, doc))
    return dataset


def _sorted_lines(data: bytes) -> str:
    """Line-based RDF in a stable order, so the same input gives the same file."""
    return "".join(sorted(set(data.decode("utf-8").splitlines(keepends=True))))
