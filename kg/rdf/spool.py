"""The spool: a build's quads on disk as N-Quads, one document after the other, written as they
are made, so that the graph of a corpus never has to fit in memory.

Lines are N-Quads with a tab between terms (tabs inside literals are escaped, so a line splits
into its terms on tabs alone). Entities are named by their key at the time the document was read
(:class:`kg.rdf.mapping.Mapping`), and keep that IRI: entities merged later are linked to their
canonical IRI with ``owl:sameAs`` in the entity graph, written last.
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
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _escape(text: str) -> str:
    """``text.translate(_ESCAPES)``, faster: str.replace for the usual few, a search for the rest."""
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if "\r" in text:
        text = text.replace("\r", "\\r")
    if "\t" in text:
        text = text.replace("\t", "\\t")
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: _ESCAPES[ord(m.group())], text)
    return text


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
        text = f'"{_escape(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{nt_term(term.datatype)}"
        return text
    if isinstance(term, BNode):
        raise TypeError("blank nodes are not spooled: kg names every node with an IRI")
    raise TypeError(f"not an RDF term: {term!r}")


_IRI_TERMS: dict[str, str] = {}  # IRI → its N-Triples form: predicates, classes, graphs, entities recur
_IRI_TERMS_MAX = 200_000  # emptied when it grows past this (a corpus's entities alone could fill it)


def _term(term) -> str:
    """:func:`nt_term`, remembered for IRIs."""
    if term.__class__ is URIRef:
        text = _IRI_TERMS.get(term)
        if text is None:
            if len(_IRI_TERMS) >= _IRI_TERMS_MAX:
                _IRI_TERMS.clear()
            text = _IRI_TERMS[term] = nt_term(term)
        return text
    return nt_term(term)


def quad_line(quad: Quad) -> str:
    """One quad as a spool line (terms separated by tabs)."""
    s, p, o, g = quad
    return f"{_term(s)}\t{_term(p)}\t{_term(o)}\t{_term(g)}\t.\n"


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
