"""``kg serve``: the Oxigraph server (PyPI package ``oxigraph``) as a SPARQL 1.1 Protocol endpoint.

The server answers SPARQL queries at ``/query``, updates at ``/update`` (writable only) and the Graph
Store Protocol at ``/store``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kg.sparql.store import open_store


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


def server_command(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False) -> list[str]:
    """The command line that serves ``store`` (read-only unless ``writable``)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if writable:
        return [find_oxigraph(), "serve", "--location", str(store), "--bind", bind]
    open_store(store)  # fails with a helpful message when there is no store
    return [find_oxigraph(), "serve-read-only", "--location", str(store), "--bind", bind]


def start_server(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: float = 30.0) -> subprocess.Popen:
    """Start the server in the background and return once it answers queries.

    Raises:
        RuntimeError: it exited or did not answer within ``timeout`` seconds (its output is in the message).
    """
    process = subprocess.Popen(
        server_command(Path(store), host=host, port=port, writable=writable),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/query?query=ASK%7B%7D"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
            raise RuntimeError(f"the Oxigraph server exited with code {process.returncode}: {output.strip()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError(f"the Oxigraph server did not answer at {url} within {timeout:.0f} s")


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


def serve(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, log: Callable[[str], None] = print) -> int:
    """Serve ``store`` in the foreground until interrupted.

    On POSIX the server replaces this process (signals reach it directly, no orphan is left);
    elsewhere it runs as a child and its exit code is returned.
    """
    command = server_command(Path(store), host=host, port=port, writable=writable)
    base = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    mode = "read-write: /update and Graph Store writes accepted" if writable else "read-only"
    log(f"SPARQL endpoint {base}/query ({mode}), Graph Store {base}/store; Ctrl-C stops it")
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(command[0], command)
    process = subprocess.Popen(command)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
