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

from spacy.ml.models.tok2vec import MishWindowEncoder
from spacy.util import registry
from thinc.api import Model, with_array


@registry.architectures("kg.MishWindowEncoder.v1")
def padded_mish_window_encoder(width: int, window_size: int, depth: int) -> Model:
    layers = MishWindowEncoder(width, window_size, depth).layers[0]  # what spaCy wraps, unpadded
    return with_array(layers, pad=window_size * depth)
