"""The corridor's shape at one-sided runs and the coarse path's free edges (small, direct)."""
from __future__ import annotations

import numpy as np

from workbench.align.aligner import close_skip_runs
from workbench.align.coarse import _grid_path


def test_a_long_run_of_kk_skips_keeps_only_its_column():
    # Path points: pairs up to (10, 10), then kk 10..40 skipped at ru 10, then pairs to (45, 15).
    points = [(i, i) for i in range(11)] + [(i, 10) for i in range(11, 41)] + [(41 + k, 11 + k) for k in range(5)]
    n, m, slack = 45, 15, 4
    lo = [max(0, min(j for i2, j in points if i2 == i) - slack) if any(i2 == i for i2, _ in points) else 0
          for i in range(n + 1)]
    hi = [min(m, max(j for i2, j in points if i2 == i) + slack) if any(i2 == i for i2, _ in points) else m
          for i in range(n + 1)]
    close_skip_runs(points, lo, hi, slack)
    assert all(lo[i] == hi[i] == 10 for i in range(10 + slack, 40 - slack + 1))
    # Near the run's ends the band stays, so the fine path may still correct the coarse one.
    assert lo[10 + slack - 1] < 10 < hi[10 + slack - 1]
    assert lo[40 - slack + 1] < 10 < hi[40 - slack + 1]


def _pairs(path):
    return [(a, b) for a, b in zip(path, path[1:]) if b[0] > a[0] and b[1] > a[1]]


def test_free_end_skips_instead_of_pairing_the_last_blocks():
    # The first blocks match; the last two are unrelated but cost 1.8, less than two skips (2.0): with the
    # end an anchor they pair, at the document's end skipping them is free and they stay apart.
    pair = np.array([[-4.0, 6.0], [6.0, 1.8]])
    assert _pairs(_grid_path(pair)) == [((0, 0), (1, 1)), ((1, 1), (2, 2))]
    assert _pairs(_grid_path(pair, free_end=True)) == [((0, 0), (1, 1))]


def test_free_start_skips_before_the_first_pair():
    pair = np.array([[1.8, 6.0], [6.0, -4.0]])
    assert _pairs(_grid_path(pair)) == [((0, 0), (1, 1)), ((1, 1), (2, 2))]
    assert _pairs(_grid_path(pair, free_start=True)) == [((1, 1), (2, 2))]
