"""The one module where kg reaches into spaCy's and thinc's private attributes.

Two speed-ups need them (each measured, see their modules): :mod:`kg.nlp.inference` lets thinc's
``chain`` free each layer's arrays while predicting (a layer's forward function is private), and
:mod:`kg.nlp.ner_decode` puts a batched decoder in place of the ``ner`` component (a pipeline's
component list and the parser's label check are private). Everything else in kg uses public APIs.
:func:`problems` says what an installed spaCy or thinc lacks; ``tests/nlp/test_internals.py`` fails on
it, so an incompatible release is caught by the tests, not by users.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

# thinc.layers.chain is shadowed by the function of that name in thinc.layers
_chain = importlib.import_module("thinc.layers.chain")


def chain_forward() -> Callable:
    """thinc's forward function of ``chain`` layers."""
    return _chain.forward


def forward_of(layer) -> Callable:
    return layer._func


def set_forward(layer, func: Callable) -> None:
    layer._func = func


def components(nlp) -> list[tuple[str, Any]]:
    """The pipeline's (name, component) list itself (``nlp.pipeline`` is a copy)."""
    return nlp._components


def ensure_labels(ner, docs) -> bool:
    """spaCy's check that the labels preset on ``docs`` are the component's (True if it added any)."""
    return ner._ensure_labels_are_added(docs)


def problems() -> list[str]:
    """What the installed spaCy and thinc lack of the above; empty when kg can use them."""
    import spacy
    import thinc
    from spacy.pipeline import EntityRecognizer
    from thinc.api import Model, chain

    found = []
    if not callable(getattr(_chain, "forward", None)):
        found.append(f"thinc {thinc.__version__}: thinc.layers.chain has no forward function")
    layer = chain(Model("a", lambda m, X, t: (X, lambda d: d)), Model("b", lambda m, X, t: (X, lambda d: d)))
    if getattr(layer, "_func", None) is not getattr(_chain, "forward", object()):
        found.append(f"thinc {thinc.__version__}: a chain's forward function is not Model._func")
    nlp = spacy.blank("zh")
    nlp.add_pipe("sentencizer")
    if not (isinstance(getattr(nlp, "_components", None), list) and nlp._components[0][0] == "sentencizer"):
        found.append(f"spaCy {spacy.__version__}: Language._components is not the list of (name, component)")
    if not callable(getattr(EntityRecognizer, "_ensure_labels_are_added", None)):
        found.append(f"spaCy {spacy.__version__}: EntityRecognizer has no _ensure_labels_are_added")
    return found
