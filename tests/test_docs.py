"""kg's pages say what kg is now: their ``kg`` commands exist, the files they name exist, the class
diagram is the one ontology.ttl gives, and they speak of kg, not of how it was made."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from markdown_blocks import SHELL, kg_commands, read_blocks, unknown_in

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
IDS = [str(p.relative_to(ROOT)) for p in PAGES]
LINK = re.compile(r"\]\((?!https?://|#|mailto:)(?P<target>[^)#\s]+)")
# a path in backticks that starts at one of the repository's top folders: `kg/nlp/records.py`
PATH = re.compile(r"`(?P<path>(?:kg|bench|tests|annotations|queries|docs|seeds|tools)/[\w./-]*\w)`")
PLACEHOLDER = re.compile(r"[A-Z]{2,}|\*|…|\{")  # RUN/model-best, tests/gold/*/sentences.md
# fmt: off
PROCESS_WORDS = [
    r"\bsessions?\b",
    r"\bissue\s*#?\d+",          # issue numbers
    r"\b(first|second|third|\w+th) round\b", r"\bround \d+\b",
    r"\bwe (tried|did|decided)\b",
]
# fmt: on


def _load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_ontology_diagram_current():
    tool = _load_tool("ontology_diagram")
    page = tool.PAGE.read_text(encoding="utf-8")
    assert tool.page_with(page, tool.diagram()) == page, "docs/graph.md: run python tools/ontology_diagram.py --write"


def test_docs_ontology_diagram_draws_classes_and_properties(tmp_path):
    ontology = tmp_path / "o.ttl"
    ontology.write_text(
        "@prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "kg:Event a owl:Class . kg:Signing a owl:Class ; rdfs:subClassOf kg:Event . kg:Entity a owl:Class .\n"
        "kg:agent a owl:ObjectProperty ; rdfs:domain kg:Event ; rdfs:range kg:Entity .\n"
        "kg:trigger a owl:DatatypeProperty ; rdfs:domain kg:Event ; rdfs:range xsd:string .\n",
        encoding="utf-8",
    )
    mermaid = _load_tool("ontology_diagram").diagram(ontology)
    assert mermaid.startswith("classDiagram\n")
    assert "    kg_Event <|-- kg_Signing" in mermaid
    assert "    kg_Event --> kg_Entity : kg#58;agent" in mermaid  # a colon would end Mermaid's label
    assert '    class kg_Event["kg:Event"] {\n        +kg:trigger xsd:string\n    }' in mermaid


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_docs_kg_commands_exist(page):
    unknown = [(block.line, " ".join(args), bad)
               for block in read_blocks(page) if block.lang in SHELL
               for args in kg_commands(block.text) if (bad := unknown_in(args))]
    assert unknown == [], f"{page.name}: kg has no such command or option (line, command, what): {unknown}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_docs_name_files_that_exist(page):
    text = page.read_text(encoding="utf-8")
    links = [m["target"] for m in LINK.finditer(text)]
    missing = [t for t in links if not (page.parent / t).exists()]
    paths = {m["path"] for m in PATH.finditer(text) if not PLACEHOLDER.search(m["path"])}
    missing += sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == [], f"{page.name} names files that do not exist: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_docs_speak_of_kg_not_its_making(page):
    text = page.read_text(encoding="utf-8")
    found = [m.group(0) for pattern in PROCESS_WORDS for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert found == [], f"{page.name}: {found}"
