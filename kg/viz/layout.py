"""A seeded force-directed layout in numpy, fast enough for 5,000 nodes.

networkx's ``spring_layout`` without scipy builds an n x n x 2 array every
iteration (400 MB and about a second per iteration at 5,000 nodes), and
vis-network's own physics needs tens of seconds in the browser. This is the
same Fruchterman-Reingold model with the repulsion split in two: exact between
nodes in neighbouring grid cells, and from the centroid of each farther cell
(a one-level Barnes-Hut). Cost per iteration is about n * (cells + 9 * n / cells).
"""

from __future__ import annotations

import math

import numpy as np

CELL_SIZE = 40  # nodes per cell: balances the far field (n * cells) and the near one (n * CELL_SIZE)


def compute_layout(
    n: int,
    edges: list[tuple[int, int]],
    *,
    seed: int = 0,
    iterations: int = 60,
    scale: float = 60.0,
) -> np.ndarray:
    """Place ``n`` nodes so that linked nodes sit near each other.

    Each connected component is laid out on its own, then the components are
    packed in rows, largest first: one force layout of everything would push
    the many small components of a news graph into a far ring.

    Args:
        n: Number of nodes, numbered ``0 .. n-1``.
        edges: Pairs of node numbers; direction and repeats are ignored.
        seed: Seed of the starting positions: same input, same layout.
        iterations: Cooling steps per component.
        scale: Pixels per ideal edge length in the returned coordinates.

    Returns:
        An ``(n, 2)`` float array of x, y.
    """
    if n == 0:
        return np.zeros((0, 2))
    pairs = sorted({(min(a, b), max(a, b)) for a, b in edges if a != b})
    components = _components(n, pairs)
    index, group = [0] * n, [0] * n
    for g, members in enumerate(components):
        for i, node in enumerate(members):
            index[node], group[node] = i, g
    local: list[list[tuple[int, int]]] = [[] for _ in components]
    for a, b in pairs:
        local[group[a]].append((index[a], index[b]))
    boxes = []
    for members, local_pairs in zip(components, local):
        pos = _force_layout(len(members), local_pairs, seed=seed, iterations=iterations)
        pos -= pos.min(axis=0)
        boxes.append((members, pos))
    out = np.zeros((n, 2))
    width = max(max(float(p[:, 0].max()) for _, p in boxes), math.sqrt(sum(
        (float(p[:, 0].max()) + 1.5) * (float(p[:, 1].max()) + 1.5) for _, p in boxes)))
    x = y = row_height = 0.0
    for members, pos in boxes:
        w, h = float(pos[:, 0].max()) + 1.5, float(pos[:, 1].max()) + 1.5
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[members] = pos + (x, y)
        x, row_height = x + w, max(row_height, h)
    out -= out.mean(axis=0)
    return out * scale


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components, largest first, ties by smallest member."""
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in range(n):
        groups.setdefault(find(node), []).append(node)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _force_layout(n: int, pairs: list[tuple[int, int]], *, seed: int, iterations: int) -> np.ndarray:
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.random((n, 2)) * side
    edge = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    src, dst = edge[:, 0], edge[:, 1]
    temperature = side / 8
    iterations = min(iterations, 30 + n)  # small components settle fast
    for step in range(iterations):
        disp = _repulsion(pos, flip=step % 2 == 1) if n > 300 else _exact_repulsion(pos)
        delta = pos[src] - pos[dst]
        pull = delta * np.hypot(delta[:, 0], delta[:, 1])[:, None]  # (delta / d) * d**2 / k, k = 1
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(src, pull[:, axis], minlength=n)
            disp[:, axis] += np.bincount(dst, pull[:, axis], minlength=n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        t = temperature * (1 - step / iterations) + 0.01
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
    return pos


def _exact_repulsion(pos: np.ndarray) -> np.ndarray:
    dx = pos[:, 0:1] - pos[None, :, 0]
    dy = pos[:, 1:2] - pos[None, :, 1]
    d2 = np.maximum(dx * dx + dy * dy, 1e-4)
    np.fill_diagonal(d2, np.inf)
    return np.stack([(dx / d2).sum(axis=1), (dy / d2).sum(axis=1)], axis=1)


def _repulsion(pos: np.ndarray, flip: bool) -> np.ndarray:
    """Repulsion k^2/d between all pairs, with far nodes lumped by cell.

    Cells hold equal counts of nodes (strips by x, then cells by y within a
    strip; ``flip`` swaps the axes so that cell borders move every step), so a
    dense core costs no more than a sparse rim.
    """
    n = len(pos)
    first, second = (1, 0) if flip else (0, 1)
    per_side = max(1, min(16, round((n / CELL_SIZE) ** 0.5)))
    cells = per_side * per_side
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(pos[:, first], kind="stable")] = np.arange(n)
    strip = rank * per_side // n
    order = np.lexsort((pos[:, second], strip))
    strip_start = np.searchsorted(strip[order], np.arange(per_side))
    strip_size = np.diff(np.append(strip_start, n))
    s = strip[order]
    in_strip = np.arange(n) - strip_start[s]
    cell = np.empty(n, dtype=np.int64)
    cell[order] = s * per_side + in_strip * per_side // strip_size[s]

    mass = np.bincount(cell, minlength=cells).astype(np.float32)
    centre = (
        np.stack([np.bincount(cell, pos[:, a], minlength=cells) for a in (0, 1)], axis=1)
        / np.maximum(mass, 1)[:, None]
    ).astype(np.float32)
    p32 = pos.astype(np.float32)
    # far field from every cell: sum_c m_c (p - c) / |p - c|^2, in float32 (half the memory traffic)
    dx = p32[:, 0:1] - centre[None, :, 0]
    dy = p32[:, 1:2] - centre[None, :, 1]
    w = dx * dx
    w += dy * dy
    np.maximum(w, 1e-2, out=w)
    np.divide(mass[None, :], w, out=w)
    dx *= w
    dy *= w
    disp = np.stack([dx.sum(axis=1), dy.sum(axis=1)], axis=1).astype(np.float64)
    # the own cell exactly instead of by its centroid (x and y kept apart: numpy reduces
    # slowly over an axis of length 2)
    px, py = pos[:, 0], pos[:, 1]
    ox, oy = px - centre[cell, 0], py - centre[cell, 1]
    f = mass[cell] / np.maximum(ox * ox + oy * oy, 1e-2)
    disp[:, 0] -= ox * f
    disp[:, 1] -= oy * f
    start = np.searchsorted(cell[order], np.arange(cells))
    count = np.bincount(cell, minlength=cells)[cell]
    i_rep = np.repeat(np.arange(n), count)
    offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    j_rep = order[np.repeat(start[cell], count) + offset]
    keep = i_rep != j_rep
    i_rep, j_rep = i_rep[keep], j_rep[keep]
    dx = px[i_rep] - px[j_rep]
    dy = py[i_rep] - py[j_rep]
    push = 1 / np.maximum(dx * dx + dy * dy, 1e-4)
    disp[:, 0] += np.bincount(i_rep, dx * push, minlength=n)
    disp[:, 1] += np.bincount(i_rep, dy * push, minlength=n)
    return disp
