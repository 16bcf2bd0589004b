"""What each of kg's entity rules does to entity F1 over the NER model, rule by rule.

    python bench/rules.py [--limit N] [--model DIR] [--corpora DIR] [--only RULE ...] [--cache DIR]
    python bench/rules.py --test     # the event corpus test split: model alone, every rule, as shipped

The NER model runs once over each development set (``msra/dev.jsonl``,
``annotations/events/dev.jsonl`` and the CLUENER train cut, the 1,000 CLUENER train sentences the
model was not trained on; ``cluener/dev.jsonl`` is part of ``bench/ner.py``'s modern test and picks
nothing) and its docs are kept in a DocBin (in a temporary folder, or
``--cache DIR`` to reuse them in a later run); the rule layer (``kg_entity_rules``) then runs over
copies of them: with every rule, as the model's ``config.cfg`` sets it (its ``off`` list: the
shipped setting), and with each rule toggled from that setting. Entity-level exact match as in
``bench/ner.py``: MSRA and CLUENER mark one place class, so GPE and LOC are scored as PLACE there;
the event corpus marks GPE and LOC apart and is scored on the four labels.

Prints per-label P/R/F1 of the model alone, with every rule and as shipped, then, per rule, ΔF1 =
F1 with the rule − F1 without it (the rest as shipped), on each set and their mean, and each label's
ΔF1. The sets count equally: each is a kind of news (1998 newswire, kg's own guideline, web news as
CLUENER marks it), and weighting by size would let MSRA's 1998 conventions, with nine tenths of the
gold names, decide alone. The verdict applies the criterion the shipped setting is
chosen by: a rule is on when its mean ΔF1 is positive and it costs no set more than 0.005 F1
("keep"); "restrict" when it helps overall but costs one set more; "off" when it does not help.
Rules that change no span or label on these sets show "no effect" (they stay on: the sets hold no
evidence against them); rules whose mean ΔF1 is under :data:`MIN_MEAN` either way show "noise" (a
name or two in a set: the shipped setting stands).

Note: the event corpus's sentences are drawn from the training splits of MSRA, People's Daily 1998
and CLUENER; ``kg train --exclude`` keeps its dev and test sentences out of the NER model's
training (docs/model.md), so these are text the model was not trained on. Each set is scored a
sentence at a time: rules that work across an article (``propagation``: a name found once marks
its other mentions) are measured here only within a sentence.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

import kg.nlp.inference  # noqa: E402
import kg.nlp.ner_decode  # noqa: E402
from kg.nlp.components import EntityRules  # noqa: E402
from kg.nlp.entities import RULES  # noqa: E402
from kg.nlp.pipeline import EVENT_MODEL, RULE_COMPONENTS  # noqa: E402
from ner import cluener_cut, gold_spans, load, place, score_types as score  # noqa: E402  (bench/ner.py)

CORPUS_DEV = ROOT / "annotations" / "events" / "dev.jsonl"
PLACE_TYPES = ("PERSON", "ORG", "PLACE")
FOUR_TYPES = ("PERSON", "ORG", "GPE", "LOC")
MAX_LOSS = 0.005  # the most F1 a kept rule may cost any one set
MIN_MEAN = 0.0005  # a smaller mean ΔF1 either way is a name or two: no evidence to change the setting


def dev_sets(corpora: Path, limit: int | None) -> dict[str, tuple[list[str], list[set], tuple[str, ...]]]:
    """Name → (texts, gold spans per text, the labels scored)."""
    sets = {}
    records = load(corpora / "msra" / "dev.jsonl", limit)
    sets["msra dev"] = ([r["text"] for r in records], [gold_spans(r) for r in records], PLACE_TYPES)
    records = load(CORPUS_DEV, limit)
    gold = [{(s, e, label) for s, e, label in r["entities"]} for r in records]
    sets["corpus dev"] = ([r["text"] for r in records], gold, FOUR_TYPES)
    records = cluener_cut(corpora, limit)
    sets["cluener cut"] = ([r["text"] for r in records], [gold_spans(r) for r in records], PLACE_TYPES)
    return sets


def test_set(limit: int | None) -> dict[str, tuple[list[str], list[set], tuple[str, ...]]]:
    """The event corpus's test split, as :func:`dev_sets` gives the development sets."""
    records = load(CORPUS_DEV.with_name("test.jsonl"), limit)
    gold = [{(s, e, label) for s, e, label in r["entities"]} for r in records]
    return {"corpus test": ([r["text"] for r in records], gold, FOUR_TYPES)}


def model_docs(model: Path, sets: dict, cache: Path) -> dict[str, Path]:
    """Run the NER model alone over each set once; name → the DocBin file of its docs."""
    paths = {name: cache / f"{name.replace(' ', '_')}.spacy" for name in sets}
    if all(p.exists() for p in paths.values()):
        return paths
    nlp = spacy.load(model, exclude=[*RULE_COMPONENTS, EVENT_MODEL])
    kg.nlp.inference.lean_inference(nlp)
    kg.nlp.ner_decode.use_batched_ner(nlp)
    for name, (texts, _, _) in sets.items():
        DocBin(docs=nlp.pipe(texts, batch_size=256), store_user_data=True).to_disk(paths[name])
    return paths


def spans(docs, types: tuple[str, ...]) -> list[set]:
    fold = (lambda label: label) if "GPE" in types else place
    return [{(e.start_char, e.end_char, fold(e.label_)) for e in doc.ents} for doc in docs]


def rule_spans(nlp, path: Path, off: tuple[str, ...], types: tuple[str, ...]) -> list[set]:
    """The entities of the cached model docs after the rule layer with the rules ``off`` left out."""
    rules = EntityRules(nlp, "kg_entity_rules", overwrite=False, off=off)
    return spans((rules(doc) for doc in DocBin().from_disk(path).get_docs(nlp.vocab)), types)


def verdict(deltas: list[float], mean: float) -> str:
    if not any(deltas):
        return "no effect"
    if abs(mean) < MIN_MEAN:
        return "noise"
    if mean <= 0:
        return "off"
    return "restrict" if min(deltas) < -MAX_LOSS else "keep"


def shipped_off(model: Path) -> tuple[str, ...]:
    """The rules the model's pipeline config leaves out."""
    config = spacy.util.load_config(model / "config.cfg")
    return tuple(config["components"].get("kg_entity_rules", {}).get("off", []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    parser.add_argument("--model", type=Path, default=ROOT / "kg" / "resources" / "model")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--test", action="store_true",
                        help="score the event corpus test split as shipped (report only: nothing is chosen on it)")
    parser.add_argument("--only", nargs="*", default=None, choices=RULES, metavar="RULE", help="measure these rules only")
    parser.add_argument("--cache", type=Path, default=None, help="keep the model's docs here between runs")
    args = parser.parse_args()
    sets = test_set(args.limit) if args.test else dev_sets(args.corpora, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        paths = model_docs(args.model, sets, cache)
        nlp = spacy.blank("zh")  # a vocab to read the docs with; the rules read characters only
        results: dict[str, dict[str, dict]] = {}  # row → set → score()
        results["model alone"] = {
            name: score(gold, spans(DocBin().from_disk(paths[name]).get_docs(nlp.vocab), types), types)
            for name, (_, gold, types) in sets.items()
        }
        started = time.perf_counter()
        shipped = shipped_off(args.model)
        runs = [("all rules", ()), ("as shipped", shipped)]
        if not args.test:
            runs += [(rule, tuple(set(shipped) ^ {rule})) for rule in args.only or RULES]
        for row, off in runs:
            results[row] = {name: score(gold, rule_spans(nlp, paths[name], off, types), types)
                            for name, (_, gold, types) in sets.items()}
        seconds = time.perf_counter() - started
    sizes = {name: sum(map(len, gold)) for name, (_, gold, _) in sets.items()}
    print_scores(results, sets, sizes)
    if not args.test:
        print_deltas(results, sets, shipped)
    print(f"\n{len(results) - 1} rule-layer runs over {sum(len(t) for t, _, _ in sets.values())} sentences in {seconds:.0f} s")


def print_scores(results: dict, sets: dict, sizes: dict) -> None:
    for row in ("model alone", "all rules", "as shipped"):
        print(f"\n### {row}\n")
        print("| set (gold entities) | " + " | ".join(f"{t} P/R/F1" for t in FOUR_TYPES + ("PLACE", "ALL")) + " |")
        print("|---|" + "---|" * 6)
        for name in sets:
            cells = []
            for t in FOUR_TYPES + ("PLACE", "ALL"):
                if t in results[row][name]:
                    p, r, f = results[row][name][t]
                    cells.append(f"{p:.3f}/{r:.3f}/**{f:.3f}**" if t == "ALL" else f"{p:.3f}/{r:.3f}/{f:.3f}")
                else:
                    cells.append("")
            print(f"| {name} ({sizes[name]}) | " + " | ".join(cells) + " |")


def print_deltas(results: dict, sets: dict, shipped: tuple[str, ...]) -> None:
    base = results["as shipped"]
    print("\n### ΔF1 of each rule (F1 with the rule − F1 without it, the others as shipped)\n")
    print("| rule | shipped | " + " | ".join(sets) + " | mean | per label (" + " / ".join(n.split()[0] for n in sets) + ") | verdict |")
    print("|---|---|" + "---|" * (len(sets) + 3))
    for row, by_set in results.items():
        if row in ("model alone", "all rules", "as shipped"):
            continue
        sign = -1 if row in shipped else 1  # toggled on from off, or off from on
        delta = {name: {t: sign * (base[name][t][2] - by_set[name][t][2]) for t in base[name]} for name in sets}
        deltas = [delta[name]["ALL"] for name in sets]
        mean = sum(deltas) / len(deltas)
        labels = " / ".join(
            " ".join(f"{t[:3]}{delta[name][t]:+.3f}" for t in types if abs(delta[name][t]) >= 0.0005) or "0"
            for name, (_, _, types) in sets.items())
        cells = " | ".join(f"{d:+.4f}" for d in deltas)
        state = "off" if row in shipped else "on"
        print(f"| {row} | {state} | {cells} | {mean:+.4f} | {labels} | {verdict(deltas, mean)} |")
    print("\nentity F1, model alone → every rule → as shipped: " + "; ".join(
        f"{name} {results['model alone'][name]['ALL'][2]:.3f} → {results['all rules'][name]['ALL'][2]:.3f} → "
        f"{base[name]['ALL'][2]:.3f}" for name in sets))


if __name__ == "__main__":
    main()
