"""The README's commands run as written, so that it cannot drift from the code.

Every ``bash``/``sh``, ``sparql`` and ``python`` block of README.md runs, in README order, in one
temporary folder laid out as the repository (its top-level entries linked in, so ``seeds/``,
``tests/gold/`` and ``queries/`` are where the README says, and outputs stay out of the repository):
shell blocks with bash, SPARQL blocks through ``kg query`` on the store the README's build made,
Python blocks with this interpreter. A ``text`` block right after one of them is its output: its
lines, less ``…`` lines, must come out in that order (a duration such as ``3.9 s`` may differ). A block that cannot run in CI (it installs packages, starts a server, trains
a model …) says why in a comment on the line before it::

    <!-- readme-test: skip (installs packages) -->

and is still checked: each ``kg`` command in it must name a command and options kg has.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_blocks import RUN, SHELL, Block, kg_commands, missing_output, read_blocks, script_lines, unknown_in

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
NOT_LINKED = {".git", "out"}  # the repository's own out/ must not be read or replaced


BLOCKS = read_blocks(README)
RUNNABLE = [b for b in BLOCKS if b.lang in RUN]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder laid out as the repository, where the README's commands write their outputs."""
    work = tmp_path_factory.mktemp("readme")
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED and not entry.name.startswith(".venv"):
            (work / entry.name).symlink_to(entry)
    return work


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # this environment's kg
    env["COLUMNS"] = "100"  # Rich's tables as the README shows them
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _run(block: Block, cwd: Path) -> subprocess.CompletedProcess:
    if block.lang in SHELL:
        command = ["bash", "-euo", "pipefail", "-c", block.text]
    elif block.lang == "sparql":
        command = ["kg", "query", "--format", "csv", block.text]
    else:
        command = [sys.executable, "-c", block.text]
    return subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, encoding="utf-8", timeout=900)


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"line{b.line}-{b.lang}" for b in RUNNABLE])
def test_readme_block_runs(block, workdir):
    scripts = block.text if block.lang in SHELL else ""
    unknown = [(" ".join(["kg", *args]), bad) for args in kg_commands(scripts) if (bad := unknown_in(args))]
    assert unknown == [], f"README.md:{block.line}: kg has no such command or option: {unknown}"
    if block.skip is not None:
        pytest.skip(f"README.md:{block.line}: {block.skip}")
    done = _run(block, workdir)
    said = f"README.md:{block.line}: exit {done.returncode}\n--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"
    assert done.returncode == 0, said
    if block.lang == "sparql":
        assert len(done.stdout.strip().splitlines()) > 1, f"README.md:{block.line}: the query found nothing\n{said}"
    if block.output is not None:
        missing = missing_output(block.output, done.stdout + done.stderr)
        assert missing == [], f"README.md:{block.line}: the output shown after it does not come out; from here on:\n" + "\n".join(missing) + f"\n{said}"


def test_readme_skips_say_why():
    skipped = [b for b in BLOCKS if b.skip is not None]
    assert skipped, "the README's install commands are marked as not run in CI"
    assert all(b.skip for b in skipped), [b.line for b in skipped if not b.skip]
    assert all(b.lang in RUN for b in skipped), [b.line for b in skipped if b.lang not in RUN]


def test_readme_test_command_is_what_ci_runs():
    tests = [line for b in BLOCKS if b.lang in SHELL for line in script_lines(b.text) if "pytest" in line]
    assert len(tests) == 1, f"one README command runs the tests: {tests}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests[0].strip() in (line.strip() for line in ci), f".ci/run does not run the README's {tests[0]!r}"


# fmt: off
@pytest.mark.parametrize("script, found", [
    ("kg build seeds --out out && kg query -f signings | head", [["build", "seeds", "--out", "out"], ["query", "-f", "signings"]]),
    ("pip install . && kg build   # the seed page", [["build"]]),
    ("kg build a.txt \\\n  --date 2020-05-29; ls out", [["build", "a.txt", "--date", "2020-05-29"]]),
    ("kg query 'SELECT ?s WHERE { ?s a kg:Signing }'", [["query", "SELECT ?s WHERE { ?s a kg:Signing }"]]),
    ("python bench/events.py", []),
])
# fmt: on
def test_readme_kg_commands_found(script, found):
    assert kg_commands(script) == found


# fmt: off
@pytest.mark.parametrize("args, unknown", [
    (["build", "seeds", "--out", "out", "--workers", "2"], []),
    (["build", "--no-cache", "--format=csv"], []),
    (["--version"], []),
    (["build", "--output", "x"], ["--output"]),
    (["bulid", "seeds"], ["bulid"]),
    (["--verbose"], ["--verbose"]),
])
# fmt: on
def test_readme_unknown_options_found(args, unknown):
    assert unknown_in(args) == unknown


def test_readme_output_compared_in_order():
    shown = "a 1.2 s\n…\nc"
    assert missing_output(shown, "a 9.7 s\nb\nc\n") == []
    assert missing_output(shown, "c\na 1.0 s\n") == ["c"]
    assert missing_output(shown, "a 1 s\nb\n") == ["c"]
