"""Bytes to text: Chinese news comes as UTF-8 (with or without BOM), UTF-16, GB18030/GBK (mainland)
or Big5 (Taiwan, Hong Kong)."""

from __future__ import annotations

import codecs
from pathlib import Path


class InputError(Exception):
    """A file kg cannot read; the message names the file and the problem."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a news file.

    A BOM decides; otherwise strict UTF-8, then strict GB18030 (a superset of GBK and GB2312).

    Args:
        data: the file's bytes.
        name: the file's name, for error messages.

    Returns:
        The text, with ``\\r\\n`` and ``\\r`` turned into ``\\n``.

    Raises:
        InputError: binary data or an encoding kg does not read.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding, errors="strict")
            except UnicodeDecodeError as err:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding} (byte {err.start})") from None
            break
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: looks binary (NUL bytes) and has no UTF-16 byte-order mark")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CANDIDATES = ["gb18030", "big5"]


def _detect(data: bytes, name: str) -> str:
    """GB18030 or Big5, whichever reads as Chinese (charset-normalizer judges; GB18030 alone would
    accept Big5 bytes as nonsense)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES, threshold=0.2).best()
    if best is None:
        raise InputError(
            f"{name}: neither UTF-8, UTF-16, GB18030 nor Big5; convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)"
        )
    return str(best)


def read_text(path: Path) -> str:
    """Read and decode one file (see :func:`decode_bytes`)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return decode_bytes(data, str(path))
