"""Spacing checks: a space inside guillemets, a space before a punctuation mark."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.checks.base import Edition, EditionCheck, Finding, word_end, word_start

if TYPE_CHECKING:
    from workbench.text.model import Block

INSIDE_QUOTES = re.compile(r"«[ \u00a0]+(?=\S)|(?<=\S)[ \u00a0]+»")
# A space before , ; : or a full stop that ends a word (not an ellipsis " ...", not ". . .", not "1 .5").
BEFORE_MARK = re.compile(r"(?<=[^\W\d_])[ \u00a0]+([,;:]|\.(?!\.))(?=\s|$)")


class SpaceInsideQuotesCheck(EditionCheck):
    """« text» or «text »: the book sets guillemets tight against what they quote."""

    id = "space-inside-quotes"
    name = "Space inside guillemets"
    description = "Fires on a space after an opening « or before a closing » (the book sets them tight)."
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        text = block.text
        for m in INSIDE_QUOTES.finditer(text):
            start, end = word_start(text, m.start() - 12), word_end(text, m.end() + 12)
            piece = text[start:end]
            fixed = piece.replace(m.group(), m.group().strip(), 1)
            what = "after «" if m.group().startswith("«") else "before »"
            found.append(self.at(edition, index, start, end, f"a space {what}", suggestion=fixed))
        return found


class SpaceBeforePunctuationCheck(EditionCheck):
    """A space before a comma, semicolon, colon or full stop."""

    id = "space-before-punctuation"
    name = "Space before punctuation"
    description = "Fires on a space before , ; : or a sentence's full stop."
    severity = "warning"

    def check_block(self, edition: Edition, index: int, block: Block) -> list[Finding]:
        found = []
        for m in BEFORE_MARK.finditer(block.text):
            start = word_start(block.text, m.start() - 15)
            piece = block.text[start:m.end()]
            found.append(self.at(edition, index, start, m.end(), f"a space before “{m.group(1)}”",
                                 suggestion=piece[: m.start() - start] + m.group(1)))
        return found
