"""Value types of the aligner: a Bead, one Side of the alignment and the AlignConfig knobs (pure)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.errors import ConfigError


@dataclass(frozen=True)
class Bead:
    """One link of an alignment: 0-based kk and ru sentence indices, contiguous, possibly one side empty.

    ``score`` is in [0, 1]; higher means more confident (the review page sorts by it).
    """

    kk: tuple[int, ...]
    ru: tuple[int, ...]
    score: float = 1.0

    @property
    def shape(self) -> str:
        """The bead's shape as translators say it: ``"1-1"``, ``"2-1"``, ``"1-0"`` …"""
        return f"{len(self.kk)}-{len(self.ru)}"


@dataclass(frozen=True)
class Side:
    """The sentences of one edition, with the indices that open a paragraph and those that are headings."""

    sentences: Sequence[str]
    paragraph_starts: frozenset[int] = frozenset()
    headings: frozenset[int] = frozenset()


# (kk sentences, ru sentences) of every bead shape the aligner may produce.
DEFAULT_SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3),
)


@dataclass(frozen=True)
class AlignConfig:
    """Knobs of the aligner; the defaults were tuned on the bundled kk-ru documents (see bench/align.py).

    Costs are in the DP's units (about a natural log of odds): a 1-1 bead sharing a few rare
    names costs well below 0, an unrelated pair above 0 (its keys go unmatched), a skip ``skip_cost``.
    """

    shapes: tuple[tuple[int, int], ...] = DEFAULT_SHAPES
    # Extra cost of each shape over a 1-1 bead; skips are priced per bead.
    skip_cost: float = 2.0
    merge_cost: float = 1.5        # 2-1 and 1-2
    double_merge_cost: float = 3.0  # 2-2, 3-1 and 1-3
    # Length model: log of the ru/kk character ratio is normal around the document's ratio.
    length_sigma: float = 0.28
    length_weight: float = 1.0
    # Lexical evidence: shared names, loanwords, numbers, glossary and learnt lexicon entries.
    lexical_weight: float = 0.45
    key_recall: float = 0.5  # chance that a key of a sentence is found in its translation
    number_mismatch_cost: float = 1.2
    # A bead that joins sentences across a paragraph start or a heading pays this much. Editions do
    # merge sentences across such a start now and then, so it is a nudge, not a wall (1.0 was the best
    # of 0.6–1.6 on the perturbed documents with seeds 101–110, once the length ratio was unbiased).
    paragraph_cost: float = 1.0
    heading_cost: float = 1.5
    # Words are compared by this many leading letters after the kk->ru letter mapping.
    stem_length: int = 5
    # Anchors: keys seen at most this often on each side of a stretch can make an anchor.
    anchor_max_df: int = 2
    anchor_min_similarity: float = 0.45
    # The DP searches a full rectangle between anchors up to this many cells, else a band.
    max_rectangle_cells: int = 60_000
    band: int = 60
    # Slack around every anchor, so that an anchor may still end up in a 2-1 or 1-2 bead.
    anchor_slack: int = 3
    # Second pass with a lexicon learnt from the confident beads of the first pass; it searches this many
    # sentences either side of the first pass's path.
    refine_slack: int = 8
    learn_lexicon: bool = True
    # Start from the shipped kk-ru stem lexicon (workbench/align/lexicon.kk-ru.tsv).
    shipped_lexicon: bool = True
    lexicon_passes: int = 1  # each pass learns from the one before and re-aligns
    lexicon_min_score: float = 0.8  # only 1-1 beads at least this confident teach the lexicon
    lexicon_min_count: int = 2
    lexicon_max_pairs: int = 4000  # beads learnt from at most
    lexicon_min_dice: float = 0.6
    # A 1-1 bead between two skips whose keys give it at most this much support (see
    # ``BeadCost.pair_llr``) becomes a 1-0 and a 0-1; None keeps every 1-1 bead of the DP. 1.0 was as
    # good as 2.0 and a little better than 0.0 on seeds 101–110 (declaration, all perturbations together).
    isolated_pair_max_llr: float | None = 1.0
    # Two sentences translated in the other order become one 2-2 bead when both crossed pairs have at least
    # this much key support (``BeadCost.pair_llr``) and beat the straight pairs by as much; None never
    # joins. Such a bead is scored at most ``swap_score``: a reviewer should see it.
    swap_min_llr: float | None = 2.0
    swap_score: float = 0.75
    # A 2-2 bead may also be priced as its two crossed pairs plus this (None: never). 2.0 rather than 2.5: a
    # short sentence without keys swapped with a well-matched one was otherwise merged into a neighbour
    # (Tatoeba sample, 10 % of neighbouring 1-1 pairs swapped on either side, seeds 201-215, aligned with a
    # lexicon not learnt from it: 57 wrong beads at 2.5, 47 at 2.0). 1.5 rather than 2.0 where the words
    # give little evidence: 65-bead pieces of the DEV documents, the constitution and the declaration,
    # aligned without the shipped lexicon, seeds 400-411, swapped pairs, merges and clean: 121 wrong beads
    # (7 scored >= 0.9) against 134 (12), the worst piece with swapped pairs 0.976 strict against 0.922. On
    # the in-sample documents (every perturbation of the fit and 10 % swaps, seeds 201-215, lexicon not
    # learnt from them) 645 wrong beads against 656: more swaps found, a few merges taken for swaps
    # (Tatoeba: 35 against 23); the DEV documents at seeds 200-211 did not change.
    swap_cost: float | None = 1.5
    # A bead pairing sentences whose keys speak against the pair on balance is scored at most this.
    unsupported_score: float = 0.85
    fuzzy_names: bool = True
    fuzzy_min_ratio: float = 80.0
    # Beads scored below this are "doubtful" in the counts the command line prints.
    low_confidence: float = 0.9

    def __post_init__(self) -> None:
        if (1, 1) not in self.shapes or (1, 0) not in self.shapes or (0, 1) not in self.shapes:
            raise ConfigError("AlignConfig.shapes must include 1-1, 1-0 and 0-1")
