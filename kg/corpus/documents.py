"""What kg reads, as documents: a news file, or one line of a JSON Lines corpus.

A :class:`Document` carries its bytes (not a path), so it can be hashed for the cache and sent to a
worker on another machine that shares no filesystem with this one.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.decode import InputError
from kg.ingest.webpage import SUFFIXES as HTML_SUFFIXES

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.jsonl", *(f"*{suffix}" for suffix in HTML_SUFFIXES))


@dataclass(frozen=True)
class Document:
    """One unit of extraction.

    ``kind`` is ``"page"`` (a news file: one page, split into articles), ``"html"`` (a web page: its
    article's text, see :mod:`kg.ingest.webpage`) or ``"jsonl"`` (one JSON object: one article).
    ``origin`` names it in messages (the file's path, ``corpus.jsonl:12``).
    """

    source: str  # the name kg records (kg:sourceFile), relative to the input root
    data: bytes
    origin: str
    kind: str = "page"
    meta: bytes | None = None  # the sidecar PAGE.meta.json, when there is one
    error: str | None = None  # the file could not be read: the message


def _matches(relative: str, include: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative if "/" in glob else name, glob) for glob in include)


def collect_paths(paths: Iterable[Path], include: Sequence[str] = DEFAULT_INCLUDE) -> list[tuple[Path, str]]:
    """Every input file under ``paths``, sorted within each folder, each with the name kg records.

    Folders are searched recursively for files matching any of ``include`` (globs on the file name,
    or on the path below the folder when the glob holds a ``/``); files are taken as given.

    The name is the path below the folder given (``seeds/`` → ``000_….txt``), or the file's name;
    with several inputs, the path below the folder that holds them all, so that two ``page1.txt`` in
    ``2019/`` and ``2020/`` stay two documents (article IRIs are made from these names).

    Raises:
        InputError: a path that does not exist, or a folder with no matching files.
    """
    paths = list(dict.fromkeys(paths))
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                (p.relative_to(path).as_posix(), p)
                for p in path.rglob("*")
                if p.is_file() and not p.name.endswith(".meta.json") and _matches(p.relative_to(path).as_posix(), include)
            )
            if not files:
                raise InputError(f"{path}: no files matching {' '.join(include)} in this folder")
            found.extend((p, rel) for rel, p in files)
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise InputError(f"{path}: no such file or folder")
    if len(paths) > 1:
        root = Path(os.path.commonpath([p.resolve() for p, _ in found])) if found else Path()
        root = root if root.is_dir() else root.parent
        found = [(p, p.resolve().relative_to(root).as_posix()) for p, _ in found]
    return found


def read_documents(path: Path, source: str) -> Iterator[Document]:
    """The documents of one file: the file itself, or each non-blank line of a ``.jsonl`` file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Document(source, b"", str(path), error=f"{path}: cannot read ({err.strerror})")
        return
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(data.split(b"\n"), 1):
            if line.strip():
                yield Document(source, line, f"{path}:{number}", kind="jsonl")
        return
    sidecar = path.with_suffix(".meta.json")
    meta = sidecar.read_bytes() if sidecar.is_file() else None
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "page"
    yield Document(source, data, str(path), kind=kind, meta=meta)


def collect_documents(paths: Iterable[Path], include: Sequence[str] = DEFAULT_INCLUDE) -> tuple[int, Iterator[Document]]:
    """The number of input files under ``paths`` and a lazy stream of their documents.

    Raises:
        InputError: see :func:`collect_paths` (raised at once, before any document is read).
    """
    files = collect_paths(paths, include)
    return len(files), (doc for path, source in files for doc in read_documents(path, source))
