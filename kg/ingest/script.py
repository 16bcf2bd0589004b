"""Traditional Chinese is analysed in simplified form (OpenCC), character for character, so that
every offset found in the simplified text is an offset into the original."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length (臺灣 → 台湾). Where OpenCC's phrase
    conversion would change the length, each character is converted on its own."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    chars = []
    for ch in text:
        single = _converter().convert(ch)
        chars.append(single if len(single) == 1 else ch)
    return "".join(chars)
