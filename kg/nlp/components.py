"""kg's spaCy pipeline components: the entity rule layer, events and relations.

Each is a small class and a factory; results the graph needs beyond ``doc.ents`` live on
``doc._.kg_mentions``, ``doc._.kg_events``, ``doc._.kg_positions`` and ``doc._.kg_locations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp.anaphora import references
from kg.nlp.entities import Candidate, find_entities
from kg.nlp.entities.short_places import expanded
from kg.nlp.events import find_events
from kg.nlp.records import Mention
from kg.nlp.relations import find_locations, find_positions

for _name in ("kg_mentions", "kg_events", "kg_positions", "kg_locations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LABELS = ("PERSON", "ORG", "GPE", "LOC")


class EntityRules:
    """The rule layer: adds rule entities around the model's; a rule entity wins over a model
    entity only where it is longer, or the same span (``overwrite=False``), or wherever they
    overlap (``overwrite=True``)."""

    def __init__(self, nlp: Language, name: str, *, overwrite: bool):
        self.name = name
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        model = [Candidate(e.start_char, e.end_char, e.label_, "model") for e in doc.ents if e.label_ in LABELS]
        found = find_entities(text, [] if self.overwrite else model)
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


@Language.factory("kg_entity_rules", default_config={"overwrite": False})
def make_entity_rules(nlp: Language, name: str, *, overwrite: bool) -> EntityRules:
    return EntityRules(nlp, name, overwrite=overwrite)


def _text(doc: Doc) -> str:
    """``doc.text``, which spaCy builds anew from the tokens on every access: kg's tokenizer keeps the
    text it was given, other tokenizers' docs build it once."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


def _mentions(doc: Doc) -> list[Mention]:
    if doc._.kg_mentions is None:
        names = [Mention(e.start_char, e.end_char, e.label_, e.text, e.text) for e in doc.ents]
        doc._.kg_mentions = _with_references(_text(doc), names)
    return doc._.kg_mentions


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
        text = _text(doc)
        doc._.kg_positions = find_positions(text, _mentions(doc))
        doc._.kg_locations = find_locations(text, _mentions(doc))
        return doc


@Language.factory("kg_relations")
def make_relations(nlp: Language, name: str) -> Relations:
    return Relations(nlp, name)
