"""Update a SPARQL store from a new build, graph by graph (SPARQL 1.1 Graph Store Protocol).

``kg build --format nquads`` writes one named graph per document (``<base>doc/<file>``) and one for
what documents share (``<base>doc/entities``), and each graph's digest in ``OUT/manifest.json``
(:mod:`kg.manifest`). IRIs do not depend on input order (:mod:`kg.rdf.mapping`), so a document that
did not change has the same graph in the next build. Given the manifest of the build a store holds,
:func:`load_build` sends the store only the difference: ``PUT`` of each graph that is new or whose
digest changed (its triples replace what the graph held) and ``DELETE`` of each graph the new build
no longer has (a document removed from the corpus). Without an earlier manifest every graph is put.

Any Graph Store Protocol endpoint will do: ``kg serve --writable`` and the Oxigraph server at
``/store``, Fuseki at ``/<dataset>/data``, Virtuoso at ``/sparql-graph-crud``. By hand, the same
two requests with curl (the graph's triples from ``graph.nq``, its IRI percent-encoded)::

    curl -X PUT -H 'Content-Type: application/n-triples' --data-binary @doc.nt \\
         'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fdoc%2Fa.txt'
    curl -X DELETE 'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fdoc%2Fold.txt'
"""

from __future__ import annotations

import hashlib
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from kg.manifest import read_manifest

NQUADS = "graph.nq"
SPOOL_BYTES = 16 * 2**20  # a graph's triples held in memory up to this size, then in a temporary file


class LoadError(RuntimeError):
    """The store refused a request or did not answer; the message says which graph and why."""


@dataclass
class Changes:
    """What a new build changes in a store that holds an earlier one."""

    put: list[str] = field(default_factory=list)  # graphs new or changed: replaced
    delete: list[str] = field(default_factory=list)  # graphs the new build no longer has
    unchanged: int = 0


def changes(old: dict | None, new: dict) -> Changes:
    """The graphs to put and to delete to take a store from the build of manifest ``old`` (None:
    none of kg's graphs) to that of ``new`` (manifests as :func:`kg.manifest.read_manifest` gives)."""
    before = (old or {}).get("graphs", {})
    after = new["graphs"]
    result = Changes()
    for iri, graph in after.items():
        if before.get(iri, {}).get("sha256") == graph["sha256"]:
            result.unchanged += 1
        else:
            result.put.append(iri)
    result.delete = sorted(iri for iri in before if iri not in after)
    return result


def load_build(out: Path, endpoint: str, since: dict | Path | None = None, *, timeout: float = 300.0) -> Changes:
    """Bring the store behind ``endpoint`` from the build of ``since`` to the build in ``out``.

    Args:
        out: the output folder of ``kg build --format nquads`` (its manifest and ``graph.nq``).
        endpoint: the store's Graph Store Protocol URL (``http://127.0.0.1:7878/store``).
        since: the manifest of the build the store holds (a dict, its file, or that build's output
            folder); None to put every graph.
        timeout: seconds to wait for the store's answer to one request.

    Returns:
        The graphs put and deleted, and the number left as they were.

    Raises:
        ValueError: ``out`` holds no manifest with graph digests or no ``graph.nq``, or they disagree.
        LoadError: the store refused a request or did not answer.
    """
    out = Path(out)
    new = read_manifest(out)
    if not new["graphs"] or not (out / NQUADS).is_file():
        raise ValueError(f"{out}: no named graphs to load: build with --format nquads (kg load sends the graphs of {NQUADS})")
    old = read_manifest(since) if isinstance(since, (str, Path)) else since
    todo = changes(old, new)
    wanted = set(todo.put)
    found = {iri for iri, _, _ in _graphs(out / NQUADS, wanted, new["graphs"], send=False)}  # the store untouched if they disagree
    if found != wanted:
        raise ValueError(f"{out / NQUADS}: no triples of {', '.join(sorted(wanted - found))}, which {out / 'manifest.json'} lists")
    for iri, body, size in _graphs(out / NQUADS, wanted, new["graphs"]):
        _send("PUT", endpoint, iri, timeout, body=body, size=size)
    for iri in todo.delete:
        _send("DELETE", endpoint, iri, timeout)
    return todo


def _graphs(nquads: Path, wanted: set[str], expected: dict[str, dict], *, send: bool = True) -> Iterator[tuple[str, object, int]]:
    """(graph IRI, a file of its triples as N-Triples, its size in bytes) for each graph of
    ``wanted``, read from a kg N-Quads file, whose lines come grouped by graph; each graph is checked
    against its digest in the manifest. Without ``send``, only checked (no file: None, 0)."""
    current, body, digest, done = None, None, None, set()

    def finish():
        if digest.hexdigest() != expected[current]["sha256"]:
            raise ValueError(f"{nquads}: the graph {current} is not the one the manifest beside it describes (built again since?)")
        if body is None:
            return current, None, 0
        size = body.tell()
        body.seek(0)
        return current, body, size

    with open(nquads, "rb") as f:
        for line in f:
            head, graph, _ = line.rstrip(b"\n").rsplit(b" ", 2)
            iri = graph[1:-1].decode("utf-8")
            if iri != current:
                if digest is not None:
                    yield finish()
                    if body is not None:
                        body.close()
                    body = digest = None
                if iri in done:
                    raise ValueError(f"{nquads}: the lines of {iri} are not together: not a file kg build wrote")
                current = iri
                done.add(iri)
                if iri in wanted:
                    digest = hashlib.sha256()
                    body = tempfile.SpooledTemporaryFile(SPOOL_BYTES) if send else None
            if digest is not None:
                triple = head + b" .\n"
                digest.update(triple)
                if body is not None:
                    body.write(triple)
        if digest is not None:
            yield finish()
            if body is not None:
                body.close()


def _send(method: str, endpoint: str, graph: str, timeout: float, *, body=None, size: int = 0) -> None:
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(graph, safe='')}"
    headers = {"Content-Type": "application/n-triples", "Content-Length": str(size)} if body is not None else {}
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        if method == "DELETE" and err.code == 404:  # already gone
            return
        detail = err.read().decode("utf-8", "replace").strip()[:500]
        raise LoadError(f"{method} {graph}: the store answered {err.code} {err.reason}" + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise LoadError(f"{method} {graph}: no answer from {endpoint} ({reason})") from None
