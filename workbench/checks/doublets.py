"""Doubled punctuation (;; ,, ..) and the doublet “X және X” (two synonyms rendered by one word)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding, word_start
from workbench.checks.lexicon import DOUBLET_CONTINUATIONS, DOUBLET_JOINERS, DOUBLET_MEANT
from workbench.errors import N_, Message

if TYPE_CHECKING:
    from workbench.text.model import Block

# ;; ,, :: or exactly two full stops (three are an ellipsis; "т.б.." is a stop after an abbreviation's).
DOUBLED_MARK = re.compile(r"([;,:])\1+|(?<![.\s])\.\.(?!\.)|(?<=[^\W\d_]{5})\.(?=,)")
DOUBLET = re.compile(rf"(?<![\w-])(\w{{3,}}) ({'|'.join(DOUBLET_JOINERS)}) \1(?![\w-])(?:\s+(\w+))?")


class DoubledPunctuationCheck(EditionCheck):
    """The same mark twice: “;;”, “,,”, or “..” that is not an ellipsis."""

    id = "doubled-punctuation"
    name = N_("Doubled punctuation")
    description = N_("Fires on “;;”, “,,”, “::”, on two full stops that are not an ellipsis and on a full stop "
                      "before a comma after a word (not an abbreviation's stop: т.б., көш.,).")
    severity = "error"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in DOUBLED_MARK.finditer(block.text):
            start = word_start(block.text, m.start() - 20)
            mark = m.group()[0]
            if m.group() == ".":  # "болады., өңірлердің": a full stop before a comma (not after an abbreviation)
                found.append(self.at(edition, index, start, m.end() + 1, N_("a full stop before a comma"),
                                     suggestion=block.text[start:m.start()] + ","))
                continue
            found.append(self.at(edition, index, start, m.end(), Message(N_("“%(mark)s” written twice"), mark=mark),
                                 suggestion=block.text[start:m.start()] + mark))
        return found


class DoubletCheck(EditionCheck):
    """“маңызды және маңызды”: one word on both sides of a conjunction, where the source had two."""

    id = "doublet"
    name = N_("Same word on both sides of “және”")
    description = N_("Fires on “X және X” (also мен/бен/пен/немесе/әрі) with the same word twice — usually two "
                      "Russian synonyms rendered by one Kazakh word; “X және X емес” and pronouns are left out.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in DOUBLET.finditer(block.text):
            word, after = m.group(1), (m.group(3) or "").lower()
            if word.lower() in DOUBLET_MEANT or after in DOUBLET_CONTINUATIONS or word.isdigit():
                continue
            found.append(self.at(edition, index, m.start(), m.end(1) + len(m.group(2)) + len(word) + 2,
                                 Message(N_("“%(word)s” on both sides of “%(joiner)s”: one of two synonyms is lost"),
                                         word=word, joiner=m.group(2))))
        return found
