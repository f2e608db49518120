"""A coarse path through a long stretch without anchors: the DP corridor follows it instead of a straight band.

Repetitive text (numbered articles, copies of one document) has no key rare enough to anchor on, and a
band around the straight line from one corner to the other loses the way as soon as one edition lacks a
block longer than the band. Here both sides are cut into blocks of a few sentences, each block is a
vector of its keys weighted by rarity, and a small DP over the whole block grid (1-1, 1-0 and 0-1 steps,
cost the cosine dissimilarity of the blocks) finds where the texts run parallel and where one of them
has a gap. Its corners become the points the fine corridor passes through, so the corridor stays a few
blocks wide and can never open to the whole matrix.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from workbench.align.cost import BeadCost

MAX_BLOCKS = 1500  # blocks per side: the grid stays under about 2 million cells
MIN_BLOCK = 4
SIMILARITY_WEIGHT = 4.0
BLOCK_SKIP = 1.0
# Sentence counts of a stretch further apart than this are not a drift spread over it: see coarse_points.
MAX_SPREAD_RATIO = 1.5
# Distance from the proportional diagonal, per block: nothing against a real gap (its blocks pair far
# better where they belong), but among equally good paths through repeated text, the one that does not
# jump by whole copies wins.
POSITION_WEIGHT = 2.0


def block_size(rows: int, cols: int) -> int:
    """Sentences per block for a stretch of ``rows`` × ``cols`` sentences."""
    return max(MIN_BLOCK, math.ceil(max(rows, cols) / MAX_BLOCKS))


def _blocks(matrix: sparse.csr_matrix, start: int, stop: int, size: float) -> sparse.csr_matrix:
    """Rows start..stop-1 summed in consecutive runs of ``size`` (on average: the size may be fractional)."""
    count = stop - start
    groups = (np.arange(count) / size).astype(np.int64)
    indicator = sparse.csr_matrix((np.ones(count), (groups, np.arange(count))),
                                  shape=(int(groups[-1]) + 1, count))
    return indicator @ matrix[start:stop]


def coarse_points(bc: BeadCost, i0: int, i1: int, j0: int, j1: int,
                  held: str | None = None) -> tuple[list[tuple[int, int]], int]:
    """States (absolute) along the coarse path from (i0, j0) to (i1, j1), and the block size used.

    :param held: which corner is an anchor the texts run parallel from, when the other is only the start
        or the end of the document: ``"end"`` for the stretch before the first anchor, ``"start"`` for
        the one after the last. Where one edition lacks the beginning (or the end) of the other, the
        pairs then stay on the line through that anchor and the missing part is one run of skips at the
        document's edge, instead of a path spread along the diagonal of the whole stretch.
    """
    size = block_size(i1 - i0, j1 - j0)
    kk_size = ru_size = float(size)
    if MAX_SPREAD_RATIO ** -1 <= (i1 - i0) / (j1 - j0) <= MAX_SPREAD_RATIO and held is None:
        # Blocks of the side with fewer sentences are proportionally shorter, so that the diagonal of the
        # grid follows the texts' overall drift and only real gaps need skips. Beyond that ratio one side
        # lacks a large part of the other, and blocks of a sentence against blocks of five pair nothing.
        kk_size = size * max(1.0, (i1 - i0) / (j1 - j0))
        ru_size = size * max(1.0, (j1 - j0) / (i1 - i0))
        kk_size, ru_size = (kk_size / max(kk_size, ru_size) * size, ru_size / max(kk_size, ru_size) * size)
    # Never less than a sentence: a block of a fraction would leave empty blocks between the sentences.
    kk_size, ru_size = max(1.0, kk_size), max(1.0, ru_size)
    arrays = bc.arrays
    weight = np.array([bc.pf.weight[k] for k in sorted(bc.pf.weight)], dtype=np.float64)
    scale = sparse.diags(weight) if len(weight) else None
    kk = _blocks(arrays.kk.keys[1], i0, i1, kk_size)
    ru = _blocks(arrays.ru.keys[1], j0, j1, ru_size)
    if scale is not None:
        kk, ru = kk @ scale, ru @ scale
    # Each block against the other side's block and its two neighbours, both ways: a block whose text lies
    # half in one block of the other side and half in the next finds all of it in the window, so two
    # texts in parallel look alike whatever the offset of their block edges.
    similarity = np.minimum(1.0, math.sqrt(3.0) / 2 * (_cosine(kk, _window(ru)) + _cosine(_window(kk), ru)))
    kk_starts = _starts(i1 - i0, kk_size)
    ru_starts = _starts(j1 - j0, ru_size)
    kk_len = np.add.reduceat(np.asarray(bc.pf.kk_lengths[i0:i1], dtype=np.float64), kk_starts)
    ru_len = np.add.reduceat(np.asarray(bc.pf.ru_lengths[j0:j1], dtype=np.float64), ru_starts)
    x = np.log(ru_len[None, :] + 1.0) - np.log(kk_len[:, None] + 1.0) - bc.log_ratio
    rows, cols = similarity.shape
    if held is None:
        drift = np.abs(np.arange(rows)[:, None] / rows - np.arange(cols)[None, :] / cols)
    else:
        # Distance in sentences from the line of slope one through the anchor, over the stretch's size.
        kk_at = np.arange(rows)[:, None] * kk_size
        ru_at = np.arange(cols)[None, :] * ru_size
        if held == "end":
            kk_at, ru_at = (i1 - i0) - kk_at, (j1 - j0) - ru_at
        drift = np.abs(kk_at - ru_at) / max(i1 - i0, j1 - j0)
    pair = (-SIMILARITY_WEIGHT * similarity + np.minimum(0.5 * x * x / 0.3 ** 2, 4.0) * 0.25
            + POSITION_WEIGHT * drift)
    path = _grid_path(pair, free_start=held == "end", free_end=held == "start")
    # Block corners back to sentence states; the last block of a side may be short.
    kk_edges = np.append(kk_starts, i1 - i0)
    ru_edges = np.append(ru_starts, j1 - j0)
    points = [(i0 + int(kk_edges[p]), j0 + int(ru_edges[q])) for p, q in path]
    points[-1] = (i1, j1)
    return points, size


def _window(blocks: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row plus the rows before and after it."""
    rows = blocks.shape[0]
    shift = sparse.eye(rows, k=1, format="csr") + sparse.eye(rows, k=-1, format="csr")
    return (blocks + shift @ blocks).tocsr()


def _cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """Cosine of every row of ``a`` with every row of ``b``, dense."""
    a_norm = np.sqrt(np.asarray(a.multiply(a).sum(axis=1)).ravel()) + 1e-9
    b_norm = np.sqrt(np.asarray(b.multiply(b).sum(axis=1)).ravel()) + 1e-9
    return (a @ b.T).toarray() / a_norm[:, None] / b_norm[None, :]


def _starts(count: int, size: float) -> np.ndarray:
    """Index of the first row of each block when ``count`` rows are cut as in ``_blocks``."""
    groups = (np.arange(count) / size).astype(np.int64)
    return np.flatnonzero(np.diff(groups, prepend=-1))


def _grid_path(pair: np.ndarray, free_start: bool = False, free_end: bool = False) -> list[tuple[int, int]]:
    """Corners (p, q) of the cheapest monotone path over the block grid with 1-1, 1-0 and 0-1 steps.

    :param free_start: skips along the first row and column cost nothing (the stretch opens at the
        document's start, not at an anchor: whatever one edition has before the other begins is skipped
        whole, and no block of it is paired for being a little cheaper than two skips).
    :param free_end: the same for the last row and column.
    """
    rows, cols = pair.shape
    total = np.empty((rows + 1, cols + 1))
    back = np.zeros((rows + 1, cols + 1), dtype=np.int8)  # 0: 1-1, 1: 1-0, 2: 0-1
    steps = np.arange(cols + 1) * BLOCK_SKIP
    down_cost = np.full(cols + 1, BLOCK_SKIP)
    if free_start:
        down_cost[0] = 0.0
    if free_end:
        down_cost[cols] = 0.0
    total[0] = 0.0 if free_start else steps
    back[0, 1:] = 2
    for p in range(1, rows + 1):
        down = total[p - 1] + down_cost
        diagonal = np.full(cols + 1, np.inf)
        diagonal[1:] = total[p - 1, :-1] + pair[p - 1]
        best = np.minimum(down, diagonal)
        choice = np.where(diagonal < down, 0, 1).astype(np.int8)
        if p == rows and free_end:
            running = np.minimum.accumulate(best)
            right = running < best
            total[p] = np.where(right, running, best)
        else:
            shifted = best - steps
            running = np.minimum.accumulate(shifted)
            right = running < shifted
            total[p] = np.where(right, running + steps, best)
        back[p] = np.where(right, 2, choice)
    path = [(rows, cols)]
    p, q = rows, cols
    while p or q:
        step = back[p, q]
        p, q = (p - 1, q - 1) if step == 0 else (p - 1, q) if step == 1 else (p, q - 1)
        path.append((p, q))
    path.reverse()
    return path
