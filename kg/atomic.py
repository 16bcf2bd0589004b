"""Swap a finished output folder in for the old one, so that a run killed at any moment leaves the
previous output whole.

On Linux the two folders trade places in one system call (``renameat2`` with ``RENAME_EXCHANGE``):
there is no moment at which ``out/`` is missing. Elsewhere, two renames leave a gap of one system
call, and the old folder is kept beside it (``.out.old-PID``) until the new one is in place.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def replace_dir(staging: Path, out: Path) -> None:
    """Put the folder ``staging`` where ``out`` is, atomically where the system allows, and remove
    the old ``out``."""
    if out.exists() and _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old output
        return
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove_stale(out: Path) -> None:
    """Remove staging folders that killed runs left beside ``out`` (``.out.*``)."""
    for path in out.parent.glob(f".{out.name}.*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
