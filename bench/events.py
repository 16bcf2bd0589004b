"""kg's events three ways, side by side: the rule layer alone, the trained event component over
the rules (what ``kg build`` ships), and a component trained without the rules' decisions.

    python bench/events.py [--split test] [--alone DIR] [--model DIR] [--no-gold]

1. On a split of kg's event corpus (``annotations/events/{split}.jsonl``, default the test split):
   trigger P/R/F1 (class and an overlapping trigger), event participants P/R/F1 (sentence, class,
   role, name as written) and participant pairs F1, and characters per second of the whole pipeline
   (one process, numpy's BLAS held to one thread: per core), over kg's own NER model and rules.
2. On the untuned gold sets heldout, web2 and web3 pooled: ``kg build`` then ``kg eval``, event
   participants and pairs (kg eval's definitions: by canonical name, per article).
3. Event coreference on the split's whole documents (``annotations/events/coreference.jsonl``):
   B³ and MUC F1 of :mod:`kg.nlp.event_coref` over the readers' event mentions, against every
   mention an event of its own; and on the seed page, how many of the events its readers say are
   told more than once come out as more than one node of ``kg build``'s graph.

``--alone DIR``: the component trained with ``kg train-events … --no-rules --output DIR`` (the
"model alone" row; left out without it). ``--model DIR``: a component to score instead of the shipped one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import kg  # noqa: E402
from kg.build import build  # noqa: E402
from kg.evaluate.score import evaluate  # noqa: E402
from kg.nlp.event_coref import Told, clusters, party  # noqa: E402
from kg.nlp.event_training import read_corpus, score  # noqa: E402

CORPUS = ROOT / "annotations" / "events"
GOLD = ROOT / "tests" / "gold"
UNTUNED = ("heldout", "web2", "web3")


def corpus_rows(pipelines: dict[str, str], records: list[dict]) -> list[str]:
    rows = []
    texts = [r["text"] for r in records]
    chars = sum(map(len, texts))
    for name, events in pipelines.items():
        nlp = kg.load(events=events)
        list(nlp.pipe(texts[:50]))  # warm up: jieba's tables, the first batch's allocations
        with threadpool_limits(limits=1, user_api="blas"):
            started = time.perf_counter()
            docs = list(nlp.pipe(texts))
            seconds = time.perf_counter() - started
        s = score([d._.kg_events or [] for d in docs], records)
        t, p, pr = s["triggers"], s["participants"], s["pairs"]
        rows.append(f"| {name} | {t[0]:.3f} / {t[1]:.3f} / {t[2]:.3f} | {p[0]:.3f} / {p[1]:.3f} / **{p[2]:.3f}** "
                    f"| {pr[2]:.3f} | {chars / seconds:,.0f} |")
    return rows


def gold_rows(pipelines: dict[str, str]) -> list[str]:
    rows = []
    for name, events in pipelines.items():
        totals = {"participants": [0, 0, 0], "pairs": [0, 0, 0]}  # correct found, found, gold
        per_set = []
        for gold in UNTUNED:
            with tempfile.TemporaryDirectory() as tmp:
                build([GOLD / gold / "sentences.md"], Path(tmp) / "out", events=events, cache=False, workers=1)
                report = evaluate(Path(tmp) / "out" / "graph.ttl", [GOLD / gold / f"{gold}.json"])
            for key, label in (("participants", "event participants"), ("pairs", "participant pairs")):
                sc = report.scores[label]
                correct = sc.tp if sc.correct is None else sc.correct
                totals[key] = [totals[key][0] + correct, totals[key][1] + sc.predicted, totals[key][2] + sc.gold]
            per_set.append(f"{gold} {report.scores['event participants'].f1:.3f}")
        cells = []
        for key in ("participants", "pairs"):
            correct, found, gold_n = totals[key]
            p = correct / found if found else 0.0
            r = correct / gold_n if gold_n else 0.0
            cells.append(f"{p:.3f} / {r:.3f} / **{2 * p * r / (p + r) if p + r else 0.0:.3f}**")
        rows.append(f"| {name} | {cells[0]} | {cells[1]} | {', '.join(per_set)} |")
    return rows


def _b3_muc(gold: list[set], found: list[set]) -> tuple[float, float]:
    """B³ and MUC F1 of a clustering ``found`` of the same mentions as ``gold``."""
    where_g = {m: c for c in gold for m in c}
    where_f = {m: c for c in found for m in c}
    mentions = list(where_g)
    p = sum(len(where_g[m] & where_f[m]) / len(where_f[m]) for m in mentions) / len(mentions)
    r = sum(len(where_g[m] & where_f[m]) / len(where_g[m]) for m in mentions) / len(mentions)
    b3 = 2 * p * r / (p + r) if p + r else 0.0

    def muc(key: list[set], response: dict) -> float:
        num = sum(len(c) - len({id(response[m]) for m in c}) for c in key)
        den = sum(len(c) - 1 for c in key)
        return num / den if den else 0.0

    mr, mp = muc(gold, where_f), muc(found, where_g)
    return b3, (2 * mp * mr / (mp + mr) if mp + mr else 0.0)


def coreference_rows(split: str) -> list[str]:
    docs = [json.loads(line) for line in (CORPUS / "coreference.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [d for d in docs if d["split"] == split]
    gold_all, single_all, found_all = [], [], []
    n_mentions = 0
    for d in docs:
        mentions = []
        for i, (text, ann) in enumerate(zip(d["sentences"], d["annotations"])):
            for j, ev in enumerate(ann["events"]):
                parties = frozenset(party(text[a["span"][0]:a["span"][1]]) for a in ev["arguments"]
                                    if a["role"] in ("agent", "partner", "theme", "destination"))
                time_text = text[ev["time"][0]:ev["time"][1]] if ev.get("time") else None
                mentions.append(((d["doc"], i, j), Told(ev["class"], parties, time_text, ev["modality"]), ev["cluster"]))
        n_mentions += len(mentions)
        by_cluster: dict[str, set] = {}
        for key, _, cluster in mentions:
            by_cluster.setdefault(cluster, set()).add(key)
        gold_all += list(by_cluster.values())
        single_all += [{key} for key, _, _ in mentions]
        found_all += [set(k for k, _, _ in group) for group in clusters(mentions, key=lambda m: m[1])]
    b3_s, muc_s = _b3_muc(gold_all, single_all)
    b3_f, muc_f = _b3_muc(gold_all, found_all)
    return [f"| every mention an event | {b3_s:.3f} | {muc_s:.3f} |",
            f"| kg's merging (`kg/nlp/event_coref.py`) | {b3_f:.3f} | {muc_f:.3f} |",
            f"({len(docs)} documents of the {split} split, {n_mentions} event mentions, {len(gold_all)} events)"]


def seed_rows(pipelines: dict[str, str]) -> list[str]:
    """Events the seed page's readers say are told more than once, and how many nodes each became."""
    (seed,) = [json.loads(line) for line in (CORPUS / "coreference.jsonl").read_text(encoding="utf-8").splitlines()
               if json.loads(line)["split"] == "seed"]
    told: dict[str, list[tuple[str, str, str]]] = {}
    for text, ann in zip(seed["sentences"], seed["annotations"]):
        for ev in ann["events"]:
            told.setdefault(ev["cluster"], []).append((ev["class"], text, text[ev["trigger"][0]:ev["trigger"][1]]))
    retold = {c: m for c, m in told.items() if len(m) > 1}
    rows = []
    for name, events in pipelines.items():
        with tempfile.TemporaryDirectory() as tmp:
            build(sorted((ROOT / "seeds").glob("*.txt")), Path(tmp) / "out", events=events, cache=False, workers=1)
            graph = Graph().parse(Path(tmp) / "out" / "graph.ttl", format="turtle")
        nodes = {}
        for ev, cls, anchor, trigger in graph.query("""
            PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            SELECT ?ev ?cls ?anchor ?trigger WHERE { ?ev a ?cls ; kg:trigger ?trigger ;
              prov:wasDerivedFrom/nif:anchorOf ?anchor . FILTER(STRSTARTS(STR(?cls), STR(kg:))) }"""):
            nodes.setdefault(str(ev), []).append((str(cls).rsplit("#", 1)[1], str(anchor), str(trigger)))

        def tells(node: list, mention: tuple) -> bool:
            cls, text, trigger = mention
            return any(c == cls and t == trigger and (text in a or a in text) for c, a, t in node)

        split = [c for c, mentions in retold.items()
                 if len({ev for ev, node in nodes.items() if any(tells(node, m) for m in mentions)}) > 1]
        rows.append(f"| {name} | {len(retold)} | {len(split)} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--model", help="a kg train-events folder to score instead of the shipped component")
    ap.add_argument("--alone", help="a component trained with --no-rules (the model-alone row)")
    ap.add_argument("--no-gold", action="store_true", help="skip the gold sets and the seed page (faster)")
    args = ap.parse_args()
    pipelines = {"rules alone": "rules", "rules + model": args.model or "model"}
    if args.alone:
        pipelines["model alone"] = args.alone
    records = read_corpus([CORPUS / f"{args.split}.jsonl"])
    print(f"## {args.split} split of annotations/events ({len(records)} sentences)\n")
    print("| events | triggers P / R / F1 | event participants P / R / F1 | pairs F1 | characters/s per core |")
    print("|---|---|---|---|---|")
    print("\n".join(corpus_rows(pipelines, records)))
    if not args.no_gold:
        print("\n## heldout + web2 + web3 pooled (kg build, kg eval)\n")
        print("| events | event participants P / R / F1 | participant pairs P / R / F1 | participants F1 by set |")
        print("|---|---|---|---|")
        print("\n".join(gold_rows(pipelines)))
    print(f"\n## Event coreference ({args.split} documents, the readers' mentions)\n")
    print("| clustering | B³ F1 | MUC F1 |")
    print("|---|---|---|")
    print("\n".join(coreference_rows(args.split)))
    if not args.no_gold:
        print("\n## Seed page: events told more than once\n")
        print("| events | told more than once (readers) | of them, more than one node |")
        print("|---|---|---|")
        print("\n".join(seed_rows(pipelines)))


if __name__ == "__main__":
    main()
