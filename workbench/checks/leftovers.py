"""Leftovers of the PDF: hyphens inside words that the import could not resolve, running headers in text."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding
from workbench.errors import N_, Message
from workbench.language import CYRILLIC_LOWER

if TYPE_CHECKING:
    from workbench.text.model import Block

# Kazakh endings that never stand after a hyphen inside a word (білдір-ді, тұжырымдама-сы).
SUFFIXES = frozenset(
    "ды ді ты ті да де та те ға ге қа ке на не ның нің дың дің тың тің ны ні ды ді сы сі ы і ын ін "
    "лар лер дар дер тар тер мен пен бен ған ген қан кен ып іп уы уі у лық лік дық дік тық тік "
    "ларды лерді дарды дерді ларын лерін дан ден тан тен нан нен".split()
)
# Particles that Kazakh spelling joins with a hyphen on purpose (сондай-ақ, бірден-ақ).
HYPHENATED_PARTICLES = frozenset({"ақ", "мыс", "ау", "ай", "ой", "ей"})
INNER_HYPHEN = re.compile(rf"(?<![\w-])([{CYRILLIC_LOWER}]{{3,}})-\s?([{CYRILLIC_LOWER}]{{1,5}})(?![\w-])")
SPACED_HYPHEN = re.compile(rf"(?<![\w-])([{CYRILLIC_LOWER}]{{2,}})- ([{CYRILLIC_LOWER}]{{2,}})(?![\w-])")


def _vocabulary(edition: Edition) -> Counter[str]:
    words: Counter[str] = Counter()
    for block in edition.blocks:
        words.update(w.lower() for w in re.findall(r"\w+", block.text))
    return words


class UnresolvedHyphenCheck(EditionCheck):
    """A hyphen left inside a word, where a line break used to be or where none belongs."""

    id = "unresolved-hyphen"
    name = N_("Hyphen inside a word")
    description = N_("Fires on a word broken by a hyphen before a Kazakh ending (білдір-ді) or by a hyphen "
                      "and a "
                      "space (бө- лісе) when the whole word is found elsewhere in the edition.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        self._vocab = _vocabulary(edition)
        return super().run(edition)

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in INNER_HYPHEN.finditer(text):
            left, right = m.groups()
            if right in HYPHENATED_PARTICLES or right not in SUFFIXES:
                continue
            if not re.search("[аәеиоөұүыіэюяё]", left):
                continue  # an abbreviation without vowels takes its ending after a hyphen (млн-нан)
            joined = left + right
            found.append(self.at(edition, index, m.start(), m.end(),
                                 Message(N_("hyphen inside “%(word)s”"), word=m.group()), suggestion=joined))
        for m in SPACED_HYPHEN.finditer(text):
            left, right = m.groups()
            joined = left + right
            if self._vocab[joined.lower()] and not INNER_HYPHEN.fullmatch(m.group()):
                found.append(self.at(edition, index, m.start(), m.end(),
                                     Message(N_("word broken by a hyphen and a space: “%(word)s”"), word=m.group()),
                                     suggestion=joined))
        return found


class RunningHeaderCheck(EditionCheck):
    """A running header or chapter title of the printed page left inside a sentence."""

    id = "running-header"
    name = N_("Running header inside the text")
    description = N_("Fires when the text of a heading (a chapter or part title printed at the top of pages) "
                      "appears inside a paragraph between two lowercase words.")
    severity = "warning"

    def run(self, edition: Edition) -> list[Finding]:
        headings = {b.text.strip() for b in edition.blocks if b.kind == "heading"}
        titles = sorted((t for t in headings if 1 <= len(t.split()) <= 14 and t[:1].isupper()),
                        key=len, reverse=True)
        pattern = re.compile(
            rf"(?<=[{CYRILLIC_LOWER},] )(?:\d{{1,3}} )?({'|'.join(map(re.escape, titles))})"
            rf"(?= [{CYRILLIC_LOWER}])"
        ) if titles else None
        found = []
        for index, block in enumerate(edition.blocks):
            if block.kind == "heading" or pattern is None:
                continue
            for m in pattern.finditer(block.text):
                found.append(self.at(edition, index, m.start(), m.end(),
                                     Message(N_("running header “%(header)s” inside the text"), header=m.group(1)),
                                     suggestion=Message(N_("delete it"))))
        return found

