"""The manifest ``kg build`` writes beside its graph (``OUT/manifest.json``).

It says what made the output (kg's version, the base IRI) and, when the build wrote N-Quads or TriG,
the digest of each named graph: one per document (``<base>doc/<file>``) and the shared
``<base>doc/entities``. ``kg load`` compares two builds' manifests to send a store only the graphs
that changed (:mod:`kg.sparql.load`). It also marks the folder as kg's output, so that a later build
over a folder that holds it never reads it as news (:func:`output_marker`).
"""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST = "manifest.json"
GENERATOR = "kg"  # the manifest's "generator" starts with it (then kg's version)


def write_manifest(folder: Path, *, base: str, graphs: dict[str, dict]) -> Path:
    """Write ``folder/manifest.json``.

    Args:
        folder: the output folder (or the staging folder that becomes it).
        base: the base IRI of the build.
        graphs: named graph IRI → ``{"sha256": …, "triples": …}`` (:attr:`kg.rdf.assemble.Assembly.graphs`);
            empty when the build wrote neither N-Quads nor TriG.

    Returns:
        The manifest's path.
    """
    from kg import __version__

    path = Path(folder) / MANIFEST
    record = {"generator": f"{GENERATOR} {__version__}", "base": base, "graphs": dict(sorted(graphs.items()))}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read_manifest(path: Path) -> dict:
    """A manifest that ``kg build`` wrote (the file, or the output folder that holds it).

    Raises:
        ValueError: the file is missing or is not a kg manifest (the message names it).
    """
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no such manifest (kg build writes OUT/{MANIFEST})") from None
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: not a kg manifest ({err})") from None
    if not isinstance(record, dict) or not str(record.get("generator", "")).startswith(GENERATOR) or not isinstance(record.get("graphs"), dict):
        raise ValueError(f"{path}: not a kg manifest (no generator or graphs)")
    return record


def output_marker(folder: Path) -> str | None:
    """What shows ``folder`` to hold an output of ``kg build`` (the name of the file found), or None.

    Its manifest; the result cache's manifest (``.cache/manifest.json``, also written by kg releases
    before the manifest); a build still running or killed (``.work/spool.nq`` of a staging folder);
    or the graph beside its store (``graph.ttl`` and ``store/``, an output built without a cache).
    """
    manifest = folder / MANIFEST
    if manifest.is_file():
        try:
            record = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = None
        if isinstance(record, dict) and str(record.get("generator", "")).startswith(GENERATOR):
            return MANIFEST
    for marker in (".cache/manifest.json", ".work/spool.nq"):
        if (folder / marker).is_file():
            return marker
    if (folder / "graph.ttl").is_file() and (folder / "store" / "CURRENT").is_file():
        return "graph.ttl, store/"
    return None
