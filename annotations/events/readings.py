"""Readers' annotations, written with names instead of offsets, resolved against their sentence.

A reading is one JSON object a line (see README.md in this folder)::

    {"id": "msra-train-28890",
     "entities": [["平壤", "GPE"], ["朝鲜统一政策委员会", "ORG"], ["金容淳", "PERSON"], ["郑周永", "PERSON"]],
     "events": [{"trigger": "会见", "class": "Meeting", "modality": "asserted",
                 "args": [["agent", "金容淳"], ["partner", "郑周永"]], "time": null}],
     "positions": [["金容淳", "委员长", "朝鲜统一政策委员会"]]}

A name stands for its first occurrence in the sentence that no longer entity covers; ``name@2``
for the second occurrence of the string, and so on. An entity listed once marks every occurrence of
its name that no longer entity covers.

    python annotations/events/readings.py FILE…   # check reading files, print every problem

A document reading (``readings/documents-K.jsonl``) is one line a document of ``documents.jsonl``:
``{"doc": …, "sentences": [reading, …]}``, a reading (without ``id``) for every sentence in order,
each event with a ``cluster`` naming the real event it tells (the same name in every sentence
that tells it).

A written example (``written/writer-K.jsonl``: sentences written by the team, training data only)
is a reading with its own ``text`` and an ``id`` that starts with ``written-``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CLASSES = {"Signing", "Unveiling", "Cooperation", "Hosting", "Opening", "Founding", "MoveIn",
           "Investment", "Appointment", "Meeting", "Commission", "Acquisition"}
TYPES = {"PERSON", "ORG", "GPE", "LOC"}
ROLES = {"agent", "partner", "theme", "destination", "place", "representative"}
MODALITIES = {"asserted", "planned", "negated"}


class ReadingError(ValueError):
    pass


def occurrences(text: str, name: str) -> list[int]:
    found, at = [], text.find(name)
    while at >= 0 and name:
        found.append(at)
        at = text.find(name, at + 1)
    return found


def parse_name(ref: str) -> tuple[str, int | None]:
    if "@" in ref[1:]:
        name, _, k = ref.rpartition("@")
        if k.isdigit() and int(k) >= 1:
            return name, int(k)
    return ref, None


def entity_spans(text: str, entities: list) -> list[tuple[int, int, str]]:
    """Every occurrence of every listed entity, longest first, none inside another."""
    wanted = []
    for item in entities:
        if not (isinstance(item, list) and len(item) == 2):
            raise ReadingError(f"entity {item!r}: write [name, TYPE]")
        ref, label = item
        if label not in TYPES:
            raise ReadingError(f"entity {ref!r}: type {label!r} is not one of {sorted(TYPES)}")
        name, _, starts = located(text, ref, "entity")
        wanted += [(s, s + len(name), label) for s in starts]
    spans: list[tuple[int, int, str]] = []
    for s, e, label in sorted(set(wanted), key=lambda x: (x[0] - x[1], x[0])):
        if not any(s < e2 and s2 < e for s2, e2, _ in spans):
            spans.append((s, e, label))
    return sorted(spans)


def located(text: str, ref: str, what: str) -> tuple[str, int | None, list[int]]:
    """The name a reference writes, its ``@k`` if any, and where it starts in ``text`` (only the k-th
    occurrence with ``@k``)."""
    name, k = parse_name(ref)
    starts = occurrences(text, name)
    if not starts:
        raise ReadingError(f"{what} {name!r} is not in the sentence")
    if k is not None:
        if k > len(starts):
            raise ReadingError(f"{what} {ref!r}: the sentence has {len(starts)} occurrence(s)")
        starts = [starts[k - 1]]
    return name, k, starts


def resolve(text: str, ref: str, spans: list[tuple[int, int, str]], what: str, entity: bool = True) -> tuple[int, int]:
    name, k, starts = located(text, ref, what)
    if k is not None:
        s = starts[0]
        if entity and (s, s + len(name)) not in {(a, b) for a, b, _ in spans}:
            raise ReadingError(f"{what} {ref!r} is not one of the sentence's entities")
        return s, s + len(name)
    if not entity:
        return starts[0], starts[0] + len(name)
    for s in starts:
        if (s, s + len(name)) in {(a, b) for a, b, _ in spans}:
            return s, s + len(name)
    raise ReadingError(f"{what} {name!r} is not one of the sentence's entities (list it under entities)")


def resolve_reading(text: str, reading: dict) -> dict:
    """Offsets for a reading: entities, events and positions as in the corpus files."""
    spans = entity_spans(text, reading.get("entities", []))
    events = []
    for ev in reading.get("events", []):
        if ev.get("class") not in CLASSES:
            raise ReadingError(f"event class {ev.get('class')!r} is not one of kg's classes")
        if ev.get("modality", "asserted") not in MODALITIES:
            raise ReadingError(f"modality {ev.get('modality')!r} is not one of {sorted(MODALITIES)}")
        trigger = resolve(text, ev["trigger"], spans, "trigger", entity=False)
        args = []
        for arg in ev.get("args", []):
            if not isinstance(arg, list) or len(arg) not in (2, 3) or arg[0] not in ROLES:
                raise ReadingError(f"argument {arg!r}: write [role, name] or [\"representative\", name, body]")
            item = {"role": arg[0], "span": list(resolve(text, arg[1], spans, arg[0]))}
            if arg[0] == "representative":
                if len(arg) != 3:
                    raise ReadingError(f"representative {arg[1]!r}: name the body it acts for")
                item["for"] = list(resolve(text, arg[2], spans, "represented body"))
            args.append(item)
        event = {"trigger": list(trigger), "class": ev["class"], "modality": ev.get("modality", "asserted"),
                 "arguments": args}
        if ev.get("time"):
            event["time"] = list(resolve(text, ev["time"], spans, "time", entity=False))
        events.append(event)
    positions = []
    for pos in reading.get("positions", []):
        if not isinstance(pos, list) or len(pos) != 3:
            raise ReadingError(f"position {pos!r}: write [person, title, body or null]")
        item = {"person": list(resolve(text, pos[0], spans, "position holder")),
                "title": list(resolve(text, pos[1], spans, "title", entity=False))}
        if pos[2]:
            item["org"] = list(resolve(text, pos[2], spans, "position's body"))
        positions.append(item)
    return {"entities": [list(s) for s in spans], "events": events, "positions": positions}


def resolve_document(sentences: list[str], reading: dict) -> list[dict]:
    """Offsets for each sentence of a document reading; every event keeps its ``cluster``."""
    if len(reading.get("sentences", [])) != len(sentences):
        raise ReadingError(f"document {reading.get('doc')!r}: {len(reading.get('sentences', []))} readings "
                           f"for {len(sentences)} sentences")
    resolved = []
    for i, (text, part) in enumerate(zip(sentences, reading["sentences"])):
        try:
            ann = resolve_reading(text, part)
            for ev, given in zip(ann["events"], part.get("events", [])):
                if not given.get("cluster"):
                    raise ReadingError(f"event {given.get('trigger')!r} has no cluster")
                ev["cluster"] = str(given["cluster"])
        except (ReadingError, KeyError, TypeError) as err:
            raise ReadingError(f"document {reading.get('doc')!r}, sentence {i}: {err}") from None
        resolved.append(ann)
    return resolved


def documents() -> dict[str, list[str]]:
    path = Path(__file__).parent / "documents.jsonl"
    return {d["doc"]: d["sentences"] for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def check(paths: list[Path], texts: dict[str, str]) -> int:
    problems = 0
    docs = documents()
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                reading = json.loads(line)
                if "doc" in reading and "id" not in reading:
                    if reading["doc"] not in docs:
                        raise ReadingError(f"doc {reading['doc']!r} is not a document of documents.jsonl")
                    resolve_document(docs[reading["doc"]], reading)
                    continue
                if str(reading.get("id", "")).startswith("written-"):
                    if not isinstance(reading.get("text"), str) or not reading["text"].strip():
                        raise ReadingError(f"written example {reading.get('id')!r} has no text")
                    resolve_reading(reading["text"], reading)
                    continue
                if reading.get("id") not in texts:
                    raise ReadingError(f"id {reading.get('id')!r} is not a sentence of the sample")
                resolve_reading(texts[reading["id"]], reading)
            except (ReadingError, ValueError, KeyError, TypeError) as err:
                problems += 1
                print(f"{path}:{n}: {err}")
    return problems


def sample_texts() -> dict[str, str]:
    """Every drawn sentence's text by id (``sample.jsonl`` and ``sample-2.jsonl``)."""
    texts = {}
    for path in sorted(Path(__file__).parent.glob("sample*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            texts[item["id"]] = item["text"]
    return texts


if __name__ == "__main__":
    count = check([Path(p) for p in sys.argv[1:]], sample_texts())
    print(f"{count} problem(s)")
    sys.exit(1 if count else 0)
