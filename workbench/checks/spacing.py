"""Spacing checks: a space inside guillemets, a space before a punctuation mark."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding, word_end, word_start
from workbench.errors import N_, Message

if TYPE_CHECKING:
    from workbench.text.model import Block

JUSTIFIED = 3  # this many widened gaps on one line are justification
INSIDE_QUOTES = re.compile(r"«[ \u00a0]+(?=\S)|(?<=\S)[ \u00a0]+»")
# A space before , ; : or a full stop that ends a word (not an ellipsis " ...", not ". . .", not "1 .5").
BEFORE_MARK = re.compile(r"(?<=[^\W\d_])[ \u00a0]+([,;:]|\.(?!\.))(?=\s|$)")


class SpaceInsideQuotesCheck(EditionCheck):
    """« text» or «text »: the book sets guillemets tight against what they quote."""

    id = "space-inside-quotes"
    name = N_("Space inside guillemets")
    description = N_("Fires on a space after an opening « or before a closing » (the book sets them tight).")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in INSIDE_QUOTES.finditer(text):
            start, end = word_start(text, m.start() - 12), word_end(text, m.end() + 12)
            piece = text[start:end]
            fixed = piece.replace(m.group(), m.group().strip(), 1)
            what = N_("a space after «") if m.group().startswith("«") else N_("a space before »")
            found.append(self.at(edition, index, start, end, what, suggestion=fixed))
        return found


class SpaceBeforePunctuationCheck(EditionCheck):
    """A space before a comma, semicolon, colon or full stop."""

    id = "space-before-punctuation"
    name = N_("Space before punctuation")
    description = N_("Fires on a space before , ; : or a sentence's full stop.")
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in BEFORE_MARK.finditer(block.text):
            start = word_start(block.text, m.start() - 15)
            piece = block.text[start:m.end()]
            found.append(self.at(edition, index, start, m.end(), Message(N_("a space before “%(mark)s”"), mark=m.group(1)),
                                 suggestion=piece[: m.start() - start] + m.group(1)))
        return found


class DoubleSpaceCheck(EditionCheck):
    """Two spaces between words inside a line of the source (the imported text shows one)."""

    id = "double-space"
    name = N_("Two spaces")
    description = N_("Fires where a line of the source has two or more spaces between words; the imported text "
                      "keeps one, so the corrected edition is already right.")
    severity = "info"

    def run(self, edition: Edition) -> list[Finding]:
        from workbench.checks.script import foreign_sections

        skip = {i for first, last in foreign_sections(edition) for i in range(first, last + 1)}
        return [f for i, block in enumerate(edition.blocks) if i not in skip
                for f in self.check_block(edition, i, block)]

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        per_line = Counter(block.anchor_at(o).line for o in block.doubled_spaces)
        for offset in block.doubled_spaces:
            if per_line[block.anchor_at(offset).line] >= JUSTIFIED:
                continue  # a line spread to the full measure: the layout, not a slip
            if not 0 < offset < len(text) or text[offset] != " ":
                continue  # the paragraph was edited since
            start, end = word_start(text, offset - 1), word_end(text, offset + 1)
            found.append(self.at(edition, index, start, end, N_("two spaces between these words in the source")))
        return found
