"""kg's version lives in one place (``kg.__version__``): ``kg --version`` prints it, the package
metadata reads it, the changelog's latest release is it, and importing kg to read it is cheap."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_version_printed_by_kg():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output == f"kg {kg.__version__}\n"


def test_version_is_semantic():
    assert re.fullmatch(r"\d+\.\d+\.\d+", kg.__version__)


def test_version_read_by_the_package_metadata():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 on
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kg.__version__"}


def test_version_is_the_changelog_latest_release():
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert releases and releases[0] == kg.__version__, f"CHANGELOG.md's latest release {releases[:1]} is not kg {kg.__version__}"


def test_version_needs_no_heavy_import():
    code = "import sys, kg; kg.__version__; print(sorted(m for m in ('spacy', 'thinc', 'rdflib', 'numpy') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
