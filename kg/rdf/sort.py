"""Sort lines on disk: as many as the disk holds, in bounded memory.

Lines are gathered into runs of at most ``run_bytes``; each run is sorted in memory and written
to its own file, and the runs are merged lazily (:func:`heapq.merge`). Repeated lines come out
once, so sorting the lines of a graph also makes it a set.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN_BYTES = 32 << 20  # a run's lines in memory: ~32 MB of text, about twice that in Python objects
MAX_RUNS = 64  # runs merged at once (each is an open file); more are merged in stages first


class LineSorter:
    """Collects byte lines (each ending in ``\\n``) in ``folder``, then yields them sorted and
    without repeats."""

    def __init__(self, folder: Path, *, run_bytes: int = RUN_BYTES):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.run_bytes = run_bytes
        self._lines: list[bytes] = []
        self._size = 0
        self._runs: list[Path] = []

    def add(self, line: bytes) -> None:
        self._lines.append(line)
        self._size += len(line)
        if self._size >= self.run_bytes:
            self._spill()

    def extend(self, lines: Iterable[bytes]) -> None:
        for line in lines:
            self.add(line)

    def _spill(self) -> None:
        self._lines.sort()
        self._runs.append(self._write(_unique(self._lines)))
        self._lines, self._size = [], 0
        if len(self._runs) > MAX_RUNS:
            merged = self._write(_unique(heapq.merge(*map(_read, self._runs))))
            for run in self._runs:
                run.unlink()
            self._runs = [merged]

    def _write(self, lines: Iterable[bytes]) -> Path:
        handle, name = tempfile.mkstemp(suffix=".run", dir=self.folder)
        with os.fdopen(handle, "wb") as f:
            f.writelines(lines)
        return Path(name)

    def sorted_unique(self) -> Iterator[bytes]:
        """Every line added, in byte order, each once; the run files are removed at the end."""
        if not self._runs:  # everything fit in memory
            self._lines.sort()
            yield from _unique(self._lines)
            self._lines = []
            return
        if self._lines:
            self._spill()
        try:
            yield from _unique(heapq.merge(*map(_read, self._runs)))
        finally:
            for run in self._runs:
                run.unlink(missing_ok=True)
            self._runs = []


def _read(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        yield from f


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line
