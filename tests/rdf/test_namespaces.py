"""The KG namespace in code and ontology.ttl agree, and the ontology is documented."""

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.rdf.namespaces import KG, SEM

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology.ttl"
SCHEMA_ROOTS = {URIRef("https://schema.org/Organization"), URIRef("https://schema.org/Place"), URIRef("https://schema.org/Person")}


def _ontology():
    return Graph().parse(ONTOLOGY)


def _terms(graph):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(KG._NS))}


def test_namespaces_match_ontology():
    in_code = {KG[name] for name in KG.__annotations__}
    assert in_code == _terms(_ontology())


def test_namespaces_every_term_has_zh_en_label_and_comment():
    graph = _ontology()
    for term in _terms(graph):
        langs = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh-Hans", "en"} <= langs, term
        assert graph.value(term, RDFS.comment) is not None, term


def test_namespaces_entity_and_event_classes_align():
    graph = _ontology()
    for cls in (KG.Organization, KG.AdministrativeArea, KG.Location, KG.Person):
        assert set(graph.transitive_objects(cls, RDFS.subClassOf)) & SCHEMA_ROOTS, cls
    events = set(graph.transitive_subjects(RDFS.subClassOf, KG.Event)) - {KG.Event}
    assert len(events) >= 11
    assert all(SEM.Event in set(graph.transitive_objects(e, RDFS.subClassOf)) for e in events)
    for role in (KG.agent, KG.partner, KG.representative):  # parties and those who act for them
        assert graph.value(role, RDFS.subPropertyOf) == SEM.hasActor
    for role in (KG.theme, KG.destination):  # what the event is done to, where it goes: not actors
        assert graph.value(role, RDFS.subPropertyOf) == SEM.eventProperty
    assert graph.value(SEM.hasActor, RDFS.subPropertyOf) == graph.value(SEM.hasPlace, RDFS.subPropertyOf) == SEM.eventProperty


def test_namespaces_planned_and_negated_events_are_not_events_that_happened():
    graph = _ontology()
    reported = set(graph.transitive_subjects(RDFS.subClassOf, KG.ReportedEvent))
    happened = set(graph.transitive_subjects(RDFS.subClassOf, KG.Event))
    assert {KG.Event, KG.PlannedEvent, KG.NegatedEvent} <= reported
    assert not {KG.PlannedEvent, KG.NegatedEvent} & happened
    assert not any(SEM.Event in set(graph.transitive_objects(c, RDFS.subClassOf)) for c in (KG.PlannedEvent, KG.NegatedEvent))
    assert set(graph.objects(KG.Event, OWL.disjointWith)) == {KG.PlannedEvent, KG.NegatedEvent}
    assert set(graph.objects(KG.PlannedEvent, OWL.disjointWith)) == {KG.NegatedEvent}
    for role in (KG.agent, KG.partner, KG.theme, KG.destination, KG.representative, KG.trigger, KG.timeText, KG.amount):
        assert graph.value(role, RDFS.domain) == KG.ReportedEvent, role


def test_namespaces_tagged_literals_have_range_langstring():
    graph = _ontology()
    for prop in (KG.trigger, KG.timeText):
        assert graph.value(prop, RDFS.range) == RDF.langString, prop


def test_namespaces_trigger_table_uses_ontology_classes():
    from kg.nlp import lexicons

    classes = set(lexicons.table("events/triggers.tsv").values())
    assert {KG[c] for c in classes} <= _terms(_ontology())


def test_namespaces_ontology_lists_each_class_trigger_words():
    from kg.nlp import lexicons

    graph = _ontology()
    listed = {(str(w), str(c).rsplit("#")[-1]) for c, w in graph.subject_objects(KG.triggerWord)}
    assert listed == {(w, c) for w, c in lexicons.table("events/triggers.tsv").items()}


def test_namespaces_signing_is_cameo_057():
    from rdflib.namespace import SKOS

    assert str(_ontology().value(KG.Signing, SKOS.notation)) == "057"
