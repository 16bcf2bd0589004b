"""``kg serve``: the Oxigraph server (PyPI package ``oxigraph``) as a SPARQL 1.1 Protocol endpoint.

The server answers SPARQL queries at ``/query``, updates at ``/update`` (writable only) and the Graph
Store Protocol at ``/store``: ``GET``, and with ``--writable`` ``PUT``, ``POST`` and ``DELETE``, of the
default graph or of a named one (``/store?graph=<IRI>``), which is how ``kg load`` replaces the graph of
each changed document (:mod:`kg.sparql.load`). Queries go through :mod:`kg.sparql.bounds` first, which
stops one that runs too long or gives too many results with a clear error.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kg.sparql.bounds import BoundedEndpoint, Limits
from kg.sparql.store import open_store
from kg.stop import Stopped, sigterm_stops


def find_oxigraph() -> str:
    """The ``oxigraph`` command of this environment (beside Python, else on PATH).

    Raises:
        FileNotFoundError: it is not installed; the message gives the fix.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise FileNotFoundError("the Oxigraph server is not installed: pip install oxigraph==0.5.13")
    return found


def server_command(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, query_timeout: int | None = None) -> list[str]:
    """The Oxigraph server's command line that serves ``store`` (read-only unless ``writable``),
    cancelling queries after ``query_timeout`` seconds; queries see the union of its graphs, the
    data and the ontology (:mod:`kg.sparql.ontology`)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    timeout = ["--timeout-s", str(query_timeout)] if query_timeout is not None else []
    if writable:
        return [find_oxigraph(), "serve", "--union-default-graph", "--location", str(store), "--bind", bind, *timeout]
    open_store(store)  # fails with a helpful message when there is no store
    return [find_oxigraph(), "serve-read-only", "--union-default-graph", "--location", str(store), "--bind", bind, *timeout]


def start_server(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: float = 30.0,
                 limits: Limits = Limits()) -> subprocess.Popen:
    """Start ``kg serve`` (the bounded endpoint and its Oxigraph server) in the background and
    return once it answers queries; :func:`stop_server` stops it.

    Raises:
        RuntimeError: it exited or did not answer within ``timeout`` seconds (its output is in the message).
    """
    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", host, "--port", str(port),
               "--timeout", str(limits.timeout or 0), "--max-results", str(limits.max_results or 0), *(["--writable"] if writable else [])]
    with tempfile.TemporaryFile() as output:  # not a pipe: nobody reads it while the server runs
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_for(process, host, port, timeout)
        except RuntimeError as err:
            stop_server(process)
            output.seek(0)
            raise RuntimeError(f"{err}: {output.read().decode('utf-8', 'replace').strip()}") from None
    return process


def _wait_for(process: subprocess.Popen, host: str, port: int, timeout: float) -> None:
    """Return once the server at ``host:port`` answers a query.

    Raises:
        RuntimeError: ``process`` exited, or no answer within ``timeout`` seconds.
    """
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/query?query=ASK%7B%7D"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer at {url} within {timeout:.0f} s")


def stop_server(process: subprocess.Popen) -> None:
    """Stop a server that :func:`start_server` started."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout:
        process.stdout.close()


def serve(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, limits: Limits = Limits(),
          log: Callable[[str], None] = print) -> int:
    """Serve ``store`` in the foreground until stopped (Ctrl-C or SIGTERM).

    The Oxigraph server listens on a private port of 127.0.0.1, and :class:`kg.sparql.bounds.BoundedEndpoint`
    at ``host:port`` sends it the requests, each query bounded by ``limits`` (Oxigraph itself
    cancels a query a second after the time limit, so that it stops working on it). The Oxigraph
    server ends with this process however it ends (on Linux, ``PR_SET_PDEATHSIG``).

    Returns:
        0 once stopped; the Oxigraph server's exit code if it ended by itself.

    Raises:
        OSError: ``host:port`` cannot be listened on.
        RuntimeError: the Oxigraph server did not start (its output is in the message).
    """
    if writable:  # a new store may be made here: its folder's parent must exist for Oxigraph
        Path(store).parent.mkdir(parents=True, exist_ok=True)
    private = _free_port()
    command = server_command(Path(store), port=private, writable=writable,
                             query_timeout=None if limits.timeout is None else math.ceil(limits.timeout) + 1)
    endpoint = BoundedEndpoint((host, port), ("127.0.0.1", private), limits, log=log)  # a port in use fails here
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, preexec_fn=_end_with_parent())
        stopped = False
        try:
            try:
                _wait_for(process, "127.0.0.1", private, 30.0)
            except RuntimeError as err:
                output.seek(0)
                raise RuntimeError(f"the Oxigraph server did not start ({err}): {output.read().decode('utf-8', 'replace').strip()}") from None
            threading.Thread(target=lambda: (process.wait(), endpoint.shutdown()), daemon=True).start()
            base = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
            mode = "read-write: /update and Graph Store writes accepted" if writable else "read-only"
            bounds = ", ".join(b for b in (f"{limits.timeout:g} s" if limits.timeout else "", f"{limits.max_results:,} results" if limits.max_results else "") if b)
            log(f"SPARQL endpoint {base}/query ({mode}), Graph Store {base}/store; a query may take "
                f"{bounds or 'any time and give any number of results'} (--timeout, --max-results); Ctrl-C stops it")
            with sigterm_stops():
                endpoint.serve_forever()
        except (KeyboardInterrupt, Stopped):
            stopped = True
        finally:
            endpoint.server_close()
            stop_server(process)
    if stopped:
        return 0
    log(f"the Oxigraph server ended with code {process.returncode}")
    return process.returncode or 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _end_with_parent() -> Callable[[], None] | None:
    """For ``Popen(preexec_fn=…)``: on Linux, the child gets SIGTERM when this process ends, however
    it ends (``prctl(PR_SET_PDEATHSIG)``; the child is this process's own, so unlike a forkserver's
    worker it is told). None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    parent = os.getpid()

    def arm() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent ended before the line above
            os._exit(1)

    return arm


_PR_SET_PDEATHSIG = 1
