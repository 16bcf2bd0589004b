"""SIGTERM as a stop: what job schedulers (Slurm, systemd, Docker, ``timeout``, a notebook's stop
button) send before they kill, handled as Ctrl-C is.

By default SIGTERM ends Python at once: no ``finally`` runs, so a build's workers, staging folder
and pool were left behind. Within :func:`sigterm_stops` it raises :class:`Stopped` in the main
thread instead, and the same clean-up as for Ctrl-C's ``KeyboardInterrupt`` runs."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

#: The exit status of a process ended by SIGTERM (128 + 15), what shells and schedulers expect.
EXIT_CODE = 128 + signal.SIGTERM


class Stopped(SystemExit):
    """SIGTERM arrived. A ``SystemExit`` with status 143: uncaught, the interpreter exits with it
    after the ``finally`` blocks ran; ``except Exception`` does not swallow it."""

    def __init__(self) -> None:
        super().__init__(EXIT_CODE)


@contextmanager
def sigterm_stops() -> Iterator[None]:
    """Within the block, the first SIGTERM raises :class:`Stopped` in the main thread; a second one
    ends the process at once, as SIGTERM does by default (a scheduler that will not wait for the
    clean-up). Only in the main thread; elsewhere the block runs with SIGTERM as it was."""

    def stop(signum, frame) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise Stopped()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals are the main thread's
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
