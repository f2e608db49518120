"""Confident anchors: sentence pairs sharing keys rare in their stretch, kept if they form a monotone chain.

Anchors are searched top-down: first over the whole text, then again inside every gap between two
anchors, where keys that were common in the whole book (an article number, a name) become rare.
A chapter that one edition lacks holds no anchors, so the chain jumps over it and the DP, which
only has to fill the gaps, turns it into a run of skips instead of drifting.
"""
from __future__ import annotations

from collections import defaultdict

from workbench.align.cost import BeadCost
from workbench.align.model import AlignConfig

MAX_DEPTH = 6
MIN_GAP_AREA = 9  # gaps this small are left to the DP
MAX_LENGTH_COST = 2.0  # of an anchor pair (``BeadCost.length_cost``)
MIN_RATIO_ANCHORS = 5  # anchors needed before their length ratio is trusted


def find_anchors(bc: BeadCost, i0: int, i1: int, j0: int, j1: int, config: AlignConfig,
                 max_length_cost: float | None = MAX_LENGTH_COST) -> list[tuple[int, int]]:
    """Anchor sentence pairs ``(i, j)`` inside kk[i0:i1] × ru[j0:j1], increasing in both indices.

    :param max_length_cost: pairs whose lengths cost more (``BeadCost.length_cost``) are no anchors; None
        takes the keys' word alone, for judging the length ratio itself (see ``anchored_ratio``).
    """
    found: list[tuple[int, int]] = []
    todo = [(i0, i1, j0, j1, 0)]
    while todo:
        a0, a1, b0, b1, depth = todo.pop()
        chain = _chain(bc, a0, a1, b0, b1, config, max_length_cost)
        found.extend(chain)
        if depth + 1 >= MAX_DEPTH:
            continue
        corners = [(a0 - 1, b0 - 1), *chain, (a1, b1)]
        for (pi, pj), (ni, nj) in zip(corners, corners[1:]):
            if chain and (ni - pi - 1) * (nj - pj - 1) >= MIN_GAP_AREA:
                todo.append((pi + 1, ni, pj + 1, nj, depth + 1))
    found.sort()
    return found


def _candidates(bc: BeadCost, a0: int, a1: int, b0: int, b1: int, config: AlignConfig,
                max_length_cost: float | None = MAX_LENGTH_COST) -> dict[tuple[int, int], float]:
    """Pairs sharing at least one key that is rare on both sides of the stretch, by similarity."""
    pf = bc.pf
    kk_pos: dict[str, list[int]] = defaultdict(list)
    ru_pos: dict[str, list[int]] = defaultdict(list)
    for i in range(a0, a1):
        for k in pf.kk_keys[i]:
            kk_pos[k].append(i)
    for j in range(b0, b1):
        for k in pf.ru_keys[j]:
            ru_pos[k].append(j)
    limit = config.anchor_max_df
    pairs = set()
    for k, where_kk in kk_pos.items():
        if len(where_kk) > limit:
            continue
        where_ru = ru_pos.get(k)
        if not where_ru or len(where_ru) > limit:
            continue
        pairs.update((i, j) for i in where_kk for j in where_ru)
    out = {}
    for i, j in pairs:
        dice, evidence = bc.similarity(i, 1, j, 1)
        if dice * evidence < config.anchor_min_similarity:
            continue
        if max_length_cost is not None and bc.length_cost(pf.kk_lengths[i], pf.ru_lengths[j]) > max_length_cost:
            continue
        if bc.cost(i, 1, j, 1) > config.skip_cost + (0.0 if max_length_cost is not None else MAX_LENGTH_COST):
            continue
        out[(i, j)] = dice * evidence
    return out


def _chain(bc: BeadCost, a0: int, a1: int, b0: int, b1: int, config: AlignConfig,
           max_length_cost: float | None = MAX_LENGTH_COST) -> list[tuple[int, int]]:
    """The heaviest chain of mutually-best candidates that increases in both indices."""
    cands = _candidates(bc, a0, a1, b0, b1, config, max_length_cost)
    best_kk: dict[int, float] = {}
    best_ru: dict[int, float] = {}
    for (i, j), s in cands.items():
        best_kk[i] = max(best_kk.get(i, 0.0), s)
        best_ru[j] = max(best_ru.get(j, 0.0), s)
    mutual = sorted((i, j, s) for (i, j), s in cands.items() if s >= best_kk[i] and s >= best_ru[j])
    chain = _heaviest_increasing(mutual, b0, b1)
    return _drop_zigzags(chain, a0, a1, b0, b1)


def _heaviest_increasing(items: list[tuple[int, int, float]], b0: int, b1: int) -> list[tuple[int, int]]:
    """Weighted longest increasing subsequence in O(k log k) with a Fenwick tree of prefix maxima over j."""
    size = b1 - b0 + 1
    tree_val = [0.0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    best = [0.0] * len(items)
    prev = [-1] * len(items)
    # Items with equal i must not chain: process each i's group against the tree before inserting it.
    k = 0
    while k < len(items):
        group_end = k
        while group_end < len(items) and items[group_end][0] == items[k][0]:
            group_end += 1
        for t in range(k, group_end):
            _, j, s = items[t]
            v, idx, pos = 0.0, -1, j - b0  # query prefix max over j' < j
            while pos > 0:
                if tree_val[pos] > v:
                    v, idx = tree_val[pos], tree_idx[pos]
                pos -= pos & -pos
            best[t], prev[t] = v + s, idx
        for t in range(k, group_end):
            pos = items[t][1] - b0 + 1
            while pos <= size:
                if best[t] > tree_val[pos]:
                    tree_val[pos], tree_idx[pos] = best[t], t
                pos += pos & -pos
        k = group_end
    if not items:
        return []
    t = max(range(len(items)), key=best.__getitem__)
    chain = []
    while t >= 0:
        chain.append((items[t][0], items[t][1]))
        t = prev[t]
    chain.reverse()
    return chain


def _drop_zigzags(chain: list[tuple[int, int]], a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
    """Drop a lone anchor its neighbours contradict: a shift one way before it, back the other way after."""
    changed = True
    while changed and chain:
        changed = False
        points = [(a0 - 1, b0 - 1), *chain, (a1, b1)]
        for k in range(1, len(points) - 1):
            (pi, pj), (i, j), (ni, nj) = points[k - 1], points[k], points[k + 1]
            before = (i - pi) - (j - pj)
            after = (ni - i) - (nj - j)
            if before * after < 0 and min(abs(before), abs(after)) >= 3:
                del chain[k - 1]
                changed = True
                break
    return chain


def anchor_points(anchors: list[tuple[int, int]], i0: int, j0: int, n: int, m: int) -> list[tuple[int, int]]:
    """DP states (relative to the stretch) that the path should pass near: before and after each anchor."""
    points = [(0, 0)]
    for i, j in anchors:
        points.append((i - i0, j - j0))
        points.append((i - i0 + 1, j - j0 + 1))
    points.append((n, m))
    return points


def anchored_ratio(bc: BeadCost, config: AlignConfig) -> float | None:
    """Ru characters per kk character over the anchors found by their keys alone, lengths unseen (None with
    fewer than ``MIN_RATIO_ANCHORS``): the length ratio of what both editions hold, however much of the
    document one of them lacks."""
    anchors = find_anchors(bc, 0, bc.n, 0, bc.m, config, max_length_cost=None)
    if len(anchors) < MIN_RATIO_ANCHORS:
        return None
    kk_chars = sum(bc.pf.kk_lengths[i] for i, _ in anchors)
    ru_chars = sum(bc.pf.ru_lengths[j] for _, j in anchors)
    return (ru_chars + 1.0) / (kk_chars + 1.0)
