"""The embedded store: an on-disk Oxigraph database that ``kg build`` fills beside ``graph.ttl``."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from pyoxigraph import RdfFormat, Store

#: Where ``kg build`` puts the store inside its output folder, and where ``kg query`` looks for it.
STORE_DIR = "store"

_FORMATS = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG}
#: Lines of an N-Triples or N-Quads file per bulk load. Oxigraph sorts a whole load in memory (up
#: to a million quads, ~1 KB each), so a big graph is loaded in parts of bounded size.
LOAD_LINES = 100_000


class StoreError(OSError):
    """The store is missing or cannot be opened; the message says what to do."""


def fill_store(source, directory: Path) -> int:
    """Load a graph into a fresh on-disk Oxigraph store (the default graph) at ``directory``.

    Args:
        source: an rdflib ``Graph``, or the path of a Turtle, N-Triples, N-Quads or TriG file
            (N-Triples and N-Quads are loaded :data:`LOAD_LINES` lines at a time, in bounded memory).
        directory: the store's folder; replaced if it exists.

    Returns:
        The number of triples in the store.
    """
    directory = Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    store = Store(str(directory))
    if isinstance(source, (str, Path)):
        path = Path(source)
        fmt = _FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise ValueError(f"cannot load {path} into the store: use one of {', '.join(_FORMATS)}")
        if fmt in (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS):  # a statement per line: load in parts
            with open(path, "rb") as f:
                while part := b"".join(itertools.islice(f, LOAD_LINES)):
                    store.bulk_load(input=part, format=fmt)
        else:
            store.bulk_load(path=str(path), format=fmt)
    else:
        data = source.serialize(format="nt", encoding="utf-8")
        store.bulk_load(input=data, format=RdfFormat.N_TRIPLES)
    store.flush()
    count = len(store)
    del store  # close the database before the folder is moved (the build swaps folders)
    return count


def open_store(directory: Path, *, read_only: bool = True) -> Store:
    """Open the store that ``kg build`` made.

    Read-only by default, so that queries can run while ``kg serve`` holds the same folder.

    Raises:
        StoreError: there is no store at ``directory``.
    """
    directory = Path(directory)
    if not (directory / "CURRENT").is_file():
        raise StoreError(
            f"no Oxigraph store at {directory}: build one with `kg build --out {directory.parent}` "
            f"(it writes {directory.parent / STORE_DIR}), or name another with --store DIR"
        )
    try:
        return Store.read_only(str(directory)) if read_only else Store(str(directory))
    except OSError as err:
        raise StoreError(f"cannot open the Oxigraph store at {directory}: {err}") from None
