"""A floor under kg's measured quality: the shipped pipeline, built as ``kg build`` runs it, must not
fall more than MARGIN below the README's figures on the seed page and the untuned gold sets."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate.score import evaluate

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
MARGIN = 0.05
# gold set → (its input, what the README reports: score name → F1)
# fmt: off
FIGURES = {
    "seed": (ROOT / "seeds", GOLD / "seed.json", {"entities": 0.898, "event participants": 0.954, "relations": 0.951}),
    "heldout": (GOLD / "heldout" / "sentences.md", GOLD / "heldout" / "heldout.json", {"event participants": 0.735}),
    "web2": (GOLD / "web2" / "sentences.md", GOLD / "web2" / "web2.json", {"event participants": 0.710}),
    "web3": (GOLD / "web3" / "sentences.md", GOLD / "web3" / "web3.json", {"event participants": 0.632}),
}
# fmt: on


@pytest.mark.parametrize("name", FIGURES)
def test_quality_floor(name, tmp_path):
    source, gold, figures = FIGURES[name]
    result = CliRunner().invoke(app, ["build", str(source), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    report = evaluate(tmp_path / "out" / "graph.ttl", [gold])
    below = {score: (round(report.scores[score].f1, 3), figure) for score, figure in figures.items()
             if report.scores[score].f1 < figure - MARGIN}
    assert below == {}, f"{name}: F1 below the README's figure minus {MARGIN}: {below}"
