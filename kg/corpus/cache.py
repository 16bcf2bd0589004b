"""The incremental cache: one JSON file per document result, keyed by what the result depends on.

The key is the sha256 of the document's bytes, its sidecar metadata, the name kg records for it,
the build options and the pipeline's version (:func:`pipeline_version`), so a changed document, a
changed option, changed rules or a changed model each give new keys, and the old entries go unused
(and are pruned at the end of the build).

The cache lives in ``OUT/.cache/`` and is carried into the new output folder just before the
atomic swap (:func:`kg.build.write_outputs` ``keep=``), so it survives every successful build. A
failed build leaves the graph files of ``OUT/`` as they were; the entries it added stay in
``OUT/.cache/`` (each is whole: written beside, then renamed).
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path

from kg.corpus.documents import Document
from kg.corpus.extract import Options

CACHE_DIR = ".cache"


def _hash_tree(digest, root: Path, *, skip: Path | None = None) -> None:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if skip is not None and skip in path.parents:
            continue
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _model_dir(model: str) -> Path | None:
    path = Path(model)
    if path.is_dir():
        return path
    try:
        import spacy.util  # only to find an installed package; the pipeline is not loaded

        return Path(spacy.util.get_package_path(model))
    except Exception:
        return None


@cache
def pipeline_version(model: str | None, user_files: str | None = None, events: str | None = None) -> str:
    """A fingerprint of everything extraction depends on besides the document: kg's version and
    code, every data file under ``kg/resources/`` (rules, lexicons, configs), and the model's
    ``meta.json`` and ``config.cfg`` (the shipped model's or ``--model``'s) and the option itself,
    the files of a user's ``--resources`` folder (``user_files``), and the ``--events`` choice (with
    the files of a trained component's folder).
    Code counts too because rules are partly code; weights are left out (a retrained model has a
    new ``meta.json``)."""
    import kg

    package = Path(str(resources.files("kg")))
    digest = hashlib.sha256(f"kg {kg.__version__}\0model {model}\0".encode())
    _hash_tree(digest, package, skip=package / "resources" / "model")
    model_dir = package / "resources" / "model" if model is None else _model_dir(model)
    if model_dir is not None and model_dir.is_dir():
        for root in [model_dir, *sorted(p for p in model_dir.iterdir() if p.is_dir())]:
            for name in ("meta.json", "config.cfg", "cfg"):
                if (root / name).is_file():
                    digest.update(f"{root.name}/{name}\0".encode() + (root / name).read_bytes())
    if user_files is not None:
        _hash_tree(digest, Path(user_files))
    digest.update(f"events {events}\0".encode())
    if events is not None and Path(events).is_dir():
        _hash_tree(digest, Path(events))
    return digest.hexdigest()


def document_key(document: Document, options: Options, version: str) -> str:
    """The cache key of a document's result."""
    digest = hashlib.sha256()
    for part in (version, document.kind, document.source, repr(options)):
        digest.update(part.encode() + b"\0")
    digest.update(hashlib.sha256(document.data).digest())
    digest.update(hashlib.sha256(document.meta).digest() if document.meta is not None else b"-")
    return digest.hexdigest()


class ResultCache:
    """Document results as JSON files under ``root`` (``ab/abcdef….json``)."""

    def __init__(self, root: Path):
        self.root = root
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        """The cached JSON of ``key``, or None."""
        try:
            text = self._path(key).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        self.used.add(key)
        return text

    def has(self, key: str) -> bool:
        """Whether ``key`` is cached."""
        return self._path(key).is_file()

    def put(self, key: str, text: str) -> None:
        """Store a result (whole or not at all: written beside, then renamed)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        self.used.add(key)

    def prune(self, root: Path | None = None) -> int:
        """Remove the entries this build did not use (deleted or changed documents, old pipeline
        versions) from ``root`` (default: this cache's folder); returns how many."""
        removed = 0
        for path in (root or self.root).glob("*/*"):
            if path.suffix != ".json" or path.stem not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
