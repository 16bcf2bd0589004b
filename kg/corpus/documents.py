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
from kg.manifest import output_marker

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


@dataclass
class Inputs:
    """The input files of a build, each with the name kg records for it, and the folders left out
    because they hold an output of ``kg build`` (what kg wrote is never read as news)."""

    files: list[tuple[Path, str]]
    skipped: list[tuple[Path, str]]  # (folder, what marks it: its manifest, its cache …)


def collect_inputs(paths: Iterable[Path], include: Sequence[str] = DEFAULT_INCLUDE, *, root: Path | None = None) -> Inputs:
    """Every input file under ``paths``, sorted within each folder, each with the name kg records.

    Folders are searched recursively for files matching any of ``include`` (globs on the file name,
    or on the path below the folder when the glob holds a ``/``); files are taken as given. Folders
    holding an output of ``kg build`` (:func:`kg.manifest.output_marker`) are left out, with what
    they hold: ``kg build .`` in a project folder does not read its own ``out/``.

    The name is the path below the corpus root, which article and event IRIs are made from, so it
    must not depend on how the command was typed: the root is ``root`` when given; else the folder
    given (``seeds``, ``./seeds/``, ``/home/me/seeds`` from any working folder: ``000_….txt``), the
    folder of a file given alone, or with several inputs the deepest folder that holds them all (so
    that two ``page1.txt`` in ``2019/`` and ``2020/`` stay two documents). A corpus that grows by
    folders (``2019/``, then ``2019/ 2020/``) keeps its names with ``root`` set to their parent.

    Raises:
        InputError: a path that does not exist, a folder with no matching files, or a path outside
            ``root``.
    """
    paths = list(dict.fromkeys(paths))
    found: list[tuple[Path, str]] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files = []
            for folder, dirs, names in os.walk(path):
                here = Path(folder)
                marker = output_marker(here)
                if marker is not None:
                    skipped.append((here, marker))
                    dirs.clear()
                    continue
                dirs.sort()
                for name in names:
                    file = here / name
                    relative = file.relative_to(path).as_posix()
                    if not name.endswith(".meta.json") and _matches(relative, include) and file.is_file():
                        files.append((relative, file))
            files.sort()
            if not files:
                left_out = f" (left out, holding kg's output: {', '.join(str(f) for f, _ in skipped)})" if skipped else ""
                raise InputError(f"{path}: no files matching {' '.join(include)} in this folder{left_out}")
            found.extend((p, rel) for rel, p in files)
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise InputError(f"{path}: no such file or folder")
    if root is not None:
        top = Path(root).resolve()
        named = []
        for p, _ in found:
            try:
                named.append((p, p.resolve().relative_to(top).as_posix()))
            except ValueError:
                raise InputError(f"{p}: not below the corpus root {top} (--root)") from None
        found = named
    elif len(paths) > 1:
        top = Path(os.path.commonpath([p.resolve() for p, _ in found])) if found else Path()
        top = top if top.is_dir() else top.parent
        found = [(p, p.resolve().relative_to(top).as_posix()) for p, _ in found]
    return Inputs(found, skipped)


def collect_paths(paths: Iterable[Path], include: Sequence[str] = DEFAULT_INCLUDE, *, root: Path | None = None) -> list[tuple[Path, str]]:
    """The files of :func:`collect_inputs`, each with the name kg records for it."""
    return collect_inputs(paths, include, root=root).files


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
