"""``kg_event_model``: events decided by models trained on kg's annotated news (``kg train-events``).

For each trigger candidate (:mod:`kg.nlp.event_features`) one network says event or not and of which
class, a second its modality, and for each name of its sentence a third says its role or none. They
read the pipeline's own encoder and, with ``use_rules``, what the rule layer decided, which is why
the component runs after ``kg_events`` and replaces ``doc._.kg_events`` with its own. Small
networks (thinc, CPU): two hidden layers of ``hidden`` units each; ``members`` sets of them, trained
from different seeds, whose probabilities are averaged (on the dev split three scored 0.03 higher
than one).
"""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Model, Relu, Softmax, chain

from kg.nlp.event_features import (
    CLASSES, MODALITIES, ROLES, Vectors, candidates, pair_mentions, pair_vector, rule_events_at, trigger_vector,
)
from kg.nlp.events import amounts_of, time_of
from kg.nlp.records import Argument, Event, Mention
from kg.nlp.text import clauses

NONE = 0  # the first output of the trigger and role networks: no event, no role
TWO_SIDED = ("Signing", "Cooperation", "Meeting")


def _one_each(text: str, sentence: tuple[int, int], at: int, cls: str, arguments: list[Argument]) -> list[list[Argument]]:
    """X 分别与 A、B, C、D 签约 tells one event per partner (as the rule layer reads 分别, and the
    guideline annotates it), 分别 anywhere before the trigger in its sentence: the arguments of each;
    else the arguments as one event."""
    partners = [a for a in arguments if a.role == "partner"]
    if cls not in TWO_SIDED or len(partners) < 2 or "分别" not in text[sentence[0]:at]:
        return [arguments]
    rest = [a for a in arguments if a.role != "partner"]
    return [rest + [p] for p in partners]


def network(hidden: int, n_out: int, dropout: float = 0.2) -> Model:
    return chain(Relu(nO=hidden, dropout=dropout), Relu(nO=hidden, dropout=dropout), Softmax(nO=n_out))


HEADS = {"triggers": len(CLASSES) + 1, "modality": len(MODALITIES), "roles": len(ROLES) + 1}


class Member:
    """One set of the three networks."""

    def __init__(self, hidden: int):
        self.triggers = network(hidden, HEADS["triggers"])
        self.modality = network(hidden, HEADS["modality"])
        self.roles = network(hidden, HEADS["roles"])

    def initialize(self, trigger_X: numpy.ndarray, pair_X: numpy.ndarray) -> None:
        for head, X in (("triggers", trigger_X), ("modality", trigger_X), ("roles", pair_X)):
            getattr(self, head).initialize(X=X[:8], Y=numpy.eye(HEADS[head], dtype="float32")[[0] * len(X[:8])])

    def to_bytes(self) -> list[bytes]:
        return [getattr(self, head).to_bytes() for head in HEADS]

    def from_bytes(self, data: list[bytes]) -> "Member":
        for head, blob in zip(HEADS, data):
            getattr(self, head).from_bytes(blob)
        return self


class _Seen:
    """What the networks read of one doc."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        self.mentions = doc._.kg_mentions or []
        self.rule_events = doc._.kg_events or []
        self.cands = candidates(doc, self.mentions)
        self.vectors = Vectors(doc) if self.cands else None


class EventModel:
    def __init__(self, nlp: Language, name: str, *, use_rules: bool, hidden: int, members: int = 3):
        self.name = name
        self.use_rules = use_rules
        self.hidden = hidden
        self.members = [Member(hidden) for _ in range(members)]
        self.event_threshold = 0.5  # a candidate is an event where P(no event) is below this
        self.role_threshold = 0.5  # a name takes part where P(no role) is below this
        self.ready = False

    def initialize(self, trigger_X: numpy.ndarray, pair_X: numpy.ndarray) -> None:
        """Shapes from a sample of inputs (``kg train-events`` does this before training)."""
        for member in self.members:
            member.initialize(trigger_X, pair_X)
        self.ready = True

    def _average(self, head: str, X: numpy.ndarray) -> numpy.ndarray:
        return numpy.mean([getattr(m, head).predict(X) for m in self.members], axis=0)

    def __call__(self, doc: Doc) -> Doc:
        if self.ready:
            doc._.kg_events = self.predict(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The docs with their events, the networks run once per head for a batch of docs (a call per
        doc cost more in overhead than in arithmetic)."""
        for batch in minibatch(docs, batch_size):
            if self.ready:
                for doc, events in zip(batch, self.predict_batch(batch)):
                    doc._.kg_events = events
            yield from batch

    def predict(self, doc: Doc) -> list[Event]:
        return self.predict_batch([doc])[0]

    def predict_batch(self, docs: list[Doc]) -> list[list[Event]]:
        """Each doc's events: its trigger candidates' classes and modalities, then the roles of the
        names of the candidates that are events."""
        seen = [_Seen(doc) for doc in docs]
        rows = [(d, c) for d in seen for c in d.cands]
        if not rows:
            return [[] for _ in docs]
        X = numpy.stack([trigger_vector(d.vectors, c, rule_events_at(d.rule_events, c.start), self.use_rules) for d, c in rows])
        classes, modality = self._average("triggers", X), self._average("modality", X)
        events = [(d, c, CLASSES[int(classes[i][1:].argmax())], i) for i, (d, c) in enumerate(rows)
                  if classes[i][NONE] < self.event_threshold]
        pairs = [(k, m) for k, (d, c, _, _) in enumerate(events) for m in pair_mentions(c, d.mentions)]
        roles = numpy.zeros((0, len(ROLES) + 1), dtype="float32")
        if pairs:
            P = numpy.stack([pair_vector(events[k][0].text, events[k][0].vectors, events[k][1], m, events[k][2],
                                         events[k][0].mentions, rule_events_at(events[k][0].rule_events, events[k][1].start),
                                         self.use_rules) for k, m in pairs])
            roles = self._average("roles", P)
        by_event: dict[int, list[tuple[Mention, numpy.ndarray]]] = {}
        for (k, m), p in zip(pairs, roles):
            by_event.setdefault(k, []).append((m, p))
        found: dict[int, list[Event]] = {id(d): [] for d in seen}
        for k, (d, cand, cls, i) in enumerate(events):
            arguments, places = self._arguments(by_event.get(k, []))
            if not arguments and not places:
                continue
            text = d.text
            clause = next(((a, b) for a, b in clauses(text, *cand.sentence) if a <= cand.start < b), cand.sentence)
            for parties in _one_each(text, cand.sentence, cand.start, cls, arguments):
                found[id(d)].append(Event(
                    cls=cls, trigger=cand.word, trigger_start=cand.start, sentence=cand.sentence,
                    arguments=tuple(parties), places=tuple(places), time_text=time_of(text, cand.sentence, cand.start),
                    modality=MODALITIES[int(modality[i].argmax())],
                    confidence=round(float(classes[i][CLASSES.index(cls) + 1]), 3),
                    amounts=amounts_of(text, cls, clause, cand.sentence),
                ))
        return [found[id(d)] for d in seen]

    def _arguments(self, scored: list[tuple[Mention, numpy.ndarray]]) -> tuple[list[Argument], list[Mention]]:
        arguments, places, seen = [], [], set()
        for mention, p in scored:
            if p[NONE] >= self.role_threshold or mention.name in seen:
                continue
            seen.add(mention.name)
            role = ROLES[int(p[1:].argmax())]
            if role == "place":
                places.append(mention)
            elif role != "representative" or mention.label == "PERSON":
                arguments.append(Argument(role, mention))
        return arguments, places

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"use_rules": self.use_rules, "hidden": self.hidden, "members": len(self.members),
               "event_threshold": self.event_threshold, "role_threshold": self.role_threshold}
        (path / "cfg").write_text(json.dumps(cfg) + "\n", encoding="utf-8")
        for i, member in enumerate(self.members):
            for head, blob in zip(HEADS, member.to_bytes()):
                (path / f"{head}-{i}.bin").write_bytes(blob)

    def from_disk(self, path, *, exclude=()) -> "EventModel":
        path = Path(path)
        cfg = json.loads((path / "cfg").read_text(encoding="utf-8"))
        self.use_rules, self.hidden = cfg["use_rules"], cfg["hidden"]
        self.event_threshold, self.role_threshold = cfg["event_threshold"], cfg["role_threshold"]
        self.members = [Member(self.hidden).from_bytes([(path / f"{head}-{i}.bin").read_bytes() for head in HEADS])
                        for i in range(cfg["members"])]
        self.ready = True
        return self


@Language.factory("kg_event_model", default_config={"use_rules": True, "hidden": 128, "members": 3})
def make_event_model(nlp: Language, name: str, *, use_rules: bool, hidden: int, members: int) -> EventModel:
    return EventModel(nlp, name, use_rules=use_rules, hidden=hidden, members=members)
