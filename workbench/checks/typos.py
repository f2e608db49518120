"""Typos measured against the book's own vocabulary: a word used once that is one confusable letter or
one doubled letter away from a word the book uses often (казіргі / қазіргі, тартту / тарту), or, in
Kazakh, one slip inside a stem the book uses in many forms (допломат / дипломат).

Word counts alone miss the last kind: Kazakh spreads a stem over many suffixed forms, so the right
word itself may occur only once (дипломат once, but дипломатия, дипломаттар, дипломатиялық 13
times). There the evidence is the stem's family, and the Kazakh spelling dictionary keeps real words
out: a word it knows, or whose stem (through the slip) it knows, is not a slip.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.dictionary import SpellingDictionary, kazakh_dictionary, kazakh_dictionary_installed
from workbench.checks.lexicon import CONFUSABLE_LETTERS
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER, CYRILLIC_UPPER, KAZAKH_ALPHABET
from workbench.text.normalise import KAZAKH_LETTERS

WORD = re.compile(rf"(?<![\w-])[{CYRILLIC_LOWER}]+(?![\w-])")
MIN_LENGTH = 6
MIN_USUAL = 10     # the usual word occurs at least this often ...
MAX_RARE = 1       # ... and the suspect only this often
MIN_USUAL_ANY = 20  # any other letter replaced in the stem: the usual word must be this frequent
# A slip inside a Kazakh stem (a letter replaced, left out, added or two swapped):
MIN_FAMILY = 5      # the corrected stem starts at least this many words of the book (all their uses)
STEM_LENGTH = 6     # that stem: at least this long and three letters past the slip
MIN_AFTER_SLIP = 4  # letters after the slip, the same in the suspect and the correction



def _for(typed: str, meant: str) -> Message:
    """The slip of one letter typed for another: “к” for “қ”."""
    return Message(N_("“%(typed)s” for “%(meant)s”"), typed=typed, meant=meant)

class VocabularyTypoCheck(EditionCheck):
    """A rare word one slip away from a frequent one, with the frequent one as the correction."""

    id = "vocabulary-typo"
    name = N_("Typo against the book's vocabulary")
    description = N_("Fires on a word used once that differs from a word used at least ten times by one "
                      "Kazakh/Russian letter pair (к/қ, у/ұ, …) or one doubled letter, or from a word used at "
                      "least twenty times by one other letter of its stem (жершілікті / жергілікті), when the "
                      "suspect's own stem occurs nowhere else (типті stays: the book also writes типтегі). In "
                      "Kazakh also on one slip inside a stem that starts at least five words of the book "
                      "(допломат / дипломат, the book writing дипломат, дипломатия, дипломаттар …), at least "
                      "four letters before the word's end, when the Kazakh spelling dictionary (hunspell-kk) "
                      "knows neither the word nor its stem; without the dictionary that last kind is not looked "
                      "for.")
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

        slips = StemSlips(counts, words) if edition.lang == "kk" and kazakh_dictionary_installed() else None
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
                        best = max(best or (0, "", ""), (counts[usual], usual, _for(ch, other)))
                if i and ch == word[i - 1]:
                    usual = word[:i] + word[i + 1:]
                    # a doubled letter at a morpheme boundary is right (әрекет+ті)
                    if counts[usual] >= MIN_USUAL and counts[word[:i]] == 0:
                        best = max(best or (0, "", ""), (counts[usual], usual,
                                                     Message(N_("“%(letter)s” doubled"), letter=ch)))
            if best is None:
                best = self._replaced_letter(word, counts, stem_elsewhere)
            evidence: Message | str = (Message(N_("the book writes “%(usual)s” %(n)s times"), usual=best[1], n=best[0])
                                       if best else "")
            if best is None and slips is not None and (slip := slips.find(word, slips.shared[word])):
                family, usual, what, stem = slip
                best = (family, usual, what)
                evidence = Message(N_("the book writes “%(usual)s”, and words starting “%(stem)s” %(n)s times"),
                                   usual=usual, stem=stem, n=family)
            if best:
                b, start, end = first[word]
                found.append(self.at(edition, b, start, end, Message(N_("%(slip)s? %(evidence)s"), slip=best[2],
                                                                      evidence=evidence), suggestion=best[1]))
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
                        best = (counts[usual], usual, _for(word[i], letter))
        return best


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


class StemSlips:
    """One slip inside a stem the book uses in many forms (the book's counts, its dictionary)."""

    def __init__(self, counts: Counter[str], words: list[str]) -> None:
        self.counts, self.words = counts, words
        self._dictionary: SpellingDictionary | None = None
        # the longest prefix each word shares with another (its neighbours in alphabetical order)
        self.shared = {w: max(_common_prefix(w, words[k - 1]) if k else 0,
                              _common_prefix(w, words[k + 1]) if k + 1 < len(words) else 0)
                       for k, w in enumerate(words)}

    @property
    def dictionary(self) -> SpellingDictionary:
        """The Kazakh dictionary, read when a word first needs it (most editions' words never do)."""
        if self._dictionary is None:
            self._dictionary = kazakh_dictionary()
            assert self._dictionary is not None  # kazakh_dictionary_installed() was checked
        return self._dictionary

    def family(self, stem: str) -> int:
        """How often the book uses words starting with ``stem``."""
        k, n = bisect.bisect_left(self.words, stem), 0
        while k < len(self.words) and self.words[k].startswith(stem):
            n += self.counts[self.words[k]]
            k += 1
        return n

    @staticmethod
    def edits(word: str, first: int, last: int):
        """Each (correction, end, usual_end, slip) with the slip ending before ``word[end]``, before
        ``correction[usual_end]``, for ``first <= end <= last``."""
        for i, ch in enumerate(word):
            if i == 0:  # a first letter only as a Kazakh/Russian pair: other first letters make other words
                if first <= 1 <= last:
                    for other in CONFUSABLE_LETTERS.get(ch, ""):
                        yield other + word[1:], 1, 1, _for(ch, other)
                continue
            if first <= i + 1 <= last:
                for letter in KAZAKH_ALPHABET:
                    if letter != ch:
                        yield word[:i] + letter + word[i + 1:], i + 1, i + 1, _for(ch, letter)
                yield word[:i] + word[i + 1:], i + 1, i, Message(N_("“%(letter)s” added"), letter=ch)
            if first <= i <= last:
                for letter in KAZAKH_ALPHABET:
                    yield word[:i] + letter + word[i:], i, i + 1, Message(N_("“%(letter)s” left out"), letter=letter)
            if first <= i + 2 <= last and i + 1 < len(word) and word[i + 1] != ch:
                yield word[:i] + word[i + 1] + ch + word[i + 2:], i + 2, i + 2, Message(N_("“%(letters)s” swapped"), letters=ch + word[i + 1])

    def find(self, word: str, shared: int) -> tuple[int, str, str, str] | None:
        """(the family's uses, the correction, what slipped, the corrected stem), or None. ``shared`` is the
        length of the longest prefix ``word`` shares with another word of the book."""
        best: tuple[int, str, str, str] | None = None
        known: bool | None = None
        # The suspect's stem through the slip and two letters more is its own (end + 2 > shared), and
        # the slip is at least MIN_AFTER_SLIP letters before the end.
        for usual, end, usual_end, slip in self.edits(word, shared - 1, len(word) - MIN_AFTER_SLIP):
            if not self.counts.get(usual):
                continue
            size = max(STEM_LENGTH, usual_end + 3)
            if size > len(usual) or size + end - usual_end <= shared:
                continue  # the stem as long as the corrected one must be the suspect's own too
            family = self.family(usual[:size])
            if family < MIN_FAMILY or (best and family <= best[0]):
                continue
            if known is None:
                known = self.dictionary.knows(word)
            if known:
                return None
            # A stem the dictionary knows, taken through the slip, makes it a real word (жүйке|лік, қарп|іне).
            if any(self.dictionary.knows(word[:k]) for k in range(max(4, end), len(word))):
                continue
            best = (family, usual, slip, usual[:size])
        return best


# A lone capital before a Kazakh word at the start of a sentence: “В Төртіншіден, …”. Roman numerals
# typed in Cyrillic (Х, І) and initials (with their full stop) are not stray.
STRAY_LETTER = re.compile(rf"(?:^|(?<=[.!?»]\s))([{CYRILLIC_UPPER}])\s+"
                          rf"(?=[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]*[{KAZAKH_LETTERS}])")
NOT_STRAY = frozenset("ХІ")


class StrayLetterCheck(EditionCheck):
    """A letter standing alone before a sentence's first word (a typing slip)."""

    id = "stray-letter"
    name = N_("Stray letter")
    description = N_("Fires on a single capital letter standing alone before the first word of a Kazakh "
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
                found.append(self.at(edition, b, m.start(1), end, Message(N_("a stray “%(letter)s”"), letter=m.group(1)),
                                     suggestion=block.text[m.end():end]))
        return found
