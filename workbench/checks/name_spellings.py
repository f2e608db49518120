"""What the checks of names spelled several ways share (pure): the key two spellings of one name have
in common, where each spelling stands, and which spelling is the usual one."""
from __future__ import annotations

import re
from collections.abc import Callable

from workbench.checks.base import Edition
from workbench.text.normalise import to_russian_letters

# Each spelling with the places it stands at, (block index, offset), in reading order.
Places = dict[str, list[tuple[int, int]]]


def spelling_key(word: str) -> str:
    """What two spellings of one name share: Kazakh letters read as Russian ones, ё as е."""
    return to_russian_letters(word.lower()).replace("ё", "е")


def word_places(edition: Edition, pattern: re.Pattern[str],
                keep: Callable[[int, re.Match[str]], bool] | None = None) -> Places:
    """Every word ``pattern`` finds in the edition's blocks (those ``keep`` accepts), with its places."""
    places: Places = {}
    for b, block in enumerate(edition.blocks):
        for m in pattern.finditer(block.text):
            if keep is None or keep(b, m):
                places.setdefault(m.group(), []).append((b, m.start()))
    return places


def usual_first(spellings: list[str] | set[str] | frozenset[str], places: Places) -> list[str]:
    """The spellings, the most frequent first; of two as frequent, the one printed first."""
    return sorted(spellings, key=lambda w: (-len(places[w]), places[w][0]))
