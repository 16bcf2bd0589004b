"""Dictionary matches around each character, as features for kg's character-level NER model.

jieba's segmentation keeps one path through a sentence, and an entity boundary that path misses is
lost to the word features. Like SoftLexicon (Ma et al., ACL 2020), this looks at *every* word of
jieba's dictionary (349,000 words with POS tags) found in the text: for each character, which words
begin (B), continue (M) or end (E) at it, summarized as two bit masks

* ``classes``: role × the word's POS class (person nr/nrt/nrfg, place ns, organization nt, other
  proper noun nz, anything else), 15 bits;
* ``lengths``: role × the word's length (2, 3, 4, 5+), 12 bits.

The dictionary is prefix-closed (jieba stores every prefix of a word, with frequency 0 when the
prefix is not itself a word), so the scan from a position stops at the first string that is no
prefix: one to three lookups per character in news text.
"""

from __future__ import annotations

from typing import List, Tuple

from kg.nlp import lexicons

_CLASSES = {"nr": 0, "nrt": 0, "nrfg": 0, "ns": 1, "nt": 2, "nz": 3}
_OTHER = 4
_N_CLASSES = 5
_MAX_LEN = 10


def lexicon_masks(text: str) -> Tuple[List[int], List[int]]:
    """``(classes, lengths)``: one bit mask of each kind per character of ``text`` (see module doc)."""
    freq, tags = lexicons._jieba_dict()
    n = len(text)
    classes = [0] * n
    lengths = [0] * n
    for i in range(n):
        for j in range(i + 2, min(n, i + _MAX_LEN) + 1):
            word = text[i:j]
            f = freq.get(word)
            if f is None:
                break
            if not f:
                continue
            cls = _CLASSES.get(tags.get(word, ""), _OTHER)
            bucket = min(j - i, 5) - 2
            classes[i] |= 1 << cls
            lengths[i] |= 1 << bucket
            classes[j - 1] |= 1 << (2 * _N_CLASSES + cls)
            lengths[j - 1] |= 1 << (8 + bucket)
            for k in range(i + 1, j - 1):
                classes[k] |= 1 << (_N_CLASSES + cls)
                lengths[k] |= 1 << (4 + bucket)
    return classes, lengths
