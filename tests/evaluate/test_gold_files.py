"""The shipped gold sets are valid gold: they load, name only kg's event classes and roles, and each
event's article is a heading of the sentences file beside it."""

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, RDFS, URIRef

from kg.evaluate.gold import load_gold

GOLD = Path(__file__).resolve().parents[1] / "gold"
KG = "https://w3id.org/kg-news/ontology#"
SETS = sorted(p for p in GOLD.glob("*/*.json"))


def _ontology_names() -> tuple[set[str], set[str]]:
    graph = Graph().parse(Path(__file__).resolve().parents[2] / "ontology.ttl")
    classes = {str(s)[len(KG):] for s in graph.transitive_subjects(RDFS.subClassOf, URIRef(KG + "Event")) if str(s).startswith(KG)}
    roles = {"agent", "partner", "theme", "destination"}
    return classes, roles


@pytest.mark.parametrize("path", SETS, ids=[p.parent.name for p in SETS])
def test_gold_files_are_valid_and_match_their_sentences(path):
    gold = load_gold([path])
    assert gold.participants
    classes, roles = _ontology_names()
    headings = set(re.findall(r"^## (.+)$", (path.parent / "sentences.md").read_text(encoding="utf-8"), re.M))
    for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
        assert event["class"] in classes and event["article"] in headings
        assert all(p["role"] in roles for p in event["participants"])
