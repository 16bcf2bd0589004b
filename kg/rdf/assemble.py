"""The spool assembled into the graph's files, reading it once and holding no graph in memory.

The spool (:mod:`kg.rdf.spool`) is taken as it is: entities merged after their document was read
keep the IRI it names them by (the entity graph states it ``owl:sameAs`` the canonical one,
:meth:`kg.rdf.mapping.Mapping.entity_quads`). The triples (the quads without their graph) are sorted
on disk (:mod:`kg.rdf.sort`), which also drops repeats, and written as ``graph.nt``. With N-Quads or
TriG asked for, the quads are sorted too, grouped by named graph, and each graph's digest is taken on
the way (:attr:`Assembly.graphs`): what ``kg load`` compares to send a store only the graphs that
changed. Turtle, TriG and JSON-LD are written from the sorted lines by streaming serializers
(Oxigraph's, and a small JSON-LD writer here): sorted lines come grouped by subject (and, for the
quads, by named graph), which is all these serializers need to write each subject once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD

from kg.rdf.mapping import PREFIXES
from kg.rdf.sort import LineSorter

#: What each ``--format`` writes (``turtle`` is always written).
FORMAT_FILES = {
    "turtle": ["graph.ttl"],
    "nt": ["graph.nt"],
    "nquads": ["graph.nq"],
    "trig": ["graph.trig"],
    "jsonld": ["graph.jsonld", "context.jsonld"],
}
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


@dataclass
class Assembly:
    """What :func:`assemble` wrote."""

    triples: int  # distinct triples in the graph
    ntriples: Path  # the sorted N-Triples the store is loaded from (graph.nt, or a work file)
    files: list[Path] = field(default_factory=list)  # the files of ``formats``, in order
    #: named graph IRI → {"sha256": digest of its sorted N-Triples lines, "triples": count}; only
    #: with the nquads or trig format (the quads are not sorted by graph otherwise)
    graphs: dict[str, dict] = field(default_factory=dict)


def assemble(
    spool: Path,
    folder: Path,
    *,
    work: Path,
    formats: Sequence[str] = (),
    context: Path | None = None,
) -> Assembly:
    """Write ``graph.ttl`` and the files of ``formats`` into ``folder`` from the spool.

    Args:
        spool: the spool file (tab-separated N-Quads, repeats allowed).
        folder: where the graph files go.
        work: a folder for temporary files (sorted runs; graph.nt when it is not asked for).
        formats: names of :data:`FORMAT_FILES` besides Turtle.
        context: the JSON-LD context file whose prefixes ``graph.jsonld`` uses; it is copied beside
            it as ``context.jsonld`` (needed for ``jsonld``).

    Returns:
        The number of distinct triples, the N-Triples file, the files written for ``formats``, and
        the named graphs' digests (with nquads or trig).
    """
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}: use {', '.join(FORMAT_FILES)}")
    formats = list(dict.fromkeys(formats))
    triples = LineSorter(work / "triples")
    quads = LineSorter(work / "quads") if {"nquads", "trig"} & set(formats) else None
    with open(spool, "rb") as f:
        for line in f:
            s, p, o, g, _ = line.split(b"\t")
            triples.add(b"%s\t%s\t%s\n" % (s, p, o))
            if quads is not None:
                quads.add(b"%s\t%s\t%s\t%s\n" % (g, s, p, o))  # graph first: sorted, grouped by graph

    ntriples = folder / "graph.nt" if "nt" in formats else work / "graph.nt"
    count = 0
    with open(ntriples, "wb") as f:
        for line in triples.sorted_unique():
            f.write(line[:-1].replace(b"\t", b" ") + b" .\n")
            count += 1
    prefixes = {**PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}
    ox.serialize(_triples(ntriples), str(folder / "graph.ttl"), ox.RdfFormat.TURTLE, prefixes=prefixes)

    nquads, graphs = None, {}
    if quads is not None:
        nquads = folder / "graph.nq" if "nquads" in formats else work / "graph.nq"
        with open(nquads, "wb") as f:
            for g, lines in groupby(quads.sorted_unique(), key=lambda line: line[:line.index(b"\t")]):
                digest, n = hashlib.sha256(), 0
                for line in lines:
                    s, p, o = line[len(g) + 1:-1].split(b"\t")
                    digest.update(b"%s %s %s .\n" % (s, p, o))
                    f.write(b"%s %s %s %s .\n" % (s, p, o, g))
                    n += 1
                graphs[g[1:-1].decode("utf-8")] = {"sha256": digest.hexdigest(), "triples": n}
    files: list[Path] = []
    for fmt in formats:
        if fmt == "trig":
            quads_in = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            ox.serialize(quads_in, str(folder / "graph.trig"), ox.RdfFormat.TRIG, prefixes=prefixes)
        elif fmt == "jsonld":
            if context is None:
                raise ValueError("the jsonld format needs the JSON-LD context file (context=)")
            text = context.read_text(encoding="utf-8")
            write_jsonld(ntriples, folder / "graph.jsonld", json.loads(text)["@context"])
            (folder / "context.jsonld").write_text(text, encoding="utf-8")
        files.extend(folder / name for name in FORMAT_FILES[fmt])
    return Assembly(triples=count, ntriples=ntriples, files=files, graphs=graphs)


def _triples(ntriples: Path) -> Iterator[ox.Triple]:
    for quad in ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES):
        yield quad.triple


def write_jsonld(ntriples: Path, path: Path, context: dict) -> None:
    """Write sorted N-Triples as a JSON-LD document that refers to ``context.jsonld``, one node
    object per subject, written as it is read.

    IRIs under a prefix of ``context`` are written as compact IRIs (``kg:Signing``); literals in
    the context's default language (``zh-hans``; tags compared without case) as plain strings, all others as value objects, which keeps each literal's lexical
    form exact.
    """
    namespaces = sorted(((ns, p) for p, ns in context.items() if isinstance(ns, str) and not p.startswith("@")), key=lambda x: -len(x[0]))
    language = (context.get("@language") or "").lower()

    def compact(iri: str) -> str:
        for ns, prefix in namespaces:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def value(term) -> object:
        if isinstance(term, ox.NamedNode):
            return {"@id": compact(term.value)}
        if term.language:
            return term.value if term.language.lower() == language else {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype.value)}

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{\n "@context": "context.jsonld",\n "@graph": [')
        separator = "\n  "
        for subject, group in groupby(_triples(ntriples), key=lambda t: t.subject):
            node: dict[str, object] = {"@id": compact(subject.value)}
            for triple in group:
                if triple.predicate.value == _RDF_TYPE and isinstance(triple.object, ox.NamedNode):
                    node.setdefault("@type", []).append(compact(triple.object.value))
                else:
                    node.setdefault(compact(triple.predicate.value), []).append(value(triple.object))
            f.write(separator + json.dumps(node, ensure_ascii=False))
            separator = ",\n  "
        f.write("\n ]\n}\n")
