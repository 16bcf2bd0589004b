"""The frozen layout: deterministic, finite, and linked nodes near each other."""

import random

import numpy as np
import pytest

from kg.viz.layout import compute_layout


def random_edges(n, m, seed=1):
    rng = random.Random(seed)
    return [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]


@pytest.mark.parametrize("n,m", [(0, 0), (1, 0), (2, 1), (3, 0), (50, 80), (800, 1600)])
def test_viz_layout_shape_and_determinism(n, m):
    edges = random_edges(n, m) if n else []
    a = compute_layout(n, edges)
    b = compute_layout(n, list(reversed(edges)))
    assert a.shape == (n, 2)
    assert np.isfinite(a).all()
    assert np.array_equal(a, b)


def test_viz_layout_linked_nodes_are_closer():
    n = 600
    edges = random_edges(n, 1200)
    pos = compute_layout(n, edges)
    linked = np.mean([np.linalg.norm(pos[a] - pos[b]) for a, b in edges if a != b])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, n, size=(2000, 2))
    anywhere = np.mean(np.linalg.norm(pos[pairs[:, 0]] - pos[pairs[:, 1]], axis=1))
    assert linked < anywhere / 2


def test_viz_layout_nodes_do_not_pile_up():
    n = 400
    pos = compute_layout(n, random_edges(n, 800))
    d = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=2)
    np.fill_diagonal(d, np.inf)
    assert np.median(d.min(axis=1)) > 20  # pixels
