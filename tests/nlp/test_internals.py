"""kg reaches into spaCy's and thinc's private attributes in one module only (kg.nlp.internals);
these tests fail loudly on a spaCy or thinc release that lacks what it uses."""

import ast
from pathlib import Path

import kg
from kg.nlp import internals

PACKAGE = Path(kg.__file__).parent
# the private names of spaCy's and thinc's objects that kg.nlp.internals uses
PRIVATE = {"_components", "_func", "_ensure_labels_are_added"}


def test_installed_spacy_and_thinc_have_what_kg_uses():
    assert internals.problems() == []


def test_no_module_but_internals_touches_spacy_or_thinc_private_attributes():
    touching = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in PRIVATE:
                touching.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .{node.attr}")
    assert touching == []
