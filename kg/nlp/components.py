"""kg's spaCy pipeline components: the entity rule layer, events and relations.

Each is a small class and a factory; results the graph needs beyond ``doc.ents`` live on
``doc._.kg_mentions``, ``doc._.kg_events``, ``doc._.kg_positions`` and ``doc._.kg_locations``.
"""

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.codec import from_plain, to_plain
from kg.nlp import lexicons
from kg.nlp.anaphora import references
from kg.nlp.entities import RULES, Candidate, find_entities
from kg.nlp.entities.short_places import expanded
from kg.nlp.events import find_events
from kg.nlp.records import Event, Location, Mention, Position
from kg.nlp.relations import find_locations, find_positions
from kg.nlp.text import sentences

# Doc attribute → the records it holds. They are kept in ``doc.user_data`` as plain data
# (:mod:`kg.codec`, as the result cache keeps them), so that they survive ``Doc.to_bytes``,
# ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=…)``.
RECORDS = {"kg_mentions": Mention, "kg_events": Event, "kg_positions": Position, "kg_locations": Location}


def _attribute(name: str):
    kind, key = list[RECORDS[name]], f"kg.{name}"

    def get(doc: Doc):
        data = doc.user_data.get(key)
        return None if data is None else from_plain(kind, data)

    def set_(doc: Doc, records) -> None:
        if records is None:
            doc.user_data.pop(key, None)
        else:
            doc.user_data[key] = to_plain(records)

    return get, set_


for _name in RECORDS:
    if not Doc.has_extension(_name):
        _get, _set = _attribute(_name)
        Doc.set_extension(_name, getter=_get, setter=_set)

LABELS = ("PERSON", "ORG", "GPE", "LOC")


class Sentences:
    """Sentence boundaries, the ones kg's rules read (:func:`kg.nlp.text.sentences`), so that
    ``doc.sents`` gives them. Runs after the NER model: its entities are not cut at a boundary."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = {start for start, _ in sentences(_text(doc))}
        starts.discard(min(starts, default=0))  # the first sentence opens the doc, leading space and all
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)


class EntityRules:
    """The rule layer: adds rule entities around the model's; a rule entity wins over a model
    entity only where it is longer, or the same span (``overwrite=False``), or wherever they
    overlap (``overwrite=True``). ``resources``: a folder of the user's own data files for the
    whole rule layer, events and relations included (:func:`kg.nlp.lexicons.use_resources`);
    saved with the pipeline by ``to_disk``. ``off``: names of rules to leave out
    (:data:`kg.nlp.entities.RULES`)."""

    def __init__(self, nlp: Language, name: str, *, overwrite: bool, resources: str | None = None, off: Sequence[str] = ()):
        self.name = name
        self.overwrite = overwrite
        self.resources = resources
        self.off = frozenset(off)
        if self.off - set(RULES):
            raise ValueError(f"{name}: off={sorted(self.off - set(RULES))} names no entity rule; the rules are {', '.join(RULES)}")
        if resources is not None:
            lexicons.use_resources(resources)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.resources is not None:
            shutil.copytree(self.resources, path / "resources", dirs_exist_ok=True)

    def from_disk(self, path, *, exclude=()) -> "EntityRules":
        if (Path(path) / "resources").is_dir():
            self.resources = str(Path(path) / "resources")
            lexicons.use_resources(self.resources)
        return self

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        model = [Candidate(e.start_char, e.end_char, e.label_, "model") for e in doc.ents if e.label_ in LABELS]
        found = find_entities(text, [] if self.overwrite else model, off=self.off)
        if self.overwrite:
            found = found + [m for m in model if not any(f.start < m.end and m.start < f.end for f in found)]
        spans, mentions = [], []
        for cand in sorted(found, key=lambda c: c.start):
            span = doc.char_span(cand.start, cand.end, label=cand.label, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            if cand.rule == "surname_only":
                continue  # 黄 of 黄说 with no 黄… named in full: an entity of the text, no one the graph can hold
            surface = text[cand.start:cand.end]
            alias = cand.rule not in ("coordination", "surname")  # 平度市 of 平度市、莱西市政府; 黄 of 黄登仁
            mentions.append(Mention(cand.start, cand.end, cand.label, surface, cand.name or surface, alias))
        doc.ents = filter_spans(spans)
        doc._.kg_mentions = _with_references(text, mentions)
        return doc


@Language.factory("kg_entity_rules", default_config={"overwrite": False, "resources": None, "off": []})
def make_entity_rules(nlp: Language, name: str, *, overwrite: bool, resources: Optional[str], off: List[str]) -> EntityRules:
    return EntityRules(nlp, name, overwrite=overwrite, resources=resources, off=off)


def _text(doc: Doc) -> str:
    """``doc.text``, which spaCy builds anew from the tokens on every access: kg's tokenizer keeps the
    text it was given, other tokenizers' docs build it once."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


def _mentions(doc: Doc) -> list[Mention]:
    mentions = doc._.kg_mentions
    if mentions is None:
        names = [Mention(e.start_char, e.end_char, e.label_, e.text, e.text) for e in doc.ents]
        mentions = _with_references(_text(doc), names)
        doc._.kg_mentions = mentions
    return mentions


def _with_references(text: str, names: list[Mention]) -> list[Mention]:
    """The names, one-character places by the place they stand for (中 → 中国:
    :mod:`kg.nlp.entities.short_places`), and the references to them (该公司, 该市:
    :mod:`kg.nlp.anaphora`), in text order."""
    names = expanded(names, text)
    return sorted(names + references(text, names), key=lambda m: (m.start, -m.end))


class Events:
    """Events from the trigger table with their participants (see :mod:`kg.nlp.events`)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_events = find_events(_text(doc), _mentions(doc))
        return doc


@Language.factory("kg_events")
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)


class Relations:
    """Positions (person, title, organization) and organizations' places."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text, mentions = _text(doc), _mentions(doc)
        doc._.kg_positions = find_positions(text, mentions)
        doc._.kg_locations = find_locations(text, mentions)
        return doc


@Language.factory("kg_relations")
def make_relations(nlp: Language, name: str) -> Relations:
    return Relations(nlp, name)
