"""A confidence in [0, 1] for each bead: how cheap it is, and how much cheaper than its nearest rivals.

A wrong bead is usually either expensive (the lengths or names disagree), or has a rival about as
cheap: the same sentences cut into other beads, or a sentence paired with the neighbour one step
up or down; or it sits at the edge of a run of skips, where the DP had to decide where a missing
passage starts. The score is a logistic function of those features; its coefficients were fitted
(logistic regression) on the perturbed documents of bench/align.py with seeds 101–103, and the
bench reports how it ranks on seed 4.
"""
from __future__ import annotations

import math

from workbench.align.cost import BeadCost

MAX_MARGIN = 6.0
# Logistic coefficients: intercept, own cost, margin to the best re-cut, margin to the best shift,
# is a skip, is next to a skip (and not one), is a merge, own cost per sentence.
COEFFICIENTS = (2.443, 0.823, 0.44, 0.272, 1.14, -3.588, 0.656, -2.038)


def _pair_cost(bc: BeadCost, i: int, j: int) -> float:
    if 0 <= i < bc.n and 0 <= j < bc.m:
        return bc.cost(i, 1, j, 1)
    return math.inf


def recut_cost(bc: BeadCost, i: int, a: int, j: int, b: int) -> float:
    """Cheapest way to cover the same sentences with other (smaller) beads: a tiny DP over the bead's box."""
    shapes = [(x, y) for x, y in bc.config.shapes if (x, y) != (a, b) and x <= a and y <= b]
    best = [[math.inf] * (b + 1) for _ in range(a + 1)]
    best[0][0] = 0.0
    for x in range(a + 1):
        for y in range(b + 1):
            for dx, dy in shapes:
                if dx <= x and dy <= y and best[x - dx][y - dy] < math.inf:
                    c = best[x - dx][y - dy] + bc.cost(i + x - dx, dx, j + y - dy, dy)
                    if c < best[x][y]:
                        best[x][y] = c
    return best[a][b]


def shift_cost(bc: BeadCost, i: int, a: int, j: int, b: int) -> float:
    """Cheapest pairing of one of the bead's sentences with a sentence just outside it."""
    best = math.inf
    if a == 0 or b == 0:
        # A skipped sentence rivals a pairing with the sentences just before and after the gap.
        for k in range(i, i + a):
            best = min(best, _pair_cost(bc, k, j - 1), _pair_cost(bc, k, j))
        for k in range(j, j + b):
            best = min(best, _pair_cost(bc, i - 1, k), _pair_cost(bc, i, k))
        return best
    for k in range(i, i + a):
        best = min(best, _pair_cost(bc, k, j - 1), _pair_cost(bc, k, j + b))
    for k in range(j, j + b):
        best = min(best, _pair_cost(bc, i - 1, k), _pair_cost(bc, i + a, k))
    return best


def features(bc: BeadCost, i: int, a: int, j: int, b: int) -> tuple[float, float, float, float]:
    """(own cost, margin to the best re-cut, margin to the best shift, 1 if a skip) of one bead."""
    own = bc.cost(i, a, j, b)
    skip = a == 0 or b == 0
    recut = MAX_MARGIN if a + b == 1 else min(recut_cost(bc, i, a, j, b) - own, MAX_MARGIN)
    per_sentence = own / max(a + b, 1) * 2 if not skip else own
    shift = min(shift_cost(bc, i, a, j, b) - per_sentence, MAX_MARGIN)
    return own, recut, shift, 1.0 if skip else 0.0


def bead_scores(bc: BeadCost, path: list[tuple[int, int, int, int]]) -> list[float]:
    """Score in [0, 1] of each bead ``(i, a, j, b)`` (kk[i:i+a] ↔ ru[j:j+b]) of a path; higher = surer."""
    w0, w_own, w_recut, w_shift, w_skip, w_near, w_merge, w_per = COEFFICIENTS
    skips = [a == 0 or b == 0 for _, a, _, b in path]
    scores = []
    for k, (i, a, j, b) in enumerate(path):
        own, recut, shift, skip = features(bc, i, a, j, b)
        near = not skips[k] and (k > 0 and skips[k - 1] or k + 1 < len(path) and skips[k + 1])
        x = (w0 + w_own * own + w_recut * recut + w_shift * shift + w_skip * skip + w_near * near
             + w_merge * (a + b > 2) + w_per * own / max(a + b, 1))
        scores.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x)))))
    return neighbour_skips(bc, path, scores)


def neighbour_skips(bc: BeadCost, beads: list[tuple[int, int, int, int]], scores: list[float]) -> list[float]:
    """Lower the score of a 1-0 next to a 0-1: the two sentences may well be one 1-1 bead that the
    lengths argued against (a point worded much longer in one edition)."""
    skip = bc.config.skip_cost
    out = list(scores)
    for k in range(len(beads) - 1):
        (i, a, j, b), (i2, a2, j2, b2) = beads[k], beads[k + 1]
        if a + b != 1 or a2 + b2 != 1 or a == a2:
            continue
        kk_i, ru_j = (i, j2) if a else (i2, j)
        margin = bc.cost(kk_i, 1, ru_j, 1) - 2 * skip
        low = 1.0 / (1.0 + math.exp(-0.7 * margin))
        out[k] = min(out[k], low)
        out[k + 1] = min(out[k + 1], low)
    return out
