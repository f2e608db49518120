"""A confidence in [0, 1] for each bead: how cheap it is, how much cheaper than its nearest rivals, and how
much its own keys speak for it.

A wrong bead is usually either expensive (the lengths or names disagree), or has a rival about as
cheap: the same sentences cut into other beads, a sentence paired with a neighbour one or two steps up or
down, the bead joined with its neighbour into one (a skip that belongs to the sentence next to it, a 2-1
cut in two), or the bead crossed with its neighbour (sentences translated in the other order); or it sits
in or at the edge of a run of skips, where the DP had to decide where a missing passage starts; or it
pairs sentences whose keys say nothing for the pair, or whose lengths are far apart, which the rest of the
cost can make cheap; or it sits where a run of skips could as well start a few sentences up or down. The
score is a logistic function of those features. Its coefficients were fitted (``python bench/align.py
--fit``: logistic regression, wrong beads weighing 30 right ones) on the in-sample and DEV documents
perturbed with seeds 101–106 (the bench's perturbations and their mirror images), each in-sample document
aligned with a lexicon that was not learnt from it and the DEV ones with the shipped lexicon, which never
saw them; the held-out documents (the 1991 law and HELD OUT 2) were not used, and the bench reports how
the scores rank on seed 4 and on them.
"""
from __future__ import annotations

import math

import numpy as np

from workbench.align.cost import MAX_LEXICAL, BeadCost

# A margin to a rival beyond one unit of cost (about a factor e in odds) either way tells the score no more:
# what matters is whether a rival comes close (fitted with the margins capped at 1, 2, 3 and 6; 1 ranked the
# wrong beads best on perturbation seeds the fit did not see).
MAX_MARGIN = 1.0
PathBead = tuple[int, int, int, int]
FEATURES = ("own cost", "margin to the best re-cut", "margin to the best shifted pair", "skip", "next to a skip",
            "merge", "own cost per sentence", "key support", "key support of the best rival of a skip",
            "no keys on either side", "margin to joining a neighbour", "margin to crossing with a neighbour",
            "length outlier", "skips within two beads", "margin to moving a gap")
MAX_NEARBY_SKIPS = 4
# How far a run of skips is moved up and down to price the other places a missing passage could start.
MAX_GAP_SHIFT = 3
MAX_LENGTH_Z = 6.0
# Intercept, then one coefficient per feature, in the order of FEATURES.
COEFFICIENTS = (-9.776, -0.618, 4.934, 0.729, 0.312, -3.460, -1.439, -0.239, -0.153, -0.160, 0.111, 7.486, -2.601, -0.226, 0.451, 2.113)


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


def _rival_pairs(path: list[PathBead], n: int, m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(bead index, kk sentence, ru sentence) of every 1-1 pairing that rivals a bead: one of its sentences
    with a sentence just outside it (two steps either way for a skip)."""
    owner, kk, ru = [], [], []

    def add(k: int, i: int, j: int) -> None:
        if 0 <= i < n and 0 <= j < m:
            owner.append(k)
            kk.append(i)
            ru.append(j)

    for k, (i, a, j, b) in enumerate(path):
        if a == 0 or b == 0:
            for x in range(i, i + a):
                for y in (j - 2, j - 1, j, j + 1):
                    add(k, x, y)
            for y in range(j, j + b):
                for x in (i - 2, i - 1, i, i + 1):
                    add(k, x, y)
            continue
        for x in range(i, i + a):
            add(k, x, j - 1)
            add(k, x, j + b)
        for y in range(j, j + b):
            add(k, i - 1, y)
            add(k, i + a, y)
    return np.array(owner, dtype=np.int64), np.array(kk, dtype=np.int64), np.array(ru, dtype=np.int64)


def bead_features(bc: BeadCost, path: list[PathBead]) -> np.ndarray:
    """One row of FEATURES per bead ``(i, a, j, b)`` (kk[i:i+a] ↔ ru[j:j+b]) of a path."""
    count = len(path)
    out = np.zeros((count, len(FEATURES)))
    if not count:
        return out
    shape = np.array([(a, b) for _, a, _, b in path], dtype=np.int64)
    skip = (shape[:, 0] == 0) | (shape[:, 1] == 0)
    own = np.zeros(count)
    for a, b in {(a, b) for _, a, _, b in path}:
        sel = [k for k, (_, x, _, y) in enumerate(path) if (x, y) == (a, b)]
        own[sel] = bc.arrays.cells(a, b, [path[k][0] for k in sel], [path[k][2] for k in sel])
    sentences = shape.sum(axis=1)
    recut = np.full(count, MAX_MARGIN)
    support = np.zeros(count)
    for k, (i, a, j, b) in enumerate(path):
        if a + b > 2:
            recut[k] = recut_cost(bc, i, a, j, b) - own[k]
        if a and b:
            support[k] = _support(bc, i, a, j, b)
    owner, rival_kk, rival_ru = _rival_pairs(path, bc.n, bc.m)
    rival_cost = bc.arrays.cells(1, 1, rival_kk, rival_ru)
    best_rival = np.full(count, np.inf)
    np.minimum.at(best_rival, owner, rival_cost)
    per_sentence = np.where(skip, own, own / np.maximum(sentences, 1) * 2)
    shift = best_rival - per_sentence
    rival_support = np.zeros(count)
    skip_rivals = skip[owner]
    for k, i, j in zip(owner[skip_rivals], rival_kk[skip_rivals], rival_ru[skip_rivals]):
        rival_support[k] = max(rival_support[k], min(bc.pair_llr(int(i), int(j)), MAX_LEXICAL))
    near = np.zeros(count, dtype=bool)
    near[1:] |= skip[:-1]
    near[:-1] |= skip[1:]
    no_keys = np.array([not _has_keys(bc, i, a, j, b) for i, a, j, b in path])
    join, cross = neighbour_margins(bc, path, own)
    length = np.zeros(count)
    pairs = ~skip
    if pairs.any():
        x = np.array([_log_length_ratio(bc, i, a, j, b) for i, a, j, b in path if a and b]) - bc.log_ratio
        length[pairs] = np.minimum(np.abs(x) / bc.config.length_sigma, MAX_LENGTH_Z)
    skips = skip.astype(np.float64)
    nearby = np.zeros(count)
    for d in (1, 2):
        nearby[d:] += skips[:-d]
        nearby[:-d] += skips[d:]
    out[:, 0] = own
    out[:, 1] = np.clip(recut, -MAX_MARGIN, MAX_MARGIN)
    out[:, 2] = np.clip(shift, -MAX_MARGIN, MAX_MARGIN)
    out[:, 3] = skip
    out[:, 4] = near & ~skip
    out[:, 5] = sentences > 2
    out[:, 6] = own / np.maximum(sentences, 1)
    out[:, 7] = support
    out[:, 8] = rival_support
    out[:, 9] = no_keys
    out[:, 10] = np.clip(join, -MAX_MARGIN, MAX_MARGIN)
    out[:, 11] = np.clip(cross, -MAX_MARGIN, MAX_MARGIN)
    out[:, 12] = length
    out[:, 13] = np.minimum(nearby, MAX_NEARBY_SKIPS)
    out[:, 14] = np.clip(gap_margins(bc, path), -MAX_MARGIN, MAX_MARGIN)
    return out


def _skip_runs(path: list[PathBead]) -> list[tuple[int, int, int]]:
    """(first bead, last bead + 1, 0 for a run of kk sentences alone or 1 for ru alone) of every run of
    skips that lacks one side only."""
    runs = []
    k = 0
    while k < len(path):
        if path[k][1] and path[k][3]:
            k += 1
            continue
        start = k
        while k < len(path) and not (path[k][1] and path[k][3]):
            k += 1
        if all(path[x][3] == 0 for x in range(start, k)):
            runs.append((start, k, 0))
        elif all(path[x][1] == 0 for x in range(start, k)):
            runs.append((start, k, 1))
    return runs


def gap_margins(bc: BeadCost, path: list[PathBead]) -> np.ndarray:
    """For each bead, how much dearer the path would be with a nearby run of skips moved up or down by up to
    ``MAX_GAP_SHIFT`` sentences (``MAX_MARGIN`` where no run is near; lower = more doubtful).

    Where one edition lacks a passage, the DP must choose where the gap starts; numbered points and
    recurring phrases can make another start almost as cheap. Moving a run of kk skips up by d unpairs the
    d kk sentences before it and pairs their ru sentences with the last d sentences of the run instead
    (down by d: the mirror image); only 1-1 beads are moved, and the skips cost the same wherever they are.
    The margin goes to the run's beads and to the pairs the move would change.
    """
    out = np.full(len(path), MAX_MARGIN)
    old: list[PathBead] = []
    new: list[PathBead] = []
    moves: list[tuple[int, int, list[int]]] = []  # (start in old/new, count, beads the move changes)
    for start, end, side in _skip_runs(path):
        length = end - start
        for d in range(1, min(MAX_GAP_SHIFT, length) + 1):
            for up in (True, False):
                near = range(start - d, start) if up else range(end, end + d)
                if near.start < 0 or near.stop > len(path) or any(
                        path[x][1] != 1 or path[x][3] != 1 for x in near):
                    continue
                # The sentences of the run (on the side it lacks the other) that the move pairs.
                run_first = path[start][0] if side == 0 else path[start][2]
                take = range(run_first + length - d, run_first + length) if up else range(run_first, run_first + d)
                moves.append((len(old), d, [*range(start, end), *near]))
                for t, x in enumerate(near):
                    i, _, j, _ = path[x]
                    old.append((i, 1, j, 1))
                    new.append((take[t], 1, j, 1) if side == 0 else (i, 1, take[t], 1))
    if not moves:
        return out
    old_cost, new_cost = _costs(bc, old), _costs(bc, new)
    for at, d, beads in moves:
        margin = float(new_cost[at:at + d].sum() - old_cost[at:at + d].sum())
        for k in beads:
            out[k] = min(out[k], margin)
    return out


def _log_length_ratio(bc: BeadCost, i: int, a: int, j: int, b: int) -> float:
    return bc.ru_groups[b][j][3] - bc.kk_groups[a][i][3]


def _costs(bc: BeadCost, beads: list[PathBead]) -> np.ndarray:
    """Costs of beads ``(i, a, j, b)`` (any shape of the config), computed over arrays shape by shape."""
    out = np.zeros(len(beads))
    by_shape: dict[tuple[int, int], list[int]] = {}
    for k, (_, a, _, b) in enumerate(beads):
        by_shape.setdefault((a, b), []).append(k)
    for (a, b), sel in by_shape.items():
        out[sel] = bc.arrays.cells(a, b, [beads[k][0] for k in sel], [beads[k][2] for k in sel])
    return out


def neighbour_margins(bc: BeadCost, path: list[PathBead], own: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each bead, how much dearer the path would be (capped at ``MAX_MARGIN``, lower = more doubtful)

    - joining it with the bead before or after into one bead of a shape the aligner knows (a skip that is
      really part of its neighbour, a 2-1 the DP cut in two), and
    - crossing it with a neighbouring 1-1 bead (kk i with ru j+1 and kk i+1 with ru j: two sentences
      translated in the other order, which a monotone path can only pair straight or skip).
    """
    count = len(path)
    join = np.full(count, MAX_MARGIN)
    cross = np.full(count, MAX_MARGIN)
    shapes = set(bc.config.shapes)
    joined: list[PathBead] = []
    join_at: list[int] = []
    crossed: list[PathBead] = []
    cross_at: list[int] = []
    for k in range(count - 1):
        (i, a, j, b), (_, a2, _, b2) = path[k], path[k + 1]
        if (a + a2, b + b2) in shapes and a + a2 and b + b2:
            joined.append((i, a + a2, j, b + b2))
            join_at.append(k)
        if a == b == a2 == b2 == 1:
            crossed.extend([(i, 1, j + 1, 1), (i + 1, 1, j, 1)])
            cross_at.append(k)
    if joined:
        at = np.array(join_at)
        margin = np.minimum(_costs(bc, joined) - own[at] - own[at + 1], MAX_MARGIN)
        np.minimum.at(join, at, margin)
        np.minimum.at(join, at + 1, margin)
    if crossed:
        at = np.array(cross_at)
        pair_costs = _costs(bc, crossed)
        margin = np.minimum(pair_costs[0::2] + pair_costs[1::2] - own[at] - own[at + 1], MAX_MARGIN)
        np.minimum.at(cross, at, margin)
        np.minimum.at(cross, at + 1, margin)
    return join, cross


def _support(bc: BeadCost, i: int, a: int, j: int, b: int) -> float:
    """Key log-likelihood ratio of a bead that pairs sentences, clipped like the cost clips it."""
    ka, _, _, _, _, _, ma = bc.kk_groups[a][i]
    kb, _, _, _, _, _, mb = bc.ru_groups[b][j]
    common = ka & kb
    llr = ma + mb + (math.fsum(map(bc.pf.match_bonus.__getitem__, common)) if common else 0.0)
    return max(-MAX_LEXICAL, min(llr, MAX_LEXICAL))


def _has_keys(bc: BeadCost, i: int, a: int, j: int, b: int) -> bool:
    return any(bc.pf.kk_keys[x] for x in range(i, i + a)) or any(bc.pf.ru_keys[y] for y in range(j, j + b))


def bead_scores(bc: BeadCost, path: list[PathBead], features: np.ndarray | None = None) -> list[float]:
    """Score in [0, 1] of each bead ``(i, a, j, b)`` (kk[i:i+a] ↔ ru[j:j+b]) of a path; higher = surer."""
    if features is None:
        features = bead_features(bc, path)
    if not len(path):
        return []
    w = np.asarray(COEFFICIENTS)
    x = w[0] + features @ w[1:]
    scores = 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))
    return neighbour_skips(bc, path, [float(s) for s in scores])


def neighbour_skips(bc: BeadCost, beads: list[PathBead], scores: list[float]) -> list[float]:
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
