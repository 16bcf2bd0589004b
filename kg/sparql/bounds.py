"""The front of ``kg serve``: an HTTP server before the Oxigraph server that bounds every query.

A query that would run for minutes or give millions of rows must not take the endpoint down. The
Oxigraph server cancels a query after ``--timeout-s``, but it has sent ``200 OK`` and part of the
results by then and only appends its message to the body, and it has no limit on results. Here
each query is sent on to Oxigraph, its results are read (into a spooled file, as TSV or
N-Triples: a row or triple a line, so they are counted as they come) and sent to the client in the
format it asked for only when they are complete. A query stopped by the time limit gets ``503``
and one with too many results ``422``, each with a plain-text message that says which limit and
how to change it. Everything else (``/store``, ``/update``) passes through as it is.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from pyoxigraph import QueryBoolean, QueryResultsFormat, RdfFormat, parse, parse_query_results, serialize

DEFAULT_TIMEOUT = 30.0  # seconds a query may run
DEFAULT_MAX_RESULTS = 100_000  # rows of a SELECT, triples of a CONSTRUCT or DESCRIBE

TSV, NTRIPLES = "text/tab-separated-values", "application/n-triples"
COUNTED = f"{TSV}, {NTRIPLES};q=0.9"  # what the front asks Oxigraph for: one result a line
CANCELLED = b"The SPARQL operation has been cancelled"  # what Oxigraph appends when its timeout hits
HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length"}
SPOOL_BYTES = 16 * 2**20  # results held in memory up to this size, then in a temporary file
CHUNK = 2**16


@dataclass(frozen=True)
class Limits:
    """How long a query may run (seconds) and how many results it may give; None: no limit."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_results: int | None = DEFAULT_MAX_RESULTS


class QueryLimitError(Exception):
    """A query went past one of the :class:`Limits`; ``status`` and the message go to the client."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, kind: type[QueryResultsFormat] | type[RdfFormat]):
    """The format of ``kind`` the ``Accept`` header prefers (q-values, then order), its default
    (JSON results, N-Quads graphs: the Oxigraph server's) for none or a wildcard; None if the header
    names only formats of another kind."""
    default = QueryResultsFormat.JSON if kind is QueryResultsFormat else RdfFormat.N_QUADS
    if not accept or not accept.strip():
        return default
    ranges = []
    for order, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, order, media.lower()))
    for _, _, media in sorted(ranges):
        if "*" in media:
            return default
        found = kind.from_media_type(media)
        if found is not None:
            return found
    return None


class _Handler(BaseHTTPRequestHandler):
    server: BoundedEndpoint
    protocol_version = "HTTP/1.0"  # one request per connection: a response ends when it closes
    server_version = "kg-serve"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

    def _handle(self) -> None:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._error(411, "send the request body with a Content-Length")
            return
        query = self.path.split("?")[0] == "/query" and self.command in ("GET", "POST")
        timeout = self.server.limits.timeout
        backend = http.client.HTTPConnection(*self.server.backend, timeout=timeout + 5 if query and timeout is not None else None)
        try:
            if query:
                self._query(backend)
            else:  # updates, Graph Store reads and writes: as they are
                backend.request(self.command, self.path, body=self._body_chunks(), headers=self._forwarded())
                self._relay(backend.getresponse())
        except QueryLimitError as err:
            if self.server.log is not None:
                self.server.log(f"{self.address_string()}: {err}")
            self._error(err.status, str(err))
        except (ConnectionRefusedError, http.client.RemoteDisconnected):
            self._error(502, "the Oxigraph server behind kg serve does not answer")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away
        finally:
            backend.close()

    def _forwarded(self, **extra: str) -> dict[str, str]:
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() not in {e.lower() for e in extra}}
        headers["Content-Length"] = str(self._length())
        return {**headers, **extra}

    def _length(self) -> int:
        return int(self.headers.get("Content-Length") or 0)

    def _body_chunks(self):
        left = self._length()
        while left > 0:
            chunk = self.rfile.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk

    def _relay(self, response: http.client.HTTPResponse) -> None:
        """Send the Oxigraph server's response on as it is, streamed."""
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP | {"server", "date"} or name.lower() == "content-length":  # send_response wrote those two
                self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            while chunk := response.read(CHUNK):
                self.wfile.write(chunk)

    def _error(self, status: int, message: str) -> None:
        body = f"{message}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _query(self, backend: http.client.HTTPConnection) -> None:
        started = time.monotonic()
        body = b"".join(self._body_chunks())
        backend.request(self.command, self.path, body=body, headers=self._forwarded(Accept=COUNTED))
        try:
            response = backend.getresponse()
        except (TimeoutError, socket.timeout):
            raise self._timeout() from None
        if response.status != 200:  # a query that does not parse, a format Oxigraph lacks …
            self._relay(response)
            return
        kind = (response.getheader("Content-Type") or "").split(";")[0].strip()
        with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as results, tempfile.SpooledTemporaryFile(SPOOL_BYTES) as out:
            self._read_counted(backend, response, results, started, header=kind == TSV)
            results.seek(max(0, results.tell() - len(CANCELLED)))
            if results.read().endswith(CANCELLED):  # Oxigraph's own deadline came first
                raise self._timeout()
            results.seek(0)
            media = self._convert(kind, results, out)
            if media is None:
                return
            self.send_response(200)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(out.tell()))
            self.end_headers()
            out.seek(0)
            shutil.copyfileobj(out, self.wfile, CHUNK)

    def _read_counted(self, backend, response, results, started: float, *, header: bool) -> None:
        """Read the results into ``results`` within the limits, counting them by their lines (less
        the TSV header line)."""
        limits, lines = self.server.limits, -1 if header else 0
        while True:
            if limits.timeout is not None:
                left = limits.timeout - (time.monotonic() - started)
                if left <= 0:
                    raise self._timeout()
                backend.sock.settimeout(left)
            try:
                chunk = response.read1(CHUNK)
            except (TimeoutError, socket.timeout):
                raise self._timeout() from None
            if not chunk:
                return
            lines += chunk.count(b"\n")
            if limits.max_results is not None and lines > limits.max_results:
                raise self._too_many()
            results.write(chunk)

    def _convert(self, kind: str, results, out) -> str | None:
        """Write the results into ``out`` in the format the client accepts; its media type, or None
        when a 406 was sent."""
        accept = self.headers.get("Accept")
        if kind == TSV:
            parsed = parse_query_results(results, QueryResultsFormat.TSV)
            fmt = negotiate(accept, QueryResultsFormat)
            if fmt is None:
                self._error(406, f"the Accept header ({accept}) names no SPARQL results format: use application/sparql-results+json, "
                                 "application/sparql-results+xml, text/csv or text/tab-separated-values")
                return None
            if isinstance(parsed, QueryBoolean) and fmt in (QueryResultsFormat.CSV, QueryResultsFormat.TSV):
                fmt = QueryResultsFormat.JSON  # CSV and TSV have no booleans
            parsed.serialize(out, fmt)
            return fmt.media_type
        fmt = negotiate(accept, RdfFormat)
        if fmt is None:
            self._error(406, f"the Accept header ({accept}) names no RDF format: use text/turtle, application/n-triples, "
                             "application/n-quads, application/rdf+xml or application/ld+json")
            return None
        serialize((quad.triple for quad in parse(results, RdfFormat.N_TRIPLES)), out, fmt)
        return fmt.media_type

    def _timeout(self) -> QueryLimitError:
        return QueryLimitError(503, f"kg serve stopped the query after {self.server.limits.timeout:g} s, its time limit: narrow the query "
                                    "(fewer patterns, a LIMIT), or start kg serve with a longer --timeout")

    def _too_many(self) -> QueryLimitError:
        return QueryLimitError(422, f"the query gives more than {self.server.limits.max_results:,} results, kg serve's limit: add LIMIT "
                                    "(and OFFSET to page), or start kg serve with a higher --max-results")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's naming)
        pass  # no line per request (the Oxigraph server writes none either); limits hit are logged


class BoundedEndpoint(ThreadingHTTPServer):
    """Listens at ``address`` and sends requests on to the Oxigraph server at ``backend`` (host,
    port), bounding queries by ``limits``."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: tuple[str, int], limits: Limits, log=None):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.backend, self.limits, self.log = backend, limits, log
        super().__init__(address, _Handler)
