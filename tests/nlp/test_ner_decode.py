"""kg's batched NER decoder (kg.nlp.ner_decode) makes exactly the decisions of spaCy's own loop."""

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from kg.nlp import inference, ner_decode, tokenizer  # noqa: F401  (registers kg.CharTokenizer.v1)
from kg.nlp.pipeline import model_path

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Real news: the seed page (whole articles, long documents) and the gold sentence files."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "gold").glob("*/sentences.md")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 5]
    return texts


def _tagged(nlp, texts, batch_size):
    """Each text through ``nlp``'s tokenizer and tok2vec, ready for its ner."""
    docs = [nlp.make_doc(t) for t in texts]
    return list(nlp.get_pipe("tok2vec").pipe(docs, batch_size=batch_size))


def _annotation(doc):
    return [(t.ent_iob_, t.ent_type_) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents]


def _same_as_spacy(nlp, texts, batch_size, prepare=None, decoder=None):
    ner = nlp.get_pipe("ner")
    ner = getattr(ner, "_ner", ner)
    batched = ner_decode.BatchedNER(ner)
    if decoder is not None:
        decoder(batched._decoder)
    ours, theirs = _tagged(nlp, texts, batch_size), _tagged(nlp, texts, batch_size)
    if prepare is not None:
        for a, b in zip(ours, theirs):
            prepare(a)
            prepare(b)
    ours = list(batched.pipe(ours, batch_size=batch_size))
    theirs = list(ner.pipe(theirs, batch_size=batch_size))
    for a, b in zip(ours, theirs):
        assert _annotation(a) == _annotation(b), a.text[:60]
    return ours


@pytest.fixture(scope="module")
def shipped():
    if model_path() is None:
        pytest.skip("no shipped model in this install")
    inference.use_fast_cpu_ops()
    nlp = spacy.load(model_path())
    assert ner_decode.fits(nlp.get_pipe("ner"))
    return nlp


@pytest.mark.parametrize("batch_size", [1, 8, 256])
def test_batched_ner_matches_spacy_on_news(shipped, batch_size):
    docs = _same_as_spacy(shipped, _texts(), batch_size)
    assert sum(len(d.ents) for d in docs) > 100


def test_batched_ner_matches_spacy_when_every_token_ends_a_segment(shipped):
    """Cut after every token: every entity then crosses segments and each segment after its
    first character is decoded again from the open entity."""

    def cut_everywhere(decoder):
        decoder._segments = lambda docs, offsets: (numpy.arange(offsets[-1]), numpy.arange(1, offsets[-1] + 1))

    _same_as_spacy(shipped, _texts()[:40], 16, decoder=cut_everywhere)


def test_batched_ner_matches_spacy_with_preset_entities_and_sentences(shipped):
    """Entities set before the ner (a ruler), tokens blocked from being entities, and sentence
    starts all constrain spaCy's moves; the decoder follows the same rules."""

    def preset(doc):
        n = len(doc)
        spans = []
        if n > 12:
            spans.append(Span(doc, 2, 5, label="ORG"))
            spans.append(Span(doc, 8, 9, label="PERSON"))
        blocked = [doc[6:7]] if n > 12 else []
        doc.set_ents(spans, blocked=blocked, default="unmodified")
        for i in range(10, n, 15):
            doc[i].is_sent_start = True

    _same_as_spacy(shipped, _texts()[:60], 8, prepare=preset)


def test_batched_ner_leaves_a_preset_label_the_model_lacks_to_spacy(shipped):
    """spaCy adds moves for it and scores them apart (unseen classes): the batch goes to spaCy."""

    def preset(doc):
        if len(doc) > 12:
            doc.set_ents([Span(doc, 8, 9, label="PRODUCT")], default="unmodified")

    nlp = spacy.load(model_path())
    docs = _same_as_spacy(nlp, _texts()[:20], 8, prepare=preset)
    assert "PRODUCT" in {e.label_ for d in docs for e in d.ents}


def _toy_pipeline(extra_state_tokens: bool, maxout_pieces: int):
    """A small character pipeline with random NER weights (a few training steps find no entities
    yet; random weights open and close many), with 3 (not 6) state features where
    extra_state_tokens is off."""
    config = {
        "nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}},
    }
    nlp = spacy.blank("zh", config=config)
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": extra_state_tokens, "hidden_width": 16,
        "maxout_pieces": maxout_pieces, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"},
    }})
    train = [
        ("海尔卡奥斯与平度市政府签约。", [(0, 5, "ORG"), (6, 11, "ORG")]),
        ("王小骞在青岛市出席会议，李明陪同。", [(0, 3, "PERSON"), (4, 7, "GPE"), (12, 14, "PERSON")]),
        ("上合示范区与山东港口合作。", [(0, 5, "LOC"), (6, 10, "ORG")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in train]
    nlp.initialize(lambda: examples)
    rng = numpy.random.default_rng(0)
    for layer in nlp.get_pipe("ner").model.layers[1:]:  # the lower and upper layers
        for name in layer.param_names:
            shape = layer.get_param(name).shape
            layer.set_param(name, rng.normal(0.0, 1.0, shape).astype("float32"))
    return nlp


@pytest.mark.parametrize("extra_state_tokens,maxout_pieces", [(False, 2), (True, 3)])
def test_batched_ner_matches_spacy_on_other_ner_models(extra_state_tokens, maxout_pieces):
    nlp = _toy_pipeline(extra_state_tokens, maxout_pieces)
    ner = nlp.get_pipe("ner")
    assert ner_decode.fits(ner)
    assert ner.model.get_ref("lower").get_dim("nF") == (6 if extra_state_tokens else 3)
    docs = _same_as_spacy(nlp, _texts()[:80], 32)
    assert sum(len(d.ents) for d in docs) > 0


def test_use_batched_ner_replaces_only_a_fitting_ner_and_can_be_undone(shipped):
    nlp = spacy.load(model_path())
    assert ner_decode.use_batched_ner(nlp)
    assert isinstance(nlp.get_pipe("ner"), ner_decode.BatchedNER)
    assert nlp.get_pipe("ner").labels == ("GPE", "LOC", "ORG", "PERSON")
    assert not ner_decode.use_batched_ner(nlp)  # already in place
    text = "5月28日，海尔卡奥斯与平度市政府签署了战略合作框架协议。青岛市委书记王清宪出席，李明主持。"
    ours = [(e.text, e.label_) for e in nlp(text).ents]
    assert ("王清宪", "PERSON") in ours
    ner_decode.use_spacy_ner(nlp)
    assert type(nlp.get_pipe("ner")).__name__ == "EntityRecognizer"
    assert [(e.text, e.label_) for e in nlp(text).ents] == ours


def test_kg_load_decodes_with_the_batched_ner(kg_nlp):
    if model_path() is None:
        pytest.skip("no shipped model in this install")
    assert isinstance(kg_nlp.get_pipe("ner"), ner_decode.BatchedNER)


def test_batched_ner_takes_empty_and_one_character_documents(shipped):
    _same_as_spacy(shipped, ["", "。", "李", "", "王小骞在青岛。", " ", "平度市，"] * 3, 8)
