"""Dynamic programming over a corridor of states around the anchors: time and memory grow with its area.

A state ``(i, j)`` means "the first i kk and the first j ru sentences are aligned". Row ``i`` of the
corridor allows ``lo[i] <= j <= hi[i]``. Between two anchors the corridor is the whole rectangle
when it is small (so a dropped block of any shape becomes a run of skips), else a band around the
straight line joining them.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from workbench.align.model import AlignConfig


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


BlockCost = Callable[[int, int, int, int, int, int], np.ndarray]
ROWS_PER_BLOCK = 128


def best_path(n: int, m: int, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]],
              block_cost: BlockCost, i0: int = 0, j0: int = 0) -> list[tuple[int, int, int, int]]:
    """Cheapest monotone path from (0, 0) to (n, m) inside the corridor, one row of states at a time.

    ``block_cost(a, b, i_from, i_to, j_from, j_to)`` gives, as an array, the costs of the beads
    kk[i:i+a] ↔ ru[j:j+b] for i in [i_from, i_to) and j in [j_from, j_to) (absolute indices: the stretch
    starts at kk ``i0``, ru ``j0``). It is asked for blocks of rows, so its work is vectorised and the
    memory stays that of one block; the DP itself keeps only the corridor (one short row per state row).

    :returns: beads as ``(i, a, j, b)``: kk[i:i+a] ↔ ru[j:j+b], in order.
    """
    inf = math.inf
    lo_a = np.asarray(lo, dtype=np.int64)
    hi_a = np.asarray(hi, dtype=np.int64)
    ru_skip = [k for k, (a, b) in enumerate(shapes) if a == 0]
    if len(ru_skip) != 1 or shapes[ru_skip[0]] != (0, 1):
        raise ValueError("shapes must hold 0-1 and no other shape without kk sentences")
    ru_skip_k = ru_skip[0]
    ru_skip_cost = float(block_cost(0, 1, i0, i0 + 1, j0, j0 + 1)[0, 0])
    row_shapes = [(k, a, b) for k, (a, b) in enumerate(shapes) if a > 0]
    total: list[np.ndarray] = []
    back: list[np.ndarray] = []
    block_costs: dict[int, np.ndarray] = {}
    block_r0 = block_c0 = 0
    for i in range(n + 1):
        if i >= 1 and (i - 1) % ROWS_PER_BLOCK == 0:
            # Costs of the beads that end in the rows of the next block: at (r, c) for r in [block_r0, r1),
            # c in [block_c0, c1), starting at (r - a, c - b).
            block_r0, r1 = i, min(i + ROWS_PER_BLOCK, n + 1)
            block_c0, c1 = int(lo_a[block_r0:r1].min()), int(hi_a[block_r0:r1].max()) + 1
            block_costs = {}
            for k, a, b in row_shapes:
                out = np.full((r1 - block_r0, c1 - block_c0), inf)
                s0, s1 = block_r0 - a, r1 - a
                t0, t1 = max(block_c0 - b, 0), c1 - b
                if s0 >= 0 and t1 > t0:
                    out[:, t0 + b - block_c0:] = block_cost(a, b, s0 + i0, s1 + i0, t0 + j0, t1 + j0)
                elif s1 > 0 and t1 > t0:
                    out[-s0:, t0 + b - block_c0:] = block_cost(a, b, i0, s1 + i0, t0 + j0, t1 + j0)
                block_costs[k] = out
        row_lo, row_hi = int(lo_a[i]), int(hi_a[i])
        width = row_hi - row_lo + 1
        best = np.full(width, inf)
        best_k = np.full(width, -1, dtype=np.int8)
        if i == 0:
            if row_lo == 0:
                best[0] = 0.0
        else:
            for k, a, b in row_shapes:
                pi = i - a
                if pi < 0:
                    continue
                prev_lo, prev_hi = int(lo_a[pi]), int(hi_a[pi])
                # Columns j of this row whose predecessor j - b lies in the previous row's range.
                start, stop = max(row_lo, prev_lo + b), min(row_hi, prev_hi + b)
                if start > stop:
                    continue
                prev = total[pi][start - b - prev_lo:stop - b - prev_lo + 1]
                costs = block_costs[k][i - block_r0, start - block_c0:stop - block_c0 + 1]
                cand = prev + costs
                seg = best[start - row_lo:stop - row_lo + 1]
                better = cand < seg
                seg[better] = cand[better]
                best_k[start - row_lo:stop - row_lo + 1][better] = k
        # 0-1 beads stay in the row: best[j] = min(best[j], best[j-1] + skip), a running minimum.
        cols = np.arange(width)
        shifted = best - cols * ru_skip_cost
        running = np.minimum.accumulate(shifted)
        from_skip = running < shifted
        if from_skip.any():
            best = np.where(from_skip, running + cols * ru_skip_cost, best)
            best_k = np.where(from_skip, ru_skip_k, best_k).astype(np.int8)
        total.append(best)
        back.append(best_k)
    if not math.isfinite(total[n][m - lo[n]]):
        raise RuntimeError("corridor does not connect (0, 0) to (n, m)")  # a bug, not bad input
    path = []
    i, j = n, m
    while i or j:
        a, b = shapes[int(back[i][j - lo[i]])]
        i, j = i - a, j - b
        path.append((i, a, j, b))
    path.reverse()
    return path
