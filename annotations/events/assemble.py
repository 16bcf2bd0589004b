"""Turn the readers' files into kg's event corpus, and measure how far two readings agree.

    python annotations/events/assemble.py

Reads ``sample.jsonl`` and ``sample-2.jsonl``, ``readings/reader-*.jsonl`` and ``double.json``; writes ``train.jsonl``,
``dev.jsonl`` and ``test.jsonl`` (the format of ``docs/annotation.md``, section 6; a sentence read
twice is taken as its first reader read it, or as ``adjudicated.jsonl`` settles it; the fields that
``corrections.jsonl`` gives a sentence replace its reading's, where a later decision of the guideline
was applied to sentences already read) and
``agreement.md`` (the second readings against the first). Whole documents
(``readings/documents-*.jsonl``) go to ``coreference.jsonl`` with each event's cluster, and their
sentences to the split of their document (the seed page's to train). Examples written by the team
(``written/writer-*.jsonl``, each line a reading with its own ``text``) go to ``train.jsonl`` with
``origin`` ``written``, never to dev or test; ``written/second-*.jsonl`` holds a second reading of a
sample of them, scored in ``agreement.md`` beside the corpus sentences.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from readings import ReadingError, documents, resolve_document, resolve_reading

HERE = Path(__file__).parent
SPLITS = ("train", "dev", "test")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def readings_by_reader() -> dict[int, dict[str, dict]]:
    found = {}
    for path in sorted((HERE / "readings").glob("reader-*.jsonl")):
        k = int(path.stem.split("-")[1])
        found[k] = {r["id"]: r for r in load_jsonl(path)}
    return found


def participants(sid: str, text: str, ann: dict) -> set[tuple]:
    return {(sid, ev["class"], arg["role"], text[arg["span"][0]:arg["span"][1]])
            for ev in ann["events"] for arg in ev["arguments"]}


def triggers(sid: str, ann: dict) -> set[tuple]:
    return {(sid, ev["class"], *ev["trigger"]) for ev in ann["events"]}


def entities(sid: str, ann: dict) -> set[tuple]:
    return {(sid, *span) for span in ann["entities"]}


def positions(sid: str, text: str, ann: dict) -> set[tuple]:
    span = lambda s: text[s[0]:s[1]] if s else None  # noqa: E731
    return {(sid, span(p["person"]), span(p["title"]), span(p.get("org"))) for p in ann["positions"]}


def f1(a: set, b: set) -> tuple[float, float, float]:
    """Precision, recall, F1 of ``b`` against ``a``."""
    both = len(a & b)
    p = both / len(b) if b else 1.0
    r = both / len(a) if a else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    sample = {item["id"]: item for path in sorted(HERE.glob("sample*.jsonl")) for item in load_jsonl(path)}
    double = json.loads((HERE / "double.json").read_text(encoding="utf-8"))
    readers = readings_by_reader()
    adjudicated = {r["id"]: r for r in load_jsonl(HERE / "adjudicated.jsonl")} if (HERE / "adjudicated.jsonl").exists() else {}
    corrections = {r["id"]: r for r in load_jsonl(HERE / "corrections.jsonl")} if (HERE / "corrections.jsonl").exists() else {}
    resolved, missing, problems = {}, [], []
    second: dict[str, dict] = {}
    for sid, item in sample.items():
        first = double[sid][0] if sid in double else next((k for k, r in readers.items() if sid in r), None)
        reading = adjudicated.get(sid) or (readers.get(first, {}).get(sid) if first is not None else None)
        if reading is None:
            missing.append(sid)
            continue
        if sid in corrections:
            reading = {**reading, **{k: v for k, v in corrections[sid].items() if k not in ("id", "note")}}
        try:
            resolved[sid] = resolve_reading(item["text"], reading)
            if sid in double and sid in readers.get(double[sid][1], {}):
                second[sid] = resolve_reading(item["text"], readers[double[sid][1]][sid])
                if sid not in adjudicated:
                    resolved[sid]["first"] = readers[first][sid]
        except ReadingError as err:
            problems.append(f"{sid}: {err}")
    for sid in resolved:
        resolved[sid].pop("first", None)
    doc_records = read_documents(problems)
    written = read_written(problems)
    for split in SPLITS:
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for sid, item in sample.items():
                if item["split"] != split or sid not in resolved:
                    continue
                record = {"id": sid, "doc": item["doc"], "source": item["source"], "split": split,
                          "text": item["text"], "origin": "corpus", **resolved[sid]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for doc in doc_records:
                if (doc["split"] if doc["split"] != "seed" else "train") != split:
                    continue
                for i, (text, ann) in enumerate(zip(doc["sentences"], doc["annotations"])):
                    events = [{k: v for k, v in ev.items() if k != "cluster"} for ev in ann["events"]]
                    record = {"id": f"{doc['doc']}-s{i}", "doc": doc["doc"], "source": doc["source"], "split": split,
                              "text": text, "origin": "corpus", **ann, "events": events}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if split == "train":
                for record in written:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(HERE / "coreference.jsonl", "w", encoding="utf-8") as out:
        for doc in doc_records:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    write_agreement(sample, readers, double, second, written)
    counts = Counter(item["split"] for sid, item in sample.items() if sid in resolved)
    events = Counter(ev["class"] for ann in resolved.values() for ev in ann["events"])
    no_event = sum(not ann["events"] for ann in resolved.values())
    print(f"{len(resolved)} sentences ({dict(counts)}), {sum(events.values())} events, "
          f"{no_event} sentences ({no_event / max(len(resolved), 1):.0%}) with none; {len(missing)} not read yet")
    print("events by class:", dict(events.most_common()))
    print(f"{len(written)} sentences written by the team (train), "
          f"{sum(len(r['events']) for r in written)} events")
    for line in problems:
        print("problem:", line)


def read_documents(problems: list[str]) -> list[dict]:
    """Whole documents as read, each sentence's annotation with offsets and clusters."""
    texts = documents()
    meta = {d["doc"]: d for d in load_jsonl(HERE / "documents.jsonl")}
    found = []
    for path in sorted((HERE / "readings").glob("documents-*.jsonl")):
        for reading in load_jsonl(path):
            doc = reading["doc"]
            try:
                annotations = resolve_document(texts[doc], reading)
            except ReadingError as err:
                problems.append(str(err))
                continue
            found.append({"doc": doc, "source": meta[doc]["source"], "split": meta[doc]["split"],
                          "sentences": texts[doc], "annotations": annotations})
    return sorted(found, key=lambda d: d["doc"])


def read_written(problems: list[str]) -> list[dict]:
    """The team's written examples as train records, in file order."""
    found = []
    for path in sorted((HERE / "written").glob("writer-*.jsonl")):
        for reading in load_jsonl(path):
            sid = reading["id"]
            try:
                ann = resolve_reading(reading["text"], reading)
            except ReadingError as err:
                problems.append(f"{sid}: {err}")
                continue
            found.append({"id": sid, "doc": sid.rsplit("-s", 1)[0], "source": "written", "split": "train",
                          "text": reading["text"], "origin": "written", **ann})
    return found


def written_pairs(written: list[dict]) -> list[tuple[str, str, dict, dict]]:
    """(id, text, first reading, second reading) for every written sentence read a second time."""
    first = {r["id"]: r for r in written}
    pairs = []
    for path in sorted((HERE / "written").glob("second-*.jsonl")):
        for reading in load_jsonl(path):
            sid = reading["id"]
            if sid not in first:
                continue
            try:
                other = resolve_reading(first[sid]["text"], reading)
            except ReadingError:
                continue
            pairs.append((sid, first[sid]["text"], first[sid], other))
    return pairs


def agreement_rows(pairs: list[tuple[str, str, dict, dict]]) -> list[str]:
    rows = []
    for name, fn in (("entities (span and type)", lambda s, t, x: entities(s, x)),
                     ("event triggers (span and class)", lambda s, t, x: triggers(s, x)),
                     ("event participants (class, role, name)", participants),
                     ("positions (person, title, body)", positions)):
        first = set().union(*[fn(s, t, x) for s, t, x, _ in pairs]) if pairs else set()
        other = set().union(*[fn(s, t, y) for s, t, _, y in pairs]) if pairs else set()
        p, r, f = f1(first, other)
        rows.append(f"| {name} | {len(first)} | {len(other)} | {f:.3f} |")
    same_eventness = sum(bool(x["events"]) == bool(y["events"]) for _, _, x, y in pairs)
    return ["| what | first reading | second reading | F1 |", "|---|---|---|---|", *rows, "",
            f"Both readings agree on whether the sentence states an event at all in {same_eventness} of {len(pairs)} sentences."]


def write_agreement(sample: dict, readers: dict, double: dict, second: dict[str, dict], written: list[dict]) -> None:
    """Second readings against first ones, on every sentence read twice so far."""
    pairs = []
    for sid, (a, b) in double.items():
        if sid in readers.get(a, {}) and sid in readers.get(b, {}):
            try:
                pairs.append((sid, sample[sid]["text"], resolve_reading(sample[sid]["text"], readers[a][sid]),
                              resolve_reading(sample[sid]["text"], readers[b][sid])))
            except ReadingError:
                continue
    text = [
        "# Agreement between two readings",
        "",
        f"{len(pairs)} sentences of the sample were read by two readers independently (`double.json`);",
        "F1 of the second reading against the first (symmetric). Made by `python annotations/events/assemble.py`.",
        "",
        *agreement_rows(pairs),
        "",
    ]
    others = written_pairs(written)
    if others:
        text += [
            "## Examples written by the team",
            "",
            f"{len(others)} written sentences (`written/`) were read a second time by a reader who saw the text",
            "alone, not the writer's annotation; F1 of that reading against the writer's.",
            "",
            *agreement_rows(others),
            "",
        ]
    (HERE / "agreement.md").write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    main()
