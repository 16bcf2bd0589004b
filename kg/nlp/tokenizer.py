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


def _bies(flag: str) -> Tuple[str, str, str, str]:
    """The four tags of a jieba POS flag: a one-character word's, and a longer word's first, inner
    and last characters'."""
    return ("S-" + flag, "B-" + flag, "I-" + flag, "E-" + flag)


def _jieba_columns(text: str, word_key, flag_keys) -> Tuple[list, list]:
    """For each character of ``text``: ``word_key(word)`` of the jieba word holding it and one of
    ``flag_keys(flag)`` (S, B, I, E) for its place in that word."""
    words: list = []
    tags: list = []
    for word, flag in lexicons.dictionary_cut().cut(text):
        n = len(word)
        key = word_key(word)
        single, first, inner, last = flag_keys(flag)
        if n == 1:
            words.append(key)
            tags.append(single)
            continue
        words.extend([key] * n)
        tags.append(first)
        tags.extend([inner] * (n - 2))
        tags.append(last)
    return words, tags


def jieba_char_features(text: str) -> Tuple[List[str], List[str]]:
    """For each character of ``text``: the jieba word holding it and ``BIES-pos`` of that word
    (jieba's dictionary-only cut, ``jieba.posseg.cut(text, HMM=False)``)."""
    return _jieba_columns(text, str, _bies)


class _TagIds(dict):
    """A jieba flag → the string ids of its four tags (see ``_bies``), added to the StringStore the
    first time the flag is seen in a document."""

    def __init__(self, add: Callable[[str], int]):
        super().__init__()
        self.add = add

    def __missing__(self, flag: str) -> Tuple[int, int, int, int]:
        value = self[flag] = tuple(map(self.add, _bies(flag)))
        return value


class CharTokenizer:
    """Split text into one token per non-space character; a single ASCII space after a token is its
    trailing whitespace, every other whitespace character is a token of its own."""

    def __init__(self, vocab: Vocab, jieba_features: bool = False):
        self.vocab = vocab
        self.jieba_features = jieba_features

    def __call__(self, text: str) -> Doc:
        if " " in text:
            words, spaces, starts = self._split(text)
        else:  # the usual case: every character a token
            words, spaces, starts = list(text), [False] * len(text), None
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i, word in enumerate(words):
            norm = _NORMS[word]
            if norm != word:  # most characters are their own norm: touch only the others
                doc[i].norm_ = norm
        if self.jieba_features and words:
            # LEMMA and TAG as string ids in one array: far quicker than Doc(lemmas=, tags=)
            lemmas, tags = self._jieba_ids(normalize_text(text))
            if len(lemmas) == len(text):
                columns = numpy.array([lemmas, tags], dtype="uint64").T
                doc.from_array([LEMMA, TAG], columns if starts is None else columns[starts])
        doc.user_data["kg_text"] = text  # == doc.text, which spaCy would rebuild token by token
        return doc

    @staticmethod
    def _split(text: str) -> Tuple[List[str], List[bool], List[int]]:
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
        return words, spaces, starts

    def _jieba_ids(self, folded: str) -> Tuple[list, list]:
        add = self.vocab.strings.add  # adds a new string; for a known one, only returns its id
        return _jieba_columns(folded, add, _TagIds(add).__getitem__)

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

