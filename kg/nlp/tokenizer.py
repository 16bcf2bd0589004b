"""One token per character, with offsets into the original text.

Chinese entity boundaries often fall inside a jieba word (欧美 holds two places), so kg tokenizes by
character. The text a user gives is kept as is (``doc.text == text``); each token's ``norm_`` holds
its NFKC form, lower-cased (``，`` and ``,`` alike, ``Ａ`` ``A`` ``a`` alike, full-width digits folded),
which is what models and rules read.

With ``jieba_features`` on, the tokenizer also carries word information on the character tokens,
jieba's dictionary-only cut (``posseg`` without HMM: fast and deterministic; computed by
:mod:`kg.nlp.jieba_words`, the same words faster) of the NFKC-folded text, which has the same length
as the input because ``norm_`` is only set where NFKC is 1:1:

* ``token.lemma_``: the jieba word that holds the character;
* ``token.tag_``: the character's position in that word (``B``/``I``/``E``/``S``) and the word's
  jieba POS tag, e.g. ``B-ns``.

This module also registers ``kg.CharHashEmbed.v1``, the embedding layer of kg's NER model: hash
embeddings of NORM, LEMMA and TAG plus the character bigrams to the left and to the right of each
token (computed from NORM, so full-width and half-width text look the same to the model).
"""

from __future__ import annotations

import unicodedata
from typing import Callable, List, Tuple

import numpy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from kg.nlp import lexicons
from kg.nlp.lexicon_match import lexicon_masks


def normalize_char(ch: str) -> str:
    """NFKC form of one character, or the character itself when NFKC would change its length."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def norm_char(ch: str) -> str:
    """A token's ``norm_``: NFKC form, lower-cased (as spaCy's default norm lower-cases ASCII), so
    ``Ａ``, ``A`` and ``a`` look alike to the model."""
    folded = normalize_char(ch)
    lowered = folded.lower()
    return lowered if len(lowered) == 1 else folded


class _PerChar(dict):
    """A function of one character, remembered: every character is normalized again and again."""

    def __init__(self, function: Callable[[str], str]):
        super().__init__()
        self.function = function

    def __missing__(self, ch: str) -> str:
        value = self[ch] = self.function(ch)
        return value


_NORMALIZED = _PerChar(normalize_char)
_NORMS = _PerChar(norm_char)


def normalize_text(text: str) -> str:
    """``normalize_char`` applied to every character: same length as ``text``, offsets unchanged."""
    return "".join(map(_NORMALIZED.__getitem__, text))


def jieba_char_features(text: str) -> Tuple[List[str], List[str]]:
    """For each character of ``text``: the jieba word holding it and ``BIES-pos`` of that word
    (jieba's dictionary-only cut, ``jieba.posseg.cut(text, HMM=False)``)."""
    words: List[str] = []
    tags: List[str] = []
    for word, flag in lexicons.dictionary_cut().cut(text):
        n = len(word)
        if n == 1:
            words.append(word)
            tags.append("S-" + flag)
            continue
        words.extend([word] * n)
        tags.append("B-" + flag)
        tags.extend(["I-" + flag] * (n - 2))
        tags.append("E-" + flag)
    return words, tags


class CharTokenizer:
    """Split text into one token per non-space character; a single ASCII space after a token is its
    trailing whitespace, every other whitespace character is a token of its own."""

    def __init__(self, vocab: Vocab, jieba_features: bool = False):
        self.vocab = vocab
        self.jieba_features = jieba_features

    def __call__(self, text: str) -> Doc:
        words: List[str] = []
        spaces: List[bool] = []
        starts: List[int] = []
        for i, ch in enumerate(text):
            if ch == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(ch)
                spaces.append(False)
                starts.append(i)
        norms = [_NORMS[w] for w in words]
        lemmas = tags = None
        if self.jieba_features and words:
            folded = normalize_text(text)
            char_words, char_tags = jieba_char_features(folded)
            if len(char_words) == len(folded):
                lemmas = [char_words[i] for i in starts]
                tags = [char_tags[i] for i in starts]
        doc = Doc(self.vocab, words=words, spaces=spaces, lemmas=lemmas, tags=tags)
        for i, (word, norm) in enumerate(zip(words, norms)):
            if norm != word:  # most characters are their own norm: touch only the others
                doc[i].norm_ = norm
        doc.user_data["kg_text"] = text  # == doc.text, which spaCy would rebuild token by token
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serializes the tokenizer with the pipeline; its settings live in the config.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "CharTokenizer":
        return self


@registry.tokenizers("kg.CharTokenizer.v1")
def create_char_tokenizer(jieba_features: bool = False):
    def make(nlp):
        return CharTokenizer(nlp.vocab, jieba_features=jieba_features)

    return make


# --- embedding layer -------------------------------------------------------------------------

_BOUNDARY = numpy.uint64(0x2545F4914F6CDD1D)
_MIX = numpy.uint64(0x9E3779B97F4A7C15)


def _char_features_forward(
    model: Model[List[Doc], List[Ints2d]], docs: List[Doc], is_train: bool
) -> Tuple[List[Ints2d], Callable]:
    columns = model.attrs["columns"]
    bigrams = model.attrs["bigrams"]
    lexicon = model.attrs["lexicon"]
    features: List[Ints2d] = []
    for doc in docs:
        arr = doc.to_array(columns)
        if arr.ndim == 1:
            arr = arr.reshape((arr.shape[0], 1))
        arr = arr.astype("uint64")
        if bigrams:
            norm = arr[:, 0]
            prev = numpy.empty_like(norm)
            nxt = numpy.empty_like(norm)
            if len(norm):
                prev[0] = _BOUNDARY
                prev[1:] = norm[:-1]
                nxt[-1] = _BOUNDARY
                nxt[:-1] = norm[1:]
            with numpy.errstate(over="ignore"):
                left = prev * _MIX + norm
                right = (norm * _MIX + nxt) ^ _BOUNDARY
            arr = numpy.hstack([arr, left.reshape(-1, 1), right.reshape(-1, 1)])
        if lexicon:
            # one character per token (spaCy's own norm of … is ..., so take the text there)
            text = "".join(t.norm_ if len(t.norm_) == 1 else t.text[:1] for t in doc)
            classes, lengths = lexicon_masks(text)
            arr = numpy.hstack(
                [arr, numpy.array([classes, lengths], dtype="uint64").T.reshape(-1, 2)]
            )
        features.append(model.ops.asarray2i(arr, dtype="uint64"))
    return features, lambda d_features: []


@registry.architectures("kg.CharHashEmbed.v1")
def char_hash_embed(
    width: int,
    rows: List[int],
    bigram_rows: int,
    use_jieba: bool = True,
    embed_width: int = 64,
    maxout_pieces: int = 3,
    lexicon_rows: int = 0,
) -> Model[List[Doc], List[Floats2d]]:
    """Hash embeddings (``embed_width`` wide) of NORM (+ LEMMA, TAG when ``use_jieba``), if
    ``bigram_rows`` > 0 of the left and right character bigrams, and if ``lexicon_rows`` > 0 of the
    two dictionary-match masks of :mod:`kg.nlp.lexicon_match`; concatenated and mixed by one Maxout
    layer to ``width``. ``rows`` gives the table sizes for NORM, LEMMA, TAG in that order."""
    columns = [NORM, LEMMA, TAG] if use_jieba else [NORM]
    table_rows = list(rows[: len(columns)])
    if bigram_rows:
        table_rows += [bigram_rows, bigram_rows]
    if lexicon_rows:
        table_rows += [lexicon_rows, lexicon_rows]
    extractor: Model = Model(
        "kg_char_features",
        _char_features_forward,
        attrs={"columns": columns, "bigrams": bool(bigram_rows), "lexicon": bool(lexicon_rows)},
    )
    embeddings = [
        HashEmbed(embed_width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(table_rows)
    ]
    return chain(
        extractor,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(
            Maxout(width, embed_width * len(embeddings), nP=maxout_pieces, dropout=0.0, normalize=True)
        ),
        ragged2list(),
    )

