"""Typos measured against the book's own vocabulary: a word used once that is one confusable letter or
one doubled letter away from a word the book uses often (казіргі / қазіргі, тартту / тарту)."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import CONFUSABLE_LETTERS
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER
from workbench.text.normalise import KAZAKH_LETTERS

WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_LOWER}]+(?![\w-])")
MIN_LENGTH = 6
MIN_USUAL = 10     # the usual word occurs at least this often ...
MAX_RARE = 1       # ... and the suspect only this often
MIN_USUAL_ANY = 20  # any other letter replaced in the stem: the usual word must be this frequent


class VocabularyTypoCheck(EditionCheck):
    """A rare word one slip away from a frequent one, with the frequent one as the correction."""

    id = "vocabulary-typo"
    name = "Typo against the book's vocabulary"
    description = ("Fires on a word used once that differs from a word used at least ten times by one "
                   "Kazakh/Russian letter pair (к/қ, у/ұ, …) or one doubled letter, or from a word used at "
                   "least twenty times by one other letter of its stem (жершілікті / жергілікті), when the "
                   "suspect's own stem occurs nowhere else (типті stays: the book also writes типтегі).")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        counts: Counter[str] = Counter()
        first: dict[str, tuple[int, int, int]] = {}
        for b, block in enumerate(edition.blocks):
            for m in WORD.finditer(block.text):
                counts[m.group()] += 1
                first.setdefault(m.group(), (b, m.start(), m.end()))
        words = sorted(counts)

        def stem_elsewhere(stem: str, word: str) -> bool:
            k = bisect.bisect_left(words, stem)
            while k < len(words) and words[k].startswith(stem):
                if words[k] != word:
                    return True
                k += 1
            return False

        found = []
        for word, n in counts.items():
            if n > MAX_RARE or len(word) < MIN_LENGTH:
                continue
            best: tuple[int, str, str] | None = None
            for i, ch in enumerate(word):
                for other in CONFUSABLE_LETTERS.get(ch, ""):
                    usual = word[:i] + other + word[i + 1:]
                    # the changed letter must sit in a stem the book never uses otherwise
                    if counts[usual] >= MIN_USUAL and not stem_elsewhere(word[: max(i + 1, len(word) - 2)], word):
                        best = max(best or (0, "", ""), (counts[usual], usual, f"“{ch}” for “{other}”"))
                if i and ch == word[i - 1]:
                    usual = word[:i] + word[i + 1:]
                    # a doubled letter at a morpheme boundary is right (әрекет+ті)
                    if counts[usual] >= MIN_USUAL and counts[word[:i]] == 0:
                        best = max(best or (0, "", ""), (counts[usual], usual, f"“{ch}” doubled"))
            if best is None:
                best = self._replaced_letter(word, counts, stem_elsewhere)
            if best:
                b, start, end = first[word]
                found.append(self.at(edition, b, start, end,
                                     f"{best[2]}? the book writes “{best[1]}” {best[0]} times",
                                     suggestion=best[1]))
        return found

    @staticmethod
    def _replaced_letter(word: str, counts: Counter[str], stem_elsewhere) -> tuple[int, str, str] | None:
        """One letter of the stem replaced (the last three letters, the ending, are the same)."""
        best = None
        for i in range(1, len(word) - 3):
            if stem_elsewhere(word[: i + 1], word):
                continue  # up to here the suspect's stem is one the book uses: the slip is further on
            for letter in "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә":
                usual = word[:i] + letter + word[i + 1:]
                if letter != word[i] and counts.get(usual, 0) >= MIN_USUAL_ANY:
                    if best is None or counts[usual] > best[0]:
                        best = (counts[usual], usual, f"“{word[i]}” for “{letter}”")
        return best


# A lone capital before a Kazakh word at the start of a sentence: “В Төртіншіден, …”. Roman numerals
# typed in Cyrillic (Х, І) and initials (with their full stop) are not stray.
STRAY_LETTER = re.compile(rf"(?:^|(?<=[.!?»]\s))([{CYRILLIC_UPPER}])\s+"
                          rf"(?=[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]*[{KAZAKH_LETTERS}])")
NOT_STRAY = frozenset("ХІ")


class StrayLetterCheck(EditionCheck):
    """A letter standing alone before a sentence's first word (a typing slip)."""

    id = "stray-letter"
    name = "Stray letter"
    description = ("Fires on a single capital letter standing alone before the first word of a Kazakh "
                   "sentence (“В Төртіншіден”); initials and Roman numerals are left out.")
    severity = "error"

    def run(self, edition: Edition) -> list[Finding]:
        found = []
        for b, block in enumerate(edition.blocks):
            for m in STRAY_LETTER.finditer(block.text):
                if m.group(1) in NOT_STRAY:
                    continue
                end = block.text.find(" ", m.end())
                end = end if end > 0 else len(block.text)
                found.append(self.at(edition, b, m.start(1), end, f"a stray “{m.group(1)}”",
                                     suggestion=block.text[m.end():end]))
        return found
