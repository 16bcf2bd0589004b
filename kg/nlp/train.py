"""Train kg's character-level Chinese NER pipeline (tok2vec + ner) from JSON Lines corpora.

Corpora are JSON Lines, one sentence a line: ``{"text": ..., "spans": [[start, end, label], ...]}``
(see /work/shared/corpora/README.md). Labels are mapped to kg's four types:

* ``nr`` / ``name`` -> PERSON
* ``nt`` / ``company`` / ``government`` / ``organization`` -> ORG
* ``ns`` / ``address`` -> GPE or LOC, by :func:`place_label` (gazetteer and suffix rules in
  ``kg/resources/ner/``)

every other label is dropped. Text is folded char by char with NFKC (same length, so offsets hold),
exactly as the tokenizer folds it at run time.

    from kg.nlp.train import train
    model_dir = train([Path("msra/train.jsonl")], [Path("holdout.jsonl")], Path("training/run"))
"""

from __future__ import annotations

import io
import json
import random
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from kg.nlp.inference import use_fast_cpu_ops
from kg.nlp.teacher_labels import excluded_windows, windows
from kg.nlp import encoder  # registers kg.MishWindowEncoder.v1
from kg.nlp.tokenizer import normalize_text  # also registers kg.CharTokenizer.v1, kg.CharHashEmbed.v1

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "ner"
DEFAULT_CONFIG = RESOURCES / "mish.cfg"  # step 1 of the shipped model's recipe (docs/model.md)

LABEL_MAP: dict[str, str] = {
    "nr": "PERSON",
    "name": "PERSON",
    "nt": "ORG",
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    "ns": "PLACE",
    "address": "PLACE",
    # kg's own labels (the event corpus, annotations/events/*.jsonl, as "entities")
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
}
LABELS = ("PERSON", "ORG", "GPE", "LOC")


def _read_list(name: str) -> list[str]:
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _place_rules() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    return (
        frozenset(_read_list("gpe_admin.txt")),
        frozenset(_read_list("loc_words.txt")),
        tuple(_read_list("loc_suffixes.txt")),
    )


def place_label(mention: str) -> str:
    """GPE or LOC for a place mention: admin gazetteer -> GPE; LOC word list or natural-feature /
    region / facility suffix -> LOC; anything else (countries, cities, towns, villages) -> GPE."""
    mention = normalize_text(mention).strip()
    admin, loc_words, loc_suffixes = _place_rules()
    if mention in admin:
        return "GPE"
    if mention in loc_words or mention.endswith(loc_suffixes):
        return "LOC"
    return "GPE"


def map_label(label: str, mention: str) -> str | None:
    """kg's label for a corpus label (None: not an entity type kg models)."""
    mapped = LABEL_MAP.get(label)
    if mapped == "PLACE":
        return place_label(mention)
    return mapped


def read_jsonl(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """(NFKC-folded text, [(start, end, kg label)], [(start, end) left unknown]) per line; spans kg
    does not model are dropped, and a line's ``missing`` spans (:mod:`kg.nlp.partial_labels`) are
    the ones whose characters get no label, entity or not."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            text = normalize_text(record["text"])
            spans = []
            for start, end, label in record.get("spans", record.get("entities", [])):
                mapped = map_label(label, text[start:end])
                if mapped is not None:
                    spans.append((int(start), int(end), mapped))
            yield text, spans, [(int(start), int(end)) for start, end in record.get("missing", [])]


def make_doc(nlp, text: str, spans: list[tuple[int, int, str]],
             missing: list[tuple[int, int]] = ()) -> tuple[Doc, int]:
    """A reference Doc with gold entities, ``missing`` spans unlabelled and every other token outside
    any entity; also the number of spans that could not be placed."""
    doc = nlp.make_doc(text)
    ents = []
    lost = 0
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or len(span) == 0:
            lost += 1
        else:
            ents.append(span)
    kept = filter_spans(ents)
    lost += len(ents) - len(kept)
    unknown = [span for start, end in missing
               if (span := doc.char_span(start, end, alignment_mode="expand")) is not None]
    doc.set_ents(kept, missing=unknown, default="outside")
    return doc, lost


def jsonl_to_docbin(paths: list[Path], output: Path, exclude: frozenset[str] = frozenset()) -> dict[str, int]:
    """Convert JSON Lines corpora to one DocBin file, less the sentences that share a window of
    characters with ``exclude`` (:func:`kg.nlp.teacher_labels.excluded_windows`); returns counts of
    docs, entities, lost spans and excluded sentences."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}}})
    db = DocBin(attrs=["ORTH", "NORM", "ENT_IOB", "ENT_TYPE", "SPACY"])
    stats = {"docs": 0, "ents": 0, "lost": 0, "excluded": 0}
    for path in paths:
        for text, spans, missing in read_jsonl(Path(path)):
            if exclude and windows(text) & exclude:
                stats["excluded"] += 1
                continue
            doc, lost = make_doc(nlp, text, spans, missing)
            db.add(doc)
            stats["docs"] += 1
            stats["ents"] += len(doc.ents)
            stats["lost"] += lost
    output.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(output)
    return stats


def split_jsonl(path: Path, holdout: int, out_dir: Path, seed: int = 0) -> tuple[Path, Path]:
    """Split a JSON Lines corpus into (rest, holdout) files under ``out_dir``: a random ``holdout``
    lines for spaCy's model selection, so the real test split never steers training."""
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    held = held_out(len(lines), holdout, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    rest_path = out_dir / f"{Path(path).stem}.rest.jsonl"
    held_path = out_dir / f"{Path(path).stem}.holdout.jsonl"
    rest_path.write_text("".join(l + "\n" for i, l in enumerate(lines) if i not in held), "utf-8")
    held_path.write_text("".join(l + "\n" for i, l in enumerate(lines) if i in held), "utf-8")
    return rest_path, held_path


def held_out(n_lines: int, holdout: int, seed: int = 0) -> set[int]:
    """The indices of the ``holdout`` lines of ``n_lines`` that :func:`split_jsonl` holds out with
    ``seed`` (so a benchmark can rebuild a held-out set from its corpus alone)."""
    order = list(range(n_lines))
    random.Random(seed).shuffle(order)
    return set(order[:holdout])


def train(
    train_paths: list[Path],
    dev_paths: list[Path],
    output: Path,
    *,
    max_steps: int | None = None,
    config: Path | None = None,
    init: Path | None = None,
    exclude: list[Path] = (),
    pretrained: Path | None = None,
    quiet: bool = False,
) -> Path:
    """Convert the corpora to DocBin under ``output/corpus`` and train the pipeline in ``config``
    (default ``kg/resources/ner/mish.cfg``) into ``output``. Returns the best pipeline directory
    (``output/model-best``, scored on ``dev_paths``), loadable with ``spacy.load`` once
    ``kg.nlp.tokenizer`` is imported. With ``init`` (a trained pipeline such as
    ``kg/resources/model``), tok2vec and ner start from its weights instead of at random: training goes
    on from there (use a config with a decaying learning rate, e.g. ``kg/resources/ner/mish_finetune.cfg``).
    Training sentences that share a run of 20 characters with a file of ``exclude`` or with a dev
    corpus are left out, so that nothing a model is chosen or measured on is learned from.
    ``pretrained``: encoder weights written by :mod:`kg.nlp.pretrain`, loaded before training."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    output = Path(output)
    corpus = output / "corpus"
    log = io.StringIO() if quiet else sys.stdout
    banned = frozenset(excluded_windows([Path(p) for p in [*exclude, *dev_paths]]))
    for name, paths, kept_out in (("train", train_paths, banned), ("dev", dev_paths, frozenset())):
        stats = jsonl_to_docbin([Path(p) for p in paths], corpus / f"{name}.spacy", kept_out)
        print(f"{name}: {stats}", file=log)
    overrides: dict = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    output.mkdir(parents=True, exist_ok=True)
    cfg = spacy.util.load_config(config or DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    asked = {}  # the encoder this config asks for, kept for a tok2vec sourced with another's config
    if init is not None:
        asked = {"tok2vec": cfg.interpolate()["components"]["tok2vec"]["model"].get("encode", {})}
        for name in ("tok2vec", "ner"):  # sourced together, so ner keeps listening to this tok2vec
            cfg["components"][name] = {"source": str(Path(init).resolve())}
    use_fast_cpu_ops()
    nlp = init_nlp(cfg, use_gpu=-1)
    encoder.pad_encoders(nlp, asked)  # weights sourced from an unpadded pipeline bring their padding: none
    if pretrained is not None:
        nlp.get_pipe("tok2vec").model.from_bytes(Path(pretrained).read_bytes())
    train_loop(nlp, output, use_gpu=-1, stdout=log, stderr=log)
    best = output / "model-best"
    return best if best.exists() else output / "model-last"


if __name__ == "__main__":  # python -m kg.nlp.train TRAIN.jsonl[,..] DEV.jsonl[,..] OUTPUT [MAX_STEPS]; `kg train` has it all
    args = sys.argv[1:]
    result = train(
        [Path(p) for p in args[0].split(",")],
        [Path(p) for p in args[1].split(",")],
        Path(args[2]),
        max_steps=int(args[3]) if len(args) > 3 else None,
    )
    print(result)
