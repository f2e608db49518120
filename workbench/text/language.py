"""Does a text's alphabet fit the language it is imported as? Letter statistics, no language model.

Kazakh Cyrillic has every Russian letter plus nine of its own (ә ғ қ ң ө ұ ү һ і). In Kazakh prose those
nine make 12–17 % of the Cyrillic letters (15.8 % in the shipped book, 12.0–17.1 % in the official
documents), in Russian prose almost none (0.00–0.06 %: Kazakh names quoted in Russian). Russian in turn
uses в ф ц ч щ ъ э ё for 6–8 % of its letters, Kazakh (loanwords only) for under 1 %. A text is refused
only when both figures are far on the other language's side, so a Kazakh text quoting Russian, or a
Russian one full of Kazakh names, still imports.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.errors import N_, Message
from workbench.text.normalise import KAZAKH_LETTERS

RUSSIAN_MARKERS = "вфцчщъэё"
# Below this many Cyrillic letters the statistics say nothing.
MIN_LETTERS = 200
# From this many letters a text mostly in another script is neither Kazakh nor Russian, however short.
MIN_SCRIPT_LETTERS = 20
# The share of Cyrillic letters below which a text is in another script: a long text needs half; a short
# one, which a quoted name or a line of code can tip, only a fifth.
CYRILLIC_SHARE = 0.5
CYRILLIC_SHARE_SHORT = 0.2
KAZAKH_SHARE_FOR_KK = 0.03  # a Kazakh text has at least this share of Kazakh-specific letters
KAZAKH_SHARE_FOR_RU = 0.03  # a Russian text has at most this share
RUSSIAN_SHARE_FOR_RU = 0.03  # a text with fewer Kazakh letters is Russian only if it has this many markers


@dataclass(frozen=True)
class LetterCounts:
    """Letters of a text by the class that tells Kazakh from Russian."""

    letters: int = 0
    cyrillic: int = 0
    kazakh: int = 0
    russian: int = 0

    @property
    def kazakh_share(self) -> float:
        return self.kazakh / self.cyrillic if self.cyrillic else 0.0

    @property
    def russian_share(self) -> float:
        return self.russian / self.cyrillic if self.cyrillic else 0.0


def count_letters(texts: Iterable[str]) -> LetterCounts:
    letters = cyrillic = kazakh = russian = 0
    for text in texts:
        low = text.lower()
        letters += sum(1 for c in low if c.isalpha())
        cyr = sum(1 for c in low if "\u0400" <= c <= "\u04ff")
        cyrillic += cyr
        if cyr:
            kazakh += sum(low.count(c) for c in KAZAKH_LETTERS)
            russian += sum(low.count(c) for c in RUSSIAN_MARKERS)
    return LetterCounts(letters, cyrillic, kazakh, russian)


def language_mismatch(texts: Iterable[str], lang: str) -> Message | None:
    """Why the texts cannot be ``lang`` (``kk`` or ``ru``), or None when they can (or too little to say)."""
    counts = count_letters(texts)
    if counts.letters < MIN_SCRIPT_LETTERS:
        return None
    needed = CYRILLIC_SHARE if counts.letters >= MIN_LETTERS else CYRILLIC_SHARE_SHORT
    if counts.cyrillic < needed * counts.letters:
        return Message(N_("only %(share)s of the letters are Cyrillic; expected a Kazakh text") if lang == "kk" else
                       N_("only %(share)s of the letters are Cyrillic; expected a Russian text"),
                       share=f"{counts.cyrillic / counts.letters:.0%}")
    if counts.letters < MIN_LETTERS:
        return None
    share = Message(N_("%(share)s of its Cyrillic letters are Kazakh-specific (%(letters)s)"),
                    share=f"{counts.kazakh_share:.1%}", letters=" ".join(KAZAKH_LETTERS))
    looks_russian = counts.russian_share >= RUSSIAN_SHARE_FOR_RU
    if lang == "kk" and counts.kazakh_share < KAZAKH_SHARE_FOR_KK and looks_russian:
        return Message(N_("text looks Russian, not Kazakh: only %(share)s; import it as Russian (ru)"), share=share)
    if lang == "ru" and counts.kazakh_share > KAZAKH_SHARE_FOR_RU:
        return Message(N_("text looks Kazakh, not Russian: %(share)s; import it as Kazakh (kk)"), share=share)
    return None
