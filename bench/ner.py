"""Benchmark kg's shipped NER model against a jieba POS baseline.

    python bench/ner.py [--limit N] [--model DIR] [--corpora DIR] [--rules] [--threads N] [--against DIR]

Entity-level exact match (start, end, type) on msra/dev.jsonl, on a half-width/ASCII-punctuation
variant of it (same offsets: the conversion is char by char), and on cluener/dev.jsonl. Gold labels
map nr/name -> PERSON, nt/company/government/organization -> ORG, ns/address -> PLACE; the model's
GPE and LOC are scored as one PLACE class because the gold data has one place class. For msra the
4-type score against gold split by kg's GPE/LOC rules is shown too. Prints a markdown table,
characters per second (whole nlp() including the tokenizer, one process; numpy's BLAS limited to
``--threads``, 1 by default, so the speed is per core) and peak memory. With
``--rules`` the pipeline scored is kg's whole one as ``kg build`` runs it (the model, then the rule
layer, events and relations). With ``--against DIR`` the model is also timed side by side with
another, in this one process, the two taking turns ``--rounds`` times over ``msra/dev.jsonl``
(medians and their ratio): a shared machine's speed drifts, and only runs side by side compare.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import kg.nlp.inference  # noqa: E402
import kg.nlp.ner_decode  # noqa: E402
import kg.nlp.tokenizer  # noqa: E402,F401  (registers kg.CharTokenizer.v1 / kg.CharHashEmbed.v1)
from kg.nlp.train import LABEL_MAP, map_label  # noqa: E402

TYPES = ("PERSON", "ORG", "PLACE")
JIEBA_MAP = {"nr": "PERSON", "ns": "PLACE", "nt": "ORG"}


def load(path: Path, limit: int | None) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit and len(records) >= limit:
                    break
    return records


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (digits, Latin letters, ，：（）；！？ ...) to ASCII, char by char."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif code == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def gold_spans(record: dict, split_places: bool) -> set[tuple[int, int, str]]:
    text = record["text"]
    spans = set()
    for start, end, label in record["spans"]:
        mapped = LABEL_MAP.get(label)
        if mapped is None:
            continue
        if split_places:
            mapped = map_label(label, text[start:end])
        spans.add((start, end, mapped))
    return spans


def place(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def score(gold: list[set], pred: list[set], types) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p:
            (tp if s in g else fp)[s[2]] += 1
        for s in g:
            if s not in p:
                fn[s[2]] += 1
    result = {}
    for t in list(types) + ["ALL"]:
        if t == "ALL":
            a, b, c = sum(tp[x] for x in types), sum(fp[x] for x in types), sum(fn[x] for x in types)
        else:
            a, b, c = tp[t], fp[t], fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[t] = (p, r, f)
    return result


def model_spans(nlp, texts: list[str]) -> tuple[list[set], float]:
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256))
    elapsed = time.perf_counter() - start
    spans = [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in docs]
    return spans, sum(map(len, texts)) / elapsed


def jieba_spans(texts: list[str]) -> tuple[list[set], float]:
    import jieba
    import jieba.posseg

    jieba.initialize()
    start = time.perf_counter()
    result = []
    for text in texts:
        spans, i = set(), 0
        for pair in jieba.posseg.cut(text):
            n = len(pair.word)
            if pair.flag in JIEBA_MAP:
                spans.add((i, i + n, JIEBA_MAP[pair.flag]))
            i += n
        result.append(spans)
    return result, sum(map(len, texts)) / (time.perf_counter() - start)


def paired_speed(models: dict, texts: list[str], rounds: int) -> dict[str, float]:
    """Median characters per second of each model's ``nlp.pipe`` over ``texts``, the models taking
    turns ``rounds`` times."""
    import statistics

    n = sum(map(len, texts))
    runs: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(rounds):
        for name, nlp in models.items():
            start = time.perf_counter()
            list(nlp.pipe(texts, batch_size=256))
            runs[name].append(n / (time.perf_counter() - start))
    return {name: statistics.median(v) for name, v in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each corpus")
    parser.add_argument("--model", type=Path, default=ROOT / "kg" / "resources" / "model")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--rules", action="store_true", help="score the model with kg's rule layer after it")
    parser.add_argument("--threads", type=int, default=1, help="numpy BLAS threads (default 1: speed per core)")
    parser.add_argument("--against", type=Path, default=None, help="another model to time side by side with --model")
    parser.add_argument("--rounds", type=int, default=3, help="turns each model takes with --against")
    parser.add_argument("--spacy-decoder", action="store_true",
                        help="decode with spaCy's own NER loop, not kg's batched one (same entities, slower)")
    args = parser.parse_args()
    import numpy  # noqa: F401  (loaded first: threadpoolctl limits only loaded libraries)
    from threadpoolctl import threadpool_limits

    limit = threadpool_limits(limits=args.threads, user_api="blas")  # noqa: F841  (kept for the run)

    kg.nlp.inference.use_fast_cpu_ops()
    if args.rules:
        from kg.nlp.pipeline import load as load_pipeline

        nlp = load_pipeline(str(args.model))
    else:
        from kg.nlp.pipeline import EVENT_MODEL, RULE_COMPONENTS

        nlp = spacy.load(args.model, exclude=[*RULE_COMPONENTS, EVENT_MODEL])  # the statistical model alone
        kg.nlp.inference.lean_inference(nlp)
        kg.nlp.ner_decode.use_batched_ner(nlp)
    if args.spacy_decoder:
        kg.nlp.ner_decode.use_spacy_ner(nlp)
    system = "kg model + rules" if args.rules else "kg model"
    msra = load(args.corpora / "msra" / "dev.jsonl", args.limit)
    cluener = load(args.corpora / "cluener" / "dev.jsonl", args.limit)
    sets = {
        "msra dev": ([r["text"] for r in msra], msra),
        "msra dev half-width": ([to_halfwidth(r["text"]) for r in msra], msra),
        "cluener dev": ([r["text"] for r in cluener], cluener),
    }
    nlp("预热")  # load jieba's dictionary before timing
    rows = []
    speeds = {}
    for name, (texts, records) in sets.items():
        gold = [gold_spans(r, split_places=False) for r in records]
        pred, cps = model_spans(nlp, texts)
        speeds[name] = cps
        rows.append((f"{system}, {name}", score(gold, [{(s, e, place(l)) for s, e, l in p} for p in pred], TYPES)))
        if name == "msra dev":
            gold4 = [gold_spans(r, split_places=True) for r in records]
            four = score(gold4, pred, ("PERSON", "ORG", "GPE", "LOC"))
            rows.append((f"{system}, {name}, GPE/LOC split", four))
        jpred, jcps = jieba_spans(texts)
        speeds[f"jieba posseg, {name}"] = jcps
        rows.append((f"jieba posseg baseline, {name}", score(gold, jpred, TYPES)))

    types = ["PERSON", "ORG", "PLACE", "GPE", "LOC", "ALL"]
    print("| run | " + " | ".join(f"{t} P/R/F1" for t in types) + " |")
    print("|---|" + "---|" * len(types))
    for name, result in rows:
        cells = []
        for t in types:
            if t in result:
                p, r, f = result[t]
                cells.append(f"{p:.3f}/{r:.3f}/**{f:.3f}**" if t == "ALL" else f"{p:.3f}/{r:.3f}/{f:.3f}")
            else:
                cells.append("")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    print(f"| speed (one process, {args.threads} BLAS thread{'s' if args.threads > 1 else ''}) | chars/s |")
    print("|---|---|")
    for name, cps in speeds.items():
        print(f"| {name if name.startswith('jieba') else 'kg nlp.pipe, ' + name} | {cps:,.0f} |")
    texts = sets["msra dev"][0][:1000]
    start = time.perf_counter()
    for text in texts:
        nlp(text)
    cps = sum(map(len, texts)) / (time.perf_counter() - start)
    print(f"| kg nlp(text) one call per sentence, msra dev | {cps:,.0f} |")
    if args.against is not None:
        other = spacy.load(args.against)
        kg.nlp.inference.lean_inference(other)
        if not args.spacy_decoder:
            kg.nlp.ner_decode.use_batched_ner(other)
        other("预热")
        medians = paired_speed({str(args.model): nlp, str(args.against): other}, sets["msra dev"][0], args.rounds)
        print(f"\n| side by side, msra dev, median of {args.rounds} turns | chars/s |")
        print("|---|---|")
        for name, cps in medians.items():
            print(f"| {name} | {cps:,.0f} |")
        first, second = medians.values()
        print(f"| ratio (first / second) | {first / second:.3f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (ru_maxrss): {peak:.0f} MB; model: {args.model}; sentences: "
          f"msra {len(msra)}, cluener {len(cluener)}")


if __name__ == "__main__":
    main()
