"""One token per character, with offsets into the original text.

Chinese entity boundaries often fall inside a jieba word (欧美 holds two places), so kg tokenizes by
character. The text a user gives is kept as is (``doc.text == text``); each token's ``norm_`` holds
its NFKC form (``，`` and ``,`` alike, full-width digits folded), which is what models and rules read.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab


def normalize_char(ch: str) -> str:
    """NFKC form of one character, or the character itself when NFKC would change its length."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class CharTokenizer:
    """Split text into one token per non-space character; a single ASCII space after a token is its
    trailing whitespace, every other whitespace character is a token of its own."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for ch in text:
            if ch == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(ch)
                spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token in doc:
            norm = normalize_char(token.text)
            if norm != token.text:
                token.norm_ = norm
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serializes the tokenizer with the pipeline; this one has no state of its own.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "CharTokenizer":
        return self


@registry.tokenizers("kg.CharTokenizer.v1")
def create_char_tokenizer():
    def make(nlp):
        return CharTokenizer(nlp.vocab)

    return make
