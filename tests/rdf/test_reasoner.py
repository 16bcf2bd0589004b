"""ontology.ttl is OWL 2 DL, and consistent together with the graph kg builds of the seed page.

Three checks: a structural one with rdflib (every class and property the ontology and the graph use is
declared, each property as one kind only, object properties with IRIs and datatype properties with
literals), which needs nothing else; the OWL API's OWL 2 DL profile checker; and HermiT's consistency
check. The last two run on Java with the OWL API and HermiT that owlready2 ships (``pip install
'kg[test]'``; Java from Debian's ``default-jre-headless``, a JDK's compiler for the profile checker).

HermiT runs with unknown datatypes ignored: its OWL API (3.4) predates RDF 1.1's ``rdf:langString``,
the range of kg's language-tagged properties, and OWL 2's datatype map has no ``xsd:date``,
``xsd:gYear`` or ``xsd:gYearMonth`` (``sem:hasTimeStamp``). Ranges it knows stay checked: a tagged
trigger under a range of ``xsd:string`` is still an inconsistency (a test below).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.rdf.namespaces import KG, SEM

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology.ttl"
PROFILE_CHECKER = Path(__file__).resolve().parent / "OwlProfile.java"
#: What the OWL API 3 profile checker says of RDF 1.1's datatype of tagged literals (see above).
KNOWN = ("Use of unknown datatype: rdf:langString",)
#: RDF, RDFS and OWL terms: built in, never declared.
BUILT_IN = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _java_with_owlready2():
    """owlready2's folder of HermiT, or skip: the reasoner needs owlready2 and a Java runtime."""
    if shutil.which("java") is None:
        pytest.skip("no java on PATH: HermiT needs a Java runtime (Debian: apt-get install default-jre-headless)")
    owlready2 = pytest.importorskip("owlready2", reason="owlready2 ships HermiT: pip install 'kg[test]'")
    return Path(owlready2.__file__).parent / "hermit"


def _write(graph: Graph, folder: Path) -> Path:
    path = folder / "merged.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


def _with_ontology(*graphs: Graph) -> Graph:
    merged = Graph().parse(ONTOLOGY)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def structural_violations(graph: Graph) -> list[str]:
    """What keeps ``graph`` (an ontology with its data) out of OWL 2 DL that rdflib can see: terms
    used but not declared, properties declared as two kinds, and values of the wrong kind."""
    kinds: dict[URIRef, set[URIRef]] = {}
    for kind in PROPERTY_KINDS:
        for p in graph.subjects(RDF.type, kind):
            kinds.setdefault(p, set()).add(kind)
    classes = set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDF.type, RDFS.Datatype))
    found = [f"{p} is declared as {len(k)} kinds of property" for p, k in sorted(kinds.items()) if len(k) > 1]
    for s, p, o in graph:
        if str(p).startswith(BUILT_IN):
            if p in (RDF.type, RDFS.subClassOf, RDFS.domain, RDFS.range) and isinstance(o, URIRef) \
                    and not str(o).startswith(BUILT_IN) and o not in classes and o not in PROPERTY_KINDS:
                found.append(f"class {o} is not declared ({s} {p})")
            continue
        kind = kinds.get(p)
        if kind is None:
            found.append(f"property {p} is not declared")
        elif OWL.ObjectProperty in kind and isinstance(o, Literal):
            found.append(f"object property {p} has a literal: {s} {o!r}")
        elif OWL.DatatypeProperty in kind and not isinstance(o, Literal):
            found.append(f"datatype property {p} has an IRI: {s} {o}")
    return sorted(set(found))


def test_reasoner_ontology_and_seed_graph_are_declared_for_dl(seed_out):
    graph = _with_ontology(Graph().parse(seed_out / "graph.ttl"))
    assert structural_violations(graph) == []


# fmt: off
@pytest.mark.parametrize("turtle, problem", [
    ("kg:x kg:undeclared kg:y .", "property https://w3id.org/kg-news/ontology#undeclared is not declared"),
    ('kg:x kg:agent "甲公司"@zh-Hans .', "object property https://w3id.org/kg-news/ontology#agent has a literal"),
    ("kg:x kg:trigger kg:y .", "datatype property https://w3id.org/kg-news/ontology#trigger has an IRI"),
    ("kg:x a kg:Undeclared .", "class https://w3id.org/kg-news/ontology#Undeclared is not declared"),
    ("kg:trigger a owl:ObjectProperty .", "https://w3id.org/kg-news/ontology#trigger is declared as 2 kinds of property"),
])
# fmt: on
def test_reasoner_structural_check_finds(turtle, problem):
    prefixes = "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    found = structural_violations(_with_ontology(Graph().parse(data=prefixes + turtle, format="turtle")))
    assert any(v.startswith(problem) for v in found), found


def _profile_violations(hermit: Path, path: Path) -> list[str]:
    done = subprocess.run(["java", "-cp", str(hermit / "HermiT.jar"), str(PROFILE_CHECKER), str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if done.returncode != 0 and "compiler" in done.stderr.lower():
        pytest.skip(f"this Java cannot run a source file (a JDK's jdk.compiler is needed): {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    *violations, total = done.stdout.strip().splitlines()
    assert total == f"violations: {len(violations)}"
    return violations


def test_reasoner_ontology_with_seed_graph_is_owl2_dl(seed_out, tmp_path):
    hermit = _java_with_owlready2()
    path = _write(_with_ontology(Graph().parse(seed_out / "graph.ttl")), tmp_path)
    violations = _profile_violations(hermit, path)
    assert [v for v in violations if not v.startswith(KNOWN)] == []


def test_reasoner_profile_check_finds_punned_properties(tmp_path):
    hermit = _java_with_owlready2()
    punned = Graph().parse(data="""
        @prefix kg: <https://w3id.org/kg-news/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        kg:trigger a owl:ObjectProperty .""", format="turtle")
    violations = _profile_violations(hermit, _write(_with_ontology(punned), tmp_path))
    assert any("Cannot pun between properties" in v and "trigger" in v for v in violations), violations


def _consistent(graph: Graph, folder: Path) -> bool:
    import owlready2

    world = owlready2.World()
    world.get_ontology(_write(graph, folder).as_uri()).load()
    try:
        owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    return True


def test_reasoner_hermit_finds_ontology_and_seed_graph_consistent(seed_out, tmp_path):
    _java_with_owlready2()
    assert _consistent(_with_ontology(Graph().parse(seed_out / "graph.ttl")), tmp_path)


def _event(cls: URIRef, *more: URIRef) -> Graph:
    graph = Graph()
    event = URIRef("https://w3id.org/kg-news/id/event/a-0/9")
    for c in (cls, *more):
        graph.add((event, RDF.type, c))
    graph.add((event, SEM.eventType, KG.Signing))
    graph.add((event, KG.trigger, Literal("签约", lang="zh-Hans")))
    return graph


def test_reasoner_hermit_tells_asserted_from_planned_events(tmp_path):
    """A signing that happened and a planned one are consistent; one node that is both is not
    (kg:Event and kg:PlannedEvent are disjoint), so `?e a kg:Signing` cannot hold a planned signing."""
    _java_with_owlready2()
    assert _consistent(_with_ontology(_event(KG.Signing)), tmp_path)
    assert _consistent(_with_ontology(_event(KG.PlannedEvent)), tmp_path)
    assert not _consistent(_with_ontology(_event(KG.Signing, KG.PlannedEvent)), tmp_path)


def test_reasoner_hermit_finds_a_tagged_trigger_under_a_string_range(tmp_path):
    """What the ontology said before its ranges matched the data: kg:trigger's range xsd:string and
    the graph's "签约"@zh-Hans are inconsistent, so the datatype check is not among those ignored."""
    _java_with_owlready2()
    graph = _with_ontology(_event(KG.Signing))
    graph.remove((KG.trigger, RDFS.range, None))
    graph.add((KG.trigger, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#string")))
    assert not _consistent(graph, tmp_path)
