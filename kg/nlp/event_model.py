"""``kg_event_model``: events decided by models trained on kg's annotated news (``kg train-events``).

For each trigger candidate (:mod:`kg.nlp.event_features`) one network says event or not and of which
class, a second its modality, and for each name of its sentence a third says its role or none. They
read the pipeline's own encoder and, with ``use_rules``, what the rule layer decided, which is why
the component runs after ``kg_events`` and replaces ``doc._.kg_events`` with its own. Small
networks (thinc, CPU): two hidden layers of ``hidden`` units each.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, Relu, Softmax, chain

from kg.nlp.event_features import (
    CLASSES, MODALITIES, ROLES, Candidate, Vectors, candidates, pair_mentions, pair_vector, rule_events_at,
    trigger_vector,
)
from kg.nlp.events import _amounts, _time
from kg.nlp.records import Argument, Event, Mention
from kg.nlp.text import clauses

NONE = 0  # the first output of the trigger and role networks: no event, no role


def network(hidden: int, n_out: int, dropout: float = 0.2) -> Model:
    return chain(Relu(nO=hidden, dropout=dropout), Relu(nO=hidden, dropout=dropout), Softmax(nO=n_out))


class EventModel:
    def __init__(self, nlp: Language, name: str, *, use_rules: bool, hidden: int):
        self.name = name
        self.use_rules = use_rules
        self.hidden = hidden
        self.triggers = network(hidden, len(CLASSES) + 1)
        self.modality = network(hidden, len(MODALITIES))
        self.roles = network(hidden, len(ROLES) + 1)
        self.event_threshold = 0.5  # a candidate is an event where P(no event) is below this
        self.role_threshold = 0.5  # a name takes part where P(no role) is below this
        self.ready = False

    def initialize(self, trigger_X: numpy.ndarray, pair_X: numpy.ndarray) -> None:
        """Shapes from a sample of inputs (``kg train-events`` does this before training)."""
        self.triggers.initialize(X=trigger_X[:8], Y=numpy.eye(len(CLASSES) + 1, dtype="float32")[:1].repeat(len(trigger_X[:8]), 0))
        self.modality.initialize(X=trigger_X[:8], Y=numpy.eye(len(MODALITIES), dtype="float32")[:1].repeat(len(trigger_X[:8]), 0))
        self.roles.initialize(X=pair_X[:8], Y=numpy.eye(len(ROLES) + 1, dtype="float32")[:1].repeat(len(pair_X[:8]), 0))
        self.ready = True

    def __call__(self, doc: Doc) -> Doc:
        if self.ready:
            doc._.kg_events = self.predict(doc)
        return doc

    def predict(self, doc: Doc) -> list[Event]:
        text = doc.text
        mentions = doc._.kg_mentions or []
        rule_events = doc._.kg_events or []
        cands = candidates(doc, mentions)
        if not cands:
            return []
        vectors = Vectors(doc)
        X = numpy.stack([trigger_vector(vectors, c, rule_events_at(rule_events, c.start), self.use_rules) for c in cands])
        classes = self.triggers.predict(X)
        modality = self.modality.predict(X)
        events = []
        for i, cand in enumerate(cands):
            if classes[i][NONE] >= self.event_threshold:
                continue
            best = int(classes[i][1:].argmax()) + 1
            cls = CLASSES[best - 1]
            arguments, places = self.arguments(text, vectors, cand, cls, mentions, rule_events_at(rule_events, cand.start))
            if not arguments and not places:
                continue
            clause = next(((a, b) for a, b in clauses(text, *cand.sentence) if a <= cand.start < b), cand.sentence)
            events.append(Event(
                cls=cls, trigger=cand.word, trigger_start=cand.start, sentence=cand.sentence,
                arguments=tuple(arguments), places=tuple(places), time_text=_time(text, cand.sentence, cand.start),
                modality=MODALITIES[int(modality[i].argmax())], confidence=round(float(classes[i][best]), 3),
                amounts=_amounts(text, cls, clause, cand.sentence),
            ))
        return events

    def arguments(self, text: str, vectors: Vectors, cand: Candidate, cls: str, mentions: list[Mention],
                  rule_events: list[Event]) -> tuple[list[Argument], list[Mention]]:
        pairs = pair_mentions(cand, mentions)
        if not pairs:
            return [], []
        X = numpy.stack([pair_vector(text, vectors, cand, m, cls, mentions, rule_events, self.use_rules) for m in pairs])
        probs = self.roles.predict(X)
        arguments, places, seen = [], [], set()
        for mention, p in zip(pairs, probs):
            role = int(p[1:].argmax()) + 1
            if p[NONE] >= self.role_threshold or mention.name in seen:
                continue
            seen.add(mention.name)
            name = ROLES[role - 1]
            if name == "place":
                places.append(mention)
            elif name != "representative" or mention.label == "PERSON":
                arguments.append(Argument(name, mention))
        return arguments, places

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"use_rules": self.use_rules, "hidden": self.hidden, "event_threshold": self.event_threshold,
               "role_threshold": self.role_threshold}
        (path / "cfg").write_text(json.dumps(cfg) + "\n", encoding="utf-8")
        for name in ("triggers", "modality", "roles"):
            (path / f"{name}.bin").write_bytes(getattr(self, name).to_bytes())

    def from_disk(self, path, *, exclude=()) -> "EventModel":
        path = Path(path)
        cfg = json.loads((path / "cfg").read_text(encoding="utf-8"))
        self.use_rules, self.hidden = cfg["use_rules"], cfg["hidden"]
        self.event_threshold, self.role_threshold = cfg["event_threshold"], cfg["role_threshold"]
        for name, n_out in (("triggers", len(CLASSES) + 1), ("modality", len(MODALITIES)), ("roles", len(ROLES) + 1)):
            model = network(self.hidden, n_out)
            setattr(self, name, model.from_bytes((path / f"{name}.bin").read_bytes()))
        self.ready = True
        return self


@Language.factory("kg_event_model", default_config={"use_rules": True, "hidden": 128})
def make_event_model(nlp: Language, name: str, *, use_rules: bool, hidden: int) -> EventModel:
    return EventModel(nlp, name, use_rules=use_rules, hidden=hidden)
