"""kg's event corpus: examples written by the team are training data only, and copy nothing kg is
measured on."""

from pathlib import Path

from kg.nlp.event_training import read_corpus
from kg.nlp.teacher_labels import excluded_windows, windows

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "annotations" / "events"


def _records(split: str) -> list[dict]:
    return read_corpus([CORPUS / f"{split}.jsonl"])


def test_written_examples_are_in_train_only():
    train = _records("train")
    written = [r for r in train if r["origin"] == "written"]
    assert written and all(r["source"] == "written" and r["id"].startswith("written-") for r in written)
    for split in ("dev", "test"):
        assert {r["origin"] for r in _records(split)} == {"corpus"}


def test_written_examples_share_no_text_with_what_kg_is_measured_on():
    measured = [*sorted((ROOT / "tests" / "gold").glob("*/sentences.md")), *sorted((ROOT / "seeds").glob("*.txt")),
                CORPUS / "dev.jsonl", CORPUS / "test.jsonl"]
    banned = excluded_windows(measured)
    shared = [r["id"] for r in _records("train") if r["origin"] == "written" and windows(r["text"]) & banned]
    assert shared == []


def test_written_annotations_lie_inside_their_text():
    for r in _records("train"):
        if r["origin"] != "written":
            continue
        n = len(r["text"])
        spans = [tuple(e[:2]) for e in r["entities"]]
        spans += [tuple(a["span"]) for ev in r["events"] for a in ev["arguments"]]
        spans += [tuple(p[k]) for p in r["positions"] for k in ("person", "title")]
        assert all(0 <= s < e <= n for s, e in spans), r["id"]
