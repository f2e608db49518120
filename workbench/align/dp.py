"""Dynamic programming over a corridor of states around the anchors: time and memory grow with its area.

A state ``(i, j)`` means "the first i kk and the first j ru sentences are aligned". Row ``i`` of the
corridor allows ``lo[i] <= j <= hi[i]``. Between two anchors the corridor is the whole rectangle
when it is small (so a dropped block of any shape becomes a run of skips), else a band around the
straight line joining them.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from workbench.align.model import AlignConfig

CostFn = Callable[[int, int, int, int], float]


def corridor(points: Sequence[tuple[int, int]], n: int, m: int,
             config: AlignConfig) -> tuple[list[int], list[int]]:
    """Row bounds ``lo, hi`` (inclusive) of the states the DP may visit.

    :param points: monotone states the path should pass near, from ``(i0, j0)`` to ``(n, m)``
        (relative to the stretch); consecutive points bound one rectangle.
    """
    lo = [m + 1] * (n + 1)
    hi = [-1] * (n + 1)
    band = config.band
    for (ia, ja), (ib, jb) in zip(points, points[1:]):
        rows, cols = ib - ia, jb - ja
        if (rows + 1) * (cols + 1) <= config.max_rectangle_cells or rows == 0:
            for i in range(ia, ib + 1):
                lo[i] = min(lo[i], ja)
                hi[i] = max(hi[i], jb)
            continue
        for i in range(ia, ib + 1):
            centre = ja + (i - ia) * cols / rows
            lo[i] = min(lo[i], max(ja, int(centre) - band))
            hi[i] = max(hi[i], min(jb, int(math.ceil(centre)) + band))
    slack = config.anchor_slack
    lo = [max(0, v - slack) for v in lo]
    hi = [min(m, v + slack) for v in hi]
    # Every row must be reachable from the one before it (by a 1-0 or 1-1 step) and lead to (n, m).
    lo[0] = 0
    hi[n] = m
    for i in range(1, n + 1):
        lo[i] = max(min(lo[i], hi[i - 1] + 1), lo[i - 1])
        hi[i] = max(hi[i], lo[i])
    for i in range(n - 1, -1, -1):
        hi[i] = max(min(hi[i], hi[i + 1]), lo[i + 1] - 1, lo[i])
    return lo, hi


def best_path(n: int, m: int, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]],
              cost: CostFn, i0: int = 0, j0: int = 0) -> list[tuple[int, int, int, int]]:
    """Cheapest monotone path from (0, 0) to (n, m) inside the corridor.

    ``cost(i, a, j, b)`` is called with absolute indices: the stretch starts at kk ``i0``, ru ``j0``.

    :returns: beads as ``(i, a, j, b)``: kk[i:i+a] ↔ ru[j:j+b], in order.
    """
    inf = math.inf
    # Skips cost the same everywhere: price them once instead of calling ``cost`` for each cell.
    skip_price = {k: cost(0, a, 0, b) for k, (a, b) in enumerate(shapes) if a == 0 or b == 0}
    total: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row = [inf] * (row_hi - row_lo + 1)
        brow = [-1] * (row_hi - row_lo + 1)
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, best_k = inf, -1
            for k, (a, b) in enumerate(shapes):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                if pi == i:
                    if pj < row_lo:
                        continue
                    prev = row[pj - row_lo]
                else:
                    plo = lo[pi]
                    if pj < plo or pj > hi[pi]:
                        continue
                    prev = total[pi][pj - plo]
                if prev == inf:
                    continue
                c = prev + (skip_price[k] if k in skip_price else cost(pi + i0, a, pj + j0, b))
                if c < best:
                    best, best_k = c, k
            row[j - row_lo] = best
            brow[j - row_lo] = best_k
        total.append(row)
        back.append(brow)
    if total[n][m - lo[n]] == inf:
        raise RuntimeError("corridor does not connect (0, 0) to (n, m)")  # a bug, not bad input
    path = []
    i, j = n, m
    while i or j:
        a, b = shapes[back[i][j - lo[i]]]
        i, j = i - a, j - b
        path.append((i, a, j, b))
    path.reverse()
    return path
