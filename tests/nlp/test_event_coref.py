"""Mentions of one event in an article become one event (kg.nlp.event_coref)."""

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import PROV

from kg.nlp.event_coref import Told, clusters, merged
from kg.nlp.records import Argument, Event, Mention
from kg.rdf.namespaces import KG


def _event(cls, names, start, time=None, modality="asserted", sentence=(0, 10)):
    args = tuple(Argument("agent" if i == 0 else "partner", Mention(start + i, start + i + 1, "ORG", n, n))
                 for i, n in enumerate(names))
    return Event(cls=cls, trigger="签约", trigger_start=start, sentence=sentence, arguments=args, time_text=time, modality=modality)


def _groups(events):
    return [[e.trigger_start for e in g] for g in clusters(events)]


# fmt: off
@pytest.mark.parametrize("events, expected", [
    # headline, lead and body retell one signing: one event
    ([_event("Signing", ["甲", "乙"], 0), _event("Signing", ["甲", "乙"], 20), _event("Signing", ["甲"], 40)], [[0, 20, 40]]),
    # another class, another partner set, another date, another modality: apart
    ([_event("Signing", ["甲", "乙"], 0), _event("Cooperation", ["甲", "乙"], 20)], [[0], [20]]),
    ([_event("Signing", ["甲", "乙"], 0), _event("Signing", ["丙", "丁"], 20)], [[0], [20]]),
    ([_event("Signing", ["甲", "乙"], 0, "5月28日"), _event("Signing", ["甲", "乙"], 20, "6月3日")], [[0], [20]]),
    ([_event("Signing", ["甲", "乙"], 0), _event("Signing", ["甲", "乙"], 20, modality="planned")], [[0], [20]]),
    # 近日 fits any date; a mention that fits two signings (分别) stays its own
    ([_event("Signing", ["甲", "乙"], 0, "5月28日"), _event("Signing", ["甲", "乙"], 20, "近日")], [[0, 20]]),
    ([_event("Signing", ["甲", "乙"], 0), _event("Signing", ["甲", "丙"], 20), _event("Signing", ["甲"], 40)], [[0], [20], [40]]),
])
# fmt: on
def test_event_coref_groups_retellings(events, expected):
    assert _groups(events) == expected


def test_event_coref_merged_event_has_every_party_and_the_first_time():
    one = merged([_event("Signing", ["甲"], 0), _event("Signing", ["甲", "乙"], 20, "5月28日", sentence=(15, 30))])
    assert [a.mention.name for a in one.arguments] == ["甲", "乙"]
    assert (one.time_text, one.sentence, one.trigger_start) == ("5月28日", (0, 10), 0)


def test_event_coref_groups_any_kind_of_mention_by_key():
    told = {"a": Told("Signing", frozenset("甲乙"), None, "asserted"), "b": Told("Signing", frozenset("甲"), None, "asserted")}
    assert clusters(["a", "b"], key=told.get) == [["a", "b"]]


def _build(tmp_path, text: str):
    """``kg build`` of one page holding ``text``, with the rule layer alone."""
    from typer.testing import CliRunner

    from kg.cli import app

    page = tmp_path / "a.txt"
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(page), "--out", str(tmp_path / "out"), "--model", "rules", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return result


def test_build_counts_and_writes_one_event_for_a_retold_signing(tmp_path):
    result = _build(tmp_path, "海尔集团与青岛啤酒集团签约\n\n5月28日，海尔集团与青岛啤酒集团签署合作协议。海尔集团签约后表示满意。\n")
    assert "1 events (Signing 1" in result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    (event,) = graph.subjects(RDF.type, KG.Signing)
    assert len(set(graph.objects(event, PROV.wasDerivedFrom))) == 3  # the headline and both sentences


def test_build_counts_planned_events_apart(tmp_path):
    """The summary's events are those the text asserts (as ``?e a kg:Signing`` counts them); a
    planned one is counted apart."""
    result = _build(tmp_path, "海尔集团与青岛啤酒集团签署合作协议。海尔集团将与青岛银行签约。\n")
    assert "1 events (Signing 1; not asserted: planned 1)" in result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(graph.subjects(RDF.type, KG.Signing))) == 1
    assert len(set(graph.subjects(RDF.type, KG.PlannedEvent))) == 1
