"""Draw kg's ontology (``ontology.ttl``) as a Mermaid class diagram, which GitHub renders.

Classes are boxes with their datatype properties inside (a property without an ``rdfs:domain``
goes in ``owl:Thing``); ``rdfs:subClassOf`` is an inheritance arrow, to classes of other
vocabularies too (``schema:``, ``sem:``, ``nif:``); an object property is an arrow from its domain
to its range, labelled with its name and the property it specializes.

    python tools/ontology_diagram.py            # print the diagram
    python tools/ontology_diagram.py --write    # put it into docs/graph.md, between its markers
    python tools/ontology_diagram.py --check    # exit 1 if docs/graph.md's diagram is not current
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology.ttl"
PAGE = ROOT / "docs" / "graph.md"
BEGIN = "<!-- ontology-diagram: made by tools/ontology_diagram.py from ontology.ttl; do not edit -->"
END = "<!-- /ontology-diagram -->"
BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
KG = "https://w3id.org/kg-news/ontology#"


def _name(graph: Graph, iri: URIRef) -> str:
    """``prefix:local`` as the ontology file writes it."""
    return graph.namespace_manager.normalizeUri(iri)


def _id(graph: Graph, iri: URIRef) -> str:
    """A Mermaid class id (letters, digits and _ only)."""
    return re.sub(r"\W", "_", _name(graph, iri))


def diagram(ontology: Path = ONTOLOGY) -> str:
    """The Mermaid ``classDiagram`` of ``ontology``, the same text for the same file."""
    graph = Graph().parse(ontology, format="turtle")
    own = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(KG)}
    supers = {(c, s) for c in own for s in graph.objects(c, RDFS.subClassOf) if isinstance(s, URIRef)}
    attributes: dict[URIRef, list[str]] = {}
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        domain = graph.value(prop, RDFS.domain) or OWL.Thing
        value = graph.value(prop, RDFS.range)
        typed = f" {_name(graph, value)}" if value is not None else ""
        attributes.setdefault(domain, []).append(f"+{_name(graph, prop)}{typed}")
    arrows = []
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        domain, value = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
        if domain is None or value is None:
            continue
        parent = graph.value(prop, RDFS.subPropertyOf)
        label = _name(graph, prop) + (f" ⊑ {_name(graph, parent)}" if parent is not None else "")
        arrows.append((domain, value, label))
    boxes = own | {s for _, s in supers} | set(attributes) | {x for d, v, _ in arrows for x in (d, v)}
    lines = ["classDiagram", "    direction LR"]
    for iri in sorted(boxes, key=lambda i: _name(graph, i)):
        members = sorted(attributes.get(iri, []))
        lines.append(f'    class {_id(graph, iri)}["{_name(graph, iri)}"]' + (" {" if members else ""))
        if members:
            lines.extend([*(f"        {member}" for member in members), "    }"])
    for child, parent in sorted(supers, key=lambda cs: (_name(graph, cs[1]), _name(graph, cs[0]))):
        lines.append(f"    {_id(graph, parent)} <|-- {_id(graph, child)}")
    for domain, value, label in sorted(arrows, key=lambda a: (_name(graph, a[0]), a[2])):
        # a colon in a relation's label ends it in Mermaid's grammar: written as the entity #58;
        lines.append(f"    {_id(graph, domain)} --> {_id(graph, value)} : {label.replace(':', '#58;')}")
    return "\n".join(lines) + "\n"


def page_with(page: str, mermaid: str) -> str:
    """``page`` with the text between its diagram markers replaced by ``mermaid``."""
    if not BLOCK.search(page):
        raise ValueError(f"{PAGE}: no diagram markers ({BEGIN} … {END})")
    return BLOCK.sub(lambda _: f"{BEGIN}\n```mermaid\n{mermaid}```\n{END}", page, count=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help=f"replace the diagram in {PAGE.relative_to(ROOT)}")
    action.add_argument("--check", action="store_true", help=f"exit 1 if {PAGE.relative_to(ROOT)} holds another diagram")
    args = parser.parse_args(argv)
    mermaid = diagram()
    if not (args.write or args.check):
        sys.stdout.write(mermaid)
        return 0
    page = PAGE.read_text(encoding="utf-8")
    updated = page_with(page, mermaid)
    if args.check:
        if updated != page:
            print(f"{PAGE.relative_to(ROOT)}: the ontology diagram is not current; run python tools/ontology_diagram.py --write", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
