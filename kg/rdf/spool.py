"""The spool: a build's quads on disk as N-Quads, one document after the other, written as they
are made, so that the graph of a corpus never has to fit in memory.

Lines are N-Quads with a tab between terms (tabs inside literals are escaped, so a line splits
into its terms on tabs alone). Entities are named by their key at the time the document was read
(:class:`kg.rdf.mapping.Mapping`); :mod:`kg.rdf.assemble` rewrites the IRIs of entities merged
later while it reads the spool back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from kg.rdf.mapping import Quad

# N-Triples escapes: the four the grammar requires, the tab (our separator), other controls as \u
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def nt_term(term) -> str:
    """A term in N-Triples syntax: ``<iri>``, or a literal with its language or datatype.

    Raises:
        ValueError: an IRI that N-Triples cannot hold (space, ``<``, ``"`` …).
        TypeError: a blank node: kg's graph has none (they would need renaming per document).
    """
    if isinstance(term, URIRef):
        if _BAD_IRI.search(term):
            raise ValueError(f"{term!r} is not a valid IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{nt_term(term.datatype)}"
        return text
    if isinstance(term, BNode):
        raise TypeError("blank nodes are not spooled: kg names every node with an IRI")
    raise TypeError(f"not an RDF term: {term!r}")


def quad_line(quad: Quad) -> str:
    """One quad as a spool line (terms separated by tabs)."""
    s, p, o, g = quad
    return f"{nt_term(s)}\t{nt_term(p)}\t{nt_term(o)}\t{nt_term(g)}\t.\n"


class QuadSpool:
    """Appends quads to an N-Quads file; repeats are allowed (the assembly drops them)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "w", encoding="utf-8", newline="\n")
        self.quads = 0  # lines written, repeats included

    def write(self, quads: Iterable[Quad]) -> None:
        lines = [quad_line(q) for q in quads]
        self._file.writelines(lines)
        self.quads += len(lines)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> QuadSpool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
