"""Records to JSON and back, driven by the dataclasses' type hints: stable (keys in field order,
no floats where a Decimal was) and exact (``Decimal`` travels as its string).

Each record type gets its converter made once (:func:`_decoder`, :data:`_FIELDS`), so a result is
converted without looking up its type hints or fields again for every value."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache

_ATOMS = frozenset({str, int, float, bool, type(None)})  # JSON values as they are
_FIELDS: dict[type, tuple[str, ...] | None] = {}  # a dataclass's field names; None: not a dataclass


@cache
def _hints(cls: type) -> dict[str, typing.Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELDS[cls] = names
        return names


def to_plain(value: typing.Any) -> typing.Any:
    """A record as JSON-ready lists, dicts, strings and numbers."""
    cls = value.__class__
    if cls in _ATOMS:
        return value
    names = _fields(cls)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def _same(value: typing.Any) -> typing.Any:
    return value


@cache
def _decoder(kind: typing.Any) -> Callable[[typing.Any], typing.Any]:
    """The inverse of :func:`to_plain` for values of type ``kind``, made once per type."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(kind) if a is not type(None)]
        decode = _decoder(inner)
        return lambda value: None if value is None else decode(value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            decode = _decoder(args[0])
            return lambda value: tuple(map(decode, value))
        decoders = tuple(_decoder(a) for a in args)
        return lambda value: tuple(d(v) for d, v in zip(decoders, value))
    if origin is list:
        (inner,) = typing.get_args(kind)
        decode = _decoder(inner)
        return list if decode is _same else lambda value: list(map(decode, value))
    if kind is Decimal:
        return Decimal
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        decoders: dict[str, Callable] = {}

        def record(value: dict) -> typing.Any:
            args = {}
            for name, v in value.items():
                decode = decoders.get(name)
                if decode is None:
                    decode = decoders[name] = _decoder(hints[name])
                args[name] = v if decode is _same else decode(v)
            return kind(**args)

        return record
    return _same


def from_plain(kind: typing.Any, value: typing.Any) -> typing.Any:
    """The inverse of :func:`to_plain` for a value of type ``kind``."""
    return _decoder(kind)(value)


def dumps(record: typing.Any) -> str:
    """One record as a line of JSON (UTF-8 text kept readable, no whitespace)."""
    return json.dumps(to_plain(record), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type, text: str) -> typing.Any:
    """A record of type ``kind`` from :func:`dumps`' JSON."""
    return from_plain(kind, json.loads(text))
