"""What the event model sees: trigger candidates of a Doc and the vectors that describe them.

A candidate is an occurrence of a word of ``events/triggers.tsv`` or ``events/candidate_triggers.tsv``
(longest first, not inside an entity). It is described by the pipeline's own encoder (``doc.tensor``:
the mean over its characters and the characters either side), the class its word is listed with, and
what the rule layer decided there (``doc._.kg_events``: class and modality, or none). A (trigger,
mention) pair of one sentence is described by both spans' vectors, the mention's type, their order
and distance, the function words between them (与, 由, 为, 被 …), how many names stand between, the
role the rule layer gave the mention, and the trigger's class.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from kg.nlp import lexicons
from kg.nlp.records import Event, Mention
from kg.nlp.text import sentences

CLASSES = ("Signing", "Unveiling", "Cooperation", "Hosting", "Opening", "Founding", "MoveIn",
           "Investment", "Appointment", "Meeting", "Commission", "Acquisition")
MODALITIES = ("asserted", "planned", "negated")
ROLES = ("agent", "partner", "theme", "destination", "place", "representative")
LABELS = ("PERSON", "ORG", "GPE", "LOC")
MARKERS = tuple("与和同跟及、由为被受在向对将把从到赴于")  # function words whose place decides roles
DISTANCES = (0, 2, 5, 10, 20, 40)  # characters between trigger and mention: bucket bounds
HASHED = 2048  # width of the hashed context features (characters and short strings around the spans)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    word: str
    listed: str  # the class the word is listed with
    sentence: tuple[int, int]


@lru_cache(maxsize=1)
def candidate_words() -> dict[str, str]:
    words = dict(lexicons.table("events/candidate_triggers.tsv"))
    words.update(lexicons.table("events/triggers.tsv"))
    return words


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(candidate_words(), key=len, reverse=True))))


def candidates(doc: Doc, mentions: list[Mention]) -> list[Candidate]:
    """Trigger candidates of ``doc``, in text order, none inside an entity mention."""
    text = doc.text
    found = []
    for sent in sentences(text):  # the sentences kg_sentences sets, read without building spans
        for m in _candidate_re().finditer(text, *sent):
            if any(x.start <= m.start() and m.end() <= x.end for x in mentions):
                continue
            found.append(Candidate(m.start(), m.end(), m.group(0), candidate_words()[m.group(0)], sent))
    return found


def _one_hot(index: int | None, size: int) -> numpy.ndarray:
    v = numpy.zeros(size, dtype="float32")
    if index is not None:
        v[index] = 1.0
    return v


class Vectors:
    """Mean encoder vectors of character spans of one Doc (and its text)."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        self.tensor = doc.tensor if doc.tensor is not None and len(doc.tensor) else numpy.zeros((len(doc), 1), "float32")
        self.token_at = numpy.full(len(self.text) + 1, -1, dtype="int64")
        starts, lengths = doc.to_array(IDX).astype("int64"), doc.to_array(LENGTH).astype("int64")
        for i in numpy.nonzero(lengths != 1)[0]:  # a token of several characters (or none)
            self.token_at[starts[i]:starts[i] + lengths[i]] = i
        ones = lengths == 1
        self.token_at[starts[ones]] = numpy.nonzero(ones)[0]
        self.width = self.tensor.shape[1]

    def span(self, start: int, end: int) -> numpy.ndarray:
        tokens = sorted({int(i) for i in self.token_at[start:end] if i >= 0})
        return self.tensor[tokens].mean(axis=0) if tokens else numpy.zeros(self.width, "float32")

    def at(self, char: int) -> numpy.ndarray:
        if 0 <= char < len(self.token_at) - 1 and self.token_at[char] >= 0:
            return self.tensor[self.token_at[char]]
        return numpy.zeros(self.width, "float32")


def _hashed(features: list[str]) -> numpy.ndarray:
    """Binary features by name, hashed into ``HASHED`` slots (crc32: the same in every process)."""
    v = numpy.zeros(HASHED, dtype="float32")
    for f in features:
        v[zlib.crc32(f.encode("utf-8")) % HASHED] = 1.0
    return v


def _context(text: str, start: int, end: int, tag: str) -> list[str]:
    return [f"{tag}<1{text[start - 1:start]}", f"{tag}<2{text[max(start - 2, 0):start]}",
            f"{tag}>1{text[end:end + 1]}", f"{tag}>2{text[end:end + 2]}"]


def rule_events_at(events: list[Event], start: int) -> list[Event]:
    return [e for e in events if e.trigger_start == start]


def trigger_vector(vectors: Vectors, cand: Candidate, rule_events: list[Event], use_rules: bool) -> numpy.ndarray:
    rule = rule_events[0] if rule_events and use_rules else None
    return numpy.concatenate([
        vectors.span(cand.start, cand.end), vectors.at(cand.start - 1), vectors.at(cand.end),
        _one_hot(CLASSES.index(cand.listed), len(CLASSES)),
        _one_hot(CLASSES.index(rule.cls) if rule else None, len(CLASSES)),
        _one_hot(MODALITIES.index(rule.modality) if rule else None, len(MODALITIES)),
        numpy.array([1.0 if rule else 0.0], dtype="float32"),
        _hashed([f"w={cand.word}", *_context(vectors.text, cand.start, cand.end, "t")]),
    ])


def rule_role(rule_events: list[Event], mention: Mention) -> str | None:
    for event in rule_events:
        for arg in event.arguments:
            if (arg.mention.start, arg.mention.end) == (mention.start, mention.end):
                return arg.role
        if any((p.start, p.end) == (mention.start, mention.end) for p in event.places):
            return "place"
    return None


def pair_vector(text: str, vectors: Vectors, cand: Candidate, mention: Mention, cls: str,
                mentions: list[Mention], rule_events: list[Event], use_rules: bool) -> numpy.ndarray:
    before = mention.end <= cand.start
    lo, hi = (mention.end, cand.start) if before else (cand.end, mention.start)
    gap = text[lo:hi] if hi > lo else ""
    distance = max(hi - lo, 0)
    bucket = sum(distance > d for d in DISTANCES)
    between = sum(lo <= m.start and m.end <= hi for m in mentions if m is not mention)
    same_clause = not any(ch in gap for ch in "，,；;：:")
    role = rule_role(rule_events, mention) if use_rules else None
    return numpy.concatenate([
        vectors.span(cand.start, cand.end), vectors.span(mention.start, mention.end),
        vectors.at(mention.start - 1), vectors.at(mention.end),
        _one_hot(LABELS.index(mention.label) if mention.label in LABELS else None, len(LABELS)),
        _one_hot(bucket + (0 if before else len(DISTANCES) + 1), 2 * (len(DISTANCES) + 1)),
        numpy.array([1.0 if ch in gap else 0.0 for ch in MARKERS], dtype="float32"),
        numpy.array([1.0 if text[lo - 1:lo] == ch else 0.0 for ch in MARKERS] if hi > lo else [0.0] * len(MARKERS), dtype="float32"),
        _one_hot(min(between, 2), 3),
        _one_hot(ROLES.index(role) if role else None, len(ROLES)),
        _one_hot(CLASSES.index(cls), len(CLASSES)),
        _hashed([f"w={cand.word}", f"c={cls}", *_context(text, mention.start, mention.end, "m"),
                 f"gap={gap if len(gap) <= 6 else gap[:2] + '…' + gap[-2:]}", f"d={'<' if before else '>'}{bucket}",
                 f"n={'<' if before else '>'}{min(between, 3)}", f"cl={same_clause}{'<' if before else '>'}",
                 f"lab={mention.label}{'<' if before else '>'}{cls}", *{f"g{'<' if before else '>'}{ch}" for ch in gap}]),
    ])


def pair_mentions(cand: Candidate, mentions: list[Mention]) -> list[Mention]:
    """The mentions of the candidate's sentence that may take part in its event."""
    a, b = cand.sentence
    return [m for m in mentions if a <= m.start and m.end <= b and (m.end <= cand.start or m.start >= cand.end)]
