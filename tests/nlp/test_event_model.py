"""The trained event component: candidates and features, training on a few annotated sentences,
saving and loading, and its place in kg's pipeline."""

import json

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.nlp.event_features import candidates, pair_vector, trigger_vector, Vectors
from kg.nlp.event_model import EventModel
from kg.nlp.event_training import score
from kg.nlp.pipeline import model_path
from kg.nlp.records import Argument, Event, Mention

pytestmark = pytest.mark.skipif(model_path() is None, reason="the event component reads the shipped NER model's encoder")

SENTENCES = [
    ("海尔集团与青岛啤酒集团签署了合作协议。", [[0, 4, "ORG"], [5, 11, "ORG"]], [("签署", "Signing", [("agent", 0, 4), ("partner", 5, 11)])]),
    ("青岛市与上海市签约。", [[0, 3, "GPE"], [4, 7, "GPE"]], [("签约", "Signing", [("agent", 0, 3), ("partner", 4, 7)])]),
    ("投资者对市场很有信心。", [], []),
    ("双方将加强合作。", [], [("合作", "Cooperation", [])]),
]


def _record(i, text, entities, events):
    out = []
    for trigger, cls, args in events:
        at = text.index(trigger)
        out.append({"trigger": [at, at + len(trigger)], "class": cls, "modality": "asserted",
                    "arguments": [{"role": r, "span": [s, e]} for r, s, e in args]})
    return {"id": f"s{i}", "text": text, "entities": entities, "events": out, "positions": []}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "train.jsonl"
    path.write_text("".join(json.dumps(_record(i, *s), ensure_ascii=False) + "\n" for i, s in enumerate(SENTENCES)), encoding="utf-8")
    return path


def test_event_model_candidates_skip_names_and_describe_pairs():
    nlp = kg.load(events="rules")
    doc = nlp("海尔集团与青岛啤酒集团签署了合作协议。")
    mentions = doc._.kg_mentions
    found = [(c.word, c.listed) for c in candidates(doc, mentions)]
    assert ("签署", "Signing") in found and all(w != "啤酒" for w, _ in found)
    cand = next(c for c in candidates(doc, mentions) if c.word == "签署")
    vectors = Vectors(doc)
    with_rules = trigger_vector(vectors, cand, doc._.kg_events, use_rules=True)
    without = trigger_vector(vectors, cand, doc._.kg_events, use_rules=False)
    assert with_rules.shape == without.shape and (with_rules != without).any()  # the rules' decision is seen
    pair = pair_vector(doc.text, vectors, cand, mentions[0], "Signing", mentions, doc._.kg_events, True)
    assert pair.ndim == 1 and pair.any()


def test_train_events_saves_a_component_kg_build_uses(corpus, tmp_path):
    out = tmp_path / "component"
    result = CliRunner().invoke(app, ["train-events", str(corpus), "--dev", str(corpus), "--output", str(out),
                                      "--epochs", "3", "--members", "2", "-q"])
    assert result.exit_code == 0, result.output
    cfg = json.loads((out / "cfg").read_text())
    assert cfg["members"] == 2 and (out / "roles-1.bin").exists()
    nlp = kg.load(events=str(out))
    assert nlp.pipe_names[-1] == "kg_event_model"
    again = EventModel(nlp, "x", use_rules=True, hidden=8).from_disk(out)
    doc = nlp("海尔集团与青岛啤酒集团签署了合作协议。")
    assert again.predict(doc) == nlp.get_pipe("kg_event_model").predict(doc)


def test_train_events_names_a_corpus_line_it_cannot_read(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "海尔集团签约。"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train-events", str(bad), "--dev", str(bad), "--output", str(tmp_path / "o")])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.output and not (tmp_path / "o").exists()


def test_events_option_rejects_what_is_neither_a_mode_nor_a_component(tmp_path):
    with pytest.raises(ValueError, match="kg train-events"):
        kg.load(events=str(tmp_path))
    result = CliRunner().invoke(app, ["build", "seeds", "--out", str(tmp_path / "o"), "--events", "neural"])
    assert result.exit_code == 2 and "--events" in result.output


def test_score_counts_participants_by_name_and_triggers_by_overlap():
    record = _record(0, *SENTENCES[0])
    agent = Argument("agent", Mention(0, 4, "ORG", "海尔集团", "海尔集团"))
    partner = Argument("partner", Mention(5, 11, "ORG", "青岛啤酒集团", "青岛啤酒集团"))
    right = Event("Signing", "签署", 11, (0, 20), (agent, partner))
    wrong = Event("Signing", "签署", 11, (0, 20), (Argument("partner", agent.mention),))
    assert score([[right]], [record])["participants"] == (1.0, 1.0, 1.0)
    assert score([[wrong]], [record])["participants"] == (0.0, 0.0, 0.0)
    assert score([[wrong]], [record])["triggers"] == (1.0, 1.0, 1.0)
