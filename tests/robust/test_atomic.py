"""A killed build never leaves a broken out/: the swap is atomic, the old output stays whole."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest

from kg.atomic import replace_dir

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_atomic_replace_dir_swaps_whole_folders(tmp_path):
    out, staging = tmp_path / "out", tmp_path / ".out.new"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "graph.ttl").write_text("new", encoding="utf-8")
    replace_dir(staging, out)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_atomic_replace_dir_without_previous_output(tmp_path):
    staging = tmp_path / ".out.new"
    staging.mkdir()
    replace_dir(staging, tmp_path / "out")
    assert (tmp_path / "out").is_dir() and not staging.exists()


def _valid(out: Path) -> bool:
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return len(store) > 100 and (out / "graph.html").stat().st_size > 1000


@pytest.mark.parametrize("delay", [0.5, 2.0, 4.0, 6.0])
def test_atomic_sigkill_during_build_leaves_previous_out_whole(tmp_path, delay):
    out = tmp_path / "out"
    build = [sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(out), "--quiet"]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    assert _valid(out)
    before = (out / "graph.ttl").read_bytes()
    proc = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _valid(out)  # old or new, never half-written
    assert (out / "graph.ttl").read_bytes() == before  # the same input gives the same graph
    assert os.listdir(out)
