"""The bead cost of ``cost.BeadCost`` over whole blocks of candidate beads at once (numpy and sparse matrices).

The DP needs the cost of every bead shape at every state of its corridor: millions of beads on a long
book. Priced one by one in Python that is most of the aligner's time, and repetitive text (numbered
articles, copies of one document) gives no anchors to narrow the corridor with. Here every sentence
group is a row of a sparse matrix of its keys, and the shared-key evidence of a block of kk groups
against a block of ru groups is one sparse matrix product; the other terms are arithmetic on arrays.
``BeadCost.cost`` stays the reference: the tests check that both give the same numbers.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from workbench.align.cost import LENGTH_SMOOTHING, MAX_LENGTH_COST, MAX_LEXICAL, BeadCost, group_crossings


def _matrix(rows: Sequence[frozenset[str]], ids: dict[str, int]) -> sparse.csr_matrix:
    """0/1 matrix with one row per key set, columns by key id (sorted, so sums do not depend on set order)."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(keys) for keys in rows], out=indptr[1:])
    idx = np.fromiter((ids[k] for keys in rows for k in keys), dtype=np.int64, count=int(indptr[-1]))
    m = sparse.csr_matrix((np.ones(len(idx)), idx, indptr), shape=(len(rows), max(len(ids), 1)))
    m.sort_indices()
    return m


def _runs(single: sparse.csr_matrix, size: int) -> sparse.csr_matrix:
    """0/1 matrix of the union of the rows of every run of ``size`` consecutive rows."""
    if size == 1:
        return single
    count = single.shape[0] - size + 1
    if count <= 0:
        return sparse.csr_matrix((0, single.shape[1]))
    total = single[:count].copy()
    for t in range(1, size):
        total = total + single[t:t + count]
    total.data[:] = 1.0
    total.sort_indices()
    return total


class SideArrays:
    """Everything ``BeadCost.cost`` reads about the groups of one side, as arrays per group size."""

    def __init__(self, keys: Sequence[frozenset[str]], numbers: Sequence[frozenset[str]], lengths: Sequence[int],
                 breaks: frozenset[int], heads: frozenset[int], largest: int, points: np.ndarray,
                 caps: frozenset[int], headings: frozenset[int], key_ids: dict[str, int],
                 number_ids: dict[str, int], bonus: np.ndarray, miss: np.ndarray, gain: np.ndarray) -> None:
        n = len(keys)
        single = _matrix(keys, key_ids)
        single_numbers = _matrix(numbers, number_ids)
        sizes = range(1, largest + 1)
        self.keys = [None] + [_runs(single, a) for a in sizes]
        self.keys_bonus = [None] + [m @ sparse.diags(bonus) if m.shape[0] else m for m in self.keys[1:]]
        self.miss = [None] + [np.asarray(m @ miss).ravel() for m in self.keys[1:]]
        self.numbers = [None] + [_runs(single_numbers, a) for a in sizes]
        self.number_count = [None] + [np.diff(m.indptr).astype(np.float64) for m in self.numbers[1:]]
        cumulative = np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.float64))])
        self.log_length = [None] + [np.log(cumulative[a:] - cumulative[:n - a + 1] + LENGTH_SMOOTHING)
                                    for a in sizes]
        self.crossings = [None]
        self.glued = [None]
        for a in sizes:
            pairs = [group_crossings(i, a, breaks, heads) for i in range(n - a + 1)] if a > 1 else []
            self.crossings.append(np.array([c for c, _ in pairs], dtype=np.float64) if a > 1
                                  else np.zeros(n))
            self.glued.append(np.array([g for _, g in pairs], dtype=bool) if a > 1 else np.zeros(n, dtype=bool))
        # A single sentence with its own keys weighed by this side's gain (for the weak-member rule).
        self.single_gain = single @ sparse.diags(gain) if n else single
        self.single_has_keys = np.diff(single.indptr) > 0
        self.points = points  # id of the point number the first sentence opens with, -1 if none
        self.caps = np.zeros(n, dtype=bool)
        self.caps[list(caps)] = True
        self.headings = np.zeros(n, dtype=bool)
        self.headings[[h for h in headings if h < n]] = True


class CostArrays:
    """``block(a, b, i0, i1, j0, j1)``: the costs of the beads kk[i:i+a] ↔ ru[j:j+b] for i in [i0, i1), j in
    [j0, j1), as an array; the same numbers as ``BeadCost.cost`` (up to the order of additions)."""

    def __init__(self, bc: BeadCost, kk_points: Sequence[str | None], ru_points: Sequence[str | None],
                 kk_headings: frozenset[int], ru_headings: frozenset[int]) -> None:
        self.bc = bc
        pf = bc.pf
        keys = sorted(pf.weight)
        key_ids = {k: n for n, k in enumerate(keys)}
        numbers = sorted({x for s in (*pf.kk_numbers, *pf.ru_numbers) for x in s})
        number_ids = {k: n for n, k in enumerate(numbers)}
        # One column even without any key (``_matrix``): the vectors are padded to match it.
        width = max(len(keys), 1)

        def vector(d: dict[str, float]) -> np.ndarray:
            out = np.zeros(width)
            out[:len(keys)] = [d[k] for k in keys]
            return out

        bonus = vector(pf.match_bonus)
        # Point numbers are compared as strings ("3" == "3"): one id table for both sides.
        ids: dict[str, int] = {}
        kk_ids, ru_ids = ([-1 if p is None else ids.setdefault(p, len(ids)) for p in points]
                          for points in (kk_points, ru_points))
        self.kk = SideArrays(pf.kk_keys, pf.kk_numbers, pf.kk_lengths, bc.kk_breaks, bc.kk_heads, bc.largest,
                             np.array(kk_ids, dtype=np.int64), bc.kk_caps, kk_headings, key_ids, number_ids,
                             bonus, vector(pf.kk_miss), vector(pf.kk_gain))
        self.ru = SideArrays(pf.ru_keys, pf.ru_numbers, pf.ru_lengths, bc.ru_breaks, bc.ru_heads, bc.largest,
                             np.array(ru_ids, dtype=np.int64), bc.ru_caps, ru_headings, key_ids, number_ids,
                             bonus, vector(pf.ru_miss), vector(pf.ru_gain))

    def block(self, a: int, b: int, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Costs of kk groups of ``a`` sentences starting at i0..i1-1 against ru groups of ``b`` at j0..j1-1."""
        if a == 0 or b == 0:
            return np.full((i1 - i0, j1 - j0), self.bc.shape_cost[(a, b)])

        def dot(kk_rows: sparse.csr_matrix, ru_rows: sparse.csr_matrix, di: int = 0, dj: int = 0) -> np.ndarray:
            return (kk_rows[i0 + di:i1 + di] @ ru_rows[j0 + dj:j1 + dj].T).toarray()

        return self._with_swaps(a, b, np.arange(i0, i1)[:, None], np.arange(j0, j1)[None, :], dot)

    def cells(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Costs of the beads kk[i[k]:i[k]+a] ↔ ru[j[k]:j[k]+b], one per k (indices must be in range)."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        if a == 0 or b == 0:
            return np.full(len(i), self.bc.shape_cost[(a, b)])
        if len(i) == 0:
            return np.zeros(0)

        def dot(kk_rows: sparse.csr_matrix, ru_rows: sparse.csr_matrix, di: int = 0, dj: int = 0) -> np.ndarray:
            return np.asarray(kk_rows[i + di].multiply(ru_rows[j + dj]).sum(axis=1)).ravel()

        return self._with_swaps(a, b, i, j, dot)

    def _with_swaps(self, a: int, b: int, i: np.ndarray, j: np.ndarray, dot) -> np.ndarray:
        """``_costs``, and for a 2-2 bead the less of that and its crossed pairs (see ``BeadCost.cost``)."""
        own = self._costs(a, b, i, j, dot)
        swap = self.bc.config.swap_cost
        if a == b == 2 and swap is not None:
            def shifted(di: int, dj: int):
                return lambda kk_rows, ru_rows, x=0, y=0: dot(kk_rows, ru_rows, x + di, y + dj)
            crossed = (self._costs(1, 1, i, j + 1, shifted(0, 1)) + self._costs(1, 1, i + 1, j, shifted(1, 0))
                       + swap)
            own = np.minimum(own, crossed)
        return own

    def _costs(self, a: int, b: int, i: np.ndarray, j: np.ndarray, dot) -> np.ndarray:
        """The cost formula of ``BeadCost.cost`` over index arrays ``i`` and ``j`` that broadcast together;
        ``dot(kk matrix, ru matrix, di, dj)`` is the sum over shared columns of rows i+di and j+dj."""
        bc, kk, ru = self.bc, self.kk, self.ru
        extra = bc.shape_cost[(a, b)]
        x = ru.log_length[b][j] - kk.log_length[a][i] - bc.log_ratio
        length = np.minimum(bc._length_factor * x * x, MAX_LENGTH_COST) * bc._length_weight
        llr = kk.miss[a][i] + ru.miss[b][j] + dot(kk.keys_bonus[a], ru.keys[b])
        over = llr > MAX_LEXICAL
        llr = np.clip(llr, -MAX_LEXICAL, MAX_LEXICAL)
        if (a > 1 or b > 1) and over.any():
            weak = np.zeros(np.broadcast_shapes(i.shape, j.shape))
            for t in range(a if a > 1 else 0):
                own = dot(kk.single_gain, ru.keys[b], t, 0) + kk.miss[1][i + t]
                weak += np.where(kk.single_has_keys[i + t] & (own < 0.0), own, 0.0)
            for t in range(b if b > 1 else 0):
                own = dot(kk.keys[a], ru.single_gain, 0, t) + ru.miss[1][j + t]
                weak += np.where(ru.single_has_keys[j + t] & (own < 0.0), own, 0.0)
            llr = np.where(over, llr + weak, llr)
        cost = extra + length - bc._lexical_weight * llr
        mismatch = kk.number_count[a][i] + ru.number_count[b][j] - 2 * dot(kk.numbers[a], ru.numbers[b])
        cost += bc._number_cost * np.minimum(mismatch, 3.0)
        pk, pr = kk.points[i], ru.points[j]
        cost += np.where((pk >= 0) & (pr >= 0), np.where(pk != pr, 2.0, -1.0) * bc._number_cost, 0.0)
        glued = (kk.glued[a][i] & ~ru.caps[j]) | (ru.glued[b][j] & ~kk.caps[i])
        crossings = kk.crossings[a][i] + glued + ru.crossings[b][j]
        cost = cost + crossings * bc._paragraph_cost
        if bc.use_headings and a == b == 1:
            differ = kk.headings[i] != ru.headings[j]
            cost = cost + np.where((crossings == 0) & differ, 0.5 * bc.config.heading_cost, 0.0)
        return cost
