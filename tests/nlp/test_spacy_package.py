"""kg's pipeline as a spaCy package: found through entry points, serializable, with sentences, and
with data files a user can replace without touching the installed package."""

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from typer.testing import CliRunner

from kg.cli import app
from kg.nlp import lexicons
from kg.nlp.pipeline import EVENT_MODEL, RULE_COMPONENTS, load, load_rules_only, model_path
from kg.nlp.text import sentences

TEXT = "5月28日,海尔卡奥斯与平度市、莱西市政府分别签署了战略合作框架协议。青岛市市长张三出席。投资额10亿元。"
MERGER = "海尔集团与青岛啤酒集团联姻。"


def _facts(doc):
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return (doc._.kg_mentions, doc._.kg_events, doc._.kg_positions, doc._.kg_locations, ents)


@pytest.mark.skipif(model_path() is None, reason="no shipped model")
def test_spacy_load_in_a_fresh_interpreter_gives_kgs_pipeline():
    """No ``import kg`` first: spaCy finds the tokenizer, layers and components by entry points."""
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('海尔卡奥斯与平度市签约。');"
            "print(nlp.pipe_names); print([e.cls for e in doc._.kg_events])")
    result = subprocess.run([sys.executable, "-c", code, str(model_path())], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(["tok2vec", "ner", *RULE_COMPONENTS, EVENT_MODEL]), "['Signing']"]


def test_docs_round_trip_through_bytes_and_docbin(kg_nlp):
    doc = kg_nlp(TEXT)
    assert doc._.kg_events and doc._.kg_positions
    again = Doc(kg_nlp.vocab).from_bytes(doc.to_bytes())
    assert _facts(again) == _facts(doc)
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (loaded,) = DocBin().from_bytes(stored).get_docs(kg_nlp.vocab)
    assert _facts(loaded) == _facts(doc)
    assert [e.amounts for e in loaded._.kg_events] == [e.amounts for e in doc._.kg_events]


def test_pipe_with_two_processes_gives_what_one_gives(kg_nlp):
    texts = [TEXT, MERGER, "国务院总理李鹏今天在人民大会堂会见了日本外务大臣。"]
    one = [_facts(d) for d in kg_nlp.pipe(texts)]
    two = [_facts(d) for d in kg_nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one


@pytest.mark.parametrize("text", [TEXT, "没有标点的一句话", " 开头有空格。然后？\n第三句；第四句", ""])
def test_doc_sents_are_the_sentences_the_rules_read(rules_nlp, text):
    doc = rules_nlp(text)
    assert [s.text.strip() for s in doc.sents] == [text[start:end] for start, end in sentences(text)]


@pytest.fixture
def own_triggers(tmp_path):
    folder = tmp_path / "mine"
    (folder / "events").mkdir(parents=True)
    (folder / "events" / "triggers.tsv").write_text("联姻\tCooperation\n", encoding="utf-8")
    yield folder
    lexicons.use_resources(None)


def test_a_users_trigger_table_adds_events(own_triggers, tmp_path):
    assert load_rules_only()(MERGER)._.kg_events == []
    nlp = load("rules", resources=own_triggers)
    assert [(e.cls, e.trigger) for e in nlp(MERGER)._.kg_events] == [("Cooperation", "联姻")]
    assert [e.cls for e in nlp("海尔集团与青岛啤酒集团签约。")._.kg_events] == ["Signing"]  # kg's rows stay
    nlp.to_disk(tmp_path / "saved")
    lexicons.use_resources(None)
    assert [e.trigger for e in spacy.load(tmp_path / "saved")(MERGER)._.kg_events] == ["联姻"]


def test_a_users_file_that_says_replace_replaces_kgs(own_triggers):
    path = own_triggers / "events" / "triggers.tsv"
    path.write_text("# replace\n联姻\tCooperation\n", encoding="utf-8")
    nlp = load("rules", resources=own_triggers)
    assert [e.trigger for e in nlp(MERGER)._.kg_events] == ["联姻"]
    assert nlp("海尔集团与青岛啤酒集团签约。")._.kg_events == []


def test_kg_build_reads_a_users_resources_and_names_a_file_it_does_not_know(own_triggers, tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(MERGER + "\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["build", str(page), "--out", str(tmp_path / "o1"), "--model", "rules", "-q"])
    assert plain.exit_code == 0 and "kg:Cooperation" not in (tmp_path / "o1" / "graph.ttl").read_text()
    own = runner.invoke(app, ["build", str(page), "--out", str(tmp_path / "o2"), "--model", "rules", "-q",
                              "--resources", str(own_triggers), "--workers", "1"])
    assert own.exit_code == 0, own.output
    assert "kg:Cooperation" in (tmp_path / "o2" / "graph.ttl").read_text()
    (own_triggers / "events" / "mine.tsv").write_text("x\n", encoding="utf-8")
    bad = runner.invoke(app, ["build", str(page), "--out", str(tmp_path / "o3"), "--resources", str(own_triggers)])
    assert bad.exit_code == 2 and "events/mine.tsv" in bad.output and not (tmp_path / "o3").exists()
