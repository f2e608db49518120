"""Sentence alignment of a Kazakh and a Russian edition (pure): ``align(kk, ru, config) -> list[Bead]``."""
from __future__ import annotations

from workbench.align.aligner import align
from workbench.align.model import AlignConfig, Bead, Side
from workbench.align.score import (
    Ranking, Scores, format_bead, lowest_scored_error_rate, parse_beads, score_alignment,
)

__all__ = [
    "AlignConfig", "Bead", "Ranking", "Scores", "Side", "align", "format_bead", "lowest_scored_error_rate",
    "parse_beads", "score_alignment",
]
