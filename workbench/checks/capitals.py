"""A capital in mid-sentence on a common word (“Қазақстан Ол үшін төлегеннен”)."""
from __future__ import annotations

import re
from collections import Counter

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.checks.lexicon import CYR_LOWER, CYR_UPPER, NAME_HEADS

MID_CAPITAL = re.compile(rf"(?<=[{CYR_LOWER},] )([{CYR_UPPER}][{CYR_LOWER}]+)(?![\w-])")
LOWER_WORD = re.compile(rf"(?<![\w-])[{CYR_LOWER}]+(?![\w-])")
QUOTED = re.compile(r"«[^«»]*»")
HEADS = re.compile("|".join(NAME_HEADS))
MIN_LOWER = 45  # the word is common: the book writes it in lower case at least this often


class MidSentenceCapitalCheck(EditionCheck):
    """A common word capitalised once in mid-sentence, where the book otherwise writes it in lower case."""

    id = "mid-sentence-capital"
    name = "Capital in mid-sentence"
    description = ("Fires on a word capitalised after a lower-case word or a comma, when the book writes it "
                   f"in lower case at least {MIN_LOWER} times and capitalised in mid-sentence nowhere else; "
                   "names of bodies and documents (… партиясы, … жөніндегі кеңес) and titles in «» are left "
                   "out.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        lower: Counter[str] = Counter()
        mid: Counter[str] = Counter()
        candidates: list[tuple[int, int, int, str]] = []
        for b, block in enumerate(edition.blocks):
            text = block.text
            lower.update(m.group() for m in LOWER_WORD.finditer(text))
            quotes = [q.span() for q in QUOTED.finditer(text)]
            for m in MID_CAPITAL.finditer(text):
                word = m.group(1)
                mid[word] += 1
                if any(a < m.start() < e for a, e in quotes):
                    continue
                if HEADS.search(" ".join(text[m.end():m.end() + 80].split()[:4]).lower()):
                    continue
                candidates.append((b, m.start(1), m.end(1), word))
        found = []
        for b, start, end, word in candidates:
            if mid[word] == 1 and lower[word.lower()] >= MIN_LOWER:
                found.append(self.at(edition, b, start, end,
                                     f"“{word}” capitalised in mid-sentence; the book writes “{word.lower()}” "
                                     f"{lower[word.lower()]} times", suggestion=word.lower()))
        return found
