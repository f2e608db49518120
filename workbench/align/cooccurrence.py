"""Word translations from co-occurrence: the Dice association of stems that stand in the same sentence pairs.

Both lexicons of the aligner learn this way: the one it learns from its own confident beads while aligning
(``lexicon.learn_lexicon``) and the shipped one, learnt from reference alignments and grown from confirmed
beads (``stem_lexicon.learn_from_pairs``).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable


class Cooccurrence:
    """Counts of kk stems, ru stems and (kk, ru) pairs over sentence pairs, added one pair at a time."""

    def __init__(self) -> None:
        self.together: Counter[tuple[str, str]] = Counter()
        self.kk_count: Counter[str] = Counter()
        self.ru_count: Counter[str] = Counter()

    def add(self, kk_stems: Iterable[str], ru_stems: Iterable[str]) -> None:
        kk_stems, ru_stems = set(kk_stems), set(ru_stems)
        self.kk_count.update(kk_stems)
        self.ru_count.update(ru_stems)
        self.together.update((s, t) for s in kk_stems for t in ru_stems)

    def best_partners(self, min_count: int, min_dice: float) -> dict[str, tuple[str, float, int]]:
        """kk stem → (its ru stem of the highest Dice coefficient, that coefficient, pairs seen together),
        for pairs seen at least ``min_count`` times at ``min_dice`` or above.

        A kk stem whose best ru stems tie is ambiguous (two words that always come together) and gets no
        partner, which also keeps the result independent of the order sets are visited in.
        """
        best: dict[str, tuple[float, int, set[str]]] = {}
        for (s, t), c in self.together.items():
            if c < min_count:
                continue
            dice = 2.0 * c / (self.kk_count[s] + self.ru_count[t])
            if dice < min_dice:
                continue
            top = best.get(s)
            if top is None or dice > top[0] + 1e-12:
                best[s] = (dice, c, {t})
            elif math.isclose(dice, top[0]):
                top[2].add(t)
        return {s: (next(iter(ts)), d, c) for s, (d, c, ts) in best.items() if len(ts) == 1}
