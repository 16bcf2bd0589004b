"""Records to JSON and back, driven by the dataclasses' type hints: stable (keys in field order,
no floats where a Decimal was) and exact (``Decimal`` travels as its string)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from functools import cache


@cache
def _hints(cls: type) -> dict[str, typing.Any]:
    return typing.get_type_hints(cls)


def to_plain(value: typing.Any) -> typing.Any:
    """A record as JSON-ready lists, dicts, strings and numbers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_plain(kind: typing.Any, value: typing.Any) -> typing.Any:
    """The inverse of :func:`to_plain` for a value of type ``kind``."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_plain(inner, value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in value)
        return tuple(from_plain(a, v) for a, v in zip(args, value))
    if origin is list:
        (inner,) = typing.get_args(kind)
        return [from_plain(inner, v) for v in value]
    if kind is Decimal:
        return Decimal(value)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: from_plain(hints[name], v) for name, v in value.items()})
    return value


def dumps(record: typing.Any) -> str:
    """One record as a line of JSON (UTF-8 text kept readable, no whitespace)."""
    return json.dumps(to_plain(record), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type, text: str) -> typing.Any:
    """A record of type ``kind`` from :func:`dumps`' JSON."""
    return from_plain(kind, json.loads(text))
