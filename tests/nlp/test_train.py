"""kg.nlp.train: label mapping, corpus conversion and an end-to-end tiny training run."""

import json
from pathlib import Path

import spacy

import kg.nlp.tokenizer  # noqa: F401
from spacy.training import Example

from kg.nlp.partial_labels import unmarked
from kg.nlp.teacher_labels import excluded_windows
from kg.nlp.train import jsonl_to_docbin, map_label, place_label, split_jsonl, train

PEOPLE = ["李鹏", "江泽民", "王小明", "张伟", "刘德华"]
PLACES = ["北京", "上海", "长江", "日本", "泰山"]
ORGS = ["国务院", "新华社", "联合国", "北京大学", "中国银行"]


def _write_corpus(path: Path, n: int = 50) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            person, place, org = PEOPLE[i % 5], PLACES[(i // 5) % 5], ORGS[(i // 2) % 5]
            text = f"{person}今天在{place}会见了{org}的代表。"
            a = len(person) + 3
            b = a + len(place) + 3
            spans = [[0, len(person), "nr"], [a, a + len(place), "ns"], [b, b + len(org), "nt"]]
            f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
    return path


def test_train_place_label_splits_gpe_and_loc():
    assert place_label("北京") == "GPE"
    assert place_label("上海") == "GPE"  # admin gazetteer beats the 海 suffix
    assert place_label("浙江") == "GPE"
    assert place_label("长江") == "LOC"
    assert place_label("泰山") == "LOC"
    assert place_label("东南亚") == "LOC"
    assert place_label("日本") == "GPE"


def test_train_map_label_covers_corpus_labels():
    assert map_label("nr", "李鹏") == map_label("name", "李鹏") == "PERSON"
    for label in ("nt", "company", "government", "organization"):
        assert map_label(label, "新华社") == "ORG"
    assert map_label("address", "黄河") == "LOC"
    assert map_label("position", "总理") is None


def test_train_jsonl_to_docbin_keeps_spans_and_folds_nfkc(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(
        json.dumps({"text": "ＡＢＣ公司在北京", "spans": [[0, 5, "company"], [6, 8, "ns"]]}) + "\n",
        encoding="utf-8",
    )
    stats = jsonl_to_docbin([src], tmp_path / "c.spacy")
    assert stats == {"docs": 1, "ents": 2, "lost": 0, "excluded": 0}
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}}})
    (doc,) = spacy.tokens.DocBin().from_disk(tmp_path / "c.spacy").get_docs(nlp.vocab)
    assert doc.text == "ABC公司在北京"
    assert [(e.text, e.label_) for e in doc.ents] == [("ABC公司", "ORG"), ("北京", "GPE")]


def test_train_missing_spans_get_no_label_and_the_rest_is_outside(tmp_path):
    src = tmp_path / "partial.jsonl"
    record = {"text": "中国和美国签约", "spans": [[3, 5, "address"]], "missing": [[0, 2]]}
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    jsonl_to_docbin([src], tmp_path / "p.spacy")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}}})
    (doc,) = spacy.tokens.DocBin().from_disk(tmp_path / "p.spacy").get_docs(nlp.vocab)
    tags = Example(nlp.make_doc(doc.text), doc).get_aligned_ner()
    assert tags == [None, None, "O", "B-GPE", "L-GPE", "O", "O"]


def test_train_leaves_out_sentences_that_share_a_window_with_excluded_text(tmp_path):
    kept = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。"
    shared = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏"
    src = tmp_path / "train.jsonl"
    src.write_text("".join(json.dumps({"text": t, "spans": []}, ensure_ascii=False) + "\n"
                           for t in (kept, "前言" + shared + "后记")), encoding="utf-8")
    banned = frozenset(excluded_windows([_text_file(tmp_path / "test.txt", shared)]))
    stats = jsonl_to_docbin([src], tmp_path / "t.spacy", banned)
    assert stats["docs"] == 1 and stats["excluded"] == 1


def _text_file(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_partial_labels_mark_only_what_no_annotated_span_touches():
    teacher = [(0, 2), (3, 5), (7, 9)]
    annotated = [(3, 6), (8, 12)]  # overlaps the second and the third
    assert unmarked(teacher, annotated) == [[0, 2]]


def test_train_split_jsonl_is_disjoint(tmp_path):
    src = _write_corpus(tmp_path / "c.jsonl", 20)
    rest, held = split_jsonl(src, 5, tmp_path / "split")
    rest_lines = rest.read_text(encoding="utf-8").splitlines()
    held_lines = held.read_text(encoding="utf-8").splitlines()
    assert len(rest_lines) == 15 and len(held_lines) == 5


def test_train_end_to_end_writes_loadable_pipeline(tmp_path):
    corpus = _write_corpus(tmp_path / "train.jsonl", 50)
    dev = _write_corpus(tmp_path / "dev.jsonl", 10)
    model_dir = train([corpus], [dev], tmp_path / "out", max_steps=5, quiet=True)
    assert (model_dir / "config.cfg").exists()
    nlp = spacy.load(model_dir)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "ORG", "GPE", "LOC"}
    doc = nlp("李鹏今天在北京会见了新华社的代表。")
    assert doc.text == "李鹏今天在北京会见了新华社的代表。"


def test_train_goes_on_from_a_trained_pipeline(tmp_path):
    """--init: training starts from the given pipeline's weights, not at random. The given pipeline
    is made with another random seed, so a run that ignored it would start elsewhere; after two
    steps of a learning rate warming up from zero, tok2vec still computes what it computed."""
    import numpy

    from kg.nlp.train import DEFAULT_CONFIG

    corpus = _write_corpus(tmp_path / "train.jsonl", 50)
    dev = _write_corpus(tmp_path / "dev.jsonl", 10)
    other_seed = tmp_path / "seed7.cfg"
    other_seed.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace("seed = 0", "seed = 7"), encoding="utf-8")
    first = train([corpus], [dev], tmp_path / "first", max_steps=5, config=other_seed, quiet=True)
    finetune = DEFAULT_CONFIG.parent / "finetune.cfg"
    train([corpus], [dev], tmp_path / "second", max_steps=2, config=finetune, init=first, quiet=True)
    train([corpus], [dev], tmp_path / "fresh", max_steps=2, config=finetune, quiet=True)
    text = "李鹏今天在北京会见了新华社的代表。"

    def vectors(path):
        nlp = spacy.load(path)
        return nlp.get_pipe("tok2vec").predict([nlp.make_doc(text)])[0]

    before = vectors(first)
    went_on, fresh = vectors(tmp_path / "second" / "model-last"), vectors(tmp_path / "fresh" / "model-last")
    assert numpy.abs(went_on - before).mean() < 0.1 * numpy.abs(fresh - before).mean()


def test_teacher_labels_the_shipped_model_labels_a_corpus_less_excluded_sentences(tmp_path):
    from kg.nlp import pipeline
    from kg.nlp.teacher_labels import label

    source = tmp_path / "pd.jsonl"
    texts = ["国务院总理李鹏今天在北京会见了日本外相。", "新华社记者从上海报道：中国银行宣布了新的利率。", "这一句与开发集共有二十个以上的相同字符，所以不要。"]
    source.write_text("".join(json.dumps({"text": t, "spans": []}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    dev = tmp_path / "dev.jsonl"  # shares a 20-character run with the third sentence, in half-width forms
    dev.write_text(json.dumps({"text": "前言：这一句与开发集共有二十个以上的相同字符,", "spans": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "labelled" / "pd.teacher.jsonl"
    teacher = pipeline.load(pipeline.model_path(), rules=False)
    assert label(teacher, source, out, [dev]) == (2, 3)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == texts[:2]
    first = {(records[0]["text"][s:e], lab) for s, e, lab in records[0]["spans"]}
    assert {("李鹏", "nr"), ("北京", "ns")} <= first
