"""A corpus's sentences labelled by a trained pipeline (the teacher), for training another model on
them beside the human-annotated corpus: the shipped model learned from MSRA's gold and from the
People's Daily 1998 sentences as a Maxout teacher model reads them (docs/model.md)::

    python -m kg.nlp.teacher_labels TEACHER IN.jsonl OUT.jsonl [--exclude FILE …]

Sentences that share a run of :data:`WINDOW` characters with an excluded file (the development set
the new model will be scored on, the gold sets' sentences) are left out, so that no score is taken
on text the new model was shown the teacher's reading of. Labels are written as the corpora write
them (nr, nt, ns), so that ``kg train`` maps places onto GPE/LOC as it does for gold ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

WINDOW = 20  # characters
_CORPUS_LABEL = {"PERSON": "nr", "ORG": "nt", "GPE": "ns", "LOC": "ns"}


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")


def windows(text: str) -> set[str]:
    """Every run of :data:`WINDOW` characters of ``text`` (NFKC, blanks left out); the whole text
    where it is shorter."""
    key = _key(text)
    return {key[i:i + WINDOW] for i in range(max(1, len(key) - WINDOW + 1))}


def read_texts(path: Path) -> Iterator[str]:
    """The texts of a JSON Lines corpus (its ``text`` fields), else the lines of a text file."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if path.suffix == ".jsonl":
                yield json.loads(line)["text"]
            elif line.strip():
                yield line.strip()


def excluded_windows(paths: Iterable[Path]) -> set[str]:
    return {w for path in paths for text in read_texts(path) for w in windows(text) if len(w) == WINDOW}


def label(teacher, source: Path, output: Path, exclude: Iterable[Path] = ()) -> tuple[int, int]:
    """Write ``source``'s sentences, less those that share a window with ``exclude``, with the
    entities ``teacher`` (a loaded spaCy pipeline) finds, to ``output``. Returns (kept, read)."""
    banned = excluded_windows(exclude)
    texts = [t for t in read_texts(source) if t.strip()]
    kept = [t for t in texts if not (windows(t) & banned)]
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as out:
        for doc in teacher.pipe(kept, batch_size=256):
            spans = [[e.start_char, e.end_char, _CORPUS_LABEL[e.label_]] for e in doc.ents if e.label_ in _CORPUS_LABEL]
            out.write(json.dumps({"text": doc.text, "spans": spans}, ensure_ascii=False) + "\n")
    return len(kept), len(texts)


def load_teacher(path: Path):
    """A trained pipeline, run as kg.load runs one (fast CPU ops, lean inference, batched NER
    decoding): the same entities, sooner."""
    import spacy

    from kg.nlp import inference, ner_decode, tokenizer  # noqa: F401  (tokenizer registers kg's functions)

    inference.use_fast_cpu_ops()
    teacher = spacy.load(path)
    inference.lean_inference(teacher)
    ner_decode.use_batched_ner(teacher)
    return teacher


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.nlp.teacher_labels", description=__doc__.split("::")[0])
    parser.add_argument("teacher", type=Path, help="the teacher pipeline's folder (e.g. a model kg shipped before)")
    parser.add_argument("source", type=Path, help="a JSON Lines corpus whose texts are labelled")
    parser.add_argument("output", type=Path, help="the JSON Lines file written")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="corpora or text files whose sentences stay out")
    args = parser.parse_args(argv)
    kept, read = label(load_teacher(args.teacher), args.source, args.output, args.exclude)
    print(f"{args.output}: {kept} of {read} sentences labelled", file=sys.stderr)


if __name__ == "__main__":
    main()
