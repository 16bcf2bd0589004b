"""Stretches of an article's text as NIF strings: its sentences, and the phrases that name an entity
or an event.

A stretch is named by its article and its character offsets, RFC 5147 style
(``<article>#char=begin,end``), and states them (``nif:beginIndex``, ``nif:endIndex``), its
characters (``nif:anchorOf``, as printed: traditional ones stay traditional) and its article
(``nif:referenceContext``, the ``nif:Context`` whose ``nif:isString`` the offsets point into). A
phrase (``nif:Phrase``) also names the sentence it stands in (``nif:sentence``) and, for an entity's
mention, the entity (``itsrdf:taIdentRef``): one phrase per span, however many mentions share it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from kg.ingest.records import Article
from kg.nlp.text import sentences
from kg.rdf.namespaces import ITSRDF, KG, NIF

Quad = tuple[URIRef, URIRef, Node, URIRef]  # as in kg.rdf.mapping: subject, predicate, object, named graph
Span = tuple[int, int]

# Looked up once: a plain Namespace makes a new URIRef at every attribute access, and a corpus has
# hundreds of thousands of phrases.
_BEGIN, _END, _ANCHOR, _CONTEXT = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext
_PHRASE, _SENTENCE, _IDENT = NIF.Phrase, NIF.sentence, ITSRDF.taIdentRef


@lru_cache(maxsize=1 << 16)
def _offset(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def string_iri(context: URIRef, span: Span) -> URIRef:
    """The IRI of a stretch of the text of the article ``context``: ``<article>#char=begin,end``."""
    return URIRef(f"{context}#char={span[0]},{span[1]}")


def string_quads(text: str, context: URIRef, span: Span, cls: URIRef, doc: URIRef) -> tuple[URIRef, list[Quad]]:
    """A stretch of the text of the article ``context`` as a NIF string of class ``cls``
    (``kg:Sentence``, ``nif:Phrase``), in the named graph ``doc``."""
    begin, end = span
    node = string_iri(context, span)
    return node, [
        (node, RDF.type, cls, doc),
        (node, _BEGIN, _offset(begin), doc),
        (node, _END, _offset(end), doc),
        (node, _ANCHOR, Literal(text[begin:end]), doc),
        (node, _CONTEXT, context, doc),
    ]


def phrase_quads(text: str, context: URIRef, span: Span, sentence: Span | None, doc: URIRef) -> tuple[URIRef | None, list[Quad]]:
    """The ``nif:Phrase`` of a span, tied to its sentence (not described here).

    Returns:
        The phrase and its quads; None and no quads for a span that is not in the text (the place
        a local name was read as, 青岛市 of 市发展改革委, has no characters of its own).
    """
    begin, end = span
    if not 0 <= begin < end <= len(text):
        return None, []
    node, quads = string_quads(text, context, span, _PHRASE, doc)
    if sentence is not None and sentence != span:
        quads.append((node, _SENTENCE, string_iri(context, sentence), doc))
    return node, quads


def mention_quads(text: str, context: URIRef, named: Mapping[Span, Sequence[URIRef]], doc: URIRef) -> list[Quad]:
    """One ``nif:Phrase`` per span of ``named`` (span → the entities it names), with
    ``itsrdf:taIdentRef`` each entity and the sentence it stands in, described too (most sentences
    that name an entity are no statement's source, so nothing else describes them)."""
    bounds = list(sentences(text))
    starts = [begin for begin, _ in bounds]
    quads: list[Quad] = []
    described: set[Span] = set()
    for span in sorted(named):
        at = bisect_right(starts, span[0]) - 1
        sentence = bounds[at] if at >= 0 and span[1] <= bounds[at][1] else None  # None: across sentences
        phrase, about = phrase_quads(text, context, span, sentence, doc)
        if phrase is None:
            continue
        quads += about
        quads += [(phrase, _IDENT, entity, doc) for entity in named[span]]
        if sentence is not None and sentence != span and sentence not in described:
            described.add(sentence)
            quads += string_quads(text, context, sentence, KG.Sentence, doc)[1]
    return quads


def in_dateline(article: Article, name: str) -> Span | None:
    """Where a name stands in the article's dateline (本报讯（记者 张三）), if it does: the only place
    in the text where a byline's names are printed (other bylines are kept apart from the text)."""
    if article.dateline is None:
        return None
    at = article.dateline.text.find(name)
    return None if at < 0 else (article.dateline.start + at, article.dateline.start + at + len(name))
