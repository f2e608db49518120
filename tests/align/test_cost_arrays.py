"""The DP's array costs are the reference bead cost, number for number, for every shape and cell."""
from __future__ import annotations

import numpy as np
import pytest
from corpus_paths import CORPORA

from workbench.align.aligner import _bead_cost
from workbench.align.features import side_features
from workbench.align.model import AlignConfig, Side


@pytest.mark.parametrize("name", ["declaration_independence_20y", "constitution_2026"])
def test_block_and_cell_costs_equal_the_reference_cost(name):
    kk = (CORPORA / name / "kk.txt").read_text(encoding="utf-8").splitlines()[:150]
    ru = (CORPORA / name / "ru.txt").read_text(encoding="utf-8").splitlines()[:150]
    config = AlignConfig()
    # Paragraph starts and headings from the caller too, so that every term of the cost takes part.
    kk_side = Side(kk, frozenset(range(0, 150, 7)), frozenset({0, 3, 40}))
    ru_side = Side(ru, frozenset(range(0, 150, 6)), frozenset({0, 3, 41}))
    bc = _bead_cost(side_features(kk, 5), side_features(ru, 5), {}, (), (), kk_side, ru_side, config)
    n, m = len(kk), len(ru)
    rng = np.random.default_rng(7)
    for a, b in config.shapes:
        block = bc.arrays.block(a, b, 10, n - a + 1, 5, m - b + 1)
        reference = np.array([[bc.cost(i, a, j, b) for j in range(5, m - b + 1)] for i in range(10, n - a + 1)])
        np.testing.assert_allclose(block, reference, rtol=0, atol=1e-9)
        i, j = rng.integers(0, n - a + 1, 300), rng.integers(0, m - b + 1, 300)
        np.testing.assert_allclose(bc.arrays.cells(a, b, i, j), [bc.cost(x, a, y, b) for x, y in zip(i, j)],
                                   rtol=0, atol=1e-9)
