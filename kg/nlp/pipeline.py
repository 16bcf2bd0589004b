"""Build kg's spaCy pipeline: kg's own (shipped model + rules) or a user's, with labels mapped."""

import logging
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp import components, encoder, event_model, inference, lexicons, ner_decode, tokenizer  # noqa: F401  (registers factories)

RULE_COMPONENTS = ("kg_sentences", "kg_entity_rules", "kg_events", "kg_relations")
EVENT_MODEL = "kg_event_model"  # trained on kg's annotated news; runs after the rules, in the shipped pipeline
EVENTS = ("model", "rules")
RULES_ONLY = "rules"  # --model rules: kg's rule layer without the NER model
# Documents per nlp.pipe batch. Character tokens make big documents (each token carries its encoder
# vector until the batch is done): measured on 200 news articles of ~1,500 characters, peak RSS
# 2.9 GB with spaCy's default of 1,000 and 479 MB with 8; kg build --workers 2 on a 5 MB corpus,
# peak RSS of all its processes 1,517 MB with 16 and 1,233 MB with 8, 4% slower (110 s, 115 s).
PIPE_BATCH = 8


def model_path() -> Path | None:
    """The shipped NER pipeline, or None where this install has none."""
    path = Path(str(resources.files("kg").joinpath("resources/model")))
    return path if (path / "config.cfg").exists() else None


class LabelMap:
    """Map a foreign pipeline's entity labels onto PERSON, ORG, GPE and LOC (``label_map.tsv``)."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            label = self.mapping.get(ent.label_)
            if label:
                spans.append(doc.char_span(ent.start_char, ent.end_char, label=label))
        doc.ents = filter_spans([s for s in spans if s is not None])
        return doc


@Language.factory("kg_label_map")
def make_label_map(nlp: Language, name: str) -> LabelMap:
    return LabelMap(lexicons.table("label_map.tsv"))


def load_rules_only(overrides: dict | None = None) -> Language:
    """kg's pipeline from ``kg/resources/pipeline.cfg``: character tokens and the rule layer, no
    statistical model."""
    path = Path(str(resources.files("kg").joinpath("resources/pipeline.cfg")))
    config = spacy.util.load_config(path, overrides=overrides or {})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.batch_size = PIPE_BATCH
    return nlp


def load(model: str | Path | None = None, *, rules: bool = True, resources: str | Path | None = None,
         events: str | None = None) -> Language:
    """kg's pipeline.

    Args:
        model: None for kg's own (the shipped NER model when installed, else rules alone);
            ``"rules"`` for the rules alone (no statistical model: faster); or the name or path of
            any installed spaCy pipeline, e.g. ``zh_core_web_trf``, whose entity labels are mapped
            onto kg's.
        rules: add the rule layer, event and relation components.
        resources: a folder of your own data files for the rule layer (``events/triggers.tsv``
            …), read beside kg's own (:func:`kg.nlp.lexicons.use_resources`).
        events: ``"model"``: events decided by the trained event component (``kg_event_model``,
            over the rules' decisions; kg's own NER model only); ``"rules"``: the rule layer's
            events alone; the path of a folder ``kg train-events`` wrote: that component instead
            of the shipped one; None: the shipped pipeline's default (the model where it is shipped).

    Returns:
        The loaded ``Language``.

    Raises:
        OSError: the named pipeline is not installed (spaCy's message says how to get it).
        FileNotFoundError: ``resources`` is not a folder of kg resource files.
        ValueError: ``events`` is not one of ``"model"``, ``"rules"``, or the model is asked for
            where no trained event component is shipped or the NER model is not kg's.
    """
    trained = Path(events) if events is not None and events not in EVENTS else None
    if trained is not None and not (trained / "cfg").is_file():
        raise ValueError(f"events={events!r}: use model, rules, or a folder made by kg train-events")
    logging.getLogger("jieba").setLevel(logging.WARNING)
    import jieba

    jieba.setLogLevel(logging.WARNING)
    inference.use_fast_cpu_ops()
    lexicons.use_resources(resources)  # checks the folder, and forgets another load's
    setting = {"resources": str(Path(resources).resolve())} if resources is not None else {}
    overrides = {f"components.kg_entity_rules.{k}": v for k, v in setting.items()}
    shipped = model is None and model_path() is not None
    if trained is not None and not (shipped and rules):
        raise ValueError("a trained event component reads kg's own NER model's encoder: not with --model or rules=False")
    if events == "model" and not (shipped and rules and EVENT_MODEL in spacy.util.load_config(model_path() / "config.cfg")["nlp"]["pipeline"]):
        raise ValueError("events='model' needs kg's own NER model with its trained event component "
                         "(kg/resources/model/kg_event_model; kg train-events makes one)")
    if model == RULES_ONLY or not shipped and model is None:
        return load_rules_only(overrides) if rules else spacy.blank("zh")
    if shipped:
        exclude = [*RULE_COMPONENTS, EVENT_MODEL] if not rules else [EVENT_MODEL] if events is not None and events != "model" else []
        nlp = spacy.load(model_path(), config=overrides if rules else {}, exclude=exclude)
    else:
        nlp = spacy.load(model)
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("kg_label_map", after="ner")
    inference.lean_inference(nlp)
    ner_decode.use_batched_ner(nlp)
    if rules:
        for name in RULE_COMPONENTS:
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, config=setting if name == "kg_entity_rules" else {})
    if trained is not None:
        nlp.add_pipe(EVENT_MODEL).from_disk(trained)
    nlp.batch_size = PIPE_BATCH
    return nlp
