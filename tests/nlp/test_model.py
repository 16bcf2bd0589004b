"""The NER model shipped in kg/resources/model: loads, and tags news sentences in full-width and
half-width forms with offsets into the original text."""

from pathlib import Path

import numpy
import pytest
import spacy

from kg.nlp.pipeline import EVENT_MODEL, RULE_COMPONENTS

MODEL = Path(__file__).resolve().parents[2] / "kg" / "resources" / "model"
PLACE = {"GPE", "LOC"}

pytestmark = pytest.mark.skipif(
    not (MODEL / "config.cfg").exists(), reason=f"no trained model shipped yet at {MODEL}"
)

FULL = "新华社北京３月１０日电（记者张伟）国务院总理李鹏今天在人民大会堂会见了日本外务大臣。"
HALF = "新华社北京3月10日电(记者张伟)国务院总理李鹏今天在人民大会堂会见了日本外务大臣。"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL, exclude=[*RULE_COMPONENTS, EVENT_MODEL])  # the statistical model alone


def _ents(doc):
    return {(e.text, "PLACE" if e.label_ in PLACE else e.label_) for e in doc.ents}


def test_model_loads_char_tokenizer_tok2vec_and_ner(nlp):
    assert spacy.load(MODEL).pipe_names == ["tok2vec", "ner", *RULE_COMPONENTS, EVENT_MODEL]
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "ORG", "GPE", "LOC"}
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "kg.CharTokenizer.v1"


def test_model_encodes_each_document_as_it_would_alone(nlp):
    # thinc restores a layer's padding with its weights: weights trained from an unpadded pipeline
    # would let a document's last characters see the next document of its batch
    other = "青岛市人民政府与海尔集团签署战略合作协议，双方将在智能制造领域开展合作。"
    tok2vec = nlp.get_pipe("tok2vec").model
    alone = tok2vec.predict([nlp.make_doc(HALF)])[0]
    for batch in ([HALF, other], [other, HALF]):
        beside = tok2vec.predict([nlp.make_doc(t) for t in batch])[batch.index(HALF)]
        assert numpy.allclose(alone, beside, atol=1e-5)


def test_train_pads_encoders_sourced_from_an_unpadded_pipeline(nlp):
    from kg.nlp.encoder import pad_encoders

    encoder = next(n for n in nlp.get_pipe("tok2vec").model.walk() if n.name.startswith("with_array(residual("))
    pad = encoder.attrs["pad"]
    assert pad == 8  # window 2 × depth 4
    encoder.attrs["pad"] = 0  # as weights saved by spaCy's own encoder bring it
    try:
        assert pad_encoders(nlp) == 1 and encoder.attrs["pad"] == pad
    finally:
        encoder.attrs["pad"] = pad


@pytest.mark.parametrize("text", [FULL, HALF], ids=["fullwidth", "halfwidth"])
def test_model_tags_person_place_org(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    ents = _ents(doc)
    assert ("李鹏", "PERSON") in ents
    assert ("张伟", "PERSON") in ents
    assert ("国务院", "ORG") in ents
    assert ("新华社", "ORG") in ents
    assert ("日本", "PLACE") in ents
    for e in doc.ents:
        assert text[e.start_char : e.end_char] == e.text


def test_model_fullwidth_and_halfwidth_agree(nlp):
    full = [(e.start_char, e.end_char, e.label_) for e in nlp(FULL).ents]
    half = [(e.start_char, e.end_char, e.label_) for e in nlp(HALF).ents]
    assert full == half


def test_model_tags_gpe_and_loc(nlp):
    doc = nlp("江泽民主席在上海市考察了长江沿岸的防洪工程。")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("江泽民") == "PERSON"
    assert labels.get("上海市") == "GPE"
    assert labels.get("长江") == "LOC"


def test_model_rules_alone_on_request():
    from kg.nlp.pipeline import load

    nlp = load("rules")
    assert "ner" not in nlp.pipe_names and "kg_entity_rules" in nlp.pipe_names


def test_lean_inference_same_output_less_memory_training_unchanged(nlp):
    """kg.load lets each encoder layer's arrays go once used when predicting: same vectors, a
    smaller peak; a training step (is_train=True) still runs backward through the chain."""
    import tracemalloc

    import numpy

    from kg.nlp.inference import lean_inference

    texts = [FULL * 20, HALF * 20] * 4
    stock = spacy.load(MODEL)
    lean = spacy.load(MODEL)
    assert lean_inference(lean) > 0

    def predict(pipeline):
        docs = [pipeline.make_doc(t) for t in texts]
        tracemalloc.start()
        vectors = pipeline.get_pipe("tok2vec").predict(docs)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return vectors, peak

    (before, stock_peak), (after, lean_peak) = predict(stock), predict(lean)
    assert all(numpy.array_equal(a, b) for a, b in zip(before, after))
    assert lean_peak < stock_peak / 2
    model = lean.get_pipe("tok2vec").model
    vectors, backprop = model.begin_update([lean.make_doc(FULL)])
    backprop([model.ops.alloc2f(*v.shape) for v in vectors])


def test_pad_encoders_pads_a_tok2vec_whose_source_config_names_spacys_encoder():
    from kg.nlp.encoder import ARCHITECTURE, pad_encoders

    nlp = spacy.blank("xx")  # a tok2vec as `kg train --init` sources it from a pipeline of spaCy's encoder
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 8, "attrs": ["NORM"], "rows": [50],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MishWindowEncoder.v2", "width": 8, "window_size": 1, "depth": 2},
    }})
    nlp.initialize()
    assert pad_encoders(nlp) == 0  # its own config asks for no padding
    asked = {"tok2vec": {"@architectures": ARCHITECTURE, "width": 8, "window_size": 1, "depth": 2}}
    assert pad_encoders(nlp, asked) == 1
    encoder = next(n for n in nlp.get_pipe("tok2vec").model.walk() if n.name.startswith("with_array(residual("))
    assert encoder.attrs["pad"] == 2
