"""Traditional Chinese is analysed in simplified form (OpenCC), character for character, so that
every offset found in the simplified text is an offset into the original; and the script a text is
written in, for its language tag (``zh-Hans``, ``zh-Hant``)."""

from __future__ import annotations

from functools import lru_cache

#: The traditional standards a text is compared with: OpenCC's own, Taiwan's and Hong Kong's (which
#: keep 台 where OpenCC writes 臺).
TRADITIONAL = ("s2t", "s2tw", "s2hk")


@lru_cache(maxsize=4)
def _converter(config: str = "t2s"):
    import opencc

    return opencc.OpenCC(config)


def prepare() -> None:
    """Load OpenCC and the conversions kg uses now rather than on first use. ``kg build`` does so
    before SIGTERM becomes a stop: OpenCC's import turns an exception raised inside it (the stop)
    into an error of its own ("opencc_clib not found"), which would end the build with the wrong
    message and status."""
    for config in ("t2s", *TRADITIONAL):
        _converter(config)


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


def _changed(text: str, config: str) -> int:
    """How many characters of ``text`` OpenCC's ``config`` changes (compared one by one; a
    conversion that changes the length is compared character by character)."""
    converted = _converter(config).convert(text)
    if len(converted) != len(text):
        converted = "".join(c if len(c := _converter(config).convert(ch)) == 1 else ch for ch in text)
    return sum(a != b for a, b in zip(text, converted))


def script_of(text: str) -> str:
    """The script ``text`` is written in, as ISO 15924 names it: ``"Hant"`` for traditional
    characters, else ``"Hans"`` (text the two scripts write alike, and text with no Chinese, too).

    Traditional when conversion to simplified changes more of its characters than conversion to the
    closest traditional standard: 臺灣 and 台灣 are Hant; 乾县 stays Hans, though OpenCC turns its
    乾 into 干, because 县 would change the other way."""
    to_simplified_count = _changed(text, "t2s")
    if to_simplified_count == 0:
        return "Hans"
    return "Hant" if to_simplified_count > min(_changed(text, config) for config in TRADITIONAL) else "Hans"


def language_tag(text: str) -> str:
    """The BCP 47 tag of a Chinese text by its script: ``zh-Hans`` or ``zh-Hant``."""
    return f"zh-{script_of(text)}"
