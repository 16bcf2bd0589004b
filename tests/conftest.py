from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def rules_nlp():
    """kg's pipeline with the rule layer alone (no statistical model): fast and deterministic."""
    from kg.nlp.pipeline import load_rules_only

    return load_rules_only()


@pytest.fixture(scope="session")
def kg_nlp():
    """The shipped NER model, then the rule layer with the rules' own events (not the trained event
    component's: rule tests must not change when a model is retrained)."""
    import kg

    return kg.load(events="rules")


@pytest.fixture(scope="session")
def seed_articles():
    from kg.ingest import read_articles

    (page,) = sorted(SEEDS.glob("*.txt"))
    return list(read_articles(page, page.name))


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory):
    """``kg build`` run once on seeds/ through the CLI, as a user runs it, with the rule layer's events
    (``--events rules``): tests of the graph, the page and the exports must not change when the
    event model is retrained; the shipped pipeline's quality has tests/evaluate/test_quality_floor.py."""
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path_factory.mktemp("build") / "out"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet", "--events", "rules"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def graph_of(kg_nlp):
    """The graph ``kg build`` makes of one article's text (in this process, no files)."""
    from kg.build import analyse
    from kg.ingest.records import Article
    from kg.rdf.mapping import GraphBuilder
    from kg.resolve.entities import EntityTable

    def build(text):
        table = EntityTable()
        builder = GraphBuilder("https://w3id.org/kg-news/id/", table)
        for result in analyse(kg_nlp, [Article(id="a-0", source="a.txt", title="", text=text)], table):
            builder.add_article(result)
        builder.add_entities()
        return builder.graph

    return build
