"""Train and score ``kg_event_model`` on kg's event corpus (``annotations/events/*.jsonl``).

The corpus's sentences go through kg's pipeline (NER, rules, events: what the model will see at
run time), each trigger candidate and each (trigger, name) pair of a sentence is labelled from the
reading, and the three networks learn from them with thinc's Adam; the epoch whose model scores
best on the dev split is kept. Scores compare by surface text: (sentence, class, role, name).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from spacy.tokens import Doc
from thinc.api import Adam, CategoricalCrossentropy, fix_random_seed

from kg.nlp.event_features import (
    CLASSES, MODALITIES, ROLES, Vectors, candidates, pair_mentions, pair_vector, rule_events_at, trigger_vector,
)
from kg.nlp.event_model import EventModel
from kg.nlp.records import Event, Mention

PARTIES = ("agent", "partner", "theme", "destination")  # the roles "event participants" scores
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)  # "none" loses below these probabilities (chosen on dev)


def read_corpus(paths: Iterable[Path]) -> list[dict]:
    records = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError as err:
                    raise ValueError(f"{path}:{n}: not JSON ({err})") from None
    return records


@dataclass
class Examples:
    trigger_X: list = field(default_factory=list)
    trigger_y: list = field(default_factory=list)
    modality_X: list = field(default_factory=list)
    modality_y: list = field(default_factory=list)
    pair_X: list = field(default_factory=list)
    pair_y: list = field(default_factory=list)
    unreachable: int = 0  # gold events whose trigger no candidate covers


def _gold_at(record: dict, start: int, end: int) -> list[dict]:
    return [ev for ev in record["events"] if ev["trigger"][0] < end and start < ev["trigger"][1]]


def _with_gold_names(doc: Doc, record: dict, mentions: list[Mention]) -> list[Mention]:
    """The pipeline's mentions and, where it missed them, the reading's entities: the role network
    learns from every name a reader marked, not only from those the NER model found."""
    have = {(m.start, m.end) for m in mentions}
    text = doc.text
    extra = [Mention(s, e, label, text[s:e], text[s:e]) for s, e, label in record["entities"]
             if (s, e) not in have and not any(m.start < e and s < m.end for m in mentions)]
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))


def examples(docs: list[Doc], records: list[dict], use_rules: bool, gold_names: bool = True) -> Examples:
    """Labelled inputs of the three networks, from docs the pipeline made of the records' texts."""
    out = Examples()
    for doc, record in zip(docs, records):
        text, mentions, rule_events = doc.text, doc._.kg_mentions or [], doc._.kg_events or []
        named = _with_gold_names(doc, record, mentions) if gold_names else mentions
        cands = candidates(doc, mentions)
        vectors = Vectors(doc)
        covered = set()
        for cand in cands:
            rules_here = rule_events_at(rule_events, cand.start)
            x = trigger_vector(vectors, cand, rules_here, use_rules)
            gold = _gold_at(record, cand.start, cand.end)
            out.trigger_X.append(x)
            out.trigger_y.append(CLASSES.index(gold[0]["class"]) + 1 if gold else 0)
            if not gold:
                continue
            covered |= {id(ev) for ev in gold}
            out.modality_X.append(x)
            out.modality_y.append(MODALITIES.index(gold[0]["modality"]))
            roles = {}
            for ev in gold:
                for arg in ev["arguments"]:
                    roles.setdefault(tuple(arg["span"]), arg["role"])
            by_text = {text[a:b]: r for (a, b), r in roles.items()}
            for m in pair_mentions(cand, named):
                role = roles.get((m.start, m.end)) or by_text.get(text[m.start:m.end])
                out.pair_X.append(pair_vector(text, vectors, cand, m, gold[0]["class"], named, rules_here, use_rules))
                out.pair_y.append(ROLES.index(role) + 1 if role else 0)
        out.unreachable += sum(id(ev) not in covered for ev in record["events"])
    return out


def _fit(model, X: numpy.ndarray, y: numpy.ndarray, optimizer, loss, rng: random.Random, batch: int = 64) -> float:
    order = list(range(len(X)))
    rng.shuffle(order)
    total = 0.0
    for i in range(0, len(order), batch):
        idx = order[i:i + batch]
        guesses, backprop = model.begin_update(X[idx])
        grad, value = loss(guesses, y[idx])
        backprop(grad)
        model.finish_update(optimizer)
        total += float(value)
    return total


def train(component: EventModel, train_docs: list[Doc], train_records: list[dict], dev_docs: list[Doc],
          dev_records: list[dict], *, epochs: int = 30, seed: int = 0, learn_rate: float = 0.001,
          log: Callable[[str], None] = print) -> dict:
    """Train ``component`` in place: each member from its own seed, keeping its epoch best on dev
    (alone); then the thresholds that score the averaged members best on dev.

    Returns:
        The dev scores of the trained component, with each member's epoch, the thresholds and the
        training set's sizes.
    """
    ex = examples(train_docs, train_records, component.use_rules)
    arrays = {k: numpy.asarray(v, dtype="float32" if k.endswith("X") else "int32")
              for k, v in vars(ex).items() if isinstance(v, list)}
    component.initialize(arrays["trigger_X"], arrays["pair_X"])
    members, kept_epochs = component.members, []
    for i, member in enumerate(members):
        fix_random_seed(seed + i)
        rng = random.Random(seed + i)
        optimizer = Adam(learn_rate)
        loss = CategoricalCrossentropy(normalize=True)
        component.members = [member]  # score this member alone while it trains
        best, best_bytes = None, None
        for epoch in range(1, epochs + 1):
            _fit(member.triggers, arrays["trigger_X"], arrays["trigger_y"], optimizer, loss, rng)
            _fit(member.modality, arrays["modality_X"], arrays["modality_y"], optimizer, loss, rng)
            _fit(member.roles, arrays["pair_X"], arrays["pair_y"], optimizer, loss, rng)
            f1 = score([component.predict(d) for d in dev_docs], dev_records)["participants"][2]
            log(f"member {i + 1}/{len(members)}, epoch {epoch:2d}: dev event participants F1 {f1:.3f}")
            if best is None or f1 > best[1]:
                best, best_bytes = (epoch, f1), member.to_bytes()
        member.from_bytes(best_bytes)
        kept_epochs.append(best[0])
    component.members = members
    tuned = None
    for t_event in THRESHOLDS:
        for t_role in THRESHOLDS:
            component.event_threshold, component.role_threshold = t_event, t_role
            scores = score([component.predict(d) for d in dev_docs], dev_records)
            if tuned is None or scores["participants"][2] > tuned[2]["participants"][2]:
                tuned = (t_event, t_role, scores)
    component.event_threshold, component.role_threshold = tuned[0], tuned[1]
    log(f"{len(members)} members, thresholds event {tuned[0]}, role {tuned[1]}: "
        f"dev event participants F1 {tuned[2]['participants'][2]:.3f}")
    return {**tuned[2], "epochs": kept_epochs, "event_threshold": tuned[0], "role_threshold": tuned[1],
            "trigger_examples": len(ex.trigger_y), "event_triggers": int(sum(y > 0 for y in ex.trigger_y)),
            "pair_examples": len(ex.pair_y), "unreachable_events": ex.unreachable}


def _prf(gold: set, found: set) -> tuple[float, float, float]:
    hit = len(gold & found)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(predicted: list[list[Event]], records: list[dict]) -> dict:
    """Triggers (class and overlapping span), event participants (class, role, name) and participant
    pairs of ``predicted`` events against the records' readings; gold events count where they have a
    named party or place (kg makes no event without one)."""
    gold_p, found_p, gold_pairs, found_pairs = set(), set(), set(), set()
    trig_hit = trig_found = trig_gold = 0
    for events, record in zip(predicted, records):
        sid, text = record["id"], record["text"]
        golds = [ev for ev in record["events"] if ev["arguments"]]
        trig_gold += len(golds)
        for ev in golds:
            names = {text[a["span"][0]:a["span"][1]] for a in ev["arguments"] if a["role"] in PARTIES}
            gold_p |= {(sid, ev["class"], a["role"], text[a["span"][0]:a["span"][1]]) for a in ev["arguments"] if a["role"] in PARTIES}
            gold_pairs |= {(sid, ev["class"], frozenset((x, y))) for x in names for y in names if x < y}
        matched = set()
        for e in events:
            trig_found += 1
            hit = next((i for i, ev in enumerate(golds) if i not in matched and ev["class"] == e.cls
                        and ev["trigger"][0] < e.trigger_start + len(e.trigger) and e.trigger_start < ev["trigger"][1]), None)
            if hit is not None:
                matched.add(hit)
                trig_hit += 1
            parties = [a for a in e.arguments if a.role in PARTIES]
            names = {text[a.mention.start:a.mention.end] for a in parties}
            found_p |= {(sid, e.cls, a.role, text[a.mention.start:a.mention.end]) for a in parties}
            found_pairs |= {(sid, e.cls, frozenset((x, y))) for x in names for y in names if x < y}
    p = trig_hit / trig_found if trig_found else 0.0
    r = trig_hit / trig_gold if trig_gold else 0.0
    return {"triggers": (p, r, 2 * p * r / (p + r) if p + r else 0.0),
            "participants": _prf(gold_p, found_p), "pairs": _prf(gold_pairs, found_pairs)}


def train_component(corpus: list[Path], dev: list[Path], output: Path, *, epochs: int = 30, hidden: int = 128,
                    members: int = 3, use_rules: bool = True, seed: int = 0,
                    log: Callable[[str], None] | None = print) -> dict:
    """``kg train-events``: read the corpora, run kg's pipeline over them (without an event model),
    train, save the component to ``output``; returns the kept epoch's dev scores.

    Raises:
        ValueError: a corpus line that is not JSON or not annotated (naming the file and line).
    """
    import kg

    train_records, dev_records = read_corpus(corpus), read_corpus(dev)
    for path, records in ((corpus, train_records), (dev, dev_records)):
        bad = next((r for r in records if not {"text", "events"} <= r.keys()), None)
        if bad is not None:
            raise ValueError(f"{', '.join(map(str, path))}: a line without text and events: {str(bad)[:80]}")
    nlp = kg.load(events="rules")
    say = log or (lambda _: None)
    say(f"reading {len(train_records)} training and {len(dev_records)} dev sentences with kg's pipeline")
    train_docs = list(nlp.pipe(r["text"] for r in train_records))
    dev_docs = list(nlp.pipe(r["text"] for r in dev_records))
    component = EventModel(nlp, "kg_event_model", use_rules=use_rules, hidden=hidden, members=members)
    best = train(component, train_docs, train_records, dev_docs, dev_records, epochs=epochs, seed=seed, log=say)
    component.to_disk(output)
    (Path(output) / "training.json").write_text(json.dumps(
        {"corpus": [str(p) for p in corpus], "dev": [str(p) for p in dev], "epochs": epochs, "hidden": hidden,
         "members": members, "use_rules": use_rules, "seed": seed, "best": best}, indent=1) + "\n", encoding="utf-8")
    return best
