"""jieba's words and part-of-speech tags, dictionary only (``jieba.posseg.cut(text, HMM=False)``),
computed here from jieba's own tables in one pass per block.

The NER model reads the jieba word of every character (:mod:`kg.nlp.tokenizer`), so this runs on
every character kg reads. jieba makes a graph of the dictionary words at each position, then
finds the most probable path through it, then tags each word, through generators and a pair object
per word; here the path through each block (a run of Chinese, ASCII letters and digits between
punctuation and spaces) is found as its words are looked up. Same words, same tags, same ties as
jieba (tested on the corpora). Nothing is kept between calls: a cache of the blocks seen saved 4%
of the characters on news and cost 20 MB a process.
"""

from __future__ import annotations

import re
from math import log

# jieba.posseg's expressions
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile("(\r\n|\\s)")
_ALNUM1 = re.compile("^[a-zA-Z0-9]$", re.U)


class JiebaWords:
    """``cut(text)`` → ``[(word, tag), …]`` as ``jieba.posseg.dt.cut(text, HMM=False)`` gives."""

    def __init__(self, tokenizer, word_tags: dict[str, str]):
        self.tokenizer = tokenizer  # jieba.Tokenizer: FREQ (words and their prefixes) and total
        self.tags = word_tags

    def cut(self, text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for i, block in enumerate(_BLOCK.split(text)):
            if not block:
                continue
            if i % 2:  # a block of Chinese, letters and digits
                out.extend(self._block(block))
            else:
                for j, piece in enumerate(_SPACE.split(block)):
                    if j % 2:
                        out.append((piece, "x"))
                    else:
                        out.extend((ch, "x") for ch in piece)
        return out

    def _block(self, sentence: str) -> list[tuple[str, str]]:
        get = self.tokenizer.FREQ.get
        logtotal = log(self.tokenizer.total)
        n = len(sentence)
        # from each position, the log probability of the best path to the end and the end of its
        # first word; on a tie the longer word, as jieba's max() over (score, end) pairs takes
        best = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            top, end = None, k
            i = k
            frag = sentence[k]
            while True:
                count = get(frag)  # None: no word starts so; 0: a prefix of words only
                if count is None:
                    break
                if count:
                    score = log(count) - logtotal + best[i + 1]
                    if top is None or score >= top:
                        top, end = score, i
                i += 1
                if i >= n:
                    break
                frag = sentence[k:i + 1]
            if top is None:  # no word starts here: the character alone
                top = log(get(sentence[k]) or 1) - logtotal + best[k + 1]
            best[k], ends[k] = top, end
        words: list[tuple[str, str]] = []
        tags = self.tags
        x, buf = 0, ""
        while x < n:
            y = ends[x] + 1
            word = sentence[x:y]
            if _ALNUM1.match(word):
                buf += word
            else:
                if buf:
                    words.append((buf, "eng"))
                    buf = ""
                words.append((word, tags.get(word, "x")))
            x = y
        if buf:
            words.append((buf, "eng"))
        return words
