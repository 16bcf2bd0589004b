"""Pretrain kg's character encoder on raw text: predict masked characters from their context.

    python -m kg.nlp.pretrain RAW… --output training/pretrain/tok2vec.bin [--steps 4000] \\
        [--exclude FILE…] [--config kg/resources/ner/mish.cfg]

spaCy's ``spacy pretrain`` objectives do not fit character tokens: its ``characters`` objective
asks each token for its own first and last characters, which a one-character token carries as its
input, and its ``vectors`` objective needs static vectors kg does not have. So this objective hides
characters: a share of them (:data:`MASK_RATE`) is replaced in the text by :data:`MASK` before the
tokenizer and the encoder see it — the jieba words and bigrams are cut from the changed text, so
nothing of a hidden character reaches the encoder — and a softmax over the corpus's most frequent
characters must name each hidden one from the encoder's output there.

The weights written are the ``tok2vec`` component's (``Model.to_bytes``), for
:func:`kg.nlp.train.train`'s ``pretrained``. Sentences that share a run of 20 characters with an
``--exclude`` file are left out, as in ``kg train``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy
import spacy
from thinc.api import Adam, Softmax

from kg.nlp.inference import use_fast_cpu_ops
from kg.nlp.teacher_labels import excluded_windows, read_texts, windows
from kg.nlp import encoder  # noqa: F401  (registers kg.MishWindowEncoder.v1)
from kg.nlp.tokenizer import normalize_text  # also registers kg.CharTokenizer.v1, kg.CharHashEmbed.v1

MASK = "□"  # a character the corpora do not write: what a hidden character is replaced by
MASK_RATE = 0.15
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "resources" / "ner" / "mish.cfg"


def corpus(paths: list[Path], exclude: list[Path]) -> list[str]:
    """Every text of ``paths`` (JSON Lines ``text`` fields or lines), less those sharing a window
    with ``exclude``."""
    banned = frozenset(excluded_windows(exclude))
    return [t for p in paths for t in read_texts(p) if t.strip() and not (banned and windows(t) & banned)]


def char_classes(texts: list[str], size: int) -> dict[str, int]:
    """The ``size`` most frequent NFKC characters, each a class (``size`` is every other one)."""
    counts = Counter(ch for t in texts for ch in normalize_text(t) if not ch.isspace())
    return {ch: i for i, (ch, _) in enumerate(counts.most_common(size))}


def mask(text: str, rng: random.Random) -> tuple[str, list[int]]:
    """``text`` with a share of its non-blank characters replaced by :data:`MASK`, and where."""
    chars, hidden = list(text), []
    for i, ch in enumerate(chars):
        if not ch.isspace() and rng.random() < MASK_RATE:
            chars[i] = MASK
            hidden.append(i)
    return "".join(chars), hidden


def pretrain(texts: list[str], output: Path, *, config: Path = DEFAULT_CONFIG, steps: int = 4000,
             batch_size: int = 64, classes: int = 6000, learn_rate: float = 0.001, seed: int = 0,
             log=sys.stdout) -> Path:
    """Train the encoder of ``config`` to name masked characters; write its weights to ``output``."""
    use_fast_cpu_ops()
    rng = random.Random(seed)
    numpy.random.seed(seed)
    cfg = spacy.util.load_config(config, overrides={"paths.train": None, "paths.dev": None}, interpolate=False)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=False)
    tok2vec = nlp.get_pipe("tok2vec").model
    table = char_classes(texts, classes)
    n_out = len(table) + 1  # the last class: any other character
    width = tok2vec.get_dim("nO")
    head = Softmax(nO=n_out, nI=width)
    sample = [nlp.make_doc(t) for t in texts[:16]]
    tok2vec.initialize(X=sample)
    head.initialize(X=tok2vec.ops.alloc2f(2, width), Y=tok2vec.ops.alloc2f(2, n_out))
    optimizer = Adam(learn_rate)
    order = list(range(len(texts)))
    started, seen, total_loss, total_right, total_n = time.time(), 0, 0.0, 0, 0
    step = 0
    while step < steps:
        rng.shuffle(order)
        for at in range(0, len(order), batch_size):
            batch = [texts[i] for i in order[at:at + batch_size]]
            masked = [mask(t, rng) for t in batch]
            docs = [nlp.make_doc(m) for m, _ in masked]
            outputs, backprop = tok2vec.begin_update(docs)
            rows, gold = [], []  # (document, token) of each hidden character, and its class
            for d, (doc, (_, hidden)) in enumerate(zip(docs, masked)):
                token_at = {token.idx: token.i for token in doc}
                for i in hidden:
                    if i in token_at:
                        rows.append((d, token_at[i]))
                        gold.append(table.get(normalize_text(batch[d][i]), n_out - 1))
            if not rows:
                continue
            X = numpy.vstack([outputs[d][i] for d, i in rows])
            gold = numpy.array(gold)
            probs, back_head = head.begin_update(X)
            d_probs = probs.copy()
            d_probs[numpy.arange(len(rows)), gold] -= 1.0
            d_probs /= len(rows)
            dX = back_head(d_probs)
            d_outputs = [numpy.zeros_like(o) for o in outputs]
            for (d, i), grad in zip(rows, dX):
                d_outputs[d][i] += grad
            backprop(d_outputs)
            tok2vec.finish_update(optimizer)
            head.finish_update(optimizer)
            step += 1
            seen += sum(len(t) for t in batch)
            total_loss += float(-numpy.log(probs[numpy.arange(len(rows)), gold] + 1e-9).sum())
            total_right += int((probs.argmax(axis=1) == gold).sum())
            total_n += len(rows)
            if step % 200 == 0 or step == steps:
                print(f"step {step:>6}  loss {total_loss / total_n:.3f}  masked right {total_right / total_n:.3f}  "
                      f"{seen / (time.time() - started):,.0f} chars/s", file=log, flush=True)
                total_loss, total_right, total_n = 0.0, 0, 0
            if step >= steps:
                break
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(tok2vec.to_bytes())
    return output


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", nargs="+", type=Path, help="raw text: JSON Lines with a text field, or one text a line")
    ap.add_argument("--output", type=Path, required=True, help="file for the encoder's weights")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="the NER config whose encoder is pretrained")
    ap.add_argument("--steps", type=int, default=4000)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="files whose sentences are left out")
    args = ap.parse_args(argv)
    texts = corpus(args.raw, args.exclude)
    print(f"{len(texts):,} texts, {sum(map(len, texts)):,} characters", flush=True)
    print(pretrain(texts, args.output, config=args.config, steps=args.steps, batch_size=args.batch_size))


if __name__ == "__main__":
    main()
