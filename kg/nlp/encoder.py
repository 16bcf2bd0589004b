"""kg's CNN encoder: spaCy's Mish window encoder, each document padded on its own.

spaCy's ``spacy.MishWindowEncoder.v2`` concatenates a batch's documents before its windows are
taken, so the first and last characters of a document see the characters of its neighbours in the
batch: what kg finds in an article then depends on which articles share its batch (measured: the
encoder's vectors for one sentence differed by up to 4.8 alone and beside another; an event's
confidence by 0.03), and a document read from the cache could differ from one analysed anew. The
same layers, wrapped with padding as wide as the encoder sees (``window_size`` × ``depth``
characters), give every document the vectors it has alone. No weights change: a pipeline trained
with spaCy's encoder loads with this one.
"""

from spacy.language import Language
from spacy.ml.models.tok2vec import MishWindowEncoder
from spacy.util import registry
from thinc.api import Model, with_array

ARCHITECTURE = "kg.MishWindowEncoder.v1"


@registry.architectures(ARCHITECTURE)
def padded_mish_window_encoder(width: int, window_size: int, depth: int) -> Model:
    layers = MishWindowEncoder(width, window_size, depth).layers[0]  # what spaCy wraps, unpadded
    return with_array(layers, pad=window_size * depth)


def pad_encoders(nlp: Language, asked: dict[str, dict] | None = None) -> int:
    """Give each of ``nlp``'s kg encoders the padding its config asks for; returns how many.

    thinc stores a layer's attributes with its weights and restores them on loading, so weights
    sourced from a pipeline trained with spaCy's own encoder (``kg train --init``) bring its padding,
    none, and would be trained and saved without any. A sourced component also brings its source's
    config, which may name spaCy's encoder: ``asked`` gives, by component name, the ``encode``
    section the training config asks for instead. :func:`kg.nlp.train.train` calls this before
    training."""
    padded = 0
    for name, component in nlp.pipeline:
        encode = (asked or {}).get(name) or nlp.config["components"].get(name, {}).get("model", {}).get("encode", {})
        model = getattr(component, "model", None)
        if encode.get("@architectures") != ARCHITECTURE or model is None:
            continue
        pad = encode["window_size"] * encode["depth"]
        for node in model.walk():
            if node.name.startswith("with_array(residual(") and node.attrs.get("pad") != pad:
                node.attrs["pad"] = pad
                padded += 1
    return padded
