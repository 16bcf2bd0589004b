"""Files and folders in, articles out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.ingest.decode import InputError, read_text
from kg.ingest.records import Article
from kg.ingest.split import split_page

SUFFIXES = (".txt", ".md", ".markdown")


def collect_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every news file under ``paths``, sorted, each with the name kg records for it.

    Folders are searched recursively for ``.txt``/``.md`` files; files are taken as given.

    Raises:
        InputError: a path that does not exist, or a folder with no news files.
    """
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                raise InputError(f"{path}: no {'/'.join(SUFFIXES)} files in this folder")
            found.extend((f, f.relative_to(path).as_posix()) for f in files)
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def read_articles(path: Path, source: str) -> Iterator[Article]:
    """The articles of one file (see :func:`kg.ingest.split.split_page`)."""
    page = read_text(path)
    doc_id = Path(source).with_suffix("").as_posix().replace("/", "_")
    yield from split_page(page, doc_id=doc_id, source=source)
