"""The cost of a candidate bead (lower = better) from length, shared keys, numbers and paragraph structure."""
from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.align.features import (
    PairFeatures,
    leading_number,
    looks_like_break,
    looks_like_heading,
    opens_with_heading,
)
from workbench.align.model import AlignConfig, Side

if TYPE_CHECKING:
    from workbench.align.cost_arrays import CostArrays

# How much key weight counts as "enough evidence" to trust the lexical match: one rare key
# weighs about 5, a very common one about 1.
EVIDENCE_HALF = 4.0
LENGTH_SMOOTHING = 12.0
MAX_LENGTH_COST = 8.0
MAX_LEXICAL = 12.0
# Sums over key sets use math.fsum: it is exact, so a cost does not depend on the order in which a
# set is visited (which changes with Python's hash seed) and the alignment is the same on every run.

# One group of 1..3 consecutive sentences of a side: (keys, key weight, numbers, log of characters,
# paragraph starts or headings inside it after its first sentence, whether it opens with a heading,
# evidence against a pair if none of its keys were found on the other side).
Group = tuple[frozenset[str], float, frozenset[str], int, int, bool, float]


def group_crossings(i: int, size: int, breaks: frozenset[int], heads: frozenset[int]) -> tuple[int, bool]:
    """(paragraph starts or headings inside kk[i:i+size] after its first sentence, whether it opens with a
    heading glued to the text after it)."""
    glued = size > 1 and i in heads
    # The paragraph that follows a heading starts right after it: that crossing is priced by the
    # glue test in ``BeadCost.cost`` (the other edition may run its heading into the text too).
    after = 1 if glued and i + 1 not in heads else 0
    return sum(1 for x in range(i + 1 + after, i + size) if x in breaks), glued


class Groups:
    """Features of every run of ``size`` consecutive sentences, computed when first asked for (the DP reads
    its costs from ``cost_arrays``; only anchors and confidence look at single groups)."""

    def __init__(self, keys: list[frozenset[str]], numbers: list[frozenset[str]], lengths: list[int],
                 breaks: frozenset[int], heads: frozenset[int], weight: dict[str, float], miss: dict[str, float],
                 size: int) -> None:
        self.keys, self.numbers, self.lengths = keys, numbers, lengths
        self.breaks, self.heads, self.weight, self.miss, self.size = breaks, heads, weight, miss, size
        self._cache: dict[int, Group] = {}

    def __len__(self) -> int:
        return max(len(self.keys) - self.size + 1, 0)

    def __getitem__(self, i: int) -> Group:
        g = self._cache.get(i)
        if g is None:
            if not 0 <= i < len(self):
                raise IndexError(i)
            size = self.size
            k = self.keys[i] if size == 1 else frozenset().union(*self.keys[i:i + size])
            nums = self.numbers[i] if size == 1 else frozenset().union(*self.numbers[i:i + size])
            crossings, glued = group_crossings(i, size, self.breaks, self.heads)
            log_length = math.log(sum(self.lengths[i:i + size]) + LENGTH_SMOOTHING)
            g = (k, math.fsum(map(self.weight.__getitem__, k)), nums, log_length, crossings, glued,
                 math.fsum(map(self.miss.__getitem__, k)))
            self._cache[i] = g
        return g


def inferred_breaks(sentences: Sequence[str]) -> frozenset[int]:
    """Indices of sentences that look like headings, page lines or numbered points."""
    return frozenset(k for k, text in enumerate(sentences) if looks_like_break(text))


def inferred_headings(sentences: Sequence[str]) -> frozenset[int]:
    """Indices of sentences that look like headings, running headers or page numbers."""
    return frozenset(k for k, text in enumerate(sentences) if looks_like_heading(text))


class BeadCost:
    """Costs of candidate beads over one pair of sides; ``cost(i, a, j, b)`` prices kk[i:i+a] ↔ ru[j:j+b]."""

    def __init__(self, pf: PairFeatures, kk: Side, ru: Side, config: AlignConfig) -> None:
        self.pf = pf
        self.config = config
        self.n, self.m = len(pf.kk_keys), len(pf.ru_keys)
        largest = max(max(a, b) for a, b in config.shapes)
        # Without marks from the caller, numbered points and heading-like lines stand in for them.
        kk_breaks = kk.paragraph_starts | kk.headings | inferred_breaks(kk.sentences)
        ru_breaks = ru.paragraph_starts | ru.headings | inferred_breaks(ru.sentences)
        kk_heads = kk.headings | inferred_headings(kk.sentences)
        ru_heads = ru.headings | inferred_headings(ru.sentences)
        self.kk_caps = frozenset(k for k, t in enumerate(kk.sentences) if opens_with_heading(t))
        self.ru_caps = frozenset(k for k, t in enumerate(ru.sentences) if opens_with_heading(t))
        self.kk_points = [leading_number(t) for t in kk.sentences]
        self.ru_points = [leading_number(t) for t in ru.sentences]
        self.largest = largest
        self.kk_breaks, self.ru_breaks, self.kk_heads, self.ru_heads = kk_breaks, ru_breaks, kk_heads, ru_heads
        # groups[size][i]; index 0 unused.
        self.kk_groups: list[Groups | None] = [None] + [
            Groups(pf.kk_keys, pf.kk_numbers, pf.kk_lengths, kk_breaks, kk_heads, pf.weight, pf.kk_miss, s)
            for s in range(1, largest + 1)]
        self.ru_groups: list[Groups | None] = [None] + [
            Groups(pf.ru_keys, pf.ru_numbers, pf.ru_lengths, ru_breaks, ru_heads, pf.weight, pf.ru_miss, s)
            for s in range(1, largest + 1)]
        self.kk_headings = kk.headings
        self.ru_headings = ru.headings
        self.use_headings = bool(kk.headings and ru.headings)
        self.log_ratio = math.log(pf.ratio)
        self.shape_cost = {}
        for a, b in config.shapes:
            if a == 0 or b == 0:
                extra = config.skip_cost
            elif a + b == 2:
                extra = 0.0
            elif a + b == 3:
                extra = config.merge_cost
            else:
                extra = config.double_merge_cost
            self.shape_cost[(a, b)] = extra
        self._length_factor = 0.5 / (config.length_sigma ** 2)
        self._length_weight = config.length_weight
        self._lexical_weight = config.lexical_weight
        self._number_cost = config.number_mismatch_cost
        self._paragraph_cost = config.paragraph_cost
        self._bonus = pf.match_bonus.__getitem__
        # (keys, evidence if all are missed) of each sentence, for the members of merged beads.
        self._kk_single = [(k, math.fsum(map(pf.kk_miss.__getitem__, k))) for k in pf.kk_keys]
        self._ru_single = [(k, math.fsum(map(pf.ru_miss.__getitem__, k))) for k in pf.ru_keys]

    @functools.cached_property
    def arrays(self) -> CostArrays:
        """The same costs over blocks of beads at once, for the DP."""
        from workbench.align.cost_arrays import CostArrays

        return CostArrays(self, self.kk_points, self.ru_points, self.kk_headings, self.ru_headings)

    def length_cost(self, kk_len: int, ru_len: int) -> float:
        """Squared z-score of the log length ratio around the text's own ratio."""
        x = math.log((ru_len + LENGTH_SMOOTHING) / (kk_len + LENGTH_SMOOTHING)) - self.log_ratio
        return min(self._length_factor * x * x, MAX_LENGTH_COST)

    def similarity(self, i: int, a: int, j: int, b: int) -> tuple[float, float]:
        """(dice of shared key weight, evidence in [0, 1]) of kk[i:i+a] against ru[j:j+b]."""
        ka, wa = self.kk_groups[a][i][:2]
        kb, wb = self.ru_groups[b][j][:2]
        total = wa + wb
        if total == 0.0:
            return 0.0, 0.0
        common = ka & kb
        matched = math.fsum(map(self.pf.weight.__getitem__, common)) if common else 0.0
        return 2.0 * matched / total, total / (total + EVIDENCE_HALF)

    @staticmethod
    def _weak_members(members: list[tuple[frozenset[str], float]], other: frozenset[str],
                      gain: dict[str, float]) -> float:
        """Evidence against the sentences of a merged side whose own keys speak against the other side.

        Each sentence counts its keys found on the other side (gain) and those missing there; a
        sentence that comes out below zero is a neighbour absorbed for no reason, which a capped total
        would hide.
        """
        total = 0.0
        for keys, miss in members:
            if keys:
                common = keys & other
                own = miss + math.fsum(map(gain.__getitem__, common)) if common else miss
                if own < 0.0:
                    total += own
        return total

    def pair_llr(self, i: int, j: int) -> float:
        """Log-likelihood ratio (translation vs chance) of the keys of kk[i] and ru[j]: their matches
        speak for the pair, the keys each leaves unmatched against it; 0 when neither has keys."""
        ka, _, _, _, _, _, ma = self.kk_groups[1][i]
        kb, _, _, _, _, _, mb = self.ru_groups[1][j]
        common = ka & kb
        return ma + mb + (math.fsum(map(self._bonus, common)) if common else 0.0)

    def cost(self, i: int, a: int, j: int, b: int) -> float:
        """Cost of the bead kk[i:i+a] ↔ ru[j:j+b] (a or b may be 0).

        A 2-2 bead costs the less of its cost as one unit and of its crossed pairs (kk i with ru j+1, kk i+1
        with ru j) plus ``swap_cost``: two sentences translated in the other order.
        """
        own = self._cost(i, a, j, b)
        if a == b == 2 and self.config.swap_cost is not None:
            crossed = self._cost(i, 1, j + 1, 1) + self._cost(i + 1, 1, j, 1) + self.config.swap_cost
            return crossed if crossed < own else own
        return own

    def priced_as_swap(self, i: int, j: int) -> bool:
        """Whether the 2-2 bead kk[i:i+2] ↔ ru[j:j+2] costs what its crossed pairs cost."""
        if self.config.swap_cost is None:
            return False
        crossed = self._cost(i, 1, j + 1, 1) + self._cost(i + 1, 1, j, 1) + self.config.swap_cost
        return crossed < self._cost(i, 2, j, 2)

    def _cost(self, i: int, a: int, j: int, b: int) -> float:
        extra = self.shape_cost[(a, b)]
        if a == 0 or b == 0:
            return extra
        # The hot spot of the aligner: attributes are read into locals and min/max are spelt out.
        ka, _, na, la, ca, ga, ma = self.kk_groups[a][i]
        kb, _, nb, lb, cb, gb, mb = self.ru_groups[b][j]
        x = lb - la - self.log_ratio
        length = self._length_factor * x * x
        cost = extra + (length if length < MAX_LENGTH_COST else MAX_LENGTH_COST) * self._length_weight
        if ka or kb:
            # Log-likelihood ratio of the keys: zero for a bead without keys, so that no bead carries a
            # fixed price (the DP would otherwise merge sentences just to have fewer beads).
            common = ka & kb
            llr = ma + mb + (math.fsum(map(self._bonus, common)) if common else 0.0)
            if llr > MAX_LEXICAL:
                llr = MAX_LEXICAL
                # A strong pair must not carry a neighbour that speaks against it past the cap:
                # the weak sentences' evidence (already inside an uncapped total) counts in full.
                if a > 1:
                    llr += self._weak_members(self._kk_single[i:i + a], kb, self.pf.kk_gain)
                if b > 1:
                    llr += self._weak_members(self._ru_single[j:j + b], ka, self.pf.ru_gain)
            elif llr < -MAX_LEXICAL:
                llr = -MAX_LEXICAL
            cost -= self._lexical_weight * llr
        if na or nb:
            mismatch = len(na ^ nb)
            cost += self._number_cost * (mismatch if mismatch < 3 else 3)
            pa, pb = self.kk_points[i], self.ru_points[j]
            if pa and pb:
                # Both open with a point number: "3." never translates "4.", and two "3." in a row
                # are the same point even when one edition words it much longer.
                cost += (2 if pa != pb else -1) * self._number_cost
        if ga and j not in self.ru_caps or gb and i not in self.kk_caps:
            # A heading glued to the text after it is far more often a running header than a translation
            # choice, unless the other edition also runs its heading into the text.
            ca += 1
        if ca or cb:
            # A bead that runs across a paragraph start or a heading is unlikely.
            cost += (ca + cb) * self._paragraph_cost
        elif self.use_headings and a == b == 1 and (i in self.kk_headings) != (j in self.ru_headings):
            cost += 0.5 * self.config.heading_cost
        return cost
